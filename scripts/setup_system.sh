#!/usr/bin/env bash
# Install the Debian/Ubuntu packages the plugin needs (QGIS and friends) when they are missing.
# Idempotent and quick when everything is there; a clear message instead of a failure otherwise.
set -euo pipefail

# libgdal-dev, libgeos-dev, libproj-dev, python3-dev, g++: the engine's geo packages are compiled against
# the same GDAL/GEOS/PROJ that QGIS uses (see setup_venv.sh for why).
packages=(qgis python3-qgis qgis-providers python3-matplotlib python3-scipy python3-venv python3-dev g++ libgdal-dev libgeos-dev libproj-dev proj-bin pkg-config
          xvfb xauth fonts-noto-cjk poppler-utils qttools5-dev-tools)
# TUOLI_GW_SYSTEM_PACKAGES replaces the list (the tests use it to see the messages of a bad setup).
if [ -n "${TUOLI_GW_SYSTEM_PACKAGES:-}" ]; then read -r -a packages <<< "$TUOLI_GW_SYSTEM_PACKAGES"; fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done 2>/dev/null
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
  echo "This setup knows Debian and Ubuntu (apt-get) only. Install by hand: QGIS >= 3.22 with its" >&2
  echo "Python bindings and providers, python3-venv and -dev, a C++ compiler, GDAL/GEOS/PROJ development files," >&2
  echo "Xvfb, Noto CJK fonts, poppler-utils, Qt5 lrelease;" >&2
  echo "then run make again. Missing here: ${missing[*]}" >&2
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
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
