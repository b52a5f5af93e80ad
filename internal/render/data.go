package render

import (
	"bytes"
	"encoding/xml"
	"html/template"
	"strings"
	"unicode/utf8"

	"github.com/docgen/docgen/internal/config"
	"github.com/docgen/docgen/internal/markdown"
	"github.com/docgen/docgen/internal/search"
	"github.com/docgen/docgen/internal/site"
)

// Page is what every layout receives.
type Page struct {
	Lang        *config.Language
	T           Messages
	SiteTitle   string
	Title       string
	Description string
	Root        string // relative path from this page to the site root, e.g. "../../"
	Canonical   string // absolute URL
	NoIndex     bool   // fallback pages: the English page is the one to index
	Alternates  []Alternate
	Switcher    []SwitchItem
	Nav         []NavItem // the sidebar's top level: at most NavLimit guides per level
	NavMore     bool      // the sidebar leaves guides out; link to the index
	Assets      AssetPaths
	Clients     []config.Client
	Identity    config.Identity // the site's identity from config.toml (licences, logo, copyright)
	Attribution string          // the attribution line in the page's language
	Copyright   string          // the copyright line, typeset for the page's language
	EditURL     string          // guide pages of a site with a [repository]: edit the page shown
}

// DocTitle is the <title>: the page title followed by the site title, or the
// page title alone when both would not fit in 70 characters (what search
// engines show).
func (p Page) DocTitle() string {
	if p.Title == p.SiteTitle {
		return p.Title
	}
	full := p.Title + " – " + p.SiteTitle
	if utf8.RuneCountInString(full) > 70 {
		return p.Title
	}
	return full
}

// Alternate is a <link rel="alternate" hreflang> entry.
type Alternate struct{ Hreflang, Href string }

// SwitchItem is one entry of the language switcher.
type SwitchItem struct {
	Code, Name, Href string
	Current          bool
	Fallback         bool // the page is not translated in that language
}

// NavItem is one guide in the sidebar.
type NavItem struct {
	Title, Href string
	Current     bool
	Lang        string // set when the title is in another language (fallback)
	// Children are a section's pages, listed when the section is the
	// current page or holds it (collapsed sections list none).
	Children []NavItem
}

// Crumb is one step of a page's breadcrumbs: the language's home page, the
// sections above the page, and the page itself (Href empty).
type Crumb struct {
	Title, Href string
	Lang        string // set when the title is in another language (fallback)
	URL         string // absolute, for the BreadcrumbList structured data
	Position    int    // 1-based
}

// Guide is the data of a guide page.
type Guide struct {
	Page
	Slug        string
	Summary     []string
	Updated     string // date in the language's layout
	UpdatedISO  string // yyyy-mm-dd for <time datetime>
	TOC         []markdown.Heading
	Body        template.HTML
	BodyLang    string // set on fallback pages: the body's language
	BodyDir     string
	Fallback    bool
	Stale       bool
	SourceDate  string       // stale pages: when the source was updated
	OriginalURL string       // relative link to the source-language page
	TitleLang   string       // set on fallback pages: the language of the title and contents entries
	Breadcrumbs []Crumb      // home, the sections above, the page
	Children    []IndexEntry // a section's pages, in order
}

// Index is the data of a language's home page.
type Index struct {
	Page
	Guides []IndexEntry // the top level; sections hold their pages in Entries
	Count  int          // how many guides the tree holds
}

// clearFallback unsets Fallback through a tree of entries (the 404 page
// does not mark fallbacks).
func clearFallback(es []IndexEntry) {
	for i := range es {
		es[i].Fallback = false
		clearFallback(es[i].Entries)
	}
}

// IndexEntry is a guide on a language home page or a section page.
type IndexEntry struct {
	NavItem
	Description string
	Fallback    bool
	Entries     []IndexEntry // a section's pages (home and 404 pages list the whole tree)
}

// Root is the data of the site's root page.
type Root struct {
	Page
	Languages []SwitchItem
}

// NotFoundTitle is the message id of the 404 page's title.
const NotFoundTitle = "NotFoundTitle"

// NavLimit is the most guides a sidebar lists. A language with more lists
// the guides around the current one and links to its index page, which
// lists them all, so a page's size does not grow with the site's.
const NavLimit = 40

// textLang is the language pg's text is written in when shown in ls: the
// source language on a fallback page.
func (in Input) textLang(ls *site.Language, pg *site.Page) *config.Language {
	if pg.Fallback {
		return in.Site.Config.DefaultLanguage
	}
	return ls.Lang
}

