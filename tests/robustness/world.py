"""A tiny, hand-made county for the robustness matrix: every layer every algorithm needs.

Everything is in EPSG:4537 (CGCS2000 3° Gauss-Kruger, central meridian 84° E) near Toli
(easting 470 000, northing 5 090 000). Two townships side by side, one severe over-extraction zone
in the west one, a supply pipe and a supply area in the east one, six wells, two monitoring stations,
three farm parcels and a flat 50 mm/a recharge raster. ``World`` holds the frames; a case changes
one of them and ``write`` puts them on disk as real GeoPackage / shapefile / GeoTIFF files.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import rasterio
import shapely
from rasterio.transform import from_origin

CRS = "EPSG:4537"
X0, Y0 = 460_000.0, 5_080_000.0  # south-west corner of the county


def box(x1: float, y1: float, x2: float, y2: float) -> shapely.Polygon:
    return shapely.box(X0 + x1, Y0 + y1, X0 + x2, Y0 + y2)


def pt(x: float, y: float) -> shapely.Point:
    return shapely.Point(X0 + x, Y0 + y)


def townships() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "township_id": ["654224100", "654224200"],
            "name_zh": ["托里镇", "乌雪特乡"],
            "name_pinyin": ["Tuoli", "Wuxuete"],
            "red_line_m3": [200_000.0, 150_000.0],
            "used_m3": [120_000.0, 150_000.0],
            "remaining_m3": [80_000.0, 0.0],
        },
        geometry=[box(0, 0, 10_000, 20_000), box(10_000, 0, 20_000, 20_000)],
        crs=CRS,
    )


def zones() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"zone_id": ["Z1"], "zone_name": ["托里镇严重超采区"], "grade": ["severe"]},
        geometry=[box(0, 0, 5_000, 10_000)],
        crs=CRS,
    )


def pipes() -> gpd.GeoDataFrame:
    line = shapely.LineString([(X0 + 10_000, Y0 + 15_000), (X0 + 20_000, Y0 + 15_000)])
    return gpd.GeoDataFrame({"pipe_id": ["P1"], "diameter_mm": [160]}, geometry=[line], crs=CRS)


def supply_areas() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"area_id": ["A1"], "name": ["乌雪特乡供水区"], "township": ["乌雪特乡"]},
        geometry=[box(15_000, 5_000, 18_000, 8_000)],
        crs=CRS,
    )


# Six wells: W1 in the severe zone, W2 in T1 free, W3 within 500 m of the pipe, W4 inside the supply
# area, W5 in T2 away from everything (T2 has no red-line quota left), W6 in T1 north.
WELL_XY = [(2_000, 3_000), (7_000, 12_000), (14_000, 15_300), (16_000, 6_000), (12_000, 2_000), (8_000, 18_000)]


def wells() -> gpd.GeoDataFrame:
    n = len(WELL_XY)
    return gpd.GeoDataFrame(
        {
            "well_id": [f"TL-{i + 1:03d}" for i in range(n)],
            "owner": ["托里县供排水有限公司", "王海燕", "朱秀兰", "乌雪特乡牧业合作社", "托里县鸿达煤业", "李建国"],
            "use": ["public_supply", "irrigation", "irrigation", "industrial", "domestic", "irrigation"],
            "self_supplied": [False, True, True, True, True, False],
            "permit_no": [f"D654224G2021-{i + 1:04d}" for i in range(n)],
            "permit_m3": [100_000.0, 20_000.0, 10_000.0, 8_000.0, 5_000.0, 12_000.0],
            "metered_m3": [90_000.0, 25_000.0, 12_500.0, 7_000.0, 4_000.0, 18_000.0],
            "plan_m3": [100_000.0, 20_000.0, 10_000.0, 8_000.0, 5_000.0, 12_000.0],
            "actual_m3": [90_000.0, 25_000.0, 12_500.0, 7_000.0, 4_000.0, 18_000.0],
            "has_meter": [True, True, True, True, False, True],
            "power_account": [f"65100{i + 1:05d}" for i in range(n)],
            "kwh": [30_000.0, 9_000.0, 4_500.0, 2_500.0, 1_500.0, 6_500.0],
            "m3_per_kwh": [3.0, 2.8, 2.8, 2.8, 2.7, 2.8],
            "status": ["active"] * n,
            "stopped_on": [None] * n,
            "deregistered_on": [None] * n,
            "depth_m": [90.0, 60.0, 60.0, 70.0, 40.0, 55.0],
            "permitted_depth_m": [100.0, 80.0, 80.0, 80.0, 50.0, 80.0],
            "township": ["托里镇", "托里镇", "乌雪特乡", "乌雪特乡", "乌雪特乡", "托里镇"],
            "aquifer": ["shallow"] * n,
            "requested_m3": [1_000.0, 2_000.0, 3_000.0, 4_000.0, 5_000.0, 6_000.0],
            "app_id": [f"SQ-2026-{i + 1:03d}" for i in range(n)],
        },
        geometry=[pt(x, y) for x, y in WELL_XY],
        crs=CRS,
    )


def power_accounts() -> pd.DataFrame:
    accounts = [f"65100{i + 1:05d}" for i in range(len(WELL_XY))]
    return pd.DataFrame(
        {
            "account": accounts,
            "period": ["2025"] * len(accounts),
            "kwh": [30_000.0, 9_000.0, 4_500.0, 2_500.0, 1_500.0, 6_500.0],
            "township": ["托里镇", "托里镇", "乌雪特乡", "乌雪特乡", "乌雪特乡", "托里镇"],
        }
    )


def stations() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "station_id": ["JC01", "JC02"], "name": ["托里镇1号监测井", "乌雪特乡1号监测井"],
            "township": ["托里镇", "乌雪特乡"], "aquifer": ["shallow", "shallow"],
        },
        geometry=[pt(3_000, 5_000), pt(15_000, 10_000)],
        crs=CRS,
    )


def water_levels() -> pd.DataFrame:
    """Quarterly readings 2018–2025: JC01 falls 0.6 m/a (depth grows), JC02 steady."""
    rows = []
    start = dt.date(2018, 1, 15)
    for quarter in range(32):
        date = start + dt.timedelta(days=int(round(quarter * 365.25 / 4)))
        years = (date - start).days / 365.25
        rows.append(("JC01", date, round(20.0 + 0.6 * years, 4)))
        rows.append(("JC02", date, 15.0))
    return pd.DataFrame(rows, columns=["station_id", "date", "depth_to_water_m"])


def parcels() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "parcel_id": ["FP1", "FP2", "FP3"],
            "contract_no": ["6542241001001001J", "6542241001001002J", "6542242001001001J"],
            "household": ["王海燕", "朱秀兰", "叶尔肯"],
            "area_mu": [100.0, 50.0, 80.0],
            "crop": ["wheat", "maize", "cotton"],
            "township": ["托里镇", "托里镇", "乌雪特乡"],
        },
        geometry=[box(1_000, 1_000, 1_200, 1_333), box(2_000, 1_000, 2_100, 1_333), box(12_000, 1_000, 12_160, 1_333)],
        crs=CRS,
    )


RASTER_CELL = 1_000.0
RASTER_MM = 50.0


def write_recharge(path: Path, *, nodata_cells: tuple = (), bounds_shift: float = 0.0, crs: str = CRS) -> Path:
    """A 20 × 20 km raster of 1 km cells, 50 mm/a everywhere (1 km² × 50 mm = 50 000 m³ a cell)."""
    data = np.full((20, 20), RASTER_MM, dtype=np.float32)
    for row, col in nodata_cells:
        data[row, col] = -9999.0
    transform = from_origin(X0 + bounds_shift, Y0 + 20_000, RASTER_CELL, RASTER_CELL)
    with rasterio.open(
        path, "w", driver="GTiff", width=20, height=20, count=1, dtype="float32", crs=crs, transform=transform, nodata=-9999.0
    ) as out:
        out.write(data, 1)
    return path


@dataclass
class World:
    """The layers of one run; a case edits them before they are written."""

    layers: dict[str, gpd.GeoDataFrame | pd.DataFrame] = field(default_factory=dict)
    raster_nodata_cells: tuple = ()
    raster_shift: float = 0.0
    # layer name -> "shp" / "shp_gbk_cpg" / "shp_gbk_nocpg" / "shp_gbk_cpg_says_utf8" (default: in the GeoPackage)
    formats: dict[str, str] = field(default_factory=dict)
    # layer name -> True: write without a CRS
    no_crs: set[str] = field(default_factory=set)

    @classmethod
    def default(cls) -> World:
        return cls(
            layers={
                "townships": townships(),
                "zones": zones(),
                "pipes": pipes(),
                "supply_areas": supply_areas(),
                "wells": wells(),
                "power_accounts": power_accounts(),
                "stations": stations(),
                "water_levels": water_levels(),
                "parcels": parcels(),
            }
        )

    def copy(self) -> World:
        return copy.deepcopy(self)

    def write(self, folder: Path) -> dict[str, str]:
        """Write every layer; returns layer name -> QGIS source string, plus 'recharge'."""
        folder.mkdir(parents=True, exist_ok=True)
        gpkg = folder / "world.gpkg"
        sources: dict[str, str] = {}
        for name, frame in self.layers.items():
            kind = self.formats.get(name, "gpkg")
            frame = frame.copy()
            if name in self.no_crs and isinstance(frame, gpd.GeoDataFrame):
                frame = frame.set_crs(None, allow_override=True)
            if kind == "gpkg":
                if isinstance(frame, gpd.GeoDataFrame):
                    frame.to_file(gpkg, layer=name, driver="GPKG", engine="pyogrio")
                else:
                    _write_table(frame, gpkg, name)
                sources[name] = f"{gpkg}|layername={name}"
            else:
                sources[name] = str(write_shapefile(frame, folder / f"{name}.shp", kind))
        recharge = write_recharge(folder / "recharge.tif", nodata_cells=self.raster_nodata_cells, bounds_shift=self.raster_shift)
        sources["recharge"] = str(recharge)
        return sources


def _write_table(frame: pd.DataFrame, gpkg: Path, name: str) -> None:
    import pyogrio

    pyogrio.write_dataframe(frame, gpkg, layer=name, driver="GPKG")


def write_shapefile(frame: gpd.GeoDataFrame, path: Path, kind: str) -> Path:
    """A shapefile in UTF-8 ('shp'), or in GBK with a GBK .cpg, or in GBK with no .cpg at all
    (what county offices send from old Chinese-locale ArcGIS). GBK files are written in UTF-8 and
    their DBF text re-encoded byte by byte here: GDAL's encoding options are process-wide and would
    leak into the QGIS reading under test."""
    import pyogrio

    frame = frame.copy()
    for column in frame.columns:  # DBF has no boolean type
        if column != "geometry" and frame[column].dtype == bool:
            frame[column] = frame[column].map({True: "yes", False: "no"})
    pyogrio.write_dataframe(frame, path, driver="ESRI Shapefile")
    cpg = path.with_suffix(".cpg")
    if kind == "shp":
        return path
    dbf = path.with_suffix(".dbf")
    dbf.write_bytes(dbf_utf8_to_gbk(dbf.read_bytes()))
    if kind == "shp_gbk_nocpg":
        cpg.unlink(missing_ok=True)
    else:  # shp_gbk_cpg_says_utf8: the .cpg claims what the bytes are not (issue 30)
        cpg.write_text("UTF-8" if kind == "shp_gbk_cpg_says_utf8" else "GBK")
    return path


def dbf_utf8_to_gbk(data: bytes) -> bytes:
    """Re-encode every character field of a dBASE file from UTF-8 to GBK (same field widths: GBK
    is never longer than UTF-8 for Chinese text)."""
    header_length = int.from_bytes(data[8:10], "little")
    record_length = int.from_bytes(data[10:12], "little")
    count = int.from_bytes(data[4:8], "little")
    fields = []
    offset, position = 1, 32
    while data[position] != 0x0D:
        kind, width = chr(data[position + 11]), data[position + 16]
        fields.append((kind, offset, width))
        offset += width
        position += 32
    out = bytearray(data)
    out[29] = 0  # no language driver id: nothing in the file says GBK
    for record in range(count):
        start = header_length + record * record_length
        for kind, field_offset, width in fields:
            if kind != "C":
                continue
            a = start + field_offset
            text = bytes(data[a : a + width]).decode("utf-8").rstrip(" ")
            out[a : a + width] = text.encode("gbk").ljust(width, b" ")
    return bytes(out)
