package catalog

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"text/template/parse"
	"unicode/utf8"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/docgen/docgen/internal/diag"
	"github.com/docgen/docgen/internal/tomlpos"
)

// countNames are the placeholders a message with plural forms may use
// besides those its English text declares: Translator.N passes the count
// as .Count, and go-i18n as .PluralCount.
var countNames = []string{"Count", "PluralCount"}

// Bidi matches the bidirectional override and isolate characters
// (U+202A–U+202E, U+2066–U+2069) that can make text read differently from
// how it is stored.
var Bidi = regexp.MustCompile("[\u202A-\u202E\u2066-\u2069]")

// Declared returns the placeholders a source message declares: the names
// of every {{.Name}} in any of its forms, plus the count names when it has
// plural forms. It ignores text that is not a plain placeholder (Validate
// reports that).
func Declared(src *i18n.Message) map[string]bool {
	out := map[string]bool{}
	plural := false
	for _, f := range pluralKeys {
		text := field(src, f)
		if text != "" && f != "other" {
			plural = true
		}
		names, _ := Placeholders(text)
		for _, n := range names {
			out[n] = true
		}
	}
	if plural {
		for _, n := range countNames {
			out[n] = true
		}
	}
	return out
}

// Placeholders returns the names of the {{.Name}} placeholders in text,
// sorted and without repeats. It returns an error for text that is anything
// but plain text and such placeholders: a template action (range, if,
// printf, template, define, a pipeline, a variable, a field chain such as
// {{.Date.Year}}) would let a translation run code in every reader's page.
func Placeholders(text string) ([]string, error) {
	if !strings.Contains(text, "{{") {
		return nil, nil
	}
	trees := map[string]*parse.Tree{}
	t := parse.New("message")
	t.Mode = parse.SkipFuncCheck | parse.ParseComments
	if _, err := t.Parse(text, "{{", "}}", trees); err != nil {
		return nil, &TemplateError{Text: "invalid placeholder: " + templateErr(err)}
	}
	if len(trees) != 1 || trees["message"] == nil {
		return nil, &TemplateError{Text: "{{define}} is not allowed", Action: "define"}
	}
	seen := map[string]bool{}
	for _, n := range trees["message"].Root.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
		case *parse.ActionNode:
			name, ok := plainField(n)
			if !ok {
				return nil, &TemplateError{Text: fmt.Sprintf("%s is not a placeholder; only {{.Name}} is allowed", n), Action: n.String()}
			}
			seen[name] = true
		default:
			return nil, &TemplateError{Text: fmt.Sprintf("%s is not a placeholder; only {{.Name}} is allowed", shortNode(n)), Action: shortNode(n)}
		}
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	return names, nil
}

// plainField reports whether an action is exactly {{.Name}} and returns Name.
func plainField(a *parse.ActionNode) (string, bool) {
	p := a.Pipe
	if p == nil || p.IsAssign || len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return "", false
	}
	f, ok := p.Cmds[0].Args[0].(*parse.FieldNode)
	if !ok || len(f.Ident) != 1 {
		return "", false
	}
	return f.Ident[0], true
}

// shortNode names a node for an error: its first line, at most 40 bytes.
func shortNode(n parse.Node) string {
	s := n.String()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return s
}

// TemplateError is a message text that is not plain text with {{.Name}}
// placeholders.
type TemplateError struct {
	Text   string // what is wrong
	Action string // the offending action, when there is one
}

func (e *TemplateError) Error() string { return e.Text }

// Problem is one message text that fails Validate.
type Problem struct {
	ID   string // message id
	Form string // plural form holding the text ("other", "one", ...)
	*diag.Diagnostic
}

// Validate checks the messages of one catalog file as data, beyond what
// Parse checks of each text alone: a text may hold only the {{.Name}}
// placeholders its source message declares (see Declared), and no
// bidirectional control characters. source maps ids to the source
// language's messages; pass nil for the source catalog itself, whose
// messages declare their own placeholders; a message the source lacks is
// not compared (it is never shown). name and data are the file, for
// positions. The build's Load and docgen i18n check both use it, so a
// translation check passes is one the build shows as text.
func Validate(name string, data []byte, msgs []*i18n.Message, source map[string]*i18n.Message) []Problem {
	var out []Problem
	for _, m := range msgs {
		// A message the source lacks is never shown (check reports it as
		// extra); Parse has made sure it holds no action.
		var declared map[string]bool
		if s := source[m.ID]; s != nil {
			declared = Declared(s)
		}
		for _, f := range pluralKeys {
			text := field(m, f)
			if text == "" {
				continue
			}
			line := tomlpos.Line(data, []string{m.ID, f})
			if line == 0 {
				line = tomlpos.Line(data, []string{m.ID})
			}
			add := func(k, needle, hint, format string, args ...any) {
				d := kind(k, diag.Errorf(name, line, hint, format, args...))
				d.Col = column(data, line, needle)
				out = append(out, Problem{ID: m.ID, Form: f, Diagnostic: d})
			}
			if loc := Bidi.FindString(text); loc != "" {
				add("bidi", loc, "delete it; the page sets the text direction itself (use U+200F RIGHT-TO-LEFT MARK if a mark is really needed)",
					"bidirectional control character U+%04X can reorder what readers see", []rune(loc)[0])
			}
			names, err := Placeholders(text)
			if err != nil || declared == nil {
				continue // Parse reports a text that is not placeholders and text
			}
			for _, n := range names {
				if !declared[n] {
					add("placeholder", "."+n, "use the placeholders of the English text exactly as written there",
						"{{.%s}} is not a placeholder of the source (it has %s)", n, listNames(declared))
				}
			}
		}
	}
	return out
}

// column returns the 1-based column (in runes) of needle on line of data,
// or 0 when it is not there (it was written with an escape).
func column(data []byte, line int, needle string) int {
	if line <= 0 || needle == "" {
		return 0
	}
	lines := strings.SplitN(string(data), "\n", line+1)
	if line > len(lines) {
		return 0
	}
	i := strings.Index(lines[line-1], needle)
	if i < 0 {
		return 0
	}
	return utf8.RuneCountInString(lines[line-1][:i]) + 1
}

func listNames(set map[string]bool) string {
	var parts []string
	for k := range set {
		if !contains(countNames, k) {
			parts = append(parts, "{{."+k+"}}")
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	sort.Strings(parts)
	return strings.Join(parts, ", ")
}
