package site

import (
	"strings"
	"testing"

	"github.com/docgen/docgen/internal/config"
	"github.com/docgen/docgen/internal/content"
)

func treeConfig(t *testing.T) *config.Config {
	t.Helper()
	cfg, err := config.Parse("config.toml", []byte(`title = "T"
base_url = "https://example.org/"
default_language = "en"
[languages.en]
name = "English"
[languages.th]
name = "ไทย"
`))
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func treePage(slug, lang, title string, weight int) *content.Page {
	p := &content.Page{Slug: slug, Lang: lang, Path: "content/" + slug + "/" + lang + ".md"}
	p.Front.Title, p.Front.Weight = title, weight
	if lang != "en" {
		p.Front.Source = "en.md"
	}
	return p
}

// outline writes a language's pages as "slug(depth)" in sidebar order.
func outline(ls *Language) string {
	var b strings.Builder
	for i, p := range ls.Pages {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(p.Guide.Slug + "(" + string(rune('0'+p.Guide.Depth())) + ")")
	}
	return b.String()
}

// A tree: every level by weight, then the language's collation; each
// section followed by its pages; a folder with a page of its own is both a
// page and a section; a section without one gets a generated page.
func TestTreeOrderAndDepth(t *testing.T) {
	cfg := treeConfig(t)
	pages := []*content.Page{
		treePage("start", "en", "Start", 1),
		// guides is a page (its own en.md) and a section.
		treePage("guides", "en", "Guides", 2), treePage("guides", "th", "คู่มือ", 0),
		treePage("guides/zeta", "en", "Zeta", 0), treePage("guides/zeta", "th", "กอไก่", 0),
		treePage("guides/alpha", "en", "Alpha", 0), treePage("guides/alpha", "th", "ขอไข่", 0),
		treePage("guides/first", "en", "Last by title, first by weight", -1),
		// reference has no page of its own: SectionPages makes one.
		treePage("reference/api/v1", "en", "API v1", 0),
		treePage("reference/cli", "en", "CLI", 0),
	}
	pages = append(pages, content.SectionPages(pages, "en")...)
	s, _, err := Build(cfg, pages)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		// Generated sections weigh 0: "reference" (0) before start (1) and guides (2).
		"en": "reference(1) reference/api(2) reference/api/v1(3) reference/cli(2) start(1) guides(1) guides/first(2) guides/alpha(2) guides/zeta(2)",
		// Thai collation at the second level: กอไก่ (zeta) before ขอไข่ (alpha).
		"th": "reference(1) reference/api(2) reference/api/v1(3) reference/cli(2) start(1) guides(1) guides/first(2) guides/zeta(2) guides/alpha(2)",
	}
	for _, ls := range s.Languages {
		if got := outline(ls); got != want[ls.Lang.Code] {
			t.Errorf("%s:\n got %s\nwant %s", ls.Lang.Code, got, want[ls.Lang.Code])
		}
	}
	th := s.Languages[1]
	api := th.Pages[th.Index("reference/api/v1")]
	var names []string
	for _, a := range api.Ancestors() {
		names = append(names, a.Guide.Slug)
	}
	if strings.Join(names, " ") != "reference reference/api" {
		t.Errorf("ancestors of reference/api/v1: %v", names)
	}
	if api.Parent.Lang != th.Lang || len(th.Top) != 3 {
		t.Errorf("parent in another language, or top level %d pages (want 3)", len(th.Top))
	}
	guides := th.Pages[th.Index("guides")]
	if guides.Fallback || len(guides.Children) != 3 || guides.Children[1].Guide.Slug != "guides/zeta" {
		t.Errorf("guides in th: fallback %v, children %d", guides.Fallback, len(guides.Children))
	}
	// A generated section is the same page in every language, not a fallback.
	ref := th.Pages[th.Index("reference")]
	if ref.Fallback || !ref.Content.Generated || ref.Title() != "Reference" {
		t.Errorf("generated reference in th: fallback %v generated %v title %q", ref.Fallback, ref.Content.Generated, ref.Title())
	}
	// A translated page below an untranslated section stays translated.
	if p := th.Pages[th.Index("guides/alpha")]; p.Fallback || p.Title() != "ขอไข่" {
		t.Errorf("guides/alpha in th: %q fallback %v", p.Title(), p.Fallback)
	}
}

// Without generated section pages (as i18n status builds the site), a
// page's parent is the nearest guide folder above it, or none.
func TestTreeParentSkipsMissingSections(t *testing.T) {
	cfg := treeConfig(t)
	s, _, err := Build(cfg, []*content.Page{treePage("a", "en", "A", 0), treePage("a/b/c", "en", "C", 0), treePage("x/y", "en", "Y", 0)})
	if err != nil {
		t.Fatal(err)
	}
	en := s.Languages[0]
	if c := en.Pages[en.Index("a/b/c")]; c.Parent == nil || c.Parent.Guide.Slug != "a" {
		t.Errorf("a/b/c's parent: %v", c.Parent)
	}
	if y := en.Pages[en.Index("x/y")]; y.Parent != nil {
		t.Errorf("x/y has parent %s", y.Parent.Guide.Slug)
	}
}

// Aliases may be former paths at any depth.
func TestNestedAliases(t *testing.T) {
	cfg := treeConfig(t)
	p := treePage("guides/new", "en", "New", 0)
	p.Front.Aliases = []string{"old/place"}
	if _, _, err := Build(cfg, []*content.Page{p}); err != nil {
		t.Errorf("nested alias refused: %v", err)
	}
	p.Front.Aliases = []string{"old//place"}
	if _, _, err := Build(cfg, []*content.Page{p}); err == nil || !strings.Contains(err.Error(), "not a guide slug") {
		t.Errorf("bad alias: %v", err)
	}
}
