#!/usr/bin/env bash
# Runs every fuzz target of docgen's parsers and extensions for a bounded
# time each (default 30 s): bash scripts/fuzz.sh [seconds]. Not part of CI's
# default run. A crasher is written to <package>/testdata/fuzz/<Target>/ and
# then runs as a regression test in every `go test`; commit it with the fix.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
targets=$(grep -rl --include='*_test.go' '^func Fuzz' internal cmd |
  xargs grep -o '^func Fuzz[A-Za-z0-9_]*' | sed 's/:func /:/' | sort)
status=0
for t in $targets; do
  pkg=./$(dirname "${t%%:*}")
  name=${t##*:}
  printf '%-28s %-24s ' "$pkg" "$name"
  if out=$(go test "$pkg" -run '^$' -fuzz "^${name}\$" -fuzztime "${secs}s" 2>&1); then
    echo "$out" | grep -o 'execs: [0-9]*' | tail -1 | sed 's/$/, no findings/'
  else
    status=1
    echo "FOUND A FAILURE"
    echo "$out" | grep -v '^fuzz: elapsed' | head -20
  fi
done
exit $status
