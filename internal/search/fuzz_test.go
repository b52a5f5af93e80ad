package search

import (
	"html"
	"strings"
	"testing"
)

// FuzzSections checks, on every input, properties that hold for all HTML:
// Sections never panics; every section's text and heading are collapsed
// (no leading, trailing or repeated white space) and not both empty; and
// text that is escaped into a heading and a paragraph comes back exactly,
// whatever it holds (so markup in the input is text in the index, and text
// is never lost or changed). Normalize is idempotent.
func FuzzSections(f *testing.F) {
	f.Add(`<h2 id="a">Heading</h2><p>Text <code>x</code></p><h3 id="b">B</h3><p>การรีเซ็ต</p>`)
	f.Add(`<div class="client-panel"><h3 class="client-heading">Python</h3><p>x</p></div>`)
	f.Add(`<h2>no id</h2><p>می‌شود</p><script>alert(1)</script>`)
	f.Add(`&lt;script&gt; a  b`)
	f.Add("plain text\twith\u00a0spaces")
	f.Fuzz(func(t *testing.T, body string) {
		n := Normalize(body)
		if Normalize(n) != n {
			t.Fatalf("Normalize not idempotent on %q", body)
		}
		for _, s := range Sections([]byte(body)) {
			if s.Text != collapse(s.Text) || s.Heading != collapse(s.Heading) {
				t.Fatalf("section not collapsed: %+v", s)
			}
			if s.Text == "" && s.Heading == "" {
				t.Fatalf("empty section from %q", body)
			}
		}
		// The input as text: what the tokenizer keeps of it (valid UTF-8,
		// no NUL, which HTML replaces) must come back unchanged.
		text := strings.ReplaceAll(strings.ToValidUTF8(body, "\uFFFD"), "\x00", "")
		doc := `<h2 id="s">` + html.EscapeString(text) + `</h2><p>` + html.EscapeString(text) + `</p>`
		want := Section{Anchor: "s", Heading: collapse(text), Text: collapse(text)}
		got := Sections([]byte(doc))
		if want.Heading == "" {
			if len(got) != 0 && (len(got) != 1 || got[0] != (Section{Anchor: "s"})) {
				t.Fatalf("Sections(%q) = %+v, want nothing", doc, got)
			}
			return
		}
		if len(got) != 1 || got[0] != want {
			t.Fatalf("Sections(%q) = %+v, want [%+v]", doc, got, want)
		}
	})
}
