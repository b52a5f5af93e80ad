#!/usr/bin/env bash
# Reports the bytes a reader's search fetches (raw and gzip) per query, for
# a few queries in en, fa and th, at the given corpus sizes.
#
#   bash bench/search-bytes.sh [sizes...]     default: 1000 4000 guides per language
#
# For each size N it writes the bench corpus (N guides x 6 languages), builds
# it with docgen, and runs bench/searchbytes on the output.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("${@:-1000 4000}")
read -r -a SIZES <<<"${SIZES[*]}"
WORK=${WORK:-/tmp/docgen-search-bytes}
mkdir -p "$WORK"
go build -o "$WORK/docgen" ./cmd/docgen
for n in "${SIZES[@]}"; do
  dir="$WORK/n$n"
  rm -rf "$dir"
  "$WORK/docgen" bench-corpus --n "$n" --out "$dir" >/dev/null
  start=$(date +%s.%N)
  "$WORK/docgen" build --quiet --root "$dir/docgen"
  echo "## $n guides per language ($(( n * 6 )) pages; build $(printf '%.1f' "$(echo "$(date +%s.%N) - $start" | bc)") s)"
  echo
  go run ./bench/searchbytes "$dir/docgen/public"
  echo
  rm -rf "$dir"
done
