"""Exact area-weighted zonal sums of a raster over polygons, in any pair of CRS.

The balance needs Σ value × true cell area × share of the cell inside the unit. Cells a unit's
outline does not pass through are whole (inside or out): a centre-point rasterisation labels them,
and one pass over the raster, block by block, sums them per unit with ``np.bincount``. Only the
cells the outline passes through get a share, computed exactly with Green's theorem in numpy
(:func:`boundary_coverage`: every polygon edge is cut at the cell lines, and the signed area each
piece encloses is summed per cell), not by a geometric overlay. Units whose interiors overlap are
rasterised in separate groups, so each still gets its full sum. Units are reprojected into the
raster's CRS to pick cells, but cell areas are true ground areas: on the ellipsoid for a lon/lat
raster, planar area divided by the projection's areal scale for a projected one (EPSG:4537 near its
central meridian: < 0.05 %; Web Mercator: a factor ~2). tests/balance/reference_zonal.py holds the
slow cell-by-cell overlay this is checked against.
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import rasterio
import shapely
from pyproj import CRS, Proj, Transformer
from rasterio.features import rasterize
from rasterio.windows import Window

from ..core.errors import EngineInputError
from ..core.messages import register, text

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

# Rasters up to this many cells are read once and sliced per block; larger ones block by block.
_READ_WHOLE_MAX_CELLS = 30_000_000
# Cells per block of the one pass over the raster (labels, bin indices and values: ~20 bytes a cell).
_BLOCK_CELLS = 2_000_000
# Outlines cut into cell pieces together (a 1 km grid cell over a 30 m raster is ~130 pieces).
_UNITS_PER_CHUNK = 2_000
# Shares this close to 0 or 1 are 0 or 1: float noise of the Green sums, not geometry.
_SNAP = 1e-9
# Raster types whose every value a float32 holds exactly; others are worked in float64.
_FLOAT32_EXACT = ("float32", "uint8", "int8", "uint16", "int16")

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
            # GeoTIFF: GDAL (≥ 3.6) decompresses the tiles of one read on every core.
            threads = {"NUM_THREADS": "ALL_CPUS"} if str(path).lower().endswith((".tif", ".tiff")) else {}
            self.dataset = rasterio.open(path, **threads)
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
        self._work_dtype = np.float32 if self.dataset.dtypes[0] in _FLOAT32_EXACT else np.float64
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
        """Values (float32 when that holds every value of the raster's type exactly, else float64) with
        NaN wherever the raster has no data.

        Fast path: one or two comparisons find the suspect cells (negative, huge, NaN, the nodata
        value); only those few are looked at one by one.
        """
        values = values.astype(self._work_dtype, copy=False)  # a fresh array from read(): no copy needed
        nodata = self.nodata
        declared = nodata is not None and not math.isnan(nodata)
        if declared and float(np.asarray(nodata, dtype=self._work_dtype)) != nodata:
            declared = False  # a nodata value this type cannot hold matches no cell
        if self.non_negative:
            # As unsigned integers, the bits of the floats 0 ≤ x < 1e30 are exactly those below the bits
            # of 1e30 (negative floats have the top bit set, inf and NaN are above): one comparison.
            unsigned = np.uint32 if values.dtype == np.float32 else np.uint64
            suspect = values.view(unsigned) >= np.array(_FILL_MAGNITUDE, dtype=values.dtype).view(unsigned)
            if declared and 0 <= nodata < _FILL_MAGNITUDE:
                suspect |= values == nodata
        else:
            suspect = ~np.isfinite(values)
            if declared and math.isfinite(nodata):
                suspect |= values == nodata
        if not suspect.any():
            return values
        rows, cols = np.divmod(np.flatnonzero(suspect), values.shape[1])
        picked = values[rows, cols].astype(np.float64)
        if declared:
            picked[picked == nodata] = np.nan
        picked[~np.isfinite(picked)] = np.nan
        values[rows, cols] = picked
        if self.non_negative:
            self._mask_fill_and_refuse_negative(values, rows, cols, picked)
        return values

    def _mask_fill_and_refuse_negative(self, values: np.ndarray, rows: np.ndarray, cols: np.ndarray, picked: np.ndarray) -> None:
        """The suspect cells ``values[rows, cols]`` (= ``picked``, float64): usual fill → NaN, negative → refused."""
        fill = np.isin(picked, USUAL_FILL_VALUES) | (np.abs(picked) >= _FILL_MAGNITUDE)
        if fill.any():
            found, counts = np.unique(picked[fill], return_counts=True)
            for value, count in zip(found.tolist(), counts.tolist()):
                self.fill_cells[value] = self.fill_cells.get(value, 0) + count
            values[rows[fill], cols[fill]] = np.nan
            picked[fill] = np.nan
        negative = picked < 0  # NaN compares False
        if negative.any():
            row, col = int(rows[negative][0]), int(cols[negative][0])
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
        rows = np.arange(row0, row1)
        return self.row_areas(rows, np.full(len(rows), (col0 + col1) / 2.0))[:, None]

    def row_areas(self, rows: np.ndarray, mid_cols: np.ndarray) -> np.ndarray:
        """True ground area (m²) of a cell of each row ``rows[i]``, taken at column ``mid_cols[i]``.

        A lon/lat raster's cells are equal along a row; a projected raster's areal scale is read at
        each row's centre and the given column (the middle of a unit's window): one call for all units.
        """
        a, c, e, f = self.transform.a, self.transform.c, self.transform.e, self.transform.f
        rows = np.asarray(rows)
        if self.crs.is_geographic:
            ellipsoid = self.crs.ellipsoid
            semi_major = ellipsoid.semi_major_metre
            flattening = 1.0 / ellipsoid.inverse_flattening if ellipsoid.inverse_flattening else 0.0
            lat_top = f + e * rows
            lat_bottom = lat_top + e
            band = np.abs(_ellipsoid_band(lat_top, semi_major, flattening) - _ellipsoid_band(lat_bottom, semi_major, flattening))
            return band * math.radians(abs(a))
        planar = abs(a * e)
        if len(rows) == 0:
            return np.zeros(0)
        # Areal scale of the projection at each row's centre (middle column of the block).
        x_mid = c + a * np.asarray(mid_cols, dtype=float)
        y_rows = f + e * (rows + 0.5)
        to_geographic = _transformer(self.crs, self.crs.geodetic_crs)
        # Lists, not arrays: pyproj treats a 1-element array as a scalar point (NumPy deprecation).
        lon, lat = to_geographic.transform(x_mid.tolist(), y_rows.tolist())
        try:
            factors = _proj(self.crs).get_factors(lon, lat)
            scale = np.asarray(factors.areal_scale, dtype=float)
            scale = np.where(np.isfinite(scale) & (scale > 0), scale, 1.0)
        except Exception:  # a CRS pyproj cannot give factors for: planar area as is
            scale = np.ones(len(rows))
        return planar / scale


_per_thread = threading.local()


def _transformer(source: CRS, target: CRS) -> Transformer:
    """A cached transformer: building one costs more than transforming thousands of points, and
    pyproj transformers must not be shared between threads, so each thread keeps its own."""
    cache = _per_thread.__dict__.setdefault("transformers", {})
    key = (source.to_wkt(), target.to_wkt())
    if key not in cache:
        cache[key] = Transformer.from_crs(source, target, always_xy=True)
    return cache[key]


def _proj(crs: CRS) -> Proj:
    """A cached Proj (projection factors), per thread like :func:`_transformer`."""
    cache = _per_thread.__dict__.setdefault("projs", {})
    key = crs.to_wkt()
    if key not in cache:
        cache[key] = Proj(crs)
    return cache[key]


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


def _polygon_parts(geometries: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The polygons of each geometry (multipolygons and collections opened) and whose they are."""
    parts, owner = shapely.get_parts(geometries, return_index=True)
    while True:
        nested = np.isin(shapely.get_type_id(parts), (4, 5, 6, 7))
        if not nested.any():
            break
        inner, inner_owner = shapely.get_parts(parts[nested], return_index=True)
        parts = np.concatenate([parts[~nested], inner])
        owner = np.concatenate([owner[~nested], owner[nested][inner_owner]])
    polygons = shapely.get_type_id(parts) == 3
    return parts[polygons], owner[polygons]


