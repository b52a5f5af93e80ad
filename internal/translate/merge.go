package translate

import (
	"encoding/json"
	"errors"
	"fmt"
	"github.com/docgen/docgen/internal/safefile"
	"io"
	"io/fs"
	"os"
	"sort"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/docgen/docgen/internal/catalog"
	"github.com/docgen/docgen/internal/i18ncheck"
	"github.com/docgen/docgen/internal/plurals"
)

// sourcesFile records, for every hash merge has written, the English
// message it was made from, so a later merge can tell a change of the
// description alone (the translation stays current) from a change of the
// text (it becomes stale).
const sourcesFile = WorkDir + "/sources.json"

// sourceRecord is the English of one hash.
type sourceRecord struct {
	Description string            `json:"description,omitempty"`
	Forms       map[string]string `json:"forms"`
}

// Merge folds what translators changed in the work files into the catalogs
// and writes each language's work file with the messages still to
// translate: missing ones, stale ones (with the old translation) and
// copies of the English. A work entry is folded in only when its text
// differs from what merge offered; it is current when the English it was
// made from is the English now (or differs only in its description), and
// is kept but stale otherwise. A catalog is written before its work file,
// so a merge stopped at any point loses nothing.
func (s *Site) Merge(w io.Writer) error {
	src, problems := i18ncheck.Read(s.source)
	for _, t := range s.targets {
		_, p := i18ncheck.Read(t)
		problems = append(problems, p...)
		work, err := s.workCatalog(t)
		if err != nil {
			return err
		}
		_, p = i18ncheck.Read(work)
		problems = append(problems, p...)
	}
	if len(problems) > 0 {
		var b strings.Builder
		for _, p := range problems {
			fmt.Fprintln(&b, p)
		}
		return fmt.Errorf("%sdocgen i18n merge: fix the files above first; nothing was written", b.String())
	}
	records, err := s.readSources()
	if err != nil {
		return err
	}
	for _, sm := range src.ByID {
		records[catalog.Hash(sm)] = recordOf(sm)
	}
	// The records go first: a work file written below refers to them.
	if err := s.writeSources(records); err != nil {
		return err
	}
	for _, t := range s.targets {
		if err := s.mergeLanguage(w, src, t, records); err != nil {
			return err
		}
	}
	return nil
}

// workCatalog is the translator's work file of a language. A work file
// left in locales/ by an older docgen must be moved first.
func (s *Site) workCatalog(t i18ncheck.Catalog) (i18ncheck.Catalog, error) {
	if _, err := os.Stat(s.path(legacyWorkFile(t.Lang))); err == nil {
		return t, fmt.Errorf("%s: work files now live in %s/, where a translation platform's locales/*.toml mask does not see them\n\thint: move it to %s (mkdir -p %s && mv %s %s), then run docgen i18n merge again; nothing was written",
			legacyWorkFile(t.Lang), WorkDir, workFile(t.Lang), WorkDir, legacyWorkFile(t.Lang), workFile(t.Lang))
	}
	c := i18ncheck.Catalog{Lang: t.Lang, Tag: t.Tag, File: workFile(t.Lang)}
	data, err := safefile.ReadFile(s.path(c.File), safefile.MaxText)
	if err == nil {
		c.Data = data
	} else if !errors.Is(err, fs.ErrNotExist) {
		return c, err
	}
	return c, nil
}

