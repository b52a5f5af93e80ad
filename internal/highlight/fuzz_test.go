package highlight

import (
	"bytes"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var tag = regexp.MustCompile(`<span class="[a-z0-9]+">|</span>`)

// fuzzScanner checks, for any input, that lang's scanner does not panic,
// that its tokens cover the code exactly and in order, and that the HTML,
// once its tags are stripped and its entities unescaped, is the code.
func fuzzScanner(f *testing.F, lang string) {
	files, _ := filepath.Glob("testdata/samples/" + lang + ".*")
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		// Halves of the sample: strings and comments cut open.
		f.Add(b[:len(b)/2])
		f.Add(b[len(b)/2:])
	}
	for _, s := range []string{"", "\n", "\"", "'", "`", "/*", "<!--", "${", "#{", "\\", "\r\n\r", "é\x00\xff"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, code []byte) { checkScanner(t, lang, code) })
}

// checkScanner is the property every scanner's fuzz target checks.
func checkScanner(t *testing.T, lang string, code []byte) {
	code = validUTF8(normalize(code))
	src, toks, ok := tokens(lang, code)
	if !ok {
		t.Fatalf("no scanner for %s", lang)
	}
	if string(src) != string(code) && !(ensuresNewline(lang) && string(src) == string(code)+"\n") {
		t.Fatalf("scanned %q for %q", src, code)
	}
	prev := 0
	for _, tok := range toks {
		if tok.End <= prev {
			t.Fatalf("token ends at %d after %d", tok.End, prev)
		}
		prev = tok.End
	}
	if prev != len(src) {
		t.Fatalf("tokens cover %d of %d bytes", prev, len(src))
	}
	out, _ := AppendHTML(nil, lang, code)
	if strings.Contains(tag.ReplaceAllString(string(out), ""), "<") {
		t.Fatalf("HTML holds an unexpected tag: %q", out)
	}
	if text := html.UnescapeString(tag.ReplaceAllString(string(out), "")); text != string(src) {
		t.Fatalf("text changed:\n got %q\nwant %q", text, src)
	}
	again, _ := AppendHTML(nil, lang, code)
	if !bytes.Equal(out, again) {
		t.Fatal("output differs between two runs")
	}
}

func FuzzPython(f *testing.F)     { fuzzScanner(f, "python") }
func FuzzRuby(f *testing.F)       { fuzzScanner(f, "ruby") }
func FuzzGo(f *testing.F)         { fuzzScanner(f, "go") }
func FuzzJava(f *testing.F)       { fuzzScanner(f, "java") }
func FuzzCSharp(f *testing.F)     { fuzzScanner(f, "csharp") }
func FuzzJavaScript(f *testing.F) { fuzzScanner(f, "javascript") }
func FuzzTypeScript(f *testing.F) { fuzzScanner(f, "typescript") }
func FuzzJSON(f *testing.F)       { fuzzScanner(f, "json") }
func FuzzBash(f *testing.F)       { fuzzScanner(f, "bash") }
func FuzzYAML(f *testing.F)       { fuzzScanner(f, "yaml") }
func FuzzSQL(f *testing.F)        { fuzzScanner(f, "sql") }
func FuzzProtobuf(f *testing.F)   { fuzzScanner(f, "protobuf") }
func FuzzXML(f *testing.F)        { fuzzScanner(f, "xml") }
func FuzzHTML(f *testing.F)       { fuzzScanner(f, "html") }
func FuzzPHP(f *testing.F)        { fuzzScanner(f, "php") }

// TestFuzzTargets checks that every language with a fast path has a fuzz
// target above, by running each language's seeds through the same checks.
func TestFuzzTargets(t *testing.T) {
	src, err := os.ReadFile("fuzz_test.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range fastLanguages {
		if !bytes.Contains(src, []byte(`fuzzScanner(f, "`+lang+`")`)) {
			t.Errorf("no fuzz target for %s", lang)
		}
	}
}

// FuzzChromaParity compares the fast path's classes with chroma's on any
// input, the first byte choosing the language. Its seeds (the samples) must
// agree; fuzzing it finds the inputs where the two part ways (the report of
// issue 14 lists the kinds found: Unicode digits and spaces, which chroma's
// regexp engine counts as \d and \s; Ruby %-literals with other delimiters
// than brackets; a template literal inside a TypeScript JSX tag).
func FuzzChromaParity(f *testing.F) {
	for i, lang := range fastLanguages {
		files, _ := filepath.Glob("testdata/samples/" + lang + ".*")
		for _, file := range files {
			b, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(append([]byte{byte(i)}, b...))
		}
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		if len(in) == 0 {
			return
		}
		lang := fastLanguages[int(in[0])%len(fastLanguages)]
		code := validUTF8(normalize(in[1:]))
		want := classesOf(chromaTokens(t, lang, code))
		src, toks, _ := tokens(lang, code)
		got := ourClasses(src, toks)
		if len(want) != len(got) {
			t.Fatalf("%s %q: chroma covers %d bytes, the fast path %d", lang, code, len(want), len(got))
		}
		if d := diffClasses(src, want, got); len(d) > 0 {
			t.Fatalf("%s %q: line %d %q is %s in chroma, %s here", lang, code, d[0].line, d[0].text, show(d[0].chroma), show(d[0].ours))
		}
	})
}
