package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// SourceDirs are the folders of a site that hold what its writers wrote; an
// output folder may never be one of them or lie inside one.
var SourceDirs = []string{"content", "locales", "layouts", "static", "assets", ".git", ".docgen"}

// GuardError says why an output folder was refused and what to do.
type GuardError struct {
	Out  string // the output folder as given
	Why  string
	Hint string
}

func (e *GuardError) Error() string {
	return fmt.Sprintf("%s: %s\n  hint: %s", e.Out, e.Why, e.Hint)
}

// CheckOut refuses, before anything is written, an output folder that would
// replace or mix with the site's own files: the site root, a folder holding
// it, anything inside one of SourceDirs, a file, or the config file. It
// resolves symbolic links, so a link cannot hide any of these.
func CheckOut(root, config, out string) error {
	absRoot, err := resolve(root)
	if err != nil {
		return err
	}
	absOut, err := resolve(out)
	if err != nil {
		return err
	}
	refuse := func(why string) error {
		return &GuardError{Out: out, Why: why, Hint: "choose an output folder of its own, such as --out public"}
	}
	if absOut == absRoot {
		return refuse("this is the site folder itself; building here would replace content/, locales/ and layouts/")
	}
	if within(absRoot, absOut) {
		return refuse("this folder holds the site " + root + "; building here would replace it")
	}
	for _, d := range SourceDirs {
		src := filepath.Join(absRoot, d)
		if absOut == src || within(absOut, src) {
			return refuse("this is inside the site's " + d + "/ folder, which holds files docgen never writes")
		}
	}
	if config != "" {
		if absConfig, err := resolve(config); err == nil && (absOut == absConfig || within(absConfig, absOut)) {
			return refuse("this is the configuration file, or holds it")
		}
	}
	if fi, err := os.Stat(absOut); err == nil && !fi.IsDir() {
		return &GuardError{Out: out, Why: "this is a file, not a folder", Hint: "choose a folder, such as --out public"}
	}
	return nil
}

// within reports whether path lies strictly inside dir.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// resolve returns p as an absolute path with every symbolic link of its
// existing part resolved; the missing tail is kept as written.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var tail []string
	cur := abs
	for {
		if real, err := filepath.EvalSymlinks(cur); err == nil {
			for i := len(tail) - 1; i >= 0; i-- {
				real = filepath.Join(real, tail[i])
			}
			return real, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs, nil
		}
		tail = append(tail, filepath.Base(cur))
		cur = parent
	}
}
