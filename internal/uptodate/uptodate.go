// Package uptodate digests a build's inputs (the site's files, the docgen
// executable and the git commit that dates pages), so an unchanged site is
// not built again. The output side (what docgen wrote) is publish's
// manifest.
package uptodate

import (
	"crypto/sha256"
	"encoding/hex"
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
