#!/usr/bin/env bash
# Shared helpers for the bench/ scripts (source it: `. bench/lib.sh`). Pure functions, no side effects on load.

# now_ns: wall clock in nanoseconds.
now_ns() { date +%s%N; }

# median: the median of the numbers on stdin, one per line.
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# time_cmd N cmd...: runs cmd N times (output discarded) and prints each duration in milliseconds, one per line.
time_cmd() {
  local n=$1; shift
  for _ in $(seq "$n"); do
    local t0; t0=$(now_ns)
    "$@" >/dev/null 2>&1
    echo $(( ($(now_ns) - t0) / 1000 ))
  done | awk '{printf "%.2f\n", $1/1000}'
}

# rss_kib PID: the resident set size of PID in KiB (0 when the process is gone).
rss_kib() { awk '/^VmRSS/ {print $2; found=1} END {if (!found) print 0}' "/proc/$1/status" 2>/dev/null || echo 0; }

# pss_kib PID: the proportional set size of PID in KiB (shared pages divided among their users; 0 when gone). For many
# copies of one program (conmon) this is closer to the memory each copy adds than RSS, which counts shared libraries fully.
pss_kib() { awk '/^Pss:/ {print $2; found=1} END {if (!found) print 0}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
