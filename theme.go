// Package docgen holds docgen's built-in theme: the layouts, assets and UI
// catalogs in this repository's layouts/ and locales/, compiled into the
// binary. A site needs only config.toml and content/; a file of the same
// name in the site's layouts/ (or a message in its locales/<lang>.toml)
// overrides the built-in one.
package docgen

import (
	"embed"
	"io/fs"
)

//go:embed layouts locales
var theme embed.FS

// Layouts returns the built-in layouts folder (base.html, guide.html, ...,
// assets/).
func Layouts() fs.FS {
	sub, _ := fs.Sub(theme, "layouts")
	return sub
}

// Locales returns the built-in UI catalogs (<lang>.toml).
func Locales() fs.FS {
	sub, _ := fs.Sub(theme, "locales")
	return sub
}
