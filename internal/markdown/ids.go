package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// Slugify turns heading text into an id that keeps letters and digits of every
// script (goldmark's default drops non-ASCII runes): lower-cased, with runs
// of other characters turned into single hyphens.
func Slugify(text string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(text) {
		switch {
		case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		case r == '\u200c' || r == '\u200d':
			// Zero-width (non-)joiners shape letters; they are not word breaks.
		default:
			hyphen = true
		}
	}
	if b.Len() == 0 {
		return "section"
	}
	return b.String()
}

// ids implements goldmark's parser.IDs with Slugify and per-document
// de-duplication (a second "Setup" becomes "setup-1").
type ids struct {
	seen map[string]bool
}

// reservedIDs maps each element id the layouts use to the layout using it;
// a heading never takes one (an automatic id gets a suffix, an explicit
// {#id} is an error), so a page cannot break the search box or the menu or
// take their place. TestReservedIDsMatchLayouts keeps it in step.
var reservedIDs = map[string]string{
	"main":           "layouts/base.html",
	"search-input":   "layouts/base.html",
	"search-results": "layouts/base.html",
	"search-status":  "layouts/base.html",
	"site-nav":       "layouts/base.html",
	"summary-title":  "layouts/guide.html",
	"toc-title":      "layouts/guide.html",
	"choose":         "layouts/root.html",
	"search":         "docgen (reserved)",
}

// ReservedID returns the layout that uses id, or "" when a heading may take it.
func ReservedID(id string) string { return reservedIDs[id] }

func newIDs() *ids {
	s := &ids{seen: map[string]bool{}}
	for id := range reservedIDs {
		s.seen[id] = true
	}
	return s
}

func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	base := Slugify(string(value))
	id := base
	for i := 1; s.seen[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.seen[id] = true
	return []byte(id)
}

func (s *ids) Put(value []byte) { s.seen[string(value)] = true }
