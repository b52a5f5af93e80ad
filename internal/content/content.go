// Package content loads the pages under content/: one folder per page, one
// file per language (content/<slug>/<lang>.md), each with TOML front matter.
// Folders nest to any depth: a folder holding <lang>.md files is a page, a
// folder holding page folders is a section (and a page too when it has
// <lang>.md files of its own), and the slug is the folder's path below
// content/ ("guides/auth/oauth").
package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/docgen/docgen/internal/diag"
	"github.com/docgen/docgen/internal/filesum"
	"github.com/docgen/docgen/internal/parallel"
	"github.com/docgen/docgen/internal/safefile"
)

// Page is one Markdown file: a guide in one language.
type Page struct {
	Slug     string      // folder path below content/, e.g. "developer-token-reset" or "guides/auth/oauth"
	Lang     string      // language code from the file name, e.g. "fa"
	Path     string      // path relative to the site root, with forward slashes
	Front    FrontMatter // decoded front matter
	Body     []byte      // Markdown after the front matter
	BodyLine int         // line of Path on which Body starts
	Hash     string      // "sha256:<hex>" of the body, for translation tracking
	Updated  time.Time   // Front.Updated, or the last git commit date of the file
	// Generated marks a section's index page that docgen made because the
	// section's folder has no page of the source language (see
	// SectionPages); Path is then the folder's ("content/guides/").
	Generated bool
	// bodyAt is where Body starts in the file (after Normalize), so
	// ReadBody finds it again without parsing the front matter.
	bodyAt int
	// bodySum is the checksum of Body's bytes, by which ReadBody sees a
	// body that changed since (0: compare Hash).
	bodySum uint64
}

var slugPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// ParseFileName splits "<slug>/<lang>.md" (relative to content/) into slug and
// language code, where the slug is a folder path of any depth
// ("guides/auth/oauth"); slug is "" for files docgen does not treat as pages.
func ParseFileName(rel string) (slug, lang string, err error) {
	rel = filepath.ToSlash(rel)
	dir, file := path2(rel)
	if !strings.HasSuffix(file, ".md") {
		if ext := filepath.Ext(file); strings.EqualFold(ext, ".md") {
			want := strings.TrimSuffix(file, ext) + ".md"
			return "", "", diag.Errorf(rel, 0, "rename it to "+want, "page file name ends in %q; docgen reads only .md in lower case", ext)
		}
		return "", "", nil
	}
	if dir == "" {
		return "", "", diag.Errorf(rel, 0, "put each page in a folder of its own, content/<slug>/<lang>.md", "page is not in a folder under content/")
	}
	if !ValidSlug(dir) {
		return "", "", diag.Errorf(rel, 0, "use lower-case letters, digits and hyphens in folder names", "invalid page slug %q", dir)
	}
	return dir, strings.TrimSuffix(file, ".md"), nil
}

// ValidSlug reports whether slug is a page's folder path: one or more
// folder names of lower-case letters, digits and hyphens, joined by "/".
func ValidSlug(slug string) bool {
	for _, seg := range strings.Split(slug, "/") {
		if !slugPattern.MatchString(seg) {
			return false
		}
	}
	return true
}

func path2(rel string) (dir, file string) {
	i := strings.LastIndexByte(rel, '/')
	if i < 0 {
		return "", rel
	}
	return rel[:i], rel[i+1:]
}

// Load reads every page under root/dir. known reports whether a language
// code is configured. Dates missing from front matter come from git.
func Load(root, dir string, known func(code string) bool) ([]*Page, error) {
	return load(root, dir, known, true)
}

// LoadFrontMatter is Load without keeping the bodies (Body is nil; Hash and
// BodyLine are set), for builds that read each body when they need it
// (see ReadBody) rather than hold a whole site's text.
func LoadFrontMatter(root, dir string, known func(code string) bool) ([]*Page, error) {
	return load(root, dir, known, false)
}

