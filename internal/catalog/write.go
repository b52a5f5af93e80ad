package catalog

import (
	"bytes"
	"sort"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/docgen/docgen/internal/tomlwrite"
)

// Marshal writes messages as a go-i18n TOML catalog, in the layout people
// read: the header comment, then one table per message sorted by id, with
// description, hash and the plural forms in CLDR order. goi18n and Weblate
// read it; the output is the same for the same messages.
func Marshal(header string, msgs []*i18n.Message) []byte {
	sorted := append([]*i18n.Message(nil), msgs...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].ID < sorted[j].ID })
	var b bytes.Buffer
	if header != "" {
		for _, line := range strings.Split(strings.TrimRight(header, "\n"), "\n") {
			b.WriteString(strings.TrimRight("# "+strings.TrimPrefix(strings.TrimPrefix(line, "#"), " "), " ") + "\n")
		}
	}
	for _, m := range sorted {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString("[" + tomlwrite.Key(m.ID) + "]\n")
		if m.Description != "" {
			b.WriteString("description = " + tomlwrite.String(m.Description) + "\n")
		}
		if m.Hash != "" {
			b.WriteString("hash = " + tomlwrite.String(m.Hash) + "\n")
		}
		for _, form := range pluralKeys {
			if text := field(m, form); text != "" {
				b.WriteString(form + " = " + tomlwrite.String(text) + "\n")
			}
		}
	}
	return b.Bytes()
}

// Header returns the comment lines at the top of a catalog file, without
// their "# " markers, so a rewrite can keep them.
func Header(data []byte) string {
	var lines []string
	for _, line := range strings.Split(string(bytes.TrimPrefix(data, []byte("\ufeff"))), "\n") {
		t := strings.TrimSpace(line)
		if !strings.HasPrefix(t, "#") {
			break
		}
		lines = append(lines, strings.TrimPrefix(strings.TrimPrefix(t, "#"), " "))
	}
	return strings.Join(lines, "\n")
}
