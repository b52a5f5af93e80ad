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
		var dynamic []Use
		if err := layoutUses("layouts/x.html", text, uses, &dynamic); err != nil {
			return
		}
		lines := strings.Count(text, "\n") + 1
		uses[""] = append(uses[""], dynamic...)
		for id, us := range uses {
			for _, u := range us {
				if u.Line < 1 || u.Line > lines {
					t.Fatalf("%s used at line %d of %d", id, u.Line, lines)
				}
			}
		}
	})
}

func TestLayoutUsesDynamic(t *testing.T) {
	uses := map[string][]Use{}
	var dynamic []Use
	text := "{{.T.T \"A\"}}\n{{$id := \"B\"}}{{.T.T $id}}\n{{.T.N .Name 2}}\n"
	if err := layoutUses("layouts/x.html", text, uses, &dynamic); err != nil {
		t.Fatal(err)
	}
	if len(uses) != 1 || len(uses["A"]) != 1 || len(dynamic) != 2 || dynamic[0].Line != 2 || dynamic[1].Line != 3 {
		t.Errorf("uses %v, dynamic %v; want A and dynamic uses at lines 2 and 3", uses, dynamic)
	}
}
