// Package markdown converts docgen's Markdown to HTML with goldmark and the
// extensions docgen adds: stable Unicode heading ids, callouts (DevSite and
// GitHub forms), client-language blocks, link rewriting between pages, and
// syntax highlighting with CSS classes.
//
// Conversion has two steps so the site can adjust a page between them:
// Parse builds a Document (headings, links and problems are known), and
// Render writes its HTML. Translations use the first step to take the
// heading ids of their English source.
package markdown

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/docgen/docgen/internal/diag"
)

// Options configure a Converter.
type Options struct {
	// CalloutLabel returns the label of a callout kind in the page's language.
	CalloutLabel func(kind string) string
	// ClientName returns a client library's display name, or "" when the id
	// is not declared in config.toml.
	ClientName func(id string) string
	// ClientTabsLabel is the accessible name of a group's tab list.
	ClientTabsLabel string
	// RawHTML renders raw HTML in Markdown instead of omitting it.
	RawHTML bool
	// Highlighter highlights code; share one between converters.
	Highlighter *Highlighter
}

// Converter parses and renders pages for one language. It is safe for
// concurrent use: per-document state travels in goldmark's parser context.
type Converter struct {
	opts Options
	md   goldmark.Markdown
}

// docKey finds the Document being parsed in goldmark's parser context.
var docKey = parser.NewContextKey()

// docOf returns the Document a transformer is working on.
func docOf(pc parser.Context) *Document { return pc.Get(docKey).(*Document) }

// New returns a Converter.
func New(opts Options) *Converter {
	if opts.CalloutLabel == nil {
		opts.CalloutLabel = func(kind string) string { return kind }
	}
	if opts.ClientName == nil {
		opts.ClientName = func(string) string { return "" }
	}
	if opts.Highlighter == nil {
		opts.Highlighter = NewHighlighter()
	}
	var htmlOpts []renderer.Option
	if opts.RawHTML {
		htmlOpts = append(htmlOpts, html.WithUnsafe())
	}
	known := func(id string) bool { return opts.ClientName(id) != "" }
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM),
		goldmark.WithParserOptions(
			parser.WithHeadingAttribute(),
			parser.WithAutoHeadingID(),
			parser.WithBlockParsers(
				util.Prioritized(calloutParser{}, 150),
				util.Prioritized(clientParser{}, 140),
			),
			parser.WithASTTransformers(
				util.Prioritized(calloutTransformer{}, 100),
				util.Prioritized(clientTransformer{known: known}, 110),
				util.Prioritized(linkTransformer{}, 120),
			),
		),
		goldmark.WithRendererOptions(append(htmlOpts,
			renderer.WithNodeRenderers(
				util.Prioritized(calloutRenderer{label: opts.CalloutLabel}, 100),
				util.Prioritized(clientRenderer{name: opts.ClientName, label: opts.ClientTabsLabel}, 100),
				util.Prioritized(codeRenderer{h: opts.Highlighter}, 100),
			))...),
	)
	return &Converter{opts: opts, md: md}
}

// Heading is a heading of a page, for the table of contents and id checks.
type Heading struct {
	Level int
	ID    string
	Text  string
	Line  int // line in the page file
	node  *ast.Heading
}

// Document is a parsed page, ready to render.
type Document struct {
	Headings []Heading
	Links    []Link
	Diags    diag.List // problems found while parsing, with file and line

	file     string
	src      []byte
	lineBase int
	root     ast.Node
	md       goldmark.Markdown

	lineStarts []int // byte offsets at which lines start, built on first use
}

// Parse parses body, the Markdown of file starting at line firstLine.
func (c *Converter) Parse(file string, body []byte, firstLine int) *Document {
	doc := &Document{file: file, src: body, lineBase: firstLine - 1, md: c.md}
	if off, ok := tooDeep(body); ok {
		// goldmark's time grows with the square of nesting depth; refuse
		// hostile input rather than hang.
		doc.errorAt(off, fmt.Sprintf("nest block quotes at most %d deep and indent lines at most %d columns", MaxQuoteDepth, MaxIndent),
			"nesting too deep")
		doc.root = ast.NewDocument()
		return doc
	}
	pc := parser.NewContext(parser.WithIDs(newIDs()))
	pc.Set(docKey, doc)
	doc.root = c.md.Parser().Parse(text.NewReader(body), parser.WithContext(pc))
	doc.collectHeadings()
	return doc
}

// Limits on nesting that keep parsing time linear enough for any input.
const (
	MaxQuoteDepth = 32  // ">" markers at the start of one line
	MaxIndent     = 256 // columns of leading whitespace on one line
)

// tooDeep reports the offset of the first line nested beyond the limits.
func tooDeep(src []byte) (int, bool) {
	start := 0
	for start < len(src) {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		quotes, indent, counting := 0, 0, true
		for _, c := range src[start:end] {
			switch {
			case c == '>':
				quotes++
				counting = false
			case c == ' ' && counting:
				indent++
			case c == '\t' && counting:
				indent += 4
			case c == ' ' || c == '\t':
			default:
				goto done
			}
		}
	done:
		if quotes > MaxQuoteDepth || indent > MaxIndent {
			return start, true
		}
		start = end + 1
	}
	return 0, false
}

// errorAt records an error at a byte offset of the body.
func (d *Document) errorAt(offset int, hint, format string, args ...any) {
	d.Diags.Add(diag.Errorf(d.file, d.lineAt(offset), hint, format, args...))
}

