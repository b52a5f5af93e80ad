package highlight

import "github.com/alecthomas/chroma/v2"

// scanJava tokenizes Java, following chroma's Java lexer.
func scanJava(s *scanner) { s.java(len(s.src)) }

// java scans up to limit; the function-declaration rule lexes the words
// before a method name with the same rules, through a nested call.
func (s *scanner) java(limit int) {
	full := s.src
	s.src = s.src[:limit]
	defer func() { s.src = full }()
	for !s.done() {
		c := s.src[s.pos]
		lineStart := s.pos == 0 || s.src[s.pos-1] == '\n'
		switch {
		case c == '\n':
			s.emit(chroma.TextWhitespace, s.pos+1)
			continue
		case isSpaceNL(c):
			s.emit(chroma.TextWhitespace, s.spaceEnd(s.pos))
			continue
		case c == '/' && s.peek(1) == '/':
			if e := s.lineEnd(s.pos); e < len(s.src) {
				s.emit(chroma.CommentSingle, e)
				s.emit(chroma.TextWhitespace, e+1)
				continue
			}
		case c == '/' && s.peek(1) == '*':
			if e := s.indexFrom(s.pos+2, "*/"); e >= 0 {
				s.emit(chroma.CommentMultiline, e+2)
				continue
			}
		}
		if s.javaIdentStart(s.pos) {
			end := s.javaIdentEnd(s.pos)
			w := string(s.src[s.pos:end])
			if javaKeyword(w) && end == s.identEnd(s.pos) {
				s.emit(chroma.Keyword, end)
				continue
			}
			if prefix, name, paren := s.javaFunction(s.pos); paren > 0 {
				s.java(prefix)
				s.src = full[:limit]
				s.emit(chroma.NameFunction, name)
				s.emit(chroma.TextWhitespace, paren)
				s.emit(chroma.Punctuation, paren+1)
				continue
			}
		}
		if c == '@' && s.javaIdentStart(s.pos+1) {
			e := s.pos + 1
			for e < len(s.src) && (s.identEnd(e) > e || s.src[e] == '.') {
				e = max(s.identEnd(e), e+1)
				if s.src[e-1] == '.' {
					continue
				}
			}
			s.emit(chroma.NameDecorator, e)
			continue
		}
		if s.identStart(s.pos) {
			end := s.identEnd(s.pos)
			w := string(s.src[s.pos:end])
			switch {
			case javaDeclaration(w):
				s.emit(chroma.KeywordDeclaration, end)
				continue
			case javaType(w):
				s.emit(chroma.KeywordType, end)
				continue
			case w == "package" && s.spaceEndNL(end) > end:
				s.emit(chroma.KeywordNamespace, end)
				s.emit(chroma.TextWhitespace, s.spaceEndNL(end))
				s.javaImportName()
				continue
			case w == "true" || w == "false" || w == "null":
				s.emit(chroma.KeywordConstant, end)
				continue
			case w == "class" || w == "interface" || w == "module":
				s.emit(chroma.KeywordDeclaration, end)
				if sp := s.spaceEndNL(s.pos); s.javaIdentStart(sp) {
					s.emit(chroma.Text, sp)
					s.emit(chroma.NameClass, s.javaIdentEnd(sp))
				}
				continue
			case w == "var" && s.spaceEndNL(end) > end:
				s.emit(chroma.KeywordDeclaration, end)
				s.emit(chroma.TextWhitespace, s.spaceEndNL(end))
				if s.javaIdentStart(s.pos) {
					s.emit(chroma.Name, s.javaIdentEnd(s.pos))
				}
				continue
			case w == "import":
				e := end
				if sp := s.spaceEndNL(end); sp > end {
					if we := s.identEnd(sp); we > sp {
						if n := string(s.src[sp:we]); (n == "static" || n == "module") && s.spaceEndNL(we) > we {
							e = we
						}
					}
				}
				if sp := s.spaceEndNL(e); sp > e {
					s.emit(chroma.KeywordNamespace, e)
					s.emit(chroma.TextWhitespace, sp)
					s.javaImportName()
					continue
				}
			}
		}
		switch c {
		case '"':
			if s.hasPrefix("\"\"\"\n") {
				s.emit(chroma.LiteralString, s.pos+4)
				s.javaString(true)
				continue
			}
			s.emit(chroma.LiteralString, s.pos+1)
			s.javaString(false)
			continue
		case '\'':
			if e := s.javaCharEnd(s.pos); e > 0 {
				s.emit(chroma.LiteralStringChar, e)
				continue
			}
		case '.':
			if s.javaIdentStart(s.pos + 1) {
				s.emit(chroma.Punctuation, s.pos+1)
				s.emit(chroma.NameAttribute, s.javaIdentEnd(s.pos))
				continue
			}
		}
		if lineStart {
			sp := s.spaceEndNL(s.pos)
			if s.javaIdentStart(sp) {
				e := s.javaIdentEnd(sp)
				if s.at(e) == ':' {
					t := chroma.NameLabel
					if string(s.src[sp:e]) == "default" {
						t = chroma.Keyword
					}
					s.emit(chroma.TextWhitespace, sp)
					s.emit(t, e)
					s.emit(chroma.Punctuation, e+1)
					continue
				}
			}
		}
		if s.javaIdentStart(s.pos) {
			s.emit(chroma.Name, s.javaIdentEnd(s.pos))
			continue
		}
		switch c {
		case '~', '^', '*', '!', '%', '&', '[', ']', '<', '>', '|', '+', '=', '/', '?', '-':
			s.emit(chroma.Operator, s.pos+1)
		case '{', '}', '(', ')', ';', ':', '.', ',':
			s.emit(chroma.Punctuation, s.pos+1)
		default:
			s.emit(chroma.Error, s.skipRune(s.pos))
		}
	}
}

