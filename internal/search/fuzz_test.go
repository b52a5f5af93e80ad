package search

import (
	"bytes"
	"html"
	"reflect"
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

// FuzzDecodeShard checks the shard reader on every input: it never
// panics, and what it accepts, written again as Shard writes entries, reads
// back the same. Numbers written with appendNumber read back unchanged.
func FuzzDecodeShard(f *testing.F) {
	files, err := goldenIndex().Shard(nil)
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range files[1:2] {
		f.Add(string(file.Data), uint32(0))
	}
	f.Add(`[["a",1,"1w"]]`, uint32(1<<31))
	f.Add(`[["a",0,"0_"],["a",1,"011"]]`, uint32(33))
	f.Add(`[["a",0,"0101"]]`, uint32(33))
	f.Add(`[["b",0,"11"],["a",0,"11"]]`, uint32(31))
	f.Fuzz(func(t *testing.T, data string, n uint32) {
		if got, err := decodeNumbers(string(appendNumber(nil, n))); err != nil || len(got) != 1 || got[0] != int(n) {
			t.Fatalf("number %d read back as %v, %v", n, got, err)
		}
		es, err := DecodeShard([]byte(data))
		if err != nil {
			return
		}
		var b bytes.Buffer
		for _, e := range es {
			var p postings
			for i, s := range e.Sections {
				if s >= 1<<28 {
					return
				}
				p.add(uint32(e.Pages[i]), uint32(s), uint32(e.Values[i]))
			}
			writeEntry(&b, entryKey{e.Key, e.Gram}, p.data)
		}
		again, err := DecodeShard(closeShard(&b))
		if err != nil {
			t.Fatalf("rewritten shard %q: %v", b.String(), err)
		}
		if len(es) == 0 && len(again) == 0 {
			return
		}
		if !reflect.DeepEqual(es, again) {
			t.Fatalf("read %+v, rewritten and read %+v", es, again)
		}
	})
}
