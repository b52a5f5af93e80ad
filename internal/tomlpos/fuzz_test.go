package tomlpos

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzLine: for any document and key, Line never panics and returns 0 or a
// line of the document.
func FuzzLine(f *testing.F) {
	f.Add([]byte("title = \"x\"\n[languages.fa]\nname = \"فارسی\"\n"), "languages.fa.name")
	f.Add([]byte("a = '''\nb = 1\n'''\n[\"q.k\"]\nz = 2\n"), "q.k.z")
	f.Add([]byte("[[arr]]\nx = 1\n"), "arr.x")
	f.Fuzz(func(t *testing.T, src []byte, key string) {
		line := Line(src, strings.Split(key, "."))
		if line < 0 || line > bytes.Count(src, []byte("\n"))+1 {
			t.Fatalf("line %d outside the document", line)
		}
	})
}
