package pipeline

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/docgen/docgen/internal/publish"
)

// Run builds the site into the output folder. The folder is guarded and
// locked first (see publish.Open). When the last Run of this output left
// its state (see state.go) and only pages or catalogs changed, just the
// outputs the change affects are rendered, in memory, then written in
// place, each file atomically; otherwise files go to a staging folder that
// replaces the old output only when the build succeeded. Either way, on
// error the previous output stays as it was. Bodies of unchanged pages are
// reused, not parsed again, unless opts.Force is set. When no input
// changed since the last Run, it does nothing and says so
// (Report.UpToDate).
func Run(opts Options) (*Report, error) {
	start := time.Now()
	var stages []Stage
	mark := start
	lap := func(name string) {
		stages = append(stages, Stage{name, time.Since(mark)})
		mark = time.Now()
	}
	opts = opts.WithDefaults()
	out, err := publish.Open(publish.Options{Root: opts.Root, Config: opts.Config, Out: opts.Out, Command: "docgen build"})
	if err != nil {
		return nil, err
	}
	defer out.Close()
	s := NewSession(opts)
	defer s.Close()
	s.storeDir = out.StatePath(".cache")
	if s.store, err = newBodyStore(s.storeDir, opts.Scratch); err != nil {
		return nil, err
	}
	statePath := out.StatePath(".state")
	// The input stamps and git's HEAD, the configuration, catalogs and
	// layouts, the output's record and the saved state are read at once.
	type stamped struct {
		stamps map[string]stamp
		head   string
		err    error
	}
	stampc := make(chan stamped, 1)
	go func() {
		stamps, err := stampInputs(opts)
		if err == nil {
			racy(opts.Root, stamps, start)
		}
		stampc <- stamped{stamps, gitHead(opts.Root), err}
	}()
	type loaded struct {
		in  *inputs
		err error
	}
	inputsc := make(chan loaded, 1)
	go func() {
		in, err := s.loadInputs()
		inputsc <- loaded{in, err}
	}()
	s.early = func() (*inputs, error) { l := <-inputsc; return l.in, l.err }
	out.Prefetch()
	var saved *savedState
	if !opts.Force {
		saved = s.readState(statePath)
	}
	in := <-stampc
	stamps, head := in.stamps, in.head
	if in.err != nil {
		saved = nil // without stamps, the next build cannot trust its state
	}
	lap("open output, read state")
	build := newBuildID()
	var res *Outcome
	ch := Change{All: true}
	if saved != nil {
		if ch, err = s.restore(saved, stamps, head); err != nil {
			return nil, err
		}
		lap("restore")
		switch {
		case !ch.All && len(ch.Paths) == 0:
			// Nothing changed: up to date if the folder is still what
			// that build wrote (every file there is checked).
			if out.UpToDate(saved.Build) {
				return &Report{UpToDate: true, Duration: time.Since(start), Out: opts.Out}, nil
			}
			if err := out.Check(); err != nil {
				return nil, err
			}
			ch = Change{All: true}
		case !out.WrittenBy(saved.Build):
			ch = Change{All: true} // the output is not what that build wrote
		}
		if ch.All || ch.needsFullBuild() || !s.inPlace(ch) {
			// The output is replaced whole (see applyStaged). Bodies are
			// still reused: restore offered them.
			if ch.All || ch.needsFullBuild() {
				s.last, s.store.at, ch = nil, map[string]bodyRef{}, Change{All: true}
			}
		} else if res, err = s.applyInPlace(out, ch, build); err != nil {
			return nil, err
		}
	}
	if res != nil {
		lap("write in place")
	}
	if res == nil {
		if res, err = s.applyStaged(out, ch, build); err != nil {
			return nil, err
		}
	}
	mark = time.Now()
	if in.err == nil {
		bodies, drop, err := s.store.keep(opts.cacheLimit())
		if err == nil {
			err = s.saveState(statePath, build, head, stamps, bodies)
		}
		if err != nil {
			os.Remove(statePath) // the next build starts from scratch
		} else {
			drop()
		}
	}
	applied := res.Report.Stages
	lap("save state")
	res.Report.Stages = append(append(stages[:len(stages)-1:len(stages)-1], applied...), stages[len(stages)-1])
	res.Report.Duration = time.Since(start)
	res.Report.Out = opts.Out
	res.Report.stateFramesCopied = s.framesCopied
	return res.Report, nil
}

// inPlace reports whether a change is small enough to render in memory
// and write into the output in place: pages, and catalogs other than the
// default language's, a few hundred pages at most. Layouts and the default
// language's catalog change every output.
func (s *Session) inPlace(ch Change) bool {
	def := "locales/" + s.last.in.cfg.DefaultLanguage.Code + ".toml"
	pages := 0
	for _, p := range ch.Paths {
		switch {
		case strings.HasPrefix(p, "layouts/"), p == def:
			return false
		case strings.HasPrefix(p, "content/"):
			pages++
		}
	}
	return pages <= 500
}

// applyInPlace renders a change in memory and, if that succeeded, writes
// the files into the output in place and records them.
func (s *Session) applyInPlace(out *publish.Output, ch Change, build string) (*Outcome, error) {
	mem := publish.NewMemory()
	ch.Earlier = out // the search indexes are patched from the files there
	res, err := s.Apply(ch, mem)
	if err != nil {
		return nil, err
	}
	live := out.Live()
	for _, p := range mem.Paths() {
		if err := live.Put(p, mem.Files[p]); err != nil {
			return nil, fmt.Errorf("%w (the output is partly updated: run docgen build again)", err)
		}
	}
	for _, p := range res.Removed {
		if err := live.Remove(p); err != nil {
			return nil, err
		}
	}
	return res, live.Commit(build)
}

// applyStaged builds into a staging folder that replaces the output when
// the build succeeded.
func (s *Session) applyStaged(out *publish.Output, ch Change, build string) (*Outcome, error) {
	stage, err := out.Stage()
	if err != nil {
		return nil, err
	}
	if s.opts.Scratch == "" {
		if s.opts.Scratch, err = stage.Scratch(); err != nil {
			stage.Abort()
			return nil, err
		}
	}
	ch.Fresh = true
	res, err := s.Apply(ch, stage)
	if err == nil {
		err = stage.Commit(build)
	} else {
		stage.Abort()
	}
	return res, err
}

// cacheLimit is the most the kept page bodies may take on disk.
func (o Options) cacheLimit() int64 {
	if o.CacheLimit > 0 {
		return o.CacheLimit
	}
	return 2 << 30
}
