//go:build !linux

package safefile

// fastDir is empty where the system has no one-call safe path resolution:
// every read goes through os.Root.
type fastDir struct{}

func openFast(string) fastDir { return fastDir{} }

func (fastDir) read(string, int64) ([]byte, bool) { return nil, false }

func (fastDir) close() {}
