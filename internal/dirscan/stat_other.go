//go:build !linux

package dirscan

import (
	"os"
	"path/filepath"
)

// stat reads a file's stamp by name within its folder.
func stat(dir *os.File, name string) (Entry, error) {
	info, err := os.Lstat(filepath.Join(dir.Name(), name))
	if err != nil {
		return Entry{}, err
	}
	return Entry{Mode: info.Mode().Type(), Size: info.Size(), MTime: info.ModTime().UnixNano()}, nil
}
