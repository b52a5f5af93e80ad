package search

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
)

// ErrRebuild is wrapped by the error Patch returns when it cannot bring
// the old index up to date; the caller then writes the index with Shard.
var ErrRebuild = errors.New("search index must be rebuilt")

// Patch brings a sharded index up to date after some of its pages changed,
// reading only the old manifest, the old fragments holding the changed
// pages and the shards their keys fall in (and a neighbour where a shard
// boundary moves). idx is the new index, of the same pages in the same
// order as the old one; changed lists the pages whose title or sections
// may have changed (a superset is fine); only their sections are read.
// old reads a file of the old index by name (as File.Name), and hashOf
// gives the checksum (filesum.Sum64) of an old file as it was written.
//
// Patch returns every file of the new index, in Shard's order, with Data
// nil where the old file's bytes are the new ones; old files it does not
// list are no longer part of the index. The result is exactly what Shard
// would write. When the old index cannot be patched (missing, of another
// format or size, or a file unreadable, altered or malformed), the error
// wraps ErrRebuild.
func (idx *Index) Patch(changed []int, old func(name string) ([]byte, error), hashOf func(name string) (uint64, bool)) ([]File, error) {
	o := oldIndex{old: old, hashOf: hashOf, loaded: map[string][]byte{}, rule: idx.rule()}
	if err := o.readManifest(idx); err != nil {
		return nil, err
	}
	n := len(idx.Docs)
	counts := slices.Clone(o.m.Pages)
	read := map[int][][]byte{} // the old fragments read, a page each, with the new pages in
	edits := map[entryKey][]pageEdit{}
	x := newIndexer()
	for _, i := range slices.Compact(slices.Sorted(slices.Values(changed))) {
		if i < 0 || i >= n {
			return nil, fmt.Errorf("search patch: no page %d of %d", i, n)
		}
		g := i / PagesPerFragment
		docs, ok := read[g]
		if !ok {
			var err error
			if docs, err = o.fragment(g, n); err != nil {
				return nil, err
			}
			read[g] = docs
		}
		oldData := docs[i%PagesPerFragment]
		var od Doc
		if err := json.Unmarshal(oldData, &od); err != nil || od.URL != idx.Docs[i].URL || len(od.Sections) != counts[i] {
			return nil, rebuild("%s does not hold page %s as the manifest counts it", FragmentName(g), idx.Docs[i].URL)
		}
		d := idx.Docs[i]
		sections, encoded, err := d.sections()
		if err != nil {
			return nil, err
		}
		nd := Doc{URL: d.URL, Title: d.Title, Lang: d.Lang, Sections: sections, encoded: encoded}
		data := nd.json()
		if bytes.Equal(data, oldData) {
			continue
		}
		docs[i%PagesPerFragment] = data
		counts[i] = len(sections)
		before, after := keyValues(x, od), keyValues(x, nd)
		for k, v := range before {
			if !slices.Equal(v, after[k]) {
				edits[k] = append(edits[k], pageEdit{uint32(i), after[k]})
			}
		}
		for k, v := range after {
			if _, ok := before[k]; !ok {
				edits[k] = append(edits[k], pageEdit{uint32(i), v})
			}
		}
	}
	// Each fragment read is joined again once, with all its new pages.
	fragData := map[int][]byte{} // new fragments that changed
	fragCRC := map[int]uint64{}  // checksums of the fragments read
	for g, docs := range read {
		joined := joinFragment(docs)
		fragCRC[g] = crc(joined)
		if !bytes.Equal(joined, o.loaded[FragmentName(g)]) {
			fragData[g] = joined
		}
	}

	keys := make([]entryKey, 0, len(edits))
	for k := range edits {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keyLess(keys[i], keys[j]) })
	runs, err := o.runs(keys, edits)
	if err != nil {
		return nil, err
	}

	// The new shards: the old ones outside the runs, and the runs re-cut.
	var firsts []string
	var fresh [][]byte // a re-cut shard's bytes, nil for an old shard
	var from []int     // the old shard, for an old one; -1 for a re-cut one
	j := 0
	oldShard := func(to int) {
		for ; j < to; j++ {
			firsts = append(firsts, o.firsts[j])
			fresh = append(fresh, nil)
			from = append(from, j)
		}
	}
	for _, r := range runs {
		oldShard(r.a)
		for _, s := range r.cut(o.rule) {
			firsts = append(firsts, s.first)
			fresh = append(fresh, s.data)
			from = append(from, -1)
		}
		j = r.b + 1
	}
	oldShard(len(o.firsts))
	ids := shardNames(firsts)

	frags := fragmentCount(n)
	out := make([]File, 1, 1+len(firsts)+frags)
	names := make([]string, 0, len(firsts)+frags)
	crcs := make([]uint64, 0, len(firsts)+frags)
	for j, id := range ids {
		name := shardName(id)
		file := File{Name: name, Data: fresh[j]}
		var c uint64
		switch {
		case from[j] >= 0 && o.ids[from[j]] == id:
			var ok bool
			if c, ok = hashOf(name); !ok {
				return nil, rebuild("no checksum of %s", name)
			}
		case from[j] >= 0: // the same shard under a new name
			if file.Data, err = o.read(shardName(o.ids[from[j]])); err != nil {
				return nil, err
			}
			c = crc(file.Data)
		default:
			c = crc(file.Data)
			if bytes.Equal(o.loaded[name], file.Data) {
				file.Data = nil
			}
		}
		out = append(out, file)
		names = append(names, name)
		crcs = append(crcs, c)
	}
	for g := range frags {
		name := FragmentName(g)
		c, ok := fragCRC[g]
		if !ok {
			if c, ok = hashOf(name); !ok {
				return nil, rebuild("no checksum of %s", name)
			}
		}
		out = append(out, File{Name: name, Data: fragData[g]})
		names = append(names, name)
		crcs = append(crcs, c)
	}
	manifest := writeManifest(idx.Lang, indexHash(names, crcs), firsts, ids, counts)
	if !bytes.Equal(manifest, o.manifest) {
		out[0] = File{Name: ManifestName, Data: manifest}
	} else {
		out[0] = File{Name: ManifestName}
	}
	return out, nil
}

