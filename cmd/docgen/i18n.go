package main

import (
	"fmt"
	"io"
)

// runI18n is not written yet.
func runI18n(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "docgen i18n: not implemented yet")
	return 2
}
