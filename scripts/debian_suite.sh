#!/usr/bin/env bash
# The whole test suite (and with --demo the demo) on another Debian's QGIS, with that Debian's own packages: a root
# under build/ made with debootstrap, QGIS and every engine package from Debian (nothing compiled, no virtualenv),
# this checkout bind-mounted, so uncommitted edits are tested too.
#
#   sudo bash scripts/debian_suite.sh trixie [--demo] [pytest arguments, default: tests]   QGIS 3.40 LTR (make test-qgis340)
#   sudo bash scripts/debian_suite.sh sid [--demo] [pytest arguments]                      QGIS 3.44 LTR (make test-qgis344)
#
# The root is reused once complete (a stamp written last marks it; a changed package list installs the
# difference); a half-finished one is rebuilt. Cold (debootstrap + apt) takes a few minutes and needs Debian's
# mirror; a warm run needs no network. Debian 13's own newcomer path (make demo, make test in a fresh clone, with
# the setup's virtualenv) is scripts/debian_newcomer.sh.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
suite="${1:-}"
case "$suite" in
  trixie) qgis=3.40 ;;
  sid) qgis=3.44 ;;
  *) echo "usage: debian_suite.sh trixie|sid [--demo] [pytest arguments]" >&2; exit 2 ;;
esac
name="debian_suite($suite)"
root="${TUOLI_GW_DEBIAN_ROOT:-$here/build/debian-$suite-root}"
. "$here/scripts/debian_root.sh"
enter_namespace "$@"
shift
demo=""
if [ "${1:-}" = "--demo" ]; then demo=1; shift; fi

# The root's own build folder (plugin folder, qgis_process profile, demo outputs), kept apart from this machine's.
root_build="$here/build/debian-$suite-build"
stamp="$root/.tuoli_gw_root_complete"
# What Debian 13's setup installs (scripts/setup_system.sh), plus git for the packaging tests.
mapfile -t packages < <(TUOLI_GW_PLATFORM=debian13 bash "$here/scripts/setup_system.sh" --list)
packages+=(git)

if [ ! -f "$stamp" ]; then
  build_root "${packages[@]}"
  printf '%s\n' "${packages[@]}" > "$stamp"    # written last: only a complete root has it
elif [ "$(printf '%s\n' "${packages[@]}")" != "$(cat "$stamp")" ]; then
  say "the package list changed: installing into the existing root"
  need_network
  rm -f "$stamp"
  install_into_root "${packages[@]}"
  printf '%s\n' "${packages[@]}" > "$stamp"
fi

# -- the checkout inside the root, and the run -----------------------------------------------------------
mkdir -p "$root$here" "$root_build/out" "$here/out"
mount_system
mount --bind "$here" "$root$here"
# A git worktree's repository lives elsewhere (its .git is a file naming it): visible inside too, for the git tests.
common="$(git -C "$here" rev-parse --path-format=absolute --git-common-dir 2>/dev/null || true)"
if [ -n "$common" ] && [ -d "$common" ] && [ "$common" != "$here/.git" ]; then
  mkdir -p "$root$common"
  mount --bind "$common" "$root$common"
fi
# Inside, build/ and out/ are the root's own: this machine's plugin folder, profile and demo outputs stay
# untouched, and the root does not see itself.
mount --bind "$root_build" "$root$here/build"
mount --bind "$root_build/out" "$root$here/out"
# This machine's virtualenv (another Python) must never reach the root's: hide a .venv folder, and
# scripts/qgis_process.sh is told not to use one (TUOLI_GW_NO_VENV).
if [ -d "$here/.venv" ] && [ ! -L "$here/.venv" ]; then mount -t tmpfs -o size=1m,mode=0755 tmpfs "$root$here/.venv"; fi

# Inside the root: the system python3 and QGIS, headless; pytest's QGIS profile is a throwaway one
# (tests/conftest.py), qgis_process uses build/qgis-profile (the root's own).
runner='set -euo pipefail
cd "$1"; demo="$2"; shift 2
mkdir -p -m 0700 "$XDG_RUNTIME_DIR"
mkdir -p build/plugins build/qgis-profile
python3 scripts/tools/assemble_plugin.py build/plugins >/dev/null
# qgis_process refuses to enable an enabled plugin (exit 1): look first, as the Makefile does.
grep -qs "^tuoli_gw_plugin=true" build/qgis-profile/profiles/default/QGIS/QGIS3.ini ||
  QGIS_CUSTOM_CONFIG_PATH="$PWD/build/qgis-profile" scripts/qgis_process.sh plugins enable tuoli_gw_plugin >/dev/null
bash scripts/docs/build_translations.sh
python3 - <<EOF
import sys
leaked = [entry for entry in sys.path if ".venv" in entry]
assert not leaked, f"a virtualenv leaked into the Debian root run: {leaked}"
EOF
python3 scripts/tools/report_versions.py | tee build/versions.txt
status=0
if [ -n "$demo" ]; then
  start=$SECONDS
  python3 scripts/tools/run_demo.py > build/demo.log 2>&1 || status=$?
  echo "demo: exit $status in $((SECONDS - start)) s ($(grep -c "^  out/" build/demo.log || true) files under out/; log build/demo.log)"
  [ "$status" -eq 0 ] || tail -n 30 build/demo.log
fi
[ $# -gt 0 ] || set -- tests
python3 -m pytest -q -rs "$@" || status=$?
exit "$status"'

say "running the suite on QGIS $qgis (Debian $suite, root $root)"
start=$SECONDS
set +e
chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 PATH=/usr/sbin:/usr/bin:/sbin:/bin \
  QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp/runtime-root TUOLI_GW_NO_VENV=1 PYTHONDONTWRITEBYTECODE=1 \
  /bin/bash -c "$runner" runner "$here" "$demo" "$@"
status=$?
set -e
say "QGIS $qgis (Debian $suite) finished in $((SECONDS - start)) s, exit status $status"
exit "$status"
