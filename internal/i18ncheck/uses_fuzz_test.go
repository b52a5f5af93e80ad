package i18ncheck

import (
	"strings"
	"testing"
)

// FuzzLayoutUses: any layout text either fails to parse with an error or
// yields uses with lines inside the text; it never panics.
func FuzzLayoutUses(f *testing.F) {
	f.Add(`{{define "base"}}<p>{{.T.T "Hello"}}</p>{{with .X}}{{$.T.N "Count" 2}}{{end}}{{end}}`)
	f.Add(`{{range .Nav}}{{if .Current}}{{$.T.Links "Footer" "A" "b" "c"}}{{end}}{{end}}`)
	f.Add(`{{template "x" .T.T "y"}}{{.T.T}}{{.T.T 3}}{{(.T).T "z"}}`)
	f.Fuzz(func(t *testing.T, text string) {
		uses := map[string][]Use{}
		if err := layoutUses("layouts/x.html", text, uses); err != nil {
			return
		}
		lines := strings.Count(text, "\n") + 1
		for id, us := range uses {
			for _, u := range us {
				if u.Line < 1 || u.Line > lines {
					t.Fatalf("%s used at line %d of %d", id, u.Line, lines)
				}
			}
		}
	})
}
