package safefile

import (
	"os"
	"path/filepath"
	"testing"
)

// TestFastPath: on Linux a regular file below the folder is read in one
// resolution, and everything TestRead refuses leaves the fast path (the
// general one then names the problem).
func TestFastPath(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content", "a"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "a", "en.md"), []byte("# A\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "outside"), []byte("x"), 0o644)
	os.Symlink("../../outside", filepath.Join(dir, "content", "a", "up.md"))
	os.Symlink("/etc/hostname", filepath.Join(dir, "content", "a", "abs.md"))
	d, err := OpenDir(filepath.Join(dir, "content"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	data, ok := d.fast.read("a/en.md", 1<<20)
	if d.fast.off.Load() {
		t.Skip("openat2 is not available here")
	}
	if !ok || string(data) != "# A\n" {
		t.Fatalf("fast read = %q, %v", data, ok)
	}
	for _, name := range []string{"a/up.md", "a/abs.md", "../outside", "a/missing.md", "a"} {
		if data, ok := d.fast.read(name, 1<<20); ok {
			t.Errorf("fast read of %s = %q, want a refusal", name, data)
		}
	}
	if _, ok := d.fast.read("a/en.md", 3); ok {
		t.Error("fast read past the limit succeeded")
	}
}
