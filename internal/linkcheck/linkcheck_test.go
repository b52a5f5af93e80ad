package linkcheck_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/docgen/docgen/internal/pipeline"
)

// site writes testdata/site.txtar plus extra files and the real layouts and
// English catalog into a temporary folder.
func site(t *testing.T, extra map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	ar, err := txtar.ParseFile("testdata/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range ar.Files {
		files[f.Name] = string(f.Data)
	}
	for k, v := range extra {
		files[k] = v
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.CopyFS(filepath.Join(dir, "layouts"), os.DirFS("../../layouts")); err != nil {
		t.Fatal(err)
	}
	en, _ := os.ReadFile("../../locales/en.toml")
	os.MkdirAll(filepath.Join(dir, "locales"), 0o755)
	os.WriteFile(filepath.Join(dir, "locales/en.toml"), en, 0o644)
	return dir
}

func TestBrokenLinksFailTheBuild(t *testing.T) {
	tests := []struct {
		name, file, body, want string
	}{
		{"broken link", "content/alpha/fr.md", "See [gone](../gamma/en.md).", `content/alpha/fr.md:7: link to missing guide "gamma"`},
		{"broken anchor", "content/alpha/en.md", "See [beta](../beta/en.md#nowhere).", "content/alpha/en.md:7: link to missing anchor #nowhere in beta"},
		{"broken same-page anchor", "content/beta/en.md", "See [below](#nothing).", "content/beta/en.md:7: link to missing anchor #nothing in beta"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			head := "+++\ntitle = \"T\"\n+++\n\n## Usage\n\n"
			if strings.HasSuffix(tt.file, "fr.md") {
				head = "+++\ntitle = \"T\"\nsource = \"en.md\"\n+++\n\n## Utilisation {#usage}\n"
			}
			dir := site(t, map[string]string{tt.file: head + tt.body + "\n"})
			_, err := pipeline.Render(pipeline.Options{Root: dir})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestLinkCheckWarnOnly(t *testing.T) {
	dir := site(t, map[string]string{
		"content/beta/en.md": "+++\ntitle = \"Beta\"\n+++\n\n## Usage\n\nSee [below](#nothing).\n",
	})
	cfg, _ := os.ReadFile(filepath.Join(dir, "config.toml"))
	os.WriteFile(filepath.Join(dir, "config.toml"), append(cfg, []byte("\n[build]\nlink_check = \"warn\"\n")...), 0o644)
	res, err := pipeline.Render(pipeline.Options{Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Report.Warnings) != 1 || !strings.Contains(res.Report.Warnings[0].Error(), "content/beta/en.md:7: warning: link to missing anchor") {
		t.Errorf("warnings = %v", res.Report.Warnings)
	}
}

// A translated page linking to a guide that is not translated lands on that
// guide's fallback page in the same language; a link into a translation's
// anchor works because translations carry the source's heading ids.
func TestLinksResolvePerLanguage(t *testing.T) {
	dir := site(t, nil)
	res, err := pipeline.Render(pipeline.Options{Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Path] = string(f.Data)
	}
	fr := files["fr/alpha/index.html"]
	if !strings.Contains(fr, `href="../beta/#usage"`) {
		t.Error("fr/alpha does not link to ../beta/#usage")
	}
	// ../beta/ from fr/alpha/ is fr/beta/: a fallback page with the anchor.
	fallback := files["fr/beta/index.html"]
	if !strings.Contains(fallback, `notice-fallback`) || !strings.Contains(fallback, `id="usage"`) {
		t.Error("fr/beta is not a fallback page holding #usage")
	}
	// The English page links to the anchor its French translation also has.
	if !strings.Contains(files["en/beta/index.html"], `href="../alpha/#intro"`) || !strings.Contains(fr, `id="intro"`) {
		t.Error("cross-language anchor #intro missing")
	}
	if got := strings.Join(res.Report.ExternalLinks, " "); got != "https://example.com/outside" {
		t.Errorf("external links = %q", got)
	}
}

// Links between pages at different depths resolve from the page's folder;
// a broken one names the resolved guide, a Markdown file above content/
// is an error, a link to the site's root page is not checked.
func TestLinksAcrossDepths(t *testing.T) {
	head := "+++\ntitle = \"T\"\n+++\n\n## Usage\n\n"
	good := map[string]string{
		"content/guides/auth/tokens/en.md": head + "See [beta](../../../beta/en.md#usage), [setup](../../setup/), [section](../) and [root](../../../../).\n",
		"content/guides/setup/en.md":       head + "Back to [tokens](../auth/tokens/en.md#usage).\n",
		"content/guides/en.md":             head + "See [tokens](auth/tokens/en.md) and [setup](setup/).\n",
	}
	if _, err := pipeline.Render(pipeline.Options{Root: site(t, good)}); err != nil {
		t.Fatalf("good links across depths: %v", err)
	}
	tests := []struct{ name, body, want string }{
		{"missing sibling section", "See [x](../../missing/en.md).", `content/guides/auth/tokens/en.md:7: link to missing guide "guides/missing"`},
		{"missing anchor two levels up", "See [beta](../../../beta/en.md#nowhere).", "content/guides/auth/tokens/en.md:7: link to missing anchor #nowhere in beta"},
		{"Markdown above content", "See [x](../../../../x/en.md).", "content/guides/auth/tokens/en.md:7: link to a Markdown file outside content/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{}
			for k, v := range good {
				files[k] = v
			}
			files["content/guides/auth/tokens/en.md"] = head + tt.body + "\n"
			_, err := pipeline.Render(pipeline.Options{Root: site(t, files)})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}
