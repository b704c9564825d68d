"""Check that the engine's Python packages are usable in QGIS's Python, per algorithm.

The algorithms stay listed when packages are missing; ``canExecute()`` then reports what *that*
algorithm needs (the balance needs rasterio, screening does not), so the others still run, and
the "Check well site" button says what to install instead of failing with an ImportError.

A package is there when it imports and has what the plugin calls (shapely 2's vectorised functions,
pyproj's CRS and Transformer, ...). Its version is only a second opinion, read from the installed
distribution's metadata first: Debian builds some packages without their release number (shapely
reports ``0+unknown`` on Debian unstable), and a version that cannot be read says nothing either way.
"""

from __future__ import annotations

import importlib
import platform
import re
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from types import ModuleType

from qgis.PyQt.QtCore import QCoreApplication


@dataclass(frozen=True)
class Package:
    requirement: str  # what the user is told to install
    minimum: tuple[int, ...] | None  # oldest release the plugin works with, checked when a version is recorded
    uses: tuple[str, ...]  # "module:attribute" the plugin calls; an older or broken install lacks one of them


PACKAGES: dict[str, Package] = {
    "numpy": Package("numpy<2", (1, 23), ("numpy:asarray", "numpy:column_stack")),
    "shapely": Package(
        "shapely>=2.0",
        (2, 0),
        # shapely 1.x has none of these module-level vectorised functions
        ("shapely:points", "shapely:bounds", "shapely:from_wkb", "shapely:to_wkb", "shapely:STRtree",
         "shapely:union_all", "shapely:get_coordinates", "shapely:is_valid_reason"),
    ),
    "pyproj": Package("pyproj>=3.4", (3, 4), ("pyproj:CRS", "pyproj:Transformer", "pyproj:Geod")),
    "geopandas": Package("geopandas>=0.14", (0, 14), ("geopandas:GeoDataFrame", "geopandas:GeoSeries")),
    "rasterio": Package("rasterio>=1.3", (1, 3), ("rasterio:open", "rasterio.features:rasterize", "rasterio.windows:Window")),
    "matplotlib": Package("matplotlib>=3.5", (3, 5), ("matplotlib.figure:Figure", "matplotlib:rc_context")),
    "scipy": Package("scipy>=1.10", (1, 10), ("scipy.stats:theilslopes", "scipy.stats:kendalltau", "scipy.special:exp1")),
}

# What every algorithm and the map tool need: layers become GeoDataFrames, distances are measured in pyproj CRSs.
CORE = ("numpy", "shapely", "pyproj", "geopandas")

# What each algorithm needs beyond CORE, whatever optional outputs are asked for. Charts and HTML
# reports that are optional outputs import matplotlib only when asked for, so they are not listed.
ALGORITHM_NEEDS: dict[str, tuple[str, ...]] = {
    # the recharge raster (rasterio); Theil–Sen trends of the level check (scipy); the chart module is imported up front
    "abstraction_recharge_balance": ("rasterio", "scipy", "matplotlib"),
    # Theil–Sen / Kendall (scipy); the unit labels come from the balance engine, which loads the raster code
    "water_level_trend": ("scipy", "rasterio"),
    # the PDF/HTML report is the output itself
    "supervision_report": ("matplotlib",),
    # the decision documents (map extract); W(u) has its own fallback when scipy is missing
    "permit_decision": ("matplotlib",),
}

CHECK_SITE = "check_site"  # the map tool: CORE only


def tr(text: str) -> str:
    return QCoreApplication.translate("TuoliGwDependencies", text)


def _release(text: str) -> tuple[int, ...] | None:
    """The release numbers at the start of a version string; None when it records none (``0+unknown``, ``""``)."""
    match = re.match(r"\s*v?(\d+(?:\.\d+)*)", text)
    if match is None:
        return None
    release = tuple(int(part) for part in match.group(1).split("."))
    return release if any(release) else None  # versioneer writes 0+unknown when it found no release


