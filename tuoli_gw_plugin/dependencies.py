"""Check that the engine's Python packages are importable in QGIS's Python, per algorithm.

The algorithms stay listed when packages are missing; ``canExecute()`` then reports what *that*
algorithm needs (the balance needs rasterio, screening does not), so the others still run, and
the "Check well site" button says what to install instead of failing with an ImportError.
"""

from __future__ import annotations

import importlib
import platform
from functools import cache

from qgis.PyQt.QtCore import QCoreApplication

# import name -> (pip requirement, minimum major version or None)
PACKAGES = {
    "numpy": ("numpy<2", None),
    "shapely": ("shapely>=2.0", 2),
    "pyproj": ("pyproj>=3.4", None),
    "geopandas": ("geopandas>=0.14", None),
    "rasterio": ("rasterio>=1.3", None),
    "matplotlib": ("matplotlib>=3.5", None),
    "scipy": ("scipy>=1.10", None),
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


def _importable(module_name: str) -> bool:
    requirement, min_major = PACKAGES[module_name]
    try:
        module = importlib.import_module(module_name)
    except Exception:  # any failure to import means the user must (re)install it
        return False
    if min_major is not None:
        major = str(getattr(module, "__version__", "0")).split(".")[0]
        if not major.isdigit() or int(major) < min_major:
            return False
    return True


@cache
def _missing_modules() -> tuple[str, ...]:
    return tuple(name for name in PACKAGES if not _importable(name))


def needed_modules(algorithm_name: str | None = None) -> tuple[str, ...]:
    """Import names that ``algorithm_name`` (or, for None, the whole plugin) needs."""
    if algorithm_name is None:
        return tuple(PACKAGES)
    return CORE + ALGORITHM_NEEDS.get(algorithm_name, ())


def missing_dependencies(algorithm_name: str | None = None) -> tuple[str, ...]:
    """Pip requirements that ``algorithm_name`` needs and that are absent or too old; empty when all is well."""
    missing = set(_missing_modules())
    return tuple(PACKAGES[name][0] for name in needed_modules(algorithm_name) if name in missing)


def install_command(requirements: tuple[str, ...], system: str | None = None) -> str:
    """How to install ``requirements`` into QGIS's Python on this platform (Windows, macOS, Linux)."""
    quoted = " ".join(f'"{r}"' for r in requirements)
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
        "Toli groundwater needs these Python packages in QGIS's Python: {packages}. Install them with the QGIS "
        "plugin 'qpip' (it reads this plugin's requirements.txt), or {how}, then restart QGIS."
    ).format(packages=", ".join(missing), how=install_command(missing, system))


def missing_dependencies_short(algorithm_name: str | None = None) -> str:
    """One line naming what is missing, for a tooltip or an error that follows the full message."""
    missing = missing_dependencies(algorithm_name)
    if not missing:
        return ""
    return tr("Missing Python packages: {packages}").format(packages=", ".join(missing))