func (in Input) navItem(ls *site.Language, pg *site.Page, root, urlPath string) NavItem {
	cfg := in.Site.Config
	item := NavItem{Title: Text(ls.Lang, pg.Title()), Href: root + pg.URL(), Current: urlPath == pg.URL()}
	if shownInSource(ls, pg) {
		item.Lang = cfg.DefaultLanguage.Tag.String()
		item.Title = Text(cfg.DefaultLanguage, pg.Title())
	}
	return item
}

// shownInSource reports whether pg's title, shown in ls, is in the source
// language (a fallback page, or a generated section's folder name).
func shownInSource(ls *site.Language, pg *site.Page) bool {
	return (pg.Fallback || pg.Content.Generated) && ls.Lang.Code != pg.Guide.Source.Lang
}

// rootFor returns the relative path from a guide's page to the site root.
func rootFor(pg *site.Page) string { return strings.Repeat("../", pg.Guide.Depth()+1) }

// page fills the data every layout uses. cur is the guide page shown, or
// nil.
func (in Input) page(ls *site.Language, root, title, description string, urlPath string, cur *site.Page) Page {
	cfg := in.Site.Config
	p := Page{
		Lang: ls.Lang, T: Messages{in.Translators[ls.Lang.Code], ls.Lang}, SiteTitle: Text(ls.Lang, cfg.SiteTitle(ls.Lang)),
		Title: title, Description: description, Root: root, Assets: in.Layouts.Assets,
		Clients: cfg.Clients, Identity: cfg.Identity, Attribution: Text(ls.Lang, cfg.AttributionFor(ls.Lang)), Copyright: Text(ls.Lang, cfg.Identity.Copyright),
	}
	if urlPath != "" || root == "" {
		p.Canonical = cfg.BaseURL.String() + urlPath
	}
	// The sidebar: the top level, and the pages of each section on the
	// way to the current page; at most NavLimit per level, around it.
	var path []*site.Page // the open page at each level: ancestors, then cur
	if cur != nil {
		path = append(cur.Ancestors(), cur)
	}
	var level func(pages []*site.Page, depth int) []NavItem
	level = func(pages []*site.Page, depth int) []NavItem {
		var open *site.Page
		if depth < len(path) {
			open = path[depth]
		}
		lo, hi := 0, len(pages)
		if hi > NavLimit {
			p.NavMore = true
			at := -1
			if open != nil {
				at = open.Order
			}
			lo = min(max(at-NavLimit/2, 0), hi-NavLimit)
			hi = lo + NavLimit
		}
		items := make([]NavItem, 0, hi-lo)
		for _, pg := range pages[lo:hi] {
			item := in.navItem(ls, pg, root, urlPath)
			if pg == open && len(pg.Children) > 0 {
				item.Children = level(pg.Children, depth+1)
			}
			items = append(items, item)
		}
		return items
	}
	p.Nav = level(ls.Top, 0)
	return p
}

// entries lists pages with their descriptions, and their sections' pages
// below them when deep is set.
func (in Input) entries(ls *site.Language, pages []*site.Page, root string, deep bool) []IndexEntry {
	var out []IndexEntry
	for _, pg := range pages {
		e := IndexEntry{NavItem: in.navItem(ls, pg, root, ""), Description: Text(in.textLang(ls, pg), pg.Content.Front.Description), Fallback: shownInSource(ls, pg)}
		if deep {
			e.Entries = in.entries(ls, pg.Children, root, deep)
		}
		out = append(out, e)
	}
	return out
}

// breadcrumbs are the steps from the language's home page to pg.
func (in Input) breadcrumbs(ls *site.Language, pg *site.Page, root string) []Crumb {
	base := in.Site.Config.BaseURL.String()
	crumbs := []Crumb{{Title: Text(ls.Lang, in.Translators[ls.Lang.Code].T(HomeCrumb)), Href: root + ls.Lang.Code + "/", URL: base + ls.Lang.Code + "/"}}
	for _, a := range append(pg.Ancestors(), pg) {
		item := in.navItem(ls, a, root, "")
		c := Crumb{Title: item.Title, Href: item.Href, Lang: item.Lang, URL: base + a.URL()}
		if a == pg {
			c.Href = ""
		}
		crumbs = append(crumbs, c)
	}
	for i := range crumbs {
		crumbs[i].Position = i + 1
	}
	return crumbs
}

