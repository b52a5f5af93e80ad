package benchcorpus_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	theme "github.com/docgen/docgen"
	"github.com/docgen/docgen/internal/benchcorpus"
	"github.com/docgen/docgen/internal/pipeline"
)

// fences returns the fenced code blocks of a Markdown body, info string
// included, in order.
func fences(md string) []string {
	var blocks []string
	var cur *strings.Builder
	for line := range strings.Lines(md) {
		switch {
		case cur == nil && strings.HasPrefix(line, "```"):
			cur = &strings.Builder{}
			cur.WriteString(line)
		case cur != nil && line == "```\n":
			blocks = append(blocks, cur.String())
			cur = nil
		case cur != nil:
			cur.WriteString(line)
		}
	}
	return blocks
}

// By default every code block of a guide differs from language to language
// (and no block appears twice anywhere in the corpus), while the code around
// the comments and the fence languages stay the same; with SameCode the
// blocks are identical in every language.
func TestCodeDiffersPerLanguage(t *testing.T) {
	const guides = 9 // guides 0, 3 and 6 carry the Java, Go and JavaScript blocks
	for _, same := range []bool{false, true} {
		opts := benchcorpus.Options{Guides: guides, Seed: 1, SameCode: same}
		seen := map[string]string{}
		fenceLangs := map[string]bool{}
		for i := range guides {
			en := fences(benchcorpus.Generate(opts, i, "en").Docgen)
			if len(en) < 4 {
				t.Fatalf("guide %d: %d code blocks in en, want at least 4", i, len(en))
			}
			for _, lang := range benchcorpus.Languages {
				p := benchcorpus.Generate(opts, i, lang)
				blocks := fences(p.Docgen)
				if hugo := fences(p.Hugo); strings.Join(hugo, "") != strings.Join(blocks, "") {
					t.Errorf("guide %d %s: the Hugo page's code differs from docgen's", i, lang)
				}
				if len(blocks) != len(en) {
					t.Fatalf("guide %d: %d code blocks in %s, %d in en", i, len(blocks), lang, len(en))
				}
				for b, block := range blocks {
					info := block[:strings.IndexByte(block, '\n')]
					fenceLangs[info] = true
					if enInfo := en[b][:strings.IndexByte(en[b], '\n')]; info != enInfo {
						t.Errorf("guide %d block %d: %s in %s, %s in en", i, b, info, lang, enInfo)
					}
					if same {
						if block != en[b] {
							t.Errorf("SameCode: guide %d block %d differs between en and %s", i, b, lang)
						}
						continue
					}
					where := lang + " guide " + benchcorpus.Slug(i)
					if prev, ok := seen[block]; ok {
						t.Errorf("%s: a code block identical to one in %s", where, prev)
					}
					seen[block] = where
				}
			}
		}
		if !same {
			for _, want := range []string{"```python", "```ruby", "```java", "```go", "```javascript"} {
				if !fenceLangs[want] {
					t.Errorf("no %s block in %d guides", want, guides)
				}
			}
		}
	}
}

// Comments in Persian and Thai code are in those scripts.
func TestCodeCommentsInPageScript(t *testing.T) {
	opts := benchcorpus.Options{Guides: 1, Seed: 1}
	for lang, script := range map[string]*unicode.RangeTable{"fa": unicode.Arabic, "th": unicode.Thai} {
		for _, block := range fences(benchcorpus.Generate(opts, 0, lang).Docgen) {
			if !strings.ContainsFunc(block, func(r rune) bool { return unicode.Is(script, r) }) {
				t.Errorf("%s: a code block without %s script:\n%s", lang, lang, block)
			}
		}
	}
}

// The same options give the same bytes; another seed gives other text.
func TestDeterministic(t *testing.T) {
	opts := benchcorpus.Options{Guides: 3, Seed: 7}
	a, b := benchcorpus.Generate(opts, 2, "th"), benchcorpus.Generate(opts, 2, "th")
	if a != b {
		t.Fatal("two runs with the same options differ")
	}
	opts.Seed = 8
	if c := benchcorpus.Generate(opts, 2, "th"); c.Docgen == a.Docgen {
		t.Fatal("another seed gives the same page")
	}
}

// A small corpus builds with docgen, and a Persian code comment reaches
// the published page.
func TestCorpusBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site")
	}
	dir := t.TempDir()
	opts := benchcorpus.Options{Guides: 4, Seed: 1}
	if err := benchcorpus.WriteDocgen(dir, opts, theme.Layouts(), theme.Locales()); err != nil {
		t.Fatal(err)
	}
	if err := benchcorpus.WriteHugo(filepath.Join(t.TempDir(), "hugo"), opts); err != nil {
		t.Fatal(err)
	}
	report, err := pipeline.Run(pipeline.Options{Root: dir, Scratch: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if len(report.Warnings) > 0 {
		t.Errorf("warnings: %v", report.Warnings)
	}
	block := fences(benchcorpus.Generate(opts, 0, "fa").Docgen)[0]
	comment := strings.TrimPrefix(strings.Split(block, "\n")[6], "    # ") // the first "#" comment
	if !strings.ContainsFunc(comment, func(r rune) bool { return unicode.Is(unicode.Arabic, r) }) {
		t.Fatalf("line 7 of the first block is not a Persian comment: %q", comment)
	}
	html, err := os.ReadFile(filepath.Join(dir, "public", "fa", benchcorpus.Slug(0), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(html), comment) {
		t.Errorf("the published fa page lacks its code comment %q", comment)
	}
}
