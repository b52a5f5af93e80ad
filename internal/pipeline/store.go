package pipeline

import (
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
)

// bodyStore keeps every page's rendered body (HTML and encoded search
// sections) on disk, so a site's text is not held in memory between the
// parse stage, which makes the bodies, and the render stage, which lays
// them out. Bodies are appended to pack files. A temporary store (for
// tests, serve and in-memory renders) has one pack, unlinked as soon as it
// is made, so it disappears with the process however it ends. A
// persistent store (docgen build) keeps its packs in a folder of .docgen,
// where the next build reuses the bodies of pages that did not change; what
// a build uses is recorded in its saved state, so a pack a killed build was
// writing is never read (and is removed by the next build), and every read
// checks the entry's checksum: a body that fails it is made again.
type bodyStore struct {
	mu      sync.Mutex
	dir     string              // folder of the packs; "" for a temporary store
	packs   map[string]*os.File // open packs, by name
	cur     string              // the pack bodies are appended to
	end     int64               // its size
	at      map[string]bodyRef  // content path → its body, as of the last good build
	pending map[string]bodyRef  // bodies of the build under way
}

// bodyRef says where one page's body is and what it was made from.
type bodyRef struct {
	Key            string // digest of everything the body was made from
	Pack           string
	Off            int64
	HTML, Sections int
	Sum            uint32 // CRC-32C of the HTML
	SectionsSum    uint32 // CRC-32C of the sections
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// errBadBody is returned for a body whose pack is gone or whose bytes do not
// match their checksum; the page is then parsed again.
var errBadBody = errors.New("cached body unreadable")

// newBodyStore opens a store: temporary when dir is "", otherwise in dir,
// with a new pack for this process's bodies.
func newBodyStore(dir, scratch string) (*bodyStore, error) {
	s := &bodyStore{dir: dir, packs: map[string]*os.File{}, at: map[string]bodyRef{}, pending: map[string]bodyRef{}}
	var f *os.File
	var err error
	if dir == "" {
		f, err = os.CreateTemp(scratch, "docgen-bodies-*")
		if err == nil && runtime.GOOS != "windows" {
			os.Remove(f.Name())
		}
	} else {
		if err = os.MkdirAll(dir, 0o755); err == nil {
			f, err = os.CreateTemp(dir, fmt.Sprintf("%d-*.pack", time.Now().UnixNano()))
		}
	}
	if err != nil {
		return nil, fmt.Errorf("cannot create a file for page bodies: %w", err)
	}
	s.cur = filepath.Base(f.Name())
	s.packs[s.cur] = f
	return s, nil
}

// put appends a page's body and makes it the page's pending body.
func (s *bodyStore) put(path, key string, html, sections []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.packs[s.cur]
	r := bodyRef{Key: key, Pack: s.cur, Off: s.end, HTML: len(html), Sections: len(sections)}
	r.Sum, r.SectionsSum = crc32.Checksum(html, castagnoli), crc32.Checksum(sections, castagnoli)
	if _, err := f.WriteAt(html, r.Off); err != nil {
		return fmt.Errorf("body file: %w", err)
	}
	if _, err := f.WriteAt(sections, r.Off+int64(r.HTML)); err != nil {
		return fmt.Errorf("body file: %w", err)
	}
	s.end += int64(r.HTML + r.Sections)
	s.pending[path] = r
	return nil
}

// adopt makes a body an earlier build stored the page's pending body.
func (s *bodyStore) adopt(path string, r bodyRef) {
	s.mu.Lock()
	s.pending[path] = r
	s.mu.Unlock()
}

// ref returns the page's body reference, pending first.
func (s *bodyStore) ref(path string) (bodyRef, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.pending[path]
	if !ok {
		r, ok = s.at[path]
	}
	return r, ok
}

// settle keeps the bodies the build under way rendered if it succeeded
// (*err is nil), and forgets them if it failed.
func (s *bodyStore) settle(err *error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if *err == nil {
		for p, r := range s.pending {
			s.at[p] = r
		}
	}
	clear(s.pending)
}

// read returns a page's HTML or its sections, checked.
func (s *bodyStore) read(path string, sections bool) ([]byte, error) {
	r, ok := s.ref(path)
	if !ok {
		return nil, fmt.Errorf("%s: internal error: no rendered body", path)
	}
	f, err := s.pack(r.Pack)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, errBadBody)
	}
	off, size, sum := r.Off, r.HTML, r.Sum
	if sections {
		off, size, sum = r.Off+int64(r.HTML), r.Sections, r.SectionsSum
	}
	data := make([]byte, size)
	if _, err := f.ReadAt(data, off); err != nil || crc32.Checksum(data, castagnoli) != sum {
		return nil, fmt.Errorf("%s: %w", path, errBadBody)
	}
	return data, nil
}

