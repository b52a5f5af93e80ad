package highlight

import (
	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// Markup scanner states, mirroring chroma's XML and HTML lexers.
const (
	mkRoot = iota
	mkComment
	mkTag
	mkAttr
	mkScript // HTML: script content, JavaScript up to </script>
	mkStyle  // HTML: style content, CSS up to </style>
)

// scanXML tokenizes XML.
func scanXML(s *scanner) { s.markup(false) }

// scanHTML tokenizes HTML; script elements are read by the JavaScript
// scanner and style elements by chroma's CSS lexer, as chroma does.
func scanHTML(s *scanner) { s.markup(true) }

func (s *scanner) markup(html bool) {
	stack := []int{mkRoot}
	for !s.done() {
		top := stack[len(stack)-1]
		c := s.src[s.pos]
		switch top {
		case mkRoot:
			if c != '<' && c != '&' {
				e := s.pos
				for e < len(s.src) && s.src[e] != '<' && s.src[e] != '&' {
					e++
				}
				s.emit(chroma.Text, e)
				continue
			}
			if c == '&' {
				if e := s.entityEnd(s.pos); e > 0 {
					s.emit(chroma.NameEntity, e)
					continue
				}
				stack = s.markupNoMatch(stack)
				continue
			}
			if s.hasPrefix("<![CDATA[") {
				if e := s.indexFrom(s.pos+9, "]]>"); e >= 0 {
					s.emit(chroma.CommentPreproc, e+3)
					continue
				}
			}
			if s.hasPrefix("<!--") {
				s.emit(chroma.Comment, s.pos+4)
				stack = append(stack, mkComment)
				continue
			}
			if s.hasPrefix("<?") {
				if e := s.indexFrom(s.pos+2, "?>"); e >= 0 {
					s.emit(chroma.CommentPreproc, e+2)
					continue
				}
			}
			if s.hasPrefix("<!") {
				if e := s.indexByteFrom(s.pos+2, '>'); e >= 0 {
					s.emit(chroma.CommentPreproc, e+1)
					continue
				}
			}
			sp := s.spaceEndNL(s.pos + 1)
			if html {
				if raw := s.rawElement(sp); raw != 0 {
					s.emit(chroma.Punctuation, s.pos+1)
					s.emit(chroma.Text, sp)
					s.emit(chroma.NameTag, s.markupNameEndFixed(sp, raw))
					s.emit(chroma.Text, s.spaceEndNL(s.pos))
					stack = append(stack, raw, mkTag)
					continue
				}
			}
			if e := s.markupNameEnd(sp, html); e > sp {
				if html {
					s.emit(chroma.Punctuation, s.pos+1)
					s.emit(chroma.Text, sp)
					s.emit(chroma.NameTag, e)
				} else {
					s.emit(chroma.NameTag, e)
				}
				stack = append(stack, mkTag)
				continue
			}
			if s.at(sp) == '/' {
				sp2 := s.spaceEndNL(sp + 1)
				if e := s.markupNameEnd(sp2, html); e > sp2 {
					if sp3 := s.spaceEndNL(e); s.at(sp3) == '>' {
						if html {
							s.emit(chroma.Punctuation, s.pos+1)
							s.emit(chroma.Text, sp)
							s.emit(chroma.Punctuation, sp+1)
							s.emit(chroma.Text, sp2)
							s.emit(chroma.NameTag, e)
							s.emit(chroma.Text, sp3)
							s.emit(chroma.Punctuation, sp3+1)
						} else {
							s.emit(chroma.NameTag, sp3+1)
						}
						continue
					}
				}
			}
			stack = s.markupNoMatch(stack)
		case mkComment:
			switch {
			case s.hasPrefix("-->"):
				s.emit(chroma.Comment, s.pos+3)
				stack = stack[:len(stack)-1]
			case c == '-':
				s.emit(chroma.Comment, s.pos+1)
			default:
				e := s.pos
				for e < len(s.src) && s.src[e] != '-' {
					e++
				}
				s.emit(chroma.Comment, e)
			}
		case mkTag:
			if isSpaceNL(c) {
				s.emit(chroma.Text, s.spaceEndNL(s.pos))
				continue
			}
			if e := s.attrNameEnd(s.pos, html); e > s.pos {
				sp := s.spaceEndNL(e)
				if s.at(sp) == '=' {
					if html {
						s.emit(chroma.NameAttribute, sp)
						s.emit(chroma.Operator, sp+1)
						s.emit(chroma.Text, s.spaceEndNL(sp+1))
					} else {
						s.emit(chroma.NameAttribute, sp+1)
					}
					stack = append(stack, mkAttr)
					continue
				}
				if html {
					s.emit(chroma.NameAttribute, e)
					continue
				}
			}
			e := s.pos
			if c == '/' {
				e++
			}
			if sp := s.spaceEndNL(e); s.at(sp) == '>' {
				if html {
					s.emit(chroma.Punctuation, e)
					s.emit(chroma.Text, sp)
					s.emit(chroma.Punctuation, sp+1)
				} else {
					s.emit(chroma.NameTag, sp+1)
				}
				stack = stack[:len(stack)-1]
				continue
			}
			stack = s.markupNoMatch(stack)
		case mkAttr:
			if !html && isSpaceNL(c) {
				s.emit(chroma.Text, s.spaceEndNL(s.pos))
				continue
			}
			if c == '"' || c == '\'' {
				if e := s.indexByteFrom(s.pos+1, c); e >= 0 {
					s.emit(chroma.LiteralString, e+1)
					stack = stack[:len(stack)-1]
					continue
				}
			}
			e := s.pos
			for e < len(s.src) && !isSpaceNL(s.src[e]) && s.src[e] != '>' {
				e++
			}
			if e > s.pos {
				s.emit(chroma.LiteralString, e)
				stack = stack[:len(stack)-1]
				continue
			}
			stack = s.markupNoMatch(stack)
		case mkScript, mkStyle:
			name := "script"
			if top == mkStyle {
				name = "style"
			}
			if end := s.closingTagEnd(s.pos, name); end > 0 {
				s.markupClosing(name)
				stack = stack[:len(stack)-1]
				continue
			}
			// .+?(?=<\s*/\s*name\s*>), read by another lexer.
			found := -1
			for k := s.pos + 1; k < len(s.src); k++ {
				if s.src[k] == '<' && s.closingTagEnd(k, name) > 0 {
					found = k
					break
				}
			}
			if found < 0 {
				stack = s.markupNoMatch(stack)
				continue
			}
			if top == mkScript {
				s.nested(found, scanJavaScript)
			} else {
				s.chromaNested(found, "css")
			}
		}
	}
}

// rawElement returns mkScript or mkStyle when a script or style element's
// name starts at i, or 0.
func (s *scanner) rawElement(i int) int {
	switch {
	case s.hasPrefixFold(i, "script"):
		return mkScript
	case s.hasPrefixFold(i, "style"):
		return mkStyle
	}
	return 0
}

// markupNameEndFixed returns the end of the script or style name at i.
func (s *scanner) markupNameEndFixed(i, raw int) int {
	if raw == mkScript {
		return i + len("script")
	}
	return i + len("style")
}

// markupNoMatch does what chroma does where no rule matches.
func (s *scanner) markupNoMatch(stack []int) []int {
	if s.src[s.pos] == '\n' {
		return stack[:1]
	}
	s.emit(chroma.Error, s.skipRune(s.pos))
	return stack
}

// closingTagEnd matches <\s*/\s*name\s*> at i (name in any case).
func (s *scanner) closingTagEnd(i int, name string) int {
	if s.at(i) != '<' {
		return 0
	}
	j := s.spaceEndNL(i + 1)
	if s.at(j) != '/' {
		return 0
	}
	j = s.spaceEndNL(j + 1)
	if !s.hasPrefixFold(j, name) {
		return 0
	}
	j = s.spaceEndNL(j + len(name))
	if s.at(j) != '>' {
		return 0
	}
	return j + 1
}

// markupClosing emits the closing tag of a script or style element.
func (s *scanner) markupClosing(name string) {
	sp := s.spaceEndNL(s.pos + 1)
	sp2 := s.spaceEndNL(sp + 1)
	sp3 := s.spaceEndNL(sp2 + len(name))
	s.emit(chroma.Punctuation, s.pos+1)
	s.emit(chroma.Text, sp)
	s.emit(chroma.Punctuation, sp+1)
	s.emit(chroma.Text, sp2)
	s.emit(chroma.NameTag, sp2+len(name))
	s.emit(chroma.Text, sp3)
	s.emit(chroma.Punctuation, sp3+1)
}

// hasPrefixFold reports whether the code at i starts with the lower-case
// ASCII word p, in any case.
func (s *scanner) hasPrefixFold(i int, p string) bool {
	if len(s.src)-i < len(p) {
		return false
	}
	for k := 0; k < len(p); k++ {
		c := s.src[i+k]
		if c >= 'A' && c <= 'Z' {
			c += 32
		}
		if c != p[k] {
			return false
		}
	}
	return true
}

// entityEnd matches &\S*?; at i.
func (s *scanner) entityEnd(i int) int {
	for j := i + 1; j < len(s.src) && !isSpaceNL(s.src[j]); j++ {
		if s.src[j] == ';' {
			return j + 1
		}
	}
	return 0
}

// markupNameEnd matches a tag name, [\w:.-]+, at i.
func (s *scanner) markupNameEnd(i int, html bool) int {
	for i < len(s.src) {
		c := s.src[i]
		if c == ':' || c == '.' || c == '-' {
			i++
		} else if e := s.identEnd(i); e > i {
			i = e
		} else {
			break
		}
	}
	return i
}

// attrNameEnd matches an attribute name at i: [\w:-]+ in HTML, [\w.:-]+ in
// XML.
func (s *scanner) attrNameEnd(i int, html bool) int {
	for i < len(s.src) {
		c := s.src[i]
		if c == ':' || c == '-' || c == '.' && !html {
			i++
		} else if e := s.identEnd(i); e > i {
			i = e
		} else {
			break
		}
	}
	return i
}

// nested tokenizes src[pos:end] on its own with scan, as chroma's "using"
// rules do.
func (s *scanner) nested(end int, scan scanFunc) {
	sub := &scanner{src: s.src[s.pos:end]}
	scan(sub)
	if sub.pos < len(sub.src) {
		sub.emit(chroma.Error, len(sub.src))
	}
	base := s.pos
	for _, t := range sub.toks {
		s.emit(t.Type, base+t.End)
	}
}

// chromaNested tokenizes src[pos:end] with chroma's lexer for lang, for the
// languages embedded in HTML that have no scanner here.
func (s *scanner) chromaNested(end int, lang string) {
	text := string(s.src[s.pos:end])
	if l := lexers.Get(lang); l != nil {
		if it, err := l.Tokenise(&chroma.TokeniseOptions{State: "root", Nested: true}, text); err == nil {
			for t := it(); t != chroma.EOF; t = it() {
				s.emit(t.Type, s.pos+len(t.Value))
			}
		}
	}
	s.emit(chroma.Text, end)
}
