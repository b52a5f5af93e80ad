package search

import (
	"strings"
	"testing"
)

// FuzzSections: any HTML splits into sections without panicking, and the
// text of the sections holds no markup; Normalize is idempotent.
func FuzzSections(f *testing.F) {
	f.Add(`<h2 id="a">Heading</h2><p>Text <code>x</code></p><h3 id="b">B</h3><p>การรีเซ็ต</p>`)
	f.Add(`<div class="client-panel"><h3 class="client-heading">Python</h3><p>x</p></div>`)
	f.Add(`<h2>no id</h2><p>می‌شود</p><script>alert(1)</script>`)
	f.Fuzz(func(t *testing.T, body string) {
		for _, s := range Sections([]byte(body)) {
			if strings.ContainsAny(s.Text, "<>") && !strings.ContainsAny(body, "<>") {
				t.Fatalf("markup appeared in text %q", s.Text)
			}
		}
		n := Normalize(body)
		if Normalize(n) != n {
			t.Fatalf("Normalize not idempotent on %q", body)
		}
	})
}
