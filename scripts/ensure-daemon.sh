#!/usr/bin/env bash
# Makes sure the installed wharfd answers on its default socket; restarts it when the installed
# binary is newer than the running process.
set -euo pipefail
sock=/run/wharf/wharf.sock
pidfile=/run/wharf/wharfd.pid
running=""
if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then running=$(cat "$pidfile"); fi
if [ -n "$running" ]; then
  started=$(stat -c %Y "/proc/$running")
  installed=$(stat -L -c %Y /usr/local/lib/wharf/wharfd)
  if [ "$installed" -gt "$started" ]; then
    echo "restarting wharfd (new build)"
    kill "$running"
    for _ in $(seq 50); do kill -0 "$running" 2>/dev/null || break; sleep 0.1; done
    running=""
  fi
fi
if [ -z "$running" ]; then
  mkdir -p /run/wharf /var/log
  setsid /usr/local/bin/wharfd >>/var/log/wharfd.log 2>&1 < /dev/null &
fi
for _ in $(seq 150); do
  # An explicit host keeps the CLI from auto-starting a second daemon while this one comes up.
  if wharf -H "unix://$sock" version >/dev/null 2>&1; then exit 0; fi
  sleep 0.2
done
echo "wharfd did not come up; see /var/log/wharfd.log" >&2
tail -20 /var/log/wharfd.log >&2 || true
exit 1
