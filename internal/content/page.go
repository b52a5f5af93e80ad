package content

import (
	"github.com/docgen/docgen/internal/diag"

	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ReadPage reads the one page at path (relative to root, slash-separated,
// "content/<slug>/<lang>.md") for an incremental build, without keeping its
// body (see ReadBody). It returns nil, nil when the file is gone or is not
// a page. known reports whether a language code is configured.
func ReadPage(root, path string, known func(code string) bool) (*Page, error) {
	rel, ok := strings.CutPrefix(path, "content/")
	if !ok {
		return nil, nil
	}
	slug, lang, err := ParseFileName(rel)
	if err != nil {
		if d, ok := diag.As(err); ok {
			d.File = path
			return nil, d
		}
		return nil, err
	}
	if slug == "" {
		return nil, nil
	}
	full := filepath.Join(root, filepath.FromSlash(path))
	fi, err := os.Lstat(full)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		return nil, ErrSymlink(path)
	}
	if !known(lang) {
		return nil, ErrUnknownLanguage(path, lang)
	}
	src, err := ReadFile(root, path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	p, err := Parse(path, slug, lang, src)
	if err != nil {
		return nil, err
	}
	FillGitDates(root, []*Page{p})
	p.Body = nil
	return p, nil
}
