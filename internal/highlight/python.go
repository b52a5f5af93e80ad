package highlight

import "github.com/alecthomas/chroma/v2"

// Python scanner states, mirroring chroma's Python lexer.
const (
	pyRoot = iota
	pyFuncName
	pyClassName
	pyFromImport
	pyImport
	pyString      // quoted string; see pyStr
	pyFExpr       // expression inside an f-string's braces
	pyFExprNested // bracketed expression inside that
)

// pyStr describes an open Python string.
type pyStr struct {
	quote  byte
	triple bool
	raw    bool // no escapes beyond \\, \quote and \newline
	f      bool // f-string: braces hold expressions
	typ    chroma.TokenType
}

type pyFrame struct {
	state int
	str   pyStr
}

// scanPython tokenizes Python 3.
func scanPython(s *scanner) {
	stack := []pyFrame{{state: pyRoot}}
	for !s.done() {
		top := &stack[len(stack)-1]
		c := s.src[s.pos]
		switch top.state {
		case pyRoot:
			if c == '\n' {
				s.emit(chroma.Text, s.pos+1)
				continue
			}
			if s.pos == 0 && s.hasPrefix("#!") && s.lineEnd(0) > 2 {
				s.emit(chroma.CommentHashbang, s.lineEnd(0))
				continue
			}
			if c == '#' {
				s.emit(chroma.CommentSingle, s.lineEnd(s.pos))
				continue
			}
			if c == '\\' {
				end := s.pos + 1
				if s.peek(1) == '\n' {
					end++
				}
				s.emit(chroma.Text, end)
				continue
			}
			if s.identStart(s.pos) {
				end := s.identEnd(s.pos)
				w := string(s.src[s.pos:end])
				if w == "yield" && s.hasPrefixAt(end, " from") && s.wordBoundary(end+5) {
					s.emit(chroma.Keyword, end+5)
					continue
				}
				if t := pyKeyword(w); t != 0 {
					s.emit(t, end)
					continue
				}
				var next int
				switch w {
				case "def":
					next = pyFuncName
				case "class":
					next = pyClassName
				case "from":
					next = pyFromImport
				case "import":
					next = pyImport
				}
				if next != 0 {
					if sp := s.pySpaceEnd(end); sp > end {
						t := chroma.Keyword
						if next == pyFromImport || next == pyImport {
							t = chroma.KeywordNamespace
						}
						s.emit(t, end)
						s.emit(chroma.Text, sp)
						stack = append(stack, pyFrame{state: next})
						continue
					}
				}
			}
			stack = s.pyExpr(stack)
		case pyFuncName, pyClassName:
			if s.identStart(s.pos) {
				end := s.identEnd(s.pos)
				t := chroma.NameClass
				if top.state == pyFuncName {
					t = chroma.NameFunction
					if pyMagicFunc(string(s.src[s.pos:end])) {
						t = chroma.NameFunctionMagic
					}
				}
				s.emit(t, end)
				stack = stack[:len(stack)-1]
				continue
			}
			if top.state == pyFuncName {
				stack = stack[:len(stack)-1]
				continue
			}
			stack = s.noMatch(stack)
		case pyFromImport:
			if sp := s.spaceEndNL(s.pos); sp > s.pos && s.hasPrefixAt(sp, "import") && s.wordBoundary(sp+6) {
				s.emit(chroma.Text, sp)
				s.emit(chroma.KeywordNamespace, sp+6)
				stack = stack[:len(stack)-1]
				continue
			}
			if c == '.' {
				s.emit(chroma.NameNamespace, s.pos+1)
				continue
			}
			if s.identStart(s.pos) {
				end := s.identEnd(s.pos)
				t := chroma.NameNamespace
				if string(s.src[s.pos:end]) == "None" {
					t = chroma.NameBuiltinPseudo
				}
				s.emit(t, end)
				if t == chroma.NameBuiltinPseudo {
					stack = stack[:len(stack)-1]
				}
				continue
			}
			stack = stack[:len(stack)-1]
		case pyImport:
			if sp := s.spaceEndNL(s.pos); sp > s.pos && s.hasPrefixAt(sp, "as") {
				if sp2 := s.spaceEndNL(sp + 2); sp2 > sp+2 {
					s.emit(chroma.Text, sp)
					s.emit(chroma.Keyword, sp+2)
					s.emit(chroma.Text, sp2)
					continue
				}
			}
			if c == '.' {
				s.emit(chroma.NameNamespace, s.pos+1)
				continue
			}
			if s.identStart(s.pos) {
				s.emit(chroma.NameNamespace, s.identEnd(s.pos))
				continue
			}
			if sp := s.spaceEndNL(s.pos); s.at(sp) == ',' {
				s.emit(chroma.Text, sp)
				s.emit(chroma.Operator, sp+1)
				s.emit(chroma.Text, s.spaceEndNL(sp+1))
				continue
			}
			stack = stack[:len(stack)-1]
		case pyString:
			stack = s.pyString(stack)
		case pyFExpr, pyFExprNested:
			if c == '{' || c == '(' || c == '[' {
				s.emit(chroma.Punctuation, s.pos+1)
				stack = append(stack, pyFrame{state: pyFExprNested})
				continue
			}
			if top.state == pyFExprNested {
				if c == '}' || c == ')' || c == ']' {
					s.emit(chroma.Punctuation, s.pos+1)
					stack = stack[:len(stack)-1]
					continue
				}
			} else if end := s.pyFExprEnd(s.pos); end > 0 {
				s.emit(chroma.LiteralStringInterpol, end)
				stack = stack[:len(stack)-1]
				continue
			}
			if isSpaceNL(c) {
				s.emit(chroma.Text, s.spaceEndNL(s.pos))
				continue
			}
			stack = s.pyExpr(stack)
		}
	}
}

