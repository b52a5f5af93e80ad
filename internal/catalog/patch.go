package catalog

import (
	"bytes"
	"fmt"
	"github.com/docgen/docgen/internal/tomlpos"
	"sort"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/docgen/docgen/internal/tomlwrite"
)

// Patch returns a catalog file with messages set and others removed, and
// everything else kept byte for byte: comments, blank lines, the order of
// tables and keys, quoting, a byte-order mark and CRLF line ends. Only the
// lines of keys whose value changes are rewritten; a message not in the
// file is added as a table in id order (at the end when the file is not in
// id order). It refuses files whose layout it cannot edit safely (dotted
// keys, arrays of tables) rather than guess; the caller says what to do.
func Patch(name string, data []byte, set []*i18n.Message, remove []string) ([]byte, error) {
	old, err := Parse(name, data)
	if err != nil {
		return nil, err
	}
	lay, err := scan(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %v; docgen edits only plain [Id] tables and Id = \"text\" lines", name, err)
	}
	byID := map[string]*i18n.Message{}
	for _, m := range old {
		byID[m.ID] = m
	}
	eol := "\n"
	if bytes.Contains(data, []byte("\r\n")) {
		eol = "\r\n"
	}
	var edits []edit
	for _, m := range set {
		have := byID[m.ID]
		t := lay.tables[m.ID]
		if root, ok := lay.root[m.ID]; ok {
			// Id = "text": keep the short form while the message is only text.
			if m.Description == "" && m.Hash == "" && onlyOther(m) {
				if have.Other != m.Other {
					edits = append(edits, edit{root.start, root.end, []string{tomlwrite.Key(m.ID) + " = " + tomlwrite.String(m.Other)}})
				}
				continue
			}
			edits = append(edits, edit{root.start, root.end, nil})
			t = nil
		}
		if t == nil {
			at := lay.insertAt(m.ID)
			lines := []string{"[" + tomlwrite.Key(m.ID) + "]"}
			for _, k := range messageKeys {
				if v := keyValue(m, k); v != "" {
					lines = append(lines, k+" = "+tomlwrite.String(v))
				}
			}
			if at > 0 && strings.TrimSpace(lay.lines[at-1]) != "" {
				lines = append([]string{""}, lines...)
			}
			if at < len(lay.lines) && strings.TrimSpace(lay.lines[at]) != "" {
				lines = append(lines, "")
			}
			edits = append(edits, edit{at, at, lines})
			continue
		}
		for i, k := range messageKeys {
			want, got := keyValue(m, k), ""
			if have != nil {
				got = keyValue(have, k)
			}
			if want == got {
				continue
			}
			span, ok := t.keys[k]
			switch {
			case ok && want == "":
				edits = append(edits, edit{span.start, span.end, nil})
			case ok:
				edits = append(edits, edit{span.start, span.end, []string{k + " = " + tomlwrite.String(want)}})
			default:
				at := t.header + 1
				for _, before := range messageKeys[:i] {
					if s, ok := t.keys[before]; ok && s.end > at {
						at = s.end
					}
				}
				edits = append(edits, edit{at, at, []string{k + " = " + tomlwrite.String(want)}})
			}
		}
	}
	for _, id := range remove {
		if root, ok := lay.root[id]; ok {
			edits = append(edits, edit{root.start, root.end, nil})
		}
		if t := lay.tables[id]; t != nil {
			start := t.header
			if start > 0 && strings.TrimSpace(lay.lines[start-1]) == "" {
				start--
			}
			edits = append(edits, edit{start, t.end, nil})
		}
	}
	out := apply(lay.lines, edits, eol)
	if err := verify(name, out, old, set, remove); err != nil {
		return nil, err
	}
	return out, nil
}

func onlyOther(m *i18n.Message) bool {
	return m.Zero == "" && m.One == "" && m.Two == "" && m.Few == "" && m.Many == ""
}

func keyValue(m *i18n.Message, k string) string {
	switch k {
	case "description":
		return m.Description
	case "hash":
		return m.Hash
	}
	return field(m, k)
}

// span is a range of lines [start, end).
type span struct{ start, end int }

type table struct {
	header int
	end    int // after the table's last key line
	keys   map[string]span
}

type layout struct {
	lines  []string // without line ends
	root   map[string]span
	tables map[string]*table
	order  []string // table ids in file order
}

