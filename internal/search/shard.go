package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/docgen/docgen/internal/filesum"
)

// A language's index is written sharded, so a reader's query fetches
// little of it, and patchable, so a one-page edit rewrites a few files
// (Index.Patch): a manifest (ManifestName), term shards that hold, in key
// order, every key a query term can start with and where it occurs, and
// fragments (FragmentName) that hold, PagesPerFragment pages each, the
// pages' titles and text for showing results. A query fetches the
// manifest, the shards its terms' keys fall in, and the fragments of the
// results it shows.
//
// A key is a word (a term finds the words it begins) or a Gram-character
// gram of an unspaced run (kind 1, see unspaced), with its postings: for
// each section it occurs in, in page then section order, the page (as a
// difference from the previous posting's page) and 16×section + value,
// where section counts within the page and value is 4×min(count, bodyCap)
// + 2×(in heading) + (in title). Pages are numbered in Index.Docs order.
// Nothing in a key's postings depends on another page.
//
// Shards are cut where the keys say, so an edit moves boundaries only
// near the keys it touches: a key starts a shard when it is the first, when
// its hash is 0 modulo shardEvery, or when its postings take bigPostings
// bytes or more (see cutRule). A shard is named after the hash of its
// first key (shardNames). The manifest lists each shard's first key and
// name, each page's section count, and a hash of every file's name and
// checksum (see indexHash), which the script adds to their addresses so a
// cache never serves a file of another build.
const (
	ManifestName  = "search.json"
	formatVersion = 4

	// shardEvery is how many keys a shard holds on average, big ones
	// apart. Most keys of a language occur in a page or two (a few bytes of
	// postings), so at 4,000 pages of the bench corpus a language has about
	// 37,000 keys and 350 shards, a kilobyte or so compressed (Thai, whose
	// grams repeat in every page, has 1,000).
	shardEvery = 128
	// bigPostings is the size from which a key's postings start a shard:
	// a key in most pages of a 4,000-page language (some 1,000 Thai grams
	// there). Lower, Thai gets a shard per big key; higher, a shard may
	// hold many of them and a query fetch them all.
	bigPostings = 16384
)

// PagesPerFragment is how many pages a fragment holds: fragment g holds
// pages PagesPerFragment×g and on, in order, as a JSON array. Grouping
// pages makes a fourth of the files a page each would (a large site's
// output is mostly files, and a host or file system pays for each); a
// reader fetches up to this many pages' text for each result shown, so
// the box shows few results at a time.
const PagesPerFragment = 4

// FragmentName is the name of fragment g, relative to the language's folder.
func FragmentName(g int) string { return "search/p" + strconv.Itoa(g) + ".json" }

// fragmentCount is the number of fragments n pages take.
func fragmentCount(n int) int { return (n + PagesPerFragment - 1) / PagesPerFragment }

// joinFragment writes the pages' fragment from each page's Doc.json.
func joinFragment(docs [][]byte) []byte {
	size := 2
	for _, d := range docs {
		size += len(d) + 1
	}
	out := make([]byte, 0, size)
	for i, d := range docs {
		if i == 0 {
			out = append(out, '[')
		} else {
			out = append(out, ',')
		}
		out = append(out, d...)
	}
	return append(out, "]\n"...)
}

// splitFragment returns a fragment's pages as Doc.json writes them (the
// inverse of joinFragment for a fragment it wrote).
func splitFragment(data []byte) ([][]byte, error) {
	var raw []json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	docs := make([][]byte, len(raw))
	for i, r := range raw {
		docs[i] = append(slices.Clip([]byte(r)), '\n')
	}
	return docs, nil
}

// IsIndexFile reports whether name (relative to a language's folder) is
// one of the files an index is made of: the manifest, a shard
// (search/s<16 hex digits>.json) or a fragment (search/p<n>.json).
// Anything else there, such as the page of a guide named "search", is not.
func IsIndexFile(name string) bool {
	if name == ManifestName {
		return true
	}
	rest, ok := strings.CutPrefix(name, "search/")
	if !ok {
		return false
	}
	digits, ok := strings.CutSuffix(rest, ".json")
	if !ok || len(digits) < 2 {
		return false
	}
	kind, digits := digits[0], digits[1:]
	switch kind {
	case 's':
		return len(digits) == 16 && strings.Trim(digits, "0123456789abcdef") == ""
	case 'p':
		return strings.Trim(digits, "0123456789") == "" && (digits == "0" || digits[0] != '0')
	}
	return false
}

