package highlight

import "github.com/alecthomas/chroma/v2"

// TypeScript scanner states beyond the JavaScript ones: chroma's
// TypeScript lexer also reads JSX, so "<" before a word opens a tag.
const (
	tsCode = iota
	tsTag
	tsAttr
	tsExpr // {...} in an attribute: code until the matching brace
	tsComment
)

// scanTypeScript tokenizes TypeScript (and TSX), following chroma's lexer.
func scanTypeScript(s *scanner) {
	st := &jsState{ts: true}
	stack := []int{tsCode}
	for !s.done() {
		top := stack[len(stack)-1]
		c := s.src[s.pos]
		switch top {
		case tsComment:
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
			continue
		case tsAttr:
			stack = stack[:len(stack)-1]
			switch c {
			case '{':
				s.emit(chroma.Punctuation, s.pos+1)
				stack = append(stack, tsExpr)
			case '"', '\'':
				if e := s.indexByteFrom(s.pos+1, c); e >= 0 {
					s.emit(chroma.LiteralString, e+1)
				}
			}
			continue
		case tsTag:
			if s.tsJSX(&stack) {
				continue
			}
			switch {
			case c == ',':
				s.emit(chroma.Punctuation, s.pos+1)
				continue
			case c == '"' || c == '\'':
				if e := s.quotedEnd(s.pos, c, true); e > 0 {
					t := chroma.LiteralStringDouble
					if c == '\'' {
						t = chroma.LiteralStringSingle
					}
					s.emit(t, e)
					continue
				}
			case c == '`':
				s.emit(chroma.LiteralStringBacktick, s.pos+1)
				s.jsTemplate(st)
				continue
			}
			if s.tsCommentOrSpace(&stack) {
				continue
			}
			if e := s.tsAttrNameEnd(s.pos); e > s.pos && s.at(e) == '=' {
				s.emit(chroma.NameAttribute, e)
				s.emit(chroma.Operator, e+1)
				s.emit(chroma.Text, s.spaceEndNL(e+1))
				stack = append(stack, tsAttr)
				continue
			}
			switch {
			case c == '{' || c == '}':
				e := s.runEnd(s.pos, func(b byte) bool { return b == '{' || b == '}' })
				s.emit(chroma.Punctuation, e)
				continue
			case isWordByte(c) || c == '.' || c >= 0x80 && s.identEnd(s.pos) > s.pos:
				s.emit(chroma.NameAttribute, s.tsWordDotEnd(s.pos))
				continue
			}
			e := s.pos
			if c == '/' {
				e++
			}
			sp := s.spaceEndNL(e)
			if s.at(sp) == '>' {
				s.emit(chroma.Punctuation, e)
				s.emit(chroma.Text, sp)
				s.emit(chroma.Punctuation, sp+1)
				stack = stack[:len(stack)-1]
				continue
			}
			stack = s.tsNoMatch(stack)
			continue
		case tsExpr:
			if c == '{' {
				s.emit(chroma.Punctuation, s.pos+1)
				stack = append(stack, tsExpr)
				continue
			}
			if c == '}' {
				s.emit(chroma.Punctuation, s.pos+1)
				stack = stack[:len(stack)-1]
				continue
			}
		}
		stack = s.tsRoot(st, stack)
	}
}

// tsNoMatch marks one character as an error, or returns to the root state
// at a newline, as chroma does where no rule matches.
func (s *scanner) tsNoMatch(stack []int) []int {
	if s.src[s.pos] == '\n' {
		return stack[:1]
	}
	s.emit(chroma.Error, s.skipRune(s.pos))
	return stack
}

// tsJSX applies chroma's "jsx" rules at pos.
func (s *scanner) tsJSX(stack *[]int) bool {
	if s.src[s.pos] != '<' {
		return false
	}
	i := s.pos + 1
	slash := s.at(i) == '/'
	if slash {
		i++
	}
	if s.at(i) == '>' {
		s.emit(chroma.Punctuation, i+1)
		return true
	}
	if !slash {
		if e := s.tsWordDotEnd(i); e > i {
			s.emit(chroma.Punctuation, i)
			s.emit(chroma.NameTag, e)
			*stack = append(*stack, tsTag)
			return true
		}
		return false
	}
	e := s.tsWordDotEnd(i)
	if s.at(e) == '>' {
		s.emit(chroma.Punctuation, i)
		s.emit(chroma.NameTag, e)
		s.emit(chroma.Punctuation, e+1)
		return true
	}
	return false
}

