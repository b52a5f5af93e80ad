package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// later moves a file's modification time forward, as an edit some time
// after the build would.
func later(t *testing.T, dir, rel string) {
	t.Helper()
	at := time.Now().Add(time.Minute)
	if err := os.Chtimes(filepath.Join(dir, rel), at, at); err != nil {
		t.Fatal(err)
	}
}

// build runs docgen build on dir into out and returns its report.
func build(t *testing.T, dir, out string, force bool) *Report {
	t.Helper()
	rep, err := Run(Options{Root: dir, Out: out, Force: force})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// sameTree fails unless two output folders hold the same files and bytes.
func sameTree(t *testing.T, step, got, want string) {
	t.Helper()
	g, w := readTree(t, got), readTree(t, want)
	for p, data := range w {
		if g[p] != data {
			t.Errorf("%s: %s differs from a build from scratch", step, p)
		}
	}
	for p := range g {
		if _, ok := w[p]; !ok {
			t.Errorf("%s: %s is left over; a build from scratch does not have it", step, p)
		}
	}
}

// TestWarmBuildEqualsBuildFromScratch edits a site step by step; after
// each step, a build that reuses the last one's state and bodies gives
// byte for byte the output of a build from scratch, and parses only the
// pages the step changed.
func TestWarmBuildEqualsBuildFromScratch(t *testing.T) {
	dir := copySite(t)
	warm := filepath.Join(t.TempDir(), "public")
	build(t, dir, warm, false)
	steps := []struct {
		name   string
		edit   func()
		parsed int // pages parsed by the warm build; -1: not checked
	}{
		{"translation body", func() {
			write(t, dir, "content/alpha/fa.md", "+++\ntitle = \"Alpha FA\"\nsource = \"en.md\"\nupdated = 2025-01-03\n+++\n\n## Intro FA\n\nEdited body.\n")
			later(t, dir, "content/alpha/fa.md")
		}, 1},
		{"source body", func() {
			data, _ := os.ReadFile(filepath.Join(dir, "content/alpha/en.md"))
			write(t, dir, "content/alpha/en.md", string(data)+"\nOne more sentence.\n")
			later(t, dir, "content/alpha/en.md")
		}, 1},
		{"new guide", func() {
			write(t, dir, "content/gamma/en.md", "+++\ntitle = \"Gamma\"\nupdated = 2025-02-01\n+++\n\n## Start\n\nSee [alpha](../alpha/en.md).\n")
			later(t, dir, "content/gamma/en.md")
		}, 1},
		{"title", func() {
			write(t, dir, "content/gamma/en.md", "+++\ntitle = \"Gamma renamed\"\nupdated = 2025-02-01\n+++\n\n## Start\n\nSee [alpha](../alpha/en.md).\n")
			later(t, dir, "content/gamma/en.md")
		}, 0}, // the body is the same: it is reused
		{"deleted guide", func() {
			if err := os.RemoveAll(filepath.Join(dir, "content/gamma")); err != nil {
				t.Fatal(err)
			}
		}, 0},
		{"layout", func() {
			data, _ := os.ReadFile(filepath.Join(dir, "layouts/base.html"))
			write(t, dir, "layouts/base.html", strings.Replace(string(data), "<body", "<body data-edited", 1))
			later(t, dir, "layouts/base.html")
		}, 0},
		{"config", func() {
			data, _ := os.ReadFile(filepath.Join(dir, "config.toml"))
			write(t, dir, "config.toml", string(data)+"\n# a comment\n")
			later(t, dir, "config.toml")
		}, -1},
		{"catalog", func() {
			data, _ := os.ReadFile(filepath.Join(dir, "locales/en.toml"))
			write(t, dir, "locales/en.toml", strings.Replace(string(data), "\n", "\n# edited\n", 1))
			later(t, dir, "locales/en.toml")
		}, -1},
	}
	for i, step := range steps {
		step.edit()
		rep := build(t, dir, warm, false)
		if step.parsed >= 0 && rep.Parsed != step.parsed {
			t.Errorf("%s: the warm build parsed %d pages, want %d (reused %d)", step.name, rep.Parsed, step.parsed, rep.Reused)
		}
		fresh := filepath.Join(t.TempDir(), "public")
		build(t, dir, fresh, true)
		sameTree(t, step.name, warm, fresh)
		if again := build(t, dir, warm, false); !again.UpToDate {
			t.Errorf("step %d (%s): a build right after found changes", i, step.name)
		}
	}
}

// TestDamagedCacheIsMadeAgain damages the kept bodies the ways a killed
// build or a full disk could: the next build reads none of them back and
// its output equals a build from scratch.
func TestDamagedCacheIsMadeAgain(t *testing.T) {
	for _, damage := range []string{"flip", "truncate", "remove"} {
		t.Run(damage, func(t *testing.T) {
			dir := copySite(t)
			out := filepath.Join(t.TempDir(), "public")
			build(t, dir, out, false)
			packs, _ := filepath.Glob(filepath.Join(dir, ".docgen/builds/*.cache/*.pack"))
			if len(packs) == 0 {
				t.Fatal("the build kept no bodies")
			}
			for _, p := range packs {
				data, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				switch damage {
				case "flip":
					for i := 0; i < len(data); i += 7 {
						data[i] ^= 0x20
					}
					err = os.WriteFile(p, data, 0o644)
				case "truncate":
					err = os.WriteFile(p, data[:len(data)/2], 0o644)
				case "remove":
					err = os.Remove(p)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			// A layout edit lays out every page again from the kept bodies.
			data, _ := os.ReadFile(filepath.Join(dir, "layouts/base.html"))
			write(t, dir, "layouts/base.html", strings.Replace(string(data), "<body", "<body data-edited", 1))
			later(t, dir, "layouts/base.html")
			build(t, dir, out, false)
			fresh := filepath.Join(t.TempDir(), "public")
			build(t, dir, fresh, true)
			sameTree(t, damage, out, fresh)
		})
	}
}

// TestCacheLimit: bodies above the limit are not kept, and builds still
// work, parsing every page.
func TestCacheLimit(t *testing.T) {
	dir := copySite(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Run(Options{Root: dir, Out: out, CacheLimit: 1}); err != nil {
		t.Fatal(err)
	}
	if packs, _ := filepath.Glob(filepath.Join(dir, ".docgen/builds/*.cache/*.pack")); len(packs) != 0 {
		t.Errorf("a 1-byte limit kept %v", packs)
	}
	write(t, dir, "content/alpha/fa.md", "+++\ntitle = \"Alpha FA\"\nsource = \"en.md\"\nupdated = 2025-01-03\n+++\n\n## Intro FA\n\nEdited.\n")
	later(t, dir, "content/alpha/fa.md")
	rep, err := Run(Options{Root: dir, Out: out, CacheLimit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Reused != 0 {
		t.Errorf("reused %d bodies that were not kept", rep.Reused)
	}
	fresh := filepath.Join(t.TempDir(), "public")
	build(t, dir, fresh, true)
	sameTree(t, "limit", out, fresh)
}

// TestStateOfAnotherDocgenIsIgnored: a state written by another build of
// docgen, or with other options, is not used.
func TestStateOfAnotherDocgenIsIgnored(t *testing.T) {
	dir := copySite(t)
	out := filepath.Join(t.TempDir(), "public")
	build(t, dir, out, false)
	states, _ := filepath.Glob(filepath.Join(dir, ".docgen/builds/*.state"))
	if len(states) != 1 {
		t.Fatalf("states: %v", states)
	}
	s := NewSession(Options{Root: dir, Out: out})
	saved := s.readState(states[0])
	if saved == nil {
		t.Fatal("the state this docgen wrote is not read back")
	}
	other := NewSession(Options{Root: dir, Out: out})
	sum := "another-docgen"
	other.versionSum = &sum
	if other.readState(states[0]) != nil {
		t.Error("a state written by another docgen executable was used")
	}
	if NewSession(Options{Root: dir, Out: out, Drafts: true}).readState(states[0]) != nil {
		t.Error("a state written without --drafts was used with it")
	}
}