// shardName is the name of the shard whose id is id.
func shardName(id string) string { return "search/s" + id + ".json" }

// File is one file of a sharded index.
type File struct {
	Name string // relative to the language's folder, e.g. "search/p3.json"
	Data []byte
}

// entryKey is a key and its kind (word suffix or gram).
type entryKey struct {
	key  string
	gram bool
}

func keyLess(a, b entryKey) bool {
	if a.key != b.key {
		return a.key < b.key
	}
	return !a.gram && b.gram
}

// keyHash is the FNV-1a 64 hash of a key, which decides shard starts and names.
func keyHash(key string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(key))
	return h.Sum64()
}

// cutRule says where shards start: shardEvery and bigPostings, or other
// values in tests (to cut small indexes into many shards).
type cutRule struct {
	every uint64
	big   int
}

// rule is the index's cutRule.
func (idx *Index) rule() cutRule {
	if idx.cut.every == 0 {
		return cutRule{shardEvery, bigPostings}
	}
	return idx.cut
}

// starts reports whether a key that is not the first starts a shard: one
// key in every by its hash, and every key whose postings (word and gram
// entries together) take size bytes, at least big.
func (c cutRule) starts(key string, size int) bool {
	return keyHash(key)%c.every == 0 || size >= c.big
}

// shardNames names the shards whose first keys are firsts (in order): the
// hash of the first key in hex, or, if an earlier shard has that name, of
// the key followed by a count.
func shardNames(firsts []string) []string {
	out := make([]string, len(firsts))
	used := make(map[string]bool, len(firsts))
	for i, k := range firsts {
		id := fmt.Sprintf("%016x", keyHash(k))
		for n := 1; used[id]; n++ {
			id = fmt.Sprintf("%016x", keyHash(k+"\x00"+strconv.Itoa(n)))
		}
		used[id] = true
		out[i] = id
	}
	return out
}

// crc is a file's checksum (filesum.Sum64), which the index hash is made of.
func crc(b []byte) uint64 { return filesum.Sum64(b) }

// indexHash is the manifest's hash of the shards and fragments: the first
// twelve hex digits of the SHA-256 of a "name crc\n" line per file, in
// file order.
func indexHash(names []string, crcs []uint64) string {
	h := sha256.New()
	var line []byte
	for i, n := range names {
		line = append(line[:0], n...)
		line = append(line, ' ')
		line = strconv.AppendUint(line, crcs[i], 16)
		line = append(line, '\n')
		h.Write(line)
	}
	return hex.EncodeToString(h.Sum(nil)[:6])
}

// sections returns the page's sections, reading them when they are
// loaded on demand, and their encoding when the page came encoded.
func (d Doc) sections() ([]Section, []byte, error) {
	encoded := d.encoded
	if d.load != nil {
		var err error
		if encoded, err = d.load(); err != nil {
			return nil, nil, err
		}
	}
	if encoded == nil {
		return d.Sections, nil, nil
	}
	sections, err := decodeSections(encoded)
	if err != nil {
		return nil, nil, fmt.Errorf("search index of %s: %w", d.URL, err)
	}
	return sections, encoded, nil
}

// indexer cuts pages into keys and their values (see the format above),
// numbering each key the first time it meets it, so that a section's
// values are kept by number rather than in a map.
type indexer struct {
	c      cutter
	words  map[string]int32 // word keys, by number
	grams  map[string]int32 // gram keys, by number
	keys   []entryKey       // by number
	vals   []uint32         // by number: the value in the section being cut
	seen   []int32          // the keys of that section
	starts []int            // where the characters of the word being cut start
}

func newIndexer() *indexer {
	return &indexer{words: map[string]int32{}, grams: map[string]int32{}}
}

// page calls each, in section order, with every key of the page's
// sections (by number) and its value there.
func (x *indexer) page(title string, sections []Section, each func(id int32, sec int, v uint32)) {
	x.field(title, 1, false)
	inTitle := slices.Clone(x.seen)
	for s, sec := range sections {
		x.seen = append(x.seen[:0], inTitle...)
		for _, id := range inTitle {
			x.vals[id] = 1
		}
		x.field(sec.Heading, 2, false)
		x.field(sec.Text, 4, true)
		for _, id := range x.seen {
			v := x.vals[id]
			each(id, s, min(v>>2, bodyCap)<<2|v&3)
			x.vals[id] = 0
		}
	}
	for _, id := range x.seen {
		x.vals[id] = 0
	}
	x.seen = x.seen[:0]
}

