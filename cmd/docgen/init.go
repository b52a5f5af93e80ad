package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/docgen/docgen/internal/initsite"
)

// runInit writes a new site into a folder.
//
//	docgen init [DIR] [--languages en,fr] [--force]
func runInit(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("docgen init", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage:\n  docgen init [DIR] [--languages en,fr] [--force]\n\nWrites a small multilingual site into DIR (default: the current folder).\n\nFlags:")
		fs.PrintDefaults()
	}
	langs := fs.String("languages", "en,fr", "comma-separated language `tags`; the first is the source language")
	force := fs.Bool("force", false, "write into a folder that is not empty, adding only missing files (none is replaced)")
	if err := parseInterspersed(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 1 {
		fmt.Fprintf(stderr, "docgen init: unexpected argument %q\n", fs.Arg(1))
		return 2
	}
	dir := "."
	if fs.NArg() == 1 {
		dir = fs.Arg(0)
	}
	tags, err := initsite.ParseLanguages(*langs)
	if err != nil {
		fmt.Fprintf(stderr, "docgen init: --languages: %v\n", err)
		return 2
	}
	site, err := initsite.New(initsite.Options{Languages: tags})
	if err == nil {
		var rep *initsite.Report
		rep, err = initsite.Write(dir, site.Files, *force)
		printInit(stdout, dir, site, rep)
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

// printInit lists what was written and skipped, the notes, and what to run next.
func printInit(w io.Writer, dir string, site *initsite.Site, rep *initsite.Report) {
	if rep == nil {
		return
	}
	for _, p := range rep.Written {
		fmt.Fprintf(w, "created %s\n", filepath.ToSlash(filepath.Join(dir, p)))
	}
	for _, p := range rep.Skipped {
		fmt.Fprintf(w, "skipped %s (it exists; left as it is)\n", filepath.ToSlash(filepath.Join(dir, p)))
	}
	if len(rep.Written)+len(rep.Skipped) < len(site.Files) {
		return // failed part way; the error follows
	}
	for _, n := range site.Notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
	if slices.Contains(rep.Skipped, "config.toml") && len(rep.Written) > 0 {
		fmt.Fprintln(w, "note: config.toml was kept as it was: check that it declares the languages of the pages written")
	}
	fmt.Fprintln(w, "\nNext:")
	if filepath.Clean(dir) == "." {
		fmt.Fprintln(w, "  docgen build")
	} else {
		fmt.Fprintf(w, "  cd %s && docgen build\n", shellQuote(dir))
	}
	fmt.Fprintln(w, "  docgen serve")
}

// shellQuote quotes s for a POSIX shell when it holds anything but plain
// path characters.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
