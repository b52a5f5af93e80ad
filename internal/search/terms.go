package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// How text is cut for matching. Text and queries are cut into words (runs
// of letters, digits and marks, after Normalize: spaces and punctuation
// separate words). A query term matches where it occurs in a word of at most MaxWord
// characters, wherever it starts. Longer runs (Thai, which has no spaces
// between words; long identifiers) are indexed as Gram-character grams, one
// at every position: a term of up to Gram characters is found wherever it
// occurs in them; a longer term is found in a section whose long runs hold
// every Gram-character piece of it (its cover), and counts as often as its
// rarest piece.
const (
	MaxWord = 24
	Gram    = 3
)

// Words cuts normalized text into words: runs of letters, digits and marks.
func Words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) })
}

// folder is Normalize with a memo of folded characters, for indexing a
// language's text (most characters repeat).
type folder map[rune]string

func (f folder) normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		d, ok := f[r]
		if !ok {
			d = Fold(r)
			f[r] = d
		}
		b.WriteString(d)
	}
	return b.String()
}

// occurrences counts the positions (overlapping) where t starts in s.
func occurrences(s, t string) int {
	n := 0
	for {
		i := strings.Index(s, t)
		if i < 0 {
			return n
		}
		n++
		_, size := utf8.DecodeRuneInString(s[i:])
		s = s[i+size:]
	}
}

// cover lists the Gram-character pieces whose presence stands for a term
// longer than Gram in long runs: at every Gram characters, and the last
// Gram characters.
func cover(t string) []string {
	r := []rune(t)
	var out []string
	for i := 0; i+Gram <= len(r); i += Gram {
		out = append(out, string(r[i:i+Gram]))
	}
	if len(r)%Gram != 0 {
		out = append(out, string(r[len(r)-Gram:]))
	}
	return out
}

// fieldScore is what a term's matches in one field (title, heading or
// body text, normalized) amount to: how many times it occurs.
func fieldScore(text, t string) int {
	short := 0
	var long []string
	for _, w := range Words(text) {
		if utf8.RuneCountInString(w) <= MaxWord {
			short += occurrences(w, t)
		} else {
			long = append(long, w)
		}
	}
	count := func(g string) int {
		n := 0
		for _, w := range long {
			n += occurrences(w, g)
		}
		return n
	}
	if utf8.RuneCountInString(t) <= Gram {
		return short + count(t)
	}
	least := -1
	for _, g := range cover(t) {
		if n := count(g); least < 0 || n < least {
			least = n
		}
	}
	return short + least
}
