package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/docgen/docgen/internal/publish"
)

// readSaved reads the state a Run of dir into out left.
func readSaved(t *testing.T, dir, out string) *savedState {
	t.Helper()
	o, err := publish.Open(publish.Options{Root: dir, Config: filepath.Join(dir, "config.toml"), Out: out})
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	s := NewSession(Options{Root: dir, Out: out})
	st := s.readState(o.StatePath(".state"))
	if st == nil {
		t.Fatal("no state")
	}
	return st
}

func pageFrames(st *savedState) []frame {
	var out []frame
	for _, f := range st.frames {
		if f.kind == framePages {
			out = append(out, f)
		}
	}
	return out
}

// After an edit, a build copies the frames of the pages that did not
// change from the state it read: what it saves reads back as the state a
// build from scratch saves. A damaged frame makes the whole state unusable.
func TestSavedStateAfterEditEqualsFromScratch(t *testing.T) {
	dir := copySite(t)
	for i := range 300 {
		write(t, dir, fmt.Sprintf("content/g%03d/en.md", i), fmt.Sprintf("+++\ntitle = \"G %d\"\nupdated = 2025-01-02\n+++\n\n## Part %d\n\nText [alpha](../alpha/en.md#intro).\n", i, i))
	}
	out := filepath.Join(t.TempDir(), "public")
	run := func(force bool) *Report {
		t.Helper()
		rep, err := Run(Options{Root: dir, Out: out, Force: force, pageChunk: 16})
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	run(false)
	before := readSaved(t, dir, out)
	if len(pageFrames(before)) < 8 {
		t.Fatalf("%d page frames, want several", len(before.frames))
	}
	write(t, dir, "content/g150/en.md", "+++\ntitle = \"G 150\"\nupdated = 2025-01-02\n+++\n\n## Other\n\nEdited.\n")
	later(t, dir, "content/g150/en.md")
	rep := run(false)
	if rep.Parsed != 1 {
		t.Fatalf("warm build parsed %d pages, want 1", rep.Parsed)
	}
	warm := readSaved(t, dir, out)
	if n := len(pageFrames(warm)); rep.stateFramesCopied != n-1 {
		t.Errorf("%d of %d page frames copied from the state read, want all but the edited page's", rep.stateFramesCopied, n)
	}
	// Every frame but the edited page's is the one read, byte for byte.
	copied := map[string]bool{}
	for _, f := range pageFrames(before) {
		copied[string(f.data)] = true
	}
	changed := 0
	for _, f := range pageFrames(warm) {
		if !copied[string(f.data)] {
			changed++
		}
	}
	if changed != 1 || len(pageFrames(warm)) != len(pageFrames(before)) {
		t.Errorf("%d of %d page frames differ after a one-page edit (%d before), want 1", changed, len(pageFrames(warm)), len(pageFrames(before)))
	}
	run(true)
	fresh := readSaved(t, dir, out)
	// (Stamps are left out: a file written less than two seconds before a
	// build is stamped by content, so they depend on when each build ran.)
	for what, same := range map[string]bool{
		"pages":  reflect.DeepEqual(warm.Pages, fresh.Pages),
		"facts":  reflect.DeepEqual(warm.Facts, fresh.Facts),
		"stamps": len(warm.Stamps) == len(fresh.Stamps),
	} {
		if !same {
			t.Errorf("the %s saved after an edit differ from those a build from scratch saves", what)
		}
	}

	o, _ := publish.Open(publish.Options{Root: dir, Config: filepath.Join(dir, "config.toml"), Out: out})
	file := o.StatePath(".state")
	o.Close()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)/2] ^= 0x40
	os.WriteFile(file, data, 0o644)
	if st := NewSession(Options{Root: dir, Out: out}).readState(file); st != nil {
		t.Error("a state with a flipped byte was read")
	}
}
