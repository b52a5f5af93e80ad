package catalog

import (
	"strings"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// An added table and a removed one at the top of a file (the removal takes
// the blank line before it) once made overlapping edits and a panic.
func TestPatchAddAndRemoveAtTop(t *testing.T) {
	src := []byte("# Written by hand: keep me.\n\n[Hello]\ndescription = \"Greeting\"\nother = \"Hello\"\n")
	add := []*i18n.Message{{ID: "Alpha", Description: "d", Other: "A"}, {ID: "Zulu", Description: "d", Other: "Z"}}
	out, err := Patch("locales/en.toml", src, add, []string{"Hello"})
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	if !strings.HasPrefix(text, "# Written by hand: keep me.") || strings.Contains(text, "Hello") ||
		!strings.Contains(text, "[Alpha]") || !strings.Contains(text, "[Zulu]") {
		t.Errorf("patched:\n%s", text)
	}
}
