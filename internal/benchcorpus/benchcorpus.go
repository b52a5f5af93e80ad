// Package benchcorpus generates a synthetic multilingual documentation site
// for benchmarks: N guides in each of six languages, written once as a
// docgen site and once as an equivalent Hugo site, so both tools render the
// same content with similar layouts. The text is made of per-language word
// lists (Persian with zero-width non-joiners, Thai without spaces between
// words), so it is realistic in script and size, not in meaning.
//
// Code samples are translated the way real docs translate them: the code is
// the same in every language, its comments and printed strings are in the
// page's language, so no cache can reuse one language's highlighted block
// for another. Options.SameCode writes the older corpus, whose code is
// identical in every language.
package benchcorpus

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Languages are the corpus languages; the first is the source.
var Languages = []string{"en", "fa", "vi", "th", "id", "fr"}

// Options shape a corpus.
type Options struct {
	Guides int    // guides per language (N)
	Words  int    // about this many words per page; default 1,200
	Seed   uint64 // same seed, same corpus

	// SameCode writes every language's code blocks with the same English
	// comments and no Java, Go or JavaScript blocks: byte for byte the
	// corpus docgen was measured on before code was translated. The
	// default translates comments and strings in code per language.
	SameCode bool
}

// Untranslated reports whether guide i is left untranslated in lang: every
// seventh guide in vi and th, every fifth in id, so fallback pages are part
// of every corpus.
func Untranslated(i int, lang string) bool {
	switch lang {
	case "vi", "th":
		return i%7 == 3
	case "id":
		return i%5 == 1
	}
	return false
}

// Slug is the folder name of guide i.
func Slug(i int) string { return fmt.Sprintf("guide-%05d", i) }

// Page is one generated page in both tools' dialects.
type Page struct {
	Title, Description string
	Docgen, Hugo       string // Markdown bodies
}

// words are the vocabulary of each language. Thai words are joined without
// spaces inside a sentence; the others with spaces.
var words = map[string][]string{
	"en": strings.Fields("the developer token account manager request access API client library credentials refresh OAuth flow desktop web application project console scope user browser sample configuration file reset support form review approve basic standard level quota billing campaign report query field resource service version update"),
	"fa": strings.Fields("توکن توسعه‌دهنده حساب مدیر درخواست دسترسی کتابخانه کلاینت اعتبارنامه‌ها بازنشانی جریان دسکتاپ برنامه وب پروژه کنسول کاربر مرورگر نمونه پیکربندی فایل فرم پشتیبانی بررسی می‌شود می‌کند نمی‌توانید سطح سهمیه گزارش کمپین منبع سرویس نسخه به‌روزرسانی را با در از برای که"),
	"vi": strings.Fields("mã thông báo nhà phát triển tài khoản người quản lý yêu cầu quyền truy cập thư viện ứng dụng khách thông tin xác thực làm mới luồng máy tính trình duyệt dự án bảng điều khiển phạm vi tệp cấu hình biểu mẫu hỗ trợ xem xét phê duyệt cấp độ hạn mức"),
	"th": strings.Fields("โทเค็น นักพัฒนา บัญชี ผู้จัดการ คำขอ สิทธิ์ การเข้าถึง ไลบรารี ไคลเอ็นต์ ข้อมูลเข้าสู่ระบบ รีเฟรช ขั้นตอน เดสก์ท็อป เว็บ แอปพลิเคชัน โปรเจ็กต์ คอนโซล ผู้ใช้ เบราว์เซอร์ ตัวอย่าง การกำหนดค่า ไฟล์ รีเซ็ต แบบฟอร์ม ทันที ตรวจสอบ อนุมัติ ระดับ โควต้า รายงาน แคมเปญ"),
	"id": strings.Fields("token pengembang akun pengelola permintaan akses pustaka klien kredensial muat ulang alur desktop aplikasi web proyek konsol cakupan pengguna browser contoh konfigurasi file setel formulir dukungan tinjau setujui tingkat kuota laporan kampanye sumber daya layanan versi"),
	"fr": strings.Fields("le jeton de développeur compte administrateur demande accès bibliothèque cliente identifiants actualisation flux ordinateur application Web projet console champ utilisateur navigateur exemple fichier configuration réinitialiser formulaire assistance examen approuver niveau quota rapport campagne ressource service version mise à jour"),
}

