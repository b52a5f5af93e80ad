// Package tomlpos finds where a key is written in a TOML document, so that
// errors about decoded values (unknown keys, invalid values) can name a line.
// BurntSushi/toml reports positions for syntax errors but not for keys.
package tomlpos

import (
	"bytes"
	"errors"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/docgen/docgen/internal/diag"
)

// Line returns the 1-based line on which key (a full dotted path, as in
// toml.Key) is defined in src, or 0 when it cannot be found. A table header
// such as [languages.fa] counts as the definition of languages.fa.
func Line(src []byte, key []string) int {
	want := strings.Join(key, "\x00")
	var table []string
	inMultiline := ""
	for i, raw := range bytes.Split(src, []byte("\n")) {
		line := strings.TrimSpace(string(raw))
		if inMultiline != "" {
			if strings.Contains(line, inMultiline) {
				inMultiline = ""
			}
			continue
		}
		if line == "" || line[0] == '#' {
			continue
		}
		if line[0] == '[' {
			header := strings.TrimLeft(line, "[")
			if end := strings.Index(header, "]"); end >= 0 {
				header = header[:end]
			}
			table = SplitKey(header)
			if strings.Join(table, "\x00") == want {
				return i + 1
			}
			continue
		}
		eq := KeyEnd(line)
		if eq < 0 {
			continue
		}
		full := append(append([]string{}, table...), SplitKey(line[:eq])...)
		if strings.Join(full, "\x00") == want || strings.HasPrefix(want, strings.Join(full, "\x00")+"\x00") {
			return i + 1
		}
		rest := line[eq+1:]
		for _, q := range []string{`"""`, `'''`} {
			if strings.Count(rest, q) == 1 {
				inMultiline = q
			}
		}
	}
	return 0
}

// KeyEnd returns the index of the '=' that ends the key part of line, or
// -1. A backslash escapes the next character inside a basic string.
func KeyEnd(line string) int {
	var quote byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '=':
			return i
		}
	}
	return -1
}

// SplitKey splits a dotted TOML key into its parts, unquoting quoted parts.
func SplitKey(s string) []string {
	var parts []string
	var cur strings.Builder
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			} else {
				cur.WriteByte(c)
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '.':
			parts = append(parts, strings.TrimSpace(cur.String()))
			cur.Reset()
		case c == ' ' || c == '\t':
		default:
			cur.WriteByte(c)
		}
	}
	return append(parts, strings.TrimSpace(cur.String()))
}

var decodeLine = regexp.MustCompile(`^toml: line (\d+) \(last key "[^"]*"\):`)

// DecodeError turns an error from toml.Decode into a diagnostic naming the
// file, line and column.
func DecodeError(name string, err error) error {
	var pe toml.ParseError
	if ptr := (*toml.ParseError)(nil); errors.As(err, &ptr) {
		pe = *ptr
	} else if !errors.As(err, &pe) {
		// Type mismatches come as plain errors: "toml: line 16 (last key "x"): incompatible types: ...".
		msg, line := err.Error(), 0
		if m := decodeLine.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = strings.TrimPrefix(msg[len(m[0]):], " ")
		}
		return diag.Errorf(name, line, "give the key a value of the right type (text in quotes, numbers without)", "%s", msg)
	}
	{
		// The decoder shows the end of the input as a NUL ("'0b\x00'").
		msg := strings.ReplaceAll(pe.Message, "\x00", "")
		d := diag.Errorf(name, pe.Position.Line, "fix the TOML syntax or the value's type", "%s", msg)
		d.Col = pe.Position.Col
		if u := strings.TrimSpace(pe.Usage); u != "" {
			d.Hint = u
		}
		return d
	}
}
