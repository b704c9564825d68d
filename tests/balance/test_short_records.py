"""Issue 12, point 3: a water-level record too short to test is `undetermined` (with its reason), never `none`.

By hand: the Mann–Kendall test of a perfectly steady series of n readings gives at best p = 2 / n!
(two-sided, exact): n = 4 → 2/24 = 0.083, n = 5 → 2/120 = 0.0167. So at the rules file's p = 0.05 a
record needs 5 reading dates; 4 annual readings falling 3 m/a can never be "sustained".
"""

from __future__ import annotations

import datetime as dt
import json

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from tests.balance import data
from tuoli_gw_plugin.engine.balance.abstraction_recharge import compute_balance, worse_grade
from tuoli_gw_plugin.engine.balance.trend import mann_kendall_min_observations, station_trends, unit_level_grades
from tuoli_gw_plugin.engine.balance.zonal import RasterSource
from tuoli_gw_plugin.engine.core.rules import DEFAULT_RULES_PATH, load_rules

RULES = load_rules()
TODAY = dt.date(2026, 12, 1)


def _annual(station: str, readings: int, step_m: float = 3.0) -> list[tuple]:
    # 1 June each year from 2019: depth 10, 13, 16 … (level falling 3 m/a)
    return [(station, dt.date(2019 + i, 6, 1), 10.0 + step_m * i) for i in range(readings)]


def _trends(rows, stations=("S",), rules=RULES, messages=None):
    series = pd.DataFrame(rows, columns=["station_id", "date", "depth_to_water_m"])
    say = (lambda level, text: messages.append((level, text))) if messages is not None else (lambda level, text: None)
    return station_trends(pd.DataFrame({"station_id": list(stations)}), series, rules, today=TODAY, reasons=True, report=say)


@pytest.mark.parametrize("p, n", [(0.05, 5), (0.01, 6), (0.1, 4)])
def test_fewest_readings_for_mann_kendall_are_computed_from_p(p, n):
    # 2/4! = 0.083, 2/5! = 0.0167, 2/6! = 0.0028
    assert mann_kendall_min_observations(p) == n


def test_four_annual_readings_falling_3_m_a_are_undetermined_not_none():
    messages: list[tuple[str, str]] = []
    row = _trends(_annual("S", 4), messages=messages).iloc[0]
    assert row["level_grade"] == "undetermined"
    assert row["decline_m_per_a"] == pytest.approx(3.0, abs=0.01)  # the rate is still given
    assert row["mk_p_value"] == pytest.approx(2 / 24)
    assert row["significant"] is None  # the test cannot decide, so it does not say "not significant"
    assert row["undetermined_reason"].startswith("too_few_observations") and "5" in row["undetermined_reason"]
    assert any("undetermined" in text and "S (4 dates)" in text for _, text in messages)


def test_five_annual_readings_falling_3_m_a_are_severe():
    row = _trends(_annual("S", 5)).iloc[0]
    assert row["mk_p_value"] == pytest.approx(2 / 120)
    assert bool(row["significant"]) and row["level_grade"] == "severe"  # 3 m/a > 1.5 m/a
    assert row["undetermined_reason"] is None


def test_two_readings_or_none_are_undetermined_with_the_reason():
    result = _trends(_annual("S", 2), stations=("S", "EMPTY"))
    short, empty = result.iloc[0], result.iloc[1]
    assert short["level_grade"] == "undetermined" and short["decline_m_per_a"] is None
    assert short["undetermined_reason"].startswith("too_few_observations")
    assert empty["level_grade"] == "undetermined" and empty["undetermined_reason"].startswith("no_observations")


def test_the_reason_column_is_only_there_when_asked():
    series = pd.DataFrame(_annual("S", 4), columns=["station_id", "date", "depth_to_water_m"])
    result = station_trends(pd.DataFrame({"station_id": ["S"]}), series, RULES, today=TODAY)
    assert "undetermined_reason" not in result.columns and result.iloc[0]["level_grade"] == "undetermined"


def _stations_with_trends(rows, names, points):
    trends = _trends(rows, stations=names)
    frame = gpd.GeoDataFrame(trends, geometry=[shapely.Point(p) for p in points], crs="EPSG:4537")
    return frame


