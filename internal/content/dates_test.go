package content

import (
	"errors"
	"strings"
	"testing"

	"github.com/docgen/docgen/internal/diag"
)

// TestFrontMatterDates: updated must be a date or a date-time with a year
// from 1970 to 9999 in UTC; anything else is an error at its line.
func TestFrontMatterDates(t *testing.T) {
	for _, tc := range []struct {
		value string
		want  string // "" when accepted; else part of the message
	}{
		{"2026-01-31", ""},
		{"2026-01-31T09:30:00Z", ""},
		{"1970-01-01T00:00:00Z", ""},
		{"9999-12-31T23:59:59Z", ""},
		{"9999-12-31T23:59:59+05:00", ""},
		{"12:30:00", "time of day without a date"},
		{"9999-12-31T23:59:59-23:59", "not between the years 1970 and 9999"},
		{"0001-01-01", "not between"},
		{"0001-01-01T00:00:00Z", "not between"},
		{"1969-12-31", "not between"},
		{"0000-01-01", "not between"},
	} {
		src := "+++\ntitle = \"T\"\nweight = 1\nupdated = " + tc.value + "\n+++\nBody\n"
		p, err := Parse("content/x/en.md", "x", "en", []byte(src))
		if tc.want == "" {
			if err != nil || p.Updated.IsZero() {
				t.Errorf("updated = %s: %v", tc.value, err)
			}
			continue
		}
		var list diag.List
		if !errors.As(err, &list) || len(list) != 1 {
			t.Errorf("updated = %s accepted (err %v)", tc.value, err)
			continue
		}
		if d := list[0]; d.File != "content/x/en.md" || d.Line != 4 || !strings.Contains(d.Message, tc.want) {
			t.Errorf("updated = %s: %v, want content/x/en.md:4 %q", tc.value, d, tc.want)
		}
	}
}
