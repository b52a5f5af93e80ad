package site

import (
	"testing"

	"github.com/docgen/docgen/internal/config"
	"github.com/docgen/docgen/internal/content"
)

// Guides are listed by their source page's weight in every language, and by
// the language's collation of titles only between equal weights.
func TestGuideOrderFollowsWeightInEveryLanguage(t *testing.T) {
	cfg, err := config.Parse("config.toml", []byte(`title = "T"
base_url = "https://example.org/"
default_language = "en"
[languages.en]
name = "English"
[languages.fr]
name = "Français"
[languages.th]
name = "ไทย"
`))
	if err != nil {
		t.Fatal(err)
	}
	page := func(slug, lang, title string, weight int) *content.Page {
		p := &content.Page{Slug: slug, Lang: lang, Path: "content/" + slug + "/" + lang + ".md"}
		p.Front.Title, p.Front.Weight = title, weight
		if lang != "en" {
			p.Front.Source = "en.md"
		}
		return p
	}
	pages := []*content.Page{
		page("zeta", "en", "Zeta first", 1), page("zeta", "fr", "Zêta d'abord", 0), page("zeta", "th", "ซีตา", 0),
		page("alpha", "en", "Alpha second", 2), page("alpha", "fr", "Alpha ensuite", 0), page("alpha", "th", "กอไก่", 0),
		page("beta", "en", "Beta", 2), page("beta", "fr", "Bêta", 0),
		page("delta", "en", "Delta", 2), page("delta", "fr", "Delta", 0), page("delta", "th", "ขอไข่", 0),
	}
	s, _, err := Build(cfg, pages)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"en": "zeta alpha beta delta",
		"fr": "zeta alpha beta delta",
		"th": "zeta beta alpha delta", // Beta (fallback, English title) < กอไก่ < ขอไข่ in Thai collation
	}
	for _, ls := range s.Languages {
		got := ""
		for i, p := range ls.Pages {
			if i > 0 {
				got += " "
			}
			got += p.Guide.Slug
		}
		if got != want[ls.Lang.Code] {
			t.Errorf("%s: order %q, want %q", ls.Lang.Code, got, want[ls.Lang.Code])
		}
	}
}

// Keys kept from an earlier build (serve's updates) give the order a build
// from scratch gives, after titles change too.
func TestSortKeysKeepTheOrder(t *testing.T) {
	cfg, err := config.Parse("config.toml", []byte("title = \"T\"\nbase_url = \"https://example.org/\"\ndefault_language = \"en\"\n[languages.en]\nname = \"English\"\n[languages.th]\nname = \"ไทย\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]string{"a": "กอไก่", "b": "ขอไข่", "c": "Beta", "d": "ซีตา"}
	pages := func() []*content.Page {
		var out []*content.Page
		for slug, title := range titles {
			p := &content.Page{Slug: slug, Lang: "en", Path: "content/" + slug + "/en.md"}
			p.Front.Title = title
			out = append(out, p)
		}
		return out
	}
	order := func(s *Site) string {
		got := ""
		for _, p := range s.Languages[1].Pages {
			got += p.Guide.Slug
		}
		return got
	}
	var keys SortKeys
	for i, edit := range []func(){func() {}, func() { titles["a"] = "ฮูก" }, func() { titles["d"] = "Alpha" }, func() {}} {
		edit()
		kept, _, err := BuildWith(cfg, pages(), &keys)
		if err != nil {
			t.Fatal(err)
		}
		fresh, _, _ := Build(cfg, pages())
		if order(kept) != order(fresh) {
			t.Errorf("step %d: order %s with kept keys, %s from scratch", i, order(kept), order(fresh))
		}
		if n := len(keys.byLang["th"]); n != len(titles) {
			t.Errorf("step %d: %d Thai keys kept, want %d (one per title)", i, n, len(titles))
		}
	}
}
