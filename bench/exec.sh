#!/usr/bin/env bash
# exec latency: median of `wharf exec <c> true` against bare `runc exec <c> true` on the same running container
# (issue 3 target: <= 2 x runc). Runs against the installed daemon by default; point it at another one with
# WHARF="wharf -H unix:///path/wharf.sock" RUNC_ROOT=/path/run/runc. Prints medians and the ratio; no thresholds.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-30}
WHARF=${WHARF:-wharf}
RUNC_ROOT=${RUNC_ROOT:-/run/wharf/runc}
name="wharf-bench-exec-$$"
cleanup() { $WHARF rm -f "$name" >/dev/null 2>&1 || true; }
trap cleanup EXIT

. bench/lib.sh

$WHARF image inspect busybox >/dev/null 2>&1 || scripts/busybox-rootfs-tar.sh | $WHARF import -c 'CMD ["sh"]' - busybox:latest >/dev/null
id=$($WHARF run -d --network none --name "$name" busybox sleep 3600)
echo "== exec true in a running container: median of $N (warm)"
runc --root "$RUNC_ROOT" exec "$id" true >/dev/null || { echo "bare runc exec failed (RUNC_ROOT=$RUNC_ROOT)"; exit 1; }
runc_ms=$(time_cmd "$N" runc --root "$RUNC_ROOT" exec "$id" true | median)
$WHARF exec "$name" true
wharf_ms=$(time_cmd "$N" $WHARF exec "$name" true | median)
printf '  runc exec                %8.1f ms\n' "$runc_ms"
printf '  wharf exec               %8.1f ms   (%.2f x runc; target <= 2)\n' "$wharf_ms" "$(echo "$wharf_ms / $runc_ms" | bc -l)"
if command -v docker >/dev/null; then
  host=$(echo "$WHARF" | sed -n 's/.*-H \([^ ]*\).*/\1/p')
  docker_ms=$(DOCKER_HOST=${host:-unix:///run/wharf/wharf.sock} time_cmd "$N" docker exec "$name" true | median)
  printf '  docker CLI exec (wharfd) %8.1f ms   (%.2f x runc)\n' "$docker_ms" "$(echo "$docker_ms / $runc_ms" | bc -l)"
fi
