package plurals

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func TestForms(t *testing.T) {
	for lang, want := range map[string]string{
		"en": "one other", "fr": "one many other", "fa": "one other",
		"th": "other", "vi": "one other", "id": "other", "ar": "zero one two few many other",
	} {
		if got := strings.Join(Forms(language.MustParse(lang)), " "); got != want {
			t.Errorf("%s: forms %q, want %q", lang, got, want)
		}
	}
	if got := Example(language.French, "many"); got != "1000000" {
		t.Errorf("French many example = %q", got)
	}
}
