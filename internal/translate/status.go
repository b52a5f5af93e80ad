package translate

import (
	"encoding/json"
	"fmt"
	"github.com/docgen/docgen/internal/safefile"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/docgen/docgen/internal/content"
	"github.com/docgen/docgen/internal/site"
)

// The states of a translation, as status prints them.
const (
	Translated = "translated" // records the English hash of now
	Stale      = "stale"      // the English changed since
	Untracked  = "untracked"  // no source_hash yet
	Draft      = "draft"      // draft = true: readers get the English
	Fallback   = "fallback"   // no translation: readers get the English
)

// States lists the states status --fail-on accepts; "untranslated" is
// another name for fallback.
var States = []string{Translated, Stale, Untracked, Draft, Fallback, "untranslated"}

// StatusReport is the --json output of docgen i18n status (docs/i18n.md).
type StatusReport struct {
	Version int          `json:"version"`
	Pages   []PageStatus `json:"pages"`
}

// PageStatus is one guide's translations.
type PageStatus struct {
	Slug      string                 `json:"slug"`
	Source    string                 `json:"source"`
	Updated   string                 `json:"updated,omitempty"`
	Languages map[string]TransStatus `json:"languages"`
}

// TransStatus is one translation's state. For a stale one, SectionsChanged
// counts the English sections changed since it was synced (nil when the
// English it was made from is not known).
type TransStatus struct {
	State           string `json:"state"`
	File            string `json:"file,omitempty"`
	SectionsChanged *int   `json:"sections_changed,omitempty"`
}

// loadSite loads the pages and groups them into guides.
func (s *Site) loadSite() (*site.Site, error) {
	pages, err := content.Load(s.root, "content", func(code string) bool { return s.cfg.Language(code) != nil })
	if err != nil {
		return nil, err
	}
	st, _, err := site.Build(s.cfg, pages)
	return st, err
}

// Status prints each guide's translation state per language (or JSON) and
// returns how many translations are in each state. For each stale one it
// tells how many English sections changed since the translation was synced.
func (s *Site) Status(w io.Writer, asJSON bool) (map[string]int, error) {
	st, err := s.loadSite()
	if err != nil {
		return nil, err
	}
	report := StatusReport{Version: 1, Pages: []PageStatus{}}
	type staleNote struct{ slug, lang, text string }
	var notes []staleNote
	counts := map[string]int{}
	for _, g := range st.Guides {
		ps := PageStatus{Slug: g.Slug, Source: g.Source.Path, Languages: map[string]TransStatus{}}
		if !g.Source.Updated.IsZero() {
			ps.Updated = g.Source.Updated.UTC().Format("2006-01-02")
		}
		for _, ls := range st.Languages {
			if ls.Lang == s.cfg.DefaultLanguage {
				continue
			}
			p := st.Page(ls.Lang.Code, g.Slug)
			ts := TransStatus{State: Translated}
			if tr := g.Pages[ls.Lang.Code]; tr != nil {
				ts.File = tr.Path
				if tr.Front.SourceHash == "" {
					ts.State = Untracked
				} else if tr.Front.SourceHash == g.Source.Hash {
					// The English as it is now is what this translation
					// records: keep it for diff on sites without history
					// (best effort: status must work in a read-only tree).
					_ = s.snapshot(g.Slug, g.Source.Hash, g.Source.Body)
				}
			}
			switch {
			case p.Draft:
				ts.State = Draft
			case p.Fallback:
				ts.State = Fallback
			case p.Stale:
				ts.State = Stale
				then, from, ok := s.synced(g.Slug, g.Source.Path, p.Content.Front.SourceHash)
				text := "the English it was made from is not in git history or docgen's snapshots"
				if ok {
					n := len(compareSections(then, string(g.Source.Body)))
					ts.SectionsChanged = &n
					text = fmt.Sprintf("%s changed since %s", count(n, "section"), from)
				}
				notes = append(notes, staleNote{g.Slug, ls.Lang.Code, text})
			}
			ps.Languages[ls.Lang.Code] = ts
			counts[ts.State]++
		}
		report.Pages = append(report.Pages, ps)
	}
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return counts, enc.Encode(report)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	head := []string{"PAGE"}
	for _, ls := range st.Languages {
		if ls.Lang != s.cfg.DefaultLanguage {
			head = append(head, ls.Lang.Code)
		}
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for _, ps := range report.Pages {
		row := []string{ps.Slug}
		for _, code := range head[1:] {
			row = append(row, ps.Languages[code].State)
		}
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	tw.Flush()
	fmt.Fprintf(w, "%d translated, %d stale, %d untracked, %d draft, %d fallback\n",
		counts[Translated], counts[Stale], counts[Untracked], counts[Draft], counts[Fallback])
	for _, n := range notes {
		fmt.Fprintf(w, "stale %s/%s: %s (docgen i18n diff %s %s)\n", n.slug, n.lang, n.text, n.lang, n.slug)
	}
	if counts[Stale] > 0 {
		fmt.Fprintln(w, "stale: the English page changed after the translation; update it, then run docgen i18n status --accept content/<slug>/<lang>.md")
	}
	if counts[Untracked] > 0 {
		fmt.Fprintln(w, "untracked: no source_hash yet; after checking the translation, docgen i18n status --accept content/<slug>/<lang>.md records it")
	}
	return counts, nil
}

// FailOn parses a --fail-on list ("stale,untranslated,draft") and returns
// the states it names, or an error naming an unknown one.
func FailOn(list string) ([]string, error) {
	var out []string
	for _, f := range strings.Split(list, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		known := false
		for _, s := range States {
			known = known || s == f
		}
		if !known {
			return nil, fmt.Errorf("--fail-on: unknown state %q (states: %s)", f, strings.Join(States, ", "))
		}
		if f == "untranslated" {
			f = Fallback
		}
		out = append(out, f)
	}
	return out, nil
}

// Accept records, in each named translation (content/<slug>/<lang>.md),
// that it matches its English page as it is now: it sets the source_hash
// line of its front matter and changes no other byte. A slug alone is
// refused, since it would vouch for translations nobody checked.
func (s *Site) Accept(w io.Writer, pages []string) error {
	st, err := s.loadSite()
	if err != nil {
		return err
	}
	type job struct {
		g  *site.Guide
		tr *content.Page
	}
	var jobs []job
	for _, arg := range pages {
		rel := strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(arg), "content/"), "/")
		// content/<slug>/<lang>.md, the slug a folder path at any depth.
		slug, lang := rel, ""
		if i := strings.LastIndexByte(rel, '/'); i >= 0 && strings.HasSuffix(rel, ".md") {
			slug, lang = rel[:i], strings.TrimSuffix(rel[i+1:], ".md")
		}
		if lang == "" {
			return fmt.Errorf("%s: name one translation, as content/%s/<lang>.md\n\thint: accept only translations someone checked against the English as it is now; nothing was written", arg, slug)
		}
		var g *site.Guide
		for _, x := range st.Guides {
			if x.Slug == slug {
				g = x
			}
		}
		if g == nil {
			return fmt.Errorf("content/%s: no such guide\n\thint: name a translation as content/<slug>/<lang>.md; nothing was written", slug)
		}
		tr := g.Pages[lang]
		if tr == nil || tr == g.Source {
			return fmt.Errorf("content/%s/%s.md: no such translation\n\thint: translations are content/%s/<lang>.md other than the source %s; nothing was written", slug, lang, slug, g.Source.Path)
		}
		jobs = append(jobs, job{g, tr})
	}
	sort.Slice(jobs, func(i, j int) bool { return jobs[i].tr.Path < jobs[j].tr.Path })
	for _, j := range jobs {
		data, err := safefile.ReadFile(s.path(j.tr.Path), safefile.MaxText)
		if err != nil {
			return err
		}
		out, err := content.SetFrontMatter(data, "source_hash", j.g.Source.Hash)
		if err != nil {
			return fmt.Errorf("%s: %v", j.tr.Path, err)
		}
		if err := s.snapshot(j.g.Slug, j.g.Source.Hash, j.g.Source.Body); err != nil {
			return err
		}
		if _, err := s.writeFile(j.tr.Path, out); err != nil {
			return err
		}
		fmt.Fprintf(w, "accepted %s as a translation of %s as it is now\n", j.tr.Path, j.g.Source.Path)
	}
	return nil
}

