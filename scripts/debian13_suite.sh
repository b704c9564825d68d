#!/usr/bin/env bash
# Run the whole test suite on QGIS 3.40 LTR: a Debian 13 (trixie) root under build/, made with debootstrap,
# with QGIS and every engine package from Debian (nothing compiled, no virtualenv), the checkout bind-mounted.
# Debian 12's QGIS 3.22 runs the suite through `make test`; this is the QGIS county bureaus actually run.
#
#   sudo bash scripts/debian13_suite.sh [pytest arguments, default: tests]      (make test-qgis340)
#
# The root is reused once complete (a stamp written last marks it); a half-finished one is rebuilt.
# Cold (debootstrap + apt) takes a few minutes and needs deb.debian.org; a warm run needs no network.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

suite=trixie                                              # pinned: the Debian 13 release, not "stable"
mirror="${TUOLI_GW_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
root="${TUOLI_GW_DEBIAN13_ROOT:-$here/build/debian13-root}"
# The root's own build folder (plugin link, qgis_process profile), kept apart from Debian 12's build/.
root_build="$here/build/debian13-build"
stamp="$root/.tuoli_gw_root_complete"
case "$root" in /*/*) ;; *) echo "debian13_suite: TUOLI_GW_DEBIAN13_ROOT must be a folder at least two levels deep, not '$root'" >&2; exit 1 ;; esac
# QGIS, the engine's packages as Debian ships them, the test tools, and what the tests call (pdftotext,
# lrelease, CJK fonts). dask-geopandas and exactextract are not in Debian 13: their tests skip.
packages=(qgis python3-qgis qgis-providers
          python3-numpy python3-geopandas python3-shapely python3-pyproj python3-rasterio python3-pyogrio
          python3-matplotlib python3-scipy python3-pytest python3-hypothesis
          xvfb xauth fonts-noto-cjk poppler-utils qttools5-dev-tools)

say() { echo "debian13_suite: $*"; }
fail() { echo "debian13_suite: $*" >&2; exit 1; }

# -- what this machine must have -----------------------------------------------------------------------
[ "$(id -u)" -eq 0 ] || fail "needs root (debootstrap, chroot and mount do). Run: sudo make test-qgis340"
for tool in chroot mount umount unshare; do
  command -v "$tool" >/dev/null 2>&1 || fail "'$tool' not found (util-linux/coreutils); this runs on Debian/Ubuntu"
done

# Everything below runs in a private mount namespace: the bind mounts vanish with this process even if it
# is killed, and never show up on the host. The trap unmounts them anyway, on any exit.
if [ -z "${TUOLI_GW_DEBIAN13_NS:-}" ]; then
  if unshare --mount --propagation private true 2>/dev/null; then
    TUOLI_GW_DEBIAN13_NS=1 exec unshare --mount --propagation private "$BASH" "${BASH_SOURCE[0]}" "$@"
  fi
  say "no private mount namespace here (unshare refused); mounting on the host, the trap unmounts"
fi

mounts_under_root() { awk -v r="$root/" 'index($2 "/", r) == 1 { print $2 }' /proc/self/mounts; }
cleanup() {
  local mountpoint
  # Deepest first, so a mount on top of another comes off before the one below it.
  for mountpoint in $(mounts_under_root | sort -r); do
    umount -R "$mountpoint" 2>/dev/null || umount -l "$mountpoint" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# -- the Debian 13 root --------------------------------------------------------------------------------
need_network() {
  command -v curl >/dev/null 2>&1 || command -v wget >/dev/null 2>&1 || apt-get install -y -qq curl >/dev/null || true
  local release="$mirror/dists/$suite/Release"
  if ! { curl -fsS --max-time 30 -o /dev/null "$release" 2>/dev/null || wget -q -T 30 -O /dev/null "$release" 2>/dev/null; }; then
    fail "cannot reach $release: building the Debian 13 root needs the network (or set TUOLI_GW_DEBIAN_MIRROR)"
  fi
}

ensure_debootstrap() {
  command -v debootstrap >/dev/null 2>&1 && return 0
  command -v apt-get >/dev/null 2>&1 || fail "debootstrap is missing and there is no apt-get to install it"
  say "installing the system package debootstrap (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends debootstrap >/dev/null 2>&1 ||
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends debootstrap; } ||
    fail "could not install debootstrap (no network?): apt-get install debootstrap"
  command -v debootstrap >/dev/null 2>&1 || fail "debootstrap is installed but not on PATH ($PATH): add /usr/sbin"
  [ -e "/usr/share/debootstrap/scripts/$suite" ] || fail "this debootstrap does not know '$suite'; update it"
}

in_root() { chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@"; }

install_packages() {
  cp -L /etc/resolv.conf "$root/etc/resolv.conf"
  # No service starts inside the root (some packages' postinst would try).
  printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"
  chmod +x "$root/usr/sbin/policy-rc.d"
  mount -t proc proc "$root/proc"
  mount --rbind /dev "$root/dev"        # apt logs through a pseudo-terminal (/dev/pts)
  in_root apt-get update -qq
  in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  in_root apt-get clean
  umount -R "$root/dev"
  umount "$root/proc"
}

build_root() {
  if [ -d "$root" ]; then
    [ -z "$(mounts_under_root)" ] || fail "something is still mounted under $root; unmount it first: $(mounts_under_root | tr '\n' ' ')"
    say "removing the unfinished root $root"
    rm -rf --one-file-system "$root"
  fi
  ensure_debootstrap
  need_network
  mkdir -p "$(dirname "$root")"
  local start=$SECONDS
  say "debootstrap $suite into $root (from $mirror)"
  debootstrap --variant=minbase "$suite" "$root" "$mirror" > "$root.debootstrap.log" 2>&1 ||
    fail "debootstrap failed; see $root.debootstrap.log"
  local debootstrap_seconds=$((SECONDS - start))
  say "apt-get install ${packages[*]}"
  install_packages
  local total=$((SECONDS - start))
  say "cold root: debootstrap ${debootstrap_seconds} s, apt $((total - debootstrap_seconds)) s, total ${total} s"
  printf '%s\n' "${packages[@]}" > "$stamp"    # written last: only a complete root has it
}

if [ ! -f "$stamp" ]; then
  build_root
elif [ "$(printf '%s\n' "${packages[@]}")" != "$(cat "$stamp")" ]; then
  say "the package list changed: installing into the existing root"
  need_network
  rm -f "$stamp"
  install_packages
  printf '%s\n' "${packages[@]}" > "$stamp"
fi

# -- the checkout inside the root, and the run -----------------------------------------------------------
mkdir -p "$root/proc" "$root/sys" "$root/dev" "$root$here" "$root_build"
mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys"
mount --rbind /dev "$root/dev"
mount --bind "$here" "$root$here"
# Inside, build/ is the root's own: Debian 12's plugin link and profile stay untouched, and the root does
# not see itself.
mount --bind "$root_build" "$root$here/build"
# Debian 12's virtualenv (Python 3.11, numpy 1) must never reach Python 3.13: hide a .venv folder, and
# scripts/qgis_process.sh is told not to use one (TUOLI_GW_NO_VENV).
if [ -d "$here/.venv" ] && [ ! -L "$here/.venv" ]; then mount -t tmpfs -o size=1m,mode=0755 tmpfs "$root$here/.venv"; fi

# Inside the root: the system python3 and QGIS, headless; pytest's QGIS profile is a throwaway one
# (tests/conftest.py), qgis_process uses build/qgis-profile (the root's own).
runner='set -euo pipefail
cd "$1"; shift
mkdir -p -m 0700 "$XDG_RUNTIME_DIR"
mkdir -p build/plugins build/qgis-profile
# The plugin folder as make builds it: assembled by scripts/tools/assemble_plugin.py where the tree has it
# (the layout on main), else a link to the package; the same for where build_translations.sh lives.
if [ -f scripts/tools/assemble_plugin.py ]; then
  python3 scripts/tools/assemble_plugin.py build/plugins >/dev/null
else
  ln -sfn "$PWD/tuoli_gw_plugin" build/plugins/tuoli_gw_plugin
fi
# qgis_process refuses to enable an enabled plugin (exit 1): look first, as the Makefile does.
grep -qs "^tuoli_gw_plugin=true" build/qgis-profile/profiles/default/QGIS/QGIS3.ini ||
  QGIS_CUSTOM_CONFIG_PATH="$PWD/build/qgis-profile" scripts/qgis_process.sh plugins enable tuoli_gw_plugin >/dev/null
if [ -f scripts/docs/build_translations.sh ]; then bash scripts/docs/build_translations.sh; else bash scripts/build_translations.sh; fi
python3 - <<EOF
import sys
leaked = [entry for entry in sys.path if ".venv" in entry]
assert not leaked, f"a virtualenv leaked into the Debian 13 run: {leaked}"
EOF
{
  echo "Debian $(cat /etc/debian_version) ($(. /etc/os-release; echo "$VERSION_CODENAME"))"
  echo "QGIS $(dpkg-query -W -f="\${Version}" qgis) (qgis_process: $(scripts/qgis_process.sh --version 2>/dev/null | grep -m1 "^QGIS" || true))"
  python3 -c "import sys, numpy, shapely, geopandas, pyproj, rasterio, pyogrio, matplotlib, osgeo.gdal as gdal
print(\"Python\", sys.version.split()[0], \"numpy\", numpy.__version__, \"shapely\", shapely.__version__,
      \"geopandas\", geopandas.__version__, \"pyproj\", pyproj.__version__, \"rasterio\", rasterio.__version__,
      \"pyogrio\", pyogrio.__version__, \"matplotlib\", matplotlib.__version__, \"GDAL\", gdal.__version__)"
} | tee build/versions.txt
[ $# -gt 0 ] || set -- tests
python3 -m pytest -q -rs "$@"'

say "running the suite on Debian 13 (root $root)"
start=$SECONDS
set +e
chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 PATH=/usr/sbin:/usr/bin:/sbin:/bin \
  QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp/runtime-root TUOLI_GW_NO_VENV=1 PYTHONDONTWRITEBYTECODE=1 \
  /bin/bash -c "$runner" runner "$here" "$@"
status=$?
set -e
say "suite on QGIS 3.40 (Debian 13) finished in $((SECONDS - start)) s, exit status $status"
exit "$status"
