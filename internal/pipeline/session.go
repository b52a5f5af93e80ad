package pipeline

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/docgen/docgen/internal/content"
	"github.com/docgen/docgen/internal/publish"
	"github.com/docgen/docgen/internal/site"
	"github.com/docgen/docgen/internal/translate"
)

// Session is a site being built again and again (docgen serve): it keeps
// the last good build's compact state and runs every build, the first and
// each update, through the same stages. It is not safe for concurrent use.
type Session struct {
	opts  Options
	last  *snapshot  // the last successful build; nil before the first
	store *bodyStore // every page's rendered body, on disk
	// storeDir, when set, keeps the bodies for the next process
	// (docgen build); serve and tests use a temporary store.
	storeDir string
	// reuse holds what an earlier build made of each page, from its saved
	// state: a page whose inputs digest to the same key is not parsed.
	reuse map[string]reused
	// versionSum caches the digest of docgen's executable.
	versionSum  *string
	versionOnce sync.Once
	// parsedPages and reusedPages count, per Apply, the pages parsed and
	// those whose body an earlier build made.
	parsedPages, reusedPages atomic.Int64
	remakeMu                 sync.Mutex // serializes remake
	// changedAt caches when a source's text changed since a recorded
	// version (git history is asked once per pair).
	changedAt map[[3]string]time.Time
	// early, when set, returns the inputs Run loaded while it read the
	// saved state; the next load or restore takes them (see inputs).
	early func() (*inputs, error)
	// kept is what restore read of a saved state, for saveState, which
	// counts the frames it copied from it.
	kept         *keptState
	framesCopied int
	// sortKeys keeps the collation keys of titles from one arrange to
	// the next.
	sortKeys site.SortKeys
}

// sourceChanged returns when source's text last changed since the version
// whose hash a translation recorded, from git history; zero when unknown.
func (s *Session) sourceChanged(source *content.Page, recorded string) time.Time {
	key := [3]string{source.Path, source.Hash, recorded}
	if t, ok := s.changedAt[key]; ok {
		return t
	}
	t, _ := translate.SourceChanged(s.opts.Root, source.Path, recorded)
	if s.changedAt == nil {
		s.changedAt = map[[3]string]time.Time{}
	}
	s.changedAt[key] = t
	return t
}

// NewSession returns a session for the site described by opts.
func NewSession(opts Options) *Session {
	return &Session{opts: opts.WithDefaults()}
}

// Options returns the session's options with defaults filled in.
func (s *Session) Options() Options { return s.opts }

// Site returns the site model of the last successful build, or nil.
func (s *Session) Site() *site.Site {
	if s.last == nil {
		return nil
	}
	return s.last.site
}

// Close releases the session's temporary files.
func (s *Session) Close() {
	if s.store != nil {
		s.store.close()
		s.store = nil
	}
}

// Outcome is what one Apply did.
type Outcome struct {
	Report  *Report
	Full    bool     // everything was loaded and planned again
	Written []string // output paths written, in order
	Removed []string // output paths removed
	// Kept counts the files a patched search index kept as they were,
	// without making them again.
	Kept int
}

// Apply brings the output in sink up to date with a change to the inputs:
// everything for the first build or Change.All, otherwise the outputs the
// changed paths affect. On error the session keeps its last good state, so
// the caller can apply the same change (and any later ones) again.
func (s *Session) Apply(ch Change, sink publish.Sink) (_ *Outcome, err error) {
	start := time.Now()
	var stages []Stage
	lap := func(name string) {
		var before time.Duration
		for _, st := range stages {
			before += st.Duration
		}
		stages = append(stages, Stage{name, time.Since(start) - before})
	}
	s.parsedPages.Store(0)
	s.reusedPages.Store(0)
	prev := s.last
	full := prev == nil || ch.All || ch.needsFullBuild()

	var next *snapshot
	var aff affected
	if s.store == nil {
		if s.store, err = newBodyStore(s.storeDir, s.opts.Scratch); err != nil {
			return nil, err
		}
	}
	// Bodies rendered by an attempt that fails are forgotten with it.
	defer s.store.settle(&err)
	if full {
		next, err = s.load()
		lap("load")
		if err == nil {
			err = s.parseAll(next)
			lap("parse")
		}
		aff = affected{all: true}
	} else {
		next, aff, err = s.reload(prev, ch)
		lap("load and parse")
	}
	if err != nil {
		return nil, err
	}
	if err := next.arrange(s.opts.Drafts, s.sourceChanged, &s.sortKeys); err != nil {
		return nil, err
	}
	lap("arrange")

	targets, removed := plan(prev, next, aff)
	lap("plan")
	w := &writer{sink: sink, prev: prevHashes(prev), next: next.hashes, onPages: ch.PagesWritten, earlier: ch.Earlier}
	if w.earlier == nil {
		w.earlier, _ = sink.(publish.Reader)
	}
	if ch.Fresh {
		w.prev = nil
	}
	stale, err := s.renderOutputs(next, targets, aff.all, w)
	if err != nil {
		// Files this attempt wrote are no longer what the last good build
		// wrote: forget their hashes so the next build writes them again.
		if prev != nil {
			for _, p := range w.written {
				delete(prev.hashes, p)
			}
		}
		return nil, err
	}
	removed = append(removed, stale...)
	for _, p := range removed {
		if err := sink.Remove(p); err != nil {
			return nil, err
		}
		delete(next.hashes, p)
	}
	lap("render and write")
	s.last = next
	rep := next.report(time.Since(start))
	rep.Stages = stages
	rep.Written = len(w.written)
	rep.Parsed, rep.Reused = int(s.parsedPages.Load()), int(s.reusedPages.Load())
	return &Outcome{Report: rep, Full: full, Written: w.written, Removed: removed, Kept: w.kept}, nil
}

func prevHashes(prev *snapshot) map[string]uint64 {
	if prev == nil {
		return nil
	}
	return prev.hashes
}

// tick returns a function to call each time one of total items of stage is
// done; it reports to Options.Progress when set.
func (s *Session) tick(stage string) func(total int) func() {
	return func(total int) func() {
		if s.opts.Progress == nil {
			return func() {}
		}
		var n atomic.Int64
		return func() { s.opts.Progress(stage, int(n.Add(1)), total) }
	}
}

// report summarizes the snapshot's build.
func (st *snapshot) report(took time.Duration) *Report {
	report := &Report{Files: len(st.hashes), Duration: took, Warnings: st.warnings, ExternalLinks: st.links.External}
	for _, ls := range st.site.Languages {
		lr := LanguageReport{Code: ls.Lang.Code, Missing: st.in.translators[ls.Lang.Code].Missing()}
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
