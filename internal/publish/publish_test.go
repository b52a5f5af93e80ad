package publish

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// site makes a site folder with its sources and returns its path.
func site(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for _, d := range []string{"content/alpha", "locales", "layouts", "static", ".git"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"config.toml", "README.md", "content/alpha/en.md"} {
		if err := os.WriteFile(filepath.Join(root, f), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(root, "content"), filepath.Join(root, "link")); err != nil {
		t.Fatal(err)
	}
	return root
}

func TestCheckOut(t *testing.T) {
	root := site(t)
	cfg := filepath.Join(root, "config.toml")
	for _, tt := range []struct {
		out, want string // want: "" for accepted, else a part of the error
	}{
		{"public", ""},
		{"build/site", ""},
		{"../elsewhere", ""},
		{".", "site folder itself"},
		{"..", "holds the site"},
		{"content", "content/ folder"},
		{"content/alpha/new", "content/ folder"},
		{"locales", "locales/ folder"},
		{"layouts", "layouts/ folder"},
		{"static", "static/ folder"},
		{".git", ".git/ folder"},
		{".git/objects", ".git/ folder"},
		{".docgen", ".docgen/ folder"},
		{"README.md", "a file"},
		{"config.toml", "configuration file"},
		{"link", "content/ folder"},
		{"link/x", "content/ folder"},
		{"/", "holds the site"},
	} {
		out := tt.out
		if !filepath.IsAbs(out) {
			out = filepath.Join(root, out)
		}
		err := CheckOut(root, cfg, out)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("--out %s: refused: %v", tt.out, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("--out %s: err = %v, want it to say %q", tt.out, err, tt.want)
		case tt.want != "":
			var g *GuardError
			if !errors.As(err, &g) || g.Hint == "" {
				t.Errorf("--out %s: %v is not a GuardError with a hint", tt.out, err)
			}
		}
	}
}

// open opens out and waits for its ownership check, as a build does before
// it writes.
func open(t *testing.T, root, out string) (*Output, error) {
	t.Helper()
	o, err := Open(Options{Root: root, Config: filepath.Join(root, "config.toml"), Out: out, Command: "test"})
	if err != nil {
		return nil, err
	}
	if err := o.Check(); err != nil {
		o.Close()
		return nil, err
	}
	return o, nil
}

// openPublic opens the output public/ of a new site, closed when the test
// ends.
func openPublic(t *testing.T) (root, out string, o *Output) {
	t.Helper()
	root = site(t)
	out = filepath.Join(root, "public")
	o, err := open(t, root, out)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { o.Close() })
	return root, out, o
}

