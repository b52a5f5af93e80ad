package highlight

import (
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
)

// jsState is the scanner state chroma's JavaScript and TypeScript lexers
// keep: whether a slash may start a regular expression, whether the rest of
// the line is a bad regular expression, and the open template literals.
type jsState struct {
	regexOK  bool
	badRegex bool
	// templates counts the open ${...} of template literals: the first }
	// closes one.
	templates int
	// ts selects TypeScript's variants of the rules.
	ts bool
}

// scanJavaScript tokenizes JavaScript, following chroma's lexer.
func scanJavaScript(s *scanner) {
	st := &jsState{}
	for !s.done() {
		s.jsStep(st)
	}
}

// jsStep reads one token.
func (s *scanner) jsStep(st *jsState) {
	c := s.src[s.pos]
	if st.badRegex {
		if c == '\n' {
			s.emit(chroma.Text, s.pos+1)
			st.badRegex = false
			return
		}
		s.emit(chroma.Error, s.skipRune(s.pos))
		return
	}
	if s.pos == 0 && s.hasPrefix("#!") {
		i := 2
		if s.peek(2) == ' ' {
			i++
		}
		if s.peek(i) == '/' {
			if e := s.lineEnd(s.pos); e < len(s.src) {
				s.emit(chroma.CommentHashbang, e+1)
				return
			}
		}
	}
	if (s.pos == 0 || s.src[s.pos-1] == '\n') && (isSpaceNL(c) || c == '/' || s.hasPrefix("<!--")) {
		st.regexOK = true
	}
	// Comments and white space keep the regular-expression state.
	switch {
	case isSpaceNL(c):
		s.emit(chroma.Text, s.spaceEndNL(s.pos))
		return
	case s.hasPrefix("<!--"):
		s.emit(chroma.Comment, s.pos+4)
		return
	case c == '/' && s.peek(1) == '/':
		if e := s.lineEnd(s.pos); e < len(s.src) {
			s.emit(chroma.CommentSingle, e+1)
			return
		}
	case c == '/' && s.peek(1) == '*':
		if e := s.indexFrom(s.pos+2, "*/"); e >= 0 {
			s.emit(chroma.CommentMultiline, e+2)
			return
		}
	}
	if st.regexOK {
		st.regexOK = false
		if c == '/' {
			if e := s.jsRegexEnd(s.pos, st.ts); e > 0 {
				s.emit(chroma.LiteralStringRegex, e)
				return
			}
			st.badRegex = true
			return
		}
	}
	if st.templates > 0 && c == '}' {
		s.emit(chroma.LiteralStringInterpol, s.pos+1)
		st.templates--
		s.jsTemplate(st)
		return
	}
	if t, e := s.jsNumber(s.pos); e > s.pos {
		s.emit(t, e)
		return
	}
	if s.hasPrefix("...") {
		s.emit(chroma.Punctuation, s.pos+3)
		return
	}
	if s.hasPrefix("=>") {
		s.emit(chroma.Punctuation, s.pos+2)
		return
	}
	if e := s.jsOperatorEnd(s.pos); e > s.pos {
		s.emit(chroma.Operator, e)
		st.regexOK = true
		return
	}
	switch c {
	case '{', '(', '[', ';', ',':
		s.emit(chroma.Punctuation, s.pos+1)
		st.regexOK = true
		return
	case '}', ')', ']', '.':
		s.emit(chroma.Punctuation, s.pos+1)
		return
	case '"', '\'':
		if e := s.quotedEnd(s.pos, c, true); e > 0 {
			t := chroma.LiteralStringDouble
			if c == '\'' {
				t = chroma.LiteralStringSingle
			}
			s.emit(t, e)
			return
		}
	case '`':
		s.emit(chroma.LiteralStringBacktick, s.pos+1)
		s.jsTemplate(st)
		return
	}
	if e := s.jsIdentEnd(s.pos); e > s.pos {
		w := string(s.src[s.pos:s.identEnd(s.pos)])
		t := chroma.NameOther
		if s.wordBoundary(s.pos + len(w)) {
			switch {
			case jsKeyword(w):
				t = chroma.Keyword
				st.regexOK = true
			case w == "var" || w == "let" || w == "with" || w == "function":
				t = chroma.KeywordDeclaration
				st.regexOK = true
			case jsReserved(w):
				t = chroma.KeywordReserved
			case jsConstant(w):
				t = chroma.KeywordConstant
			case jsBuiltin(w):
				t = chroma.NameBuiltin
			}
		}
		if t != chroma.NameOther {
			e = s.pos + len(w)
		}
		s.emit(t, e)
		return
	}
	s.emit(chroma.Error, s.skipRune(s.pos))
}

