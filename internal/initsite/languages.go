package initsite

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// ParseLanguages parses a comma-separated list of BCP 47 tags, as given to
// docgen init --languages ("en,fr,pt-br"), into canonical tags in the order
// given. Spaces around a tag are ignored. An empty list, an empty, invalid,
// undetermined or extended tag, or a tag given twice (in any spelling) is an
// error naming it.
func ParseLanguages(list string) ([]language.Tag, error) {
	if strings.TrimSpace(list) == "" {
		return nil, fmt.Errorf("no languages given: list at least one tag, e.g. --languages en,fr")
	}
	var tags []language.Tag
	seen := map[string]string{}
	for _, raw := range strings.Split(list, ",") {
		code := strings.TrimSpace(raw)
		if code == "" {
			return nil, fmt.Errorf("empty language tag in %q: separate tags with single commas, e.g. en,fr", list)
		}
		tag, err := language.Parse(code)
		if err != nil {
			return nil, fmt.Errorf("invalid language tag %q: use a BCP 47 tag such as fr, pt-BR or zh-Hant", code)
		}
		canon := tag.String()
		if canon == "und" || strings.HasPrefix(canon, "und-") || hasExtension(canon) {
			return nil, fmt.Errorf("invalid language tag %q: use a plain language tag such as fr, pt-BR or zh-Hant (no extensions)", code)
		}
		if first, dup := seen[canon]; dup {
			return nil, fmt.Errorf("duplicate language tag %q (same as %q): list each language once", code, first)
		}
		seen[canon] = code
		tags = append(tags, tag)
	}
	return tags, nil
}

// hasExtension reports whether a canonical tag has an extension or private
// use part: a singleton subtag such as "u" in "en-u-co-phonebk" or "x".
func hasExtension(canon string) bool {
	for _, part := range strings.Split(canon, "-") {
		if len(part) == 1 {
			return true
		}
	}
	return false
}

// rtlScripts returns the ISO 15924 codes of the scripts written right to
// left.
func rtlScripts() []string {
	return []string{
		"Adlm", "Arab", "Aran", "Armi", "Avst", "Chrs", "Cprt", "Elym", "Hatr", "Hebr", "Hung", "Khar",
		"Lydi", "Mand", "Mani", "Mend", "Merc", "Mero", "Narb", "Nbat", "Nkoo", "Orkh", "Ougr", "Palm",
		"Phli", "Phlp", "Phnx", "Prti", "Rohg", "Samr", "Sarb", "Sogd", "Sogo", "Syrc", "Thaa", "Yezi",
	}
}

// Dir returns "rtl" when tag's script (explicit, or the likely one for its
// language and region) is written right to left, else "ltr".
func Dir(tag language.Tag) string {
	script, _ := tag.Script()
	if slices.Contains(rtlScripts(), script.String()) {
		return "rtl"
	}
	return "ltr"
}

// Name returns the language's name in itself from CLDR, with its first
// letter upper-cased as in a language menu ("français" → "Français").
// When CLDR has no such name, it returns the English name and ok false.
func Name(tag language.Tag) (name string, ok bool) {
	name = display.Self.Name(tag)
	ok = name != ""
	if !ok {
		name = display.English.Tags().Name(tag)
	}
	if name == "" || name == "Unknown language" {
		return tag.String(), false
	}
	return upperFirst(name, tag), ok
}

// upperFirst upper-cases the first letter of s with tag's casing rules.
func upperFirst(s string, tag language.Tag) string {
	_, n := utf8.DecodeRuneInString(s)
	return cases.Upper(tag).String(s[:n]) + s[n:]
}
