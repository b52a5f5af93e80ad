// Package build runs docgen's pipeline: load the configuration, pages and
// catalogs; parse every page once; arrange the site; render; publish. It is
// the one package that knows every stage.
package build

import (
	"fmt"
	"hash/maphash"
	"html/template"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/docgen/docgen/internal/catalog"
	"github.com/docgen/docgen/internal/config"
	"github.com/docgen/docgen/internal/content"
	"github.com/docgen/docgen/internal/diag"
	"github.com/docgen/docgen/internal/linkcheck"
	"github.com/docgen/docgen/internal/markdown"
	"github.com/docgen/docgen/internal/publish"
	"github.com/docgen/docgen/internal/render"
	"github.com/docgen/docgen/internal/search"
	"github.com/docgen/docgen/internal/site"
	"github.com/docgen/docgen/internal/uptodate"
)

// Options say where the site is and where it goes.
type Options struct {
	Root   string // site folder holding content/, locales/, layouts/
	Config string // config file; default Root/config.toml
	Out    string // output folder; default Root/public
	Force  bool   // Run: build even when nothing changed since the last Run
	// Progress, when set, is told how far each long stage ("parse",
	// "highlight", "write") is; it is called from several goroutines.
	Progress func(stage string, done, total int)
}

// Report summarizes a build.
type Report struct {
	Languages []LanguageReport
	Warnings  diag.List
	Files     int
	Duration  time.Duration
	// ExternalLinks are the absolute URLs the pages link to (not fetched).
	ExternalLinks []string
	// UpToDate is set when Run found nothing changed and did not build.
	UpToDate bool
	// Stages are the times of the pipeline's stages, in order.
	Stages []Stage
}

// Stage is the time one stage of the pipeline took.
type Stage struct {
	Name     string
	Duration time.Duration
}

// LanguageReport is one language's line of the build summary.
type LanguageReport struct {
	Code       string
	Pages      int      // guide pages published
	Translated int      // pages with a translation
	Fallback   int      // pages shown in the source language
	Stale      int      // translations older than their source
	Drafts     int      // translations marked draft (readers get the fallback)
	Missing    []string // catalog messages that fell back to the source language
}

// Result is a rendered site before it is written.
type Result struct {
	Files  []render.File
	Report *Report
	Site   *site.Site
}

// Run builds the site and writes it to the output folder, batch by batch
// into a staging folder that replaces the old output at the end. On error
// the staging folder is removed and the previous output stays as it was.
// When neither the inputs nor the output changed since the last Run, it
// does nothing and says so (Report.UpToDate), unless opts.Force is set.
func Run(opts Options) (*Report, error) {
	start := time.Now()
	opts = opts.withDefaults()
	if err := checkOut(opts); err != nil {
		return nil, err
	}
	inputs, inErr := inputDigest(opts)
	if !opts.Force && inErr == nil {
		if rec, ok := uptodate.Load(opts.Root, opts.Out); ok && rec.Inputs == inputs {
			if outputs, err := uptodate.Outputs(opts.Out); err == nil && outputs == rec.Outputs {
				return &Report{UpToDate: true, Duration: time.Since(start)}, nil
			}
		}
	}
	stage, err := publish.Begin(opts.Out)
	if err != nil {
		return nil, err
	}
	b := New(opts)
	b.lean = true
	report, _, err := b.BuildTo(stage.Write)
	if err == nil {
		err = stage.Commit()
	}
	if err != nil {
		stage.Abort()
		return nil, err
	}
	if inErr == nil {
		if outputs, err := uptodate.Outputs(opts.Out); err == nil {
			_ = uptodate.Save(opts.Root, opts.Out, uptodate.Record{Inputs: inputs, Outputs: outputs}) // a cache: losing it costs one rebuild
		}
	}
	report.Duration = time.Since(start)
	return report, nil
}

// inputDigest digests everything a build reads.
func inputDigest(opts Options) (string, error) {
	cfg, err := filepath.Rel(opts.Root, opts.Config)
	if err != nil {
		return "", err
	}
	return uptodate.Inputs(opts.Root, cfg, "content", "locales", "layouts")
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
	return New(opts).Build()
}