// Generate makes guide i in lang (deterministic for a seed).
func Generate(opts Options, i int, lang string) Page {
	if opts.Words == 0 {
		opts.Words = 1200
	}
	// Structure and code depend on the guide only, as in real translations;
	// the text depends on the language too.
	shape := rand.New(rand.NewPCG(opts.Seed, uint64(i)))
	text := rand.New(rand.NewPCG(opts.Seed^0x9e3779b97f4a7c15, uint64(i)*16+uint64(langIndex(lang))))
	w := writer{r: text, lang: lang}
	// Code comments draw from a stream of their own, so the prose is the
	// same with and without SameCode.
	code := coder{same: opts.SameCode, c: writer{
		r:    rand.New(rand.NewPCG(opts.Seed^0x5851f42d4c957f2d, uint64(i)*16+uint64(langIndex(lang)))),
		lang: lang,
	}}
	sections := 6 + shape.IntN(5)
	perSection := opts.Words / sections
	var d, h strings.Builder
	both := func(s string) { d.WriteString(s); h.WriteString(s) }

	title := w.sentence(3, 6)
	title = strings.TrimSuffix(title, w.stop())
	intro := w.paragraph(perSection / 2)
	both(intro + "\n\n")
	for s := 1; s <= sections; s++ {
		level := "##"
		if s > 1 && shape.IntN(3) == 0 {
			level = "###"
		}
		both(fmt.Sprintf("%s %s {#section-%d}\n\n", level, strings.TrimSuffix(w.sentence(2, 5), w.stop()), s))
		budget := perSection
		for budget > 0 {
			switch k := (s + budget) % 5; {
			case s == 1 && budget == perSection:
				both("| " + w.word() + " | " + w.word() + " | " + w.word() + " |\n|---|---|---|\n")
				for r := 0; r < 4; r++ {
					both("| " + w.word() + " | " + w.word() + " | `" + fmt.Sprint(shape.IntN(1000)) + "` |\n")
				}
				both("\n")
				budget -= 15
			case k == 1:
				for n := 1; n <= 4; n++ {
					both(fmt.Sprintf("%d. %s\n", n, w.sentence(6, 14)))
				}
				both("\n")
				budget -= 40
			case k == 2:
				target := shape.IntN(max(opts.Guides, 1))
				sec := 1 + shape.IntN(6)
				link := w.sentence(2, 4)
				d.WriteString(fmt.Sprintf("%s [%s](../%s/en.md#section-%d) %s\n\n", w.sentence(8, 16), link, Slug(target), sec, w.sentence(8, 16)))
				h.WriteString(fmt.Sprintf("%s [%s](../%s/#section-%d) %s\n\n", w.sentence(8, 16), link, Slug(target), sec, w.sentence(8, 16)))
				budget -= 40
			default:
				both(w.paragraph(60) + "\n\n")
				budget -= 60
			}
		}
		switch s {
		case 2:
			both("> [!NOTE]\n> " + w.sentence(10, 20) + "\n\n")
		case 3:
			both("```python\n" + code.python(shape, i) + "```\n\n")
		case 4:
			both("```ruby\n" + code.ruby(shape, i) + "```\n\n")
		case 5:
			py, rb := code.python(shape, i+1), code.ruby(shape, i+1)
			d.WriteString("::: client python\n" + w.sentence(6, 12) + "\n\n```python\n" + py + "```\n::: client ruby\n" + w.sentence(6, 12) + "\n\n```ruby\n" + rb + "```\n:::\n\n")
			h.WriteString("#### Python\n\n" + w.sentence(6, 12) + "\n\n```python\n" + py + "```\n\n#### Ruby\n\n" + w.sentence(6, 12) + "\n\n```ruby\n" + rb + "```\n\n")
		case 6:
			// One guide in three also shows Java, Go or JavaScript.
			if !opts.SameCode && i%3 == 0 {
				fence, sample := code.other(shape, i)
				both("```" + fence + "\n" + sample + "```\n\n")
			}
		}
	}
	return Page{Title: title, Description: w.sentence(10, 18), Docgen: d.String(), Hugo: h.String()}
}

func langIndex(lang string) int {
	for i, l := range Languages {
		if l == lang {
			return i
		}
	}
	return len(Languages)
}

