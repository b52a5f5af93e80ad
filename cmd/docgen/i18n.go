package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/docgen/docgen/internal/catalog"
	"github.com/docgen/docgen/internal/config"
	"github.com/docgen/docgen/internal/content"
	"github.com/docgen/docgen/internal/i18ncheck"
	"github.com/docgen/docgen/internal/plurals"
	"github.com/docgen/docgen/internal/render"
	"github.com/docgen/docgen/internal/site"
)

const i18nUsage = `Usage: docgen i18n <command> [flags]

Commands:
  check    [--json] [--strict]   check every catalog against the source and the layouts
  extract  [--prune]             add the message ids the layouts use to the source catalog
  merge                          fold finished work files in; write locales/translate.<lang>.toml
  status   [--json] [--accept PAGE]
                                 translated, fallback, stale or draft, per page and language

All take --root (the site folder, default ".").`

// runI18n runs the translators' tools.
func runI18n(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintln(stdout, i18nUsage)
		return 0
	}
	sub := map[string]func([]string, io.Writer, io.Writer) int{
		"check": runI18nCheck, "extract": runI18nExtract, "merge": runI18nMerge, "status": runI18nStatus,
	}[args[0]]
	if sub == nil {
		fmt.Fprintf(stderr, "docgen i18n: unknown command %q\n\n%s\n", args[0], i18nUsage)
		return 2
	}
	return sub(args[1:], stdout, stderr)
}

// i18nSite is what the i18n commands load: the configuration and the catalogs.
type i18nSite struct {
	root    string
	cfg     *config.Config
	source  i18ncheck.Catalog
	targets []i18ncheck.Catalog
}

func loadI18nSite(root string) (*i18nSite, error) {
	cfg, err := config.Load(filepath.Join(root, "config.toml"))
	if err != nil {
		return nil, err
	}
	s := &i18nSite{root: root, cfg: cfg}
	for i := range cfg.Languages {
		l := &cfg.Languages[i]
		c := i18ncheck.Catalog{Lang: l.Code, Tag: l.Tag, File: "locales/" + l.Code + ".toml"}
		data, err := os.ReadFile(filepath.Join(root, "locales", l.Code+".toml"))
		if err == nil {
			c.Data = data
		} else if !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
		if l == cfg.DefaultLanguage {
			s.source = c
		} else {
			s.targets = append(s.targets, c)
		}
	}
	return s, nil
}

// loadI18nSiteUses loads the site and the message ids it uses.
func loadI18nSiteUses(root string) (*i18nSite, map[string][]i18ncheck.Use, error) {
	s, err := loadI18nSite(root)
	if err != nil {
		return nil, nil, err
	}
	uses, err := s.uses()
	return s, uses, err
}

// uses returns every message id the layouts and docgen's code use.
func (s *i18nSite) uses() (map[string][]i18ncheck.Use, error) {
	uses, err := i18ncheck.LayoutUses(s.root, "layouts")
	if err != nil {
		return nil, err
	}
	for _, id := range render.CodeMessages() {
		uses[id] = append(uses[id], i18ncheck.Use{File: "(docgen)", Line: 0})
	}
	return uses, nil
}

func flagSet(name string, stderr io.Writer) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet("docgen i18n "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs, fs.String("root", ".", "site folder holding config.toml, locales/ and layouts/")
}

func parseFlags(fs *flag.FlagSet, args []string) (int, bool) {
	if err := parseInterspersed(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		return 2, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return 2, false
	}
	return 0, true
}

// checkReport is the --json output of docgen i18n check (docs/i18n.md).
type checkReport struct {
	Version  int                       `json:"version"`
	Findings []i18ncheck.Finding       `json:"findings"`
	Summary  map[string]languageCounts `json:"summary"`
}

type languageCounts struct {
	File     string `json:"file"`
	Errors   int    `json:"errors"`
	Warnings int    `json:"warnings"`
}

