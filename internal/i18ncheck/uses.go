package i18ncheck

import (
	"os"
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
// file and line of each use.
func LayoutUses(root, dir string) (map[string][]Use, error) {
	uses := map[string][]Use{}
	names, err := filepath.Glob(filepath.Join(root, dir, "*.html"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		shown := filepath.ToSlash(filepath.Join(dir, filepath.Base(name)))
		if err := layoutUses(shown, string(data), uses); err != nil {
			return nil, err
		}
	}
	return uses, nil
}

func layoutUses(file, text string, uses map[string][]Use) error {
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
			if s, ok := cmd.Args[1].(*parse.StringNode); ok {
				line := 1 + strings.Count(text[:int(s.Position())], "\n")
				uses[s.Text] = append(uses[s.Text], Use{File: file, Line: line})
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
