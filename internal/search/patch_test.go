package search

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// fileSet shards idx into a map of file names to bytes.
func fileSet(t testing.TB, idx *Index) map[string][]byte {
	t.Helper()
	files, err := idx.Shard(nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		if _, dup := out[f.Name]; dup {
			t.Fatalf("two files named %s", f.Name)
		}
		out[f.Name] = f.Data
	}
	return out
}

// patch runs Patch on the old files and applies its result as a caller
// would: write what has Data, keep what has none, remove what it leaves
// out. It returns the new files and how many were written.
func patch(t testing.TB, idx *Index, changed []int, old map[string][]byte) (map[string][]byte, int, error) {
	got, written, _, err := patchReads(t, idx, changed, old)
	return got, written, err
}

// patchReads is patch that also says how many old files Patch read.
func patchReads(t testing.TB, idx *Index, changed []int, old map[string][]byte) (map[string][]byte, int, int, error) {
	t.Helper()
	reads := 0
	files, err := idx.Patch(changed, func(name string) ([]byte, error) {
		reads++
		b, ok := old[name]
		if !ok {
			return nil, fmt.Errorf("no file %s", name)
		}
		return b, nil
	}, func(name string) (uint64, bool) {
		b, ok := old[name]
		return crc(b), ok
	})
	if err != nil {
		return nil, 0, reads, err
	}
	out := map[string][]byte{}
	written := 0
	for _, f := range files {
		if f.Data == nil {
			b, ok := old[f.Name]
			if !ok {
				t.Fatalf("Patch keeps %s, which the old index lacks", f.Name)
			}
			out[f.Name] = b
			continue
		}
		written++
		out[f.Name] = f.Data
	}
	return out, written, reads, nil
}

// editable is an index's input that a test edits page by page.
type editable struct {
	lang  string
	pages []editPage
	cut   cutRule
}

type editPage struct {
	url, title string
	secs       []Section
}

// index builds the index; loads counts the pages whose sections it reads.
func (e *editable) index(loads map[int]int) *Index {
	ps := make([]Page, len(e.pages))
	for i, p := range e.pages {
		data := EncodeSections(p.secs)
		ps[i] = Page{URL: p.url, Title: p.title}
		if loads == nil {
			ps[i].Sections = data
			continue
		}
		ps[i].Load = func() ([]byte, error) { loads[i]++; return data, nil }
	}
	idx := Build(e.lang, ps)
	idx.cut = e.cut
	return idx
}

// vocab is Latin, Persian (with zero-width non-joiners) and Thai words,
// and made-up words so that edits bring keys the index lacks.
var vocab = strings.Fields("token tokens reset دسترسی درخواست‌های می‌شوند كتاب aa aaa abab ab b ba โทเค็น ก่อนหน้า การรีเซ็ต ทันที ใช้ไม่ได้ Mise à jour état")

