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
	docgen := func(args ...string) *exec.Cmd {
		cmd := exec.Command(bin, args...)
		cmd.Dir = site
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
	if got := treeDigest(t, public); got != before {
		t.Error("a full build after the failures does not give the same site")
	}
}
