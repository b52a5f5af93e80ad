// Package site arranges loaded pages into the site readers see: for every
// language, every guide, either translated or falling back to the source
// language, as a tree of sections ordered at each level by weight, then the
// language's collation of the titles. It holds data only; parsing and
// rendering happen elsewhere.
package site

import (
	"bytes"
	"sort"
	"time"

	"golang.org/x/text/collate"

	"github.com/docgen/docgen/internal/config"
	"github.com/docgen/docgen/internal/content"
	"github.com/docgen/docgen/internal/diag"
	"github.com/docgen/docgen/internal/parallel"
)

// Site is every page of every language.
type Site struct {
	Config    *config.Config
	Guides    []*Guide    // by slug
	Languages []*Language // in config order
}

// Guide is one guide in all the languages it is written in.
type Guide struct {
	Slug   string
	Source *content.Page            // the default-language page
	Pages  map[string]*content.Page // by language code, the source included
	Parent *Guide                   // the section holding it; nil at the top level
}

// Depth returns how many folders deep the guide is (1 at the top level).
func (g *Guide) Depth() int { return content.Depth(g.Slug) }

// Language is the part of the site in one language.
type Language struct {
	Lang *config.Language
	// Pages lists every page in sidebar order: the tree read top to
	// bottom, each section followed by its pages, each level by weight,
	// then title in the language's collation.
	Pages []*Page
	Top   []*Page // the top-level pages, in the same order
	pos   map[string]int
}

// Index returns the position of the guide slug in Pages, or -1.
func (l *Language) Index(slug string) int {
	if i, ok := l.pos[slug]; ok {
		return i
	}
	return -1
}

// Page is a guide as published in one language.
type Page struct {
	Guide    *Guide
	Lang     *config.Language
	Content  *content.Page // the translation, or the source when Fallback
	Fallback bool          // no translation: the source is shown with a notice
	Stale    bool          // the source changed since the translation was made
	Draft    bool          // a translation exists but is marked draft, so the source is shown
	// SourceChanged is, for a stale page, when the source's text changed
	// since the translation was made (zero when unknown; set by the caller).
	SourceChanged time.Time
	Parent        *Page   // the section's page in the same language; nil at the top level
	Children      []*Page // a section's pages, in order
	Order         int     // position among its siblings (Language.Top or Parent.Children)
}

