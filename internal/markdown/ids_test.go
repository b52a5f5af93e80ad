package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A heading takes only {#id}: any other attribute is an error at its line
// and is not rendered.
func TestHeadingAttributesOnlyID(t *testing.T) {
	for _, attr := range []string{
		`style="position:fixed;inset:0;background-image:url('https://evil.example/t.png')"`,
		`contenteditable=true`, `autofocus=true`, `hidden=true`, `inert=true`,
		`accesskey=s`, `.wide`, `class=x`, `role=dialog`, `lang=ar`, `onclick="alert(1)"`,
	} {
		src := "Intro.\n\n## A {#a " + attr + "}\n"
		doc := testConverter().Parse("content/g/fr.md", []byte(src), 5)
		if len(doc.Diags) != 1 || doc.Diags[0].Line != 7 || !strings.Contains(doc.Diags[0].Message, "heading attribute") {
			t.Errorf("%s: got %v, want one error at content/g/fr.md:7", attr, doc.Diags)
			continue
		}
		var b bytes.Buffer
		if err := doc.Render(&b); err != nil {
			t.Fatal(err)
		}
		if got := b.String(); !strings.Contains(got, `<h2 id="a">A</h2>`) {
			t.Errorf("%s: rendered %q, want only the id", attr, got)
		}
	}
	doc := testConverter().Parse("content/g/fr.md", []byte("## A {#a}\n"), 1)
	if len(doc.Diags) != 0 {
		t.Errorf("{#a}: %v", doc.Diags)
	}
}

// Every id the layouts use is reserved under the layout's name, and a
// heading that takes one is an error naming it.
func TestReservedIDsMatchLayouts(t *testing.T) {
	names, err := filepath.Glob("../../layouts/*.html")
	if err != nil || len(names) == 0 {
		t.Fatalf("no layouts: %v", err)
	}
	idAttr := regexp.MustCompile(`\bid="([^"{]+)"`)
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		layout := "layouts/" + filepath.Base(name)
		for _, m := range idAttr.FindAllStringSubmatch(string(data), -1) {
			id := m[1]
			if got := ReservedID(id); got != layout {
				t.Errorf("%s uses id %q; ReservedID says %q", layout, id, got)
				continue
			}
			doc := testConverter().Parse("content/g/fr.md", []byte("## X {#"+id+"}\n"), 3)
			if len(doc.Diags) != 1 || doc.Diags[0].Line != 3 || !strings.Contains(doc.Diags[0].Message, layout) {
				t.Errorf("{#%s}: got %v, want an error at line 3 naming %s", id, doc.Diags, layout)
			}
			auto := testConverter().Parse("content/g/fr.md", []byte("## "+strings.ReplaceAll(id, "-", " ")+"\n"), 1)
			if len(auto.Headings) != 1 || auto.Headings[0].ID == id || len(auto.Diags) != 0 {
				t.Errorf("automatic id of heading %q: %+v %v", id, auto.Headings, auto.Diags)
			}
		}
	}
}
