package highlight

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// scanPHP tokenizes PHP code, following chroma's (case-insensitive) PHP
// lexer, which starts in code: "<?php" reads as two operators and a name.
func scanPHP(s *scanner) {
	for !s.done() {
		if s.phpStep() {
			// "?>" pops chroma's only state: the rest is an error.
			s.emit(chroma.Error, len(s.src))
		}
	}
}

// phpStep reads one token of code (chroma's "root" state); it reports
// whether the token was "?>", which leaves the current state.
func (s *scanner) phpStep() (popped bool) {
	c := s.src[s.pos]
	if c == '?' && s.peek(1) == '>' {
		s.emit(chroma.CommentPreproc, s.pos+2)
		return true
	}
	if s.hasPrefix("<<<") && s.phpHeredoc() {
		return false
	}
	switch {
	case isSpaceNL(c):
		s.emit(chroma.Text, s.spaceEndNL(s.pos))
		return false
	case c == '#' && s.peek(1) == '[':
		s.emit(chroma.Punctuation, s.pos+2)
		s.phpAttribute()
		return false
	case c == '#' || c == '/' && s.peek(1) == '/':
		if e := s.lineEnd(s.pos); e < len(s.src) {
			s.emit(chroma.CommentSingle, e+1)
			return false
		}
	case c == '/' && s.peek(1) == '*':
		if s.hasPrefix("/**/") {
			s.emit(chroma.CommentMultiline, s.pos+4)
			return false
		}
		if s.peek(2) == '*' {
			if e := s.indexFrom(s.pos+3, "*/"); e >= 0 {
				s.emit(chroma.LiteralStringDoc, e+2)
				return false
			}
		}
		if e := s.indexFrom(s.pos+2, "*/"); e >= 0 {
			s.emit(chroma.CommentMultiline, e+2)
			return false
		}
	case c == '-' && s.peek(1) == '>', c == ':' && s.peek(1) == ':':
		sp := s.spaceEndNL(s.pos + 2)
		if e := s.phpIdentEnd(sp, false); e > sp {
			s.emit(chroma.Operator, s.pos+2)
			s.emit(chroma.Text, sp)
			s.emit(chroma.NameAttribute, e)
			return false
		}
	}
	if isPHPOperator(c) {
		s.emit(chroma.Operator, s.runEnd(s.pos, isPHPOperator))
		return false
	}
	switch c {
	case '?':
		s.emit(chroma.Operator, s.pos+1)
		return false
	case '[', ']', '{', '}', '(', ')', ';', ',':
		s.emit(chroma.Punctuation, s.runEnd(s.pos, isPHPPunctuation))
		return false
	}
	if e := s.phpIdentEnd(s.pos, true); e > s.pos {
		if s.phpDeclaration(strings.ToLower(string(s.src[s.pos:e])), e) {
			return false
		}
		if we := s.identEnd(s.pos); we > s.pos {
			lw := strings.ToLower(string(s.src[s.pos:we]))
			if phpKeyword(lw) {
				s.emit(chroma.Keyword, we)
				return false
			}
			if phpMagicConstant(lw) {
				s.emit(chroma.NameConstant, we)
				return false
			}
		}
	}
	if c == '$' {
		if s.peek(1) == '{' {
			// ${...}: code up to the closing brace.
			s.emit(chroma.NameVariable, s.pos+2)
			for !s.done() {
				if s.src[s.pos] == '}' {
					s.emit(chroma.NameVariable, s.pos+1)
					break
				}
				if s.phpStep() {
					break
				}
			}
			return false
		}
		i := s.runEnd(s.pos, func(b byte) bool { return b == '$' })
		if e := s.phpIdentEnd(i, true); e > i {
			s.emit(chroma.NameVariable, e)
			return false
		}
	}
	if e := s.phpIdentEnd(s.pos, true); e > s.pos {
		s.emit(chroma.NameOther, e)
		return false
	}
	if t, e := s.phpNumber(s.pos); e > s.pos {
		s.emit(t, e)
		return false
	}
	switch c {
	case '\'', '`':
		if e := s.phpQuotedEnd(s.pos, c); e > 0 {
			t := chroma.LiteralStringSingle
			if c == '`' {
				t = chroma.LiteralStringBacktick
			}
			s.emit(t, e)
			return false
		}
	case '"':
		s.emit(chroma.LiteralStringDouble, s.pos+1)
		s.phpString()
		return false
	}
	s.emit(chroma.Error, s.skipRune(s.pos))
	return false
}

