// Package render turns the site model and parsed pages into files: HTML from
// the html/template layouts in layouts/, the sitemap, and the assets. It writes
// nothing to disk; the publish package does.
package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/docgen/docgen/internal/catalog"
	"github.com/docgen/docgen/internal/diag"
	"github.com/docgen/docgen/internal/markdown"
	"github.com/docgen/docgen/internal/parallel"
	"github.com/docgen/docgen/internal/safefile"
	"github.com/docgen/docgen/internal/site"
)

// File is one output file, its path relative to the output folder.
type File struct {
	Path string
	Data []byte
	// Keep says the file is the last build's, unchanged (Data is nil): a
	// patched search index lists the files it keeps.
	Keep bool
}

// Layouts are the parsed templates and the static assets of layouts/.
type Layouts struct {
	pages  map[string]*template.Template // "guide", "index", "root", "404"
	dir    string                        // the layouts folder, relative to the site root
	assets []File                        // fingerprinted assets, paths under assets/
	Assets AssetPaths
}

// AssetPaths are the fingerprinted paths of the assets, relative to the site root.
type AssetPaths struct {
	CSS, JS, Syntax string
}

// pageLayouts are the page templates; each is parsed together with base.html.
var pageLayouts = []string{"guide", "index", "root", "404"}

// LoadLayouts parses the layouts once and reads the assets: each file is
// the site's own (root/dir/<name>) when it has one, else the built-in
// theme's (builtin/<name>; nil for none). Partials (dir/partials/*.html,
// site and built-in) are parsed into every page layout, so a site can
// override one of them alone. syntaxCSS is the generated highlighting
// stylesheet.
func LoadLayouts(root, dir, syntaxCSS string, builtin fs.FS) (*Layouts, error) {
	l := &Layouts{pages: map[string]*template.Template{}, dir: dir}
	// read returns a layout file's bytes and the name errors show.
	read := func(name string) ([]byte, string, error) {
		shown := filepath.ToSlash(filepath.Join(dir, name))
		data, err := safefile.Read(root, filepath.Join(dir, filepath.FromSlash(name)), safefile.MaxText)
		if err == nil || !errors.Is(err, fs.ErrNotExist) || builtin == nil {
			return data, shown, err
		}
		data, err = fs.ReadFile(builtin, name)
		return data, shown + " (built-in)", err
	}
	var errs diag.List
	baseSrc, baseShown, err := read("base.html")
	if err != nil {
		return nil, diag.Errorf(baseShown, 0, "every site needs layouts/base.html (or docgen's built-in one)", "cannot read layout: %v", err)
	}
	partials, err := partialNames(root, dir, builtin)
	if err != nil {
		return nil, err
	}
	type source struct{ name, shown, text string }
	var parts []source
	for _, name := range partials {
		data, shown, err := read("partials/" + name)
		if err != nil {
			errs.Add(diag.Errorf(shown, 0, "check the file", "cannot read layout: %v", err))
			continue
		}
		parts = append(parts, source{name, shown, string(data)})
	}
	for _, name := range pageLayouts {
		src, file, err := read(name + ".html")
		if err != nil {
			errs.Add(diag.Errorf(file, 0, "restore the layout, or delete it to use the built-in one", "cannot read layout: %v", err))
			continue
		}
		t, err := template.New("base.html").Option("missingkey=error").Parse(string(baseSrc))
		if err != nil {
			// An error in base.html is reported once, at its own line.
			return nil, templateError(dir, file, err)
		}
		failed := false
		for _, p := range parts {
			if _, err := t.New(p.name).Parse(p.text); err != nil {
				errs.Add(templateError(dir+"/partials", p.shown, err))
				failed = true
			}
		}
		if _, err = t.New(name + ".html").Parse(string(src)); err != nil {
			errs.Add(templateError(dir, file, err))
			continue
		}
		if failed {
			continue
		}
		l.pages[name] = t
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	add := func(name string, data []byte) string {
		sum := sha256.Sum256(data)
		ext := filepath.Ext(name)
		p := "assets/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
		l.assets = append(l.assets, File{Path: p, Data: data})
		return p
	}
	for _, a := range []struct {
		name string
		dst  *string
	}{{"docgen.css", &l.Assets.CSS}, {"docgen.js", &l.Assets.JS}} {
		data, shown, err := read("assets/" + a.name)
		if err != nil {
			return nil, diag.Errorf(shown, 0, "restore the asset, or delete it to use the built-in one", "cannot read asset: %v", err)
		}
		*a.dst = add(a.name, data)
	}
	l.Assets.Syntax = add("syntax.css", []byte(syntaxCSS))
	return l, nil
}

// redirectPage is a page that sends readers (and search engines, through
// its canonical link) from a guide's former URL to its current one.
func redirectPage(canonical, rel string) []byte {
	c, r := template.HTMLEscapeString(canonical), template.HTMLEscapeString(rel)
	return []byte("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + c + "</title>\n" +
		"<link rel=\"canonical\" href=\"" + c + "\">\n<meta name=\"robots\" content=\"noindex\">\n" +
		"<meta http-equiv=\"refresh\" content=\"0; url=" + r + "\">\n</head><body><p><a href=\"" + r + "\">" + c + "</a></p></body></html>\n")
}

// partialNames lists the partials of the site and of the built-in theme.
func partialNames(root, dir string, builtin fs.FS) ([]string, error) {
	set := map[string]bool{}
	entries, err := os.ReadDir(filepath.Join(root, dir, "partials"))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, diag.Errorf(filepath.ToSlash(filepath.Join(dir, "partials")), 0, "check the folder", "cannot read partials: %v", err)
	}
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".html") {
			set[e.Name()] = true
		}
	}
	if builtin != nil {
		if entries, err := fs.ReadDir(builtin, "partials"); err == nil {
			for _, e := range entries {
				if !e.IsDir() && strings.HasSuffix(e.Name(), ".html") {
					set[e.Name()] = true
				}
			}
		}
	}
	names := make([]string, 0, len(set))
	for n := range set {
		names = append(names, n)
	}
	sort.Strings(names)
	return names, nil
}

