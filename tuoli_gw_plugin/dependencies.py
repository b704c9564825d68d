"""Check that the engine's Python packages are importable in QGIS's Python.

The algorithms stay listed when they are missing; ``canExecute()`` then reports this text so the
user learns what to install instead of meeting an ImportError.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

# (import name, pip requirement, minimum major version or None)
REQUIRED = (
    ("numpy", "numpy<2", None),
    ("shapely", "shapely>=2.0", 2),
    ("pyproj", "pyproj>=3.4", None),
    ("geopandas", "geopandas>=0.14", None),
    ("rasterio", "rasterio>=1.3", None),
    ("matplotlib", "matplotlib>=3.5", None),
)


@lru_cache(maxsize=1)
def missing_dependencies() -> tuple[str, ...]:
    """Pip requirements that are absent or too old; empty when all is well."""
    missing = []
    for module_name, requirement, min_major in REQUIRED:
        try:
            module = importlib.import_module(module_name)
        except Exception:  # any failure to import means the user must (re)install it
            missing.append(requirement)
            continue
        if min_major is not None:
            major = str(getattr(module, "__version__", "0")).split(".")[0]
            if not major.isdigit() or int(major) < min_major:
                missing.append(requirement)
    return tuple(missing)


def missing_dependencies_message() -> str:
    missing = missing_dependencies()
    if not missing:
        return ""
    return (
        "Toli groundwater needs these Python packages in QGIS's Python: "
        + ", ".join(missing)
        + ". Install them with the QGIS plugin 'qpip' (it reads this plugin's requirements.txt), "
        "or from a shell: python3 -m pip install --user " + " ".join(f"'{m}'" for m in missing)
    )
