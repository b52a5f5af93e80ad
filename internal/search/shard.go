package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"unicode/utf8"
)

// A language's index is written sharded, so a reader's query fetches
// little of it: a manifest (ManifestName), term shards (ShardName) that
// hold, in key order, every key a query term can start with and the
// sections it occurs in, and one fragment per page (PageName) with the
// page's title and text for showing results. A query fetches the
// manifest, the shards its terms' keys fall in, and the fragments of the
// results it shows. The file names depend only on the number of pages, so
// the set of files is known before the index is built; the manifest holds
// a hash of them all, which the script adds to their addresses so a cache
// never serves a shard of another build.
//
// A key is a word (a term finds the words it begins) or a Gram-character
// gram of an unspaced run (kind 1, see unspaced), with its postings:
// pairs of section number (as a difference from the previous one) and a
// value 4×count + 2×(in heading) + (in title). Sections are numbered in
// page order (pages sorted by URL) and, within a page, in order.
const (
	ManifestName  = "search.json"
	formatVersion = 2
)

// ShardName is the name of shard i, relative to the language's folder.
func ShardName(i int) string { return "search/s" + strconv.Itoa(i) + ".json" }

// PageName is the name of page i's fragment, relative to the language's folder.
func PageName(i int) string { return "search/p" + strconv.Itoa(i) + ".json" }

// ShardCount is how many term shards the index of n pages is cut into:
// one per eight pages (a few kilobytes compressed each).
func ShardCount(pages int) int { return max(1, pages/8) }

// FileNames lists the files a sharded index of n pages is made of,
// relative to the language's folder: the manifest, the shards, the pages.
func FileNames(pages int) []string {
	out := []string{ManifestName}
	for i := range ShardCount(pages) {
		out = append(out, ShardName(i))
	}
	for i := range pages {
		out = append(out, PageName(i))
	}
	return out
}

// File is one file of a sharded index.
type File struct {
	Name string // relative to the language's folder, as FileNames lists it
	Data []byte
}

// entryKey is a key and its kind (word suffix or gram).
type entryKey struct {
	key  string
	gram bool
}

// Shard writes the index as its manifest, shards and page fragments, in
// FileNames order. When emit is set, each page fragment is handed to it as
// soon as it is made and left out of the result, and pages whose sections
// are loaded on demand (Page.Load) are read one at a time: the index then
// holds its postings, not the language's text.
func (idx *Index) Shard(emit func(File) error) ([]File, error) {
	f := folder{}
	post := map[entryKey]*postings{}
	var pages []File
	var counts []int
	sec := uint32(0)
	version := sha256.New()
	for i, d := range idx.Docs {
		sections := d.Sections
		encoded := d.encoded
		if d.load != nil {
			var err error
			if encoded, err = d.load(); err != nil {
				return nil, err
			}
		}
		if encoded != nil {
			sections = nil
			if err := json.Unmarshal(encoded, &sections); err != nil {
				return nil, fmt.Errorf("search index of %s: %w", d.URL, err)
			}
		}
		title := map[entryKey]uint32{}
		addField(title, indexWords(d.Title, f.normalize), 1, false)
		for _, s := range sections {
			vals := make(map[entryKey]uint32, len(title)+64)
			for k, v := range title {
				vals[k] = v
			}
			addField(vals, indexWords(s.Heading, f.normalize), 2, false)
			addField(vals, indexWords(s.Text, f.normalize), 4, true)
			for k, v := range vals {
				p := post[k]
				if p == nil {
					p = &postings{}
					post[k] = p
				}
				p.add(sec, v)
			}
			sec++
		}
		counts = append(counts, len(sections))
		doc := Doc{URL: d.URL, Title: d.Title, Lang: d.Lang, Sections: sections}
		page := File{Name: PageName(i), Data: doc.json()}
		version.Write(page.Data)
		if emit != nil {
			if err := emit(page); err != nil {
				return nil, err
			}
			continue
		}
		pages = append(pages, page)
	}

	keys := make([]entryKey, 0, len(post))
	for k := range post {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].key != keys[j].key {
			return keys[i].key < keys[j].key
		}
		return !keys[i].gram && keys[j].gram
	})
	// Where each entry would end if all were written one after another,
	// to cut the shards at even sizes without holding them twice.
	ends := make([]int, len(keys))
	size := 0
	for i, k := range keys {
		size += len(encode(k.key)) + len(post[k].data) + entryFraming
		ends[i] = size
	}

	n := ShardCount(len(idx.Docs))
	shards := make([]File, n)
	firsts := make([]string, n)
	start := 0
	for j := range n {
		end := start
		target := size * (j + 1) / n
		// A key never spans two shards (its word and gram entries go together).
		for end < len(keys) && (j == n-1 || ends[end] <= target || end > start && keys[end].key == keys[end-1].key) {
			end++
		}
		var b bytes.Buffer
		if end > start {
			b.Grow(ends[end-1] - offset(ends, start) + 3)
		}
		b.WriteByte('[')
		for i := start; i < end; i++ {
			writeEntry(&b, keys[i], post[keys[i]].data)
			delete(post, keys[i])
		}
		b.WriteString("]\n")
		if start < len(keys) {
			firsts[j] = keys[start].key // the last shard is never empty
		}
		shards[j] = File{Name: ShardName(j), Data: fixCommas(b.Bytes())}
		start = end
	}

	for _, f := range shards {
		version.Write(f.Data)
	}
	var m bytes.Buffer
	fmt.Fprintf(&m, `{"v":%d,"lang":%s,"word":%d,"gram":%d,"hash":"%s","shards":[`, formatVersion, encode(idx.Lang), MaxWord, Gram, hex.EncodeToString(version.Sum(nil)[:6]))
	for j := range shards {
		if j > 0 {
			m.WriteByte(',')
		}
		m.Write(encode(firsts[j]))
	}
	m.WriteString(`],"pages":[`)
	for i, n := range counts {
		if i > 0 {
			m.WriteByte(',')
		}
		m.WriteString(strconv.Itoa(n))
	}
	m.WriteString("]}\n")
	out := append([]File{{Name: ManifestName, Data: m.Bytes()}}, shards...)
	return append(out, pages...), nil
}

