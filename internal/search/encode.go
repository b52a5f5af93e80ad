package search

import "unicode/utf8"

// The index writes every page's text as JSON strings, several times per
// build, so strings and sections are written by hand (appendString,
// appendSections) exactly as encoding/json writes them with HTML escaping
// off; FuzzEncodeSections checks that against encoding/json.

// appendString appends s as a JSON string: quotes, backslashes and control
// characters escaped, invalid UTF-8 replaced by U+FFFD, and U+2028 and
// U+2029 escaped (some JavaScript parsers end a line there).
func appendString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// appendSections appends sections as encoding/json writes []Section.
func appendSections(dst []byte, sections []Section) []byte {
	dst = append(dst, '[')
	for i, s := range sections {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, '{')
		if s.Anchor != "" {
			dst = appendString(append(dst, `"a":`...), s.Anchor)
			dst = append(dst, ',')
		}
		if s.Heading != "" {
			dst = appendString(append(dst, `"h":`...), s.Heading)
			dst = append(dst, ',')
		}
		dst = appendString(append(dst, `"x":`...), s.Text)
		dst = append(dst, '}')
	}
	return append(dst, ']')
}
