package highlight

import "github.com/alecthomas/chroma/v2"

// scanGo tokenizes Go, following chroma's Go lexer (which, among other
// things, types a //comment without a space as a preprocessor comment and
// every name followed by "(" as a function).
func scanGo(s *scanner) {
	for !s.done() {
		c := s.src[s.pos]
		switch {
		case isSpaceNL(c):
			s.emit(chroma.TextWhitespace, s.spaceEndNL(s.pos))
			continue
		case c == '/' && s.peek(1) == '/':
			t := chroma.CommentSingle
			if n := s.peek(2); n != 0 && !isSpaceNL(n) {
				t = chroma.CommentPreproc
			}
			s.emit(t, s.lineEnd(s.pos))
			continue
		case c == '/' && (s.peek(1) == '*' || s.peek(1) == '\\' && s.peek(2) == '\n' && s.peek(3) == '*'):
			if end := s.indexFrom(s.pos+2, "*/"); end >= 0 {
				s.emit(chroma.CommentMultiline, end+2)
				continue
			}
		}
		if s.identStart(s.pos) {
			end := s.identEnd(s.pos)
			w := string(s.src[s.pos:end])
			if t := goWord(w); t != 0 {
				if t == chroma.NameBuiltin {
					if s.at(end) == '(' {
						s.emit(chroma.NameBuiltin, end)
						s.emit(chroma.Punctuation, end+1)
						continue
					}
					if goType(w) {
						s.emit(chroma.KeywordType, end)
						continue
					}
				} else {
					s.emit(t, end)
					continue
				}
			}
			if sp := s.spaceEndNL(end); s.at(sp) == '(' && isASCIIWord(s.src[s.pos:end]) {
				s.emit(chroma.NameFunction, end)
				s.emit(chroma.TextWhitespace, sp)
				s.emit(chroma.Punctuation, sp+1)
				continue
			}
			s.emit(chroma.NameOther, end)
			continue
		}
		if t, end := s.goNumber(s.pos); end > s.pos {
			s.emit(t, end)
			continue
		}
		switch c {
		case '\'':
			if end := s.goCharEnd(s.pos); end > 0 {
				s.emit(chroma.LiteralStringChar, end)
				continue
			}
		case '`':
			if end := s.indexByteFrom(s.pos+1, '`'); end >= 0 {
				s.emit(chroma.LiteralString, end+1)
				continue
			}
		case '"':
			if end := s.quotedEnd(s.pos, '"', true); end > 0 {
				s.emit(chroma.LiteralString, end)
				continue
			}
		}
		if end := s.operatorEnd(goOperators); end > s.pos {
			s.emit(chroma.Operator, end)
			continue
		}
		switch c {
		case '+', '-', '*', '/', '%', '&':
			s.emit(chroma.Operator, s.pos+1)
			continue
		case '|', '^', '<', '>', '=', '!', '(', ')', '[', ']', '{', '}', '.', ',', ';', ':', '~':
			s.emit(chroma.Punctuation, s.pos+1)
			continue
		}
		s.emit(chroma.Error, s.skipRune(s.pos))
	}
}

var goOperators = []string{"<<=", ">>=", "&^=", "...", "<<", ">>", "<=", ">=", "&^", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "&&", "||", "<-", "++", "--", "==", "!=", ":="}

// operatorEnd returns the end of the first of ops found at pos, or pos.
func (s *scanner) operatorEnd(ops []string) int {
	for _, op := range ops {
		if s.hasPrefix(op) {
			return s.pos + len(op)
		}
	}
	return s.pos
}

func isASCIIWord(b []byte) bool {
	if len(b) == 0 || isDigit(b[0]) {
		return false
	}
	for _, c := range b {
		if !isWordByte(c) {
			return false
		}
	}
	return true
}

// indexFrom returns the index of sub at or after i, or -1.
func (s *scanner) indexFrom(i int, sub string) int {
	for ; i+len(sub) <= len(s.src); i++ {
		if string(s.src[i:i+len(sub)]) == sub {
			return i
		}
	}
	return -1
}

// indexByteFrom returns the index of c at or after i, or -1.
func (s *scanner) indexByteFrom(i int, c byte) int {
	for ; i < len(s.src); i++ {
		if s.src[i] == c {
			return i
		}
	}
	return -1
}

// quotedEnd matches q(\\\\|\\q|[^q])*q at i: a string that may span lines
// when multiline is set. Like the backtracking regexp, an unclosed string
// still matches up to its last escaped quote, read then as the closing one.
func (s *scanner) quotedEnd(i int, q byte, multiline bool) int {
	lastEscaped := 0
	for j := i + 1; j < len(s.src); j++ {
		switch s.src[j] {
		case '\\':
			if c := s.at(j + 1); c == '\\' || c == q {
				if c == q {
					lastEscaped = j + 2
				}
				j++
			}
		case q:
			return j + 1
		case '\n':
			if !multiline {
				return lastEscaped
			}
		}
	}
	return lastEscaped
}

