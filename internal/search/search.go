// Package search builds the per-language search index that the reader script
// queries in the browser, so search works from any static host. The index
// holds each page's sections (heading id, heading, text); matching is by
// normalized substring within words (see MaxWord and Gram), which finds a
// Thai word inside an unspaced sentence without a word list, and a Persian
// word whatever yeh, kaf or zero-width non-joiner it was typed with.
// Normalize has a twin in layouts/assets/docgen.js; both are tested against
// the same cases. The index is written sharded (Index.Shard), so a query
// fetches only the parts it needs (QueryShards, which the script follows),
// and brought up to date after an edit by rewriting the few files the
// edit touches (Index.Patch).
package search

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Index is one language's search index: its pages, in URL order.
type Index struct {
	Version int    `json:"v"`
	Lang    string `json:"lang"`
	Docs    []Doc  `json:"docs"`

	cut cutRule // where shards start (zero: the format's rule)
}

// Doc is one page.
type Doc struct {
	URL      string    `json:"u"`           // path below the site root, e.g. "th/developer-token-reset/"
	Title    string    `json:"t"`           // page title
	Lang     string    `json:"l,omitempty"` // set when the page's body is in another language (fallback)
	Sections []Section `json:"s"`

	encoded []byte                 // Sections as EncodeSections wrote them
	load    func() ([]byte, error) // reads encoded when it is needed
}

// Section is the text under one heading (the first has no heading).
type Section struct {
	Anchor  string `json:"a,omitempty"`
	Heading string `json:"h,omitempty"`
	Text    string `json:"x"`
}

// Page is the input for one page: its URL, title and the sections of its
// rendered body, already encoded (see EncodeSections: computed once per
// body and reused by every language that shows it and every rebuild).
type Page struct {
	URL, Title, Lang string
	Sections         []byte
	// Load, when set, reads Sections when the index needs them.
	Load func() ([]byte, error)
}

// Build makes the index of one language's pages.
func Build(lang string, pages []Page) *Index {
	idx := &Index{Version: 1, Lang: lang}
	for _, p := range pages {
		idx.Docs = append(idx.Docs, Doc{URL: p.URL, Title: p.Title, Lang: p.Lang, encoded: p.Sections, load: p.Load})
	}
	sort.Slice(idx.Docs, func(i, j int) bool { return idx.Docs[i].URL < idx.Docs[j].URL })
	return idx
}

