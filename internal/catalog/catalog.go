// Package catalog loads the per-language message catalogs in locales/ (go-i18n
// TOML files) and hands out a Translator per language. A Translator falls back
// to the source language for a missing message and records the miss, so the
// build can report it.
package catalog

import (
	"bytes"
	"crypto/sha1"
	"errors"
	"fmt"
	"html"
	"html/template"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/docgen/docgen/internal/config"
	"github.com/docgen/docgen/internal/diag"
	"github.com/docgen/docgen/internal/safefile"
	"github.com/docgen/docgen/internal/tomlpos"
)

// pluralKeys are the go-i18n keys that hold message text.
var pluralKeys = []string{"zero", "one", "two", "few", "many", "other"}

// messageKeys are the keys a message table may have. go-i18n also reads
// id, leftdelim and rightdelim; docgen refuses them, since they would let a
// translation answer for another message or hide template actions behind
// other delimiters.
var messageKeys = append([]string{"description", "hash"}, pluralKeys...)

// Catalog holds every language's messages.
type Catalog struct {
	bundle *i18n.Bundle
	source language.Tag
	files  map[string]string // language code → catalog path ("" when the language has none)
}

// Load reads dir/<code>.toml for every configured language. A language
// without a file is allowed (every message falls back); a file for an
// unconfigured language, a TOML error or a template error stops the build.
func Load(root, dir string, cfg *config.Config) (*Catalog, error) {
	return LoadWithBuiltin(root, dir, cfg, nil)
}

