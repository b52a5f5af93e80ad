package i18ncheck

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
)

var fuzzSource = []byte(`[Hello]
description = "Greeting"
other = "Hello {{.Name}}"

[GuideCount]
one = "{{.Count}} guide"
other = "{{.Count}} guides"
`)

// FuzzCheck feeds arbitrary bytes to the checker as a French and a Persian
// catalog, and as the source: it must never panic, and every finding must
// name a file, a known kind and a position.
func FuzzCheck(f *testing.F) {
	for _, seed := range []string{
		"[Hello]\nother = \"Bonjour {{.Name}}\"\n",
		"[Hello]\nother = \"{{.Nom}} <b>x</b> \u202e\"\n[GuideCount]\none = \"x\"\nfew = \"y\"\n",
		"[Hello\n",
		"Hello = 3\n[GuideCount]\nother = \"{{.Count\"\n",
		"[Hello]\nhash = \"sha1-00\"\nother = \"{{if .Name}}{{range .X}}{{end}}{{end}}\"\n",
		"\ufeff[\"quoted.id\"]\nother = '''multi\nline'''\n",
	} {
		f.Add([]byte(seed))
	}
	kinds := map[string]bool{"syntax": true, "unknown-key": true, "not-text": true, "template": true, "undefined": true, "unused": true,
		"missing": true, "extra": true, "identical": true, "stale": true, "plural-missing": true, "plural-invalid": true,
		"placeholder": true, "html": true, "bidi": true}
	f.Fuzz(func(t *testing.T, data []byte) {
		src := Catalog{Lang: "en", Tag: language.English, File: "locales/en.toml", Data: fuzzSource}
		targets := []Catalog{
			{Lang: "fr", Tag: language.French, File: "locales/fr.toml", Data: data},
			{Lang: "fa", Tag: language.Persian, File: "locales/fa.toml", Data: data},
		}
		uses := map[string][]Use{"Hello": {{File: "layouts/base.html", Line: 1}}}
		check := func(fs []Finding) {
			for _, f := range fs {
				if f.File == "" || !kinds[f.Kind] || f.Line < 0 || f.Column < 1 || (f.Severity != Error && f.Severity != Warning) {
					t.Fatalf("bad finding %+v", f)
				}
				if strings.ContainsRune(f.Message, 0) {
					t.Fatalf("NUL in message %q", f.Message)
				}
			}
		}
		check(Check(src, targets, uses))
		src.Data = data
		check(Check(src, targets[:1], uses))
	})
}
