// Package i18ncheck checks message catalogs the way a careful reviewer
// would, before a reader meets the result: every locale catalog against the
// source catalog and against the messages the layouts use. Each finding
// names the file, line and column, the message id, what is wrong and what
// to do about it.
package i18ncheck

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"text/template/parse"
	"unicode/utf8"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/docgen/docgen/internal/catalog"
	"github.com/docgen/docgen/internal/diag"
	"github.com/docgen/docgen/internal/plurals"
	"github.com/docgen/docgen/internal/tomlpos"
)

// Severities of findings.
const (
	Error   = "error"   // the page would show something wrong; --strict fails
	Warning = "warning" // worth a look; the page still reads correctly
)

// TodoPrefix starts the description docgen i18n extract writes for a new
// message, with the id as its text: a source message still holding it has
// not been written yet.
const TodoPrefix = "TODO:"

// Finding is one problem in one catalog. Its JSON form is documented in
// docs/i18n.md and stays stable.
type Finding struct {
	Language string `json:"language"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	ID       string `json:"id,omitempty"`
	Kind     string `json:"kind"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Hint     string `json:"hint"`
}

// String formats the finding as "file:line:col: severity: kind: id: message".
func (f Finding) String() string {
	id := ""
	if f.ID != "" {
		id = f.ID + ": "
	}
	return fmt.Sprintf("%s:%d:%d: %s: %s: %s%s", f.File, f.Line, f.Column, f.Severity, f.Kind, id, f.Message)
}

// Catalog is one catalog file to check.
type Catalog struct {
	Lang string       // language code, e.g. "fa"
	Tag  language.Tag // its BCP 47 tag, for plural rules
	File string       // path as shown, e.g. "locales/fa.toml"
	Data []byte       // file contents; nil when the language has no file
	// Builtin holds the ids docgen's built-in catalog of this language
	// provides (nil when it has none): a message missing from Data but
	// present here is not missing for readers.
	Builtin map[string]bool
}

// Use is a place a message id is used (a layout, or docgen's own code).
type Use struct {
	File string
	Line int
}

// Messages is a parsed catalog with the positions of its keys.
type Messages struct {
	Catalog
	ByID map[string]*i18n.Message
}

// Check checks the source catalog against the uses and every target
// against the source. The findings are sorted by file, line and column.
func Check(source Catalog, targets []Catalog, uses map[string][]Use) []Finding {
	return CheckWithBuiltin(source, targets, uses, nil)
}

// CheckWithBuiltin is Check for a site over docgen's built-in theme: a
// message the built-in source catalog provides (builtin) is defined even
// when the site's own source catalog lacks it.
func CheckWithBuiltin(source Catalog, targets []Catalog, uses map[string][]Use, builtin map[string]bool) []Finding {
	var out []Finding
	src, fs := Read(source)
	out = append(out, fs...)
	// Undefined and unused messages of the source.
	for _, id := range sortedKeys(uses) {
		if src.ByID[id] == nil && !builtin[id] {
			u := uses[id][0]
			f := Finding{Language: source.Lang, File: u.File, Line: u.Line, Column: 1, ID: id, Kind: "undefined", Severity: Error,
				Message: fmt.Sprintf("message %s is used here but missing from %s", id, source.File),
				Hint:    fmt.Sprintf("add [%s] with its English text to %s (docgen i18n extract adds it)", id, source.File)}
			if u.Line == 0 { // used by docgen's own code
				f.File, f.Line = source.File, 1
				f.Message = fmt.Sprintf("docgen uses message %s, but %s lacks it; readers see the id", id, source.File)
			}
			out = append(out, f)
		}
	}
	for _, id := range sortedKeys(src.ByID) {
		if _, ok := uses[id]; !ok && uses != nil {
			out = append(out, src.at(id, "", Finding{Kind: "unused", Severity: Warning,
				Message: "no layout or code uses this message",
				Hint:    "delete it, or use it in a layout with {{.T.T \"" + id + "\"}}"}))
		}
	}
	for _, id := range sortedKeys(src.ByID) {
		m := src.ByID[id]
		out = append(out, textChecks(src, m)...)
		if strings.HasPrefix(m.Description, TodoPrefix) {
			out = append(out, src.at(id, "description", Finding{Kind: "todo", Severity: Error,
				Message: "extract's placeholder: the English text and description are still to be written",
				Hint:    "write the English text readers see and a description that tells translators where it appears"}))
		}
	}
	out = append(out, validate(src, nil)...)
	expected := expectedIDs(src, builtin, uses)
	for _, t := range targets {
		out = append(out, checkTarget(src, t, expected, builtin)...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Kind < b.Kind
	})
	return out
}

