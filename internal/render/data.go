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
	Nav         []NavItem // the sidebar: at most NavLimit guides
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
	SourceDate  string // stale pages: when the source was updated
	OriginalURL string // relative link to the source-language page
	TitleLang   string // set on fallback pages: the language of the title and contents entries
}

// Index is the data of a language's home page.
type Index struct {
	Page
	Guides []IndexEntry
}

// IndexEntry is a guide on a language home page.
type IndexEntry struct {
	NavItem
	Description string
	Fallback    bool
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
	if pg.Fallback && ls.Lang.Code != cfg.DefaultLanguage.Code {
		item.Lang = cfg.DefaultLanguage.Tag.String()
		item.Title = Text(cfg.DefaultLanguage, pg.Title())
	}
	return item
}

// page fills the data every layout uses. cur is the position of the page's
// guide in ls.Pages, or -1.
func (in Input) page(ls *site.Language, root, title, description string, urlPath string, cur int) Page {
	cfg := in.Site.Config
	p := Page{
		Lang: ls.Lang, T: Messages{in.Translators[ls.Lang.Code], ls.Lang}, SiteTitle: Text(ls.Lang, cfg.SiteTitle(ls.Lang)),
		Title: title, Description: description, Root: root, Assets: in.Layouts.Assets,
		Clients: cfg.Clients, Identity: cfg.Identity, Attribution: Text(ls.Lang, cfg.AttributionFor(ls.Lang)), Copyright: Text(ls.Lang, cfg.Identity.Copyright),
	}
	if urlPath != "" || root == "" {
		p.Canonical = cfg.BaseURL.String() + urlPath
	}
	lo, hi := 0, len(ls.Pages)
	if hi > NavLimit {
		p.NavMore = true
		lo = min(max(cur-NavLimit/2, 0), hi-NavLimit)
		hi = lo + NavLimit
	}
	for _, pg := range ls.Pages[lo:hi] {
		p.Nav = append(p.Nav, in.navItem(ls, pg, root, urlPath))
	}
	return p
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
	g := &Guide{
		Page: in.page(ls, "../../", Text(body, c.Front.Title), Text(body, c.Front.Description), pg.URL(), ls.Index(pg.Guide.Slug)),
		Slug: pg.Guide.Slug, Body: template.HTML(typeset(body, string(parsed.HTML))),
		Updated: isolate(ls.Lang, dateText(ls.Lang, c.Updated)), Fallback: pg.Fallback, Stale: pg.Stale,
		OriginalURL: "../../" + cfg.DefaultLanguage.Code + "/" + pg.Guide.Slug + "/",
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
	if pg.Stale {
		changed := pg.Guide.Source.Updated
		if !pg.SourceChanged.IsZero() {
			changed = pg.SourceChanged
		}
		g.SourceDate = isolate(ls.Lang, dateText(ls.Lang, changed))
	}
	// Alternates: the languages the guide is really written in, and x-default.
	for _, l := range in.Site.Languages {
		if _, ok := pg.Guide.Pages[l.Lang.Code]; ok {
			g.Alternates = append(g.Alternates, Alternate{l.Lang.Tag.String(), cfg.BaseURL.String() + l.Lang.Code + "/" + pg.Guide.Slug + "/"})
		}
	}
	g.Alternates = append(g.Alternates, Alternate{"x-default", cfg.BaseURL.String() + cfg.DefaultLanguage.Code + "/" + pg.Guide.Slug + "/"})
	for _, l := range in.Site.Languages {
		_, translated := pg.Guide.Pages[l.Lang.Code]
		g.Switcher = append(g.Switcher, SwitchItem{Code: l.Lang.Code, Name: l.Lang.Name,
			Href: "../../" + l.Lang.Code + "/" + pg.Guide.Slug + "/", Current: l == ls, Fallback: !translated})
	}
	if !pg.Fallback {
		g.EditURL = cfg.EditURL(c.Path)
	}
	return g
}

func (in Input) indexData(ls *site.Language) *Index {
	cfg := in.Site.Config
	x := &Index{Page: in.page(ls, "../", cfg.SiteTitle(ls.Lang), "", ls.Lang.Code+"/", -1)}
	for _, l := range in.Site.Languages {
		x.Alternates = append(x.Alternates, Alternate{l.Lang.Tag.String(), cfg.BaseURL.String() + l.Lang.Code + "/"})
		x.Switcher = append(x.Switcher, SwitchItem{Code: l.Lang.Code, Name: l.Lang.Name, Href: "../" + l.Lang.Code + "/", Current: l == ls})
	}
	x.Alternates = append(x.Alternates, Alternate{"x-default", cfg.BaseURL.String()})
	for _, pg := range ls.Pages {
		x.Guides = append(x.Guides, IndexEntry{NavItem: in.navItem(ls, pg, "../", ""), Description: Text(in.textLang(ls, pg), pg.Content.Front.Description), Fallback: pg.Fallback && ls.Lang != cfg.DefaultLanguage})
	}
	return x
}

func (in Input) rootData(def *site.Language) *Root {
	cfg := in.Site.Config
	r := &Root{Page: in.page(def, "", cfg.Title, "", "", -1)}
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
	x := &Index{Page: in.page(ls, root, in.Translators[ls.Lang.Code].T(NotFoundTitle), "", "", -1)}
	x.Canonical = ""
	x.NoIndex = true
	for _, l := range in.Site.Languages {
		x.Switcher = append(x.Switcher, SwitchItem{Code: l.Lang.Code, Name: l.Lang.Name, Href: root + l.Lang.Code + "/", Current: perLanguage && l == ls})
	}
	for _, pg := range ls.Pages {
		x.Guides = append(x.Guides, IndexEntry{NavItem: in.navItem(ls, pg, root, ""), Description: Text(in.textLang(ls, pg), pg.Content.Front.Description)})
	}
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
			p := g.Pages[ls.Lang.Code]
			if p == nil {
				continue
			}
			b.WriteString("  <url>\n    <loc>" + esc(base+ls.Lang.Code+"/"+g.Slug+"/") + "</loc>\n")
			if !p.Updated.IsZero() {
				b.WriteString("    <lastmod>" + isoDate(p.Updated) + "</lastmod>\n")
			}
			for _, alt := range s.Languages {
				if g.Pages[alt.Lang.Code] != nil {
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
		sections := in.Parsed[pg.Content.Path].Sections
		if in.Sections != nil {
			var err error
			if sections, err = in.Sections(pg.Content.Path); err != nil {
				return nil, err
			}
		}
		p := search.Page{URL: pg.URL(), Title: stripControls(pg.Title()), Sections: sections}
		if pg.Fallback && ls.Lang != in.Site.Config.DefaultLanguage {
			p.Lang = in.Site.Config.DefaultLanguage.Tag.String()
		}
		pages = append(pages, p)
	}
	return search.Build(ls.Lang.Code, pages), nil
}
