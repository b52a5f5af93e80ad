package content

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/docgen/docgen/internal/diag"
	"github.com/docgen/docgen/internal/safefile"
)

// MaxAsset is the size limit of a static file or a file beside a page.
const MaxAsset int64 = 256 << 20

// Asset is a file published as it is: from static/, or beside a page.
type Asset struct {
	Src  string // path relative to the site root, slash-separated
	Slug string // the page it sits beside (its folder path); "" for static/
	Rel  string // path below static/ or below the page's folder
}

// Assets lists the files of static/ and the files beside pages in
// content/<slug>/ (anything but pages, hidden files and folders), at any
// depth. Only
// regular files are listed; anything else is an error naming it.
func Assets(root string) ([]Asset, error) {
	var out []Asset
	var errs diag.List
	walk := func(dir string, add func(rel string)) error {
		base := filepath.Join(root, dir)
		err := filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == base && os.IsNotExist(err) {
					return nil
				}
				return err
			}
			rel, _ := filepath.Rel(base, p)
			rel = filepath.ToSlash(rel)
			if p != base && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if !d.Type().IsRegular() {
				errs.Add(diag.Errorf(dir+"/"+rel, 0, "replace it with a regular file, or move it out of "+dir+"/",
					"%s is not a regular file", safefile.Kind(d.Type())))
				return nil
			}
			add(rel)
			return nil
		})
		return err
	}
	if err := walk("static", func(rel string) { out = append(out, Asset{Src: "static/" + rel, Rel: rel}) }); err != nil {
		return nil, err
	}
	// A file belongs to the nearest folder above it that is a page or a
	// section (a folder with a Markdown file in it or below it).
	pageDirs := map[string]bool{}
	var files []string
	err := walk("content", func(rel string) {
		if strings.HasSuffix(strings.ToLower(rel), ".md") {
			for d := path.Dir(rel); d != "."; d = path.Dir(d) {
				pageDirs[d] = true
			}
			return // pages, or errors Load reports
		}
		files = append(files, rel)
	})
	if err != nil {
		return nil, err
	}
	for _, rel := range files {
		for d := path.Dir(rel); d != "."; d = path.Dir(d) {
			if pageDirs[d] {
				out = append(out, Asset{Src: "content/" + rel, Slug: d, Rel: rel[len(d)+1:]})
				break
			}
		}
		// Otherwise not a page's: a file directly in content/ or in a
		// folder without pages.
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Src < out[j].Src })
	return out, nil
}

// ReadAsset reads an asset's bytes, refusing anything but a regular file
// inside the site.
func ReadAsset(root string, a Asset) ([]byte, error) {
	data, err := safefile.Read(root, filepath.FromSlash(path.Clean(a.Src)), MaxAsset)
	if err != nil {
		return nil, diag.Errorf(a.Src, 0, "check the file", "cannot read: %v", err)
	}
	return data, nil
}
