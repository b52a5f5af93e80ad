package catalog

import (
	"strings"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"
)

func TestPatch(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		set      []*i18n.Message
		remove   []string
		want     string
	}{
		{
			name: "one key changes; comments, order and other forms stay",
			in:   "# French catalog.\n\n# The title bar.\n[B]\ndescription = \"d\"\nhash = \"sha1-1\"\none = \"un\"\nmany = \"beaucoup\"\nother = 'autres'  # keep\n\n[A]\nother = \"a\"\n",
			set:  []*i18n.Message{{ID: "B", Description: "d", Hash: "sha1-2", One: "un", Many: "beaucoup", Other: "autres"}},
			want: "# French catalog.\n\n# The title bar.\n[B]\ndescription = \"d\"\nhash = \"sha1-2\"\none = \"un\"\nmany = \"beaucoup\"\nother = 'autres'  # keep\n\n[A]\nother = \"a\"\n",
		},
		{
			name: "CRLF and byte-order mark kept; a key added in its place",
			in:   "\ufeff# c\r\n[A]\r\nother = \"a\"\r\n",
			set:  []*i18n.Message{{ID: "A", Hash: "sha1-9", Other: "a"}},
			want: "\ufeff# c\r\n[A]\r\nhash = \"sha1-9\"\r\nother = \"a\"\r\n",
		},
		{
			name: "new message in id order",
			in:   "# h\n\n[A]\nother = \"a\"\n\n# about C\n[C]\nother = \"c\"\n",
			set:  []*i18n.Message{{ID: "B", Description: "new", Other: "b"}},
			want: "# h\n\n[A]\nother = \"a\"\n\n[B]\ndescription = \"new\"\nother = \"b\"\n\n# about C\n[C]\nother = \"c\"\n",
		},
		{
			name:   "removed message goes, its neighbours stay",
			in:     "[A]\nother = \"a\"\n\n[B]\nother = \"b\"\n\n[C]\nother = \"c\"\n",
			remove: []string{"B"},
			want:   "[A]\nother = \"a\"\n\n[C]\nother = \"c\"\n",
		},
		{
			name: "multi-line string replaced whole",
			in:   "[A]\nother = \"\"\"\nline one\nline two\"\"\"\ndescription = \"d\"\n",
			set:  []*i18n.Message{{ID: "A", Description: "d", Other: "new"}},
			want: "[A]\nother = \"new\"\ndescription = \"d\"\n",
		},
		{
			name: "short form kept while only text",
			in:   "A = \"a\"\n[B]\nother = \"b\"\n",
			set:  []*i18n.Message{{ID: "A", Other: "à"}},
			want: "A = \"à\"\n[B]\nother = \"b\"\n",
		},
	} {
		got, err := Patch("fr.toml", []byte(tc.in), tc.set, tc.remove)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if string(got) != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

func TestPatchRefusesWhatItCannotEdit(t *testing.T) {
	for _, in := range []string{"A.other = \"a\"\n", "[[A]]\nother = \"a\"\n"} {
		if _, err := Patch("fr.toml", []byte(in), []*i18n.Message{{ID: "A", Other: "b"}}, nil); err == nil {
			t.Errorf("Patch(%q) did not refuse", in)
		}
	}
}

// FuzzPatch: patching a parseable catalog gives a parseable one holding
// exactly what was asked, or refuses.
func FuzzPatch(f *testing.F) {
	f.Add("# c\n[A]\nother = \"a\"\n", "A", "x")
	f.Add("[B]\r\none = \"\"\"\nb\"\"\"\nother = 'c'\r\n", "B", "")
	f.Add("A = \"a\"\n", "C", "c")
	f.Fuzz(func(t *testing.T, in, id, text string) {
		if _, err := Parse("f.toml", []byte(in)); err != nil || id == "" || strings.ContainsAny(id, "\x00") {
			return
		}
		m := &i18n.Message{ID: id, Other: text, Hash: "sha1-0"}
		if text == "" {
			m.Other = "x"
		}
		out, err := Patch("f.toml", []byte(in), []*i18n.Message{m}, nil)
		if err != nil {
			return // refused: verify found it could not be done safely
		}
		msgs, err := Parse("f.toml", out)
		if err != nil {
			t.Fatalf("Patch(%q) = %q does not parse: %v", in, out, err)
		}
		found := false
		for _, g := range msgs {
			if g.ID == id {
				found = g.Other == m.Other
			}
		}
		if !found {
			t.Fatalf("Patch(%q) = %q lacks the message", in, out)
		}
	})
}
