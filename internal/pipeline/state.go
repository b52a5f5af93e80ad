package pipeline

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/docgen/docgen/internal/atomicfile"
	"github.com/docgen/docgen/internal/content"
	"github.com/docgen/docgen/internal/dirscan"
	"github.com/docgen/docgen/internal/markdown"
	"github.com/docgen/docgen/internal/parallel"
	"github.com/docgen/docgen/internal/render"
)

// A build saves its state beside its output's manifest (.docgen/builds/
// <key>.state): the page index, each page's facts and body reference, the
// hash of every output file, and a stamp (size and modification time) of
// every input file. The next `docgen build` of the same output restores
// it, compares the stamps with the disk and applies only the change, as
// serve does after an edit: a cold process on a warm checkout redoes what
// changed. The state is used only if it was written by the same docgen
// binary, with the same options, for the output now on disk; anything else,
// or --force, builds from scratch.

// stateFormat changes whenever savedState does.
const stateFormat = 3

// savedState is what a build leaves for the next one.
type savedState struct {
	Format  int
	Version string // digest of the docgen executable that wrote it
	Options string // options that make another site (config file, drafts, base URL)
	Build   string // random id, also written to the output's manifest
	Head    string // git HEAD when it was built ("" without git)
	Stamps  map[string]stamp
	Pages   []*content.Page
	Facts   map[string]markdown.Facts
	Bodies  map[string]bodyRef
	Hashes  map[string]uint64
	Assets  []content.Asset
	// frames are the frames of records as read, for saveState to copy.
	frames []frame
}

// keptState is what restore took from a saved state: the frames of
// records as read, and each record then (stamp, output hash, page with its
// facts and body). saveState copies a frame whose records are all the same
// instead of encoding it again.
type keptState struct {
	frames map[frameKey]frame
	stamps map[string]stamp
	hashes map[string]uint64
	pages  map[string]*content.Page
	docs   map[string]*render.Parsed
	bodies map[string]bodyRef
}

// frameKey names a frame of records by its kind and first path.
type frameKey struct {
	kind  byte
	first string
}

// stamp is what a build remembers of an input file to tell it changed.
type stamp struct {
	Size  int64
	MTime int64 // nanoseconds; -1 for a file compared by content (see racy)
	Mode  fs.FileMode
	Sum   string // content digest of a file compared by content
}

// reused is what an earlier build made of one page.
type reused struct {
	facts markdown.Facts
	body  bodyRef
}

// version digests the running docgen executable, so a state or body
// another build of docgen made is never reused ("" when unknown: nothing is
// reused then).
func (s *Session) version() string {
	s.versionOnce.Do(func() {
		if s.versionSum != nil {
			return // set by a test
		}
		sum := ""
		if exe, err := os.Executable(); err == nil {
			if f, err := os.Open(exe); err == nil {
				h := sha256.New()
				if _, err := io.Copy(h, f); err == nil {
					sum = hex.EncodeToString(h.Sum(nil))
				}
				f.Close()
			}
		}
		s.versionSum = &sum
	})
	return *s.versionSum
}

// optionsKey names the options that make another site from the same files.
func (o Options) optionsKey() string {
	return fmt.Sprintf("config=%q drafts=%v base=%q", o.Config, o.Drafts, o.BaseURL)
}

// stampInputs stamps every file a build reads: the configuration file and
// everything under content/, locales/, layouts/ and static/.
func stampInputs(opts Options) (map[string]stamp, error) {
	out := map[string]stamp{}
	cfg, err := filepath.Rel(opts.Root, opts.Config)
	if err != nil {
		return nil, err
	}
	if info, err := os.Lstat(opts.Config); err == nil {
		out[filepath.ToSlash(cfg)] = stampOf(info)
	}
	hidden := func(rel string, _ bool) bool { return strings.HasPrefix(path.Base(rel), ".") } // not read by builds
	for _, dir := range []string{"content", "locales", "layouts", "static"} {
		entries, err := dirscan.Scan(filepath.Join(opts.Root, dir), hidden)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if e.IsDir() && !strings.HasSuffix(strings.ToLower(path.Base(e.Path)), ".md") {
				continue // a folder changes with its files; one named like a page is an error the loader names
			}
			out[dir+"/"+e.Path] = stamp{Size: e.Size, MTime: e.MTime, Mode: e.Mode}
		}
	}
	return out, nil
}

