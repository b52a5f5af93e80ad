package search

import (
	"reflect"
	"testing"
)

// FuzzSectionsScanner checks the fast scanner against the HTML tokenizer:
// on every body the scanner accepts, both give the same sections.
func FuzzSectionsScanner(f *testing.F) {
	for _, seed := range []string{
		`<h2 id="a">Title &amp; more</h2><p>Text <strong>bold</strong><br>line<br/>x</p>`,
		`<div class="client-tabs" role="tablist"><button>Python</button></div><h3 id=b>B</h3><ul><li>one<li>two</ul>`,
		`<div class="callout"><p class="callout-label">Note</p><p>Body</p></div><table><tr><td>a</td><th>b</th></tr></table>`,
		`<pre class="chroma"><code><span class="kn">import</span> x &lt; y</code></pre><h2 ID="C" CLASS='x'>C</h2>`,
		`a < b and c <3 d </p> <img src="x" alt="y" /> <H3 id="d">D</H3> &eacute;&#233;&notin x`,
		`<span class="callout-label">Note</span>t<span class="a&amp;b">u</span><span class="x"/>v<span class="">w</span></span>`,
		`<h2 id="g">G <span class="k">k</span></h2><span class="client-heading"><span class="n">x</span></span>y`,
		`<h2 id="e"`, `<!-- c --><h2 id="f">F</h2>`, "<p>\x00</p>", `<script>var a = "<h2 id=x>"</script>`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		got, ok := scanSections(body)
		if !ok {
			return
		}
		if want := tokenizeSections(body); !reflect.DeepEqual(got, want) {
			t.Fatalf("scanSections(%q)\n = %#v\nthe tokenizer gives %#v", body, got, want)
		}
	})
}

// TestScannerTakesDocgenHTML makes sure the scanner, not the tokenizer,
// reads what docgen renders: the fast path is the one used.
func TestScannerTakesDocgenHTML(t *testing.T) {
	body := `<h2 id="reset">Reset</h2><p>Go to <a href="https://example.com/?a=1&amp;b=2">the page</a> &amp; click.</p>` +
		`<div class="client-tabs" role="tablist" aria-label="Client library"><button role="tab" aria-selected="true">Python</button></div>` +
		`<pre class="chroma"><code><span class="line"><span class="cl"><span class="kn">import</span> x</span></span>` + "\n</code></pre>" +
		`<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table><hr><img src="a.png" alt="">`
	if _, ok := scanSections([]byte(body)); !ok {
		t.Fatal("the scanner refused docgen's HTML; the build would fall back to the slow tokenizer")
	}
}
