package build

import (
	"fmt"
	"html/template"
	"os"
	"runtime"
	"sync"

	"github.com/docgen/docgen/internal/content"
	"github.com/docgen/docgen/internal/render"
	"github.com/docgen/docgen/internal/search"
)

// renderLean renders a lean build (see Builder.lean) a batch of guides at
// a time: their pages are read and parsed again, their bodies rendered,
// their pages in every language rendered and written, and the bodies
// dropped, keeping only the search sections. The language indexes, search
// indexes, 404 pages and sitemap come last.
func (st *state) renderLean(write func([]render.File) error) error {
	sp, err := newSpill()
	if err != nil {
		return err
	}
	defer sp.close()
	st.spill = sp
	in := st.input()
	in.Sections = sp.get
	// Files are written in the background while the next batch renders.
	queue := make(chan []render.File, 1)
	writeErr := make(chan error, 1)
	go func() {
		var first error
		for files := range queue {
			if first == nil {
				first = write(files)
			}
		}
		writeErr <- first
	}()
	background := func(files []render.File) error {
		queue <- files
		return nil
	}
	defer func() {
		if queue != nil {
			close(queue)
			<-writeErr
		}
	}()
	flush := func() error {
		close(queue)
		err := <-writeErr
		queue = nil
		return err
	}
	byGuide := map[string][]render.Target{}
	var rest []render.Target
	for _, t := range render.Targets(st.site) {
		if t.Kind == "guide" {
			byGuide[t.Slug] = append(byGuide[t.Slug], t)
		} else {
			rest = append(rest, t)
		}
	}
	st.files = make(map[string]uint64, len(byGuide)*len(st.site.Languages)+len(rest)+8)
	done := st.tick("highlight", len(st.parsed))
	guides := st.site.Guides
	batch := 32 * runtime.GOMAXPROCS(0)
	for lo := 0; lo < len(guides); lo += batch {
		// Source pages first, then each language: translations share most
		// code blocks with their source, so they hit the highlight cache
		// instead of highlighting the same block at the same time.
		var paths []string
		var targets []render.Target
		chunk := guides[lo:min(lo+batch, len(guides))]
		for _, g := range chunk {
			paths = append(paths, g.Source.Path)
			targets = append(targets, byGuide[g.Slug]...)
		}
		for _, l := range st.cfg.Languages {
			for _, g := range chunk {
				if p := g.Pages[l.Code]; p != nil && p != g.Source {
					paths = append(paths, p.Path)
				}
			}
		}
		if err := st.renderBodiesAgain(paths, done); err != nil {
			return err
		}
		files, err := render.Render(in, targets)
		if err != nil {
			return err
		}
		if err := st.remember(files, background); err != nil {
			return err
		}
		for _, p := range paths {
			st.parsed[p].HTML = ""
		}
	}
	if err := flush(); err != nil {
		return err
	}
	// Search indexes one at a time: each holds a whole language's text.
	var others []render.Target
	for _, t := range rest {
		if t.Kind != "search" {
			others = append(others, t)
			continue
		}
		files, err := render.Render(in, []render.Target{t})
		if err != nil {
			return err
		}
		if err := st.remember(files, write); err != nil {
			return err
		}
	}
	files, err := render.Render(in, others)
	if err != nil {
		return err
	}
	if err := st.remember(files, write); err != nil {
		return err
	}
	return st.remember(st.layouts.Files(), write)
}

// spill keeps the encoded search sections of a lean build in a temporary
// file until the search indexes are written, so a site's text is not held
// in memory.
type spill struct {
	mu  sync.Mutex
	f   *os.File
	end int64
	at  map[string][2]int64 // content path → offset, length
}

func newSpill() (*spill, error) {
	f, err := os.CreateTemp("", "docgen-search-*")
	if err != nil {
		return nil, fmt.Errorf("cannot create a temporary file for the search index: %w", err)
	}
	return &spill{f: f, at: map[string][2]int64{}}, nil
}

func (s *spill) put(path string, data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.f.WriteAt(data, s.end); err != nil {
		return fmt.Errorf("temporary search file: %w", err)
	}
	s.at[path] = [2]int64{s.end, int64(len(data))}
	s.end += int64(len(data))
	return nil
}

func (s *spill) get(path string) ([]byte, error) {
	s.mu.Lock()
	at, ok := s.at[path]
	s.mu.Unlock()
	if !ok {
		return nil, fmt.Errorf("%s: internal error: no search sections", path)
	}
	data := make([]byte, at[1])
	if _, err := s.f.ReadAt(data, at[0]); err != nil {
		return nil, fmt.Errorf("temporary search file: %w", err)
	}
	return data, nil
}

func (s *spill) close() {
	s.f.Close()
	os.Remove(s.f.Name())
}

// renderBodiesAgain reads and parses the pages at paths again, gives their
// headings the ids the first pass settled on, and renders them, on all cores.
func (st *state) renderBodiesAgain(paths []string, done func()) error {
	errs := make([]error, len(paths))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, path := range paths {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			errs[i] = st.renderBodyAgain(path)
			done()
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func (st *state) renderBodyAgain(path string) error {
	first := st.pages[path]
	body, err := content.ReadBody(st.root, first)
	if err != nil {
		return err
	}
	parsed := st.parsed[path]
	doc := st.conv[first.Lang].Parse(path, body, first.BodyLine)
	if len(doc.Headings) != len(parsed.Doc.Headings) {
		return fmt.Errorf("%s: internal error: %d headings on the second parse, %d on the first", path, len(doc.Headings), len(parsed.Doc.Headings))
	}
	for i, h := range parsed.Doc.Headings {
		if doc.Headings[i].ID != h.ID {
			doc.SetHeadingID(i, h.ID)
		}
	}
	html, err := doc.HTML()
	if err != nil {
		return err
	}
	parsed.HTML = template.HTML(html)
	return st.spill.put(path, search.EncodeSections(search.Sections([]byte(html))))
}
