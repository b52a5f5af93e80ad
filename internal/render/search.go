package render

import (
	"bytes"

	"github.com/docgen/docgen/internal/search"
	"github.com/docgen/docgen/internal/site"
)

// searchTarget is a language's search index: its manifest at
// <lang>/search.json, and its page fragments under <lang>/search/ as More
// (the shards' names are known only once the index is built).
func searchTarget(ls *site.Language) Target {
	dir := ls.Lang.Code + "/"
	t := Target{Path: dir + search.ManifestName, Kind: SearchIndex, Lang: ls.Lang.Code, More: make([]string, 0, len(ls.Pages))}
	for i := range ls.Pages {
		t.More = append(t.More, dir+search.PageName(i))
	}
	return t
}

// searchFiles builds a language's index and writes its manifest to b; it
// returns the shards and page fragments, in searchTarget's order (the
// fragments go to in.Emit instead when it is set).
func (in Input) searchFiles(ls *site.Language, b *bytes.Buffer) ([]File, error) {
	idx, err := in.searchIndex(ls)
	if err != nil {
		return nil, err
	}
	var emit func(search.File) error
	if in.Emit != nil {
		// Page fragments go out as they are made.
		emit = func(f search.File) error {
			return in.Emit([]File{{Path: ls.Lang.Code + "/" + f.Name, Data: f.Data}})
		}
	}
	files, err := idx.Shard(emit)
	if err != nil {
		return nil, err
	}
	b.Write(files[0].Data)
	out := make([]File, 0, len(files)-1)
	for _, f := range files[1:] {
		out = append(out, File{Path: ls.Lang.Code + "/" + f.Name, Data: f.Data})
	}
	return out, nil
}
