// Command searchbytes reports what a reader's search fetches from a built
// site's sharded index: for a few representative queries per language, the
// files (manifest, shards, and the fragments holding the 10 results the box
// shows first) and their bytes, raw and gzip-compressed (as a server would
// send them), next to the size of the language's whole index.
//
//	go run ./bench/searchbytes PUBLIC_DIR
package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/docgen/docgen/internal/search"
)

// queries are one word, two words, a prefix and a long word per language,
// from the bench corpus's vocabulary.
var queries = map[string][]string{
	"en": {"token", "refresh token", "conf", "developer token account"},
	"fa": {"توکن", "درخواست دسترسی", "کتاب", "اعتبارنامه‌ها"},
	"th": {"โทเค็น", "ข้อมูลเข้าสู่ระบบ", "การ", "รีเฟรช โทเค็น"},
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: searchbytes PUBLIC_DIR")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "searchbytes:", err)
		os.Exit(1)
	}
}

func run(public string) error {
	fmt.Println("| lang | query | results | files (shards+fragments) | raw KB | gzip KB | gzip KB: manifest / shards / fragments |")
	fmt.Println("| --- | --- | --- | --- | --- | --- | --- |")
	var sizes []string
	for _, lang := range []string{"en", "fa", "th"} {
		dir := filepath.Join(public, lang)
		whole, wholeGz, n, err := indexSize(dir)
		if err != nil {
			return err
		}
		sizes = append(sizes, fmt.Sprintf("%s: %d files, %.1f MB raw, %.1f MB gzip", lang, n, whole/1e6, wholeGz/1e6))
		for _, q := range queries[lang] {
			var raw, gz float64
			var parts [3]float64 // gzip bytes of the manifest, shards, pages
			var count [3]int
			fetch := func(name string) ([]byte, error) {
				b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
				if err == nil {
					k := 0
					switch {
					case strings.HasPrefix(name, "search/s"):
						k = 1
					case strings.HasPrefix(name, "search/p"):
						k = 2
					}
					count[k]++
					raw += float64(len(b))
					g := float64(gzipSize(b))
					gz += g
					parts[k] += g
				}
				return b, err
			}
			_, total, err := search.QueryShards(fetch, q, 10)
			if err != nil {
				return fmt.Errorf("%s %q: %w", lang, q, err)
			}
			fmt.Printf("| %s | %s | %d | %d+%d | %.1f | %.1f | %.1f / %.1f / %.1f |\n", lang, q, total, count[1], count[2], raw/1e3, gz/1e3, parts[0]/1e3, parts[1]/1e3, parts[2]/1e3)
		}
	}
	fmt.Println()
	fmt.Println("whole index per language:", strings.Join(sizes, "; "))
	return nil
}

// indexSize adds up a language's index files, raw and gzip-compressed.
func indexSize(dir string) (raw, gz float64, n int, err error) {
	add := func(p string) error {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		raw += float64(len(b))
		gz += float64(gzipSize(b))
		n++
		return nil
	}
	if err := add(filepath.Join(dir, search.ManifestName)); err != nil {
		return 0, 0, 0, err
	}
	err = filepath.WalkDir(filepath.Join(dir, "search"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		return add(p)
	})
	return raw, gz, n, err
}

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}