func isPHPPunctuation(b byte) bool {
	switch b {
	case '[', ']', '{', '}', '(', ')', ';', ',':
		return true
	}
	return false
}

// phpDeclaration applies the rules for new class, class, function and const
// at pos, where the lower-cased word w ends at e.
func (s *scanner) phpDeclaration(w string, e int) bool {
	sp := s.spaceEndNL(e)
	switch w {
	case "new":
		if sp > e && s.hasPrefixFold(sp, "class") && s.wordBoundary(sp+5) {
			s.emit(chroma.Keyword, e)
			s.emit(chroma.Text, sp)
			s.emit(chroma.Keyword, sp+5)
			return true
		}
	case "class":
		if sp > e {
			s.emit(chroma.Keyword, e)
			s.emit(chroma.Text, sp)
			if n := s.phpIdentEnd(sp, true); n > sp {
				s.emit(chroma.NameClass, n)
			} else if !s.done() && s.src[s.pos] != '\n' {
				s.emit(chroma.Error, s.skipRune(s.pos))
			}
			return true
		}
	case "function":
		if s.at(sp) == '(' {
			s.emit(chroma.Keyword, e)
			s.emit(chroma.Text, sp)
			return true
		}
		if sp > e {
			s.emit(chroma.Keyword, e)
			s.emit(chroma.Text, sp)
			if s.at(sp) == '&' {
				s.emit(chroma.Operator, sp+1)
				s.emit(chroma.Text, s.spaceEndNL(sp+1))
			}
			if n := s.phpIdentEnd(s.pos, true); n > s.pos {
				t := chroma.NameFunction
				if we := s.identEnd(s.pos); phpMagicFunc(strings.ToLower(string(s.src[s.pos:we]))) {
					n, t = we, chroma.NameFunctionMagic
				}
				s.emit(t, n)
			}
			return true
		}
	case "const":
		if n := s.phpIdentEnd(sp, true); sp > e && n > sp {
			s.emit(chroma.Keyword, e)
			s.emit(chroma.Text, sp)
			s.emit(chroma.NameConstant, n)
			return true
		}
	}
	return false
}

// phpAttribute reads an attribute's body after "#[" (chroma's "attribute"
// state, and "attributeparams" inside parentheses).
func (s *scanner) phpAttribute() {
	depth := 0
	for !s.done() {
		c := s.src[s.pos]
		switch {
		case depth == 0 && c == ']':
			s.emit(chroma.Punctuation, s.pos+1)
			return
		case depth > 0 && c == ')':
			s.emit(chroma.Punctuation, s.pos+1)
			depth--
			continue
		case depth == 0 && c == '(':
			s.emit(chroma.Punctuation, s.pos+1)
			depth++
			continue
		}
		if depth == 0 {
			if e := s.phpIdentEnd(s.pos, true); e > s.pos {
				s.emit(chroma.NameDecorator, e)
				continue
			}
		}
		if s.phpStep() {
			if depth == 0 {
				return
			}
			depth--
		}
	}
}

// phpHeredoc reads a heredoc or nowdoc: (<<<)(['"]?)(name)(\2\n.*?\n\s*)(\3)(;?)(\n).
func (s *scanner) phpHeredoc() bool {
	i := s.pos + 3
	q := s.at(i)
	if q == '\'' || q == '"' {
		i++
	} else {
		q = 0
	}
	n := s.phpIdentEnd(i, false)
	if n == i {
		return false
	}
	name := string(s.src[i:n])
	j := n
	if q != 0 {
		if s.at(j) != q {
			return false
		}
		j++
	}
	if s.at(j) != '\n' {
		return false
	}
	for k := j + 1; k < len(s.src); k++ {
		if s.src[k] != '\n' {
			continue
		}
		b := s.spaceEndNL(k + 1)
		for b > k+1 {
			// \s* may give back characters; try the longest first.
			if s.hasPrefixAt(b, name) {
				e := b + len(name)
				if s.at(e) == ';' {
					e++
				}
				if s.at(e) == '\n' {
					s.emit(chroma.LiteralString, s.pos+3)
					s.emit(chroma.LiteralString, i)
					s.emit(chroma.LiteralStringDelimiter, n)
					s.emit(chroma.LiteralString, b)
					s.emit(chroma.LiteralStringDelimiter, b+len(name))
					s.emit(chroma.Punctuation, e)
					s.emit(chroma.Text, e+1)
					return true
				}
			}
			b--
		}
		if s.hasPrefixAt(k+1, name) {
			e := k + 1 + len(name)
			if s.at(e) == ';' {
				e++
			}
			if s.at(e) == '\n' {
				s.emit(chroma.LiteralString, s.pos+3)
				s.emit(chroma.LiteralString, i)
				s.emit(chroma.LiteralStringDelimiter, n)
				s.emit(chroma.LiteralString, k+1)
				s.emit(chroma.LiteralStringDelimiter, k+1+len(name))
				s.emit(chroma.Punctuation, e)
				s.emit(chroma.Text, e+1)
				return true
			}
		}
	}
	return false
}

