package search

import (
	"strings"
	"unicode/utf8"
)

// How text is cut for matching. Text and queries are cut into words (runs
// of letters, digits and marks, after Normalize: spaces and punctuation
// separate words). A query term matches the words it begins (so "conf"
// finds "configure"), as docs search boxes do; the index holds each word
// once. Runs in scripts written without spaces between words (Thai, Lao,
// Khmer, Myanmar, Chinese, Japanese) and runs longer than MaxWord
// characters (long identifiers) are indexed as Gram-character grams, one at
// every position: a term of up to Gram characters is found wherever it
// occurs in them; a longer term is found in a section whose such runs hold
// every Gram-character piece of it (its cover), and counts as often as its
// rarest piece.
const (
	MaxWord = 24
	Gram    = 3
)

// bodyCap is the most a term's occurrences in a section's text add to its
// score (a title match adds 10, a heading match 5): a page whose title is
// the query comes before a long section that repeats its words.
const bodyCap = 3

// unspaced reports whether a word is indexed by grams: too long for a
// word, or in a script that does not put spaces between words.
func unspaced(w string) bool {
	n := 0
	for _, r := range w {
		n++
		if gramScript(r) {
			return true
		}
	}
	return n > MaxWord
}

// indexWords cuts a field's text into the words the index holds: its
// words after norm (Normalize), and, where a zero-width non-joiner joins
// the parts of a word (Persian "می‌شوند"), the parts as well, so a reader
// who types them apart ("می شوند") finds the word.
func indexWords(text string, norm func(string) string) []string {
	words := Words(norm(text))
	if !strings.ContainsRune(text, '\u200c') {
		return words
	}
	whole := make(map[string]bool, len(words))
	for _, w := range words {
		whole[w] = true
	}
	for _, w := range Words(norm(strings.ReplaceAll(text, "\u200c", " "))) {
		if !whole[w] {
			words = append(words, w)
		}
	}
	return words
}

// Words cuts normalized text into words: runs of letters, digits and marks.
func Words(s string) []string {
	var out []string
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		in := isWordRune(r)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, s[start:i])
			start = -1
		}
		i += size
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// prefixOf is 1 when word w begins with t.
func prefixOf(w, t string) int {
	if strings.HasPrefix(w, t) {
		return 1
	}
	return 0
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
// body text, as indexWords cuts it) amount to: how many times it occurs.
func fieldScore(words []string, t string) int {
	short := 0
	var long []string
	for _, w := range words {
		if !unspaced(w) {
			short += prefixOf(w, t)
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
