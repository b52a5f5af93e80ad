package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/docgen/docgen/internal/build"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("docgen build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts build.Options
	fs.StringVar(&opts.Config, "config", "", "configuration file (default config.toml in the site folder)")
	fs.StringVar(&opts.Out, "out", "", "output folder (default public)")
	fs.StringVar(&opts.Root, "root", ".", "site folder holding content/, locales/ and layouts/")
	quiet := fs.Bool("quiet", false, "print errors only")
	fs.BoolVar(&opts.Force, "force", false, "build even when nothing changed since the last build")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "docgen build: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	report, err := build.Run(opts)
	if err != nil {
		fmt.Fprintf(stderr, "%v\n\ndocgen build: failed; the previous output was left as it was\n", err)
		return 1
	}
	if !*quiet {
		printReport(stdout, report)
	}
	return 0
}

// printReport writes the warnings and a line per language.
func printReport(w io.Writer, r *build.Report) {
	if r.UpToDate {
		fmt.Fprintf(w, "nothing changed since the last build; the output is up to date (checked in %s; --force rebuilds)\n", r.Duration.Round(1e6))
		return
	}
	for _, d := range r.Warnings {
		fmt.Fprintln(w, d.Error())
	}
	for _, l := range r.Languages {
		missing := ""
		if len(l.Missing) > 0 {
			missing = " (" + strings.Join(l.Missing, ", ") + ")"
		}
		stale := ""
		if l.Stale > 0 {
			stale = fmt.Sprintf(", %d stale", l.Stale)
		}
		if l.Drafts > 0 {
			stale += fmt.Sprintf(", %d draft", l.Drafts)
		}
		fmt.Fprintf(w, "%-6s %d pages: %d translated, %d fallback%s; %d missing messages%s\n",
			l.Code, l.Pages, l.Translated, l.Fallback, stale, len(l.Missing), missing)
	}
	fmt.Fprintf(w, "built %d files in %s\n", r.Files, r.Duration.Round(1e6))
}
