"""Engine tests (no QGIS): recharge volumes by hand, CRS handling, grades, wells, bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest
import rasterio
import shapely
from rasterio.transform import from_origin

from tests.balance import data
from tuoli_gw_plugin.engine.balance.abstraction_recharge import compute_balance, grade_extraction, worse_grade, write_balance_raster
from tuoli_gw_plugin.engine.balance.zonal import RasterSource, coverage_fractions, zonal_sum
from tuoli_gw_plugin.engine.core.errors import EngineInputError
from tuoli_gw_plugin.engine.core.rules import load_rules

RULES = load_rules()
REL = 1e-6


def _sum(raster_path, geometry_4537, crs=None):
    raster = RasterSource(str(raster_path))
    units = data.units_frame([geometry_4537], ["u"])
    if crs:
        units = units.to_crs(crs)
    geometry = units.to_crs(raster.crs).geometry.values[0]
    result = zonal_sum(raster, geometry)
    raster.close()
    return result


@pytest.mark.parametrize(
    "shape, expected_m3",
    [(data.ALIGNED_BOX, data.ALIGNED_M3), (data.UNALIGNED_BOX, data.UNALIGNED_M3), (data.TRIANGLE, data.TRIANGLE_M3)],
    ids=["aligned", "half-and-quarter-cells", "diagonal"],
)
def test_recharge_volume_by_hand(tmp_path, shape, expected_m3):
    path = data.write_raster(tmp_path / "r.tif")
    result = _sum(path, shapely.box(*shape) if isinstance(shape, tuple) else shape)
    assert result.weighted_sum / 1000 == pytest.approx(expected_m3, rel=REL)
    assert result.nodata_cells == 0
    assert result.outside_area_m2 == 0


def test_nodata_cells_are_left_out_and_counted(tmp_path):
    path = data.write_raster(tmp_path / "r.tif", nodata_cells=[(2, 1)])
    aligned = _sum(path, shapely.box(*data.ALIGNED_BOX))
    unaligned = _sum(path, shapely.box(*data.UNALIGNED_BOX))
    assert aligned.weighted_sum / 1000 == pytest.approx(data.NODATA_ALIGNED_M3, rel=REL)
    assert unaligned.weighted_sum / 1000 == pytest.approx(data.NODATA_UNALIGNED_M3, rel=REL)
    assert aligned.nodata_cells == 1 and unaligned.nodata_cells == 1
    assert aligned.nodata_area_m2 == pytest.approx(10_000, rel=REL)


def test_nan_cells_are_nodata_too(tmp_path):
    values = data.VALUES.copy()
    values[2, 1] = np.nan
    path = data.write_raster(tmp_path / "r.tif", values, nodata=None)
    assert _sum(path, shapely.box(*data.ALIGNED_BOX)).weighted_sum / 1000 == pytest.approx(data.NODATA_ALIGNED_M3, rel=REL)


@pytest.mark.parametrize("box, expected", [(data.ALIGNED_BOX, data.ALIGNED_M3), (data.UNALIGNED_BOX, data.UNALIGNED_M3)])
def test_units_in_lon_lat_give_the_projected_volumes(tmp_path, box, expected):
    path = data.write_raster(tmp_path / "r.tif")
    result = _sum(path, shapely.box(*box), crs="EPSG:4490")
    assert result.weighted_sum / 1000 == pytest.approx(expected, rel=1e-3)


def test_units_partly_outside_the_raster_report_the_outside_area(tmp_path):
    path = data.write_raster(tmp_path / "r.tif")
    # Columns 2–3 of rows 0–1 plus 200 m east of the raster: 30+40+70+80 = 220 → 2200 m³.
    result = _sum(path, shapely.box(data.X0 + 200, data.Y0 - 200, data.X0 + 600, data.Y0))
    assert result.weighted_sum / 1000 == pytest.approx(2200, rel=REL)
    assert result.outside_area_m2 == pytest.approx(40_000, rel=1e-4)


def _constant_raster_over(tmp_path, crs, box_4537, cell_in_crs, value=100.0):
    """A raster of ``value`` mm in ``crs`` covering ``box_4537`` with margin."""
    import geopandas as gpd

    outline = gpd.GeoSeries([shapely.box(*box_4537).buffer(300)], crs="EPSG:4537").to_crs(crs)
    left, bottom, right, top = outline.total_bounds
    width = math.ceil((right - left) / cell_in_crs)
    height = math.ceil((top - bottom) / cell_in_crs)
    return data.write_raster(
        tmp_path / f"const_{crs.replace(':', '_')}.tif",
        np.full((height, width), value, dtype=np.float32),
        crs=crs,
        transform=from_origin(left, top, cell_in_crs, cell_in_crs),
    )


@pytest.mark.parametrize("crs, cell", [("EPSG:4490", 0.0007), ("EPSG:3857", 97.0)], ids=["lon-lat raster", "web-mercator raster"])
def test_raster_in_another_crs_gives_true_ground_volumes(tmp_path, crs, cell):
    # A 1 km × 1 km unit on the central meridian of EPSG:4537 (scale 1): 100 mm → 100 000 m³.
    # Web Mercator's planar cells are ~2.07 × too large here; the areal scale must undo that.
    box = (data.X0, data.Y0 - 1000, data.X0 + 1000, data.Y0)
    path = _constant_raster_over(tmp_path, crs, box, cell)
    result = _sum(path, shapely.box(*box))
    assert result.weighted_sum / 1000 == pytest.approx(100_000, rel=1e-3)


def test_coverage_fractions_of_a_half_cell_strip():
    fractions = coverage_fractions(shapely.box(0, 0, 150, 100), from_origin(0, 100, 100, 100), (1, 3))
    assert fractions[0].tolist() == pytest.approx([1.0, 0.5, 0.0])


# -- grading ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "k, grade",
    [
        (0.5, "none"), (1.0, "none"), (1.0000001, "none"), (1.01, "general"),
        (1.3, "general"), (1.300001, "severe"), (2.0, "severe"), (None, None),
    ],
)
def test_extraction_grades_at_thresholds(k, grade):
    assert grade_extraction(k, RULES) == grade


@pytest.mark.parametrize(
    "extraction, level, final, criterion",
    [
        ("general", "severe", "severe", "water_level"),
        ("severe", "none", "severe", "extraction_coef"),
        ("general", "general", "general", "both"),
        (None, "general", "general", "water_level"),
        ("none", None, "none", "extraction_coef"),
        (None, None, None, None),
    ],
)
def test_worse_grade_and_criterion(extraction, level, final, criterion):
    assert worse_grade(extraction, level) == (final, criterion)


def _balance(tmp_path, wells, units, **kwargs):
    raster = RasterSource(str(data.write_raster(tmp_path / "r.tif", **kwargs.pop("raster_kwargs", {}))))
    messages = []
    result = compute_balance(wells, units, raster, RULES, report=lambda level, text: messages.append((level, text)), **kwargs)
    return result, messages, raster


def test_balance_columns_by_hand(tmp_path):
    # Unit A (aligned, recharge 3400): wells 4420 m³ → k = 1.3 exactly → general, cut 1020.
    # Unit B (unaligned, recharge 4000): one well 2000 → k = 0.5 → none. A well outside both.
    units = data.units_frame([data.ALIGNED_BOX, (data.X0 + 300, data.Y0 - 400, data.X0 + 400, data.Y0 - 300)], ["A", "B"])
    wells = data.wells_frame(
        [(data.X0 + 150, data.Y0 - 150), (data.X0 + 250, data.Y0 - 250), (data.X0 + 350, data.Y0 - 350), (data.X0 + 50, data.Y0 - 50)],
        [4000, "420", 80, 999],
    )
    result, messages, _ = _balance(tmp_path, wells, units)
    a, b = result.columns.iloc[0], result.columns.iloc[1]
    assert a.wells_n == 2 and a.abstraction_m3 == pytest.approx(4420)
    assert a.recharge_m3 == pytest.approx(3400, rel=REL) and a.allowable_m3 == pytest.approx(3400, rel=REL)
    assert a.extraction_coef == pytest.approx(1.3) and a.grade == "general"
    assert a.reduction_m3 == pytest.approx(1020, rel=1e-5)
    assert a.area_km2 == pytest.approx(0.04, rel=1e-5)
    # B is cell (3, 3) = 160 mm → 1600 m³; 80 m³ → k = 0.05.
    assert b.recharge_m3 == pytest.approx(1600, rel=REL) and b.extraction_coef == pytest.approx(0.05)
    assert b.grade == "none" and b.reduction_m3 == 0
    outside = [text for level, text in messages if "outside every unit" in text]
    assert outside and "1 well(s)" in outside[0] and "well_id=W4" in outside[0]


def test_allowable_ratio_scales_allowable(tmp_path):
    units = data.units_frame([data.ALIGNED_BOX], ["A"])
    wells = data.wells_frame([(data.X0 + 150, data.Y0 - 150)], [3400])
    result, _, _ = _balance(tmp_path, wells, units, allowable_ratio=0.5)
    row = result.columns.iloc[0]
    assert row.allowable_m3 == pytest.approx(1700, rel=REL)
    assert row.extraction_coef == pytest.approx(2.0) and row.grade == "severe"
    assert row.reduction_m3 == pytest.approx(1700, rel=1e-5)


def test_zero_recharge_gives_no_coefficient_and_says_why(tmp_path):
    units = data.units_frame([data.ALIGNED_BOX], ["零补给"])
    wells = data.wells_frame([(data.X0 + 150, data.Y0 - 150)], [100])
    result, messages, _ = _balance(tmp_path, wells, units, raster_kwargs={"values": np.zeros((4, 4), dtype=np.float32)})
    row = result.columns.iloc[0]
    assert row.recharge_m3 == 0 and row.extraction_coef is None and row.grade is None
    assert row.reduction_m3 == pytest.approx(100)
    assert any("零补给" in text and "undefined" in text for _, text in messages)


def test_zero_recharge_is_graded_by_level_when_given(tmp_path):
    units = data.units_frame([data.ALIGNED_BOX], ["Z"])
    wells = data.wells_frame([(data.X0 + 150, data.Y0 - 150)], [100])
    levels = units.copy()
    levels["level_grade"] = ["severe"]
    levels["decline_m_per_a"] = [2.1]
    result, _, _ = _balance(tmp_path, wells, units, level_grades=levels, raster_kwargs={"values": np.zeros((4, 4), dtype=np.float32)})
    row = result.columns.iloc[0]
    assert (row.grade, row.level_grade, row.final_grade, row.grade_criterion) == (None, "severe", "severe", "water_level")
    assert row.decline_m_per_a == pytest.approx(2.1)


def test_level_grades_from_station_points(tmp_path):
    import geopandas as gpd

    units = data.units_frame([data.ALIGNED_BOX], ["A"])
    wells = data.wells_frame([(data.X0 + 150, data.Y0 - 150)], [3500])  # k ≈ 1.03 → general
    stations = gpd.GeoDataFrame(
        {"decline_m_per_a": [1.6, 1.8, 0.2], "significant": [True, True, False]},
        geometry=[
            shapely.Point(data.X0 + 120, data.Y0 - 120),
            shapely.Point(data.X0 + 220, data.Y0 - 220),
            shapely.Point(data.X0 + 180, data.Y0 - 280),
        ],
        crs="EPSG:4537",
    )
    result, _, _ = _balance(tmp_path, wells, units, level_grades=stations)
    row = result.columns.iloc[0]
    assert row.grade == "general" and row.decline_m_per_a == pytest.approx(1.6)
    assert (row.level_grade, row.final_grade, row.grade_criterion) == ("severe", "severe", "water_level")


def test_text_volume_is_a_clear_error(tmp_path):
    units = data.units_frame([data.ALIGNED_BOX], ["A"])
    wells = data.wells_frame([(data.X0 + 150, data.Y0 - 150), (data.X0 + 160, data.Y0 - 160)], [100, "about 300"])
    with pytest.raises(EngineInputError) as error:
        _balance(tmp_path, wells, units, wells_layer="wells")
    text = str(error.value)
    assert "'wells'" in text and "well_id=W2" in text and "'metered_m3'" in text and "about 300" in text


def test_negative_volume_is_a_clear_error(tmp_path):
    units = data.units_frame([data.ALIGNED_BOX], ["A"])
    wells = data.wells_frame([(data.X0 + 150, data.Y0 - 150)], [-5])
    with pytest.raises(EngineInputError, match=r"well_id=W1.*negative|negative.*well_id=W1"):
        _balance(tmp_path, wells, units)


def test_raster_that_misses_the_units_is_a_clear_error(tmp_path):
    units = data.units_frame([(data.X0 + 5000, data.Y0 - 5000, data.X0 + 6000, data.Y0 - 4000)], ["far"])
    wells = data.wells_frame([(data.X0 + 5500, data.Y0 - 4500)], [10])
    with pytest.raises(EngineInputError, match="does not overlap any unit"):
        _balance(tmp_path, wells, units)


def test_balance_raster_values(tmp_path):
    units = data.units_frame([data.ALIGNED_BOX], ["A"])
    wells = data.wells_frame([(data.X0 + 150, data.Y0 - 150)], [2000])  # 2000 m³ over 40 000 m² = 50 mm
    result, _, raster = _balance(tmp_path, wells, units)
    out = tmp_path / "balance.tif"
    write_balance_raster(raster, result, str(out))
    with rasterio.open(out) as written:
        grid = written.read(1, masked=True)
    assert grid[1, 1] == pytest.approx(60 - 50, abs=1e-3) and grid[2, 2] == pytest.approx(110 - 50, abs=1e-3)
    assert grid.mask[0, 0] and grid.mask[3, 3]
