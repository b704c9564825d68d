"""Assemble the plugin folder QGIS loads, ``build/plugins/tuoli_gw_plugin/``, from the source tree.

The sources keep one folder per concern: the package ``tuoli_gw_plugin/`` (plugin, provider, GUI,
engine, bridge) beside ``processing_algs/``, ``resources/``, ``sample_layers/`` and ``metadata.txt``.
Nothing committed is a link (a Windows clone would get text files); instead this script makes the
plugin folder a real directory whose entries are links to the sources, as plugin build tools do, so
an edited source is live at once. Running it again is cheap and idempotent: a new entry of
``tuoli_gw_plugin/`` gets its link, a link whose source is gone is removed.

``plugin_contents()`` is the one list of what the plugin holds: ``scripts/tools/package.py`` zips
exactly these entries, ``make`` assembles them here, ``scripts/tools/install_dev.sh`` links the
assembled folder into a QGIS profile.

Run: ``python3 scripts/tools/assemble_plugin.py [PLUGINS_DIR]`` (default ``build/plugins``); standard
library only, so it runs before the virtualenv exists.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PLUGIN_NAME = "tuoli_gw_plugin"
# Every entry of the package folder goes into the plugin, plus these sources of the repository, by their name in
# the plugin: the top-level folders and files, and the algorithms' help pages (the Help button opens them offline).
PACKAGE_SOURCE = PLUGIN_NAME
SHARED_SOURCES = {
    "processing_algs": "processing_algs",
    "resources": "resources",
    "sample_layers": "sample_layers",
    "metadata.txt": "metadata.txt",
    "LICENSE": "LICENSE",
    "requirements.txt": "requirements.txt",
    "help": "docs/algorithms",
}
# Caches Python or the test tools leave in the package folder are not part of the plugin.
NOT_PLUGIN = {"__pycache__", ".pytest_cache", ".hypothesis"}
PLUGINS_DIR = REPO / "build" / "plugins"


def plugin_contents(repo: Path = REPO) -> dict[str, Path]:
    """Name inside the plugin folder -> its source in the repository, for every entry the plugin holds."""
    package = repo / PACKAGE_SOURCE
    contents = {path.name: path for path in package.iterdir() if path.name not in NOT_PLUGIN}
    for name, relative in SHARED_SOURCES.items():
        if name in contents:
            raise SystemExit(f"{package / name} would hide {relative}: remove one of them")
        source = repo / relative
        if not source.exists():
            raise SystemExit(f"Cannot assemble the plugin: {source} is missing")
        contents[name] = source
    return dict(sorted(contents.items()))


def assemble(plugins_dir: Path = PLUGINS_DIR, repo: Path = REPO) -> Path:
    """Make ``plugins_dir/tuoli_gw_plugin`` a real folder of links to ``plugin_contents()``; return it."""
    target = plugins_dir / PLUGIN_NAME
    if target.is_symlink():  # the layout before assembly linked the whole package folder here
        target.unlink()
    target.mkdir(parents=True, exist_ok=True)
    contents = plugin_contents(repo)
    wanted = {name: os.path.relpath(source, target) for name, source in contents.items()}
    for entry in list(os.scandir(target)):
        if entry.is_symlink() and os.readlink(entry.path) != wanted.get(entry.name):
            os.unlink(entry.path)  # its source is gone or moved
    for name, link_text in wanted.items():
        link = target / name
        if link.is_symlink():
            continue  # already right: wrong links were removed above
        if link.exists():
            raise SystemExit(f"{link} is a real file or folder, not a link to {contents[name]}: remove it and run again")
        # Relative links: the checkout can move without breaking the assembled folder.
        os.symlink(link_text, link, target_is_directory=contents[name].is_dir())
    return target


def import_assembled_plugin(plugins_dir: Path = PLUGINS_DIR) -> Path:
    """Assemble, and put the assembled folder first on sys.path: ``import tuoli_gw_plugin`` then loads
    the plugin as QGIS does, never the bare package folder at the repository top (which lacks
    processing_algs/, resources/ and metadata.txt)."""
    target = assemble(plugins_dir)
    if str(plugins_dir) in sys.path:
        sys.path.remove(str(plugins_dir))
    sys.path.insert(0, str(plugins_dir))
    importlib.invalidate_caches()  # a folder looked up before it existed is remembered as absent
    return target


if __name__ == "__main__":
    folder = assemble(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else PLUGINS_DIR)
    print(f"assembled {folder} ({len(os.listdir(folder))} entries)")
