package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgen/docgen/internal/diag"
	"github.com/docgen/docgen/internal/safefile"
)

// TestReadBodyFindsTheBodyAgain: ReadBody gives the body LoadFrontMatter
// hashed, for a file with CRLF line ends and a byte order mark too, and
// refuses a file whose body changed since, whether or not its front
// matter changed length.
func TestReadBodyFindsTheBodyAgain(t *testing.T) {
	known := func(c string) bool { return c == "en" }
	files := map[string]string{
		"content/a/en.md": "+++\ntitle = \"A\"\n+++\n\nBody of A.\n",
		"content/b/en.md": "\ufeff+++\r\ntitle = \"B\"\r\n+++\r\n\r\nBody of B.\r\n",
	}
	root := writeSite(t, files)
	pages, err := LoadFrontMatter(root, "content", known)
	if err != nil || len(pages) != 2 {
		t.Fatalf("LoadFrontMatter = %d pages, %v", len(pages), err)
	}
	site, err := safefile.OpenDir(root)
	if err != nil {
		t.Fatal(err)
	}
	defer site.Close()
	for _, p := range pages {
		if p.Body != nil {
			t.Fatalf("%s: body kept", p.Path)
		}
		body, err := ReadBody(site, p)
		want := "\nBody of " + strings.ToUpper(p.Slug) + ".\n"
		if err != nil || string(body) != want {
			t.Errorf("ReadBody(%s) = %q, %v; want %q", p.Path, body, err, want)
		}
	}
	edits := map[string]string{
		"body":                "+++\ntitle = \"A\"\n+++\n\nBody of A, edited.\n",
		"longer front matter": "+++\ntitle = \"A longer title\"\n+++\n\nBody of A.\n",
	}
	for name, text := range edits {
		if err := os.WriteFile(filepath.Join(root, "content/a/en.md"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := ReadBody(site, pages[0])
		if d, ok := diag.As(err); !ok || !strings.Contains(d.Message, "changed while it was being built") {
			t.Errorf("%s: ReadBody = %v, want the page-changed error", name, err)
		}
	}
}

// TestLoadKeepsTheWalkOrderOfErrors: pages are read on all cores, but the
// errors come in the order of the files, as they did when read one by one.
func TestLoadKeepsTheWalkOrderOfErrors(t *testing.T) {
	known := func(c string) bool { return c == "en" }
	root := writeSite(t, map[string]string{
		"content/a/en.md": "no front matter\n",
		"content/b/xx.md": "+++\ntitle = \"B\"\n+++\n",
		"content/c/en.md": "+++\ntitle = \"C\"\n+++\n",
		"content/d/en.md": "+++\n+++\nno title\n",
		"content/e/EN.md": "+++\ntitle = \"E\"\n+++\n",
	})
	_, err := LoadFrontMatter(root, "content", known)
	var files []string
	for _, d := range err.(diag.List) {
		files = append(files, d.File)
	}
	if got, want := strings.Join(files, " "), "content/a/en.md content/b/xx.md content/d/en.md content/e/EN.md"; got != want {
		t.Errorf("errors name %s, want %s (%v)", got, want, err)
	}
}
