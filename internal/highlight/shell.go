package highlight

import "github.com/alecthomas/chroma/v2"

// Shell scanner states, mirroring chroma's Bash lexer.
const (
	shRoot = iota
	shString
	shParen    // $( ... )
	shMath     // $(( ... ))
	shCurly    // ${ ... }
	shBacktick // ` ... `
)

// scanShell tokenizes POSIX shell and Bash.
func scanShell(s *scanner) {
	stack := []int{shRoot}
	for !s.done() {
		top := stack[len(stack)-1]
		c := s.src[s.pos]
		switch top {
		case shString:
			if c == '"' {
				s.emit(chroma.LiteralStringDouble, s.pos+1)
				stack = stack[:len(stack)-1]
				continue
			}
			if c != '$' {
				e := s.pos
				for e < len(s.src) && s.src[e] != '"' && s.src[e] != '$' {
					if s.src[e] == '\\' && e+1 < len(s.src) {
						e++
					}
					e++
				}
				s.emit(chroma.LiteralStringDouble, e)
				continue
			}
			stack = s.shInterp(stack)
			continue
		case shParen:
			if c == ')' {
				s.emit(chroma.Keyword, s.pos+1)
				stack = stack[:len(stack)-1]
				continue
			}
		case shMath:
			if s.hasPrefix("))") {
				s.emit(chroma.Keyword, s.pos+2)
				stack = stack[:len(stack)-1]
				continue
			}
			switch c {
			case '-', '+', '*', '/', '%', '^', '|', '&':
				s.emit(chroma.Operator, s.pos+1)
				continue
			}
			if isDigit(c) {
				e := s.runEnd(s.pos, isDigit)
				if s.at(e) == '#' {
					if isDigit(s.at(e + 1)) {
						e = s.runEnd(e+1, isDigit)
					} else if s.at(e+1) != ' ' {
						e++
					}
				}
				s.emit(chroma.LiteralNumber, e)
				continue
			}
		case shCurly:
			switch {
			case c == '}':
				s.emit(chroma.LiteralStringInterpol, s.pos+1)
				stack = stack[:len(stack)-1]
				continue
			case c == ':' && s.peek(1) == '-':
				s.emit(chroma.Keyword, s.pos+2)
				continue
			case s.identEnd(s.pos) > s.pos:
				s.emit(chroma.NameVariable, s.identEnd(s.pos))
				continue
			}
			// [^}:"'`$\\]+, word characters included once past the first.
			e := s.pos
			for e < len(s.src) && !isShCurlyStop(s.src[e]) {
				e++
			}
			if e > s.pos {
				s.emit(chroma.Punctuation, e)
				continue
			}
			if c == ':' {
				s.emit(chroma.Punctuation, s.pos+1)
				continue
			}
		case shBacktick:
			if c == '`' {
				s.emit(chroma.LiteralStringBacktick, s.pos+1)
				stack = stack[:len(stack)-1]
				continue
			}
		}
		stack = s.shRoot(stack)
	}
}

// shRoot reads one token in chroma's Bash "root" state.
func (s *scanner) shRoot(stack []int) []int {
	c := s.src[s.pos]
	atWord := s.pos == 0 || !isWordByte(s.src[s.pos-1])
	if atWord && isLetter(c) {
		end := s.identEnd(s.pos)
		w := string(s.src[s.pos:end])
		if shKeyword(w) && s.wordBoundary(end) {
			s.emit(chroma.Keyword, end)
			return stack
		}
		if shBuiltin(w) {
			switch n := s.at(end); {
			case isSpaceNL(n) && end < len(s.src), n == ')', n == '`':
				s.emit(chroma.NameBuiltin, end)
				return stack
			}
		}
	}
	switch {
	case s.pos == 0 && s.hasPrefix("#!"):
		if e := s.lineEnd(0); e > 2 && e < len(s.src) {
			s.emit(chroma.CommentPreproc, e+1)
			return stack
		}
	}
	if c == '#' {
		// #.*(\S|$): to the end of the line.
		s.emit(chroma.CommentSingle, s.lineEnd(s.pos))
		return stack
	}
	if c == '\\' && s.pos+1 < len(s.src) {
		s.emit(chroma.LiteralStringEscape, s.skipRune(s.pos+1))
		return stack
	}
	if atWord && s.identEnd(s.pos) > s.pos {
		end := s.identEnd(s.pos)
		sp := s.spaceEndNL(end)
		op := sp
		if s.at(op) == '+' {
			op++
		}
		if s.at(op) == '=' {
			s.emit(chroma.NameVariable, end)
			s.emit(chroma.Text, sp)
			s.emit(chroma.Operator, op+1)
			return stack
		}
	}
	switch c {
	case '[', ']', '{', '}', '(', ')', '=':
		s.emit(chroma.Operator, s.pos+1)
		return stack
	case '<':
		if s.hasPrefix("<<<") {
			s.emit(chroma.Operator, s.pos+3)
			return stack
		}
		if e := s.shHeredocEnd(s.pos); e > 0 {
			s.emit(chroma.LiteralString, e)
			return stack
		}
	case '&', '|':
		if s.peek(1) == c {
			s.emit(chroma.Operator, s.pos+2)
			return stack
		}
		s.emit(chroma.Punctuation, s.pos+1)
		return stack
	case '`':
		s.emit(chroma.LiteralStringBacktick, s.pos+1)
		return append(stack, shBacktick)
	case '$':
		if s.peek(1) == '"' {
			if e := s.shPlainStringEnd(s.pos + 1); e > 0 {
				s.emit(chroma.LiteralStringDouble, e)
				return stack
			}
		}
		if s.peek(1) == '\'' {
			if e := s.shDollarSingleEnd(s.pos + 1); e > 0 {
				s.emit(chroma.LiteralStringSingle, e)
				return stack
			}
		}
		return s.shInterp(stack)
	case '"':
		if e := s.shPlainStringEnd(s.pos); e > 0 {
			s.emit(chroma.LiteralStringDouble, e)
			return stack
		}
		s.emit(chroma.LiteralStringDouble, s.pos+1)
		return append(stack, shString)
	case '\'':
		if e := s.indexByteFrom(s.pos+1, '\''); e >= 0 {
			s.emit(chroma.LiteralStringSingle, e+1)
			return stack
		}
	case ';':
		s.emit(chroma.Punctuation, s.pos+1)
		return stack
	}
	if isSpaceNL(c) {
		s.emit(chroma.Text, s.spaceEndNL(s.pos))
		return stack
	}
	if isDigit(c) {
		e := s.runEnd(s.pos, isDigit)
		if n := s.at(e); n == ' ' || n == '\n' || e == len(s.src) {
			s.emit(chroma.LiteralNumber, e)
			return stack
		}
	}
	if c == '<' {
		s.emit(chroma.Text, s.pos+1)
		return stack
	}
	e := s.pos
	for e < len(s.src) {
		b := s.src[e]
		if isSpaceNL(b) || b == '\r' {
			break
		}
		switch b {
		case '=', '[', ']', '{', '}', '(', ')', '$', '"', '\'', '`', '\\', '<', '&', '|', ';':
		default:
			e++
			continue
		}
		break
	}
	if e > s.pos {
		s.emit(chroma.Text, e)
		return stack
	}
	if c == '\n' && len(stack) > 1 {
		return stack[:1]
	}
	s.emit(chroma.Error, s.skipRune(s.pos))
	return stack
}