// pack returns an open pack.
func (s *bodyStore) pack(name string) (*os.File, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f, ok := s.packs[name]; ok {
		return f, nil
	}
	if s.dir == "" || strings.ContainsAny(name, `/\`) {
		return nil, fs.ErrNotExist
	}
	f, err := os.Open(filepath.Join(s.dir, name))
	if err != nil {
		return nil, err
	}
	s.packs[name] = f
	return f, nil
}

// keep prepares the store's folder for the next build: it syncs this
// build's pack, and, when the packs hold more than twice what the last good
// build uses (or more than limit bytes), copies the used bodies into a new
// pack. It returns the bodies to record (nil when they exceed limit:
// nothing is kept then) and a function that removes the packs they do not
// use, to call once the record is saved.
func (s *bodyStore) keep(limit int64) (map[string]bodyRef, func(), error) {
	if s.dir == "" {
		return nil, func() {}, nil
	}
	// Packs are not synced: a body torn by a crash fails its checksum
	// and the page is parsed again.
	live := int64(0)
	for _, r := range s.at {
		live += int64(r.HTML + r.Sections)
	}
	holds := map[string]bool{}
	for _, r := range s.at {
		holds[r.Pack] = true
	}
	// Packs that hold no body of this build are dropped whole; only the
	// others count towards compacting.
	total := int64(0)
	sizes := map[string]int64{}
	entries, _ := os.ReadDir(s.dir)
	for _, e := range entries {
		if info, err := e.Info(); err == nil && strings.HasSuffix(e.Name(), ".pack") {
			sizes[e.Name()] = info.Size()
			if holds[e.Name()] {
				total += info.Size()
			}
		}
	}
	refs := s.at
	switch {
	case live > limit:
		refs = nil
	case total > 2*live+(64<<20) || total > limit:
		var err error
		if refs, err = s.compact(); err != nil {
			return nil, nil, err
		}
	}
	used := map[string]bool{}
	for _, r := range refs {
		used[r.Pack] = true
	}
	drop := func() {
		for name := range sizes {
			if !used[name] && name != s.cur {
				s.dropPack(name)
			}
		}
		if !used[s.cur] {
			s.dropPack(s.cur)
		}
	}
	return refs, drop, nil
}

// compact copies the bodies of the last good build into a new pack.
func (s *bodyStore) compact() (map[string]bodyRef, error) {
	f, err := os.CreateTemp(s.dir, fmt.Sprintf("%d-*.pack", time.Now().UnixNano()))
	if err != nil {
		return nil, err
	}
	name := filepath.Base(f.Name())
	paths := make([]string, 0, len(s.at))
	for p := range s.at {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	out := make(map[string]bodyRef, len(paths))
	var off int64
	for _, p := range paths {
		r := s.at[p]
		src, err := s.pack(r.Pack)
		if err != nil {
			continue
		}
		data := make([]byte, r.HTML+r.Sections)
		if _, err := src.ReadAt(data, r.Off); err != nil || crc32.Checksum(data[:r.HTML], castagnoli) != r.Sum || crc32.Checksum(data[r.HTML:], castagnoli) != r.SectionsSum {
			continue // not kept: the page is parsed again next time
		}
		if _, err := f.WriteAt(data, off); err != nil {
			f.Close()
			os.Remove(f.Name())
			return nil, err
		}
		r.Pack, r.Off = name, off
		off += int64(len(data))
		out[p] = r
	}
	s.mu.Lock()
	s.packs[name] = f
	s.mu.Unlock()
	return out, nil
}

func (s *bodyStore) dropPack(name string) {
	s.mu.Lock()
	if f, ok := s.packs[name]; ok {
		f.Close()
		delete(s.packs, name)
	}
	s.mu.Unlock()
	os.Remove(filepath.Join(s.dir, name))
}

func (s *bodyStore) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for name, f := range s.packs {
		f.Close()
		if s.dir == "" {
			os.Remove(f.Name())
		}
		delete(s.packs, name)
	}
}
