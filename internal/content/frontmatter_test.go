package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/docgen/docgen/internal/diag"
)

func TestParseFrontMatter(t *testing.T) {
	src := []byte("+++\ntitle = \"Reset\"\nsummary = [\"a\", \"b\"]\nupdated = 2025-09-05\nweight = 3\n+++\n\n## Body\n")
	fm, body, line, err := ParseFrontMatter("p.md", src)
	if err != nil {
		t.Fatal(err)
	}
	if fm.Title != "Reset" || len(fm.Summary) != 2 || fm.Weight != 3 || fm.Updated.Format("2006-01-02") != "2025-09-05" {
		t.Errorf("front matter = %+v", fm)
	}
	if string(body) != "\n## Body\n" || line != 7 {
		t.Errorf("body = %q at line %d, want %q at line 7", body, line, "\n## Body\n")
	}
}

func TestParseFrontMatterErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		contains  string
	}{
		{"no front matter", "# Title\n", 1, "no front matter"},
		{"unclosed", "+++\ntitle = \"x\"\n\nbody\n", 1, "not closed"},
		{"unknown key", "+++\ntitle = \"x\"\nauthor = \"me\"\n+++\n", 3, `unknown front matter key "author"`},
		{"wrong type", "+++\ntitle = \"x\"\nweight = \"heavy\"\n+++\n", 3, "incompatible types"},
		{"syntax", "+++\ntitle = \"x\"\nsummary = [\"a\"\n+++\n", 3, "array terminator"},
		{"no title", "+++\nweight = 1\n+++\n", 1, "no title"},
		{"invalid UTF-8", "+++\ntitle = \"x\"\n+++\n\nbad \xff byte\n", 5, "invalid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, _, err := ParseFrontMatter("content/g/en.md", Normalize([]byte(tt.src)))
			if err == nil {
				t.Fatal("no error")
			}
			var d *diag.Diagnostic
			if !errors.As(err, &d) {
				t.Fatalf("%v is not a diagnostic", err)
			}
			if d.File != "content/g/en.md" || d.Line != tt.line {
				t.Errorf("error at %s:%d, want line %d: %v", d.File, d.Line, tt.line, err)
			}
			if !strings.Contains(err.Error(), tt.contains) || d.Hint == "" {
				t.Errorf("error %q: want %q and a hint", err, tt.contains)
			}
		})
	}
}

func TestNormalizeAcceptsBOMAndCRLF(t *testing.T) {
	src := Normalize([]byte("\ufeff+++\r\ntitle = \"x\"\r\n+++\r\nline one\r\nline two\r\n"))
	fm, body, _, err := ParseFrontMatter("p.md", src)
	if err != nil {
		t.Fatal(err)
	}
	if fm.Title != "x" || string(body) != "line one\nline two\n" {
		t.Errorf("title %q body %q", fm.Title, body)
	}
}

func TestParseFileName(t *testing.T) {
	tests := []struct{ rel, slug, lang, err string }{
		{"developer-token-reset/fa.md", "developer-token-reset", "fa", ""},
		{"guide/pt-BR.md", "guide", "pt-BR", ""},
		{"guide/image.png", "", "", ""},
		{"top.md", "", "", "not in a folder"},
		{"a/b/en.md", "a/b", "en", ""},
		{"guides/auth/oauth/fa.md", "guides/auth/oauth", "fa", ""},
		{"Bad Slug/en.md", "", "", "invalid page slug"},
		{"guides/Bad/en.md", "", "", "invalid page slug"},
		{"../escape/en.md", "", "", "invalid page slug"},
		{"a//b/en.md", "", "", "invalid page slug"},
	}
	for _, tt := range tests {
		slug, lang, err := ParseFileName(tt.rel)
		if slug != tt.slug || lang != tt.lang || (err == nil) != (tt.err == "") || (err != nil && !strings.Contains(err.Error(), tt.err)) {
			t.Errorf("ParseFileName(%q) = %q, %q, %v; want %q, %q, %q", tt.rel, slug, lang, err, tt.slug, tt.lang, tt.err)
		}
	}
}

func TestHashBodyIgnoresWhitespaceNoise(t *testing.T) {
	a := HashBody([]byte("Para one.\n\nPara two.\n"))
	b := HashBody([]byte("Para one.   \n\n\n\nPara two.\n\n"))
	c := HashBody([]byte("Para one.\n\nPara 2.\n"))
	if a != b {
		t.Error("trailing spaces or blank-line runs changed the hash")
	}
	if a == c || !strings.HasPrefix(a, "sha256:") {
		t.Errorf("hash %q does not track the text", a)
	}
}

func FuzzFrontMatter(f *testing.F) {
	f.Add([]byte("+++\ntitle = \"x\"\n+++\nbody\n"))
	f.Add([]byte("+++\n+++"))
	f.Add([]byte("\ufeff+++\r\ntitle = \"x\"\r\n+++"))
	f.Add([]byte("+++\ntitle = \"\"\"\n+++\n\"\"\"\n+++\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		src := Normalize(data)
		fm, body, line, err := ParseFrontMatter("p.md", src)
		if err != nil {
			if _, ok := diag.As(err); !ok {
				t.Fatalf("error is not a diagnostic: %v", err)
			}
			return
		}
		if fm.Title == "" || !bytes.HasSuffix(src, body) || line < 2 {
			t.Fatalf("accepted %q: title %q, body %q at line %d", src, fm.Title, body, line)
		}
	})
}

