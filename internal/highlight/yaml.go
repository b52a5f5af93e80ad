package highlight

import "github.com/alecthomas/chroma/v2"

// scanYAML tokenizes YAML, following chroma's line-oriented YAML lexer: a
// key is any text before ": ", a value the rest of its line.
func scanYAML(s *scanner) {
	for !s.done() {
		c := s.src[s.pos]
		lineStart := s.pos == 0 || s.src[s.pos-1] == '\n'
		switch {
		case isSpaceNL(c):
			s.emit(chroma.TextWhitespace, s.spaceEndNL(s.pos))
			continue
		case lineStart && (s.hasPrefix("---") || s.hasPrefix("...")):
			s.emit(chroma.NameNamespace, s.pos+3)
			continue
		case c == '-' && s.peek(1) == ' ', c == '?' && s.yamlDashAfter(s.pos+1) > 0:
			e := s.pos + 2
			if c == '?' {
				e = s.yamlDashAfter(s.pos+1) + 2
			}
			s.emit(chroma.Text, e)
			continue
		case c == '#', c == '/' && s.peek(1) == '/':
			s.emit(chroma.Comment, s.lineEnd(s.pos))
			continue
		case c == '!' && s.peek(1) == '!' && s.yamlNonSpaceEnd(s.pos+2) > s.pos+2,
			(c == '&' || c == '*') && s.yamlNonSpaceEnd(s.pos+1) > s.pos+1:
			s.emit(chroma.CommentPreproc, s.yamlNonSpaceEnd(s.pos+1))
			continue
		case lineStart && s.hasPrefix("%include") && isSpaceNL(s.peek(8)):
			if e := s.lineEnd(s.spaceEndNL(s.pos + 8)); e > s.spaceEndNL(s.pos+8) {
				s.emit(chroma.CommentPreproc, e)
				continue
			}
		}
		if s.yamlKey() || s.yamlValue() {
			continue
		}
		switch c {
		case '?', ':', ',', '[', ']':
			s.emit(chroma.Punctuation, s.pos+1)
		default:
			s.emit(chroma.Text, s.skipRune(s.pos))
		}
	}
}

// yamlDashAfter matches \s*- after a "?" at i and returns the dash's index,
// or 0.
func (s *scanner) yamlDashAfter(i int) int {
	j := s.spaceEndNL(i)
	if s.at(j) == '-' && s.at(j+1) == ' ' {
		return j
	}
	return 0
}

// yamlNonSpaceEnd matches [^\s]* from i.
func (s *scanner) yamlNonSpaceEnd(i int) int {
	for i < len(s.src) && !isSpaceNL(s.src[i]) {
		i++
	}
	return i
}

// yamlKey applies chroma's key rules at pos.
func (s *scanner) yamlKey() bool {
	end := s.lineEnd(s.pos)
	if s.src[s.pos] == '"' && s.pos+1 < end {
		if c := s.src[s.pos+1]; c != '"' && c != '#' {
			// "[^"\n#].*": with the last ": " on the line.
			for k := end - 3; k > s.pos; k-- {
				if s.src[k] == '"' && s.src[k+1] == ':' && s.src[k+2] == ' ' {
					s.emit(chroma.NameTag, k+3)
					return true
				}
			}
		}
	}
	// ((?:(?!//)[^"\n{#])*?)(:)( |\n): the first colon followed by a space
	// or a newline, before any of " { # //.
	for k := s.pos; k <= end && k < len(s.src); k++ {
		c := s.src[k]
		if c == ':' && (s.at(k+1) == ' ' || s.at(k+1) == '\n' && k+1 < len(s.src)) {
			s.emit(chroma.NameTag, k)
			s.emit(chroma.Punctuation, k+1)
			s.emit(chroma.TextWhitespace, k+2)
			return true
		}
		if c == '"' || c == '\n' || c == '{' || c == '#' || c == '/' && s.at(k+1) == '/' {
			return false
		}
	}
	return false
}

// yamlValue applies chroma's value rules at pos.
func (s *scanner) yamlValue() bool {
	c := s.src[s.pos]
	if c == '|' || c == '>' {
		if e := s.yamlBlockEnd(s.pos); e > 0 {
			return true
		}
	}
	if e := s.yamlConstantEnd(s.pos); e > s.pos {
		s.emit(chroma.KeywordConstant, e)
		return true
	}
	if c == '"' || c == '\'' {
		for j := s.pos + 1; j < len(s.src); j++ {
			if s.src[j] == '\\' {
				j = s.skipRune(j+1) - 1
				continue
			}
			if s.src[j] == c {
				t := chroma.LiteralStringDouble
				if c == '\'' {
					t = chroma.LiteralStringSingle
				}
				s.emit(t, j+1)
				return true
			}
		}
	}
	if e := s.yamlDateEnd(s.pos); e > s.pos {
		s.emit(chroma.LiteralDate, e)
		return true
	}
	if e := s.yamlNumberEnd(s.pos); e > s.pos {
		s.emit(chroma.LiteralNumber, e)
		return true
	}
	switch c {
	case '{', '}', '[', ']', '?', ',', ':', '!', '-', '*', '&', '@':
		return false
	}
	end := s.lineEnd(s.pos)
	// A scalar followed by a comment: the last " #" or " //" on the line.
	for _, mark := range []string{"#", "//"} {
		for k := end - len(mark); k > s.pos; k-- {
			if s.src[k-1] == ' ' && s.hasPrefixAt(k, mark) {
				if k-1 > s.pos {
					s.emit(chroma.Literal, k-1)
					s.emit(chroma.TextWhitespace, k)
					s.emit(chroma.Comment, end)
					return true
				}
				break
			}
		}
	}
	s.emit(chroma.Literal, end)
	return true
}

