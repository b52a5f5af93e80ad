package pipeline

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/docgen/docgen/internal/benchcorpus"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the repository's site")

// TestGoldenPages renders the repository's own site and compares whole pages
// with testdata/*.golden (regenerate with -update and review the diff).
func TestGoldenPages(t *testing.T) {
	res, err := Render(Options{Root: "../.."})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range res.Files {
		files[f.Path] = f.Data
	}
	for _, page := range []string{
		"en/developer-token-reset/index.html",
		"fa/developer-token-reset/index.html",
		"th/developer-token-reset/index.html",
		"fr/oauth-desktop-web-flows/index.html",
		"fa/oauth-desktop-web-flows/index.html",
	} {
		golden := filepath.Join("testdata", strings.ReplaceAll(strings.TrimSuffix(page, "/index.html"), "/", "_")+".golden")
		got, ok := files[page]
		if !ok {
			t.Errorf("%s not rendered", page)
			continue
		}
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (run go test -update and review the diff)", page, golden)
		}
	}
}

// TestRepositorySite checks what the issue asks of the real site: every guide
// in every language, indexes, root, 404 and sitemap; seed wording of the
// last-updated line; fallback pages marked English with a notice.
func TestRepositorySite(t *testing.T) {
	res, err := Render(Options{Root: "../.."})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Path] = string(f.Data)
	}
	langs := []string{"en", "fa", "vi", "th", "id", "fr"}
	guides := []string{"developer-token-reset", "oauth-desktop-web-flows"}
	for _, l := range langs {
		for _, g := range guides {
			if _, ok := files[l+"/"+g+"/index.html"]; !ok {
				t.Errorf("missing %s/%s/", l, g)
			}
		}
		for _, p := range []string{l + "/index.html", l + "/404.html", l + "/search.json"} {
			if _, ok := files[p]; !ok {
				t.Errorf("missing %s", p)
			}
		}
	}
	for _, p := range []string{"index.html", "404.html", "sitemap.xml"} {
		if _, ok := files[p]; !ok {
			t.Errorf("missing %s", p)
		}
	}
	lastUpdated := map[string]string{
		"fa/developer-token-reset":   "<time datetime=\"2025-09-03\">تاریخ آخرین به‌روزرسانی \u20662025-09-03\u2069 به‌وقت ساعت هماهنگ جهانی.</time>", // the date isolated left to right
		"vi/developer-token-reset":   `<time datetime="2025-09-05">Cập nhật lần gần đây nhất: 2025-09-05 UTC.</time>`,
		"th/developer-token-reset":   `<time datetime="2025-09-05">อัปเดตล่าสุด 2025-09-05 UTC</time>`,
		"id/oauth-desktop-web-flows": `<time datetime="2025-08-31">Terakhir diperbarui pada 2025-08-31 UTC.</time>`,
		"fr/oauth-desktop-web-flows": `<time datetime="2025-08-31">Dernière mise à jour le 2025/08/31 (UTC).</time>`,
	}
	for page, want := range lastUpdated {
		if !strings.Contains(files[page+"/index.html"], want) {
			t.Errorf("%s lacks %s", page, want)
		}
	}
	for _, page := range []string{"fa/oauth-desktop-web-flows", "vi/oauth-desktop-web-flows", "th/oauth-desktop-web-flows", "id/developer-token-reset", "fr/developer-token-reset"} {
		html := files[page+"/index.html"]
		if !strings.Contains(html, `<div class="guide-body" lang="en" dir="ltr">`) || !strings.Contains(html, `class="notice notice-fallback"`) {
			t.Errorf("%s is not marked as an English fallback with a notice", page)
		}
	}
	for _, l := range langs {
		for _, g := range guides {
			for _, h := range res.Site.Guides {
				if h.Slug != g {
					continue
				}
				html := files[l+"/"+g+"/index.html"]
				for _, id := range headingIDs(files["en/"+g+"/index.html"]) {
					if !strings.Contains(html, `id="`+id+`"`) {
						t.Errorf("%s/%s lacks #%s", l, g, id)
					}
				}
			}
		}
	}
	// Every page loads the same three assets: keep them under 38 KB together
	// (raised from 30 KB for the search combobox, heading links, switcher
	// state, print and sticky-contents styles: 34 KB, 9.6 KB gzipped; then
	// from 36 KB for the sharded search reader: 37 KB).
	assets := 0
	for path, data := range files {
		if strings.HasPrefix(path, "assets/") {
			assets += len(data)
		}
	}
	if assets == 0 || assets >= 38*1024 {
		t.Errorf("JS + CSS per page = %d bytes, want under 38 KB", assets)
	}
	for _, l := range res.Report.Languages {
		if len(l.Missing) > 0 {
			t.Errorf("%s misses catalog messages %v", l.Code, l.Missing)
		}
	}
}

