# Which of the platforms this setup was proved on is this machine (sourced by setup_system.sh and setup_venv.sh).
#
#   debian12  Debian 12 bookworm: QGIS 3.22, Python 3.11. Debian's python3-shapely & co are too old (shapely 1.8),
#             so the engine's packages are compiled into .venv against Debian's GEOS/PROJ/GDAL
#             (scripts/constraints/lock-debian12.txt, build-debian12.txt).
#   debian13  Debian 13 trixie: QGIS 3.40, Python 3.13. Every engine package comes from Debian (python3-geopandas,
#             -shapely, -pyproj, -rasterio, ...; nothing compiled); .venv adds only what Debian lacks, at the
#             versions of scripts/constraints/lock-debian13.txt.
#
# TUOLI_GW_PLATFORM=debian12|debian13 picks one by hand on a close relative (an Ubuntu, a Debian derivative): unproved.
# Anything else: tuoli_platform_unknown prints what to install by hand.

tuoli_platform() {
  if [ -n "${TUOLI_GW_PLATFORM:-}" ]; then
    echo "$TUOLI_GW_PLATFORM"
    return
  fi
  local id="" version_id=""
  if [ -r /etc/os-release ]; then
    id="$(. /etc/os-release && echo "${ID:-}")"
    version_id="$(. /etc/os-release && echo "${VERSION_ID:-}")"
  fi
  case "$id:$version_id" in
    debian:12) echo debian12 ;;
    debian:13) echo debian13 ;;
    *) echo unknown ;;
  esac
}

tuoli_platform_name() {
  if [ -r /etc/os-release ]; then (. /etc/os-release && echo "${PRETTY_NAME:-${ID:-an unknown system}}"); else uname -sr; fi
}

# What to install by hand where this setup does not know the system; $1 names what is missing, if known.
tuoli_platform_unknown() {
  {
    echo "This setup knows Debian 12 (bookworm) and Debian 13 (trixie); this machine is $(tuoli_platform_name)."
    echo "Install by hand, from your system's packages wherever it has them:"
    echo "  - QGIS >= 3.22 with its Python bindings and Processing providers (Debian: qgis python3-qgis qgis-providers);"
    echo "  - in QGIS's Python: numpy, shapely >= 2.0, pyproj >= 3.4, geopandas >= 0.14, pyogrio >= 0.7, rasterio >= 1.3,"
    echo "    matplotlib >= 3.5, scipy >= 1.10, built on the same GDAL/GEOS/PROJ as QGIS (your distribution's packages,"
    echo "    or pip --no-binary shapely,pyproj,rasterio,pyogrio: pip's wheels carry their own copies, which crash QGIS);"
    echo "  - for the tests: pytest, hypothesis, ruff; Xvfb, xauth, Noto CJK fonts, poppler-utils, Qt's lrelease;"
    echo "then, without a virtualenv: python3 scripts/tools/assemble_plugin.py build/plugins &&"
    echo "  TUOLI_GW_NO_VENV=1 scripts/qgis_process.sh plugins enable tuoli_gw_plugin && python3 -m pytest tests"
    echo "On a relative of Debian you may try the closer of the two: TUOLI_GW_PLATFORM=debian13 make demo (not proved there)."
    [ -z "${1:-}" ] || echo "Missing here: $1"
  } >&2
}
