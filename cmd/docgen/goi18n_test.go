package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/docgen/docgen/internal/catalog"
)

// goi18n runs go-i18n's own command (a tool of this module); file
// arguments must be absolute.
func goi18n(t *testing.T, dir string, args ...string) {
	t.Helper()
	modRoot, _ := filepath.Abs("../..")
	cmd := exec.Command("go", append([]string{"-C", modRoot, "tool", "goi18n"}, args...)...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("goi18n %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// roundTripSite makes a site with the repository's layouts and en.toml and a
// Persian catalog that lacks two messages.
func roundTripSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "layouts"), os.DirFS("../../layouts")); err != nil {
		t.Fatal(err)
	}
	en, err := os.ReadFile("../../locales/en.toml")
	if err != nil {
		t.Fatal(err)
	}
	fa, err := os.ReadFile("../../locales/fa.toml")
	if err != nil {
		t.Fatal(err)
	}
	msgs, err := catalog.Parse("fa.toml", fa)
	if err != nil {
		t.Fatal(err)
	}
	var kept []*i18n.Message
	for _, m := range msgs {
		if m.ID != "Summary" && m.ID != "Menu" {
			m.Hash = "" // as if translated before hashes were kept
			kept = append(kept, m)
		}
	}
	files := map[string][]byte{
		"config.toml":     []byte("title = \"Docs\"\nbase_url = \"https://example.org/\"\n[languages.en]\nname = \"English\"\n[languages.fa]\nname = \"فارسی\"\ndir = \"rtl\"\norder = 2\n"),
		"locales/en.toml": en,
		"locales/fa.toml": catalog.Marshal("", kept),
		"content/a/en.md": []byte("+++\ntitle = \"A\"\nupdated = 2025-01-01\n+++\n\nText.\n"),
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func docgen(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(args, &out, &errb); code != 0 {
		t.Fatalf("docgen %s: exit %d\n%s%s", strings.Join(args, " "), code, out.String(), errb.String())
	}
	return out.String()
}

func readMessages(t *testing.T, path string) map[string]*i18n.Message {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	msgs, err := catalog.Parse(path, data)
	if err != nil {
		t.Fatalf("docgen cannot read %s: %v", path, err)
	}
	byID := map[string]*i18n.Message{}
	for _, m := range msgs {
		byID[m.ID] = m
	}
	return byID
}

// Files goi18n writes are read by docgen, and files docgen writes are
// accepted by goi18n merge, which computes the same hashes.
func TestGoi18nRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("builds goi18n")
	}
	// docgen → goi18n.
	dir := roundTripSite(t)
	docgen(t, "i18n", "merge", "--root", dir)
	mine := readMessages(t, filepath.Join(dir, "locales/fa.toml"))
	work := readMessages(t, filepath.Join(dir, ".docgen/translate/fa.toml"))
	if len(work) != 2 || work["Summary"] == nil || work["Menu"] == nil {
		t.Fatalf("docgen's work file holds %d messages, want Summary and Menu", len(work))
	}
	out := filepath.Join(dir, "goi18n-out")
	loc := filepath.Join(dir, "locales")
	os.MkdirAll(out, 0o755)
	goi18n(t, dir, "merge", "-sourceLanguage", "en", "-outdir", out, filepath.Join(loc, "en.toml"), filepath.Join(loc, "fa.toml"))
	theirs := readMessages(t, filepath.Join(out, "active.fa.toml"))
	for id, m := range mine {
		o := theirs[id]
		if o == nil || o.Hash != m.Hash || o.Other != m.Other || o.One != m.One {
			t.Errorf("%s: goi18n kept %+v, docgen wrote %+v", id, o, m)
		}
	}
	if len(theirs) != len(mine) {
		t.Errorf("goi18n active.fa.toml has %d messages, docgen's fa.toml %d", len(theirs), len(mine))
	}
	theirWork := readMessages(t, filepath.Join(out, "translate.fa.toml"))
	for id, m := range work {
		if o := theirWork[id]; o == nil || o.Hash != m.Hash {
			t.Errorf("%s: goi18n would ask for %+v, docgen asked for %+v", id, o, m)
		}
	}
	if len(theirWork) != len(work) {
		t.Errorf("goi18n asks for %d messages, docgen for %d", len(theirWork), len(work))
	}
	// goi18n folds in docgen's work file once translated.
	workPath := filepath.Join(dir, ".docgen", "translate", "fa.toml")
	data, _ := os.ReadFile(workPath)
	data = bytes.Replace(data, []byte(`other = "Menu"`), []byte(`other = "فهرست"`), 1)
	if err := os.WriteFile(workPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out2 := filepath.Join(dir, "goi18n-out2")
	os.MkdirAll(out2, 0o755)
	goi18n(t, dir, "merge", "-sourceLanguage", "en", "-outdir", out2, filepath.Join(loc, "en.toml"), filepath.Join(loc, "fa.toml"), workPath)
	if m := readMessages(t, filepath.Join(out2, "active.fa.toml"))["Menu"]; m == nil || m.Other != "فهرست" || m.Hash != work["Menu"].Hash {
		t.Errorf("goi18n did not fold docgen's work file in: %+v", m)
	}

	// goi18n → docgen: its files are this site's catalogs now; a translator
	// fills in its translate file and docgen folds it in.
	for _, name := range []string{"active.fa.toml", "translate.fa.toml"} {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		dst := map[string]string{"active.fa.toml": "locales/fa.toml", "translate.fa.toml": ".docgen/translate/fa.toml"}[name]
		if name == "translate.fa.toml" {
			data = bytes.Replace(data, []byte(`other = "`+work["Summary"].Other+`"`), []byte(`other = "خلاصه"`), 1)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(dst)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got := docgen(t, "i18n", "merge", "--root", dir); !strings.Contains(got, "fa   1 folded in; 1 to translate") {
		t.Errorf("merge of goi18n's files: %s", got)
	}
	if m := readMessages(t, filepath.Join(dir, "locales/fa.toml"))["Summary"]; m == nil || m.Other != "خلاصه" {
		t.Errorf("translation from goi18n's translate file not folded in: %+v", m)
	}
	docgen(t, "build", "--quiet", "--root", dir)
}
