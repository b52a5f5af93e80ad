package pipeline

import (
	"sort"
	"time"

	"github.com/docgen/docgen/internal/content"
	"github.com/docgen/docgen/internal/diag"
	"github.com/docgen/docgen/internal/linkcheck"
	"github.com/docgen/docgen/internal/markdown"
	"github.com/docgen/docgen/internal/parallel"
	"github.com/docgen/docgen/internal/render"
	"github.com/docgen/docgen/internal/site"
)

// arrange builds the site model from the page index and checks every
// internal link.
// Collation keys of titles come from keys, which keeps them for the next
// arrange (nil: made afresh).
func (st *snapshot) arrange(showDrafts bool, changed func(source *content.Page, recorded string) time.Time, keys *site.SortKeys) error {
	// A guide whose source page is a draft is left out, with its
	// translations and, for a section, every page below it, unless drafts
	// are shown (docgen build --drafts).
	def := st.in.cfg.DefaultLanguage.Code
	var drafts diag.List
	hidden := map[string]bool{}
	for _, p := range st.pages {
		if p.Lang == def && p.Front.Draft && !showDrafts {
			hidden[p.Slug] = true
			drafts.Add(diag.Warnf(p.Path, 0, "remove draft = true to publish it; docgen build --drafts or serve --drafts shows it",
				"draft: the guide is not published"))
		}
	}
	list := make([]*content.Page, 0, len(st.pages))
	for _, p := range st.pages {
		if !hiddenBy(hidden, p.Slug) && !p.Generated {
			list = append(list, p)
		}
	}
	st.sections(list)
	for _, p := range st.pages {
		if p.Generated {
			list = append(list, p)
		}
	}
	sortPages(list)
	s, warnings, err := site.BuildWith(st.in.cfg, list, keys)
	if err != nil {
		return err
	}
	for _, p := range list {
		warnings = append(warnings, st.docs[p.Path].Doc.Diags.Warnings()...)
	}
	links, memo := checkLinks(s, list, st.docs, st.assets, st.linkMemo)
	if err := links.Broken.Err(); err != nil {
		return err
	}
	warnings = append(warnings, links.Broken.Warnings()...)
	warnings = append(warnings, drafts...)
	warnings.Sort()
	// A stale translation's notice says when the English text changed.
	for _, ls := range s.Languages {
		for _, p := range ls.Pages {
			if p.Stale && changed != nil {
				p.SourceChanged = changed(p.Guide.Source, p.Content.Front.SourceHash)
			}
		}
	}
	st.site, st.warnings, st.links, st.linkMemo = s, warnings, links, memo
	return nil
}

// hiddenBy reports whether slug or a section above it is hidden.
func hiddenBy(hidden map[string]bool, slug string) bool {
	for ; slug != ""; slug = content.Parent(slug) {
		if hidden[slug] {
			return true
		}
	}
	return false
}

// sections replaces the generated section index pages of the snapshot
// with those the published pages need (content.SectionPages), with their
// (empty) facts.
func (st *snapshot) sections(published []*content.Page) {
	for path, p := range st.pages {
		if p.Generated {
			delete(st.pages, path)
			delete(st.docs, path)
		}
	}
	gen := content.SectionPages(published, st.in.cfg.DefaultLanguage.Code)
	for _, p := range gen {
		st.pages[p.Path] = p
	}
	for _, p := range gen {
		// Empty bodies: no facts, and nothing in the body store (see
		// Session.bodies).
		st.docs[p.Path] = &render.Parsed{Doc: markdown.FromFacts(markdown.Facts{File: p.Path})}
	}
}

// linkMemo is what checkLinks found, kept for the next arrange: a page
// whose document is the same, checked against the same heading ids and
// files, has the same result, so an edit re-checks only the edited pages.
type linkMemo struct {
	ids     map[string]map[string]bool    // each guide's heading ids (its source page's)
	sources map[string]*markdown.Document // each guide's source page, whose ids those are
	assets  []content.Asset               // the files beside pages it was checked with
	pages   map[string]*linkEntry         // by content path
}

type linkEntry struct {
	doc *markdown.Document
	res linkcheck.Result
}

// checkLinks resolves every internal link and anchor of every page, reusing
// prev's result for a page whose document did not change when no guide's
// heading ids and no files did.
func checkLinks(s *site.Site, pages []*content.Page, docs map[string]*render.Parsed, assets []content.Asset, prev *linkMemo) (linkcheck.Result, *linkMemo) {
	files := map[string]map[string]bool{}
	for _, a := range assets {
		if a.Slug != "" {
			if files[a.Slug] == nil {
				files[a.Slug] = map[string]bool{}
			}
			files[a.Slug][a.Rel] = true
		}
	}
	memo := &linkMemo{ids: make(map[string]map[string]bool, len(s.Guides)), sources: make(map[string]*markdown.Document, len(s.Guides)),
		assets: assets, pages: make(map[string]*linkEntry, len(pages))}
	reuse := prev != nil && sameAssets(prev.assets, assets) && len(prev.ids) == len(s.Guides)
	for _, g := range s.Guides {
		doc := docs[g.Source.Path].Doc
		memo.sources[g.Slug] = doc
		if prev != nil && prev.sources[g.Slug] == doc {
			memo.ids[g.Slug] = prev.ids[g.Slug] // the same source: the same ids
			continue
		}
		set := map[string]bool{}
		for _, h := range doc.Headings {
			set[h.ID] = true
		}
		memo.ids[g.Slug] = set
		reuse = reuse && prev.ids[g.Slug] != nil && sameSet(prev.ids[g.Slug], set)
	}
	ids := func(slug string) map[string]bool { return memo.ids[slug] }
	warnOnly := s.Config.LinkCheck == "warn"
	// Pages are checked on all cores, a batch at a time.
	entries := make([]*linkEntry, len(pages))
	const batch = 256
	_ = parallel.Each((len(pages)+batch-1)/batch, func(b int) error {
		for i := b * batch; i < min(len(pages), (b+1)*batch); i++ {
			p := pages[i]
			if memo.ids[p.Slug] == nil {
				continue
			}
			doc := docs[p.Path].Doc
			if reuse {
				if e, ok := prev.pages[p.Path]; ok && e.doc == doc {
					entries[i] = e
					continue
				}
			}
			entries[i] = &linkEntry{doc, linkcheck.Check([]linkcheck.Page{{Slug: p.Slug, Doc: doc, Files: files[p.Slug]}}, ids, warnOnly)}
		}
		return nil
	})
	var res linkcheck.Result
	external := map[string]bool{}
	for i, p := range pages {
		e := entries[i]
		if e == nil {
			continue
		}
		memo.pages[p.Path] = e
		res.Broken = append(res.Broken, e.res.Broken...)
		for _, u := range e.res.External {
			external[u] = true
		}
	}
	for u := range external {
		res.External = append(res.External, u)
	}
	sort.Strings(res.External)
	res.Broken.Sort()
	return res, memo
}

// sameAssets reports whether two asset lists are the same list (assets
// change only in a full build, which loads a new list).
func sameAssets(a, b []content.Asset) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

func sameSet(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}
