#!/usr/bin/env bash
# Networking benchmarks (issue 4 targets), against the daemon `wharf` talks to (DOCKER_HOST / the installed one):
#  1. `run --rm busybox true` median on the default bridge vs `--network none` (target <= 1.3 x);
#  2. HTTP download throughput through a published port on 127.0.0.1 vs the container's own address (target >= 0.8 x).
# Prints medians and ratios; no thresholds.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-30}
SIZE_MB=${SIZE_MB:-256}
WHARF=${WHARF:-wharf}
name=wharf-bench-net-$$
cleanup() { $WHARF rm -f "$name" >/dev/null 2>&1 || true; }
trap cleanup EXIT

. bench/lib.sh

echo "== run --rm busybox true on the default bridge vs --network none, median of $N (interleaved, warm)"
$WHARF run --rm busybox true >/dev/null
$WHARF run --rm --network none busybox true >/dev/null
bridge_times=(); none_times=()
for _ in $(seq "$N"); do
  bridge_times+=("$(time_cmd 1 $WHARF run --rm busybox true)")
  none_times+=("$(time_cmd 1 $WHARF run --rm --network none busybox true)")
done
bridge_ms=$(printf '%s\n' "${bridge_times[@]}" | median)
none_ms=$(printf '%s\n' "${none_times[@]}" | median)
printf '  --network none   %8.1f ms\n' "$none_ms"
printf '  default bridge   %8.1f ms   (%.2f x none; target <= 1.3)\n' "$bridge_ms" "$(echo "$bridge_ms / $none_ms" | bc -l)"

PAIRS=${PAIRS:-7}
echo "== HTTP throughput of a ${SIZE_MB} MiB file: published port on 127.0.0.1 vs the container address (median of $PAIRS interleaved pairs)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
$WHARF run -d --name "$name" -p "127.0.0.1:$port:80" busybox sh -c \
  "mkdir -p /www && dd if=/dev/zero of=/www/big bs=1M count=$SIZE_MB 2>/dev/null && exec httpd -f -p 80 -h /www" >/dev/null
ip=$($WHARF inspect -f '{{.NetworkSettings.IPAddress}}' "$name")
for _ in $(seq 100); do curl -sf -o /dev/null -r 0-0 "http://$ip/big" && break; sleep 0.1; done
# One download's speed in bytes/s. Interleaving the two paths and taking medians keeps a burst of load from landing on
# one path only (best-of-3 per path swung between 0.53 and 1.09 on a shared 2-core machine).
speed() { curl -sf -o /dev/null -w '%{speed_download}\n' "$1"; }
ratios=(); directs=(); publisheds=()
for _ in $(seq "$PAIRS"); do
  d=$(speed "http://$ip/big"); p=$(speed "http://127.0.0.1:$port/big")
  directs+=("$d"); publisheds+=("$p"); ratios+=("$(echo "$p / $d" | bc -l)")
done
direct=$(printf '%s\n' "${directs[@]}" | median)
published=$(printf '%s\n' "${publisheds[@]}" | median)
ratio=$(printf '%s\n' "${ratios[@]}" | median)
printf '  direct  %s        %8.1f MB/s\n' "$ip" "$(echo "$direct / 1000000" | bc -l)"
printf '  published 127.0.0.1:%s %8.1f MB/s   (%.2f x direct, median of the pairs'"'"' ratios; target >= 0.8)\n' "$port" "$(echo "$published / 1000000" | bc -l)" "$ratio"
