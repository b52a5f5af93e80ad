package highlight

import "github.com/alecthomas/chroma/v2"

// scanSQL tokenizes SQL, following chroma's (case-insensitive) SQL lexer.
func scanSQL(s *scanner) {
	commentDepth := 0
	for !s.done() {
		c := s.src[s.pos]
		if commentDepth > 0 {
			switch {
			case c == '/' && s.peek(1) == '*':
				s.emit(chroma.CommentMultiline, s.pos+2)
				commentDepth++
			case c == '*' && s.peek(1) == '/':
				s.emit(chroma.CommentMultiline, s.pos+2)
				commentDepth--
			default:
				s.emit(chroma.CommentMultiline, s.pos+1)
			}
			continue
		}
		switch {
		case isSpaceNL(c):
			s.emit(chroma.TextWhitespace, s.spaceEndNL(s.pos))
			continue
		case c == '-' && s.peek(1) == '-':
			e := s.lineEnd(s.pos)
			if e < len(s.src) {
				e++
			}
			s.emit(chroma.CommentSingle, e)
			continue
		case c == '/' && s.peek(1) == '*':
			s.emit(chroma.CommentMultiline, s.pos+2)
			commentDepth++
			continue
		case c == '\'' || c == '"':
			// Quotes double to escape; an unclosed string runs to the end.
			t := chroma.LiteralStringSingle
			if c == '"' {
				t = chroma.LiteralStringDouble
			}
			e := s.pos + 1
			for e < len(s.src) {
				if s.src[e] == c {
					if s.at(e+1) == c {
						e += 2
						continue
					}
					e++
					break
				}
				e++
			}
			s.emit(t, e)
			continue
		}
		if s.identEnd(s.pos) > s.pos && !isDigit(c) {
			end := s.identEnd(s.pos)
			w := upperASCII(s.src[s.pos:end])
			if w == "END" && s.at(end) == '-' && s.identEnd(end+1) == end+5 && upperASCII(s.src[end+1:end+5]) == "EXEC" {
				s.emit(chroma.Keyword, end+5)
				continue
			}
			if t := sqlWord(w); t != 0 {
				s.emit(t, end)
				continue
			}
		}
		switch c {
		case '+', '*', '/', '<', '>', '=', '~', '!', '@', '#', '%', '^', '&', '|', '`', '?', '-':
			s.emit(chroma.Operator, s.pos+1)
			continue
		case ';', ':', '(', ')', '[', ']', ',', '.':
			s.emit(chroma.Punctuation, s.pos+1)
			continue
		}
		if isDigit(c) {
			s.emit(chroma.LiteralNumberInteger, s.runEnd(s.pos, isDigit))
			continue
		}
		if isLetter(c) || c == '_' {
			e := s.pos
			for {
				e = s.identEnd(e)
				if s.at(e) != '$' {
					break
				}
				e++
			}
			s.emit(chroma.Name, e)
			continue
		}
		s.emit(chroma.Error, s.skipRune(s.pos))
	}
}

// upperASCII returns b with ASCII letters upper-cased.
func upperASCII(b []byte) string {
	out := make([]byte, len(b))
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			c -= 32
		}
		out[i] = c
	}
	return string(out)
}
