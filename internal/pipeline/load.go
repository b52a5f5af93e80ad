package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"

	"github.com/docgen/docgen"
	"github.com/docgen/docgen/internal/catalog"
	"github.com/docgen/docgen/internal/config"
	"github.com/docgen/docgen/internal/content"
	"github.com/docgen/docgen/internal/diag"
	"github.com/docgen/docgen/internal/linkcheck"
	"github.com/docgen/docgen/internal/markdown"
	"github.com/docgen/docgen/internal/render"
	"github.com/docgen/docgen/internal/site"
)

// inputs is what a build reads besides the pages.
type inputs struct {
	cfg         *config.Config
	translators map[string]*catalog.Translator // by language code
	conv        map[string]*markdown.Converter // by language code
	hl          *markdown.Highlighter          // shared by all converters
	layouts     *render.Layouts
	cfgSum      string            // digest of the configuration file
	convSum     map[string]string // by language: digest of what its converter writes besides the page
}

// snapshot is one build's state: compact (no page bodies), so a session can
// keep it between builds.
type snapshot struct {
	in       *inputs
	pages    map[string]*content.Page  // the page index, by content path
	docs     map[string]*render.Parsed // each page's facts, by content path
	site     *site.Site                // set by arrange
	warnings diag.List                 // of loading, parsing and arranging
	links    linkcheck.Result          // set by arrange
	linkMemo *linkMemo                 // each page's link results, set by arrange
	hashes   map[string]uint64         // output path → hash of the bytes written
	assets   []content.Asset           // static/ and the files beside pages
}

// load runs the load stage from scratch: config, page index, catalogs,
// layouts.
func (s *Session) load() (*snapshot, error) {
	in, err := s.inputs()
	if err != nil {
		return nil, err
	}
	known := func(code string) bool { return in.cfg.Language(code) != nil }
	list, err := content.LoadFrontMatter(s.opts.Root, "content", known)
	if err != nil {
		return nil, err
	}
	assets, err := content.Assets(s.opts.Root)
	if err != nil {
		return nil, err
	}
	st := &snapshot{in: in, pages: make(map[string]*content.Page, len(list)), docs: make(map[string]*render.Parsed, len(list)), hashes: map[string]uint64{}, assets: assets}
	for _, p := range list {
		st.pages[p.Path] = p
	}
	return st, nil
}

// inputs returns the inputs Run started loading early (Session.early), the
// first time, else loads them.
func (s *Session) inputs() (*inputs, error) {
	if early := s.early; early != nil {
		s.early = nil
		return early()
	}
	return s.loadInputs()
}

// loadInputs loads what a build reads besides the pages: the
// configuration, the catalogs and the layouts.
func (s *Session) loadInputs() (*inputs, error) {
	opts := s.opts
	cfg, err := config.Load(opts.Config)
	if err != nil {
		return nil, err
	}
	if opts.BaseURL != "" {
		if cfg.BaseURL, err = config.ParseBaseURL(opts.BaseURL); err != nil {
			return nil, fmt.Errorf("--base-url: %w", err)
		}
	}
	in := &inputs{cfg: cfg, hl: markdown.NewHighlighter()}
	if data, err := os.ReadFile(opts.Config); err == nil {
		sum := sha256.Sum256(data)
		in.cfgSum = hex.EncodeToString(sum[:])
	}
	if opts.BaseURL != "" || opts.Drafts {
		in.cfgSum += fmt.Sprintf(" drafts=%v base=%q", opts.Drafts, opts.BaseURL)
	}
	if err := in.loadCatalogs(opts.Root); err != nil {
		return nil, err
	}
	if err := in.loadLayouts(opts.Root); err != nil {
		return nil, err
	}
	return in, nil
}

// loadCatalogs reads locales/ and makes each language's translator and
// Markdown converter.
func (in *inputs) loadCatalogs(root string) error {
	cat, err := catalog.LoadWithBuiltin(root, "locales", in.cfg, docgen.Locales())
	if err != nil {
		return err
	}
	in.translators = map[string]*catalog.Translator{}
	in.conv = map[string]*markdown.Converter{}
	in.convSum = map[string]string{}
	cfg := in.cfg
	for i := range cfg.Languages {
		l := &cfg.Languages[i]
		t := cat.Translator(l)
		in.translators[l.Code] = t
		h := sha256.New()
		for _, kind := range markdown.CalloutKinds {
			fmt.Fprintf(h, "%s\x00", t.T(render.CalloutMessage(kind)))
		}
		fmt.Fprintf(h, "%s\x00", t.T("ClientLanguage"))
		in.convSum[l.Code] = hex.EncodeToString(h.Sum(nil))
		in.conv[l.Code] = markdown.New(markdown.Options{
			CalloutLabel:    func(kind string) string { return t.T(render.CalloutMessage(kind)) },
			ClientName:      cfg.ClientName,
			ClientTabsLabel: t.T("ClientLanguage"),
			RawHTML:         cfg.RawHTML,
			Highlighter:     in.hl,
		})
	}
	return nil
}

// loadLayouts parses layouts/ and reads its assets.
func (in *inputs) loadLayouts(root string) error {
	syntaxCSS, err := markdown.Stylesheet("github", "github-dark")
	if err != nil {
		return err
	}
	in.layouts, err = render.LoadLayouts(root, "layouts", syntaxCSS, docgen.Layouts())
	return err
}

// clone copies the snapshot's maps so an update can change them and be
// dropped on error. Pages and facts are shared until replaced.
func (st *snapshot) clone() *snapshot {
	c := &snapshot{in: st.in, site: st.site, links: st.links, linkMemo: st.linkMemo, assets: st.assets}
	inCopy := *st.in
	c.in = &inCopy
	c.pages = make(map[string]*content.Page, len(st.pages))
	for k, v := range st.pages {
		c.pages[k] = v
	}
	c.docs = make(map[string]*render.Parsed, len(st.docs))
	for k, v := range st.docs {
		c.docs[k] = v
	}
	c.hashes = make(map[string]uint64, len(st.hashes))
	for k, v := range st.hashes {
		c.hashes[k] = v
	}
	return c
}
