package build

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/docgen/docgen/internal/content"
	"github.com/docgen/docgen/internal/render"
)

// Change is what an incremental rebuild did.
type Change struct {
	Written []render.File // outputs whose bytes changed, or that are new
	Removed []string      // output paths that no longer exist
	Full    bool          // the whole site was rebuilt (config edit, first build)
	Report  *Report

	finish func() ([]render.File, error)
}

// Finish renders what UpdatePages left for later (search indexes, sitemap)
// and returns the files among them that changed.
func (ch *Change) Finish() ([]render.File, error) {
	if ch.finish == nil {
		return nil, nil
	}
	f := ch.finish
	ch.finish = nil
	return f()
}

// changed records the hashes of files and returns those that differ from
// the old state's.
func (st *state) changed(old *state, files []render.File) []render.File {
	var out []render.File
	for _, f := range files {
		h := hashFile(f.Data)
		if prev, ok := old.files[f.Path]; !ok || prev != h {
			out = append(out, f)
		}
		st.files[f.Path] = h
	}
	return out
}

// Update rebuilds after the given input files changed (paths relative to the
// site root, e.g. "content/oauth/fr.md", "locales/fa.toml",
// "layouts/base.html"). It redoes only what those edits affect:
//
//   - a page: that page is parsed again (with its translations when it is a
//     source page); that guide is rendered again in every language, and every
//     page of the site when its title, description or weight changed or it
//     appeared or disappeared (they list it);
//   - a catalog: that language's pages are parsed and rendered again;
//   - a layout or asset: every page is rendered again (nothing is parsed);
//   - config.toml, or anything unknown: a full build.
//
// Links are checked again across the whole site in every case (it is cheap).
// On error the previous build stays current, so the next Update starts from
// the last good state.
func (b *Builder) Update(changed []string) (*Change, error) {
	ch, err := b.UpdatePages(changed)
	if err != nil {
		return nil, err
	}
	rest, err := ch.Finish()
	if err != nil {
		return nil, err
	}
	ch.Written = append(ch.Written, rest...)
	return ch, nil
}

// UpdatePages is Update without the search indexes and the sitemap: the
// returned Change holds the pages, and its Finish renders the rest. Call
// Finish before the next update.
func (b *Builder) UpdatePages(changed []string) (*Change, error) {
	start := time.Now()
	old := b.state
	if old == nil {
		return b.full(nil, start)
	}
	st := old.clone()
	var pagePaths []string
	langs := map[string]bool{} // languages to render entirely
	all := false
	for _, c := range changed {
		c = filepath.ToSlash(filepath.Clean(c))
		switch {
		case strings.HasPrefix(c, "content/"):
			if strings.HasSuffix(c, ".md") {
				pagePaths = append(pagePaths, c)
			} else if !strings.Contains(strings.TrimPrefix(c, "content/"), "/") {
				return b.full(old, start) // a guide folder appeared or vanished
			}
		case strings.HasPrefix(c, "locales/"):
			langs[strings.TrimSuffix(filepath.Base(c), ".toml")] = true
		case strings.HasPrefix(c, "layouts/"):
			all = true
		default:
			return b.full(old, start)
		}
	}

	if len(langs) > 0 {
		if err := st.loadCatalogs(b.opts.Root); err != nil {
			return nil, err
		}
		var reparse []*content.Page
		for _, p := range st.pages {
			if langs[p.Lang] {
				reparse = append(reparse, p)
			}
		}
		sortPages(reparse)
		if err := st.parse(reparse); err != nil {
			return nil, err
		}
	}
	if all {
		if err := st.loadLayouts(b.opts.Root); err != nil {
			return nil, err
		}
	}

	slugs := map[string]bool{}       // guides to render in every language
	listing := false                 // every page lists every guide: render all
	searchLangs := map[string]bool{} // languages whose search index changes
	datesChanged := false            // the sitemap shows dates
	var reparse []*content.Page
	for _, path := range pagePaths {
		prev := st.pages[path]
		p, err := b.readPage(path)
		if err != nil {
			return nil, err
		}
		switch {
		case p == nil && prev == nil:
			continue
		case p == nil:
			searchLangs[prev.Lang] = true
			delete(st.pages, path)
			delete(st.parsed, path)
			listing = true
			slugs[prev.Slug] = true
			continue
		case prev == nil || prev.Front.Title != p.Front.Title || prev.Front.Weight != p.Front.Weight ||
			prev.Front.Description != p.Front.Description:
			listing = true
		case !prev.Updated.Equal(p.Updated):
			datesChanged = true
		}
		st.pages[path] = p
		slugs[p.Slug] = true
		searchLangs[p.Lang] = true
		reparse = append(reparse, p)
		if p.Lang == st.cfg.DefaultLanguage.Code {
			// Translations take their heading ids from the source: parse them again.
			for _, q := range st.pages {
				if q.Slug == p.Slug && q.Path != p.Path {
					reparse = append(reparse, q)
				}
			}
		}
	}
	sortPages(reparse)
	if err := st.parse(reparse); err != nil {
		return nil, err
	}
	if err := st.arrange(); err != nil {
		return nil, err
	}

	var targets []render.Target
	for _, t := range render.Targets(st.site) {
		switch {
		case t.Kind == "search":
			// A source page shows in every language that falls back to it.
			if all || langs[t.Lang] || searchLangs[t.Lang] || searchLangs[st.cfg.DefaultLanguage.Code] {
				targets = append(targets, t)
			}
		case t.Kind == "sitemap":
			if all || listing || datesChanged || len(langs) > 0 {
				targets = append(targets, t)
			}
		case all || listing, langs[t.Lang], t.Kind == "guide" && slugs[t.Slug]:
			targets = append(targets, t)
		}
	}
	// Pages first; the search indexes and the sitemap, which hold the
	// whole site, are rendered by Finish, so a preview can show the page
	// before they are ready.
	var now, later []render.Target
	for _, t := range targets {
		if t.Kind == "search" || t.Kind == "sitemap" {
			later = append(later, t)
		} else {
			now = append(now, t)
		}
	}
	files, err := render.Render(st.input(), now)
	if err != nil {
		return nil, err
	}
	if all {
		files = append(files, st.layouts.Files()...)
	}
	ch := &Change{}
	live := map[string]bool{}
	for _, t := range render.Targets(st.site) {
		live[t.Path] = true
	}
	for _, f := range st.layouts.Files() {
		live[f.Path] = true
	}
	ch.Written = st.changed(old, files)
	if len(later) > 0 {
		ch.finish = func() ([]render.File, error) {
			files, err := render.Render(st.input(), later)
			if err != nil {
				return nil, err
			}
			return st.changed(old, files), nil
		}
	}
	for p := range old.files {
		if !live[p] {
			ch.Removed = append(ch.Removed, p)
			delete(st.files, p)
		}
	}
	sort.Strings(ch.Removed)
	b.state = st
	ch.Report = st.report(len(st.files), time.Since(start))
	return ch, nil
}

