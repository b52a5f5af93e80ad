package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// CalloutKinds are the kinds of callout, in the order labels are documented.
var CalloutKinds = []string{"note", "tip", "key-point", "important", "warning", "caution"}

// KindCallout is the node kind of a Callout.
var KindCallout = ast.NewNodeKind("Callout")

// Callout is a highlighted aside: DevSite's "| **Note:** ..." lines or a
// GitHub alert ("> [!NOTE]"). Its children are the callout's Markdown.
type Callout struct {
	ast.BaseBlock
	Variant string // one of CalloutKinds
}

// Kind implements ast.Node.
func (n *Callout) Kind() ast.NodeKind { return KindCallout }

// Dump implements ast.Node.
func (n *Callout) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Variant": n.Variant}, nil)
}

// devsiteLabels maps DevSite's bold labels to callout kinds.
var devsiteLabels = map[string]string{
	"note": "note", "tip": "tip", "key point": "key-point", "key term": "key-point",
	"important": "important", "warning": "warning", "caution": "caution", "success": "tip",
}

// githubAlerts maps GitHub alert markers to callout kinds.
var githubAlerts = map[string]string{
	"[!NOTE]": "note", "[!TIP]": "tip", "[!IMPORTANT]": "important", "[!WARNING]": "warning", "[!CAUTION]": "caution",
}

// calloutParser parses DevSite callouts: consecutive lines starting with "|".
// A line that looks like a table row (it also ends with "|", or the next line
// is a delimiter row) is left to the table extension.
type calloutParser struct{}

func (calloutParser) Trigger() []byte { return []byte{'|'} }

func (p calloutParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	w, pos := util.IndentWidth(line, reader.LineOffset())
	if w > 3 || pos >= len(line) || line[pos] != '|' {
		return nil, parser.NoChildren
	}
	if looksLikeTableRow(line[pos:]) || nextIsDelimiterRow(reader) {
		return nil, parser.NoChildren
	}
	p.advance(reader)
	c := &Callout{Variant: "note"}
	return c, parser.HasChildren
}

func (p calloutParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, _ := reader.PeekLine()
	w, pos := util.IndentWidth(line, reader.LineOffset())
	if w > 3 || pos >= len(line) || line[pos] != '|' || looksLikeTableRow(line[pos:]) {
		return parser.Close
	}
	p.advance(reader)
	return parser.Continue | parser.HasChildren
}

func (calloutParser) advance(reader text.Reader) {
	line, _ := reader.PeekLine()
	_, pos := util.IndentWidth(line, reader.LineOffset())
	pos++
	if pos < len(line) && (line[pos] == ' ' || line[pos] == '\t') {
		pos++
	}
	reader.Advance(pos)
}

func (calloutParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}
func (calloutParser) CanInterruptParagraph() bool                                { return true }
func (calloutParser) CanAcceptIndentedLine() bool                                { return false }

func looksLikeTableRow(line []byte) bool {
	t := bytes.TrimSpace(line)
	return len(t) > 1 && t[len(t)-1] == '|'
}

func nextIsDelimiterRow(reader text.Reader) bool {
	// Read ahead in the source rather than moving the reader.
	_, seg := reader.PeekLine()
	src := reader.Source()
	start := seg.Stop
	if start > len(src) {
		return false
	}
	next := src[start:]
	if nl := bytes.IndexByte(next, '\n'); nl >= 0 {
		next = next[:nl]
	}
	t := bytes.TrimSpace(next)
	if len(t) == 0 || !bytes.ContainsRune(t, '-') {
		return false
	}
	for _, c := range t {
		if c != '|' && c != '-' && c != ':' && c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// calloutTransformer gives DevSite callouts their kind from a leading bold
// label and turns GitHub alert block quotes into callouts.
type calloutTransformer struct{}

func (calloutTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var quotes []*ast.Blockquote
	var callouts []*Callout
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Blockquote:
			quotes = append(quotes, n)
		case *Callout:
			callouts = append(callouts, n)
		}
		return ast.WalkContinue, nil
	})
	for _, c := range callouts {
		labelDevsite(c, src)
	}
	for _, q := range quotes {
		alertFromQuote(q, src)
	}
}

// labelDevsite reads "**Key Point:**" at the start of a callout's first
// paragraph, sets the kind and removes the label from the text.
func labelDevsite(c *Callout, src []byte) {
	para, ok := c.FirstChild().(*ast.Paragraph)
	if !ok {
		return
	}
	strong, ok := para.FirstChild().(*ast.Emphasis)
	if !ok || strong.Level != 2 {
		return
	}
	label := strings.TrimSpace(plainText(strong, src))
	if !strings.HasSuffix(label, ":") {
		return
	}
	kind, ok := devsiteLabels[strings.ToLower(strings.TrimSuffix(label, ":"))]
	if !ok {
		return
	}
	c.Variant = kind
	para.RemoveChild(para, strong)
	if t, ok := para.FirstChild().(*ast.Text); ok {
		seg := t.Segment
		for seg.Start < seg.Stop && (src[seg.Start] == ' ' || src[seg.Start] == '\t') {
			seg.Start++
		}
		t.Segment = seg
	}
}

// alertFromQuote replaces a block quote whose first line is "[!NOTE]" (or
// another GitHub alert marker) with a Callout holding the rest.
func alertFromQuote(q *ast.Blockquote, src []byte) {
	para, ok := q.FirstChild().(*ast.Paragraph)
	if !ok || para.Lines().Len() == 0 {
		return
	}
	first := para.Lines().At(0)
	kind, ok := githubAlerts[strings.ToUpper(strings.TrimSpace(string(first.Value(src))))]
	if !ok {
		return
	}
	// Drop the inline nodes of the marker line and the line break after it.
	for n := para.FirstChild(); n != nil; {
		next := n.NextSibling()
		t, isText := n.(*ast.Text)
		if isText && t.Segment.Start >= first.Stop {
			break
		}
		para.RemoveChild(para, n)
		if isText && (t.SoftLineBreak() || t.HardLineBreak()) {
			break
		}
		n = next
	}
	c := &Callout{Variant: kind}
	if para.ChildCount() == 0 {
		q.RemoveChild(q, para)
	}
	for n := q.FirstChild(); n != nil; {
		next := n.NextSibling()
		c.AppendChild(c, n)
		n = next
	}
	q.Parent().ReplaceChild(q.Parent(), q, c)
}

// calloutRenderer writes a callout as an <aside> with its localized label.
type calloutRenderer struct {
	label func(kind string) string
}

func (r calloutRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindCallout, r.render)
}

func (r calloutRenderer) render(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	c := n.(*Callout)
	if entering {
		label := r.label(c.Variant)
		w.WriteString(`<aside class="callout callout-` + c.Variant + `" role="note">` + "\n<p class=\"callout-label\">")
		w.Write(util.EscapeHTML([]byte(label)))
		w.WriteString("</p>\n")
	} else {
		w.WriteString("</aside>\n")
	}
	return ast.WalkContinue, nil
}