func FuzzFileName(f *testing.F) {
	for _, s := range []string{"guide/en.md", "a/b/c.md", "guides/auth/oauth/fa.md", "a//b/en.md", "a/./b/en.md", "A/b/en.md", "../x/en.md", "x/.md", "x\\y/en.md"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, rel string) {
		slug, lang, err := ParseFileName(rel)
		if err != nil || slug == "" {
			return
		}
		// A slug is folder names joined by "/": no empty, dot or
		// upper-case segment, and the file name is rebuilt from its parts.
		for _, seg := range strings.Split(slug, "/") {
			if seg == "" || strings.ContainsAny(seg, "\\.") || seg != strings.ToLower(seg) {
				t.Fatalf("ParseFileName(%q) accepted slug %q (segment %q)", rel, slug, seg)
			}
		}
		if strings.Contains(lang, "/") || slug+"/"+lang+".md" != filepath.ToSlash(rel) {
			t.Fatalf("ParseFileName(%q) accepted slug %q lang %q", rel, slug, lang)
		}
	})
}

// FuzzSetFrontMatter: setting a key keeps a page that parsed parseable,
// with the value read back and the body unchanged.
func FuzzSetFrontMatter(f *testing.F) {
	f.Add("+++\ntitle = \"A\"\nsource = \"en.md\"\n+++\n\nBody.\n", "sha256:00")
	f.Add("+++\ntitle = \"A\"\nsource_hash = \"old\"\n+++\nBody", "new \"quoted\" \\ value")
	f.Add("\ufeff+++\r\ntitle = \"A\"\r\n+++\r\n\r\nCRLF body\r\n", "x")
	f.Fuzz(func(t *testing.T, page, value string) {
		if !utf8.ValidString(value) {
			return // values are hashes; tomlwrite turns invalid bytes into U+FFFD
		}
		fm, body, _, err := ParseFrontMatter("p.md", Normalize([]byte(page)))
		if err != nil {
			return
		}
		out, err := SetFrontMatter([]byte(page), "source_hash", value)
		if err != nil {
			t.Fatalf("SetFrontMatter failed on a valid page: %v", err)
		}
		fm2, body2, _, err := ParseFrontMatter("p.md", Normalize(out))
		if err != nil {
			t.Fatalf("page no longer parses: %v\n%s", err, out)
		}
		if fm2.SourceHash != value || fm2.Title != fm.Title || string(body2) != string(body) {
			t.Fatalf("got hash %q title %q body %q", fm2.SourceHash, fm2.Title, body2)
		}
	})
}

func TestFrontMatterBidi(t *testing.T) {
	for _, tc := range []struct {
		page string
		line int // 0: no finding
	}{
		{"+++\ntitle = \"A\"\n+++\nx\n", 0},
		{"+++\ntitle = \"A\"\ndescription = \"\\u202Eevil\"\n+++\nx\n", 3},
		{"\ufeff+++\r\ntitle = \"A\"\r\nsummary = [\r\n  \"ok\",\r\n  \"\\u2066x\",\r\n]\r\n+++\r\nx\r\n", 3},
		{"+++\ntitle = \"\u202Eliteral\"\n+++\nx\n", 2},
	} {
		got := FrontMatterBidi("p.md", []byte(tc.page))
		if tc.line == 0 && len(got) != 0 || tc.line != 0 && (len(got) != 1 || got[0].Line != tc.line) {
			t.Errorf("FrontMatterBidi(%q) = %v, want line %d", tc.page, got, tc.line)
		}
	}
}

// SetFrontMatter changes one line and keeps every other byte: CRLF line
// ends and a byte-order mark stay.
func TestSetFrontMatterKeepsBytes(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"\ufeff+++\r\ntitle = \"T\"\r\nsource_hash = \"old\"\r\n+++\r\n\r\nBody  \r\n", "\ufeff+++\r\ntitle = \"T\"\r\nsource_hash = \"new\"\r\n+++\r\n\r\nBody  \r\n"},
		{"+++\r\ntitle = \"T\"\r\n+++\r\nBody", "+++\r\ntitle = \"T\"\r\nsource_hash = \"new\"\r\n+++\r\nBody"},
		{"+++\ntitle = \"T\"  # kept\n+++\n", "+++\ntitle = \"T\"  # kept\nsource_hash = \"new\"\n+++\n"},
	} {
		got, err := SetFrontMatter([]byte(tc.in), "source_hash", "new")
		if err != nil || string(got) != tc.want {
			t.Errorf("SetFrontMatter(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

// FuzzHashBody checks HashBody, which hashes line by line as it goes,
// against the plain statement of what it hashes (lines split, right
// spaces trimmed, blank runs as one blank line): a change would mark every
// translation stale.
func FuzzHashBody(f *testing.F) {
	f.Add([]byte(""))
	f.Add([]byte("Para one.   \n\n\n\nPara two.\n\n"))
	f.Add([]byte(" \t\n x\t \n\n\ny"))
	f.Fuzz(func(t *testing.T, body []byte) {
		var norm bytes.Buffer
		blank := false
		for _, line := range bytes.Split(bytes.TrimSpace(body), []byte("\n")) {
			line = bytes.TrimRight(line, " \t")
			if len(line) == 0 && blank {
				continue
			}
			blank = len(line) == 0
			norm.Write(line)
			norm.WriteByte('\n')
		}
		sum := sha256.Sum256(norm.Bytes())
		if want := "sha256:" + hex.EncodeToString(sum[:]); HashBody(body) != want {
			t.Fatalf("HashBody(%q) = %s, want %s", body, HashBody(body), want)
		}
	})
}
