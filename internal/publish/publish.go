// Package publish owns the output folder. It knows paths and bytes only:
// nothing of pages or layouts.
//
// Before anything is written, Open guards the folder (CheckOut: never the
// site or its sources), takes its lock (one docgen at a time) and checks
// that what is there is what docgen wrote last time (its manifest), so no
// file a person put there is ever deleted. Files then go to a Sink: a
// Staging folder swapped in at Commit (a full build; a failed or killed
// build leaves the previous output as it was), the Live folder itself
// (serve's updates, each file replaced atomically), or Memory (tests).
package publish

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"github.com/docgen/docgen/internal/atomicfile"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
)

// Sink receives a build's files.
type Sink interface {
	// Put writes one file; path is relative to the output, slash-separated.
	// It is safe for concurrent use.
	Put(path string, data []byte) error
	// Remove deletes a file an earlier build wrote and this one does not.
	Remove(path string) error
}

// Reader is a sink that reads back the files it holds (the last build's,
// until this one replaces them).
type Reader interface {
	Read(path string) ([]byte, error)
}

// Output is an output folder opened for writing by one process.
type Output struct {
	out      string // as given
	abs      string // resolved absolute path
	stateDir string // where the manifest is kept
	lock     *Lock
	prev     *manifest  // what docgen last wrote there; nil if nothing
	jmu      sync.Mutex // serializes journal appends
	// The ownership check (Check) runs once, when first needed.
	checkOnce sync.Once
	checkErr  error
	checked   atomic.Bool
	// recorded is the manifest as last saved, read without checking the
	// folder (see WrittenBy and Live).
	recordOnce sync.Once
	recorded   *manifest
}

// Options say which output to open and for whom.
type Options struct {
	Root   string // the site folder
	Config string // the configuration file
	Out    string // the output folder
	// StateDir holds docgen's records of the output (default Root/.docgen/builds).
	StateDir string
	// Command names the opener in messages to other processes ("docgen build").
	Command string
}

// OwnershipError says the output folder holds files docgen did not write.
type OwnershipError struct {
	Out   string
	Files []string // up to a few of them
	None  bool     // there is no record of docgen ever writing there
}

func (e *OwnershipError) Error() string {
	shown := e.Files
	if len(shown) > 3 {
		shown = shown[:3]
	}
	why := "holds files docgen did not write or that changed since: " + strings.Join(shown, ", ")
	if len(e.Files) > len(shown) {
		why += fmt.Sprintf(" and %d more", len(e.Files)-len(shown))
	}
	if e.None {
		why = "is not empty and docgen has no record of writing it"
	}
	return fmt.Sprintf("%s: refusing to replace this folder: it %s\n  hint: move what you want to keep elsewhere and delete the folder, or choose another --out; docgen only replaces folders it wrote itself", e.Out, why)
}

// Open guards out and takes its lock. Whether the folder holds only what
// docgen wrote is checked when a method needs to know (Check): replacing
// the folder (Stage) or answering UpToDate scans every file there; writing
// a few files in place (Live) checks those files only. Close it when done.
func Open(opts Options) (*Output, error) {
	if err := CheckOut(opts.Root, opts.Config, opts.Out); err != nil {
		return nil, err
	}
	abs, err := resolve(opts.Out)
	if err != nil {
		return nil, err
	}
	o := &Output{out: opts.Out, abs: abs, stateDir: opts.StateDir}
	if o.stateDir == "" {
		o.stateDir = filepath.Join(opts.Root, ".docgen", "builds")
	}
	if err := os.MkdirAll(o.stateDir, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create %s for docgen's records: %w", o.stateDir, err)
	}
	cmd := opts.Command
	if cmd == "" {
		cmd = "docgen"
	}
	if o.lock, err = acquireAt(o.statePath(".lock"), opts.Out, cmd); err != nil {
		return nil, err
	}
	o.clearStaging()
	return o, nil
}

