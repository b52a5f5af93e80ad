package search

import (
	"unicode"
	"unicode/utf8"
)

// cutter does what indexWords does to a field's text in one pass, without
// building the normalized text or a string per word: it folds each
// character (remembering how each one folds, as a language's text repeats
// them), and keeps the words back to back in one buffer. The index asks a
// cutter for a page's words; indexWords stays the reference (FuzzCutter).
type cutter struct {
	near []foldedRune // by rune, for runes below nearRunes (made on first use)
	far  map[rune]foldedRune

	buf   []byte // the words of the text last cut, back to back
	words []span // its words, in order
	parts []span // the parts of its words that a zero-width non-joiner splits, in order
}

// nearRunes bounds the runes a cutter remembers in a table rather than a
// map: Latin, Arabic and Persian, Thai, Vietnamese letters.
const nearRunes = 0x2000

// span is a word of a cutter's buffer.
type span struct {
	start, end int32
	gram       bool // indexed by grams (see unspaced)
}

// Kinds of folded characters.
const (
	unknownRune uint8 = iota
	wordRune          // folds to letters, digits or marks only
	spaceRune         // folds to nothing of those (it separates words)
	dropRune          // folds to nothing at all (the word goes on)
	mixedRune         // folds to both
)

// foldedRune is how a character folds.
type foldedRune struct {
	s    string // Fold(r)
	kind uint8
	gram bool // it folds to a letter of a script written without spaces (see unspaced)
}

func (c *cutter) fold(r rune) foldedRune {
	if r < nearRunes {
		if c.near == nil {
			c.near = make([]foldedRune, nearRunes)
		}
		f := &c.near[r]
		if f.kind == unknownRune {
			*f = foldRune(r)
		}
		return *f
	}
	f, ok := c.far[r]
	if !ok {
		if c.far == nil {
			c.far = map[rune]foldedRune{}
		}
		f = foldRune(r)
		c.far[r] = f
	}
	return f
}

func foldRune(r rune) foldedRune {
	f := foldedRune{s: Fold(r), kind: dropRune}
	for _, d := range f.s {
		k := spaceRune
		if isWordRune(d) {
			k = wordRune
			f.gram = f.gram || gramScript(d)
		}
		switch {
		case f.kind == dropRune:
			f.kind = k
		case f.kind != k:
			f.kind = mixedRune
		}
	}
	return f
}

// isWordRune is what Words keeps: letters, digits and marks.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// gramScript reports whether r is of a script written without spaces
// between words.
func gramScript(r rune) bool {
	return r >= 0x0E00 && unicode.In(r, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// cut cuts text into c.words and c.parts: the words indexWords returns,
// whole words then parts.
func (c *cutter) cut(text string) {
	c.buf, c.words, c.parts = c.buf[:0], c.words[:0], c.parts[:0]
	in := false     // a word is being cut
	var word int    // where it starts in buf
	var part int    // where its current part starts
	var split bool  // a zero-width non-joiner cut it
	var runes int   // its characters
	var gram bool   // some are of an unspaced script
	var joined bool // the text has a zero-width non-joiner at all
	begin := func() {
		in, word, part, split, runes, gram = true, len(c.buf), len(c.buf), false, 0, false
	}
	end := func() {
		if !in {
			return
		}
		in = false
		c.words = append(c.words, span{int32(word), int32(len(c.buf)), gram || runes > MaxWord})
		if split && part < len(c.buf) {
			c.parts = append(c.parts, c.spanOf(part, len(c.buf)))
		}
	}
	for i := 0; i < len(text); {
		b := text[i]
		if b < utf8.RuneSelf {
			i++
			if 'A' <= b && b <= 'Z' {
				b += 'a' - 'A'
			}
			if 'a' <= b && b <= 'z' || '0' <= b && b <= '9' {
				if !in {
					begin()
				}
				c.buf = append(c.buf, b)
				runes++
			} else {
				end()
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if r == '\u200c' {
			joined = true
			if in {
				if part < len(c.buf) {
					c.parts = append(c.parts, c.spanOf(part, len(c.buf)))
					part = len(c.buf)
				}
				split = true
			}
			continue
		}
		f := c.fold(r)
		switch f.kind {
		case dropRune:
		case wordRune:
			if !in {
				begin()
			}
			c.buf = append(c.buf, f.s...)
			runes += utf8.RuneCountInString(f.s)
			gram = gram || f.gram
		case spaceRune:
			end()
		default:
			for _, d := range f.s {
				if isWordRune(d) {
					if !in {
						begin()
					}
					c.buf = utf8.AppendRune(c.buf, d)
					runes++
					gram = gram || gramScript(d)
				} else {
					end()
				}
			}
		}
	}
	end()
	if !joined {
		return
	}
	// A part that is also a whole word of the text is not added again.
	kept := c.parts[:0]
	for _, p := range c.parts {
		if !c.isWord(c.buf[p.start:p.end]) {
			kept = append(kept, p)
		}
	}
	c.parts = kept
}

// spanOf is the part buf[start:end] as a word of its own.
func (c *cutter) spanOf(start, end int) span {
	return span{int32(start), int32(end), unspaced(string(c.buf[start:end]))}
}

// isWord reports whether w is one of the whole words cut.
func (c *cutter) isWord(w []byte) bool {
	for _, s := range c.words {
		if int(s.end-s.start) == len(w) && string(c.buf[s.start:s.end]) == string(w) {
			return true
		}
	}
	return false
}