func (d *Document) lineAt(offset int) int {
	if d.lineStarts == nil {
		d.lineStarts = []int{0}
		for i, c := range d.src {
			if c == '\n' {
				d.lineStarts = append(d.lineStarts, i+1)
			}
		}
	}
	return d.lineBase + sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > offset })
}

// LinkLine returns the file line of a link found in the document.
func (d *Document) LinkLine(l Link) int {
	if l.line > 0 {
		return l.line
	}
	return d.lineAt(l.Offset)
}

// File returns the path the document was parsed from.
func (d *Document) File() string { return d.file }

func (d *Document) collectHeadings() {
	_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		id := ""
		if v, ok := h.AttributeString("id"); ok {
			if b, ok := v.([]byte); ok {
				id = string(b)
			}
		}
		off := 0
		if h.Lines().Len() > 0 {
			off = h.Lines().At(0).Start
		}
		line := d.lineAt(off)
		d.checkHeadingAttributes(h, line)
		d.Headings = append(d.Headings, Heading{Level: h.Level, ID: id, Text: strings.TrimSpace(plainText(h, d.src)), Line: line, node: h})
		return ast.WalkSkipChildren, nil
	})
	// An explicit {#id} can repeat another heading's id or one the layouts use.
	seen := map[string]int{}
	for _, h := range d.Headings {
		if layout := reservedIDs[h.ID]; layout != "" {
			d.Diags.Add(diag.Errorf(d.file, h.Line, "give this heading another {#id}", "heading id %q is used by the page layout (%s)", h.ID, layout))
			continue
		}
		if line, dup := seen[h.ID]; dup {
			d.Diags.Add(diag.Errorf(d.file, h.Line, "give this heading another {#id}", "heading id %q is not unique (line %d has it too)", h.ID, line))
			continue
		}
		seen[h.ID] = h.Line
	}
}

// checkHeadingAttributes allows a heading only its id ({#id}): any other
// attribute (style, class, contenteditable, autofocus, ...) would let a page
// restyle or take over every reader's page. It reports each one at line and
// drops it from the node.
func (d *Document) checkHeadingAttributes(h *ast.Heading, line int) {
	var bad []string
	for _, a := range h.Attributes() {
		if name := string(a.Name); name != "id" {
			bad = append(bad, name)
		}
	}
	if len(bad) == 0 {
		return
	}
	for _, name := range bad {
		d.Diags.Add(diag.Errorf(d.file, line, "headings take only an id, written {#id}; delete the other attributes",
			"heading attribute %q is not allowed", attrName(name)))
	}
	id, hasID := h.AttributeString("id")
	h.RemoveAttributes()
	if hasID {
		h.SetAttributeString("id", id)
	}
}

// attrName shows an attribute as it was written: a class as .name.
func attrName(name string) string {
	if name == "class" {
		return "class (.name)"
	}
	return name
}

// SetHeadingID changes the id of the i-th heading (in document order).
// After Release it only changes Headings.
func (d *Document) SetHeadingID(i int, id string) {
	d.Headings[i].ID = id
	if n := d.Headings[i].node; n != nil {
		n.SetAttributeString("id", []byte(id))
	}
}

// Release drops the syntax tree and the source once the HTML is made, so a
// large site does not keep every page's tree in memory. Headings, links and
// diagnostics stay; Render fails afterwards.
func (d *Document) Release() {
	for i := range d.Links {
		d.Links[i].line = d.lineAt(d.Links[i].Offset)
	}
	d.root, d.src, d.lineStarts = nil, nil, nil
	for i := range d.Headings {
		d.Headings[i].node = nil
	}
}

// Render writes the document's HTML to w.
func (d *Document) Render(w io.Writer) error {
	if d.root == nil {
		return fmt.Errorf("%s: render: the document was released; parse it again", d.file)
	}
	if err := d.md.Renderer().Render(w, d.src, d.root); err != nil {
		return fmt.Errorf("%s: render: %w", d.file, err)
	}
	return nil
}

// HTML renders the document to a string.
func (d *Document) HTML() (string, error) {
	b, err := d.HTMLBytes()
	return string(b), err
}

// HTMLBytes renders the document into a buffer sized for it (the HTML of
// a page is about twice its Markdown).
func (d *Document) HTMLBytes() ([]byte, error) {
	b := bytes.NewBuffer(make([]byte, 0, 2*len(d.src)+4096))
	err := d.Render(b)
	return b.Bytes(), err
}

// plainText returns the text content of n's inline children.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.CodeSpan:
			for g := t.FirstChild(); g != nil; g = g.NextSibling() {
				if tt, ok := g.(*ast.Text); ok {
					b.Write(tt.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// Facts are what a released Document keeps (headings, links,
// diagnostics), in a form that can be saved between builds.
type Facts struct {
	File      string
	Headings  []Heading
	Links     []Link
	LinkLines []int // file line of each link
	Diags     diag.List
}

// Facts returns the document's facts. Call it after Release.
func (d *Document) Facts() Facts {
	f := Facts{File: d.file, Headings: d.Headings, Links: d.Links, Diags: d.Diags, LinkLines: make([]int, len(d.Links))}
	for i, l := range d.Links {
		f.LinkLines[i] = d.LinkLine(l)
	}
	return f
}

// FromFacts returns a released Document holding f: what a build kept of a
// page it parsed before.
func FromFacts(f Facts) *Document {
	d := &Document{file: f.File, Headings: f.Headings, Links: f.Links, Diags: f.Diags}
	for i := range d.Links {
		if i < len(f.LinkLines) {
			d.Links[i].line = f.LinkLines[i]
		}
	}
	return d
}
