package pipeline

import (
	"time"

	"github.com/docgen/docgen/internal/content"
	"github.com/docgen/docgen/internal/diag"
	"github.com/docgen/docgen/internal/linkcheck"
	"github.com/docgen/docgen/internal/markdown"
	"github.com/docgen/docgen/internal/render"
	"github.com/docgen/docgen/internal/site"
)

// arrange builds the site model from the page index and checks every
// internal link.
func (st *snapshot) arrange(showDrafts bool, changed func(source *content.Page, recorded string) time.Time) error {
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
	s, warnings, err := site.Build(st.in.cfg, list)
	if err != nil {
		return err
	}
	for _, p := range list {
		warnings = append(warnings, st.docs[p.Path].Doc.Diags.Warnings()...)
	}
	links := checkLinks(s, list, st.docs, st.assets)
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
	st.site, st.warnings, st.links = s, warnings, links
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

// checkLinks resolves every internal link and anchor of every page.
func checkLinks(s *site.Site, pages []*content.Page, docs map[string]*render.Parsed, assets []content.Asset) linkcheck.Result {
	files := map[string]map[string]bool{}
	for _, a := range assets {
		if a.Slug != "" {
			if files[a.Slug] == nil {
				files[a.Slug] = map[string]bool{}
			}
			files[a.Slug][a.Rel] = true
		}
	}
	ids := map[string]map[string]bool{}
	for _, g := range s.Guides {
		set := map[string]bool{}
		for _, h := range docs[g.Source.Path].Doc.Headings {
			set[h.ID] = true
		}
		ids[g.Slug] = set
	}
	var in []linkcheck.Page
	for _, p := range pages {
		if ids[p.Slug] != nil {
			in = append(in, linkcheck.Page{Slug: p.Slug, Doc: docs[p.Path].Doc, Files: files[p.Slug]})
		}
	}
	return linkcheck.Check(in, func(slug string) map[string]bool { return ids[slug] }, s.Config.LinkCheck == "warn")
}
