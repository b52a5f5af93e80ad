package main

import (
	"fmt"
	"io"
)

// runServe is not written yet.
func runServe(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "docgen serve: not implemented yet")
	return 2
}
