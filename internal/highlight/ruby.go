package highlight

import "github.com/alecthomas/chroma/v2"

// Ruby scanner states, mirroring chroma's Ruby lexer.
const (
	rbRoot = iota
	rbFuncName
	rbClassName
	rbDefExpr // parameters of a def: root until the closing parenthesis
	rbIntp    // #{...} inside a string: root until the closing brace
	rbBrace   // a nested brace inside rbIntp
	rbString  // an open string; see rbStr
	rbEndPart
)

// rbStr describes an open Ruby string, symbol, regexp or %-literal.
type rbStr struct {
	open, close byte // delimiters; open == close when they do not nest
	interp      bool // #{...} and #@var interpolate
	escapes     bool // backslash escapes are highlighted
	regex       bool // ends with flags ([mixounse]*)
	typ         chroma.TokenType
}

type rbFrame struct {
	state int
	str   rbStr
}

// scanRuby tokenizes Ruby.
func scanRuby(s *scanner) {
	stack := []rbFrame{{state: rbRoot}}
	for !s.done() {
		top := &stack[len(stack)-1]
		c := s.src[s.pos]
		switch top.state {
		case rbRoot, rbDefExpr, rbIntp, rbBrace:
			switch top.state {
			case rbDefExpr:
				if c == ')' {
					s.emit(chroma.Punctuation, s.pos+1)
					if s.hasPrefix(".") {
						s.emit(chroma.Operator, s.pos+1)
					} else if s.hasPrefix("::") {
						s.emit(chroma.Operator, s.pos+2)
					}
					stack = stack[:len(stack)-1]
					continue
				}
				if c == '(' {
					s.emit(chroma.Operator, s.pos+1)
					stack = append(stack, rbFrame{state: rbDefExpr})
					continue
				}
			case rbIntp, rbBrace:
				if c == '{' {
					s.emit(chroma.LiteralStringInterpol, s.pos+1)
					stack = append(stack, rbFrame{state: rbBrace})
					continue
				}
				if c == '}' {
					s.emit(chroma.LiteralStringInterpol, s.pos+1)
					stack = stack[:len(stack)-1]
					continue
				}
			}
			stack = s.rbRoot(stack)
		case rbFuncName:
			if c == '(' {
				s.emit(chroma.Punctuation, s.pos+1)
				top.state = rbDefExpr
				continue
			}
			stack = stack[:len(stack)-1]
			if s.identStartASCII(s.pos) {
				end := s.identEnd(s.pos)
				if s.at(end) == '.' && s.identStartASCII(end+1) {
					s.emit(chroma.NameClass, end)
					s.emit(chroma.Operator, end+1)
					end = s.identEnd(end + 1)
				}
				if c := s.at(end); c == '!' || c == '?' {
					end++
				}
				s.emit(chroma.NameFunction, end)
				continue
			}
			if end := s.rbOperatorMethodEnd(s.pos); end > s.pos {
				s.emit(chroma.NameFunction, end)
			}
		case rbClassName:
			if c == '(' {
				s.emit(chroma.Punctuation, s.pos+1)
				top.state = rbDefExpr
				continue
			}
			stack = stack[:len(stack)-1]
			if s.hasPrefix("<<") {
				s.emit(chroma.Operator, s.pos+2)
			} else if c >= 'A' && c <= 'Z' || c == '_' {
				s.emit(chroma.NameClass, s.identEnd(s.pos))
			}
		case rbString:
			stack = s.rbString(stack)
		case rbEndPart:
			if c == '\n' {
				stack = stack[:1]
				continue
			}
			s.emit(chroma.CommentPreproc, s.lineEnd(s.pos))
			stack = stack[:len(stack)-1]
		}
	}
}

// identStartASCII reports whether [a-zA-Z_] is at i.
func (s *scanner) identStartASCII(i int) bool {
	c := s.at(i)
	return c == '_' || isLetter(c)
}

// rbOperatorMethodEnd matches an operator method name after def (def <=>,
// def []=), as chroma's funcname state lists them.
func (s *scanner) rbOperatorMethodEnd(i int) int {
	return s.longestOf(i, []string{"**", "*", "+@", "-@", "+", "-", "/", "%", "&", "|", "^", "`", "~", "[]=", "[]", "<<", ">>", "<=>", "<>", ">=", ">", "===", "=="})
}