func (s *scanner) goCharEnd(i int) int {
	j := i + 1
	if s.at(j) == '\\' {
		switch c := s.at(j + 1); {
		case c == '\'' || c == '"' || c == '\\' || c == 'a' || c == 'b' || c == 'f' || c == 'n' || c == 'r' || c == 't' || c == 'v':
			j += 2
		case c == 'x' && isHex(s.at(j+2)) && isHex(s.at(j+3)):
			j += 4
		case c >= '0' && c <= '7':
			j += 2
			for k := 0; k < 2 && s.at(j) >= '0' && s.at(j) <= '7'; k++ {
				j++
			}
		case c == 'u' || c == 'U':
			n := 4
			if c == 'U' {
				n = 8
			}
			for k := 0; k < n; k++ {
				if !isHex(s.at(j + 2 + k)) {
					return 0
				}
			}
			j += 2 + n
		default:
			return 0
		}
	} else {
		if j >= len(s.src) {
			return 0
		}
		j = s.skipRune(j)
	}
	if s.at(j) != '\'' {
		return 0
	}
	return j + 1
}

// goNumber follows chroma's Go number rules in order.
func (s *scanner) goNumber(i int) (chroma.TokenType, int) {
	c := s.at(i)
	if !isDigit(c) && !(c == '.' && isDigit(s.at(i+1))) {
		return 0, i
	}
	digits := func(j int) int {
		for isDigit(s.at(j)) {
			j++
		}
		return j
	}
	exp := func(j int, signRequired bool) int {
		if s.at(j)|0x20 != 'e' {
			return j
		}
		k := j + 1
		if s.at(k) == '+' || s.at(k) == '-' {
			k++
		} else if signRequired {
			return j
		}
		if e := digits(k); e > k {
			return e
		}
		return j
	}
	if isDigit(c) {
		d := digits(i)
		if s.at(d) == 'i' {
			return chroma.LiteralNumber, d + 1
		}
		if s.at(d) == '.' {
			f := exp(digits(d+1), true)
			if s.at(f) == 'i' {
				return chroma.LiteralNumber, f + 1
			}
		}
		if e := exp(d, true); e > d && s.at(e) == 'i' {
			return chroma.LiteralNumber, e + 1
		}
		// \d+(\.\d+[eE][+\-]?\d+|\.\d*|[eE][+\-]?\d+)
		if s.at(d) == '.' {
			if f := digits(d + 1); f > d+1 {
				if e := exp(f, false); e > f {
					return chroma.LiteralNumberFloat, e
				}
			}
			return chroma.LiteralNumberFloat, digits(d + 1)
		}
		if e := exp(d, false); e > d {
			return chroma.LiteralNumberFloat, e
		}
	} else {
		f := exp(digits(i+1), true)
		if s.at(f) == 'i' {
			return chroma.LiteralNumber, f + 1
		}
		return chroma.LiteralNumberFloat, exp(digits(i+1), false)
	}
	if c == '0' {
		if e := s.digitsEnd(i+1, func(b byte) bool { return b >= '0' && b <= '7' }, false); e > i+1 {
			return chroma.LiteralNumberOct, e
		}
		if n := s.at(i + 1); n == 'x' || n == 'X' {
			if e := s.runEnd(i+2, func(b byte) bool { return isHex(b) || b == '_' }); e > i+2 {
				return chroma.LiteralNumberHex, e
			}
		}
		if s.at(i+1) == 'b' {
			if e := s.runEnd(i+2, func(b byte) bool { return b == '0' || b == '1' || b == '_' }); e > i+2 {
				return chroma.LiteralNumberBin, e
			}
		}
		return chroma.LiteralNumberInteger, i + 1
	}
	return chroma.LiteralNumberInteger, s.runEnd(i, func(b byte) bool { return isDigit(b) || b == '_' })
}

// runEnd returns the end of a run of bytes accepted by ok from i.
func (s *scanner) runEnd(i int, ok func(byte) bool) int {
	for i < len(s.src) && ok(s.src[i]) {
		i++
	}
	return i
}

// goWord returns the type of a Go keyword, or NameBuiltin for a builtin
// function or type (the caller decides between the two), or 0.
func goWord(w string) chroma.TokenType {
	switch w {
	case "import", "package":
		return chroma.KeywordNamespace
	case "var", "func", "struct", "map", "chan", "type", "interface", "const":
		return chroma.KeywordDeclaration
	case "break", "default", "select", "case", "defer", "go", "else", "goto", "switch", "fallthrough", "if", "range", "continue", "for", "return":
		return chroma.Keyword
	case "true", "false", "iota", "nil":
		return chroma.KeywordConstant
	case "uint", "uint8", "uint16", "uint32", "uint64", "int", "int8", "int16", "int32", "int64", "float", "float32", "float64", "complex64", "complex128", "byte", "rune", "string", "bool", "error", "uintptr", "print", "println", "panic", "recover", "close", "complex", "real", "imag", "len", "cap", "append", "copy", "delete", "new", "make", "clear", "min", "max", "any":
		return chroma.NameBuiltin
	}
	return 0
}

func goType(w string) bool {
	switch w {
	case "uint", "uint8", "uint16", "uint32", "uint64", "int", "int8", "int16", "int32", "int64", "float", "float32", "float64", "complex64", "complex128", "byte", "rune", "string", "bool", "error", "uintptr", "any":
		return true
	}
	return false
}
