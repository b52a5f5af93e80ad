// Package dirscan lists a folder tree with each file's type, size and
// modification time, reading several folders at once. A build stamps
// tens of thousands of inputs and checks as many outputs before it knows
// what to do; filepath.WalkDir does that one folder and one full-path
// lstat at a time, which on a large site costs a second of the two a
// warm rebuild may take.
package dirscan

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
)

// Entry is one file or folder below the root.
type Entry struct {
	Path  string      // slash-separated, relative to the root
	Mode  fs.FileMode // type bits only (0 for a regular file)
	Size  int64       // bytes; 0 for a folder
	MTime int64       // modification time, nanoseconds since 1970
}

// IsDir reports whether the entry is a folder.
func (e Entry) IsDir() bool { return e.Mode.IsDir() }

// Skip, when it returns true for a folder, leaves the folder and
// everything in it out of the scan (and out of the result); for a file, it
// leaves that file out.
type Skip func(rel string, dir bool) bool

// Scan lists everything below root (not root itself), sorted by path. A
// root that does not exist gives fs.ErrNotExist; an unreadable folder or
// file below it gives its error.
func Scan(root string, skip Skip) ([]Entry, error) {
	if _, err := os.Stat(root); err != nil {
		return nil, err
	}
	s := &scan{root: root, skip: skip}
	s.cond = sync.NewCond(&s.mu)
	s.queue = []string{""}
	workers := 2 * runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.work()
		}()
	}
	wg.Wait()
	if s.err != nil {
		return nil, s.err
	}
	sort.Slice(s.out, func(i, j int) bool { return s.out[i].Path < s.out[j].Path })
	return s.out, nil
}

// scan is one Scan's shared work: folders still to read, and what was found.
type scan struct {
	root string
	skip Skip

	mu    sync.Mutex
	cond  *sync.Cond
	queue []string // folders to read, relative to root
	busy  int      // workers reading a folder
	out   []Entry
	err   error
}

// work reads queued folders until none is left and no worker may add more.
func (s *scan) work() {
	for {
		s.mu.Lock()
		for len(s.queue) == 0 && s.busy > 0 && s.err == nil {
			s.cond.Wait()
		}
		if len(s.queue) == 0 || s.err != nil {
			s.mu.Unlock()
			s.cond.Broadcast()
			return
		}
		dir := s.queue[len(s.queue)-1]
		s.queue = s.queue[:len(s.queue)-1]
		s.busy++
		s.mu.Unlock()

		found, dirs, err := s.read(dir)

		s.mu.Lock()
		s.busy--
		s.out = append(s.out, found...)
		s.queue = append(s.queue, dirs...)
		if err != nil && s.err == nil {
			s.err = err
		}
		s.mu.Unlock()
		s.cond.Broadcast()
	}
}

// read lists one folder: its entries, and the subfolders to read next.
func (s *scan) read(dir string) (found []Entry, dirs []string, err error) {
	f, err := os.Open(filepath.Join(s.root, filepath.FromSlash(dir)))
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	list, err := f.ReadDir(-1)
	if err != nil {
		return nil, nil, err
	}
	found = make([]Entry, 0, len(list))
	for _, d := range list {
		rel := path.Join(dir, d.Name())
		isDir := d.IsDir()
		if s.skip != nil && s.skip(rel, isDir) {
			continue
		}
		if isDir {
			found = append(found, Entry{Path: rel, Mode: fs.ModeDir})
			dirs = append(dirs, rel)
			continue
		}
		e, err := stat(f, d.Name())
		if err != nil {
			return nil, nil, err
		}
		e.Path = rel
		found = append(found, e)
	}
	return found, dirs, nil
}