// rbOperatorNameEnd matches an operator after . or :: or in a symbol, as
// chroma's root and strings states list them.
func (s *scanner) rbOperatorNameEnd(i int) int {
	return s.longestOf(i, []string{"===", "[]=", "<=>", "**", "==", ">=", "+@", "<>", ">>", "<<", "-@", "[]", "~", "`", "^", "|", "&", "<", "%", "/", ">", "+", "-", "*"})
}

// longestOf returns the end of the first of ops (an alternation, in order)
// found at i, or i.
func (s *scanner) longestOf(i int, ops []string) int {
	for _, op := range ops {
		if s.hasPrefixAt(i, op) {
			return i + len(op)
		}
	}
	return i
}

// rbRoot reads one token in chroma's Ruby "root" state.
func (s *scanner) rbRoot(stack []rbFrame) []rbFrame {
	c := s.src[s.pos]
	switch {
	case s.pos == 0 && s.hasPrefix("#!") && s.lineEnd(0) > 2:
		s.emit(chroma.CommentHashbang, s.lineEnd(0))
		return stack
	case c == '#':
		s.emit(chroma.CommentSingle, s.lineEnd(s.pos))
		return stack
	case c == '=' && s.hasPrefix("=begin") && isSpaceNL(s.peek(6)):
		for i := s.lineEnd(s.pos + 6); i < len(s.src); i = s.lineEnd(i + 1) {
			if s.hasPrefixAt(i, "\n=end") {
				s.emit(chroma.CommentMultiline, s.lineEnd(i+1))
				return stack
			}
		}
	}
	if s.identStartASCII(s.pos) {
		end := s.identEnd(s.pos)
		w := string(s.src[s.pos:end])
		if w == "defined" && s.at(end) == '?' {
			s.emit(chroma.Keyword, end+1)
			return stack
		}
		if rbKeyword(w) {
			s.emit(chroma.Keyword, end)
			return stack
		}
		switch w {
		case "module":
			if sp := s.spaceEndNL(end); sp > end && s.identStartASCII(sp) {
				e := s.identEnd(sp)
				for s.hasPrefixAt(e, "::") && s.identStartASCII(e+2) {
					e = s.identEnd(e + 2)
				}
				s.emit(chroma.Keyword, end)
				s.emit(chroma.Text, sp)
				s.emit(chroma.NameNamespace, e)
				return stack
			}
		case "def":
			if sp := s.spaceEndNL(end); sp > end {
				s.emit(chroma.Keyword, end)
				s.emit(chroma.Text, sp)
				return append(stack, rbFrame{state: rbFuncName})
			}
			switch s.at(end) {
			case '*', '%', '&', '^', '`', '~', '+', ',', '-', '.', '/', '[', '<', '>', '=':
				s.emit(chroma.Keyword, end)
				return append(stack, rbFrame{state: rbFuncName})
			}
		case "class":
			if sp := s.spaceEndNL(end); sp > end {
				s.emit(chroma.Keyword, end)
				s.emit(chroma.Text, sp)
				return append(stack, rbFrame{state: rbClassName})
			}
		}
		if rbKeywordPseudo(w) {
			s.emit(chroma.KeywordPseudo, end)
			return stack
		}
		if w == "not" || w == "and" || w == "or" {
			s.emit(chroma.OperatorWord, end)
			return stack
		}
		if s.at(end) == '?' && rbBuiltinQ(w) {
			s.emit(chroma.NameBuiltin, end+1)
			return stack
		}
		if s.at(end) == '!' && (w == "chomp" || w == "chop" || w == "exit" || w == "gsub" || w == "sub") {
			s.emit(chroma.NameBuiltin, end+1)
			return stack
		}
		if s.at(s.pos-1) != '.' && rbBuiltin(w) {
			s.emit(chroma.NameBuiltin, end)
			return stack
		}
		if (w == "__FILE__" || w == "__LINE__") && s.wordBoundary(end) {
			s.emit(chroma.NameBuiltinPseudo, end)
			return stack
		}
	}
	// Heredoc opener: the rest of the line is one string token.
	if c == '<' && s.peek(1) == '<' && !isWordByte(s.at(s.pos-1)) {
		i := s.pos + 2
		if s.at(i) == '-' {
			i++
		}
		q := s.at(i)
		if q == '"' || q == '`' || q == '\'' {
			i++
		} else {
			q = 0
		}
		if s.identStartASCII(i) || q != 0 && s.at(i) == q {
			j := s.identEnd(i)
			if q == 0 || s.at(j) == q {
				if q != 0 {
					j++
				}
				if e := s.lineEnd(j); e < len(s.src) {
					s.emit(chroma.LiteralString, e+1)
					return stack
				}
			}
		}
	}
	if s.hasPrefix("__END__") {
		s.emit(chroma.CommentPreproc, s.pos+7)
		return append(stack, rbFrame{state: rbEndPart})
	}
	// Regular expressions.
	if sp := s.spaceEndNL(s.pos); s.at(sp) == '/' && s.rbRegexAllowed(sp) {
		s.emit(chroma.Text, sp)
		s.emit(chroma.LiteralStringRegex, sp+1)
		return append(stack, rbFrame{state: rbString, str: rbStr{open: '/', close: '/', interp: true, regex: true, typ: chroma.LiteralStringRegex}})
	}
	if isDigit(c) {
		t, end := s.rbNumber(s.pos)
		s.emit(t, end)
		sp := s.spaceEndNL(end)
		if q := s.at(sp); q == '/' || q == '?' {
			s.emit(chroma.Text, sp)
			s.emit(chroma.Operator, sp+1)
		}
		return stack
	}
	switch {
	case c == '@' && s.peek(1) == '@' && s.identStartASCII(s.pos+2):
		s.emit(chroma.NameVariableClass, s.identEnd(s.pos+2))
		return stack
	case c == '@' && s.identStartASCII(s.pos+1):
		s.emit(chroma.NameVariableInstance, s.identEnd(s.pos+1))
		return stack
	case c == '$':
		if e := s.identEnd(s.pos + 1); e > s.pos+1 {
			s.emit(chroma.NameVariableGlobal, e)
			return stack
		}
		switch s.peek(1) {
		case '!', '@', '&', '`', '\'', '+', '~', '=', '/', '\\', ',', ';', '.', '<', '>', '_', '*', '$', '?', ':', '"', '^', '-':
			if s.peek(1) == '-' && rbDashGlobal(s.peek(2)) {
				s.emit(chroma.NameVariableGlobal, s.pos+3)
				return stack
			}
			s.emit(chroma.NameVariableGlobal, s.pos+2)
			return stack
		}
	case c == ':' && s.peek(1) == ':':
		s.emit(chroma.Operator, s.pos+2)
		return stack
	}
	if st, ok := s.rbStringStart(stack); ok {
		return st
	}
	if c == '?' {
		if end := s.rbCharEnd(s.pos); end > 0 {
			s.emit(chroma.LiteralStringChar, end)
			return stack
		}
	}
	if c >= 'A' && c <= 'Z' && isWordByteOrUni(s, s.pos+1) {
		s.emit(chroma.NameConstant, s.identEnd(s.pos))
		return stack
	}
	if c == '.' || c == ':' && s.peek(1) == ':' {
		n := 1
		if c == ':' {
			n = 2
		}
		if end := s.rbOperatorNameEnd(s.pos + n); end > s.pos+n && !s.identStartASCII(s.pos+n) {
			s.emit(chroma.Operator, s.pos+n)
			s.emit(chroma.NameOperator, end)
			return stack
		}
		if s.identStartASCII(s.pos + n) {
			end := s.identEnd(s.pos + n)
			if q := s.at(end); q == '!' || q == '?' {
				end++
			}
			s.emit(chroma.Operator, s.pos+n)
			s.emit(chroma.Name, end)
			return stack
		}
	}
	if s.identStartASCII(s.pos) {
		end := s.identEnd(s.pos)
		if q := s.at(end); q == '!' || q == '?' {
			end++
		}
		s.emit(chroma.Name, end)
		return stack
	}
	for _, op := range []string{"**", "<=>", "<<", ">>", ">=", "<=", "=~", "===", "!~", "&&", "||", "...", "..", "[", "]", "<", ">", "&", "."} {
		if s.hasPrefix(op) {
			s.emit(chroma.Operator, s.pos+len(op))
			return stack
		}
	}
	switch c {
	case '-', '+', '/', '*', '%', '=', '<', '>', '&', '!', '^', '|', '~':
		end := s.pos + 1
		if s.peek(1) == '=' {
			end++
		}
		s.emit(chroma.Operator, end)
		return stack
	case '(', ')', '{', '}', ';', ',', '?', ':', '\\':
		s.emit(chroma.Punctuation, s.pos+1)
		return stack
	}
	if isSpaceNL(c) {
		s.emit(chroma.Text, s.spaceEndNL(s.pos))
		return stack
	}
	s.emit(chroma.Error, s.skipRune(s.pos))
	return stack
}

