package search

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode/utf8"
)

// Manifest is a sharded index's manifest, as ManifestName holds it.
type Manifest struct {
	Version int         `json:"v"`
	Lang    string      `json:"lang"`
	Word    int         `json:"word"`
	Gram    int         `json:"gram"`
	Group   int         `json:"group"`  // pages per fragment (PagesPerFragment)
	Hash    string      `json:"hash"`   // of all the shards and pages, for their addresses
	Shards  [][2]string `json:"shards"` // each shard's first key and name id (ShardName)
	Pages   []int       `json:"pages"`  // the number of sections of each page
}

// ShardName is the name of shard j, relative to the language's folder.
func (m *Manifest) ShardName(j int) string { return shardName(m.Shards[j][1]) }

// Entry is one key of a shard with its postings, decoded: the key occurs
// in section Sections[i] (counted within its page) of page Pages[i], with
// value Values[i] (4×min(count, 3) + 2×heading + title).
type Entry struct {
	Key      string
	Gram     bool
	Pages    []int
	Sections []int
	Values   []int
}

// DecodeShard reads a shard file. It checks what a query relies on: keys
// in order, postings in page and section order, values from 1 to 15.
func DecodeShard(data []byte) ([]Entry, error) {
	var raw [][]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	out := make([]Entry, 0, len(raw))
	for i, r := range raw {
		var e Entry
		var kind int
		var post string
		if len(r) != 3 {
			return nil, fmt.Errorf("entry %d: want [key, kind, postings]", i)
		}
		if err := json.Unmarshal(r[0], &e.Key); err != nil {
			return nil, fmt.Errorf("entry %d: key: %w", i, err)
		}
		if err := json.Unmarshal(r[1], &kind); err != nil || kind < 0 || kind > 1 {
			return nil, fmt.Errorf("entry %d: bad kind", i)
		}
		if err := json.Unmarshal(r[2], &post); err != nil {
			return nil, fmt.Errorf("entry %d: bad postings", i)
		}
		e.Gram = kind == 1
		if i > 0 && !keyLess(entryKey{out[i-1].Key, out[i-1].Gram}, entryKey{e.Key, e.Gram}) {
			return nil, fmt.Errorf("entry %d: key out of order", i)
		}
		ps, err := decodePostings(post)
		if err != nil {
			return nil, fmt.Errorf("entry %d: %w", i, err)
		}
		for _, p := range ps {
			e.Pages = append(e.Pages, int(p.page))
			e.Sections = append(e.Sections, int(p.sv>>4))
			e.Values = append(e.Values, int(p.sv&15))
		}
		out = append(out, e)
	}
	return out, nil
}

// posting is one decoded posting: a page and 16×section + value.
type posting struct{ page, sv uint32 }

// decodePostings reads what postings.add wrote, checking that pages and
// sections increase and values are from 1 to 15.
func decodePostings(s string) ([]posting, error) {
	nums, err := decodeNumbers(s)
	if err != nil || len(nums)%2 != 0 {
		return nil, errors.New("bad postings")
	}
	out := make([]posting, 0, len(nums)/2)
	page := 0
	for j := 0; j < len(nums); j += 2 {
		if page+nums[j] < page || page+nums[j] > math.MaxUint32 || nums[j+1] > math.MaxUint32 || nums[j+1]&15 == 0 {
			return nil, errors.New("bad posting")
		}
		page += nums[j]
		p := posting{uint32(page), uint32(nums[j+1])}
		if j > 0 && nums[j] == 0 && p.sv>>4 <= out[len(out)-1].sv>>4 {
			return nil, errors.New("postings out of order")
		}
		out = append(out, p)
	}
	return out, nil
}

// decodeNumbers reads what appendPostings wrote.
func decodeNumbers(s string) ([]int, error) {
	var out []int
	n, shift := 0, 0
	for i := 0; i < len(s); i++ {
		d := strings.IndexByte(digits, s[i])
		if d < 0 || shift > 30 {
			return nil, errors.New("bad digit")
		}
		n |= (d & 31) << shift
		if d&32 != 0 {
			shift += 5
			continue
		}
		out = append(out, n)
		n, shift = 0, 0
	}
	if shift != 0 {
		return nil, errors.New("number cut short")
	}
	return out, nil
}

// Fetch reads one file of a sharded index by its name (ManifestName,
// Manifest.ShardName, FragmentName), relative to the language's folder.
type Fetch func(name string) ([]byte, error)

// ShardsFor lists the shards that may hold keys starting with prefix: the
// last one whose first key is not after prefix, and those after it whose
// first key starts with prefix (a key never spans two shards, so shard j
// holds the keys from its first to the next shard's first).
func (m *Manifest) ShardsFor(prefix string) []int {
	n := len(m.Shards)
	if n == 0 {
		return nil
	}
	j := max(0, sort.Search(n, func(i int) bool { return m.Shards[i][0] > prefix })-1)
	out := []int{j}
	for j+1 < n && strings.HasPrefix(m.Shards[j+1][0], prefix) {
		j++
		out = append(out, j)
	}
	return out
}