// Read parses a catalog; problems that stop parsing become findings.
func Read(c Catalog) (*Messages, []Finding) {
	m := &Messages{Catalog: c, ByID: map[string]*i18n.Message{}}
	if c.Data == nil {
		return m, nil
	}
	msgs, err := catalog.Parse(c.File, c.Data)
	for _, msg := range msgs {
		m.ByID[msg.ID] = msg
	}
	var out []Finding
	var list diag.List
	if errors.As(err, &list) {
		for _, d := range list {
			out = append(out, fromDiag(c, d))
		}
	} else if d, ok := diag.As(err); ok {
		out = append(out, fromDiag(c, d))
	}
	return m, out
}

func fromDiag(c Catalog, d *diag.Diagnostic) Finding {
	kind := d.Kind
	if kind == "" {
		kind = "syntax"
	}
	col := d.Col
	if col == 0 {
		col = 1
	}
	return Finding{Language: c.Lang, File: c.File, Line: d.Line, Column: col, Kind: kind, Severity: Error, Message: d.Message, Hint: d.Hint}
}

// at fills in the position of message id (its key when key is set).
func (m *Messages) at(id, key string, f Finding) Finding {
	f.Language, f.File, f.ID = m.Lang, m.File, id
	path := []string{id}
	if key != "" {
		path = append(path, key)
	}
	f.Line = tomlpos.Line(m.Data, path)
	f.Column = 1
	if f.Line > 0 {
		line := lineText(m.Data, f.Line)
		name := id
		if key != "" {
			name = key
		}
		if i := strings.Index(line, name); i >= 0 {
			f.Column = utf8.RuneCountInString(line[:i]) + 1
		}
	}
	return f
}

// atText is at, with the column of needle in the key's line when found.
func (m *Messages) atText(id, key, needle string, f Finding) Finding {
	f = m.at(id, key, f)
	if f.Line > 0 && needle != "" {
		line := lineText(m.Data, f.Line)
		if i := strings.Index(line, needle); i >= 0 {
			f.Column = utf8.RuneCountInString(line[:i]) + 1
		}
	}
	return f
}

func lineText(data []byte, n int) string {
	lines := strings.SplitN(string(data), "\n", n+1)
	if n-1 < len(lines) {
		return lines[n-1]
	}
	return ""
}

// expectedIDs are the messages every language should translate: the
// site's source catalog's, and the built-in source catalog's that a layout
// or docgen's code uses (all of them when uses is nil), sorted.
func expectedIDs(src *Messages, builtin map[string]bool, uses map[string][]Use) []string {
	ids := map[string]bool{}
	for id := range src.ByID {
		ids[id] = true
	}
	for id := range builtin {
		if _, used := uses[id]; used || uses == nil {
			ids[id] = true
		}
	}
	return sortedKeys(ids)
}

// missing is the finding for a message that readers of c's language see in
// English: at its English definition when the site has one, else at the
// top of c's file.
func missing(src *Messages, c Catalog, id string) Finding {
	f := Finding{File: c.File, Line: 1, Column: 1, ID: id}
	if src.ByID[id] != nil {
		f = src.at(id, "", f)
	}
	f.Language, f.Kind, f.Severity = c.Lang, "missing", Warning
	f.Message = fmt.Sprintf("missing from %s; readers see the English text", c.File)
	if c.Builtin == nil {
		f.Message = fmt.Sprintf("missing from %s, and docgen has no built-in %s catalog; readers see the English text", c.File, c.Lang)
	}
	f.Hint = fmt.Sprintf("add [%s] to %s (docgen i18n merge lists every missing message in locales/translate.%s.toml)", id, c.File, c.Lang)
	return f
}

