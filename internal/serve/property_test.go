package serve

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/docgen/docgen/internal/pipeline"
)

var (
	propSeeds = flag.Int("prop-seeds", 12, "random edit sequences in TestServedOutputEqualsFreshBuild")
	propSteps = flag.Int("prop-steps", 14, "edits per sequence in TestServedOutputEqualsFreshBuild")
	propSeed  = flag.Uint64("prop-seed", 0, "run only this sequence seed (0: seeds 1..prop-seeds)")
)

// TestServedOutputEqualsFreshBuild applies random sequences of edits (page
// bodies, titles, headings, drafts, new and deleted pages and guides,
// catalog, layout, asset and config edits, and broken files fixed later)
// through Server.Rebuild, the path a watcher batch takes. Whenever no file
// is broken, the served folder must be byte for byte what a fresh build of
// the same files gives; while one is, the build must report a failure.
func TestServedOutputEqualsFreshBuild(t *testing.T) {
	seeds := []uint64{}
	if *propSeed != 0 {
		seeds = append(seeds, *propSeed)
	} else {
		for i := 1; i <= *propSeeds; i++ {
			seeds = append(seeds, uint64(i))
		}
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) { runEditSequence(t, seed, *propSteps) })
	}
}

// editSite is a test site and what is broken in it.
type editSite struct {
	t      *testing.T
	dir    string
	rng    *rand.Rand
	good   map[string][]byte // last valid content of each broken file (nil: it did not exist)
	n      int
	paths  []string // changed paths of the current batch
	guides []string // extra guides added by the sequence
}

func runEditSequence(t *testing.T, seed uint64, steps int) {
	dir := t.TempDir()
	for src, dst := range map[string]string{"../pipeline/testdata/updatesite": ".", "../../layouts": "layouts"} {
		if err := os.CopyFS(filepath.Join(dir, dst), os.DirFS(src)); err != nil {
			t.Fatal(err)
		}
	}
	fa, err := os.ReadFile("../../locales/fa.toml")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "locales/fa.toml"), fa, 0o644)

	s, err := New(pipeline.Options{Root: dir}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	e := &editSite{t: t, dir: dir, rng: rand.New(rand.NewPCG(seed, 7)), good: map[string][]byte{}}
	var log []string
	for step := 0; step < steps; step++ {
		e.paths = nil
		what := e.randomEdit()
		// Sometimes two edits land in one batch, as with a quick save-all.
		if e.rng.IntN(4) == 0 {
			what += " + " + e.randomEdit()
		}
		log = append(log, what)
		s.Rebuild(e.paths)
		s.mu.Lock()
		failed := s.failure != nil
		problems := s.failure
		s.mu.Unlock()
		broken := len(e.good) > 0
		switch {
		case broken && !failed:
			t.Fatalf("step %d: a file is broken (%v) but the build succeeded\nedits: %s", step, keys(e.good), strings.Join(log, "; "))
		case !broken && failed:
			t.Fatalf("step %d: no file is broken but the build failed: %+v\nedits: %s", step, problems, strings.Join(log, "; "))
		case !broken:
			compareWithFreshBuild(t, dir, s.Out(), fmt.Sprintf("step %d, edits: %s", step, strings.Join(log, "; ")))
		}
	}
	// Fix everything: the output must then match a fresh build.
	e.paths = nil
	e.fixAll()
	s.Rebuild(e.paths)
	if s.failure != nil {
		t.Fatalf("after fixing everything the build still fails: %+v\nedits: %s", s.failure, strings.Join(log, "; "))
	}
	compareWithFreshBuild(t, dir, s.Out(), "after fixing everything, edits: "+strings.Join(log, "; "))
}

func keys(m map[string][]byte) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// compareWithFreshBuild renders the site from scratch and compares it with
// the folder served.
func compareWithFreshBuild(t *testing.T, dir, out, context string) {
	t.Helper()
	fresh, err := pipeline.Render(pipeline.Options{Root: dir})
	if err != nil {
		t.Fatalf("fresh build failed: %v\n%s", err, context)
	}
	want := map[string][]byte{}
	for _, f := range fresh.Files {
		want[f.Path] = f.Data
	}
	got := map[string][]byte{}
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(out, p)
			got[filepath.ToSlash(rel)], _ = os.ReadFile(p)
		}
		return nil
	})
	var diffs []string
	for p, w := range want {
		if g, ok := got[p]; !ok {
			diffs = append(diffs, "missing "+p)
		} else if string(g) != string(w) {
			diffs = append(diffs, "differs "+p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			diffs = append(diffs, "extra "+p)
		}
	}
	if len(diffs) > 0 {
		sort.Strings(diffs)
		t.Fatalf("served output differs from a fresh build: %s\n%s", strings.Join(diffs, ", "), context)
	}
}

