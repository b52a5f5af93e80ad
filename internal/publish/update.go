package publish

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/docgen/docgen/internal/render"
)

// Update changes an existing output folder in place: each written file is
// replaced atomically (temporary file, then rename in the same folder), and
// removed paths are deleted. It is for live preview, where only a few files
// change; full builds use Write.
func Update(out string, written []render.File, removed []string) error {
	for _, f := range written {
		if err := checkPath(f.Path); err != nil {
			return err
		}
		dst := filepath.Join(out, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		tmp, err := os.CreateTemp(filepath.Dir(dst), ".docgen-*")
		if err != nil {
			return err
		}
		if _, err := tmp.Write(f.Data); err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			return err
		}
		if err := tmp.Close(); err != nil {
			os.Remove(tmp.Name())
			return err
		}
		if err := os.Chmod(tmp.Name(), 0o644); err != nil {
			return err
		}
		if err := os.Rename(tmp.Name(), dst); err != nil {
			os.Remove(tmp.Name())
			return fmt.Errorf("replace %s: %w", f.Path, err)
		}
	}
	for _, p := range removed {
		if err := checkPath(p); err != nil {
			return err
		}
		if err := os.Remove(filepath.Join(out, filepath.FromSlash(p))); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return nil
}