// field adds the keys of a field's words (those indexWords gives) to the
// section's values: for title (1) and heading (2) the flag, for body text
// (4) one count per occurrence. Unspaced words give a key per
// Gram-character gram.
func (x *indexer) field(text string, v uint32, count bool) {
	x.c.cut(text)
	for _, w := range x.c.words {
		x.word(w, v, count)
	}
	for _, w := range x.c.parts {
		x.word(w, v, count)
	}
}

func (x *indexer) word(s span, v uint32, count bool) {
	w := x.c.buf[s.start:s.end]
	if !s.gram {
		x.add(x.words, w, false, v, count)
		return
	}
	// A gram at each character: the buffer is valid UTF-8, so a
	// character's length is its first byte's.
	at := x.starts[:0]
	for i := 0; i < len(w); i += runeLen(w[i]) {
		at = append(at, i)
	}
	at = append(at, len(w))
	x.starts = at
	for i := 0; i+1 < len(at); i++ {
		x.add(x.grams, w[at[i]:at[min(i+Gram, len(at)-1)]], true, v, count)
	}
}

// runeLen is the length of the UTF-8 character that starts with byte b.
func runeLen(b byte) int {
	switch {
	case b < 0xC0:
		return 1
	case b < 0xE0:
		return 2
	case b < 0xF0:
		return 3
	}
	return 4
}

func (x *indexer) add(ids map[string]int32, k []byte, gram bool, v uint32, count bool) {
	id, ok := ids[string(k)]
	if !ok {
		key := string(k)
		id = int32(len(x.keys))
		ids[key] = id
		x.keys = append(x.keys, entryKey{key, gram})
		x.vals = append(x.vals, 0)
	}
	if x.vals[id] == 0 {
		x.seen = append(x.seen, id)
	}
	if count {
		x.vals[id] += v
	} else {
		x.vals[id] |= v
	}
}

// Shard writes the index as its manifest, shards (in key order) and
// fragments. When emit is set, each fragment is handed to it as soon
// as it is made and left out of the result, and pages whose sections are
// loaded on demand (Page.Load) are read one at a time: the index then
// holds its postings, not the language's text.
func (idx *Index) Shard(emit func(File) error) ([]File, error) {
	x := newIndexer()
	var post []postings // by key number
	var frags []File
	counts := make([]int, len(idx.Docs))
	fragCRCs := make([]uint64, 0, fragmentCount(len(idx.Docs)))
	group := make([][]byte, 0, PagesPerFragment) // the pages of the fragment being made
	for i, d := range idx.Docs {
		sections, encoded, err := d.sections()
		if err != nil {
			return nil, err
		}
		page := uint32(i)
		x.page(d.Title, sections, func(id int32, sec int, v uint32) {
			if int(id) >= len(post) {
				post = append(post, make([]postings, len(x.keys)-len(post))...)
			}
			post[id].add(page, uint32(sec), v)
		})
		counts[i] = len(sections)
		doc := Doc{URL: d.URL, Title: d.Title, Lang: d.Lang, Sections: sections, encoded: encoded}
		group = append(group, doc.json())
		if len(group) < PagesPerFragment && i+1 < len(idx.Docs) {
			continue
		}
		file := File{Name: FragmentName(i / PagesPerFragment), Data: joinFragment(group)}
		group = group[:0]
		fragCRCs = append(fragCRCs, crc(file.Data))
		if emit != nil {
			if err := emit(file); err != nil {
				return nil, err
			}
			continue
		}
		frags = append(frags, file)
	}

	keys := make([]int32, 0, len(post))
	for id, p := range post {
		if len(p.data) > 0 { // not a key only of pages without sections
			keys = append(keys, int32(id))
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keyLess(x.keys[keys[i]], x.keys[keys[j]]) })
	// Where shards start: at indexes of keys.
	rule := idx.rule()
	var starts []int
	var firsts []string
	for i := 0; i < len(keys); {
		end, size := i, 0
		key := x.keys[keys[i]].key
		for end < len(keys) && x.keys[keys[end]].key == key {
			size += len(post[keys[end]].data)
			end++
		}
		if i == 0 || rule.starts(key, size) {
			starts = append(starts, i)
			firsts = append(firsts, key)
		}
		i = end
	}
	ids := shardNames(firsts)
	shards := make([]File, len(starts))
	for j, start := range starts {
		end := len(keys)
		if j+1 < len(starts) {
			end = starts[j+1]
		}
		var b bytes.Buffer
		for _, id := range keys[start:end] {
			writeEntry(&b, x.keys[id], post[id].data)
			post[id].data = nil
		}
		shards[j] = File{Name: shardName(ids[j]), Data: closeShard(&b)}
	}

	names := make([]string, 0, len(shards)+len(fragCRCs))
	crcs := make([]uint64, 0, len(shards)+len(fragCRCs))
	for _, s := range shards {
		names = append(names, s.Name)
		crcs = append(crcs, crc(s.Data))
	}
	for g := range fragCRCs {
		names = append(names, FragmentName(g))
	}
	crcs = append(crcs, fragCRCs...)
	manifest := writeManifest(idx.Lang, indexHash(names, crcs), firsts, ids, counts)
	out := append([]File{{Name: ManifestName, Data: manifest}}, shards...)
	return append(out, frags...), nil
}