func runI18nCheck(args []string, stdout, stderr io.Writer) int {
	fs, root := flagSet("check", stderr)
	asJSON := fs.Bool("json", false, "print findings as JSON (see docs/i18n.md)")
	strict := fs.Bool("strict", false, "exit with status 1 when there is any error-level finding")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	s, uses, err := loadI18nSiteUses(*root)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	findings := i18ncheck.Check(s.source, s.targets, uses)
	pages, err := filepath.Glob(filepath.Join(s.root, "content", "*", "*.md"))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	sort.Strings(pages)
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		rel, _ := filepath.Rel(s.root, p)
		lang := strings.TrimSuffix(filepath.Base(p), ".md")
		if s.cfg.Language(lang) != nil {
			findings = append(findings, i18ncheck.PageBidi(filepath.ToSlash(rel), lang, data)...)
		}
	}
	report := checkReport{Version: 1, Findings: findings, Summary: map[string]languageCounts{}}
	if report.Findings == nil {
		report.Findings = []i18ncheck.Finding{}
	}
	for _, c := range append([]i18ncheck.Catalog{s.source}, s.targets...) {
		report.Summary[c.Lang] = languageCounts{File: c.File}
	}
	for _, f := range findings {
		lc := report.Summary[f.Language]
		if f.Severity == i18ncheck.Error {
			lc.Errors++
		} else {
			lc.Warnings++
		}
		report.Summary[f.Language] = lc
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		enc.Encode(report)
	} else {
		printFindings(stdout, s, findings)
	}
	if errs, _ := i18ncheck.Counts(findings); *strict && errs > 0 {
		return 1
	}
	return 0
}

// printFindings writes a table per language.
func printFindings(w io.Writer, s *i18nSite, findings []i18ncheck.Finding) {
	for _, c := range append([]i18ncheck.Catalog{s.source}, s.targets...) {
		var mine []i18ncheck.Finding
		for _, f := range findings {
			if f.Language == c.Lang {
				mine = append(mine, f)
			}
		}
		errs, warns := i18ncheck.Counts(mine)
		state := ""
		if c.Data == nil {
			state = " (no file: every message shows in English)"
		}
		fmt.Fprintf(w, "%s  %s%s: %s, %s\n", c.Lang, c.File, state, count(errs, "error"), count(warns, "warning"))
		if len(mine) == 0 {
			continue
		}
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, f := range mine {
			fmt.Fprintf(tw, "  %s:%d:%d\t%s\t%s\t%s\t%s\n", f.File, f.Line, f.Column, f.Severity, f.Kind, f.ID, f.Message)
			fmt.Fprintf(tw, "  \t\t\t\t→ %s\n", f.Hint)
		}
		tw.Flush()
	}
	errs, warns := i18ncheck.Counts(findings)
	fmt.Fprintf(w, "total: %s, %s\n", count(errs, "error"), count(warns, "warning"))
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func runI18nExtract(args []string, stdout, stderr io.Writer) int {
	fs, root := flagSet("extract", stderr)
	prune := fs.Bool("prune", false, "also delete messages nothing uses")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	s, uses, err := loadI18nSiteUses(*root)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	src, problems := i18ncheck.Read(s.source)
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(stderr, p)
		}
		fmt.Fprintf(stderr, "docgen i18n extract: fix %s first; nothing was written\n", s.source.File)
		return 1
	}
	var added, unused, pruned []string
	for id, us := range uses {
		if src.ByID[id] == nil {
			where := us[0].File
			if us[0].Line > 0 {
				where = fmt.Sprintf("%s:%d", us[0].File, us[0].Line)
			}
			src.ByID[id] = &i18n.Message{ID: id, Description: "TODO: say where this appears (used at " + where + ")", Other: id}
			added = append(added, id)
		}
	}
	for id := range src.ByID {
		if _, ok := uses[id]; !ok {
			if *prune {
				delete(src.ByID, id)
				pruned = append(pruned, id)
			} else {
				unused = append(unused, id)
			}
		}
	}
	msgs := make([]*i18n.Message, 0, len(src.ByID))
	for _, m := range src.ByID {
		msgs = append(msgs, m)
	}
	out := catalog.Marshal(catalog.Header(s.source.Data), msgs)
	path := filepath.Join(s.root, filepath.FromSlash(s.source.File))
	changed := !bytes.Equal(out, s.source.Data)
	if changed {
		if err := os.WriteFile(path, out, 0o644); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
	}
	sort.Strings(added)
	sort.Strings(unused)
	sort.Strings(pruned)
	fmt.Fprintf(stdout, "%s: %d messages; %d added, %d pruned, %d unused\n", s.source.File, len(msgs), len(added), len(pruned), len(unused))
	for _, id := range added {
		fmt.Fprintf(stdout, "  added   %s (write its English text and description)\n", id)
	}
	for _, id := range pruned {
		fmt.Fprintf(stdout, "  pruned  %s\n", id)
	}
	for _, id := range unused {
		fmt.Fprintf(stdout, "  unused  %s (kept; --prune deletes)\n", id)
	}
	if !changed {
		fmt.Fprintln(stdout, "  (file unchanged)")
	}
	return 0
}

