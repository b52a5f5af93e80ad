package render

import (
	"bytes"
	"fmt"

	"github.com/docgen/docgen/internal/search"
	"github.com/docgen/docgen/internal/site"
)

// searchTarget is a language's search index: its manifest at
// <lang>/search.json, and its shards and page fragments under
// <lang>/search/ as More (their names depend on the number of pages only).
func searchTarget(ls *site.Language) Target {
	dir := ls.Lang.Code + "/"
	names := search.FileNames(len(ls.Pages))
	t := Target{Path: dir + names[0], Kind: SearchIndex, Lang: ls.Lang.Code, More: make([]string, 0, len(names)-1)}
	for _, n := range names[1:] {
		t.More = append(t.More, dir+n)
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
	emitted := 0
	if in.Emit != nil {
		// Page fragments go out as they are made.
		emit = func(f search.File) error {
			emitted++
			return in.Emit([]File{{Path: ls.Lang.Code + "/" + f.Name, Data: f.Data}})
		}
	}
	files, err := idx.Shard(emit)
	if err != nil {
		return nil, err
	}
	if want := search.FileNames(len(ls.Pages)); len(files)+emitted != len(want) {
		return nil, fmt.Errorf("search index of %s: %d files, want %d", ls.Lang.Code, len(files)+emitted, len(want))
	}
	b.Write(files[0].Data)
	out := make([]File, 0, len(files)-1)
	for _, f := range files[1:] {
		out = append(out, File{Path: ls.Lang.Code + "/" + f.Name, Data: f.Data})
	}
	return out, nil
}
