package pipeline

import (
	"sort"

	"github.com/docgen/docgen/internal/content"
	"github.com/docgen/docgen/internal/diag"
	"github.com/docgen/docgen/internal/markdown"
	"github.com/docgen/docgen/internal/parallel"
	"github.com/docgen/docgen/internal/render"
)

// parseAll parses every page of the snapshot.
func (st *snapshot) parseAll(root string, progress func(total int) func()) error {
	list := make([]*content.Page, 0, len(st.pages))
	for _, p := range st.pages {
		list = append(list, p)
	}
	sortPages(list)
	return st.parse(root, list, progress)
}

// parse reads and parses pages, each with its language's converter, on all
// cores, and keeps each page's facts (headings, links, diagnostics). The
// syntax trees and sources are released: bodies are read and parsed again
// when they are rendered, so memory grows by kilobytes per page.
func (st *snapshot) parse(root string, pages []*content.Page, progress func(total int) func()) error {
	done := progress(len(pages))
	docs := make([]*render.Parsed, len(pages))
	_ = parallel.Each(len(pages), func(i int) error {
		defer done()
		p := pages[i]
		body, err := content.ReadBody(root, p)
		if err != nil {
			d, _ := diag.As(err)
			docs[i] = &render.Parsed{Doc: &markdown.Document{Diags: diag.List{d}}}
			return nil
		}
		doc := st.in.conv[p.Lang].Parse(p.Path, body, p.BodyLine)
		doc.Release()
		docs[i] = &render.Parsed{Doc: doc}
		return nil
	})
	var errs diag.List
	for i, p := range pages {
		errs = append(errs, docs[i].Doc.Diags.Errors()...)
		st.docs[p.Path] = docs[i]
	}
	errs.Sort()
	return errs.Err()
}

func sortPages(pages []*content.Page) {
	sort.Slice(pages, func(i, j int) bool { return pages[i].Path < pages[j].Path })
}
