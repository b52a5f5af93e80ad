package config

import (
	"errors"
	"strings"
	"testing"

	"github.com/docgen/docgen/internal/diag"
)

const validConfig = `title = "Docs"
base_url = "https://example.org/docs"
default_language = "en"

[languages.en]
name = "English"
order = 1

[languages.fa]
name = "فارسی"
dir = "rtl"
order = 2

[languages.fr]
name = "Français"
order = 3
date_layout = "2006/01/02"

[clients.ruby]
name = "Ruby"
order = 2

[clients.python]
name = "Python"
order = 1
`

func TestParseValidConfig(t *testing.T) {
	c, err := Parse("config.toml", []byte(validConfig))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.BaseURL.String(); got != "https://example.org/docs/" {
		t.Errorf("BaseURL = %q, want a trailing slash added", got)
	}
	var codes []string
	for _, l := range c.Languages {
		codes = append(codes, l.Code+":"+l.Dir)
	}
	if got := strings.Join(codes, " "); got != "en:ltr fa:rtl fr:ltr" {
		t.Errorf("languages = %q", got)
	}
	if c.DefaultLanguage.Code != "en" || c.Language("fr").DateLayout != "2006/01/02" {
		t.Errorf("default %q, fr layout %q", c.DefaultLanguage.Code, c.Language("fr").DateLayout)
	}
	if c.Clients[0].ID != "python" || c.ClientName("ruby") != "Ruby" || c.ClientName("java") != "" {
		t.Errorf("clients = %+v", c.Clients)
	}
	if c.LinkCheck != "error" {
		t.Errorf("LinkCheck default = %q, want error", c.LinkCheck)
	}
}

func TestParseRejectsBadConfig(t *testing.T) {
	tests := []struct {
		name     string
		edit     func(string) string
		line     int
		contains string
	}{
		{"unknown top-level key", func(s string) string {
			return strings.Replace(s, `default_language = "en"`, `default_language = "en"`+"\nbase_ulr = \"x\"", 1)
		}, 4, `unknown key "base_ulr"`},
		{"unknown language key", func(s string) string {
			return strings.Replace(s, `dir = "rtl"`, `dir = "rtl"`+"\ndirection = \"rtl\"", 1)
		}, 12, `unknown key "languages.fa.direction"`},
		{"ill-formed language tag", func(s string) string { return strings.Replace(s, "[languages.fr]", "[languages.f_r]", 1) }, 14, `invalid language tag "f_r"`},
		{"unknown language subtag", func(s string) string { return strings.Replace(s, "[languages.fr]", "[languages.xx-yyyyyyyyy]", 1) }, 14, "invalid language tag"},
		{"non-canonical tag", func(s string) string { return strings.Replace(s, "[languages.fr]", "[languages.FR]", 1) }, 14, "not in canonical form"},
		{"bad direction", func(s string) string { return strings.Replace(s, `dir = "rtl"`, `dir = "right"`, 1) }, 11, `has dir "right"`},
		{"relative base URL", func(s string) string { return strings.Replace(s, `"https://example.org/docs"`, `"/docs/"`, 1) }, 2, "not an absolute URL"},
		{"default language not configured", func(s string) string {
			return strings.Replace(s, `default_language = "en"`, `default_language = "de"`, 1)
		}, 3, `default_language "de"`},
		{"TOML syntax", func(s string) string { return strings.Replace(s, `order = 2`, `order = = 2`, 1) }, 12, ""},
		{"wrong type", func(s string) string { return strings.Replace(s, `order = 3`, `order = "three"`, 1) }, 16, ""},
		{"bad client id", func(s string) string { return strings.Replace(s, "[clients.ruby]", "[clients.Ruby]", 1) }, 19, `invalid client id "Ruby"`},
		{"bad link_check", func(s string) string { return s + "\n[build]\nlink_check = \"maybe\"\n" }, 28, `link_check is "maybe"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("config.toml", []byte(tt.edit(validConfig)))
			if err == nil {
				t.Fatal("Parse succeeded, want an error")
			}
			var d *diag.Diagnostic
			if !errors.As(err, &d) {
				t.Fatalf("error %v is not a *diag.Diagnostic", err)
			}
			if d.File != "config.toml" || d.Line != tt.line {
				t.Errorf("error at %s:%d, want config.toml:%d (%v)", d.File, d.Line, tt.line, err)
			}
			if !strings.Contains(err.Error(), tt.contains) {
				t.Errorf("error %q does not mention %q", err, tt.contains)
			}
			if d.Hint == "" {
				t.Errorf("error %q has no hint", err)
			}
		})
	}
}

func FuzzConfigParse(f *testing.F) {
	f.Add([]byte(validConfig))
	f.Add([]byte("title = \"x\"\n[languages.\"\"]\n"))
	f.Add([]byte("[languages.en]\nname = 3"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("config.toml", data)
		if err == nil && (c.DefaultLanguage == nil || c.BaseURL == nil || len(c.Languages) == 0) {
			t.Fatalf("accepted a config without default language, base URL or languages: %+v", c)
		}
		if err != nil {
			if _, ok := diag.As(err); !ok {
				t.Fatalf("error is not a diagnostic: %v", err)
			}
		}
	})
}
