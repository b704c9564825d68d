#!/usr/bin/env bash
# Make the virtualenv QGIS and the tests share: /usr/bin/python3 with --system-site-packages (so QGIS's bindings and
# Debian's packages are visible), plus, at exact versions, what the system does not bring. Per platform
# (scripts/platform.sh):
#
# debian12 (Debian's shapely is 1.8): the engine's packages at the versions of scripts/constraints/lock-debian12.txt.
#   shapely, pyproj, rasterio and pyogrio are compiled against Debian's GEOS, PROJ and GDAL instead of taken as pip
#   wheels: the wheels bundle their own copies of those libraries, and next to QGIS's copies in one process
#   (qgis_process, QGIS desktop) they clash — shapely.to_wkb fails, and the process crashes at exit after every
#   algorithm. Built on the system libraries there is one copy of each.
#   Reproducible from nothing: pip is pinned; the build tools (Cython, setuptools, numpy…) are pinned and installed
#   into the virtualenv first, and the four packages are built with --no-build-isolation, so their builds see exactly
#   those versions (pip's isolated build environments ignore PIP_CONSTRAINT in recent pips and would fetch the newest
#   Cython); every other package comes as a wheel (--only-binary) at its locked version.
#
# debian13: every engine package is Debian's (setup_system.sh installs python3-geopandas, -shapely, ...), built on
#   the libraries QGIS uses; nothing is compiled. The virtualenv adds only what Debian lacks (ruff, dask-geopandas
#   and the dask stack, pyarrow, exactextract): exactly the wheels of scripts/constraints/lock-debian13.txt, with
#   --no-deps so pip never replaces a Debian package. Then pip proves, without the network, that every requirement
#   of requirements*.txt is met by Debian's packages and the lock together.
#
# No step depends on a cache: CI runs this with PIP_NO_CACHE_DIR=1.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
. "$here/scripts/platform.sh"
venv="$here/.venv"
constraints="$here/scripts/constraints"
platform="$(tuoli_platform)"
case "$platform" in
  debian12) marker="$venv/.built-with-locked-tools" ;;  # the name older setups wrote: their virtualenvs stay
  debian13) marker="$venv/.built-on-debian-packages" ;;
  *) tuoli_platform_unknown; exit 1 ;;
esac

# A virtualenv left by another setup (another platform, wheels of the geo packages, unpinned tools) is rebuilt.
if [ -d "$venv" ] && [ ! -f "$marker" ]; then
  echo "Rebuilding $venv: it was not built by this setup for $platform."
  rm -rf "$venv"
fi
started=$SECONDS
[ -x "$venv/bin/python" ] || /usr/bin/python3 -m venv --system-site-packages "$venv"
pip=("$venv/bin/python" -m pip --disable-pip-version-check -q)

install_debian12() {
  local lock="$constraints/lock-debian12.txt" build="$constraints/build-debian12.txt" compiled="shapely,pyproj,rasterio,pyogrio"
  for tool in geos-config gdal-config pkg-config proj; do
    command -v "$tool" >/dev/null || { echo "setup_venv: '$tool' not found: run 'make system' (or bash scripts/setup_system.sh) as root first." >&2; exit 1; }
  done
  "${pip[@]}" install "$(grep -E '^pip==' "$build")"
  echo "Build tools: $(grep -Ev '^(#|pip==|$)' "$build" | tr '\n' ' ')"
  "${pip[@]}" install --only-binary=:all: -c "$lock" -r <(grep -Ev '^pip==' "$build")
  echo "Compiling $compiled against the system GEOS/PROJ/GDAL when not built yet (about 4 minutes on 2 cores)."
  "${pip[@]}" install --no-build-isolation --only-binary=:all: --no-binary="$compiled" -c "$lock" \
    -r "$here/requirements.txt" -r "$here/requirements-dev.txt"
}

install_debian13() {
  local lock="$constraints/lock-debian13.txt"
  echo "Engine packages: Debian's. From pip (what Debian 13 lacks): $(grep -Ec '^[^#]' "$lock") wheels of $(basename "$lock")."
  "${pip[@]}" install --no-deps --only-binary=:all: -r "$lock"
  # Every requirement met by Debian's packages and the lock, checked offline: a requirement added to
  # requirements*.txt without a Debian package or a pin must stop the setup here, not skip tests later.
  if ! unmet="$("${pip[@]}" install --no-index --no-deps --dry-run -r "$here/requirements.txt" -r "$here/requirements-dev.txt" 2>&1)"; then
    echo "setup_venv: on Debian 13 a requirement is met neither by a Debian package (scripts/setup_system.sh) nor by" >&2
    echo "$lock; regenerate the lock as docs/install.md says. pip said: $unmet" >&2
    exit 1
  fi
  if ! checked="$("$venv/bin/python" -m pip --disable-pip-version-check check 2>&1)"; then
    echo "setup_venv: the pinned wheels do not fit Debian's packages; regenerate $lock as docs/install.md says. pip check: $checked" >&2
    exit 1
  fi
}

"install_$platform"
echo "Python packages installed in $((SECONDS - started)) s."
touch "$marker"

# Each geo package really uses the system library, a CRS round trip, a GeoPackage and a GeoTIFF round trip.
"$venv/bin/python" "$here/scripts/doctor.py" --python-only
