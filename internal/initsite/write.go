package initsite

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/docgen/docgen/internal/diag"
)

// Report says what Write did, with paths relative to the site folder.
type Report struct {
	Written []string // files created
	Skipped []string // files that existed already and were left as they are
}

// Write creates files in dir, making dir if it is missing. Unless force is
// set, it refuses a dir that already holds a site (config.toml or content/)
// or anything else besides .git. Even with force it never replaces a file:
// a path that exists is skipped and listed in the report. Each file is
// written atomically (a temporary file in the same folder, synced, then
// linked into place only if the name is still free), and no file is
// written through a symbolic link.
func Write(dir string, files []File, force bool) (*Report, error) {
	if err := checkDir(dir, force); err != nil {
		return nil, err
	}
	rep := &Report{}
	for _, f := range files {
		if err := checkRel(f.Path); err != nil {
			return rep, err
		}
		dst := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := makeParents(dir, path.Dir(f.Path)); err != nil {
			return rep, err
		}
		created, err := createAtomic(dst, f.Data)
		if err != nil {
			return rep, diag.Errorf(filepath.ToSlash(dst), 0, "check the folder's permissions and free space, then run docgen init --force to add the missing files", "cannot write: %v", err)
		}
		if created {
			rep.Written = append(rep.Written, f.Path)
		} else {
			rep.Skipped = append(rep.Skipped, f.Path)
		}
	}
	return rep, nil
}

// checkDir makes dir if it is missing and applies the refusal rules.
func checkDir(dir string, force bool) error {
	shown := filepath.ToSlash(dir)
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return diag.Errorf(shown, 0, "choose a folder you can write to", "cannot create the folder: %v", err)
		}
		return nil
	case err != nil:
		return diag.Errorf(shown, 0, "choose a folder you can read", "cannot read the folder: %v", err)
	case !fi.IsDir():
		return diag.Errorf(shown, 0, "name a new or empty folder", "not a folder")
	case force:
		return nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return diag.Errorf(shown, 0, "choose a folder you can read", "cannot read the folder: %v", err)
	}
	var names []string
	site := false
	for _, e := range entries {
		if e.Name() == ".git" {
			continue // a fresh repository still counts as empty
		}
		names = append(names, e.Name())
		site = site || e.Name() == "config.toml" || e.Name() == "content"
	}
	const hint = "name a new or empty folder, or pass --force to add only the files that are missing (no file is replaced)"
	if site {
		return diag.Errorf(shown, 0, hint, "the folder already holds a site (config.toml or content/)")
	}
	if len(names) > 0 {
		sort.Strings(names)
		more := ""
		if len(names) > 3 {
			more = fmt.Sprintf(" and %d more", len(names)-3)
			names = names[:3]
		}
		return diag.Errorf(shown, 0, hint, "the folder is not empty: it holds %s%s", strings.Join(names, ", "), more)
	}
	return nil
}

// checkRel refuses a path that is not a plain relative path inside the site.
func checkRel(p string) error {
	if p == "" || path.IsAbs(p) || strings.ContainsAny(p, "\\\x00") || path.Clean(p) != p || p == ".." || strings.HasPrefix(p, "../") {
		return fmt.Errorf("initsite: refusing to write %q", p)
	}
	return nil
}

// makeParents creates the folders of rel (slash-separated) below dir, and
// refuses one that exists as a symbolic link or as a file.
func makeParents(dir, rel string) error {
	if rel == "." {
		return nil
	}
	cur := dir
	for _, part := range strings.Split(rel, "/") {
		cur = filepath.Join(cur, part)
		fi, err := os.Lstat(cur)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if err := os.Mkdir(cur, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
				return diag.Errorf(filepath.ToSlash(cur), 0, "check the folder's permissions", "cannot create the folder: %v", err)
			}
		case err != nil:
			return diag.Errorf(filepath.ToSlash(cur), 0, "check the folder's permissions", "cannot read: %v", err)
		case fi.Mode()&fs.ModeSymlink != 0:
			return diag.Errorf(filepath.ToSlash(cur), 0, "replace the link with a folder, or start the site elsewhere", "is a symbolic link; docgen init does not write through links")
		case !fi.IsDir():
			return diag.Errorf(filepath.ToSlash(cur), 0, "move the file away, or start the site elsewhere", "is a file where docgen init needs a folder")
		}
	}
	return nil
}

// createAtomic writes data to a temporary file beside dst, syncs it and
// gives it the name dst only if no file has that name: created is false,
// and nothing changes, when dst exists.
func createAtomic(dst string, data []byte) (created bool, err error) {
	tmp, err := os.CreateTemp(filepath.Dir(dst), "."+filepath.Base(dst)+".tmp-*")
	if err != nil {
		return false, err
	}
	name := tmp.Name()
	defer os.Remove(name)
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(name, 0o644)
	}
	if err != nil {
		return false, err
	}
	// A hard link fails when dst exists, where a rename would replace it.
	if err := os.Link(name, dst); err != nil {
		if _, lerr := os.Lstat(dst); lerr == nil {
			return false, nil
		} else if !errors.Is(lerr, fs.ErrNotExist) {
			return false, lerr
		}
		// No hard links on this file system: rename, dst being free.
		if err := os.Rename(name, dst); err != nil {
			return false, err
		}
	}
	syncDir(filepath.Dir(dst))
	return true, nil
}

// syncDir flushes a folder's entries to disk where the system allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
