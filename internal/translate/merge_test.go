package translate

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/docgen/docgen/internal/catalog"
)

const testConfig = "title = \"Docs\"\nbase_url = \"https://example.org/\"\n[languages.en]\nname = \"English\"\n[languages.fr]\nname = \"Français\"\norder = 2\n[languages.id]\nname = \"Indonesia\"\norder = 3\n"

// newSite writes files into a temporary site folder.
func newSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["config.toml"] = testConfig
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func merge(t *testing.T, dir string) string {
	t.Helper()
	s, err := Open(Options{Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := s.Merge(&b); err != nil {
		t.Fatalf("merge: %v", err)
	}
	return b.String()
}

func read(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	return string(data)
}

func messages(t *testing.T, dir, name string) map[string]*i18n.Message {
	t.Helper()
	msgs, err := catalog.Parse(name, []byte(read(t, dir, name)))
	if err != nil {
		t.Fatalf("%s does not parse: %v", name, err)
	}
	out := map[string]*i18n.Message{}
	for _, m := range msgs {
		out[m.ID] = m
	}
	return out
}

// translate sets a message's forms in a work file, as a translator would.
func translate(t *testing.T, dir, name, id string, forms map[string]string) {
	t.Helper()
	msgs, err := catalog.Parse(name, []byte(read(t, dir, name)))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, m := range msgs {
		if m.ID == id {
			found = true
			for f, text := range forms {
				catalog.SetField(m, f, text)
			}
		}
	}
	if !found {
		t.Fatalf("%s has no %s", name, id)
	}
	write(t, dir, name, string(catalog.Marshal("", msgs)))
}

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func hashOf(desc, other string) string {
	return catalog.Hash(&i18n.Message{Description: desc, Other: other})
}

const enBase = "# English.\n\n[Hello]\ndescription = \"Greeting\"\nother = \"Hello\"\n"

// The translation survives a change of the English description alone, and
// stays current.
func TestMergeKeepsTranslationWhenOnlyDescriptionChanges(t *testing.T) {
	dir := newSite(t, map[string]string{"locales/en.toml": enBase + "\n[NewFeature]\ndescription = \"Badge on new guides\"\nother = \"New\"\n"})
	merge(t, dir)
	translate(t, dir, workFile("fr"), "NewFeature", map[string]string{"other": "Nouveau"})
	write(t, dir, "locales/en.toml", enBase+"\n[NewFeature]\ndescription = \"Badge on new guides!\"\nother = \"New\"\n")
	out := merge(t, dir)
	m := messages(t, dir, "locales/fr.toml")["NewFeature"]
	if m == nil || m.Other != "Nouveau" {
		t.Fatalf("translation lost: %+v\n%s", m, out)
	}
	if want := hashOf("Badge on new guides!", "New"); m.Hash != want {
		t.Errorf("hash %s, want the current English's %s (only the description changed)", m.Hash, want)
	}
}

// A translation made from English that changed before the merge is kept,
// and marked stale.
func TestMergeKeepsTranslationOfOlderEnglishAsStale(t *testing.T) {
	dir := newSite(t, map[string]string{"locales/en.toml": enBase + "\n[NewFeature]\ndescription = \"Badge\"\nother = \"New\"\n"})
	merge(t, dir)
	translate(t, dir, workFile("fr"), "NewFeature", map[string]string{"other": "Nouveau"})
	write(t, dir, "locales/en.toml", enBase+"\n[NewFeature]\ndescription = \"Badge\"\nother = \"Brand new\"\n")
	out := merge(t, dir)
	m := messages(t, dir, "locales/fr.toml")["NewFeature"]
	if m == nil || m.Other != "Nouveau" || m.Hash != hashOf("Badge", "New") {
		t.Fatalf("got %+v, want the translation with the hash of the English it was made from\n%s", m, out)
	}
	if !strings.Contains(out, "kept as stale") || !strings.Contains(read(t, dir, workFile("fr")), "Nouveau") {
		t.Errorf("not reported stale or not offered again:\n%s\n%s", out, read(t, dir, workFile("fr")))
	}
}

// Merging again and again after an English change never marks a stale
// translation current: only a translator's change does.
func TestMergeNeverMarksStaleCurrent(t *testing.T) {
	fr := "[Hello]\ndescription = \"Greeting\"\nhash = \"" + hashOf("Greeting", "Hello") + "\"\nother = \"Bonjour\"\n"
	dir := newSite(t, map[string]string{"locales/en.toml": enBase, "locales/fr.toml": fr})
	write(t, dir, "locales/en.toml", "[Hello]\ndescription = \"Greeting\"\nother = \"Hello there\"\n")
	for i := 0; i < 3; i++ {
		out := merge(t, dir)
		if !strings.Contains(out, "fr   0 folded in; 1 to translate (1 stale)") {
			t.Fatalf("merge %d:\n%s", i+1, out)
		}
	}
	if got := read(t, dir, "locales/fr.toml"); got != fr {
		t.Errorf("fr.toml changed:\n%s", got)
	}
	translate(t, dir, workFile("fr"), "Hello", map[string]string{"other": "Bonjour à vous"})
	merge(t, dir)
	if m := messages(t, dir, "locales/fr.toml")["Hello"]; m.Other != "Bonjour à vous" || m.Hash != hashOf("Greeting", "Hello there") {
		t.Errorf("after the translator's change: %+v", m)
	}
}

// merge keeps plural forms it was not given and every comment.
func TestMergeKeepsFormsAndComments(t *testing.T) {
	en := "[Hello]\ndescription = \"Greeting\"\nother = \"Hello\"\n\n[GuideCount]\ndescription = \"Count\"\none = \"{{.Count}} guide\"\nother = \"{{.Count}} guides\"\n"
	fr := "# French catalog: keep this header.\n\n# Reviewed by Anne.\n[GuideCount]\ndescription = \"Count\"\nhash = \"" + hashOf("Count", "{{.Count}} pages") + "\"\none = \"{{.Count}} guide\"\nmany = \"{{.Count}} de guides\"  # for millions\nother = \"{{.Count}} guides\"\n\n[Hello]\ndescription = \"Greeting\"\nhash = \"" + hashOf("Greeting", "Hello") + "\"\nother = \"Bonjour\" # formal\n"
	dir := newSite(t, map[string]string{"locales/en.toml": en, "locales/fr.toml": fr})
	// Nothing to fold: the file is left byte for byte.
	merge(t, dir)
	if got := read(t, dir, "locales/fr.toml"); got != fr {
		t.Fatalf("fr.toml changed though nothing was folded:\n%s", got)
	}
	// The translator's tool drops the many line; merge keeps it.
	work := read(t, dir, workFile("fr"))
	msgs, _ := catalog.Parse("w", []byte(work))
	for _, m := range msgs {
		if m.ID == "GuideCount" {
			m.Many, m.One, m.Other = "", "{{.Count}} guide !", "{{.Count}} guides !"
		}
	}
	write(t, dir, workFile("fr"), string(catalog.Marshal("", msgs)))
	merge(t, dir)
	got := read(t, dir, "locales/fr.toml")
	m := messages(t, dir, "locales/fr.toml")["GuideCount"]
	if m.Many != "{{.Count}} de guides" || m.One != "{{.Count}} guide !" {
		t.Errorf("forms: %+v", m)
	}
	for _, line := range []string{"# French catalog: keep this header.", "# Reviewed by Anne.", "  # for millions", "other = \"Bonjour\" # formal"} {
		if !strings.Contains(got, line) {
			t.Errorf("lost %q:\n%s", line, got)
		}
	}
}

// failingWrite fails at the n-th write (from 0), as a full disk or a
// crash would: the file it was writing is left as it was.
type failingWrite struct{ n, calls int }

func (f *failingWrite) write(path string, data []byte) error {
	defer func() { f.calls++ }()
	if f.calls == f.n {
		return fmt.Errorf("injected failure writing %s", path)
	}
	return os.WriteFile(path, data, 0o644)
}

// A merge that stops at any write leaves every catalog and work file
// parseable and loses no translation; the next merge finishes the job.
func TestMergeStoppedAtAnyWriteLosesNothing(t *testing.T) {
	en := enBase + "\n[A]\ndescription = \"a\"\nother = \"Apple\"\n\n[B]\ndescription = \"b\"\nother = \"Bee\"\n"
	setup := func() string {
		dir := newSite(t, map[string]string{"locales/en.toml": en,
			"locales/fr.toml": "# fr\n[Hello]\ndescription = \"Greeting\"\nhash = \"" + hashOf("Greeting", "Hello") + "\"\nother = \"Bonjour\"\n"})
		merge(t, dir)
		translate(t, dir, workFile("fr"), "A", map[string]string{"other": "Pomme"})
		translate(t, dir, workFile("id"), "B", map[string]string{"other": "Lebah"})
		translate(t, dir, workFile("id"), "Hello", map[string]string{"other": "Halo"})
		return dir
	}
	want := map[string]map[string]string{"fr": {"Hello": "Bonjour", "A": "Pomme"}, "id": {"B": "Lebah", "Hello": "Halo"}}
	for n := 0; ; n++ {
		dir := setup()
		fw := &failingWrite{n: n}
		s, err := Open(Options{Root: dir, Write: fw.write})
		if err != nil {
			t.Fatal(err)
		}
		err = s.Merge(io.Discard)
		for lang, texts := range want {
			cat := messages(t, dir, "locales/"+lang+".toml")
			work := messages(t, dir, workFile(lang))
			for id, text := range texts {
				if (cat[id] == nil || cat[id].Other != text) && (work[id] == nil || work[id].Other != text) {
					t.Errorf("write %d failed: %s %q lost from %s", n, id, text, lang)
				}
			}
		}
		merge(t, dir)
		for lang, texts := range want {
			cat := messages(t, dir, "locales/"+lang+".toml")
			for id, text := range texts {
				if cat[id] == nil || cat[id].Other != text {
					t.Errorf("write %d failed, then merged: %s %q not in %s.toml", n, id, text, lang)
				}
			}
		}
		if err == nil {
			if n < 3 {
				t.Fatalf("merge made only %d writes", n)
			}
			break // n is past the last write: every point was tried
		}
	}
}
