// Package publish writes a rendered site to its output folder atomically:
// files go to a fresh sibling folder, which then replaces the old output in
// one step. A build that fails or is killed before that step leaves the
// previous output exactly as it was.
package publish

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/docgen/docgen/internal/render"
)

// Write replaces the folder out with exactly files.
func Write(out string, files []render.File) error {
	st, err := Begin(out)
	if err != nil {
		return err
	}
	if err := st.Write(files); err != nil {
		st.Abort()
		return err
	}
	return st.Commit()
}

// Stage is a new output folder being written next to the old one, so a
// build can write its files in batches as it renders them. Commit puts it
// in place of the old output in one step; Abort throws it away.
type Stage struct {
	out, tmp string
}

// Begin starts a new output for out in a hidden sibling folder.
func Begin(out string) (*Stage, error) {
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	// Staging folders of builds that were killed are left over; clear them.
	if stale, err := filepath.Glob(filepath.Join(parent, "."+filepath.Base(out)+"-new-*")); err == nil {
		for _, d := range stale {
			os.RemoveAll(d)
		}
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+"-new-")
	if err != nil {
		return nil, fmt.Errorf("cannot create a staging folder next to %s: %w", out, err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	return &Stage{out: out, tmp: tmp}, nil
}

// Write writes a batch of files into the staging folder, on all cores.
func (s *Stage) Write(files []render.File) error { return writeAll(s.tmp, files) }

// Commit replaces the output folder with the staging folder.
func (s *Stage) Commit() error {
	if err := swap(s.tmp, s.out); err != nil {
		os.RemoveAll(s.tmp)
		return err
	}
	return nil
}

// Abort removes the staging folder; the old output stays as it was.
func (s *Stage) Abort() { os.RemoveAll(s.tmp) }

// writeAll writes files below dir using all cores.
func writeAll(dir string, files []render.File) error {
	for _, f := range files {
		if err := checkPath(f.Path); err != nil {
			return err
		}
	}
	dirs := map[string]bool{}
	for _, f := range files {
		dirs[filepath.Dir(filepath.Join(dir, filepath.FromSlash(f.Path)))] = true
	}
	for d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var first error
	sem := make(chan struct{}, 2*runtime.GOMAXPROCS(0))
	for _, f := range files {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			if err := writeFile(filepath.Join(dir, filepath.FromSlash(f.Path)), f.Data); err != nil {
				mu.Lock()
				if first == nil {
					first = err
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return first
}

func writeFile(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 64<<10)
	if _, err := w.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// checkPath refuses output paths that could land outside the output folder.
func checkPath(p string) error {
	if p == "" || strings.ContainsAny(p, "\\\x00") || filepath.IsAbs(p) || strings.HasPrefix(p, "/") {
		return fmt.Errorf("refusing to write output path %q", p)
	}
	for _, part := range strings.Split(p, "/") {
		if part == ".." || part == "." || part == "" {
			return fmt.Errorf("refusing to write output path %q", p)
		}
	}
	return nil
}

// swap makes tmp the new out. Where the system can exchange two folders in
// one step (Linux), readers never see out missing; elsewhere there is a
// moment between two renames.
func swap(tmp, out string) error {
	if _, err := os.Lstat(out); errors.Is(err, os.ErrNotExist) {
		return os.Rename(tmp, out)
	}
	if exchange(tmp, out) == nil {
		return os.RemoveAll(tmp) // tmp now holds the old output
	}
	old := tmp + "-old"
	if err := os.Rename(out, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		_ = os.Rename(old, out)
		return err
	}
	return os.RemoveAll(old)
}
