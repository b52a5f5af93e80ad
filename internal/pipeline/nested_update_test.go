package pipeline

import (
	"os"
	"path/filepath"
	"testing"
)

// A serve session's updates keep generated section pages in step: a page
// in a new nested section brings the section pages, a source page for a
// section replaces the generated one, and removing the section's last page
// removes them; after each step the output equals a full build.
func TestUpdateNestedSections(t *testing.T) {
	dir := copySite(t)
	b, mem := builtSession(t, dir)
	same := func(step string) {
		t.Helper()
		full, err := Render(Options{Root: dir})
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		for _, f := range full.Files {
			if string(mem.Files[f.Path]) != string(f.Data) {
				t.Errorf("%s: %s differs between the update and a full build", step, f.Path)
			}
		}
		if len(full.Files) != len(mem.Files) {
			t.Errorf("%s: update has %d files, full build %d", step, len(mem.Files), len(full.Files))
		}
	}
	leaf := "content/guides/auth/tokens/en.md"
	write(t, dir, leaf, "+++\ntitle = \"Tokens\"\n+++\n\n## Create\n\nSee [alpha](../../../alpha/en.md).\n")
	if _, err := b.Apply(Change{Paths: []string{leaf}}, mem); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"en/guides/index.html", "en/guides/auth/index.html", "fa/guides/auth/tokens/index.html"} {
		if mem.Files[p] == nil {
			t.Errorf("new nested page: %s not written", p)
		}
	}
	same("new nested page")

	section := "content/guides/en.md"
	write(t, dir, section, "+++\ntitle = \"All guides\"\n+++\n\nText.\n")
	if _, err := b.Apply(Change{Paths: []string{section}}, mem); err != nil {
		t.Fatal(err)
	}
	same("section page written")

	for _, p := range []string{leaf, section} {
		if err := os.Remove(filepath.Join(dir, p)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := b.Apply(Change{Paths: []string{leaf, section}}, mem); err != nil {
		t.Fatal(err)
	}
	if mem.Files["en/guides/auth/index.html"] != nil {
		t.Error("the generated section page outlived its last page")
	}
	same("section emptied")
}
