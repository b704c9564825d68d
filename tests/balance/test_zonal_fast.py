"""engine.zonal's fast path (Green's-theorem shares, one pass with rasterize + bincount) against the slow
cell-by-cell overlay of tests/balance/reference_zonal.py and against sums by hand, on small real GeoTIFFs.

Hand-built raster: 6 × 8 cells of 100 m in EPSG:4537 on the central meridian (tests/balance/data.py's
origin), cell (r, c) = r * 8 + c + 1 mm/a, so every cell is told apart. A cell is 10 000 m² (the
projection's areal scale there is 1 within 1e-7, hence HAND): a share s of cell (r, c) adds
s × (8r + c + 1) × 10 m³. Shares agree with GEOS's overlay to 1e-11 (OVERLAY): the overlay works on
coordinates of 5e6 m, Green's theorem on cell units, and each rounds differently.
"""

from __future__ import annotations

import numpy as np
import pytest
import rasterio
import shapely
from affine import Affine
from rasterio.transform import from_origin

from tests.balance import data
from tests.balance.reference_zonal import geodesic_weighted_sum, reference_fractions, reference_zonal_sum
from tuoli_gw_plugin.engine.balance import zonal
from tuoli_gw_plugin.engine.balance.zonal import RasterSource, boundary_coverage, coverage_fractions, zonal_sum, zonal_sums

X0, Y0, CELL = data.X0, data.Y0, data.CELL
VALUES = (np.arange(48, dtype=np.float32) + 1).reshape(6, 8)
HAND = 1e-7
OVERLAY = 1e-11


def _xy(col: float, row: float) -> tuple[float, float]:
    """Map coordinates of a point given in cell units from the raster's top-left corner."""
    return X0 + col * CELL, Y0 - row * CELL


def _polygon(points, holes=()):
    return shapely.Polygon([_xy(*p) for p in points], [[_xy(*p) for p in hole] for hole in holes])


SQUARE_2_5 = _polygon([(1, 1), (3.5, 1), (3.5, 2), (1, 2)])  # row 1: cols 1, 2 whole, col 3 half
TRIANGLE = _polygon([(0.3, 0.2), (7.6, 1.7), (2.2, 5.9)])
WITH_HOLE = _polygon([(0.5, 0.5), (7.5, 0.5), (7.5, 5.5), (0.5, 5.5)], holes=[[(2.25, 1.75), (5.6, 2.1), (4.1, 4.4)]])
MULTI = shapely.MultiPolygon([_polygon([(0.2, 0.2), (1.8, 0.2), (1.8, 1.8)]), _polygon([(4, 3), (7.3, 3), (7.3, 5.9), (4, 5.9)])])
PARTLY_OUTSIDE = _polygon([(5.5, -2), (11, -2), (11, 2.5), (5.5, 2.5)])  # 2.5 columns × 2.5 rows inside
SHAPES = {
    "square of 2.5 cells": SQUARE_2_5,
    "triangle": TRIANGLE,
    "hole": WITH_HOLE,
    "multipolygon": MULTI,
    "partly outside": PARTLY_OUTSIDE,
}


@pytest.fixture
def raster(tmp_path):
    source = RasterSource(str(data.write_raster(tmp_path / "r.tif", VALUES)))
    yield source
    source.close()


def _assert_same(fast, slow, rel=1e-9):
    assert fast.weighted_sum == pytest.approx(slow.weighted_sum, rel=rel)
    assert fast.covered_area_m2 == pytest.approx(slow.covered_area_m2, rel=rel)
    assert fast.nodata_cells == slow.nodata_cells
    assert fast.nodata_area_m2 == pytest.approx(slow.nodata_area_m2, rel=rel, abs=1e-6)
    assert fast.outside_area_m2 == pytest.approx(slow.outside_area_m2, rel=1e-6, abs=1e-6)


def test_a_square_of_two_and_a_half_cells_by_hand(raster):
    rows, cols, shares = boundary_coverage(SQUARE_2_5, raster.transform, (6, 8))[1:]
    listed = {(int(r), int(c)): float(s) for r, c, s in zip(rows, cols, shares) if s > 0}
    assert listed[(1, 3)] == pytest.approx(0.5, abs=1e-12)
    fractions = coverage_fractions(SQUARE_2_5, raster.transform, (6, 8))
    assert fractions.sum() == pytest.approx(2.5, abs=1e-12)
    assert fractions[1, 1:4].tolist() == pytest.approx([1.0, 1.0, 0.5], abs=1e-12)
    # (10 + 11 + 0.5 × 12) mm × 10 000 m² / 1000 = 270 m³
    assert zonal_sum(raster, SQUARE_2_5).weighted_sum / 1000 == pytest.approx(270.0, rel=HAND)


