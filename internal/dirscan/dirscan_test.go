package dirscan

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// walk is the reference: filepath.WalkDir with Lstat.
func walk(t *testing.T, root string, skip Skip) []Entry {
	t.Helper()
	var out []Entry
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == root {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if skip != nil && skip(rel, d.IsDir()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		e := Entry{Path: rel, Mode: info.Mode().Type()}
		if !d.IsDir() {
			e.Size, e.MTime = info.Size(), info.ModTime().UnixNano()
		}
		out = append(out, e)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestScanMatchesWalkDir(t *testing.T) {
	root := t.TempDir()
	for i, p := range []string{"a.md", "b/c.md", "b/d/e.txt", "b/d/f/g/h", ".hidden/x", "b/.git/y", "z/empty/"} {
		full := filepath.Join(root, filepath.FromSlash(p))
		if strings.HasSuffix(p, "/") {
			os.MkdirAll(full, 0o755)
			continue
		}
		os.MkdirAll(filepath.Dir(full), 0o755)
		os.WriteFile(full, []byte(strings.Repeat("x", i)), 0o644)
	}
	if err := os.Symlink("a.md", filepath.Join(root, "link")); err != nil {
		t.Skip(err)
	}
	hidden := func(rel string, _ bool) bool { return strings.HasPrefix(filepath.Base(rel), ".") }
	for name, skip := range map[string]Skip{"all": nil, "not hidden": hidden} {
		t.Run(name, func(t *testing.T) {
			got, err := Scan(root, skip)
			if err != nil {
				t.Fatal(err)
			}
			if want := walk(t, root, skip); !reflect.DeepEqual(got, want) {
				t.Errorf("Scan:\n%v\nWalkDir:\n%v", got, want)
			}
		})
	}
}

func TestScanErrors(t *testing.T) {
	if _, err := Scan(filepath.Join(t.TempDir(), "none"), nil); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing root: %v, want fs.ErrNotExist", err)
	}
	if os.Getuid() == 0 {
		return // root reads any folder
	}
	root := t.TempDir()
	locked := filepath.Join(root, "locked")
	os.MkdirAll(filepath.Join(locked, "x"), 0o755)
	os.Chmod(locked, 0)
	defer os.Chmod(locked, 0o755)
	if _, err := Scan(root, nil); err == nil {
		t.Error("an unreadable folder gave no error")
	}
}
