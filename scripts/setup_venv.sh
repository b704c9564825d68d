#!/usr/bin/env bash
# Make the virtualenv QGIS and the tests share: /usr/bin/python3 with --system-site-packages (so QGIS's
# bindings are visible), plus the engine's packages.
#
# shapely, pyproj, rasterio and pyogrio are compiled against Debian's GEOS, PROJ and GDAL instead of
# taken as pip wheels: the wheels bundle their own copies of those libraries, and next to QGIS's copies
# in one process (qgis_process, QGIS desktop) they clash — shapely.to_wkb fails, and the process crashes
# at exit after every algorithm. Built on the system libraries there is one copy of each.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
venv="$here/.venv"
marker="$venv/.built-on-system-libs"

if [ -d "$venv" ] && [ ! -f "$marker" ]; then
  echo "Rebuilding $venv: its geo packages were not built on the system libraries."
  rm -rf "$venv"
fi
[ -x "$venv/bin/python" ] || /usr/bin/python3 -m venv --system-site-packages "$venv"
pip=("$venv/bin/python" -m pip --disable-pip-version-check -q)
"${pip[@]}" install --upgrade pip wheel
if [ ! -f "$marker" ]; then
  echo "Compiling shapely, pyproj, rasterio and pyogrio against the system GEOS/PROJ/GDAL (a few minutes, once)."
  PIP_CONSTRAINT="$here/scripts/constraints/pyproj-build.txt" "${pip[@]}" install --no-binary pyproj 'numpy<2' 'pyproj>=3.5,<3.7'
  "${pip[@]}" install --no-binary shapely,rasterio,pyogrio 'numpy<2' 'shapely>=2' 'rasterio>=1.3' 'pyogrio>=0.7'
fi
"${pip[@]}" install --no-binary shapely,rasterio,pyogrio,pyproj -r "$here/requirements.txt" -r "$here/requirements-dev.txt"

# Check that each package really uses the system library (a wheel slipping in would bring the crash back).
"$venv/bin/python" - "$(geos-config --version)" "$(pkg-config --modversion proj)" "$(gdal-config --version)" <<'PY'
import sys
import pyogrio, pyproj, rasterio, shapely
geos, proj, gdal = sys.argv[1:4]
found = {
    "shapely/GEOS": (".".join(map(str, shapely.geos_version)), geos),
    "pyproj/PROJ": (pyproj.proj_version_str, proj),
    "rasterio/GDAL": (rasterio.__gdal_version__, gdal),
    "pyogrio/GDAL": (pyogrio.__gdal_version_string__, gdal),
}
wrong = {k: v for k, v in found.items() if v[0] != v[1]}
if wrong:
    sys.exit(f"These packages do not use the system libraries (found, system): {wrong}. Remove .venv and run make again.")
PY
touch "$marker"