// tsWordDotEnd matches [\w\.]* at i.
func (s *scanner) tsWordDotEnd(i int) int {
	for i < len(s.src) {
		if s.src[i] == '.' {
			i++
		} else if e := s.identEnd(i); e > i {
			i = e
		} else {
			return i
		}
	}
	return i
}

// tsAttrNameEnd matches [\w-]+\s* at i.
func (s *scanner) tsAttrNameEnd(i int) int {
	j := i
	for j < len(s.src) {
		if s.src[j] == '-' {
			j++
		} else if e := s.identEnd(j); e > j {
			j = e
		} else {
			break
		}
	}
	if j == i {
		return i
	}
	return s.spaceEndNL(j)
}

// tsCommentOrSpace applies chroma's "commentsandwhitespace" rules.
func (s *scanner) tsCommentOrSpace(stack *[]int) bool {
	c := s.src[s.pos]
	switch {
	case isSpaceNL(c):
		s.emit(chroma.Text, s.spaceEndNL(s.pos))
		return true
	case s.hasPrefix("<!--"):
		s.emit(chroma.Comment, s.pos+4)
		*stack = append(*stack, tsComment)
		return true
	case c == '/' && s.peek(1) == '/':
		if e := s.lineEnd(s.pos); e < len(s.src) {
			s.emit(chroma.CommentSingle, e+1)
			return true
		}
	case c == '/' && s.peek(1) == '*':
		if e := s.indexFrom(s.pos+2, "*/"); e >= 0 {
			s.emit(chroma.CommentMultiline, e+2)
			return true
		}
	}
	return false
}

// tsRoot reads one token in chroma's TypeScript "root" state.
func (s *scanner) tsRoot(st *jsState, stack []int) []int {
	c := s.src[s.pos]
	if st.badRegex {
		if c == '\n' {
			s.emit(chroma.Text, s.pos+1)
			st.badRegex = false
			return stack
		}
		return s.tsNoMatch(stack)
	}
	if st.templates > 0 && c == '}' {
		s.emit(chroma.LiteralStringInterpol, s.pos+1)
		st.templates--
		s.jsTemplate(st)
		return stack
	}
	if !st.regexOK && s.tsJSX(&stack) {
		return stack
	}
	if (s.pos == 0 || s.src[s.pos-1] == '\n') && (isSpaceNL(c) || c == '/' || s.hasPrefix("<!--")) {
		st.regexOK = true
	}
	if s.tsCommentOrSpace(&stack) {
		return stack
	}
	if st.regexOK {
		st.regexOK = false
		if c == '/' {
			if e := s.jsRegexEnd(s.pos, true); e > 0 {
				s.emit(chroma.LiteralStringRegex, e)
				return stack
			}
			st.badRegex = true
			return stack
		}
		if s.tsJSX(&stack) {
			return stack
		}
	}
	// Unlike JavaScript's, these rules have no "..." or "=>" of their own.
	if e := s.jsOperatorEnd(s.pos); e > s.pos {
		s.emit(chroma.Operator, e)
		st.regexOK = true
		return stack
	}
	switch c {
	case '{', '(', '[', ';', ',':
		s.emit(chroma.Punctuation, s.pos+1)
		st.regexOK = true
		return stack
	case '}', ')', ']', '.':
		s.emit(chroma.Punctuation, s.pos+1)
		return stack
	}
	if isWordByte(c) || c == '$' || c >= 0x80 {
		wEnd := s.identEnd(s.pos)
		w := string(s.src[s.pos:wEnd])
		if wEnd > s.pos && s.wordBoundary(wEnd) && !isDigit(c) {
			t := chroma.TokenType(0)
			switch {
			case tsKeyword(w):
				t = chroma.Keyword
				st.regexOK = true
			case w == "var" || w == "let" || w == "with" || w == "function":
				t = chroma.KeywordDeclaration
				st.regexOK = true
			case tsReserved(w):
				t = chroma.KeywordReserved
			case jsConstant(w):
				t = chroma.KeywordConstant
			case tsBuiltin(w):
				t = chroma.NameBuiltin
			}
			if t != 0 {
				s.emit(t, wEnd)
				return stack
			}
			if w == "module" {
				if sp := s.spaceEndNL(wEnd); sp > wEnd && s.at(sp) == '"' {
					k := sp + 1
					for k < len(s.src) && (isWordByte(s.src[k]) || s.src[k] == '.' || s.src[k] == '/' || s.src[k] == '@') {
						k++
					}
					if k > sp+1 && s.at(k) == '"' {
						if sp2 := s.spaceEndNL(k + 1); sp2 > k+1 {
							s.emit(chroma.KeywordReserved, wEnd)
							s.emit(chroma.Text, sp)
							s.emit(chroma.NameOther, k+1)
							s.emit(chroma.Text, sp2)
							st.regexOK = true
							return stack
						}
					}
				}
			}
			if tsType(w) && s.wordBoundaryBefore(s.pos) {
				s.emit(chroma.KeywordType, wEnd)
				return stack
			}
			if (w == "constructor" || w == "declare" || w == "interface" || w == "as") && s.wordBoundaryBefore(s.pos) {
				s.emit(chroma.KeywordReserved, wEnd)
				return stack
			}
		}
		// name() {
		if s.identStartASCII(s.pos) || c == '$' {
			e := s.tsNameEnd(s.pos)
			if s.hasPrefixAt(e, "() {") {
				s.emit(chroma.NameOther, e+4)
				st.regexOK = true
				return stack
			}
		}
		// name: type
		if e := s.tsNameEnd(s.pos); e > s.pos {
			if sp := s.spaceEndNL(e); s.at(sp) == ':' {
				sp2 := s.spaceEndNL(sp + 1)
				if e2 := s.tsNameEnd(sp2); e2 > sp2 {
					s.emit(chroma.NameOther, e)
					s.emit(chroma.Text, sp2)
					s.emit(chroma.KeywordType, e2)
					return stack
				}
			}
		}
		if s.identStartASCII(s.pos) || c == '$' {
			s.emit(chroma.NameOther, s.identEnd(s.pos+1))
			return stack
		}
		if isDigit(c) {
			d := s.runEnd(s.pos, isDigit)
			if s.at(d) == '.' && isDigit(s.at(d+1)) {
				e := s.runEnd(d+1, isDigit)
				if s.at(e)|0x20 == 'e' && isDigit(s.at(e+1)) {
					e = s.runEnd(e+1, isDigit)
				}
				if s.at(e) == 'f' || s.at(e) == 'd' {
					e++
				}
				s.emit(chroma.LiteralNumberFloat, e)
				return stack
			}
			if c == '0' && s.at(s.pos+1) == 'x' && isHex(s.at(s.pos+2)) {
				s.emit(chroma.LiteralNumberHex, s.runEnd(s.pos+2, isHex))
				return stack
			}
			s.emit(chroma.LiteralNumberInteger, d)
			return stack
		}
	}
	switch c {
	case '"', '\'':
		if e := s.quotedEnd(s.pos, c, true); e > 0 {
			t := chroma.LiteralStringDouble
			if c == '\'' {
				t = chroma.LiteralStringSingle
			}
			s.emit(t, e)
			return stack
		}
	case '`':
		s.emit(chroma.LiteralStringBacktick, s.pos+1)
		s.jsTemplate(st)
		return stack
	case '@':
		if e := s.identEnd(s.pos + 1); e > s.pos+1 {
			s.emit(chroma.KeywordDeclaration, e)
			return stack
		}
	}
	return s.tsNoMatch(stack)
}

