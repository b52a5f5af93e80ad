package uptodate

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// inputs runs Inputs, failing the test if it has not returned after a
// minute: a hang guard, not a measure of speed.
func inputs(t *testing.T, root string, names ...string) string {
	t.Helper()
	type result struct {
		sum string
		err error
	}
	done := make(chan result, 1)
	go func() {
		sum, err := Inputs(root, names...)
		done <- result{sum, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatalf("Inputs: %v", r.err)
		}
		return r.sum
	case <-time.After(time.Minute):
		t.Fatal("Inputs blocked")
		return ""
	}
}

// TestInputsSkipSpecialFiles: the digest opens every file under the input
// folders, so a named pipe (which blocks an open until a writer comes) or a
// link to an endless device must not be read.
func TestInputsSkipSpecialFiles(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"content/.cache", "content/x", "locales"} {
		os.MkdirAll(filepath.Join(root, d), 0o755)
	}
	os.WriteFile(filepath.Join(root, "content/x/en.md"), []byte("+++\ntitle = \"X\"\n+++\n"), 0o644)
	before := inputs(t, root, "content", "locales")
	for _, p := range []string{"content/.cache/pipe", "content/x/notes.fifo", "locales/vi.toml"} {
		if err := syscall.Mkfifo(filepath.Join(root, p), 0o644); err != nil {
			t.Skip("no named pipes here:", err)
		}
	}
	if err := os.Symlink("/dev/zero", filepath.Join(root, "locales/fa.toml")); err != nil {
		t.Fatal(err)
	}
	after := inputs(t, root, "content", "locales")
	if after == before {
		t.Error("adding special files did not change the digest")
	}
	if again := inputs(t, root, "content", "locales"); again != after {
		t.Error("digest not deterministic")
	}
}

// TestInputsGitWorktree: in a git worktree (.git is a file) a new commit
// changes the digest, since pages are dated from git.
func TestInputsGitWorktree(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	repo, wt := t.TempDir(), filepath.Join(t.TempDir(), "wt")
	git := func(dir string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git(repo, "init", "-q")
	os.WriteFile(filepath.Join(repo, "a.txt"), []byte("a"), 0o644)
	git(repo, "add", ".")
	git(repo, "commit", "-qm", "one")
	git(repo, "worktree", "add", "-q", wt)
	if fi, err := os.Lstat(filepath.Join(wt, ".git")); err != nil || fi.IsDir() {
		t.Fatalf("worktree .git is not a file: %v", err)
	}
	before := inputs(t, wt, "content")
	git(wt, "commit", "-q", "--allow-empty", "-m", "two")
	if after := inputs(t, wt, "content"); after == before {
		t.Error("a commit in the worktree did not change the digest")
	}
}

// TestInputsFolders: an empty folder counts, since one named like a page
// (content/a/vi.md/) makes the build fail.
func TestInputsFolders(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "content/a"), 0o755)
	before := inputs(t, root, "content")
	os.Mkdir(filepath.Join(root, "content/a/vi.md"), 0o755)
	if inputs(t, root, "content") == before {
		t.Error("a new folder did not change the digest")
	}
}
