"""Build the installable plugin zip: one top folder ``tuoli_gw_plugin/`` with all QGIS needs.

The zip holds the entries of ``assemble_plugin.plugin_contents()`` (the same list ``make`` assembles
into ``build/plugins/tuoli_gw_plugin/``), stored as real files, so Plugins ▸ Install from ZIP gets one
self-contained folder.
"""

from __future__ import annotations

import os
import sys
import zipfile
from pathlib import Path

from assemble_plugin import NOT_PLUGIN, PLUGIN_NAME, REPO, plugin_contents

SKIP_SUFFIXES = {".pyc", ".pyo", ".ts"}  # .ts translation sources ship compiled as .qm
REQUIRED = ("metadata.txt", "LICENSE", "__init__.py", "requirements.txt", "resources/rules/toli_rules.json")


def walk_order(name: str) -> tuple:
    """Sort key giving the order a walk of the plugin folder gives: a folder's files, then its sub-folders."""
    *folders, file_name = name.split("/")
    return (*((1, folder) for folder in folders), (0, file_name))


def plugin_files(repo: Path = REPO) -> list[tuple[Path, str]]:
    """(file on disk, name in the zip) for every file to ship."""
    files = []
    for entry, source in plugin_contents(repo).items():
        if source.is_file():
            if source.suffix not in SKIP_SUFFIXES:
                files.append((source, f"{PLUGIN_NAME}/{entry}"))
            continue
        for root, dirs, names in os.walk(source, followlinks=True):
            dirs[:] = sorted(d for d in dirs if d not in NOT_PLUGIN)
            for name in sorted(names):
                path = Path(root) / name
                if path.suffix in SKIP_SUFFIXES:
                    continue
                relative = (Path(entry) / path.relative_to(source)).as_posix()
                files.append((path, f"{PLUGIN_NAME}/{relative}"))
    return sorted(files, key=lambda item: walk_order(item[1]))


def build(zip_path: Path) -> Path:
    files = plugin_files()
    names = {name for _, name in files}
    missing = [r for r in REQUIRED if f"{PLUGIN_NAME}/{r}" not in names]
    if missing:
        sys.exit(f"Cannot package: missing {', '.join(missing)} in the plugin's sources under {REPO}")
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
