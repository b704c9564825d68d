#!/usr/bin/env bash
# Make the virtualenv QGIS and the tests share: /usr/bin/python3 with --system-site-packages (so QGIS's
# bindings are visible), plus the engine's packages at the exact versions of scripts/constraints/lock-debian12.txt.
#
# shapely, pyproj, rasterio and pyogrio are compiled against Debian's GEOS, PROJ and GDAL instead of
# taken as pip wheels: the wheels bundle their own copies of those libraries, and next to QGIS's copies
# in one process (qgis_process, QGIS desktop) they clash — shapely.to_wkb fails, and the process crashes
# at exit after every algorithm. Built on the system libraries there is one copy of each.
#
# Reproducible from nothing: pip is pinned; the build tools (Cython, setuptools, numpy…) are pinned and installed
# into the virtualenv first, and the four packages are built with --no-build-isolation, so their builds see exactly
# those versions (pip's isolated build environments ignore PIP_CONSTRAINT in recent pips and would fetch the newest
# Cython); every other package comes as a wheel (--only-binary) at its locked version. No step depends on a cache:
# CI runs this with PIP_NO_CACHE_DIR=1.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
venv="$here/.venv"
constraints="$here/scripts/constraints"
lock="$constraints/lock-debian12.txt"
build="$constraints/build-debian12.txt"
compiled="shapely,pyproj,rasterio,pyogrio"

# A virtualenv left by an older setup (geo packages from wheels, or built with unpinned tools) is rebuilt.
marker="$venv/.built-with-locked-tools"
if [ -d "$venv" ] && [ ! -f "$marker" ]; then
  echo "Rebuilding $venv: it was not built by this setup (locked build tools, system GEOS/PROJ/GDAL)."
  rm -rf "$venv"
fi
for tool in geos-config gdal-config pkg-config proj; do
  command -v "$tool" >/dev/null || { echo "setup_venv: '$tool' not found: run 'make system' (or bash scripts/setup_system.sh) as root first." >&2; exit 1; }
done

started=$SECONDS
[ -x "$venv/bin/python" ] || /usr/bin/python3 -m venv --system-site-packages "$venv"
pip=("$venv/bin/python" -m pip --disable-pip-version-check -q)
"${pip[@]}" install "$(grep -E '^pip==' "$build")"
echo "Build tools: $(grep -Ev '^(#|pip==|$)' "$build" | tr '\n' ' ')"
"${pip[@]}" install --only-binary=:all: -c "$lock" -r <(grep -Ev '^pip==' "$build")
echo "Compiling $compiled against the system GEOS/PROJ/GDAL when not built yet (about 4 minutes on 2 cores)."
"${pip[@]}" install --no-build-isolation --only-binary=:all: --no-binary="$compiled" -c "$lock" \
  -r "$here/requirements.txt" -r "$here/requirements-dev.txt"
echo "Python packages installed in $((SECONDS - started)) s."
touch "$marker"

# Each compiled package really uses the system library, a CRS round trip, a GeoPackage and a GeoTIFF round trip.
"$venv/bin/python" "$here/scripts/doctor.py" --python-only
