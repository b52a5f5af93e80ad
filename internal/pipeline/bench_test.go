package pipeline

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/docgen/docgen/internal/benchcorpus"
	"github.com/docgen/docgen/internal/publish"
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
// load (config, page index, catalogs, layouts), parse (every page's facts),
// arrange (site model, heading ids, link check), render (bodies, layouts,
// search index, sitemap, into memory) and full (the whole build, written
// to a staging folder and swapped in).
func BenchmarkStages(b *testing.B) {
	dir := corpus(b)
	s := NewSession(Options{Root: dir})
	defer s.Close()
	b.Run("load", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := s.load(); err != nil {
				b.Fatal(err)
			}
		}
	})
	st, err := s.load()
	if err != nil {
		b.Fatal(err)
	}
	if s.store, err = newBodyStore("", ""); err != nil {
		b.Fatal(err)
	}
	b.Run("parse", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if err := s.parseAll(st); err != nil {
				b.Fatal(err)
			}
		}
	})
	var settled error
	s.store.settle(&settled)
	b.Run("arrange", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if err := st.arrange(false, nil, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	targets, _ := plan(nil, st, affected{all: true})
	var mem *publish.Memory
	b.Run("render", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			mem = publish.NewMemory()
			w := &writer{sink: mem, next: map[string]uint64{}}
			if _, err := s.renderOutputs(st, targets, true, w); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.ReportMetric(float64(len(mem.Files)), "files")
	b.Run("full", func(b *testing.B) {
		out := b.TempDir()
		for i := 0; i < b.N; i++ {
			if _, err := Run(Options{Root: dir, Out: filepath.Join(out, "public"), Force: true}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkUpdate times the incremental rebuild after one translated page
// changed (what docgen serve does between a save and the reload).
func BenchmarkUpdate(b *testing.B) {
	dir := corpus(b)
	s := NewSession(Options{Root: dir})
	defer s.Close()
	mem := publish.NewMemory()
	if _, err := s.Apply(Change{All: true}, mem); err != nil {
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
		if _, err := s.Apply(Change{Paths: []string{page}}, mem); err != nil {
			b.Fatal(err)
		}
	}
}
