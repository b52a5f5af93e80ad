// Package build runs docgen's pipeline: load the configuration, pages and
// catalogs; parse every page once; arrange the site; render; publish. It is
// the one package that knows every stage.
package build

import (
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/docgen/docgen/internal/catalog"
	"github.com/docgen/docgen/internal/config"
	"github.com/docgen/docgen/internal/content"
	"github.com/docgen/docgen/internal/diag"
	"github.com/docgen/docgen/internal/markdown"
	"github.com/docgen/docgen/internal/publish"
	"github.com/docgen/docgen/internal/render"
	"github.com/docgen/docgen/internal/site"
)

// Options say where the site is and where it goes.
type Options struct {
	Root   string // site folder holding content/, locales/, layouts/
	Config string // config file; default Root/config.toml
	Out    string // output folder; default Root/public
}

// Report summarizes a build.
type Report struct {
	Languages []LanguageReport
	Warnings  diag.List
	Files     int
	Duration  time.Duration
}

// LanguageReport is one language's line of the build summary.
type LanguageReport struct {
	Code       string
	Pages      int      // guide pages published
	Translated int      // pages with a translation
	Fallback   int      // pages shown in the source language
	Stale      int      // translations older than their source
	Missing    []string // catalog messages that fell back to the source language
}

// Result is a rendered site before it is written.
type Result struct {
	Files  []render.File
	Report *Report
	Site   *site.Site
}

// Run builds the site and writes it to the output folder. On error nothing
// is written and the previous output stays as it was.
func Run(opts Options) (*Report, error) {
	opts = opts.withDefaults()
	res, err := Render(opts)
	if err != nil {
		return nil, err
	}
	if err := checkOut(opts); err != nil {
		return nil, err
	}
	start := time.Now()
	if err := publish.Write(opts.Out, res.Files); err != nil {
		return nil, fmt.Errorf("write %s: %w", opts.Out, err)
	}
	res.Report.Duration += time.Since(start)
	return res.Report, nil
}

func (o Options) withDefaults() Options {
	if o.Root == "" {
		o.Root = "."
	}
	if o.Config == "" {
		o.Config = filepath.Join(o.Root, "config.toml")
	}
	if o.Out == "" {
		o.Out = filepath.Join(o.Root, "public")
	}
	return o
}

// Render runs every stage but the last: the site, rendered in memory.
func Render(opts Options) (*Result, error) {
	opts = opts.withDefaults()
	start := time.Now()

	// 1. Load.
	cfg, err := config.Load(opts.Config)
	if err != nil {
		return nil, err
	}
	pages, err := content.Load(opts.Root, "content", func(code string) bool { return cfg.Language(code) != nil })
	if err != nil {
		return nil, err
	}
	cat, err := catalog.Load(opts.Root, "locales", cfg)
	if err != nil {
		return nil, err
	}
	syntaxCSS, err := markdown.Stylesheet("github", "github-dark")
	if err != nil {
		return nil, err
	}
	layouts, err := render.LoadLayouts(opts.Root, "layouts", syntaxCSS)
	if err != nil {
		return nil, err
	}

	// 2. Arrange pages into the site: translations, fallbacks, order.
	s, warnings, err := site.Build(cfg, pages)
	if err != nil {
		return nil, err
	}
	translators := map[string]*catalog.Translator{}
	for i := range cfg.Languages {
		translators[cfg.Languages[i].Code] = cat.Translator(&cfg.Languages[i])
	}

	// 3. Parse every page once, in its own language's converter.
	parsed, diags := parseAll(cfg, pages, translators)
	if err := diags.Err(); err != nil {
		return nil, err
	}
	warnings = append(warnings, diags.Warnings()...)
	warnings = append(warnings, matchHeadings(s, parsed)...)
	if err := renderBodies(parsed); err != nil {
		return nil, err
	}

	// 4. Render layouts.
	files, err := render.Site(render.Input{Site: s, Parsed: parsed, Translators: translators, Layouts: layouts})
	if err != nil {
		return nil, err
	}

	report := &Report{Files: len(files), Duration: time.Since(start)}
	warnings.Sort()
	report.Warnings = warnings
	for _, ls := range s.Languages {
		lr := LanguageReport{Code: ls.Lang.Code, Missing: translators[ls.Lang.Code].Missing()}
		for _, p := range ls.Pages {
			lr.Pages++
			if p.Fallback {
				lr.Fallback++
			} else {
				lr.Translated++
			}
			if p.Stale {
				lr.Stale++
			}
		}
		report.Languages = append(report.Languages, lr)
	}
	return &Result{Files: files, Report: report, Site: s}, nil
}

