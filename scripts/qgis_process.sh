#!/usr/bin/env bash
# Run qgis_process with this working tree's plugin and the project's virtualenv, headless.
# Debian's /usr/bin/qgis_process wrapper passes --noversioncheck and fails, so call the binary.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# TUOLI_GW_NO_VENV=1 runs with QGIS's own Python packages only (to see what a user without them sees).
# Only an existing folder: a .venv link whose target is absent (the Debian 13 root) adds nothing.
if [ -z "${TUOLI_GW_NO_VENV:-}" ]; then
  venv_site="$(echo "$here"/.venv/lib/python3*/site-packages)"
  if [ -d "$venv_site" ]; then export PYTHONPATH="$venv_site${PYTHONPATH:+:$PYTHONPATH}"; fi
fi
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
export QGIS_CUSTOM_CONFIG_PATH="${QGIS_CUSTOM_CONFIG_PATH:-$here/build/qgis-profile}"
# TUOLI_GW_PLUGINPATH replaces the working tree's plugin folder (the package test installs the zip there).
export QGIS_PLUGINPATH="${TUOLI_GW_PLUGINPATH:-$here/build/plugins}${QGIS_PLUGINPATH:+:$QGIS_PLUGINPATH}"
binary="$(command -v qgis_process.bin || command -v qgis_process)"
exec "$binary" "$@"