func headingIDs(html string) []string {
	var ids []string
	for _, part := range strings.Split(html, "<h")[1:] {
		if len(part) > 1 && (part[0] == '2' || part[0] == '3') && strings.HasPrefix(part[1:], ` id="`) {
			rest := part[len(` id="`)+1:]
			ids = append(ids, rest[:strings.IndexByte(rest, '"')])
		}
	}
	return ids
}

// writeArchive writes a txtar site into dir, with the repository's layouts.
func writeArchive(t *testing.T, dir string, ar *txtar.Archive) {
	t.Helper()
	for _, f := range ar.Files {
		p := filepath.Join(dir, f.Name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.CopyFS(filepath.Join(dir, "layouts"), os.DirFS("../../layouts")); err != nil {
		t.Fatal(err)
	}
}

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	tree := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		tree[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestWholeSiteFromTxtar builds testdata/site.txtar into a temporary folder.
func TestWholeSiteFromTxtar(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeArchive(t, dir, ar)
	out := filepath.Join(dir, "public")
	report, err := Run(Options{Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	tree := readTree(t, out)
	var pages []string
	for _, k := range keys(tree) {
		if !strings.HasPrefix(k, "assets/") {
			pages = append(pages, k)
		}
	}
	want := "404.html de/404.html de/alpha/index.html de/beta/index.html de/index.html de/search.json de/search/p0.json de/search/s<key>.json en/404.html en/alpha/index.html en/beta/index.html en/index.html en/search.json en/search/p0.json en/search/s<key>.json index.html sitemap.xml"
	if got := shardNames(strings.Join(pages, " ")); got != want {
		t.Errorf("output files:\n%s\nwant\n%s", got, want)
	}
	// The site's de.toml overrides one message of docgen's built-in German
	// catalog; the built-in one gives the rest, so nothing is missing.
	if l := report.Languages[1]; l.Code != "de" || l.Translated != 1 || l.Fallback != 1 || len(l.Missing) != 0 {
		t.Errorf("de report = %+v", l)
	}
	if !strings.Contains(tree["de/alpha/index.html"], "Zuletzt aktualisiert ") {
		t.Error("the site's own de message does not override the built-in one")
	}
	if !strings.Contains(tree["de/beta/index.html"], `lang="en" dir="ltr"`) {
		t.Error("de/beta is not an English fallback")
	}
	de := tree["de/alpha/index.html"]
	for _, want := range []string{`<h2 id="intro">Einleitung</h2>`, `<h2 id="usage">Verwendung</h2>`, `href="../beta/#usage"`, `Zuletzt aktualisiert 2025-02-01`} {
		if !strings.Contains(de, want) {
			t.Errorf("de/alpha lacks %s", want)
		}
	}
	if !strings.Contains(tree["sitemap.xml"], `hreflang="de" href="https://example.org/de/alpha/"`) || strings.Contains(tree["sitemap.xml"], "de/beta/") {
		t.Error("sitemap alternates wrong")
	}

	// Same input, other GOMAXPROCS: byte-identical output.
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	if _, err := Run(Options{Root: dir, Out: filepath.Join(dir, "public2")}); err != nil {
		t.Fatal(err)
	}
	tree2 := readTree(t, filepath.Join(dir, "public2"))
	if strings.Join(keys(tree), " ") != strings.Join(keys(tree2), " ") {
		t.Fatal("file lists differ between builds")
	}
	for k, v := range tree {
		if tree2[k] != v {
			t.Errorf("%s differs between builds", k)
		}
	}
}

// TestFailedBuildKeepsOutput breaks each kind of input in turn and checks the
// error names the file and line, and that public/ is byte-identical after.
func TestFailedBuildKeepsOutput(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeArchive(t, dir, ar)
	if _, err := Run(Options{Root: dir}); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, filepath.Join(dir, "public"))
	tests := []struct {
		name, file, content, want string
	}{
		{"config unknown key", "config.toml", "title = \"T\"\nbase_url = \"https://example.org/\"\ncolour = 1\n[languages.en]\nname = \"English\"\n", "config.toml:3"},
		{"config bad tag", "config.toml", "title = \"T\"\nbase_url = \"https://example.org/\"\n[languages.en]\nname = \"English\"\n[languages.d-e]\nname = \"x\"\n", "config.toml:5"},
		{"front matter unclosed", "content/alpha/en.md", "+++\ntitle = \"A\"\n", "content/alpha/en.md:1"},
		{"front matter wrong type", "content/alpha/en.md", "+++\ntitle = \"A\"\nweight = \"x\"\n+++\n", "content/alpha/en.md:3"},
		{"front matter unknown key", "content/alpha/en.md", "+++\ntitle = \"A\"\ntags = []\n+++\n", "content/alpha/en.md:3"},
		{"unknown page language", "content/alpha/xx.md", "+++\ntitle = \"A\"\n+++\n", "content/alpha/xx.md"},
		{"catalog syntax", "locales/de.toml", "[LastUpdated]\nother = \"x\n", "locales/de.toml:2"},
		{"catalog placeholder", "locales/de.toml", "[LastUpdated]\nother = \"{{.Date\"\n", "locales/de.toml:2"},
		{"broken link", "content/beta/en.md", "+++\ntitle = \"Beta\"\n+++\n\n## Usage\n\nSee [x](../gamma/en.md).\n", "content/beta/en.md:7"},
		{"broken anchor", "content/beta/en.md", "+++\ntitle = \"Beta\"\n+++\n\n## Usage\n\nSee [x](../alpha/en.md#nowhere).\n", "content/beta/en.md:7"},
		{"layout syntax", "layouts/guide.html", "{{template \"base\" .}}\n{{define \"main\"}}{{.Nope}\n{{end}}", "layouts/guide.html:2"},
		{"invalid UTF-8", "content/alpha/en.md", "+++\ntitle = \"A\"\n+++\n\n\xff\n", "content/alpha/en.md:5"},
		{"client block", "content/alpha/en.md", "+++\ntitle = \"A\"\n+++\n\n::: client cobol\nx\n:::\n", "content/alpha/en.md:5"},
		{"config malformed TOML", "config.toml", "title = \"T\nbase_url = 1\n", "config.toml:1"},
		{"front matter malformed TOML", "content/alpha/en.md", "+++\ntitle = \"A\nweight = 1\n+++\n", "content/alpha/en.md:2"},
		{"catalog for unknown language", "locales/xx.toml", "[LastUpdated]\nother = \"x\"\n", "locales/xx.toml"},
		{"slug with upper case", "content/Gamma/en.md", "+++\ntitle = \"G\"\n+++\n", "content/Gamma/en.md"},
		{"slug with a backslash", "content/a\\b/en.md", "+++\ntitle = \"G\"\n+++\n", `invalid page slug "a\\b"`},
		{"slug with dots", "content/a..b/en.md", "+++\ntitle = \"G\"\n+++\n", `invalid page slug "a..b"`},
		{"nested page with a bad folder name", "content/alpha/Sub/en.md", "+++\ntitle = \"G\"\n+++\n", `invalid page slug "alpha/Sub"`},
		{"translation without source", "content/gamma/de.md", "+++\ntitle = \"G\"\n+++\n", "content/gamma/de.md:1"},
		{"duplicate heading id", "content/beta/en.md", "+++\ntitle = \"Beta\"\n+++\n\n## Usage\n\n## Again {#usage}\n", "content/beta/en.md:7"},
		{"deeply nested block quotes", "content/beta/en.md", "+++\ntitle = \"Beta\"\n+++\n\n## Usage\n\n" + strings.Repeat(">", 5000) + " deep\n", "content/beta/en.md:7"},
		{"deeply nested lists", "content/beta/en.md", "+++\ntitle = \"Beta\"\n+++\n\n## Usage\n\n" + nestedList(2000), "content/beta/en.md:"},
		{"BOM inside the front matter", "content/beta/en.md", "+++\ntitle = \"Beta\"\n\ufeffweight = 1\n+++\n", "content/beta/en.md:3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, tt.file)
			old, readErr := os.ReadFile(p)
			newDir := ""
			for d := filepath.Dir(p); d != dir; d = filepath.Dir(d) {
				if _, err := os.Stat(d); err != nil {
					newDir = d // the top folder this case creates
				}
			}
			if newDir != "" {
				os.MkdirAll(filepath.Dir(p), 0o755)
			}
			if err := os.WriteFile(p, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			defer func() {
				switch {
				case readErr == nil:
					os.WriteFile(p, old, 0o644)
				case newDir != "":
					os.RemoveAll(newDir)
				default:
					os.Remove(p)
				}
			}()
			_, err := Run(Options{Root: dir})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to name %s", err, tt.want)
			}
			if !strings.Contains(err.Error(), "hint:") {
				t.Errorf("error has no hint: %v", err)
			}
			after := readTree(t, filepath.Join(dir, "public"))
			if strings.Join(keys(after), " ") != strings.Join(keys(before), " ") {
				t.Fatal("public/ file list changed")
			}
			for k, v := range before {
				if after[k] != v {
					t.Errorf("public/%s changed", k)
				}
			}
		})
	}
}

// A lean build (docgen build: bodies dropped after the first parse and
// parsed again guide by guide) writes exactly what an in-memory build
// renders, on the repository's site and on a generated corpus.
func TestLeanBuildMatchesInMemoryBuild(t *testing.T) {
	corpus := t.TempDir()
	if err := benchcorpus.WriteDocgen(corpus, benchcorpus.Options{Guides: 30, Seed: 7, Words: 300},
		os.DirFS("../../layouts"), os.DirFS("../../locales")); err != nil {
		t.Fatal(err)
	}
	for _, root := range []string{"../..", corpus} {
		res, err := Render(Options{Root: root})
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), "public")
		if _, err := Run(Options{Root: root, Out: out, Force: true}); err != nil {
			t.Fatal(err)
		}
		written := readTree(t, out)
		if len(written) != len(res.Files) {
			t.Errorf("%s: lean build wrote %d files, in-memory build has %d", root, len(written), len(res.Files))
		}
		for _, f := range res.Files {
			if written[f.Path] != string(f.Data) {
				t.Errorf("%s: %s differs between the lean and the in-memory build", root, f.Path)
			}
		}
	}
}

// nestedList is a list nested depth levels deep.
func nestedList(depth int) string {
	var b strings.Builder
	for i := 0; i < depth; i++ {
		b.WriteString(strings.Repeat("  ", i) + "- level\n")
	}
	return b.String()
}

// A symbolic link in content/ (which could point outside it) is refused with
// the file named, and public/ is left as it was.
func TestSymlinkInContentIsRefused(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeArchive(t, dir, ar)
	if _, err := Run(Options{Root: dir}); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, filepath.Join(dir, "public"))
	secret := filepath.Join(t.TempDir(), "secret.md")
	os.WriteFile(secret, []byte("+++\ntitle = \"Secret\"\n+++\n\nsecret\n"), 0o644)
	for _, link := range []string{"content/gamma", "content/beta/de.md"} {
		target := secret
		if link == "content/gamma" {
			target = filepath.Dir(secret)
		}
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
		_, err := Run(Options{Root: dir})
		if err == nil || !strings.Contains(err.Error(), link+": symbolic links are not followed") {
			t.Errorf("%s: err = %v", link, err)
		}
		os.Remove(filepath.Join(dir, link))
		after := readTree(t, filepath.Join(dir, "public"))
		if len(after) != len(before) {
			t.Fatalf("%s: public/ changed", link)
		}
		for k, v := range before {
			if after[k] != v {
				t.Errorf("%s: public/%s changed", link, k)
			}
		}
	}
}