// javaImportName reads the [\w.]+\*? after package or import; characters
// that do not match are errors, and the state stays until a name or the end
// of the line.
func (s *scanner) javaImportName() {
	for !s.done() && s.src[s.pos] != '\n' {
		e := s.pos
		for e < len(s.src) && (s.identEnd(e) > e || s.src[e] == '.') {
			e = max(s.identEnd(e), e+1)
		}
		if e > s.pos && s.at(e) == '*' {
			e++
		}
		if e > s.pos {
			s.emit(chroma.NameNamespace, e)
			return
		}
		s.emit(chroma.Error, s.skipRune(s.pos))
	}
}

// javaString reads the rest of a string after its opening quote(s).
func (s *scanner) javaString(block bool) {
	for !s.done() {
		if block && s.hasPrefix(`"""`) {
			s.emit(chroma.LiteralString, s.pos+3)
			return
		}
		c := s.src[s.pos]
		switch {
		case c == '\\' && (s.peek(1) == '\\' || s.peek(1) == '"'):
			s.emit(chroma.LiteralString, s.pos+2)
		case c == '"' && !block:
			s.emit(chroma.LiteralString, s.pos+1)
			return
		default:
			s.emit(chroma.LiteralString, s.pos+1)
		}
	}
}

// javaIdentStart reports whether chroma's (?:[^\W\d]|\$) matches at i: the
// regexp engine chroma uses lets [^\W\d] match digits too, so chroma's Java
// lexer reads numbers as names, and we do the same.
func (s *scanner) javaIdentStart(i int) bool {
	return s.at(i) == '$' || s.identStart(i) || isDigit(s.at(i))
}

// javaIdentEnd matches [\w$]* from i.
func (s *scanner) javaIdentEnd(i int) int {
	for {
		e := s.identEnd(i)
		if s.at(e) != '$' {
			return e
		}
		i = e + 1
	}
}

// javaFunction matches chroma's method declaration rule at i:
// ((?:(?:[^\W\d]|\$)[\w.\[\]$<>?]*\s+)+?)((?:[^\W\d]|\$)[\w$]*)(\s*)(\()
// and returns the end of the words before the name, of the name, and of the
// space before the parenthesis.
func (s *scanner) javaFunction(i int) (prefix, name, paren int) {
	j := i
	for s.javaIdentStart(j) {
		k := j
		for k < len(s.src) {
			if e := s.javaIdentEnd(k); e > k {
				k = e
				continue
			}
			if c := s.src[k]; c == '.' || c == '[' || c == ']' || c == '<' || c == '>' || c == '?' {
				k++
				continue
			}
			break
		}
		sp := s.spaceEndNL(k)
		if sp == k {
			return 0, 0, 0
		}
		if s.javaIdentStart(sp) {
			n := s.javaIdentEnd(sp)
			if p := s.spaceEndNL(n); s.at(p) == '(' {
				return sp, n, p
			}
		}
		j = sp
	}
	return 0, 0, 0
}

func (s *scanner) javaCharEnd(i int) int {
	switch {
	case s.at(i+1) == '\\' && s.at(i+2) == 'u' && isHex(s.at(i+3)) && isHex(s.at(i+4)) && isHex(s.at(i+5)) && isHex(s.at(i+6)) && s.at(i+7) == '\'':
		if s.at(i+3) != '\'' {
			return i + 8
		}
	case s.at(i+1) == '\\' && i+2 < len(s.src):
		if e := s.skipRune(i + 2); s.at(e) == '\'' {
			return e + 1
		}
	case i+1 < len(s.src):
		if e := s.skipRune(i + 1); s.at(e) == '\'' {
			return e + 1
		}
	}
	return 0
}

func javaKeyword(w string) bool {
	switch w {
	case "assert", "break", "case", "catch", "continue", "default", "do", "else", "finally", "for", "if", "goto", "instanceof", "new", "return", "switch", "this", "throw", "try", "while":
		return true
	}
	return false
}

func javaDeclaration(w string) bool {
	switch w {
	case "abstract", "const", "enum", "exports", "extends", "final", "implements", "native", "non-sealed", "open", "opens", "permits", "private", "protected", "provides", "public", "requires", "sealed", "static", "strictfp", "super", "synchronized", "throws", "to", "transient", "transitive", "uses", "volatile", "with", "yield":
		return true
	}
	return false
}

func javaType(w string) bool {
	switch w {
	case "boolean", "byte", "char", "double", "float", "int", "long", "short", "void":
		return true
	}
	return false
}
