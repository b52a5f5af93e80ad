package dirscan

import (
	"io/fs"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// stat reads a file's stamp by name within its open folder: one system
// call that does not walk the path again.
func stat(dir *os.File, name string) (Entry, error) {
	var st unix.Stat_t
	if err := unix.Fstatat(int(dir.Fd()), name, &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
		return Entry{}, &fs.PathError{Op: "lstat", Path: filepath.Join(dir.Name(), name), Err: err}
	}
	e := Entry{Size: st.Size, MTime: st.Mtim.Nano()}
	if st.Mode&unix.S_IFMT != unix.S_IFREG {
		info, err := os.Lstat(filepath.Join(dir.Name(), name))
		if err != nil {
			return Entry{}, err
		}
		e.Mode = info.Mode().Type()
	}
	return e, nil
}
