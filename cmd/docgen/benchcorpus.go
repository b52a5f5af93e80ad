package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/docgen/docgen/internal/benchcorpus"
)

// runBenchCorpus writes the benchmark corpus as a docgen site (OUT/docgen)
// and as the equivalent Hugo site (OUT/hugo).
func runBenchCorpus(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("docgen bench-corpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 200, "guides per language")
	out := fs.String("out", "bench/corpus", "folder to write docgen/ and hugo/ into (must not exist)")
	root := fs.String("root", ".", "site whose layouts/ and locales/ the docgen corpus uses")
	seed := fs.Uint64("seed", 1, "random seed; the same seed gives the same corpus")
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
	opts := benchcorpus.Options{Guides: *n, Seed: *seed}
	if err := benchcorpus.WriteDocgen(filepath.Join(*out, "docgen"), opts,
		os.DirFS(filepath.Join(*root, "layouts")), os.DirFS(filepath.Join(*root, "locales"))); err != nil {
		fmt.Fprintln(stderr, "docgen bench-corpus:", err)
		return 1
	}
	if err := benchcorpus.WriteHugo(filepath.Join(*out, "hugo"), opts); err != nil {
		fmt.Fprintln(stderr, "docgen bench-corpus:", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d guides per language to %s/docgen and %s/hugo\n", *n, *out, *out)
	return 0
}
