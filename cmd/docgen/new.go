package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/docgen/docgen/internal/config"
	"github.com/docgen/docgen/internal/content"
	"github.com/docgen/docgen/internal/diag"
	"github.com/docgen/docgen/internal/markdown"
	"github.com/docgen/docgen/internal/scaffold"
)

// runNew creates a new English guide, or the skeleton of a translation.
//
//	docgen new guide <slug> [--title "..."]
//	docgen new --translate <lang> <page>
func runNew(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("docgen new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage:\n  docgen new guide <slug> [--title \"Title\"]\n  docgen new --translate <lang> <page>\n\n<page> is a guide's slug or its content/<slug>/en.md path.\n\nFlags:")
		fs.PrintDefaults()
	}
	root := fs.String("root", ".", "site folder holding config.toml and content/")
	translate := fs.String("translate", "", "language `code` to make a translation skeleton for")
	title := fs.String("title", "", "title of a new guide (default: from the slug)")
	if err := parseInterspersed(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	cfg, err := config.Load(filepath.Join(*root, "config.toml"))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	var path string
	var data []byte
	switch {
	case *translate != "" && fs.NArg() == 1:
		path, data, err = newTranslation(*root, cfg, *translate, fs.Arg(0))
	case *translate == "" && fs.NArg() == 2 && fs.Arg(0) == "guide":
		path, data, err = newGuide(*root, cfg, fs.Arg(1), *title)
	default:
		fs.Usage()
		return 2
	}
	if err == nil {
		err = createFile(filepath.Join(*root, filepath.FromSlash(path)), data)
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintf(stdout, "created %s\n", path)
	return 0
}

// parseInterspersed parses flags that may come before or after the
// positional arguments, as writers type them.
func parseInterspersed(fs *flag.FlagSet, args []string) error {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	return fs.Parse(append([]string{"--"}, pos...))
}

func newGuide(root string, cfg *config.Config, slug, title string) (string, []byte, error) {
	if _, _, err := content.ParseFileName(slug + "/x.md"); err != nil || strings.Contains(slug, "/") {
		return "", nil, diag.Errorf("content/"+slug, 0, "use lower-case letters, digits and hyphens, e.g. docgen new guide account-setup", "invalid guide slug %q", slug)
	}
	if title == "" {
		words := strings.Split(slug, "-")
		for i, w := range words {
			if i == 0 && w != "" {
				words[i] = strings.ToUpper(w[:1]) + w[1:]
			}
		}
		title = strings.Join(words, " ")
	}
	pages, err := content.Load(root, "content", func(code string) bool { return cfg.Language(code) != nil })
	if err != nil {
		return "", nil, err
	}
	weight := 0
	for _, p := range pages {
		weight = max(weight, p.Front.Weight)
	}
	weight = (weight/10 + 1) * 10
	var clients []string
	for _, c := range cfg.Clients {
		clients = append(clients, c.ID)
	}
	return "content/" + slug + "/" + cfg.DefaultLanguage.Code + ".md", scaffold.Guide(title, weight, clients), nil
}

func newTranslation(root string, cfg *config.Config, lang, page string) (string, []byte, error) {
	def := cfg.DefaultLanguage.Code
	target := cfg.Language(lang)
	switch {
	case target == nil:
		return "", nil, diag.Errorf("config.toml", 0, "use a language declared under [languages], or add it there first", "unknown language %q", lang)
	case target.Code == def:
		return "", nil, diag.Errorf("config.toml", 0, "pick a language other than the source language", "%q is the source language; it has nothing to translate from", lang)
	}
	slug := strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(page), "content/"), "/")
	slug = strings.TrimSuffix(slug, "/"+def+".md")
	srcPath := "content/" + slug + "/" + def + ".md"
	raw, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(srcPath)))
	if err != nil {
		return "", nil, diag.Errorf(srcPath, 0, "name a guide that exists: its slug (the folder under content/) or its "+def+".md path", "cannot read the source page: %v", errors.Unwrap(err))
	}
	src, err := content.Parse(srcPath, slug, def, raw)
	if err != nil {
		return "", nil, err
	}
	doc := markdown.New(markdown.Options{ClientName: cfg.ClientName}).Parse(srcPath, src.Body, src.BodyLine)
	if err := doc.Diags.Errors().Err(); err != nil {
		return "", nil, err
	}
	return "content/" + slug + "/" + lang + ".md", scaffold.Translation(src, doc.Headings), nil
}

// createFile writes data to a new file and never replaces an existing one.
func createFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return diag.Errorf(filepath.ToSlash(path), 0, "edit the existing file, or delete it first to start over", "file already exists")
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
