package pipeline

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/docgen/docgen/internal/benchcorpus"
	"github.com/docgen/docgen/internal/render"
)

// A language with more guides than render.NavLimit lists the guides around
// the current one in the sidebar and links to the index, which lists all.
func TestSidebarIsBoundedOnLargeSites(t *testing.T) {
	dir := t.TempDir()
	n := render.NavLimit + 15
	if err := benchcorpus.WriteDocgen(dir, benchcorpus.Options{Guides: n, Seed: 3, Words: 150},
		os.DirFS("../../layouts"), os.DirFS("../../locales")); err != nil {
		t.Fatal(err)
	}
	res, err := Render(Options{Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Path] = string(f.Data)
	}
	sidebar := regexp.MustCompile(`(?s)<nav class="sidebar".*?</nav>`)
	links := regexp.MustCompile(`<li><a href=`)
	for _, ls := range res.Site.Languages {
		for i, pg := range ls.Pages {
			if i != 0 && i != n/2 && i != n-1 {
				continue
			}
			html := files[pg.URL()+"index.html"]
			nav := sidebar.FindString(html)
			if got := len(links.FindAllString(nav, -1)); got != render.NavLimit {
				t.Errorf("%s: sidebar lists %d guides, want %d", pg.URL(), got, render.NavLimit)
			}
			if !strings.Contains(nav, `aria-current="page"`) {
				t.Errorf("%s: sidebar leaves out the current page", pg.URL())
			}
			if !strings.Contains(nav, `class="sidebar-all"><a href="../../`+ls.Lang.Code+`/">`) {
				t.Errorf("%s: sidebar has no link to all guides", pg.URL())
			}
		}
		index := files[ls.Lang.Code+"/index.html"]
		main := index[strings.Index(index, "<main"):]
		if got := strings.Count(main, `<a href="../`+ls.Lang.Code+`/guide-`); got != n {
			t.Errorf("%s index lists %d guides, want %d", ls.Lang.Code, got, n)
		}
	}
}