// parseAll parses every page with the converter of its language, on all cores.
func parseAll(cfg *config.Config, pages []*content.Page, tr map[string]*catalog.Translator) (map[string]*render.Parsed, diag.List) {
	hl := markdown.NewHighlighter()
	conv := map[string]*markdown.Converter{}
	for i := range cfg.Languages {
		l := &cfg.Languages[i]
		t := tr[l.Code]
		conv[l.Code] = markdown.New(markdown.Options{
			CalloutLabel: func(kind string) string { return t.T(calloutMessage(kind)) },
			ClientName: func(id string) string {
				c := cfg.Client(id)
				if c == nil {
					return ""
				}
				return c.Name
			},
			ClientTabsLabel: t.T("ClientLanguage"),
			RawHTML:         cfg.RawHTML,
			Highlighter:     hl,
		})
	}
	out := make([]*render.Parsed, len(pages))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, p := range pages {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			out[i] = &render.Parsed{Doc: conv[p.Lang].Parse(p.Path, p.Body, p.BodyLine)}
		}()
	}
	wg.Wait()
	m := make(map[string]*render.Parsed, len(pages))
	var diags diag.List
	for i, p := range pages {
		m[p.Path] = out[i]
		diags = append(diags, out[i].Doc.Diags...)
	}
	diags.Sort()
	return m, diags
}

// calloutMessage maps a callout kind ("key-point") to its message id ("CalloutKeyPoint").
func calloutMessage(kind string) string {
	var b strings.Builder
	b.WriteString("Callout")
	for _, part := range strings.Split(kind, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// matchHeadings gives each translated heading the id of the source heading
// it translates: by explicit id when the translation uses one of the source's
// ids, otherwise by position. Mismatches are warnings naming both files.
func matchHeadings(s *site.Site, parsed map[string]*render.Parsed) diag.List {
	var warns diag.List
	for _, g := range s.Guides {
		src := parsed[g.Source.Path].Doc
		srcIDs := map[string]bool{}
		for _, h := range src.Headings {
			srcIDs[h.ID] = true
		}
		for code, p := range g.Pages {
			if p == g.Source {
				continue
			}
			doc := parsed[p.Path].Doc
			_ = code
			if len(doc.Headings) != len(src.Headings) {
				warns.Add(diag.Warnf(p.Path, 0, "translate every heading of "+g.Source.Path+", in the same order",
					"translation has %d headings, its source %s has %d", len(doc.Headings), g.Source.Path, len(src.Headings)))
			}
			for i, h := range doc.Headings {
				if srcIDs[h.ID] {
					continue
				}
				if i < len(src.Headings) {
					doc.SetHeadingID(i, src.Headings[i].ID)
					continue
				}
				warns.Add(diag.Warnf(p.Path, h.Line, "give it the id of a heading in "+g.Source.Path+" with {#id}",
					"heading %q has no counterpart in %s", h.Text, g.Source.Path))
			}
		}
	}
	return warns
}

// renderBodies turns every parsed page into HTML once, on all cores.
func renderBodies(parsed map[string]*render.Parsed) error {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var first error
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, p := range parsed {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			h, err := p.Doc.HTML()
			mu.Lock()
			defer mu.Unlock()
			if err != nil && first == nil {
				first = err
			}
			p.HTML = template.HTML(h)
		}()
	}
	wg.Wait()
	return first
}

// checkOut refuses an output folder that would replace the site itself.
func checkOut(opts Options) error {
	out, err := filepath.Abs(opts.Out)
	if err != nil {
		return err
	}
	root, err := filepath.Abs(opts.Root)
	if err != nil {
		return err
	}
	if out == root || strings.HasPrefix(root, out+string(filepath.Separator)) || out == filepath.Dir(out) {
		return fmt.Errorf("output folder %s would replace the site's own files; choose a folder such as public/", opts.Out)
	}
	if _, err := os.Stat(filepath.Join(out, "config.toml")); err == nil {
		return fmt.Errorf("output folder %s holds a config.toml; refusing to replace it", opts.Out)
	}
	return nil
}