// templatePos finds the layout and line an html/template error is about:
// "template: base.html:5: ..." or "html/template:guide.html:1:11: ...".
var templatePos = regexp.MustCompile(`template: ?([^:\s]+\.html):(\d+)(?::\d+)?: (.*)`)

// templateError turns a template parse or execution error into a
// diagnostic naming the layout file and line where the error is (which
// may be base.html when a page layout was being parsed or run), with a hint.
func templateError(dir, file string, err error) *diag.Diagnostic {
	msg := err.Error()
	line := 0
	if m := templatePos.FindStringSubmatch(msg); m != nil {
		file = filepath.ToSlash(filepath.Join(dir, m[1]))
		line, _ = strconv.Atoi(m[2])
		msg = m[3]
	}
	hint := "fix the template syntax"
	switch {
	case strings.Contains(msg, "can't evaluate field"), strings.Contains(msg, "map has no entry"):
		hint = "the layout uses a field its page data does not have; see docs/content-format.md for the data each layout receives"
	case strings.Contains(msg, "no such template"), strings.Contains(msg, "not defined"):
		hint = "define that template (a partial with {{define}}) or correct its name"
	case strings.Contains(msg, "executing"):
		hint = "the layout failed while rendering a page; check the action at that line"
	}
	return diag.Errorf(file, line, hint, "%s", msg)
}

// Parsed is a page's Markdown after parsing, shared by every language that
// shows it.
type Parsed struct {
	Doc      *markdown.Document
	HTML     template.HTML // the rendered body; empty until rendered
	Sections []byte        // the body split for the search index (search.EncodeSections), made with HTML
}

// Input is everything the renderer needs.
type Input struct {
	Site        *site.Site
	Parsed      map[string]*Parsed // by content path
	Translators map[string]*catalog.Translator
	Layouts     *Layouts
	Generated   time.Time // not shown in pages (builds are reproducible); used for nothing else
	// Sections, when set, returns a page's encoded search sections instead
	// of Parsed[path].Sections (a lean build keeps them on disk).
	Sections func(contentPath string) ([]byte, error)
	// Emit, when set, takes files a large output (a search index's page
	// fragments) makes as it goes, instead of their being returned with it.
	Emit func([]File) error
	// Earlier, when set, reads the last build's output (see Target.Patch).
	Earlier *Earlier
}

// Kind is the kind of an output.
type Kind int

// The kinds of output a site has.
const (
	GuidePage     Kind = iota + 1 // a guide in one language
	LanguageIndex                 // a language's home page
	NotFound                      // a 404 page (Lang empty: the site-wide one)
	RootPage                      // the site's root page, choosing a language
	SitemapFile                   // sitemap.xml
	SearchIndex                   // a language's search index
	Redirect                      // a guide's former URL (alias), sending readers to it
)

var kindNames = [...]string{GuidePage: "guide", LanguageIndex: "index", NotFound: "404", RootPage: "root", SitemapFile: "sitemap", SearchIndex: "search", Redirect: "redirect"}

