package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgen/docgen/internal/publish"
)

// A language's search index is several files (manifest, shards, page
// fragments). An update that leaves a language's index alone keeps its
// files; one that adds a page writes its fragment, one that drops a page
// removes the fragment no longer made, and the result equals a full build.
func TestUpdateKeepsAndRemovesSearchShards(t *testing.T) {
	dir := copySite(t)
	b := NewSession(Options{Root: dir})
	defer b.Close()
	mem := publish.NewMemory()
	if _, err := b.Apply(Change{All: true}, mem); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"en/search.json", "en/search/s0.json", "en/search/p1.json", "fa/search/p1.json"} {
		if _, ok := mem.Files[p]; !ok {
			t.Fatalf("full build lacks %s", p)
		}
	}

	// A body edit of the fa page: en's index is neither written nor removed.
	write(t, dir, "content/alpha/fa.md", "+++\ntitle = \"Alpha FA\"\nsource = \"en.md\"\nupdated = 2025-01-03\n+++\n\n## Intro FA\n\nEdited body.\n")
	ch, err := b.Apply(Change{Paths: []string{"content/alpha/fa.md"}}, mem)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range append(ch.Written, ch.Removed...) {
		if strings.HasPrefix(p, "en/search") {
			t.Errorf("a fa edit touched %s", p)
		}
	}
	if _, ok := mem.Files["en/search/p1.json"]; !ok {
		t.Errorf("a fa edit removed en/search/p1.json")
	}

	// A new guide gives every language a third fragment; removing it
	// again removes the fragment.
	write(t, dir, "content/gamma/en.md", "+++\ntitle = \"Gamma\"\n+++\n\n## Use\n\nGamma text.\n")
	if _, err = b.Apply(Change{Paths: []string{"content/gamma/en.md"}}, mem); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"en/search/p2.json", "fa/search/p2.json"} {
		if _, ok := mem.Files[p]; !ok {
			t.Errorf("adding gamma did not write %s", p)
		}
	}
	if err := os.Remove(filepath.Join(dir, "content/gamma/en.md")); err != nil {
		t.Fatal(err)
	}
	ch, err = b.Apply(Change{Paths: []string{"content/gamma/en.md"}}, mem)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"en/search/p2.json", "fa/search/p2.json"} {
		if !contains(ch.Removed, p) {
			t.Errorf("removing gamma did not remove %s; removed %v", p, ch.Removed)
		}
	}
	full, err := Render(Options{Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range full.Files {
		if string(mem.Files[f.Path]) != string(f.Data) {
			t.Errorf("%s differs between incremental and full build", f.Path)
		}
	}
	if len(full.Files) != len(mem.Files) {
		t.Errorf("incremental build has %d files, full build %d", len(mem.Files), len(full.Files))
	}
}