func (s *Site) mergeLanguage(w io.Writer, src *i18ncheck.Messages, t i18ncheck.Catalog, records map[string]sourceRecord) error {
	active, _ := i18ncheck.Read(t)
	wc, err := s.workCatalog(t)
	if err != nil {
		return err
	}
	work, _ := i18ncheck.Read(wc)
	forms := plurals.Forms(t.Tag)
	next := map[string]*i18n.Message{} // the catalog's messages after the merge
	for id, m := range active.ByID {
		c := *m
		next[id] = &c
	}
	folded, foldedStale := 0, 0
	var keep []*i18n.Message // work entries that stay in the work file as written
	var notes []string
	for _, id := range sortedIDs(work.ByID) {
		wm, sm, am := work.ByID[id], src.ByID[id], active.ByID[id]
		if sm == nil {
			keep = append(keep, wm) // the English is gone; the translator's text stays with them
			notes = append(notes, fmt.Sprintf("  %s is no longer in %s; kept in %s (delete it there when done)", id, s.source.File, wc.File))
			continue
		}
		if !translatorChanged(wm, sm, am, records[wm.Hash]) {
			continue
		}
		if wm.Hash == "" {
			keep = append(keep, wm)
			notes = append(notes, fmt.Sprintf("  %s has no hash line in %s, so the English it translates is unknown; put back the hash line merge wrote", id, wc.File))
			continue
		}
		m := &i18n.Message{ID: id}
		if am != nil {
			c := *am
			m = &c
		}
		for _, f := range plurals.All {
			if text := catalog.Field(wm, f); text != "" {
				catalog.SetField(m, f, text)
			}
		}
		m.Description = sm.Description
		m.Hash = wm.Hash
		next[id] = m
		folded++
		if !sameEnglish(wm.Hash, sm, records) {
			foldedStale++
		}
	}
	var todo []*i18n.Message
	stale := 0
	for _, id := range sortedIDs(src.ByID) {
		sm := src.ByID[id]
		h := catalog.Hash(sm)
		m := next[id]
		switch {
		case m == nil, m.Hash == "" && catalog.SameText(m, sm):
			todo = append(todo, toTranslate(sm, nil, forms))
		case m.Hash == "":
			m.Hash = h // translated before hashes were kept: adopt the current source
		case m.Hash != h && sameEnglish(m.Hash, sm, records):
			m.Hash = h // only the description changed
		case m.Hash != h:
			stale++
			todo = append(todo, toTranslate(sm, m, forms))
		}
		if m != nil {
			m.Description = sm.Description
		}
	}
	if err := s.writeCatalog(t, active, next); err != nil {
		return err
	}
	todo = append(todo, keep...)
	where := wc.File
	if len(todo) == 0 {
		if err := os.Remove(s.path(wc.File)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		fmt.Fprintf(w, "%-4s %s; nothing left to translate\n", t.Lang, foldedText(folded, foldedStale))
	} else {
		header := fmt.Sprintf("Messages to translate into %s. Replace each text with its translation,\nkeep every {{.Placeholder}}, keep the hash line, then run docgen i18n merge.", t.Lang)
		if _, err := s.writeFile(where, catalog.Marshal(header, todo)); err != nil {
			return err
		}
		fmt.Fprintf(w, "%-4s %s; %d to translate (%d stale) in %s\n", t.Lang, foldedText(folded, foldedStale), len(todo)-len(keep), stale, where)
	}
	for _, n := range notes {
		fmt.Fprintln(w, n)
	}
	return nil
}

func foldedText(n, stale int) string {
	if stale == 0 {
		return fmt.Sprintf("%d folded in", n)
	}
	return fmt.Sprintf("%d folded in (%d kept as stale: the English changed since)", n, stale)
}

// writeCatalog patches a catalog with the messages that changed.
func (s *Site) writeCatalog(t i18ncheck.Catalog, active *i18ncheck.Messages, next map[string]*i18n.Message) error {
	var changed []*i18n.Message
	for _, id := range sortedIDs(next) {
		m, old := next[id], active.ByID[id]
		if old == nil || old.Description != m.Description || old.Hash != m.Hash || !catalog.SameText(old, m) {
			changed = append(changed, m)
		}
	}
	if len(changed) == 0 {
		return nil
	}
	var out []byte
	if t.Data == nil {
		header := fmt.Sprintf("%s catalog of docgen's page chrome (source: %s).", t.Lang, s.source.File)
		out = catalog.Marshal(header, changed)
	} else {
		var err error
		if out, err = catalog.Patch(t.File, t.Data, changed, nil); err != nil {
			return fmt.Errorf("%v\ndocgen i18n merge: nothing was written to %s", err, t.File)
		}
	}
	_, err := s.writeFile(t.File, out)
	return err
}

// translatorChanged reports whether a work entry holds text merge did not
// offer: not the catalog's translation, not the English now, and not the
// English it was made from.
func translatorChanged(wm, sm, am *i18n.Message, made sourceRecord) bool {
	for _, f := range plurals.All {
		text := catalog.Field(wm, f)
		if text == "" {
			continue
		}
		offered := (am != nil && catalog.Field(am, f) == text) ||
			catalog.Field(sm, f) == text || sm.Other == text ||
			made.Forms[f] == text || made.Forms["other"] == text
		if !offered {
			return true
		}
	}
	return false
}

// sameEnglish reports whether hash was made from the English text of sm
// as it is now (its description may differ).
func sameEnglish(hash string, sm *i18n.Message, records map[string]sourceRecord) bool {
	if hash == catalog.Hash(sm) {
		return true
	}
	r, ok := records[hash]
	if !ok {
		return false
	}
	now := recordOf(sm)
	if len(r.Forms) != len(now.Forms) {
		return false
	}
	for f, text := range now.Forms {
		if r.Forms[f] != text {
			return false
		}
	}
	return true
}

func recordOf(m *i18n.Message) sourceRecord {
	r := sourceRecord{Description: m.Description, Forms: map[string]string{}}
	for _, f := range plurals.All {
		if text := catalog.Field(m, f); text != "" {
			r.Forms[f] = text
		}
	}
	return r
}

func (s *Site) readSources() (map[string]sourceRecord, error) {
	records := map[string]sourceRecord{}
	data, err := safefile.ReadFile(s.path(sourcesFile), safefile.MaxText)
	if errors.Is(err, fs.ErrNotExist) {
		return records, nil
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, &records); err != nil {
		return nil, fmt.Errorf("%s: %v\n\thint: docgen writes this file; delete it and run docgen i18n merge again (translations whose description alone changed will then show as stale)", sourcesFile, err)
	}
	return records, nil
}

func (s *Site) writeSources(records map[string]sourceRecord) error {
	data, err := json.MarshalIndent(records, "", "  ")
	if err != nil {
		return err
	}
	_, err = s.writeFile(sourcesFile, append(data, '\n'))
	return err
}

// toTranslate is the work-file entry for a source message: the forms the
// language needs, filled with the old translation when there is one, else
// with the English text, and the source's hash.
func toTranslate(sm, old *i18n.Message, forms []string) *i18n.Message {
	m := &i18n.Message{ID: sm.ID, Description: sm.Description, Hash: catalog.Hash(sm)}
	plural := sm.One != "" || sm.Few != "" || sm.Many != "" || sm.Two != "" || sm.Zero != ""
	for _, f := range forms {
		if !plural && f != "other" {
			continue
		}
		text := ""
		if old != nil {
			text = catalog.Field(old, f)
		}
		if text == "" {
			text = catalog.Field(sm, f)
		}
		if text == "" {
			text = sm.Other
		}
		catalog.SetField(m, f, text)
	}
	return m
}

func sortedIDs(m map[string]*i18n.Message) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
