"""Issue 12, point 15: induced problems make a unit severe; a unit severe by level or induced problems gets a cut.

By hand (tests/balance/data.py raster): unit A (aligned box) has recharge 3400 m³/a, unit B (the corner
cell) 1600 m³/a, ρ = 1. The rules file's floor for a unit severe by other criteria is 0.2308 of its
abstraction (1 − 1/1.3).
"""

from __future__ import annotations

import geopandas as gpd
import pytest
import shapely

from tests.balance import data
from tuoli_gw_plugin.engine.balance.abstraction_recharge import compute_balance, with_induced_problems
from tuoli_gw_plugin.engine.balance.zonal import RasterSource
from tuoli_gw_plugin.engine.core.rules import load_rules

RULES = load_rules()
B_BOX = (data.X0 + 300, data.Y0 - 400, data.X0 + 400, data.Y0 - 300)


def _run(tmp_path, volumes, **kwargs):
    units = data.units_frame([data.ALIGNED_BOX, B_BOX], ["A", "B"])
    wells = data.wells_frame([(data.X0 + 150, data.Y0 - 150), (data.X0 + 350, data.Y0 - 350)], volumes)
    raster = RasterSource(str(data.write_raster(tmp_path / "r.tif")))
    messages: list[tuple[str, str]] = []
    result = compute_balance(wells, units, raster, RULES, report=lambda level, text: messages.append((level, text)), **kwargs)
    return result.columns, messages


def _problems(geometries, kinds):
    return gpd.GeoDataFrame({"problem": kinds}, geometry=geometries, crs="EPSG:4537")


def test_a_subsidence_point_makes_a_balanced_unit_severe_with_a_cut(tmp_path):
    # A: 1700 / 3400 → k = 0.5, none; a subsidence point inside → severe by induced problems,
    # cut 0.2308 × 1700 = 392.36 m³ (it was 0). B: 800 / 1600 → none, no problem, cut 0.
    problems = _problems([shapely.Point(data.X0 + 200, data.Y0 - 200)], ["地面沉降"])
    columns, messages = _run(tmp_path, [1700, 800], induced_problems=problems)
    a, b = columns.iloc[0], columns.iloc[1]
    assert (a.grade, a.induced_problems_n, a.final_grade, a.grade_criterion) == ("none", 1, "severe", "induced_problems")
    assert a.reduction_m3 == pytest.approx(392.36)
    assert (b.grade, b.induced_problems_n, b.final_grade, b.grade_criterion) == ("none", 0, "none", "extraction_coef")
    assert b.reduction_m3 == 0
    assert any("A" in text and "induced problem" in text for _, text in messages)


def test_a_spring_polygon_over_both_units_counts_in_each(tmp_path):
    spring = shapely.box(data.X0 + 250, data.Y0 - 350, data.X0 + 350, data.Y0 - 250)  # overlaps A and B
    columns, _ = _run(tmp_path, [1700, 800], induced_problems=_problems([spring], ["泉水断流"]))
    assert list(columns["induced_problems_n"]) == [1, 1] and list(columns["final_grade"]) == ["severe", "severe"]
    assert columns.iloc[1].reduction_m3 == pytest.approx(0.2308 * 800)


def test_severe_by_k_and_by_induced_problems_names_both_and_keeps_the_balance_cut(tmp_path):
    # A: 5100 / 3400 → k = 1.5 severe, cut 1700 (more than 0.2308 × 5100 = 1177.08).
    problems = _problems([shapely.Point(data.X0 + 200, data.Y0 - 200)], ["subsidence"])
    columns, _ = _run(tmp_path, [5100, 800], induced_problems=problems)
    a = columns.iloc[0]
    assert (a.final_grade, a.grade_criterion) == ("severe", "extraction_coef+induced_problems")
    assert a.reduction_m3 == pytest.approx(1700, rel=1e-5)


def test_a_unit_severe_by_water_level_shows_its_cut(tmp_path):
    # A: k = 0.5 but its wells' level falls 2.1 m/a → severe by water level; cut 392.36, not 0.
    units = data.units_frame([data.ALIGNED_BOX, B_BOX], ["A", "B"])
    levels = units.copy()
    levels["level_grade"] = ["severe", "general"]
    levels["decline_m_per_a"] = [2.1, 0.8]
    columns, messages = _run(tmp_path, [1700, 800], level_grades=levels)
    a, b = columns.iloc[0], columns.iloc[1]
    assert (a.final_grade, a.grade_criterion) == ("severe", "water_level")
    assert a.reduction_m3 == pytest.approx(392.36)
    # B is only general by level: the floor is for severe units; its balance cut (0) stands.
    assert (b.final_grade, b.reduction_m3) == ("general", 0)
    assert any("at least 23.08%" in text for _, text in messages)


def test_without_the_layer_nothing_changes(tmp_path):
    columns, _ = _run(tmp_path, [1700, 800])
    assert "induced_problems_n" not in columns.columns and "final_grade" not in columns.columns


@pytest.mark.parametrize(
    "final, criterion, n, expected",
    [
        ("none", "extraction_coef", 1, ("severe", "induced_problems")),
        (None, None, 2, ("severe", "induced_problems")),
        ("severe", "both", 1, ("severe", "extraction_coef+water_level+induced_problems")),
        ("severe", "water_level", 1, ("severe", "water_level+induced_problems")),
        ("general", "both", 0, ("general", "both")),
    ],
)
def test_induced_problems_criterion(final, criterion, n, expected):
    assert with_induced_problems(final, criterion, n) == expected
