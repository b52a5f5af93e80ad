package search

import (
	"bytes"
	"encoding/json"
	"testing"
)

// jsonOf is what encoding/json writes for v with HTML escaping off.
func jsonOf(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// FuzzEncodeSections checks the hand encoder against encoding/json: the
// same bytes for any strings (control characters, quotes, invalid UTF-8,
// line separators) and any sections, empty fields left out.
func FuzzEncodeSections(f *testing.F) {
	f.Add("a", "Heading \"q\"", "x\\y\n\u2028 <b> 😀\x01\x7f\b\f\r\t")
	f.Add("", "", "")
	f.Add("\xff", "\xe2\x80", "\u2029ok\xc3")
	f.Fuzz(func(t *testing.T, a, h, x string) {
		if got, want := appendString(nil, x), jsonOf(x); !bytes.Equal(got, want) {
			t.Fatalf("appendString(%q) = %s, json %s", x, got, want)
		}
		for _, secs := range [][]Section{nil, {}, {{Anchor: a, Heading: h, Text: x}}, {{Text: x}, {Anchor: a}, {Heading: h}}} {
			want := jsonOf(secs)
			if secs == nil {
				want = []byte("[]") // EncodeSections writes no sections as an empty list
			}
			if got := EncodeSections(secs); !bytes.Equal(got, want) {
				t.Fatalf("EncodeSections(%q) = %s, json %s", secs, got, want)
			}
		}
	})
}
