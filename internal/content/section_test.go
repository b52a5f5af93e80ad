package content

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestSectionPages(t *testing.T) {
	p := func(slug, lang string) *Page { return &Page{Slug: slug, Lang: lang} }
	pages := []*Page{p("guides", "en"), p("guides/auth/oauth", "en"), p("guides/auth/oauth", "fa"), p("reference/getting-started/cli", "fa"), p("top", "en")}
	got := ""
	for _, s := range SectionPages(pages, "en") {
		got += fmt.Sprintf("%s %s %q %v %v|", s.Slug, s.Path, s.Front.Title, s.Generated, s.Body != nil)
	}
	// guides has its own en.md; guides/auth and reference/... do not (a
	// translation alone does not make a section's page).
	want := `guides/auth content/guides/auth/ "Auth" true true|reference content/reference/ "Reference" true true|reference/getting-started content/reference/getting-started/ "Getting started" true true|`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestAssetsBelongToTheNearestPage(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{
		"content/guides/en.md", "content/guides/banner.png",
		"content/guides/auth/oauth/en.md", "content/guides/auth/oauth/flow.svg", "content/guides/auth/oauth/img/step1.png",
		"content/guides/auth/logo.svg", // auth has no page of its own: a section
		"content/loose/file.txt",       // a folder without pages
		"content/top.txt",
	} {
		path := filepath.Join(root, f)
		os.MkdirAll(filepath.Dir(path), 0o755)
		os.WriteFile(path, []byte("x"), 0o644)
	}
	as, err := Assets(root)
	if err != nil {
		t.Fatal(err)
	}
	got := ""
	for _, a := range as {
		got += a.Slug + " " + a.Rel + "|"
	}
	want := "guides/auth logo.svg|guides/auth/oauth flow.svg|guides/auth/oauth img/step1.png|guides banner.png|"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
