package content

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/docgen/docgen/internal/diag"
)

// TestParseFileNameCase: a page file name in another case is an error that
// names the expected file.
func TestParseFileNameCase(t *testing.T) {
	for rel, want := range map[string]string{"guide/vi.MD": "rename it to vi.md", "guide/fa.Md": "rename it to fa.md", "guide/en.mD": "rename it to en.md"} {
		_, _, err := ParseFileName(rel)
		d, ok := diag.As(err)
		if !ok || !strings.Contains(d.Hint, want) {
			t.Errorf("ParseFileName(%q) = %v, want a hint naming %s", rel, err, want)
		}
	}
}

func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, text := range files {
		p := filepath.Join(root, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// load runs Load, failing the test if it has not returned after a minute:
// a hang guard, not a measure of speed.
func loadSite(t *testing.T, root string) ([]*Page, error) {
	t.Helper()
	type result struct {
		pages []*Page
		err   error
	}
	done := make(chan result, 1)
	go func() {
		pages, err := Load(root, "content", func(c string) bool { return c == "en" || c == "vi" })
		done <- result{pages, err}
	}()
	select {
	case r := <-done:
		return r.pages, r.err
	case <-time.After(time.Minute):
		t.Fatal("Load blocked")
		return nil, nil
	}
}

const page = "+++\ntitle = \"T\"\n+++\nBody\n"

// TestLoadOddFiles: only regular files are read; a named pipe named like a
// page, a page file in another case and a folder named like a page are
// errors naming the path and the expected name; a pipe the build ignores
// is never opened.
func TestLoadOddFiles(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(root string) error
		file  string // the path the error names; "" when Load succeeds
		want  string
	}{
		{"pipe named like a page", func(root string) error { return syscall.Mkfifo(filepath.Join(root, "content/a/vi.md"), 0o644) },
			"content/a/vi.md", "named pipe"},
		{"ignored pipe", func(root string) error {
			os.MkdirAll(filepath.Join(root, "content/.cache"), 0o755)
			if err := syscall.Mkfifo(filepath.Join(root, "content/.cache/pipe"), 0o644); err != nil {
				return err
			}
			return syscall.Mkfifo(filepath.Join(root, "content/a/notes.fifo"), 0o644)
		}, "", ""},
		{"upper-case extension", func(root string) error {
			return os.WriteFile(filepath.Join(root, "content/a/vi.MD"), []byte(page), 0o644)
		}, "content/a/vi.MD", "rename it to vi.md"},
		{"upper-case language", func(root string) error {
			return os.WriteFile(filepath.Join(root, "content/a/VI.md"), []byte(page), 0o644)
		}, "content/a/VI.md", "rename it to vi.md"},
		{"folder named like a page", func(root string) error {
			return os.MkdirAll(filepath.Join(root, "content/a/vi.md"), 0o755)
		}, "content/a/vi.md", "folder is named like a page"},
		{"link to a device", func(root string) error { return os.Symlink("/dev/zero", filepath.Join(root, "content/a/vi.md")) },
			"content/a/vi.md", "symbolic link"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := writeSite(t, map[string]string{"content/a/en.md": page})
			if err := tc.setup(root); err != nil {
				t.Skip(err)
			}
			pages, err := loadSite(t, root)
			if tc.file == "" {
				if err != nil || len(pages) != 1 {
					t.Fatalf("Load = %d pages, %v", len(pages), err)
				}
				return
			}
			var list diag.List
			if !errors.As(err, &list) || len(list) != 1 {
				t.Fatalf("Load = %d pages, %v; want one error", len(pages), err)
			}
			if d := list[0]; d.File != tc.file || !strings.Contains(d.Message+d.Hint, tc.want) {
				t.Errorf("error %v, want %s naming %q", d, tc.file, tc.want)
			}
		})
	}
}

// TestGitDatesInWorktree: pages without a date take their last commit's
// date, in a git worktree too (where .git is a file).
func TestGitDatesInWorktree(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	repo, wt := t.TempDir(), filepath.Join(t.TempDir(), "wt")
	git := func(dir, date string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_COMMITTER_DATE="+date, "GIT_AUTHOR_DATE="+date)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	os.MkdirAll(filepath.Join(repo, "content/a"), 0o755)
	os.WriteFile(filepath.Join(repo, "content/a/en.md"), []byte(page), 0o644)
	git(repo, "", "init", "-q")
	git(repo, "", "add", ".")
	git(repo, "2024-01-02T03:04:05Z", "commit", "-qm", "one")
	git(repo, "", "worktree", "add", "-q", wt)
	os.WriteFile(filepath.Join(wt, "content/a/en.md"), []byte(page+"More.\n"), 0o644)
	git(wt, "", "add", ".")
	git(wt, "2025-06-07T08:09:10Z", "commit", "-qm", "two")
	pages, err := loadSite(t, wt)
	if err != nil || len(pages) != 1 {
		t.Fatal(pages, err)
	}
	if want := time.Date(2025, 6, 7, 8, 9, 10, 0, time.UTC); !pages[0].Updated.Equal(want) {
		t.Errorf("Updated = %v, want %v", pages[0].Updated, want)
	}
}