// publishFiles builds files into out through a staging folder.
func publishFiles(t *testing.T, o *Output, files map[string]string) {
	t.Helper()
	st, err := o.Stage()
	if err != nil {
		t.Fatal(err)
	}
	for p, data := range files {
		if err := st.Put(p, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Commit("inputs-1"); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, p string) string {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestOwnership(t *testing.T) {
	root := site(t)
	out := filepath.Join(root, "public")

	// A folder docgen never wrote is refused, and left alone.
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, "mine.txt"), []byte("mine"), 0o644)
	_, err := open(t, root, out)
	var own *OwnershipError
	if !errors.As(err, &own) || !own.None {
		t.Fatalf("foreign folder: err = %v, want an OwnershipError", err)
	}
	os.RemoveAll(out)

	// An empty or missing folder is docgen's to write.
	o, err := open(t, root, out)
	if err != nil {
		t.Fatal(err)
	}
	publishFiles(t, o, map[string]string{"index.html": "home", "en/a/index.html": "a"})
	if !o.UpToDate("inputs-1") || o.UpToDate("inputs-2") {
		t.Error("UpToDate does not follow the recorded inputs")
	}
	o.Close()

	// What docgen wrote, untouched, can be replaced and is up to date.
	o, err = open(t, root, out)
	if err != nil {
		t.Fatalf("reopen own output: %v", err)
	}
	if !o.UpToDate("inputs-1") {
		t.Error("untouched output is not up to date")
	}
	o.Close()

	// A changed file or an added one is named, and nothing is replaced.
	os.WriteFile(filepath.Join(out, "en/a/index.html"), []byte("edited by hand"), 0o644)
	os.WriteFile(filepath.Join(out, "CNAME"), []byte("docs.example.org"), 0o644)
	_, err = open(t, root, out)
	if !errors.As(err, &own) || strings.Join(own.Files, ",") != "CNAME,en/a/index.html" {
		t.Fatalf("changed output: err = %v, want CNAME and en/a/index.html named", err)
	}
	if read(t, filepath.Join(out, "CNAME")) != "docs.example.org" {
		t.Fatal("CNAME lost")
	}
	os.Remove(filepath.Join(out, "CNAME"))
	os.RemoveAll(out)

	// A deleted file is harmless, but the output is no longer up to date.
	o, _ = open(t, root, out)
	publishFiles(t, o, map[string]string{"index.html": "home", "b.html": "b"})
	o.Close()
	os.Remove(filepath.Join(out, "b.html"))
	o, err = open(t, root, out)
	if err != nil {
		t.Fatalf("output with a deleted file: %v", err)
	}
	if o.UpToDate("inputs-1") {
		t.Error("output with a deleted file counts as up to date")
	}
	o.Close()
}

func TestStagingCommitAndAbort(t *testing.T) {
	root, out, o := openPublic(t)
	publishFiles(t, o, map[string]string{"a.html": "old"})

	// Abort leaves the old output as it was, and no staging folder.
	st, _ := o.Stage()
	st.Put("a.html", []byte("new"))
	st.Abort()
	if read(t, filepath.Join(out, "a.html")) != "old" {
		t.Fatal("abort changed the output")
	}
	if left, _ := filepath.Glob(filepath.Join(root, ".public-new-*")); len(left) != 0 {
		t.Fatalf("staging folders left: %v", left)
	}

	// A file put into the output during a build stops the commit.
	st, _ = o.Stage()
	st.Put("a.html", []byte("new"))
	os.WriteFile(filepath.Join(out, "added.txt"), []byte("someone's"), 0o644)
	var own *OwnershipError
	if err := st.Commit("x"); !errors.As(err, &own) {
		t.Fatalf("commit over a changed output: err = %v", err)
	}
	if read(t, filepath.Join(out, "added.txt")) != "someone's" || read(t, filepath.Join(out, "a.html")) != "old" {
		t.Fatal("commit over a changed output touched it")
	}
	os.Remove(filepath.Join(out, "added.txt"))

	// Scratch files never reach the output.
	st, _ = o.Stage()
	dir, err := st.Scratch()
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "tmp"), []byte("x"), 0o644)
	st.Put("a.html", []byte("new"))
	if err := st.Commit("y"); err != nil {
		t.Fatal(err)
	}
	if read(t, filepath.Join(out, "a.html")) != "new" {
		t.Fatal("commit did not replace the output")
	}
	if _, err := os.Stat(filepath.Join(out, ".docgen-scratch")); err == nil {
		t.Fatal("scratch folder published")
	}
}

func TestLockIsExclusive(t *testing.T) {
	root := site(t)
	out := filepath.Join(root, "public")
	a, err := open(t, root, out)
	if err != nil {
		t.Fatal(err)
	}
	_, err = open(t, root, out)
	var busy *BusyError
	if !errors.As(err, &busy) || !strings.Contains(busy.Holder, "test") {
		t.Fatalf("second open: err = %v, want a BusyError naming the holder", err)
	}
	a.Close()
	b, err := open(t, root, out)
	if err != nil {
		t.Fatalf("open after release: %v", err)
	}
	b.Close()
}

