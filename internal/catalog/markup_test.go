package catalog

import (
	"strings"
	"testing"

	nethtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestSanitize(t *testing.T) {
	for in, want := range map[string]string{
		"Use <b>bold</b> and <code>x</code>":        "Use <b>bold</b> and <code>x</code>",
		`<b onclick="alert(1)">x</b>`:               "<b>x</b>",
		"<script>alert(1)</script>":                 "&lt;script&gt;alert(1)&lt;/script&gt;",
		`<a href="javascript:alert(1)">x</a>`:       "&lt;a href=&#34;javascript:alert(1)&#34;&gt;x&lt;/a&gt;",
		"<i>never closed":                           "<i>never closed</i>",
		"<b><i>crossed</b></i>":                     "<b><i>crossed</i></b>",
		"stray </em> end":                           "stray  end",
		"a<br/>b &amp; c < d":                       "a<br>b &amp; c &lt; d",
		`<img src=x onerror=alert(1)>`:              "&lt;img src=x onerror=alert(1)&gt;",
		"<bdi>\u202eevil</bdi> <!-- c --> <STRONG>": "<bdi>\u202eevil</bdi> &lt;!-- c --&gt; <strong></strong>",
	} {
		if got := Sanitize(in); got != want {
			t.Errorf("Sanitize(%q)\n got %q\nwant %q", in, got, want)
		}
	}
}

// FuzzSanitize: whatever a markup message holds, the result parses to only
// the allowed elements, with no attributes.
func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"<b>x</b>", "<script>x</script>", `<b onclick=x>`, "<svg><script>x", "<<b>>", "<b/><i></i"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Sanitize(s)
		nodes, err := nethtml.ParseFragment(strings.NewReader(out), &nethtml.Node{Type: nethtml.ElementNode, Data: "p", DataAtom: atom.P})
		if err != nil {
			t.Fatal(err)
		}
		var walk func(n *nethtml.Node)
		walk = func(n *nethtml.Node) {
			if n.Type == nethtml.ElementNode && (!IsMarkupTag(n.Data) || len(n.Attr) > 0) {
				t.Fatalf("Sanitize(%q) = %q holds <%s %v>", s, out, n.Data, n.Attr)
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		for _, n := range nodes {
			walk(n)
		}
	})
}