// offset is where entry i starts in the buffer whose entry ends are ends.
func offset(ends []int, i int) int {
	if i == 0 {
		return 0
	}
	return ends[i-1]
}

// fixCommas drops the separator the first entry of a shard carries.
func fixCommas(b []byte) []byte {
	if len(b) > 1 && b[1] == ',' {
		return append(b[:1], b[2:]...)
	}
	return b
}

// postings are a key's (section, value) pairs as appendPostings writes
// them, kept written while the index is built (a third of the memory).
type postings struct {
	last uint32
	data []byte
}

func (p *postings) add(sec, v uint32) {
	p.data = appendNumber(appendNumber(p.data, sec-p.last), v)
	p.last = sec
}

// entryFraming is what writeEntry adds to a key and its postings.
const entryFraming = len(`,[,0,""]` + "\n")

// writeEntry appends ,[key,kind,"postings"] (see appendPostings).
func writeEntry(b *bytes.Buffer, k entryKey, p []byte) {
	b.WriteString(",[")
	b.Write(encode(k.key))
	if k.gram {
		b.WriteString(`,1,"`)
	} else {
		b.WriteString(`,0,"`)
	}
	b.Write(p)
	b.WriteString("\"]\n")
}

// digits are the 64 characters postings are written with: each stands for
// five bits of a number and whether more follow (32 and up).
const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"

// appendPostings writes (section, value) pairs as numbers of digits, least
// significant five bits first: the section's difference from the
// previous one, then the value.
func appendPostings(out []byte, p []uint32) []byte {
	prev := uint32(0)
	for i := 0; i < len(p); i += 2 {
		out = appendNumber(out, p[i]-prev)
		out = appendNumber(out, p[i+1])
		prev = p[i]
	}
	return out
}

func appendNumber(out []byte, n uint32) []byte {
	for n >= 32 {
		out = append(out, digits[32|n&31])
		n >>= 5
	}
	return append(out, digits[n])
}

// addField adds the keys of a field's words (indexWords) to vals: for title (1) and
// heading (2) the flag, for body text (4) one count per occurrence.
func addField(vals map[entryKey]uint32, fieldWords []string, v uint32, count bool) {
	add := func(k entryKey, n uint32) {
		if count {
			vals[k] += v * n
		} else {
			vals[k] |= v
		}
	}
	for _, w := range fieldWords {
		if !unspaced(w) {
			add(entryKey{w, false}, 1)
			continue
		}
		for i := range w {
			if !utf8.RuneStart(w[i]) {
				continue
			}
			end, r := i, 0
			for end < len(w) && r < Gram {
				_, size := utf8.DecodeRuneInString(w[end:])
				end += size
				r++
			}
			add(entryKey{w[i:end], true}, 1)
		}
	}
}

// json encodes one page's fragment: the page as the whole index held it.
func (d Doc) json() []byte {
	var b bytes.Buffer
	b.WriteString(`{"u":`)
	b.Write(encode(d.URL))
	b.WriteString(`,"t":`)
	b.Write(encode(d.Title))
	if d.Lang != "" {
		b.WriteString(`,"l":`)
		b.Write(encode(d.Lang))
	}
	b.WriteString(`,"s":`)
	b.Write(EncodeSections(d.Sections))
	b.WriteString("}\n")
	return b.Bytes()
}