// jsTemplate reads a template literal's text up to its end or to a ${.
func (s *scanner) jsTemplate(st *jsState) {
	for !s.done() {
		c := s.src[s.pos]
		switch {
		case c == '`':
			s.emit(chroma.LiteralStringBacktick, s.pos+1)
			return
		case c == '\\' && (s.peek(1) == '\\' || s.peek(1) == '`'):
			s.emit(chroma.LiteralStringBacktick, s.pos+2)
		case c == '\\' && !st.ts && s.pos+1 < len(s.src):
			s.emit(chroma.LiteralStringBacktick, s.skipRune(s.pos+1))
		case c == '$' && s.peek(1) == '{':
			s.emit(chroma.LiteralStringInterpol, s.pos+2)
			st.templates++
			return
		case c == '\\':
			// TypeScript: no rule for other escapes.
			s.emit(chroma.Error, s.pos+1)
		case c == '$':
			s.emit(chroma.LiteralStringBacktick, s.pos+1)
		default:
			e := s.pos
			for e < len(s.src) && s.src[e] != '`' && s.src[e] != '\\' && s.src[e] != '$' {
				e++
			}
			s.emit(chroma.LiteralStringBacktick, e)
		}
	}
}

// jsIdentEnd matches chroma's JavaScript identifier: a letter, digit, $ or _
// then letters, digits or $ (not _), \uXXXX escapes allowed anywhere.
func (s *scanner) jsIdentEnd(i int) int {
	first := true
	for i < len(s.src) {
		c := s.src[i]
		switch {
		case c == '$' || isLetter(c) || isDigit(c) || c == '_' && first:
			i++
		case c == '\\' && s.at(i+1) == 'u' && isHex(s.at(i+2)) && isHex(s.at(i+3)) && isHex(s.at(i+4)) && isHex(s.at(i+5)):
			i += 6
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRune(s.src[i:])
			if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
				return i
			}
			i += n
		default:
			return i
		}
		first = false
	}
	return i
}

// jsRegexEnd matches /(\\.|[^[/\\\n]|\[(\\.|[^\]\\\n])*])+/([gimuy]+\b|\B)
// at i (TypeScript allows only the flags gim).
func (s *scanner) jsRegexEnd(i int, ts bool) int {
	j := i + 1
	n := 0
	for {
		c := s.at(j)
		if j >= len(s.src) || c == '\n' {
			return 0
		}
		if c == '/' {
			break
		}
		switch c {
		case '\\':
			if j+1 >= len(s.src) {
				return 0
			}
			j = s.skipRune(j + 1)
		case '[':
			k := j + 1
			for k < len(s.src) && s.src[k] != ']' && s.src[k] != '\n' {
				if s.src[k] == '\\' {
					k++
				}
				k++
			}
			if s.at(k) != ']' {
				return 0
			}
			j = k + 1
		default:
			j = s.skipRune(j)
		}
		n++
	}
	if n == 0 {
		return 0
	}
	j++
	f := j
	for isJSFlag(s.at(f), ts) {
		f++
	}
	if f > j && s.wordBoundary(f) {
		return f
	}
	if s.wordBoundary(j) {
		return j
	}
	return 0
}