func checkTarget(src *Messages, c Catalog, expected []string, builtin map[string]bool) []Finding {
	tgt, out := Read(c)
	for _, f := range out {
		if f.Kind == "syntax" {
			return out // nothing could be read; comparing would only add noise
		}
	}
	forms := plurals.Forms(c.Tag)
	for _, id := range expected {
		s := src.ByID[id]
		t := tgt.ByID[id]
		if t == nil {
			if !c.Builtin[id] { // the built-in translation serves readers otherwise
				out = append(out, missing(src, c, id))
			}
			continue
		}
		if s == nil { // a built-in message the site translates: no site English to compare with
			out = append(out, textChecks(tgt, t)...)
			continue
		}
		if t.Hash != "" && t.Hash != catalog.Hash(s) {
			out = append(out, tgt.at(id, "hash", Finding{Kind: "stale", Severity: Warning,
				Message: "the English text changed after this was translated",
				Hint:    "check the translation against " + src.File + ", then run docgen i18n merge to record the new hash"}))
		}
		identical := t.Other != "" && t.Other == s.Other && t.Hash != catalog.Hash(s)
		if identical {
			out = append(out, tgt.at(id, "other", Finding{Kind: "identical", Severity: Warning,
				Message: "same text as the English source; probably not translated",
				Hint:    "translate it; if the English text is right in this language too, add the hash line that docgen i18n merge writes for it in locales/translate." + c.Lang + ".toml"}))
		}
		out = append(out, pluralChecks(tgt, s, t, forms)...)
		out = append(out, placeholderChecks(tgt, s, t)...)
		out = append(out, textChecks(tgt, t)...)
	}
	out = append(out, validate(tgt, src.ByID)...)
	for _, id := range sortedKeys(tgt.ByID) {
		if src.ByID[id] == nil && !builtin[id] {
			out = append(out, tgt.at(id, "", Finding{Kind: "extra", Severity: Warning,
				Message: fmt.Sprintf("not in the source catalog %s; nothing shows it", src.File),
				Hint:    "delete it, or fix its id to match a message of " + src.File}))
		}
	}
	return out
}

// pluralChecks compares the plural forms of a translation with the forms
// its language uses (CLDR, as go-i18n applies them).
func pluralChecks(tgt *Messages, s, t *i18n.Message, forms []string) []Finding {
	var out []Finding
	isPlural := false
	for _, f := range plurals.All {
		if f != "other" && catalog.Field(s, f) != "" {
			isPlural = true
		}
	}
	allowed := map[string]bool{}
	for _, f := range forms {
		allowed[f] = true
	}
	for _, f := range plurals.All {
		has := catalog.Field(t, f) != ""
		switch {
		case has && !allowed[f]:
			out = append(out, tgt.at(t.ID, f, Finding{Kind: "plural-invalid", Severity: Error,
				Message: fmt.Sprintf("%s does not use the plural form %q (its forms: %s)", tgt.Lang, f, strings.Join(forms, ", ")),
				Hint:    "delete the " + f + " line; write the text under the forms this language has"}))
		case has && !isPlural && f != "other":
			out = append(out, tgt.at(t.ID, f, Finding{Kind: "plural-invalid", Severity: Warning,
				Message: fmt.Sprintf("the source message has no plural forms, so %q is never shown", f),
				Hint:    "keep only other"}))
		case !has && isPlural && allowed[f]:
			ex := plurals.Example(tgt.Tag, f)
			out = append(out, tgt.at(t.ID, "", Finding{Kind: "plural-missing", Severity: Error,
				Message: fmt.Sprintf("plural form %q is missing (%s uses %s; e.g. the count %s needs %q)", f, tgt.Lang, strings.Join(forms, ", "), ex, f),
				Hint:    fmt.Sprintf("add %s = \"...\" to [%s]", f, t.ID)}))
		}
	}
	return out
}

// placeholderChecks finds placeholders of the source a translation drops
// (catalog.Validate reports the ones it adds).
func placeholderChecks(tgt *Messages, s, t *i18n.Message) []Finding {
	var out []Finding
	text := t.Other
	names, err := catalog.Placeholders(text)
	if text == "" || err != nil {
		return nil // a template error is reported on its own
	}
	have := map[string]bool{}
	for _, p := range names {
		have[p] = true
	}
	srcNames, _ := catalog.Placeholders(s.Other)
	for _, p := range srcNames {
		if !have[p] {
			out = append(out, tgt.at(t.ID, "other", Finding{Kind: "placeholder", Severity: Error,
				Message: fmt.Sprintf("{{.%s}} of the source is missing", p),
				Hint:    fmt.Sprintf("put {{.%s}} where it belongs in the sentence", p)}))
		}
	}
	return out
}

