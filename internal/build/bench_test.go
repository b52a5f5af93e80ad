package build

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/docgen/docgen/internal/benchcorpus"
	"github.com/docgen/docgen/internal/publish"
	"github.com/docgen/docgen/internal/render"
)

var benchGuides = flag.Int("bench-guides", 50, "guides per language in the benchmark corpus (6 languages)")

// corpus writes the benchmark corpus once per run of the benchmarks.
func corpus(b *testing.B) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("docgen-bench-%d-%d", *benchGuides, os.Getpid()))
	if _, err := os.Stat(dir); err == nil {
		return dir
	}
	if err := benchcorpus.WriteDocgen(dir, benchcorpus.Options{Guides: *benchGuides, Seed: 1},
		os.DirFS("../../layouts"), os.DirFS("../../locales")); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkStages times each stage of a cold build on the benchmark corpus
// (-bench-guides=N per language), so a regression shows up stage by stage:
// load (config, pages, catalogs, layouts), parse (Markdown to AST), arrange
// (site model, heading ids, link check, body HTML with highlighting), render
// (layouts, search index, sitemap) and write (staging folder and swap).
func BenchmarkStages(b *testing.B) {
	dir := corpus(b)
	bl := New(Options{Root: dir})
	b.Run("load", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, _, err := bl.loadInputs(); err != nil {
				b.Fatal(err)
			}
		}
	})
	st, list, err := bl.loadInputs()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("parse", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if err := st.parse(list); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("arrange", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			if err := st.parse(list); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if err := st.arrange(); err != nil {
				b.Fatal(err)
			}
		}
	})
	var files []render.File
	keep := func(batch []render.File) error { files = append(files, batch...); return nil }
	b.Run("render", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			files = files[:0]
			if err := st.renderAll(keep); err != nil {
				b.Fatal(err)
			}
		}
	})
	out := b.TempDir()
	b.Run("write", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if err := publish.Write(filepath.Join(out, "public"), files); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.ReportMetric(float64(len(files)), "files")
}

// BenchmarkFullBuild times a whole cold build with its write.
func BenchmarkFullBuild(b *testing.B) {
	dir := corpus(b)
	out := b.TempDir()
	for i := 0; i < b.N; i++ {
		if _, err := Run(Options{Root: dir, Out: filepath.Join(out, "public"), Force: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUpdate times the incremental rebuild after one translated page
// changed (what docgen serve does between a save and the reload).
func BenchmarkUpdate(b *testing.B) {
	dir := corpus(b)
	bl := New(Options{Root: dir})
	if _, err := bl.Build(); err != nil {
		b.Fatal(err)
	}
	page := "content/" + benchcorpus.Slug(2) + "/fa.md"
	orig, err := os.ReadFile(filepath.Join(dir, page))
	if err != nil {
		b.Fatal(err)
	}
	defer os.WriteFile(filepath.Join(dir, page), orig, 0o644)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := os.WriteFile(filepath.Join(dir, page), fmt.Appendf(orig, "\nEdit %d.\n", i), 0o644); err != nil {
			b.Fatal(err)
		}
		if _, err := bl.Update([]string{page}); err != nil {
			b.Fatal(err)
		}
	}
}
