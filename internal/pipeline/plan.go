package pipeline

import (
	"path"
	"reflect"
	"sort"
	"strings"

	"github.com/docgen/docgen/internal/content"
	"github.com/docgen/docgen/internal/publish"
	"github.com/docgen/docgen/internal/render"
	"github.com/docgen/docgen/internal/site"
)

// Change is what changed in the inputs since the last build.
type Change struct {
	// All asks for a full build: everything is loaded and rendered again.
	All bool
	// Paths are the changed input files, relative to the site root
	// ("content/oauth/fr.md", "locales/fa.toml", "layouts/base.html").
	// config.toml or any path outside content/, locales/ and layouts/
	// makes a full build.
	Paths []string
	// Fresh says the sink starts empty: every output is written, even one
	// whose bytes the last build wrote.
	Fresh bool
	// PagesWritten, when set, is called once the guide and language pages
	// are written, before the search indexes and the sitemap (which hold
	// the whole site), so a preview can reload early.
	PagesWritten func(written []string)
	// Earlier, when set, reads the output as the last build left it, for
	// a sink that cannot (Run's in-place route renders into memory).
	Earlier publish.Reader
}

// needsFullBuild reports whether a changed path is one that only a full
// build handles: the configuration, or anything the pipeline does not
// know how to update alone.
func (ch Change) needsFullBuild() bool {
	for _, p := range ch.Paths {
		p = path.Clean(p)
		switch {
		case strings.HasPrefix(p, "content/") && strings.HasSuffix(p, ".md"):
		case strings.HasPrefix(p, "locales/") && strings.HasSuffix(p, ".toml"):
		case strings.HasPrefix(p, "layouts/"):
		default:
			return true
		}
	}
	return false
}

// affected is what a change touches, as the plan stage needs it.
type affected struct {
	all     bool            // every output
	langs   map[string]bool // every output of these languages
	slugs   map[string]bool // these guides in every language
	listing bool            // pages that list guides (every page: the sidebar)
	search  map[string]bool // these languages' search indexes
}

// reload is the load and parse stages of an update: it reads what ch
// touched into a copy of prev and parses the pages whose facts may change.
func (s *Session) reload(prev *snapshot, ch Change) (*snapshot, affected, error) {
	root := s.opts.Root
	next := prev.clone()
	aff := affected{langs: map[string]bool{}, slugs: map[string]bool{}, search: map[string]bool{}}
	def := next.in.cfg.DefaultLanguage.Code
	var pagePaths []string
	catalogs, layouts := false, false
	for _, p := range ch.Paths {
		p = path.Clean(p)
		switch {
		case strings.HasPrefix(p, "content/"):
			pagePaths = append(pagePaths, p)
		case strings.HasPrefix(p, "locales/"):
			catalogs = true
			lang := strings.TrimSuffix(path.Base(p), ".toml")
			if lang == def {
				aff.all = true // other languages fall back to its messages
			}
			aff.langs[lang] = true
		case strings.HasPrefix(p, "layouts/"):
			layouts = true
		}
	}
	if catalogs {
		if err := next.in.loadCatalogs(root); err != nil {
			return nil, aff, err
		}
	}
	if layouts {
		if err := next.in.loadLayouts(root); err != nil {
			return nil, aff, err
		}
		aff.all = true
	}

	known := func(code string) bool { return next.in.cfg.Language(code) != nil }
	reparse := map[string]*content.Page{}
	var sources []*content.Page // changed source pages
	for _, p := range pagePaths {
		old := next.pages[p]
		page, err := content.ReadPage(root, p, known)
		if err != nil {
			return nil, aff, err
		}
		switch {
		case page == nil && old == nil:
			continue
		case page == nil:
			delete(next.pages, p)
			delete(next.docs, p)
			delete(reparse, p)
			aff.listing = true
			aff.slugs[old.Slug] = true
			aff.search[old.Lang] = true
			continue
		case old == nil || !reflect.DeepEqual(old.Front, page.Front) || !old.Updated.Equal(page.Updated):
			// Titles, order, dates, drafts and stale states show on
			// every page that lists guides.
			aff.listing = true
		}
		next.pages[p] = page
		reparse[p] = page
		aff.slugs[page.Slug] = true
		aff.search[page.Lang] = true
		if page.Lang == def {
			sources = append(sources, page)
		}
	}
	for _, src := range sources {
		// Translations take their heading ids from the source, and every
		// language may show the source as a fallback.
		for _, q := range next.pages {
			if q.Slug == src.Slug {
				reparse[q.Path] = q
			}
		}
		for lang := range next.in.translators {
			aff.search[lang] = true
		}
	}
	if catalogs {
		// Callout labels and the code tabs' name come from the catalog:
		// the bodies of its language are rendered again.
		for _, q := range next.pages {
			if aff.all || aff.langs[q.Lang] {
				reparse[q.Path] = q
			}
		}
	}
	list := make([]*content.Page, 0, len(reparse))
	for _, p := range reparse {
		list = append(list, p)
	}
	if err := s.parse(next, list); err != nil {
		return nil, aff, err
	}
	return next, aff, nil
}