def installed_release(module_name: str, module: ModuleType) -> tuple[int, ...] | None:
    """The installed release of ``module_name``: its distribution's metadata, else ``__version__``; None if neither says."""
    try:
        recorded = _release(metadata.version(module_name))
    except (metadata.PackageNotFoundError, ValueError):
        recorded = None
    return recorded or _release(str(getattr(module, "__version__", "")))


def _has(use: str) -> bool:
    module_name, attribute = use.split(":")
    try:
        return hasattr(importlib.import_module(module_name), attribute)
    except Exception:  # a submodule that fails to import is as good as absent
        return False


def _usable(module_name: str) -> bool:
    """``module_name`` imports and has what the plugin calls; a recorded release must not be older than the minimum."""
    package = PACKAGES[module_name]
    try:
        module = importlib.import_module(module_name)
    except Exception:  # any failure to import means the user must (re)install it
        return False
    if not all(_has(use) for use in package.uses):
        return False
    release = installed_release(module_name, module)
    return release is None or package.minimum is None or release >= package.minimum


@cache
def _missing_modules() -> tuple[str, ...]:
    return tuple(name for name in PACKAGES if not _usable(name))


def needed_modules(algorithm_name: str | None = None) -> tuple[str, ...]:
    """Import names that ``algorithm_name`` (or, for None, the whole plugin) needs."""
    if algorithm_name is None:
        return tuple(PACKAGES)
    return CORE + ALGORITHM_NEEDS.get(algorithm_name, ())


def missing_dependencies(algorithm_name: str | None = None) -> tuple[str, ...]:
    """Pip requirements that ``algorithm_name`` needs and that are absent or too old; empty when all is well."""
    missing = set(_missing_modules())
    return tuple(PACKAGES[name].requirement for name in needed_modules(algorithm_name) if name in missing)


def kept_numpy() -> tuple[str, ...]:
    """``numpy==<the installed version>`` when numpy is usable: QGIS's own GDAL is built against that numpy, and a
    pip install pulling a newer one (geopandas would) would break it; pinned, pip keeps it or says why it cannot."""
    if "numpy" in _missing_modules():
        return ()
    try:
        version = metadata.version("numpy")
    except metadata.PackageNotFoundError:
        return ()
    return (f"numpy=={version}",) if _release(version) else ()


def install_command(requirements: tuple[str, ...], system: str | None = None) -> str:
    """How to install ``requirements`` into QGIS's own Python on this platform (Windows, macOS, Linux), keeping the
    numpy QGIS has. Into QGIS's Python itself, not a side folder: pip then sees what QGIS ships and keeps it."""
    quoted = " ".join(f'"{r}"' for r in (*requirements, *kept_numpy()))
    system = system or platform.system()
    if system == "Windows":
        return tr("in the OSGeo4W Shell (Start menu ▸ QGIS ▸ OSGeo4W Shell): {command}").format(
            command=f"python -m pip install {quoted}"
        )
    if system == "Darwin":
        return tr("in a Terminal: {command}").format(command=f"/Applications/QGIS.app/Contents/MacOS/bin/pip3 install {quoted}")
    return tr("in a terminal: {command} (Debian 12 / Ubuntu 23.04 and later also need --break-system-packages)").format(
        command=f"python3 -m pip install --user {quoted}"
    )


def missing_dependencies_message(algorithm_name: str | None = None, system: str | None = None) -> str:
    """What is missing and how to install it; empty when ``algorithm_name`` has all it needs."""
    missing = missing_dependencies(algorithm_name)
    if not missing:
        return ""
    return tr(
        "Toli groundwater needs these Python packages in QGIS's Python: {packages}. Install them {how}, then restart QGIS."
    ).format(packages=", ".join(missing), how=install_command(missing, system))


def missing_dependencies_short(algorithm_name: str | None = None) -> str:
    """One line naming what is missing, for a tooltip or an error that follows the full message."""
    missing = missing_dependencies(algorithm_name)
    if not missing:
        return ""
    return tr("Missing Python packages: {packages}").format(packages=", ".join(missing))
