#!/usr/bin/env bash
# Start QGIS desktop under Xvfb with this tree's plugin, open the sample project, click a site with
# the "Check well site" tool and save a screenshot to docs/ (see desktop_screenshot.py).
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
profile_root="$(mktemp -d)"
trap 'rm -rf "$profile_root"' EXIT
mkdir -p "$profile_root/profiles/default/QGIS"
printf '[PythonPlugins]\ntuoli_gw_plugin=true\n\n[qgis]\nshowTips322=false\ncheckVersion=false\n' \
  > "$profile_root/profiles/default/QGIS/QGIS3.ini"
# TUOLI_GW_LOCALE=zh-Hans: a Chinese profile (QGIS names its own translation zh-Hans; the plugin accepts any zh_*).
if [ -n "${TUOLI_GW_LOCALE:-}" ]; then
  printf '\n[locale]\noverrideFlag=true\nuserLocale=%s\n' "$TUOLI_GW_LOCALE" >> "$profile_root/profiles/default/QGIS/QGIS3.ini"
fi
venv_site="$(echo "$here"/.venv/lib/python3*/site-packages)"
export PYTHONPATH="$venv_site" QGIS_PLUGINPATH="$here/build/plugins" TUOLI_GW_REPO="$here"
unset QT_QPA_PLATFORM
timeout ${SCREENSHOT_TIMEOUT:-180} xvfb-run -a -s "-screen 0 1600x1000x24" \
  qgis --nologo --noversioncheck --profiles-path "$profile_root" --code "$here/scripts/docs/desktop_screenshot.py"
