#!/usr/bin/env bash
# Run qgis_process with this working tree's plugin and the project's virtualenv, headless.
# Debian's /usr/bin/qgis_process wrapper passes --noversioncheck and fails, so call the binary.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv_site="$(echo "$here"/.venv/lib/python3*/site-packages)"
export PYTHONPATH="$venv_site${PYTHONPATH:+:$PYTHONPATH}"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
export QGIS_CUSTOM_CONFIG_PATH="${QGIS_CUSTOM_CONFIG_PATH:-$here/build/qgis-profile}"
export QGIS_PLUGINPATH="$here/build/plugins${QGIS_PLUGINPATH:+:$QGIS_PLUGINPATH}"
binary="$(command -v qgis_process.bin || command -v qgis_process)"
exec "$binary" "$@"