// ReadFile reads the page file at path (relative to root, with forward
// slashes) as Load does: only a regular file inside the site is read, and a
// named pipe never blocks. The error names path; a missing file's error
// wraps fs.ErrNotExist.
func ReadFile(root, path string) ([]byte, error) {
	data, err := safefile.Read(root, filepath.FromSlash(path), safefile.MaxText)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, err
	case errors.Is(err, safefile.ErrNotRegular):
		return nil, diag.Errorf(path, 0, "a page must be a regular file", "cannot read page: %v", err)
	case err != nil:
		return nil, diag.Errorf(path, 0, "check the file's permissions", "cannot read page: %v", err)
	}
	return data, nil
}

// ReadBody reads p's file again from site (the site's root folder) and
// returns its body; it fails if the body is no longer the one Load hashed.
func ReadBody(site *safefile.Dir, p *Page) ([]byte, error) {
	if p.Body != nil {
		return p.Body, nil
	}
	data, err := site.ReadFile(filepath.FromSlash(p.Path), safefile.MaxText)
	if err != nil {
		return nil, diag.Errorf(p.Path, 0, "build again", "cannot read the page again: %v", err)
	}
	data = Normalize(data)
	var body []byte
	if p.bodyAt > 0 && p.bodyAt <= len(data) {
		body = data[p.bodyAt:] // checked below
	} else if _, body, _, err = ParseFrontMatter(p.Path, data); err != nil {
		return nil, err
	}
	// The same bytes as Load read, or (for a page without a checksum) the
	// same text as far as Hash sees.
	if p.bodySum != 0 && filesum.Sum64(body) != p.bodySum || p.bodySum == 0 && HashBody(body) != p.Hash {
		return nil, diag.Errorf(p.Path, 0, "build again once the file is saved", "the page changed while it was being built")
	}
	return body, nil
}

func load(root, dir string, known func(code string) bool, keepBodies bool) ([]*Page, error) {
	base := filepath.Join(root, dir)
	site, err := safefile.OpenDir(root)
	if err != nil {
		return nil, diag.Errorf(dir, 0, "run docgen in the site's folder or pass --root", "cannot open the site folder: %v", err)
	}
	defer site.Close()
	var pages []*Page
	var errs diag.List
	// What the walk finds, in its order: an error, or a page file to read.
	var found []readResult
	walkErr := func(d *diag.Diagnostic) { found = append(found, readResult{errs: diag.List{d}}) }
	err = filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(base, p)
		shown := filepath.ToSlash(filepath.Join(dir, rel))
		if d.Type()&fs.ModeSymlink != 0 {
			walkErr(ErrSymlink(shown))
			return nil
		}
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && p != base {
				return fs.SkipDir
			}
			if p != base && strings.EqualFold(filepath.Ext(d.Name()), ".md") {
				walkErr(diag.Errorf(shown, 0, "a page is a file: move what the folder holds and make "+shown+" the Markdown file itself",
					"a folder is named like a page"))
				return fs.SkipDir
			}
			return nil
		}
		slug, lang, perr := ParseFileName(rel)
		if perr != nil {
			d, _ := diag.As(perr)
			d.File = shown
			walkErr(d)
			return nil
		}
		if slug == "" {
			return nil // not a page: never opened, so a named pipe here cannot block
		}
		if !d.Type().IsRegular() {
			walkErr(ErrNotRegular(shown, d.Type()))
			return nil
		}
		if !known(lang) {
			e := ErrUnknownLanguage(shown, lang)
			if low := strings.ToLower(lang); low != lang && known(low) {
				e.Hint = "rename it to " + low + ".md"
			}
			walkErr(e)
			return nil
		}
		found = append(found, readResult{job: &readJob{shown: shown, rel: rel, slug: slug, lang: lang}})
		return nil
	})
	// The pages are read and their front matter parsed on all cores.
	parallel.Each(len(found), func(i int) error {
		if j := found[i].job; j != nil {
			found[i] = readPage(site, dir, *j, keepBodies)
		}
		return nil
	})
	for _, r := range found {
		errs = append(errs, r.errs...)
		if r.page != nil {
			pages = append(pages, r.page)
		}
	}
	if err != nil {
		return nil, diag.Errorf(dir, 0, "create the content/ folder with one folder per guide", "cannot read content: %v", err)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	FillGitDates(root, pages)
	sort.Slice(pages, func(i, j int) bool { return pages[i].Path < pages[j].Path })
	return pages, nil
}