func TestLiveSink(t *testing.T) {
	root := site(t)
	out := filepath.Join(root, "public")
	o, _ := open(t, root, out)
	publishFiles(t, o, map[string]string{"a.html": "a", "gone.html": "g"})
	live := o.Live()
	if err := live.Put("new/b.html", []byte("b")); err != nil {
		t.Fatal(err)
	}
	if err := live.Remove("gone.html"); err != nil {
		t.Fatal(err)
	}
	// A file docgen did not write is never removed.
	os.WriteFile(filepath.Join(out, "keep.txt"), []byte("k"), 0o644)
	if err := live.Remove("keep.txt"); err != nil || read(t, filepath.Join(out, "keep.txt")) != "k" {
		t.Fatalf("live sink removed a file it did not write (err %v)", err)
	}
	os.Remove(filepath.Join(out, "keep.txt"))
	if err := live.Commit(""); err != nil {
		t.Fatal(err)
	}
	o.Close()
	// The record matches the folder: a later build may replace it.
	o, err := open(t, root, out)
	if err != nil {
		t.Fatalf("open after live updates: %v", err)
	}
	o.Close()
	if _, err := os.Stat(filepath.Join(out, "gone.html")); err == nil {
		t.Error("removed file still there")
	}
	if left, _ := filepath.Glob(filepath.Join(out, "new", ".*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestPathsStayInside(t *testing.T) {
	for _, p := range []string{"", "/etc/passwd", "../x", "a/../../x", "a//b", "a\\b", "a/./b", "x\x00"} {
		if checkPath(p) == nil {
			t.Errorf("output path %q accepted", p)
		}
	}
	mem := NewMemory()
	if err := mem.Put("../x", nil); err == nil {
		t.Error("memory sink accepted ../x")
	}
}

// A build killed after its folder was swapped in but before the record was
// renamed into place leaves the new record beside the old one; the next
// build accepts the folder instead of refusing it as foreign.
func TestKilledBetweenSwapAndRecord(t *testing.T) {
	root := site(t)
	out := filepath.Join(root, "public")
	o, err := open(t, root, out)
	if err != nil {
		t.Fatal(err)
	}
	publishFiles(t, o, map[string]string{"a.html": "first"})
	first, err := os.ReadFile(o.statePath(".manifest"))
	if err != nil {
		t.Fatal(err)
	}
	publishFiles(t, o, map[string]string{"a.html": "second build", "b.html": "b"})
	second, _ := os.ReadFile(o.statePath(".manifest"))
	// The state a kill right after the swap leaves behind.
	os.WriteFile(o.statePath(".manifest"), first, 0o644)
	os.WriteFile(o.statePath(".manifest.next"), second, 0o644)
	o.Close()
	o, err = open(t, root, out)
	if err != nil {
		t.Fatalf("output of a build killed after its swap refused: %v", err)
	}
	defer o.Close()
	if _, err := os.Stat(o.statePath(".manifest.next")); err == nil {
		t.Error("the pending record was not taken up")
	}
	// A pending record that does not match the folder changes nothing: a
	// foreign file is still refused.
	os.WriteFile(o.statePath(".manifest.next"), second, 0o644)
	os.WriteFile(filepath.Join(out, "mine.txt"), []byte("mine"), 0o644)
	o.Close()
	if _, err := open(t, root, out); err == nil {
		t.Fatal("a foreign file was accepted")
	}
}

// serve killed between live writes and their record: the files it wrote
// are still known as docgen's (journal), and a foreign file is not.
func TestLiveKilledBeforeCommit(t *testing.T) {
	root := site(t)
	out := filepath.Join(root, "public")
	o, _ := open(t, root, out)
	publishFiles(t, o, map[string]string{"a.html": "a"})
	live := o.Live()
	if err := live.Put("a.html", []byte("edited by serve")); err != nil {
		t.Fatal(err)
	}
	if err := live.Put("new/b.html", []byte("new page")); err != nil {
		t.Fatal(err)
	}
	o.Close() // killed: no Commit
	o, err := open(t, root, out)
	if err != nil {
		t.Fatalf("output of a killed serve refused: %v", err)
	}
	if o.UpToDate("inputs-1") {
		t.Error("output changed by a killed serve counts as up to date")
	}
	o.Close()
	os.WriteFile(filepath.Join(out, "a.html"), []byte("edited by hand"), 0o644)
	if _, err := open(t, root, out); err == nil {
		t.Fatal("a hand edit of a file serve wrote was accepted")
	}
}

// Writing in place without checking the whole folder (a warm build's edit)
// still never replaces or removes a file docgen did not write as it is.
func TestLiveChecksEachFileItReplaces(t *testing.T) {
	root := site(t)
	out := filepath.Join(root, "public")
	o, _ := open(t, root, out)
	publishFiles(t, o, map[string]string{"a.html": "a", "b.html": "b"})
	o.Close()

	o, err := Open(Options{Root: root, Config: filepath.Join(root, "config.toml"), Out: out, Command: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	os.WriteFile(filepath.Join(out, "a.html"), []byte("edited by hand"), 0o644)
	os.WriteFile(filepath.Join(out, "mine.html"), []byte("mine"), 0o644)
	live := o.Live()
	var own *OwnershipError
	if err := live.Put("a.html", []byte("new")); !errors.As(err, &own) {
		t.Errorf("replacing a hand-edited file: %v, want an OwnershipError", err)
	}
	if err := live.Put("mine.html", []byte("new")); !errors.As(err, &own) {
		t.Errorf("replacing a file docgen never wrote: %v, want an OwnershipError", err)
	}
	if err := live.Remove("a.html"); !errors.As(err, &own) {
		t.Errorf("removing a hand-edited file: %v, want an OwnershipError", err)
	}
	if err := live.Put("b.html", []byte("b2")); err != nil {
		t.Errorf("replacing docgen's own file: %v", err)
	}
	for p, want := range map[string]string{"a.html": "edited by hand", "mine.html": "mine", "b.html": "b2"} {
		if data, _ := os.ReadFile(filepath.Join(out, p)); string(data) != want {
			t.Errorf("%s holds %q, want %q", p, data, want)
		}
	}
}

// TestStagingRecordsWhatAScanFinds: the manifest a commit saves comes from
// what Put wrote, not from a scan of the folder; it must be exactly what a
// scan of the new output finds (files with their sizes and times, and
// every folder), including a file put twice.
func TestStagingRecordsWhatAScanFinds(t *testing.T) {
	_, out, o := openPublic(t)
	st, err := o.Stage()
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"index.html": "root", "en/index.html": "en", "en/a/b/c/index.html": "deep",
		"fa/search/p0.json": "[]", "en/a/index.html": "a", "assets/x.css": "",
	}
	for p, data := range files {
		if err := st.Put(p, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Put("en/index.html", []byte("en, longer")); err != nil {
		t.Fatal(err)
	}
	if err := st.Commit("inputs"); err != nil {
		t.Fatal(err)
	}
	saved, ok := readManifest(o.statePath(".manifest"))
	if !ok {
		t.Fatal("no manifest saved")
	}
	have, err := scan(out)
	if err != nil {
		t.Fatal(err)
	}
	if odd := saved.diff(have); len(odd) != 0 {
		t.Fatalf("the saved manifest and a scan differ at %v", odd)
	}
	if len(saved.files) != len(files)+7 { // 6 files, and en, en/a, en/a/b, en/a/b/c, fa, fa/search, assets
		t.Fatalf("manifest holds %d entries, want %d", len(saved.files), len(files)+7)
	}
}

// TestOpenClearsKilledStaging: a staging folder a killed build left beside
// the output is removed by the next command that opens the output (a
// serve or an incremental build too, not only a full build); a folder of
// the user's that only looks like one is kept.
func TestOpenClearsKilledStaging(t *testing.T) {
	root := site(t)
	out := filepath.Join(root, "public")
	stale := filepath.Join(root, ".public-new-123456")
	mine := filepath.Join(root, ".public-new-notes")
	for _, d := range []string{stale, mine} {
		if err := os.MkdirAll(filepath.Join(d, "en"), 0o755); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(d, "en", "index.html"), []byte("x"), 0o644)
	}
	o, err := open(t, root, out)
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the killed build's staging folder is still there (%v)", err)
	}
	if read(t, filepath.Join(mine, "en", "index.html")) != "x" {
		t.Error("a folder of the user's was touched")
	}
}
