package highlight

import "github.com/alecthomas/chroma/v2"

// scanCSharp tokenizes C#, following chroma's C# lexer (which types every
// operator as punctuation).
func scanCSharp(s *scanner) {
	for !s.done() {
		c := s.src[s.pos]
		if s.pos == 0 || s.src[s.pos-1] == '\n' {
			// An attribute line: ^\s*\[.*?\]
			if sp := s.spaceEndNL(s.pos); s.at(sp) == '[' {
				if e := s.indexByteFrom(sp, ']'); e >= 0 {
					s.emit(chroma.NameAttribute, e+1)
					continue
				}
			}
		}
		switch {
		case isSpace(c):
			s.emit(chroma.Text, s.spaceEnd(s.pos))
			continue
		case c == '\\' && s.peek(1) == '\n':
			s.emit(chroma.Text, s.pos+2)
			continue
		case c == '/' && s.peek(1) == '/':
			t := chroma.CommentSingle
			if s.peek(2) == '/' {
				t = chroma.CommentSpecial
			}
			s.emit(t, s.lineEnd(s.pos))
			continue
		case c == '/' && s.peek(1) == '*':
			if e := s.indexFrom(s.pos+2, "*/"); e >= 0 {
				s.emit(chroma.CommentMultiline, e+2)
				continue
			}
		case c == '\n':
			s.emit(chroma.Text, s.pos+1)
			continue
		}
		switch c {
		case '~', '!', '%', '^', '&', '*', '(', ')', '+', '=', '|', '[', ']', ':', ';', ',', '.', '<', '>', '/', '?', '-', '{', '}':
			s.emit(chroma.Punctuation, s.pos+1)
			continue
		case '@', '$':
			i := s.pos + 1
			if c == '$' && s.at(i) == '@' {
				i++
			}
			if s.at(i) == '"' && (c == '$' || c == '@') {
				if e := s.verbatimEnd(i); e > 0 {
					s.emit(chroma.LiteralString, e)
					continue
				}
			}
		case '"':
			if e := s.csStringEnd(s.pos); e > 0 {
				s.emit(chroma.LiteralString, e)
				continue
			}
		case '\'':
			if s.peek(1) == '\\' && s.pos+2 < len(s.src) {
				if e := s.skipRune(s.pos + 2); s.at(e) == '\'' {
					s.emit(chroma.LiteralStringChar, e+1)
					continue
				}
			} else if s.pos+1 < len(s.src) {
				if e := s.skipRune(s.pos + 1); s.at(e) == '\'' {
					s.emit(chroma.LiteralStringChar, e+1)
					continue
				}
			}
		case '#':
			sp := s.spaceEnd(s.pos + 1)
			if e := s.identEnd(sp); e > sp && csDirective(string(s.src[sp:e])) {
				s.emit(chroma.CommentPreproc, e)
				continue
			}
		}
		if isDigit(c) {
			s.emit(chroma.LiteralNumber, s.csNumberEnd(s.pos))
			continue
		}
		if isLetter(c) || c == '_' || c == '@' && s.identStartASCII(s.pos+1) {
			start := s.pos
			if c == '@' {
				start++
			}
			end := s.identEnd(start)
			w := string(s.src[s.pos:end])
			if w == "extern" {
				if sp := s.spaceEndNL(end); sp > end && s.hasPrefixAt(sp, "alias") && s.wordBoundary(sp+5) {
					s.emit(chroma.Keyword, end)
					s.emit(chroma.Text, sp)
					s.emit(chroma.Keyword, sp+5)
					continue
				}
			}
			switch {
			case csKeyword(w):
				s.emit(chroma.Keyword, end)
			case w == "global" && s.hasPrefixAt(end, "::"):
				s.emit(chroma.Keyword, end)
				s.emit(chroma.Punctuation, end+2)
			case csDeclaration(w):
				s.emit(chroma.KeywordDeclaration, end)
			case csType(w):
				if s.at(end) == '?' {
					end++
				}
				s.emit(chroma.KeywordType, end)
			case w == "true" || w == "false" || w == "null":
				s.emit(chroma.KeywordConstant, end)
			case (w == "class" || w == "struct" || w == "record" || w == "interface") && s.spaceEndNL(end) > end:
				s.emit(chroma.Keyword, end)
				s.emit(chroma.Text, s.spaceEndNL(end))
				if s.at(s.pos) == '@' || s.identStartASCII(s.pos) {
					e := s.pos
					if s.at(e) == '@' {
						e++
					}
					if s.identStartASCII(e) {
						s.emit(chroma.NameClass, s.identEnd(e))
					}
				}
			case (w == "namespace" || w == "using") && s.spaceEndNL(end) > end:
				s.emit(chroma.Keyword, end)
				s.emit(chroma.Text, s.spaceEndNL(end))
				s.csNamespace()
			default:
				s.emit(chroma.Name, end)
			}
			continue
		}
		s.emit(chroma.Error, s.skipRune(s.pos))
	}
}