// clearStaging removes the staging folders killed builds left beside the
// output (a whole site each): folders named as Stage names them, ".<out>-new-"
// and digits. The lock says no build is using one.
func (o *Output) clearStaging() {
	prefix := "." + filepath.Base(o.abs) + "-new-"
	stale, _ := filepath.Glob(filepath.Join(filepath.Dir(o.abs), prefix+"[0-9]*"))
	for _, d := range stale {
		digits := strings.TrimPrefix(filepath.Base(d), prefix)
		if strings.Trim(digits, "0123456789") != "" {
			continue
		}
		if info, err := os.Lstat(d); err == nil && info.IsDir() {
			os.RemoveAll(d)
		}
	}
}

// Check compares every file in the folder with the manifest, once (it is
// safe to call from several goroutines, and to start early in one): an
// *OwnershipError when the folder holds files docgen did not write.
func (o *Output) Check() error {
	o.checkOnce.Do(func() {
		o.checkErr = o.checkOwnership()
		o.checked.Store(true)
	})
	return o.checkErr
}

// Prefetch starts reading the folder's record in the background, for
// WrittenBy and Live.
func (o *Output) Prefetch() { go o.record() }

// record returns the manifest as last saved, unchecked (nil: none).
func (o *Output) record() *manifest {
	o.recordOnce.Do(func() {
		if m, ok := readManifest(o.statePath(".manifest")); ok {
			o.recorded = m
		}
	})
	return o.recorded
}

// WrittenBy reports whether the folder's record says a build of the inputs
// with this digest wrote it last, without checking the folder (UpToDate
// does): enough to write a few files in place with Live, which checks
// each file it replaces.
func (o *Output) WrittenBy(inputs string) bool {
	if _, err := os.Stat(o.statePath(".journal")); err == nil {
		return false // a serve was killed before recording its writes: Check sorts them out
	}
	m := o.record()
	return inputs != "" && m != nil && m.inputs == inputs
}

// StatePath returns the path of one of docgen's records of this output
// (".manifest", ".lock", ...), in .docgen/builds; other packages keep their
// own records of the output there, under the output's lock.
func (o *Output) StatePath(ext string) string { return o.statePath(ext) }

func (o *Output) statePath(ext string) string {
	return filepath.Join(o.stateDir, stateKey(o.abs)+ext)
}

// checkOwnership loads the manifest and compares it with the folder.
func (o *Output) checkOwnership() error {
	prev, ok := readManifest(o.statePath(".manifest"))
	entries, err := os.ReadDir(o.abs)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && len(entries) == 0) {
		if ok {
			o.prev = &manifest{inputs: "", files: map[string]entry{}}
		}
		return nil
	}
	if err != nil {
		return err
	}
	have, err := scan(o.abs)
	if err != nil {
		return err
	}
	// A build killed between swapping its folder in and recording it left
	// the new record beside the old one: the folder is the new build's.
	if next, nextOK := readManifest(o.statePath(".manifest.next")); nextOK && len(next.diff(have)) == 0 {
		o.prev = next
		if err := o.saveManifest(next); err != nil {
			return err
		}
		os.Remove(o.statePath(".manifest.next"))
		return nil
	}
	if !ok {
		return &OwnershipError{Out: o.out, None: true}
	}
	if odd := prev.diff(have); len(odd) > 0 {
		var foreign []string
		for _, p := range odd {
			if _, ok := have.files[p]; ok {
				foreign = append(foreign, p)
			}
		}
		foreign = o.journaled(foreign, have, prev)
		if len(foreign) > 0 {
			return &OwnershipError{Out: o.out, Files: foreign}
		}
		prev.inputs = "" // files were deleted: docgen's, but not up to date
	}
	o.prev = prev
	return nil
}