// pyFExprEnd matches (=\s*)?(![sraf])?[}:] at i and returns its end, or 0.
func (s *scanner) pyFExprEnd(i int) int {
	if s.at(i) == '=' {
		i = s.spaceEndNL(i + 1)
	}
	if s.at(i) == '!' {
		switch s.at(i + 1) {
		case 's', 'r', 'a', 'f':
			i += 2
		}
	}
	if c := s.at(i); c == '}' || c == ':' {
		return i + 1
	}
	return 0
}

// pyExpr reads one token of an expression (chroma's "expr" state).
func (s *scanner) pyExpr(stack []pyFrame) []pyFrame {
	c := s.src[s.pos]
	if st, n, ok := s.pyStringStart(); ok {
		if n > 0 {
			s.emit(chroma.LiteralStringAffix, s.pos+n)
		}
		q := 1
		if st.triple {
			q = 3
		}
		s.emit(st.typ, s.pos+q)
		return append(stack, pyFrame{state: pyString, str: st})
	}
	if isSpace(c) {
		s.emit(chroma.Text, s.spaceEnd(s.pos))
		return stack
	}
	if t, end := s.pyNumber(s.pos); end > s.pos {
		s.emit(t, end)
		return stack
	}
	switch c {
	case '!', '=', ':':
		if s.peek(1) == '=' {
			s.emit(chroma.Operator, s.pos+2)
			return stack
		}
	}
	switch c {
	case '-', '~', '+', '/', '*', '%', '=', '<', '>', '&', '^', '|', '.':
		s.emit(chroma.Operator, s.pos+1)
		return stack
	case ']', '{', '}', ':', '(', ')', ',', ';', '[':
		s.emit(chroma.Punctuation, s.pos+1)
		return stack
	case '@':
		if s.identStart(s.pos + 1) {
			end := s.identEnd(s.pos + 1)
			for {
				j := s.spaceEndNL(end)
				if s.at(j) != '.' {
					break
				}
				j = s.spaceEndNL(j + 1)
				if !s.identStart(j) {
					break
				}
				end = s.identEnd(j)
			}
			s.emit(chroma.NameDecorator, end)
			return stack
		}
		s.emit(chroma.Operator, s.pos+1)
		return stack
	}
	if s.identStart(s.pos) {
		end := s.identEnd(s.pos)
		w := string(s.src[s.pos:end])
		afterDot := s.at(s.pos-1) == '.'
		t := chroma.Name
		switch {
		case w == "yield" && s.hasPrefixAt(end, " from") && s.wordBoundary(end+5):
			end += 5
			t = chroma.Keyword
		case pyOperatorWord(w):
			t = chroma.OperatorWord
		case pyExprKeyword(w):
			t = chroma.Keyword
		case w == "async" && s.hasPrefixAt(end, " for") && s.wordBoundary(end+4):
			end += 4
			t = chroma.Keyword
		case w == "True" || w == "False" || w == "None":
			t = chroma.KeywordConstant
		case !afterDot && pyBuiltin(w):
			t = chroma.NameBuiltin
		case !afterDot && (w == "self" || w == "Ellipsis" || w == "NotImplemented" || w == "cls"):
			t = chroma.NameBuiltinPseudo
		case !afterDot && pyException(w):
			t = chroma.NameException
		case pyMagicFunc(w):
			t = chroma.NameFunctionMagic
		case pyMagicVar(w):
			t = chroma.NameVariableMagic
		}
		s.emit(t, end)
		return stack
	}
	return s.noMatch(stack)
}

