// Package watch reports which of a site's input files changed, in batches:
// it watches content/, locales/, layouts/ and config.toml with fsnotify,
// including folders created after it started, and debounces bursts of events
// (an editor's rename-on-save, a git checkout) into one batch.
package watch

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watcher sends batches of changed paths, relative to the site root with
// forward slashes, on Changes.
type Watcher struct {
	Changes <-chan []string
	Errors  <-chan error

	root string
	fs   *fsnotify.Watcher
	done chan struct{}
}

// Dirs are the folders under the root that are watched (recursively).
var Dirs = []string{"content", "locales", "layouts", "static"}

// New starts watching root. Events closer together than quiet are merged.
func New(root string, quiet time.Duration) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	if err := fw.Add(root); err != nil { // config.toml, and watched folders created later
		fw.Close()
		return nil, err
	}
	for _, d := range Dirs {
		addTree(fw, filepath.Join(root, d))
	}
	changes := make(chan []string)
	errs := make(chan error, 1)
	w := &Watcher{Changes: changes, Errors: errs, root: root, fs: fw, done: make(chan struct{})}
	go w.loop(changes, errs, quiet)
	return w, nil
}

// Close stops watching.
func (w *Watcher) Close() error {
	close(w.done)
	return w.fs.Close()
}

func addTree(fw *fsnotify.Watcher, dir string) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			_ = fw.Add(p)
		}
		return nil
	})
}

// relevant returns the root-relative path of an event worth a rebuild.
func (w *Watcher) relevant(name string) (string, bool) {
	rel, err := filepath.Rel(w.root, name)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	base := filepath.Base(rel)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasSuffix(base, ".swp") {
		return "", false // editor backups and temporary files
	}
	if rel == "config.toml" {
		return rel, true
	}
	for _, d := range Dirs {
		if rel == d || strings.HasPrefix(rel, d+"/") {
			return rel, true
		}
	}
	return "", false
}

func (w *Watcher) loop(out chan<- []string, errs chan<- error, quiet time.Duration) {
	pending := map[string]bool{}
	var timer <-chan time.Time
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			rel, ok := w.relevant(ev.Name)
			if !ok {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					addTree(w.fs, ev.Name)
					// Files written into the new folder before it was watched.
					_ = filepath.WalkDir(ev.Name, func(p string, d fs.DirEntry, err error) error {
						if err == nil && !d.IsDir() {
							if r, ok := w.relevant(p); ok {
								pending[r] = true
							}
						}
						return nil
					})
				}
			}
			pending[rel] = true
			timer = time.After(quiet)
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			select {
			case errs <- err:
			default:
			}
		case <-timer:
			batch := make([]string, 0, len(pending))
			for p := range pending {
				batch = append(batch, p)
			}
			sort.Strings(batch)
			pending = map[string]bool{}
			timer = nil
			select {
			case out <- batch:
			case <-w.done:
				return
			}
		}
	}
}
