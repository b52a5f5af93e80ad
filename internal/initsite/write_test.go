package initsite

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var sample = []File{
	{"config.toml", []byte("title = \"x\"\n")},
	{"content/welcome/en.md", []byte("+++\ntitle = \"W\"\n+++\n")},
	{"static/favicon.svg", []byte("<svg/>")},
}

// tree returns every file below dir with its content, and fails on a
// leftover temporary file.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if strings.Contains(d.Name(), ".tmp-") {
			t.Errorf("temporary file left behind: %s", p)
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		got[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestWriteNewAndEmptyFolders(t *testing.T) {
	for name, setup := range map[string]func(dir string){
		"missing":  func(dir string) {},
		"empty":    func(dir string) { os.Mkdir(dir, 0o755) },
		"git only": func(dir string) { os.MkdirAll(filepath.Join(dir, ".git", "objects"), 0o755) },
	} {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "a", "site")
			setup(dir)
			rep, err := Write(dir, sample, false)
			if err != nil {
				t.Fatal(err)
			}
			if want := []string{"config.toml", "content/welcome/en.md", "static/favicon.svg"}; !slices.Equal(rep.Written, want) || len(rep.Skipped) != 0 {
				t.Errorf("written %v skipped %v", rep.Written, rep.Skipped)
			}
			got := tree(t, dir)
			for _, f := range sample {
				if got[f.Path] != string(f.Data) {
					t.Errorf("%s = %q, want %q", f.Path, got[f.Path], f.Data)
				}
			}
		})
	}
}

func TestWriteRefuses(t *testing.T) {
	for name, c := range map[string]struct {
		setup func(dir string)
		want  string
	}{
		"config":     {func(dir string) { os.WriteFile(filepath.Join(dir, "config.toml"), nil, 0o644) }, "already holds a site"},
		"content":    {func(dir string) { os.Mkdir(filepath.Join(dir, "content"), 0o755) }, "already holds a site"},
		"other file": {func(dir string) { os.WriteFile(filepath.Join(dir, "notes.txt"), nil, 0o644) }, "not empty: it holds notes.txt"},
		"hidden":     {func(dir string) { os.WriteFile(filepath.Join(dir, ".env"), nil, 0o644) }, "not empty: it holds .env"},
		"many": {func(dir string) {
			for _, n := range []string{"e", "d", "c", "b", "a"} {
				os.WriteFile(filepath.Join(dir, n), nil, 0o644)
			}
		}, "it holds a, b, c and 2 more"},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			c.setup(dir)
			before := tree(t, dir)
			_, err := Write(dir, sample, false)
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "--force") {
				t.Fatalf("error %v, want one saying %q and naming --force", err, c.want)
			}
			if after := tree(t, dir); len(after) != len(before) {
				t.Errorf("files changed: %v → %v", before, after)
			}
		})
	}
	// A file where the folder should be.
	f := filepath.Join(t.TempDir(), "file")
	os.WriteFile(f, []byte("x"), 0o644)
	if _, err := Write(f, sample, true); err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Errorf("file as folder: %v", err)
	}
}

func TestWriteForceNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content", "welcome"), 0o755)
	os.WriteFile(filepath.Join(dir, "config.toml"), []byte("mine"), 0o600)
	os.WriteFile(filepath.Join(dir, "content", "welcome", "en.md"), []byte("my page"), 0o644)
	os.Symlink("nowhere", filepath.Join(dir, "static"))

	_, err := Write(dir, sample, true)
	if err == nil || !strings.Contains(err.Error(), "static: is a symbolic link") {
		t.Fatalf("error %v, want the symbolic link refused", err)
	}
	if _, err := os.Lstat(filepath.Join(dir, "nowhere")); err == nil {
		t.Error("wrote through the symbolic link")
	}
	os.Remove(filepath.Join(dir, "static"))

	rep, err := Write(dir, sample, true)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rep.Written, []string{"static/favicon.svg"}) || !slices.Equal(rep.Skipped, []string{"config.toml", "content/welcome/en.md"}) {
		t.Errorf("written %v skipped %v", rep.Written, rep.Skipped)
	}
	got := tree(t, dir)
	if got["config.toml"] != "mine" || got["content/welcome/en.md"] != "my page" {
		t.Errorf("existing files replaced: %v", got)
	}
	if fi, _ := os.Stat(filepath.Join(dir, "config.toml")); fi.Mode().Perm() != 0o600 {
		t.Errorf("config.toml mode changed to %v", fi.Mode())
	}

	// The file is put in place only if its name is free, whatever was
	// checked before.
	dst := filepath.Join(dir, "late.txt")
	os.WriteFile(dst, []byte("theirs"), 0o644)
	if created, err := createAtomic(dst, []byte("ours")); created || err != nil {
		t.Errorf("createAtomic over an existing file: created=%v err=%v", created, err)
	}
	if data, _ := os.ReadFile(dst); string(data) != "theirs" {
		t.Errorf("late.txt = %q", data)
	}
}

func TestWriteRejectsPathsOutside(t *testing.T) {
	for _, p := range []string{"../x", "/etc/x", "a/../../x", "a//b", "", "a\\b"} {
		if _, err := Write(t.TempDir(), []File{{p, nil}}, false); err == nil {
			t.Errorf("%q: no error", p)
		}
	}
}
