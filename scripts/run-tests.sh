#!/usr/bin/env bash
# Runs the test projects and ends with one line "N passed, N failed[, N skipped]" summed over all of them.
# --unit runs only the projects that need no daemon.
set -uo pipefail
cd "$(dirname "$0")/.."
results=.build/test-results
rm -rf "$results"; mkdir -p "$results"
projects=(tests/Wharf.Core.Tests tests/Wharf.Api.Tests tests/Wharf.Cli.Tests tests/Wharf.Engine.Tests tests/Wharf.Daemon.Tests)
[ "${1:-}" = "--unit" ] || projects+=(tests/Wharf.Integration.Tests)
export WHARF_OUT=${WHARF_OUT:-$PWD/out}
status=0
dotnet build Wharf.sln -c Debug --nologo -v quiet || status=1
for p in "${projects[@]}"; do
  name=$(basename "$p")
  echo "=== $name"
  # A hung test must not hang CI: the blame collector kills a project that runs past its budget.
  dotnet test "$p" --no-build -c Debug --nologo \
    --logger "trx;LogFileName=$PWD/$results/$name.trx" --logger "console;verbosity=minimal" \
    --blame-hang --blame-hang-timeout 10m || status=1
done
passed=0; failed=0; skipped=0
for f in "$results"/*.trx; do
  [ -f "$f" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$f" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  p=$(get passed); fl=$(get failed); t=$(get total); ex=$(get executed)
  passed=$((passed + ${p:-0})); failed=$((failed + ${fl:-0}))
  skipped=$((skipped + ${t:-0} - ${ex:-0}))
done
# A project that failed to build or crashed before writing results counts as a failure.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
