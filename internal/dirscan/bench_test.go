package dirscan

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkScan compares Scan with filepath.WalkDir and Lstat on the tree
// named by DIRSCAN_TREE (a built site's output, say).
func BenchmarkScan(b *testing.B) {
	root := os.Getenv("DIRSCAN_TREE")
	if root == "" {
		b.Skip("set DIRSCAN_TREE to a large folder")
	}
	b.Run("Scan", func(b *testing.B) {
		for b.Loop() {
			if _, err := Scan(root, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("WalkDir", func(b *testing.B) {
		for b.Loop() {
			n := 0
			err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if _, err := d.Info(); err != nil {
					return err
				}
				n++
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	})
}
