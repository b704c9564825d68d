#!/usr/bin/env bash
# Compile the Qt translation sources resources/i18n/*.ts into .qm files (only those out of date).
set -euo pipefail
cd "$(dirname "$0")/../.."
lrelease="$(command -v lrelease || true)"
[ -n "$lrelease" ] || lrelease=/usr/lib/qt5/bin/lrelease
shopt -s nullglob
for ts in resources/i18n/*.ts; do
  qm="${ts%.ts}.qm"
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
    "$lrelease" -silent "$ts" -qm "$qm"
  fi
done
