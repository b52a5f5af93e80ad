package content

import (
	"bytes"
	"regexp"
	"time"

	"github.com/docgen/docgen/internal/diag"
	"github.com/docgen/docgen/internal/tomlpos"
)

// Years a front-matter date may fall in, in UTC: a bare time of day decodes
// as year 0, and an offset can push 9999-12-31 into year 10000.
var timeOfDayPattern = regexp.MustCompile(`^[0-9]{2}:`)

const (
	firstYear = 1970
	lastYear  = 9999
)

// checkDate returns the error for a front-matter date key that is not a
// date or date-time in the years docgen shows, at its line of the page.
// block is the front matter between the +++ lines.
func checkDate(name string, block []byte, key string, t time.Time) *diag.Diagnostic {
	if y := t.UTC().Year(); y >= firstYear && y <= lastYear {
		return nil
	}
	line := tomlpos.Line(block, []string{key})
	timeOfDay := false // 12:30:00 decodes as 0000-01-01T12:30:00
	if lines := bytes.Split(block, []byte("\n")); line > 0 && line <= len(lines) {
		_, value, _ := bytes.Cut(lines[line-1], []byte("="))
		timeOfDay = timeOfDayPattern.Match(bytes.TrimSpace(value))
	}
	if line > 0 {
		line++ // the opening +++ line
	}
	hint := key + " is a date such as 2026-01-31, or a date and time such as 2026-01-31T09:30:00Z"
	if timeOfDay {
		return diag.Errorf(name, line, hint, "%s is a time of day without a date", key)
	}
	return diag.Errorf(name, line, hint, "%s %s is not between the years %d and %d", key, t.UTC().Format(time.RFC3339), firstYear, lastYear)
}
