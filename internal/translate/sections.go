package translate

import (
	"fmt"
	"io"
	"regexp"
	"strings"
)

// section is a part of a page: the text before the first heading, or a
// heading and the text up to the next heading.
type section struct {
	Heading string   // the heading line, "" for the introduction
	Key     string   // what matches it across versions: its {#id}, else its text
	Lines   []string // the section's lines, heading included
}

var (
	atxHeading = regexp.MustCompile(`^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*$`)
	explicitID = regexp.MustCompile(`\{#([^}\s]+)\}\s*$`)
	fenceLine  = regexp.MustCompile("^ {0,3}(```|~~~)")
)

// splitSections splits a Markdown body at its headings (not those inside
// fenced code).
func splitSections(body string) []section {
	cur := section{Key: "(introduction)"}
	var out []section
	fence := ""
	for _, line := range strings.Split(strings.TrimRight(body, "\n"), "\n") {
		if m := fenceLine.FindStringSubmatch(line); m != nil {
			if fence == "" {
				fence = m[1]
			} else if m[1] == fence {
				fence = ""
			}
		}
		if m := atxHeading.FindStringSubmatch(line); m != nil && fence == "" {
			out = append(out, cur)
			key := m[2]
			if id := explicitID.FindStringSubmatch(key); id != nil {
				key = "#" + id[1]
			}
			cur = section{Heading: strings.TrimSpace(line), Key: key}
		}
		cur.Lines = append(cur.Lines, line)
	}
	out = append(out, cur)
	if len(out[0].Lines) == 0 || strings.TrimSpace(strings.Join(out[0].Lines, "")) == "" {
		out = out[1:]
	}
	return out
}

// sectionChange is one section that differs between two versions.
type sectionChange struct {
	Kind    string // "changed", "added" or "removed"
	Heading string
	Old     []string
	New     []string
}

// compareSections returns the sections of now that differ from then, in
// the order of now, then the removed ones.
func compareSections(then, now string) []sectionChange {
	before := splitSections(then)
	old := map[string][]int{} // key → indexes in before, in order
	for i, s := range before {
		old[s.Key] = append(old[s.Key], i)
	}
	used := make([]bool, len(before))
	var out []sectionChange
	for _, s := range splitSections(now) {
		idx := old[s.Key]
		if len(idx) == 0 {
			out = append(out, sectionChange{Kind: "added", Heading: s.Heading, New: s.Lines})
			continue
		}
		o := before[idx[0]]
		old[s.Key], used[idx[0]] = idx[1:], true
		if normalize(o.Lines) != normalize(s.Lines) {
			out = append(out, sectionChange{Kind: "changed", Heading: s.Heading, Old: o.Lines, New: s.Lines})
		}
	}
	for i, s := range before {
		if !used[i] {
			out = append(out, sectionChange{Kind: "removed", Heading: s.Heading, Old: s.Lines})
		}
	}
	return out
}

// normalize ignores what the page hash ignores: spaces at line ends and
// runs of blank lines.
func normalize(lines []string) string {
	var b strings.Builder
	blank := false
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if l == "" {
			if blank {
				continue
			}
			blank = true
		} else {
			blank = false
		}
		b.WriteString(l + "\n")
	}
	return strings.TrimSpace(b.String())
}

// printChange writes a section change with its lines marked - and +.
func printChange(w io.Writer, c sectionChange) {
	title := c.Heading
	if title == "" {
		title = "(introduction, before the first heading)"
	}
	fmt.Fprintf(w, "@@ %s: %s\n", c.Kind, title)
	for _, d := range diffLines(trimBlank(c.Old), trimBlank(c.New)) {
		fmt.Fprintln(w, d)
	}
}

func trimBlank(lines []string) []string {
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// diffLines is a line diff by longest common subsequence: "  " kept,
// "- " removed, "+ " added. Sections are short, so quadratic is fine.
func diffLines(a, b []string) []string {
	n, m := len(a), len(b)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if strings.TrimRight(a[i], " \t") == strings.TrimRight(b[j], " \t") {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []string
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && strings.TrimRight(a[i], " \t") == strings.TrimRight(b[j], " \t"):
			out = append(out, "  "+b[j])
			i, j = i+1, j+1
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			out = append(out, "- "+a[i])
			i++
		default:
			out = append(out, "+ "+b[j])
			j++
		}
	}
	return out
}
