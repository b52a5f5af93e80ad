#!/usr/bin/env bash
# Compares docgen with Hugo on the same generated multilingual corpus.
#
#   bash bench/compare.sh [sizes...]      default sizes: 200 1000 4000 guides per language
#
# For each size N it writes the corpus (N guides x 6 languages, some
# untranslated) as a docgen site and as a Hugo site, then times cold full
# builds of each tool alternately (RUNS times each, default 3) and prints the
# median wall time, CPU time (user+sys), peak RSS and the docgen/Hugo ratio.
# Then one incremental rebuild per tool: edit one page while `docgen serve`
# or `hugo server` runs and time until the page's new HTML is on disk.
# Needs GNU time (/usr/bin/time) and python3; installs Hugo v0.165.0 with
# `go install` if no hugo is on PATH (Debian's older hugo as a fallback).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("${@:-200 1000 4000}")
read -r -a SIZES <<<"${SIZES[*]}"
RUNS=${RUNS:-3}
WORK=${WORK:-/tmp/docgen-compare}
export PATH="$PATH:$(go env GOPATH)/bin"

if ! command -v hugo >/dev/null; then
  echo "installing hugo v0.165.0 (a few minutes)..." >&2
  go install github.com/gohugoio/hugo@v0.165.0 ||
    { apt-get update -q && apt-get install -y -q -o DPkg::Lock::Timeout=300 hugo; }
fi
[ -x /usr/bin/time ] || { apt-get update -q && apt-get install -y -q -o DPkg::Lock::Timeout=300 time; }
HUGO_VERSION=$(hugo version | awk '{print $2}')

mkdir -p "$WORK"
go build -o "$WORK/docgen" ./cmd/docgen
DOCGEN="$WORK/docgen"

# measure TOOL DIR: one cold build; prints "wall cpu rss_kb".
measure() {
  local tool=$1 dir=$2 out
  if [ "$tool" = docgen ]; then
    rm -rf "$dir/public"
    out=$( { /usr/bin/time -f '%e %U %S %M' "$DOCGEN" build --quiet --root "$dir" >/dev/null; } 2>&1 | tail -1)
  else
    rm -rf "$dir/public" "$dir/resources"
    out=$( { /usr/bin/time -f '%e %U %S %M' hugo --quiet --source "$dir" --destination public >/dev/null; } 2>&1 | tail -1)
  fi
  awk '{printf "%s %.2f %s\n", $1, $2+$3, $4}' <<<"$out"
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# edit_latency TOOL DIR PAGE HTML: start the tool's server, edit PAGE and time
# until HTML contains the edit. Prints milliseconds (median of 5 edits).
edit_latency() {
  local tool=$1 dir=$2 page=$3 html=$4 pid
  rm -rf "$dir/public"
  if [ "$tool" = docgen ]; then
    (cd "$dir" && exec "$DOCGEN" serve --addr 127.0.0.1:0 >/dev/null 2>&1) & pid=$!
  else
    (cd "$dir" && exec hugo server --port 13137 --bind 127.0.0.1 --destination public --disableLiveReload >/dev/null 2>&1) & pid=$!
  fi
  python3 - "$dir/$page" "$dir/$html" <<'PY'
import os, sys, time
page, html = sys.argv[1], sys.argv[2]
deadline = time.time() + 900
while not os.path.exists(html):            # the first build
    if time.time() > deadline: sys.exit("no first build")
    time.sleep(0.05)
time.sleep(2)                              # let the watcher settle
orig = open(page, encoding="utf-8").read()
samples = []
for i in range(5):
    marker = f"edit-marker-{i}-{time.time_ns()}"
    start = time.perf_counter()
    with open(page, "w", encoding="utf-8") as f:
        f.write(orig + f"\n\n{marker}\n")
    while True:
        try:
            if marker.encode() in open(html, "rb").read():  # bytes: Hugo writes in place
                break
        except OSError:
            pass
        if time.perf_counter() - start > 120: sys.exit("edit not rebuilt")
        time.sleep(0.002)
    samples.append((time.perf_counter() - start) * 1000)
    time.sleep(1)
open(page, "w", encoding="utf-8").write(orig)
samples.sort()
print(f"{samples[2]:.0f}")
PY
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
}

printf '# docgen %s vs Hugo %s; %s cores; %d runs each, medians\n' "$(git rev-parse --short HEAD)" "$HUGO_VERSION" "$(nproc)" "$RUNS"
printf '| N/lang | pages | tool | wall s | CPU s | peak RSS MB | wall ratio | RSS ratio |\n|---|---|---|---|---|---|---|---|\n'
for n in "${SIZES[@]}"; do
  corpus="$WORK/corpus-$n"
  [ -d "$corpus" ] || "$DOCGEN" bench-corpus --n "$n" --out "$corpus" >/dev/null
  pages=$(find "$corpus/docgen/content" -name '*.md' | wc -l)
  : >"$WORK/d.txt"; : >"$WORK/h.txt"
  for ((r = 0; r < RUNS; r++)); do
    measure docgen "$corpus/docgen" >>"$WORK/d.txt"
    measure hugo "$corpus/hugo" >>"$WORK/h.txt"
  done
  dw=$(cut -d' ' -f1 "$WORK/d.txt" | median); dc=$(cut -d' ' -f2 "$WORK/d.txt" | median); dm=$(cut -d' ' -f3 "$WORK/d.txt" | median)
  hw=$(cut -d' ' -f1 "$WORK/h.txt" | median); hc=$(cut -d' ' -f2 "$WORK/h.txt" | median); hm=$(cut -d' ' -f3 "$WORK/h.txt" | median)
  printf '| %s | %s | docgen | %s | %s | %.0f | %.2f | %.3f |\n' "$n" "$pages" "$dw" "$dc" "$(echo "$dm/1024" | bc -l)" "$(echo "$dw/$hw" | bc -l)" "$(echo "$dm/$hm" | bc -l)"
  printf '| %s | %s | hugo | %s | %s | %.0f | 1 | 1 |\n' "$n" "$pages" "$hw" "$hc" "$(echo "$hm/1024" | bc -l)"
done

# Warm rebuild with nothing changed, and edit-to-written, on the largest size.
n=${SIZES[-1]}; corpus="$WORK/corpus-$n"
"$DOCGEN" build --quiet --root "$corpus/docgen"
: >"$WORK/w.txt"
for ((r = 0; r < RUNS; r++)); do
  { /usr/bin/time -f '%e' "$DOCGEN" build --quiet --root "$corpus/docgen" >/dev/null; } 2>&1 | tail -1 >>"$WORK/w.txt"
done
echo
echo "warm full rebuild, nothing changed (N=$n): docgen $(median <"$WORK/w.txt") s"
de=$(edit_latency docgen "$corpus/docgen" content/guide-00002/fa.md public/fa/guide-00002/index.html)
he=$(edit_latency hugo "$corpus/hugo" content/fa/guide-00002/index.md public/fa/guide-00002/index.html)
echo "edit to written HTML (N=$n, median of 5): docgen serve ${de} ms, hugo server ${he} ms"