def _grid_crossings(index: np.ndarray, start: np.ndarray, end: np.ndarray, other_start: np.ndarray, other_end: np.ndarray):
    """Where segments cross the integer lines of one grid coordinate: (segment, t along it, that
    coordinate exactly, the other coordinate)."""
    low, high = np.minimum(start, end), np.maximum(start, end)
    first, last = np.floor(low) + 1, np.ceil(high) - 1
    counts = np.maximum(last - first + 1, 0).astype(np.int64)
    segment = np.repeat(index, counts)
    step = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    line = np.repeat(first, counts) + step
    delta = (end - start)[segment]
    t = (line - start[segment]) / delta
    other = other_start[segment] + t * (other_end - other_start)[segment]
    return segment, t, line, other


def boundary_coverage(geometries, transform, shape: tuple[int, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The cells of a grid each polygon's outline passes through, with the exact share of each it covers.

    ``geometries``: one geometry or a sequence (same CRS as the grid). Returns four arrays, one entry
    per (geometry, cell): the geometry's position, the row, the column and the share (0–1). Cells
    the outline does not pass through are not listed: they are whole, inside or out.

    Green's theorem in grid coordinates (u = column, v = row, cells of area 1): the area of the
    polygon in cell (r, k) is ∮ (u − k) dv around the boundary of polygon ∩ cell. Along the cell's
    left edge u − k = 0, along its top and bottom dv = 0; along its right edge u − k = 1, and the
    length of that edge inside the polygon is the winding number integrated over the row, i.e. the
    Σ dv of the polygon's edge pieces in the same row further right. So every edge is cut at the
    cell lines, each piece adds (mean u − k)·dv to its cell and dv to its row's running sum, and
    share(r, k) = own sum + Σ dv of the pieces right of k in row r. Exterior rings count positive
    and holes negative whatever their orientation.
    """
    single = isinstance(geometries, shapely.Geometry)
    geometries = np.array([geometries] if single else list(geometries), dtype=object)
    rows_n, cols_n = shape
    empty = (np.zeros(0, dtype=np.int64),) * 3 + (np.zeros(0),)
    if rows_n == 0 or cols_n == 0 or len(geometries) == 0:
        return empty
    a, c, e, f = transform.a, transform.c, transform.e, transform.f
    # Clip to the grid plus one cell all round: the cells' areas are unchanged and an outline far
    # outside does not cost one crossing per grid line.
    xs, ys = (c - a, c + a * (cols_n + 1)), (f - e, f + e * (rows_n + 1))
    present = ~(shapely.is_missing(geometries) | shapely.is_empty(geometries))
    clipped = np.empty(len(geometries), dtype=object)
    clipped[present] = shapely.clip_by_rect(geometries[present], min(xs), min(ys), max(xs), max(ys))
    clipped[~present] = shapely.Polygon()
    parts, part_owner = _polygon_parts(clipped)
    if len(parts) == 0:
        return empty
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    exterior = np.r_[True, ring_part[1:] != ring_part[:-1]]
    coords, ring_of = shapely.get_coordinates(rings, return_index=True)
    u = (coords[:, 0] - c) / a
    v = (coords[:, 1] - f) / e
    starts = np.flatnonzero(ring_of[1:] == ring_of[:-1])
    u0, v0, u1, v1 = u[starts], v[starts], u[starts + 1], v[starts + 1]
    segment_ring = ring_of[starts]
    signed_area = np.bincount(segment_ring, weights=u0 * v1 - u1 * v0, minlength=len(rings))
    ring_sign = np.where(exterior, 1.0, -1.0) * np.sign(signed_area)
    segment_sign = ring_sign[segment_ring]
    segment_owner = part_owner[ring_part[segment_ring]]
    # Every segment cut at the column and row lines it crosses; pieces between consecutive cuts.
    index = np.arange(len(starts))
    col_cut = _grid_crossings(index, u0, u1, v0, v1)
    row_cut = _grid_crossings(index, v0, v1, u0, u1)
    segment = np.concatenate([index, index, col_cut[0], row_cut[0]])
    t = np.concatenate([np.zeros(len(index)), np.ones(len(index)), col_cut[1], row_cut[1]])
    pu = np.concatenate([u0, u1, col_cut[2], row_cut[3]])
    pv = np.concatenate([v0, v1, col_cut[3], row_cut[2]])
    order = np.lexsort((t, segment))
    segment, pu, pv = segment[order], pu[order], pv[order]
    head = np.flatnonzero(segment[1:] == segment[:-1])
    tail = head + 1
    moved = (pu[head] != pu[tail]) | (pv[head] != pv[tail])
    head, tail = head[moved], tail[moved]
    piece_segment = segment[head]
    mid_u = (pu[head] + pu[tail]) / 2
    mid_v = (pv[head] + pv[tail]) / 2
    piece_row = np.floor(mid_v).astype(np.int64)
    # Columns -1 and cols_n gather the pieces left and right of the grid (inside the clip margin):
    # the latter count in their rows' running sums, and each row's sum then closes to 0.
    piece_col = np.clip(np.floor(mid_u).astype(np.int64), -1, cols_n)
    dv = (pv[tail] - pv[head]) * segment_sign[piece_segment]
    own = (mid_u - piece_col) * dv
    in_rows = (piece_row >= 0) & (piece_row < rows_n)
    owner = segment_owner[piece_segment][in_rows]
    key = (owner * rows_n + piece_row[in_rows]) * (cols_n + 2) + (piece_col[in_rows] + 1)
    cells, inverse = np.unique(key, return_inverse=True)
    own_sum = np.bincount(inverse, weights=own[in_rows], minlength=len(cells))
    dv_sum = np.bincount(inverse, weights=dv[in_rows], minlength=len(cells))
    # Σ dv further right in the same row: the row's total minus the running sum up to this cell.
    row_key = cells // (cols_n + 2)
    running = np.cumsum(dv_sum)
    row_last = np.r_[np.flatnonzero(row_key[1:] != row_key[:-1]), len(cells) - 1]
    row_number = np.r_[0, np.cumsum(row_key[1:] != row_key[:-1])]
    share = own_sum + (running[row_last][row_number] - running)
    share = np.clip(share, 0.0, 1.0)
    share[share < _SNAP] = 0.0
    share[share > 1.0 - _SNAP] = 1.0
    col = cells % (cols_n + 2) - 1
    inside = (col >= 0) & (col < cols_n)
    return (
        (row_key // rows_n)[inside],
        (row_key % rows_n)[inside],
        col[inside],
        share[inside],
    )


def coverage_fractions(geometry, transform, shape: tuple[int, int]) -> np.ndarray:
    """Share (0–1) of each cell of a grid covered by ``geometry`` (same CRS as the grid), exact.

    Cells the outline does not pass through get 0 or 1 from a centre-point rasterisation; the
    others their exact share from :func:`boundary_coverage`.
    """
    rows, cols = shape
    fractions = np.zeros(shape, dtype=np.float64)
    if rows == 0 or cols == 0 or geometry is None or geometry.is_empty:
        return fractions
    inside = rasterize(
        [(geojson_mapping(geometry), 1)], out_shape=shape, transform=transform, fill=0, all_touched=False, dtype="uint8"
    )
    fractions[inside.astype(bool)] = 1.0
    _owner, cell_rows, cell_cols, shares = boundary_coverage(geometry, transform, shape)
    fractions[cell_rows, cell_cols] = shares
    return fractions


def _window(raster: RasterSource, geometry) -> tuple[int, int, int, int]:
    """(row0, row1, col0, col1): the cells under the geometry's bounds, clipped to the raster (may be empty)."""
    a, c, e, f = raster.transform.a, raster.transform.c, raster.transform.e, raster.transform.f
    gx_min, gy_min, gx_max, gy_max = geometry.bounds
    # Cell index range covering the geometry's bounds, clipped to the raster.
    col_lo = math.floor((gx_min - c) / a) if a > 0 else math.floor((gx_max - c) / a)
    col_hi = math.ceil((gx_max - c) / a) if a > 0 else math.ceil((gx_min - c) / a)
    row_lo = math.floor((gy_max - f) / e) if e < 0 else math.floor((gy_min - f) / e)
    row_hi = math.ceil((gy_min - f) / e) if e < 0 else math.ceil((gy_max - f) / e)
    col0, col1 = max(col_lo, 0), min(col_hi, raster.width)
    row0, row1 = max(row_lo, 0), min(row_hi, raster.height)
    return row0, row1, col0, col1


def _disjoint_groups(geometries: np.ndarray) -> np.ndarray:
    """A group number per geometry such that no two of a group have interiors that meet.

    Units that only touch (a shared border) share a group; overlapping ones are rasterised apart,
    since one label raster can give a cell to one unit only.
    """
    groups = np.zeros(len(geometries), dtype=np.int64)
    if len(geometries) < 2:
        return groups
    first, second = shapely.STRtree(geometries).query(geometries, predicate="intersects")
    keep = first < second
    first, second = first[keep], second[keep]
    # Boxes whose interiors do not meet hold polygons whose interiors do not meet (grid cells, tiles).
    box = shapely.bounds(geometries)
    open_overlap = (
        (box[first, 0] < box[second, 2]) & (box[second, 0] < box[first, 2])
        & (box[first, 1] < box[second, 3]) & (box[second, 1] < box[first, 3])
    )
    first, second = first[open_overlap], second[open_overlap]
    if len(first):
        meet = shapely.relate_pattern(geometries[first], geometries[second], "T********")
        first, second = first[meet], second[meet]
    if not len(first):
        return groups
    neighbours: list[list[int]] = [[] for _ in range(len(geometries))]
    for i, j in zip(first.tolist(), second.tolist()):
        neighbours[i].append(j)
        neighbours[j].append(i)
    groups[:] = -1
    for i in range(len(geometries)):
        taken = {int(groups[j]) for j in neighbours[i] if groups[j] >= 0}
        group = 0
        while group in taken:
            group += 1
        groups[i] = group
    return groups


def zonal_sums(
    raster: RasterSource, geometries: Sequence, *, on_block: Callable[[float], None] | None = None
) -> list[ZonalSum]:
    """Area-weighted sums of the raster over each geometry (already in the raster's CRS), in one pass.

    The raster is read once, block of rows by block of rows; per block each group of units with
    disjoint interiors is rasterised (cell centres), and its whole cells are summed per run of equal
    labels along each row (``np.add.reduceat``, float64) and per unit (``np.bincount``), each run
    multiplied by the true area of a cell of its row, taken at the middle column of the unit's window.
    Cells an outline passes through are left out of the labels and added with their exact share
    (:func:`boundary_coverage`). ``on_block(share done)`` is called
    after every block (progress; it may raise to cancel).
    """
    geometries = np.array(list(geometries), dtype=object)
    count = len(geometries)
    results = [ZonalSum(0.0, 0.0, 0, 0.0, 0.0) for _ in range(count)]
    present = ~(shapely.is_missing(geometries) | shapely.is_empty(geometries))
    total_area = np.zeros(count)
    total_area[present] = _geodesic_areas_m2(geometries[present], raster.crs)
    windows = np.zeros((count, 4), dtype=np.int64)
    for unit in np.flatnonzero(present):
        windows[unit] = _window(raster, geometries[unit])
    row0, row1, col0, col1 = windows.T
    summed = np.flatnonzero(present & (row0 < row1) & (col0 < col1))
    weighted = np.zeros(count)
    covered = np.zeros(count)
    nodata_cells = np.zeros(count)
    nodata_area = np.zeros(count)
    if len(summed):
        _sum_in_one_pass(raster, geometries, summed, windows, (weighted, covered, nodata_cells, nodata_area), on_block)
    for unit in np.flatnonzero(present):
        outside = max(0.0, total_area[unit] - covered[unit] - nodata_area[unit])
        # Geodesic unit area vs per-row cell scale differ by ~1e-5: that is not "outside".
        if outside <= 1e-4 * max(total_area[unit], 1.0):
            outside = 0.0
        results[unit] = ZonalSum(float(weighted[unit]), float(covered[unit]), int(nodata_cells[unit]), float(nodata_area[unit]), outside)
    return results


def _sum_in_one_pass(raster: RasterSource, geometries: np.ndarray, summed: np.ndarray, windows: np.ndarray, totals, on_block) -> None:
    """Add each unit's Σ value × area × share, covered area, no-data cells and area into ``totals``."""
    weighted, covered, nodata_cells, nodata_area = totals
    row0, row1, col0, col1 = (column[summed] for column in windows.T)
    units = len(summed)
    # True cell areas of every row of every unit's window, in one flat table.
    row_counts = row1 - row0
    area_start = np.cumsum(row_counts) - row_counts
    unit_of_area = np.repeat(np.arange(units), row_counts)
    area_rows = np.repeat(row0, row_counts) + (np.arange(int(row_counts.sum())) - np.repeat(area_start, row_counts))
    areas = raster.row_areas(area_rows, ((col0 + col1) / 2.0)[unit_of_area])
    # Exact shares of the cells the outlines pass through, sorted by row.
    # In chunks of units: the pieces of many outlines at once can take more memory than their result.
    chunks = [
        boundary_coverage(geometries[summed[first : first + _UNITS_PER_CHUNK]], raster.transform, (raster.height, raster.width))
        for first in range(0, units, _UNITS_PER_CHUNK)
    ]
    edge_unit = np.concatenate([chunk[0] + index * _UNITS_PER_CHUNK for index, chunk in enumerate(chunks)])
    edge_row, edge_col, edge_share = (np.concatenate([chunk[part] for chunk in chunks]) for part in (1, 2, 3))
    # An outline lying on a grid line lists the cell beyond it too (share 0): outside its window, drop it.
    in_window = (
        (edge_row >= row0[edge_unit]) & (edge_row < row1[edge_unit]) & (edge_col >= col0[edge_unit]) & (edge_col < col1[edge_unit])
    )
    by_row = np.flatnonzero(in_window)[np.argsort(edge_row[in_window], kind="stable")]
    edge_unit, edge_row, edge_col, edge_share = edge_unit[by_row], edge_row[by_row], edge_col[by_row], edge_share[by_row]
    edge_area = edge_share * areas[area_start[edge_unit] + edge_row - row0[edge_unit]]
    groups = _disjoint_groups(geometries[summed])
    shapes = [json.loads(text) for text in shapely.to_geojson(geometries[summed])]  # as geojson_mapping, all at once
    top, bottom, left, right = int(row0.min()), int(row1.max()), int(col0.min()), int(col1.max())
    block_rows = max(1, _BLOCK_CELLS // (right - left))
    accumulated = np.zeros((4, units))
    for block_top in range(top, bottom, block_rows):
        block_bottom = min(bottom, block_top + block_rows)
        values = raster.read(block_top, block_bottom, left, right)
        no_data = np.isnan(values)
        filled = np.where(no_data, 0, values)
        missing = np.flatnonzero(no_data)
        first, last = np.searchsorted(edge_row, [block_top, block_bottom])
        block_edges = slice(first, last)
        _add_edge_cells(
            values[edge_row[block_edges] - block_top, edge_col[block_edges] - left],
            edge_unit[block_edges],
            edge_share[block_edges],
            edge_area[block_edges],
            accumulated,
        )
        transform = raster.transform * raster.transform.translation(left, block_top)
        for group in np.unique(groups):
            active = np.flatnonzero((groups == group) & (row0 < block_bottom) & (row1 > block_top))
            if len(active) == 0:
                continue
            labels = rasterize(
                [(shapes[unit], label + 1) for label, unit in enumerate(active)],
                out_shape=values.shape,
                transform=transform,
                fill=0,
                all_touched=False,
                dtype="uint16" if len(active) < 65_535 else "int32",
            )
            # Cells an outline passes through are summed with their share above, not whole here. A
            # share of 0 (an outline along the cell's side) leaves the cell to the unit it is inside.
            label_of_unit = np.zeros(units, dtype=np.int64)
            label_of_unit[active] = np.arange(1, len(active) + 1)
            in_group = np.flatnonzero(groups[edge_unit[block_edges]] == group) + first
            cell_rows, cell_cols = edge_row[in_group] - block_top, edge_col[in_group] - left
            edge_cell = (edge_share[in_group] > 0) | (labels[cell_rows, cell_cols] == label_of_unit[edge_unit[in_group]])
            labels[cell_rows[edge_cell], cell_cols[edge_cell]] = 0
            _add_whole_cells(labels, filled, missing, active, (row0, row1, area_start), areas, block_top, accumulated)
        if on_block is not None:
            on_block((block_bottom - top) / (bottom - top))
    weighted[summed] += accumulated[0]
    covered[summed] += accumulated[1]
    nodata_cells[summed] += accumulated[2]
    nodata_area[summed] += accumulated[3]


def _add_edge_cells(values: np.ndarray, unit: np.ndarray, share: np.ndarray, area: np.ndarray, accumulated: np.ndarray) -> None:
    """Cells an outline passes through: value × share × area, and their share of covered or no-data area."""
    units = accumulated.shape[1]
    has_data = ~np.isnan(values)
    touched = share > 0
    counted = has_data & touched
    missing = touched & ~has_data
    accumulated[0] += np.bincount(unit[counted], weights=values[counted].astype(np.float64) * area[counted], minlength=units)
    accumulated[1] += np.bincount(unit[has_data], weights=area[has_data], minlength=units)
    accumulated[2] += np.bincount(unit[missing], minlength=units)
    accumulated[3] += np.bincount(unit[missing], weights=area[missing], minlength=units)


def _add_whole_cells(labels, filled, missing, active, unit_rows, areas, block_top, accumulated) -> None:
    """Whole cells of the block (label = position in ``active`` + 1, 0 = none) into ``accumulated``.

    Labels come in runs along each row: one ``np.add.reduceat`` sums the values (``filled``: no data
    as 0) of every run in float64, the no-data cells of each run are counted from the few ``missing``
    ones (flat positions), and a run is one unit in one row, so × that row's true cell area for the unit.
    """
    row0, _row1, area_start = unit_rows
    rows, cols = labels.shape
    flat = labels.ravel()
    run_start = np.empty(flat.size, dtype=bool)
    run_start[0] = True
    np.not_equal(flat[1:], flat[:-1], out=run_start[1:])
    run_start[::cols] = True  # runs end with their row
    starts = np.flatnonzero(run_start)
    ends = np.r_[starts[1:], flat.size]
    value_sum = np.add.reduceat(filled.ravel(), starts, dtype=np.float64)
    missing_in_run = np.bincount(np.searchsorted(starts, missing, side="right") - 1, minlength=len(starts))
    label = flat[starts].astype(np.int64)
    counted = label > 0
    starts, ends, label = starts[counted], ends[counted], label[counted]
    value_sum, missing_in_run = value_sum[counted], missing_in_run[counted]
    run_row = starts // cols
    unit = active[label - 1]
    area = areas[area_start[unit] + block_top + run_row - row0[unit]]
    with_data = (ends - starts) - missing_in_run
    units = accumulated.shape[1]
    accumulated[0] += np.bincount(unit, weights=value_sum * area, minlength=units)
    accumulated[1] += np.bincount(unit, weights=with_data * area, minlength=units)
    accumulated[2] += np.bincount(unit, weights=missing_in_run, minlength=units)
    accumulated[3] += np.bincount(unit, weights=missing_in_run * area, minlength=units)


def zonal_sum(raster: RasterSource, geometry) -> ZonalSum:
    """Area-weighted sum of the raster over ``geometry`` (already in the raster's CRS)."""
    return zonal_sums(raster, [geometry])[0]


def _geodesic_areas_m2(geometries: np.ndarray, crs: CRS) -> np.ndarray:
    """:func:`geodesic_area_m2` of many geometries (none missing or empty) with one coordinate
    transformation for all: the same numbers, without the per-geometry set-up."""
    geometries, geod = _on_the_ellipsoid(geometries, crs)
    parts, part_owner = shapely.get_parts(geometries, return_index=True)
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    exterior = np.r_[True, ring_part[1:] != ring_part[:-1]] if len(rings) else np.zeros(0, dtype=bool)
    coords, ring_of = shapely.get_coordinates(rings, return_index=True)
    bounds = np.searchsorted(ring_of, np.arange(len(rings) + 1))
    ring_area = np.array(
        [abs(geod.polygon_area_perimeter(coords[a:b, 0], coords[a:b, 1])[0]) for a, b in zip(bounds[:-1], bounds[1:])]
    )
    signed = np.where(exterior, ring_area, -ring_area) if len(rings) else np.zeros(0)
    areas = np.zeros(len(geometries))
    # Summed ring by ring in order, as geodesic_area_m2 does.
    for owner, area in zip(part_owner[ring_part].tolist(), signed.tolist()):
        areas[owner] += area
    return areas


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
    if geometry is None or geometry.is_empty:
        return 0.0
    geometry, geod = _on_the_ellipsoid(geometry, crs)
    return _polygon_area_on(geod, geometry)


def _on_the_ellipsoid(geometries, crs: CRS):
    """(the geometries in the CRS's own geographic CRS, the Geod of its ellipsoid): what a true area is measured on."""
    from pyproj import Geod

    crs = CRS.from_user_input(crs)
    geographic = crs.geodetic_crs
    if not crs.is_geographic:
        transformer = _transformer(crs, geographic)
        geometries = shapely.transform(geometries, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))
    ellipsoid = geographic.ellipsoid
    return geometries, Geod(a=ellipsoid.semi_major_metre, rf=ellipsoid.inverse_flattening or 0)
