// Package atomicfile writes a file so that a reader, a crash or a full disk
// never sees it half written: the data goes to a temporary file in the same
// folder, is synced to disk, and then renamed over the file. The old file
// stays whole until the rename.
package atomicfile

import (
	"bytes"
	"errors"

	"fmt"
	"github.com/docgen/docgen/internal/safefile"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile writes data to path atomically. A new file gets mode perm; an
// existing file keeps its mode.
//
// A symbolic link at path is refused, not replaced: the renamed file would
// cut the link, and the file it points to would never get the data.
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	return write(path, [][]byte{data}, perm, true)
}

// Replace is WriteFile without waiting for the disk, of the parts one after
// another: readers see the old
// file or the new one, never a mix, but after a crash the new one may be
// torn. It is for docgen's own records that check themselves when read
// (a build's saved state), where a flush would cost more than the file
// saves.
func Replace(path string, perm fs.FileMode, parts ...[]byte) error {
	return write(path, parts, perm, false)
}

func write(path string, parts [][]byte, perm fs.FileMode, durable bool) (err error) {
	if info, err := os.Lstat(path); err == nil {
		if info.Mode()&fs.ModeSymlink != 0 {
			return fmt.Errorf("%s is a symbolic link; docgen does not replace links (write the file it points to yourself, or replace the link with the file)", path)
		}
		perm = info.Mode().Perm()
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	for _, data := range parts {
		if _, err := tmp.Write(data); err != nil {
			return err
		}
	}
	if err := tmp.Chmod(perm); err != nil {
		return err
	}
	if durable {
		if err := tmp.Sync(); err != nil {
			return err
		}
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	if durable {
		syncDir(dir)
	}
	return nil
}

// syncDir makes the rename durable where the system supports it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// WriteIfChanged is WriteFile, skipped when path already holds data. It
// reports whether it wrote. A file it cannot read (too large, not a
// regular file) is an error, never replaced.
func WriteIfChanged(path string, data []byte, perm fs.FileMode) (bool, error) {
	old, err := safefile.ReadFile(path, safefile.MaxText)
	if err == nil && bytes.Equal(old, data) {
		return false, nil
	}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return false, err
	}
	return true, WriteFile(path, data, perm)
}
