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
//
// A slug is the guide's folder path below content/, at any depth
// ("guides/auth/tokens").
func runNew(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("docgen new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage:\n  docgen new guide <slug> [--title \"Title\"]\n  docgen new --translate <lang> <page>\n\n<slug> is the guide's folder below content/, at any depth (guides/auth/tokens).\n<page> is a guide's slug or its content/<slug>/en.md path.\n\nFlags:")
		fs.PrintDefaults()
	}
	root := fs.String("root", ".", "site folder holding config.toml and content/")
	cfgPath := fs.String("config", "", "configuration file (default config.toml in the site folder)")
	translate := fs.String("translate", "", "language `code` to make a translation skeleton for")
	title := fs.String("title", "", "title of a new guide (default: from the slug)")
	if err := parseInterspersed(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *cfgPath == "" {
		*cfgPath = filepath.Join(*root, "config.toml")
	}
	cfg, err := config.Load(*cfgPath)
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
		err = createFile(*root, path, "content/", data)
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
	slug = strings.Trim(strings.TrimPrefix(filepath.ToSlash(slug), "content/"), "/")
	if s, _, err := content.ParseFileName(slug + "/x.md"); err != nil || s != slug {
		return "", nil, diag.Errorf("content/"+slug, 0, "use lower-case letters, digits and hyphens, with / between sections, e.g. docgen new guide account-setup or docgen new guide guides/auth/tokens", "invalid guide slug %q", slug)
	}
	if title == "" {
		title = content.FolderTitle(slug)
	}
	pages, err := content.Load(root, "content", func(code string) bool { return cfg.Language(code) != nil })
	if err != nil {
		return "", nil, err
	}
	// After the last page of the same section.
	weight := 0
	for _, p := range pages {
		if content.Parent(p.Slug) == content.Parent(slug) {
			weight = max(weight, p.Front.Weight)
		}
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
	if s, _, err := content.ParseFileName(slug + "/" + def + ".md"); err != nil || s != slug {
		return "", nil, diag.Errorf(filepath.ToSlash(page), 0, "name a guide by its slug (the folder under content/) or its content/<slug>/"+def+".md path", "%q is not a guide of this site", page)
	}
	srcPath := "content/" + slug + "/" + def + ".md"
	raw, err := content.ReadFile(root, srcPath)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil, diag.Errorf(srcPath, 0, "name a guide that exists: its slug (the folder under content/) or its "+def+".md path", "cannot read the source page: %v", errors.Unwrap(err))
	}
	if err != nil {
		return "", nil, err
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

// createFile writes data to the new file rel (a path below root with
// forward slashes) atomically: a temporary file in the same folder, synced,
// then linked into place, so an existing file is never replaced and a
// crash leaves no half-written page. os.Root keeps every step inside the
// site, through ".." and symbolic links alike, and rel must lie in the
// folder within ("content/" for docgen new).
func createFile(root, rel, within string, data []byte) error {
	name := filepath.FromSlash(rel)
	if !filepath.IsLocal(name) || !strings.HasPrefix(rel, within) {
		return diag.Errorf(rel, 0, "docgen writes only below "+within, "refusing to write outside %s", within)
	}
	site, err := os.OpenRoot(root)
	if err != nil {
		return err
	}
	defer site.Close()
	if err := site.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return diag.Errorf(rel, 0, "docgen writes only inside the site's "+within+" folder", "cannot create the folder: %v", err)
	}
	if _, err := site.Lstat(name); err == nil {
		return errExists(rel)
	}
	tmp := filepath.Join(filepath.Dir(name), ".docgen-new-"+filepath.Base(name)+".tmp")
	f, err := site.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return diag.Errorf(rel, 0, "remove "+filepath.ToSlash(tmp)+" if no docgen new is running", "cannot create a temporary file: %v", err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = site.Link(tmp, name) // fails if name exists, unlike a rename
		if errors.Is(err, fs.ErrExist) {
			err = errExists(rel)
		}
	}
	site.Remove(tmp)
	return err
}

func errExists(rel string) error {
	return diag.Errorf(rel, 0, "edit the existing file, or delete it first to start over", "file already exists")
}
