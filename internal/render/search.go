package render

import (
	"errors"
	"fmt"
	"strings"

	"github.com/docgen/docgen/internal/search"
	"github.com/docgen/docgen/internal/site"
)

// searchTarget is a language's search index: its manifest at
// <lang>/search.json, with shards and page fragments under <lang>/search/
// (the shards' names are known only once the index is built: see
// SearchFile).
func searchTarget(ls *site.Language) Target {
	return Target{Path: ls.Lang.Code + "/" + search.ManifestName, Kind: SearchIndex, Lang: ls.Lang.Code}
}

// SearchFile reports whether an output path is a file of lang's search
// index, which decides its own files (a patched index drops the shards it
// no longer has).
func SearchFile(lang, p string) bool {
	rest, ok := strings.CutPrefix(p, lang+"/")
	return ok && search.IsIndexFile(rest)
}

// Earlier is what the renderer may read of the last build's output, to
// patch a search index instead of building it whole.
type Earlier struct {
	// Read returns a file of the output as it is now (the patch checks it
	// against Hash).
	Read func(path string) ([]byte, error)
	// Hash returns the checksum (filesum.Sum64) of a file the last build wrote.
	Hash func(path string) (uint64, bool)
}

// searchFiles builds a language's index: the manifest first, then the
// shards and page fragments (these go to in.Emit instead when it is set
// and the index is built whole). When t.Patch is set and in.Earlier holds
// the index of the same pages, it is patched (search.Index.Patch): only
// the changed pages are read, and files that keep their bytes come back
// with Keep set.
func (in Input) searchFiles(ls *site.Language, t Target) ([]File, error) {
	idx, err := in.searchIndex(ls)
	if err != nil {
		return nil, err
	}
	dir := ls.Lang.Code + "/"
	if t.Patch != nil && in.Earlier != nil {
		changed := map[string]bool{}
		for _, pg := range ls.Pages {
			if t.Patch[pg.Guide.Slug] {
				changed[pg.URL()] = true
			}
		}
		var pages []int
		for i, d := range idx.Docs {
			if changed[d.URL] {
				pages = append(pages, i)
			}
		}
		read := func(name string) ([]byte, error) { return in.Earlier.Read(dir + name) }
		hash := func(name string) (uint64, bool) { return in.Earlier.Hash(dir + name) }
		files, err := idx.Patch(pages, read, hash)
		if err == nil {
			out := make([]File, len(files))
			for i, f := range files {
				out[i] = File{Path: dir + f.Name, Data: f.Data, Keep: f.Data == nil}
			}
			return out, nil
		}
		if !errors.Is(err, search.ErrRebuild) {
			return nil, err
		}
		// The last build's index cannot be patched: built whole below.
	}
	var emit func(search.File) error
	if in.Emit != nil {
		// Page fragments go out as they are made.
		emit = func(f search.File) error {
			return in.Emit([]File{{Path: dir + f.Name, Data: f.Data}})
		}
	}
	files, err := idx.Shard(emit)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 || files[0].Name != search.ManifestName {
		return nil, fmt.Errorf("search index of %s: no manifest", ls.Lang.Code)
	}
	out := make([]File, len(files))
	for i, f := range files {
		out[i] = File{Path: dir + f.Name, Data: f.Data}
	}
	return out, nil
}
