#!/usr/bin/env bash
# Install the Debian packages the plugin needs (QGIS and friends) when they are missing, for this platform
# (scripts/platform.sh). Idempotent and quick when everything is there; a clear message instead of a failure otherwise.
set -euo pipefail
here="${BASH_SOURCE[0]%/*}"            # no dirname: this must run on a PATH without coreutils too
[ "$here" != "${BASH_SOURCE[0]}" ] || here=.
. "$here/platform.sh"

# QGIS, and what the tests and the demo call: Xvfb, CJK fonts for the PDFs, pdftotext, Qt's lrelease.
common=(qgis python3-qgis qgis-providers python3-venv xvfb xauth fonts-noto-cjk poppler-utils qttools5-dev-tools)
platform="$(tuoli_platform)"
case "$platform" in
  # Debian 12: the engine's geo packages are compiled into .venv against the GDAL/GEOS/PROJ QGIS uses (see
  # setup_venv.sh for why), so their development files and a compiler; matplotlib and scipy are Debian's.
  debian12) packages=("${common[@]}" python3-matplotlib python3-scipy python3-dev g++ libgdal-dev libgeos-dev libproj-dev proj-bin pkg-config) ;;
  # Debian 13: every engine and test package prebuilt by Debian on QGIS's own libraries; nothing is compiled. proj-bin:
  # pyproj in a virtualenv finds PROJ's data through the `proj` command. (Debian's dask 2024.12 cannot run
  # dask-geopandas without the dask-expr Debian lacks: the dask stack comes from pip, scripts/constraints/lock-debian13.txt.)
  debian13) packages=("${common[@]}" python3-numpy python3-shapely python3-pyproj python3-geopandas python3-pyogrio python3-rasterio
                      python3-matplotlib python3-scipy python3-pytest python3-hypothesis proj-bin) ;;
  *) packages=() ;;
esac
# TUOLI_GW_SYSTEM_PACKAGES replaces the list (the tests use it to see the messages of a bad setup).
if [ -n "${TUOLI_GW_SYSTEM_PACKAGES:-}" ]; then read -r -a packages <<< "$TUOLI_GW_SYSTEM_PACKAGES"; fi
if [ ${#packages[@]} -eq 0 ]; then
  tuoli_platform_unknown
  exit 1
fi
# --list: the packages this platform needs, one a line, and nothing else.
if [ "${1:-}" = "--list" ]; then printf '%s\n' "${packages[@]}"; exit 0; fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done 2>/dev/null
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
  tuoli_platform_unknown "${missing[*]} (there is no apt-get here)"
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo)
else
  echo "These system packages are missing and installing them needs root: ${missing[*]}" >&2
  echo "Run as root, or: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "Installing system packages: ${missing[*]}"
started=$SECONDS
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "System packages installed in $((SECONDS - started)) s."
