package search

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// synthWords is a vocabulary of n made-up words in a script: Latin and
// Persian words of two to four syllables, Thai syllables (which the
// corpus joins without spaces).
func synthWords(r *rand.Rand, script string, n int) []string {
	var syl []string
	switch script {
	case "fa":
		syl = strings.Fields("با تو کن در خوا ست می شو ند کتا بخا نه کلا ین اعت بار نا مه ها دس تر سی")
	case "th":
		syl = strings.Fields("การ รี เซ็ต โท เค็น ก่อน หน้า ใช้ ไม่ ได้ ทัน ที ข้อ มูล เข้า สู่ ระ บบ ฟรช อี เมล")
	default:
		syl = strings.Fields("to ken re set con fig ure de vel op er ac count re fresh cli ent li bra ry au th flow")
	}
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for range 1 + r.IntN(3) {
			b.WriteString(syl[r.IntN(len(syl))])
		}
		if script == "fa" && r.IntN(8) == 0 {
			b.WriteString("\u200cها")
		}
		out[i] = b.String()
	}
	return out
}

// synthPages makes n pages of about words words each (Zipf-distributed over
// a vocabulary), cut into sections, in one script.
func synthPages(seed uint64, script string, n, words int) []Page {
	r := rand.New(rand.NewPCG(seed, 7))
	vocab := synthWords(r, script, 6000)
	z := rand.NewZipf(r, 1.1, 2, uint64(len(vocab)-1))
	sep := " "
	if script == "th" {
		sep = ""
	}
	phrase := func(k int) string {
		var b strings.Builder
		for i := range k {
			if i > 0 {
				if script == "th" && r.IntN(6) > 0 {
					b.WriteString(sep)
				} else {
					b.WriteByte(' ')
				}
			}
			b.WriteString(vocab[z.Uint64()])
		}
		return b.String()
	}
	pages := make([]Page, n)
	for i := range pages {
		var secs []Section
		left := words/2 + r.IntN(words)
		for s := 0; left > 0; s++ {
			k := min(left, 40+r.IntN(200))
			left -= k
			secs = append(secs, Section{Anchor: fmt.Sprint("s", s), Heading: phrase(1 + r.IntN(4)), Text: phrase(k)})
		}
		pages[i] = Page{URL: fmt.Sprintf("%s/guide-%05d/", script, i), Title: phrase(2 + r.IntN(4)), Sections: EncodeSections(secs)}
	}
	return pages
}

// BenchmarkShard shards a 1,000-page language of about 1,200 words a
// page, in a spaced Latin script, in Persian and in Thai (grams).
func BenchmarkShard(b *testing.B) {
	for _, script := range []string{"en", "fa", "th"} {
		b.Run(script, func(b *testing.B) {
			pages := synthPages(1, script, 1000, 1200)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Build(script, pages).Shard(func(File) error { return nil }); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPatchOnePage patches the index of BenchmarkShard (and of a Thai
// language like it) after one word of one page changed, the old files and
// their checksums in memory, as a server holds them.
func BenchmarkPatchOnePage(b *testing.B) {
	for _, script := range []string{"en", "th"} {
		b.Run(script, func(b *testing.B) { benchmarkPatch(b, script) })
	}
}

func benchmarkPatch(b *testing.B, script string) {
	pages := synthPages(1, script, 4000, 1200)
	old := fileSet(b, Build(script, pages))
	sums := make(map[string]uint64, len(old))
	for name, data := range old {
		sums[name] = crc(data)
	}
	secs := []Section{}
	if err := jsonUnmarshal(pages[2000].Sections, &secs); err != nil {
		b.Fatal(err)
	}
	secs[0].Text += " " + synthWords(rand.New(rand.NewPCG(9, 9)), script, 1)[0]
	pages[2000].Sections = EncodeSections(secs)
	idx := Build(script, pages)
	changed := []int{slices.IndexFunc(idx.Docs, func(d Doc) bool { return d.URL == pages[2000].URL })}
	read := func(name string) ([]byte, error) { return old[name], nil }
	hashOf := func(name string) (uint64, bool) { s, ok := sums[name]; return s, ok }
	files, err := idx.Patch(changed, read, hashOf)
	if err != nil {
		b.Fatal(err)
	}
	written := 0
	for _, f := range files {
		if f.Data != nil {
			written++
		}
	}
	b.ReportMetric(float64(written), "files-written")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := idx.Patch(changed, read, hashOf); err != nil {
			b.Fatal(err)
		}
	}
}
