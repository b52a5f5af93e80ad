package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// A language's search index is several files (manifest, shards,
// fragments of search.PagesPerFragment pages). An update that leaves a
// language's index alone keeps its files; one that adds pages past a
// fragment's end writes a new fragment, one that drops them removes the
// fragment no longer made, and the result equals a full build.
func TestUpdateKeepsAndRemovesSearchShards(t *testing.T) {
	dir := copySite(t)
	b, mem := builtSession(t, dir)
	for _, p := range []string{"en/search.json", "en/search/p0.json", "fa/search/p0.json"} {
		if _, ok := mem.Files[p]; !ok {
			t.Fatalf("full build lacks %s", p)
		}
	}

	// A body edit of the fa page: en's index is neither written nor removed.
	write(t, dir, "content/alpha/fa.md", "+++\ntitle = \"Alpha FA\"\nsource = \"en.md\"\nupdated = 2025-01-03\n+++\n\n## Intro FA\n\nEdited body.\n")
	ch, err := b.Apply(Change{Paths: []string{"content/alpha/fa.md"}}, mem)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range append(ch.Written, ch.Removed...) {
		if strings.HasPrefix(p, "en/search") {
			t.Errorf("a fa edit touched %s", p)
		}
	}
	if _, ok := mem.Files["en/search/p0.json"]; !ok {
		t.Errorf("a fa edit removed en/search/p0.json")
	}

	// Three new guides make five pages, so every language gets a second
	// fragment; removing them again removes it.
	var added []string
	for _, g := range []string{"gamma", "delta", "epsilon"} {
		p := "content/" + g + "/en.md"
		write(t, dir, p, "+++\ntitle = \""+g+"\"\n+++\n\n## Use\n\n"+g+" text.\n")
		added = append(added, p)
	}
	if _, err = b.Apply(Change{Paths: added}, mem); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"en/search/p1.json", "fa/search/p1.json"} {
		if _, ok := mem.Files[p]; !ok {
			t.Errorf("adding three guides did not write %s", p)
		}
	}
	for _, p := range added {
		if err := os.Remove(filepath.Join(dir, p)); err != nil {
			t.Fatal(err)
		}
	}
	ch, err = b.Apply(Change{Paths: added}, mem)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"en/search/p1.json", "fa/search/p1.json"} {
		if !contains(ch.Removed, p) {
			t.Errorf("removing the three guides did not remove %s; removed %v", p, ch.Removed)
		}
	}
	full, err := Render(Options{Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range full.Files {
		if string(mem.Files[f.Path]) != string(f.Data) {
			t.Errorf("%s differs between incremental and full build", f.Path)
		}
	}
	if len(full.Files) != len(mem.Files) {
		t.Errorf("incremental build has %d files, full build %d", len(mem.Files), len(full.Files))
	}
}

// An edit of one page of a larger site patches its language's index: the
// index's other files are kept without being made again, a shard the edit
// empties is removed, and after each edit the output equals a build from
// scratch.
func TestEditPatchesSearchIndex(t *testing.T) {
	dir := copySite(t)
	words := strings.Fields("token refresh client secret consent screen scope grant account manager developer access level basic standard review")
	for i := range 120 {
		var body strings.Builder
		for j := range 40 {
			body.WriteString(words[(i*7+j*3)%len(words)] + fmt.Sprintf(" w%dx%d ", i, j%5))
		}
		write(t, dir, fmt.Sprintf("content/g%03d/en.md", i), fmt.Sprintf("+++\ntitle = \"Guide %d\"\n+++\n\n## Part\n\n%s\n", i, body.String()))
	}
	b, mem := builtSession(t, dir)
	edits := []struct{ name, text string }{
		{"one word", "+++\ntitle = \"Guide 7\"\n+++\n\n## Part\n\ntoken refresh unusualword\n"},
		{"a section more", "+++\ntitle = \"Guide 7\"\n+++\n\n## Part\n\ntoken refresh unusualword\n\n## Another\n\nconsent zzzfinal\n"},
		{"title", "+++\ntitle = \"Guide seven\"\n+++\n\n## Part\n\ntoken\n"},
	}
	for _, e := range edits {
		write(t, dir, "content/g007/en.md", e.text)
		ch, err := b.Apply(Change{Paths: []string{"content/g007/en.md"}}, mem)
		if err != nil {
			t.Fatal(err)
		}
		searchWritten := 0
		for _, p := range ch.Written {
			if strings.HasPrefix(p, "en/search") {
				searchWritten++
			}
		}
		// Each of the other languages shows the English page as a
		// fallback and patches its index too (each of the three
		// indexes is 36 files: the manifest, a few shards and 31
		// fragments of 122 pages); en keeps all
		// but a few.
		if ch.Kept < 80 || searchWritten > 8 {
			t.Errorf("%s: %d index files kept, %d of en's written; want an index patched, not made again", e.name, ch.Kept, searchWritten)
		}
		full, err := Render(Options{Root: dir})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range full.Files {
			if string(mem.Files[f.Path]) != string(f.Data) {
				t.Errorf("%s: %s differs between the patched and the full build", e.name, f.Path)
			}
		}
		if len(full.Files) != len(mem.Files) {
			t.Errorf("%s: patched build has %d files, full build %d", e.name, len(mem.Files), len(full.Files))
		}
	}
}

// The plan of a text-only edit, made from the edited guides alone, is the
// plan made from the list of every output.
func TestEditPlanEqualsFullPlan(t *testing.T) {
	dir := copySite(t)
	write(t, dir, "content/gamma/en.md", "+++\ntitle = \"Gamma\"\naliases = [\"old-gamma\"]\n+++\n\n## Use\n\nText.\n")
	b, _ := builtSession(t, dir)
	st := b.last
	for _, aff := range []affected{
		{slugs: map[string]bool{"gamma": true}, search: map[string]bool{"en": true, "fa": true, "fr": true}},
		{slugs: map[string]bool{"alpha": true}, search: map[string]bool{"fa": true}},
		{slugs: map[string]bool{"alpha": true, "beta": true}, search: map[string]bool{}},
	} {
		fast, removed := plan(st, st, aff)
		full, fullRemoved := planAll(st, st, aff)
		if !reflect.DeepEqual(fast, full) || len(removed)+len(fullRemoved) != 0 {
			t.Errorf("%v: plan\n%+v\nwant\n%+v", aff.slugs, fast, full)
		}
	}
}

// A guide named "search" publishes <lang>/search/index.html, beside the
// search index's files: an edit that patches the index must not take the
// guide's page for an index file it no longer has.
func TestGuideNamedSearchSurvivesEdits(t *testing.T) {
	dir := copySite(t)
	write(t, dir, "content/search/en.md", "+++\ntitle = \"Searching\"\n+++\n\n## How\n\nType a word.\n")
	b, mem := builtSession(t, dir)
	write(t, dir, "content/alpha/fa.md", "+++\ntitle = \"Alpha FA\"\nsource = \"en.md\"\nupdated = 2025-01-03\n+++\n\n## Intro FA\n\nEdited body.\n")
	ch, err := b.Apply(Change{Paths: []string{"content/alpha/fa.md"}}, mem)
	if err != nil {
		t.Fatal(err)
	}
	if contains(ch.Removed, "fa/search/index.html") {
		t.Errorf("an edit of alpha removed the guide named search: %v", ch.Removed)
	}
	if _, ok := mem.Files["fa/search/index.html"]; !ok {
		t.Error("fa/search/index.html is gone after an edit of alpha")
	}
}
