#!/usr/bin/env bash
# Link the assembled plugin folder (build/plugins/tuoli_gw_plugin, links to this working tree's sources)
# into a QGIS profile's plugin folder for development, and enable it: edits are live after a plugin reload.
# QGIS_PROFILE_DIR overrides the target (default: the user's default profile).
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
profile="${QGIS_PROFILE_DIR:-$HOME/.local/share/QGIS/QGIS3/profiles/default}"
python3 "$here/scripts/tools/assemble_plugin.py" "$here/build/plugins" >/dev/null
assembled="$here/build/plugins/tuoli_gw_plugin"
mkdir -p "$profile/python/plugins"
ln -sfn "$assembled" "$profile/python/plugins/tuoli_gw_plugin"
ini="$profile/QGIS/QGIS3.ini"
mkdir -p "$(dirname "$ini")"
if ! grep -qs '^tuoli_gw_plugin=true' "$ini"; then
  if grep -qs '^\[PythonPlugins\]' "$ini"; then
    sed -i 's/^\[PythonPlugins\]$/[PythonPlugins]\ntuoli_gw_plugin=true/' "$ini"
  else
    printf '\n[PythonPlugins]\ntuoli_gw_plugin=true\n' >> "$ini"
  fi
fi
echo "Linked $profile/python/plugins/tuoli_gw_plugin -> $assembled (enabled)."
echo "QGIS's Python also needs the packages in requirements.txt: each algorithm names what is missing and the command (docs/install.md)."