def test_a_unit_of_short_records_only_is_undetermined():
    units = data.units_frame([data.ALIGNED_BOX], ["A"])
    stations = _stations_with_trends(
        _annual("S1", 4) + _annual("S2", 3), ("S1", "S2"), [(data.X0 + 150, data.Y0 - 150), (data.X0 + 250, data.Y0 - 250)]
    )
    row = unit_level_grades(units, stations, RULES, reasons=True).iloc[0]
    assert row["level_grade"] == "undetermined" and row["stations_n"] == 0
    assert row["undetermined_reason"].startswith("all_stations_undetermined")
    assert row["decline_m_per_a"] == pytest.approx(3.0, abs=0.01)


def test_short_records_do_not_outvote_a_tested_station():
    # One station with 5 readings (3 m/a, significant) and two with 4: the unit is graded by the tested one:
    # severe (3 > 1.5), 1 of 1 tested stations significant. Counting the short ones as "not significant"
    # made it 1 of 3 < half → "none".
    units = data.units_frame([data.ALIGNED_BOX], ["A"])
    stations = _stations_with_trends(
        _annual("S1", 5) + _annual("S2", 4) + _annual("S3", 4),
        ("S1", "S2", "S3"),
        [(data.X0 + 150, data.Y0 - 150), (data.X0 + 250, data.Y0 - 250), (data.X0 + 200, data.Y0 - 200)],
    )
    row = unit_level_grades(units, stations, RULES).iloc[0]
    assert (row["stations_n"], row["level_grade"]) == (1, "severe")
    # The same with only the columns the processing side hands over (rate and significance).
    bare = stations[["geometry", "decline_m_per_a", "significant"]]
    assert unit_level_grades(units, bare, RULES).iloc[0]["level_grade"] == "severe"


def test_the_half_of_the_stations_rule_is_in_the_rules_file(tmp_path):
    entry = RULES.get("over_extraction_grading", "water_level_decline_m_per_a", "unit_sustained_share")
    assert entry["value"] == 0.5 and entry["assumption"]
    # Two of three stations declining significantly: sustained at a half, not at a share of 1.
    units = data.units_frame([data.ALIGNED_BOX], ["A"])
    stations = gpd.GeoDataFrame(
        {"decline_m_per_a": [1.0, 1.2, 0.9], "significant": [True, True, False]},
        geometry=[shapely.Point(data.X0 + 150 + 20 * i, data.Y0 - 150) for i in range(3)],
        crs="EPSG:4537",
    )
    assert unit_level_grades(units, stations, RULES).iloc[0]["level_grade"] == "general"
    rules = json.loads(DEFAULT_RULES_PATH.read_text(encoding="utf-8"))
    rules["over_extraction_grading"]["water_level_decline_m_per_a"]["unit_sustained_share"]["value"] = 1.0
    copy = tmp_path / "all_stations.json"
    copy.write_text(json.dumps(rules, ensure_ascii=False), encoding="utf-8")
    assert unit_level_grades(units, stations, load_rules(copy)).iloc[0]["level_grade"] == "none"


@pytest.mark.parametrize(
    "extraction, level, final, criterion",
    [
        ("none", "undetermined", "undetermined", "water_level"),  # k alone cannot clear the unit
        ("general", "undetermined", "general", "extraction_coef"),
        ("severe", "undetermined", "severe", "extraction_coef"),
        (None, "undetermined", "undetermined", "water_level"),
    ],
)
def test_undetermined_ranks_above_none_and_below_a_grade(extraction, level, final, criterion):
    assert worse_grade(extraction, level) == (final, criterion)


def test_balance_takes_an_undetermined_unit_level(tmp_path):
    # k = 1700 / 3400 = 0.5 → none; the level polygon says undetermined → final undetermined, cut stays 0.
    units = data.units_frame([data.ALIGNED_BOX], ["A"])
    wells = data.wells_frame([(data.X0 + 150, data.Y0 - 150)], [1700])
    levels = units.copy()
    levels["level_grade"] = ["undetermined"]
    levels["decline_m_per_a"] = [3.0]
    raster = RasterSource(str(data.write_raster(tmp_path / "r.tif")))
    messages: list[tuple[str, str]] = []
    result = compute_balance(wells, units, raster, RULES, level_grades=levels, report=lambda level, text: messages.append((level, text)))
    row = result.columns.iloc[0]
    assert (row.grade, row.level_grade, row.final_grade, row.grade_criterion) == ("none", "undetermined", "undetermined", "water_level")
    assert row.reduction_m3 == 0
    assert any("undetermined" in text for _, text in messages)
    assert np.isclose(row.extraction_coef, 0.5)
