#!/usr/bin/env bash
# Writes to stdout a tar of a minimal root filesystem made from Debian's static busybox:
# /bin/busybox with a symlink per applet, /etc/passwd and /etc/group, and the usual empty directories.
set -euo pipefail
busybox=${BUSYBOX:-/bin/busybox}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir"/{bin,etc,dev,proc,sys,root,home,var/spool/mail,var/www,usr/bin,usr/sbin,sbin}
chmod 0755 "$dir"
install -d -m 1777 "$dir/tmp"
install -m 0755 "$busybox" "$dir/bin/busybox"
for applet in $("$busybox" --list); do
  [ "$applet" = busybox ] || ln -s busybox "$dir/bin/$applet"
done
cat > "$dir/etc/passwd" <<'P'
root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
P
cat > "$dir/etc/group" <<'G'
root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
wheel:x:10:root
mail:x:12:
www-data:x:33:
operator:x:37:
staff:x:50:
users:x:100:
nogroup:x:65533:
nobody:x:65534:
G
chmod 0700 "$dir/root"
tar -C "$dir" --numeric-owner --owner=0 --group=0 --sort=name --mtime='2024-01-01 00:00:00' -cf - .
