package catalog

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"text/template"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/docgen/docgen/internal/config"
)

func TestPlaceholders(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string // names joined by ",", or "error"
	}{
		{"plain text", ""},
		{"Last updated {{.Date}} UTC", "Date"},
		{"{{.B}} and {{.A}} and {{ .A }}", "A,B"},
		{"{{range 100000}}{{range 100000}}{{end}}{{end}}", "error"},
		{`{{printf "%d" 1}}`, "error"},
		{`{{define "x"}}y{{end}}`, "error"},
		{`{{template "x"}}`, "error"},
		{`{{js .Date}}`, "error"},
		{`{{.Date | html}}`, "error"},
		{`{{$x := .Date}}{{$x}}`, "error"},
		{`{{.Date.Year}}`, "error"},
		{`{{if .Date}}x{{end}}`, "error"},
		{`{{with .Date}}x{{end}}`, "error"},
		{`{{block "b" .}}x{{end}}`, "error"},
		{`{{/* hidden */}}`, "error"},
		{`{{.}}`, "error"},
		{`{{"text"}}`, "error"},
		{`{{.Date}`, "error"},
	} {
		names, err := Placeholders(tc.text)
		got := strings.Join(names, ",")
		if err != nil {
			got = "error"
		}
		if got != tc.want {
			t.Errorf("Placeholders(%q) = %q (%v), want %q", tc.text, got, err, tc.want)
		}
	}
}

func TestParseRefusesKeysThatRemapOrHide(t *testing.T) {
	for _, key := range []string{`id = "Other"`, `leftdelim = "<<"`, `rightdelim = ">>"`} {
		_, err := Parse("fr.toml", []byte("[A]\n"+key+"\nother = \"x\"\n"))
		if err == nil || !strings.Contains(err.Error(), "fr.toml:2") || !strings.Contains(err.Error(), "unknown key") {
			t.Errorf("%s: got %v, want an unknown-key error at fr.toml:2", key, err)
		}
	}
}

func TestValidate(t *testing.T) {
	source := map[string]*i18n.Message{
		"LastUpdated": {ID: "LastUpdated", Other: "Last updated {{.Date}}"},
		"Guides":      {ID: "Guides", One: "{{.Count}} guide", Other: "{{.Count}} guides"},
	}
	for _, tc := range []struct {
		name, toml string
		want       string // "" for no problem, else kind and line "placeholder:2"
	}{
		{"declared", "[LastUpdated]\nother = \"Mis à jour {{.Date}}\"\n", ""},
		{"typo", "[LastUpdated]\nother = \"Mis à jour {{.Dat}}\"\n", "placeholder:2"},
		{"count in plural", "[Guides]\none = \"{{.Count}} guide\"\nother = \"{{.PluralCount}} guides\"\n", ""},
		{"count in non-plural", "[LastUpdated]\nother = \"{{.Count}}\"\n", "placeholder:2"},
		{"message the source lacks", "[Nope]\nother = \"{{.Date}}\"\n", ""},
		{"bidi escape", "[LastUpdated]\n\nother = \"\\u202E{{.Date}}\"\n", "bidi:3"},
	} {
		msgs, err := Parse("fr.toml", []byte(tc.toml))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		got := ""
		for _, p := range Validate("fr.toml", []byte(tc.toml), msgs, source) {
			got = p.Kind + ":" + itoa(p.Line)
		}
		if got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// The build's catalog load refuses what check refuses, naming file:line.
func TestLoadRefusesCode(t *testing.T) {
	cfg, err := config.Parse("config.toml", []byte("title = \"D\"\nbase_url = \"https://example.org/\"\n[languages.en]\nname = \"English\"\n[languages.fr]\nname = \"Français\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ fr, want string }{
		{"[LastUpdated]\nother = \"{{range 100000}}{{range 100000}}{{end}}{{end}}\"\n", "locales/fr.toml:2: message LastUpdated (other): {{range"},
		{"[LastUpdated]\nother = \"le {{.Dat}}\"\n", "locales/fr.toml:2:15: message LastUpdated (other): {{.Dat}} is not a placeholder"},
		{"\n[LastUpdated]\nother = \"{{printf \\\"%v\\\" .Date}}\"\n", "locales/fr.toml:3: message LastUpdated (other): {{printf"},
	} {
		root := t.TempDir()
		os.MkdirAll(filepath.Join(root, "locales"), 0o755)
		os.WriteFile(filepath.Join(root, "locales", "en.toml"), []byte("[LastUpdated]\nother = \"Last updated {{.Date}}\"\n"), 0o644)
		os.WriteFile(filepath.Join(root, "locales", "fr.toml"), []byte(tc.fr), 0o644)
		_, err := Load(root, "locales", cfg)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Load with fr.toml %q:\n got %v\nwant %q", tc.fr, err, tc.want)
		}
	}
}

// FuzzPlaceholders: a text Placeholders accepts runs as a template that
// only prints its text and the values of the names it returned.
func FuzzPlaceholders(f *testing.F) {
	for _, s := range []string{"a {{.Date}} b", "{{range 3}}x{{end}}", "{{.A}}{{.B}}", "{{- .A -}}", "{{.A}}}}", "{{`x`}}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		names, err := Placeholders(text)
		if err != nil || strings.Contains(text, "\x00") {
			return
		}
		data := map[string]string{}
		for _, n := range names {
			data[n] = "\x00" + n + "\x00"
		}
		tmpl, err := template.New("m").Option("missingkey=error").Parse(text)
		if err != nil {
			t.Fatalf("Placeholders accepted %q but it does not parse: %v", text, err)
		}
		var b bytes.Buffer
		if err := tmpl.Execute(&b, data); err != nil {
			t.Fatalf("Placeholders accepted %q but it fails: %v", text, err)
		}
		// Every byte of output is either a value or the text around the actions.
		rest := b.String()
		for _, n := range names {
			rest = strings.ReplaceAll(rest, data[n], "")
		}
		if strings.Contains(rest, "\x00") || len(rest) > len(text) {
			t.Fatalf("%q printed %q beyond its text and values", text, b.String())
		}
	})
}
