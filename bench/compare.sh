#!/usr/bin/env bash
# Compares docgen with Hugo on the same generated multilingual corpus.
#
#   bash bench/compare.sh [sizes...]      default sizes: 200 1000 4000 guides per language
#
# For each size N it writes the corpus (N guides x 6 languages, some
# untranslated; code comments and strings translated per language, or the
# same code everywhere with SAME_CODE=1) as a docgen site and as a Hugo site,
# prints the load average, then times cold full builds of each tool
# alternately (RUNS times each, default 3; a cold build has no output and no
# .docgen/ cache) and reports the median wall time, CPU time (user+sys), peak
# RSS and the docgen/Hugo ratios.
#
# On the largest size it then measures, for both tools where they have it:
#   - a warm rebuild with nothing changed (docgen only: Hugo has no such check);
#   - a cold process on a warm cache after one page changes: a paragraph is
#     appended to one page's body (a different one each time, RUNS times) and
#     `docgen build` / `hugo` run again on the previous output;
#   - the live preview: `docgen serve` and `hugo server` are started, one page
#     is edited five times and the time until its new HTML is on disk is
#     measured (median), then the server's peak RSS (VmHWM, which includes its
#     first build) is read before it is stopped.
# Progress goes to stderr; stdout is Markdown ready to paste into README.md.
# Needs GNU time (/usr/bin/time) and python3; installs Hugo v0.165.0 with
# `go install` if no hugo is on PATH (Debian's older hugo as a fallback).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("${@:-200 1000 4000}")
read -r -a SIZES <<<"${SIZES[*]}"
RUNS=${RUNS:-3}
WORK=${WORK:-/tmp/docgen-compare}
CODE=per-language
CORPUS_FLAGS=()
if [ "${SAME_CODE:-0}" = 1 ]; then CODE=same; CORPUS_FLAGS=(--same-code); fi
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

# build_docgen DIR / build_hugo DIR: one build on whatever DIR holds; prints
# "wall cpu rss_kb".
build_docgen() { timed "$DOCGEN" build --quiet --root "$1"; }
build_hugo() { timed hugo --quiet --source "$1" --destination public; }
timed() {
  local out
  out=$( { /usr/bin/time -f '%e %U %S %M' "$@" >/dev/null; } 2>&1 || true)
  if grep -q '^Command exited with non-zero status' <<<"$out"; then
    printf 'failed: %s\n%s\n' "$*" "$out" >&2
    return 1
  fi
  tail -1 <<<"$out" | awk '{printf "%s %.2f %s\n", $1, $2+$3, $4}'
}

