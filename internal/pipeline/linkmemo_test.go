package pipeline

import (
	"reflect"
	"strings"
	"testing"

	"github.com/docgen/docgen/internal/publish"
)

// An edit re-checks only the edited pages' links, but a page that did not
// change is checked again when what it links to did: each update's result
// equals a check of the whole site from scratch.
func TestLinkCheckAfterEdits(t *testing.T) {
	dir := copySite(t)
	b, mem := builtSession(t, dir)
	beta := "+++\ntitle = \"Beta\"\nweight = 2\nupdated = 2025-01-02\n+++\n\n"
	steps := []struct {
		name, path, text string
		broken           string // part of the error, "" when the build succeeds
	}{
		{"an external link in beta", "content/beta/en.md", beta + "## Usage\n\nSee [the spec](https://example.com/spec).\n", ""},
		// alpha links to beta#usage and is not edited: it must be checked again.
		{"beta's heading renamed", "content/beta/en.md", beta + "## Use\n\nText.\n", "#usage"},
		{"beta's heading back", "content/beta/en.md", beta + "## Usage\n\nText.\n", ""},
		{"a broken link in alpha's translation", "content/alpha/fa.md", "+++\ntitle = \"Alpha FA\"\nsource = \"en.md\"\nupdated = 2025-01-03\n+++\n\n## Intro FA\n\n[x](../gamma/en.md)\n", "gamma"},
	}
	for _, step := range steps {
		write(t, dir, step.path, step.text)
		_, err := b.Apply(Change{Paths: []string{step.path}}, mem)
		switch {
		case step.broken == "" && err != nil:
			t.Fatalf("%s: %v", step.name, err)
		case step.broken != "" && (err == nil || !strings.Contains(err.Error(), step.broken)):
			t.Fatalf("%s: error %v, want one naming %q", step.name, err, step.broken)
		}
		fresh := NewSession(Options{Root: dir})
		_, freshErr := fresh.Apply(Change{All: true}, publish.NewMemory())
		fresh.Close()
		if (err == nil) != (freshErr == nil) || err != nil && err.Error() != freshErr.Error() {
			t.Fatalf("%s: update says %v, a build from scratch %v", step.name, err, freshErr)
		}
		if err == nil && !reflect.DeepEqual(b.last.links, fresh.last.links) {
			t.Fatalf("%s: update's links %+v, from scratch %+v", step.name, b.last.links, fresh.last.links)
		}
	}
}