// JSON encodes the whole index compactly and deterministically, in one
// file (the format before sharding; tests compare with it).
func (idx *Index) JSON() []byte {
	size := 64
	for _, d := range idx.Docs {
		size += len(d.URL) + len(d.Title) + len(d.encoded) + 32
	}
	b := bytes.NewBuffer(make([]byte, 0, size))
	b.WriteString(`{"v":`)
	fmt.Fprint(b, idx.Version)
	b.WriteString(`,"lang":`)
	b.Write(appendString(b.AvailableBuffer(), idx.Lang))
	b.WriteString(`,"docs":[`)
	for i, d := range idx.Docs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"u":`)
		b.Write(appendString(b.AvailableBuffer(), d.URL))
		b.WriteString(`,"t":`)
		b.Write(appendString(b.AvailableBuffer(), d.Title))
		if d.Lang != "" {
			b.WriteString(`,"l":`)
			b.Write(appendString(b.AvailableBuffer(), d.Lang))
		}
		b.WriteString(`,"s":`)
		if d.encoded != nil {
			b.Write(d.encoded)
		} else {
			b.Write(EncodeSections(d.Sections))
		}
		b.WriteByte('}')
	}
	b.WriteString("]}\n")
	return b.Bytes()
}

// EncodeSections encodes a page's sections as they appear in the index.
func EncodeSections(sections []Section) []byte {
	n := 64 // the buffer holds the text and room for a few escapes
	for _, s := range sections {
		n += len(s.Anchor) + len(s.Heading) + len(s.Text) + 24
	}
	return appendSections(make([]byte, 0, n+n/8), sections)
}

func collapse(s string) string {
	// strings.Join(strings.Fields(s), " ") in one pass: s itself when it is
	// already collapsed (most sections' text), else one allocation.
	if collapsed(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	gap := false // a space between two words is due
	for i := 0; i < len(s); {
		space, size := spaceAt(s, i)
		if space {
			gap = len(b) > 0
			i += size
			continue
		}
		if gap {
			b = append(b, ' ')
			gap = false
		}
		// Copy up to the next byte that may start a space.
		j := i + size
		for j < len(s) && !maySpace(s[j]) {
			j++
		}
		b = append(b, s[i:j]...)
		i = j
	}
	return string(b)
}

// collapsed reports whether s has no space but single ' ' between words.
func collapsed(s string) bool {
	prevSpace := true // at the start, a space would be leading
	for i := 0; i < len(s); {
		space, size := spaceAt(s, i)
		if space && (s[i] != ' ' || prevSpace) {
			return false
		}
		prevSpace = space
		i += size
	}
	return !prevSpace || s == ""
}

// maySpace reports whether byte c may start a white space character
// (unicode.IsSpace): an ASCII space or the first byte of U+0085, U+00A0,
// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F or U+3000.
func maySpace(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0xC2, 0xE1, 0xE2, 0xE3:
		return true
	}
	return false
}

// spaceAt reports whether a white space character (unicode.IsSpace)
// starts at s[i], and how many bytes to step: the character's, or one
// for a byte that starts none.
func spaceAt(s string, i int) (bool, int) {
	c := s[i]
	if !maySpace(c) {
		return false, 1
	}
	if c < utf8.RuneSelf {
		return true, 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r), size
}

// Normalize folds text for matching: case, compatibility forms, Arabic yeh
// and kaf to their Persian forms, zero-width joiners, tatweel and Arabic
// diacritics removed, and accents removed from Latin letters (so "cap nhat"
// finds "cập nhật" and "mise a jour" finds "mise à jour"). Thai marks are kept:
// they are letters of the word, not accents. Each character is folded on its
// own, so the script can map a match back to the original text.
func Normalize(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteString(Fold(r))
	}
	return b.String()
}

// Fold returns the normalized form of one character (often empty).
func Fold(r rune) string {
	var b strings.Builder
	for _, d := range norm.NFKD.String(string(r)) {
		switch {
		case d == 'ي' || d == 'ى':
			d = 'ی'
		case d == 'ك':
			d = 'ک'
		case d == 'ة':
			d = 'ه'
		case d == '\u200c' || d == '\u200d' || d == '\u200e' || d == '\u200f' || d == '\u0640' || d == '\u00ad':
			continue
		case d >= '\u064b' && d <= '\u065f', d == '\u0670':
			continue // Arabic diacritics
		case d >= '\u0300' && d <= '\u036f':
			continue // combining accents of Latin (and Vietnamese) letters
		case d == 'đ' || d == 'Đ':
			d = 'd' // Vietnamese d with stroke has no decomposition; readers type d
		}
		b.WriteRune(unicode.ToLower(d))
	}
	return norm.NFC.String(b.String())
}

// Result is one match of Query.
type Result struct {
	URL, Title, Anchor, Heading string
	Score                       int
}

// Query finds the sections of idx that contain every word of q (after
// Normalize), best first: a term in the title counts 10, in the section's
// heading 5, and 1 for each place it occurs in the section's text (see
// MaxWord and Gram for how text is cut). It is the reference for the
// sharded index (QueryShards) and the script's search.
func Query(idx *Index, q string) []Result {
	terms := Words(Normalize(q))
	if len(terms) == 0 {
		return nil
	}
	var res []Result
	for _, d := range idx.Docs {
		title := indexWords(d.Title, Normalize)
		for _, s := range d.Sections {
			head, body := indexWords(s.Heading, Normalize), indexWords(s.Text, Normalize)
			if score := sectionScore(terms, title, head, body); score > 0 {
				res = append(res, Result{URL: d.URL, Title: d.Title, Anchor: s.Anchor, Heading: s.Heading, Score: score})
			}
		}
	}
	sort.SliceStable(res, func(i, j int) bool { return res[i].Score > res[j].Score })
	return res
}

// sectionScore is a section's score for terms, 0 unless every term matches.
func sectionScore(terms []string, title, head, body []string) int {
	score := 0
	for _, t := range terms {
		n := 0
		if fieldScore(title, t) > 0 {
			n += 10
		}
		if fieldScore(head, t) > 0 {
			n += 5
		}
		n += min(fieldScore(body, t), bodyCap)
		if n == 0 {
			return 0
		}
		score += n
	}
	return score
}