// pythonSample and rubySample are the SameCode samples: English comments,
// identical in every language.
func pythonSample(r *rand.Rand, i int) string {
	return fmt.Sprintf(`from google.ads.googleads.client import GoogleAdsClient

def main(customer_id: str) -> None:
    """Prints the campaigns of account %d."""
    client = GoogleAdsClient.load_from_storage("google-ads.yaml")
    service = client.get_service("GoogleAdsService")
    query = "SELECT campaign.id, campaign.name FROM campaign LIMIT %d"
    for row in service.search(customer_id=customer_id, query=query):
        print(f"{row.campaign.id}: {row.campaign.name}")  # %d

if __name__ == "__main__":
    main("%010d")
`, i, 10+r.IntN(90), r.IntN(1e6), r.IntN(1e9))
}

func rubySample(r *rand.Rand, i int) string {
	return fmt.Sprintf(`require 'google/ads/google_ads'

# Prints the campaigns of account %d.
def list_campaigns(customer_id)
  client = Google::Ads::GoogleAds::GoogleAdsClient.new('google_ads_config.rb')
  query = 'SELECT campaign.id, campaign.name FROM campaign LIMIT %d'
  client.service.google_ads.search(customer_id: customer_id, query: query).each do |row|
    puts "#{row.campaign.id}: #{row.campaign.name}" # %d
  end
end

list_campaigns('%010d')
`, i, 10+r.IntN(90), r.IntN(1e6), r.IntN(1e9))
}

type writer struct {
	r    *rand.Rand
	lang string
}

func (w writer) word() string {
	list := words[w.lang]
	return list[w.r.IntN(len(list))]
}

func (w writer) stop() string {
	if w.lang == "th" {
		return ""
	}
	return "."
}

// sentence writes between lo and hi words; Thai words are not separated.
func (w writer) sentence(lo, hi int) string {
	n := lo + w.r.IntN(hi-lo+1)
	sep := " "
	if w.lang == "th" {
		sep = ""
	}
	parts := make([]string, n)
	for i := range parts {
		parts[i] = w.word()
	}
	s := strings.Join(parts, sep)
	if w.lang != "fa" && w.lang != "th" {
		r, size := utf8.DecodeRuneInString(s)
		s = string(unicode.ToUpper(r)) + s[size:]
	}
	return s + w.stop()
}

func (w writer) paragraph(nwords int) string {
	var b strings.Builder
	for n := 0; n < nwords; {
		k := 8 + w.r.IntN(10)
		if b.Len() > 0 {
			b.WriteString(" ")
		}
		b.WriteString(w.sentence(k, k))
		n += k
	}
	return b.String()
}

// WriteDocgen writes the corpus as a docgen site into dir. layouts and
// locales are copied from the given folders (the repository's own).
func WriteDocgen(dir string, opts Options, layouts, locales fs.FS) error {
	if err := os.CopyFS(filepath.Join(dir, "layouts"), layouts); err != nil {
		return err
	}
	if err := os.CopyFS(filepath.Join(dir, "locales"), locales); err != nil {
		return err
	}
	var cfg strings.Builder
	cfg.WriteString("title = \"Bench Docs\"\nbase_url = \"https://bench.example.org/\"\n\n")
	names := map[string]string{"en": "English", "fa": "فارسی", "vi": "Tiếng Việt", "th": "ไทย", "id": "Bahasa Indonesia", "fr": "Français"}
	for i, l := range Languages {
		fmt.Fprintf(&cfg, "[languages.%s]\nname = %q\norder = %d\n", l, names[l], i+1)
		if l == "fa" {
			cfg.WriteString("dir = \"rtl\"\n")
		}
		cfg.WriteString("\n")
	}
	cfg.WriteString("[clients.python]\nname = \"Python\"\norder = 1\n\n[clients.ruby]\nname = \"Ruby\"\norder = 2\n")
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte(cfg.String()), 0o644); err != nil {
		return err
	}
	return eachPage(opts, func(i int, lang string, p Page) error {
		var b strings.Builder
		fmt.Fprintf(&b, "+++\ntitle = %q\ndescription = %q\nsummary = [%q]\nupdated = 2025-%02d-%02d\nweight = %d\n", p.Title, p.Description, p.Description, 1+i%12, 1+i%28, i)
		if lang != "en" {
			b.WriteString("source = \"en.md\"\n")
		}
		b.WriteString("+++\n\n")
		b.WriteString(p.Docgen)
		return write(filepath.Join(dir, "content", Slug(i), lang+".md"), b.String())
	})
}

