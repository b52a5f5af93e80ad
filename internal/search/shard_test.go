package search

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// files returns idx sharded, as a Fetch that records what it was asked for.
func sharded(t *testing.T, idx *Index) (Fetch, map[string][]byte, *[]string) {
	t.Helper()
	files, err := idx.Shard(nil)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string][]byte{}
	for _, f := range files {
		byName[f.Name] = f.Data
	}
	var asked []string
	return func(name string) ([]byte, error) {
		asked = append(asked, name)
		b, ok := byName[name]
		if !ok {
			return nil, fmt.Errorf("no file %s", name)
		}
		return b, nil
	}, byName, &asked
}

// randomIndex makes pages from a small vocabulary of Latin, Persian and
// Thai words, Thai ones joined without spaces into long runs.
func randomIndex(r *rand.Rand, pages int) *Index {
	words := strings.Fields("token tokens reset دسترسی درخواست‌های می‌شوند كتاب aa aaa abab โทเค็น ก่อนหน้า การรีเซ็ต ทันที ใช้ไม่ได้ Mise à jour état")
	phrase := func(n int) string {
		var b strings.Builder
		for i := range n {
			w := words[r.IntN(len(words))]
			if i > 0 && (r.IntN(3) > 0 || !strings.ContainsAny(w, "กขคงจฉชซญดตถทธนบปผพฟภมยรลวศสหอฮ")) {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
		return b.String()
	}
	var ps []Page
	for i := range pages {
		var secs []Section
		for s := range r.IntN(4) + 1 {
			secs = append(secs, Section{Anchor: fmt.Sprint("s", s), Heading: phrase(r.IntN(3)), Text: phrase(r.IntN(40))})
		}
		ps = append(ps, Page{URL: fmt.Sprintf("x/p%03d/", i), Title: phrase(r.IntN(4)), Sections: EncodeSections(secs)})
	}
	return Build("x", ps)
}

// Query over the shards gives what Query over the whole index gives, for
// many random queries: words, parts of words, pieces of Thai runs, several
// terms, terms no page has.
func TestQueryShardsMatchesQuery(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 20 {
		idx := randomIndex(r, 5+r.IntN(40))
		whole := decoded(t, idx)
		fetch, _, _ := sharded(t, idx)
		for range 60 {
			q := randomQuery(r, whole)
			want := Query(whole, q)
			got, total, err := QueryShards(fetch, q, 0)
			if err != nil {
				t.Fatal(err)
			}
			if total != len(want) || !reflect.DeepEqual(got, want) && (len(got) > 0 || len(want) > 0) {
				t.Fatalf("round %d, query %q:\nshards %d %+v\nwhole  %d %+v", round, q, total, got, len(want), want)
			}
		}
	}
}

// randomQuery cuts one to three terms out of the index's text.
func randomQuery(r *rand.Rand, idx *Index) string {
	var terms []string
	for range r.IntN(3) + 1 {
		d := idx.Docs[r.IntN(len(idx.Docs))]
		s := d.Sections[r.IntN(len(d.Sections))]
		text := []rune(s.Text + " " + d.Title + " nothing")
		i := r.IntN(len(text))
		n := 1 + r.IntN(8)
		terms = append(terms, string(text[i:min(len(text), i+n)]))
	}
	return strings.Join(terms, " ")
}

// decoded is the index as the whole-index format gives it back.
func decoded(t *testing.T, idx *Index) *Index {
	t.Helper()
	var out Index
	if err := jsonUnmarshal(idx.JSON(), &out); err != nil {
		t.Fatal(err)
	}
	return &out
}

func TestIsIndexFile(t *testing.T) {
	for name, want := range map[string]bool{
		"search.json": true, "search/p0.json": true, "search/p12.json": true, "search/s0123456789abcdef.json": true,
		"search/index.html": false, "search/p.json": false, "search/p01.json": false, "search/s0123.json": false,
		"search/s0123456789ABCDEF.json": false, "search/x1.json": false, "search/p1.json.bak": false, "other/p1.json": false,
	} {
		if got := IsIndexFile(name); got != want {
			t.Errorf("IsIndexFile(%q) = %v, want %v", name, got, want)
		}
	}
}
