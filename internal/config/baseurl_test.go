package config

import (
	"errors"
	"strings"
	"testing"

	"github.com/docgen/docgen/internal/diag"
)

// TestBaseURLScheme: base_url is where readers' browsers go, so only http
// and https are accepted; anything else is an error at its line.
func TestBaseURLScheme(t *testing.T) {
	for _, tc := range []struct {
		url string
		ok  bool
	}{
		{"https://example.org/docs", true},
		{"http://localhost:8080/", true},
		{"HTTPS://example.org/", true},
		{"javascript://x/", false},
		{"ftp://example.org/", false},
		{"data://x/", false},
		{"file://host/docs/", false},
	} {
		t.Run(tc.url, func(t *testing.T) {
			src := strings.Replace(validConfig, `base_url = "https://example.org/docs"`, `base_url = "`+tc.url+`"`, 1)
			_, err := Parse("config.toml", []byte(src))
			if tc.ok {
				if err != nil {
					t.Fatalf("Parse: %v", err)
				}
				return
			}
			var list diag.List
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("Parse accepted base_url %q (err %v)", tc.url, err)
			}
			if d := list[0]; d.File != "config.toml" || d.Line != 2 || !strings.Contains(d.Message, "http") {
				t.Errorf("error = %+v, want config.toml:2 saying http(s)", d)
			}
		})
	}
}
