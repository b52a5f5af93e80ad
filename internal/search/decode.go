package search

import (
	"encoding/json"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// decodeSections decodes sections as EncodeSections writes them. Strings
// without escapes share data's memory (the index reads every page's text
// once, and a copy of it cost a tenth of decoding), so data must not change
// while the sections are in use. The
// index reads every page's sections back, so the shape EncodeSections
// writes ([{"a":…,"h":…,"x":…},…], no spaces, keys in that order) is read
// by hand (readSections); anything else goes to encoding/json, which
// FuzzDecodeSections checks the hand reader against.
func decodeSections(data []byte) ([]Section, error) {
	if out, ok := readSections(data); ok {
		return out, nil
	}
	var out []Section
	err := json.Unmarshal(data, &out)
	return out, err
}

// readSections reads the shape EncodeSections writes; ok is false, having
// read nothing of use, for anything else.
func readSections(data []byte) (out []Section, ok bool) {
	r := jsonReader{data: data}
	if !r.skip('[') {
		return nil, false
	}
	out = []Section{}
	if r.skip(']') {
		return out, r.i == len(data)
	}
	for {
		var s Section
		if !r.skip('{') {
			return nil, false
		}
		if r.key("a") {
			if s.Anchor, ok = r.str(); !ok || !r.skip(',') {
				return nil, false
			}
		}
		if r.key("h") {
			if s.Heading, ok = r.str(); !ok || !r.skip(',') {
				return nil, false
			}
		}
		if !r.key("x") {
			return nil, false
		}
		if s.Text, ok = r.str(); !ok || !r.skip('}') {
			return nil, false
		}
		out = append(out, s)
		if r.skip(']') {
			return out, r.i == len(data)
		}
		if !r.skip(',') {
			return nil, false
		}
	}
}

// jsonReader reads JSON without spaces, byte by byte.
type jsonReader struct {
	data []byte
	i    int
}

// skip reads c when it comes next.
func (r *jsonReader) skip(c byte) bool {
	if r.i < len(r.data) && r.data[r.i] == c {
		r.i++
		return true
	}
	return false
}

// key reads "k": when it comes next.
func (r *jsonReader) key(k string) bool {
	n := len(k) + 3
	if r.i+n > len(r.data) || r.data[r.i] != '"' || string(r.data[r.i+1:r.i+1+len(k)]) != k || r.data[r.i+n-2] != '"' || r.data[r.i+n-1] != ':' {
		return false
	}
	r.i += n
	return true
}

// str reads a string, sharing r.data's memory when it has no escapes. It
// is not ok for what encoding/json would read differently: invalid UTF-8
// (which it replaces) and unpaired surrogates.
func (r *jsonReader) str() (string, bool) {
	if !r.skip('"') {
		return "", false
	}
	start := r.i
	plain := true // no escapes: the string is its bytes
	ascii := true
	for ; r.i < len(r.data); r.i++ {
		c := r.data[r.i]
		switch {
		case c == '"':
			raw := r.data[start:r.i]
			r.i++
			if !ascii && !utf8.Valid(raw) {
				return "", false
			}
			if plain {
				return unsafe.String(unsafe.SliceData(raw), len(raw)), true
			}
			return unescape(raw)
		case c == '\\':
			plain = false
			r.i++ // the escaped byte is never the closing quote
		case c < 0x20:
			return "", false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return "", false
}

// unescape decodes a JSON string's escapes (the string is valid UTF-8).
func unescape(raw []byte) (string, bool) {
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		i++
		if i >= len(raw) {
			return "", false
		}
		switch raw[i] {
		case '"', '\\', '/':
			out = append(out, raw[i])
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := hex4(raw, i+1)
			if !ok {
				return "", false
			}
			i += 4
			if utf16.IsSurrogate(r) {
				if i+6 >= len(raw) || raw[i+1] != '\\' || raw[i+2] != 'u' {
					return "", false
				}
				r2, ok := hex4(raw, i+3)
				if r = utf16.DecodeRune(r, r2); !ok || r == utf8.RuneError {
					return "", false
				}
				i += 6
			}
			out = utf8.AppendRune(out, r)
		default:
			return "", false
		}
	}
	return unsafe.String(unsafe.SliceData(out), len(out)), true // out is ours alone
}

// hex4 reads the four hex digits at raw[i:].
func hex4(raw []byte, i int) (rune, bool) {
	if i+4 > len(raw) {
		return 0, false
	}
	var r rune
	for _, c := range raw[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
