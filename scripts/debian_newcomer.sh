#!/usr/bin/env bash
# A newcomer on Debian 13: a fresh Debian 13 (trixie) root made with debootstrap, holding only what a newcomer
# brings (git, make), a fresh `git clone` of this checkout's HEAD in root's home folder, and the README's two
# commands there, `make demo` then `make test`, with no pip cache and no step by hand. Then `make setup` once more
# (the warm setup). CI runs this (.ci/run); the root is rebuilt on every run.
#
#   sudo bash scripts/debian_newcomer.sh
#
# Prints how long each part took and the versions the suite ran on (also in build/debian-trixie-newcomer.txt).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
suite=trixie
name="debian_newcomer"
root="${TUOLI_GW_DEBIAN_ROOT:-$here/build/debian-$suite-newcomer}"
report="$root.txt"
. "$here/scripts/debian_root.sh"
enter_namespace "$@"

part() {  # part TITLE COMMAND...: run, time, and note it in the report
  local title="$1" start=$SECONDS status=0
  shift
  say "$title"
  "$@" || status=$?
  echo "$title: $((SECONDS - start)) s, exit $status" | tee -a "$report"
  return "$status"
}

: > "$report"
part "fresh Debian 13 root with git and make (debootstrap, apt)" build_root git make ca-certificates
# The newcomer's clone: HEAD of this checkout (committed work only).
[ -z "$(git -C "$here" status --porcelain --untracked-files=no)" ] || say "uncommitted changes here are not in the clone: it tests HEAD"
clone=/root/tuoli_gw_plugin
git clone -q --no-hardlinks "$here" "$root$clone"
say "cloned $(git -C "$root$clone" log -1 --format='%h %s' | cut -c1-100) into $clone (a folder only root can read)"
mount_system
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
trust="$(pip_trust_env)"

newcomer() {  # a login shell of the newcomer in the clone, no pip cache
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    TERM=dumb PIP_NO_CACHE_DIR=1 ${trust:+"$trust"} /bin/bash -c "cd $clone && $1"
}

part "make demo (cold: apt, virtualenv, plugin, doctor, then the demo)" newcomer "make demo"
part "make setup again (warm)" newcomer "make setup"
newcomer ".venv/bin/python scripts/tools/report_versions.py" | tee -a "$report"
status=0
part "make test" newcomer "make test" || status=$?
say "the outputs of the demo: $(find "$root$clone/out" -type f | wc -l) files under $clone/out"
cat "$report"
exit "$status"