func rebuild(format string, a ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrRebuild}, a...)...)
}

// pageEdit is a changed page's new postings of one key: 16×section +
// value for each section it occurs in (none when it no longer does).
type pageEdit struct {
	page uint32
	svs  []uint32
}

// keyValues lists a page's postings by key (see indexer.page).
func keyValues(x *indexer, d Doc) map[entryKey][]uint32 {
	out := map[entryKey][]uint32{}
	x.page(d.Title, d.Sections, func(id int32, sec int, v uint32) {
		k := x.keys[id]
		out[k] = append(out[k], uint32(sec)<<4|v)
	})
	return out
}

// oldIndex is the index Patch updates: its manifest, read and checked,
// and the shards it has read.
type oldIndex struct {
	old      func(string) ([]byte, error)
	hashOf   func(string) (uint64, bool)
	manifest []byte
	m        Manifest
	firsts   []string
	ids      []string
	loaded   map[string][]byte
	rule     cutRule
}

// read reads an old file and checks it is as it was written.
func (o *oldIndex) read(name string) ([]byte, error) {
	b, err := o.old(name)
	if err != nil {
		return nil, rebuild("%s: %v", name, err)
	}
	if c, ok := o.hashOf(name); !ok || c != crc(b) {
		return nil, rebuild("%s is not as it was written", name)
	}
	return b, nil
}

