"""Small hand-computable layers for the balance and trend tests, written as real files.

The recharge raster is 4 × 4 cells of 100 m in EPSG:4537 with its left edge on the central
meridian (easting 500 000), so the projection's area scale is 1 to better than 1e-8 and a cell is
10 000 m² of ground. Cell (row r, column c) holds 10 × (4r + c + 1) mm/a:

    10  20  30  40
    50  60  70  80
    90 100 110 120
   130 140 150 160
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import geopandas as gpd
import numpy as np
import rasterio
import shapely
from rasterio.transform import from_origin

X0 = 500_000.0
Y0 = 5_090_000.0  # top edge, about 45.9° N
CELL = 100.0
VALUES = 10.0 * (np.arange(16, dtype=np.float32).reshape(4, 4) + 1)

# Hand sums (mm × cell shares) and volumes (× 10 000 m² / 1000):
ALIGNED_BOX = (X0 + 100, Y0 - 300, X0 + 300, Y0 - 100)  # rows 1–2, cols 1–2: 60+70+100+110 = 340
ALIGNED_M3 = 3400.0
# Shifted half a cell left and down: quarters at the corners, halves on the sides:
# row1 .25·50+.5·60+.25·70 = 60, row2 .5·90+100+.5·110 = 200, row3 .25·130+.5·140+.25·150 = 140 → 400
UNALIGNED_BOX = (X0 + 50, Y0 - 350, X0 + 250, Y0 - 150)
UNALIGNED_M3 = 4000.0
# Lower-left triangle, hypotenuse through cell corners: full cells below the diagonal
# 50+90+100+130+140+150 = 660, diagonal cells halved (10+60+110+160)/2 = 170 → 830
TRIANGLE = shapely.Polygon([(X0, Y0 - 400), (X0 + 400, Y0 - 400), (X0, Y0)])
TRIANGLE_M3 = 8300.0
# Cell (2, 1) = 100 mm set to nodata: aligned 340 − 100 = 240; unaligned 400 − 100 = 300.
NODATA_ALIGNED_M3 = 2400.0
NODATA_UNALIGNED_M3 = 3000.0


def write_raster(path: Path, values: np.ndarray = VALUES, *, nodata_cells=(), crs="EPSG:4537", transform=None, nodata=-9999.0) -> Path:
    data = np.array(values, dtype=np.float32)
    for row, col in nodata_cells:
        data[row, col] = nodata
    transform = transform or from_origin(X0, Y0, CELL, CELL)
    with rasterio.open(
        path, "w", driver="GTiff", width=data.shape[1], height=data.shape[0], count=1, dtype="float32",
        crs=crs, transform=transform, nodata=nodata,
    ) as out:
        out.write(data, 1)
    return path


def units_frame(boxes_or_polygons, names, crs="EPSG:4537") -> gpd.GeoDataFrame:
    geoms = [shapely.box(*g) if isinstance(g, tuple) else g for g in boxes_or_polygons]
    return gpd.GeoDataFrame({"name_zh": names}, geometry=geoms, crs=crs)


def wells_frame(points, volumes, ids=None, crs="EPSG:4537", field="metered_m3") -> gpd.GeoDataFrame:
    ids = ids or [f"W{i + 1}" for i in range(len(points))]
    return gpd.GeoDataFrame(
        {"well_id": ids, field: volumes}, geometry=[shapely.Point(p) for p in points], crs=crs
    )


def synthetic_series(station: str, slope_m_per_a: float, years: int = 6, start=dt.date(2018, 1, 15), noise=None):
    """Quarterly depth readings rising by ``slope_m_per_a`` (depth grows = level falls)."""
    rows = []
    rng = np.random.default_rng(7)
    for quarter in range(years * 4):
        date = start + dt.timedelta(days=int(round(quarter * 365.25 / 4)))
        t = (date - start).days / 365.25
        depth = 20.0 + slope_m_per_a * t + (rng.normal(0, noise) if noise else 0.0)
        rows.append((station, date, round(float(depth), 4)))
    return rows


def median_pairwise_slope(dates, depths) -> float:
    """Independent Theil–Sen: median of (d_j − d_i)/(t_j − t_i) over all pairs with t_j > t_i."""
    t = [(d - dates[0]).days / 365.25 for d in dates]
    slopes = []
    for i in range(len(t)):
        for j in range(i + 1, len(t)):
            if t[j] != t[i]:
                slopes.append((depths[j] - depths[i]) / (t[j] - t[i]))
    slopes.sort()
    n = len(slopes)
    return slopes[n // 2] if n % 2 else (slopes[n // 2 - 1] + slopes[n // 2]) / 2