// writeManifest writes the manifest (see Manifest).
func writeManifest(lang, hash string, firsts, ids []string, counts []int) []byte {
	var m bytes.Buffer
	fmt.Fprintf(&m, `{"v":%d,"lang":%s,"word":%d,"gram":%d,"group":%d,"hash":"%s","shards":[`, formatVersion, appendString(nil, lang), MaxWord, Gram, PagesPerFragment, hash)
	for j := range firsts {
		if j > 0 {
			m.WriteByte(',')
		}
		m.WriteByte('[')
		m.Write(appendString(m.AvailableBuffer(), firsts[j]))
		m.WriteString(`,"` + ids[j] + `"]`)
	}
	m.WriteString(`],"pages":[`)
	for i, n := range counts {
		if i > 0 {
			m.WriteByte(',')
		}
		m.WriteString(strconv.Itoa(n))
	}
	m.WriteString("]}\n")
	return m.Bytes()
}

// closeShard ends a shard whose entries writeEntry wrote to b.
func closeShard(b *bytes.Buffer) []byte {
	out := b.Bytes()
	if len(out) > 0 {
		out[0] = '[' // the first entry's separator
	} else {
		out = append(out, '[')
	}
	return append(out, "]\n"...)
}

// postings are a key's postings as the format writes them, kept written
// while the index is built (a third of the memory).
type postings struct {
	page uint32 // of the last posting
	data []byte
}

func (p *postings) add(page, sec, v uint32) {
	p.data = appendNumber(appendNumber(p.data, page-p.page), sec<<4|v)
	p.page = page
}

// writeEntry appends ,[key,kind,"postings"] and a newline.
func writeEntry(b *bytes.Buffer, k entryKey, p []byte) {
	b.WriteString(",[")
	b.Write(appendString(b.AvailableBuffer(), k.key))
	if k.gram {
		b.WriteString(`,1,"`)
	} else {
		b.WriteString(`,0,"`)
	}
	b.Write(p)
	b.WriteString("\"]\n")
}

// digits are the 64 characters postings are written with: each stands for
// five bits of a number and whether more follow (32 and up), least
// significant five bits first.
const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"

func appendNumber(out []byte, n uint32) []byte {
	for n >= 32 {
		out = append(out, digits[32|n&31])
		n >>= 5
	}
	return append(out, digits[n])
}

// json encodes one page of a fragment: the page as the whole index held it
// (its sections as they came encoded, if they did).
func (d Doc) json() []byte {
	var b bytes.Buffer
	b.Grow(len(d.encoded) + 2*(len(d.URL)+len(d.Title)) + 64)
	b.WriteString(`{"u":`)
	b.Write(appendString(b.AvailableBuffer(), d.URL))
	b.WriteString(`,"t":`)
	b.Write(appendString(b.AvailableBuffer(), d.Title))
	if d.Lang != "" {
		b.WriteString(`,"l":`)
		b.Write(appendString(b.AvailableBuffer(), d.Lang))
	}
	b.WriteString(`,"s":`)
	if d.encoded != nil {
		b.Write(d.encoded)
	} else {
		b.Write(EncodeSections(d.Sections))
	}
	b.WriteString("}\n")
	return b.Bytes()
}
