package highlight

import "github.com/alecthomas/chroma/v2"

// scanProtobuf tokenizes Protocol Buffers definitions, following chroma's
// lexer.
func scanProtobuf(s *scanner) {
	for !s.done() {
		c := s.src[s.pos]
		switch {
		case isSpaceNL(c):
			s.emit(chroma.Text, s.spaceEndNL(s.pos))
			continue
		case c == ',' || c == ';' || c == '{' || c == '}' || c == '[' || c == ']' || c == '(' || c == ')' || c == '<' || c == '>':
			s.emit(chroma.Punctuation, s.pos+1)
			continue
		case c == '/' && s.peek(1) == '/':
			// To the first newline not escaped by a backslash.
			e := s.pos + 2
			for e < len(s.src) && !(s.src[e] == '\n' && (e == s.pos+2 || s.src[e-1] != '\\')) {
				e++
			}
			if e < len(s.src) {
				s.emit(chroma.CommentSingle, e+1)
				continue
			}
		case c == '/' && s.peek(1) == '*':
			if e := s.indexFrom(s.pos+2, "*/"); e >= 0 {
				s.emit(chroma.CommentMultiline, e+2)
				continue
			}
		case c == '"' || c == '\'':
			if e := s.indexByteFrom(s.pos+1, c); e >= 0 && s.lineEnd(s.pos) > e {
				s.emit(chroma.LiteralString, e+1)
				continue
			}
		}
		if s.identStartASCII(s.pos) {
			end := s.identEnd(s.pos)
			w := string(s.src[s.pos:end])
			if t := protoWord(w); t != 0 && (s.wordBoundaryBefore(s.pos) || t == chroma.KeywordType || t == chroma.KeywordConstant) {
				s.emit(t, end)
				continue
			}
			var next chroma.TokenType
			switch w {
			case "package":
				next = chroma.NameNamespace
			case "message", "extend":
				next = chroma.NameClass
			case "enum", "group", "oneof", "rpc", "service":
				next = chroma.Name
			case "import":
				s.emit(chroma.KeywordNamespace, end)
				continue
			}
			if sp := s.spaceEndNL(end); next != 0 && sp > end {
				t := chroma.KeywordDeclaration
				if next == chroma.NameNamespace {
					t = chroma.KeywordNamespace
				}
				s.emit(t, end)
				s.emit(chroma.Text, sp)
				if s.identStartASCII(s.pos) {
					e := s.identEnd(s.pos)
					if next != chroma.Name {
						e = s.protoDottedEnd(s.pos)
					}
					s.emit(next, e)
				}
				continue
			}
		}
		if t, e := s.protoNumber(s.pos); e > s.pos {
			s.emit(t, e)
			continue
		}
		if c >= '+' && c <= '=' {
			s.emit(chroma.Operator, s.pos+1)
			continue
		}
		if s.identStartASCII(s.pos) {
			e := s.protoDottedEnd(s.pos)
			sp := s.spaceEnd(e)
			if s.at(sp) == '=' {
				s.emit(chroma.Name, e)
				s.emit(chroma.Text, sp)
				s.emit(chroma.Operator, sp+1)
				continue
			}
			s.emit(chroma.Name, e)
			continue
		}
		s.emit(chroma.Error, s.skipRune(s.pos))
	}
}

// protoDottedEnd matches [\w.]* from i.
func (s *scanner) protoDottedEnd(i int) int {
	for i < len(s.src) {
		if s.src[i] == '.' {
			i++
		} else if e := s.identEnd(i); e > i {
			i = e
		} else {
			break
		}
	}
	return i
}

// protoNumber follows chroma's Protocol Buffers number rules.
func (s *scanner) protoNumber(i int) (chroma.TokenType, int) {
	c := s.at(i)
	suffix := func(j int) int {
		return s.runEnd(j, func(b byte) bool { return b == 'L' || b == 'l' || b == 'U' || b == 'u' })
	}
	if c == '-' || c == 'i' || c == 'n' {
		j := i
		if c == '-' {
			j++
		}
		if (s.hasPrefixAt(j, "inf") || s.hasPrefixAt(j, "nan")) && s.wordBoundary(j+3) {
			return chroma.LiteralNumberFloat, j + 3
		}
		return 0, i
	}
	if !isDigit(c) && !(c == '.' && isDigit(s.at(i+1))) {
		return 0, i
	}
	// (\d+\.\d*|\.\d+|\d+) then an exponent: a float.
	mant := s.runEnd(i, isDigit)
	if s.at(mant) == '.' && (mant > i || isDigit(s.at(mant+1))) {
		mant = s.runEnd(mant+1, isDigit)
	}
	if s.at(mant)|0x20 == 'e' {
		k := mant + 1
		if s.at(k) == '+' || s.at(k) == '-' {
			k++
		}
		if isDigit(s.at(k)) {
			return chroma.LiteralNumberFloat, suffix(s.runEnd(k, isDigit))
		}
	}
	// (\d+\.\d*|\.\d+|\d+[fF])[fF]?
	d := s.runEnd(i, isDigit)
	switch {
	case s.at(d) == '.' && (d > i || isDigit(s.at(d+1))):
		e := s.runEnd(d+1, isDigit)
		if s.at(e)|0x20 == 'f' {
			e++
		}
		return chroma.LiteralNumberFloat, e
	case d > i && s.at(d)|0x20 == 'f':
		e := d + 1
		if s.at(e)|0x20 == 'f' {
			e++
		}
		return chroma.LiteralNumberFloat, e
	}
	if c == '0' && s.at(i+1) == 'x' && isHex(s.at(i+2)) {
		return chroma.LiteralNumberHex, suffix(s.runEnd(i+2, isHex))
	}
	if c == '0' && s.at(i+1) >= '0' && s.at(i+1) <= '7' {
		return chroma.LiteralNumberOct, suffix(s.runEnd(i+1, func(b byte) bool { return b >= '0' && b <= '7' }))
	}
	return chroma.LiteralNumberInteger, suffix(d)
}

func protoWord(w string) chroma.TokenType {
	switch w {
	case "ctype", "default", "edition", "export", "local", "max", "option", "optional", "packed", "public", "repeated", "required", "reserved", "returns", "stream", "syntax", "to", "weak":
		return chroma.Keyword
	case "extensions", "map":
		return chroma.KeywordDeclaration
	case "sfixed32", "sfixed64", "fixed32", "fixed64", "sint32", "sint64", "double", "string", "uint32", "uint64", "int32", "float", "int64", "bytes", "bool":
		return chroma.KeywordType
	case "true", "false":
		return chroma.KeywordConstant
	}
	return 0
}
