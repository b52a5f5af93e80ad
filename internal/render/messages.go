package render

import (
	"strings"

	"github.com/docgen/docgen/internal/markdown"
)

// CodeMessages are the catalog messages docgen's own code uses; the layouts
// use the others (see i18ncheck.LayoutUses).
func CodeMessages() []string {
	ids := []string{"ClientLanguage", NotFoundTitle, HomeCrumb}
	for _, kind := range markdown.CalloutKinds {
		ids = append(ids, CalloutMessage(kind))
	}
	return ids
}

// HomeCrumb is the message id of the first step of the breadcrumbs, the
// language's home page.
const HomeCrumb = "Home"

// CalloutMessage maps a callout kind ("key-point") to its message id
// ("CalloutKeyPoint").
func CalloutMessage(kind string) string {
	var b strings.Builder
	b.WriteString("Callout")
	for _, part := range strings.Split(kind, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}
