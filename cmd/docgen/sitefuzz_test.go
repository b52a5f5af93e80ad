package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A site for FuzzSite before the fuzzer's edits: it builds.
var fuzzBase = map[string]string{
	"config.toml": "title = \"Docs\"\nbase_url = \"https://example.org/docs/\"\n\n[languages.en]\nname = \"English\"\n\n" +
		"[languages.fa]\nname = \"فارسی\"\ndir = \"rtl\"\norder = 2\n\n[languages.vi]\nname = \"Tiếng Việt\"\norder = 3\n",
	"content/a/en.md": "+++\ntitle = \"Alpha\"\nweight = 10\n+++\n\n## One {#one}\n\nSee [beta](../b/).\n",
	"content/a/fa.md": "+++\ntitle = \"آلفا\"\nsource = \"en.md\"\n+++\n\n## یک {#one}\n\nمتن.\n",
	"content/b/en.md": "+++\ntitle = \"Beta\"\nupdated = 2026-01-31\n+++\n\nText.\n",
}

// Where the fuzzer's edits land: the site's pages, catalogs, config and
// places a build ignores.
var fuzzPaths = []string{
	"content/a/en.md", "content/a/fa.md", "content/a/vi.md", "content/b/en.md", "content/b/vi.md",
	"content/c/en.md", "content/a/vi.MD", "content/a/VI.md", "content/a/xx.md", "content/top.md",
	"content/a/notes.txt", "content/.cache/pipe", "content/a/b/en.md", "content/Bad/en.md",
	"locales/en.toml", "locales/fa.toml", "locales/vi.toml", "locales/xx.toml", "locales/vi.toml.bak",
	"layouts/extra.html", "config.toml",
}

// Front-matter and catalog fragments the fuzzer combines with its text.
var fuzzFront = []string{
	"title = %q\n", "updated = %s\n", "weight = %s\n", "draft = true\n", "source = \"en.md\"\n",
	"source_hash = %q\n", "description = %q\n", "summary = [%q]\n", "%s = 1\n", "title = \"T\"\n",
}

var errorLine = regexp.MustCompile(`^(config\.toml|content/|locales/|layouts/)[^:\s]*(:\d+)*: `)

// FuzzSite builds random sites through the command line: a good site is
// built first, then edited with pages, catalogs, front matter and special
// files (named pipes, links to devices and out of the site, folders named
// like pages) and built again. No build panics or hangs; a failed build
// leaves the previous output byte for byte, and each error names a file.
func FuzzSite(f *testing.F) {
	// Each operation is two bytes: the kind (low 3 bits) and the path
	// (the other 5) of an edit, then its argument.
	f.Add([]byte{0x10, 0}, "Vi|12:30:00|x")
	f.Add([]byte{0x01, 37}, "Alpha|2026-01-01|")
	f.Add([]byte{0x83, 0, 0x5c, 0}, "pipe")
	f.Add([]byte{0x84, 0}, "/dev/zero")
	f.Add([]byte{0x72, 16}, "{{.X}}")
	f.Add([]byte{0x15, 0}, "")
	f.Add([]byte{0xa1, 0}, "base_url = \"javascript://x/\"")
	f.Add([]byte{0x17, 1, 0x30, 17}, "x|9999-12-31T23:59:59-23:59")
	f.Add([]byte{0x20, 34, 0x1e, 0, 0x07, 65}, "## Two {#one}|2026-02-30")
	layouts := os.DirFS("../../layouts")
	enCatalog, err := os.ReadFile("../../locales/en.toml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, ops []byte, text string) {
		dir := t.TempDir()
		root, out := filepath.Join(dir, "site"), filepath.Join(dir, "public")
		if err := os.CopyFS(filepath.Join(root, "layouts"), layouts); err != nil {
			t.Fatal(err)
		}
		files := map[string]string{"locales/en.toml": string(enCatalog)}
		for name, text := range fuzzBase {
			files[name] = text
		}
		for name, text := range files {
			writeFile(t, root, name, text)
		}
		if code, stderr := buildSite(t, root, out); code != 0 {
			t.Fatalf("the base site does not build:\n%s", stderr)
		}
		before := outputDigest(t, out)

		pieces := strings.Split(text, "|")
		piece := func(i byte) string { return pieces[int(i)%len(pieces)] }
		for len(ops) >= 2 {
			kind, name, arg := ops[0]&7, fuzzPaths[int(ops[0]>>3)%len(fuzzPaths)], ops[1]
			ops = ops[2:]
			edit(t, root, dir, kind, name, arg, arg>>3, piece)
		}

		code, stderr := buildSite(t, root, out)
		if code == 0 {
			return
		}
		if after := outputDigest(t, out); after != before {
			t.Errorf("a failed build changed the output:\n%s", stderr)
		}
		checkErrorsNameFiles(t, root, stderr)
	})
}

