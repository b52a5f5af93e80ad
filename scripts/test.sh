#!/usr/bin/env bash
# Runs every test: formatting, vet, Go unit/golden/CLI tests, a build of the
# real site, and the headless-Chromium tests of what readers see.
set -euo pipefail
cd "$(dirname "$0")/.."

# Check what the tests need before any test runs, and say how to get it.
missing=()
command -v go >/dev/null || missing+=("Go 1.26 (https://go.dev/dl/)")
command -v node >/dev/null || missing+=("Node.js 20 and npm")
command -v chromium >/dev/null || missing+=("Debian package chromium")
if command -v fc-list >/dev/null; then
  fonts=$(fc-list 2>/dev/null || true)
  grep -qi tlwg <<<"$fonts" || missing+=("Debian package fonts-thai-tlwg (Thai glyphs)")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "scripts/test.sh: missing: ${missing[*]}" >&2
  echo "  on Debian or Ubuntu, as root: bash .ci/run installs them all and runs the tests" >&2
  exit 1
fi

unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './node_modules/*'))
if [ -n "$unformatted" ]; then
  echo "gofmt: not formatted:" $unformatted >&2
  exit 1
fi
go vet ./...
go tool staticcheck ./...   # pinned in go.mod as a module tool
go test ./...
# Benchmarks as a smoke test only (small corpus, one iteration, no timing checks).
go test -short -run '^$' -bench . -benchtime 1x ./internal/pipeline ./internal/serve >/dev/null
go run ./cmd/docgen build --quiet

# Every built-in UI catalog, complete and valid: a site that declares all
# the languages docgen ships, with no layouts or catalogs of its own.
all=$(mktemp -d)
trap 'rm -rf "$all"' EXIT
cp -r content "$all/" && cp testdata/all-languages.toml "$all/config.toml" && cp -r locales "$all/"
go run ./cmd/docgen i18n check --strict --root "$all"
rm -rf "$all/locales"
go run ./cmd/docgen build --quiet --root "$all"

if [ ! -d tests/browser/node_modules ]; then
  (cd tests/browser && npm ci --no-audit --no-fund </dev/null)
fi
(cd tests/browser && node --test)
