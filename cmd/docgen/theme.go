package main

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	theme "github.com/docgen/docgen"
	"github.com/docgen/docgen/internal/diag"
)

// runTheme handles "docgen theme eject [NAME...]": it copies built-in theme
// files into the site (layouts/NAME, or locales/<lang>.toml for a catalog)
// to edit them there. It never replaces a file.
func runTheme(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "eject" {
		fmt.Fprintln(stderr, "usage: docgen theme eject [--root DIR] [NAME...]   (NAME: guide.html, partials/footer.html, assets/docgen.css, locales/fr.toml; none: every layout)")
		return 2
	}
	fs0 := flag.NewFlagSet("docgen theme eject", flag.ContinueOnError)
	fs0.SetOutput(stderr)
	root := fs0.String("root", ".", "site folder")
	if err := fs0.Parse(args[1:]); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	names := fs0.Args()
	if len(names) == 0 {
		_ = fs.WalkDir(theme.Layouts(), ".", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				names = append(names, p)
			}
			return nil
		})
		sort.Strings(names)
	}
	status := 0
	for _, name := range names {
		src, dst := theme.Layouts(), path.Join("layouts", name)
		if rest, ok := strings.CutPrefix(name, "locales/"); ok {
			src, dst, name = theme.Locales(), name, rest
		}
		if !fs.ValidPath(name) || strings.Contains(name, "..") {
			fmt.Fprintf(stderr, "docgen theme eject: %q is not a file of the built-in theme\n", name)
			status = 1
			continue
		}
		data, err := fs.ReadFile(src, name)
		if err != nil {
			fmt.Fprintf(stderr, "docgen theme eject: %q is not a file of the built-in theme\n", name)
			status = 1
			continue
		}
		within := "layouts/"
		if strings.HasPrefix(dst, "locales/") {
			within = "locales/"
		}
		// Created, never replaced, and kept inside the site (createFile).
		if err := createFile(*root, dst, within, data); err != nil {
			if d, ok := diag.As(err); ok && d.Message == "file already exists" {
				fmt.Fprintf(stdout, "kept    %s (it exists; docgen never replaces a file)\n", dst)
				continue
			}
			fmt.Fprintf(stderr, "docgen theme eject: %v\n", err)
			status = 1
			continue
		}
		fmt.Fprintf(stdout, "wrote   %s\n", dst)
	}
	return status
}
