package highlight

import "github.com/alecthomas/chroma/v2"

// JSON scanner states, mirroring chroma's JSON lexer.
const (
	jsonValue = iota
	jsonObject
	jsonAttribute
	jsonArray
)

// scanJSON tokenizes JSON (with // comments, as chroma allows).
func scanJSON(s *scanner) {
	stack := []int{jsonValue}
	for !s.done() {
		top := stack[len(stack)-1]
		c := s.src[s.pos]
		if isSpaceNL(c) {
			s.emit(chroma.Text, s.spaceEndNL(s.pos))
			continue
		}
		if top != jsonObject {
			if t, e := s.jsonSimple(s.pos); e > s.pos {
				s.emit(t, e)
				continue
			}
		}
		if c == '/' && s.peek(1) == '/' {
			if e := s.lineEnd(s.pos); e < len(s.src) {
				s.emit(chroma.CommentSingle, e+1)
				continue
			}
		}
		switch top {
		case jsonObject:
			if c == '"' {
				if e := s.quotedEnd(s.pos, '"', true); e > 0 {
					s.emit(chroma.NameTag, e)
					stack = append(stack, jsonAttribute)
					continue
				}
			}
			if c == '}' {
				s.emit(chroma.Punctuation, s.pos+1)
				stack = stack[:len(stack)-1]
				continue
			}
		case jsonValue, jsonAttribute, jsonArray:
			if c == '{' {
				s.emit(chroma.Punctuation, s.pos+1)
				stack = append(stack, jsonObject)
				continue
			}
			if c == '[' {
				s.emit(chroma.Punctuation, s.pos+1)
				stack = append(stack, jsonArray)
				continue
			}
			switch {
			case top == jsonAttribute && c == ':', top == jsonArray && c == ',':
				s.emit(chroma.Punctuation, s.pos+1)
				continue
			case top == jsonAttribute && c == ',', top == jsonArray && c == ']':
				s.emit(chroma.Punctuation, s.pos+1)
				stack = stack[:len(stack)-1]
				continue
			case top == jsonAttribute && c == '}':
				s.emit(chroma.Punctuation, s.pos+1)
				stack = stack[:max(1, len(stack)-2)]
				continue
			}
		}
		if c == '\n' {
			stack = stack[:1]
			continue
		}
		s.emit(chroma.Error, s.skipRune(s.pos))
	}
}

// jsonSimple matches a constant, number or string at i.
func (s *scanner) jsonSimple(i int) (chroma.TokenType, int) {
	c := s.at(i)
	switch {
	case c == 't' || c == 'f' || c == 'n':
		for _, w := range []string{"true", "false", "null"} {
			if s.hasPrefixAt(i, w) && s.wordBoundary(i+len(w)) {
				return chroma.KeywordConstant, i + len(w)
			}
		}
	case c == '"':
		if e := s.quotedEnd(i, '"', true); e > 0 {
			return chroma.LiteralStringDouble, e
		}
	case c == '-' || isDigit(c):
		j := i
		if c == '-' {
			j++
		}
		switch {
		case s.at(j) == '0':
			j++
		case isDigit(s.at(j)):
			j = s.runEnd(j, isDigit)
		default:
			return 0, i
		}
		exp := func(k int) int {
			if s.at(k)|0x20 != 'e' {
				return k
			}
			m := k + 1
			if s.at(m) == '+' || s.at(m) == '-' {
				m++
			}
			if isDigit(s.at(m)) {
				return s.runEnd(m, isDigit)
			}
			return k
		}
		if s.at(j) == '.' && isDigit(s.at(j+1)) {
			f := s.runEnd(j+1, isDigit)
			if e := exp(f); e > f {
				return chroma.LiteralNumberFloat, e
			}
		}
		if e := exp(j); e > j {
			return chroma.LiteralNumberFloat, e
		}
		if s.at(j) == '.' && isDigit(s.at(j+1)) {
			return chroma.LiteralNumberFloat, s.runEnd(j+1, isDigit)
		}
		return chroma.LiteralNumberInteger, j
	}
	return 0, i
}