func runI18nMerge(args []string, stdout, stderr io.Writer) int {
	fs, root := flagSet("merge", stderr)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	s, err := loadI18nSite(*root)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	src, problems := i18ncheck.Read(s.source)
	for _, t := range s.targets {
		_, p := i18ncheck.Read(t)
		problems = append(problems, p...)
		work := workCatalog(s, t)
		_, p = i18ncheck.Read(work)
		problems = append(problems, p...)
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(stderr, p)
		}
		fmt.Fprintln(stderr, "docgen i18n merge: fix the files above first; nothing was written")
		return 1
	}
	for _, t := range s.targets {
		if err := mergeLanguage(s, src, t, stdout); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
	}
	return 0
}

// workCatalog is the translator's work file of a language.
func workCatalog(s *i18nSite, t i18ncheck.Catalog) i18ncheck.Catalog {
	w := i18ncheck.Catalog{Lang: t.Lang, Tag: t.Tag, File: "locales/translate." + t.Lang + ".toml"}
	if data, err := os.ReadFile(filepath.Join(s.root, filepath.FromSlash(w.File))); err == nil {
		w.Data = data
	}
	return w
}

// mergeLanguage folds finished work into a language's catalog and writes
// the messages still to translate: missing, stale (the source changed since
// the translation's hash) and identical to the source without a hash.
func mergeLanguage(s *i18nSite, src *i18ncheck.Messages, t i18ncheck.Catalog, stdout io.Writer) error {
	active, _ := i18ncheck.Read(t)
	work, _ := i18ncheck.Read(workCatalog(s, t))
	forms := plurals.Forms(t.Tag)
	folded, stale := 0, 0
	for id, w := range work.ByID {
		sm := src.ByID[id]
		if sm == nil || w.Hash != catalog.Hash(sm) || sameText(w, sm) {
			continue // gone from the source, made from older text, or not translated yet
		}
		m := &i18n.Message{ID: id, Description: sm.Description, Hash: w.Hash}
		for _, f := range forms {
			catalog.SetField(m, f, catalog.Field(w, f))
		}
		active.ByID[id] = m
		folded++
	}
	var todo []*i18n.Message
	for id, sm := range src.ByID {
		h := catalog.Hash(sm)
		am := active.ByID[id]
		switch {
		case am == nil, am.Hash == "" && sameText(am, sm):
			todo = append(todo, toTranslate(sm, nil, forms))
		case am.Hash != "" && am.Hash != h:
			stale++
			todo = append(todo, toTranslate(sm, am, forms))
		case am.Hash == "":
			am.Hash = h // translated before hashes were kept: adopt the current source
		}
		if am != nil {
			am.Description = sm.Description
		}
	}
	msgs := make([]*i18n.Message, 0, len(active.ByID))
	for _, m := range active.ByID {
		msgs = append(msgs, m)
	}
	header := catalog.Header(t.Data)
	if header == "" {
		header = fmt.Sprintf("%s catalog of docgen's page chrome (source: %s).", t.Lang, s.source.File)
	}
	if err := writeIfChanged(filepath.Join(s.root, filepath.FromSlash(t.File)), catalog.Marshal(header, msgs)); err != nil {
		return err
	}
	workPath := filepath.Join(s.root, "locales", "translate."+t.Lang+".toml")
	if len(todo) == 0 {
		if err := os.Remove(workPath); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		fmt.Fprintf(stdout, "%-4s %d folded in; nothing left to translate\n", t.Lang, folded)
		return nil
	}
	workHeader := fmt.Sprintf("Messages to translate into %s. Replace each text with its translation,\nkeep every {{.Placeholder}}, keep the hash line, then run docgen i18n merge.", t.Lang)
	if err := writeIfChanged(workPath, catalog.Marshal(workHeader, todo)); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%-4s %d folded in; %d to translate (%d stale) in locales/translate.%s.toml\n", t.Lang, folded, len(todo), stale, t.Lang)
	return nil
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

func sameText(a, b *i18n.Message) bool {
	return a.Other == b.Other && a.One == b.One && a.Many == b.Many && a.Few == b.Few && a.Two == b.Two && a.Zero == b.Zero
}

func writeIfChanged(path string, data []byte) error {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	return os.WriteFile(path, data, 0o644)
}

// statusReport is the --json output of docgen i18n status (docs/i18n.md).
type statusReport struct {
	Version int          `json:"version"`
	Pages   []pageStatus `json:"pages"`
}

type pageStatus struct {
	Slug      string                 `json:"slug"`
	Source    string                 `json:"source"`
	Updated   string                 `json:"updated,omitempty"`
	Languages map[string]transStatus `json:"languages"`
}

type transStatus struct {
	State string `json:"state"` // translated, fallback, stale, draft, untracked
	File  string `json:"file,omitempty"`
}

func runI18nStatus(args []string, stdout, stderr io.Writer) int {
	fs, root := flagSet("status", stderr)
	asJSON := fs.Bool("json", false, "print the status as JSON (see docs/i18n.md)")
	accept := fs.String("accept", "", "record that `PAGE` (content/<slug>/<lang>.md, or a slug for all its translations) matches its source as it is now")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	cfg, err := config.Load(filepath.Join(*root, "config.toml"))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	pages, err := content.Load(*root, "content", func(code string) bool { return cfg.Language(code) != nil })
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	s, _, err := site.Build(cfg, pages)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if *accept != "" {
		return acceptPages(*root, s, *accept, stdout, stderr)
	}
	report := statusReport{Version: 1, Pages: []pageStatus{}}
	for _, g := range s.Guides {
		ps := pageStatus{Slug: g.Slug, Source: g.Source.Path, Languages: map[string]transStatus{}}
		if !g.Source.Updated.IsZero() {
			ps.Updated = g.Source.Updated.UTC().Format("2006-01-02")
		}
		for _, ls := range s.Languages {
			if ls.Lang == cfg.DefaultLanguage {
				continue
			}
			p := s.Page(ls.Lang.Code, g.Slug)
			st := transStatus{State: "translated"}
			if tr := g.Pages[ls.Lang.Code]; tr != nil {
				st.File = tr.Path
				if tr.Front.SourceHash == "" {
					st.State = "untracked"
				}
			}
			switch {
			case p.Draft:
				st.State = "draft"
			case p.Fallback:
				st.State = "fallback"
			case p.Stale:
				st.State = "stale"
			}
			ps.Languages[ls.Lang.Code] = st
		}
		report.Pages = append(report.Pages, ps)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(report)
		return 0
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	head := []string{"PAGE"}
	for _, ls := range s.Languages {
		if ls.Lang != cfg.DefaultLanguage {
			head = append(head, ls.Lang.Code)
		}
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	counts := map[string]int{}
	for _, ps := range report.Pages {
		row := []string{ps.Slug}
		for _, code := range head[1:] {
			row = append(row, ps.Languages[code].State)
			counts[ps.Languages[code].State]++
		}
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	tw.Flush()
	fmt.Fprintf(stdout, "%d translated, %d stale, %d untracked, %d draft, %d fallback\n",
		counts["translated"], counts["stale"], counts["untracked"], counts["draft"], counts["fallback"])
	if counts["stale"]+counts["untracked"] > 0 {
		fmt.Fprintln(stdout, "stale: the English page changed after the translation; update it, then run docgen i18n status --accept <page>")
		fmt.Fprintln(stdout, "untracked: no source_hash yet; after checking the translation, docgen i18n status --accept <page> records it")
	}
	return 0
}

// acceptPages records the current source hash in the named translations.
func acceptPages(root string, s *site.Site, arg string, stdout, stderr io.Writer) int {
	arg = strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(arg), "content/"), "/")
	slug, lang, _ := strings.Cut(arg, "/")
	lang = strings.TrimSuffix(lang, ".md")
	var g *site.Guide
	for _, x := range s.Guides {
		if x.Slug == slug {
			g = x
		}
	}
	if g == nil {
		fmt.Fprintf(stderr, "content/%s: no such guide\n\thint: name a translation as content/<slug>/<lang>.md, or a guide by its slug\n", slug)
		return 1
	}
	var todo []*content.Page
	for code, p := range g.Pages {
		if p != g.Source && (lang == "" || code == lang) {
			todo = append(todo, p)
		}
	}
	if len(todo) == 0 {
		fmt.Fprintf(stderr, "content/%s: no translation to accept\n\thint: translations are content/%s/<lang>.md other than the source\n", arg, slug)
		return 1
	}
	sort.Slice(todo, func(i, j int) bool { return todo[i].Path < todo[j].Path })
	for _, p := range todo {
		path := filepath.Join(root, filepath.FromSlash(p.Path))
		data, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		out, err := content.SetFrontMatter(data, "source_hash", g.Source.Hash)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", p.Path, err)
			return 1
		}
		if err := writeIfChanged(path, out); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		fmt.Fprintf(stdout, "accepted %s as a translation of %s as it is now\n", p.Path, g.Source.Path)
	}
	return 0
}
