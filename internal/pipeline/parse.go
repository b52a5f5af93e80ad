package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"sort"

	"github.com/docgen/docgen/internal/content"
	"github.com/docgen/docgen/internal/diag"
	"github.com/docgen/docgen/internal/markdown"
	"github.com/docgen/docgen/internal/parallel"
	"github.com/docgen/docgen/internal/render"
	"github.com/docgen/docgen/internal/safefile"
	"github.com/docgen/docgen/internal/search"
)

// parseAll parses every page of the snapshot.
func (s *Session) parseAll(st *snapshot) error {
	list := make([]*content.Page, 0, len(st.pages))
	for _, p := range st.pages {
		list = append(list, p)
	}
	return s.parse(st, list)
}

// parse reads each page once, parses it with its language's converter,
// renders its body and puts the HTML and search sections in the session's
// body store; the snapshot keeps only the page's facts (headings, links,
// diagnostics). Source pages go first, on all cores, then translations,
// which take their headings' ids from their source as they are parsed, so
// the body is rendered once, with its final ids.
func (s *Session) parse(st *snapshot, pages []*content.Page) error {
	sortPages(pages)
	def := st.in.cfg.DefaultLanguage.Code
	var sources, translations []*content.Page
	for _, p := range pages {
		if p.Generated {
			continue // a section page docgen makes: arrange gives it its (empty) facts
		}
		if p.Lang == def {
			sources = append(sources, p)
		} else {
			translations = append(translations, p)
		}
	}
	site, err := safefile.OpenDir(s.opts.Root)
	if err != nil {
		return diag.Errorf(".", 0, "run docgen in the site's folder or pass --root", "cannot open the site folder: %v", err)
	}
	defer site.Close()
	done := s.tick("parse")(len(pages))
	var errs diag.List
	for _, group := range [][]*content.Page{sources, translations} {
		docs := make([]*render.Parsed, len(group))
		err := parallel.Each(len(group), func(i int) error {
			defer done()
			var err error
			docs[i], err = s.parsePage(st, site, group[i])
			return err
		})
		if err != nil {
			return err
		}
		for i, p := range group {
			errs = append(errs, docs[i].Doc.Diags.Errors()...)
			st.docs[p.Path] = docs[i]
		}
	}
	errs.Sort()
	return errs.Err()
}

// parsePage is the one function that turns a page's Markdown into HTML; it
// reads the page from site. A page that cannot be read gets a document
// holding only the error.
func (s *Session) parsePage(st *snapshot, site *safefile.Dir, p *content.Page) (*render.Parsed, error) {
	body, err := content.ReadBody(site, p)
	if err != nil {
		d, _ := diag.As(err)
		return &render.Parsed{Doc: &markdown.Document{Diags: diag.List{d}}}, nil
	}
	var src *markdown.Document
	source := ""
	if p.Lang != st.in.cfg.DefaultLanguage.Code {
		source = path.Join(path.Dir(p.Path), st.in.cfg.DefaultLanguage.Code+".md")
		if d := st.docs[source]; d != nil && st.pages[source] != nil {
			src = d.Doc
		}
	}
	key := s.bodyKey(st, p, body, src)
	if r, ok := s.reuse[p.Path]; ok && r.body.Key == key {
		// An earlier build made this body from the same inputs.
		s.store.adopt(p.Path, r.body)
		s.reusedPages.Add(1)
		return &render.Parsed{Doc: markdown.FromFacts(r.facts)}, nil
	}
	s.parsedPages.Add(1)
	doc := st.in.conv[p.Lang].Parse(p.Path, body, p.BodyLine)
	if src != nil {
		matchHeadings(source, src, doc)
	}
	if len(doc.Diags.Errors()) == 0 {
		html, err := doc.HTMLBytes()
		if err != nil {
			return nil, err
		}
		sections := search.EncodeSections(search.Sections(html))
		if err := s.store.put(p.Path, key, html, sections); err != nil {
			return nil, err
		}
	}
	doc.Release()
	return &render.Parsed{Doc: doc}, nil
}

// bodyKey digests everything a page's body and facts are made from:
// docgen itself, the configuration, the language's converter (callout
// labels and the like come from its catalog), the page's path and first
// line, its Markdown, and for a translation the ids of its source's
// headings.
func (s *Session) bodyKey(st *snapshot, p *content.Page, body []byte, src *markdown.Document) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%d\x00%d\x00", s.version(), st.in.cfgSum, st.in.convSum[p.Lang], p.Path, p.BodyLine, len(body))
	h.Write(body)
	if src != nil {
		for _, hd := range src.Headings {
			fmt.Fprintf(h, "\x00%s", hd.ID)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// matchHeadings gives each heading of doc, a translation of the source page
// at srcPath, the id of the source heading it translates: by explicit id
// when the translation uses one of the source's ids, otherwise by position.
// Mismatches are warnings naming both files.
func matchHeadings(srcPath string, src, doc *markdown.Document) {
	srcIDs := make(map[string]bool, len(src.Headings))
	for _, h := range src.Headings {
		srcIDs[h.ID] = true
	}
	if len(doc.Headings) != len(src.Headings) {
		doc.Diags.Add(diag.Warnf(doc.File(), 0, "translate every heading of "+srcPath+", in the same order",
			"translation has %d headings, its source %s has %d", len(doc.Headings), srcPath, len(src.Headings)))
	}
	for i, h := range doc.Headings {
		if srcIDs[h.ID] {
			continue
		}
		if i < len(src.Headings) {
			doc.SetHeadingID(i, src.Headings[i].ID)
			continue
		}
		doc.Diags.Add(diag.Warnf(doc.File(), h.Line, "give it the id of a heading in "+srcPath+" with {#id}",
			"heading %q has no counterpart in %s", h.Text, srcPath))
	}
}

func sortPages(pages []*content.Page) {
	sort.Slice(pages, func(i, j int) bool { return pages[i].Path < pages[j].Path })
}
