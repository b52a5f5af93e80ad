package content

import (
	"bytes"
	"fmt"
	"github.com/docgen/docgen/internal/catalog"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/docgen/docgen/internal/diag"
	"github.com/docgen/docgen/internal/tomlpos"
	"github.com/docgen/docgen/internal/tomlwrite"
)

// FrontMatter is the TOML block between +++ lines at the top of a page.
type FrontMatter struct {
	Title       string    `toml:"title"`
	Description string    `toml:"description"`
	Summary     []string  `toml:"summary"`
	Updated     time.Time `toml:"updated"`     // zero when absent
	Weight      int       `toml:"weight"`      // order hint for lists
	Source      string    `toml:"source"`      // translations: the file translated, e.g. "en.md"
	SourceHash  string    `toml:"source_hash"` // translations: hash of the source when translated
	Draft       bool      `toml:"draft"`       // in progress: a translation's readers get the source page; a source page is not published
	Aliases     []string  `toml:"aliases"`     // source pages: former slugs of the guide, published as redirects
}

const fence = "+++"

// Normalize returns src as docgen reads every text file: without a UTF-8
// byte-order mark and with CRLF line endings turned into LF.
func Normalize(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	if bytes.IndexByte(src, '\r') >= 0 {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	}
	return src
}

// ParseFrontMatter splits a page into front matter and body. bodyLine is the
// 1-based line of src on which the body starts. name is used in errors.
// src must already be normalized (see Normalize).
func ParseFrontMatter(name string, src []byte) (fm FrontMatter, body []byte, bodyLine int, err error) {
	if !utf8.Valid(src) {
		off := invalidUTF8(src)
		return fm, nil, 0, diag.Errorf(name, diag.LineOf(src, off), "save the file as UTF-8", "invalid UTF-8 at byte %d", off)
	}
	if !bytes.HasPrefix(src, []byte(fence+"\n")) {
		return fm, nil, 0, diag.Errorf(name, 1, "start the page with a line holding +++, then title = \"...\", then another +++ line",
			"page has no front matter")
	}
	rest := src[len(fence)+1:]
	end := -1
	for off := 0; off <= len(rest); {
		nl := bytes.IndexByte(rest[off:], '\n')
		line := rest[off:]
		if nl >= 0 {
			line = rest[off : off+nl]
		}
		if string(bytes.TrimRight(line, " \t")) == fence {
			end = off
			break
		}
		if nl < 0 {
			break
		}
		off += nl + 1
	}
	if end < 0 {
		return fm, nil, 0, diag.Errorf(name, 1, "close the front matter with a line holding only +++", "front matter is not closed")
	}
	block := rest[:end]
	md, derr := toml.NewDecoder(bytes.NewReader(block)).Decode(&fm)
	if derr != nil {
		d, _ := diag.As(tomlpos.DecodeError(name, derr))
		if d != nil && d.Line > 0 {
			d.Line++ // the opening +++ line
		}
		return fm, nil, 0, d
	}
	var errs diag.List
	for _, k := range md.Undecoded() {
		line := tomlpos.Line(block, k)
		if line > 0 {
			line++
		}
		errs.Add(diag.Errorf(name, line, "front matter keys are title, description, summary, updated, weight, source, source_hash, draft",
			"unknown front matter key %q", k.String()))
	}
	if fm.Title == "" {
		errs.Add(diag.Errorf(name, 1, `add title = "..." to the front matter`, "page has no title"))
	}
	if md.IsDefined("updated") {
		if d := checkDate(name, block, "updated", fm.Updated); d != nil {
			errs.Add(d)
		}
	}
	if err := errs.Err(); err != nil {
		return fm, nil, 0, err
	}
	bodyStart := len(fence) + 1 + end + len(fence)
	if bodyStart < len(src) && src[bodyStart] == '\n' {
		bodyStart++
	} else {
		for bodyStart < len(src) && src[bodyStart] != '\n' {
			bodyStart++
		}
		if bodyStart < len(src) {
			bodyStart++
		}
	}
	return fm, src[bodyStart:], diag.LineOf(src, bodyStart), nil
}

func invalidUTF8(src []byte) int {
	for off := 0; off < len(src); {
		r, size := utf8.DecodeRune(src[off:])
		if r == utf8.RuneError && size <= 1 {
			return off
		}
		off += size
	}
	return len(src)
}

// String summarizes the front matter for debugging.
func (fm FrontMatter) String() string {
	return fmt.Sprintf("%q (weight %d)", fm.Title, fm.Weight)
}

// SetFrontMatter returns src with key set to the TOML string value in its
// front matter: the line "key = ..." is replaced, or added before the
// closing +++. Every other byte of the file is kept, including a UTF-8
// byte-order mark and CRLF line ends (the new line ends like the others).
func SetFrontMatter(src []byte, key, value string) ([]byte, error) {
	bom := []byte("\ufeff")
	body := bytes.TrimPrefix(src, bom)
	prefix := src[:len(src)-len(body)]
	lines := bytes.SplitAfter(body, []byte("\n"))
	if len(lines) == 0 || string(bytes.TrimRight(lines[0], "\r\n")) != fence || !bytes.HasSuffix(lines[0], []byte("\n")) {
		return nil, fmt.Errorf("page has no front matter")
	}
	eol := "\n"
	if bytes.HasSuffix(lines[0], []byte("\r\n")) {
		eol = "\r\n"
	}
	set := []byte(key + " = " + tomlwrite.String(value) + eol)
	for i := 1; i < len(lines); i++ {
		line := bytes.TrimSpace(lines[i])
		if string(line) == fence {
			out := append([]byte{}, prefix...)
			out = append(out, bytes.Join(lines[:i], nil)...)
			out = append(out, set...)
			return append(out, bytes.Join(lines[i:], nil)...), nil
		}
		if k, _, ok := bytes.Cut(line, []byte("=")); ok && string(bytes.TrimSpace(k)) == key {
			if !bytes.HasSuffix(lines[i], []byte("\n")) {
				return nil, fmt.Errorf("front matter is not closed")
			}
			lines[i] = set
			return append(append([]byte{}, prefix...), bytes.Join(lines, nil)...), nil
		}
	}
	return nil, fmt.Errorf("front matter is not closed")
}

// FrontMatterBidi reports the front matter values of a page that hold a
// bidirectional override or isolate once decoded, however they were
// written (a TOML escape such as "\u202E" hides one from a line scan).
// name is used in the diagnostics; src is the page as read.
func FrontMatterBidi(name string, src []byte) diag.List {
	src = Normalize(src)
	fm, _, _, err := ParseFrontMatter(name, src)
	if err != nil {
		return nil // the build reports the page itself
	}
	block := src[len(fence)+1:]
	var out diag.List
	check := func(key string, vals ...string) {
		for _, v := range vals {
			if loc := catalog.Bidi.FindString(v); loc != "" {
				line := tomlpos.Line(block, []string{key})
				if line > 0 {
					line++ // the opening +++ line
				}
				d := diag.Errorf(name, line, "delete it; the page sets the text direction itself (use U+200F RIGHT-TO-LEFT MARK if a mark is really needed)",
					"front matter %s: bidirectional control character U+%04X can reorder what readers see", key, []rune(loc)[0])
				d.Kind = "bidi"
				out.Add(d)
				return
			}
		}
	}
	check("title", fm.Title)
	check("description", fm.Description)
	check("summary", fm.Summary...)
	check("source", fm.Source)
	check("source_hash", fm.SourceHash)
	return out
}
