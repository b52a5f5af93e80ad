package main

import (
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/docgen/docgen/internal/catalog"
)

// A merge killed (SIGKILL) at random moments leaves every catalog and work
// file parseable and loses no translation: each text a translator wrote is
// in the catalog or still in the work file.
func TestKilledMergeLosesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds docgen")
	}
	bin := filepath.Join(t.TempDir(), "docgen")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	langs := []string{"fa", "fr", "id", "th", "vi"}
	template := t.TempDir()
	var cfg, en strings.Builder
	cfg.WriteString("title = \"Docs\"\nbase_url = \"https://example.org/\"\n[languages.en]\nname = \"English\"\n")
	for i, l := range langs {
		fmt.Fprintf(&cfg, "[languages.%s]\nname = %q\norder = %d\n", l, l, i+2)
	}
	en.WriteString("# English.\n")
	for i := 0; i < 1500; i++ {
		fmt.Fprintf(&en, "\n[M%04d]\ndescription = \"Message %d\"\nother = \"English text number %d\"\n", i, i, i)
	}
	mustWrite(t, filepath.Join(template, "config.toml"), cfg.String())
	mustWrite(t, filepath.Join(template, "locales", "en.toml"), en.String())
	if out, err := exec.Command(bin, "i18n", "merge", "--root", template).CombinedOutput(); err != nil {
		t.Fatalf("first merge: %v\n%s", err, out)
	}
	// Translators do every message of their work file.
	want := map[string]string{} // "lang id" → text
	for _, l := range langs {
		p := filepath.Join(template, ".docgen", "translate", l+".toml")
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		msgs, err := catalog.Parse(p, data)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range msgs {
			m.Other = l + " " + m.ID
			want[l+" "+m.ID] = m.Other
		}
		mustWrite(t, p, string(catalog.Marshal("", msgs)))
	}
	start := time.Now()
	full := copySite(t, template)
	if out, err := exec.Command(bin, "i18n", "merge", "--root", full).CombinedOutput(); err != nil {
		t.Fatalf("merge: %v\n%s", err, out)
	}
	took := time.Since(start)
	check(t, full, langs, want, "complete merge")

	rng := rand.New(rand.NewSource(1))
	killed := 0
	for i := 0; i < 12; i++ {
		dir := copySite(t, template)
		cmd := exec.Command(bin, "i18n", "merge", "--root", dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int63n(int64(took))))
		if cmd.Process.Signal(syscall.SIGKILL) == nil {
			killed++
		}
		cmd.Wait()
		check(t, dir, langs, want, fmt.Sprintf("kill %d", i))
		// The next merge completes the job.
		if out, err := exec.Command(bin, "i18n", "merge", "--root", dir).CombinedOutput(); err != nil {
			t.Fatalf("merge after kill %d: %v\n%s", i, err, out)
		}
		check(t, dir, langs, want, fmt.Sprintf("merge after kill %d", i))
	}
	t.Logf("full merge %v; %d of 12 runs killed before they ended", took, killed)
}

// check fails the test if a catalog or work file does not parse or a
// translation is in neither.
func check(t *testing.T, dir string, langs []string, want map[string]string, when string) {
	t.Helper()
	for _, l := range langs {
		have := map[string]string{}
		for _, p := range []string{filepath.Join(dir, "locales", l+".toml"), filepath.Join(dir, ".docgen", "translate", l+".toml")} {
			data, err := os.ReadFile(p)
			if os.IsNotExist(err) {
				continue
			}
			msgs, err := catalog.Parse(p, data)
			if err != nil {
				t.Fatalf("%s: %s does not parse: %v", when, p, err)
			}
			for _, m := range msgs {
				if m.Other == l+" "+m.ID {
					have[m.ID] = m.Other
				}
			}
		}
		for key, text := range want {
			lang, id, _ := strings.Cut(key, " ")
			if lang == l && have[id] != text {
				t.Fatalf("%s: %s lost %s %q", when, l, id, text)
			}
		}
	}
}

func mustWrite(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func copySite(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dst
}
