"""Check that this machine's setup really works, and say how to mend it when it does not (`make doctor`).

Run at the end of every setup. Each check prints `ok` or `FAIL` with what is wrong and the command that fixes it:
  1. each geo package uses the system library QGIS uses (a pip wheel's own copy crashes qgis_process);
  2. one CRS round trip through pyproj (a pyproj compiled with the wrong Cython rejects every CRS);
  3. one GeoPackage written and read back (pyogrio, geopandas) and one GeoTIFF (rasterio);
  4. one algorithm through qgis_process on the sample layers (skipped with --python-only, which setup_venv.sh uses
     before the plugin folder exists).
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REBUILD = "rm -rf .venv && make setup"


class CheckError(Exception):
    """What is wrong and the command that fixes it."""

    def __init__(self, problem: str, fix: str = REBUILD):
        super().__init__(problem)
        self.fix = fix


def system_library_versions() -> dict[str, str]:
    """GEOS, PROJ and GDAL as QGIS loads them: the system's shared libraries (no development files needed)."""
    try:
        from osgeo import gdal, osr

        geos_c = ctypes.CDLL(ctypes.util.find_library("geos_c") or "libgeos_c.so.1")
        geos_c.GEOSversion.restype = ctypes.c_char_p
        geos = geos_c.GEOSversion().decode().split("-")[0]  # "3.11.1-CAPI-1.17.1"
        proj = f"{osr.GetPROJVersionMajor()}.{osr.GetPROJVersionMinor()}.{osr.GetPROJVersionMicro()}"
        return {"GEOS": geos, "PROJ": proj, "GDAL": gdal.__version__}
    except (ImportError, OSError, AttributeError) as exc:
        fix = "make system  (as root: installs QGIS with its GDAL Python bindings, GEOS and PROJ)"
        raise CheckError(f"the system's GDAL/GEOS/PROJ cannot be read ({type(exc).__name__}: {exc})", fix) from exc


def check_system_libraries() -> str:
    try:
        import pyogrio
        import pyproj
        import rasterio
        import shapely
    except Exception as exc:  # an import error of any kind means the package must be reinstalled
        raise CheckError(f"a geo package does not import: {type(exc).__name__}: {exc}") from exc
    system = system_library_versions()
    found = {
        "shapely/GEOS": (".".join(map(str, shapely.geos_version)), system["GEOS"]),
        "pyproj/PROJ": (pyproj.proj_version_str, system["PROJ"]),
        "rasterio/GDAL": (rasterio.__gdal_version__, system["GDAL"]),
        "pyogrio/GDAL": (pyogrio.__gdal_version_string__, system["GDAL"]),
    }
    wrong = [f"{name} uses {used}, the system has {system}" for name, (used, system) in found.items() if used != system]
    if wrong:
        raise CheckError(
            "not built on the system libraries (a pip wheel slipped in; it crashes qgis_process next to QGIS's own copies): "
            + "; ".join(wrong)
        )
    return ", ".join(f"{name} {used}" for name, (used, _) in found.items())


def check_crs_round_trip() -> str:
    try:
        from pyproj import CRS, Transformer

        zone = CRS.from_user_input("EPSG:4537")  # CGCS2000 3-degree Gauss-Kruger zone, central meridian 84°E (Toli)
        forward = Transformer.from_crs("EPSG:4490", zone, always_xy=True)
        back = Transformer.from_crs(zone, "EPSG:4490", always_xy=True)
        lon, lat = back.transform(*forward.transform(83.6, 45.93))
    except TypeError as exc:
        raise CheckError(
            f"pyproj rejects CRS definitions ({exc}): it was compiled with an unsupported Cython "
            "(pyproj 3.6 needs Cython < 3.1, pinned in scripts/constraints/build-debian12.txt)"
        ) from exc
    except Exception as exc:  # any pyproj failure here means a broken install
        raise CheckError(f"pyproj cannot transform EPSG:4490 to EPSG:4537: {type(exc).__name__}: {exc}") from exc
    error_deg = max(abs(lon - 83.6), abs(lat - 45.93))
    if error_deg > 1e-9:
        problem = f"a CRS round trip moved the point by {error_deg:.3g} degrees (PROJ data broken?)"
        raise CheckError(problem, "apt-get install --reinstall proj-data")
    return f"EPSG:4490 -> EPSG:4537 -> EPSG:4490 within {error_deg:.1g} degrees"


