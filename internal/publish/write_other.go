//go:build !unix

package publish

import "os"

// writeNew writes data to a new file at path, or replaces one, and returns
// the file's manifest entry as a scan would find it.
func writeNew(path string, data []byte) (entry, error) {
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return entry{}, err
	}
	info, err := os.Lstat(path)
	if err != nil {
		return entry{}, err
	}
	return entry{size: info.Size(), mtime: info.ModTime().UnixNano()}, nil
}
