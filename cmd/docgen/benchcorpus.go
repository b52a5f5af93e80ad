package main

import (
	"fmt"
	"io"
)

// runBenchCorpus is not written yet.
func runBenchCorpus(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "docgen bench-corpus: not implemented yet")
	return 2
}
