package render

import (
	"strings"
	"testing"
)

// FuzzIsolateLTR checks isolateLTR's shortcut for text without digits
// against its full pass: the same string, whatever the text.
func FuzzIsolateLTR(f *testing.F) {
	for _, s := range []string{"", "راهنمای OAuth", "نسخه 2.0 از API", "\u2066x1\u2069 ۱۲", "a\xffb", "abc def"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// With a digit appended and cut off again, the full pass runs on
		// the same text (a digit only ever ends a run of its own).
		full := isolateLTR(s + "\u00a0" + "1")
		want, ok := strings.CutSuffix(full, "\u00a01")
		if !ok {
			return // the digit joined a run: no comparison to make
		}
		if got := isolateLTR(s); got != want {
			t.Fatalf("isolateLTR(%q) = %q, the full pass gives %q", s, got, want)
		}
	})
}
