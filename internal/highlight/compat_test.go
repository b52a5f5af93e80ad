package highlight

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// fastLanguages lists the canonical names of the languages with a fast path.
var fastLanguages = []string{"python", "ruby", "go", "java", "csharp", "javascript", "typescript", "json", "bash", "yaml", "sql", "protobuf", "xml", "html", "php"}

var update = flag.Bool("update", false, "rewrite testdata/compat.golden")

// sample is one code block: where it comes from, its language and code.
type sample struct {
	name, lang string
	code       []byte
}

// samples returns the code blocks of the repository's content
// (../../content/*/*.md, fenced) and testdata/samples/<lang>.<ext>.
func samples(t testing.TB) []sample {
	var out []sample
	files, _ := filepath.Glob("testdata/samples/*")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		base := filepath.Base(f)
		out = append(out, sample{name: base, lang: strings.SplitN(base, ".", 2)[0], code: b})
	}
	pages, _ := filepath.Glob("../../content/*/*.md")
	fence := regexp.MustCompile("(?m)^( *)(```+|~~~+)([A-Za-z0-9_+#.-]*)[^\n]*\n")
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel("../..", p)
		for _, m := range fence.FindAllSubmatchIndex(b, -1) {
			indent, marker, lang := string(b[m[2]:m[3]]), string(b[m[4]:m[5]]), strings.ToLower(string(b[m[6]:m[7]]))
			if lang == "" {
				continue
			}
			rest := b[m[1]:]
			closeAt := regexp.MustCompile("(?m)^" + indent + regexp.QuoteMeta(marker) + "\\s*$").FindIndex(rest)
			if closeAt == nil {
				continue
			}
			var code []byte
			for _, line := range bytes.SplitAfter(rest[:closeAt[0]], []byte("\n")) {
				code = append(code, bytes.TrimPrefix(line, []byte(indent))...)
			}
			line := bytes.Count(b[:m[0]], []byte("\n")) + 1
			out = append(out, sample{name: fmt.Sprintf("%s:%d", filepath.ToSlash(rel), line), lang: lang, code: code})
		}
	}
	return out
}

// chromaTokens lexes code with chroma, as internal/markdown did before this
// package.
func chromaTokens(t testing.TB, lang string, code []byte) []chroma.Token {
	l := lexers.Get(lang)
	if l == nil {
		t.Fatalf("chroma has no lexer for %q", lang)
	}
	it, err := chroma.Coalesce(l).Tokenise(nil, string(code))
	if err != nil {
		t.Fatal(err)
	}
	return it.Tokens()
}

