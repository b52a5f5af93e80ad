package safefile

import (
	"sync/atomic"

	"golang.org/x/sys/unix"
)

// fastDir reads files below a folder with openat2, which refuses a path
// or link that leads out of it (RESOLVE_BENEATH) as os.Root does.
type fastDir struct {
	fd  int          // the folder (O_PATH), or -1
	off *atomic.Bool // set once openat2 turns out to be missing or refused
}

func openFast(path string) fastDir {
	fd, err := unix.Open(path, unix.O_PATH|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		fd = -1
	}
	return fastDir{fd: fd, off: new(atomic.Bool)}
}

// read returns the file's bytes and true, or false for anything but a
// regular file below the folder of at most limit bytes read in full.
func (d fastDir) read(name string, limit int64) ([]byte, bool) {
	if d.fd < 0 || d.off.Load() {
		return nil, false
	}
	how := unix.OpenHow{
		Flags:   unix.O_RDONLY | unix.O_CLOEXEC | unix.O_NONBLOCK,
		Resolve: unix.RESOLVE_BENEATH | unix.RESOLVE_NO_MAGICLINKS,
	}
	var fd int
	var err error
	for {
		if fd, err = unix.Openat2(d.fd, name, &how); err != unix.EINTR {
			break
		}
	}
	if err == unix.ENOSYS || err == unix.EPERM {
		d.off.Store(true) // an old kernel, or a sandbox that forbids the call
	}
	if err != nil {
		return nil, false
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if unix.Fstat(fd, &st) != nil || st.Mode&unix.S_IFMT != unix.S_IFREG || st.Size > limit {
		return nil, false
	}
	// One byte more than the size tells a file that grew since.
	data := make([]byte, st.Size+1)
	n := 0
	for {
		m, err := unix.Read(fd, data[n:])
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, false
		}
		if m == 0 {
			return data[:n], true
		}
		if n += m; n == len(data) {
			return nil, false // it grew: the general way reads it, up to the limit
		}
	}
}

func (d fastDir) close() {
	if d.fd >= 0 {
		unix.Close(d.fd)
	}
}
