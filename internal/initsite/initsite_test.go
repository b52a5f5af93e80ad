package initsite

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/unicode/bidi"

	"github.com/docgen/docgen/internal/config"
	"github.com/docgen/docgen/internal/content"
	"github.com/docgen/docgen/internal/markdown"
)

func tags(t *testing.T, list string) []language.Tag {
	t.Helper()
	ts, err := ParseLanguages(list)
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

func TestDirFromScript(t *testing.T) {
	for code, want := range map[string]string{
		"ar": "rtl", "fa": "rtl", "he": "rtl", "ur": "rtl", "ckb": "rtl", "ps": "rtl", "sd": "rtl",
		"yi": "rtl", "dv": "rtl", "syr": "rtl", "nqo": "rtl", "ff-Adlm": "rtl", "pa-Arab": "rtl",
		"az-Arab": "rtl", "uz-Arab": "rtl", "ms-Arab": "rtl",
		"en": "ltr", "fr": "ltr", "ja": "ltr", "zh-Hant": "ltr", "hi": "ltr", "ru": "ltr", "th": "ltr",
		"pa": "ltr", "az": "ltr", "ku": "ltr", "ff": "ltr", "uz": "ltr", "ms": "ltr", "am": "ltr",
	} {
		if got := Dir(language.MustParse(code)); got != want {
			t.Errorf("Dir(%s) = %s, want %s", code, got, want)
		}
	}
}

// TestRTLScriptsAreRightToLeftInUnicode checks the script list against the
// Unicode data: the letters of each script Go knows are of a right-to-left
// bidi class.
func TestRTLScriptsAreRightToLeftInUnicode(t *testing.T) {
	checked := map[string]bool{}
	for _, code := range rtlScripts() {
		s, err := language.ParseScript(code)
		if err != nil {
			t.Errorf("%s: %v", code, err)
			continue
		}
		name := strings.NewReplacer(" ", "_", "’", "", "'", "").Replace(display.English.Scripts().Name(s))
		var table *unicode.RangeTable
		for n, tb := range unicode.Scripts {
			if strings.EqualFold(n, name) {
				table = tb
			}
		}
		if table == nil {
			t.Logf("%s: no Unicode table named like %q", code, name)
			continue
		}
		checked[code] = true
		letter := firstLetter(table)
		if p, _ := bidi.LookupRune(letter); p.Class() != bidi.R && p.Class() != bidi.AL {
			t.Errorf("%s (%s): letter %U has bidi class %v, not right to left", code, name, letter, p.Class())
		}
	}
	for _, name := range []string{"Latin", "Cyrillic", "Devanagari", "Thai", "Han", "Ethiopic"} {
		if p, _ := bidi.LookupRune(firstLetter(unicode.Scripts[name])); p.Class() != bidi.L {
			t.Errorf("%s: first letter is not left to right", name)
		}
	}
	for _, code := range []string{"Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm"} {
		if !checked[code] {
			t.Errorf("%s was not checked against Unicode", code)
		}
	}
	if len(checked) < len(rtlScripts())*2/3 {
		t.Errorf("only %d of %d scripts matched a Unicode table; the check is too weak", len(checked), len(rtlScripts()))
	}
}

func firstLetter(t *unicode.RangeTable) rune {
	for _, r := range t.R16 {
		for c := rune(r.Lo); c <= rune(r.Hi); c += rune(r.Stride) {
			if unicode.IsLetter(c) {
				return c
			}
		}
	}
	for _, r := range t.R32 {
		for c := rune(r.Lo); c <= rune(r.Hi); c += rune(r.Stride) {
			if unicode.IsLetter(c) {
				return c
			}
		}
	}
	return 0
}

func TestName(t *testing.T) {
	for code, want := range map[string]string{
		"en": "English", "fr": "Français", "es": "Español", "de": "Deutsch", "ar": "العربية",
		"fa": "فارسی", "he": "עברית", "ja": "日本語", "zh-Hans": "简体中文", "zh-Hant": "繁體中文",
		"tr": "Türkçe", "vi": "Tiếng Việt", "ru": "Русский",
	} {
		got, ok := Name(language.MustParse(code))
		if got != want || !ok {
			t.Errorf("Name(%s) = %q, %v; want %q, true", code, got, ok, want)
		}
	}
	// No name in itself in CLDR: the English name, reported.
	if got, ok := Name(language.MustParse("dv")); got != "Divehi" || ok {
		t.Errorf("Name(dv) = %q, %v; want \"Divehi\", false", got, ok)
	}
}

func TestParseLanguages(t *testing.T) {
	good := map[string]string{
		"en,fr":             "en fr",
		" pt-br , zh_Hans ": "pt-BR zh-Hans",
		"iw,EN":             "he en",
		"sr-Latn,zh-TW,ar":  "sr-Latn zh-TW ar",
	}
	for in, want := range good {
		ts, err := ParseLanguages(in)
		if err != nil {
			t.Errorf("%q: %v", in, err)
			continue
		}
		var got []string
		for _, tag := range ts {
			got = append(got, tag.String())
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%q = %v, want %s", in, got, want)
		}
	}
	bad := map[string]string{
		"":                "no languages",
		"en,,fr":          "empty language tag",
		"en,xx":           `invalid language tag "xx"`,
		"en,fr_":          `invalid language tag "fr_"`,
		"en,und":          `invalid language tag "und"`,
		"en,en-u-co-trad": `invalid language tag "en-u-co-trad"`,
		"en,x-klingon":    `invalid language tag "x-klingon"`,
		"en,fr,FR":        `duplicate language tag "FR" (same as "fr")`,
		"pt-BR,en,pt-br":  `duplicate language tag "pt-br" (same as "pt-BR")`,
		"he,fr,iw":        `duplicate language tag "iw" (same as "he")`,
	}
	for in, want := range bad {
		_, err := ParseLanguages(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want one containing %q", in, err, want)
		}
	}
}

func paths(s *Site) []string {
	var ps []string
	for _, f := range s.Files {
		ps = append(ps, f.Path)
	}
	return ps
}

func file(t *testing.T, s *Site, p string) []byte {
	t.Helper()
	for _, f := range s.Files {
		if f.Path == p {
			return f.Data
		}
	}
	t.Fatalf("no file %s in %v", p, paths(s))
	return nil
}

func TestNewFilesAndConfig(t *testing.T) {
	s, err := New(Options{Languages: tags(t, "en,ar,fr")})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"config.toml", "content/getting-started/en.md", "content/welcome/ar.md",
		"content/welcome/diagram.svg", "content/welcome/en.md", "static/favicon.svg"}
	if !slices.Equal(paths(s), want) {
		t.Errorf("files %v, want %v", paths(s), want)
	}
	if len(s.Notes) != 0 {
		t.Errorf("notes %q, want none", s.Notes)
	}
	data := file(t, s, "config.toml")
	cfg, err := config.Parse("config.toml", data)
	if err != nil {
		t.Fatalf("config.toml does not load: %v\n%s", err, data)
	}
	if cfg.DefaultLanguage.Code != "en" {
		t.Errorf("default language %s", cfg.DefaultLanguage.Code)
	}
	var got []string
	for _, l := range cfg.Languages {
		got = append(got, l.Code+"/"+l.Name+"/"+l.Dir)
	}
	if w := []string{"en/English/ltr", "ar/العربية/rtl", "fr/Français/ltr"}; !slices.Equal(got, w) {
		t.Errorf("languages %v, want %v", got, w)
	}
	if cfg.Client("shell") == nil || cfg.Client("python") == nil {
		t.Errorf("clients %v, want shell and python", cfg.Clients)
	}
	if !bytes.HasSuffix(data, []byte(identityExample)) {
		t.Errorf("config.toml does not end with the identity example")
	}
}

