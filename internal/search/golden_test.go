package search

import (
	"bytes"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// goldenIndex is a small Persian index: two pages, a fallback page, words
// with zero-width non-joiners and Arabic yeh and kaf.
func goldenIndex() *Index {
	return Build("fa", []Page{
		{URL: "fa/reset/", Title: "بازنشانی توکن", Sections: EncodeSections(Sections([]byte(`<p>توکن توسعه‌دهنده.</p><h2 id="what">چه می‌شود؟</h2><p>درخواست‌های قدیمی با شکست مواجه می‌شوند.</p>`)))},
		{URL: "fa/oauth/", Title: "OAuth", Lang: "en", Sections: EncodeSections(Sections([]byte(`<h2 id="flow">Desktop flow</h2><p>Refresh the token.</p>`)))},
		{URL: "fa/library/", Title: "كتابخانه كلاينت", Sections: EncodeSections(Sections([]byte(`<p>يك كتاب.</p>`)))},
	})
}

// The sharded index of a small language, file by file: the manifest (its
// shard keys, section counts and hash), the shard and the page fragments.
func TestShardGolden(t *testing.T) {
	files, err := goldenIndex().Shard(nil)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for _, f := range files {
		b.WriteString("-- " + f.Name + " --\n")
		b.Write(f.Data)
	}
	const golden = "testdata/shard.golden"
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("sharded index differs from %s (run go test -update and review the diff):\n%s", golden, b.String())
	}
	// Deterministic: the same input gives the same bytes.
	again, _ := goldenIndex().Shard(nil)
	for i := range files {
		if !bytes.Equal(files[i].Data, again[i].Data) {
			t.Errorf("%s differs between two builds", files[i].Name)
		}
	}
}

// TestShardEmitsTheSameFiles: handing page fragments out as they are made
// (as a build does) gives the same files as collecting them.
func TestShardEmitsTheSameFiles(t *testing.T) {
	all, err := goldenIndex().Shard(nil)
	if err != nil {
		t.Fatal(err)
	}
	var emitted []File
	rest, err := goldenIndex().Shard(func(f File) error { emitted = append(emitted, f); return nil })
	if err != nil {
		t.Fatal(err)
	}
	got := append(rest, emitted...)
	if len(got) != len(all) {
		t.Fatalf("%d files emitted and returned, %d collected", len(got), len(all))
	}
	for i := range all {
		if got[i].Name != all[i].Name || string(got[i].Data) != string(all[i].Data) {
			t.Errorf("file %d: %s differs from %s", i, got[i].Name, all[i].Name)
		}
	}
}
