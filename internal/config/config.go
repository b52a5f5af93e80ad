// Package config reads config.toml: the site's title and URL, its languages
// and its client libraries. Decoding is strict: an unknown key, an invalid
// language tag or a missing required value is an error naming the line.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/language"

	"github.com/docgen/docgen/internal/diag"
	"github.com/docgen/docgen/internal/safefile"
	"github.com/docgen/docgen/internal/tomlpos"
)

// Config is the decoded, validated site configuration.
type Config struct {
	Title           string     // site title shown in the header and <title>
	BaseURL         *url.URL   // absolute URL the site is published at, ending in "/"
	DefaultLanguage *Language  // the source language; pages fall back to it
	Languages       []Language // in display order; the default language first when orders tie
	Clients         []Client   // client libraries for code samples, in display order
	LinkCheck       string     // "error" (broken internal links fail the build) or "warn"
	RawHTML         bool       // whether raw HTML in Markdown is rendered
	Identity        Identity   // who publishes the site, under which licences; all optional
	Repository      Repository // where the sources live, for "edit this page" links; optional
}

// ParseBaseURL checks that s is an absolute http or https URL and returns
// it ending in "/".
func ParseBaseURL(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil || !u.IsAbs() || u.Host == "" {
		return nil, fmt.Errorf("base_url %q is not an absolute URL", s)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("base_url %q is not an http or https URL", s)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u, nil
}

// Identity is what the site says about itself in its header and footer.
// Every field is optional; layouts show only what is set.
type Identity struct {
	Logo              string // a file in static/, shown in the header
	Copyright         string // e.g. "© 2026 Example Inc."
	Attribution       string // e.g. "Adapted from the Example docs by Example Inc."; per language in [languages.x]
	AttributionURL    string
	ContentLicense    string // e.g. "CC BY 4.0"
	ContentLicenseURL string
	CodeLicense       string // e.g. "Apache 2.0"
	CodeLicenseURL    string
}

// Repository is where the site's sources are kept.
type Repository struct {
	URL    string // e.g. "https://github.com/you/docs"
	Branch string // default "main"
	Path   string // the site's folder inside the repository, "" for its root
}

// EditURL returns the link to edit the file at rel (relative to the site
// root) in the repository's web interface, or "" when no repository is set.
func (c *Config) EditURL(rel string) string {
	if c.Repository.URL == "" {
		return ""
	}
	p := strings.Trim(path.Join(c.Repository.Path, rel), "/")
	return strings.TrimSuffix(c.Repository.URL, "/") + "/edit/" + c.Repository.Branch + "/" + p
}

// AttributionFor returns the attribution line in lang (its own, or the
// site's).
func (c *Config) AttributionFor(lang *Language) string {
	if lang != nil && lang.Attribution != "" {
		return lang.Attribution
	}
	return c.Identity.Attribution
}

// Language is one language the site is published in.
type Language struct {
	Code       string       // the key in config.toml and the URL prefix, e.g. "fa"
	Tag        language.Tag // parsed BCP 47 tag
	Name       string       // self-name, e.g. "فارسی"
	Dir        string       // "ltr" or "rtl"
	Order      int          // position in switchers
	DateLayout string       // Go time layout for dates, e.g. "2006/01/02"
	Title      string       // localized site title; Config.Title when empty
	// Attribution is the attribution line in this language; Identity's when empty.
	Attribution string
}

// Client is a client library a code sample can be written for.
type Client struct {
	ID    string // e.g. "python"; used in ::: client lines and ?client= links
	Name  string // display name, e.g. "Python"
	Order int
}

// Language returns the language with the given code, or nil.
func (c *Config) Language(code string) *Language {
	for i := range c.Languages {
		if c.Languages[i].Code == code {
			return &c.Languages[i]
		}
	}
	return nil
}

// Client returns the client library with the given id, or nil.
func (c *Config) Client(id string) *Client {
	for i := range c.Clients {
		if c.Clients[i].ID == id {
			return &c.Clients[i]
		}
	}
	return nil
}

// ClientName returns the display name of client library id, or "" when it is
// not declared.
func (c *Config) ClientName(id string) string {
	if cl := c.Client(id); cl != nil {
		return cl.Name
	}
	return ""
}

// SiteTitle returns the site title for lang.
func (c *Config) SiteTitle(lang *Language) string {
	if lang != nil && lang.Title != "" {
		return lang.Title
	}
	return c.Title
}

// file mirrors config.toml; it is decoded strictly and then validated.
type file struct {
	Title           string `toml:"title"`
	BaseURL         string `toml:"base_url"`
	DefaultLanguage string `toml:"default_language"`
	Build           struct {
		LinkCheck string `toml:"link_check"`
		RawHTML   bool   `toml:"raw_html"`
	} `toml:"build"`
	Languages map[string]struct {
		Name        string `toml:"name"`
		Dir         string `toml:"dir"`
		Order       int    `toml:"order"`
		DateLayout  string `toml:"date_layout"`
		Title       string `toml:"title"`
		Attribution string `toml:"attribution"`
	} `toml:"languages"`
	Clients map[string]struct {
		Name  string `toml:"name"`
		Order int    `toml:"order"`
	} `toml:"clients"`
	Identity struct {
		Logo              string `toml:"logo"`
		Copyright         string `toml:"copyright"`
		Attribution       string `toml:"attribution"`
		AttributionURL    string `toml:"attribution_url"`
		ContentLicense    string `toml:"content_license"`
		ContentLicenseURL string `toml:"content_license_url"`
		CodeLicense       string `toml:"code_license"`
		CodeLicenseURL    string `toml:"code_license_url"`
	} `toml:"identity"`
	Repository struct {
		URL    string `toml:"url"`
		Branch string `toml:"branch"`
		Path   string `toml:"path"`
	} `toml:"repository"`
}

var clientID = regexp.MustCompile(`^[a-z][a-z0-9_+-]*$`)

// Load reads and parses the configuration file at path.
func Load(path string) (*Config, error) {
	data, err := safefile.ReadFile(path, safefile.MaxText)
	if errors.Is(err, safefile.ErrNotRegular) {
		return nil, diag.Errorf(path, 0, "make it a regular TOML file", "cannot read config: %v", err)
	}
	if err != nil {
		return nil, diag.Errorf(path, 0, "run docgen from the site's folder or pass --config", "cannot read config: %v", err)
	}
	return Parse(path, data)
}

// Parse decodes and validates config data; name is used in error messages.
func Parse(name string, data []byte) (*Config, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var f file
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&f)
	if err != nil {
		return nil, tomlpos.DecodeError(name, err)
	}
	var errs diag.List
	bad := func(key []string, hint, format string, args ...any) {
		errs.Add(diag.Errorf(name, tomlpos.Line(data, key), hint, format, args...))
	}
	for _, k := range md.Undecoded() {
		bad(k, "remove it or check its spelling; see README.md for the keys docgen reads",
			"unknown key %q", k.String())
	}

	c := &Config{Title: f.Title, LinkCheck: f.Build.LinkCheck, RawHTML: f.Build.RawHTML,
		Identity: Identity(f.Identity), Repository: Repository(f.Repository)}
	for _, u := range []struct {
		key   []string
		value string
	}{
		{[]string{"identity", "attribution_url"}, f.Identity.AttributionURL},
		{[]string{"identity", "content_license_url"}, f.Identity.ContentLicenseURL},
		{[]string{"identity", "code_license_url"}, f.Identity.CodeLicenseURL},
		{[]string{"repository", "url"}, f.Repository.URL},
	} {
		if u.value == "" {
			continue
		}
		if p, err := url.Parse(u.value); err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
			bad(u.key, "use an absolute http(s) URL", "%s %q is not an absolute http(s) URL", u.key[len(u.key)-1], u.value)
		}
	}
	if c.Repository.URL != "" && c.Repository.Branch == "" {
		c.Repository.Branch = "main"
	}
	if p := c.Identity.Logo; p != "" && (strings.Contains(p, "..") || strings.HasPrefix(p, "/") || strings.Contains(p, "\\")) {
		bad([]string{"identity", "logo"}, `name a file in static/, e.g. logo = "logo.svg"`, "logo %q is not a file in static/", p)
	}
	if c.Title == "" {
		bad([]string{"title"}, `add title = "My docs" at the top`, "missing site title")
	}
	switch c.LinkCheck {
	case "":
		c.LinkCheck = "error"
	case "error", "warn":
	default:
		bad([]string{"build", "link_check"}, `use "error" or "warn"`, "link_check is %q", c.LinkCheck)
	}
	if f.BaseURL == "" {
		bad([]string{"base_url"}, `add base_url = "https://example.org/docs/"`, "missing base_url")
	} else if u, err := ParseBaseURL(f.BaseURL); err != nil {
		bad([]string{"base_url"}, `use an absolute http(s) URL, e.g. base_url = "https://example.org/docs/"`, "%v", err)
	} else {
		c.BaseURL = u
	}

	codes := make([]string, 0, len(f.Languages))
	for code := range f.Languages {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	for _, code := range codes {
		l := f.Languages[code]
		key := []string{"languages", code}
		tag, err := language.Parse(code)
		if err != nil {
			bad(key, "use a BCP 47 language tag such as fa, pt-BR or zh-Hant", "invalid language tag %q: %v", code, err)
			continue
		}
		if tag.String() != code {
			bad(key, fmt.Sprintf("write it as %q", tag.String()), "language tag %q is not in canonical form", code)
			continue
		}
		if l.Name == "" {
			bad(key, `add name = "<the language's name in itself>"`, "language %q has no name", code)
		}
		dir := l.Dir
		switch dir {
		case "":
			dir = "ltr"
		case "ltr", "rtl":
		default:
			bad(append(key, "dir"), `use "ltr" or "rtl"`, "language %q has dir %q", code, l.Dir)
		}
		layout := l.DateLayout
		if layout == "" {
			layout = "2006-01-02"
		} else if !strings.Contains(time.Date(2006, 1, 2, 0, 0, 0, 0, time.UTC).Format(layout), "2006") {
			bad(append(key, "date_layout"), `use a Go time layout such as "2006-01-02" or "2006/01/02"`, "date_layout %q does not show the year", l.DateLayout)
		}
		c.Languages = append(c.Languages, Language{Code: code, Tag: tag, Name: l.Name, Dir: dir, Order: l.Order, DateLayout: layout, Title: l.Title, Attribution: l.Attribution})
	}
	if len(f.Languages) == 0 {
		bad(nil, "add a [languages.en] table with name = \"English\"", "no languages configured")
	}
	if f.DefaultLanguage == "" {
		f.DefaultLanguage = "en"
	}
	sort.SliceStable(c.Languages, func(i, j int) bool {
		a, b := c.Languages[i], c.Languages[j]
		if a.Order != b.Order {
			return a.Order < b.Order
		}
		if (a.Code == f.DefaultLanguage) != (b.Code == f.DefaultLanguage) {
			return a.Code == f.DefaultLanguage
		}
		return a.Code < b.Code
	})
	c.DefaultLanguage = c.Language(f.DefaultLanguage)
	if c.DefaultLanguage == nil && len(c.Languages) > 0 {
		bad([]string{"default_language"}, "name one of the [languages.*] tables", "default_language %q is not a configured language", f.DefaultLanguage)
	}

	ids := make([]string, 0, len(f.Clients))
	for id := range f.Clients {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		cl := f.Clients[id]
		if !clientID.MatchString(id) {
			bad([]string{"clients", id}, "use lower-case letters, digits, -, _ or +", "invalid client id %q", id)
			continue
		}
		if cl.Name == "" {
			bad([]string{"clients", id}, `add name = "Display name"`, "client %q has no name", id)
		}
		c.Clients = append(c.Clients, Client{ID: id, Name: cl.Name, Order: cl.Order})
	}
	sort.SliceStable(c.Clients, func(i, j int) bool { return c.Clients[i].Order < c.Clients[j].Order })

	if err := errs.Err(); err != nil {
		return nil, err
	}
	return c, nil
}
