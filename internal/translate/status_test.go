package translate

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/docgen/docgen/internal/content"
)

const enPage = "+++\ntitle = \"Reset\"\nupdated = 2025-01-01\n+++\n\nIntro text.\n\n## What happens {#what}\n\nThe old token stops working.\n\n## How {#how}\n\nOpen the API center.\n"

func open(t *testing.T, dir string) *Site {
	t.Helper()
	s, err := Open(Options{Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// --accept changes exactly the named translation, and in it only the
// source_hash line: CRLF line ends and a byte-order mark stay.
func TestAcceptChangesOnlyItsLine(t *testing.T) {
	fr := "\ufeff+++\r\ntitle = \"Réinitialiser\"\r\nsource = \"en.md\"\r\nsource_hash = \"sha256:old\"\r\n+++\r\n\r\nTexte.  \r\n"
	id := "+++\ntitle = \"Atur ulang\"\nsource = \"en.md\"\nsource_hash = \"sha256:old\"\n+++\n\nTeks.\n"
	dir := newSite(t, map[string]string{"content/reset/en.md": enPage, "content/reset/fr.md": fr, "content/reset/id.md": id})
	var out bytes.Buffer
	if err := open(t, dir).Accept(&out, []string{"content/reset/fr.md"}); err != nil {
		t.Fatal(err)
	}
	p, _ := content.Parse("en.md", "reset", "en", []byte(enPage))
	want := strings.Replace(fr, "sha256:old", p.Hash, 1)
	if got := read(t, dir, "content/reset/fr.md"); got != want {
		t.Errorf("fr.md:\n got %q\nwant %q", got, want)
	}
	if got := read(t, dir, "content/reset/id.md"); got != id {
		t.Errorf("id.md was not named but changed:\n%q", got)
	}
	if err := open(t, dir).Accept(&out, []string{"reset"}); err == nil || !strings.Contains(err.Error(), "name one translation") {
		t.Errorf("--accept reset: %v, want a refusal", err)
	}
	if got := read(t, dir, "content/reset/id.md"); got != id {
		t.Errorf("id.md changed by a refused accept")
	}
}

// git runs git in dir with a fixed identity and date.
func git(t *testing.T, dir, date string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(cmd.Environ(), "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// diff finds the English a translation was synced with in git history and
// shows the sections changed since; status counts them; SourceChanged
// gives the date of the change.
func TestDiffFromGitHistory(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	p, _ := content.Parse("en.md", "reset", "en", []byte(enPage))
	fr := "+++\ntitle = \"Réinitialiser\"\nsource = \"en.md\"\nsource_hash = \"" + p.Hash + "\"\n+++\n\nTexte.\n"
	dir := newSite(t, map[string]string{"content/reset/en.md": enPage, "content/reset/fr.md": fr})
	git(t, dir, "2025-01-01T10:00:00Z", "init", "-q")
	git(t, dir, "2025-01-01T10:00:00Z", "add", ".")
	git(t, dir, "2025-01-01T10:00:00Z", "commit", "-q", "-m", "first")
	write(t, dir, "content/reset/en.md", strings.Replace(enPage, "The old token stops working.", "The old token stops working at once.", 1))
	git(t, dir, "2025-03-04T10:00:00Z", "commit", "-q", "-am", "edit")

	var out bytes.Buffer
	if err := open(t, dir).Diff(&out, "fr", "reset"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"content/reset/fr.md: 1 section of content/reset/en.md changed since the translation was synced (commit ",
		"@@ changed: ## What happens {#what}\n",
		"- The old token stops working.\n+ The old token stops working at once.\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("diff lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "## How") {
		t.Errorf("diff shows an unchanged section:\n%s", out.String())
	}
	out.Reset()
	counts, err := open(t, dir).Status(&out, false)
	if err != nil || counts[Stale] != 1 || !strings.Contains(out.String(), "stale reset/fr: 1 section changed since commit") {
		t.Errorf("status: %v %v\n%s", counts, err, out.String())
	}
	date, ok := SourceChanged(dir, "content/reset/en.md", p.Hash)
	if !ok || !date.Equal(time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("SourceChanged = %v, %v; want 2025-03-04T10:00:00Z", date, ok)
	}
}

// Without git history, diff uses the snapshot docgen kept when the
// translation was accepted.
func TestDiffFromSnapshot(t *testing.T) {
	dir := newSite(t, map[string]string{"content/reset/en.md": enPage,
		"content/reset/fr.md": "+++\ntitle = \"R\"\nsource = \"en.md\"\n+++\n\nTexte.\n"})
	if err := open(t, dir).Accept(&bytes.Buffer{}, []string{"content/reset/fr.md"}); err != nil {
		t.Fatal(err)
	}
	write(t, dir, "content/reset/en.md", enPage+"\n## New part\n\nMore.\n")
	var out bytes.Buffer
	if err := open(t, dir).Diff(&out, "fr", ""); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "(snapshot .docgen/translate/sources/reset/sha256-") || !strings.Contains(out.String(), "@@ added: ## New part\n+ ## New part\n") {
		t.Errorf("diff:\n%s", out.String())
	}
}

func TestCompareSections(t *testing.T) {
	then := "Intro.\n\n## A {#a}\n\nOne.\n\n```\n## not a heading\n```\n\n## B\n\nTwo.\n"
	now := "Intro.\n\n## A, renamed {#a}\n\nOne.\n\n```\n## not a heading\n```\n\n## C\n\nThree.\n"
	var kinds []string
	for _, c := range compareSections(then, now) {
		kinds = append(kinds, c.Kind+" "+c.Heading)
	}
	if got := strings.Join(kinds, "; "); got != "changed ## A, renamed {#a}; added ## C; removed ## B" {
		t.Errorf("got %q", got)
	}
}

// FuzzSections: splitting a body loses and adds no line, and a body
// compared with itself has no changed section.
func FuzzSections(f *testing.F) {
	f.Add(enPage)
	f.Add("Intro\n\n```\n# x\n```\n## A {#a}\n\ntext\n## A {#a}\n")
	f.Add("~~~\n## in code\n```\n## still code\n~~~\n# H\n")
	f.Fuzz(func(t *testing.T, body string) {
		var lines []string
		for _, s := range splitSections(body) {
			lines = append(lines, s.Lines...)
		}
		if got, want := strings.Join(lines, "\n"), strings.TrimRight(body, "\n"); strings.TrimSpace(got) != strings.TrimSpace(want) {
			t.Fatalf("sections of %q join to %q", body, got)
		}
		if c := compareSections(body, body); len(c) != 0 {
			t.Fatalf("%q differs from itself: %+v", body, c)
		}
	})
}
