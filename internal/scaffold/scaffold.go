// Package scaffold writes the starting files of a writer's and a
// translator's work: a new English guide from a template, and the skeleton
// of a translation that keeps the source's headings and ids and records the
// hash of the source it was made from.
package scaffold

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/docgen/docgen/internal/content"
	"github.com/docgen/docgen/internal/markdown"
	"github.com/docgen/docgen/internal/tomlwrite"
)

// Guide returns a new guide page: front matter with the given title and
// weight, and a body that shows the conventions a writer needs first.
func Guide(title string, weight int, clients []string) []byte {
	var b bytes.Buffer
	b.WriteString("+++\n")
	fmt.Fprintf(&b, "title = %s\n", tomlwrite.String(title))
	b.WriteString("description = \"One sentence for search engines and link previews.\"\n")
	b.WriteString("summary = [\n  \"What the reader will have done at the end.\",\n]\n")
	b.WriteString("# updated = 2026-01-31  # without it, the date of the file's last git commit is shown\n")
	fmt.Fprintf(&b, "weight = %d\n", weight)
	b.WriteString("+++\n\n")
	b.WriteString("Say in a sentence or two what this guide is for and who needs it.\n\n")
	b.WriteString("## Before you begin {#before-you-begin}\n\n")
	b.WriteString("- What the reader needs first.\n\n")
	b.WriteString("> [!NOTE]\n> A callout. Kinds: NOTE, TIP, IMPORTANT, WARNING, CAUTION.\n\n")
	b.WriteString("## Steps {#steps}\n\n")
	b.WriteString("1. The first step.\n2. The second step.\n")
	if len(clients) > 0 {
		b.WriteString("\nSteps that differ by client library form one group, a variant per library:\n\n")
		for _, c := range clients {
			fmt.Fprintf(&b, "::: client %s\n```%s\n# the %s sample\n```\n", c, c, c)
		}
		b.WriteString(":::\n")
	}
	return b.Bytes()
}

// Translation returns the skeleton of a translation of src: the source's
// front matter and body to translate in place, every ATX heading given its
// explicit {#id} so links keep working, source and source_hash recorded,
// and draft = true so readers keep getting the source until it is done.
func Translation(src *content.Page, headings []markdown.Heading) []byte {
	var b bytes.Buffer
	fm := src.Front
	b.WriteString("+++\n")
	b.WriteString("# Translation skeleton made by docgen new --translate. Translate the title,\n")
	b.WriteString("# description, summary and text below in place; keep every {#id} and\n")
	b.WriteString("# ::: client line as it is; then delete the draft line to publish.\n")
	fmt.Fprintf(&b, "title = %s\n", tomlwrite.String(fm.Title))
	if fm.Description != "" {
		fmt.Fprintf(&b, "description = %s\n", tomlwrite.String(fm.Description))
	}
	if len(fm.Summary) > 0 {
		b.WriteString("summary = [\n")
		for _, s := range fm.Summary {
			fmt.Fprintf(&b, "  %s,\n", tomlwrite.String(s))
		}
		b.WriteString("]\n")
	}
	if !fm.Updated.IsZero() {
		fmt.Fprintf(&b, "updated = %s\n", fm.Updated.Format("2006-01-02"))
	}
	if fm.Weight != 0 {
		fmt.Fprintf(&b, "weight = %d\n", fm.Weight)
	}
	fmt.Fprintf(&b, "source = %s\n", tomlwrite.String(src.Lang+".md"))
	fmt.Fprintf(&b, "source_hash = %s\n", tomlwrite.String(src.Hash))
	b.WriteString("draft = true\n")
	b.WriteString("+++\n")
	b.Write(withHeadingIDs(src.Body, src.BodyLine, headings))
	return b.Bytes()
}

// withHeadingIDs appends {#id} to every ATX heading line of body that has
// no explicit id yet. firstLine is the file line body starts on.
func withHeadingIDs(body []byte, firstLine int, headings []markdown.Heading) []byte {
	lines := strings.SplitAfter(string(body), "\n")
	for _, h := range headings {
		i := h.Line - firstLine
		if i < 0 || i >= len(lines) {
			continue
		}
		line := strings.TrimRight(lines[i], "\n")
		trimmed := strings.TrimLeft(line, " ")
		if !strings.HasPrefix(trimmed, "#") || strings.Contains(line, "{#") {
			continue // setext heading, or the id is already explicit
		}
		lines[i] = stripClosingHashes(line) + " {#" + h.ID + "}\n"
	}
	return []byte(strings.Join(lines, ""))
}

// stripClosingHashes removes an ATX heading's optional closing sequence
// ("## Title ##" → "## Title") and trailing spaces.
func stripClosingHashes(line string) string {
	line = strings.TrimRight(line, " \t")
	t := strings.TrimRight(line, "#")
	if len(t) < len(line) && (strings.HasSuffix(t, " ") || strings.HasSuffix(t, "\t")) {
		line = strings.TrimRight(t, " \t")
	}
	return line
}