// Odd but valid input renders correctly: a byte-order mark and CRLF line
// ends give the same page as plain LF; 10,000 headings and a 50 MB page
// build (no crash, no hang) with every heading in the table of contents.
func TestOddAndLargeInputsRender(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	build := func(mutate func(dir string)) map[string]string {
		t.Helper()
		dir := t.TempDir()
		writeArchive(t, dir, ar)
		mutate(dir)
		res, err := Render(Options{Root: dir})
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, f := range res.Files {
			out[f.Path] = string(f.Data)
		}
		return out
	}
	plain := build(func(string) {})
	crlf := build(func(dir string) {
		p := filepath.Join(dir, "content/alpha/de.md")
		data, _ := os.ReadFile(p)
		os.WriteFile(p, append([]byte("\ufeff"), bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))...), 0o644)
	})
	if plain["de/alpha/index.html"] != crlf["de/alpha/index.html"] {
		t.Error("a BOM and CRLF line ends change the rendered page")
	}

	headings := build(func(dir string) {
		var b strings.Builder
		b.WriteString("+++\ntitle = \"Beta\"\n+++\n\n## Usage\n\n")
		for i := 0; i < 10000; i++ {
			fmt.Fprintf(&b, "### Step %d\n\nDo thing %d.\n\n", i, i)
		}
		os.WriteFile(filepath.Join(dir, "content/beta/en.md"), []byte(b.String()), 0o644)
	})
	if got := strings.Count(headings["en/beta/index.html"], `<li class="toc-h3">`); got != 10000 {
		t.Errorf("table of contents lists %d of 10000 headings", got)
	}

	if testing.Short() {
		t.Skip("50 MB page skipped with -short")
	}
	big := build(func(dir string) {
		var b strings.Builder
		b.WriteString("+++\ntitle = \"Beta\"\n+++\n\n## Usage\n\n")
		para := strings.Repeat("Reset the developer token in the API Center. ", 20) + "\n\n"
		for b.Len() < 50<<20 {
			b.WriteString(para)
		}
		os.WriteFile(filepath.Join(dir, "content/beta/en.md"), []byte(b.String()), 0o644)
	})
	if len(big["en/beta/index.html"]) < 50<<20 {
		t.Errorf("50 MB page rendered to %d bytes", len(big["en/beta/index.html"]))
	}
}
