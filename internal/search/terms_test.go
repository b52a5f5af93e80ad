package search

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// FuzzWords checks the word splitter against its definition: the runs
// strings.FieldsFunc leaves between characters that are not letters,
// digits or marks.
func FuzzWords(f *testing.F) {
	for _, s := range []string{"token. v1.2 refresh-token", "การรีเซ็ต โทเค็น", "می‌شوند، درخواست", "a\xffb", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) })
		got := Words(s)
		if len(got) == 0 && len(want) == 0 {
			return
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Words(%q) = %q, want %q", s, got, want)
		}
	})
}