func (e *editSite) read(rel string) []byte {
	data, err := os.ReadFile(filepath.Join(e.dir, rel))
	if err != nil {
		return nil
	}
	return data
}

func (e *editSite) write(rel, text string) {
	p := filepath.Join(e.dir, rel)
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		e.t.Fatal(err)
	}
	e.paths = append(e.paths, rel)
}

func (e *editSite) remove(rel string) {
	os.Remove(filepath.Join(e.dir, rel))
	e.paths = append(e.paths, rel)
}

// pages lists the page files that exist and are not broken.
func (e *editSite) pages(filter func(rel string) bool) []string {
	var out []string
	filepath.WalkDir(filepath.Join(e.dir, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(e.dir, p)
			rel = filepath.ToSlash(rel)
			if _, broken := e.good[rel]; !broken && filter(rel) {
				out = append(out, rel)
			}
		}
		return nil
	})
	sort.Strings(out)
	return out
}

func (e *editSite) pick(list []string) string { return list[e.rng.IntN(len(list))] }

func page(title, extra, body string) string {
	return "+++\ntitle = \"" + title + "\"\n" + extra + "updated = 2025-02-03\n+++\n\n" + body
}

// randomEdit makes one edit and says what it was.
func (e *editSite) randomEdit() string {
	e.n++
	any := func(string) bool { return true }
	translation := func(rel string) bool { return !strings.HasSuffix(rel, "/en.md") }
	switch e.rng.IntN(13) {
	case 0: // body
		if len(e.pages(any)) == 0 {
			return "skip"
		}
		p := e.pick(e.pages(any))
		e.write(p, string(e.read(p))+fmt.Sprintf("\nParagraph %d with **bold**.\n", e.n))
		return "body " + p
	case 1: // title
		if len(e.pages(any)) == 0 {
			return "skip"
		}
		p := e.pick(e.pages(any))
		text := string(e.read(p))
		i := strings.Index(text, "title = \"")
		j := strings.Index(text[i+9:], "\"")
		e.write(p, text[:i+9]+fmt.Sprintf("Title %d", e.n)+text[i+9+j:])
		return "title " + p
	case 2: // a new or rewritten translation
		guides := []string{"alpha", "beta"}
		guides = append(guides, e.guides...)
		g := e.pick(guides)
		lang := e.pick([]string{"fa", "fr"})
		if _, broken := e.good["content/"+g+"/"+lang+".md"]; broken {
			return "skip"
		}
		e.write("content/"+g+"/"+lang+".md", page(fmt.Sprintf("T %s %d", lang, e.n), "source = \"en.md\"\n", "## Section\n\nTranslated text.\n"))
		return "translate " + g + "/" + lang
	case 3: // delete a translation
		ps := e.pages(translation)
		if len(ps) == 0 {
			return "skip"
		}
		p := e.pick(ps)
		e.remove(p)
		return "delete " + p
	case 4: // a new guide, or one deleted
		if len(e.guides) > 0 && e.rng.IntN(2) == 0 {
			g := e.guides[len(e.guides)-1]
			for _, rel := range []string{"en.md", "fa.md", "fr.md"} {
				if _, broken := e.good["content/"+g+"/"+rel]; broken {
					return "skip"
				}
			}
			e.guides = e.guides[:len(e.guides)-1]
			for _, lang := range []string{"fa", "fr", "en"} {
				if e.read("content/"+g+"/"+lang+".md") != nil {
					e.remove("content/" + g + "/" + lang + ".md")
				}
			}
			os.Remove(filepath.Join(e.dir, "content", g))
			return "delete guide " + g
		}
		g := fmt.Sprintf("guide%d", e.n)
		e.guides = append(e.guides, g)
		e.write("content/"+g+"/en.md", page("Guide "+g, fmt.Sprintf("weight = %d\n", e.n), "## Start\n\nSee [alpha](../alpha/en.md#intro).\n\n## Next\n\nMore.\n"))
		return "add guide " + g
	case 5: // heading text (its id changes) in a guide nothing links into
		ps := e.pages(func(rel string) bool {
			return !strings.HasPrefix(rel, "content/beta/") && !strings.HasPrefix(rel, "content/alpha/en.md")
		})
		if len(ps) == 0 {
			return "skip"
		}
		p := e.pick(ps)
		e.write(p, string(e.read(p))+fmt.Sprintf("\n## Added %d\n\nText.\n", e.n))
		return "heading " + p
	case 6: // draft toggle
		ps := e.pages(translation)
		if len(ps) == 0 {
			return "skip"
		}
		p := e.pick(ps)
		text := string(e.read(p))
		if strings.Contains(text, "draft = true\n") {
			text = strings.Replace(text, "draft = true\n", "", 1)
		} else {
			text = strings.Replace(text, "+++\n", "+++\ndraft = true\n", 1)
		}
		e.write(p, text)
		return "draft " + p
	case 7: // catalog message
		cat := e.pick([]string{"locales/en.toml", "locales/fa.toml"})
		if _, broken := e.good[cat]; broken {
			return "skip"
		}
		text := string(e.read(cat))
		at := strings.Index(text, "[SkipToContent]")
		other := at + strings.Index(text[at:], "other = \"")
		end := other + strings.Index(text[other:], "\n")
		e.write(cat, text[:other]+fmt.Sprintf("other = \"Skip %d\"", e.n)+text[end:])
		return "catalog " + cat
	case 8: // layout
		l := e.pick([]string{"layouts/guide.html", "layouts/index.html", "layouts/assets/docgen.css"})
		if _, broken := e.good[l]; broken {
			return "skip"
		}
		if strings.HasSuffix(l, ".css") {
			e.write(l, string(e.read(l))+fmt.Sprintf("\n/* %d */\n", e.n))
		} else {
			e.write(l, string(e.read(l))+fmt.Sprintf("\n{{/* %d */}}\n", e.n))
		}
		return "layout " + l
	case 9: // config
		if _, broken := e.good["config.toml"]; broken {
			return "skip"
		}
		text := string(e.read("config.toml"))
		i := strings.Index(text, "\n")
		e.write("config.toml", fmt.Sprintf("title = \"Test site %d\"", e.n)+text[i:])
		return "config title"
	case 10, 11: // break a file
		var candidates []string
		for _, f := range []string{"config.toml", "locales/en.toml", "locales/fa.toml", "layouts/guide.html"} {
			if _, broken := e.good[f]; !broken {
				candidates = append(candidates, f)
			}
		}
		candidates = append(candidates, e.pages(any)...)
		f := e.pick(candidates)
		e.good[f] = e.read(f)
		switch {
		case strings.HasSuffix(f, ".md"):
			e.write(f, "+++\ntitle = \n+++\n")
		case strings.HasSuffix(f, ".toml"):
			e.write(f, string(e.read(f))+"\n[Broken\n")
		default:
			e.write(f, string(e.read(f))+"\n{{ .NoSuchField }\n")
		}
		return "break " + f
	default: // fix one broken file
		if len(e.good) == 0 {
			return "skip"
		}
		f := e.pick(keys(e.good))
		e.fix(f)
		return "fix " + f
	}
}

