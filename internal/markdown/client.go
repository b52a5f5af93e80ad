package markdown

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Client-language blocks let one page carry steps and code for several client
// libraries. A group is a run of variants, each opened by a "::: client <id>"
// line at the start of a line, and the last one closed by a line holding only
// ":::". Each variant holds any Markdown. In other Markdown viewers the
// marker lines show as plain text labels above each variant.
//
// A group may sit inside a list item, its marker lines indented like the
// item's text. An ordered list right after a group whose variants all end
// in ordered lists continues their numbering: each variant's count is kept
// in data-starts ("python:2 ruby:3") and the site script sets the list's
// start for the chosen client (without JavaScript it continues the first
// variant).

// KindClientGroup and KindClientVariant are the node kinds of the extension.
var (
	KindClientGroup   = ast.NewNodeKind("ClientGroup")
	KindClientVariant = ast.NewNodeKind("ClientVariant")
)

// ClientGroup holds the variants of one client-language block.
type ClientGroup struct {
	ast.BaseBlock
	Index int // position among the page's groups, for unique element ids
	Level int // heading level for the no-JavaScript variant headings
}

// Kind implements ast.Node.
func (n *ClientGroup) Kind() ast.NodeKind { return KindClientGroup }

// Dump implements ast.Node.
func (n *ClientGroup) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// ClientVariant is the Markdown of one client library inside a group.
type ClientVariant struct {
	ast.BaseBlock
	Client   string // client id, e.g. "ruby"
	Offset   int    // byte offset of the opening line, for error positions
	Closed   bool   // a ":::" line ended it (the last variant of a group)
	HasNext  bool   // another "::: client" line ended it
	Nested   bool   // opened inside another variant
	Column   int    // column of the marker lines (the list item's text, or 0)
	badMarks bool   // the opener line is malformed ("::: client" without an id)
}

// Kind implements ast.Node.
func (n *ClientVariant) Kind() ast.NodeKind { return KindClientVariant }

// Dump implements ast.Node.
func (n *ClientVariant) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Client": n.Client}, nil)
}

// parseMarker classifies a line: an opener ("::: client ruby"), a closer
// (":::"), or neither. A "::: client" line without an id is an opener with
// an empty id, reported later.
func parseMarker(line []byte) (client string, opener, closer bool) {
	t := bytes.TrimRight(line, " \t\r\n")
	if !bytes.HasPrefix(t, []byte(":::")) {
		return "", false, false
	}
	rest := bytes.TrimSpace(t[3:])
	if len(rest) == 0 {
		return "", false, true
	}
	fields := strings.Fields(string(rest))
	if fields[0] != "client" {
		return "", false, false
	}
	if len(fields) == 2 {
		return fields[1], true, false
	}
	return "", true, false
}

type clientParser struct{}

func (clientParser) Trigger() []byte { return []byte{':'} }

func (clientParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	col := markerColumn(parent)
	if reader.LineOffset() != col && !insideVariant(parent) {
		// Only column 0, or the text column of a list item, opens a
		// group, so an otherwise indented marker stays text.
		return nil, parser.NoChildren
	}
	client, opener, _ := parseMarker(line)
	if !opener {
		return nil, parser.NoChildren
	}
	v := &ClientVariant{Client: client, Offset: seg.Start, Nested: insideVariant(parent), Column: col, badMarks: client == ""}
	reader.Advance(seg.Len() - 1)
	return v, parser.HasChildren
}

// markerColumn is the column at which marker lines sit in parent: a list
// item's text column, or 0.
func markerColumn(parent ast.Node) int {
	if li, ok := parent.(*ast.ListItem); ok {
		return li.Offset
	}
	return 0
}

func insideVariant(n ast.Node) bool {
	for ; n != nil; n = n.Parent() {
		if _, ok := n.(*ClientVariant); ok {
			return true
		}
	}
	return false
}

func (clientParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	v := node.(*ClientVariant)
	line, seg := reader.PeekLine()
	if line == nil {
		return parser.Close
	}
	if !insideOpenCode(pc, v) && reader.LineOffset() == v.Column {
		if _, opener, closer := parseMarker(line); closer {
			v.Closed = true
			reader.Advance(seg.Len() - 1)
			return parser.Close
		} else if opener && !v.Nested {
			v.HasNext = true
			return parser.Close
		}
	}
	return parser.Continue | parser.HasChildren
}

// insideOpenCode reports whether a fenced or indented code block inside v is
// still open, so a ":::" line belongs to the code, not to the group. Raw
// HTML blocks do not hide a ":::" line (CommonMark would let one run on to
// the next blank line, which no writer means).
func insideOpenCode(pc parser.Context, v *ClientVariant) bool {
	blocks := pc.OpenedBlocks()
	inV := false
	for _, b := range blocks {
		if b.Node == ast.Node(v) {
			inV = true
			continue
		}
		if !inV {
			continue
		}
		switch b.Node.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			return true
		}
	}
	return false
}

func (clientParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}
func (clientParser) CanInterruptParagraph() bool                                { return true }
func (clientParser) CanAcceptIndentedLine() bool                                { return false }

// clientTransformer wraps runs of variants into groups and checks them.
type clientTransformer struct {
	known func(id string) bool
}

