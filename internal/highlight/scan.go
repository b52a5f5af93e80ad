package highlight

import (
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
)

// scanner holds the code being read and the tokens found so far.
type scanner struct {
	src       []byte
	pos       int
	toks      []token
	lastStart int // where the last emitted run started
}

// emit records src[pos:end] as one token of type t (merged into the previous
// token when that has the same type) and moves pos to end.
func (s *scanner) emit(t chroma.TokenType, end int) {
	if end <= s.pos {
		return
	}
	s.lastStart = s.pos
	if n := len(s.toks); n > 0 && s.toks[n-1].Type == t {
		s.toks[n-1].End = end
	} else {
		s.toks = append(s.toks, token{t, end})
	}
	s.pos = end
}

// done reports whether the whole code has been read.
func (s *scanner) done() bool { return s.pos >= len(s.src) }

// peek returns the byte at pos+i, or 0 past the end.
func (s *scanner) peek(i int) byte {
	if s.pos+i < len(s.src) {
		return s.src[s.pos+i]
	}
	return 0
}

// at returns the byte at i, or 0 past the end.
func (s *scanner) at(i int) byte {
	if i >= 0 && i < len(s.src) {
		return s.src[i]
	}
	return 0
}

// hasPrefix reports whether the code at pos starts with p.
func (s *scanner) hasPrefix(p string) bool {
	return len(s.src)-s.pos >= len(p) && string(s.src[s.pos:s.pos+len(p)]) == p
}

// identEnd returns the end of the identifier characters (letters, digits,
// underscores and combining marks) from i.
func (s *scanner) identEnd(i int) int {
	for i < len(s.src) {
		c := s.src[i]
		if c < utf8.RuneSelf {
			if !isWordByte(c) {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(s.src[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) && !unicode.Is(unicode.Mc, r) && !unicode.Is(unicode.Nl, r) && !unicode.Is(unicode.No, r) {
			return i
		}
		i += n
	}
	return i
}

// identStart reports whether an identifier (letter or underscore, Unicode
// letters included) starts at i.
func (s *scanner) identStart(i int) bool {
	if i >= len(s.src) {
		return false
	}
	c := s.src[i]
	if c < utf8.RuneSelf {
		return c == '_' || isLetter(c)
	}
	r, _ := utf8.DecodeRune(s.src[i:])
	return unicode.IsLetter(r)
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isHex(c byte) bool    { return isDigit(c) || c|0x20 >= 'a' && c|0x20 <= 'f' }
func isWordByte(c byte) bool {
	return c == '_' || isLetter(c) || isDigit(c)
}

// isSpace reports whether c is horizontal white space.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\f' || c == '\v' }

// spaceEnd returns the end of horizontal white space starting at i.
func (s *scanner) spaceEnd(i int) int {
	for i < len(s.src) && isSpace(s.src[i]) {
		i++
	}
	return i
}

// lineEnd returns the index of the newline ending the line at i, or the end.
func (s *scanner) lineEnd(i int) int {
	for i < len(s.src) && s.src[i] != '\n' {
		i++
	}
	return i
}

// wordBoundary reports whether no word character follows i (a regexp \b
// after a keyword).
func (s *scanner) wordBoundary(i int) bool {
	return s.identEnd(i) == i
}

// skipRune returns the index after the character at i.
func (s *scanner) skipRune(i int) int {
	if i >= len(s.src) {
		return i
	}
	if s.src[i] < utf8.RuneSelf {
		return i + 1
	}
	_, n := utf8.DecodeRune(s.src[i:])
	return i + n
}

// digitsEnd returns the end of a run of bytes accepted by ok from i, where a
// single '_' may separate two accepted bytes.
func (s *scanner) digitsEnd(i int, ok func(byte) bool, underscore bool) int {
	if i >= len(s.src) || !ok(s.src[i]) {
		return i
	}
	i++
	for i < len(s.src) {
		if ok(s.src[i]) {
			i++
		} else if underscore && s.src[i] == '_' && i+1 < len(s.src) && ok(s.src[i+1]) {
			i += 2
		} else {
			break
		}
	}
	return i
}
