// Package safefile opens a site's input files without trusting what they
// are: only regular files are read, a named pipe or device never blocks the
// build, a symbolic link may not lead out of the site, and a read is bounded
// in size.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// MaxText is the size limit for a page, catalog or configuration file:
// far above any real one, and low enough that a mistaken input is refused
// rather than read into memory.
const MaxText int64 = 64 << 20

// ErrNotRegular is wrapped by the errors for anything that is not a
// regular file: a named pipe, device, socket, or folder.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is wrapped by the error for a file over the size limit.
var ErrTooLarge = errors.New("file too large")

// Kind names what a file of the given mode is, for error messages.
func Kind(mode fs.FileMode) string {
	switch {
	case mode.IsRegular():
		return "a regular file"
	case mode.IsDir():
		return "a folder"
	case mode&fs.ModeSymlink != 0:
		return "a symbolic link"
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// NotRegular returns the error for a file of the given mode that is not a
// regular file.
func NotRegular(mode fs.FileMode) error {
	return fmt.Errorf("it is %s; docgen reads only regular files: %w", Kind(mode), ErrNotRegular)
}

// Open opens the file at path for reading, as OpenIn does but with no
// root to stay in.
func Open(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, err
	}
	return regular(f)
}

// OpenIn opens name, a path below root, for reading. It fails without
// blocking unless name is a regular file, and os.Root refuses a path or
// symbolic link that leads out of root.
func OpenIn(root *os.Root, name string) (*os.File, error) {
	f, err := root.OpenFile(name, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, err
	}
	return regular(f)
}

// regular returns f if it is a regular file, and closes it otherwise.
func regular(f *os.File) (*os.File, error) {
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, NotRegular(info.Mode())
	}
	return f, nil
}

// ReadIn reads name, a path below root, as OpenIn opens it, and fails if
// it holds more than limit bytes.
func ReadIn(root *os.Root, name string, limit int64) ([]byte, error) {
	f, err := OpenIn(root, name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readLimited(f, limit)
}

func readLimited(f *os.File, limit int64) ([]byte, error) {
	// Read into a buffer of the file's size (one more byte tells a file
	// that grew past it), not one grown from 512 bytes by doubling.
	size := int64(512)
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		size = min(info.Size(), limit) + 1
	}
	data := make([]byte, 0, size)
	r := io.LimitReader(f, limit+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("it holds more than %d bytes: %w", limit, ErrTooLarge)
	}
	return data, nil
}

// ReadFile reads the file at path as Open opens it, and fails if it holds
// more than limit bytes.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readLimited(f, limit)
}

// Read reads name, a path below the folder root (a site's root), as ReadIn
// does.
func Read(root, name string, limit int64) ([]byte, error) {
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return ReadIn(r, name, limit)
}