// edit applies one fuzzer operation of the given kind (0-7) to the site in
// root (dir holds it); a and b choose among its variants.
func edit(t *testing.T, root, dir string, kind byte, name string, a, b byte, piece func(byte) string) {
	p := filepath.Join(root, filepath.FromSlash(name))
	os.MkdirAll(filepath.Dir(p), 0o755)
	switch kind {
	case 0: // a page built from front-matter fragments and a body
		var fm strings.Builder
		fm.WriteString("+++\n")
		for i := range int(a%4) + 1 {
			frag := fuzzFront[(int(a)+i*int(b+1))%len(fuzzFront)]
			if strings.Contains(frag, "%") {
				frag = fmt.Sprintf(frag, piece(a+byte(i)))
			}
			fm.WriteString(frag)
		}
		fm.WriteString("+++\n\n")
		fm.WriteString(piece(b))
		os.RemoveAll(p)
		writeFile(t, root, name, fm.String())
	case 1: // raw text
		os.RemoveAll(p)
		writeFile(t, root, name, piece(a))
	case 2: // a catalog entry appended
		appendFile(t, p, fmt.Sprintf("\n[%s]\nother = %q\n", []string{"AllGuides", "CalloutNote", "Search", "X"}[a%4], piece(b)))
	case 3: // a named pipe
		os.RemoveAll(p)
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Skip("no named pipes here:", err)
		}
	case 4: // a link to a device, out of the site, to a page, or nowhere
		os.RemoveAll(p)
		target := []string{"/dev/zero", "/dev/null", filepath.Join(dir, "outside.md"), "../../" + "outside.md", "en.md", "missing", "../a"}[a%7]
		os.WriteFile(filepath.Join(dir, "outside.md"), []byte("+++\ntitle = \"Out\"\n+++\n"), 0o644)
		os.Symlink(target, p)
	case 5: // a folder where a file was
		os.RemoveAll(p)
		os.MkdirAll(filepath.Join(p, "x"), 0o755)
	case 6: // removed
		os.RemoveAll(p)
	case 7: // front matter value replaced in place
		data, _ := os.ReadFile(p)
		key := []string{"title", "updated", "weight", "draft", "base_url"}[a%5]
		var lines []string
		for _, l := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(l, key+" =") {
				l = key + " = " + piece(b)
			}
			lines = append(lines, l)
		}
		os.RemoveAll(p)
		writeFile(t, root, name, strings.Join(lines, "\n"))
	}
}

func writeFile(t *testing.T, root, name, text string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return // a file stands where a folder should: the edit is skipped
	}
	os.WriteFile(p, []byte(text), 0o644)
}

func appendFile(t *testing.T, p, text string) {
	t.Helper()
	if fi, err := os.Lstat(p); err != nil || !fi.Mode().IsRegular() {
		return
	}
	f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return
	}
	f.WriteString(text)
	f.Close()
}

// buildSite runs docgen build on root into out. A build that has not
// returned after two minutes is a hang (a guard, not a measure of speed).
func buildSite(t *testing.T, root, out string) (int, string) {
	t.Helper()
	type result struct {
		code   int
		stderr string
	}
	done := make(chan result, 1)
	go func() {
		var stdout, stderr bytes.Buffer
		code := run([]string{"build", "--root", root, "--out", out, "--quiet"}, &stdout, &stderr)
		done <- result{code, stderr.String()}
	}()
	select {
	case r := <-done:
		return r.code, r.stderr
	case <-time.After(2 * time.Minute):
		t.Fatalf("docgen build hung on the site in %s", root)
		return 0, ""
	}
}

// outputDigest hashes every name, type and content under out.
func outputDigest(t *testing.T, out string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s %v\n", p, d.Type())
		if d.Type().IsRegular() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			fmt.Fprintf(h, "%x\n", sha256.Sum256(data))
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// checkErrorsNameFiles fails unless each error docgen build printed starts
// with the site file it is about (relative to root, or below it).
func checkErrorsNameFiles(t *testing.T, root, stderr string) {
	t.Helper()
	stderr = strings.ReplaceAll(stderr, root+string(filepath.Separator), "")
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) == 0 || lines[len(lines)-1] != "docgen build: failed; the previous output was left as it was" {
		t.Fatalf("failed build without the closing line:\n%s", stderr)
	}
	for _, l := range lines[:len(lines)-1] {
		if l == "" || strings.HasPrefix(l, "\t") || strings.HasPrefix(l, " ") {
			continue // hints and continuation lines
		}
		if !errorLine.MatchString(l) {
			t.Errorf("error names no file: %q\n%s", l, stderr)
		}
	}
}
