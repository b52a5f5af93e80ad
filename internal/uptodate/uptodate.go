// Package uptodate digests a build's inputs (the site's files, the docgen
// executable and the git commit that dates pages), so an unchanged site is
// not built again. The output side (what docgen wrote) is publish's
// manifest.
package uptodate

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)


// Inputs digests the named files and folders below root (missing ones
// count as empty), the running executable and the current git commit.
func Inputs(root string, names ...string) (string, error) {
	h := sha256.New()
	add := func(rel string, path string) error {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		fmt.Fprintf(h, "%s\x00", rel)
		_, err = io.Copy(h, f)
		h.Write([]byte{0})
		return err
	}
	for _, name := range names {
		base := filepath.Join(root, name)
		var files []string
		err := filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if os.IsNotExist(err) && p == base {
					return nil
				}
				return err
			}
			if !d.IsDir() {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return "", err
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

// gitHead returns the commit checked out in root's repository, or "".
func gitHead(root string) string {
	dir, err := filepath.Abs(root)
	if err != nil {
		return ""
	}
	for {
		head, err := os.ReadFile(filepath.Join(dir, ".git", "HEAD"))
		if err == nil {
			ref, ok := strings.CutPrefix(strings.TrimSpace(string(head)), "ref: ")
			if !ok {
				return ref
			}
			if id, err := os.ReadFile(filepath.Join(dir, ".git", filepath.FromSlash(ref))); err == nil {
				return strings.TrimSpace(string(id))
			}
			return ref // packed ref: the branch name still tells a checkout apart
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}




