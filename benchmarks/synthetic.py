"""Deterministic synthetic loads for the benchmarks (same seed, same layers, on any machine).

Everything is in EPSG:4537 metres over a box the size of Toli County (220 km × 100 km):
- zones: ``n`` star-shaped polygons of ~``vertices`` vertices on a grid, not overlapping (so every
  well is in at most one zone and a plain sjoin gives a comparable answer), grades alternating;
- pipes: ``n`` random-walk polylines of 5-25 vertices, 1-6 km long;
- wells: uniform random points with a ``use`` column;
- units and a recharge raster in mm/a for the balance.
Files go under build/bench/ (never committed).
"""

from __future__ import annotations

import math
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

CRS = "EPSG:4537"
# A Toli-sized box around the county seat (3-degree GK CM 84E, no zone prefix).
XMIN, YMIN, XMAX, YMAX = 390_000.0, 5_040_000.0, 610_000.0, 5_140_000.0
ROOT = Path(__file__).resolve().parents[1]
BENCH_DIR = ROOT / "build" / "bench"


def zones(n: int = 100, vertices: int = 400, seed: int = 1) -> gpd.GeoDataFrame:
    """``n`` wavy star polygons with ``vertices`` vertices each, one per grid cell (no overlaps)."""
    rng = np.random.default_rng(seed)
    cols = math.ceil(math.sqrt(n * (XMAX - XMIN) / (YMAX - YMIN)))
    rows = math.ceil(n / cols)
    cell_w, cell_h = (XMAX - XMIN) / cols, (YMAX - YMIN) / rows
    radius = 0.45 * min(cell_w, cell_h)
    angles = np.linspace(0.0, 2 * math.pi, vertices, endpoint=False)
    geometries, names, grades = [], [], []
    for index in range(n):
        row, col = divmod(index, cols)
        cx = XMIN + (col + 0.5) * cell_w
        cy = YMIN + (row + 0.5) * cell_h
        # A few random harmonics give a wiggly but simple (non self-intersecting) outline.
        wiggle = np.ones(vertices)
        for harmonic in (3, 5, 11, 37):
            wiggle += rng.uniform(0.02, 0.12) * np.sin(harmonic * angles + rng.uniform(0, 2 * math.pi))
        r = radius * wiggle / wiggle.max()
        geometries.append(shapely.Polygon(np.column_stack([cx + r * np.cos(angles), cy + r * np.sin(angles)])))
        names.append(f"Z{index:03d}")
        grades.append("severe" if index % 3 == 0 else "general")
    return gpd.GeoDataFrame({"zone_id": np.arange(n), "zone_name": names, "grade": grades}, geometry=geometries, crs=CRS)


def pipes(n: int = 2000, seed: int = 2) -> gpd.GeoDataFrame:
    """``n`` random-walk polylines (5-25 vertices, steps of 50-250 m), clustered around 40 towns."""
    rng = np.random.default_rng(seed)
    towns = np.column_stack([rng.uniform(XMIN, XMAX, 40), rng.uniform(YMIN, YMAX, 40)])
    geometries = []
    for _ in range(n):
        start = towns[rng.integers(40)] + rng.normal(0, 6000, 2)
        count = int(rng.integers(5, 26))
        heading = rng.uniform(0, 2 * math.pi) + np.cumsum(rng.normal(0, 0.3, count - 1))
        steps = rng.uniform(50, 250, count - 1)
        xy = np.vstack([start, start + np.cumsum(np.column_stack([steps * np.cos(heading), steps * np.sin(heading)]), axis=0)])
        geometries.append(shapely.LineString(xy))
    return gpd.GeoDataFrame({"pipe_id": np.arange(n)}, geometry=geometries, crs=CRS)


def well_xy(n: int, seed: int = 3) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.uniform(XMIN, XMAX, n), rng.uniform(YMIN, YMAX, n)


def wells(n: int, seed: int = 3) -> gpd.GeoDataFrame:
    """``n`` uniform random wells with an id, a use (some statutory exceptions) and a metered volume."""
    x, y = well_xy(n, seed)
    rng = np.random.default_rng(seed + 1000)
    uses = np.array(["irrigation", "industry", "domestic", "emergency", "monitoring"], dtype=object)
    return gpd.GeoDataFrame(
        {
            "well_id": np.arange(n, dtype=np.int64),
            "use": uses[rng.choice(5, n, p=[0.7, 0.15, 0.1, 0.03, 0.02])],
            "metered_m3": np.round(rng.gamma(2.0, 8000.0, n), 1),
        },
        geometry=gpd.points_from_xy(x, y),
        crs=CRS,
    )


def units(n: int = 10, vertices: int = 300, seed: int = 4) -> gpd.GeoDataFrame:
    """``n`` township-like units tiling the box: vertical strips with wiggly shared borders."""
    rng = np.random.default_rng(seed)
    edges_x = np.linspace(XMIN, XMAX, n + 1)
    ys = np.linspace(YMIN, YMAX, vertices)
    borders = [np.full(vertices, XMIN)]
    for x in edges_x[1:-1]:
        wiggle = np.zeros(vertices)
        for harmonic in (1, 3, 7):
            wiggle += rng.uniform(500, 3000) * np.sin(harmonic * math.pi * (ys - YMIN) / (YMAX - YMIN) + rng.uniform(0, 6))
        borders.append(x + wiggle)
    borders.append(np.full(vertices, XMAX))
    geometries = []
    for i in range(n):
        left = np.column_stack([borders[i], ys])
        right = np.column_stack([borders[i + 1], ys])[::-1]
        geometries.append(shapely.Polygon(np.vstack([left, right])))
    return gpd.GeoDataFrame({"name_zh": [f"乡{i:02d}" for i in range(n)]}, geometry=geometries, crs=CRS)


def write_recharge_raster(path: Path, cells: int, seed: int = 5) -> tuple[int, int]:
    """A float32 recharge raster (mm/a, smooth field + noise, a few nodata holes) of about ``cells`` cells."""
    import rasterio
    from rasterio.transform import from_origin

    aspect = (XMAX - XMIN) / (YMAX - YMIN)
    height = int(round(math.sqrt(cells / aspect)))
    width = int(round(cells / height))
    size_x, size_y = (XMAX - XMIN) / width, (YMAX - YMIN) / height
    rng = np.random.default_rng(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    profile = {
        "driver": "GTiff",
        "width": width,
        "height": height,
        "count": 1,
        "dtype": "float32",
        "crs": CRS,
        "transform": from_origin(XMIN, YMAX, size_x, size_y),
        "nodata": -9999.0,
        "tiled": True,
        "blockxsize": 512,
        "blockysize": 512,
        "compress": "deflate",
    }
    cols = np.arange(width)
    with rasterio.open(path, "w", **profile) as out:
        for row0 in range(0, height, 512):
            rows = np.arange(row0, min(height, row0 + 512))
            field = 40 + 25 * np.sin(rows[:, None] / 300.0) * np.cos(cols[None, :] / 450.0)
            block = (field + rng.normal(0, 3, field.shape)).astype(np.float32)
            block[rng.random(block.shape) < 0.001] = -9999.0
            out.write(block, 1, window=rasterio.windows.Window(0, row0, width, len(rows)))
    return width, height