// Builder builds a site and keeps what it loaded, so that after an edit it
// can redo only the work the edit affects (see Update). It is not safe for
// concurrent use.
type Builder struct {
	opts  Options
	state *state // the last successful build; nil before the first
	// lean builds for one write and keeps no page bodies: syntax trees and
	// sources are dropped after the first parse, and each guide is parsed
	// again just before its pages are rendered and written. Memory then
	// grows with the number of pages by kilobytes, not by their size. A
	// lean Builder cannot Update.
	lean bool
}

// state is everything one successful build produced.
type state struct {
	cfg         *config.Config
	pages       map[string]*content.Page // by path
	cat         *catalog.Catalog
	translators map[string]*catalog.Translator
	conv        map[string]*markdown.Converter
	hl          *markdown.Highlighter
	layouts     *render.Layouts
	parsed      map[string]*render.Parsed // by content path
	site        *site.Site
	files       map[string]uint64 // output path → hash of its bytes (see hashFile)
	warnings    diag.List         // warnings of loading and parsing
	progress    func(stage string, done, total int)
	lean        bool   // see Builder.lean
	root        string // the site folder, to read pages again in a lean build
	spill       *spill // a lean build's search sections, while it renders
	links       linkcheck.Result
}

// New returns a Builder for the site described by opts.
func New(opts Options) *Builder { return &Builder{opts: opts.withDefaults()} }

// Options returns the builder's options with defaults filled in.
func (b *Builder) Options() Options { return b.opts }