func (e *editSite) fix(f string) {
	e.write(f, string(e.good[f]))
	delete(e.good, f)
}

func (e *editSite) fixAll() {
	for _, f := range keys(e.good) {
		e.fix(f)
	}
}

// The two sequences the issue found, spelled out: a page edit in the same
// batch as a broken catalog is published once the catalog is fixed; a
// broken source page keeps the overlay while another page is edited.
func TestServeNeverLosesAnEdit(t *testing.T) {
	dir := t.TempDir()
	for src, dst := range map[string]string{"../pipeline/testdata/updatesite": ".", "../../layouts": "layouts"} {
		if err := os.CopyFS(filepath.Join(dir, dst), os.DirFS(src)); err != nil {
			t.Fatal(err)
		}
	}
	s, err := New(pipeline.Options{Root: dir}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	e := &editSite{t: t, dir: dir, good: map[string][]byte{}}
	failed := func() bool { s.mu.Lock(); defer s.mu.Unlock(); return s.failure != nil }

	// Batch 1: a body edit and a broken catalog.
	catalog := string(e.read("locales/en.toml"))
	e.write("content/alpha/fa.md", string(e.read("content/alpha/fa.md"))+"\nAn edit in the same batch.\n")
	e.write("locales/en.toml", catalog+"\n[Broken\n")
	s.Rebuild(e.paths)
	if !failed() {
		t.Fatal("broken catalog: no failure shown")
	}
	// Batch 2: the catalog fixed, nothing else.
	e.paths = nil
	e.write("locales/en.toml", catalog)
	s.Rebuild(e.paths)
	if failed() {
		t.Fatal("fixed catalog: failure still shown")
	}
	compareWithFreshBuild(t, dir, s.Out(), "edit batched with a broken catalog")

	// A broken source page, then an edit elsewhere: the overlay stays.
	e.paths = nil
	source := string(e.read("content/beta/en.md"))
	e.write("content/beta/en.md", "+++\ntitle = \n+++\n")
	s.Rebuild(e.paths)
	e.paths = nil
	e.write("content/alpha/fa.md", string(e.read("content/alpha/fa.md"))+"\nAnother edit.\n")
	s.Rebuild(e.paths)
	if !failed() {
		t.Fatal("an edit of another page cleared the failure of a broken source page")
	}
	e.paths = nil
	e.write("content/beta/en.md", source)
	s.Rebuild(e.paths)
	if failed() {
		t.Fatal("fixed source page: failure still shown")
	}
	compareWithFreshBuild(t, dir, s.Out(), "after a broken source page was fixed")
}
