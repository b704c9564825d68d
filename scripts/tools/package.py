"""Build the installable plugin zip: one top folder ``tuoli_gw_plugin/`` with all QGIS needs.

The working tree's plugin folder links to the top-level ``processing_algs/``, ``resources/``,
``sample_layers/``, ``metadata.txt`` and ``LICENSE``; the zip stores their real contents, so
Plugins ▸ Install from ZIP gets one self-contained folder.
"""

from __future__ import annotations

import os
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PLUGIN_NAME = "tuoli_gw_plugin"
SKIP_DIRS = {"__pycache__", ".pytest_cache", ".hypothesis"}
SKIP_SUFFIXES = {".pyc", ".pyo", ".ts"}  # .ts translation sources ship compiled as .qm
REQUIRED = ("metadata.txt", "LICENSE", "__init__.py", "requirements.txt", "resources/rules/toli_rules.json")


def plugin_files(plugin_dir: Path) -> list[tuple[Path, str]]:
    """(file on disk, name in the zip) for every file to ship, following the folder's links."""
    files = []
    for root, dirs, names in os.walk(plugin_dir, followlinks=True):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
        for name in sorted(names):
            path = Path(root) / name
            if path.suffix in SKIP_SUFFIXES:
                continue
            relative = path.relative_to(plugin_dir).as_posix()
            files.append((path, f"{PLUGIN_NAME}/{relative}"))
    return files


def build(zip_path: Path) -> Path:
    plugin_dir = REPO / PLUGIN_NAME
    files = plugin_files(plugin_dir)
    names = {name for _, name in files}
    missing = [r for r in REQUIRED if f"{PLUGIN_NAME}/{r}" not in names]
    if missing:
        sys.exit(f"Cannot package: missing {', '.join(missing)} in {plugin_dir}")
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    partial = zip_path.with_suffix(".zip.partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path, name in files:
            archive.write(path, name)
    partial.replace(zip_path)  # never leave a half-written zip that looks complete
    size_mb = zip_path.stat().st_size / 1e6
    print(f"wrote {zip_path} ({len(files)} files, {size_mb:.1f} MB)")
    return zip_path


if __name__ == "__main__":
    build(REPO / sys.argv[1] if len(sys.argv) > 1 else REPO / "dist" / f"{PLUGIN_NAME}.zip")