func (t clientTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	errs := docOf(pc).errorAt
	var variants []*ClientVariant
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if v, ok := n.(*ClientVariant); ok && entering {
			variants = append(variants, v)
		}
		return ast.WalkContinue, nil
	})
	groupIndex := 0
	for i := 0; i < len(variants); {
		first := variants[i]
		parent := first.Parent()
		g := &ClientGroup{Index: groupIndex, Level: headingLevelBefore(first) + 1}
		groupIndex++
		parent.InsertBefore(parent, first, g)
		seen := map[string]bool{}
		for {
			v := variants[i]
			i++
			next := v.NextSibling()
			_ = next
			g.AppendChild(g, v)
			t.check(v, seen, errs)
			if !v.HasNext || i >= len(variants) || variants[i].Parent() != parent {
				if !v.Closed {
					errs(first.Offset, `end the group with a line holding only ":::"`, "client-language group is not closed")
				}
				break
			}
		}
		continueList(g)
	}
}

// continueList numbers an ordered list that directly follows g on from the
// ordered lists its variants end with.
func continueList(g *ClientGroup) {
	next, ok := g.NextSibling().(*ast.List)
	if !ok || !next.IsOrdered() {
		return
	}
	var starts []string
	first := -1
	for c := g.FirstChild(); c != nil; c = c.NextSibling() {
		v := c.(*ClientVariant)
		last, ok := v.LastChild().(*ast.List)
		if !ok || !last.IsOrdered() {
			return
		}
		n := last.Start + last.ChildCount()
		if first < 0 {
			first = n
		}
		starts = append(starts, v.Client+":"+strconv.Itoa(n))
	}
	if first < 0 {
		return
	}
	next.Start = first
	next.SetAttributeString("data-starts", []byte(strings.Join(starts, " ")))
}

func (t clientTransformer) check(v *ClientVariant, seen map[string]bool, errs func(int, string, string, ...any)) {
	switch {
	case v.Nested:
		errs(v.Offset, "close the outer group with ::: before starting another", "client-language group nested inside another")
	case v.badMarks:
		errs(v.Offset, "write the marker as ::: client <id>, e.g. ::: client python", "client-language marker has no client id")
	case !t.known(v.Client):
		errs(v.Offset, "declare it under [clients] in config.toml or fix the spelling", "unknown client language %q", v.Client)
	case seen[v.Client]:
		errs(v.Offset, "merge the two variants", "client language %q appears twice in one group", v.Client)
	}
	seen[v.Client] = true
	if v.ChildCount() == 0 {
		errs(v.Offset, "write the steps for this client library, or remove the variant", "client-language variant %q is empty", v.Client)
	}
}

// headingLevelBefore returns the level of the last heading before n in
// document order, or 1 when there is none.
func headingLevelBefore(n ast.Node) int {
	for ; n != nil && n.Kind() != ast.KindDocument; n = n.Parent() {
		for s := n.PreviousSibling(); s != nil; s = s.PreviousSibling() {
			if h, ok := s.(*ast.Heading); ok {
				return h.Level
			}
		}
	}
	return 1
}

// clientRenderer writes groups as tab panels. The tab list is hidden until
// the site script shows it; without JavaScript every variant shows, each under
// its own heading.
type clientRenderer struct {
	name  func(id string) string
	label string // accessible name of the tab list
}

func (r clientRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindClientGroup, r.group)
	reg.Register(KindClientVariant, r.variant)
}

func (r clientRenderer) group(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	g := n.(*ClientGroup)
	if !entering {
		w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	}
	var ids []string
	for c := g.FirstChild(); c != nil; c = c.NextSibling() {
		ids = append(ids, c.(*ClientVariant).Client)
	}
	prefix := "client-" + strconv.Itoa(g.Index)
	fmt.Fprintf(w, "<div class=\"clients\" data-clients=\"%s\">\n", util.EscapeHTML([]byte(strings.Join(ids, " "))))
	fmt.Fprintf(w, "<div class=\"client-tabs\" role=\"tablist\" aria-label=\"%s\" hidden>", util.EscapeHTML([]byte(r.label)))
	for i, id := range ids {
		sel := "false"
		tab := "-1"
		if i == 0 {
			sel, tab = "true", "0"
		}
		fmt.Fprintf(w, "<button type=\"button\" role=\"tab\" id=\"%s-tab-%s\" aria-controls=\"%s-%s\" aria-selected=\"%s\" tabindex=\"%s\" data-client=\"%s\">%s</button>",
			prefix, id, prefix, id, sel, tab, id, util.EscapeHTML([]byte(r.name(id))))
	}
	w.WriteString("</div>\n")
	return ast.WalkContinue, nil
}

func (r clientRenderer) variant(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	v := n.(*ClientVariant)
	g, _ := v.Parent().(*ClientGroup)
	if !entering {
		w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	}
	prefix, level := "client", 3
	if g != nil {
		prefix, level = "client-"+strconv.Itoa(g.Index), g.Level
	}
	if level > 6 {
		level = 6
	}
	fmt.Fprintf(w, "<div class=\"client-panel\" id=\"%s-%s\" data-client=\"%s\">\n", prefix, v.Client, v.Client)
	fmt.Fprintf(w, "<h%d class=\"client-heading\">%s</h%d>\n", level, util.EscapeHTML([]byte(r.name(v.Client))), level)
	return ast.WalkContinue, nil
}
