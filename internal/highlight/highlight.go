// Package highlight is docgen's fast path for syntax highlighting: small
// hand-written scanners for the languages documentation uses most, which
// emit the same token types, and so the same CSS classes, as chroma's
// lexers, at a small fraction of their cost (chroma's lexers run dozens of
// backtracking regular expressions at each position).
//
// Each scanner follows its chroma lexer's rules in their order, quirks
// included, so that the HTML is byte for byte what chroma writes: the tests
// compare every sample in the repository with chroma's output and list any
// difference in testdata/compat.golden. A scanner reads the code once, left
// to right, keeping only the little state its language needs (a stack of
// open strings and brackets, whether a slash may start a regular
// expression). Languages without a scanner here are left to chroma by the
// caller.
package highlight

import (
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
)

// token is a run of code of one type: it ends at End and starts where the
// previous token ended (or at 0).
type token struct {
	Type chroma.TokenType
	End  int
}

// scanFunc fills s.toks for s.src.
type scanFunc func(s *scanner)

// lookup returns the scanner for a fenced block's language name (as chroma
// names and aliases it), or nil.
func lookup(lang string) scanFunc {
	switch canonical(lang) {
	case "python":
		return scanPython
	case "ruby":
		return scanRuby
	case "go":
		return scanGo
	case "java":
		return scanJava
	case "csharp":
		return scanCSharp
	case "javascript":
		return scanJavaScript
	case "typescript":
		return scanTypeScript
	case "json":
		return scanJSON
	case "bash":
		return scanShell
	case "yaml":
		return scanYAML
	case "sql":
		return scanSQL
	case "protobuf":
		return scanProtobuf
	case "xml":
		return scanXML
	case "html":
		return scanHTML
	case "php":
		return scanPHP
	}
	return nil
}

// Supported reports whether lang has a fast path.
func Supported(lang string) bool { return lookup(lang) != nil }

// tokens splits code in lang into tokens, as chroma's lexer would after
// merging adjacent tokens of one type; ok is false when lang has no fast
// path. Carriage returns must already be newlines (see normalize). The
// tokens cover src, which is code, or code and a newline where chroma's
// lexer adds one and its last token reaches it.
func tokens(lang string, code []byte) (src []byte, toks []token, ok bool) {
	scan := lookup(lang)
	if scan == nil {
		return code, nil, false
	}
	n := len(code)
	if !ensuresNewline(lang) || n == 0 || code[n-1] == '\n' {
		toks, _ := scanAll(scan, code)
		return code, toks, true
	}
	// Chroma lexes these languages with a newline added to the code, and
	// stops before it unless a token that starts in the code takes it in.
	src = append(code[:n:n], '\n')
	toks, lastStart := scanAll(scan, src)
	if lastStart < n {
		return src, toks, true
	}
	if last := &toks[len(toks)-1]; len(toks) > 1 && toks[len(toks)-2].End == n {
		toks = toks[:len(toks)-1]
	} else {
		last.End = n
	}
	return code, toks, true
}

// scanAll runs scan over code; it also returns where the last token that
// the scanner emitted (before merging) starts.
func scanAll(scan scanFunc, code []byte) ([]token, int) {
	s := &scanner{src: code, toks: make([]token, 0, len(code)/6+8)}
	scan(s)
	if s.pos < len(s.src) {
		s.emit(chroma.Error, len(s.src))
	}
	return s.toks, s.lastStart
}

// ensuresNewline reports whether chroma's lexer for lang adds a final
// newline to the code.
func ensuresNewline(lang string) bool {
	switch canonical(lang) {
	case "csharp", "javascript", "typescript", "php":
		return true
	}
	return false
}

// AppendHTML appends the highlighted HTML of code in lang to dst, as chroma's
// HTML formatter writes it with CSS classes and no surrounding <pre>; ok is
// false (and dst unchanged) when lang has no fast path.
func AppendHTML(dst []byte, lang string, code []byte) (out []byte, ok bool) {
	if !Supported(lang) {
		return dst, false
	}
	src, toks, _ := tokens(lang, validUTF8(normalize(code)))
	return appendHTML(dst, src, toks), true
}

// normalize turns "\r\n" and lone "\r" into "\n", as chroma does before
// lexing; it returns code itself when there is no carriage return.
func normalize(code []byte) []byte {
	if !containsCR(code) {
		return code
	}
	out := make([]byte, 0, len(code))
	for i, c := range code {
		if c == '\r' {
			if i+1 < len(code) && code[i+1] == '\n' {
				continue
			}
			c = '\n'
		}
		out = append(out, c)
	}
	return out
}

// validUTF8 replaces each byte of code that is not part of a valid UTF-8
// sequence with U+FFFD, as chroma's conversion of the code to runes does; it
// returns code itself when it is valid.
func validUTF8(code []byte) []byte {
	if utf8.Valid(code) {
		return code
	}
	out := make([]byte, 0, len(code)+16)
	for len(code) > 0 {
		r, n := utf8.DecodeRune(code)
		if r == utf8.RuneError && n == 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, code[:n]...)
		}
		code = code[n:]
	}
	return out
}

func containsCR(b []byte) bool {
	for _, c := range b {
		if c == '\r' {
			return true
		}
	}
	return false
}

// canonical returns the canonical name of a language given by one of
// chroma's aliases for it.
func canonical(lang string) string {
	switch l := strings.ToLower(lang); l {
	case "python", "py", "python3", "py3":
		return "python"
	case "ruby", "rb", "duby":
		return "ruby"
	case "go", "golang":
		return "go"
	case "csharp", "c#", "cs":
		return "csharp"
	case "javascript", "js":
		return "javascript"
	case "typescript", "ts", "tsx":
		return "typescript"
	case "json":
		return "json"
	case "bash", "sh", "shell", "zsh", "ksh":
		return "bash"
	case "yaml", "yml":
		return "yaml"
	case "sql":
		return "sql"
	case "protobuf", "proto":
		return "protobuf"
	case "xml":
		return "xml"
	case "html", "htm":
		return "html"
	case "php", "php3", "php4", "php5":
		return "php"
	default:
		return l
	}
}
