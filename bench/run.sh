#!/usr/bin/env bash
# Wharf benchmarks, run against the installed daemon (make bench) side by side with bare runc, and
# with Docker Engine / Podman when they are installed. Prints medians and ratios; no thresholds.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-30}
CONTAINERS=${CONTAINERS:-10}
work=$(mktemp -d /tmp/wharf-bench.XXXXXX)
runc_root=$work/runc-root
cleanup() {
  for id in $(runc --root "$runc_root" list -q 2>/dev/null); do runc --root "$runc_root" delete -f "$id" >/dev/null 2>&1 || true; done
  wharf rm -f $(wharf ps -aq --filter label=wharf.bench=1) >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

. bench/lib.sh

echo "== run --rm busybox true: start-to-exit latency, median of $N (warm)"
# Bare runc on the same rootfs: the floor every engine builds on.
mkdir -p "$work/bundle/rootfs"
scripts/busybox-rootfs-tar.sh | tar -C "$work/bundle/rootfs" -xf -
(cd "$work/bundle" && runc spec && sed -i 's/"terminal": true/"terminal": false/; s/"sh"/"true"/' config.json)
i=0
runc_once() { i=$((i+1)); runc --root "$runc_root" run -b "$work/bundle" "bench-$$-$RANDOM-$i"; }
runc_once >/dev/null 2>&1 || { echo "bare runc failed"; exit 1; }
runc_ms=$(time_cmd "$N" runc_once | median)
# The same runc with the bundle wharf generates (Docker's seccomp profile, capabilities, masks, mounts): what the engine's
# own overhead sits on top of. Only the container's own bind mounts (hosts, resolv.conf, hostname) are left out.
cid=$(wharf run -d --network none busybox sleep 60)
mkdir -p "$work/wharf-bundle"
python3 - "/var/lib/wharf/containers/$cid/config.json" "$work/wharf-bundle/config.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
c["root"]["path"] = "rootfs"
c["mounts"] = [m for m in c["mounts"] if not m.get("source", "").startswith("/var/lib/wharf")]
c["process"]["terminal"] = False
c["process"]["args"] = ["true"]
c["linux"].pop("cgroupsPath", None)
json.dump(c, open(sys.argv[2], "w"))
PY
wharf rm -f "$cid" >/dev/null
# runc wants the rootfs as a real directory, not a symlink.
cp -a "$work/bundle/rootfs" "$work/wharf-bundle/rootfs"
runc_wharf_once() { i=$((i+1)); runc --root "$runc_root" run -b "$work/wharf-bundle" "bench-$$-$RANDOM-$i"; }
runc_wharf_ms=$(time_cmd "$N" runc_wharf_once | median)
# Bare runc has no network: --network none is the like-for-like comparison (issue 2's target); the default
# network (a bridge once networking lands) is printed next to it.
wharf run --rm --network none busybox true >/dev/null
wharf_ms=$(time_cmd "$N" wharf run --rm --network none busybox true | median)
wharf run --rm busybox true >/dev/null
wharf_default_ms=$(time_cmd "$N" wharf run --rm busybox true | median)
printf '  runc run                          %8.1f ms\n' "$runc_ms"
printf '  runc run, wharf'"'"'s bundle            %8.1f ms   (%.2f x runc: Docker'"'"'s seccomp profile and the rest of its defaults)\n' "$runc_wharf_ms" "$(echo "$runc_wharf_ms / $runc_ms" | bc -l)"
printf '  wharf run --rm --network none     %8.1f ms   (%.2f x runc; target <= 1.5)\n' "$wharf_ms" "$(echo "$wharf_ms / $runc_ms" | bc -l)"
printf '  wharf run --rm (default network)  %8.1f ms   (%.2f x runc)\n' "$wharf_default_ms" "$(echo "$wharf_default_ms / $runc_ms" | bc -l)"
if command -v dockerd >/dev/null && docker info >/dev/null 2>&1; then
  docker image inspect busybox >/dev/null 2>&1 || scripts/busybox-rootfs-tar.sh | docker import -c 'CMD ["sh"]' - busybox:latest >/dev/null
  docker run --rm busybox true >/dev/null
  docker_ms=$(time_cmd "$N" docker run --rm busybox true | median)
  printf '  docker run --rm                   %8.1f ms   (%.2f x runc; wharf is %.2f x faster)\n' "$docker_ms" "$(echo "$docker_ms / $runc_ms" | bc -l)" "$(echo "$docker_ms / $wharf_default_ms" | bc -l)"
else
  echo "  docker: Docker Engine not installed/running here, skipped"
fi
if command -v podman >/dev/null; then
  podman image exists busybox || scripts/busybox-rootfs-tar.sh | podman import -c 'CMD ["sh"]' - busybox:latest >/dev/null
  podman run --rm --network none busybox true >/dev/null
  podman_ms=$(time_cmd "$N" podman run --rm --network none busybox true | median)
  printf '  podman run --rm --network none    %8.1f ms   (%.2f x runc)\n' "$podman_ms" "$(echo "$podman_ms / $runc_ms" | bc -l)"
else
  echo "  podman: not installed, skipped"
fi

daemon_pid=$(cat /run/wharf/wharfd.pid)
echo "== memory"
# Idle means quiet: wharfd gives memory back 10 s after the last request (IdleMemoryTrimmer).
sleep 12
printf '  wharfd idle RSS   %8.1f MiB   (target <= 60)\n' "$(echo "$(rss_kib "$daemon_pid") / 1024" | bc -l)"
# Where it goes: anonymous (heap, JIT code) vs file-backed (runtime and framework code) pages.
awk '/^(Rss|Pss|Anonymous|Pss_File|Pss_Shmem):/ {printf "    %-11s %7.1f MiB\n", $1, $2 / 1024}' "/proc/$daemon_pid/smaps_rollup" 2>/dev/null || true
before=$(rss_kib "$daemon_pid")
for _ in $(seq "$CONTAINERS"); do wharf run -d -l wharf.bench=1 busybox sleep 3600 >/dev/null; done
sleep 1
after=$(rss_kib "$daemon_pid")
conmon_total=0
for id in $(wharf ps -q --no-trunc --filter label=wharf.bench=1); do
  pid=$(pgrep -f "conmon.*-c $id" | head -1 || true)
  [ -n "$pid" ] && conmon_total=$((conmon_total + $(rss_kib "$pid")))
done
per=$(echo "($after - $before + $conmon_total) / $CONTAINERS / 1024" | bc -l)
printf '  per idle container (daemon growth + its conmon, RSS) %6.2f MiB over %d containers\n' "$per" "$CONTAINERS"
# Networking targets (issue 4): default bridge vs none, published-port throughput.
bench/network.sh
# exec target (issue 3): wharf exec vs bare runc exec.
bench/exec.sh
