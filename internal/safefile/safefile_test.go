package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestRead: only regular files inside the root are read, and nothing
// blocks: a named pipe without a writer fails at once, as do devices and
// links leading out of the root.
func TestRead(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("ok.toml", "a = 1\n")
	write("big.toml", "0123456789")
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.toml"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	for link, target := range map[string]string{"zero.toml": "/dev/zero", "out.toml": "../x", "in.toml": "ok.toml", "pipelink.toml": "pipe.toml"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	os.Mkdir(filepath.Join(dir, "dir.toml"), 0o755)

	d, err := OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	readers := map[string]func(name string, limit int64) ([]byte, error){
		"Read":         func(name string, limit int64) ([]byte, error) { return Read(dir, name, limit) },
		"Dir.ReadFile": d.ReadFile,
	}
	for how, read := range readers {
		testReads(t, how, read)
	}
}

func testReads(t *testing.T, how string, read func(name string, limit int64) ([]byte, error)) {
	for _, tc := range []struct {
		name       string
		want       string
		notRegular bool
	}{
		{"ok.toml", "a = 1\n", false},
		{"in.toml", "a = 1\n", false},
		{"pipe.toml", "", true},
		{"pipelink.toml", "", true},
		{"dir.toml", "", true},
		{"zero.toml", "", false}, // leaves the root
		{"out.toml", "", false},
		{"../x", "", false},
	} {
		data, err := read(tc.name, 1<<20)
		if tc.want != "" {
			if err != nil || string(data) != tc.want {
				t.Errorf("%s(%s) = %q, %v", how, tc.name, data, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("%s(%s) succeeded", how, tc.name)
		}
		if tc.notRegular && !errors.Is(err, ErrNotRegular) {
			t.Errorf("%s(%s) = %v, want ErrNotRegular", how, tc.name, err)
		}
	}
	if _, err := read("big.toml", 9); !errors.Is(err, ErrTooLarge) {
		t.Errorf("%s over the limit: %v", how, err)
	}
	if data, err := read("big.toml", 10); err != nil || len(data) != 10 {
		t.Errorf("%s at the limit: %q, %v", how, data, err)
	}
}