// full rebuilds everything and compares the result with old.
func (b *Builder) full(old *state, start time.Time) (*Change, error) {
	res, err := b.Build()
	if err != nil {
		if old != nil {
			b.state = old
		}
		return nil, err
	}
	ch := &Change{Full: true, Report: res.Report}
	seen := map[string]bool{}
	for _, f := range res.Files {
		seen[f.Path] = true
		if prev, ok := old.files[f.Path]; old == nil || !ok || prev != hashFile(f.Data) {
			ch.Written = append(ch.Written, f)
		}
	}
	if old != nil {
		for p := range old.files {
			if !seen[p] {
				ch.Removed = append(ch.Removed, p)
			}
		}
	}
	sort.Strings(ch.Removed)
	ch.Report.Duration = time.Since(start)
	return ch, nil
}

// readPage reads one page file; it returns nil, nil when the file is gone.
func (b *Builder) readPage(path string) (*content.Page, error) {
	rel := strings.TrimPrefix(path, "content/")
	slug, lang, err := content.ParseFileName(rel)
	if err != nil {
		return nil, err
	}
	if slug == "" {
		return nil, nil
	}
	full := filepath.Join(b.opts.Root, filepath.FromSlash(path))
	if fi, err := os.Lstat(full); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		return nil, content.ErrSymlink(path)
	}
	src, err := os.ReadFile(full)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if b.state.cfg.Language(lang) == nil {
		return nil, content.ErrUnknownLanguage(path, lang)
	}
	p, err := content.Parse(path, slug, lang, src)
	if err != nil {
		return nil, err
	}
	content.FillGitDates(b.opts.Root, []*content.Page{p})
	return p, nil
}

func sortPages(pages []*content.Page) {
	sort.Slice(pages, func(i, j int) bool { return pages[i].Path < pages[j].Path })
}

// clone copies the state's maps so an update can change them and be dropped
// on error. Pages and parsed documents are shared until replaced.
func (st *state) clone() *state {
	c := *st
	c.pages = make(map[string]*content.Page, len(st.pages))
	for k, v := range st.pages {
		c.pages[k] = v
	}
	c.parsed = make(map[string]*render.Parsed, len(st.parsed))
	for k, v := range st.parsed {
		c.parsed[k] = v
	}
	c.files = make(map[string]uint64, len(st.files))
	for k, v := range st.files {
		c.files[k] = v
	}
	return &c
}