func isWordByteOrUni(s *scanner, i int) bool {
	return s.identEnd(i) > i
}

func rbDashGlobal(c byte) bool {
	switch c {
	case '0', 'a', 'd', 'F', 'i', 'I', 'l', 'p', 'v', 'w':
		return true
	}
	return false
}

// rbRegexAllowed reports whether a slash at i starts a regular expression
// (chroma's rules: at a line's start, after one of =<>~!: or a keyword such
// as when/if/and, after ( , [ directly, or after white space when no space or
// = follows).
func (s *scanner) rbRegexAllowed(i int) bool {
	if i == s.pos {
		if p := s.at(i - 1); i > 0 && (p == '(' || p == ',' || p == '[') {
			return true
		}
	} else if c := s.at(i + 1); !isSpaceNL(c) && c != '=' && i+1 < len(s.src) {
		return true
	}
	// At the start of the white space before the slash.
	j := s.pos
	if j == 0 || s.src[j-1] == '\n' {
		return true
	}
	switch s.src[j-1] {
	case '=', '<', '>', '~', '!', ':':
		return true
	}
	if s.src[j-1] != ' ' && s.src[j-1] != '\t' {
		return false
	}
	k := j - 1
	w := k
	for w > 0 && (isWordByte(s.src[w-1]) || s.src[w-1] == '!') {
		w--
	}
	word := string(s.src[w:k])
	before := byte('\n')
	if w > 0 {
		before = s.src[w-1]
	}
	switch word {
	case "when", "or", "and", "if", "elsif":
		return before == '\n' || before == ' ' || before == '\t' || before == ';' || w == 0
	case "index", "scan", "sub", "sub!", "gsub", "gsub!", "match":
		return before == '.' || before == '\n' || w == 0
	}
	return false
}

