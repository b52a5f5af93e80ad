//go:build unix

package publish

import (
	"os"

	"golang.org/x/sys/unix"
)

// writeNew writes data to a new file at path, or replaces one, and returns
// the file's manifest entry as a scan would find it. It is os.WriteFile
// without the runtime's poller: a build writes tens of thousands of small
// files, and os.OpenFile spends two system calls on each finding out a
// regular file cannot be polled.
func writeNew(path string, data []byte) (entry, error) {
	fd, err := openRetry(path)
	if err != nil {
		return entry{}, &os.PathError{Op: "open", Path: path, Err: err}
	}
	for len(data) > 0 {
		n, err := unix.Write(fd, data)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			unix.Close(fd)
			return entry{}, &os.PathError{Op: "write", Path: path, Err: err}
		}
		data = data[n:]
	}
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		unix.Close(fd)
		return entry{}, &os.PathError{Op: "stat", Path: path, Err: err}
	}
	if err := unix.Close(fd); err != nil {
		return entry{}, &os.PathError{Op: "close", Path: path, Err: err}
	}
	return entry{size: st.Size, mtime: st.Mtim.Nano()}, nil
}

func openRetry(path string) (int, error) {
	for {
		fd, err := unix.Open(path, unix.O_WRONLY|unix.O_CREAT|unix.O_TRUNC|unix.O_CLOEXEC, 0o644)
		if err != unix.EINTR {
			return fd, err
		}
	}
}
