package site

import (
	"strings"
	"testing"

	"github.com/docgen/docgen/internal/config"
	"github.com/docgen/docgen/internal/content"
)

func testConfig(t *testing.T) *config.Config {
	t.Helper()
	cfg, err := config.Parse("config.toml", []byte(`title = "T"
base_url = "https://example.org/"
[languages.en]
name = "English"
[languages.fa]
name = "فارسی"
dir = "rtl"
order = 2
[languages.fr]
name = "Français"
order = 3
`))
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func pg(slug, lang, title string, f func(*content.FrontMatter)) *content.Page {
	p := &content.Page{Slug: slug, Lang: lang, Path: "content/" + slug + "/" + lang + ".md", Hash: "sha256:" + slug}
	p.Front.Title = title
	if lang != "en" {
		p.Front.Source = "en.md"
	}
	if f != nil {
		f(&p.Front)
	}
	return p
}

func TestTranslationStates(t *testing.T) {
	pages := []*content.Page{
		pg("a", "en", "Alpha", nil),
		pg("a", "fa", "آلفا", func(f *content.FrontMatter) { f.SourceHash = "sha256:a" }),       // current
		pg("a", "fr", "Alpha FR", func(f *content.FrontMatter) { f.SourceHash = "sha256:old" }), // stale
		pg("b", "en", "Beta", nil),
		pg("b", "fa", "بتا", func(f *content.FrontMatter) { f.Draft = true }), // draft: readers get English
	}
	s, warns, err := Build(testConfig(t), pages)
	if err != nil || len(warns) != 0 {
		t.Fatalf("Build: %v, warnings %v", err, warns)
	}
	for _, tt := range []struct {
		lang, slug             string
		fallback, stale, draft bool
		title                  string
	}{
		{"en", "a", false, false, false, "Alpha"},
		{"fa", "a", false, false, false, "آلفا"},
		{"fr", "a", false, true, false, "Alpha FR"},
		{"fa", "b", true, false, true, "Beta"},
		{"fr", "b", true, false, false, "Beta"},
	} {
		p := s.Page(tt.lang, tt.slug)
		if p == nil {
			t.Fatalf("%s/%s missing", tt.lang, tt.slug)
		}
		if p.Fallback != tt.fallback || p.Stale != tt.stale || p.Draft != tt.draft || p.Title() != tt.title {
			t.Errorf("%s/%s: fallback %v stale %v draft %v title %q; want %v %v %v %q", tt.lang, tt.slug,
				p.Fallback, p.Stale, p.Draft, p.Title(), tt.fallback, tt.stale, tt.draft, tt.title)
		}
		if p.URL() != tt.lang+"/"+tt.slug+"/" {
			t.Errorf("URL = %s", p.URL())
		}
	}
}

func TestBuildErrors(t *testing.T) {
	_, _, err := Build(testConfig(t), []*content.Page{pg("a", "fr", "Orphan", nil)})
	if err == nil || !strings.Contains(err.Error(), "content/a/fr.md") || !strings.Contains(err.Error(), "no en source page") {
		t.Errorf("translation without source: err = %v", err)
	}
	_, warns, err := Build(testConfig(t), []*content.Page{pg("a", "en", "A", nil), pg("a", "fr", "A", func(f *content.FrontMatter) { f.Source = "" })})
	if err != nil || len(warns) != 1 || !strings.Contains(warns[0].Error(), "does not name its source") {
		t.Errorf("translation without source line: err %v, warnings %v", err, warns)
	}
}

func TestEveryLanguageListsEveryGuideOnce(t *testing.T) {
	pages := []*content.Page{pg("b", "en", "Zebra", nil), pg("a", "en", "Ant", nil), pg("c", "en", "Moth", nil), pg("c", "fr", "Papillon", nil)}
	s, _, err := Build(testConfig(t), pages)
	if err != nil {
		t.Fatal(err)
	}
	for _, ls := range s.Languages {
		if len(ls.Pages) != 3 {
			t.Fatalf("%s lists %d guides", ls.Lang.Code, len(ls.Pages))
		}
		for i, p := range ls.Pages {
			if ls.Index(p.Guide.Slug) != i {
				t.Errorf("%s: Index(%s) = %d, want %d", ls.Lang.Code, p.Guide.Slug, ls.Index(p.Guide.Slug), i)
			}
		}
		if ls.Index("nope") != -1 {
			t.Error("Index of a missing guide is not -1")
		}
	}
}