// TestEveryText checks each built-in text, as the source page and as its
// translation: it parses, keeps the English heading ids, image, link and
// client group, and records the hash of the source it translates.
func TestEveryText(t *testing.T) {
	en := parse(t, welcome, "en", mustText(t, "en", welcome))
	enGS := parse(t, gettingStarted, "en", mustText(t, "en", gettingStarted))
	all := Texts()
	if len(all) < 20 {
		t.Fatalf("%d texts, want at least 20", len(all))
	}
	for _, tag := range all {
		code := tag.String()
		t.Run(code, func(t *testing.T) {
			def := language.English
			if tag == language.English {
				def = language.French
			}
			s, err := New(Options{Languages: []language.Tag{def, tag}})
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Notes) != 0 {
				t.Errorf("notes %q", s.Notes)
			}
			src := parse(t, welcome, def.String(), file(t, s, pagePath(welcome, def.String())))
			tr := parse(t, welcome, code, file(t, s, pagePath(welcome, code)))
			if tr.page.Front.Source != def.String()+".md" || tr.page.Front.SourceHash != src.page.Hash || tr.page.Front.Draft {
				t.Errorf("front matter source=%q source_hash=%q draft=%v; want %s.md, %s, false",
					tr.page.Front.Source, tr.page.Front.SourceHash, tr.page.Front.Draft, def, src.page.Hash)
			}
			if tr.page.Front.Title == "" || tr.page.Front.Description == "" {
				t.Error("title or description missing")
			}
			sameShape(t, en, tr, "../getting-started/"+def.String()+".md")
			if bytes.Contains(tr.page.Body, []byte("{lang}")) || !bytes.Contains(tr.page.Body, []byte("content/welcome/"+code+".md")) {
				t.Errorf("body does not name its own file content/welcome/%s.md", code)
			}

			// As the source language, both guides are in it.
			s, err = New(Options{Languages: []language.Tag{tag}})
			if err != nil {
				t.Fatal(err)
			}
			sameShape(t, en, parse(t, welcome, code, file(t, s, pagePath(welcome, code))), "../getting-started/"+code+".md")
			gs := parse(t, gettingStarted, code, file(t, s, pagePath(gettingStarted, code)))
			sameShape(t, enGS, gs, "")
			if !bytes.Contains(gs.page.Body, []byte("/"+code+".md`")) {
				t.Errorf("getting-started does not name a page file of %s", code)
			}
		})
	}
}

