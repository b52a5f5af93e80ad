// Package uptodate tells whether a build would change nothing: it records a
// digest of a build's inputs (the site's files, the docgen executable and
// the git commit that dates pages) and of the output folder it wrote, and
// compares them before the next build. Records live in the site's .docgen/
// folder, never in the published output.
package uptodate

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"github.com/docgen/docgen/internal/safefile"
)

// Record is what one successful build leaves behind.
type Record struct {
	Inputs  string `json:"inputs"`
	Outputs string `json:"outputs"`
}

// Inputs digests the named files and folders below root (missing ones
// count as empty), the running executable and the current git commit.
func Inputs(root string, names ...string) (string, error) {
	h := sha256.New()
	add := func(rel string, path string) error {
		fmt.Fprintf(h, "%s\x00", rel)
		f, err := safefile.Open(path)
		if errors.Is(err, safefile.ErrNotRegular) {
			// A named pipe, device or socket is never read (it could block
			// or never end); the build itself refuses or ignores it.
			fmt.Fprintf(h, "%v\x00", err)
			return nil
		}
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = io.Copy(h, f)
		h.Write([]byte{0})
		return err
	}
	for _, name := range names {
		base := filepath.Join(root, name)
		var files, dirs []string
		err := filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if os.IsNotExist(err) && p == base {
					return nil
				}
				return err
			}
			if d.IsDir() {
				dirs = append(dirs, p)
			} else {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return "", err
		}
		// Folders count too: an empty one named like a page is an error.
		for _, p := range dirs {
			rel, _ := filepath.Rel(root, p)
			fmt.Fprintf(h, "%s/\x00dir\x00", filepath.ToSlash(rel))
		}
		sort.Strings(files)
		for _, p := range files {
			rel, _ := filepath.Rel(root, p)
			if err := add(filepath.ToSlash(rel), p); err != nil {
				return "", err
			}
		}
	}
	if exe, err := os.Executable(); err == nil {
		if err := add("\x00docgen", exe); err != nil {
			return "", err
		}
	}
	fmt.Fprintf(h, "\x00git %s", gitHead(root))
	return hex.EncodeToString(h.Sum(nil)), nil
}

// gitHead returns the commit checked out in root's repository, or "" when
// root is in none (or git is missing). Git itself is asked, so worktrees and
// submodules (where .git is a file) count as any checkout.
func gitHead(root string) string {
	out, err := exec.Command("git", "-C", root, "rev-parse", "--verify", "--quiet", "HEAD").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// Outputs digests the output folder's file names, sizes and modification
// times, so any change to it after the build is noticed.
func Outputs(out string) (string, error) {
	h := sha256.New()
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		fmt.Fprintf(h, "%s\x00%d\x00%d\x00%o\n", filepath.ToSlash(rel), info.Size(), info.ModTime().UnixNano(), info.Mode())
		return nil
	})
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// recordPath is where the record for the output folder out is kept.
func recordPath(root, out string) string {
	abs, err := filepath.Abs(out)
	if err != nil {
		abs = out
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(root, ".docgen", "builds", hex.EncodeToString(sum[:8])+".json")
}

// Load returns the record of the last build into out, if there is one.
func Load(root, out string) (Record, bool) {
	var r Record
	data, err := os.ReadFile(recordPath(root, out))
	if err != nil || json.Unmarshal(data, &r) != nil {
		return Record{}, false
	}
	return r, true
}

// Save stores the record of a build into out.
func Save(root, out string, r Record) error {
	p := recordPath(root, out)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	data, _ := json.Marshal(r)
	tmp := p + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, p)
}