func isJSFlag(c byte, ts bool) bool {
	switch c {
	case 'g', 'i', 'm':
		return true
	case 'u', 'y':
		return !ts
	}
	return false
}

// jsOperatorEnd matches chroma's JavaScript operator rule at i.
func (s *scanner) jsOperatorEnd(i int) int {
	switch c := s.at(i); c {
	case '+', '-':
		if s.at(i+1) == c {
			return i + 2
		}
	case '~', '?', ':':
		return i + 1
	case '&', '|':
		if s.at(i+1) == c {
			return i + 2
		}
	case '\\':
		if s.at(i+1) == '\n' {
			return i + 1
		}
		return i
	}
	j := i
	switch c := s.at(i); c {
	case '<', '>':
		if s.at(i+1) == c {
			j = i + 2
			if c == '>' && s.at(j) == '>' {
				j++
			}
		} else {
			j = i + 1
		}
	case '=', '!':
		j = i + 1
		if s.at(j) == '=' {
			j++
		}
	case '-', '+', '*', '%', '&', '|', '^', '/':
		j = i + 1
	default:
		return i
	}
	if s.at(j) == '=' {
		j++
	}
	return j
}

// jsNumber follows chroma's JavaScript number rules.
func (s *scanner) jsNumber(i int) (chroma.TokenType, int) {
	if !isDigit(s.at(i)) {
		return 0, i
	}
	d := s.runEnd(i, isDigit)
	if s.at(d) == '.' {
		return chroma.LiteralNumberFloat, s.runEnd(d+1, isDigit)
	}
	if s.at(d)|0x20 == 'e' {
		k := d + 1
		if s.at(k) == '+' || s.at(k) == '-' {
			k++
		}
		if isDigit(s.at(k)) {
			return chroma.LiteralNumberFloat, s.runEnd(k, isDigit)
		}
	}
	if s.at(i) == '0' {
		switch s.at(i+1) | 0x20 {
		case 'b':
			if e := s.runEnd(i+2, func(b byte) bool { return b == '0' || b == '1' }); e > i+2 {
				return chroma.LiteralNumberBin, e
			}
		case 'o':
			if e := s.runEnd(i+2, func(b byte) bool { return b >= '0' && b <= '7' }); e > i+2 {
				return chroma.LiteralNumberOct, e
			}
		case 'x':
			if e := s.runEnd(i+2, isHex); e > i+2 {
				return chroma.LiteralNumberHex, e
			}
		}
	}
	return chroma.LiteralNumberInteger, s.runEnd(i, func(b byte) bool { return isDigit(b) || b == '_' })
}

func jsKeyword(w string) bool {
	switch w {
	case "for", "in", "while", "do", "break", "return", "continue", "switch", "case", "default", "if", "else", "throw", "try", "catch", "finally", "new", "delete", "typeof", "instanceof", "void", "yield", "this", "of":
		return true
	}
	return false
}

func jsReserved(w string) bool {
	switch w {
	case "abstract", "async", "await", "boolean", "byte", "char", "class", "const", "debugger", "double", "enum", "export", "extends", "final", "float", "goto", "implements", "import", "int", "interface", "long", "native", "package", "private", "protected", "public", "short", "static", "super", "synchronized", "throws", "transient", "using", "volatile":
		return true
	}
	return false
}

func jsConstant(w string) bool {
	switch w {
	case "true", "false", "null", "NaN", "Infinity", "undefined":
		return true
	}
	return false
}

func jsBuiltin(w string) bool {
	switch w {
	case "Array", "Boolean", "Date", "Error", "Function", "Math", "netscape", "Number", "Object", "Packages", "RegExp", "String", "Promise", "Proxy", "sun", "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent", "eval", "isFinite", "isNaN", "isSafeInteger", "parseFloat", "parseInt", "document", "window":
		return true
	}
	return false
}
