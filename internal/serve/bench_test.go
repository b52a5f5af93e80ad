package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/docgen/docgen/internal/benchcorpus"
)

// BenchmarkEditToReload measures what a writer waits for in docgen serve:
// from saving a page to the browser's reload event for it, through the
// watcher, the incremental rebuild and the write. It runs on the
// repository's own site and on a generated site of about 5,000 pages.
// One op is one edit; compare medians of -count runs.
func BenchmarkEditToReload(b *testing.B) {
	b.Run("repo", func(b *testing.B) {
		dir := b.TempDir()
		for _, d := range []string{"content", "locales", "layouts"} {
			if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join("../..", d))); err != nil {
				b.Fatal(err)
			}
		}
		cfg, err := os.ReadFile("../../config.toml")
		if err != nil {
			b.Fatal(err)
		}
		writeFile(b, filepath.Join(dir, "config.toml"), string(cfg))
		editLoop(b, dir, "content/developer-token-reset/fa.md", "/fa/developer-token-reset/")
	})
	b.Run("corpus-5000", func(b *testing.B) {
		if testing.Short() {
			b.Skip("large corpus skipped with -short")
		}
		dir := b.TempDir()
		// 910 guides per language, minus the untranslated ones: 5,018 pages.
		if err := benchcorpus.WriteDocgen(dir, benchcorpus.Options{Guides: 910, Seed: 1},
			os.DirFS("../../layouts"), os.DirFS("../../locales")); err != nil {
			b.Fatal(err)
		}
		editLoop(b, dir, "content/guide-00042/fa.md", "/fa/guide-00042/")
	})
}

// editLoop serves dir, then appends a paragraph to page b.N times, each time
// waiting for the reload event naming url.
func editLoop(b *testing.B, dir, page, url string) {
	origin := serveDir(b, dir)
	events := listen(b, origin)
	orig, err := os.ReadFile(filepath.Join(dir, page))
	if err != nil {
		b.Fatal(err)
	}
	edit := func(i int, timeout time.Duration) bool {
		writeFile(b, filepath.Join(dir, page), fmt.Sprintf("%s\nEdit number %d.\n", orig, i))
		deadline := time.After(timeout)
		for {
			select {
			case e := <-events:
				if e.name == "reload" && strings.Contains(e.data, `"`+url+`"`) {
					return true
				}
			case <-deadline:
				return false
			}
		}
	}
	// The watcher starts after the first build; edit until it answers.
	for try := 0; !edit(-1-try, 2*time.Second); try++ {
		if try == 20 {
			b.Fatal("no reload event for " + url)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if !edit(i, time.Minute) {
			b.Fatal("no reload event for " + url)
		}
	}
}
