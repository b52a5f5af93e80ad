package pipeline

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/tools/txtar"
)

// Hostile text in a translation (catalog messages, front matter, Markdown,
// even the language's name in config.toml) is rendered as text: the pages,
// parsed as a browser would, hold no script, event handler or javascript:
// URL that came from it.
func TestHostileTranslationIsInert(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/hostile.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeArchive(t, dir, ar)
	res, err := Render(Options{Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, f := range res.Files {
		if !strings.HasSuffix(f.Path, ".html") {
			continue
		}
		checked++
		doc, err := html.Parse(bytes.NewReader(f.Data))
		if err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				if n.Data == "script" && attr(n, "type") == "application/ld+json" {
					// A data block (the breadcrumbs' structured data): never
					// run, and it must stay JSON whatever the titles hold.
					if n.FirstChild == nil || !json.Valid([]byte(n.FirstChild.Data)) || n.FirstChild.NextSibling != nil {
						t.Errorf("%s: structured data that is not one JSON text: %v", f.Path, n.FirstChild)
					}
				} else if n.Data == "script" {
					src := attr(n, "src")
					if !strings.Contains(src, "assets/docgen.") || n.FirstChild != nil {
						t.Errorf("%s: a script that is not docgen's own: src=%q %v", f.Path, src, n.FirstChild)
					}
				}
				for _, a := range n.Attr {
					key := strings.ToLower(a.Key)
					val := strings.ToLower(strings.TrimSpace(a.Val))
					if strings.HasPrefix(key, "on") {
						t.Errorf("%s: <%s %s=%q>: event handler attribute", f.Path, n.Data, a.Key, a.Val)
					}
					if (key == "href" || key == "src" || key == "action" || key == "formaction") && strings.HasPrefix(strings.Map(dropSpace, val), "javascript:") {
						t.Errorf("%s: <%s %s=%q>: javascript: URL", f.Path, n.Data, a.Key, a.Val)
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		// The hostile text itself is still there, as text, for readers to see.
		if f.Path == "fa/alpha/index.html" && !strings.Contains(string(f.Data), "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;") {
			t.Errorf("%s: the hostile title is not shown escaped", f.Path)
		}
	}
	if checked < 6 {
		t.Fatalf("checked only %d pages", checked)
	}
	// The same holds for what is written to disk.
	if _, err := Run(Options{Root: dir}); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(filepath.Join(dir, "public/fa/alpha/index.html")); err != nil || bytes.Contains(data, []byte("<script>alert")) {
		t.Errorf("public/fa/alpha/index.html holds a live script (err %v)", err)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func dropSpace(r rune) rune {
	if r <= ' ' {
		return -1
	}
	return r
}
