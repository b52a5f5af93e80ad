// Package plurals tells which CLDR plural forms a language uses, as the
// go-i18n runtime sees them: it asks go-i18n to pick a form for a spread of
// numbers and records the forms it picks. So a catalog checked with these
// forms is a catalog go-i18n renders without falling back.
package plurals

import (
	"strconv"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// All lists every plural form, in CLDR order.
var All = []string{"zero", "one", "two", "few", "many", "other"}

// probes cover the CLDR rules of every language docgen ships and the
// common patterns of others: small integers, hundreds, millions (French
// "many") and decimals.
var probes = func() []any {
	var ps []any
	for i := 0; i <= 220; i++ {
		ps = append(ps, i)
	}
	for _, i := range []int{1000, 1001, 1000000, 2000000, 1000001} {
		ps = append(ps, i)
	}
	for _, s := range []string{"0.0", "0.5", "1.0", "1.5", "2.5", "3.25", "11.5", "100.5"} {
		ps = append(ps, s)
	}
	return ps
}()

// Forms returns the plural forms tag uses, in CLDR order.
func Forms(tag language.Tag) []string {
	b := i18n.NewBundle(tag)
	msg := &i18n.Message{ID: "m", Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"}
	if err := b.AddMessages(tag, msg); err != nil {
		return []string{"other"}
	}
	loc := i18n.NewLocalizer(b, tag.String())
	seen := map[string]bool{"other": true}
	for _, n := range probes {
		form, err := loc.Localize(&i18n.LocalizeConfig{MessageID: "m", PluralCount: n})
		if err == nil {
			seen[form] = true
		}
	}
	var out []string
	for _, f := range All {
		if seen[f] {
			out = append(out, f)
		}
	}
	return out
}

// Example returns a number that selects form in tag, for messages to
// translators ("many" in French: 1000000); "" when none was found.
func Example(tag language.Tag, form string) string {
	b := i18n.NewBundle(tag)
	msg := &i18n.Message{ID: "m", Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"}
	if err := b.AddMessages(tag, msg); err != nil {
		return ""
	}
	loc := i18n.NewLocalizer(b, tag.String())
	for _, n := range probes {
		if f, err := loc.Localize(&i18n.LocalizeConfig{MessageID: "m", PluralCount: n}); err == nil && f == form {
			if i, ok := n.(int); ok {
				return strconv.Itoa(i)
			}
			return n.(string)
		}
	}
	return ""
}
