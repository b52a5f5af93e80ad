package markdown

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected output of testdata/cases/*.txtar")

// testConverter declares python and ruby, with English labels.
func testConverter() *Converter {
	return New(Options{
		CalloutLabel:    func(kind string) string { return "Label:" + kind },
		ClientName:      func(id string) string { return map[string]string{"python": "Python", "ruby": "Ruby"}[id] },
		ClientTabsLabel: "Client library",
	})
}

// TestCases converts the "input.md" of each testdata/cases/*.txtar archive and
// compares the HTML with its "output.html" (regenerate with -update and review
// the diff).
func TestCases(t *testing.T) {
	files, _ := filepath.Glob("testdata/cases/*.txtar")
	if len(files) == 0 {
		t.Fatal("no cases")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var input []byte
			out := -1
			for i, f := range ar.Files {
				switch f.Name {
				case "input.md":
					input = f.Data
				case "output.html":
					out = i
				}
			}
			doc := testConverter().Parse("input.md", input, 1)
			if len(doc.Diags) > 0 {
				t.Fatalf("unexpected problems: %v", doc.Diags)
			}
			got, err := doc.HTML()
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(got, "style=") {
				t.Errorf("output has an inline style")
			}
			if *update {
				if out < 0 {
					ar.Files = append(ar.Files, txtar.File{Name: "output.html"})
					out = len(ar.Files) - 1
				}
				ar.Files[out].Data = []byte(got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if out < 0 {
				t.Fatal("no output.html section; run with -update")
			}
			if want := string(ar.Files[out].Data); got != want {
				t.Errorf("HTML differs (run go test -update and review the diff)\n--- got\n%s\n--- want\n%s", got, want)
			}
		})
	}
}

func TestHeadingIDs(t *testing.T) {
	src := "## What happens on reset?\n\n## هنگام بازنشانی چه اتفاقی می‌افتد؟\n\n## จะเกิดอะไรขึ้นเมื่อรีเซ็ต\n\n## Créer des identifiants\n\n## Setup\n\n## Setup\n\n## Named {#custom-id}\n\n## On this page {#toc-title}\n"
	doc := testConverter().Parse("p.md", []byte(src), 1)
	var ids []string
	for _, h := range doc.Headings {
		ids = append(ids, h.ID)
	}
	want := []string{"what-happens-on-reset", "هنگام-بازنشانی-چه-اتفاقی-میافتد", "จะเกิดอะไรขึ้นเมื่อรีเซ็ต", "créer-des-identifiants", "setup", "setup-1", "custom-id", "toc-title"}
	if strings.Join(ids, " ") != strings.Join(want, " ") {
		t.Errorf("ids = %q\nwant  %q", ids, want)
	}
	doc.SetHeadingID(0, "other")
	html, _ := doc.HTML()
	if !strings.Contains(html, `<h2 id="other">What happens on reset?</h2>`) {
		t.Errorf("SetHeadingID not rendered: %s", html)
	}
}

func TestClientBlockErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		contains  string
	}{
		{"unclosed group", "Intro\n\n::: client python\nstep\n", 3, "not closed"},
		{"unknown language", "::: client python\na\n::: client java\nb\n:::\n", 3, `unknown client language "java"`},
		{"empty variant", "::: client python\n::: client ruby\nb\n:::\n", 1, `variant "python" is empty`},
		{"nested group", "::: client python\n1. step\n\n   ::: client ruby\n   inner\n   :::\n:::\n", 4, "nested"},
		{"duplicate language", "::: client ruby\na\n::: client ruby\nb\n:::\n", 3, "appears twice"},
		{"no id", "::: client\na\n:::\n", 1, "no client id"},
		{"duplicate heading id", "## Setup\n\ntext\n\n## Other {#setup}\n", 5, `heading id "setup" is not unique (line 10 has it too)`},
		{"reserved heading id", "## Main part {#main}\n", 1, `heading id "main" is used by the page layout (layouts/base.html)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := testConverter().Parse("content/g/en.md", []byte(tt.src), 10)
			if len(doc.Diags) == 0 {
				t.Fatal("no error")
			}
			d := doc.Diags[0]
			if d.File != "content/g/en.md" || d.Line != 9+tt.line || !strings.Contains(d.Message, tt.contains) || d.Hint == "" {
				t.Errorf("got %v (line %d), want line %d containing %q with a hint", d, d.Line, 9+tt.line, tt.contains)
			}
		})
	}
}

func TestTooDeepNestingFailsFast(t *testing.T) {
	src := strings.Repeat(">", 40) + " deep\n"
	doc := testConverter().Parse("p.md", []byte("ok\n\n"+src), 1)
	if len(doc.Diags) != 1 || doc.Diags[0].Line != 3 || !strings.Contains(doc.Diags[0].Message, "too deep") {
		t.Fatalf("diags = %v", doc.Diags)
	}
}

func FuzzMarkdown(f *testing.F) {
	files, _ := filepath.Glob("testdata/cases/*.txtar")
	for _, file := range files {
		if ar, err := txtar.ParseFile(file); err == nil {
			for _, fl := range ar.Files {
				if fl.Name == "input.md" {
					f.Add(fl.Data)
				}
			}
		}
	}
	f.Add([]byte("::: client python\n::: client\n:::\n:::\n| x\n> [!NOTE]\n"))
	c := testConverter()
	f.Fuzz(func(t *testing.T, src []byte) {
		doc := c.Parse("p.md", src, 1)
		if _, err := doc.HTML(); err != nil {
			t.Fatal(err)
		}
		for _, d := range doc.Diags {
			if d.Line < 1 {
				t.Fatalf("diagnostic without a line: %v", d)
			}
		}
	})
}