func isShCurlyStop(c byte) bool {
	switch c {
	case '}', ':', '"', '\'', '`', '$', '\\':
		return true
	}
	return false
}

// shInterp reads a $ expansion at pos (chroma's "interp" state).
func (s *scanner) shInterp(stack []int) []int {
	switch {
	case s.hasPrefix("$(("):
		s.emit(chroma.Keyword, s.pos+3)
		return append(stack, shMath)
	case s.hasPrefix("$("):
		s.emit(chroma.Keyword, s.pos+2)
		return append(stack, shParen)
	case s.hasPrefix("${"):
		e := s.pos + 2
		if s.at(e) == '#' {
			e++
		}
		s.emit(chroma.LiteralStringInterpol, e)
		return append(stack, shCurly)
	case s.identStartASCII(s.pos + 1):
		s.emit(chroma.NameVariable, s.identEnd(s.pos+1))
		return stack
	case isDigit(s.peek(1)):
		s.emit(chroma.NameVariable, s.runEnd(s.pos+1, isDigit))
		return stack
	}
	switch s.peek(1) {
	case '#', '$', '?', '!', '_', '*', '@', '-':
		s.emit(chroma.NameVariable, s.pos+2)
		return stack
	}
	s.emit(chroma.Text, s.pos+1)
	return stack
}

// shPlainStringEnd matches "(\\\\|\\[0-7]+|\\.|[^"\\$])*" at i: a double-
// quoted string without expansions.
func (s *scanner) shPlainStringEnd(i int) int {
	for j := i + 1; j < len(s.src); j++ {
		switch s.src[j] {
		case '\\':
			j++
		case '$':
			return 0
		case '"':
			return j + 1
		}
	}
	return 0
}

// shDollarSingleEnd matches '(\\\\|\\[0-7]+|\\.|[^'\\])*' at i.
func (s *scanner) shDollarSingleEnd(i int) int {
	for j := i + 1; j < len(s.src); j++ {
		switch s.src[j] {
		case '\\':
			j++
		case '\'':
			return j + 1
		}
	}
	return 0
}

// shHeredocEnd matches <<-?\s*(\'?)\\?(\w+)[\w\W]+?\2 at i: the whole
// here-document up to the next occurrence of its delimiter word.
func (s *scanner) shHeredocEnd(i int) int {
	if !s.hasPrefixAt(i, "<<") {
		return 0
	}
	j := i + 2
	if s.at(j) == '-' {
		j++
	}
	j = s.spaceEndNL(j)
	if s.at(j) == '\'' {
		j++
	}
	if s.at(j) == '\\' {
		j++
	}
	w := j
	for isWordByte(s.at(w)) {
		w++
	}
	if w == j {
		return 0
	}
	// The delimiter word may be shortened by backtracking; chroma's engine
	// tries the longest first.
	for end := w; end > j; end-- {
		word := string(s.src[j:end])
		if k := s.indexFrom(end+1, word); k >= 0 {
			return k + len(word)
		}
	}
	return 0
}

func shKeyword(w string) bool {
	switch w {
	case "if", "fi", "else", "while", "do", "done", "for", "then", "return", "function", "case", "select", "continue", "until", "esac", "elif":
		return true
	}
	return false
}

func shBuiltin(w string) bool {
	switch w {
	case "alias", "bg", "bind", "break", "builtin", "caller", "cd", "command", "compgen", "complete", "declare", "dirs", "disown", "echo", "enable", "eval", "exec", "exit", "export", "false", "fc", "fg", "getopts", "hash", "help", "history", "jobs", "kill", "let", "local", "logout", "popd", "printf", "pushd", "pwd", "read", "readonly", "set", "shift", "shopt", "source", "suspend", "test", "time", "times", "trap", "true", "type", "typeset", "ulimit", "umask", "unalias", "unset", "wait":
		return true
	}
	return false
}
