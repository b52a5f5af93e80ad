package content

import (
	"path"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Parent returns the slug of the section holding slug ("guides/auth" for
// "guides/auth/oauth"), or "" at the top level.
func Parent(slug string) string {
	if i := strings.LastIndexByte(slug, '/'); i >= 0 {
		return slug[:i]
	}
	return ""
}

// Depth returns how many folders deep slug is below content/ (1 for a
// top-level page).
func Depth(slug string) int { return strings.Count(slug, "/") + 1 }

// SectionPages returns an index page for every section that has no page
// of the source language def of its own: a folder that holds page folders
// but no def.md. Its title is the folder name with the first letter upper
// case and hyphens as spaces ("getting-started" → "Getting started"); its
// body is empty (the layout lists the section's pages). The pages are
// sorted by slug.
func SectionPages(pages []*Page, def string) []*Page {
	has := map[string]bool{}
	for _, p := range pages {
		if p.Lang == def {
			has[p.Slug] = true
		}
	}
	need := map[string]bool{}
	for _, p := range pages {
		for s := Parent(p.Slug); s != "" && !has[s]; s = Parent(s) {
			need[s] = true
		}
	}
	out := make([]*Page, 0, len(need))
	for s := range need {
		out = append(out, &Page{Slug: s, Lang: def, Path: "content/" + s + "/", Front: FrontMatter{Title: FolderTitle(s)},
			Body: []byte{}, BodyLine: 1, Hash: HashBody(nil), Generated: true})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Slug < out[j].Slug })
	return out
}

// FolderTitle is the title docgen gives a section from its folder name.
func FolderTitle(slug string) string {
	name := strings.ReplaceAll(path.Base(slug), "-", " ")
	r, n := utf8.DecodeRuneInString(name)
	return string(unicode.ToUpper(r)) + name[n:]
}