// insertAt returns the line before which a new table for id goes.
func (l *layout) insertAt(id string) int {
	if !sort.StringsAreSorted(l.order) || len(l.order) == 0 {
		end := len(l.lines)
		for end > 0 && l.lines[end-1] == "" {
			end-- // the empty string after a final line end
		}
		return end
	}
	i := sort.SearchStrings(l.order, id)
	if i > 0 {
		return l.tables[l.order[i-1]].end
	}
	// Before the first table and the comments written just above it.
	at := l.tables[l.order[0]].header
	for at > 0 && strings.HasPrefix(strings.TrimSpace(l.lines[at-1]), "#") {
		at--
	}
	return at
}

// scan finds the line spans of root keys, tables and their keys.
func scan(data []byte) (*layout, error) {
	text := string(data)
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	lay := &layout{lines: lines, root: map[string]span{}, tables: map[string]*table{}}
	var cur *table
	for i := 0; i < len(lines); i++ {
		line := strings.TrimSpace(strings.TrimPrefix(lines[i], "\ufeff"))
		if line == "" || line[0] == '#' {
			continue
		}
		if line[0] == '[' {
			if strings.HasPrefix(line, "[[") {
				return nil, fmt.Errorf("line %d: arrays of tables are not messages", i+1)
			}
			end := strings.LastIndex(line, "]")
			parts := tomlpos.SplitKey(line[1:max(end, 1)])
			if len(parts) != 1 {
				return nil, fmt.Errorf("line %d: dotted table names", i+1)
			}
			cur = &table{header: i, end: i + 1, keys: map[string]span{}}
			lay.tables[parts[0]] = cur
			lay.order = append(lay.order, parts[0])
			continue
		}
		eq := tomlpos.KeyEnd(line)
		if eq < 0 {
			return nil, fmt.Errorf("line %d: not a key = value line", i+1)
		}
		parts := tomlpos.SplitKey(line[:eq])
		if len(parts) != 1 {
			return nil, fmt.Errorf("line %d: dotted keys", i+1)
		}
		s := span{i, i + 1}
		rest := strings.TrimSpace(line[eq+1:])
		for _, q := range []string{`"""`, `'''`} {
			if strings.HasPrefix(rest, q) && !strings.Contains(rest[3:], q) {
				for s.end < len(lines) && !strings.Contains(lines[s.end], q) {
					s.end++
				}
				s.end++
				i = s.end - 1
			}
		}
		if cur == nil {
			lay.root[parts[0]] = s
		} else {
			cur.keys[parts[0]] = s
			cur.end = s.end
		}
	}
	return lay, nil
}

type edit struct {
	start, end int
	lines      []string
}

// apply replaces line ranges in one pass. Edits do not overlap; an
// insertion (start == end) goes before a replacement starting there.
func apply(lines []string, edits []edit, eol string) []byte {
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		return edits[i].end < edits[j].end
	})
	out := make([]string, 0, len(lines)+len(edits))
	at := 0
	for _, e := range edits {
		if e.start > at {
			out = append(out, lines[at:e.start]...)
		}
		out = append(out, e.lines...)
		at = max(at, e.end)
	}
	out = append(out, lines[at:]...)
	return []byte(strings.Join(out, eol))
}

// verify re-reads a patched file: set messages as asked, removed ones gone,
// every other message unchanged. It guards against a layout scan got wrong.
func verify(name string, out []byte, old, set []*i18n.Message, remove []string) error {
	got, err := Parse(name, out)
	if err != nil {
		return fmt.Errorf("%s: editing the file would break it (%v); nothing was written", name, err)
	}
	want := map[string]*i18n.Message{}
	for _, m := range old {
		want[m.ID] = m
	}
	for _, m := range set {
		want[m.ID] = m
	}
	for _, id := range remove {
		delete(want, id)
	}
	if len(got) != len(want) {
		return fmt.Errorf("%s: editing the file would leave %d messages, not %d; nothing was written", name, len(got), len(want))
	}
	for _, m := range got {
		w := want[m.ID]
		if w == nil || keyValue(w, "description") != m.Description || w.Hash != m.Hash || !SameText(w, m) {
			return fmt.Errorf("%s: editing message %s would not give what was asked; nothing was written", name, m.ID)
		}
	}
	return nil
}

// SameText reports whether two messages have the same text in every form.
func SameText(a, b *i18n.Message) bool {
	return a.Other == b.Other && a.One == b.One && a.Many == b.Many && a.Few == b.Few && a.Two == b.Two && a.Zero == b.Zero
}