type parsed struct {
	page *content.Page
	doc  *markdown.Document
}

func mustText(t *testing.T, code, slug string) []byte {
	t.Helper()
	data, _, err := text(language.MustParse(code), slug, language.MustParse(code))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func parse(t *testing.T, slug, code string, data []byte) parsed {
	t.Helper()
	p, err := content.Parse(pagePath(slug, code), slug, code, data)
	if err != nil {
		t.Fatalf("%s/%s: %v", slug, code, err)
	}
	names := map[string]string{"shell": "Shell", "python": "Python"}
	doc := markdown.New(markdown.Options{ClientName: func(id string) string { return names[id] }}).Parse(p.Path, p.Body, p.BodyLine)
	if err := doc.Diags.Err(); err != nil {
		t.Fatalf("%s: %v", p.Path, err)
	}
	return parsed{p, doc}
}

// sameShape reports a translation whose headings, links, images or client
// lines differ from the English text's; link is the page link it must have.
func sameShape(t *testing.T, en, tr parsed, link string) {
	t.Helper()
	var want, got []string
	for _, h := range en.doc.Headings {
		want = append(want, h.ID)
	}
	for _, h := range tr.doc.Headings {
		got = append(got, h.ID)
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s: heading ids %v, want %v", tr.page.Path, got, want)
	}
	var links []string
	for _, l := range tr.doc.Links {
		links = append(links, l.Dest)
	}
	if link != "" && !slices.Equal(links, []string{"diagram.svg", link}) {
		t.Errorf("%s: links %v, want [diagram.svg %s]", tr.page.Path, links, link)
	}
	if !slices.Equal(fixedLines(tr.page.Body), fixedLines(en.page.Body)) {
		t.Errorf("%s: callout, client or code lines differ from the English text", tr.page.Path)
	}
}

// fixedLines returns the lines a translation keeps as they are: callout
// markers, ::: client lines, code fences and code.
func fixedLines(body []byte) []string {
	var out []string
	code := false
	for _, l := range strings.Split(string(body), "\n") {
		fence := strings.HasPrefix(l, "```")
		if code || fence || strings.HasPrefix(l, ":::") || strings.HasPrefix(l, "> [!") {
			out = append(out, l)
		}
		if fence {
			code = !code
		}
	}
	return out
}

func TestNewWithoutText(t *testing.T) {
	// A second language without a text: the source text as a draft.
	s, err := New(Options{Languages: tags(t, "en,sw")})
	if err != nil {
		t.Fatal(err)
	}
	en := parse(t, welcome, "en", file(t, s, "content/welcome/en.md"))
	sw := parse(t, welcome, "sw", file(t, s, "content/welcome/sw.md"))
	if !sw.page.Front.Draft || sw.page.Front.SourceHash != en.page.Hash || sw.page.Front.Source != "en.md" {
		t.Errorf("sw.md front matter %+v, want a draft of en.md with hash %s", sw.page.Front, en.page.Hash)
	}
	if string(sw.page.Body) != string(en.page.Body) {
		t.Error("sw.md body is not the English text")
	}
	if len(s.Notes) != 1 || !strings.Contains(s.Notes[0], "content/welcome/sw.md is a draft holding the English text") {
		t.Errorf("notes %q", s.Notes)
	}

	// A default language without a text: English pages, said so.
	s, err = New(Options{Languages: tags(t, "sw,fr")})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Notes) != 2 || !strings.Contains(s.Notes[0], "content/welcome/sw.md is in English, as docgen has no built-in Swahili text") {
		t.Errorf("notes %q", s.Notes)
	}
	fr := parse(t, welcome, "fr", file(t, s, "content/welcome/fr.md"))
	if fr.page.Front.Draft || fr.page.Front.Source != "sw.md" {
		t.Errorf("fr.md front matter %+v, want a translation of sw.md", fr.page.Front)
	}

	// Neither has a text: the draft holds the English text, said so.
	s, err = New(Options{Languages: tags(t, "sw,yo")})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Notes) != 3 || !strings.Contains(s.Notes[2], "content/welcome/yo.md is a draft holding the English text: docgen has no built-in Yoruba text") {
		t.Errorf("notes %q", s.Notes)
	}

	// Regional tags read their language's text.
	for code, title := range map[string]string{"fr-CA": "Bienvenue", "zh-TW": "歡迎", "pt-PT": "Boas-vindas", "en-GB": "Welcome"} {
		s, err := New(Options{Languages: tags(t, code)})
		if err != nil {
			t.Fatal(err)
		}
		p := parse(t, welcome, code, file(t, s, pagePath(welcome, code)))
		if p.page.Front.Title != title || len(s.Notes) != 0 {
			t.Errorf("%s: title %q notes %q, want %q and none", code, p.page.Front.Title, s.Notes, title)
		}
	}
}

func TestNewIsDeterministic(t *testing.T) {
	a, _ := New(Options{Languages: tags(t, "ja,he,de")})
	b, _ := New(Options{Languages: tags(t, "ja,he,de")})
	if len(a.Files) != len(b.Files) {
		t.Fatal("different file counts")
	}
	for i := range a.Files {
		if a.Files[i].Path != b.Files[i].Path || !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
			t.Errorf("%s differs between runs", a.Files[i].Path)
		}
	}
}
