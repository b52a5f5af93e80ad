// Package initsite makes the files of a new docgen site (docgen init): a
// config.toml for the chosen languages, a welcome guide translated into the
// second language, a guide left untranslated, an image beside a page and a
// static file. New computes the files from the options alone; Write puts
// them in a folder without ever replacing a file that is there.
//
// The page texts are embedded files under texts/<tag>/, one folder per
// language docgen has a welcome text for. In them {lang} stands for the
// page's own language code and {source} for the site's default language
// code, the file name of the source pages that links point to.
package initsite

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/docgen/docgen/internal/content"
	"github.com/docgen/docgen/internal/markdown"
	"github.com/docgen/docgen/internal/scaffold"
	"github.com/docgen/docgen/internal/tomlwrite"
)

//go:embed texts
var texts embed.FS

// Options are the choices of docgen init.
type Options struct {
	// Languages are the site's languages in menu order; the first is the
	// default (source) language. At least one.
	Languages []language.Tag
}

// File is one file of the new site.
type File struct {
	Path string // relative to the site folder, with forward slashes
	Data []byte
}

// Site is what New makes: the files, and notes for the writer about them.
type Site struct {
	Files []File   // sorted by path
	Notes []string // e.g. a page left in English because docgen has no text for its language
}

// Pages docgen init writes, by slug.
const (
	welcome        = "welcome"
	gettingStarted = "getting-started"
)

// client is a client library the welcome page's code samples use.
type client struct{ id, name string }

// clients returns the client libraries config.toml declares, in order.
func clients() []client { return []client{{"shell", "Shell"}, {"python", "Python"}} }

// New returns the files of a new site for opts.
func New(opts Options) (*Site, error) {
	if len(opts.Languages) == 0 {
		return nil, fmt.Errorf("initsite: no languages")
	}
	s := &Site{}
	def := opts.Languages[0]
	code := def.String()
	conf, notes := configFile(opts.Languages)
	s.Notes = append(s.Notes, notes...)
	s.add("config.toml", conf)

	for _, slug := range []string{welcome, gettingStarted} {
		data, fromTag, err := text(def, slug, def)
		if err != nil {
			return nil, err
		}
		s.add(pagePath(slug, code), data)
		if _, ok := textTag(def); !ok {
			s.Notes = append(s.Notes, fmt.Sprintf("%s is in %s, as docgen has no built-in %s text: translate it",
				pagePath(slug, code), englishName(fromTag), englishName(def)))
		}
	}
	if len(opts.Languages) > 1 {
		second := opts.Languages[1]
		tr, draft, err := translation(def, second)
		if err != nil {
			return nil, err
		}
		p := pagePath(welcome, second.String())
		s.add(p, tr)
		if draft {
			srcText, ok := textTag(def)
			if !ok {
				srcText = language.English
			}
			s.Notes = append(s.Notes, fmt.Sprintf("%s is a draft holding the %s text: docgen has no built-in %s text; translate it, then delete its draft line",
				p, englishName(srcText), englishName(second)))
		}
	}
	for _, f := range []struct{ from, to string }{
		{"texts/diagram.svg", "content/welcome/diagram.svg"},
		{"texts/favicon.svg", "static/favicon.svg"},
	} {
		data, err := fs.ReadFile(texts, f.from)
		if err != nil {
			return nil, err
		}
		s.add(f.to, data)
	}
	sort.Slice(s.Files, func(i, j int) bool { return s.Files[i].Path < s.Files[j].Path })
	return s, nil
}

func (s *Site) add(p string, data []byte) { s.Files = append(s.Files, File{Path: p, Data: data}) }

func pagePath(slug, code string) string { return "content/" + slug + "/" + code + ".md" }

// Texts returns the tags docgen has built-in page texts for, sorted.
func Texts() []language.Tag {
	entries, _ := fs.ReadDir(texts, "texts")
	var tags []language.Tag
	for _, e := range entries {
		if e.IsDir() {
			tags = append(tags, language.Make(e.Name()))
		}
	}
	sort.Slice(tags, func(i, j int) bool { return tags[i].String() < tags[j].String() })
	return tags
}

// textTag returns the built-in text's tag for tag: the same tag, else one
// of the same language and script (fr-CA reads fr, zh-TW reads zh-Hant);
// ok is false when there is none.
func textTag(tag language.Tag) (language.Tag, bool) {
	all := Texts()
	for _, t := range all {
		if t == tag {
			return t, true
		}
	}
	base, _ := tag.Base()
	script, _ := tag.Script()
	for _, t := range all {
		b, _ := t.Base()
		s, _ := t.Script()
		if b == base && s == script {
			return t, true
		}
	}
	return language.Tag{}, false
}

// text returns page slug in the language closest to tag, English when
// there is none, with {lang} set to tag's code and {source} to source's;
// from is the text's tag.
func text(tag language.Tag, slug string, source language.Tag) (data []byte, from language.Tag, err error) {
	from, ok := textTag(tag)
	if !ok {
		from = language.English
	}
	data, err = fs.ReadFile(texts, "texts/"+from.String()+"/"+slug+".md")
	if err != nil {
		return nil, from, err
	}
	return fill(data, tag, source), from, nil
}

