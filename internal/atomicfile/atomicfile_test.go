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

// A symbolic link is never replaced by a file.
func TestWriteFileRefusesSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "shared.toml")
	os.WriteFile(target, []byte("theirs"), 0o644)
	link := filepath.Join(dir, "fa.toml")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link, []byte("ours"), 0o644); err == nil {
		t.Fatal("wrote over a symbolic link")
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Fatal("the link was replaced")
	}
	if got, _ := os.ReadFile(target); string(got) != "theirs" {
		t.Fatal("the linked file changed")
	}
}
