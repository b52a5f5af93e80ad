package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/docgen/docgen/internal/render"
	"github.com/docgen/docgen/internal/translate"
)

const i18nUsage = `Usage: docgen i18n <command> [flags]

Commands:
  check    [--json] [--strict]   check every catalog against the source and the layouts
  extract  [--prune]             add the message ids the layouts use to the source catalog
  merge                          fold finished work files in; write .docgen/translate/<lang>.toml
  status   [--json] [--fail-on STATES] [--accept content/<slug>/<lang>.md ...]
                                 translated, stale, untracked, draft or fallback, per page and language
  diff     <lang> [<slug>]       the English changes since each stale translation was synced

All take --root (the site folder, default ".") and --config (default <root>/config.toml).`

// runI18n runs the translators' tools (internal/translate).
func runI18n(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintln(stdout, i18nUsage)
		return 0
	}
	sub := map[string]func([]string, io.Writer, io.Writer) int{
		"check": runI18nCheck, "extract": runI18nExtract, "merge": runI18nMerge, "status": runI18nStatus, "diff": runI18nDiff,
	}[args[0]]
	if sub == nil {
		fmt.Fprintf(stderr, "docgen i18n: unknown command %q\n\n%s\n", args[0], i18nUsage)
		return 2
	}
	return sub(args[1:], stdout, stderr)
}

// i18nFlags binds the flags every i18n command takes.
func i18nFlags(name string, stderr io.Writer) (*flag.FlagSet, *translate.Options) {
	fs := flag.NewFlagSet("docgen i18n "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	opts := &translate.Options{CodeMessages: render.CodeMessages()}
	fs.StringVar(&opts.Root, "root", ".", "site folder holding config.toml, locales/ and layouts/")
	fs.StringVar(&opts.Config, "config", "", "configuration file (default config.toml in the site folder)")
	return fs, opts
}

// parseI18n parses flags (before or after arguments) and opens the site.
// It allows at most maxArgs arguments.
func parseI18n(fs *flag.FlagSet, opts *translate.Options, args []string, maxArgs int, stderr io.Writer) (*translate.Site, int, bool) {
	if err := parseInterspersed(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, 0, false
		}
		return nil, 2, false
	}
	if fs.NArg() > maxArgs {
		fmt.Fprintf(stderr, "%s: unexpected argument %q\n", fs.Name(), fs.Arg(maxArgs))
		return nil, 2, false
	}
	s, err := translate.Open(*opts)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return nil, 1, false
	}
	return s, 0, true
}

func fail(stderr io.Writer, err error) int {
	fmt.Fprintln(stderr, err)
	return 1
}

func runI18nCheck(args []string, stdout, stderr io.Writer) int {
	fs, opts := i18nFlags("check", stderr)
	asJSON := fs.Bool("json", false, "print findings as JSON (see docs/i18n.md)")
	strict := fs.Bool("strict", false, "exit with status 1 when there is any error-level finding")
	s, code, ok := parseI18n(fs, opts, args, 0, stderr)
	if !ok {
		return code
	}
	errs, err := s.Check(stdout, *asJSON)
	if err != nil {
		return fail(stderr, err)
	}
	if *strict && errs > 0 {
		return 1
	}
	return 0
}

func runI18nExtract(args []string, stdout, stderr io.Writer) int {
	fs, opts := i18nFlags("extract", stderr)
	prune := fs.Bool("prune", false, "also delete messages nothing uses")
	s, code, ok := parseI18n(fs, opts, args, 0, stderr)
	if !ok {
		return code
	}
	if err := s.Extract(stdout, *prune); err != nil {
		return fail(stderr, err)
	}
	return 0
}

func runI18nMerge(args []string, stdout, stderr io.Writer) int {
	fs, opts := i18nFlags("merge", stderr)
	s, code, ok := parseI18n(fs, opts, args, 0, stderr)
	if !ok {
		return code
	}
	if err := s.Merge(stdout); err != nil {
		return fail(stderr, err)
	}
	return 0
}

// multiFlag collects a flag given more than once.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func runI18nStatus(args []string, stdout, stderr io.Writer) int {
	fs, opts := i18nFlags("status", stderr)
	asJSON := fs.Bool("json", false, "print the status as JSON (see docs/i18n.md)")
	failOn := fs.String("fail-on", "", "exit with status 1 when a translation is in one of these `STATES` (comma-separated: stale, untranslated, untracked, draft, fallback)")
	var accept multiFlag
	fs.Var(&accept, "accept", "record that the translation `content/<slug>/<lang>.md` matches its English page as it is now (repeatable)")
	s, code, ok := parseI18n(fs, opts, args, 0, stderr)
	if !ok {
		return code
	}
	states, err := translate.FailOn(*failOn)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	if len(accept) > 0 {
		if err := s.Accept(stdout, accept); err != nil {
			return fail(stderr, err)
		}
		return 0
	}
	counts, err := s.Status(stdout, *asJSON)
	if err != nil {
		return fail(stderr, err)
	}
	var failed []string
	for _, st := range states {
		if counts[st] > 0 {
			failed = append(failed, fmt.Sprintf("%d %s", counts[st], st))
		}
	}
	if len(failed) > 0 {
		fmt.Fprintf(stderr, "docgen i18n status: %s (--fail-on %s)\n", strings.Join(failed, ", "), *failOn)
		return 1
	}
	return 0
}

func runI18nDiff(args []string, stdout, stderr io.Writer) int {
	fs, opts := i18nFlags("diff", stderr)
	s, code, ok := parseI18n(fs, opts, args, 2, stderr)
	if !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: docgen i18n diff <lang> [<slug>]")
		return 2
	}
	if err := s.Diff(stdout, fs.Arg(0), fs.Arg(1)); err != nil {
		return fail(stderr, err)
	}
	return 0
}
