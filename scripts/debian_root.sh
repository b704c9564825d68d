# A Debian root made with debootstrap, for running this project on another Debian than the machine's own
# (sourced by debian_suite.sh and debian_newcomer.sh). Needs root; everything runs in a private mount namespace,
# so the root's mounts vanish with the process even if it is killed, and never show up on the host.
#
# The caller sets: suite (trixie, sid), root (the folder), name (for messages); then calls enter_namespace "$@"
# first, build_root to make the root, and in_root to run in it.
#
# Mirror: Debian's, the one this machine's apt uses (TUOLI_GW_DEBIAN_MIRROR overrides). sid's Release file is
# renewed weekly and a mirror snapshot may be past its Valid-Until date: apt in a sid root does not check it.

say() { echo "$name: $*"; }
fail() { echo "$name: $*" >&2; exit 1; }

debian_mirror() {
  [ -z "${TUOLI_GW_DEBIAN_MIRROR:-}" ] || { echo "$TUOLI_GW_DEBIAN_MIRROR"; return; }
  local found
  found="$(sed -n 's/^URIs: *\(http[^ ]*\/debian\/\?\)$/\1/p; s/^deb  *\(\[[^]]*\] *\)\?\(http[^ ]*\/debian\/\?\) .*/\2/p' \
    /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)"
  echo "${found:-http://deb.debian.org/debian}"
}

enter_namespace() {
  [ "$(id -u)" -eq 0 ] || fail "needs root (debootstrap, chroot and mount do): run it as root or with sudo"
  local tool
  for tool in chroot mount umount unshare; do
    command -v "$tool" >/dev/null 2>&1 || fail "'$tool' not found (util-linux/coreutils); this runs on Debian/Ubuntu"
  done
  case "$root" in /*/*) ;; *) fail "the root must be a folder at least two levels deep, not '$root'" ;; esac
  if [ -z "${TUOLI_GW_ROOT_NS:-}" ]; then
    if unshare --mount --propagation private true 2>/dev/null; then
      TUOLI_GW_ROOT_NS=1 exec unshare --mount --propagation private "$BASH" "$0" "$@"
    fi
    say "no private mount namespace here (unshare refused); mounting on the host, the trap unmounts"
  fi
  trap unmount_all EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

mounts_under_root() { awk -v r="$root/" 'index($2 "/", r) == 1 { print $2 }' /proc/self/mounts; }

unmount_all() {
  local mountpoint
  # Deepest first, so a mount on top of another comes off before the one below it.
  for mountpoint in $(mounts_under_root | sort -r); do
    umount -R "$mountpoint" 2>/dev/null || umount -l "$mountpoint" 2>/dev/null || true
  done
}

# /proc, /sys and /dev (apt logs through /dev/pts; multiprocessing needs /dev/shm) inside the root.
mount_system() {
  mkdir -p "$root/proc" "$root/sys" "$root/dev"
  mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
  mountpoint -q "$root/sys" || mount --rbind /sys "$root/sys"
  mountpoint -q "$root/dev" || mount --rbind /dev "$root/dev"
}

in_root() { chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@"; }

ensure_debootstrap() {
  command -v debootstrap >/dev/null 2>&1 && [ -e "/usr/share/debootstrap/scripts/$suite" ] && return 0
  command -v apt-get >/dev/null 2>&1 || fail "debootstrap is missing and there is no apt-get to install it"
  say "installing the system package debootstrap (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends debootstrap >/dev/null 2>&1 ||
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends debootstrap; } ||
    fail "could not install debootstrap (no network?): apt-get install debootstrap"
  command -v debootstrap >/dev/null 2>&1 || fail "debootstrap is installed but not on PATH ($PATH): add /usr/sbin"
  [ -e "/usr/share/debootstrap/scripts/$suite" ] || fail "this debootstrap does not know '$suite'; update it"
}

need_network() {
  local release
  release="$(debian_mirror)/dists/$suite/Release"
  command -v curl >/dev/null 2>&1 || command -v wget >/dev/null 2>&1 || apt-get install -y -qq curl >/dev/null || true
  if ! { curl -fsS --max-time 30 -o /dev/null "$release" 2>/dev/null || wget -q -T 30 -O /dev/null "$release" 2>/dev/null; }; then
    fail "cannot reach $release: building the Debian $suite root needs the network (or set TUOLI_GW_DEBIAN_MIRROR)"
  fi
}

# A fresh root: debootstrap (minbase) and apt's settings for a root (no services, sid's Valid-Until), then
# `apt-get install` of the arguments, if any. Prints how long each part took.
build_root() {
  if [ -d "$root" ]; then
    [ -z "$(mounts_under_root)" ] || fail "something is still mounted under $root; unmount it first: $(mounts_under_root | tr '\n' ' ')"
    say "removing the earlier root $root"
    rm -rf --one-file-system "$root"
  fi
  ensure_debootstrap
  need_network
  mkdir -p "$(dirname "$root")"
  local start=$SECONDS mirror
  mirror="$(debian_mirror)"
  say "debootstrap $suite into $root (from $mirror)"
  debootstrap --variant=minbase "$suite" "$root" "$mirror" > "$root.debootstrap.log" 2>&1 ||
    fail "debootstrap failed; see $root.debootstrap.log"
  # No service starts inside the root (some packages' postinst would try).
  printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"
  chmod +x "$root/usr/sbin/policy-rc.d"
  if [ "$suite" = sid ]; then
    echo 'Acquire::Check-Valid-Until "false";' > "$root/etc/apt/apt.conf.d/99tuoli-gw-valid-until"
  fi
  say "debootstrap took $((SECONDS - start)) s"
  [ $# -eq 0 ] || install_into_root "$@"
}

install_into_root() {
  local start=$SECONDS
  cp -L /etc/resolv.conf "$root/etc/resolv.conf"
  mount_system
  say "apt-get install $*"
  in_root apt-get update -qq
  in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  in_root apt-get clean
  say "apt took $((SECONDS - start)) s"
}

# The host's TLS trust for pip, when this machine reaches PyPI through a proxy with its own certificate authority
# (PIP_CERT names the bundle the host's pip uses): copied into the root. A machine without one needs nothing here.
pip_trust_env() {
  local bundle="${PIP_CERT:-}"
  [ -n "$bundle" ] && [ -f "$bundle" ] || return 0
  cp "$bundle" "$root/etc/ssl/certs/tuoli-gw-host-pip.pem"
  echo "PIP_CERT=/etc/ssl/certs/tuoli-gw-host-pip.pem"
}