func randomPhrase(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := range n {
		w := vocab[r.IntN(len(vocab))]
		if r.IntN(5) == 0 {
			w = fmt.Sprintf("w%d", r.IntN(400))
		}
		if i > 0 && (r.IntN(3) > 0 || !strings.ContainsAny(w, "กขคงจฉชซญดตถทธนบปผพฟภมยรลวศสหอฮ")) {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

func randomSections(r *rand.Rand) []Section {
	var secs []Section
	for s := range r.IntN(5) {
		secs = append(secs, Section{Anchor: fmt.Sprint("s", s), Heading: randomPhrase(r, r.IntN(3)), Text: randomPhrase(r, r.IntN(30))})
	}
	return secs
}

// edit changes page i at random (or not at all) and says how.
func (e *editable) edit(r *rand.Rand, i int) string {
	p := &e.pages[i]
	p.secs = slices.Clone(p.secs)
	switch k := r.IntN(7); {
	case k == 0 && len(p.secs) > 0:
		s := r.IntN(len(p.secs))
		p.secs[s].Text = randomPhrase(r, r.IntN(30))
		return "text"
	case k == 1 && len(p.secs) > 0:
		s := r.IntN(len(p.secs))
		p.secs[s].Text += " " + randomPhrase(r, 1)
		return "word"
	case k == 2:
		s := r.IntN(len(p.secs) + 1)
		p.secs = slices.Insert(p.secs, s, Section{Anchor: "new", Heading: randomPhrase(r, 2), Text: randomPhrase(r, 10)})
		return "section added"
	case k == 3 && len(p.secs) > 0:
		s := r.IntN(len(p.secs))
		p.secs = slices.Delete(p.secs, s, s+1)
		return "section removed"
	case k == 4:
		p.title = randomPhrase(r, r.IntN(4))
		return "title"
	case k == 5:
		p.secs = nil
		return "emptied"
	}
	return "none"
}

// shape is what a test needs to know of an index's shards: each key's
// postings size and the shards' first keys.
func shape(t *testing.T, files map[string][]byte) (sizes map[string]int, firsts []string) {
	t.Helper()
	var m Manifest
	if err := json.Unmarshal(files[ManifestName], &m); err != nil {
		t.Fatal(err)
	}
	sizes = map[string]int{}
	for j, s := range m.Shards {
		firsts = append(firsts, s[0])
		var raw [][3]json.RawMessage
		if err := json.Unmarshal(files[m.ShardName(j)], &raw); err != nil {
			t.Fatal(err)
		}
		for _, r := range raw {
			var k, p string
			json.Unmarshal(r[0], &k)
			json.Unmarshal(r[2], &p)
			sizes[k] += len(p)
		}
	}
	return sizes, firsts
}

// Patching an index after random edits of one to three pages gives
// exactly the files sharding the edited index gives, for Latin, Persian
// and Thai text, indexes of 1 to 300 pages, and shard rules that cut
// small indexes into many shards; only the changed pages are read. The
// edits must have added and removed keys that start a shard by their hash,
// made keys cross the big-postings size both ways, and changed the first key.
func TestPatchEqualsShard(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	seen := map[string]int{}
	rounds := 300
	if testing.Short() {
		rounds = 60
	}
	for round := range rounds {
		e := &editable{lang: "x", cut: cutRule{every: uint64(2 + r.IntN(6)), big: 8 + r.IntN(60)}}
		if round%10 == 0 {
			e.cut = cutRule{} // the format's own rule
		}
		n := 1 + r.IntN(300)
		if round%3 == 0 {
			n = 1 + r.IntN(12)
		}
		for i := range n {
			e.pages = append(e.pages, editPage{url: fmt.Sprintf("x/p%03d/", i), title: randomPhrase(r, r.IntN(4)), secs: randomSections(r)})
		}
		before := fileSet(t, e.index(nil))
		var changed []int
		var how []string
		for range 1 + r.IntN(3) {
			i := r.IntN(n)
			changed = append(changed, i)
			how = append(how, e.edit(r, i))
		}
		if r.IntN(4) == 0 {
			changed = append(changed, r.IntN(n)) // perhaps an unchanged page
		}
		for _, h := range how {
			seen[h]++
		}
		want := fileSet(t, e.index(nil))
		loads := map[int]int{}
		got, _, err := patch(t, e.index(loads), changed, before)
		if err != nil {
			t.Fatalf("round %d (%d pages, %v): %v", round, n, how, err)
		}
		for i := range loads {
			if !slices.Contains(changed, i) {
				t.Fatalf("round %d: Patch read page %d, which did not change", round, i)
			}
		}
		if !maps.EqualFunc(got, want, func(a, b []byte) bool { return string(a) == string(b) }) {
			for name, b := range want {
				if string(got[name]) != string(b) {
					t.Errorf("%s: patched\n%s\nwant\n%s", name, got[name], b)
				}
			}
			for name := range got {
				if _, ok := want[name]; !ok {
					t.Errorf("%s: patched, not in the rebuilt index", name)
				}
			}
			t.Fatalf("round %d (%d pages, rule %+v, pages %v changed: %v): patched index differs from the rebuilt one", round, n, e.cut, changed, how)
		}
		// What the edits did to the shards.
		rule := e.index(nil).rule()
		oldSizes, oldFirsts := shape(t, before)
		newSizes, newFirsts := shape(t, want)
		for k, s := range newSizes {
			if o, ok := oldSizes[k]; !ok && keyHash(k)%rule.every == 0 {
				seen["hash boundary added"]++
			} else if ok && (o < rule.big) != (s < rule.big) {
				seen["crossed big"]++
			}
		}
		for k := range oldSizes {
			if _, ok := newSizes[k]; !ok && keyHash(k)%rule.every == 0 {
				seen["hash boundary removed"]++
			}
		}
		if len(oldFirsts) > 0 && len(newFirsts) > 0 && oldFirsts[0] != newFirsts[0] {
			seen["first key"]++
		}
	}
	for _, c := range []string{"text", "word", "section added", "section removed", "title", "emptied", "none", "hash boundary added", "hash boundary removed", "crossed big", "first key"} {
		if seen[c] == 0 {
			t.Errorf("no round with %s", c)
		}
	}
	t.Log(seen)
}

// A one-word edit in one page of a 400-page index rewrites the manifest,
// the page's fragment and the shards of the word removed and the word
// added, each of which may be split in two or joined to the shard before
// it when the edit moves a boundary: at most six files. It reads the
// manifest, the fragment and those shards (and the ones before them when
// a boundary goes): at most six files too.
func TestPatchOneWordWritesAFewFiles(t *testing.T) {
	pages := synthPages(2, "en", 400, 1200)
	idx := Build("en", pages)
	before := fileSet(t, idx)
	var secs []Section
	if err := json.Unmarshal(idx.Docs[123].encoded, &secs); err != nil {
		t.Fatal(err)
	}
	w := strings.Fields(secs[1].Text)
	w[len(w)/2] = "unheardof"
	secs[1].Text = strings.Join(w, " ")
	pages2 := slices.Clone(pages)
	for i, p := range pages {
		if p.URL == idx.Docs[123].URL {
			pages2[i].Sections = EncodeSections(secs)
		}
	}
	after := Build("en", pages2)
	got, written, reads, err := patchReads(t, after, []int{123}, before)
	if err != nil {
		t.Fatal(err)
	}
	want := fileSet(t, after)
	if !maps.EqualFunc(got, want, func(a, b []byte) bool { return string(a) == string(b) }) {
		t.Fatal("patched index differs from the rebuilt one")
	}
	if written < 3 || written > 6 {
		t.Errorf("Patch wrote %d of %d files, want 3 to 6", written, len(want))
	}
	if reads > 6 {
		t.Errorf("Patch read %d files, want at most 6", reads)
	}
	t.Logf("read %d and wrote %d of %d files", reads, written, len(want))
}

// Patch refuses, with ErrRebuild, an old index it cannot patch.
func TestPatchNeedsRebuild(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	e := &editable{lang: "x", cut: cutRule{every: 3, big: 30}}
	for i := range 40 {
		e.pages = append(e.pages, editPage{url: fmt.Sprintf("x/p%03d/", i), title: randomPhrase(r, 2), secs: randomSections(r)})
	}
	before := fileSet(t, e.index(nil))
	e.pages[7].secs = append(e.pages[7].secs, Section{Text: "token reset ก่อนหน้า"})
	var m Manifest
	if err := json.Unmarshal(before[ManifestName], &m); err != nil {
		t.Fatal(err)
	}
	if _, _, err := patch(t, e.index(nil), []int{7}, before); err != nil {
		t.Fatalf("the unaltered index: %v", err)
	}
	// The shard the new text's first key falls in.
	shard := m.ShardName(max(0, sortSearch(m, "ก่อนหน้า")-1))
	cases := map[string]func(files map[string][]byte) *Index{
		"version 3": func(files map[string][]byte) *Index {
			files[ManifestName] = []byte(strings.Replace(string(files[ManifestName]), `"v":4`, `"v":3`, 1))
			return e.index(nil)
		},
		"another fragment size": func(files map[string][]byte) *Index {
			files[ManifestName] = []byte(strings.Replace(string(files[ManifestName]), `"group":4`, `"group":1`, 1))
			return e.index(nil)
		},
		"no manifest": func(files map[string][]byte) *Index {
			delete(files, ManifestName)
			return e.index(nil)
		},
		"another page count": func(files map[string][]byte) *Index {
			e2 := *e
			e2.pages = append(slices.Clone(e.pages), editPage{url: "x/q/", title: "new"})
			return e2.index(nil)
		},
		"corrupted shard": func(files map[string][]byte) *Index {
			files[shard] = append([]byte(`[["a",0,"1"]`+"\n"), files[shard][1:]...)
			return e.index(nil)
		},
		"truncated shard": func(files map[string][]byte) *Index {
			files[shard] = files[shard][:len(files[shard])/2]
			return e.index(nil)
		},
		"missing fragment": func(files map[string][]byte) *Index {
			delete(files, FragmentName(7/PagesPerFragment))
			return e.index(nil)
		},
		"fragment short of a page": func(files map[string][]byte) *Index {
			alterFragment(t, files, 7/PagesPerFragment, func(docs [][]byte) [][]byte { return docs[:len(docs)-1] })
			return e.index(nil)
		},
		"fragment with pages swapped": func(files map[string][]byte) *Index {
			alterFragment(t, files, 7/PagesPerFragment, func(docs [][]byte) [][]byte {
				slices.Reverse(docs)
				return docs
			})
			return e.index(nil)
		},
	}
	for name, alter := range cases {
		t.Run(name, func(t *testing.T) {
			files := maps.Clone(before)
			idx := alter(files)
			if _, _, err := patch(t, idx, []int{7}, files); !errors.Is(err, ErrRebuild) {
				t.Errorf("Patch = %v, want ErrRebuild", err)
			}
		})
	}
	// A file altered after it was written (its checksum is the old one).
	files := maps.Clone(before)
	altered := append([]byte(nil), files[shard]...)
	altered[len(altered)-3] ^= 1
	_, err := idxPatch(e.index(nil), []int{7}, func(name string) []byte {
		if name == shard {
			return altered
		}
		return files[name]
	}, func(name string) []byte { return files[name] })
	if !errors.Is(err, ErrRebuild) {
		t.Errorf("Patch over a shard altered since it was written = %v, want ErrRebuild", err)
	}
}

// sortSearch is the index of the first shard whose first key is after key.
func sortSearch(m Manifest, key string) int {
	for j, s := range m.Shards {
		if s[0] > key {
			return j
		}
	}
	return len(m.Shards)
}

// idxPatch runs Patch with files read by read and checksums of sum's files.
func idxPatch(idx *Index, changed []int, read, sum func(string) []byte) ([]File, error) {
	return idx.Patch(changed, func(name string) ([]byte, error) {
		if b := read(name); b != nil {
			return b, nil
		}
		return nil, errors.New("missing")
	}, func(name string) (uint64, bool) {
		b := sum(name)
		return crc(b), b != nil
	})
}

// alterFragment rewrites fragment g of files with its pages (as Doc.json
// writes them) changed by alter, as Shard would write the result.
func alterFragment(t *testing.T, files map[string][]byte, g int, alter func([][]byte) [][]byte) {
	t.Helper()
	docs, err := splitFragment(files[FragmentName(g)])
	if err != nil {
		t.Fatal(err)
	}
	files[FragmentName(g)] = joinFragment(alter(docs))
}
