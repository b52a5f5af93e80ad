package highlight

import (
	"github.com/alecthomas/chroma/v2"
)

// appendHTML writes toks the way chroma's HTML formatter does with classes
// and PreventSurroundingPre: each token escaped and wrapped in a span with its
// class unless the class is empty, a token that holds newlines split after
// each of them (the formatter works line by line).
func appendHTML(dst, src []byte, toks []token) []byte {
	var classes classCache
	start := 0
	for _, t := range toks {
		text := src[start:t.End]
		start = t.End
		class := classes.get(t.Type)
		for len(text) > 0 {
			n := indexNL(text) + 1
			if n == 0 {
				n = len(text)
			}
			dst = appendSpan(dst, class, text[:n])
			text = text[n:]
		}
	}
	return dst
}

func indexNL(b []byte) int {
	for i, c := range b {
		if c == '\n' {
			return i
		}
	}
	return -1
}

func appendSpan(dst []byte, class string, text []byte) []byte {
	if class == "" {
		return appendEscaped(dst, text)
	}
	dst = append(dst, `<span class="`...)
	dst = append(dst, class...)
	dst = append(dst, `">`...)
	dst = appendEscaped(dst, text)
	return append(dst, "</span>"...)
}

// appendEscaped escapes as html.EscapeString does.
func appendEscaped(dst, text []byte) []byte {
	last := 0
	for i, c := range text {
		var esc string
		switch c {
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '&':
			esc = "&amp;"
		case '\'':
			esc = "&#39;"
		case '"':
			esc = "&#34;"
		default:
			continue
		}
		dst = append(dst, text[last:i]...)
		dst = append(dst, esc...)
		last = i + 1
	}
	return append(dst, text[last:]...)
}

// classCache remembers the classes of the few token types one block uses,
// sparing a map lookup per token.
type classCache struct {
	n       int
	types   [24]chroma.TokenType
	classes [24]string
}

func (c *classCache) get(t chroma.TokenType) string {
	for i := 0; i < c.n; i++ {
		if c.types[i] == t {
			return c.classes[i]
		}
	}
	cls := classOf(t)
	if c.n < len(c.types) {
		c.types[c.n], c.classes[c.n] = t, cls
		c.n++
	}
	return cls
}

// classOf returns chroma's CSS class for a token type: its own, or its
// nearest parent's.
func classOf(t chroma.TokenType) string {
	for t != 0 {
		if cls, ok := chroma.StandardTypes[t]; ok {
			return cls
		}
		t = t.Parent()
	}
	return chroma.StandardTypes[t]
}
