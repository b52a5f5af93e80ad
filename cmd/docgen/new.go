package main

import (
	"fmt"
	"io"
)

// runNew is not written yet.
func runNew(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "docgen new: not implemented yet")
	return 2
}
