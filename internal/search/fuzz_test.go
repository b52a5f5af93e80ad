package search

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
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

// FuzzPatchOldFiles checks Patch's reading of the old index on every
// input: with any one old file replaced by the input, Patch never panics
// and either refuses with ErrRebuild or returns an index whose kept files
// exist; when the input is the file as it was, the index is exactly what
// Shard writes.
func FuzzPatchOldFiles(f *testing.F) {
	r := rand.New(rand.NewPCG(7, 8))
	e := &editable{lang: "x", cut: cutRule{every: 3, big: 30}}
	for i := range 12 {
		e.pages = append(e.pages, editPage{url: fmt.Sprintf("x/p%03d/", i), title: randomPhrase(r, 2), secs: randomSections(r)})
	}
	before := fileSet(f, e.index(nil))
	e.pages[4].secs = append(e.pages[4].secs, Section{Heading: "token", Text: "reset ก่อนหน้า w7"})
	idx := e.index(nil)
	want := fileSet(f, idx)
	names := slices.Sorted(maps.Keys(before))
	for i, name := range names {
		f.Add(uint8(i), string(before[name]))
	}
	f.Add(uint8(0), `{"v":3,"lang":"x","word":24,"gram":3,"hash":"","shards":[["a","0000000000000000"]],"pages":[1,1,1,1,1,1,1,1,1,1,1,1]}`)
	f.Add(uint8(1), `[["a",0,"01"]]`)
	f.Fuzz(func(t *testing.T, which uint8, data string) {
		files := maps.Clone(before)
		name := names[int(which)%len(names)]
		files[name] = []byte(data)
		got, _, err := patch(t, idx, []int{4}, files)
		if err != nil {
			if !errors.Is(err, ErrRebuild) {
				t.Fatalf("%s replaced: %v, want ErrRebuild", name, err)
			}
			return
		}
		if data == string(before[name]) && !maps.EqualFunc(got, want, bytes.Equal) {
			t.Fatalf("patched index differs from the rebuilt one")
		}
	})
}

// collapse is strings.Join(strings.Fields(s), " "), byte for byte.
func FuzzCollapse(f *testing.F) {
	for _, s := range []string{"", " ", "a", " a ", "a  b", "a\tb", "a \u00a0b", "\u0085x", "a\xffb  c", "تست\u200c تست", "ทดสอบ  ภาษา"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapse(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapse(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzCutter checks that the index's one-pass cutter gives the words
// indexWords gives (the reference: Words of Normalize, then the parts a
// zero-width non-joiner joins), in the same order, each marked unspaced
// exactly when unspaced says so, whatever the text; one cutter is reused
// across inputs, as the index reuses it.
func FuzzCutter(f *testing.F) {
	f.Add("Reset the Developer Token")
	f.Add("می‌شوند و کتاب‌ها می شوند")
	f.Add("การรีเซ็ตโทเค็น ก่อนหน้า")
	f.Add("Tiếng Việt: đặt lại mã thông báo")
	f.Add("ﬁle\u00a8x\u200c\u200cy\u200c.z ‌a")
	f.Add("averyveryveryverylongidentifier_name_here OAuth2")
	var c cutter
	f.Fuzz(func(t *testing.T, text string) {
		want := indexWords(text, Normalize)
		c.cut(text)
		var got []string
		for _, s := range append(slices.Clone(c.words), c.parts...) {
			w := string(c.buf[s.start:s.end])
			if s.gram != unspaced(w) {
				t.Errorf("%q: word %q marked gram=%v, unspaced says %v", text, w, s.gram, unspaced(w))
			}
			got = append(got, w)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("%q: cutter gives %q, indexWords %q", text, got, want)
		}
	})
}

// FuzzDecodeSections checks the index's hand reader of encoded sections
// against encoding/json: what it reads, json reads the same; what
// EncodeSections writes, it reads (not falling back); and decodeSections
// fails exactly when json does.
func FuzzDecodeSections(f *testing.F) {
	f.Add([]byte(`[]`))
	f.Add(EncodeSections([]Section{{Anchor: "a", Heading: "Ĥ \"q\"", Text: "x\\y\n\u2028 <b> 😀"}, {Text: "t"}}))
	f.Add([]byte(`[{"x":"\ud83d\ude00 \u00e9 \/"}]`))
	f.Add([]byte(`[{"a":"1","h":"2","x":"3"},{"x":""}]`))
	f.Add([]byte(`[{"x":"\ud800"}] `))
	f.Fuzz(func(t *testing.T, data []byte) {
		var want []Section
		werr := json.Unmarshal(data, &want)
		if got, ok := readSections(data); ok {
			if werr != nil || !reflect.DeepEqual(got, want) {
				t.Fatalf("%q: read %+v, json %+v (%v)", data, got, want, werr)
			}
		}
		got, err := decodeSections(data)
		if (err != nil) != (werr != nil) || err == nil && !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: decodeSections %+v (%v), json %+v (%v)", data, got, err, want, werr)
		}
		if werr == nil {
			again := EncodeSections(want)
			if back, ok := readSections(again); !ok || !reflect.DeepEqual(back, want) && len(want) > 0 {
				t.Fatalf("%q: EncodeSections wrote %q, read back %+v (%v)", data, again, back, ok)
			}
		}
	})
}