// Diff prints, for each stale translation into lang (of slug, when given),
// the English sections changed since the translation was synced, with
// their lines marked - (then) and + (now).
func (s *Site) Diff(w io.Writer, lang, slug string) error {
	if l := s.cfg.Language(lang); l == nil || l == s.cfg.DefaultLanguage {
		return fmt.Errorf("docgen i18n diff: %q is not a translation language of config.toml", lang)
	}
	st, err := s.loadSite()
	if err != nil {
		return err
	}
	found := false
	for _, g := range st.Guides {
		if slug != "" && g.Slug != slug {
			continue
		}
		found = true
		p := st.Page(lang, g.Slug)
		tr := g.Pages[lang]
		switch {
		case tr == nil || p.Fallback && !p.Draft:
			if slug != "" {
				fmt.Fprintf(w, "content/%s/%s.md does not exist; the whole English page is to translate (docgen new --translate %s %s)\n", g.Slug, lang, lang, g.Source.Path)
			}
			continue
		case tr.Front.SourceHash == "":
			fmt.Fprintf(w, "%s records no source_hash, so the English it was made from is unknown; check it against %s, then docgen i18n status --accept %s\n", tr.Path, g.Source.Path, tr.Path)
			continue
		case tr.Front.SourceHash == g.Source.Hash:
			if slug != "" {
				fmt.Fprintf(w, "%s is up to date with %s\n", tr.Path, g.Source.Path)
			}
			continue
		}
		then, from, ok := s.synced(g.Slug, g.Source.Path, tr.Front.SourceHash)
		if !ok {
			fmt.Fprintf(w, "%s is stale, but the English it was made from (%s) is not in git history or docgen's snapshots; compare it with %s by hand\n", tr.Path, tr.Front.SourceHash, g.Source.Path)
			continue
		}
		changes := compareSections(then, string(g.Source.Body))
		fmt.Fprintf(w, "%s: %s of %s changed since the translation was synced (%s)\n", tr.Path, count(len(changes), "section"), g.Source.Path, from)
		for _, c := range changes {
			printChange(w, c)
		}
		fmt.Fprintf(w, "when %s is updated: docgen i18n status --accept %s\n", tr.Path, tr.Path)
	}
	if slug != "" && !found {
		return fmt.Errorf("content/%s: no such guide", slug)
	}
	return nil
}