def check_file_round_trips() -> str:
    try:
        import geopandas as gpd
        import numpy as np
        import rasterio
        from rasterio.transform import from_origin
        from shapely.geometry import Point

        with tempfile.TemporaryDirectory(prefix="tuoli_gw_doctor_") as folder:
            gpkg = Path(folder) / "doctor.gpkg"
            written = gpd.GeoDataFrame({"well_id": ["W1", "W2"], "volume_m3": [1200.5, 0.0]},
                                       geometry=[Point(500000, 5090000), Point(500100, 5090050)], crs="EPSG:4547")
            written.to_file(gpkg, layer="wells", engine="pyogrio")
            read = gpd.read_file(gpkg, layer="wells", engine="pyogrio")
            if list(read["well_id"]) != ["W1", "W2"] or not read.geometry.geom_equals(written.geometry).all() or read.crs != written.crs:
                raise CheckError("a GeoPackage written and read back differs from what was written")
            tif = Path(folder) / "doctor.tif"
            grid = np.arange(12, dtype="float32").reshape(3, 4)
            with rasterio.open(tif, "w", driver="GTiff", width=4, height=3, count=1, dtype="float32", crs="EPSG:4547",
                               transform=from_origin(500000, 5090000, 100, 100)) as raster:
                raster.write(grid, 1)
            with rasterio.open(tif) as raster:
                if not np.array_equal(raster.read(1), grid):
                    raise CheckError("a GeoTIFF written and read back differs from what was written")
    except CheckError:
        raise
    except Exception as exc:  # any failure of the I/O stack is a broken install
        raise CheckError(f"GeoPackage/GeoTIFF round trip failed: {type(exc).__name__}: {exc}") from exc
    return "GeoPackage (pyogrio) and GeoTIFF (rasterio) written and read back"


def check_qgis_process() -> str:
    runner = REPO / "scripts" / "qgis_process.sh"
    sample = REPO / "sample_layers" / "toli_sample.gpkg"
    with tempfile.TemporaryDirectory(prefix="tuoli_gw_doctor_") as folder:
        output = Path(folder) / "screened.gpkg"
        layer = f"{sample}|layername="
        command = [str(runner), "run", "tuoli_gw:screen_well_sites", f"--INPUT={layer}well_applications",
                   f"--ZONES={layer}overextraction_zones", f"--SUPPLY_PIPES={layer}supply_pipes",
                   f"--TOWNSHIPS={layer}townships", f"--OUTPUT={output}"]
        # The profile in which `make` enabled the plugin, whatever profile the caller's environment names.
        env = {**os.environ, "QGIS_CUSTOM_CONFIG_PATH": str(REPO / "build" / "qgis-profile")}
        try:
            completed = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise CheckError(f"qgis_process did not run: {exc}", "make system && make setup") from exc
        if completed.returncode != 0 or not output.exists():
            crashed = completed.returncode < 0 or completed.returncode in (134, 139)
            tail = (completed.stderr or completed.stdout).strip().splitlines()[-3:]
            why = "crashed (a geo package with its own GEOS/PROJ/GDAL beside QGIS's?)" if crashed else "failed"
            fix = REBUILD if crashed else "make setup  (assembles the plugin folder and enables it in build/qgis-profile)"
            problem = f"tuoli_gw:screen_well_sites through qgis_process {why} (exit {completed.returncode}): {' | '.join(tail)}"
            raise CheckError(problem, fix)
    return "tuoli_gw:screen_well_sites ran through qgis_process on the sample layers"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python-only", action="store_true", help="skip the qgis_process check")
    arguments = parser.parse_args(argv)
    checks: list[tuple[str, Callable[[], str]]] = [
        ("geo packages on the system libraries", check_system_libraries),
        ("pyproj CRS round trip", check_crs_round_trip),
        ("GeoPackage and GeoTIFF round trip", check_file_round_trips),
    ]
    if not arguments.python_only:
        if shutil.which("qgis_process.bin") is None and shutil.which("qgis_process") is None:
            print("FAIL qgis_process: not installed. Fix: make system")
            return 1
        checks.append(("one algorithm through qgis_process", check_qgis_process))
    failed = 0
    for title, check in checks:
        try:
            print(f"ok   {title}: {check()}")
        except CheckError as failure:
            failed += 1
            print(f"FAIL {title}: {failure}\n     Fix: {failure.fix}")
    if failed:
        print(f"doctor: {failed} of {len(checks)} checks failed; the setup is not usable until they pass.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