@pytest.mark.parametrize("name", list(SHAPES))
def test_shares_equal_the_cell_by_cell_overlay(raster, name):
    geometry = SHAPES[name]
    fast = coverage_fractions(geometry, raster.transform, (6, 8))
    slow = reference_fractions(geometry, raster.transform, (6, 8))
    np.testing.assert_allclose(fast, slow, rtol=0, atol=OVERLAY)


@pytest.mark.parametrize("name", list(SHAPES))
def test_sums_equal_the_cell_by_cell_overlay(raster, name):
    _assert_same(zonal_sum(raster, SHAPES[name]), reference_zonal_sum(raster, SHAPES[name]))


def test_the_part_outside_the_raster_is_reported(raster):
    result = zonal_sum(raster, PARTLY_OUTSIDE)
    # Inside: rows 0–1 whole and row 2 half of columns 5.5–8: 2.5 × 2.5 cells.
    assert result.covered_area_m2 == pytest.approx(6.25 * 10_000, rel=1e-6)
    assert result.outside_area_m2 == pytest.approx((5.5 * 4.5 - 6.25) * 10_000, rel=1e-4)
    # By hand: rows 0, 1 whole: 0.5·6 + 7 + 8 and 0.5·14 + 15 + 16; row 2 half: 0.5 × (0.5·22 + 23 + 24)
    by_hand = (3 + 7 + 8) + (7 + 15 + 16) + 0.5 * (11 + 23 + 24)
    assert result.weighted_sum / 1000 == pytest.approx(by_hand * 10, rel=HAND)


def test_random_polygons_equal_the_overlay():
    rng = np.random.default_rng(20261202)
    transform = from_origin(X0, Y0, CELL, CELL)
    worst = 0.0
    for _ in range(40):
        points = [_xy(*p) for p in rng.uniform(-1.5, 9.5, (int(rng.integers(3, 12)), 2))]
        geometry = shapely.make_valid(shapely.Polygon(points))  # self-crossing ones become multipolygons
        difference = np.abs(coverage_fractions(geometry, transform, (6, 8)) - reference_fractions(geometry, transform, (6, 8)))
        worst = max(worst, float(difference.max()))
    assert worst < OVERLAY


@pytest.mark.parametrize(
    "transform",
    [Affine(CELL, 0, X0, 0, CELL, Y0 - 600), Affine(-CELL, 0, X0 + 800, 0, -CELL, Y0)],
    ids=["south-up rows", "east-to-west columns"],
)
def test_grids_with_flipped_axes(transform):
    for geometry in SHAPES.values():
        np.testing.assert_allclose(
            coverage_fractions(geometry, transform, (6, 8)), reference_fractions(geometry, transform, (6, 8)), rtol=0, atol=OVERLAY
        )


def test_outlines_on_the_grid_lines(raster):
    # Edges exactly on cell lines: every cell whole or empty, nothing lost or doubled at the shared edge.
    left, right = _polygon([(0, 0), (3, 0), (3, 6), (0, 6)]), _polygon([(3, 0), (8, 0), (8, 6), (3, 6)])
    sums = zonal_sums(raster, [left, right])
    assert sums[0].weighted_sum / 1000 == pytest.approx(10 * VALUES[:, :3].sum(), rel=HAND)
    assert sums[1].weighted_sum / 1000 == pytest.approx(10 * VALUES[:, 3:].sum(), rel=HAND)
    assert sums[0].covered_area_m2 + sums[1].covered_area_m2 == pytest.approx(48 * 10_000, rel=HAND)


def test_units_tiling_the_raster_share_out_every_cell(raster):
    # A wiggly border splits the raster: the two sums add up to the whole raster, cell shares and all.
    border = [(4.3, 0), (2.6, 1.7), (5.9, 3.1), (3.3, 6)]
    west = _polygon([(0, 0), *border, (0, 6)])
    east = _polygon([*border, (8, 6), (8, 0)])
    sums = zonal_sums(raster, [west, east])
    assert (sums[0].weighted_sum + sums[1].weighted_sum) / 1000 == pytest.approx(10 * VALUES.sum(), rel=HAND)
    _assert_same(sums[0], reference_zonal_sum(raster, west))
    _assert_same(sums[1], reference_zonal_sum(raster, east))


def test_overlapping_units_each_get_their_full_sum(raster):
    units = [WITH_HOLE, TRIANGLE, SQUARE_2_5, MULTI]  # all overlap WITH_HOLE
    together = zonal_sums(raster, units)
    for unit, result in zip(units, together):
        _assert_same(result, reference_zonal_sum(raster, unit))


