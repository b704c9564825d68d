"""One line naming what this machine runs the plugin on: Debian, QGIS, Python, the engine's packages, GDAL and GEOS.

Printed by the CI runs and the Debian-root suites next to their results, so a result always says what it ran on.
"""

from __future__ import annotations

import platform
import sys
from importlib import import_module
from pathlib import Path

PACKAGES = ("numpy", "pandas", "shapely", "geopandas", "pyproj", "pyogrio", "rasterio", "matplotlib", "scipy")


def debian() -> str:
    version = Path("/etc/debian_version")
    if not version.exists():
        return platform.platform()
    codename = next((line.split("=", 1)[1].strip('"') for line in Path("/etc/os-release").read_text().splitlines()
                     if line.startswith("VERSION_CODENAME=")), "?")
    return f"Debian {version.read_text().strip()} ({codename})"


def versions() -> list[str]:
    parts = [debian()]
    try:
        from qgis.core import Qgis

        parts.append(f"QGIS {Qgis.version()}")
    except Exception as exc:  # a report, not a check: say what failed
        parts.append(f"QGIS ({type(exc).__name__})")
    parts.append(f"Python {sys.version.split()[0]}")
    for name in PACKAGES:
        try:
            parts.append(f"{name} {import_module(name).__version__}")
        except Exception as exc:  # a report, not a check
            parts.append(f"{name} ({type(exc).__name__})")
    try:
        import shapely
        from osgeo import gdal

        parts += [f"GDAL {gdal.__version__}", f"GEOS {'.'.join(map(str, shapely.geos_version))}"]
    except Exception as exc:  # a report, not a check
        parts.append(f"GDAL/GEOS ({type(exc).__name__})")
    return parts


if __name__ == "__main__":
    print(", ".join(versions()))