// rbNumber matches chroma's Ruby number rules at i.
func (s *scanner) rbNumber(i int) (chroma.TokenType, int) {
	if s.at(i) == '0' {
		switch s.at(i + 1) {
		case 'x':
			if e := s.digitsEnd(i+2, isHex, true); e > i+2 {
				return chroma.LiteralNumberHex, e
			}
		case 'b':
			if e := s.digitsEnd(i+2, func(c byte) bool { return c == '0' || c == '1' }, true); e > i+2 {
				return chroma.LiteralNumberBin, e
			}
		}
		j := i + 1
		if s.at(j) == '_' {
			j++
		}
		isOct := func(c byte) bool { return c >= '0' && c <= '7' }
		if e := s.digitsEnd(j, isOct, true); e > j {
			return chroma.LiteralNumberOct, e
		}
	}
	j := i
	for isDigit(s.at(j)) {
		j++
	}
	for (s.at(j) == '_' || s.at(j) == 'e') && isDigit(s.at(j+1)) {
		j++
		for isDigit(s.at(j)) {
			j++
		}
	}
	return chroma.LiteralNumberInteger, j
}

// rbCharEnd matches a character literal (?a, ?\n) at i.
func (s *scanner) rbCharEnd(i int) int {
	j := i + 1
	for s.at(j) == '\\' && (s.at(j+1) == 'M' || s.at(j+1) == 'C') && s.at(j+2) == '-' {
		j += 3
	}
	var end int
	if s.at(j) == '\\' {
		if e := s.rbEscapeEnd(j); e > 0 {
			end = e
		}
	}
	if end == 0 {
		if j >= len(s.src) || isSpaceNL(s.src[j]) {
			return 0
		}
		end = s.skipRune(j)
	}
	if s.identEnd(end) > end {
		return 0
	}
	return end
}