// shardID reports whether id is a shard name id: sixteen lower-case hex digits.
func shardID(id string) bool {
	if len(id) != 16 {
		return false
	}
	for i := range len(id) {
		if c := id[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// readManifest reads the old manifest and checks it is one idx can patch.
func (o *oldIndex) readManifest(idx *Index) error {
	b, err := o.old(ManifestName)
	if err != nil {
		return rebuild("%s: %v", ManifestName, err)
	}
	if c, ok := o.hashOf(ManifestName); ok && c != crc(b) {
		return rebuild("%s is not as it was written", ManifestName)
	}
	o.manifest = b
	m := &o.m
	if err := json.Unmarshal(b, m); err != nil {
		return rebuild("%s: %v", ManifestName, err)
	}
	if m.Version != formatVersion || m.Word != MaxWord || m.Gram != Gram || m.Group != PagesPerFragment || m.Lang != idx.Lang {
		return rebuild("%s: version %d, not %d", ManifestName, m.Version, formatVersion)
	}
	if len(m.Pages) != len(idx.Docs) {
		return rebuild("%s: %d pages, now %d", ManifestName, len(m.Pages), len(idx.Docs))
	}
	for j, s := range m.Shards {
		if j > 0 && s[0] <= m.Shards[j-1][0] || !shardID(s[1]) {
			return rebuild("%s: bad shard list", ManifestName)
		}
		o.firsts = append(o.firsts, s[0])
		o.ids = append(o.ids, s[1])
	}
	if !slices.Equal(shardNames(o.firsts), o.ids) {
		return rebuild("%s: bad shard names", ManifestName)
	}
	for _, c := range m.Pages {
		if c < 0 {
			return rebuild("%s: bad section count", ManifestName)
		}
	}
	return nil
}

// fragment reads old fragment g of an index of n pages and returns its
// pages as Doc.json wrote them, checking it is a fragment as Shard writes
// it.
func (o *oldIndex) fragment(g, n int) ([][]byte, error) {
	name := FragmentName(g)
	data, err := o.read(name)
	if err != nil {
		return nil, err
	}
	docs, err := splitFragment(data)
	if err != nil {
		return nil, rebuild("%s: %v", name, err)
	}
	if len(docs) != min(PagesPerFragment, n-g*PagesPerFragment) {
		return nil, rebuild("%s holds %d pages", name, len(docs))
	}
	if !bytes.Equal(joinFragment(docs), data) {
		return nil, rebuild("%s is not a fragment as Shard writes it", name)
	}
	o.loaded[name] = data
	return docs, nil
}

// rawEntry is a shard's entry with its postings as written.
type rawEntry struct {
	k    entryKey
	post []byte
}

// shard reads old shard j, checking it holds the keys from its first to
// the next shard's first, written as Shard writes them.
func (o *oldIndex) shard(j int) ([]rawEntry, error) {
	name := shardName(o.ids[j])
	data, err := o.read(name)
	if err != nil {
		return nil, err
	}
	var raw [][3]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, rebuild("%s: %v", name, err)
	}
	out := make([]rawEntry, len(raw))
	var b bytes.Buffer
	for i, r := range raw {
		var e rawEntry
		var post string
		if json.Unmarshal(r[0], &e.k.key) != nil || json.Unmarshal(r[2], &post) != nil {
			return nil, rebuild("%s: bad entry %d", name, i)
		}
		e.k.gram = string(r[1]) == "1"
		e.post = []byte(post)
		if i == 0 && e.k.key != o.firsts[j] || i > 0 && !keyLess(out[i-1].k, e.k) || j+1 < len(o.firsts) && e.k.key >= o.firsts[j+1] {
			return nil, rebuild("%s: entry %d out of place", name, i)
		}
		out[i] = e
		writeEntry(&b, e.k, e.post)
	}
	if len(out) == 0 || !bytes.Equal(closeShard(&b), data) {
		return nil, rebuild("%s is not a shard as Shard writes it", name)
	}
	o.loaded[name] = data
	return out, nil
}

// run is a stretch of old shards, a to b, that Patch writes anew, with
// their entries as they are now.
type run struct {
	a, b    int
	entries []rawEntry
}

// runs reads the shards that the edited keys fall in, applies the edits,
// and widens each stretch of them to the previous shard where its first
// key no longer starts one.
func (o *oldIndex) runs(keys []entryKey, edits map[entryKey][]pageEdit) ([]run, error) {
	n := len(o.firsts)
	if n == 0 {
		if len(keys) == 0 {
			return nil, nil
		}
		entries, err := applyEdits(nil, keys, edits)
		return []run{{a: 0, b: -1, entries: entries}}, err
	}
	shardOf := func(key string) int {
		return max(0, sort.Search(n, func(i int) bool { return o.firsts[i] > key })-1)
	}
	// The shards the keys fall in, consecutive ones together.
	var merged []run
	for _, k := range keys {
		j := shardOf(k.key) // keys are in order, so j never decreases
		if last := len(merged) - 1; last >= 0 && merged[last].b >= j-1 {
			merged[last].b = j
			continue
		}
		merged = append(merged, run{a: j, b: j})
	}
	out := make([]run, 0, len(merged))
	k := 0
	for _, r := range merged {
		var entries []rawEntry
		for j := r.a; j <= r.b; j++ {
			es, err := o.shard(j)
			if err != nil {
				return nil, err
			}
			entries = append(entries, es...)
		}
		end := k
		for end < len(keys) && shardOf(keys[end].key) <= r.b {
			end++
		}
		var err error
		if r.entries, err = applyEdits(entries, keys[k:end], edits); err != nil {
			return nil, err
		}
		k = end
		// A run whose first key no longer starts a shard joins the shard
		// before it: an untouched one (runs are apart), whose first key
		// still starts one.
		if r.a > 0 && len(r.entries) > 0 && !o.rule.starts(r.entries[0].k.key, groupSize(r.entries)) {
			es, err := o.shard(r.a - 1)
			if err != nil {
				return nil, err
			}
			r.entries = append(es, r.entries...)
			r.a--
		}
		out = append(out, r)
	}
	return out, nil
}

// groupSize is the size of the postings of the first key of entries (its
// word and gram entries).
func groupSize(entries []rawEntry) int {
	size := 0
	for _, e := range entries {
		if e.k.key != entries[0].k.key {
			break
		}
		size += len(e.post)
	}
	return size
}

// applyEdits returns entries (in key order) with the edits of keys (in
// key order) applied: postings of the edited pages replaced, keys left
// without postings dropped, new keys added in order.
func applyEdits(entries []rawEntry, keys []entryKey, edits map[entryKey][]pageEdit) ([]rawEntry, error) {
	out := make([]rawEntry, 0, len(entries)+len(keys))
	i := 0
	for _, k := range keys {
		for i < len(entries) && keyLess(entries[i].k, k) {
			out = append(out, entries[i])
			i++
		}
		var old []byte
		if i < len(entries) && entries[i].k == k {
			old = entries[i].post
			i++
		}
		post, err := editPostings(old, edits[k])
		if err != nil {
			return nil, rebuild("postings of %q: %v", k.key, err)
		}
		if len(post) > 0 {
			out = append(out, rawEntry{k, post})
		}
	}
	return append(out, entries[i:]...), nil
}

// editPostings rewrites a key's postings with the edited pages' postings
// replaced (edits in page order). The postings between edited pages are
// copied as they are, but for the first one's page difference.
func editPostings(old []byte, edits []pageEdit) ([]byte, error) {
	out := make([]byte, 0, len(old)+16)
	pos := 0
	page, last := uint32(0), uint32(0) // of the last posting read, written
	// copyTo copies the postings before page to (all when to is -1).
	copyTo := func(to int64) error {
		first := true
		from := pos
		for pos < len(old) {
			delta, n1 := readNumber(old[pos:])
			sv, n2 := readNumber(old[pos+max(n1, 0):])
			if n1 <= 0 || n2 <= 0 {
				return errors.New("bad postings")
			}
			p := page + delta
			if to >= 0 && int64(p) >= to {
				break
			}
			page, pos = p, pos+n1+n2
			if first {
				out = appendNumber(appendNumber(out, p-last), sv)
				first, from = false, pos
			}
			last = p
		}
		out = append(out, old[from:pos]...)
		return nil
	}
	for _, e := range edits {
		if err := copyTo(int64(e.page)); err != nil {
			return nil, err
		}
		for pos < len(old) { // the page's old postings
			delta, n1 := readNumber(old[pos:])
			_, n2 := readNumber(old[pos+max(n1, 0):])
			if n1 <= 0 || n2 <= 0 {
				return nil, errors.New("bad postings")
			}
			if page+delta != e.page {
				break
			}
			page, pos = page+delta, pos+n1+n2
		}
		for _, sv := range e.svs {
			out = appendNumber(appendNumber(out, e.page-last), sv)
			last = e.page
		}
	}
	if err := copyTo(-1); err != nil {
		return nil, err
	}
	return out, nil
}

// digitValue is the value of a byte of digits, or -1.
func digitValue(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'A' <= c && c <= 'Z':
		return int(c-'A') + 10
	case 'a' <= c && c <= 'z':
		return int(c-'a') + 36
	case c == '-':
		return 62
	case c == '_':
		return 63
	}
	return -1
}

// readNumber reads the number appendNumber wrote at the start of b and
// its length, or a length of 0 when b holds none.
func readNumber(b []byte) (uint32, int) {
	n := uint64(0)
	for i, c := range b {
		d := digitValue(c)
		if d < 0 || i > 6 {
			return 0, 0
		}
		n |= uint64(d&31) << (5 * i)
		if d&32 == 0 {
			if n > 1<<32-1 {
				return 0, 0
			}
			return uint32(n), i + 1
		}
	}
	return 0, 0
}

// newShard is a shard a run is cut into.
type newShard struct {
	first string
	data  []byte
}

// cut cuts a run's entries into shards where rule says (its first
// key starts one: runs makes sure of it).
func (r run) cut(rule cutRule) []newShard {
	var out []newShard
	var b bytes.Buffer
	for i := 0; i < len(r.entries); {
		end, size := i, 0
		for end < len(r.entries) && r.entries[end].k.key == r.entries[i].k.key {
			size += len(r.entries[end].post)
			end++
		}
		if i == 0 || rule.starts(r.entries[i].k.key, size) {
			if i > 0 {
				out[len(out)-1].data = closeShard(&b)
				b = bytes.Buffer{}
			}
			out = append(out, newShard{first: r.entries[i].k.key})
		}
		for _, e := range r.entries[i:end] {
			writeEntry(&b, e.k, e.post)
		}
		i = end
	}
	if len(out) > 0 {
		out[len(out)-1].data = closeShard(&b)
	}
	return out
}