// phpString reads a double-quoted string after its opening quote.
func (s *scanner) phpString() {
	for !s.done() {
		c := s.src[s.pos]
		switch {
		case c == '"':
			s.emit(chroma.LiteralStringDouble, s.pos+1)
			return
		case c == '\\':
			if e := s.phpEscapeEnd(s.pos); e > 0 {
				s.emit(chroma.LiteralStringEscape, e)
				continue
			}
			s.emit(chroma.LiteralStringDouble, s.pos+1)
		case c == '$' && s.phpIdentEnd(s.pos+1, false) > s.pos+1:
			e := s.phpIdentEnd(s.pos+1, false)
			if s.at(e) == '[' {
				for k := e + 2; k < len(s.src) && !isSpaceNL(s.src[k]); k++ {
					if s.src[k] == ']' {
						e = k + 1
						break
					}
				}
			} else if s.at(e) == '-' && s.at(e+1) == '>' {
				if n := s.phpIdentEnd(e+2, false); n > e+2 {
					e = n
				}
			}
			s.emit(chroma.LiteralStringInterpol, e)
		case c == '{' && s.hasPrefix("{${"):
			if k := s.indexFrom(s.pos+3, "}}"); k >= 0 {
				s.emit(chroma.LiteralStringInterpol, s.pos+3)
				s.nested(k, scanPHP)
				s.emit(chroma.LiteralStringInterpol, k+2)
				continue
			}
			s.emit(chroma.LiteralStringDouble, s.pos+1)
		case c == '{' && s.peek(1) == '$':
			if k := s.indexByteFrom(s.pos+1, '}'); k >= 0 {
				s.emit(chroma.LiteralStringInterpol, s.pos+1)
				s.nested(k, scanPHP)
				s.emit(chroma.LiteralStringInterpol, k+1)
				continue
			}
			s.emit(chroma.LiteralStringDouble, s.pos+1)
		case c == '$' && s.peek(1) == '{' && s.phpDollarBraceEnd(s.pos) > 0:
			m := s.phpDollarBraceEnd(s.pos)
			s.emit(chroma.LiteralStringInterpol, s.pos+2)
			s.emit(chroma.NameVariable, m)
			s.emit(chroma.LiteralStringInterpol, m+1)
		case c == '$' || c == '{':
			s.emit(chroma.LiteralStringDouble, s.pos+1)
		default:
			e := s.pos
			for e < len(s.src) && s.src[e] != '{' && s.src[e] != '$' && s.src[e] != '"' && s.src[e] != '\\' {
				e++
			}
			s.emit(chroma.LiteralStringDouble, e)
		}
	}
}

// phpDollarBraceEnd matches (\$\{)(\S+)(\}) at i and returns the index of
// the closing brace (the last one before white space), or 0.
func (s *scanner) phpDollarBraceEnd(i int) int {
	k := i + 2
	for k < len(s.src) && !isSpaceNL(s.src[k]) {
		k++
	}
	for m := k - 1; m > i+2; m-- {
		if s.src[m] == '}' {
			return m
		}
	}
	return 0
}

// phpEscapeEnd matches \\([nrt"$\\]|[0-7]{1,3}|x[0-9a-f]{1,2}) at i.
func (s *scanner) phpEscapeEnd(i int) int {
	switch c := s.at(i + 1); {
	case c == 'n' || c == 'r' || c == 't' || c == '"' || c == '$' || c == '\\' || c == 'N' || c == 'R' || c == 'T':
		return i + 2
	case c >= '0' && c <= '7':
		j := i + 2
		for j < i+4 && s.at(j) >= '0' && s.at(j) <= '7' {
			j++
		}
		return j
	case c|0x20 == 'x' && isHex(s.at(i+2)):
		if isHex(s.at(i + 3)) {
			return i + 4
		}
		return i + 3
	}
	return 0
}

