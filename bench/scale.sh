#!/usr/bin/env bash
# How far one machine goes: one cold docgen build of a large corpus.
#
#   bash bench/scale.sh [N]      default N = 16667 guides per language (100,002 pages)
#
# Writes the benchmark corpus (`docgen bench-corpus`, code comments translated
# per language; SAME_CODE=1 for identical code) with N guides in each of six
# languages, unless WORK already holds it, then runs one cold `docgen build
# --verbose` (no output, no .docgen/ cache) under GNU time and prints, as
# Markdown: wall and CPU time, cores busy, peak RSS (%M), output size and the
# time of each pipeline stage docgen reports. A build that fails or is killed
# (out of memory) is reported with its status and the end of its output.
# Needs GNU time (/usr/bin/time). The corpus of 100,000 pages takes about
# 2.5 GB on disk (docgen and Hugo copies), its output several more.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-16667}
WORK=${WORK:-/tmp/docgen-scale}
CODE=per-language
CORPUS_FLAGS=()
if [ "${SAME_CODE:-0}" = 1 ]; then CODE=same; CORPUS_FLAGS=(--same-code); fi
[ -x /usr/bin/time ] || { apt-get update -q && apt-get install -y -q -o DPkg::Lock::Timeout=300 time; }

mkdir -p "$WORK"
go build -o "$WORK/docgen" ./cmd/docgen
DOCGEN="$WORK/docgen"
corpus="$WORK/corpus-$N-$CODE"
echo "free space in $WORK: $(df -h --output=avail "$WORK" | tail -1 | tr -d ' ')" >&2
if [ ! -d "$corpus" ]; then
  start=$(date +%s)
  "$DOCGEN" bench-corpus --n "$N" "${CORPUS_FLAGS[@]}" --out "$corpus" >&2
  echo "corpus written in $(($(date +%s) - start)) s" >&2
fi
site="$corpus/docgen"
files=$(find "$site/content" -name '*.md' | wc -l)
rm -rf "$site/public" "$site/.docgen"
load=$(cut -d' ' -f1-3 /proc/loadavg)
echo "N=$N: $((N * 6)) pages ($files files), load average $load; building..." >&2
status=0
/usr/bin/time -f '%e %U %S %M' -o "$WORK/time.txt" "$DOCGEN" build --verbose --root "$site" >"$WORK/build.log" 2>&1 || status=$?

printf '<!-- docgen %s; %s cores, %s MB of memory; %s; %s code -->\n\n' "$(git rev-parse --short HEAD)" "$(nproc)" \
  "$(awk '/^MemTotal:/ {printf "%.0f", $2/1024}' /proc/meminfo)" "$(date -u +%F)" "$CODE"
if [ "$status" != 0 ]; then
  printf 'The build of %d guides per language (%d pages) **failed** (exit status %s):\n\n```\n' "$N" "$((N * 6))" "$status"
  tail -5 "$WORK/time.txt"
  tail -20 "$WORK/build.log"
  printf '```\n'
  exit 1
fi
read -r wall user sys rss < <(tail -1 "$WORK/time.txt")
cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.1f", u+s}')
echo '| guides per language | pages (files) | load average before | wall | CPU | cores busy | peak RSS | output |'
echo '| --- | --- | --- | --- | --- | --- | --- | --- |'
printf '| %s | %s (%s) | %s | %s s | %s s | %s | %s MB | %s |\n\n' "$N" "$((N * 6))" "$files" "$load" "$wall" "$cpu" \
  "$(awk -v c="$cpu" -v w="$wall" 'BEGIN {printf "%.2f", c/w}')" "$(awk -v k="$rss" 'BEGIN {printf "%.0f", k/1024}')" \
  "$(du -sh "$site/public" | cut -f1)"
# docgen build --verbose prints each stage as "  NAME  DURATION" after the
# "built ..." line and before the list of external links.
echo '| stage | time |'
echo '| --- | --- |'
awk '/^built / {on = 1; next} / external links / {on = 0} on && /^  / {
  sub(/^ +/, ""); d = $NF; sub(/ +[^ ]+$/, ""); printf "| %s | %s |\n", $0, d }' "$WORK/build.log"
