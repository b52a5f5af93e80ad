package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Lock is held by the one docgen process writing an output folder. It is
// an advisory lock (flock) on a file among docgen's records, which the
// kernel releases when its holder exits, however it exits: a lock left by a
// killed process is simply taken by the next one.
type Lock struct {
	f    *os.File
	path string
}

// BusyError says another docgen process holds the output folder's lock.
type BusyError struct {
	Out    string
	Holder string // "pid 123 (docgen build, since 12:00:01)" as the holder recorded it
}

func (e *BusyError) Error() string {
	return fmt.Sprintf("%s: another docgen is writing this output folder (%s)\n  hint: wait for it to finish, or stop it, then run this command again", e.Out, e.Holder)
}

// acquireAt takes the lock file p of the output out for the command named
// what ("docgen build"), or fails at once with a *BusyError naming the
// process that holds it.
func acquireAt(p, out, what string) (*Lock, error) {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("cannot open the lock file %s: %w", p, err)
	}
	if err := tryLock(f); err != nil {
		holder := "unknown process"
		if data, rerr := os.ReadFile(p); rerr == nil && len(strings.TrimSpace(string(data))) > 0 {
			holder = strings.TrimSpace(string(data))
		}
		f.Close()
		return nil, &BusyError{Out: out, Holder: holder}
	}
	// Record who holds it, for the message another process shows.
	info := "pid " + strconv.Itoa(os.Getpid()) + " (" + what + ", since " + time.Now().Format("15:04:05") + ")\n"
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt([]byte(info), 0)
	}
	return &Lock{f: f, path: p}, nil
}

// Release gives the lock up. The lock file stays (removing it would race
// with a process about to lock it); it is empty of meaning once unlocked.
func (l *Lock) Release() {
	if l == nil || l.f == nil {
		return
	}
	_ = l.f.Truncate(0)
	_ = unlock(l.f)
	l.f.Close()
	l.f = nil
}