// Ancestors returns the sections above the page, outermost first.
func (p *Page) Ancestors() []*Page {
	var out []*Page
	for a := p.Parent; a != nil; a = a.Parent {
		out = append(out, a)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// Title returns the page's title as shown in its language.
func (p *Page) Title() string { return p.Content.Front.Title }

// URL returns the page's path below the site root, e.g. "fa/developer-token-reset/".
func (p *Page) URL() string { return p.Lang.Code + "/" + p.Guide.Slug + "/" }

// Build groups pages into guides and languages, and guides into sections by
// their folders: a guide's parent is the nearest folder above it that is a
// guide (content.SectionPages makes one for each section without a page).
// A translation without a source page is an error; problems that do not
// stop the build are returned as warnings.
func Build(cfg *config.Config, pages []*content.Page) (*Site, diag.List, error) {
	return BuildWith(cfg, pages, nil)
}

// SortKeys remembers the collation key of each title, per language, from
// one Build to the next (serve builds the same site again after every
// edit, and making keys is most of the cost of sorting). Each BuildWith
// keeps only the keys of the titles it sorted. Not safe for concurrent use.
type SortKeys struct {
	byLang map[string]map[string][]byte
}

// BuildWith is Build with the collation keys of an earlier build (nil:
// made afresh).
func BuildWith(cfg *config.Config, pages []*content.Page, keys *SortKeys) (*Site, diag.List, error) {
	var warns, errs diag.List
	def := cfg.DefaultLanguage.Code
	bySlug := map[string]*Guide{}
	for _, p := range pages {
		g := bySlug[p.Slug]
		if g == nil {
			g = &Guide{Slug: p.Slug, Pages: map[string]*content.Page{}}
			bySlug[p.Slug] = g
		}
		g.Pages[p.Lang] = p
		if p.Lang == def {
			g.Source = p
		}
	}
	s := &Site{Config: cfg}
	for _, g := range bySlug {
		if g.Source == nil {
			for _, p := range g.Pages {
				errs.Add(diag.Errorf(p.Path, 1, "write content/"+g.Slug+"/"+def+".md first, or move this file",
					"translation has no %s source page", def))
			}
			continue
		}
		for code, p := range g.Pages {
			if code == def {
				continue
			}
			if want := def + ".md"; p.Front.Source != want {
				warns.Add(diag.Warnf(p.Path, 2, `add source = "`+want+`" to the front matter`,
					"translation does not name its source (source = %q)", p.Front.Source))
			}
		}
		s.Guides = append(s.Guides, g)
	}
	if err := errs.Err(); err != nil {
		return nil, warns, err
	}
	sort.Slice(s.Guides, func(i, j int) bool { return s.Guides[i].Slug < s.Guides[j].Slug })
	if err := checkAliases(s.Guides); err != nil {
		return nil, warns, err
	}

	for _, g := range s.Guides {
		for up := content.Parent(g.Slug); up != "" && g.Parent == nil; up = content.Parent(up) {
			g.Parent = bySlug[up]
		}
	}

	for i := range cfg.Languages {
		lang := &cfg.Languages[i]
		ls := &Language{Lang: lang}
		pageOf := make(map[*Guide]*Page, len(s.Guides))
		for _, g := range s.Guides {
			p := &Page{Guide: g, Lang: lang, Content: g.Pages[lang.Code]}
			if p.Content != nil && p.Content.Front.Draft {
				p.Content, p.Draft = nil, true
			}
			if p.Content == nil {
				// A generated section page has no text to translate: it is
				// the same page in every language, not a fallback.
				p.Content, p.Fallback = g.Source, !g.Source.Generated
			} else if lang.Code != def && p.Content.Front.SourceHash != "" && p.Content.Front.SourceHash != g.Source.Hash {
				p.Stale = true
			}
			pageOf[g] = p
		}
		for _, g := range s.Guides { // by slug: children in a stable order before sorting
			p := pageOf[g]
			if g.Parent == nil {
				ls.Top = append(ls.Top, p)
				continue
			}
			p.Parent = pageOf[g.Parent]
			p.Parent.Children = append(p.Parent.Children, p)
		}
		s.Languages = append(s.Languages, ls)
	}
	// Each language is sorted on its own core, with its own collator.
	sorters := make([]*sorter, len(s.Languages))
	for i, ls := range s.Languages {
		sorters[i] = newSorter(ls.Lang, keys)
	}
	_ = parallel.Each(len(s.Languages), func(i int) error {
		ls := s.Languages[i]
		sortTree(sorters[i], ls.Top)
		ls.Pages = flatten(ls.Top, make([]*Page, 0, len(s.Guides)))
		ls.pos = make(map[string]int, len(ls.Pages))
		for i, p := range ls.Pages {
			ls.pos[p.Guide.Slug] = i
		}
		return nil
	})
	return s, warns, nil
}

// sorter makes the collation keys of one language's titles, with one
// collator (never shared between goroutines), reusing those an earlier
// build made.
type sorter struct {
	col       *collate.Collator
	buf       collate.Buffer
	old, used map[string][]byte
}

func newSorter(lang *config.Language, keys *SortKeys) *sorter {
	s := &sorter{col: collate.New(lang.Tag), used: map[string][]byte{}}
	if keys != nil {
		if keys.byLang == nil {
			keys.byLang = map[string]map[string][]byte{}
		}
		s.old = keys.byLang[lang.Code]
		keys.byLang[lang.Code] = s.used
	}
	return s
}

// key returns the collation key of title.
func (s *sorter) key(title string) []byte {
	if k, ok := s.used[title]; ok {
		return k
	}
	k, ok := s.old[title]
	if !ok {
		k = bytes.Clone(s.col.KeyFromString(&s.buf, title))
		s.buf.Reset()
	}
	s.used[title] = k
	return k
}

// sortTree orders every level of the tree with sortPages.
func sortTree(col *sorter, pages []*Page) {
	sortPages(col, pages)
	for i, p := range pages {
		p.Order = i
		if len(p.Children) > 0 {
			sortTree(col, p.Children)
		}
	}
}

// flatten appends the tree's pages to out, each page before its children.
func flatten(pages, out []*Page) []*Page {
	for _, p := range pages {
		out = append(out, p)
		out = flatten(p.Children, out)
	}
	return out
}

// sortPages orders pages by weight, then title in the language's collation,
// then slug, so the order is the one a reader of that language expects.
func sortPages(col *sorter, pages []*Page) {
	// A guide's weight is its source page's, so every language lists the
	// guides in the same order; guides of equal weight follow the
	// language's collation of their titles. Collation keys are made once
	// per title (a Collator is not safe to share between goroutines), then
	// compared as bytes.
	keys := make(map[*Page][]byte, len(pages))
	for _, p := range pages {
		keys[p] = col.key(p.Title())
	}
	weight := func(p *Page) int {
		if p.Guide != nil && p.Guide.Source != nil {
			return p.Guide.Source.Front.Weight
		}
		return p.Content.Front.Weight
	}
	sort.SliceStable(pages, func(i, j int) bool {
		a, b := pages[i], pages[j]
		if wa, wb := weight(a), weight(b); wa != wb {
			return wa < wb
		}
		if c := bytes.Compare(keys[a], keys[b]); c != 0 {
			return c < 0
		}
		return a.Guide.Slug < b.Guide.Slug
	})
}

// Page returns the page of slug in lang, or nil.
func (s *Site) Page(lang, slug string) *Page {
	for _, l := range s.Languages {
		if l.Lang.Code != lang {
			continue
		}
		for _, p := range l.Pages {
			if p.Guide.Slug == slug {
				return p
			}
		}
	}
	return nil
}

// checkAliases refuses an alias that is not a slug, names a guide that
// exists, or is claimed by two guides.
func checkAliases(guides []*Guide) error {
	var errs diag.List
	slugs := map[string]bool{}
	for _, g := range guides {
		slugs[g.Slug] = true
	}
	claimed := map[string]string{}
	for _, g := range guides {
		for _, a := range g.Source.Front.Aliases {
			switch {
			case !content.ValidSlug(a):
				errs.Add(diag.Errorf(g.Source.Path, 0, "write the former folder path below content/, lower-case letters, digits and hyphens (e.g. guides/old-name)", "alias %q is not a guide slug", a))
			case slugs[a]:
				errs.Add(diag.Errorf(g.Source.Path, 0, "remove the alias: content/"+a+"/ is a guide of its own", "alias %q is the slug of a guide", a))
			case claimed[a] != "":
				errs.Add(diag.Errorf(g.Source.Path, 0, "keep the alias on one guide only", "alias %q is also an alias of %s", a, claimed[a]))
			default:
				claimed[a] = g.Source.Path
			}
		}
	}
	return errs.Err()
}
