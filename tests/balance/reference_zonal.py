"""A slow, independent reference for engine.zonal: every cell of the window overlaid with the polygon.

engine.zonal finds boundary shares with Green's theorem and whole cells with a rasterisation. Here
each cell of the unit's window is a shapely box intersected with the polygon (GEOS overlay), with no
rasterisation and no cell classification at all; sums are plain numpy sums over the window. Only for
small hand-built rasters: it is O(cells in the window) overlays.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from pyproj import Geod

from tuoli_gw_plugin.engine.balance.zonal import RasterSource, ZonalSum, geodesic_area_m2


def cell_boxes(transform, shape: tuple[int, int]) -> np.ndarray:
    """Every cell of the grid as a shapely box, shape (rows, cols)."""
    rows, cols = shape
    col_index, row_index = np.meshgrid(np.arange(cols), np.arange(rows))
    x_a, y_a = transform * (col_index, row_index)
    x_b, y_b = transform * (col_index + 1, row_index + 1)
    return shapely.box(np.minimum(x_a, x_b), np.minimum(y_a, y_b), np.maximum(x_a, x_b), np.maximum(y_a, y_b))


def _overlaid(geometry, boxes: np.ndarray) -> np.ndarray:
    # GEOS's overlay sets the CPU's "invalid" flag on some cell edges (its robustness fallbacks); the results are valid.
    with np.errstate(invalid="ignore"):
        return shapely.intersection(boxes, geometry)


def reference_fractions(geometry, transform, shape: tuple[int, int]) -> np.ndarray:
    """Share (0–1) of each cell covered by ``geometry``: area of cell ∩ polygon / area of cell."""
    boxes = cell_boxes(transform, shape)
    return shapely.area(_overlaid(geometry, boxes)) / shapely.area(boxes)


def window(raster: RasterSource, geometry) -> tuple[int, int, int, int]:
    """(row0, row1, col0, col1): every cell the geometry's bounds reach, clipped to the raster."""
    inverse = ~raster.transform
    xmin, ymin, xmax, ymax = geometry.bounds
    cols, rows = zip(*(inverse * (x, y) for x in (xmin, xmax) for y in (ymin, ymax)))
    row0, row1 = max(math.floor(min(rows)), 0), min(math.ceil(max(rows)), raster.height)
    col0, col1 = max(math.floor(min(cols)), 0), min(math.ceil(max(cols)), raster.width)
    return row0, row1, col0, col1


def reference_zonal_sum(raster: RasterSource, geometry) -> ZonalSum:
    """Σ value × share × true cell area over the window, cell by cell; same meaning as zonal.ZonalSum."""
    total_area = geodesic_area_m2(geometry, raster.crs)
    row0, row1, col0, col1 = window(raster, geometry)
    if row0 >= row1 or col0 >= col1:
        return ZonalSum(0.0, 0.0, 0, 0.0, total_area)
    transform = raster.transform * raster.transform.translation(col0, row0)
    shares = reference_fractions(geometry, transform, (row1 - row0, col1 - col0))
    values = raster.read(row0, row1, col0, col1).astype(np.float64)
    area = shares * raster.cell_areas(row0, row1, col0, col1)
    has_data = ~np.isnan(values)
    missing = (shares > 0) & ~has_data
    covered = float(area[has_data].sum())
    nodata_area = float(area[missing].sum())
    outside = max(0.0, total_area - covered - nodata_area)
    if outside <= 1e-4 * max(total_area, 1.0):
        outside = 0.0
    return ZonalSum(float((values * area)[has_data].sum()), covered, int(missing.sum()), nodata_area, outside)


def geodesic_weighted_sum(raster: RasterSource, geometry) -> float:
    """For a lon/lat raster: Σ value × ellipsoidal area of (cell ∩ polygon), each piece measured on the
    ellipsoid by pyproj.Geod (no cell-area formula, no share × cell area)."""
    assert raster.crs.is_geographic
    ellipsoid = raster.crs.ellipsoid
    geod = Geod(a=ellipsoid.semi_major_metre, rf=ellipsoid.inverse_flattening)
    row0, row1, col0, col1 = window(raster, geometry)
    transform = raster.transform * raster.transform.translation(col0, row0)
    pieces = _overlaid(geometry, cell_boxes(transform, (row1 - row0, col1 - col0)))
    values = raster.read(row0, row1, col0, col1).astype(np.float64)
    total = 0.0
    for (row, col), piece in np.ndenumerate(pieces):
        if piece.is_empty or np.isnan(values[row, col]):
            continue
        # Cell edges along parallels: densified so Geod's geodesic edges follow them.
        area, _perimeter = geod.geometry_area_perimeter(shapely.segmentize(piece, 0.0005))
        total += values[row, col] * abs(area)
    return total
