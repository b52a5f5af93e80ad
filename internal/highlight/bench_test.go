package highlight

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/docgen/docgen/internal/benchcorpus"
)

// variants returns n copies of lang's sample, each with a comment of its own
// on its first line (JSON, which has no comments, gets a value of its own),
// as translated pages have: no cache can serve one from another.
func variants(b *testing.B, lang string, n int) [][]byte {
	files, _ := filepath.Glob("testdata/samples/" + lang + ".*")
	if len(files) != 1 {
		b.Fatalf("want one sample for %s, have %v", lang, files)
	}
	code, err := os.ReadFile(files[0])
	if err != nil {
		b.Fatal(err)
	}
	out := make([][]byte, n)
	for i := range out {
		note := fmt.Sprintf("traduction numéro %d du commentaire", i)
		var v string
		switch lang {
		case "python", "ruby", "bash", "yaml":
			v = "# " + note + "\n" + string(code)
		case "sql":
			v = "-- " + note + "\n" + string(code)
		case "xml", "html":
			v = "<!-- " + note + " -->\n" + string(code)
		case "json":
			v = strings.Replace(string(code), `"docgen-sample"`, `"`+note+`"`, 1)
		case "php":
			v = strings.Replace(string(code), "<?php\n", "<?php\n// "+note+"\n", 1)
		default:
			v = "// " + note + "\n" + string(code)
		}
		out[i] = []byte(v)
	}
	return out
}

// BenchmarkHighlight highlights each language's sample, its comment changed
// at every call, with chroma (as internal/markdown did) and with the fast
// path; run both in one command and compare their ratio.
func BenchmarkHighlight(b *testing.B) {
	for _, lang := range fastLanguages {
		codes := variants(b, lang, 64)
		b.Run(lang+"/chroma", func(b *testing.B) {
			f := chromahtml.New(chromahtml.WithClasses(true), chromahtml.PreventSurroundingPre(true))
			var buf bytes.Buffer
			b.SetBytes(int64(len(codes[0])))
			for i := 0; b.Loop(); i++ {
				it, err := chroma.Coalesce(lexers.Get(lang)).Tokenise(nil, string(codes[i%len(codes)]))
				if err != nil {
					b.Fatal(err)
				}
				buf.Reset()
				if err := f.Format(&buf, styles.Fallback, it); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(lang+"/fast", func(b *testing.B) {
			var buf []byte
			b.SetBytes(int64(len(codes[0])))
			for i := 0; b.Loop(); i++ {
				buf, _ = AppendHTML(buf[:0], lang, codes[i%len(codes)])
			}
		})
	}
}

// BenchmarkGoldmarkPage parses, and converts, a generated 8.3 KB page (the
// benchmark corpus's English guide 1 at 600 words) with goldmark and its GFM
// extension: the yardstick for one code block's cost.
func BenchmarkGoldmarkPage(b *testing.B) {
	src := []byte(benchcorpus.Generate(benchcorpus.Options{Seed: 1, Words: 600}, 1, "en").Docgen)
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	b.Logf("page: %d bytes", len(src))
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			md.Parser().Parse(text.NewReader(src))
		}
	})
	b.Run("convert", func(b *testing.B) {
		var buf bytes.Buffer
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			buf.Reset()
			if err := md.Convert(src, &buf); err != nil {
				b.Fatal(err)
			}
		}
	})
}
