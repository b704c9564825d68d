#!/usr/bin/env bash
# Link this working tree into a QGIS profile's plugin folder for development, and enable it.
# QGIS_PROFILE_DIR overrides the target (default: the user's default profile).
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
profile="${QGIS_PROFILE_DIR:-$HOME/.local/share/QGIS/QGIS3/profiles/default}"
mkdir -p "$profile/python/plugins"
ln -sfn "$here/tuoli_gw_plugin" "$profile/python/plugins/tuoli_gw_plugin"
ini="$profile/QGIS/QGIS3.ini"
mkdir -p "$(dirname "$ini")"
if ! grep -qs '^tuoli_gw_plugin=true' "$ini"; then
  if grep -qs '^\[PythonPlugins\]' "$ini"; then
    sed -i 's/^\[PythonPlugins\]$/[PythonPlugins]\ntuoli_gw_plugin=true/' "$ini"
  else
    printf '\n[PythonPlugins]\ntuoli_gw_plugin=true\n' >> "$ini"
  fi
fi
echo "Linked $profile/python/plugins/tuoli_gw_plugin -> $here/tuoli_gw_plugin (enabled)."
echo "QGIS's Python also needs the packages in requirements.txt (the qpip plugin, or pip install --user)."