// plan lists the outputs to render for what a change affected, in a stable
// order, and the outputs of prev that no longer exist. A search index whose
// language has the same pages as in prev is marked to be patched
// (Target.Patch); the files of the indexes it renders are not in removed:
// each index says which it keeps (see renderOutputs).
func plan(prev, next *snapshot, aff affected) (targets []render.Target, removed []string) {
	if prev != nil && !aff.all && !aff.listing && len(aff.langs) == 0 {
		// Only the text of pages changed: the site has the same pages,
		// so nothing is removed, and the edited guides and the search
		// indexes are all there is to render (serve's usual edit).
		targets = render.TargetsOf(next.site, aff.slugs, aff.search)
		for i := range targets {
			if targets[i].Kind == render.SearchIndex {
				targets[i].Patch = aff.slugs
			}
		}
		return targets, nil
	}
	return planAll(prev, next, aff)
}

// planAll is plan from the list of every output the site has.
func planAll(prev, next *snapshot, aff affected) (targets []render.Target, removed []string) {
	all := render.Targets(next.site)
	live := make(map[string]bool, len(all)+4)
	for _, t := range all {
		live[t.Path] = true
		if aff.all || aff.langs[t.Lang] {
			targets = append(targets, t)
			continue
		}
		switch t.Kind {
		case render.GuidePage, render.Redirect:
			if aff.listing || aff.slugs[t.Slug] {
				targets = append(targets, t)
			}
		case render.SearchIndex:
			if aff.listing || aff.search[t.Lang] {
				// Without a change to any page's front matter, no page
				// came, went or was hidden: every language has the same.
				if prev != nil && (!aff.listing || samePages(prev.site, next.site, t.Lang)) {
					t.Patch = aff.slugs
				}
				targets = append(targets, t)
			}
		case render.SitemapFile, render.LanguageIndex, render.NotFound, render.RootPage:
			if aff.listing {
				targets = append(targets, t)
			}
		}
	}
	for _, f := range next.in.layouts.Files() {
		live[f.Path] = true
	}
	for _, c := range assetOutputs(next) {
		live[c.path] = true
	}
	if prev != nil {
		for p := range prev.hashes {
			// A search index's files are kept, or dropped by the index
			// itself when it is rendered again.
			lang, _, _ := strings.Cut(p, "/")
			if !live[p] && !render.SearchFile(lang, p) {
				removed = append(removed, p)
			}
		}
		sort.Strings(removed)
	}
	return targets, removed
}

// samePages reports whether a language lists the same pages (URLs) in both
// site models, so its search index can be patched.
func samePages(a, b *site.Site, lang string) bool {
	if a == nil || b == nil {
		return false
	}
	la, lb := language(a, lang), language(b, lang)
	if la == nil || lb == nil || len(la.Pages) != len(lb.Pages) {
		return false
	}
	urls := make(map[string]bool, len(la.Pages))
	for _, p := range la.Pages {
		urls[p.URL()] = true
	}
	for _, p := range lb.Pages {
		if !urls[p.URL()] {
			return false
		}
	}
	return true
}

func language(s *site.Site, code string) *site.Language {
	for _, ls := range s.Languages {
		if ls.Lang.Code == code {
			return ls
		}
	}
	return nil
}

// assetCopy is an asset and the output path it is published at.
type assetCopy struct {
	path  string
	asset content.Asset
}

// assetOutputs lists where the assets are published: static/ files at the
// site root, a guide's files beside its page in every language (relative
// links from any language's page then find them).
func assetOutputs(st *snapshot) []assetCopy {
	var out []assetCopy
	for _, a := range st.assets {
		if a.Slug == "" {
			out = append(out, assetCopy{a.Rel, a})
			continue
		}
		for _, ls := range st.site.Languages {
			if ls.Index(a.Slug) >= 0 {
				out = append(out, assetCopy{ls.Lang.Code + "/" + a.Slug + "/" + a.Rel, a})
			}
		}
	}
	return out
}
