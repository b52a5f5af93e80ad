//go:build !unix

package publish

import "os"

// writeNew writes data to a new file at path, or replaces one.
func writeNew(path string, data []byte) error { return os.WriteFile(path, data, 0o644) }