// validate turns catalog.Validate's problems into findings: the build
// refuses the same texts.
func validate(m *Messages, source map[string]*i18n.Message) []Finding {
	if m.Data == nil {
		return nil
	}
	msgs := make([]*i18n.Message, 0, len(m.ByID))
	for _, id := range sortedKeys(m.ByID) {
		msgs = append(msgs, m.ByID[id])
	}
	var out []Finding
	for _, p := range catalog.Validate(m.File, m.Data, msgs, source) {
		f := fromDiag(m.Catalog, p.Diagnostic)
		f.ID = p.ID
		out = append(out, f)
	}
	return out
}

var (
	htmlTag = regexp.MustCompile(`<\s*/?\s*[A-Za-z!][^>]*>|&(#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z]+);`)
	// allowedTag matches a start or end tag with no attributes.
	allowedTag = regexp.MustCompile(`^<\s*/?\s*([A-Za-z]+)\s*/?\s*>$`)
)

// textChecks finds HTML in a message.
func textChecks(m *Messages, msg *i18n.Message) []Finding {
	var out []Finding
	for _, f := range plurals.All {
		text := catalog.Field(msg, f)
		for _, loc := range htmlTag.FindAllString(text, -1) {
			if strings.HasSuffix(msg.ID, catalog.MarkupSuffix) {
				if m := allowedTag.FindStringSubmatch(loc); m != nil && catalog.IsMarkupTag(m[1]) {
					continue // a markup message may use this element, without attributes
				}
				out = append(out, m.atText(msg.ID, f, loc, Finding{Kind: "html", Severity: Error,
					Message: fmt.Sprintf("markup %q is not allowed; it is shown as text", loc),
					Hint:    "markup messages may use <b>, <strong>, <i>, <em>, <code>, <bdi> and <br>, without attributes"}))
				break
			}
			out = append(out, m.atText(msg.ID, f, loc, Finding{Kind: "html", Severity: Error,
				Message: fmt.Sprintf("HTML in a message (%q); it is shown as text, never as markup", loc),
				Hint:    "write plain text; links and emphasis belong in the layout (only ids ending in HTML may hold inline markup)"}))
			break
		}
	}
	return out
}

// parseTemplate parses template text without checking function names.
func parseTemplate(name, text string) (map[string]*parse.Tree, error) {
	trees := map[string]*parse.Tree{}
	t := parse.New(name)
	t.Mode = parse.SkipFuncCheck
	_, err := t.Parse(text, "{{", "}}", trees)
	return trees, err
}

// walkTemplate calls visit for n and every node below it.
func walkTemplate(n parse.Node, visit func(parse.Node)) {
	if n == nil {
		return
	}
	visit(n)
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				walkTemplate(c, visit)
			}
		}
	case *parse.ActionNode:
		walkTemplate(n.Pipe, visit)
	case *parse.PipeNode:
		if n != nil {
			for _, c := range n.Cmds {
				walkTemplate(c, visit)
			}
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walkTemplate(a, visit)
		}
	case *parse.IfNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.TemplateNode:
		walkTemplate(n.Pipe, visit)
	}
}

func walkBranch(b *parse.BranchNode, visit func(parse.Node)) {
	walkTemplate(b.Pipe, visit)
	walkTemplate(b.List, visit)
	walkTemplate(b.ElseList, visit)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Counts returns the number of errors and warnings.
func Counts(fs []Finding) (errs, warns int) {
	for _, f := range fs {
		if f.Severity == Error {
			errs++
		} else {
			warns++
		}
	}
	return
}

// PageBidi finds bidirectional override and isolate characters in a page
// (front matter and body), which can make text read differently from how
// it is stored. lang is the page's language code.
func PageBidi(file, lang string, data []byte) []Finding {
	var out []Finding
	for i, line := range strings.Split(string(data), "\n") {
		for _, loc := range catalog.Bidi.FindAllStringIndex(line, -1) {
			r, _ := utf8.DecodeRuneInString(line[loc[0]:])
			out = append(out, Finding{Language: lang, File: file, Line: i + 1, Column: utf8.RuneCountInString(line[:loc[0]]) + 1,
				Kind: "bidi", Severity: Error,
				Message: fmt.Sprintf("bidirectional control character U+%04X can reorder what readers see", r),
				Hint:    "delete it; the page sets the text direction itself (use U+200F RIGHT-TO-LEFT MARK if a mark is really needed)"})
		}
	}
	return out
}