# cold TOOL DIR: one cold build (no output, no cache).
cold() {
  if [ "$1" = docgen ]; then
    rm -rf "$2/public" "$2/.docgen"
    build_docgen "$2"
  else
    rm -rf "$2/public" "$2/resources"
    build_hugo "$2"
  fi
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
col() { cut -d' ' -f"$1" "$2" | median; }
mb() { awk -v k="$1" 'BEGIN {printf "%.0f", k/1024}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a/b; else print "–"}'; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# append_edit FILE ORIG R: FILE becomes ORIG plus a paragraph naming edit R;
# prints the paragraph's marker.
append_edit() {
  local marker="edit-$3-$(date +%s%N)"
  { cat "$2"; printf '\n\nپاراگراف افزوده برای آزمون ساخت دوباره %s.\n' "$marker"; } >"$1"
  echo "$marker"
}

# live TOOL DIR PAGE HTML: start the tool's live preview from cold, edit PAGE
# five times and time until HTML contains each edit; prints "median_ms
# peak_rss_kb" (or "timeout peak_rss_kb").
live() {
  local tool=$1 dir=$2 page=$3 html=$4 pid
  if [ "$tool" = docgen ]; then
    rm -rf "$dir/public" "$dir/.docgen"
    (cd "$dir" && exec "$DOCGEN" serve --addr 127.0.0.1:0 >/dev/null 2>&1) & pid=$!
  else
    rm -rf "$dir/public" "$dir/resources"
    (cd "$dir" && exec hugo server --port 13137 --bind 127.0.0.1 --destination public --disableLiveReload >/dev/null 2>&1) & pid=$!
  fi
  python3 - "$dir/$page" "$dir/$html" "$pid" <<'PY' || true
import os, sys, time
page, html, pid = sys.argv[1], sys.argv[2], sys.argv[3]

def peak_kb():
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmHWM:"):
                return line.split()[1]
    except OSError:
        pass
    return "?"

deadline = time.time() + 900
while not os.path.exists(html):            # the first build
    if time.time() > deadline:
        print("no-first-build", peak_kb()); sys.exit()
    time.sleep(0.05)
time.sleep(2)                              # let the watcher settle
orig = open(page, encoding="utf-8").read()
samples = []
try:
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
            if time.perf_counter() - start > 120:
                print("timeout", peak_kb()); sys.exit()
            time.sleep(0.002)
        samples.append((time.perf_counter() - start) * 1000)
        time.sleep(1)
finally:
    open(page, "w", encoding="utf-8").write(orig)
samples.sort()
print(f"{samples[len(samples) // 2]:.0f}", peak_kb())
PY
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
}

rows=()
for n in "${SIZES[@]}"; do
  corpus="$WORK/corpus-$n-$CODE"
  [ -d "$corpus" ] || "$DOCGEN" bench-corpus --n "$n" "${CORPUS_FLAGS[@]}" --out "$corpus" >&2
  files=$(find "$corpus/docgen/content" -name '*.md' | wc -l)
  load=$(loadavg)
  echo "N=$n: $((n * 6)) pages ($files files), load average $load" >&2
  : >"$WORK/d.txt"; : >"$WORK/h.txt"
  for ((r = 0; r < RUNS; r++)); do
    cold docgen "$corpus/docgen" | tee -a "$WORK/d.txt" | sed 's/^/  docgen cold: /' >&2
    cold hugo "$corpus/hugo" | tee -a "$WORK/h.txt" | sed 's/^/  hugo cold:   /' >&2
  done
  dw=$(col 1 "$WORK/d.txt"); dc=$(col 2 "$WORK/d.txt"); dm=$(col 3 "$WORK/d.txt")
  hw=$(col 1 "$WORK/h.txt"); hc=$(col 2 "$WORK/h.txt"); hm=$(col 3 "$WORK/h.txt")
  rows+=("| $n | $((n * 6)) ($files) | $load | $dw s | $hw s | **$(ratio "$dw" "$hw")** | $dc s | $hc s | $(mb "$dm") MB | $(mb "$hm") MB | **$(ratio "$dm" "$hm")** |")
done

# The largest size: warm rebuilds and the live preview.
n=${SIZES[-1]}; corpus="$WORK/corpus-$n-$CODE"
dpage="$corpus/docgen/content/guide-00002/fa.md"; hpage="$corpus/hugo/content/fa/guide-00002/index.md"
html=public/fa/guide-00002/index.html
echo "N=$n: warm rebuilds, load average $(loadavg)" >&2
build_docgen "$corpus/docgen" >/dev/null
[ -d "$corpus/hugo/public" ] || build_hugo "$corpus/hugo" >/dev/null
: >"$WORK/w.txt"
for ((r = 0; r < RUNS; r++)); do
  build_docgen "$corpus/docgen" | tee -a "$WORK/w.txt" | sed 's/^/  docgen unchanged: /' >&2
done
cp "$dpage" "$WORK/dpage.orig"; cp "$hpage" "$WORK/hpage.orig"
: >"$WORK/de.txt"; : >"$WORK/he.txt"
for ((r = 0; r < RUNS; r++)); do
  m=$(append_edit "$dpage" "$WORK/dpage.orig" "$r")
  build_docgen "$corpus/docgen" | tee -a "$WORK/de.txt" | sed 's/^/  docgen one page changed: /' >&2
  grep -q "$m" "$corpus/docgen/$html" || echo "  WARNING: docgen's output lacks edit $m" >&2
  m=$(append_edit "$hpage" "$WORK/hpage.orig" "$r")
  build_hugo "$corpus/hugo" | tee -a "$WORK/he.txt" | sed 's/^/  hugo one page changed:   /' >&2
  grep -q "$m" "$corpus/hugo/$html" || echo "  WARNING: Hugo's output lacks edit $m" >&2
done
cp "$WORK/dpage.orig" "$dpage"; cp "$WORK/hpage.orig" "$hpage"
ww=$(col 1 "$WORK/w.txt"); dew=$(col 1 "$WORK/de.txt"); hew=$(col 1 "$WORK/he.txt")

echo "N=$n: live preview, load average $(loadavg)" >&2
read -r dl drss < <(live docgen "$corpus/docgen" content/guide-00002/fa.md "$html")
echo "  docgen serve: ${dl} ms, peak $drss kB" >&2
read -r hl hrss < <(live hugo "$corpus/hugo" content/fa/guide-00002/index.md "$html")
echo "  hugo server: ${hl} ms, peak $hrss kB" >&2
num() { [[ $1 =~ ^[0-9.]+$ ]]; }
fmt_ms() { if num "$1"; then echo "$1 ms"; else echo "$1"; fi; }
fmt_mb() { if num "$1"; then echo "$(mb "$1") MB"; else echo "$1"; fi; }
lr="–"; num "$dl" && num "$hl" && lr=$(ratio "$dl" "$hl")
rr="–"; num "$drss" && num "$hrss" && rr=$(ratio "$drss" "$hrss")

printf '<!-- docgen %s vs Hugo %s; %s cores; %s; %s -->\n\n' "$(git rev-parse --short HEAD)" "$HUGO_VERSION" "$(nproc)" "$(date -u +%F)" "$CODE code"
printf 'Cold builds (no output, no cache), docgen and Hugo alternating, medians of %d; code comments %s:\n\n' "$RUNS" \
  "$([ "$CODE" = same ] && echo "identical in every language" || echo "translated per language")"
echo '| guides per language | pages (files) | load average before | docgen wall | Hugo wall | wall ratio | docgen CPU | Hugo CPU | docgen peak RSS | Hugo peak RSS | RSS ratio |'
echo '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |'
printf '%s\n' "${rows[@]}"
echo
printf 'At %d guides per language (%d pages):\n\n' "$n" "$((n * 6))"
echo '| | docgen | Hugo | ratio |'
echo '| --- | --- | --- | --- |'
echo "| rebuild, nothing changed (median of $RUNS) | $ww s | – | – |"
echo "| cold process on a warm cache after one page changes (median of $RUNS) | $dew s | $hew s | **$(ratio "$dew" "$hew")** |"
echo "| live preview: edit to written page (median of 5) | $(fmt_ms "$dl") | $(fmt_ms "$hl") | **$lr** |"
echo "| live preview: peak RSS | $(fmt_mb "$drss") | $(fmt_mb "$hrss") | **$rr** |"