// phpQuotedEnd matches q([^q\\]*(?:\\.[^q\\]*)*)q at i.
func (s *scanner) phpQuotedEnd(i int, q byte) int {
	for j := i + 1; j < len(s.src); j++ {
		switch s.src[j] {
		case '\\':
			j = s.skipRune(j+1) - 1
		case q:
			return j + 1
		}
	}
	return 0
}

// phpIdentEnd matches a PHP name at i: letters, digits, _ and non-ASCII,
// and backslashes too when withNamespace is set.
func (s *scanner) phpIdentEnd(i int, withNamespace bool) int {
	j := i
	for j < len(s.src) {
		c := s.src[j]
		switch {
		case c == '_' || isLetter(c) || c >= 0x80 || withNamespace && c == '\\':
			j++
		case isDigit(c) && j > i:
			j++
		default:
			return j
		}
	}
	return j
}

func isPHPOperator(c byte) bool {
	switch c {
	case '~', '!', '%', '^', '&', '*', '+', '=', '|', ':', '.', '<', '>', '/', '@', '-':
		return true
	}
	return false
}

// phpNumber follows chroma's PHP number rules.
func (s *scanner) phpNumber(i int) (chroma.TokenType, int) {
	c := s.at(i)
	if !isDigit(c) && !(c == '.' && isDigit(s.at(i+1))) {
		return 0, i
	}
	d := s.runEnd(i, isDigit)
	exp := func(j int) int {
		if s.at(j)|0x20 != 'e' {
			return j
		}
		k := j + 1
		if s.at(k) == '+' || s.at(k) == '-' {
			k++
		}
		if isDigit(s.at(k)) {
			return s.runEnd(k, isDigit)
		}
		return j
	}
	if s.at(d) == '.' {
		return chroma.LiteralNumberFloat, exp(s.runEnd(d+1, isDigit))
	}
	if e := exp(d); e > d {
		return chroma.LiteralNumberFloat, e
	}
	if c == '0' {
		j := i + 1
		if s.at(j)|0x20 == 'o' {
			j++
		}
		if e := s.runEnd(j, func(b byte) bool { return b >= '0' && b <= '7' || b == '_' }); e > j {
			return chroma.LiteralNumberOct, e
		}
		if s.at(i+1)|0x20 == 'x' {
			if e := s.runEnd(i+2, func(b byte) bool { return isHex(b) || b == '_' }); e > i+2 {
				return chroma.LiteralNumberHex, e
			}
		}
	}
	e := s.runEnd(i, func(b byte) bool { return isDigit(b) || b == '_' })
	if c == '0' && e == i+1 && s.at(e)|0x20 == 'b' {
		if b := s.runEnd(e+1, func(b byte) bool { return b == '0' || b == '1' || b == '_' }); b > e+1 {
			return chroma.LiteralNumberInteger, e
		}
	}
	return chroma.LiteralNumberInteger, e
}

func phpKeyword(w string) bool {
	switch w {
	case "and", "e_parse", "old_function", "e_error", "or", "as", "e_warning", "parent", "eval", "php_os", "break", "exit", "case", "extends", "php_version", "cfunction", "false", "print", "for", "require", "continue", "foreach", "require_once", "declare", "return", "default", "static", "do", "switch", "die", "stdclass", "echo", "else", "true", "elseif", "var", "empty", "if", "xor", "enddeclare", "include", "virtual", "endfor", "include_once", "while", "endforeach", "global", "endif", "list", "endswitch", "new", "endwhile", "not", "array", "e_all", "null", "final", "php_user_filter", "interface", "implements", "public", "private", "protected", "abstract", "clone", "try", "catch", "throw", "this", "use", "namespace", "trait", "yield", "finally", "match":
		return true
	}
	return false
}

func phpMagicConstant(w string) bool {
	switch w {
	case "__namespace__", "__function__", "__method__", "__class__", "__trait__", "__line__", "__file__", "__dir__":
		return true
	}
	return false
}

func phpMagicFunc(w string) bool {
	switch w {
	case "__callstatic", "__set_state", "__construct", "__debuginfo", "__tostring", "__destruct", "__invoke", "__wakeup", "__clone", "__sleep", "__isset", "__unset", "__call", "__get", "__set":
		return true
	}
	return false
}
