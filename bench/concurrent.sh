#!/usr/bin/env bash
# Concurrent start (issue 3 target): CONTAINERS (default 50) `run -d busybox sleep 3600` launched at once; prints the wall
# time until all are running (target <= 1/5 of Docker Engine's) and the memory each idle container adds outside its own
# processes: the daemon's RSS growth plus the container's monitor process (conmon; containerd-shim for Docker), averaged
# (target <= 3 MiB). Runs against the daemon `wharf` talks to, then against Docker Engine and Podman when installed.
# Prints figures and ratios; no thresholds. Every container it made is removed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
CONTAINERS=${CONTAINERS:-50}
WHARF=${WHARF:-wharf}
WHARFD_PID_FILE=${WHARFD_PID_FILE:-/run/wharf/wharfd.pid}
# wharfd trims its heap this long after the last request (IdleMemoryTrimmer): "idle" figures are read after it.
IDLE_WAIT=${IDLE_WAIT:-12}
LABEL=wharf.bench.concurrent=$$

cleanup_engine() {
  local ids; ids=$($1 ps -aq --filter "label=$LABEL" 2>/dev/null || true)
  [ -z "$ids" ] || $1 rm -f $ids >/dev/null 2>&1 || true
}
cleanup() {
  cleanup_engine "$WHARF"
  [ -z "${docker_ok:-}" ] || cleanup_engine docker
  [ -z "${podman_ok:-}" ] || cleanup_engine podman
}

# running_count CLI: how many of this run's containers are running.
running_count() { $1 ps -q --filter "label=$LABEL" --filter status=running | wc -l; }

# concurrent_start CLI: starts CONTAINERS containers at once, waits until all run; prints the wall time in ms.
concurrent_start() {
  local cli=$1 t0 pids=() failed=0
  t0=$(now_ns)
  for i in $(seq "$CONTAINERS"); do
    $cli run -d -l "$LABEL" -l wharf.bench=1 busybox sleep 3600 >/dev/null 2>"$work/err.$i" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || failed=$((failed + 1)); done
  while [ "$(running_count "$cli")" -lt $((CONTAINERS - failed)) ]; do sleep 0.05; done
  local ms=$(( ($(now_ns) - t0) / 1000000 ))
  if [ "$failed" -gt 0 ]; then
    echo "  $cli: $failed of $CONTAINERS runs failed, first error: $(cat "$work"/err.* | head -1)" >&2
  fi
  echo "$ms"
}

# monitor_kib CLI rss|pss: the summed RSS (or PSS) of the per-container monitor processes of this run's containers.
monitor_kib() {
  local cli=$1 measure=${2}_kib total=0 pid
  for id in $($cli ps -q --no-trunc --filter "label=$LABEL"); do
    case $cli in
      docker) pid=$(pgrep -f "containerd-shim.* -id $id" | head -1 || true) ;;
      *) pid=$(pgrep -f "conmon.* -c $id" | head -1 || true) ;;
    esac
    [ -n "$pid" ] && total=$((total + $($measure "$pid")))
  done
  echo "$total"
}

# daemons_rss_kib PID...: the summed RSS of the engine's daemons (none for Podman).
daemons_rss_kib() { local total=0; for pid in "$@"; do total=$((total + $(rss_kib "$pid"))); done; echo "$total"; }

# measure NAME CLI DAEMON_PID...: one full round; sets last_ms and prints the figures.
measure() {
  local name=$1 cli=$2; shift 2
  # Warm: the image is present and the runtime binaries are in the page cache before the clock starts.
  $cli run --rm busybox true >/dev/null
  sleep "$IDLE_WAIT"
  local before; before=$(daemons_rss_kib "$@")
  last_ms=$(concurrent_start "$cli")
  sleep "$IDLE_WAIT"
  local after monitors monitors_pss; after=$(daemons_rss_kib "$@"); monitors=$(monitor_kib "$cli" rss); monitors_pss=$(monitor_kib "$cli" pss)
  printf '  %-8s all %d running after %8.2f s' "$name" "$CONTAINERS" "$(echo "$last_ms / 1000" | bc -l)"
  printf '   per idle container %5.2f MiB (daemon RSS +%.2f, monitor RSS %.2f; PSS %.2f)\n' \
    "$(echo "($after - $before + $monitors) / $CONTAINERS / 1024" | bc -l)" \
    "$(echo "($after - $before) / $CONTAINERS / 1024" | bc -l)" "$(echo "$monitors / $CONTAINERS / 1024" | bc -l)" \
    "$(echo "$monitors_pss / $CONTAINERS / 1024" | bc -l)"
  cleanup_engine "$cli"
}

work=$(mktemp -d /tmp/wharf-bench-concurrent.XXXXXX)
trap 'cleanup; rm -rf "$work"' EXIT
echo "== $CONTAINERS x run -d busybox sleep 3600, started concurrently (memory read ${IDLE_WAIT}s after)"
$WHARF image inspect busybox >/dev/null 2>&1 || scripts/busybox-rootfs-tar.sh | $WHARF import -c 'CMD ["sh"]' - busybox:latest >/dev/null
measure wharf "$WHARF" "$(cat "$WHARFD_PID_FILE")"
wharf_ms=$last_ms

if command -v dockerd >/dev/null && docker info >/dev/null 2>&1; then
  docker_ok=1
  docker image inspect busybox >/dev/null 2>&1 || scripts/busybox-rootfs-tar.sh | docker import -c 'CMD ["sh"]' - busybox:latest >/dev/null
  measure docker docker $(pgrep -x dockerd) $(pgrep -x containerd)
  printf '  wharf takes %.3f x Docker Engine'"'"'s time (target <= 0.2)\n' "$(echo "$wharf_ms / $last_ms" | bc -l)"
else
  echo "  docker: Docker Engine not installed/running here, skipped (issue 3 quotes Docker 20.10 on this machine: 30 s for 50)"
fi
if command -v podman >/dev/null; then
  podman_ok=1
  podman image exists busybox || scripts/busybox-rootfs-tar.sh | podman import -c 'CMD ["sh"]' - busybox:latest >/dev/null
  measure podman podman
  printf '  wharf takes %.3f x Podman'"'"'s time\n' "$(echo "$wharf_ms / $last_ms" | bc -l)"
else
  echo "  podman: not installed, skipped"
fi
