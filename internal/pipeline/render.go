package pipeline

import (
	"errors"
	"fmt"
	"html/template"
	"runtime"
	"sort"
	"sync"
	"unsafe"

	"github.com/docgen/docgen/internal/content"
	"github.com/docgen/docgen/internal/diag"
	"github.com/docgen/docgen/internal/filesum"
	"github.com/docgen/docgen/internal/parallel"
	"github.com/docgen/docgen/internal/publish"
	"github.com/docgen/docgen/internal/render"
	"github.com/docgen/docgen/internal/safefile"
	"github.com/docgen/docgen/internal/search"
)

// renderOutputs is the render stage: it renders targets (and the layout
// assets when assets is set) and hands the files to w. Guide pages go a
// batch of guides at a time: their bodies are read, parsed and rendered
// again, their pages in every planned language rendered and written, and
// the bodies dropped. Search indexes are made beside them (see below), then
// the other pages.
//
// It returns the files of the search indexes it rendered that the indexes
// no longer have, for the caller to remove.
func (s *Session) renderOutputs(next *snapshot, targets []render.Target, assets bool, w *writer) ([]string, error) {
	sections := func(path string) ([]byte, error) {
		if p := next.pages[path]; p != nil && p.Generated {
			return search.EncodeSections(nil), nil
		}
		return s.stored(next, path, true)
	}
	in := render.Input{Site: next.site, Translators: next.in.translators, Layouts: next.in.layouts, Sections: sections}
	if w.prev != nil && w.earlier != nil {
		// The patch checks each file it reads against the recorded hash.
		in.Earlier = &render.Earlier{Read: w.earlier.Read, Hash: func(p string) (uint64, bool) { h, ok := w.prev[p]; return h, ok }}
	}
	byGuide := map[string][]render.Target{}
	var searches, rest []render.Target
	for _, t := range targets {
		switch t.Kind {
		case render.GuidePage:
			byGuide[t.Slug] = append(byGuide[t.Slug], t)
		case render.SearchIndex:
			searches = append(searches, t)
		default:
			rest = append(rest, t)
		}
	}
	langs := map[string]int{}
	for i, ls := range next.site.Languages {
		langs[ls.Lang.Code] = i
	}
	done := s.tick("render")(len(targets))
	// Search indexes are made one at a time (each holds a whole language's
	// text) beside the guide pages when nothing waits for those (a full
	// build keeps both cores busy), after them otherwise (serve writes the
	// edited page first). Once the pages are done, the languages still
	// waiting are shared out, so no core waits for the last index.
	searchIn := in
	searchIn.Parsed = next.docs
	searchIn.Emit = w.write
	queue := make(chan render.Target, len(searches))
	for _, t := range searches {
		queue <- t
	}
	close(queue)
	var droppedMu sync.Mutex
	var dropped []string // the indexes' old files they no longer have
	indexes := func() error {
		for t := range queue {
			files, err := render.Render(searchIn, []render.Target{t})
			if err == nil {
				done()
				err = w.write(files)
			}
			if err != nil {
				for range queue { // leave the rest: the build fails
				}
				return err
			}
			old := w.untouched(func(p string) bool { return render.SearchFile(t.Lang, p) })
			droppedMu.Lock()
			dropped = append(dropped, old...)
			droppedMu.Unlock()
		}
		return nil
	}
	// helpers runs n index makers beside the caller's, and waits for them.
	helpers := func(n int) error {
		errs := make(chan error, n)
		for range n {
			go func() { errs <- indexes() }()
		}
		err := indexes()
		for range n {
			err = errors.Join(err, <-errs)
		}
		return err
	}
	searched := make(chan error, 1)
	early := w.onPages == nil
	if early {
		go func() { searched <- indexes() }()
		// Whatever happens below, nothing is written after this returns.
		defer func() {
			if searched != nil {
				<-searched
			}
		}()
	}
	bg := w.background()
	defer bg.stop()
	// A batch of guides per core keeps every core busy; their pages and
	// bodies are most of the heap while pages render (up to three batches:
	// one written, one queued, one rendering), so it is no larger than that
	// needs: 16 guides a core (32 gave the same time and 28 MB more peak
	// RSS at 6,000 pages).
	batch := 16 * runtime.GOMAXPROCS(0)
	var chunk []render.Target
	var bodies []string
	seen := map[string]bool{}
	flush := func() error {
		if len(chunk) == 0 {
			return nil
		}
		parsed, err := s.bodies(next, bodies)
		if err != nil {
			return err
		}
		in.Parsed = parsed
		files, err := render.Render(in, chunk)
		if err != nil {
			return err
		}
		for range chunk {
			done()
		}
		bg.put(files)
		chunk, bodies, seen = nil, nil, map[string]bool{}
		return nil
	}
	guides := 0
	for _, g := range next.site.Guides {
		ts := byGuide[g.Slug]
		if len(ts) == 0 {
			continue
		}
		chunk = append(chunk, ts...)
		for _, t := range ts {
			ls := next.site.Languages[langs[t.Lang]]
			p := ls.Pages[ls.Index(t.Slug)].Content.Path
			if !seen[p] {
				seen[p] = true
				bodies = append(bodies, p)
			}
		}
		if guides++; guides%batch == 0 {
			if err := flush(); err != nil {
				return nil, err
			}
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	if err := bg.stop(); err != nil {
		return nil, err
	}
	in.Parsed = next.docs // facts only, for the pages that list guides
	if w.onPages != nil {
		// The language pages list guides; they come before the indexes.
		var lists, others []render.Target
		for _, t := range rest {
			if t.Kind == render.LanguageIndex {
				lists = append(lists, t)
			} else {
				others = append(others, t)
			}
		}
		files, err := render.Render(in, lists)
		if err != nil {
			return nil, err
		}
		if err := w.write(files); err != nil {
			return nil, err
		}
		w.onPages(w.written)
		rest = others
	}
	// One maker a core takes what is left of the queue (in a full build,
	// the one started first is among them).
	n := runtime.GOMAXPROCS(0) - 1
	if early {
		n--
	}
	err := helpers(max(0, n))
	if early {
		err = errors.Join(err, <-searched)
		searched = nil
	}
	if err != nil {
		return nil, err
	}
	files, err := render.Render(in, rest)
	if err != nil {
		return nil, err
	}
	if assets {
		files = append(files, next.in.layouts.Files()...)
	}
	if err := w.write(files); err != nil {
		return nil, err
	}
	if assets {
		if err := s.copyAssets(next, w); err != nil {
			return nil, err
		}
	}
	sort.Strings(dropped)
	return dropped, nil
}

// copyAssets publishes static/ and the files beside pages, as they are. A
// static file may not take the place of a page docgen makes.
func (s *Session) copyAssets(next *snapshot, w *writer) error {
	made := map[string]bool{}
	for _, t := range render.Targets(next.site) {
		made[t.Path] = true
	}
	for _, f := range next.in.layouts.Files() {
		made[f.Path] = true
	}
	copies := assetOutputs(next)
	for _, c := range copies {
		if made[c.path] {
			return diag.Errorf(c.asset.Src, 0, "rename or move it; docgen writes "+c.path+" itself", "%s would replace a file docgen makes", c.asset.Src)
		}
	}
	// One read per asset, however many languages publish it; a batch at a
	// time so large files are not all held at once.
	const batch = 64
	for lo := 0; lo < len(copies); lo += batch {
		chunk := copies[lo:min(lo+batch, len(copies))]
		files := make([]render.File, len(chunk))
		read := map[string][]byte{}
		for i, c := range chunk {
			data, ok := read[c.asset.Src]
			if !ok {
				var err error
				if data, err = content.ReadAsset(s.opts.Root, c.asset); err != nil {
					return err
				}
				read[c.asset.Src] = data
			}
			files[i] = render.File{Path: c.path, Data: data}
		}
		if err := w.write(files); err != nil {
			return err
		}
	}
	return nil
}

// bodies takes the rendered bodies of the pages at paths from the body
// store, with the facts the parse stage kept.
func (s *Session) bodies(next *snapshot, paths []string) (map[string]*render.Parsed, error) {
	m := make(map[string]*render.Parsed, len(paths))
	for _, p := range paths {
		if next.pages[p].Generated {
			m[p] = &render.Parsed{Doc: next.docs[p].Doc} // a section page docgen makes: no body
			continue
		}
		html, err := s.stored(next, p, false)
		if err != nil {
			return nil, err
		}
		m[p] = &render.Parsed{Doc: next.docs[p].Doc, HTML: template.HTML(bytesString(html))}
	}
	return m, nil
}

// bytesString is b as a string without a copy (a guide's body is some tens
// of kilobytes, read once per build). The caller owns b and never changes it
// again.
func bytesString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// stored returns a page's body HTML, or its search sections, from the
// store; a kept body that cannot be read is made again first.
func (s *Session) stored(next *snapshot, path string, sections bool) ([]byte, error) {
	data, err := s.store.read(path, sections)
	if errors.Is(err, errBadBody) {
		if err = s.remake(next, path); err == nil {
			data, err = s.store.read(path, sections)
		}
	}
	return data, err
}

// remake parses a page again whose kept body cannot be read (its pack is
// gone or damaged), so the build goes on as if it had never been kept.
func (s *Session) remake(next *snapshot, path string) error {
	s.remakeMu.Lock()
	defer s.remakeMu.Unlock()
	delete(s.reuse, path)
	site, err := safefile.OpenDir(s.opts.Root)
	if err != nil {
		return err
	}
	defer site.Close()
	_, err = s.parsePage(next, site, next.pages[path])
	return err
}

// writer hands files to the sink, skipping those whose bytes the last
// build already wrote, and remembers what it wrote.
type writer struct {
	sink    publish.Sink
	prev    map[string]uint64 // the last build's hashes (nil: write all)
	next    map[string]uint64 // this build's hashes
	onPages func([]string)
	// earlier reads the last build's files (nil: they cannot be read).
	earlier publish.Reader

	mu      sync.Mutex
	written []string
	touched map[string]bool // every path handed to write, when prev is set
	kept    int             // files kept as the last build wrote them (render.File.Keep)
}

// untouched lists the last build's files that match and that this build
// has not handed to write (written, unchanged or kept).
func (w *writer) untouched(match func(string) bool) []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []string
	for p := range w.prev {
		if match(p) && !w.touched[p] {
			out = append(out, p)
		}
	}
	return out
}

// write puts files through the sink on all cores. A file marked Keep stays
// as the last build wrote it.
func (w *writer) write(files []render.File) error {
	var todo []render.File
	w.mu.Lock()
	for _, f := range files {
		if w.prev != nil {
			if w.touched == nil {
				w.touched = map[string]bool{}
			}
			w.touched[f.Path] = true
		}
		if f.Keep {
			h, ok := w.prev[f.Path]
			if !ok {
				w.mu.Unlock()
				return fmt.Errorf("%s: kept, but the last build did not write it", f.Path)
			}
			w.next[f.Path] = h
			w.kept++
			continue
		}
		h := filesum.Sum64(f.Data)
		w.next[f.Path] = h
		if old, ok := w.prev[f.Path]; ok && old == h {
			continue
		}
		todo = append(todo, f)
		w.written = append(w.written, f.Path)
	}
	w.mu.Unlock()
	return parallel.EachLimit(len(todo), 2*runtime.GOMAXPROCS(0), func(i int) error {
		return w.sink.Put(todo[i].Path, todo[i].Data)
	})
}

// bgWriter writes batches in the background while the next one renders.
type bgWriter struct {
	queue chan []render.File
	errc  chan error
	err   error
	done  bool
}

func (w *writer) background() *bgWriter {
	b := &bgWriter{queue: make(chan []render.File, 1), errc: make(chan error, 1)}
	go func() {
		var first error
		for files := range b.queue {
			if first == nil {
				first = w.write(files)
			}
		}
		b.errc <- first
	}()
	return b
}

func (b *bgWriter) put(files []render.File) { b.queue <- files }

// stop waits for the queued batches and returns the first write error.
func (b *bgWriter) stop() error {
	if !b.done {
		b.done = true
		close(b.queue)
		b.err = <-b.errc
	}
	return b.err
}