// wordBoundaryBefore reports whether no word character precedes i.
func (s *scanner) wordBoundaryBefore(i int) bool {
	return i == 0 || !isWordByte(s.src[i-1])
}

// tsNameEnd matches [\w?.$][\w?.$]* at i.
func (s *scanner) tsNameEnd(i int) int {
	j := i
	for j < len(s.src) {
		c := s.src[j]
		if c == '?' || c == '.' || c == '$' {
			j++
		} else if e := s.identEnd(j); e > j {
			j = e
		} else {
			break
		}
	}
	return j
}

func tsKeyword(w string) bool {
	switch w {
	case "for", "in", "of", "while", "do", "break", "return", "yield", "continue", "switch", "case", "default", "if", "else", "throw", "try", "catch", "finally", "new", "delete", "typeof", "instanceof", "keyof", "asserts", "is", "infer", "await", "void", "this":
		return true
	}
	return false
}

func tsReserved(w string) bool {
	switch w {
	case "abstract", "async", "boolean", "class", "const", "debugger", "enum", "export", "extends", "from", "get", "global", "goto", "implements", "import", "interface", "namespace", "package", "private", "protected", "public", "readonly", "require", "set", "static", "super", "type", "using":
		return true
	}
	return false
}

func tsBuiltin(w string) bool {
	switch w {
	case "Array", "Boolean", "Date", "Error", "Function", "Math", "Number", "Object", "Packages", "RegExp", "String", "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent", "eval", "isFinite", "isNaN", "parseFloat", "parseInt", "document", "window":
		return true
	}
	return false
}

func tsType(w string) bool {
	switch w {
	case "string", "bool", "number", "any", "never", "object", "symbol", "unique", "unknown", "bigint":
		return true
	}
	return false
}
