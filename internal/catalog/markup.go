package catalog

import (
	"bytes"
	"html"
	"html/template"
	"strings"

	nethtml "golang.org/x/net/html"
)

// MarkupSuffix marks the messages that may hold inline markup: an id ending
// in "HTML" (e.g. "FooterNoteHTML"). Every other message is plain text.
const MarkupSuffix = "HTML"

// markupTags are the elements a markup message may use, without attributes.
var markupTags = map[string]bool{"b": true, "strong": true, "i": true, "em": true, "code": true, "bdi": true, "br": true}

// IsMarkupTag reports whether a markup message may use the element name.
func IsMarkupTag(name string) bool { return markupTags[strings.ToLower(name)] }

// Markup returns a message as safe HTML. A message whose id ends in
// MarkupSuffix keeps the inline elements b, strong, i, em, code, bdi and br,
// without attributes and balanced; everything else in it is escaped. Any
// other message is escaped whole, as T would be.
func (t *Translator) Markup(id string, kv ...any) template.HTML {
	text := t.localize(id, nil, kv)
	if !strings.HasSuffix(id, MarkupSuffix) {
		return template.HTML(html.EscapeString(text))
	}
	return template.HTML(Sanitize(text))
}

// Sanitize keeps the allowed inline elements of s (see Markup) and escapes
// the rest, closing any element left open.
func Sanitize(s string) string {
	var b strings.Builder
	var open []string
	z := nethtml.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		if tt == nethtml.ErrorToken {
			break
		}
		raw := bytes.Clone(z.Raw()) // Token may reuse the raw bytes
		tok := z.Token()
		name := strings.ToLower(tok.Data)
		switch {
		case tt == nethtml.TextToken:
			b.WriteString(html.EscapeString(tok.Data))
		case (tt == nethtml.StartTagToken || tt == nethtml.SelfClosingTagToken) && markupTags[name]:
			b.WriteString("<" + name + ">")
			if name != "br" && tt == nethtml.StartTagToken {
				open = append(open, name)
			}
		case tt == nethtml.EndTagToken && markupTags[name]:
			// Close it only if it is open, with what was opened inside it.
			for i := len(open) - 1; i >= 0; i-- {
				if open[i] == name {
					for j := len(open) - 1; j >= i; j-- {
						b.WriteString("</" + open[j] + ">")
					}
					open = open[:i]
					break
				}
			}
		default:
			b.WriteString(html.EscapeString(string(raw)))
		}
	}
	for i := len(open) - 1; i >= 0; i-- {
		b.WriteString("</" + open[i] + ">")
	}
	return b.String()
}
