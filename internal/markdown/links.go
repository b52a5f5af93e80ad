package markdown

import (
	"net/url"
	"path"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Link is a link found in a page, after rewriting.
type Link struct {
	Dest     string // as written in the Markdown
	Href     string // as written to HTML
	Page     string // folder of the page it points to, relative to this page's ("../oauth", "auth/oauth"); "" for the same page or external links
	Fragment string // anchor without "#", or ""
	External bool   // absolute URL with a scheme, or protocol-relative
	// Local is a file beside the page that the link or image points to
	// ("diagram.svg", "img/a.png"), cleaned; "" for anything else.
	Local  string
	Offset int // byte offset in the body, for error positions
	line   int // file line, kept when the document is released
}

// linkTransformer rewrites links to other pages' Markdown files
// ("../oauth/en.md#scopes") into site URLs ("../oauth/#scopes"), relative so
// the same HTML works in every language folder, and records every link.
type linkTransformer struct{}

func (t linkTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	d := docOf(pc)
	record := func(l Link) { d.Links = append(d.Links, l) }
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest *[]byte
		switch l := n.(type) {
		case *ast.Link:
			dest = &l.Destination
		case *ast.Image:
			dest = &l.Destination
		case *ast.AutoLink:
			record(Link{Dest: string(l.URL(src)), Href: string(l.URL(src)), External: true, Offset: offsetOf(n)})
			return ast.WalkContinue, nil
		default:
			return ast.WalkContinue, nil
		}
		link := ResolveLink(string(*dest))
		link.Offset = offsetOf(n)
		*dest = []byte(link.Href)
		record(link)
		return ast.WalkContinue, nil
	})
}

// ResolveLink classifies a link destination written in a page at
// content/<slug>/<lang>.md and returns its rewritten form. Pages' folders
// mirror their URLs, so a link between Markdown files at any depth becomes
// the same relative link between pages; the page it points to (Page) is
// left relative for the link checker to resolve.
func ResolveLink(dest string) Link {
	l := Link{Dest: dest, Href: dest}
	u, err := url.Parse(dest)
	if err != nil {
		return l
	}
	if u.Scheme != "" || strings.HasPrefix(dest, "//") {
		l.External = true
		return l
	}
	l.Fragment = u.Fragment
	if u.Path == "" {
		return l // "#anchor" on the same page
	}
	p := u.Path
	if strings.HasSuffix(p, ".md") && !strings.HasPrefix(p, "/") {
		// <lang>.md (same folder) or <folder>/<lang>.md, relative, at any
		// depth: the page's URL is its folder, relative the same way.
		dir := path.Dir(path.Clean(p))
		if dir == "." {
			l.Href = "#" + u.Fragment
			if u.Fragment == "" {
				l.Href = "./"
			}
			return l
		}
		l.Page = dir
		l.Href = dir + "/"
		if u.Fragment != "" {
			l.Href += "#" + u.Fragment
		}
		return l
	}
	if !strings.HasPrefix(p, "/") && !strings.HasPrefix(p, "../") && !strings.HasSuffix(p, "/") && !strings.HasSuffix(p, ".md") {
		if c := path.Clean(p); c != "." && !strings.HasPrefix(c, "../") {
			l.Local = c
		}
		return l
	}
	// A relative link to a page's URL: "../other/", "../../a/b/", "sub/".
	if !strings.HasPrefix(p, "/") && (strings.HasSuffix(p, "/") || !strings.Contains(path.Base(p), ".")) {
		if c := path.Clean(p); c != "." {
			l.Page = c
		}
	}
	return l
}

// offsetOf returns the byte offset of the first text inside n, or of the
// nearest block ancestor's first line, for error positions.
func offsetOf(n ast.Node) int {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	for p := n; p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}