// WriteHugo writes the corpus as a Hugo site into dir: one content folder
// per language, i18n/*.toml, and layouts with a language switcher, a table
// of contents, the last-updated date and highlighted code (CSS classes).
func WriteHugo(dir string, opts Options) error {
	var cfg strings.Builder
	cfg.WriteString(`baseURL = "https://bench.example.org/"
title = "Bench Docs"
defaultContentLanguage = "en"
defaultContentLanguageInSubdir = true
disableKinds = ["taxonomy", "term", "RSS"]
enableGitInfo = false

[markup.highlight]
noClasses = false
codeFences = true

[markup.tableOfContents]
startLevel = 2
endLevel = 3

[languages]
`)
	names := map[string]string{"en": "English", "fa": "فارسی", "vi": "Tiếng Việt", "th": "ไทย", "id": "Bahasa Indonesia", "fr": "Français"}
	for i, l := range Languages {
		fmt.Fprintf(&cfg, "[languages.%s]\nlanguageName = %q\nweight = %d\ncontentDir = \"content/%s\"\n", l, names[l], i+1, l)
		if l == "fa" {
			cfg.WriteString("languageDirection = \"rtl\"\n")
		}
	}
	if err := write(filepath.Join(dir, "hugo.toml"), cfg.String()); err != nil {
		return err
	}
	for _, l := range Languages {
		msg := fmt.Sprintf("[lastUpdated]\nother = \"Last updated {{ .Date }} (UTC).\"\n[onThisPage]\nother = \"On this page (%s)\"\n[guides]\nother = \"Guides (%s)\"\n", l, l)
		if err := write(filepath.Join(dir, "i18n", l+".toml"), msg); err != nil {
			return err
		}
	}
	for name, text := range hugoLayouts {
		if err := write(filepath.Join(dir, "layouts", name), text); err != nil {
			return err
		}
	}
	return eachPage(opts, func(i int, lang string, p Page) error {
		var b strings.Builder
		fmt.Fprintf(&b, "+++\ntitle = %q\ndescription = %q\nlastmod = 2025-%02d-%02d\nweight = %d\n+++\n\n", p.Title, p.Description, 1+i%12, 1+i%28, i)
		b.WriteString(p.Hugo)
		return write(filepath.Join(dir, "content", lang, Slug(i), "index.md"), b.String())
	})
}

var hugoLayouts = map[string]string{
	"baseof.html": `<!DOCTYPE html>
<html lang="{{ .Site.Language.Lang }}" dir="{{ or .Site.Language.LanguageDirection "ltr" }}">
<head><meta charset="utf-8"><title>{{ .Title }} – {{ .Site.Title }}</title>
<meta name="description" content="{{ .Description }}"></head>
<body>
<nav aria-label="Languages"><ul>{{ range .AllTranslations }}<li><a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a></li>{{ end }}</ul></nav>
<nav aria-label="{{ i18n "guides" }}"><ul>{{ range first 21 .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav>
<main>{{ block "main" . }}{{ end }}</main>
<footer><p>CC BY 4.0; code Apache 2.0.</p></footer>
</body></html>
`,
	"single.html": `{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p>{{ i18n "lastUpdated" (dict "Date" (.Lastmod.Format "2006-01-02")) }}</p>
<nav><h2>{{ i18n "onThisPage" }}</h2>{{ .TableOfContents }}</nav>
{{ .Content }}</article>{{ end }}
`,
	"list.html": `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Description }}</li>{{ end }}</ul>{{ end }}
`,
	"home.html": `{{ define "main" }}<h1>{{ .Site.Title }}</h1><ul>{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Description }}</li>{{ end }}</ul>{{ end }}
`,
}

// eachPage calls fn for every page of the corpus in a fixed order.
func eachPage(opts Options, fn func(i int, lang string, p Page) error) error {
	for i := 0; i < opts.Guides; i++ {
		for _, lang := range Languages {
			if lang != "en" && Untranslated(i, lang) {
				continue
			}
			if err := fn(i, lang, Generate(opts, i, lang)); err != nil {
				return err
			}
		}
	}
	return nil
}

func write(path, text string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(text), 0o644)
}
