package publish

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/docgen/docgen/internal/dirscan"
)

// manifest is what docgen wrote into an output folder: every file with its
// size and modification time, and every folder. An existing output is
// replaced only when it still matches its manifest, so a file someone else
// put there, or changed, is never deleted.
type manifest struct {
	inputs string           // digest of the inputs of the build that wrote it
	files  map[string]entry // by slash path relative to the output folder
}

type entry struct {
	dir   bool
	size  int64
	mtime int64 // nanoseconds
}

const manifestHeader = "docgen-manifest 1"

// scan reads the output folder's current manifest.
func scan(out string) (*manifest, error) {
	entries, err := dirscan.Scan(out, nil)
	if err != nil {
		return nil, err
	}
	m := &manifest{files: make(map[string]entry, len(entries))}
	for _, e := range entries {
		switch {
		case e.IsDir():
			m.files[e.Path] = entry{dir: true}
		case e.Mode != 0:
			m.files[e.Path] = entry{size: -1} // never in a manifest docgen wrote
		default:
			m.files[e.Path] = entry{size: e.Size, mtime: e.MTime}
		}
	}
	return m, nil
}

// diff names up to three paths in have that m does not hold as they are.
func (m *manifest) diff(have *manifest) []string {
	var odd []string
	for p, e := range have.files {
		if w, ok := m.files[p]; !ok || w != e {
			odd = append(odd, p)
		}
	}
	for p := range m.files {
		if _, ok := have.files[p]; !ok {
			odd = append(odd, p) // deleted since: harmless, but the record is off
		}
	}
	sort.Strings(odd)
	return odd
}

// note records the file at path (relative, slash-separated) as written now,
// and the folders above it.
func (m *manifest) note(out, rel string) error {
	info, err := os.Lstat(filepath.Join(out, filepath.FromSlash(rel)))
	if err != nil {
		return err
	}
	m.files[rel] = entry{size: info.Size(), mtime: info.ModTime().UnixNano()}
	for d := pathDir(rel); d != ""; d = pathDir(d) {
		m.files[d] = entry{dir: true}
	}
	return nil
}

func pathDir(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return ""
}

// encode writes the manifest in a stable, line-based form.
func (m *manifest) encode() []byte {
	paths := make([]string, 0, len(m.files))
	for p := range m.files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	b := make([]byte, 0, 64*len(paths)+64)
	b = append(b, manifestHeader+" "+m.inputs+"\n"...)
	for _, p := range paths {
		e := m.files[p]
		if e.dir {
			b = append(append(append(b, "d "...), p...), '\n')
			continue
		}
		b = append(b, "f "...)
		b = append(strconv.AppendInt(b, e.size, 10), ' ')
		b = append(strconv.AppendInt(b, e.mtime, 10), ' ')
		b = append(append(b, p...), '\n')
	}
	return b
}

// readManifest reads a stored manifest; ok is false when there is none or
// it cannot be read (then the output counts as not docgen's).
func readManifest(path string) (*manifest, bool) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, false
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	if !sc.Scan() || !strings.HasPrefix(sc.Text(), manifestHeader+" ") {
		return nil, false
	}
	m := &manifest{inputs: strings.TrimPrefix(sc.Text(), manifestHeader+" "), files: map[string]entry{}}
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "d "):
			m.files[line[2:]] = entry{dir: true}
		case strings.HasPrefix(line, "f "):
			parts := strings.SplitN(line[2:], " ", 3)
			if len(parts) != 3 {
				return nil, false
			}
			size, err1 := strconv.ParseInt(parts[0], 10, 64)
			mtime, err2 := strconv.ParseInt(parts[1], 10, 64)
			if err1 != nil || err2 != nil {
				return nil, false
			}
			m.files[parts[2]] = entry{size: size, mtime: mtime}
		default:
			return nil, false
		}
	}
	return m, sc.Err() == nil
}

// stateKey names an output folder's records: a digest of its resolved path.
func stateKey(absOut string) string {
	sum := sha256.Sum256([]byte(absOut))
	return hex.EncodeToString(sum[:8])
}
