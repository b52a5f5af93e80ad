// Package translate holds the translators' tools behind docgen i18n:
// check (catalogs and pages against their sources), extract (the message
// ids the layouts use), merge (work files in and out of the catalogs),
// status (per page and language, with --accept) and diff (what changed in
// the English since a translation was made).
//
// Every file it writes under locales/ and content/ is written atomically,
// and changes only what it was asked to: a catalog is patched key by key
// (catalog.Patch), a page's front matter line by line. Its own files live
// in .docgen/translate/, where git and a translation platform's
// locales/*.toml mask do not see them.
package translate

import (
	"errors"
	"fmt"
	"github.com/docgen/docgen"
	"github.com/docgen/docgen/internal/safefile"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/docgen/docgen/internal/atomicfile"
	"github.com/docgen/docgen/internal/config"
	"github.com/docgen/docgen/internal/i18ncheck"
)

// WorkDir is the folder, relative to the site root, of the translators'
// work files (<lang>.toml) and of docgen's records of English texts.
const WorkDir = ".docgen/translate"

// Options say which site the tools work on.
type Options struct {
	Root         string   // site folder; "" is the current folder
	Config       string   // configuration file; "" is Root/config.toml
	CodeMessages []string // message ids docgen's own code uses (not in any layout)
	// Write writes a file atomically; nil means atomicfile.WriteFile. Tests
	// set it to fail at a chosen write.
	Write func(path string, data []byte) error
}

// Site is a loaded site: its configuration and catalogs.
type Site struct {
	root    string
	cfg     *config.Config
	code    []string
	write   func(string, []byte) error
	source  i18ncheck.Catalog
	targets []i18ncheck.Catalog
}

// Open loads the configuration and the catalog files of a site.
func Open(opts Options) (*Site, error) {
	root := opts.Root
	if root == "" {
		root = "."
	}
	cfgPath := opts.Config
	if cfgPath == "" {
		cfgPath = filepath.Join(root, "config.toml")
	}
	cfg, err := config.Load(cfgPath)
	if err != nil {
		return nil, err
	}
	s := &Site{root: root, cfg: cfg, code: opts.CodeMessages, write: opts.Write}
	if s.write == nil {
		s.write = func(path string, data []byte) error { return atomicfile.WriteFile(path, data, 0o644) }
	}
	for i := range cfg.Languages {
		l := &cfg.Languages[i]
		c := i18ncheck.Catalog{Lang: l.Code, Tag: l.Tag, File: "locales/" + l.Code + ".toml", Builtin: builtinCatalog(l.Code)}
		data, err := safefile.ReadFile(s.path(c.File), safefile.MaxText)
		if err == nil {
			c.Data = data
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		if l == cfg.DefaultLanguage {
			s.source = c
		} else {
			s.targets = append(s.targets, c)
		}
	}
	return s, nil
}

// path turns a slash path relative to the site root into a file path.
func (s *Site) path(rel string) string { return filepath.Join(s.root, filepath.FromSlash(rel)) }

// writeFile writes a file relative to the root atomically, unless it
// already holds data; it reports whether it wrote.
func (s *Site) writeFile(rel string, data []byte) (bool, error) {
	p := s.path(rel)
	old, err := safefile.ReadFile(p, safefile.MaxText)
	switch {
	case err == nil && string(old) == string(data):
		return false, nil
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		// Unreadable, too large or not a regular file: never replaced.
		return false, fmt.Errorf("%s: %w; docgen leaves it as it is", rel, err)
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return false, err
	}
	return true, s.write(p, data)
}

// uses returns every message id the layouts and docgen's code use, and the
// layout uses whose id cannot be known without running the layout.
func (s *Site) uses() (map[string][]i18ncheck.Use, []i18ncheck.Use, error) {
	uses, dynamic, err := i18ncheck.LayoutUsesWithBuiltin(s.root, "layouts", docgen.Layouts())
	if err != nil {
		return nil, nil, err
	}
	for _, id := range s.code {
		uses[id] = append(uses[id], i18ncheck.Use{File: "(docgen)", Line: 0})
	}
	return uses, dynamic, nil
}

// workFile is the work file of a language, relative to the root.
func workFile(lang string) string { return WorkDir + "/" + lang + ".toml" }

// legacyWorkFile is where docgen once wrote work files; a platform's
// locales/*.toml mask caught them.
func legacyWorkFile(lang string) string { return "locales/translate." + lang + ".toml" }

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