// readJob is a page file load found; readResult is what the walk found
// (an error, or a job) until the job is read, then what reading it gave.
type readJob struct{ shown, rel, slug, lang string }

type readResult struct {
	job  *readJob
	page *Page
	errs diag.List
}

// readPage reads one page file and parses its front matter.
func readPage(site *safefile.Dir, dir string, j readJob, keepBodies bool) readResult {
	src, err := site.ReadFile(filepath.Join(dir, j.rel), safefile.MaxText)
	if errors.Is(err, safefile.ErrNotRegular) {
		return readResult{errs: diag.List{diag.Errorf(j.shown, 0, "a page must be a regular file", "cannot read page: %v", err)}}
	}
	if err != nil {
		return readResult{errs: diag.List{diag.Errorf(j.shown, 0, "check the file's permissions", "cannot read page: %v", err)}}
	}
	page, err := Parse(j.shown, j.slug, j.lang, src)
	if err != nil {
		if l, ok := err.(diag.List); ok {
			return readResult{errs: l}
		}
		if d, ok := diag.As(err); ok {
			return readResult{errs: diag.List{d}}
		}
		return readResult{}
	}
	if !keepBodies {
		page.Body = nil
	}
	return readResult{page: page}
}

// ErrSymlink is the error for a symbolic link found in content/.
func ErrSymlink(path string) *diag.Diagnostic {
	return diag.Errorf(path, 0, "replace the symbolic link with the file itself", "symbolic links are not followed in content/")
}

// ErrNotRegular is the error for a named pipe, device or socket named like
// a page.
func ErrNotRegular(path string, mode fs.FileMode) *diag.Diagnostic {
	return diag.Errorf(path, 0, "replace it with a regular Markdown file, or remove it", "page is %s, not a regular file", safefile.Kind(mode))
}

// ErrUnknownLanguage is the error for a page named after no configured language.
func ErrUnknownLanguage(path, lang string) *diag.Diagnostic {
	return diag.Errorf(path, 0, "name the file after a language in config.toml, e.g. en.md or fa.md", "unknown language %q", lang)
}

// Parse builds a Page from a file's bytes.
func Parse(path, slug, lang string, src []byte) (*Page, error) {
	src = Normalize(src)
	fm, body, bodyLine, err := ParseFrontMatter(path, src)
	if err != nil {
		return nil, err
	}
	return &Page{Slug: slug, Lang: lang, Path: path, Front: fm, Body: body, BodyLine: bodyLine,
		Hash: HashBody(body), Updated: fm.Updated, bodyAt: len(src) - len(body), bodySum: filesum.Sum64(body)}, nil
}

// HashBody returns the hash recorded in translations to detect stale ones.
// Whitespace at line ends and blank-line runs do not change it.
func HashBody(body []byte) string {
	h := sha256.New()
	blank := false
	for rest := bytes.TrimSpace(body); ; {
		line, after, found := bytes.Cut(rest, []byte("\n"))
		line = bytes.TrimRight(line, " \t")
		if len(line) == 0 {
			if !blank {
				h.Write([]byte("\n"))
			}
			blank = true
		} else {
			blank = false
			h.Write(line)
			h.Write([]byte("\n"))
		}
		if !found {
			break
		}
		rest = after
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// FillGitDates sets Updated from git for pages whose front matter has none.
// Without git or history the date stays zero and the page shows no date.
func FillGitDates(root string, pages []*Page) {
	var missing []string
	for _, p := range pages {
		if p.Updated.IsZero() {
			missing = append(missing, p.Path)
		}
	}
	if len(missing) == 0 {
		return
	}
	cmd := exec.Command("git", append([]string{"log", "--relative", "--format=%x00%cI", "--name-only", "--"}, missing...)...)
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return
	}
	dates := map[string]time.Time{}
	var cur time.Time
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "\x00") {
			cur, _ = time.Parse(time.RFC3339, line[1:])
			continue
		}
		if line != "" && !cur.IsZero() {
			if _, seen := dates[line]; !seen {
				dates[line] = cur.UTC()
			}
		}
	}
	for _, p := range pages {
		if p.Updated.IsZero() {
			p.Updated = dates[p.Path]
		}
	}
}