// racy marks the stamps of files modified less than two seconds before
// the build started and records a digest of their content: file systems
// count time in ticks of up to a few milliseconds, so an edit of the same
// size in the same tick would keep the same stamp. Next time such a file
// is compared by content (as git does with its index).
func racy(root string, stamps map[string]stamp, start time.Time) {
	limit := start.Add(-2 * time.Second).UnixNano()
	for p, st := range stamps {
		if st.MTime > limit && st.Mode == 0 {
			st.MTime, st.Sum = -1, fileSum(root, p)
			stamps[p] = st
		}
	}
}

// fileSum digests a file's content ("" when it cannot be read).
func fileSum(root, rel string) string {
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

func stampOf(info fs.FileInfo) stamp {
	return stamp{Size: info.Size(), MTime: info.ModTime().UnixNano(), Mode: info.Mode().Type()}
}

// changedInputs lists the input paths whose stamps differ, sorted.
func changedInputs(root string, before, now map[string]stamp) []string {
	var out []string
	for p, st := range now {
		old, ok := before[p]
		switch {
		case ok && old.MTime == -1:
			if old.Size != st.Size || old.Mode != st.Mode || old.Sum == "" || old.Sum != fileSum(root, p) {
				out = append(out, p)
			}
		case !ok || old != st:
			out = append(out, p)
		}
	}
	for p := range before {
		if _, ok := now[p]; !ok {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// gitHead returns the commit checked out in root, or "" without git.
func gitHead(root string) string {
	cmd := exec.Command("git", "rev-parse", "HEAD")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// The state file is a header line, then frames, each a kind byte, its
// length (uvarint), one gob value encoded alone and the CRC-32C of that
// encoding: the stateHeader, then the stamps, the output hashes and the
// pages in chunks of records, then an end frame. Frames are encoded and
// decoded on all cores (one huge value would also be built and grown in
// memory whole), and the pages' frames are cut where a page's path says
// (pageChunks), so after an edit most of them hold the same pages as in
// the state read, and are copied from it instead of encoded again. The
// file is replaced without a flush: a torn one fails its checks, and the
// next build starts from scratch.
const stateMagic = "docgen-state 3\n"

// Frame kinds.
const (
	frameHeader = 'h'
	frameStamps = 's'
	frameHashes = 'o'
	framePages  = 'p'
	frameEnd    = 'e'
)

type stateHeader struct {
	Format                        int
	Version, Options, Build, Head string
	Assets                        []content.Asset
}

type stampRecord struct {
	Path  string
	Stamp stamp
}

type hashRecord struct {
	Path string
	Hash uint64
}

type pageRecord struct {
	Page  *content.Page
	Facts *markdown.Facts
	Body  *bodyRef
}

const stateChunk = 512

// frame is one value of the state file, before or after gob.
type frame struct {
	kind  byte
	value any      // what is encoded: a *stateHeader or a chunk of records
	data  []byte   // its gob encoding (set before encodeFrames: copied as is)
	paths []string // a pages frame's pages, as read
	sum   uint32   // CRC-32C of data, when data was read
}

func pathHash(p string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(p))
	return h.Sum64()
}

// recordFrames cuts records sorted by path into frames, each ending before
// a path whose hash is a multiple of stateChunk (so an added or removed
// record moves only its own frame's cut). A frame read from the saved
// state that holds the same paths, and whose records all are the same
// (same(i)), is copied; the others get their value (value(lo, hi)) to
// encode.
func (s *Session) recordFrames(kind byte, paths []string, same func(i int) bool, value func(lo, hi int) any) []frame {
	every := uint64(stateChunk)
	if s.opts.pageChunk > 0 {
		every = uint64(s.opts.pageChunk)
	}
	var out []frame
	start := 0
	for i := 1; i <= len(paths); i++ {
		if i < len(paths) && pathHash(paths[i])%every != 0 {
			continue
		}
		out = append(out, s.recordFrame(kind, paths[start:i], start, same, value))
		start = i
	}
	return out
}

func (s *Session) recordFrame(kind byte, paths []string, lo int, same func(int) bool, value func(lo, hi int) any) frame {
	if k := s.kept; k != nil {
		if old, ok := k.frames[frameKey{kind, paths[0]}]; ok && slices.Equal(old.paths, paths) {
			copied := true
			for i := range paths {
				if copied = same(lo + i); !copied {
					break
				}
			}
			if copied {
				if kind == framePages {
					s.framesCopied++
				}
				return frame{kind: kind, data: old.data, sum: old.sum}
			}
		}
	}
	return frame{kind: kind, value: value(lo, lo+len(paths))}
}

// encodeFrames makes the state file's bytes from frames, encoding them on
// all cores; it returns them in parts, so frames copied from the state read
// are written from where they were read.
func encodeFrames(frames []frame) ([][]byte, error) {
	err := parallel.Each(len(frames), func(i int) error {
		if frames[i].data != nil {
			return nil // kept from the state read
		}
		var b bytes.Buffer
		if err := gob.NewEncoder(&b).Encode(frames[i].value); err != nil {
			return err
		}
		frames[i].data = b.Bytes()
		frames[i].sum = crc32.Checksum(frames[i].data, castagnoli)
		return nil
	})
	if err != nil {
		return nil, err
	}
	parts := make([][]byte, 0, 3*len(frames)+3)
	parts = append(parts, []byte(stateMagic))
	for _, f := range append(frames, frame{kind: frameEnd}) {
		head := binary.AppendUvarint([]byte{f.kind}, uint64(len(f.data)))
		parts = append(parts, head, f.data, binary.LittleEndian.AppendUint32(nil, f.sum))
	}
	return parts, nil
}

// splitFrames cuts a state file into its frames (data only); ok is false
// when it is not a whole state file of this format.
func splitFrames(data []byte) (frames []frame, ok bool) {
	rest, found := bytes.CutPrefix(data, []byte(stateMagic))
	if !found {
		return nil, false
	}
	for len(rest) > 0 {
		kind := rest[0]
		n, size := binary.Uvarint(rest[1:])
		if size <= 0 || n+4 > uint64(len(rest)-1-size) {
			return nil, false
		}
		body := rest[1+size : 1+size+int(n)]
		sum := binary.LittleEndian.Uint32(rest[1+size+int(n):])
		rest = rest[1+size+int(n)+4:]
		if crc32.Checksum(body, castagnoli) != sum {
			return nil, false
		}
		if kind == frameEnd {
			return frames, len(rest) == 0
		}
		frames = append(frames, frame{kind: kind, data: body, sum: sum})
	}
	return nil, false // no end frame: cut short
}

// decodeFrame decodes one frame's gob into v.
func decodeFrame(f frame, v any) error {
	return gob.NewDecoder(bytes.NewReader(f.data)).Decode(v)
}

// readState reads a saved state; nil when there is none or it cannot be
// used by this docgen with these options.
func (s *Session) readState(file string) *savedState {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil
	}
	frames, ok := splitFrames(data)
	if !ok || len(frames) == 0 || frames[0].kind != frameHeader {
		return nil
	}
	var h stateHeader
	if err := decodeFrame(frames[0], &h); err != nil {
		return nil
	}
	if h.Format != stateFormat || h.Version == "" || h.Version != s.version() || h.Options != s.opts.optionsKey() {
		return nil
	}
	frames = frames[1:]
	stamps := make([][]stampRecord, len(frames))
	hashes := make([][]hashRecord, len(frames))
	pages := make([][]pageRecord, len(frames))
	err = parallel.Each(len(frames), func(i int) error {
		switch frames[i].kind {
		case frameStamps:
			return decodeFrame(frames[i], &stamps[i])
		case frameHashes:
			return decodeFrame(frames[i], &hashes[i])
		case framePages:
			return decodeFrame(frames[i], &pages[i])
		}
		return fmt.Errorf("unknown frame %q", frames[i].kind)
	})
	if err != nil {
		return nil
	}
	var nStamps, nHashes, nPages int
	for i := range frames {
		nStamps, nHashes, nPages = nStamps+len(stamps[i]), nHashes+len(hashes[i]), nPages+len(pages[i])
	}
	st := &savedState{Format: h.Format, Version: h.Version, Options: h.Options, Build: h.Build, Head: h.Head, Assets: h.Assets,
		Stamps: make(map[string]stamp, nStamps), Hashes: make(map[string]uint64, nHashes),
		Facts: make(map[string]markdown.Facts, nPages), Bodies: make(map[string]bodyRef, nPages), Pages: make([]*content.Page, 0, nPages)}
	for i := range frames {
		f := frame{kind: frames[i].kind, data: frames[i].data, sum: frames[i].sum}
		for _, r := range stamps[i] {
			f.paths = append(f.paths, r.Path)
		}
		for _, r := range hashes[i] {
			f.paths = append(f.paths, r.Path)
		}
		for _, r := range pages[i] {
			if r.Page != nil {
				f.paths = append(f.paths, r.Page.Path)
			}
		}
		if len(f.paths) > 0 {
			st.frames = append(st.frames, f)
		}
		for _, r := range stamps[i] {
			st.Stamps[r.Path] = r.Stamp
		}
		for _, r := range hashes[i] {
			st.Hashes[r.Path] = r.Hash
		}
		for _, r := range pages[i] {
			if r.Page == nil {
				return nil
			}
			st.Pages = append(st.Pages, r.Page)
			if r.Facts != nil {
				st.Facts[r.Page.Path] = *r.Facts
			}
			if r.Body != nil {
				st.Bodies[r.Page.Path] = *r.Body
			}
		}
	}
	return st
}

// saveState writes the state of the session's last good build.
func (s *Session) saveState(file, build, head string, stamps map[string]stamp, bodies map[string]bodyRef) error {
	st, k := s.last, s.kept
	if k == nil {
		k = &keptState{}
	}
	frames := []frame{{kind: frameHeader, value: &stateHeader{Format: stateFormat, Version: s.version(), Options: s.opts.optionsKey(), Build: build, Head: head, Assets: st.assets}}}

	paths := sortedKeys(stamps)
	frames = append(frames, s.recordFrames(frameStamps, paths, func(i int) bool {
		old, ok := k.stamps[paths[i]]
		return ok && old == stamps[paths[i]]
	}, func(lo, hi int) any {
		out := make([]stampRecord, 0, hi-lo)
		for _, p := range paths[lo:hi] {
			out = append(out, stampRecord{p, stamps[p]})
		}
		return out
	})...)

	outputs := sortedKeys(st.hashes)
	frames = append(frames, s.recordFrames(frameHashes, outputs, func(i int) bool {
		old, ok := k.hashes[outputs[i]]
		return ok && old == st.hashes[outputs[i]]
	}, func(lo, hi int) any {
		out := make([]hashRecord, 0, hi-lo)
		for _, p := range outputs[lo:hi] {
			out = append(out, hashRecord{p, st.hashes[p]})
		}
		return out
	})...)

	pages := make([]*content.Page, 0, len(st.pages))
	for _, page := range st.pages {
		if !page.Generated { // section pages docgen makes: arrange makes them again
			pages = append(pages, page)
		}
	}
	sortPages(pages)
	pagePaths := make([]string, len(pages))
	for i, page := range pages {
		pagePaths[i] = page.Path
	}
	frames = append(frames, s.recordFrames(framePages, pagePaths, func(i int) bool {
		p := pagePaths[i]
		body, has := bodies[p]
		keptBody, had := k.bodies[p]
		return pages[i] == k.pages[p] && st.docs[p] == k.docs[p] && has == had && body == keptBody
	}, func(lo, hi int) any {
		records := make([]pageRecord, hi-lo)
		for i, page := range pages[lo:hi] {
			records[i].Page = page
			if r, ok := bodies[page.Path]; ok {
				facts := st.docs[page.Path].Doc.Facts()
				records[i].Facts, records[i].Body = &facts, &r
			}
		}
		return records
	})...)

	parts, err := encodeFrames(frames)
	if err != nil {
		return fmt.Errorf("saving the build's state: %w", err)
	}
	return atomicfile.Replace(file, 0o644, parts...)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for p := range m {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// restore makes the saved state the session's last good build, with the
// inputs (configuration, catalogs, layouts) loaded afresh, and returns the
// change since then: the input files whose stamps differ. Pages without
// a date in their front matter take it from git, so a new HEAD re-reads
// them.
func (s *Session) restore(saved *savedState, stamps map[string]stamp, head string) (Change, error) {
	in, err := s.inputs()
	if err != nil {
		return Change{}, err
	}
	st := &snapshot{in: in, pages: make(map[string]*content.Page, len(saved.Pages)), docs: make(map[string]*render.Parsed, len(saved.Pages)),
		hashes: saved.Hashes, assets: saved.Assets}
	if st.hashes == nil {
		st.hashes = map[string]uint64{}
	}
	paths := changedInputs(s.opts.Root, saved.Stamps, stamps)
	for _, p := range paths {
		st, ok := stamps[p]
		if ok && st.Mode != 0 {
			// A link, pipe or device: the loader names what is wrong.
			return Change{All: true}, nil
		}
		if _, known := saved.Stamps[p]; ok && !known && strings.HasPrefix(p, "content/") {
			lang, isPage := strings.CutSuffix(path.Base(p), ".md")
			if !isPage || in.cfg.Language(lang) == nil {
				// A new file that is not a page of a known language: the
				// loader says what it is (an asset, a misnamed page, ...).
				return Change{All: true}, nil
			}
		}
	}
	seen := map[string]bool{}
	for _, p := range paths {
		seen[p] = true
	}
	s.reuseBodies(saved)
	for _, page := range saved.Pages {
		st.pages[page.Path] = page
		facts, ok := saved.Facts[page.Path]
		if !ok {
			// Nothing kept of this page: it is read again.
			if !seen[page.Path] {
				paths = append(paths, page.Path)
				seen[page.Path] = true
			}
			st.docs[page.Path] = &render.Parsed{Doc: markdown.FromFacts(markdown.Facts{File: page.Path})}
			continue
		}
		st.docs[page.Path] = &render.Parsed{Doc: markdown.FromFacts(facts)}
		if head != saved.Head && page.Front.Updated.IsZero() && !seen[page.Path] {
			paths = append(paths, page.Path)
			seen[page.Path] = true
		}
	}
	s.store.at = map[string]bodyRef{}
	for p, r := range saved.Bodies {
		s.store.at[p] = r
	}
	// The restored snapshot's maps are never changed (an update works on
	// a clone), so they are what each page had when the state was read.
	s.kept = &keptState{frames: make(map[frameKey]frame, len(saved.frames)), stamps: saved.Stamps, hashes: saved.Hashes,
		pages: st.pages, docs: st.docs, bodies: saved.Bodies}
	for _, f := range saved.frames {
		s.kept.frames[frameKey{f.kind, f.paths[0]}] = f
	}
	// The site model and link results are made again by arrange.
	s.last = st
	for i, p := range paths {
		paths[i] = path.Clean(p)
	}
	sort.Strings(paths)
	return Change{Paths: paths}, nil
}

// reuseBodies offers the bodies of a saved state to a build from scratch:
// each page whose inputs digest to the same key is not parsed again.
func (s *Session) reuseBodies(saved *savedState) {
	s.reuse = map[string]reused{}
	for p, r := range saved.Bodies {
		if facts, ok := saved.Facts[p]; ok {
			s.reuse[p] = reused{facts: facts, body: r}
		}
	}
}

// newBuildID returns a random id tying a saved state to the output it
// describes.
func newBuildID() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return "build-" + hex.EncodeToString(b[:])
}
