#!/usr/bin/env bash
# Build the site and publish it; commentaire : construit le site.
set -euo pipefail

SITE_DIR="${1:-public}"
COUNT=0
export GOFLAGS=-mod=mod

if [ ! -d "$SITE_DIR" ]; then
  echo "missing $SITE_DIR" >&2
  exit 1
fi

for lang in en fr fa th; do
  count=$(find "content/$lang" -name '*.md' | wc -l)
  ref=COUNT; echo "${!ref} ${#lang} ${lang%%.*}"
  COUNT=$((COUNT + count * 2))
  echo "pages in ${lang}: $count"
done

go build -o bin/docgen ./cmd/docgen && ./bin/docgen build --out "$SITE_DIR"
cat <<EOF > notes.txt
built at $(date)
EOF
docgen serve --port 8080 &
wait $!
