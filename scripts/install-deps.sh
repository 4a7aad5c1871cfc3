#!/usr/bin/env bash
# Installs the given Debian packages when any is missing; runs apt-get update only then.
set -euo pipefail
missing=()
for p in "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v dotnet >/dev/null || { echo "dotnet SDK 10 is required on PATH" >&2; exit 1; }
# overlayfs and the bridge netfilter bits are kernel modules on some hosts; ignore failures where built in.
modprobe overlay 2>/dev/null || true