// Build loads and renders the whole site in memory.
func (b *Builder) Build() (*Result, error) {
	var files []render.File
	report, s, err := b.BuildTo(func(batch []render.File) error {
		files = append(files, batch...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return &Result{Files: files, Report: report, Site: s}, nil
}

// BuildTo loads and renders the whole site and hands the files to write in
// batches, keeping only their hashes, so memory does not grow with the
// size of the output.
func (b *Builder) BuildTo(write func([]render.File) error) (*Report, *site.Site, error) {
	start := time.Now()
	var stages []Stage
	lap := func(name string) {
		now := time.Now()
		stages = append(stages, Stage{name, now.Sub(start)})
		for _, s := range stages[:len(stages)-1] {
			stages[len(stages)-1].Duration -= s.Duration
		}
	}
	st, list, err := b.loadInputs()
	if err != nil {
		return nil, nil, err
	}
	lap("load")
	if err := st.parse(list); err != nil {
		return nil, nil, err
	}
	lap("parse")
	if err := st.arrange(); err != nil {
		return nil, nil, err
	}
	lap("arrange and highlight")
	if err := st.renderAll(write); err != nil {
		return nil, nil, err
	}
	lap("render and write")
	b.state = st
	report := st.report(len(st.files), time.Since(start))
	report.Stages = stages
	return report, st.site, nil
}

// load runs the stages up to rendering from scratch.
func (b *Builder) load() (*state, error) {
	st, list, err := b.loadInputs()
	if err != nil {
		return nil, err
	}
	if err := st.parse(list); err != nil {
		return nil, err
	}
	if err := st.arrange(); err != nil {
		return nil, err
	}
	return st, nil
}

// loadInputs reads the configuration, pages, catalogs and layouts.
func (b *Builder) loadInputs() (*state, []*content.Page, error) {
	opts := b.opts
	cfg, err := config.Load(opts.Config)
	if err != nil {
		return nil, nil, err
	}
	load := content.Load
	if b.lean {
		load = content.LoadFrontMatter
	}
	list, err := load(opts.Root, "content", func(code string) bool { return cfg.Language(code) != nil })
	if err != nil {
		return nil, nil, err
	}
	st := &state{cfg: cfg, pages: map[string]*content.Page{}, hl: markdown.NewHighlighter(), files: map[string]uint64{}, progress: opts.Progress,
		lean: b.lean, root: opts.Root,
		parsed: map[string]*render.Parsed{}}
	for _, p := range list {
		st.pages[p.Path] = p
	}
	if err := st.loadCatalogs(opts.Root); err != nil {
		return nil, nil, err
	}
	if err := st.loadLayouts(opts.Root); err != nil {
		return nil, nil, err
	}
	return st, list, nil
}

func (st *state) loadCatalogs(root string) error {
	cat, err := catalog.Load(root, "locales", st.cfg)
	if err != nil {
		return err
	}
	st.cat = cat
	st.translators = map[string]*catalog.Translator{}
	st.conv = map[string]*markdown.Converter{}
	cfg := st.cfg
	for i := range cfg.Languages {
		l := &cfg.Languages[i]
		t := cat.Translator(l)
		st.translators[l.Code] = t
		st.conv[l.Code] = markdown.New(markdown.Options{
			CalloutLabel:    func(kind string) string { return t.T(calloutMessage(kind)) },
			ClientName:      cfg.ClientName,
			ClientTabsLabel: t.T("ClientLanguage"),
			RawHTML:         cfg.RawHTML,
			Highlighter:     st.hl,
		})
	}
	return nil
}

func (st *state) loadLayouts(root string) error {
	syntaxCSS, err := markdown.Stylesheet("github", "github-dark")
	if err != nil {
		return err
	}
	st.layouts, err = render.LoadLayouts(root, "layouts", syntaxCSS)
	return err
}

// parse parses pages (each once, in its language's converter) into st.parsed
// and renders their bodies.
func (st *state) parse(pages []*content.Page) error {
	docs, diags := parseAll(st.root, st.conv, pages, st.tick("parse", len(pages)), st.lean)
	if err := diags.Err(); err != nil {
		return err
	}
	for i, p := range pages {
		st.parsed[p.Path] = docs[i]
	}
	return nil
}

// arrange builds the site model, matches heading ids, checks links and
// renders the bodies that need it.
func (st *state) arrange() error {
	list := make([]*content.Page, 0, len(st.pages))
	for _, p := range st.pages {
		list = append(list, p)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Path < list[j].Path })
	s, warnings, err := site.Build(st.cfg, list)
	if err != nil {
		return err
	}
	for _, p := range st.parsed {
		warnings = append(warnings, p.Doc.Diags.Warnings()...)
	}
	warnings = append(warnings, matchHeadings(s, st.parsed)...)
	links := checkLinks(s, list, st.parsed)
	if err := links.Broken.Err(); err != nil {
		return err
	}
	warnings = append(warnings, links.Broken.Warnings()...)
	if !st.lean { // a lean build renders bodies guide by guide (renderLean)
		if err := renderBodies(st.parsed, st.tick("highlight", len(st.parsed))); err != nil {
			return err
		}
	}
	warnings.Sort()
	st.site, st.warnings, st.links = s, warnings, links
	return nil
}

func (st *state) input() render.Input {
	return render.Input{Site: st.site, Parsed: st.parsed, Translators: st.translators, Layouts: st.layouts}
}

// renderAll renders every output in batches, hands each batch to write and
// remembers the hashes.
func (st *state) renderAll(write func([]render.File) error) error {
	if st.lean {
		return st.renderLean(write)
	}
	in := st.input()
	targets := render.Targets(st.site)
	st.files = make(map[string]uint64, len(targets)+8)
	batch := 64 * runtime.GOMAXPROCS(0)
	for lo := 0; lo < len(targets); lo += batch {
		if st.progress != nil {
			st.progress("write", lo, len(targets))
		}
		files, err := render.Render(in, targets[lo:min(lo+batch, len(targets))])
		if err != nil {
			return err
		}
		if err := st.remember(files, write); err != nil {
			return err
		}
	}
	return st.remember(st.layouts.Files(), write)
}

func (st *state) remember(files []render.File, write func([]render.File) error) error {
	for _, f := range files {
		st.files[f.Path] = hashFile(f.Data)
	}
	return write(files)
}

// hashFile identifies a file's bytes, to tell which outputs an edit changed.
func hashFile(data []byte) uint64 { return maphash.Bytes(hashSeed, data) }

// hashSeed is fixed per process; the hashes are never stored.
var hashSeed = maphash.MakeSeed()

// tick returns a function to call each time one of total items of stage is
// done; it reports to Options.Progress when set.
func (st *state) tick(stage string, total int) func() {
	if st.progress == nil {
		return func() {}
	}
	var n atomic.Int64
	return func() { st.progress(stage, int(n.Add(1)), total) }
}

// report summarizes the state's build.
func (st *state) report(files int, took time.Duration) *Report {
	report := &Report{Files: files, Duration: took, Warnings: st.warnings, ExternalLinks: st.links.External}
	for _, ls := range st.site.Languages {
		lr := LanguageReport{Code: ls.Lang.Code, Missing: st.translators[ls.Lang.Code].Missing()}
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
			if p.Draft {
				lr.Drafts++
			}
		}
		report.Languages = append(report.Languages, lr)
	}
	return report
}

// parseAll parses every page with the converter of its language, on all
// cores, and renders nothing yet (heading ids may still change).
func parseAll(root string, conv map[string]*markdown.Converter, pages []*content.Page, done func(), release bool) ([]*render.Parsed, diag.List) {
	out := make([]*render.Parsed, len(pages))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, p := range pages {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			defer done()
			body, err := content.ReadBody(root, p)
			if err != nil {
				d, _ := diag.As(err)
				out[i] = &render.Parsed{Doc: &markdown.Document{Diags: diag.List{d}}}
				return
			}
			out[i] = &render.Parsed{Doc: conv[p.Lang].Parse(p.Path, body, p.BodyLine)}
			if release {
				out[i].Doc.Release()
				p.Body = nil
			}
		}()
	}
	wg.Wait()
	var diags diag.List
	for _, p := range out {
		diags = append(diags, p.Doc.Diags.Errors()...)
	}
	diags.Sort()
	return out, diags
}

