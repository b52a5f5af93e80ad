package search

import (
	"encoding/json"
	"os"
	"testing"
)

// normalizeCases is shared with the browser test of the script's twin of
// Normalize (tests/browser reads testdata/normalize.json).
type normalizeCase struct {
	In   string `json:"in"`
	Want string `json:"want"`
}

func loadCases(t *testing.T) []normalizeCase {
	t.Helper()
	data, err := os.ReadFile("testdata/normalize.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []normalizeCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	return cases
}

func TestNormalize(t *testing.T) {
	for _, c := range loadCases(t) {
		if got := Normalize(c.In); got != c.Want {
			t.Errorf("Normalize(%q) = %q, want %q", c.In, got, c.Want)
		}
	}
}

func TestSectionsSplitAtHeadings(t *testing.T) {
	body := []byte(`<p>Intro <code>x</code> text.</p>
<h2 id="what">What <em>happens</em></h2><p>Reset invalidates.</p>
<div class="clients"><div class="client-panel"><h3 class="client-heading">Python</h3><p>Run it.</p></div></div>
<h3 id="more">More</h3><ul><li>one</li><li>two</li></ul>`)
	got := Sections(body)
	want := []Section{
		{Text: "Intro x text."},
		{Anchor: "what", Heading: "What happens", Text: "Reset invalidates. Run it."},
		{Anchor: "more", Heading: "More", Text: "one two"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d sections %+v, want %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("section %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestQueryFindsThaiAndPersianWords(t *testing.T) {
	built := Build("x", []Page{
		{URL: "th/reset/", Title: "การรีเซ็ตโทเค็น", Sections: EncodeSections(Sections([]byte(`<h2 id="what">จะเกิดอะไรขึ้น</h2><p>การรีเซ็ตจะทำให้โทเค็นก่อนหน้าใช้ไม่ได้ทันที</p>`)))},
		{URL: "fa/reset/", Title: "بازنشانی توکن", Sections: EncodeSections(Sections([]byte(`<h2 id="what">چه می‌شود؟</h2><p>درخواست‌های قدیمی با شکست مواجه می‌شوند.</p>`)))},
		{URL: "fr/oauth/", Title: "OAuth", Sections: EncodeSections(Sections([]byte(`<h2 id="maj">Mise à jour</h2><p>Dernière mise à jour.</p>`)))},
	})
	// Query what the browser gets: the index as written.
	var read Index
	if err := json.Unmarshal(built.JSON(), &read); err != nil {
		t.Fatal(err)
	}
	idx := &read
	cases := []struct{ q, url, anchor string }{
		{"ก่อนหน้า", "th/reset/", "what"},    // a word from the middle of an unspaced sentence
		{"درخواستهاي", "fa/reset/", "what"},  // Arabic yeh, no ZWNJ
		{"درخواست‌های", "fa/reset/", "what"}, // Persian yeh with ZWNJ
		{"مي شوند", "fa/reset/", "what"},     // two words, Arabic yeh
		{"MISE A JOUR", "fr/oauth/", "maj"},  // case and accents
	}
	for _, c := range cases {
		res := Query(idx, c.q)
		if len(res) == 0 || res[0].URL != c.url || res[0].Anchor != c.anchor {
			t.Errorf("Query(%q) = %+v, want first %s#%s", c.q, res, c.url, c.anchor)
		}
	}
	if res := Query(idx, "nonexistent"); len(res) != 0 {
		t.Errorf("Query(nonexistent) = %+v, want none", res)
	}
}

// The index holds the guide's text, not the page furniture around it: no tab
// labels ("PythonRuby"), variant headings, callout labels or buttons.
func TestSectionsLeaveOutChrome(t *testing.T) {
	body := []byte(`<h2 id="setup">Set up</h2>
<div class="clients" data-clients="python ruby">
<div class="client-tabs" role="tablist" aria-label="Client library" hidden><button type="button" role="tab" data-client="python">Python</button><button type="button" role="tab" data-client="ruby">Ruby</button></div>
<div class="client-panel" id="client-0-python"><h3 class="client-heading">Python</h3><p>Run the script.</p></div>
<div class="client-panel" id="client-0-ruby"><h3 class="client-heading">Ruby</h3><p>Edit the file.<br>Then run it.</p></div>
</div>
<aside class="callout"><p class="callout-label">Note:</p><p>Keep it secret.</p></aside>
<button type="button">Copy<img alt=""></button><p>After.</p>`)
	got := Sections(body)
	want := []Section{{Anchor: "setup", Heading: "Set up", Text: "Run the script. Edit the file. Then run it. Keep it secret. After."}}
	if len(got) != 1 || got[0] != want[0] {
		t.Fatalf("Sections = %+v\nwant %+v", got, want)
	}
}

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }
