package search

import (
	"bytes"
	stdhtml "html"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Sections splits rendered body HTML at its h2 and h3 headings that have an
// id. Text of the hidden-by-script client headings is left out.
//
// The HTML docgen renders is read by a small scanner (scanSections); a body
// holding anything it does not handle (comments, raw-text elements, NUL
// bytes, an unfinished tag) is read by the HTML tokenizer instead, which
// FuzzSectionsScanner uses as the reference.
func Sections(body []byte) []Section {
	if out, ok := scanSections(body); ok {
		return out
	}
	return tokenizeSections(body)
}

// sectioner turns a body's tags and text into sections.
type sectioner struct {
	out       []Section
	cur       Section
	text      []byte // the section's text so far (reused from section to section)
	heading   strings.Builder
	inHeading bool
	skip      int // depth inside page furniture
}

func (s *sectioner) flush() {
	s.cur.Text = collapse(string(s.text))
	if s.cur.Text != "" || s.cur.Heading != "" {
		s.out = append(s.out, s.cur)
	}
	s.text = s.text[:0]
}

func (s *sectioner) start(a atom.Atom, attrs tagAttrs) {
	switch {
	case s.skip > 0:
		if !void(a) {
			s.skip++
		}
	case chrome(a, attrs):
		s.skip = 1
	case (a == atom.H2 || a == atom.H3) && attrs.id != "":
		s.flush()
		s.cur = Section{Anchor: attrs.id}
		s.inHeading = true
		s.heading.Reset()
	case a == atom.P || a == atom.Li || a == atom.Br || a == atom.Tr || a == atom.Pre || a == atom.Div:
		s.text = append(s.text, ' ')
	}
}

func (s *sectioner) end(a atom.Atom) {
	if s.skip > 0 {
		s.skip--
		return
	}
	if s.inHeading && (a == atom.H2 || a == atom.H3) {
		s.cur.Heading = collapse(s.heading.String())
		s.inHeading = false
	}
	if a == atom.P || a == atom.Li || a == atom.Td || a == atom.Th {
		s.text = append(s.text, ' ')
	}
}

func (s *sectioner) addText(t []byte) {
	switch {
	case s.skip > 0:
	case s.inHeading:
		s.heading.Write(t)
	default:
		s.text = append(s.text, t...)
	}
}

func (s *sectioner) attr(a atom.Atom, attrs *tagAttrs, key, val []byte) {
	switch string(key) {
	case "id":
		if a == atom.H2 || a == atom.H3 {
			attrs.id = string(val)
		}
	case "class":
		attrs.chromeClass = chromeClass(val)
	case "role":
		attrs.tablist = string(val) == "tablist"
	}
}

// tokenizeSections reads body with the HTML tokenizer: any HTML.
func tokenizeSections(body []byte) []Section {
	z := html.NewTokenizer(bytes.NewReader(body))
	var s sectioner
	for {
		switch z.Next() {
		case html.ErrorToken:
			s.flush()
			return s.out
		case html.StartTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			var attrs tagAttrs
			for hasAttr && s.skip == 0 {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				s.attr(a, &attrs, k, v)
			}
			s.start(a, attrs)
		case html.EndTagToken:
			name, _ := z.TagName()
			s.end(atom.Lookup(name))
		case html.TextToken:
			s.addText(z.Text())
		}
	}
}

// scanSections reads the HTML docgen writes: text, start tags, end tags and
// self-closing tags. It reports false, having read nothing of use, when the
// body holds anything else.
func scanSections(body []byte) ([]Section, bool) {
	if bytes.IndexByte(body, 0) >= 0 {
		return nil, false
	}
	var s sectioner
	var name [16]byte
	for i := 0; i < len(body); {
		lt := bytes.IndexByte(body[i:], '<')
		if lt < 0 {
			lt = len(body) - i
		}
		if lt > 0 {
			if !s.scanText(body[i : i+lt]) {
				return nil, false
			}
			i += lt
			continue
		}
		// body[i] is '<'. Highlighted code is mostly spans: their two
		// shapes as the highlighter writes them go straight through.
		if k, ok := s.span(body, i); ok {
			i = k
			continue
		}
		end := i+1 < len(body) && body[i+1] == '/'
		n := i + 1
		if end {
			n++
		}
		if n >= len(body) || !isASCIILetter(body[n]) {
			if end || (n < len(body) && (body[n] == '!' || body[n] == '?')) {
				return nil, false // comments, doctypes, bogus tags
			}
			s.addText(body[i : i+1])
			i++
			continue
		}
		j := n
		for j < len(body) && !isTagSpace(body[j]) && body[j] != '/' && body[j] != '>' {
			j++
		}
		a := atom.Lookup(lower(name[:0], body[n:j]))
		var attrs tagAttrs
		k, ok := s.scanAttrs(body, j, a, &attrs)
		if !ok {
			return nil, false
		}
		switch {
		case end:
			s.end(a)
		case body[k-2] == '/':
			// self-closing: as the tokenizer, nothing
		default:
			if rawText(a) {
				return nil, false
			}
			s.start(a, attrs)
		}
		i = k
	}
	s.flush()
	return s.out, true
}

// span reads the tag at body[i] when it is exactly </span> or
// <span class="…"> (a value without quotes or character references), as
// the general path would read it, and returns the offset past it.
func (s *sectioner) span(body []byte, i int) (int, bool) {
	rest := body[i:]
	if bytes.HasPrefix(rest, []byte("</span>")) {
		s.end(atom.Span)
		return i + len("</span>"), true
	}
	const open = `<span class="`
	if !bytes.HasPrefix(rest, []byte(open)) {
		return 0, false
	}
	q := bytes.IndexByte(rest[len(open):], '"')
	if q < 0 || len(rest) <= len(open)+q+1 || rest[len(open)+q+1] != '>' {
		return 0, false
	}
	class := rest[len(open) : len(open)+q]
	if bytes.IndexByte(class, '&') >= 0 {
		return 0, false
	}
	s.start(atom.Span, tagAttrs{chromeClass: chromeClass(class)})
	return i + len(open) + q + 2, true
}

// scanText adds a run of text, with its character references decoded.
func (s *sectioner) scanText(t []byte) bool {
	if bytes.IndexByte(t, '&') >= 0 {
		if s.skip > 0 {
			return true
		}
		s.addText([]byte(stdhtml.UnescapeString(string(t))))
		return true
	}
	s.addText(t)
	return true
}

// scanAttrs reads a tag's attributes from body[i:] and returns the offset
// just past its '>'. It reports false for what the scanner leaves to the
// tokenizer: an unfinished tag, or an attribute it reads that holds a
// character reference.
func (s *sectioner) scanAttrs(body []byte, i int, a atom.Atom, attrs *tagAttrs) (int, bool) {
	var keyBuf [16]byte
	for {
		for i < len(body) && (isTagSpace(body[i]) || body[i] == '/') {
			i++
		}
		if i >= len(body) {
			return 0, false
		}
		if body[i] == '>' {
			return i + 1, true
		}
		if body[i] == '=' {
			return 0, false
		}
		k := i
		for i < len(body) && !isTagSpace(body[i]) && body[i] != '/' && body[i] != '=' && body[i] != '>' {
			i++
		}
		key := body[k:i]
		for i < len(body) && isTagSpace(body[i]) {
			i++
		}
		var val []byte
		if i < len(body) && body[i] == '=' {
			i++
			for i < len(body) && isTagSpace(body[i]) {
				i++
			}
			if i >= len(body) {
				return 0, false
			}
			if q := body[i]; q == '"' || q == '\'' {
				e := bytes.IndexByte(body[i+1:], q)
				if e < 0 {
					return 0, false
				}
				val = body[i+1 : i+1+e]
				i += e + 2
			} else {
				v := i
				for i < len(body) && !isTagSpace(body[i]) && body[i] != '>' {
					i++
				}
				val = body[v:i]
			}
		}
		key = lower(keyBuf[:0], key)
		if string(key) == "id" || string(key) == "class" || string(key) == "role" {
			if bytes.IndexByte(val, '&') >= 0 {
				return 0, false
			}
			s.attr(a, attrs, key, val)
		}
	}
}

// rawText reports whether an element's content is text the tokenizer
// reads in another mode.
func rawText(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Textarea, atom.Title, atom.Xmp, atom.Iframe,
		atom.Noembed, atom.Noframes, atom.Noscript, atom.Plaintext, atom.Math, atom.Svg:
		return true
	}
	return false
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isTagSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// lower appends b in ASCII lower case to dst.
func lower(dst, b []byte) []byte {
	for _, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// chrome reports whether an element is page furniture rather than the
// guide's text: client-library tab labels and variant headings, callout
// labels, buttons, scripts and styles.
func chrome(a atom.Atom, attrs tagAttrs) bool {
	switch a {
	case atom.Button, atom.Script, atom.Style, atom.Template:
		return true
	}
	return attrs.chromeClass || attrs.tablist
}

// chromeClass reports whether a class attribute names a piece of page
// furniture.
func chromeClass(class []byte) bool {
	for len(class) > 0 {
		i := 0
		for i < len(class) && isTagSpace(class[i]) {
			i++
		}
		j := i
		for j < len(class) && !isTagSpace(class[j]) {
			j++
		}
		switch string(class[i:j]) {
		case "client-tabs", "client-heading", "callout-label":
			return true
		}
		class = class[j:]
	}
	return false
}

// tagAttrs are what Sections needs of a start tag's attributes.
type tagAttrs struct {
	id          string // of an h2 or h3
	chromeClass bool   // a class marks page furniture
	tablist     bool   // role="tablist"
}

// void reports whether an element has no end tag.
func void(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input, atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}