// csNamespace reads the name after namespace or using.
func (s *scanner) csNamespace() {
	if s.at(s.pos) == '(' {
		return
	}
	e := s.pos
	for {
		if s.at(e) == '.' {
			e++
			continue
		}
		i := e
		if s.at(i) == '@' {
			i++
		}
		if s.identStartASCII(i) {
			e = s.identEnd(i)
			continue
		}
		break
	}
	if e > s.pos {
		s.emit(chroma.NameNamespace, e)
	} else if !s.done() && s.src[s.pos] != '\n' {
		s.emit(chroma.Error, s.skipRune(s.pos))
	}
}

// verbatimEnd matches "(""|[^"])*" at i.
func (s *scanner) verbatimEnd(i int) int {
	for j := i + 1; j < len(s.src); j++ {
		if s.src[j] == '"' {
			if s.at(j+1) == '"' {
				j++
				continue
			}
			return j + 1
		}
	}
	return 0
}

// csStringEnd matches "(\\\\|\\"|[^"\n])*["\n] at i.
func (s *scanner) csStringEnd(i int) int {
	for j := i + 1; j < len(s.src); j++ {
		switch s.src[j] {
		case '\\':
			if c := s.at(j + 1); c == '\\' || c == '"' {
				j++
			}
		case '"', '\n':
			return j + 1
		}
	}
	return 0
}

// csNumberEnd matches \d[_\d]*(\.\d*)?([eE][+-]?\d+)?[flFLdD]? or a hex
// literal at i.
func (s *scanner) csNumberEnd(i int) int {
	if s.at(i) == '0' && s.at(i+1)|0x20 == 'x' && isHex(s.at(i+2)) {
		e := s.runEnd(i+2, isHex)
		if s.at(e)|0x20 == 'l' {
			e++
		}
		return e
	}
	e := s.runEnd(i, func(b byte) bool { return isDigit(b) || b == '_' })
	if s.at(e) == '.' {
		e = s.runEnd(e+1, isDigit)
	}
	if s.at(e)|0x20 == 'e' {
		k := e + 1
		if s.at(k) == '+' || s.at(k) == '-' {
			k++
		}
		if isDigit(s.at(k)) {
			e = s.runEnd(k, isDigit)
		}
	}
	switch s.at(e) {
	case 'f', 'l', 'F', 'L', 'd', 'D':
		e++
	}
	return e
}

func csDirective(w string) bool {
	switch w {
	case "if", "endif", "else", "elif", "define", "undef", "line", "error", "warning", "region", "endregion", "pragma", "nullable":
		return true
	}
	return false
}

func csKeyword(w string) bool {
	switch w {
	case "as", "await", "base", "break", "by", "case", "catch", "checked", "continue", "default", "delegate", "do", "else", "event", "finally", "fixed", "for", "foreach", "goto", "if", "in", "init", "is", "let", "lock", "new", "on", "out", "params", "readonly", "ref", "return", "sizeof", "stackalloc", "switch", "this", "throw", "try", "typeof", "unchecked", "virtual", "void", "while", "get", "set", "yield", "add", "remove", "value", "alias", "ascending", "descending", "from", "group", "into", "orderby", "select", "thenby", "where", "join", "equals":
		return true
	}
	return false
}

func csDeclaration(w string) bool {
	switch w {
	case "abstract", "async", "const", "enum", "explicit", "extern", "implicit", "internal", "operator", "override", "partial", "private", "protected", "public", "static", "sealed", "unsafe", "volatile":
		return true
	}
	return false
}

func csType(w string) bool {
	switch w {
	case "bool", "byte", "char", "decimal", "double", "dynamic", "float", "int", "long", "object", "sbyte", "short", "string", "uint", "ulong", "ushort", "var":
		return true
	}
	return false
}
