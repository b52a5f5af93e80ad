package safefile

import "os"

// Dir is an open folder (a site's root) whose files are read as ReadIn
// reads them. A build reads every page through one Dir: where the system
// resolves a whole path below a folder in one call (Linux's openat2), a
// read costs five system calls instead of a dozen or more.
type Dir struct {
	root *os.Root
	fast fastDir // the system's one-call path, if it has one
}

// OpenDir opens the folder at path.
func OpenDir(path string) (*Dir, error) {
	r, err := os.OpenRoot(path)
	if err != nil {
		return nil, err
	}
	return &Dir{root: r, fast: openFast(path)}, nil
}

// ReadFile reads name, a slash- or system-separated path below the folder,
// as ReadIn does: the same files are read, and the same are refused with
// the same errors.
func (d *Dir) ReadFile(name string, limit int64) ([]byte, error) {
	if data, ok := d.fast.read(name, limit); ok {
		return data, nil
	}
	// Anything but a plain success (a missing file, a link out, a pipe,
	// a file too large, a system without the call) goes the general way,
	// which names the problem.
	return ReadIn(d.root, name, limit)
}

// Close closes the folder.
func (d *Dir) Close() error {
	d.fast.close()
	return d.root.Close()
}
