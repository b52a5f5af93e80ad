package render

import (
	"html/template"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/docgen/docgen/internal/catalog"
	"github.com/docgen/docgen/internal/config"
)

// Typography that a language's readers expect is applied here, when pages are
// rendered, so writers and translators type plain text: French gets narrow
// no-break spaces before ":;!?" and inside guillemets, and right-to-left
// languages get Latin words, numbers and dates isolated as left-to-right
// runs. Control
// characters never reach a page.

// Messages is a language's catalog as the layouts use it: every message comes
// out with the language's typography.
type Messages struct {
	*catalog.Translator
	lang *config.Language
}

// T returns message id (see catalog.Translator.T), typeset.
func (m Messages) T(id string, kv ...any) string { return Text(m.lang, m.Translator.T(id, kv...)) }

// N returns a plural message (see catalog.Translator.N), typeset.
func (m Messages) N(id string, count int, kv ...any) string {
	return Text(m.lang, m.Translator.N(id, count, kv...))
}

// Links returns a message with links (see catalog.Translator.Links), typeset.
func (m Messages) Links(id string, args ...string) template.HTML {
	return template.HTML(typeset(m.lang, string(m.Translator.Links(id, args...))))
}

// Text returns plain text s as lang's readers expect it: control characters
// and Unicode noncharacters removed, then the language's spacing and bidi
// rules applied.
func Text(lang *config.Language, s string) string {
	return typeText(lang, stripControls(s))
}

// stripControls drops C0 and C1 control characters (tabs and newlines become
// spaces) and noncharacters such as U+FFFE, which have no place in a title.
func stripControls(s string) string {
	clean := true
	for _, r := range s {
		if isControl(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case !isControl(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isControl(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r <= 0x9f) || (r >= 0xfdd0 && r <= 0xfdef) || r&0xfffe == 0xfffe
}

// narrowNBSP is U+202F, the space French sets before high punctuation and
// inside guillemets.
const narrowNBSP = "\u202f"

// typeText applies lang's rules to plain text.
func typeText(lang *config.Language, s string) string {
	base, _ := lang.Tag.Base()
	switch {
	case base.String() == "fr":
		return frenchSpaces(s)
	case lang.Dir == "rtl":
		return isolateLTR(s)
	}
	return s
}

// frenchSpaces turns the space (plain or no-break) before ":;!?" and inside
// « » into a narrow no-break space, so the mark never wraps to a line of its
// own. Where the writer put no space ("https://", "10:30") nothing changes.
func frenchSpaces(s string) string {
	if !strings.ContainsAny(s, ":;!?«»") {
		return s
	}
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		space := r == ' ' || r == '\u00a0'
		switch {
		case space && i+1 < len(rs) && strings.ContainsRune(":;!?»", rs[i+1]):
			b.WriteString(narrowNBSP)
		case space && i > 0 && rs[i-1] == '«':
			b.WriteString(narrowNBSP)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Unicode directional isolates: a left-to-right run inside right-to-left text.
const (
	lri = "\u2066"
	pdi = "\u2069"
)

// isolate wraps s as a left-to-right run when lang is written right to left,
// so a date such as 2025-08-31 keeps its order.
func isolate(lang *config.Language, s string) string {
	if s == "" || lang.Dir != "rtl" {
		return s
	}
	return lri + s + pdi
}

// isolateLTR isolates each left-to-right run that holds a number in
// right-to-left text: Latin words and digits with the spaces and separators
// between them ("OAuth 2.0", "CC BY 4.0", "2025-08-31"), so a number keeps
// its place beside its words and a date its order. Runs the bidi algorithm
// already gets right are left alone: Latin words without digits (strong
// left-to-right letters hold together) and a lone number.
func isolateLTR(s string) string {
	// Only a run with a digit is isolated: text without digits (most
	// titles and paragraphs) comes back as it is.
	if utf8.ValidString(s) && strings.IndexFunc(s, isDigit) < 0 {
		return s
	}
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if rs[i] == '\u2066' { // already isolated: copy through its PDI
			j := i + 1
			for j < len(rs) && rs[j] != '\u2069' {
				j++
			}
			j = min(j+1, len(rs))
			b.WriteString(string(rs[i:j]))
			i = j
			continue
		}
		if !strongLTR(rs[i]) {
			b.WriteRune(rs[i])
			i++
			continue
		}
		// Extend the run over inner spaces and separators, ending it at the
		// last letter or digit.
		end, letters, digits, seps := i+1, unicode.IsLetter(rs[i]), isDigit(rs[i]), false
		for j := i + 1; j < len(rs); j++ {
			if strongLTR(rs[j]) {
				end = j + 1
				letters = letters || unicode.IsLetter(rs[j])
				digits = digits || isDigit(rs[j])
			} else if !strings.ContainsRune(" -./:,_+'&@#%", rs[j]) {
				break
			} else if rs[j] != ' ' {
				seps = true
			}
		}
		if digits && (letters || seps) {
			b.WriteString(lri + string(rs[i:end]) + pdi)
		} else {
			b.WriteString(string(rs[i:end]))
		}
		i = end
	}
	return b.String()
}

// strongLTR reports whether r starts or ends a left-to-right run: a Latin
// letter or a digit.
func strongLTR(r rune) bool { return isDigit(r) || unicode.Is(unicode.Latin, r) }

func isDigit(r rune) bool {
	return r >= '0' && r <= '9' || r >= '\u06f0' && r <= '\u06f9' || r >= '\u0660' && r <= '\u0669'
}

// typeset applies typeText to the text of an HTML fragment: markup, and the
// text of code, pre, script and style elements, pass through unchanged.
func typeset(lang *config.Language, h string) string {
	if !needsTypesetting(lang) {
		return h
	}
	var b strings.Builder
	b.Grow(len(h) + len(h)/32)
	raw := 0 // depth of elements whose text is left alone
	for len(h) > 0 {
		lt := strings.IndexByte(h, '<')
		if lt < 0 {
			lt = len(h)
		}
		if raw == 0 {
			b.WriteString(typeText(lang, h[:lt]))
		} else {
			b.WriteString(h[:lt])
		}
		h = h[lt:]
		if h == "" {
			break
		}
		gt := strings.IndexByte(h, '>')
		if gt < 0 {
			b.WriteString(h)
			break
		}
		tag := h[:gt+1]
		b.WriteString(tag)
		h = h[gt+1:]
		name, closing := tagName(tag)
		switch name {
		case "code", "pre", "script", "style", "kbd", "samp":
			if closing {
				raw = max(raw-1, 0)
			} else {
				raw++
			}
		}
	}
	return b.String()
}

// needsTypesetting reports whether lang has any rule.
func needsTypesetting(lang *config.Language) bool {
	base, _ := lang.Tag.Base()
	return base.String() == "fr" || lang.Dir == "rtl"
}

// tagName returns the lower-case element name of a tag such as "<code
// class=x>" or "</code>".
func tagName(tag string) (string, bool) {
	t := strings.TrimPrefix(tag, "<")
	closing := strings.HasPrefix(t, "/")
	t = strings.TrimPrefix(t, "/")
	end := strings.IndexAny(t, " \t\n/>")
	if end < 0 {
		end = len(t)
	}
	return strings.ToLower(t[:end]), closing
}

// dateText formats a date in the language's layout ("" for a zero time).
// A front-matter date is a calendar date, not an instant: it is shown as
// written, whatever the time zone the build runs in.
func dateText(lang *config.Language, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(lang.DateLayout)
}

// isoDate is t's calendar date as yyyy-mm-dd, for datetime attributes and
// the sitemap ("" for a zero time).
func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
