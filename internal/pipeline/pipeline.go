// Package pipeline runs docgen's stages in order. Every entry point uses the
// same path: the command-line build, serve's first build, each of serve's
// incremental updates, and the tests.
//
//	load     load.go     config, page index (front matter, body hashes), catalogs, layouts
//	parse    parse.go    each page read and parsed once: facts kept, body rendered to the store
//	arrange  arrange.go  the site model, links checked
//	plan     plan.go     a Change → the outputs it affects (all of them for a full build)
//	render   render.go   outputs → files; page bodies come from the store (store.go)
//	sink     publish     staging folder or in place (Run), live folder (serve), memory (tests)
//
// A Session keeps the last good build's compact state (no page bodies), so
// an edit is one more Apply with a smaller plan, not a second renderer. Run
// saves that state and the bodies on disk (state.go, store.go), so the next
// process applies only what changed since (run.go).
package pipeline

import (
	"path/filepath"
	"sort"
	"time"

	"github.com/docgen/docgen/internal/diag"
	"github.com/docgen/docgen/internal/publish"
	"github.com/docgen/docgen/internal/render"
	"github.com/docgen/docgen/internal/site"
)

// Options say where the site is and where it goes.
type Options struct {
	Root   string // site folder holding content/, locales/, layouts/
	Config string // config file; default Root/config.toml
	Out    string // output folder; default Root/public
	Force  bool   // Run: build everything from scratch, reusing nothing of the last Run
	// Progress, when set, is told how far each long stage ("parse",
	// "render") is; it is called from several goroutines.
	Progress func(stage string, done, total int)
	// Scratch is a folder for temporary files (default: the system's).
	Scratch string
	// Drafts publishes guides whose source page is marked draft = true.
	Drafts bool
	// BaseURL, when set, replaces config.toml's base_url (preview deployments).
	BaseURL string
	// CacheLimit bounds the page bodies a build keeps on disk for the next
	// one, in bytes (default 2 GiB); a site whose bodies take more keeps none.
	CacheLimit int64

	// pageChunk, when set, cuts the saved state's pages into frames of
	// about this many (tests cut small sites into several).
	pageChunk int
}

// WithDefaults fills in the default config file and output folder.
func (o Options) WithDefaults() Options {
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

// Report summarizes a build.
type Report struct {
	Languages []LanguageReport
	Warnings  diag.List
	Files     int // files the site has
	Written   int // files this build wrote (an update writes only what changed)
	Parsed    int // pages whose Markdown this build parsed
	Reused    int // pages whose body an earlier build made from the same inputs
	Duration  time.Duration
	// ExternalLinks are the absolute URLs the pages link to (not fetched).
	ExternalLinks []string
	// UpToDate is set when Run found nothing changed and did not build.
	UpToDate bool
	// Stages are the times of the pipeline's stages, in order.
	Stages []Stage
	// Out is the output folder written.
	Out string

	stateFramesCopied int // frames of the saved state copied, not encoded again
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

// Result is a site rendered in memory.
type Result struct {
	Files  []render.File // sorted by path
	Report *Report
	Site   *site.Site
}

// Render runs the whole pipeline into memory: for tests and tools that want
// the files, not a folder.
func Render(opts Options) (*Result, error) {
	s := NewSession(opts)
	defer s.Close()
	mem := publish.NewMemory()
	res, err := s.Apply(Change{All: true}, mem)
	if err != nil {
		return nil, err
	}
	out := &Result{Report: res.Report, Site: s.last.site}
	for _, p := range mem.Paths() {
		out.Files = append(out.Files, render.File{Path: p, Data: mem.Files[p]})
	}
	sort.Slice(out.Files, func(i, j int) bool { return out.Files[i].Path < out.Files[j].Path })
	return out, nil
}
