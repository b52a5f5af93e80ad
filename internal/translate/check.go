package translate

import (
	"encoding/json"
	"errors"
	"fmt"
	"github.com/docgen/docgen/internal/safefile"
	"io"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/docgen/docgen/internal/content"
	"github.com/docgen/docgen/internal/i18ncheck"
)

// CheckReport is the --json output of docgen i18n check (docs/i18n.md).
type CheckReport struct {
	Version  int                       `json:"version"`
	Findings []i18ncheck.Finding       `json:"findings"`
	Summary  map[string]LanguageCounts `json:"summary"`
}

// LanguageCounts counts one catalog's findings.
type LanguageCounts struct {
	File     string `json:"file"`
	Errors   int    `json:"errors"`
	Warnings int    `json:"warnings"`
}

// Check checks every catalog against the source catalog and the layouts,
// and every page for bidirectional controls (in its lines and in its
// decoded front matter). It prints a table per language, or JSON, and
// returns the number of error-level findings.
func (s *Site) Check(w io.Writer, asJSON bool) (errors int, err error) {
	uses, _, err := s.uses()
	if err != nil {
		return 0, err
	}
	findings := i18ncheck.CheckWithBuiltin(s.source, s.targets, uses, s.builtinIDs())
	pages, err := pageFiles(s.root)
	if err != nil {
		return 0, err
	}
	var pageFindings []i18ncheck.Finding
	for _, p := range pages {
		data, err := safefile.ReadFile(p, safefile.MaxText)
		if err != nil {
			return 0, err
		}
		rel, _ := filepath.Rel(s.root, p)
		rel = filepath.ToSlash(rel)
		lang := strings.TrimSuffix(filepath.Base(p), ".md")
		if s.cfg.Language(lang) == nil {
			continue
		}
		lines := map[int]bool{}
		for _, f := range i18ncheck.PageBidi(rel, lang, data) {
			lines[f.Line] = true
			pageFindings = append(pageFindings, f)
		}
		for _, d := range content.FrontMatterBidi(rel, data) {
			if !lines[d.Line] { // written as an escape: a line scan missed it
				pageFindings = append(pageFindings, i18ncheck.Finding{Language: lang, File: rel, Line: d.Line, Column: 1,
					Kind: "bidi", Severity: i18ncheck.Error, Message: d.Message, Hint: d.Hint})
			}
		}
	}
	findings = append(findings, pageFindings...)
	report := CheckReport{Version: 1, Findings: findings, Summary: map[string]LanguageCounts{}}
	if report.Findings == nil {
		report.Findings = []i18ncheck.Finding{}
	}
	for _, c := range s.catalogs() {
		report.Summary[c.Lang] = LanguageCounts{File: c.File}
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
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(report); err != nil {
			return 0, err
		}
	} else {
		s.printFindings(w, findings)
	}
	errs, _ := i18ncheck.Counts(findings)
	return errs, nil
}

// pageFiles lists the Markdown files under content/, at any depth, sorted;
// hidden folders are skipped as the build skips them.
func pageFiles(root string) ([]string, error) {
	var out []string
	base := filepath.Join(root, "content")
	err := filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil && p == base && errors.Is(err, fs.ErrNotExist):
			return nil
		case err != nil:
			return err
		case d.IsDir() && p != base && strings.HasPrefix(d.Name(), "."):
			return fs.SkipDir
		case d.Type().IsRegular() && strings.HasSuffix(d.Name(), ".md") && filepath.Dir(p) != base:
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

func (s *Site) catalogs() []i18ncheck.Catalog {
	return append([]i18ncheck.Catalog{s.source}, s.targets...)
}

// printFindings writes a table per language.
func (s *Site) printFindings(w io.Writer, findings []i18ncheck.Finding) {
	for _, c := range s.catalogs() {
		var mine []i18ncheck.Finding
		for _, f := range findings {
			if f.Language == c.Lang {
				mine = append(mine, f)
			}
		}
		errs, warns := i18ncheck.Counts(mine)
		state := ""
		switch {
		case c.Data == nil && c.Builtin != nil:
			state = " (no file: docgen's built-in catalog)"
		case c.Data == nil:
			state = " (no file, none built in: every message shows in English)"
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