// yamlBlockEnd reads a block scalar (| or > with its indented lines).
func (s *scanner) yamlBlockEnd(i int) int {
	j := i + 1
	if s.at(j) == '+' || s.at(j) == '-' {
		j++
	}
	if s.at(j) != '\n' || s.at(j+1) != ' ' {
		return 0
	}
	indent := s.runEnd(j+1, func(b byte) bool { return b == ' ' }) - (j + 1)
	end := s.lineEnd(j + 1)
	for k := end; k < len(s.src); {
		// \n* then a line indented at least as much.
		n := k
		for n < len(s.src) && s.src[n] == '\n' {
			n++
		}
		if n == k || s.runEnd(n, func(b byte) bool { return b == ' ' })-n < indent {
			break
		}
		end = s.lineEnd(n)
		k = end
	}
	s.emit(chroma.Punctuation, j)
	s.emit(chroma.LiteralStringDoc, end)
	return end
}

func (s *scanner) yamlConstantEnd(i int) int {
	for _, w := range []string{"false", "False", "FALSE", "true", "True", "TRUE", "null", "Off", "off", "yes", "Yes", "YES", "OFF", "On", "ON", "no", "No", "on", "NO", "n", "N", "Y", "y"} {
		if s.hasPrefixAt(i, w) && s.wordBoundary(i+len(w)) {
			return i + len(w)
		}
	}
	return i
}

// yamlDateEnd matches \d\d\d\d-\d\d-\d\d([T ]\d\d:\d\d:\d\d(\.\d+)?(Z|\s+[-+]\d+)?)?
func (s *scanner) yamlDateEnd(i int) int {
	digits := func(j, n int) bool {
		for k := 0; k < n; k++ {
			if !isDigit(s.at(j + k)) {
				return false
			}
		}
		return true
	}
	if !(digits(i, 4) && s.at(i+4) == '-' && digits(i+5, 2) && s.at(i+7) == '-' && digits(i+8, 2)) {
		return i
	}
	e := i + 10
	if t := s.at(e); (t == 'T' || t == ' ') && digits(e+1, 2) && s.at(e+3) == ':' && digits(e+4, 2) && s.at(e+6) == ':' && digits(e+7, 2) {
		e += 9
		if s.at(e) == '.' && isDigit(s.at(e+1)) {
			e = s.runEnd(e+1, isDigit)
		}
		if s.at(e) == 'Z' {
			e++
		} else if sp := s.spaceEndNL(e); sp > e && (s.at(sp) == '-' || s.at(sp) == '+') && isDigit(s.at(sp+1)) {
			e = s.runEnd(sp+1, isDigit)
		}
	}
	return e
}

// yamlNumberEnd matches chroma's YAML number rule, word boundaries included:
// \b[+\-]?(0x[\da-f]+|0o[0-7]+|(\d+\.?\d*|\.?\d+)(e[\+\-]?\d+)?|\.inf|\.nan)\b
func (s *scanner) yamlNumberEnd(i int) int {
	if s.isWordAt(i-1) == s.isWordAt(i) {
		return i // no \b before
	}
	j := i
	if c := s.at(j); c == '+' || c == '-' {
		j++
	}
	var ends []int // candidate ends, in the order the regexp tries them
	if s.at(j) == '0' && s.at(j+1) == 'x' {
		for e := s.runEnd(j+2, isHexLower); e > j+2; e-- {
			ends = append(ends, e)
		}
	}
	if s.at(j) == '0' && s.at(j+1) == 'o' {
		for e := s.runEnd(j+2, func(b byte) bool { return b >= '0' && b <= '7' }); e > j+2; e-- {
			ends = append(ends, e)
		}
	}
	withExp := func(e int) {
		if s.at(e) == 'e' {
			k := e + 1
			if s.at(k) == '+' || s.at(k) == '-' {
				k++
			}
			for x := s.runEnd(k, isDigit); x > k; x-- {
				ends = append(ends, x)
			}
		}
		ends = append(ends, e)
	}
	if isDigit(s.at(j)) {
		d := s.runEnd(j, isDigit)
		for k := d; k > j; k-- {
			if k == d && s.at(d) == '.' {
				for f := s.runEnd(d+1, isDigit); f > d; f-- {
					withExp(f)
				}
			}
			for f := s.runEnd(k, isDigit); f > k; f-- {
				withExp(f)
			}
			withExp(k)
		}
	}
	if s.at(j) == '.' && isDigit(s.at(j+1)) {
		for f := s.runEnd(j+1, isDigit); f > j+1; f-- {
			withExp(f)
		}
	}
	if isDigit(s.at(j)) {
		for f := s.runEnd(j, isDigit); f > j; f-- {
			withExp(f)
		}
	}
	if s.hasPrefixAt(j, ".inf") || s.hasPrefixAt(j, ".nan") {
		ends = append(ends, j+4)
	}
	for _, e := range ends {
		if s.isWordAt(e-1) == s.isWordAt(e) {
			continue // no \b after
		}
		return e
	}
	return i
}

func isHexLower(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'f' }

// isWordAt reports whether a word character is at i (false outside the code).
func (s *scanner) isWordAt(i int) bool { return i >= 0 && i < len(s.src) && isWordByte(s.src[i]) }
