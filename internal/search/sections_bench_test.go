package search

import (
	"strings"
	"testing"
)

// BenchmarkSections splits a guide-sized body whose code block is
// highlighted (a span per token, as the highlighter writes it).
func BenchmarkSections(b *testing.B) {
	var body strings.Builder
	for s := 0; s < 6; s++ {
		body.WriteString(`<h2 id="step-` + string(rune('a'+s)) + `">Step</h2><p>Open the <a href="../x/">settings</a> page and choose <strong>Reset</strong>.</p>`)
		body.WriteString(`<div class="highlight"><pre class="chroma"><code>`)
		for l := 0; l < 20; l++ {
			body.WriteString(`<span class="line"><span class="cl"><span class="kn">import</span> <span class="nn">google.ads</span> <span class="c1"># a comment</span></span></span>` + "\n")
		}
		body.WriteString(`</code></pre></div>`)
	}
	data := []byte(body.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		Sections(data)
	}
}
