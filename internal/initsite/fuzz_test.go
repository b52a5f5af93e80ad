package initsite

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/docgen/docgen/internal/config"
)

// FuzzParseLanguages checks that every list ParseLanguages accepts gives
// distinct canonical tags that parse back to themselves, and a config.toml
// that docgen's strict config loader accepts with those languages in order,
// default first, each with a name and a direction.
func FuzzParseLanguages(f *testing.F) {
	for _, s := range []string{"en,fr", "ar", " pt-br , zh_Hans ", "iw,he", "en,,fr", "en,xx", "und",
		"en-u-co-trad", "x-klingon", "sr-Latn,sr-Cyrl", "de-CH-1996", "zh-TW,zh-Hant", "dv,syr,nqo", "EN,en"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, list string) {
		tags, err := ParseLanguages(list)
		if err != nil {
			if !strings.Contains(err.Error(), "language") {
				t.Errorf("error %q does not say what is wrong", err)
			}
			return
		}
		if len(tags) == 0 || len(tags) != strings.Count(list, ",")+1 {
			t.Fatalf("%q gave %d tags", list, len(tags))
		}
		codes := make([]string, len(tags))
		seen := map[string]bool{}
		for i, tag := range tags {
			codes[i] = tag.String()
			if seen[codes[i]] {
				t.Fatalf("%q: %s twice", list, codes[i])
			}
			seen[codes[i]] = true
			if again, err := language.Parse(codes[i]); err != nil || again.String() != codes[i] {
				t.Fatalf("%q: %s is not canonical (%v, %v)", list, codes[i], again, err)
			}
		}
		again, err := ParseLanguages(strings.Join(codes, ","))
		if err != nil || len(again) != len(tags) {
			t.Fatalf("%q: canonical list %v not accepted again: %v", list, codes, err)
		}
		conf, _ := configFile(tags)
		cfg, err := config.Parse("config.toml", conf)
		if err != nil {
			t.Fatalf("%q: config.toml rejected: %v\n%s", list, err, conf)
		}
		if cfg.DefaultLanguage.Code != codes[0] || len(cfg.Languages) != len(codes) {
			t.Fatalf("%q: default %s, %d languages; want %s, %d", list, cfg.DefaultLanguage.Code, len(cfg.Languages), codes[0], len(codes))
		}
		for i, l := range cfg.Languages {
			if l.Code != codes[i] || l.Name == "" || l.Dir != Dir(tags[i]) {
				t.Fatalf("%q: language %d is %+v, want %s with a name and dir %s", list, i, l, codes[i], Dir(tags[i]))
			}
		}
	})
}
