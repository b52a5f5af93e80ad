package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFileReplacesWholeAndLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "fa.toml")
	if err := os.WriteFile(p, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("new text"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	info, _ := os.Stat(p)
	if string(got) != "new text" || info.Mode().Perm() != 0o600 {
		t.Errorf("got %q mode %v, want the new text with the old mode", got, info.Mode())
	}
	if wrote, err := WriteIfChanged(p, []byte("new text"), 0o644); wrote || err != nil {
		t.Errorf("WriteIfChanged of the same bytes wrote (%v, %v)", wrote, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left %d files, want 1", len(entries))
	}
}

// A write that cannot finish (here: the folder is gone) leaves the old file.
func TestWriteFileFailureKeepsOld(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "sub", "fa.toml")
	if err := WriteFile(p, []byte("x"), 0o644); err == nil {
		t.Fatal("wrote into a missing folder")
	}
}
