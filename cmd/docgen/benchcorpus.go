package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	theme "github.com/docgen/docgen"
	"github.com/docgen/docgen/internal/benchcorpus"
)

// runBenchCorpus writes the benchmark corpus as a docgen site (OUT/docgen)
// and as the equivalent Hugo site (OUT/hugo). Code comments and strings are
// translated per language unless --same-code asks for the older corpus.
func runBenchCorpus(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("docgen bench-corpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 200, "guides per language")
	out := fs.String("out", "bench/corpus", "folder to write docgen/ and hugo/ into (must not exist)")
	root := fs.String("root", "", "site whose layouts/ and locales/ the docgen corpus copies (default: the built-in theme)")
	seed := fs.Uint64("seed", 1, "random seed; the same seed gives the same corpus")
	sameCode := fs.Bool("same-code", false, "identical code blocks (English comments) in every language, as in the corpus before per-language code")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if _, err := os.Stat(*out); err == nil {
		fmt.Fprintf(stderr, "docgen bench-corpus: %s already exists; remove it or choose another --out\n", *out)
		return 1
	}
	opts := benchcorpus.Options{Guides: *n, Seed: *seed, SameCode: *sameCode}
	layouts, locales := theme.Layouts(), theme.Locales()
	if *root != "" {
		layouts, locales = os.DirFS(filepath.Join(*root, "layouts")), os.DirFS(filepath.Join(*root, "locales"))
	}
	if err := benchcorpus.WriteDocgen(filepath.Join(*out, "docgen"), opts, layouts, locales); err != nil {
		fmt.Fprintln(stderr, "docgen bench-corpus:", err)
		return 1
	}
	if err := benchcorpus.WriteHugo(filepath.Join(*out, "hugo"), opts); err != nil {
		fmt.Fprintln(stderr, "docgen bench-corpus:", err)
		return 1
	}
	code := "code comments translated per language"
	if *sameCode {
		code = "the same code in every language"
	}
	fmt.Fprintf(stdout, "wrote %d guides per language (%s) to %s/docgen and %s/hugo\n", *n, code, *out, *out)
	return 0
}
