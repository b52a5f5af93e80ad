//go:build unix

package publish

import (
	"os"

	"golang.org/x/sys/unix"
)

// writeNew writes data to a new file at path, or replaces one. It is
// os.WriteFile without the runtime's poller: a build writes tens of
// thousands of small files, and os.OpenFile spends two system calls on each
// finding out a regular file cannot be polled.
func writeNew(path string, data []byte) error {
	fd, err := openRetry(path)
	if err != nil {
		return &os.PathError{Op: "open", Path: path, Err: err}
	}
	for len(data) > 0 {
		n, err := unix.Write(fd, data)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			unix.Close(fd)
			return &os.PathError{Op: "write", Path: path, Err: err}
		}
		data = data[n:]
	}
	if err := unix.Close(fd); err != nil {
		return &os.PathError{Op: "close", Path: path, Err: err}
	}
	return nil
}

func openRetry(path string) (int, error) {
	for {
		fd, err := unix.Open(path, unix.O_WRONLY|unix.O_CREAT|unix.O_TRUNC|unix.O_CLOEXEC, 0o644)
		if err != unix.EINTR {
			return fd, err
		}
	}
}
