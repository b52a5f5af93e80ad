package pipeline

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/docgen/docgen/internal/publish"
)

// copySite copies the small test site in testdata/updatesite into a temp dir,
// with the repository's real layouts and English catalog.
func copySite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/updatesite")); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "layouts"), os.DirFS("../../layouts")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// builtSession returns a session that has built dir into memory, and the
// memory; the session is closed when the test ends.
func builtSession(t *testing.T, dir string) (*Session, *publish.Memory) {
	t.Helper()
	b := NewSession(Options{Root: dir})
	t.Cleanup(b.Close)
	mem := publish.NewMemory()
	if _, err := b.Apply(Change{All: true}, mem); err != nil {
		t.Fatal(err)
	}
	return b, mem
}

func write(t *testing.T, dir, rel, text string) {
	t.Helper()
	p := filepath.Join(dir, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// shardNames writes search shards' names (named after their first key) as
// s<key>.json.
func shardNames(s string) string {
	return regexp.MustCompile(`search/s[0-9a-f]+(-[0-9]+)?\.json`).ReplaceAllString(s, "search/s<key>.json")
}

func paths(o *Outcome) []string {
	out := append([]string(nil), o.Written...)
	sort.Strings(out)
	return out
}

func TestUpdateRendersOnlyWhatAnEditAffects(t *testing.T) {
	dir := copySite(t)
	b, mem := builtSession(t, dir)

	// A body edit in a translation: only that guide's fa page changes.
	page := "+++\ntitle = \"Alpha FA\"\nsource = \"en.md\"\nupdated = 2025-01-03\n+++\n\n## Intro FA\n\nEdited body.\n"
	write(t, dir, "content/alpha/fa.md", page)
	ch, err := b.Apply(Change{Paths: []string{"content/alpha/fa.md"}}, mem)
	if err != nil {
		t.Fatal(err)
	}
	if got := shardNames(strings.Join(paths(ch), " ")); got != "fa/alpha/index.html fa/search.json fa/search/p0.json fa/search/s<key>.json" {
		t.Errorf("body edit wrote %q, want only fa/alpha/index.html and fa's search index (manifest, alpha's fragment, shards)", got)
	}

	// A broken edit fails and keeps the last good state.
	write(t, dir, "content/alpha/fa.md", "+++\ntitle = \n+++\n")
	if _, err := b.Apply(Change{Paths: []string{"content/alpha/fa.md"}}, mem); err == nil || !strings.Contains(err.Error(), "content/alpha/fa.md:2") {
		t.Fatalf("broken front matter: err = %v, want content/alpha/fa.md:2", err)
	}

	// A title edit changes every page that lists the guide.
	write(t, dir, "content/alpha/fa.md", strings.Replace(page, "Alpha FA", "Alpha FA 2", 1))
	ch, err = b.Apply(Change{Paths: []string{"content/alpha/fa.md"}}, mem)
	if err != nil {
		t.Fatal(err)
	}
	got := paths(ch)
	for _, want := range []string{"fa/alpha/index.html", "fa/beta/index.html", "fa/index.html"} {
		if !contains(got, want) {
			t.Errorf("title edit did not write %s; wrote %v", want, got)
		}
	}
	for _, p := range got {
		if strings.HasPrefix(p, "en/") {
			t.Errorf("title edit of a fa page rewrote %s", p)
		}
	}

	// The incremental result equals a full build of the same input.
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

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