// noMatch does what chroma does where no rule matches: at a newline it
// returns to the root state, elsewhere it marks one character as an error.
func (s *scanner) noMatch(stack []pyFrame) []pyFrame {
	if s.src[s.pos] == '\n' {
		return stack[:1]
	}
	s.emit(chroma.Error, s.skipRune(s.pos))
	return stack
}

// pyStringStart recognizes a string's prefix and opening quote at pos.
func (s *scanner) pyStringStart() (st pyStr, prefix int, ok bool) {
	for n := 2; n >= 0; n-- {
		q := s.peek(n)
		if q != '"' && q != '\'' {
			continue
		}
		ok = true
		switch lower(string(s.src[s.pos : s.pos+n])) {
		case "rf", "fr":
			st.raw, st.f = true, true
		case "f":
			st.f = true
		case "rb", "br", "r":
			st.raw = true
		case "u", "b", "":
		default:
			ok = false
		}
		if !ok {
			continue
		}
		i := s.pos + n
		st.quote = q
		st.triple = s.at(i+1) == q && s.at(i+2) == q
		st.typ = chroma.LiteralStringDouble
		if q == '\'' {
			st.typ = chroma.LiteralStringSingle
		}
		return st, n, true
	}
	return st, 0, false
}

func lower(p string) string {
	b := []byte(p)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

// pyString reads one token inside an open string.
func (s *scanner) pyString(stack []pyFrame) []pyFrame {
	st := stack[len(stack)-1].str
	c := s.src[s.pos]
	// Closing quote.
	if c == st.quote && (!st.triple || s.peek(1) == st.quote && s.peek(2) == st.quote) {
		n := 1
		if st.triple {
			n = 3
		}
		s.emit(st.typ, s.pos+n)
		return stack[:len(stack)-1]
	}
	if st.f {
		if (c == '{' && s.peek(1) == '{') || (c == '}' && s.peek(1) == '}') {
			s.emit(chroma.LiteralStringEscape, s.pos+2)
			return stack
		}
	}
	if c == '\\' && !st.raw {
		if end := s.pyEscapeEnd(s.pos); end > 0 {
			s.emit(chroma.LiteralStringEscape, end)
			return stack
		}
	}
	if !st.triple {
		if c == '\\' && (s.peek(1) == '\\' || s.peek(1) == st.quote || s.peek(1) == '\n') {
			s.emit(chroma.LiteralStringEscape, s.pos+2)
			return stack
		}
	}
	if st.f {
		switch c {
		case '}':
			s.emit(chroma.LiteralStringInterpol, s.pos+1)
			return stack
		case '{':
			s.emit(chroma.LiteralStringInterpol, s.pos+1)
			return append(stack, pyFrame{state: pyFExpr})
		case '\\', '\'', '"':
			s.emit(st.typ, s.pos+1)
			return stack
		case '\n':
			if st.triple {
				s.emit(st.typ, s.pos+1)
				return stack
			}
			return s.noMatch(stack)
		}
		end := s.pos
		for end < len(s.src) {
			switch s.src[end] {
			case '\\', '\'', '"', '{', '}', '\n':
				s.emit(st.typ, end)
				return stack
			}
			end++
		}
		s.emit(st.typ, end)
		return stack
	}
	switch c {
	case '%':
		if end := s.pyPercentEnd(s.pos); end > 0 {
			s.emit(chroma.LiteralStringInterpol, end)
			return stack
		}
		s.emit(st.typ, s.pos+1)
		return stack
	case '{':
		if end := s.pyFormatEnd(s.pos); end > 0 {
			s.emit(chroma.LiteralStringInterpol, end)
			return stack
		}
		end := s.pos + 1
		if s.peek(1) == '{' {
			end++
		}
		s.emit(st.typ, end)
		return stack
	case '\\', '\'', '"':
		s.emit(st.typ, s.pos+1)
		return stack
	case '\n':
		if st.triple {
			s.emit(st.typ, s.pos+1)
			return stack
		}
		return s.noMatch(stack)
	}
	end := s.pos
	for end < len(s.src) {
		switch s.src[end] {
		case '\\', '\'', '"', '%', '{', '\n':
			s.emit(st.typ, end)
			return stack
		}
		end++
	}
	s.emit(st.typ, end)
	return stack
}

// pyEscapeEnd matches a Python escape sequence at i (a backslash).
func (s *scanner) pyEscapeEnd(i int) int {
	c := s.at(i + 1)
	switch c {
	case '\\', 'a', 'b', 'f', 'n', 'r', 't', 'v', '"', '\'', '\n':
		return i + 2
	case 'N':
		if s.at(i+2) == '{' {
			for j := i + 3; j < len(s.src) && s.src[j] != '\n'; j++ {
				if s.src[j] == '}' {
					return j + 1
				}
			}
		}
	case 'u', 'U', 'x':
		n := map[byte]int{'u': 4, 'U': 8, 'x': 2}[c]
		for j := 0; j < n; j++ {
			if !isHex(s.at(i + 2 + j)) {
				return 0
			}
		}
		return i + 2 + n
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

// pyPercentEnd matches a %-format directive at i.
func (s *scanner) pyPercentEnd(i int) int {
	j := i + 1
	if s.at(j) == '(' {
		k := j + 1
		for isWordByte(s.at(k)) {
			k++
		}
		if k > j+1 && s.at(k) == ')' {
			j = k + 1
		}
	}
	for c := s.at(j); c == '-' || c == '#' || c == '0' || c == ' ' || c == '+'; c = s.at(j) {
		j++
	}
	if s.at(j) == '*' {
		j++
	} else {
		for isDigit(s.at(j)) {
			j++
		}
	}
	if s.at(j) == '.' && (isDigit(s.at(j+1)) || s.at(j+1) == '*') {
		j++
		if s.at(j) == '*' {
			j++
		} else {
			for isDigit(s.at(j)) {
				j++
			}
		}
	}
	if c := s.at(j); c == 'h' || c == 'l' || c == 'L' {
		if pyConversion(s.at(j + 1)) {
			return j + 2
		}
	}
	if pyConversion(s.at(j)) {
		return j + 1
	}
	return 0
}

func pyConversion(c byte) bool {
	return c >= 'E' && c <= 'G' || c == 'X' || c >= 'c' && c <= 'g' || c == 'i' || c == 'o' || c == 'r' || c == 's' || c == 'a' || c == 'u' || c == 'x' || c == '%'
}

// pyFormatEnd matches a str.format field ({name.attr[key]!r:>10.2f}) at i.
func (s *scanner) pyFormatEnd(i int) int {
	j := i + 1
	if isWordByte(s.at(j)) {
		for isWordByte(s.at(j)) {
			j++
		}
		for {
			if s.at(j) == '.' && isWordByte(s.at(j+1)) {
				j++
				for isWordByte(s.at(j)) {
					j++
				}
			} else if s.at(j) == '[' {
				k := j + 1
				for k < len(s.src) && s.src[k] != ']' {
					k++
				}
				if k == j+1 || k >= len(s.src) {
					break
				}
				j = k + 1
			} else {
				break
			}
		}
	}
	if s.at(j) == '!' && (s.at(j+1) == 's' || s.at(j+1) == 'r' || s.at(j+1) == 'a') {
		j += 2
	}
	if s.at(j) == ':' {
		if e := s.pyFormatSpecEnd(j + 1); e > 0 {
			return e
		}
		return 0
	}
	if s.at(j) == '}' {
		return j + 1
	}
	return 0
}

// pyFormatSpecEnd matches (.?[<>=^])?[-+ ]?#?0?(\d+)?,?(\.\d+)?[E-GXb-gnosx%]?\}
// at i, trying the alignment with and without a fill character.
func (s *scanner) pyFormatSpecEnd(i int) int {
	rest := func(j int) int {
		if c := s.at(j); c == '-' || c == '+' || c == ' ' {
			j++
		}
		if s.at(j) == '#' {
			j++
		}
		if s.at(j) == '0' {
			j++
		}
		for isDigit(s.at(j)) {
			j++
		}
		if s.at(j) == ',' {
			j++
		}
		if s.at(j) == '.' && isDigit(s.at(j+1)) {
			j++
			for isDigit(s.at(j)) {
				j++
			}
		}
		if c := s.at(j); c >= 'E' && c <= 'G' || c == 'X' || c >= 'b' && c <= 'g' || c == 'n' || c == 'o' || c == 's' || c == 'x' || c == '%' {
			j++
		}
		if s.at(j) == '}' {
			return j + 1
		}
		return 0
	}
	align := func(c byte) bool { return c == '<' || c == '>' || c == '=' || c == '^' }
	if s.at(i) != '\n' && i < len(s.src) && align(s.at(s.skipRune(i))) {
		if e := rest(s.skipRune(i) + 1); e > 0 {
			return e
		}
	}
	if align(s.at(i)) {
		if e := rest(i + 1); e > 0 {
			return e
		}
	}
	return rest(i)
}

// pyNumber matches a Python number at i.
func (s *scanner) pyNumber(i int) (chroma.TokenType, int) {
	c := s.at(i)
	if !isDigit(c) && !(c == '.' && isDigit(s.at(i+1))) {
		return 0, i
	}
	if c == '0' {
		switch s.at(i+1) | 0x20 {
		case 'o':
			if e := s.digitsEndU(i+2, func(b byte) bool { return b >= '0' && b <= '7' }); e > i+2 {
				return chroma.LiteralNumberOct, e
			}
		case 'b':
			if e := s.digitsEndU(i+2, func(b byte) bool { return b == '0' || b == '1' }); e > i+2 {
				return chroma.LiteralNumberBin, e
			}
		case 'x':
			if e := s.digitsEndU(i+2, isHex); e > i+2 {
				return chroma.LiteralNumberHex, e
			}
		}
	}
	intEnd := s.digitsEnd(i, isDigit, true)
	end := intEnd
	float := false
	if s.at(end) == '.' {
		if e := s.digitsEnd(end+1, isDigit, true); e > end+1 || end > i {
			end, float = e, true
		}
	}
	if float || end > i {
		if e := s.pyExponentEnd(end); e > end {
			if float {
				return chroma.LiteralNumberFloat, e
			}
			if s.at(e) == 'j' {
				e++
			}
			return chroma.LiteralNumberFloat, e
		}
	}
	if float {
		return chroma.LiteralNumberFloat, end
	}
	return chroma.LiteralNumberInteger, intEnd
}

// digitsEndU matches (?:_?d)+ at i.
func (s *scanner) digitsEndU(i int, ok func(byte) bool) int {
	for {
		if ok(s.at(i)) {
			i++
		} else if s.at(i) == '_' && ok(s.at(i+1)) {
			i += 2
		} else {
			return i
		}
	}
}

func (s *scanner) pyExponentEnd(i int) int {
	if s.at(i)|0x20 != 'e' {
		return i
	}
	j := i + 1
	if s.at(j) == '+' || s.at(j) == '-' {
		j++
	}
	if e := s.digitsEnd(j, isDigit, true); e > j {
		return e
	}
	return i
}

// hasPrefixAt reports whether the code at i starts with p.
func (s *scanner) hasPrefixAt(i int, p string) bool {
	return i >= 0 && len(s.src)-i >= len(p) && string(s.src[i:i+len(p)]) == p
}

// pySpaceEnd matches (?:\s|\\\s)+ at i.
func (s *scanner) pySpaceEnd(i int) int {
	for {
		if isSpaceNL(s.at(i)) && i < len(s.src) {
			i++
		} else if s.at(i) == '\\' && isSpaceNL(s.at(i+1)) && i+1 < len(s.src) {
			i += 2
		} else {
			return i
		}
	}
}

func isSpaceNL(c byte) bool { return isSpace(c) || c == '\n' || c == '\r' }

// spaceEndNL returns the end of white space, newlines included, at i.
func (s *scanner) spaceEndNL(i int) int {
	for i < len(s.src) && isSpaceNL(s.src[i]) {
		i++
	}
	return i
}

func pyKeyword(w string) chroma.TokenType {
	switch w {
	case "nonlocal", "continue", "finally", "except", "lambda", "assert", "global", "return", "raise", "yield", "while", "break", "await", "async", "pass", "else", "elif", "with", "try", "for", "del", "as", "if", "match", "case":
		return chroma.Keyword
	case "False", "True", "None":
		return chroma.KeywordConstant
	}
	return 0
}

func pyExprKeyword(w string) bool {
	switch w {
	case "lambda", "yield", "await", "else", "for", "if":
		return true
	}
	return false
}

func pyOperatorWord(w string) bool {
	switch w {
	case "in", "is", "and", "or", "not":
		return true
	}
	return false
}

func pyBuiltin(w string) bool {
	switch w {
	case "__import__", "abs", "all", "any", "bin", "bool", "bytearray", "bytes", "chr", "classmethod", "compile", "complex", "delattr", "dict", "dir", "divmod", "enumerate", "eval", "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash", "hex", "id", "input", "int", "isinstance", "issubclass", "iter", "len", "list", "locals", "map", "max", "memoryview", "min", "next", "object", "oct", "open", "ord", "pow", "print", "property", "range", "repr", "reversed", "round", "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip":
		return true
	}
	return false
}

func pyException(w string) bool {
	switch w {
	case "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError", "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError", "DeprecationWarning", "EOFError", "EnvironmentError", "Exception", "FileExistsError", "FileNotFoundError", "FloatingPointError", "FutureWarning", "GeneratorExit", "IOError", "ImportError", "ImportWarning", "IndentationError", "IndexError", "InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError", "ModuleNotFoundError", "NameError", "NotADirectoryError", "NotImplementedError", "OSError", "OverflowError", "PendingDeprecationWarning", "PermissionError", "ProcessLookupError", "RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning", "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError", "SystemExit", "TabError", "TimeoutError", "TypeError", "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError", "UnicodeWarning", "UserWarning", "VMSError", "ValueError", "Warning", "WindowsError", "ZeroDivisionError":
		return true
	}
	return false
}

func pyMagicFunc(w string) bool {
	if len(w) < 5 || w[:2] != "__" || w[len(w)-2:] != "__" {
		return false
	}
	switch w {
	case "__abs__", "__add__", "__aenter__", "__aexit__", "__aiter__", "__and__", "__anext__", "__await__", "__bool__", "__bytes__", "__call__", "__complex__", "__contains__", "__del__", "__delattr__", "__delete__", "__delitem__", "__dir__", "__divmod__", "__enter__", "__eq__", "__exit__", "__float__", "__floordiv__", "__format__", "__ge__", "__get__", "__getattr__", "__getattribute__", "__getitem__", "__gt__", "__hash__", "__iadd__", "__iand__", "__ifloordiv__", "__ilshift__", "__imatmul__", "__imod__", "__imul__", "__index__", "__init__", "__instancecheck__", "__int__", "__invert__", "__ior__", "__ipow__", "__irshift__", "__isub__", "__iter__", "__itruediv__", "__ixor__", "__le__", "__len__", "__length_hint__", "__lshift__", "__lt__", "__matmul__", "__missing__", "__mod__", "__mul__", "__ne__", "__neg__", "__new__", "__next__", "__or__", "__pos__", "__pow__", "__prepare__", "__radd__", "__rand__", "__rdivmod__", "__repr__", "__reversed__", "__rfloordiv__", "__rlshift__", "__rmatmul__", "__rmod__", "__rmul__", "__ror__", "__round__", "__rpow__", "__rrshift__", "__rshift__", "__rsub__", "__rtruediv__", "__rxor__", "__set__", "__setattr__", "__setitem__", "__str__", "__sub__", "__subclasscheck__", "__truediv__", "__xor__":
		return true
	}
	return false
}

func pyMagicVar(w string) bool {
	switch w {
	case "__annotations__", "__kwdefaults__", "__qualname__", "__objclass__", "__defaults__", "__closure__", "__globals__", "__weakref__", "__module__", "__class__", "__bases__", "__slots__", "__file__", "__code__", "__name__", "__func__", "__dict__", "__self__", "__mro__", "__doc__":
		return true
	}
	return false
}