func (in Input) guideData(ls *site.Language, pg *site.Page) *Guide {
	cfg := in.Site.Config
	c := pg.Content
	parsed := in.Parsed[c.Path]
	// The body's language: the page's, or the source language's on a
	// fallback page. Typography follows the language of the text.
	body := ls.Lang
	if pg.Fallback && ls.Lang != cfg.DefaultLanguage {
		body = cfg.DefaultLanguage
	}
	root := rootFor(pg)
	g := &Guide{
		Page: in.page(ls, root, Text(body, c.Front.Title), Text(body, c.Front.Description), pg.URL(), pg),
		Slug: pg.Guide.Slug, Body: template.HTML(typeset(body, string(parsed.HTML))),
		Updated: isolate(ls.Lang, dateText(ls.Lang, c.Updated)), Fallback: pg.Fallback, Stale: pg.Stale,
		OriginalURL: root + cfg.DefaultLanguage.Code + "/" + pg.Guide.Slug + "/",
		Breadcrumbs: in.breadcrumbs(ls, pg, root),
		Children:    in.entries(ls, pg.Children, root, false),
	}
	for _, s := range c.Front.Summary {
		g.Summary = append(g.Summary, Text(body, s))
	}
	g.UpdatedISO = isoDate(c.Updated)
	for _, h := range parsed.Doc.Headings {
		if h.Level == 2 || h.Level == 3 {
			h.Text = Text(body, h.Text)
			g.TOC = append(g.TOC, h)
		}
	}
	if body != ls.Lang {
		g.BodyLang, g.BodyDir = body.Tag.String(), body.Dir
		g.TitleLang = g.BodyLang
		g.NoIndex = true
		g.Canonical = cfg.BaseURL.String() + body.Code + "/" + pg.Guide.Slug + "/"
	}
	if c.Generated && ls.Lang != cfg.DefaultLanguage {
		// A generated section's title is its folder name, in no language
		// but the source's.
		g.TitleLang, g.BodyDir = cfg.DefaultLanguage.Tag.String(), cfg.DefaultLanguage.Dir
	}
	if pg.Stale {
		changed := pg.Guide.Source.Updated
		if !pg.SourceChanged.IsZero() {
			changed = pg.SourceChanged
		}
		g.SourceDate = isolate(ls.Lang, dateText(ls.Lang, changed))
	}
	// Alternates: the languages the guide is really written in, and x-default.
	for _, l := range in.Site.Languages {
		if written(pg.Guide, l.Lang.Code) {
			g.Alternates = append(g.Alternates, Alternate{l.Lang.Tag.String(), cfg.BaseURL.String() + l.Lang.Code + "/" + pg.Guide.Slug + "/"})
		}
	}
	g.Alternates = append(g.Alternates, Alternate{"x-default", cfg.BaseURL.String() + cfg.DefaultLanguage.Code + "/" + pg.Guide.Slug + "/"})
	for _, l := range in.Site.Languages {
		g.Switcher = append(g.Switcher, SwitchItem{Code: l.Lang.Code, Name: l.Lang.Name,
			Href: root + l.Lang.Code + "/" + pg.Guide.Slug + "/", Current: l == ls, Fallback: !written(pg.Guide, l.Lang.Code)})
	}
	if !pg.Fallback && !c.Generated {
		g.EditURL = cfg.EditURL(c.Path)
	}
	return g
}

// written reports whether a guide is published in a language in its own
// right: translated, or a section index page docgen generates (the same in
// every language).
func written(g *site.Guide, code string) bool {
	_, ok := g.Pages[code]
	return ok || g.Source.Generated
}

func (in Input) indexData(ls *site.Language) *Index {
	cfg := in.Site.Config
	x := &Index{Page: in.page(ls, "../", cfg.SiteTitle(ls.Lang), "", ls.Lang.Code+"/", nil)}
	for _, l := range in.Site.Languages {
		x.Alternates = append(x.Alternates, Alternate{l.Lang.Tag.String(), cfg.BaseURL.String() + l.Lang.Code + "/"})
		x.Switcher = append(x.Switcher, SwitchItem{Code: l.Lang.Code, Name: l.Lang.Name, Href: "../" + l.Lang.Code + "/", Current: l == ls})
	}
	x.Alternates = append(x.Alternates, Alternate{"x-default", cfg.BaseURL.String()})
	x.Guides = in.entries(ls, ls.Top, "../", true)
	x.Count = len(ls.Pages)
	return x
}

