#!/bin/sh
# Regenerates docs/screenshots/*.png (fa, th and fr guides at 360 and
# 1280 px) from a fresh build, with Debian's Chromium and the Thai and Noto
# fonts installed (apt-get install chromium fonts-thai-tlwg fonts-noto-core).
set -eu
cd "$(dirname "$0")/.."
go run ./cmd/docgen build --force --quiet
cd tests/browser
[ -d node_modules ] || npm ci --no-audit --no-fund
node screenshots.js
