package config

import (
	"errors"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

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

// TestLoadSpecialFile: a configuration file that is a named pipe is an
// error naming it, at once (reading it would wait for a writer forever).
func TestLoadSpecialFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "config.toml")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	done := make(chan error, 1)
	go func() { _, err := Load(p); done <- err }()
	select {
	case err := <-done:
		if d, ok := diag.As(err); !ok || d.File != p || !strings.Contains(d.Message, "named pipe") {
			t.Errorf("Load = %v, want an error naming %s", err, p)
		}
	case <-time.After(time.Minute): // a hang guard, not a measure of speed
		t.Fatal("Load blocked on a named pipe")
	}
}