// journal records, before a live write, the path, size and digest of the
// file about to be written.
func (o *Output) journal(path string, data []byte) error {
	o.jmu.Lock()
	defer o.jmu.Unlock()
	f, err := os.OpenFile(o.statePath(".journal"), os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(data)
	_, err = fmt.Fprintf(f, "%d %x %s\n", len(data), sum, path)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// clearJournal forgets the journal once the manifest holds its writes.
func (o *Output) clearJournal() error {
	err := os.Remove(o.statePath(".journal"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// journaled returns the paths of odd that the journal does not account
// for: a file whose size and digest a live write recorded is docgen's, and
// prev takes it in (the output then counts as not up to date).
func (o *Output) journaled(odd []string, have, prev *manifest) []string {
	data, err := os.ReadFile(o.statePath(".journal"))
	if err != nil {
		return odd
	}
	written := map[string]string{} // path → "size digest", the last write wins
	for _, line := range strings.Split(string(data), "\n") {
		if size, rest, ok := strings.Cut(line, " "); ok {
			if sum, path, ok := strings.Cut(rest, " "); ok {
				written[path] = size + " " + sum
			}
		}
	}
	var left []string
	for _, p := range odd {
		if have.files[p].dir {
			holds := false // a folder a journaled write created
			for w := range written {
				holds = holds || strings.HasPrefix(w, p+"/")
			}
			if holds {
				prev.files[p] = have.files[p]
				continue
			}
		}
		want, ok := written[p]
		content, err := os.ReadFile(filepath.Join(o.abs, filepath.FromSlash(p)))
		if ok && err == nil && want == fmt.Sprintf("%d %x", len(content), sha256.Sum256(content)) {
			prev.files[p] = have.files[p]
			prev.inputs = ""
			continue
		}
		left = append(left, p)
	}
	return left
}

// UpToDate reports whether the folder holds exactly what a build of the
// inputs with this digest wrote, as checked on disk by Open.
func (o *Output) UpToDate(inputs string) bool {
	return o.Check() == nil && inputs != "" && o.prev != nil && o.prev.inputs == inputs
}

// Close releases the lock.
func (o *Output) Close() { o.lock.Release() }

// Path returns the output folder as given.
func (o *Output) Path() string { return o.out }

// saveManifest records m as what docgen wrote, atomically.
func (o *Output) saveManifest(m *manifest) error {
	o.prev = m
	return atomicfile.WriteFile(o.statePath(".manifest"), m.encode(), 0o644)
}

// Staging is a new output folder written beside the old one; Commit puts it
// in place in one step, Abort throws it away.
type Staging struct {
	o     *Output
	tmp   string
	mu    sync.Mutex
	dirs  map[string]bool
	files map[string]entry // what Put wrote, by slash path: the manifest's files
}

// Stage starts a full build's staging folder (Open has cleared those of
// killed builds).
//
// The folder's ownership is checked while the build runs, and again at
// Commit; a folder with no record of docgen writing it fails at once.
func (o *Output) Stage() (*Staging, error) {
	if o.record() == nil {
		if err := o.Check(); err != nil {
			return nil, err
		}
	} else {
		go o.Check()
	}
	parent := filepath.Dir(o.abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(o.abs)+"-new-")
	if err != nil {
		return nil, fmt.Errorf("cannot create a staging folder next to %s: %w", o.out, err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	return &Staging{o: o, tmp: tmp, dirs: map[string]bool{}, files: map[string]entry{}}, nil
}

// Scratch returns a folder inside the staging folder for temporary files of
// the build; it is removed before Commit, or with the folder on Abort.
func (s *Staging) Scratch() (string, error) {
	d := filepath.Join(s.tmp, ".docgen-scratch")
	return d, os.MkdirAll(d, 0o700)
}

// Put writes a file into the staging folder.
func (s *Staging) Put(path string, data []byte) error {
	if err := checkPath(path); err != nil {
		return err
	}
	dst := filepath.Join(s.tmp, filepath.FromSlash(path))
	dir := filepath.Dir(dst)
	s.mu.Lock()
	if !s.dirs[dir] {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			s.mu.Unlock()
			return err
		}
		s.dirs[dir] = true
	}
	s.mu.Unlock()
	e, err := writeNew(dst, data)
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.files[path] = e
	s.mu.Unlock()
	return nil
}

// Remove does nothing: a staging folder starts empty.
func (s *Staging) Remove(string) error { return nil }

// Commit replaces the output folder with the staging folder and records
// what it holds, with the digest of the inputs it was built from.
func (s *Staging) Commit(inputs string) error {
	os.RemoveAll(filepath.Join(s.tmp, ".docgen-scratch"))
	// Someone may have put a file into the output while the build ran
	// (the check Stage started is waited for first: both set o.prev).
	if err := s.o.Check(); err != nil {
		s.Abort()
		return err
	}
	if err := s.o.checkOwnership(); err != nil {
		s.Abort()
		return err
	}
	// Only Put writes into the staging folder (the scratch folder is gone),
	// so what it recorded is what a scan would find; renames keep sizes and
	// times, so that is the output's manifest. It is written before the
	// swap, so a build killed at any moment leaves a record of what is in
	// the folder.
	m := s.manifest()
	m.inputs = inputs
	if err := atomicfile.WriteFile(s.o.statePath(".manifest.next"), m.encode(), 0o644); err != nil {
		s.Abort()
		return err
	}
	old, err := swap(s.tmp, s.o.abs)
	if err != nil {
		os.Remove(s.o.statePath(".manifest.next"))
		os.RemoveAll(s.tmp)
		if errors.Is(err, syscall.EBUSY) {
			return &GuardError{Out: s.o.out, Why: "cannot be replaced: it is a mount point or in use (" + err.Error() + ")",
				Hint: "docgen swaps the whole output folder in one step; build into a folder inside it, such as --out " + filepath.Join(s.o.out, "site")}
		}
		return err
	}
	if err := s.o.saveManifest(m); err != nil {
		return err
	}
	os.Remove(s.o.statePath(".manifest.next"))
	_ = s.o.clearJournal()
	// The previous output goes last; a kill here leaves a hidden staging
	// folder that the next build clears.
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}

// manifest is what Put wrote: its files and the folders above them.
func (s *Staging) manifest() *manifest {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := &manifest{files: make(map[string]entry, len(s.files)+len(s.dirs))}
	for p, e := range s.files {
		m.files[p] = e
		for d := pathDir(p); d != "" && !m.files[d].dir; d = pathDir(d) {
			m.files[d] = entry{dir: true}
		}
	}
	return m
}

// Abort removes the staging folder; the old output stays as it was.
func (s *Staging) Abort() { os.RemoveAll(s.tmp) }

// Live writes into the output folder in place, each file atomically; for
// serve's updates, where a few files change at a time.
type Live struct {
	o   *Output
	err error // the output's ownership check failed: nothing is written
	mu  sync.Mutex
	m   *manifest
}

// Live returns a sink writing into the output in place. It starts from the
// checked manifest when Check ran, else from the record (WrittenBy); either
// way each file it replaces or removes must still be as docgen wrote it.
func (o *Output) Live() *Live {
	base := o.record()
	if o.checked.Load() {
		if o.checkErr != nil {
			return &Live{o: o, err: o.checkErr}
		}
		base = o.prev
	}
	if base == nil {
		return &Live{o: o, err: &OwnershipError{Out: o.out, None: true}}
	}
	m := &manifest{files: make(map[string]entry, len(base.files))}
	for k, v := range base.files {
		m.files[k] = v
	}
	return &Live{o: o, m: m}
}

// Put replaces one file atomically.
func (l *Live) Put(path string, data []byte) error {
	if l.err != nil {
		return l.err
	}
	if err := checkPath(path); err != nil {
		return err
	}
	dst := filepath.Join(l.o.abs, filepath.FromSlash(path))
	if err := l.owns(path, dst); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	// The journal names the file before it lands, so a serve killed
	// before Commit leaves the folder still recognizably docgen's.
	if err := l.o.journal(path, data); err != nil {
		return err
	}
	if err := atomicfile.WriteFile(dst, data, 0o644); err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.m.note(l.o.abs, path)
}

// Read returns a file of the folder.
func (l *Live) Read(path string) ([]byte, error) { return l.o.Read(path) }

// Read returns a file of the output folder as it is now (whoever wrote
// it: a caller checks the bytes against its own record).
func (o *Output) Read(path string) ([]byte, error) {
	if err := checkPath(path); err != nil {
		return nil, err
	}
	return os.ReadFile(filepath.Join(o.abs, filepath.FromSlash(path)))
}

// Remove deletes a file docgen wrote there; any other file is left alone.
func (l *Live) Remove(path string) error {
	if l.err != nil {
		return l.err
	}
	if err := checkPath(path); err != nil {
		return err
	}
	dst := filepath.Join(l.o.abs, filepath.FromSlash(path))
	l.mu.Lock()
	_, ok := l.m.files[path]
	l.mu.Unlock()
	if !ok {
		return nil
	}
	if err := l.owns(path, dst); err != nil {
		return err
	}
	l.mu.Lock()
	delete(l.m.files, path)
	l.mu.Unlock()
	err := os.Remove(dst)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// owns checks that the file at path (dst on disk) is absent or still what
// docgen wrote there, before it is replaced or removed.
func (l *Live) owns(path, dst string) error {
	info, err := os.Lstat(dst)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	l.mu.Lock()
	e, ok := l.m.files[path]
	l.mu.Unlock()
	if ok && !e.dir && info.Mode().IsRegular() && e.size == info.Size() && e.mtime == info.ModTime().UnixNano() {
		return nil
	}
	return &OwnershipError{Out: l.o.out, Files: []string{path}}
}

// Commit records what the folder now holds.
func (l *Live) Commit(inputs string) error {
	if l.err != nil {
		return l.err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.m.inputs = inputs
	cp := &manifest{inputs: inputs, files: make(map[string]entry, len(l.m.files))}
	for k, v := range l.m.files {
		cp.files[k] = v
	}
	if err := l.o.saveManifest(cp); err != nil {
		return err
	}
	return l.o.clearJournal()
}

// Memory keeps files in memory, for tests and for in-process renders.
type Memory struct {
	mu    sync.Mutex
	Files map[string][]byte
}

// NewMemory returns an empty Memory sink.
func NewMemory() *Memory { return &Memory{Files: map[string][]byte{}} }

// Put stores a file.
func (m *Memory) Put(path string, data []byte) error {
	if err := checkPath(path); err != nil {
		return err
	}
	m.mu.Lock()
	m.Files[path] = data
	m.mu.Unlock()
	return nil
}

// Read returns a stored file.
func (m *Memory) Read(path string) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	data, ok := m.Files[path]
	if !ok {
		return nil, fmt.Errorf("%s: %w", path, fs.ErrNotExist)
	}
	return data, nil
}

// Remove forgets a file.
func (m *Memory) Remove(path string) error {
	m.mu.Lock()
	delete(m.Files, path)
	m.mu.Unlock()
	return nil
}

// Paths returns the stored paths in order.
func (m *Memory) Paths() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	ps := make([]string, 0, len(m.Files))
	for p := range m.Files {
		ps = append(ps, p)
	}
	sort.Strings(ps)
	return ps
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
// It returns the folder now holding the previous output ("" if there was
// none), for the caller to remove once the new output is recorded.
func swap(tmp, out string) (old string, err error) {
	if _, err := os.Lstat(out); errors.Is(err, os.ErrNotExist) {
		return "", os.Rename(tmp, out)
	}
	if exchange(tmp, out) == nil {
		return tmp, nil // tmp now holds the old output
	}
	old = tmp + "-old"
	if err := os.Rename(out, old); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, out); err != nil {
		_ = os.Rename(old, out)
		return "", err
	}
	return old, nil
}