// fill sets a text's {lang} and {source} markers.
func fill(data []byte, lang, source language.Tag) []byte {
	data = bytes.ReplaceAll(data, []byte("{lang}"), []byte(lang.String()))
	return bytes.ReplaceAll(data, []byte("{source}"), []byte(source.String()))
}

// translation returns the welcome page in tag as a translation of the page
// in def: the built-in text with source and source_hash recorded, or, when
// there is none, the skeleton docgen new --translate makes (draft = true).
func translation(def, tag language.Tag) (data []byte, draft bool, err error) {
	srcData, _, err := text(def, welcome, def)
	if err != nil {
		return nil, false, err
	}
	srcPath := pagePath(welcome, def.String())
	src, err := content.Parse(srcPath, welcome, def.String(), srcData)
	if err != nil {
		return nil, false, err
	}
	from, ok := textTag(tag)
	if !ok {
		names := map[string]string{}
		for _, c := range clients() {
			names[c.id] = c.name
		}
		doc := markdown.New(markdown.Options{ClientName: func(id string) string { return names[id] }}).Parse(srcPath, src.Body, src.BodyLine)
		if err := doc.Diags.Errors().Err(); err != nil {
			return nil, false, err
		}
		return scaffold.Translation(src, doc.Headings), true, nil
	}
	data, err = fs.ReadFile(texts, "texts/"+from.String()+"/"+welcome+".md")
	if err != nil {
		return nil, false, err
	}
	data = fill(data, tag, def)
	// Record the source before the front matter's closing +++ line.
	end := bytes.Index(data[4:], []byte("\n+++\n"))
	if !bytes.HasPrefix(data, []byte("+++\n")) || end < 0 {
		return nil, false, fmt.Errorf("initsite: texts/%s/%s.md has no front matter", from, welcome)
	}
	end += 4 + 1
	var b bytes.Buffer
	b.Write(data[:end])
	fmt.Fprintf(&b, "source = %s\n", tomlwrite.String(def.String()+".md"))
	fmt.Fprintf(&b, "source_hash = %s\n", tomlwrite.String(src.Hash))
	b.Write(data[end:])
	return b.Bytes(), false, nil
}

// englishName returns the English name of a language, for notes.
func englishName(tag language.Tag) string {
	return display.English.Tags().Name(tag)
}

// configFile returns config.toml for langs, and notes about names it had
// to guess.
func configFile(langs []language.Tag) ([]byte, []string) {
	var b strings.Builder
	var notes []string
	def := langs[0].String()
	b.WriteString("# docgen site configuration, written by docgen init. Unknown keys are errors,\n")
	b.WriteString("# so a typo cannot hide.\n")
	b.WriteString("title = \"My docs\"\n")
	b.WriteString("base_url = \"http://localhost:1313/\"  # the address the site is published at; set it before you deploy\n")
	fmt.Fprintf(&b, "default_language = %s  # the source language: pages not translated yet fall back to it\n", tomlwrite.String(def))
	b.WriteString("\n[build]\n")
	b.WriteString("link_check = \"error\"  # a broken internal link or anchor fails the build (\"warn\" to only report)\n")
	b.WriteString("\n# One table per language; the key is its BCP 47 tag and its URL prefix.\n")
	for i, tag := range langs {
		code := tag.String()
		name, ok := Name(tag)
		if !ok {
			notes = append(notes, fmt.Sprintf("config.toml: CLDR has no name for %q in that language, so it is named %q: write the name its readers use", code, name))
		}
		fmt.Fprintf(&b, "\n[languages.%s]\n", tomlwrite.Key(code))
		fmt.Fprintf(&b, "name = %s\n", tomlwrite.String(name))
		if Dir(tag) == "rtl" {
			b.WriteString("dir = \"rtl\"\n")
		}
		fmt.Fprintf(&b, "order = %d\n", i+1)
	}
	b.WriteString("\n# Client libraries that code samples can be written for (::: client <id>).\n")
	for i, c := range clients() {
		fmt.Fprintf(&b, "\n[clients.%s]\nname = %s\norder = %d\n", c.id, tomlwrite.String(c.name), i+1)
	}
	b.WriteString("\n# Optional: the site's identity and where its sources live.\n")
	b.WriteString(identityExample)
	return []byte(b.String()), notes
}

// identityExample is the commented-out example of the optional keys.
const identityExample = `# [identity]
# logo = "logo.svg"                      # a file in static/
# copyright = "© 2026 Your team"
# attribution = "Adapted from the Example docs by Example Inc."
# attribution_url = "https://example.com/docs"
# content_license = "CC BY 4.0"
# content_license_url = "https://creativecommons.org/licenses/by/4.0/"
# code_license = "Apache 2.0"
# code_license_url = "https://www.apache.org/licenses/LICENSE-2.0"
#
# [repository]                           # adds "edit this page" links
# url = "https://github.com/you/docs"
# branch = "main"
# path = ""                              # the site's folder inside the repository
`
