"""Exact area-weighted zonal sums of a raster over polygons, in any pair of CRS.

The balance needs Σ value × true cell area × share of the cell inside the unit. Interior cells are
handled as whole arrays; only the cells the unit's boundary passes through are intersected with
the geometry (row by row, against the strip of the polygon in that row, so each intersection is
small). Units are reprojected into the raster's CRS to pick cells, but cell areas are true ground
areas: on the ellipsoid for a lon/lat raster, planar area divided by the projection's areal scale
for a projected one (EPSG:4537 near its central meridian: < 0.05 %; Web Mercator: a factor ~2).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

import numpy as np
import rasterio
import shapely
from pyproj import CRS, Proj, Transformer
from rasterio.features import rasterize
from rasterio.windows import Window

from .errors import EngineInputError
from .messages import register, text

register(
    {
        "zonal.cannot_open": ("cannot open the raster ({error})", "无法打开栅格（{error}）"),
        "zonal.no_crs": ("the raster has no coordinate reference system", "栅格没有坐标参考系"),
        "zonal.assign_crs": (
            "assign its CRS (Raster ▸ Projections ▸ Assign Projection) and run again",
            "请为其指定坐标参考系（栅格 ▸ 投影 ▸ 指定投影）后重新运行",
        ),
        "zonal.rotated": ("the raster is rotated; warp it to a north-up grid first", "栅格有旋转；请先将其重投影为正北朝上的格网"),
        "zonal.negative": (
            "{n} cell(s) hold negative recharge (e.g. {value:g} at row {row}, column {col} of the part read); recharge in "
            "mm/a cannot be negative",
            "{n} 个像元的补给量为负（例如读取部分第 {row} 行、第 {col} 列为 {value:g}）；以 mm/a 计的补给量不能为负",
        ),
        "zonal.cells_of": ("{n} cell(s) of {value:g}", "{n} 个值为 {value:g} 的像元"),
        "zonal.declares": ("declares {value:g}", "声明为 {value:g}"),
        "zonal.declares_none": ("declares none", "未声明"),
        "zonal.fill_note": (
            "Layer '{layer}': {found} taken as no data — a usual fill value, not recharge (the raster's nodata {declared}). "
            "Set the nodata value in the raster to be explicit.",
            "图层“{layer}”：{found} 按无数据处理——这是常见的填充值，不是补给量（栅格的无数据值{declared}）。"
            "请在栅格中明确设置无数据值。",
        ),
        "zonal.set_nodata": (
            "set the raster's nodata value if these cells are fill, or correct the raster",
            "如这些像元为填充值，请设置栅格的无数据值；否则请更正栅格",
        ),
    }
)

# Rasters up to this many cells are read once and sliced per unit; larger ones per unit window.
_READ_WHOLE_MAX_CELLS = 30_000_000

# Values GIS software writes into "empty" cells. In a recharge raster (mm/a, never negative) they can only be
# fill, even where the file does not declare them as nodata; magnitudes from 1e30 up are float fills too.
USUAL_FILL_VALUES = (-9999.0, -99999.0, -32768.0, -32767.0, -3.4028234663852886e38)
_FILL_MAGNITUDE = 1e30


@dataclass
class ZonalSum:
    """Σ value × area × coverage over one unit, plus how much of the unit had no data."""

    weighted_sum: float  # Σ value × covered area (value units × m²)
    covered_area_m2: float  # area of cells with data inside the unit
    nodata_cells: int  # cells inside (even partly) the unit with no data
    nodata_area_m2: float
    outside_area_m2: float  # part of the unit outside the raster's extent


class RasterSource:
    """An open single-band raster with nodata/NaN masking and true cell areas."""

    def __init__(self, path: str, layer_label: str = "RECHARGE", *, non_negative: bool = True) -> None:
        """``non_negative``: the raster holds a quantity that cannot be negative (recharge in mm/a): the usual fill
        values are no data (counted in ``fill_cells``) and any other negative value is refused."""
        self.label = layer_label
        self.non_negative = non_negative
        self.fill_cells: dict[float, int] = {}
        try:
            self.dataset = rasterio.open(path)
        except rasterio.errors.RasterioIOError as exc:
            raise EngineInputError(text("zonal.cannot_open", error=exc), layer=layer_label) from None
        if self.dataset.crs is None:
            raise EngineInputError(
                text("zonal.no_crs"),
                layer=layer_label,
                hint=text("zonal.assign_crs"),
            )
        self.crs = CRS.from_user_input(self.dataset.crs.to_wkt())
        self.transform = self.dataset.transform
        if self.transform.b != 0 or self.transform.d != 0:
            raise EngineInputError(
                text("zonal.rotated"), layer=layer_label
            )
        self.width = self.dataset.width
        self.height = self.dataset.height
        self.nodata = self.dataset.nodata
        self._whole: np.ndarray | None = None
        if self.width * self.height <= _READ_WHOLE_MAX_CELLS:
            self._whole = self._masked(self.dataset.read(1))
        self._row_area_cache: dict[tuple[int, int, int, int], np.ndarray] = {}

    def close(self) -> None:
        self.dataset.close()

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        b = self.dataset.bounds
        return (b.left, b.bottom, b.right, b.top)

    def _masked(self, values: np.ndarray) -> np.ndarray:
        """Float64 values with NaN wherever the raster has no data."""
        values = values.astype(np.float64)
        if self.nodata is not None and not math.isnan(self.nodata):
            values[values == self.nodata] = np.nan
        values[~np.isfinite(values)] = np.nan
        if self.non_negative:
            self._mask_fill_and_refuse_negative(values)
        return values

    def _mask_fill_and_refuse_negative(self, values: np.ndarray) -> None:
        fill = np.isin(values, USUAL_FILL_VALUES) | (np.abs(values) >= _FILL_MAGNITUDE)
        if fill.any():
            found, counts = np.unique(values[fill], return_counts=True)
            for value, count in zip(found.tolist(), counts.tolist()):
                self.fill_cells[value] = self.fill_cells.get(value, 0) + count
            values[fill] = np.nan
        negative = values < 0  # NaN compares False
        if negative.any():
            row, col = (int(i[0]) for i in np.nonzero(negative))
            raise EngineInputError(
                text("zonal.negative", n=int(negative.sum()), value=values[row, col], row=row, col=col),
                layer=self.label,
                hint=text("zonal.set_nodata"),
            )

    def fill_note(self) -> str | None:
        """What was taken as fill though the raster did not declare it, for the log; None when nothing was."""
        if not self.fill_cells:
            return None
        found = ", ".join(text("zonal.cells_of", n=count, value=value) for value, count in sorted(self.fill_cells.items()))
        declared = text("zonal.declares", value=self.nodata) if self.nodata is not None else text("zonal.declares_none")
        return text("zonal.fill_note", layer=self.label, found=found, declared=declared)

    def read(self, row0: int, row1: int, col0: int, col1: int) -> np.ndarray:
        if self._whole is not None:
            return self._whole[row0:row1, col0:col1]
        window = Window(col0, row0, col1 - col0, row1 - row0)
        return self._masked(self.dataset.read(1, window=window))

    def cell_areas(self, row0: int, row1: int, col0: int, col1: int) -> np.ndarray:
        """True ground area (m²) of each cell of the block, shape (rows, cols) or broadcastable."""
        a, c, e, f = self.transform.a, self.transform.c, self.transform.e, self.transform.f
        rows = np.arange(row0, row1)
        if self.crs.is_geographic:
            ellipsoid = self.crs.ellipsoid
            semi_major = ellipsoid.semi_major_metre
            flattening = 1.0 / ellipsoid.inverse_flattening if ellipsoid.inverse_flattening else 0.0
            lat_top = f + e * rows
            lat_bottom = lat_top + e
            band = np.abs(_ellipsoid_band(lat_top, semi_major, flattening) - _ellipsoid_band(lat_bottom, semi_major, flattening))
            return (band * math.radians(abs(a)))[:, None]
        planar = abs(a * e)
        # Areal scale of the projection at each row's centre (middle column of the block).
        x_mid = c + a * ((col0 + col1) / 2.0)
        y_rows = f + e * (rows + 0.5)
        to_geographic = Transformer.from_crs(self.crs, self.crs.geodetic_crs, always_xy=True)
        # Lists, not arrays: pyproj treats a 1-element array as a scalar point (NumPy deprecation).
        lon, lat = to_geographic.transform([x_mid] * len(rows), y_rows.tolist())
        try:
            factors = Proj(self.crs).get_factors(lon, lat)
            scale = np.asarray(factors.areal_scale, dtype=float)
            scale = np.where(np.isfinite(scale) & (scale > 0), scale, 1.0)
        except Exception:  # a CRS pyproj cannot give factors for: planar area as is
            scale = np.ones(len(rows))
        return (planar / scale)[:, None]


def _ellipsoid_band(lat_deg: np.ndarray, semi_major: float, flattening: float) -> np.ndarray:
    """Area (m² per radian of longitude) between the equator and latitude ``lat_deg``."""
    e2 = flattening * (2 - flattening)
    sin_lat = np.sin(np.radians(lat_deg))
    if e2 == 0:
        return semi_major**2 * sin_lat
    e = math.sqrt(e2)
    q = sin_lat / (1 - e2 * sin_lat**2) + (1 / (2 * e)) * np.log((1 + e * sin_lat) / (1 - e * sin_lat))
    return semi_major**2 * (1 - e2) / 2 * q


def geojson_mapping(geometry) -> dict:
    """A GeoJSON dict for rasterio, built by GEOS's GeoJSON writer.

    Not ``__geo_interface__``: inside qgis_process the executable has already loaded the system GEOS,
    whose symbols shadow some of those of shapely's bundled GEOS; coordinate access through
    ``__geo_interface__`` and the WKB/WKT writers then fail, while ``to_geojson`` works.
    """
    return json.loads(shapely.to_geojson(geometry))


def _dilate(mask: np.ndarray) -> np.ndarray:
    """Grow a boolean mask by one cell in the 8 directions (safety margin around the boundary)."""
    grown = mask.copy()
    grown[1:, :] |= mask[:-1, :]
    grown[:-1, :] |= mask[1:, :]
    horizontal = grown.copy()
    grown[:, 1:] |= horizontal[:, :-1]
    grown[:, :-1] |= horizontal[:, 1:]
    return grown


def coverage_fractions(geometry, transform, shape: tuple[int, int]) -> np.ndarray:
    """Share (0–1) of each cell of a grid covered by ``geometry`` (same CRS as the grid), exact.

    Cells well inside get 1 from a centre-point rasterisation; cells on the boundary (and their
    neighbours, as a safety margin) are intersected with the geometry.
    """
    rows, cols = shape
    fractions = np.zeros(shape, dtype=np.float64)
    if rows == 0 or cols == 0 or geometry is None or geometry.is_empty:
        return fractions
    inside = rasterize(
        [(geojson_mapping(geometry), 1)], out_shape=shape, transform=transform, fill=0, all_touched=False, dtype="uint8"
    ).astype(bool)
    boundary = rasterize(
        [(geojson_mapping(shapely.boundary(geometry)), 1)], out_shape=shape, transform=transform, fill=0, all_touched=True, dtype="uint8"
    ).astype(bool)
    boundary = _dilate(boundary)
    fractions[inside & ~boundary] = 1.0
    a, c, e, f = transform.a, transform.c, transform.e, transform.f
    cell_area = abs(a * e)
    for row in np.flatnonzero(boundary.any(axis=1)):
        row_cols = np.flatnonzero(boundary[row])
        y_a, y_b = f + e * row, f + e * (row + 1)
        y_min, y_max = min(y_a, y_b), max(y_a, y_b)
        x_left = c + a * row_cols
        x_right = x_left + a
        x_min_all = min(x_left.min(), x_right.min())
        x_max_all = max(x_left.max(), x_right.max())
        # Clip once to the row's strip: intersections below then work on a small piece.
        strip = shapely.clip_by_rect(geometry, x_min_all, y_min, x_max_all, y_max)
        if strip.is_empty:
            continue
        boxes = shapely.box(np.minimum(x_left, x_right), y_min, np.maximum(x_left, x_right), y_max)
        # GEOS's overlay leaves the CPU's "invalid" flag set on some cell edges (its robustness
        # fallbacks compute NaN internally); numpy reports that as a RuntimeWarning on stderr. The
        # results are valid geometries, so the flag is expected noise here.
        with np.errstate(invalid="ignore"):
            areas = shapely.area(shapely.intersection(boxes, strip))
        fractions[row, row_cols] = np.clip(areas / cell_area, 0.0, 1.0)
    return fractions


def zonal_sum(raster: RasterSource, geometry) -> ZonalSum:
    """Area-weighted sum of the raster over ``geometry`` (already in the raster's CRS)."""
    if geometry is None or geometry.is_empty:
        return ZonalSum(0.0, 0.0, 0, 0.0, 0.0)
    a, c, e, f = raster.transform.a, raster.transform.c, raster.transform.e, raster.transform.f
    gx_min, gy_min, gx_max, gy_max = geometry.bounds
    # Cell index range covering the geometry's bounds, clipped to the raster.
    col_lo = math.floor((gx_min - c) / a) if a > 0 else math.floor((gx_max - c) / a)
    col_hi = math.ceil((gx_max - c) / a) if a > 0 else math.ceil((gx_min - c) / a)
    row_lo = math.floor((gy_max - f) / e) if e < 0 else math.floor((gy_min - f) / e)
    row_hi = math.ceil((gy_min - f) / e) if e < 0 else math.ceil((gy_max - f) / e)
    col0, col1 = max(col_lo, 0), min(col_hi, raster.width)
    row0, row1 = max(row_lo, 0), min(row_hi, raster.height)
    total_area = _true_area_in_raster_crs(geometry, raster)
    if col0 >= col1 or row0 >= row1:
        return ZonalSum(0.0, 0.0, 0, 0.0, total_area)
    window_transform = raster.transform * raster.transform.translation(col0, row0)
    fractions = coverage_fractions(geometry, window_transform, (row1 - row0, col1 - col0))
    values = raster.read(row0, row1, col0, col1)
    areas = raster.cell_areas(row0, row1, col0, col1)
    weighted_area = fractions * areas
    has_data = ~np.isnan(values)
    touched = fractions > 0
    covered_area = float(np.sum(weighted_area[has_data]))
    nodata_mask = touched & ~has_data
    nodata_area = float(np.sum(weighted_area[nodata_mask]))
    weighted_sum = float(np.sum((values * weighted_area)[has_data & touched]))
    outside = max(0.0, total_area - covered_area - nodata_area)
    # Geodesic unit area vs per-row cell scale differ by ~1e-5: that is not "outside".
    if outside <= 1e-4 * max(total_area, 1.0):
        outside = 0.0
    return ZonalSum(weighted_sum, covered_area, int(nodata_mask.sum()), nodata_area, outside)


def _true_area_in_raster_crs(geometry, raster: RasterSource) -> float:
    """Ground area (m²) of a geometry given in the raster's CRS."""
    return geodesic_area_m2(geometry, raster.crs)


def _polygon_area_on(geod, geometry) -> float:
    """|exterior| − |holes| per polygon part, from ring coordinates (no WKB/__geo_interface__,
    see :func:`geojson_mapping`)."""
    total = 0.0
    for part in shapely.get_parts(geometry):
        for index, ring in enumerate(shapely.get_rings(part)):
            xy = shapely.get_coordinates(ring)
            ring_area = abs(geod.polygon_area_perimeter(xy[:, 0], xy[:, 1])[0])
            total += ring_area if index == 0 else -ring_area
    return total


def geodesic_area_m2(geometry, crs: CRS) -> float:
    """Area on the ellipsoid (m²) of a polygon in any CRS: the true area, whatever the projection."""
    from pyproj import Geod

    if geometry is None or geometry.is_empty:
        return 0.0
    crs = CRS.from_user_input(crs)
    geographic = crs.geodetic_crs
    if not crs.is_geographic:
        transformer = Transformer.from_crs(crs, geographic, always_xy=True)
        geometry = shapely.transform(geometry, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))
    ellipsoid = geographic.ellipsoid
    geod = Geod(a=ellipsoid.semi_major_metre, rf=ellipsoid.inverse_flattening or 0)
    return _polygon_area_on(geod, geometry)
