// Package linkcheck resolves every internal link and #anchor of every parsed
// page against the site: a link to another guide (relative to the page's
// folder, at any depth) must name an existing guide,
// and an anchor must be a heading id of the page it points to. Because
// translated headings carry their source's ids and every guide exists in
// every language (translated or fallback), checking each page once covers
// every language it is published in. External links are listed, not fetched.
package linkcheck

import (
	"path"
	"sort"
	"strings"

	"github.com/docgen/docgen/internal/diag"
	"github.com/docgen/docgen/internal/markdown"
)

// Page is what the checker needs to know of one parsed page.
type Page struct {
	Slug  string // the page's folder path below content/
	Doc   *markdown.Document
	Files map[string]bool // the files beside the page (paths below its guide's folder)
}

// Result holds the problems found and the external links seen.
type Result struct {
	Broken   diag.List
	External []string // sorted, unique
}

// Check checks the links of pages. ids returns the heading ids of a guide
// (its source page's), or nil when the guide does not exist. Broken links are
// errors, or warnings when warnOnly is set.
func Check(pages []Page, ids func(slug string) map[string]bool, warnOnly bool) Result {
	var res Result
	ext := map[string]bool{}
	for _, p := range pages {
		own := map[string]bool{}
		for _, h := range p.Doc.Headings {
			own[h.ID] = true
		}
		for _, l := range p.Doc.Links {
			if l.External {
				ext[l.Href] = true
				continue
			}
			if l.Local != "" {
				if p.Files == nil || !p.Files[l.Local] {
					res.add(p, l, warnOnly, "put the file beside the page in content/"+p.Slug+"/, or fix the path",
						"link or image to missing file %q (%s)", l.Local, l.Dest)
				}
				continue
			}
			target, targetIDs := p.Slug, own
			if l.Page != "" {
				target = path.Join(p.Slug, l.Page)
				if target == "." {
					continue // the language's home page
				}
				if strings.HasPrefix(target, "../") || target == ".." {
					// Above the language's folder: the site's root page or
					// another language, which docgen does not check; but a
					// Markdown file there is no page.
					if strings.HasSuffix(strings.SplitN(strings.SplitN(l.Dest, "#", 2)[0], "?", 2)[0], ".md") {
						res.add(p, l, warnOnly, "link to a page below content/", "link to a Markdown file outside content/ (%s)", l.Dest)
					}
					continue
				}
				if targetIDs = ids(target); targetIDs == nil {
					res.add(p, l, warnOnly, "create content/"+target+"/ or fix the link", "link to missing guide %q (%s)", target, l.Dest)
					continue
				}
			} else if l.Href != "" && l.Href[0] != '#' && l.Href != "./" {
				continue // a path docgen does not manage (e.g. /assets/...)
			}
			if l.Fragment != "" && !targetIDs[l.Fragment] {
				res.add(p, l, warnOnly, "use one of the heading ids of "+target+" (see its table of contents)", "link to missing anchor #%s in %s (%s)", l.Fragment, target, l.Dest)
			}
		}
	}
	for u := range ext {
		res.External = append(res.External, u)
	}
	sort.Strings(res.External)
	res.Broken.Sort()
	return res
}

func (r *Result) add(p Page, l markdown.Link, warnOnly bool, hint, format string, args ...any) {
	d := diag.Errorf(p.Doc.File(), p.Doc.LinkLine(l), hint, format, args...)
	if warnOnly {
		d.Severity = diag.Warning
	}
	r.Broken.Add(d)
}
