package main

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/docgen/docgen/internal/benchcorpus"
)

// treeDigest hashes every file name and content under dir.
func treeDigest(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		fmt.Fprintf(h, "%s %x\n", p, sha256.Sum256(data))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// A build killed at any moment (SIGKILL) or stopped by a full disk leaves
// the previous public/ exactly as it was, and the next build clears the
// leftovers.
func TestKilledOrFullBuildKeepsOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds docgen and a corpus")
	}
	bin := filepath.Join(t.TempDir(), "docgen")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	site := t.TempDir()
	if err := benchcorpus.WriteDocgen(site, benchcorpus.Options{Guides: 120, Seed: 5},
		os.DirFS("../../layouts"), os.DirFS("../../locales")); err != nil {
		t.Fatal(err)
	}
	// Temporary files go to a folder of the test's own, to see none is left.
	tmp := t.TempDir()
	docgen := func(args ...string) *exec.Cmd {
		cmd := exec.Command(bin, args...)
		cmd.Dir = site
		cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
		return cmd
	}
	if out, err := docgen("build", "--quiet").CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, out)
	}
	public := filepath.Join(site, "public")
	before := treeDigest(t, public)

	for _, after := range []time.Duration{50 * time.Millisecond, 300 * time.Millisecond, 700 * time.Millisecond, 1200 * time.Millisecond} {
		cmd := docgen("build", "--force", "--quiet")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(after)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if got := treeDigest(t, public); got != before {
			t.Fatalf("killed after %s: public/ changed", after)
		}
	}

	// A file-size limit makes writes fail as a full disk would.
	cmd := exec.Command("bash", "-c", `ulimit -f 64; trap "" XFSZ; exec "$0" build --force`, bin)
	cmd.Dir = site
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("build under a 64 KB file-size limit succeeded:\n%s", out)
	}
	if !strings.Contains(string(out), "file too large") || !strings.Contains(string(out), "the previous output was left as it was") {
		t.Errorf("unclear error for a full disk:\n%s", out)
	}
	if got := treeDigest(t, public); got != before {
		t.Fatal("failed write: public/ changed")
	}

	// The next build clears the staging folders the killed builds left.
	if out, err := docgen("build", "--force", "--quiet").CombinedOutput(); err != nil {
		t.Fatalf("build after the kills: %v\n%s", err, out)
	}
	left, _ := filepath.Glob(filepath.Join(site, ".public-new-*"))
	if len(left) != 0 {
		t.Errorf("staging folders left behind: %v", left)
	}
	// The killed builds' search text was in unlinked files: nothing remains.
	for _, dir := range []string{tmp, site} {
		if spill, _ := filepath.Glob(filepath.Join(dir, "docgen-search-*")); len(spill) != 0 {
			t.Errorf("temporary search files left behind: %v", spill)
		}
	}
	if got := treeDigest(t, public); got != before {
		t.Error("a full build after the failures does not give the same site")
	}

	// Two builds at once: the second stops at once, naming the first, and
	// the first publishes the whole site.
	first := docgen("build", "--force", "--quiet")
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until the first holds the lock (its lock file names it).
	holder := fmt.Sprintf("pid %d ", first.Process.Pid)
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		locks, _ := filepath.Glob(filepath.Join(site, ".docgen", "builds", "*.lock"))
		if len(locks) == 1 {
			if data, _ := os.ReadFile(locks[0]); strings.HasPrefix(string(data), holder) {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("the first build never took the lock")
		}
	}
	second, secondErr := docgen("build", "--force", "--quiet").CombinedOutput()
	if err := first.Wait(); err != nil {
		t.Fatalf("first of two concurrent builds failed: %v", err)
	}
	want := fmt.Sprintf("another docgen is writing this output folder (pid %d (docgen build", first.Process.Pid)
	if secondErr == nil || !strings.Contains(string(second), want) {
		t.Fatalf("second of two concurrent builds: err = %v, output:\n%s\nwant it to stop naming %q", secondErr, second, want)
	}
	if got := treeDigest(t, public); got != before {
		t.Error("after two concurrent builds public/ is not the whole site")
	}
	// With the first one finished, and its lock released, builds go on.
	if out, err := docgen("build", "--quiet").CombinedOutput(); err != nil || len(out) != 0 {
		t.Fatalf("build after the concurrent ones: %v\n%s", err, out)
	}
}
