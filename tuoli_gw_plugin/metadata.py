"""Read metadata.txt, the one place the plugin version lives."""

from __future__ import annotations

import configparser
from functools import lru_cache
from pathlib import Path

# Not resolve(): the plugin folder QGIS loads holds metadata.txt and resources/; in a development checkout
# its entries are links to the sources, and resolving one would leave the plugin folder.
PLUGIN_DIR = Path(__file__).absolute().parent


@lru_cache(maxsize=1)
def plugin_metadata() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(PLUGIN_DIR / "metadata.txt", encoding="utf-8")
    return dict(parser["general"]) if parser.has_section("general") else {}


def plugin_version() -> str:
    return plugin_metadata().get("version", "unknown")