// chromaHTML formats code as internal/markdown did before this package.
func chromaHTML(t testing.TB, lang string, code []byte) string {
	f := chromahtml.New(chromahtml.WithClasses(true), chromahtml.PreventSurroundingPre(true))
	var b bytes.Buffer
	if err := f.Format(&b, styles.Fallback, chroma.Literator(chromaTokens(t, lang, code)...)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// classes returns the CSS class of every byte of code.
func classesOf(toks []chroma.Token) []string {
	var out []string
	for _, tok := range toks {
		c := classOf(tok.Type)
		for range len(tok.Value) {
			out = append(out, c)
		}
	}
	return out
}

func ourClasses(code []byte, toks []token) []string {
	var out []string
	start := 0
	for _, tok := range toks {
		c := classOf(tok.Type)
		for range tok.End - start {
			out = append(out, c)
		}
		start = tok.End
	}
	return out
}

// diff is a run of code that the two highlighters class differently.
type diff struct {
	line         int
	text         string
	chroma, ours string
}

func (d diff) key(lang string) string { return lang + " " + show(d.chroma) + ">" + show(d.ours) }

func show(c string) string {
	if c == "" {
		return "-"
	}
	return c
}

func diffClasses(code []byte, want, got []string) []diff {
	var out []diff
	for i := 0; i < len(code) && i < len(want) && i < len(got); {
		if want[i] == got[i] {
			i++
			continue
		}
		j := i
		for j < len(code) && want[j] == want[i] && got[j] == got[i] {
			j++
		}
		out = append(out, diff{line: bytes.Count(code[:i], []byte("\n")) + 1, text: string(code[i:j]), chroma: want[i], ours: got[i]})
		i = j
	}
	return out
}

// TestChromaCompat compares, for every code sample in the repository and
// testdata/samples, the CSS class our scanners give each character with
// chroma's, writes every difference to testdata/compat.golden (regenerate
// with -update and review), fails on a difference without a justification
// below, and checks that a sample without differences gets byte-identical
// HTML.
func TestChromaCompat(t *testing.T) {
	var out strings.Builder
	out.WriteString("# Every code sample of the repository and of testdata/samples with a fast path,\n")
	out.WriteString("# and each difference between chroma's CSS classes and the fast path's:\n")
	out.WriteString("# sample:line, text, chroma's class > ours, and why (the justified table in compat_test.go).\n")
	used := map[string]bool{}
	seen := map[string]bool{}
	for _, smp := range samples(t) {
		if !Supported(smp.lang) {
			continue
		}
		seen[canonical(smp.lang)] = true
		code := validUTF8(normalize(smp.code))
		want := classesOf(chromaTokens(t, smp.lang, code))
		src, toks, _ := tokens(smp.lang, code)
		got := ourClasses(src, toks)
		if len(got) != len(src) || len(want) != len(src) {
			t.Errorf("%s: tokens cover %d bytes (chroma %d) of %d", smp.name, len(got), len(want), len(src))
			continue
		}
		diffs := diffClasses(code, want, got)
		if len(diffs) == 0 {
			html, _ := AppendHTML(nil, smp.lang, smp.code)
			if ch := chromaHTML(t, smp.lang, code); string(html) != ch {
				t.Errorf("%s: same classes but different HTML:\n got %q\nwant %q", smp.name, html, ch)
			}
			fmt.Fprintf(&out, "%s (%s): %d bytes, same classes and HTML\n", smp.name, smp.lang, len(code))
			continue
		}
		fmt.Fprintf(&out, "%s (%s): %d bytes, %d differences:\n", smp.name, smp.lang, len(code), len(diffs))
		for _, d := range diffs {
			why, ok := justified[d.key(canonical(smp.lang))]
			if !ok {
				why = "UNJUSTIFIED"
				t.Errorf("%s:%d: %q is %s in chroma, %s here: no justification for %q", smp.name, d.line, d.text, show(d.chroma), show(d.ours), d.key(canonical(smp.lang)))
			}
			used[d.key(canonical(smp.lang))] = true
			fmt.Fprintf(&out, "  %s:%d %q %s>%s: %s\n", smp.name, d.line, d.text, show(d.chroma), show(d.ours), why)
		}
	}
	for _, lang := range fastLanguages {
		if !seen[lang] {
			t.Errorf("no sample for %s: add testdata/samples/%s.<ext>", lang, lang)
		}
	}
	var stale []string
	for k := range justified {
		if !used[k] {
			stale = append(stale, k)
		}
	}
	sort.Strings(stale)
	for _, k := range stale {
		t.Errorf("justification %q matches no difference: remove it", k)
	}
	golden := filepath.Join("testdata", "compat.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != out.String() {
		t.Errorf("differences changed; run go test -run TestChromaCompat -update and review the diff of %s:\n%s", golden, out.String())
	}
}

// justified explains each kind of difference ("lang chroma>ours" classes)
// that the golden file lists.
var justified = map[string]string{}

// TestSQLWordsMatchChroma checks sqlWord against the keyword and type lists
// of chroma's SQL lexer, so that a chroma upgrade that changes them fails
// here.
func TestSQLWordsMatchChroma(t *testing.T) {
	rules, err := lexers.Get("sql").(*chroma.RegexLexer).Rules()
	if err != nil {
		t.Fatal(err)
	}
	list := regexp.MustCompile(`^\(([A-Z_|0-9 -]+)\)\\b$`)
	found := 0
	for _, rule := range rules["root"] {
		m := list.FindStringSubmatch(rule.Pattern)
		if m == nil {
			continue
		}
		found++
		for _, w := range strings.Split(m[1], "|") {
			if strings.ContainsAny(w, " -") {
				continue // " TEMP" never matches after white space; END-EXEC is special-cased
			}
			want := chroma.Keyword
			if strings.HasPrefix(m[1], "CHARACTER|") {
				want = chroma.NameBuiltin
			}
			if got := sqlWord(w); got != want {
				t.Errorf("sqlWord(%q) = %v, chroma has %v", w, got, want)
			}
		}
	}
	if found != 2 {
		t.Fatalf("found %d word lists in chroma's SQL rules, want 2", found)
	}
}

// TestAliases checks that each name a fence may give a fast-path language
// by is one chroma reads as that same language, and that names chroma gives
// to other lexers have no fast path.
func TestAliases(t *testing.T) {
	for _, lang := range fastLanguages {
		for _, alias := range []string{lang, strings.ToUpper(lang)} {
			if !Supported(alias) || lexers.Get(alias) == nil {
				t.Errorf("%q: no fast path or no chroma lexer", alias)
			}
		}
	}
	for alias, lang := range map[string]string{
		"py": "python", "python3": "python", "py3": "python", "rb": "ruby", "duby": "ruby",
		"golang": "go", "c#": "csharp", "cs": "csharp", "js": "javascript", "ts": "typescript",
		"tsx": "typescript", "sh": "bash", "shell": "bash", "zsh": "bash", "ksh": "bash",
		"yml": "yaml", "proto": "protobuf", "htm": "html", "php3": "php", "php4": "php", "php5": "php",
	} {
		if got := canonical(alias); got != lang {
			t.Errorf("canonical(%q) = %q, want %q", alias, got, lang)
		}
		if a, b := lexers.Get(alias), lexers.Get(lang); a == nil || a.Config().Name != b.Config().Name {
			t.Errorf("chroma reads %q as another language than %q", alias, lang)
		}
	}
	for _, other := range []string{"console", "jsx", "c", "cpp", "text", "", "toml", "css", "bash-session", "python2"} {
		if Supported(other) {
			t.Errorf("Supported(%q) = true", other)
		}
	}
}

// TestInvalidUTF8 checks that bytes outside UTF-8 come out as U+FFFD, as
// chroma writes them, in every language.
func TestInvalidUTF8(t *testing.T) {
	code := []byte("x = \"caf\xe9\" # \xff\xfe\n")
	for _, lang := range fastLanguages {
		got, _ := AppendHTML(nil, lang, code)
		if want := chromaHTML(t, lang, validUTF8(code)); string(got) != want {
			t.Errorf("%s:\n got %q\nwant %q", lang, got, want)
		}
		if !strings.Contains(string(got), "\uFFFD") {
			t.Errorf("%s: no replacement character in %q", lang, got)
		}
	}
}
