package i18ncheck

import (
	"github.com/docgen/docgen/internal/safefile"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"text/template/parse"

	"github.com/docgen/docgen/internal/diag"
)

// translatorMethods are the Translator methods layouts call with a message id
// as first argument: {{.T.T "Id"}}, {{.T.N "Id" 3}}, {{.T.Links "Id" ...}}.
var translatorMethods = map[string]bool{"T": true, "N": true, "Links": true, "Markup": true}

// LayoutUses finds every message id the layouts in root/dir use, with the
// file and line of each use. dynamic lists the uses whose id is not a
// string written in the layout ({{.T.T $id}}): which messages they reach
// cannot be known without running the layout. A missing or empty folder is
// an error, since nothing could be said about what is used.
func LayoutUses(root, dir string) (uses map[string][]Use, dynamic []Use, err error) {
	return LayoutUsesWithBuiltin(root, dir, nil)
}

// LayoutUsesWithBuiltin is LayoutUses over the layouts a build uses: the
// site's dir/*.html and dir/partials/*.html, and for each name the site
// lacks, the built-in theme's file of that name (builtin may be nil).
func LayoutUsesWithBuiltin(root, dir string, builtin fs.FS) (uses map[string][]Use, dynamic []Use, err error) {
	uses = map[string][]Use{}
	files := map[string]func() ([]byte, error){} // shown name → reader
	for _, pattern := range []string{"*.html", "partials/*.html"} {
		if builtin != nil {
			names, _ := fs.Glob(builtin, pattern)
			for _, n := range names {
				files[filepath.ToSlash(filepath.Join(dir, n))] = func() ([]byte, error) { return fs.ReadFile(builtin, n) }
			}
		}
		names, err := filepath.Glob(filepath.Join(root, dir, filepath.FromSlash(pattern)))
		if err != nil {
			return nil, nil, err
		}
		for _, n := range names {
			rel, _ := filepath.Rel(filepath.Join(root, dir), n)
			files[filepath.ToSlash(filepath.Join(dir, rel))] = func() ([]byte, error) { return safefile.ReadFile(n, safefile.MaxText) }
		}
	}
	if len(files) == 0 {
		return nil, nil, diag.Errorf(dir, 0, "run docgen in the site folder (or pass --root), with the layouts in "+dir+"/",
			"no layouts found in %s", dir)
	}
	shown := make([]string, 0, len(files))
	for name := range files {
		shown = append(shown, name)
	}
	sort.Strings(shown)
	for _, name := range shown {
		data, err := files[name]()
		if err != nil {
			return nil, nil, err
		}
		if err := layoutUses(name, string(data), uses, &dynamic); err != nil {
			return nil, nil, err
		}
	}
	return uses, dynamic, nil
}

func layoutUses(file, text string, uses map[string][]Use, dynamic *[]Use) error {
	trees, err := parseTemplate(file, text)
	if err != nil {
		return diag.Errorf(file, 0, "fix the template syntax", "%v", err)
	}
	names := make([]string, 0, len(trees))
	for name := range trees {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		walkTemplate(trees[name].Root, func(n parse.Node) {
			cmd, ok := n.(*parse.CommandNode)
			if !ok || len(cmd.Args) < 2 || !translatorMethods[lastIdent(cmd.Args[0])] {
				return
			}
			line := 1 + strings.Count(text[:int(cmd.Args[1].Position())], "\n")
			if s, ok := cmd.Args[1].(*parse.StringNode); ok {
				uses[s.Text] = append(uses[s.Text], Use{File: file, Line: line})
			} else {
				*dynamic = append(*dynamic, Use{File: file, Line: line})
			}
		})
	}
	return nil
}

func lastIdent(n parse.Node) string {
	switch n := n.(type) {
	case *parse.FieldNode:
		return n.Ident[len(n.Ident)-1]
	case *parse.ChainNode:
		return n.Field[len(n.Field)-1]
	case *parse.VariableNode:
		return n.Ident[len(n.Ident)-1]
	}
	return ""
}