// hit is what one term (or one piece of it) matched in a section.
type hit struct{ flags, count int }

// place is a section: its page and its number within the page.
type place struct{ page, sec int }

// QueryShards answers q as Query does over the whole index, fetching only
// the manifest, the shards the terms need and the fragments of the first
// limit results (all when limit is 0). It returns those results and how
// many there are.
func QueryShards(fetch Fetch, q string, limit int) ([]Result, int, error) {
	data, err := fetch(ManifestName)
	if err != nil {
		return nil, 0, err
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, 0, fmt.Errorf("%s: %w", ManifestName, err)
	}
	if m.Version != formatVersion || m.Gram != Gram || m.Word != MaxWord || m.Group != PagesPerFragment {
		return nil, 0, fmt.Errorf("%s: unknown format", ManifestName)
	}
	terms := Words(Normalize(q))
	if len(terms) == 0 {
		return nil, 0, nil
	}
	shards := map[int][]Entry{}
	lookup := func(prefix string) ([]Entry, error) {
		var out []Entry
		for _, j := range m.ShardsFor(prefix) {
			es, ok := shards[j]
			if !ok {
				data, err := fetch(m.ShardName(j))
				if err != nil {
					return nil, err
				}
				if es, err = DecodeShard(data); err != nil {
					return nil, fmt.Errorf("%s: %w", m.ShardName(j), err)
				}
				shards[j] = es
			}
			for _, e := range es {
				if strings.HasPrefix(e.Key, prefix) {
					out = append(out, e)
				}
			}
		}
		return out, nil
	}
	var scores map[place]int
	for _, t := range terms {
		es, err := lookup(t)
		if err != nil {
			return nil, 0, err
		}
		long := utf8.RuneCountInString(t) > Gram
		hits := map[place]hit{}
		for _, e := range es {
			if e.Gram && long {
				continue
			}
			for i, v := range e.Values {
				s := place{e.Pages[i], e.Sections[i]}
				h := hits[s]
				h.flags |= v & 3
				h.count += v >> 2
				hits[s] = h
			}
		}
		if long {
			var grams map[place]hit
			for k, g := range cover(t) {
				es, err := lookup(g)
				if err != nil {
					return nil, 0, err
				}
				next := map[place]hit{}
				for _, e := range es {
					if !e.Gram || e.Key != g {
						continue
					}
					for i, v := range e.Values {
						s := place{e.Pages[i], e.Sections[i]}
						h := hit{v & 3, v >> 2}
						if k > 0 {
							p, ok := grams[s]
							if !ok {
								continue
							}
							h = hit{h.flags & p.flags, min(h.count, p.count)}
						}
						next[s] = h
					}
				}
				grams = next
			}
			for s, g := range grams {
				h := hits[s]
				h.flags |= g.flags
				h.count += g.count
				hits[s] = h
			}
		}
		next := map[place]int{}
		for s, h := range hits {
			n := min(h.count, bodyCap)
			if h.flags&1 != 0 {
				n += 10
			}
			if h.flags&2 != 0 {
				n += 5
			}
			if n == 0 {
				continue
			}
			if scores == nil {
				next[s] = n
			} else if old, ok := scores[s]; ok {
				next[s] = old + n
			}
		}
		scores = next
	}
	order := make([]place, 0, len(scores))
	for s := range scores {
		order = append(order, s)
	}
	sort.Slice(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if scores[a] != scores[b] {
			return scores[a] > scores[b]
		}
		return a.page < b.page || a.page == b.page && a.sec < b.sec
	})
	total := len(order)
	if limit > 0 && len(order) > limit {
		order = order[:limit]
	}
	frags := map[int][]Doc{}
	res := make([]Result, 0, len(order))
	for _, s := range order {
		if s.page >= len(m.Pages) {
			return nil, 0, fmt.Errorf("%s: no page %d", ManifestName, s.page)
		}
		g := s.page / PagesPerFragment
		docs, ok := frags[g]
		if !ok {
			data, err := fetch(FragmentName(g))
			if err != nil {
				return nil, 0, err
			}
			if err := json.Unmarshal(data, &docs); err != nil {
				return nil, 0, fmt.Errorf("%s: %w", FragmentName(g), err)
			}
			frags[g] = docs
		}
		if s.page%PagesPerFragment >= len(docs) {
			return nil, 0, fmt.Errorf("%s: page %d missing", FragmentName(g), s.page)
		}
		d := &docs[s.page%PagesPerFragment]
		if s.sec >= len(d.Sections) {
			return nil, 0, fmt.Errorf("%s: page %d, section %d missing", FragmentName(g), s.page, s.sec)
		}
		sec := d.Sections[s.sec]
		res = append(res, Result{URL: d.URL, Title: d.Title, Anchor: sec.Anchor, Heading: sec.Heading, Score: scores[s]})
	}
	return res, total, nil
}