// rbEscapeEnd matches \([\\abefnrstv#"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3}) at i.
func (s *scanner) rbEscapeEnd(i int) int {
	c := s.at(i + 1)
	switch c {
	case '\\', 'a', 'b', 'e', 'f', 'n', 'r', 's', 't', 'v', '#', '"', '\'':
		return i + 2
	case 'x':
		if isHex(s.at(i + 2)) {
			if isHex(s.at(i + 3)) {
				return i + 4
			}
			return i + 3
		}
		return 0
	}
	if c >= '0' && c <= '7' {
		j := i + 2
		for j < i+4 && s.at(j) >= '0' && s.at(j) <= '7' {
			j++
		}
		return j
	}
	return 0
}

// rbStringStart opens a string, symbol or %-literal at pos (chroma's
// "strings" state).
func (s *scanner) rbStringStart(stack []rbFrame) ([]rbFrame, bool) {
	c := s.src[s.pos]
	push := func(n int, st rbStr) ([]rbFrame, bool) {
		s.emit(st.typ, s.pos+n)
		return append(stack, rbFrame{state: rbString, str: st}), true
	}
	switch c {
	case ':':
		if s.identStartASCII(s.pos+1) || s.peek(1) == '@' && (s.identStartASCII(s.pos+2) || s.peek(2) == '@' && s.identStartASCII(s.pos+3)) {
			i := s.pos + 1
			for s.at(i) == '@' {
				i++
			}
			end := s.identEnd(i)
			if q := s.at(end); q == '!' || q == '?' {
				end++
			}
			s.emit(chroma.LiteralStringSymbol, end)
			return stack, true
		}
		if end := s.rbOperatorNameEnd(s.pos + 1); end > s.pos+1 {
			s.emit(chroma.LiteralStringSymbol, end)
			return stack, true
		}
		if s.peek(1) == '\'' {
			if end := s.rbSingleEnd(s.pos + 1); end > 0 {
				s.emit(chroma.LiteralStringSymbol, end)
				return stack, true
			}
		}
		if s.peek(1) == '"' {
			return push(2, rbStr{open: '"', close: '"', interp: true, escapes: true, typ: chroma.LiteralStringSymbol})
		}
	case '\'':
		if end := s.rbSingleEnd(s.pos); end > 0 {
			s.emit(chroma.LiteralStringSingle, end)
			return stack, true
		}
	case '"':
		return push(1, rbStr{open: '"', close: '"', interp: true, escapes: true, typ: chroma.LiteralStringDouble})
	case '`':
		if s.at(s.pos-1) != '.' {
			return push(1, rbStr{open: '`', close: '`', interp: true, escapes: true, typ: chroma.LiteralStringBacktick})
		}
	case '%':
		i := s.pos + 1
		kind := s.at(i)
		switch kind {
		case 'Q', 'W', 'x', 'q', 's', 'w', 'r':
			i++
		default:
			kind = 0
		}
		open := s.at(i)
		var closer byte
		switch open {
		case '{':
			closer = '}'
		case '[':
			closer = ']'
		case '(':
			closer = ')'
		case '<':
			closer = '>'
		}
		if closer != 0 {
			st := rbStr{open: open, close: closer, interp: kind != 'q' && kind != 's' && kind != 'w', typ: chroma.LiteralStringOther}
			st.escapes = st.interp
			if kind == 'r' {
				st.regex, st.typ, st.escapes = true, chroma.LiteralStringRegex, false
			}
			return push(i+1-s.pos, st)
		}
	}
	if c == '[' || c == ']' {
		return stack, false
	}
	// name: (a hash key), not name::
	if s.identStartASCII(s.pos) {
		end := s.identEnd(s.pos)
		if s.at(end) == ':' && s.at(end+1) != ':' {
			s.emit(chroma.LiteralStringSymbol, end)
			s.emit(chroma.Punctuation, end+1)
			return stack, true
		}
	}
	return stack, false
}

// rbSingleEnd matches '(\\\\|\\'|[^'])*' at i.
func (s *scanner) rbSingleEnd(i int) int { return s.quotedEnd(i, '\'', true) }

