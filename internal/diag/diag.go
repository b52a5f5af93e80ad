// Package diag defines the diagnostics every docgen stage reports: an error or
// warning tied to a file position, with a hint that tells the reader what to do.
package diag

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Severity says whether a diagnostic stops the build.
type Severity int

const (
	// Error stops the build.
	Error Severity = iota
	// Warning is reported but the build goes on.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one finding about an input file.
type Diagnostic struct {
	Severity Severity
	File     string // path as the user would type it, relative to the site root when possible
	Line     int    // 1-based; 0 when unknown
	Col      int    // 1-based; 0 when unknown
	Message  string // what is wrong
	Hint     string // what to do about it; may be empty
	Kind     string // a stable name of the kind of problem, e.g. "placeholder"; may be empty
}

// Error formats the diagnostic as "file:line:col: message (hint)".
func (d *Diagnostic) Error() string {
	var b strings.Builder
	b.WriteString(d.File)
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Line)
		if d.Col > 0 {
			fmt.Fprintf(&b, ":%d", d.Col)
		}
	}
	b.WriteString(": ")
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(d.Message)
	if d.Hint != "" {
		b.WriteString("\n\thint: ")
		b.WriteString(d.Hint)
	}
	return b.String()
}

// Errorf makes an error-level diagnostic.
func Errorf(file string, line int, hint, format string, args ...any) *Diagnostic {
	return &Diagnostic{Severity: Error, File: file, Line: line, Message: fmt.Sprintf(format, args...), Hint: hint}
}

// Warnf makes a warning-level diagnostic.
func Warnf(file string, line int, hint, format string, args ...any) *Diagnostic {
	return &Diagnostic{Severity: Warning, File: file, Line: line, Message: fmt.Sprintf(format, args...), Hint: hint}
}

// List collects diagnostics from a stage. Its zero value is ready to use; it
// is not safe for concurrent use.
type List []*Diagnostic

// Add appends d.
func (l *List) Add(d *Diagnostic) { *l = append(*l, d) }

// Errors returns the error-level diagnostics.
func (l List) Errors() List {
	var out List
	for _, d := range l {
		if d.Severity == Error {
			out = append(out, d)
		}
	}
	return out
}

// Warnings returns the warning-level diagnostics.
func (l List) Warnings() List {
	var out List
	for _, d := range l {
		if d.Severity == Warning {
			out = append(out, d)
		}
	}
	return out
}

// Sort orders the list by file, line, column and message, so output is stable.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Message < b.Message
	})
}

// Err returns the error-level diagnostics as one error, or nil when there are none.
func (l List) Err() error {
	errs := l.Errors()
	if len(errs) == 0 {
		return nil
	}
	errs.Sort()
	return errs
}

// Error joins the diagnostics, one per line.
func (l List) Error() string {
	parts := make([]string, len(l))
	for i, d := range l {
		parts[i] = d.Error()
	}
	return strings.Join(parts, "\n")
}

// Unwrap lets errors.As find each diagnostic.
func (l List) Unwrap() []error {
	out := make([]error, len(l))
	for i, d := range l {
		out[i] = d
	}
	return out
}

// As reports whether err holds a diagnostic and returns the first one.
func As(err error) (*Diagnostic, bool) {
	var d *Diagnostic
	if errors.As(err, &d) {
		return d, true
	}
	return nil, false
}

// LineOf returns the 1-based line of byte offset off in src.
func LineOf(src []byte, off int) int {
	if off > len(src) {
		off = len(src)
	}
	line := 1
	for _, c := range src[:off] {
		if c == '\n' {
			line++
		}
	}
	return line
}