def test_no_data_cells_inside_and_on_the_outline(tmp_path):
    # (1, 3) is the half cell of the square, (1, 1) a whole cell of it, (4, 4) inside the triangle.
    path = data.write_raster(tmp_path / "r.tif", VALUES, nodata_cells=[(1, 1), (1, 3), (4, 4)])
    raster = RasterSource(str(path))
    square = zonal_sum(raster, SQUARE_2_5)
    assert square.weighted_sum / 1000 == pytest.approx(110.0, rel=HAND)  # only cell (1, 2) = 11 mm
    assert square.nodata_cells == 2
    assert square.nodata_area_m2 == pytest.approx(15_000, rel=HAND)
    for geometry in SHAPES.values():
        _assert_same(zonal_sum(raster, geometry), reference_zonal_sum(raster, geometry))


def test_blocks_groups_and_chunks_do_not_change_the_sums(raster, monkeypatch):
    units = [WITH_HOLE, TRIANGLE, SQUARE_2_5, MULTI, PARTLY_OUTSIDE, None, shapely.Polygon()]
    one_block = zonal_sums(raster, units)
    monkeypatch.setattr(zonal, "_BLOCK_CELLS", 8)  # one row per block
    monkeypatch.setattr(zonal, "_UNITS_PER_CHUNK", 2)  # outlines cut two units at a time
    row_by_row = zonal_sums(raster, units)
    for a, b in zip(one_block, row_by_row):
        _assert_same(a, b, rel=1e-12)
    assert one_block[5] == one_block[6] == zonal.ZonalSum(0.0, 0.0, 0, 0.0, 0.0)


def test_progress_is_reported_per_block(raster, monkeypatch):
    monkeypatch.setattr(zonal, "_BLOCK_CELLS", 16)  # two rows per block
    seen: list[float] = []
    zonal_sums(raster, [WITH_HOLE], on_block=seen.append)
    assert seen == pytest.approx([1 / 3, 2 / 3, 1.0])  # WITH_HOLE reaches rows 0–5: three blocks


def test_a_lon_lat_raster_sums_true_ground_areas(tmp_path):
    # 0.01° cells near 45.9° N: a cell is ~0.78 × 1.11 km, and its area shrinks with latitude.
    values = (np.arange(20 * 30, dtype=np.float32).reshape(20, 30) % 17) + 5
    path = data.write_raster(tmp_path / "lonlat.tif", values, crs="EPSG:4490", transform=from_origin(87.0, 46.1, 0.01, 0.01))
    raster = RasterSource(str(path))
    unit = shapely.Polygon([(87.013, 46.093), (87.271, 46.031), (87.19, 45.912), (87.04, 45.935)]).difference(
        shapely.Point(87.15, 46.0).buffer(0.03)
    )
    fast = zonal_sum(raster, unit)
    _assert_same(fast, reference_zonal_sum(raster, unit))
    # Independently, each piece of cell ∩ unit measured on the ellipsoid: agrees to a few parts in a million.
    assert fast.weighted_sum == pytest.approx(geodesic_weighted_sum(raster, unit), rel=5e-6)
    # and degrees² were not taken as area: the naive planar sum is off by orders of magnitude
    assert fast.covered_area_m2 > 1e6 * unit.area


def test_float32_rasters_stay_float32_and_integers_keep_their_values(tmp_path):
    raster = RasterSource(str(data.write_raster(tmp_path / "r.tif", VALUES)))
    assert raster.read(0, 6, 0, 8).dtype == np.float32
    path = tmp_path / "int32.tif"
    big = np.full((2, 2), 16_777_217, dtype=np.int32)  # 2**24 + 1: not a float32
    with rasterio.open(path, "w", driver="GTiff", width=2, height=2, count=1, dtype="int32", crs="EPSG:4537",
                       transform=from_origin(X0, Y0, CELL, CELL)) as out:
        out.write(big, 1)
    assert RasterSource(str(path)).read(0, 2, 0, 2)[0, 0] == 16_777_217


@pytest.mark.parametrize("nodata", [0.0, 255.0])
def test_a_declared_nodata_that_looks_like_recharge_is_still_no_data(tmp_path, nodata):
    values = VALUES.copy()
    values[1, 2] = nodata
    raster = RasterSource(str(data.write_raster(tmp_path / "r.tif", values, nodata=nodata)))
    assert np.isnan(raster.read(1, 2, 2, 3)[0, 0])
    assert zonal_sum(raster, SQUARE_2_5).nodata_cells == 1
    assert raster.fill_note() is None