// rbString reads one token inside an open string.
func (s *scanner) rbString(stack []rbFrame) []rbFrame {
	st := stack[len(stack)-1].str
	c := s.src[s.pos]
	nests := st.open != st.close
	if nests && c == '\\' && (s.peek(1) == '\\' || s.peek(1) == st.open || s.peek(1) == st.close) {
		s.emit(st.typ, s.pos+2)
		return stack
	}
	if nests && c == st.open {
		s.emit(st.typ, s.pos+1)
		return append(stack, rbFrame{state: rbString, str: st})
	}
	if c == st.close {
		end := s.pos + 1
		if st.regex {
			for isRegexFlag(s.at(end)) {
				end++
			}
		}
		s.emit(st.typ, end)
		return stack[:len(stack)-1]
	}
	if st.regex && !nests && c == '\\' && (s.peek(1) == '\\' || s.peek(1) == '/') {
		s.emit(st.typ, s.pos+2)
		return stack
	}
	if st.interp && c == '#' {
		switch n := s.peek(1); {
		case n == '{':
			s.emit(chroma.LiteralStringInterpol, s.pos+2)
			return append(stack, rbFrame{state: rbIntp})
		case n == '@':
			i := s.pos + 2
			if s.at(i) == '@' {
				i++
			}
			if s.identStartASCII(i) {
				s.emit(chroma.LiteralStringInterpol, s.identEnd(i))
				return stack
			}
		case n == '$' && s.identStartASCII(s.pos+2):
			s.emit(chroma.LiteralStringInterpol, s.identEnd(s.pos+2))
			return stack
		}
	}
	if st.escapes && c == '\\' {
		if end := s.rbEscapeEnd(s.pos); end > 0 {
			s.emit(chroma.LiteralStringEscape, end)
			return stack
		}
	}
	if c == '\\' || c == '#' {
		s.emit(st.typ, s.pos+1)
		return stack
	}
	end := s.pos
	for end < len(s.src) {
		b := s.src[end]
		if b == '\\' || b == '#' || b == st.close || nests && b == st.open {
			break
		}
		end++
	}
	s.emit(st.typ, end)
	return stack
}

func isRegexFlag(c byte) bool {
	switch c {
	case 'm', 'i', 'x', 'o', 'u', 'n', 's', 'e':
		return true
	}
	return false
}

func rbKeyword(w string) bool {
	switch w {
	case "return", "ensure", "rescue", "unless", "undef", "until", "break", "begin", "elsif", "super", "alias", "while", "retry", "BEGIN", "raise", "yield", "redo", "next", "case", "when", "then", "else", "end", "for", "END", "do", "if", "in":
		return true
	}
	return false
}

func rbKeywordPseudo(w string) bool {
	switch w {
	case "module_function", "attr_accessor", "attr_reader", "attr_writer", "initialize", "protected", "include", "private", "extend", "public", "raise", "false", "catch", "throw", "attr", "loop", "true", "new", "nil":
		return true
	}
	return false
}

func rbBuiltinQ(w string) bool {
	switch w {
	case "protected_method_defined", "private_method_defined", "public_method_defined", "method_defined", "const_defined", "block_given", "instance_of", "respond_to", "iterator", "autoload", "kind_of", "tainted", "include", "frozen", "equal", "is_a", "nil", "eql":
		return true
	}
	return false
}

func rbBuiltin(w string) bool {
	switch w {
	case "protected_instance_methods", "private_instance_methods", "public_instance_methods", "instance_variable_set", "instance_variable_get", "private_class_method", "public_class_method", "instance_variables", "protected_methods", "singleton_methods", "included_modules", "instance_methods", "global_variables", "private_methods", "local_variables", "instance_method", "class_variables", "public_methods", "set_trace_func", "method_missing", "const_missing", "instance_eval", "module_eval", "untrace_var", "class_eval", "trace_var", "const_get", "readlines", "ancestors", "constants", "const_set", "object_id", "readline", "autoload", "__send__", "untaint", "methods", "display", "Integer", "sprintf", "inspect", "require", "syscall", "at_exit", "binding", "extend", "printf", "lambda", "__id__", "String", "callcc", "method", "select", "format", "system", "freeze", "caller", "raise", "Float", "print", "throw", "taint", "clone", "srand", "Array", "abort", "split", "catch", "chomp", "sleep", "open", "puts", "putc", "fork", "fail", "trap", "exit", "scan", "getc", "self", "send", "eval", "gets", "exec", "gsub", "proc", "load", "loop", "chop", "warn", "hash", "test", "name", "to_a", "rand", "to_s", "sub", "dup", "id", "p":
		return true
	}
	return false
}