func (k Kind) String() string {
	if k > 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Target is one output page: a guide in a language (Slug set), a language's
// own page (Lang set, Slug empty), or a site-wide page (both empty).
type Target struct {
	Path string // output path, e.g. "fa/developer-token-reset/index.html"
	Kind Kind
	Lang string
	Slug string
	// Patch, for a search index, holds the guides whose pages changed
	// since the last build when the language has the same pages: the
	// index is then patched (see Input.Earlier). Nil: built whole.
	Patch map[string]bool
}

// Targets lists every page the site has, in a stable order.
func Targets(s *site.Site) []Target {
	var ts []Target
	for _, ls := range s.Languages {
		for _, p := range ls.Pages {
			ts = append(ts, Target{Path: p.URL() + "index.html", Kind: GuidePage, Lang: ls.Lang.Code, Slug: p.Guide.Slug})
			for _, a := range p.Guide.Source.Front.Aliases {
				ts = append(ts, Target{Path: ls.Lang.Code + "/" + a + "/index.html", Kind: Redirect, Lang: ls.Lang.Code, Slug: p.Guide.Slug})
			}
		}
		ts = append(ts, Target{Path: ls.Lang.Code + "/index.html", Kind: LanguageIndex, Lang: ls.Lang.Code})
		ts = append(ts, Target{Path: ls.Lang.Code + "/404.html", Kind: NotFound, Lang: ls.Lang.Code})
		ts = append(ts, searchTarget(ls))
	}
	ts = append(ts, Target{Path: "index.html", Kind: RootPage}, Target{Path: "404.html", Kind: NotFound}, Target{Path: "sitemap.xml", Kind: SitemapFile})
	sort.Slice(ts, func(i, j int) bool { return ts[i].Path < ts[j].Path })
	return ts
}

// TargetsOf lists, in Targets' order, the pages of the given guides in
// every language (with their redirects) and the search indexes of the
// given languages: what an edit of those guides' text makes again, found
// without listing the whole site.
func TargetsOf(s *site.Site, slugs, searches map[string]bool) []Target {
	var ts []Target
	for _, ls := range s.Languages {
		for slug := range slugs {
			p := findPage(ls, slug)
			if p == nil {
				continue
			}
			ts = append(ts, Target{Path: p.URL() + "index.html", Kind: GuidePage, Lang: ls.Lang.Code, Slug: slug})
			for _, a := range p.Guide.Source.Front.Aliases {
				ts = append(ts, Target{Path: ls.Lang.Code + "/" + a + "/index.html", Kind: Redirect, Lang: ls.Lang.Code, Slug: slug})
			}
		}
		if searches[ls.Lang.Code] {
			ts = append(ts, searchTarget(ls))
		}
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i].Path < ts[j].Path })
	return ts
}

// Files returns the layouts' asset files.
func (l *Layouts) Files() []File { return l.assets }

// Render renders the given targets on all cores; the result is in the
// targets' order (a search index's files after its manifest).
func Render(in Input, targets []Target) ([]File, error) {
	langs := map[string]*site.Language{}
	var def *site.Language
	for _, ls := range in.Site.Languages {
		langs[ls.Lang.Code] = ls
		if ls.Lang == in.Site.Config.DefaultLanguage {
			def = ls
		}
	}
	files := make([][]File, len(targets))
	err := parallel.Each(len(targets), func(i int) error {
		t := targets[i]
		var b bytes.Buffer
		var err error
		var more []File
		ls := langs[t.Lang]
		switch {
		case t.Kind == GuidePage:
			pg := findPage(ls, t.Slug)
			if pg == nil {
				err = fmt.Errorf("no page %s in %s", t.Slug, t.Lang)
				break
			}
			if p := in.Parsed[pg.Content.Path]; p != nil {
				b.Grow(len(p.HTML) + 16<<10) // the layout's part of a page is a few kilobytes
			}
			err = in.Layouts.pages["guide"].ExecuteTemplate(&b, "guide.html", in.guideData(ls, pg))
		case t.Kind == LanguageIndex:
			b.Grow(32 << 10)
			err = in.Layouts.pages["index"].ExecuteTemplate(&b, "index.html", in.indexData(ls))
		case t.Kind == NotFound && ls != nil:
			err = in.Layouts.pages["404"].ExecuteTemplate(&b, "404.html", in.notFoundData(ls, true))
		case t.Kind == NotFound:
			err = in.Layouts.pages["404"].ExecuteTemplate(&b, "404.html", in.notFoundData(def, false))
		case t.Kind == RootPage:
			err = in.Layouts.pages["root"].ExecuteTemplate(&b, "root.html", in.rootData(def))
		case t.Kind == Redirect:
			// From <lang>/<alias>/ up to <lang>/, then down to the guide.
			up := strings.Repeat("../", strings.Count(t.Path, "/")-1)
			b.Write(redirectPage(in.Site.Config.BaseURL.String()+t.Lang+"/"+t.Slug+"/", up+t.Slug+"/"))
		case t.Kind == SitemapFile:
			b.Write(Sitemap(in.Site))
		case t.Kind == SearchIndex:
			more, err = in.searchFiles(ls, t)
		default:
			err = fmt.Errorf("unknown output kind %v", t.Kind)
		}
		if err != nil {
			if strings.Contains(err.Error(), "template:") {
				d := templateError(in.Layouts.dir, "", err)
				d.Message += " (rendering " + t.Path + ")"
				return d
			}
			return fmt.Errorf("render %s: %w", t.Path, err)
		}
		if t.Kind == SearchIndex {
			files[i] = more // the manifest (t.Path) first
			return nil
		}
		files[i] = append([]File{{Path: t.Path, Data: b.Bytes()}}, more...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	var out []File
	for _, fs := range files {
		out = append(out, fs...)
	}
	return out, nil
}

func findPage(ls *site.Language, slug string) *site.Page {
	if ls == nil {
		return nil
	}
	if i := ls.Index(slug); i >= 0 {
		return ls.Pages[i]
	}
	return nil
}