// CodeMessages are the catalog messages docgen's own code uses; the layouts
// use the others (see i18ncheck.LayoutUses).
func CodeMessages() []string {
	ids := []string{"ClientLanguage", render.NotFoundTitle}
	for _, kind := range markdown.CalloutKinds {
		ids = append(ids, calloutMessage(kind))
	}
	return ids
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
					parsed[p.Path].HTML = "" // render again with the new id
					continue
				}
				warns.Add(diag.Warnf(p.Path, h.Line, "give it the id of a heading in "+g.Source.Path+" with {#id}",
					"heading %q has no counterpart in %s", h.Text, g.Source.Path))
			}
		}
	}
	return warns
}

// checkLinks resolves every internal link and anchor of every page.
func checkLinks(s *site.Site, pages []*content.Page, parsed map[string]*render.Parsed) linkcheck.Result {
	ids := map[string]map[string]bool{}
	for _, g := range s.Guides {
		set := map[string]bool{}
		for _, h := range parsed[g.Source.Path].Doc.Headings {
			set[h.ID] = true
		}
		ids[g.Slug] = set
	}
	var in []linkcheck.Page
	for _, p := range pages {
		if ids[p.Slug] != nil {
			in = append(in, linkcheck.Page{Slug: p.Slug, Doc: parsed[p.Path].Doc})
		}
	}
	return linkcheck.Check(in, func(slug string) map[string]bool { return ids[slug] }, s.Config.LinkCheck == "warn")
}

// renderBodies turns every parsed page into HTML once, on all cores.
func renderBodies(parsed map[string]*render.Parsed, done func()) error {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var first error
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, p := range parsed {
		if p.HTML != "" {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			h, err := p.Doc.HTML()
			p.Doc.Release()
			sections := search.EncodeSections(search.Sections([]byte(h)))
			mu.Lock()
			defer mu.Unlock()
			if err != nil && first == nil {
				first = err
			}
			p.HTML, p.Sections = template.HTML(h), sections
			done()
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
