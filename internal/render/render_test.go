package render

import (
	"strings"
	"testing"

	"github.com/docgen/docgen/internal/catalog"
	"github.com/docgen/docgen/internal/config"
	"github.com/docgen/docgen/internal/content"
	"github.com/docgen/docgen/internal/site"
)

func testSite(t *testing.T) *site.Site {
	t.Helper()
	cfg, err := config.Parse("config.toml", []byte(`title = "T"
base_url = "https://example.org/docs/"
[languages.en]
name = "English"
[languages.fa]
name = "فارسی"
dir = "rtl"
order = 2
`))
	if err != nil {
		t.Fatal(err)
	}
	page := func(slug, lang string) *content.Page {
		p := &content.Page{Slug: slug, Lang: lang, Path: "content/" + slug + "/" + lang + ".md"}
		p.Front.Title, p.Front.Source = slug+" "+lang, "en.md"
		return p
	}
	s, _, err := site.Build(cfg, []*content.Page{page("a", "en"), page("a", "fa"), page("b", "en")})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestTargets(t *testing.T) {
	var got []string
	for _, tg := range Targets(testSite(t)) {
		got = append(got, tg.Kind.String()+":"+tg.Path)
	}
	// Every guide in every language (b falls back in fa), each language's
	// pages, the site-wide ones; sorted by path.
	want := "404:404.html 404:en/404.html guide:en/a/index.html guide:en/b/index.html index:en/index.html search:en/search.json " +
		"404:fa/404.html guide:fa/a/index.html guide:fa/b/index.html index:fa/index.html search:fa/search.json root:index.html sitemap:sitemap.xml"
	if strings.Join(got, " ") != want {
		t.Errorf("targets:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	if Kind(0).String() != "unknown" || Kind(99).String() != "unknown" {
		t.Error("an invalid kind has a name")
	}
}

func TestRenderRefusesUnknownKind(t *testing.T) {
	s := testSite(t)
	in := Input{Site: s, Translators: map[string]*catalog.Translator{}}
	if _, err := Render(in, []Target{{Path: "x", Kind: Kind(42)}}); err == nil || !strings.Contains(err.Error(), "unknown output kind") {
		t.Errorf("unknown kind: err = %v", err)
	}
}

func TestSitemapListsTranslatedPagesOnly(t *testing.T) {
	xml := string(Sitemap(testSite(t)))
	for _, want := range []string{"<loc>https://example.org/docs/en/a/</loc>", "<loc>https://example.org/docs/fa/a/</loc>", `hreflang="fa" href="https://example.org/docs/fa/a/"`} {
		if !strings.Contains(xml, want) {
			t.Errorf("sitemap lacks %s", want)
		}
	}
	if strings.Contains(xml, "<loc>https://example.org/docs/fa/b/</loc>") {
		t.Error("sitemap lists the fallback page fa/b")
	}
}

func TestCalloutMessage(t *testing.T) {
	for kind, id := range map[string]string{"key-point": "CalloutKeyPoint", "note": "CalloutNote", "-x-": "CalloutX"} {
		if got := CalloutMessage(kind); got != id {
			t.Errorf("CalloutMessage(%q) = %q, want %q", kind, got, id)
		}
	}
	ids := strings.Join(CodeMessages(), ",")
	if !strings.Contains(ids, "ClientLanguage") || !strings.Contains(ids, NotFoundTitle) {
		t.Errorf("CodeMessages = %s", ids)
	}
}