func (in Input) rootData(def *site.Language) *Root {
	cfg := in.Site.Config
	r := &Root{Page: in.page(def, "", cfg.Title, "", "", nil)}
	for _, l := range in.Site.Languages {
		item := SwitchItem{Code: l.Lang.Code, Name: l.Lang.Name, Href: l.Lang.Code + "/"}
		r.Languages = append(r.Languages, item)
		r.Alternates = append(r.Alternates, Alternate{l.Lang.Tag.String(), cfg.BaseURL.String() + l.Lang.Code + "/"})
		r.Switcher = append(r.Switcher, item)
	}
	r.Alternates = append(r.Alternates, Alternate{"x-default", cfg.BaseURL.String()})
	return r
}

// notFoundData is served for any missing URL, so its links are absolute
// paths from the site's base path rather than relative.
func (in Input) notFoundData(ls *site.Language, perLanguage bool) *Index {
	cfg := in.Site.Config
	root := cfg.BaseURL.Path
	x := &Index{Page: in.page(ls, root, in.Translators[ls.Lang.Code].T(NotFoundTitle), "", "", nil)}
	x.Canonical = ""
	x.NoIndex = true
	for _, l := range in.Site.Languages {
		x.Switcher = append(x.Switcher, SwitchItem{Code: l.Lang.Code, Name: l.Lang.Name, Href: root + l.Lang.Code + "/", Current: perLanguage && l == ls})
	}
	x.Guides = in.entries(ls, ls.Top, root, true)
	clearFallback(x.Guides)
	x.Count = len(ls.Pages)
	return x
}

// Sitemap lists every language's index page and every translated page with its alternates (fallback pages
// are left out: their canonical URL is the source-language page).
func Sitemap(s *site.Site) []byte {
	base := s.Config.BaseURL.String()
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	esc := func(s string) string {
		var w strings.Builder
		_ = xml.EscapeText(&w, []byte(s))
		return w.String()
	}
	for _, ls := range s.Languages {
		// The language's index page, then its guides.
		b.WriteString("  <url>\n    <loc>" + esc(base+ls.Lang.Code+"/") + "</loc>\n")
		for _, alt := range s.Languages {
			b.WriteString(`    <xhtml:link rel="alternate" hreflang="` + esc(alt.Lang.Tag.String()) + `" href="` + esc(base+alt.Lang.Code+"/") + "\"/>\n")
		}
		b.WriteString(`    <xhtml:link rel="alternate" hreflang="x-default" href="` + esc(base) + "\"/>\n")
		b.WriteString("  </url>\n")
		for _, g := range s.Guides {
			if !written(g, ls.Lang.Code) {
				continue
			}
			p := g.Source
			if tr := g.Pages[ls.Lang.Code]; tr != nil {
				p = tr
			}
			b.WriteString("  <url>\n    <loc>" + esc(base+ls.Lang.Code+"/"+g.Slug+"/") + "</loc>\n")
			if !p.Updated.IsZero() {
				b.WriteString("    <lastmod>" + isoDate(p.Updated) + "</lastmod>\n")
			}
			for _, alt := range s.Languages {
				if written(g, alt.Lang.Code) {
					b.WriteString(`    <xhtml:link rel="alternate" hreflang="` + esc(alt.Lang.Tag.String()) + `" href="` + esc(base+alt.Lang.Code+"/"+g.Slug+"/") + "\"/>\n")
				}
			}
			b.WriteString(`    <xhtml:link rel="alternate" hreflang="x-default" href="` + esc(base+s.Config.DefaultLanguage.Code+"/"+g.Slug+"/") + "\"/>\n")
			b.WriteString("  </url>\n")
		}
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// searchIndex indexes the guides of one language, fallback pages included
// (their body is the source language's).
func (in Input) searchIndex(ls *site.Language) (*search.Index, error) {
	var pages []search.Page
	for _, pg := range ls.Pages {
		p := search.Page{URL: pg.URL(), Title: stripControls(pg.Title())}
		if in.Sections != nil {
			// Read when the index reaches the page, so a language's text
			// is not held all at once.
			path := pg.Content.Path
			p.Load = func() ([]byte, error) { return in.Sections(path) }
		} else {
			p.Sections = in.Parsed[pg.Content.Path].Sections
		}
		if pg.Fallback && ls.Lang != in.Site.Config.DefaultLanguage {
			p.Lang = in.Site.Config.DefaultLanguage.Tag.String()
		}
		pages = append(pages, p)
	}
	return search.Build(ls.Lang.Code, pages), nil
}
