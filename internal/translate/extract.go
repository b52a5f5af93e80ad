package translate

import (
	"io/fs"

	"fmt"
	"github.com/docgen/docgen"
	"io"
	"sort"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/docgen/docgen/internal/catalog"
	"github.com/docgen/docgen/internal/i18ncheck"
)

// TodoPrefix starts the description extract writes for a new message; check
// reports a source message whose description still starts with it.
const TodoPrefix = i18ncheck.TodoPrefix

// Extract adds every message id the layouts and docgen's code use to the
// source catalog, with its id as placeholder text and a TODO description.
// With prune it also deletes the messages nothing uses; it refuses to when
// a layout chooses a message id at run time, since such a message may look
// unused. Only the added and deleted tables change in the file.
func (s *Site) Extract(w io.Writer, prune bool) error {
	uses, dynamic, err := s.uses()
	if err != nil {
		return fmt.Errorf("%v\ndocgen i18n extract: cannot tell which messages are used; nothing was written", err)
	}
	src, problems := i18ncheck.Read(s.source)
	if len(problems) > 0 {
		var b strings.Builder
		for _, p := range problems {
			fmt.Fprintln(&b, p)
		}
		return fmt.Errorf("%sdocgen i18n extract: fix %s first; nothing was written", b.String(), s.source.File)
	}
	if prune && len(dynamic) > 0 {
		var b strings.Builder
		for _, u := range dynamic {
			fmt.Fprintf(&b, "%s:%d: the message id is not a quoted string, so which message it shows is known only when the page is built\n", u.File, u.Line)
		}
		return fmt.Errorf("%sdocgen i18n extract --prune: a message used this way would look unused and be deleted; nothing was written\n\thint: write the id as a string ({{.T.T \"Id\"}}), or delete unused messages by hand", b.String())
	}
	var added []*i18n.Message
	var addedIDs, unused, pruned []string
	builtin := s.builtinIDs()
	for id, us := range uses {
		if src.ByID[id] == nil && !builtin[id] {
			where := us[0].File
			if us[0].Line > 0 {
				where = fmt.Sprintf("%s:%d", us[0].File, us[0].Line)
			}
			added = append(added, &i18n.Message{ID: id, Description: TodoPrefix + " say where this appears (used at " + where + ")", Other: id})
			addedIDs = append(addedIDs, id)
		}
	}
	for id := range src.ByID {
		if _, ok := uses[id]; !ok {
			if prune {
				pruned = append(pruned, id)
			} else {
				unused = append(unused, id)
			}
		}
	}
	sort.Strings(addedIDs)
	sort.Strings(unused)
	sort.Strings(pruned)
	sort.Slice(added, func(i, j int) bool { return added[i].ID < added[j].ID })
	changed := false
	if len(added)+len(pruned) > 0 {
		var out []byte
		if s.source.Data == nil {
			out = catalog.Marshal("", added)
		} else if out, err = catalog.Patch(s.source.File, s.source.Data, added, pruned); err != nil {
			return fmt.Errorf("%v\ndocgen i18n extract: nothing was written", err)
		}
		if changed, err = s.writeFile(s.source.File, out); err != nil {
			return err
		}
	}
	total := len(src.ByID) + len(added) - len(pruned)
	fmt.Fprintf(w, "%s: %d messages; %d added, %d pruned, %d unused\n", s.source.File, total, len(added), len(pruned), len(unused))
	for _, id := range addedIDs {
		fmt.Fprintf(w, "  added   %s (write its English text and description)\n", id)
	}
	for _, id := range pruned {
		fmt.Fprintf(w, "  pruned  %s\n", id)
	}
	for _, id := range unused {
		fmt.Fprintf(w, "  unused  %s (kept; --prune deletes)\n", id)
	}
	if !changed {
		fmt.Fprintln(w, "  (file unchanged)")
	}
	return nil
}

// builtinIDs are the messages docgen's built-in catalog of the site's
// source language provides: a site need not write them.
func (s *Site) builtinIDs() map[string]bool {
	ids := builtinCatalog(s.cfg.DefaultLanguage.Code)
	if ids == nil {
		ids = map[string]bool{}
	}
	return ids
}

// builtinCatalog returns the ids of docgen's built-in catalog of a
// language, or nil when docgen has none for it.
func builtinCatalog(code string) map[string]bool {
	name := code + ".toml"
	data, err := fs.ReadFile(docgen.Locales(), name)
	if err != nil {
		return nil
	}
	ids := map[string]bool{}
	msgs, _ := catalog.Parse(name, data)
	for _, m := range msgs {
		ids[m.ID] = true
	}
	return ids
}