// LoadWithBuiltin is Load over a built-in set of catalogs (<lang>.toml
// files in builtin; nil for none): for each configured language the
// built-in messages come first and the site's own catalog overrides them
// message by message. A site catalog for a language the site does not
// publish is an error, unless it is one of the built-in catalogs (a theme
// being edited in place).
func LoadWithBuiltin(root, dir string, cfg *config.Config, builtin fs.FS) (*Catalog, error) {
	c := &Catalog{bundle: i18n.NewBundle(cfg.DefaultLanguage.Tag), source: cfg.DefaultLanguage.Tag, files: map[string]string{}}
	c.bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	entries, err := os.ReadDir(filepath.Join(root, dir))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, diag.Errorf(dir, 0, "check the folder's permissions", "cannot read catalogs: %v", err)
	}
	var errs diag.List
	// Base languages before regional ones (fr before fr-CA), as go-i18n expects.
	sort.Slice(entries, func(i, j int) bool {
		a, b := entries[i].Name(), entries[j].Name()
		if len(a) != len(b) {
			return len(a) < len(b)
		}
		return a < b
	})
	type file struct {
		shown string
		data  []byte
		lang  *config.Language
		msgs  []*i18n.Message
	}
	var files []file
	var source map[string]*i18n.Message
	hasBuiltin := func(name string) bool {
		if builtin == nil {
			return false
		}
		_, err := fs.Stat(builtin, name)
		return err == nil
	}
	// add parses one catalog file; the source language's messages, built-in
	// then the site's, make the source the others are checked against.
	add := func(shown string, data []byte, lang *config.Language) {
		msgs, perr := Parse(shown, data)
		if perr != nil {
			appendErr(&errs, perr)
			return
		}
		if lang == cfg.DefaultLanguage {
			if source == nil {
				source = map[string]*i18n.Message{}
			}
			for _, m := range msgs {
				source[m.ID] = m
			}
		}
		files = append(files, file{shown, data, lang, msgs})
	}
	// Built-in catalogs of the configured languages, before the site's.
	for i := range cfg.Languages {
		lang := &cfg.Languages[i]
		name := lang.Code + ".toml"
		if !hasBuiltin(name) {
			continue
		}
		shown := filepath.ToSlash(filepath.Join(dir, name)) + " (built-in)"
		data, err := fs.ReadFile(builtin, name)
		if err != nil {
			errs.Add(diag.Errorf(shown, 0, "reinstall docgen", "cannot read the built-in catalog: %v", err))
			continue
		}
		add(shown, data, lang)
	}
	// Base languages before regional ones, among the built-in files too.
	sort.SliceStable(files, func(i, j int) bool { return len(files[i].lang.Code) < len(files[j].lang.Code) })
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".toml") || IsWorkFile(name) {
			continue
		}
		shown := filepath.ToSlash(filepath.Join(dir, name))
		code := strings.TrimSuffix(name, ".toml")
		lang := cfg.Language(code)
		if lang == nil && hasBuiltin(name) {
			continue // a built-in catalog of a language this site does not publish
		}
		if lang == nil {
			errs.Add(diag.Errorf(shown, 0, "name catalogs after a language in config.toml, e.g. fa.toml", "catalog for unknown language %q", code))
			continue
		}
		data, err := safefile.Read(root, filepath.Join(dir, name), safefile.MaxText)
		if err != nil {
			errs.Add(diag.Errorf(shown, 0, "check the file's permissions", "cannot read catalog: %v", err))
			continue
		}
		add(shown, data, lang)
	}
	if source == nil {
		source = map[string]*i18n.Message{}
	}
	for _, f := range files {
		var against map[string]*i18n.Message
		if f.lang != cfg.DefaultLanguage {
			against = source
		}
		if probs := Validate(f.shown, f.data, f.msgs, against); len(probs) > 0 {
			for _, p := range probs {
				p.Message = fmt.Sprintf("message %s (%s): %s", p.ID, p.Form, p.Message)
				errs.Add(p.Diagnostic)
			}
			continue
		}
		if err := c.bundle.AddMessages(f.lang.Tag, f.msgs...); err != nil {
			errs.Add(diag.Errorf(f.shown, 0, "fix the message's plural forms", "%v", err))
			continue
		}
		c.files[f.lang.Code] = f.shown
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

// IsWorkFile reports whether a file name in locales/ is a translator's work
// file (translate.<lang>.toml, written by docgen i18n merge), not a catalog.
func IsWorkFile(name string) bool { return strings.HasPrefix(name, "translate.") }

func appendErr(l *diag.List, err error) {
	var list diag.List
	if errors.As(err, &list) {
		*l = append(*l, list...)
		return
	}
	if d, ok := diag.As(err); ok {
		l.Add(d)
	}
}

// Parse decodes one catalog file in go-i18n's TOML format and checks that every
// message text is a valid template. name is used in errors. With an error it
// still returns the messages it could read, for checkers that go on.
func Parse(name string, data []byte) ([]*i18n.Message, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		err = tomlpos.DecodeError(name, err)
		if d, ok := diag.As(err); ok {
			d.Kind = "syntax"
		}
		return nil, err
	}
	ids := make([]string, 0, len(raw))
	for id := range raw {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var errs diag.List
	var msgs []*i18n.Message
	for _, id := range ids {
		at := func(key ...string) int { return tomlpos.Line(data, append([]string{id}, key...)) }
		m := &i18n.Message{ID: id}
		switch v := raw[id].(type) {
		case string:
			m.Other = v
		case map[string]any:
			keys := make([]string, 0, len(v))
			for k := range v {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				s, ok := v[k].(string)
				if !contains(messageKeys, k) {
					errs.Add(kind("unknown-key", diag.Errorf(name, at(k), "message keys are description, hash and the plural forms zero, one, two, few, many, other", "message %s: unknown key %q", id, k)))
					continue
				}
				if !ok {
					errs.Add(kind("not-text", diag.Errorf(name, at(k), "quote the text", "message %s: %s is not a string", id, k)))
					continue
				}
				setField(m, k, s)
			}
		default:
			errs.Add(kind("not-text", diag.Errorf(name, at(), "write the message as a table with other = \"...\"", "message %s is not text", id)))
			continue
		}
		for _, k := range pluralKeys {
			text := field(m, k)
			if text == "" {
				continue
			}
			if _, err := Placeholders(text); err != nil {
				errs.Add(kind("template", diag.Errorf(name, at(k), "a message is text with {{.Name}} placeholders only, e.g. {{.Date}}; check the braces",
					"message %s (%s): %v", id, k, err)))
			}
		}
		msgs = append(msgs, m)
	}
	return msgs, errs.Err()
}

func kind(k string, d *diag.Diagnostic) *diag.Diagnostic {
	d.Kind = k
	return d
}

// Hash is go-i18n's hash of a source message (as goi18n merge and Weblate
// write it): a translation carrying another hash was made from other text.
func Hash(m *i18n.Message) string {
	h := sha1.New()
	io.WriteString(h, m.Description)
	io.WriteString(h, m.Other)
	return fmt.Sprintf("sha1-%x", h.Sum(nil))
}

// Field returns the text of a plural form ("one", "other", ...) of m.
func Field(m *i18n.Message, form string) string { return field(m, form) }

// SetField sets a key ("description", "hash" or a plural form) of m.
func SetField(m *i18n.Message, key, val string) { setField(m, key, val) }

func templateErr(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 {
		return s[i+2:]
	}
	return s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func setField(m *i18n.Message, key, val string) {
	switch key {
	case "id":
		m.ID = val
	case "description":
		m.Description = val
	case "hash":
		m.Hash = val
	case "leftdelim":
		m.LeftDelim = val
	case "rightdelim":
		m.RightDelim = val
	case "zero":
		m.Zero = val
	case "one":
		m.One = val
	case "two":
		m.Two = val
	case "few":
		m.Few = val
	case "many":
		m.Many = val
	case "other":
		m.Other = val
	}
}

func field(m *i18n.Message, key string) string {
	switch key {
	case "zero":
		return m.Zero
	case "one":
		return m.One
	case "two":
		return m.Two
	case "few":
		return m.Few
	case "many":
		return m.Many
	case "other":
		return m.Other
	}
	return ""
}

// File returns the catalog path of a language, or "" when it has none.
func (c *Catalog) File(code string) string { return c.files[code] }

// Translator returns the translator for lang. Each call returns a new value
// with its own record of misses.
func (c *Catalog) Translator(lang *config.Language) *Translator {
	return &Translator{lang: lang, source: c.source, loc: i18n.NewLocalizer(c.bundle, lang.Tag.String()), missing: map[string]bool{}, memo: map[string]string{}}
}

// Translator localizes messages for one language. It is safe for concurrent use.
type Translator struct {
	lang   *config.Language
	source language.Tag
	loc    *i18n.Localizer

	mu      sync.Mutex
	missing map[string]bool
	memo    map[string]string // T's results for string arguments, up to memoSize
}

// memoSize bounds a Translator's memo: layouts ask for the same few dozen
// messages on every page, with the same arguments.
const memoSize = 4096

// T returns message id with the given key/value pairs as template data. A
// message missing from the language falls back to the source language; one
// missing everywhere is shown as its id. Both are recorded.
func (t *Translator) T(id string, kv ...any) string {
	key, ok := memoKey(id, kv)
	if !ok {
		return t.localize(id, nil, kv)
	}
	t.mu.Lock()
	msg, ok := t.memo[key]
	t.mu.Unlock()
	if ok {
		return msg
	}
	msg = t.localize(id, nil, kv)
	t.mu.Lock()
	if len(t.memo) < memoSize {
		t.memo[key] = msg
	}
	t.mu.Unlock()
	return msg
}

// memoKey is the memo's key for a message and its arguments, when they are
// all strings (a message's output depends on nothing else).
func memoKey(id string, kv []any) (string, bool) {
	if len(kv) == 0 {
		return id, true
	}
	var b strings.Builder
	b.WriteString(id)
	for _, v := range kv {
		s, ok := v.(string)
		if !ok {
			return "", false
		}
		b.WriteByte(0)
		b.WriteString(s)
	}
	return b.String(), true
}

// N returns a message with plural forms chosen for count, which is also
// available to the message as {{.Count}}.
func (t *Translator) N(id string, count int, kv ...any) string {
	return t.localize(id, count, append([]any{"Count", count}, kv...))
}

// Links returns a message whose placeholders become links, as safe HTML.
// Arguments come in threes: placeholder name, link text, URL. The message is
// escaped as text; only the links are markup.
func (t *Translator) Links(id string, args ...string) template.HTML {
	if len(args)%3 != 0 {
		return template.HTML(html.EscapeString(id))
	}
	kv := make([]any, 0, len(args)/3*2)
	repl := make([]string, 0, len(args)/3*2)
	for i := 0; i < len(args); i += 3 {
		mark := fmt.Sprintf("\x00%d\x00", i/3)
		kv = append(kv, args[i], mark)
		link := fmt.Sprintf(`<a href="%s">%s</a>`, html.EscapeString(args[i+2]), html.EscapeString(args[i+1]))
		repl = append(repl, html.EscapeString(mark), link)
	}
	text := html.EscapeString(t.localize(id, nil, kv))
	return template.HTML(strings.NewReplacer(repl...).Replace(text))
}

func (t *Translator) localize(id string, count any, kv []any) string {
	data := map[string]any{}
	for i := 0; i+1 < len(kv); i += 2 {
		if k, ok := kv[i].(string); ok {
			data[k] = kv[i+1]
		}
	}
	msg, tag, err := t.loc.LocalizeWithTag(&i18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: count})
	if err != nil || tag != t.lang.Tag {
		t.mu.Lock()
		t.missing[id] = true
		t.mu.Unlock()
	}
	if msg == "" && err != nil {
		return id
	}
	return msg
}

// Missing returns the ids of messages that fell back, sorted.
func (t *Translator) Missing() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]string, 0, len(t.missing))
	for id := range t.missing {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// Lang returns the translator's language.
func (t *Translator) Lang() *config.Language { return t.lang }
