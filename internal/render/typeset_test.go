package render

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/docgen/docgen/internal/config"
)

var (
	fr = &config.Language{Code: "fr", Tag: language.French, Dir: "ltr", DateLayout: "2006/01/02"}
	fa = &config.Language{Code: "fa", Tag: language.Persian, Dir: "rtl", DateLayout: "2006-01-02"}
	en = &config.Language{Code: "en", Tag: language.English, Dir: "ltr", DateLayout: "2006-01-02"}
)

func TestText(t *testing.T) {
	for _, c := range []struct {
		name string
		lang *config.Language
		in   string
		want string
	}{
		{"french colon", fr, "Étape 1 : ouvrir", "Étape 1\u202f: ouvrir"},
		{"french semicolon and no-break space", fr, "pour Ruby ; Python\u00a0!", "pour Ruby\u202f; Python\u202f!"},
		{"french guillemets", fr, "« Continuer »", "«\u202fContinuer\u202f»"},
		{"french url and time untouched", fr, "https://x.org à 10:30?", "https://x.org à 10:30?"},
		{"english untouched", en, "Note : yes ?", "Note : yes ?"},
		{"persian date isolated", fa, "به‌روزرسانی 2025-08-31 UTC", "به‌روزرسانی \u20662025-08-31 UTC\u2069"},
		{"persian lone number left alone", fa, "نسخهٔ 3", "نسخهٔ 3"},
		{"persian latin run with its number", fa, "مجوز CC BY 4.0 و Apache 2.0.", "مجوز \u2066CC BY 4.0\u2069 و \u2066Apache 2.0\u2069."},
		{"persian latin words without digits left alone", fa, "سرور Google Ads API در", "سرور Google Ads API در"},
		{"persian isolated run kept", fa, "\u20662025-08-31\u2069", "\u20662025-08-31\u2069"},
		{"control characters dropped", en, "Reset\b \x1b[31mtoken\ufffe\u0085", "Reset [31mtoken"},
		{"tab and newline become spaces", en, "a\tb\nc", "a b c"},
		{"zero-width non-joiner kept", fa, "می\u200cشود", "می\u200cشود"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Text(c.lang, c.in); got != c.want {
				t.Errorf("Text(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestTypesetLeavesMarkupAndCodeAlone(t *testing.T) {
	in := `<p title="a : b">Run <code>x ? y : z</code> now :</p><pre><code>a ; b</code></pre><p>« ok »</p>`
	want := `<p title="a : b">Run <code>x ? y : z</code> now` + "\u202f" + `:</p><pre><code>a ; b</code></pre><p>«` + "\u202f" + `ok` + "\u202f" + `»</p>`
	if got := typeset(fr, in); got != want {
		t.Errorf("typeset:\n got %q\nwant %q", got, want)
	}
	if got := typeset(en, in); got != in {
		t.Errorf("English changed: %q", got)
	}
}

// A front-matter date is a calendar date: a build in Paris (or Tokyo, or
// Honolulu) shows the date as written.
func TestDatesAreNotShiftedByTimeZone(t *testing.T) {
	for _, zone := range []*time.Location{time.FixedZone("CEST", 2*3600), time.FixedZone("JST", 9*3600), time.FixedZone("HST", -10*3600), time.UTC} {
		d := time.Date(2025, 9, 5, 0, 0, 0, 0, zone)
		if got := isoDate(d); got != "2025-09-05" {
			t.Errorf("isoDate in %s = %s", zone, got)
		}
		if got := dateText(fr, d); got != "2025/09/05" {
			t.Errorf("dateText in %s = %s", zone, got)
		}
	}
	if isoDate(time.Time{}) != "" || dateText(fr, time.Time{}) != "" {
		t.Error("zero date not empty")
	}
}

func TestFrenchSpaceAfterInlineMarkup(t *testing.T) {
	in := `<p>lancez <a href="x">l'exemple</a> :</p>`
	want := `<p>lancez <a href="x">l'exemple</a>` + "\u202f" + `:</p>`
	if got := typeset(fr, in); got != want {
		t.Errorf("typeset = %q, want %q", got, want)
	}
}

// FuzzTypeset: typesetting never touches markup or code, changes nothing for
// a language without rules, and applied twice changes nothing more.
func FuzzTypeset(f *testing.F) {
	f.Add(`<p title="a : b">Run <code>x ? y</code> now : « ok » 2025-08-31 OAuth 2.0</p>`)
	f.Add("\u2066 2.0 <pre>a ; b</pre> CC BY 4.0.")
	f.Add("<code>a<code>b</code> ; c</code> ; d")
	tags := func(s string) string {
		var b strings.Builder
		for {
			lt := strings.IndexByte(s, '<')
			if lt < 0 {
				return b.String()
			}
			gt := strings.IndexByte(s[lt:], '>')
			if gt < 0 {
				return b.String() + s[lt:]
			}
			b.WriteString(s[lt : lt+gt+1])
			s = s[lt+gt+1:]
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got := typeset(en, s); got != s {
			t.Fatalf("English changed %q to %q", s, got)
		}
		for _, l := range []*config.Language{fr, fa} {
			once := typeset(l, s)
			if tags(once) != tags(s) {
				t.Fatalf("%s: markup changed: %q -> %q", l.Code, s, once)
			}
			if twice := typeset(l, once); twice != once {
				t.Fatalf("%s: not idempotent: %q -> %q -> %q", l.Code, s, once, twice)
			}
		}
	})
}
