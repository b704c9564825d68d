"""Engine tests of well-site screening (no QGIS): tricky hand-built cases with answers worked out by hand."""

from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from tests.screening import cases
from tuoli_gw_plugin.engine.core.errors import EngineInputError
from tuoli_gw_plugin.engine.core.rules import load_rules
from tuoli_gw_plugin.engine.screening.well_sites import OUTPUT_COLUMNS, prepare_screening, screen_point, screen_points

# Points exactly on a boundary or at exactly the coverage distance: a reprojection round trip may
# move them by a nanometre to either side, so lon/lat comparisons leave them out.
EXACTLY_ON_A_LIMIT = ("on_boundary", "pipe_500m")


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.fixture(scope="module")
def prepared(rules):
    return prepare_screening(
        cases.zones(),
        pipes=cases.pipes(),
        supply_areas=cases.supply_areas(),
        coverage_distance_m=500,
        townships=cases.townships(),
        rules=rules,
    )


def _check_row(row: pd.Series, name: str) -> None:
    _, _, _, verdict, reasons, zone_name, zone_grade, distance, covered, township = cases.WELLS[name]
    assert row["verdict"] == verdict, name
    assert row["reasons"] == reasons, name
    assert row["zone_name"] == zone_name, name
    assert row["zone_grade"] == zone_grade, name
    assert row["supply_distance_m"] == pytest.approx(distance, abs=1e-6), name
    assert row["in_supply_coverage"] is covered or row["in_supply_coverage"] == covered, name
    assert row["township"] == township, name


def test_every_hand_built_case(prepared):
    wells = cases.wells()
    result = screen_points(prepared, wells, use_field="use")
    assert list(result.columns) == list(OUTPUT_COLUMNS)
    assert len(result) == len(wells) and (result.index == wells.index).all()
    for position, name in enumerate(wells["well_id"]):
        _check_row(result.iloc[position], name)


def test_basis_cites_the_notice_in_the_chosen_language(prepared, rules):
    wells = cases.wells()
    english = screen_points(prepared, wells, use_field="use", language="en").set_index(wells["well_id"])
    chinese = screen_points(prepared, wells, use_field="use", language="zh").set_index(wells["well_id"])
    screening = rules.get("screening")
    assert english.loc["pipe_499m", "basis"] == screening["supply_coverage"]["basis_en"]
    assert chinese.loc["pipe_499m", "basis"] == screening["supply_coverage"]["basis_zh"]
    assert "item 13" in english.loc["pipe_499m", "basis"]
    assert english.loc["severe_and_general", "basis"] == (
        screening["zone_grades"]["severe"]["basis_en"] + " " + screening["zone_grades"]["general"]["basis_en"]
    )
    assert english.loc["in_hole", "basis"] == screening["allowed"]["basis_en"]
    assert "第8条" in chinese.loc["red_line_only", "basis"]
    # The Regulations are named without an article number nobody here verified (issue 25): marked 待核.
    assert "《地下水管理条例》" in chinese.loc["exempt_in_severe", "basis"] and "待核" in chinese.loc["exempt_in_severe", "basis"]
    assert "第三十三条" not in chinese.loc["exempt_in_severe", "basis"] and "art. 33" not in english.loc["exempt_in_severe", "basis"]


def test_lon_lat_wells_give_the_same_verdicts_and_distances(prepared):
    projected = cases.wells()
    lon_lat = projected.to_crs("EPSG:4490")
    a = screen_points(prepared, projected, use_field="use")
    b = screen_points(prepared, lon_lat, use_field="use")
    # Exactly-on-boundary points may move by a nanometre in the round trip; compare the rest exactly.
    off_boundary = ~projected["well_id"].isin(EXACTLY_ON_A_LIMIT)
    for column in ("verdict", "reasons", "zone_name", "township", "in_supply_coverage"):
        assert a.loc[off_boundary, column].tolist() == b.loc[off_boundary, column].tolist()
    np.testing.assert_allclose(b["supply_distance_m"], a["supply_distance_m"], atol=0.01)


def test_all_layers_in_lon_lat_work_in_gauss_kruger(rules):
    to_4490 = lambda frame: frame.to_crs("EPSG:4490")  # noqa: E731
    prepared = prepare_screening(
        to_4490(cases.zones()),
        pipes=to_4490(cases.pipes()),
        supply_areas=to_4490(cases.supply_areas()),
        coverage_distance_m=500,
        townships=to_4490(cases.townships()),
        rules=rules,
    )
    assert prepared.work_crs.to_epsg() == 4537  # CGCS2000 GK zone of CM 84E, chosen from the data's centre
    wells = cases.wells()
    result = screen_points(prepared, to_4490(wells), use_field="use")
    for position, name in enumerate(wells["well_id"]):
        if name in EXACTLY_ON_A_LIMIT:
            continue
        expected = cases.WELLS[name]
        assert result.iloc[position]["verdict"] == expected[3], name
        assert result.iloc[position]["supply_distance_m"] == pytest.approx(expected[7], abs=0.01), name


def test_screen_point_matches_screen_points(prepared):
    wells = cases.wells()
    bulk = screen_points(prepared, wells, use_field="use")
    for position, name in enumerate(wells["well_id"]):
        x, y, use = cases.WELLS[name][:3]
        one = screen_point(prepared, cases.X0 + x, cases.Y0 + y, "EPSG:4537", use=use)
        for column in OUTPUT_COLUMNS:
            expected = bulk.iloc[position][column]
            if column == "supply_distance_m":
                assert one[column] == pytest.approx(expected)
            else:
                assert one[column] == expected, (name, column)


def test_screen_point_in_lon_lat_reports_the_nearest_pipe_point(prepared):
    point = gpd.GeoSeries([cases.pt(2000, -2501)], crs=cases.CRS).to_crs("EPSG:4490").iloc[0]
    one = screen_point(prepared, point.x, point.y, "EPSG:4490", use="自备")  # a proposed self-supplied well
    assert one["verdict"] == "prohibited" and one["supply_distance_m"] == pytest.approx(499.0, abs=0.01)
    nearest = gpd.GeoSeries([shapely.Point(one["nearest_pipe_xy"])], crs="EPSG:4490").to_crs(cases.CRS).iloc[0]
    assert nearest.x == pytest.approx(cases.X0 + 2000, abs=0.01)
    assert nearest.y == pytest.approx(cases.Y0 - 3000, abs=0.01)
    assert one["township_remaining_m3"] == 1000.0


def test_null_and_empty_geometry_kept_with_reason(prepared):
    wells = gpd.GeoDataFrame({"well_id": ["a", "b", "c"]}, geometry=[None, cases.pt(200, 200), shapely.Point()], crs=cases.CRS)
    result = screen_points(prepared, wells)
    assert result["verdict"].tolist()[0] is None and result["verdict"].tolist()[2] is None
    assert result["reasons"].tolist() == ["no_geometry", "severe_zone", "no_geometry"]
    assert math.isnan(result["supply_distance_m"].iloc[0])
    assert result["in_supply_coverage"].tolist()[0] is None


def test_empty_input_gives_empty_output(prepared):
    result = screen_points(prepared, cases.wells().iloc[0:0])
    assert len(result) == 0 and list(result.columns) == list(OUTPUT_COLUMNS)


def test_bow_tie_zone_is_repaired_with_a_warning(rules):
    bow_tie = shapely.Polygon(
        [(cases.X0, cases.Y0), (cases.X0 + 100, cases.Y0 + 100), (cases.X0 + 100, cases.Y0), (cases.X0, cases.Y0 + 100)]
    )
    assert not bow_tie.is_valid
    zones = gpd.GeoDataFrame({"zone_name": ["Bow"], "grade": ["严重"]}, geometry=[bow_tie], crs=cases.CRS)
    prepared = prepare_screening(zones, pipes=cases.pipes(), rules=rules)
    assert any("invalid polygon" in w and "Bow" in w and "Self-intersection" in w for w in prepared.warnings)
    # Both triangles of the bow tie count: (20, 50) in the left one, (80, 50) in the right one; (50, 20) in neither.
    wells = gpd.GeoDataFrame(geometry=[cases.pt(20, 50), cases.pt(80, 50), cases.pt(50, 20)], crs=cases.CRS)
    assert screen_points(prepared, wells)["verdict"].tolist() == ["prohibited", "prohibited", "allowed"]


def test_only_supply_areas_gives_null_distance(rules):
    prepared = prepare_screening(cases.zones(), supply_areas=cases.supply_areas(), rules=rules)
    wells = gpd.GeoDataFrame(geometry=[cases.pt(200, 800), cases.pt(5000, -2501)], crs=cases.CRS)
    result = screen_points(prepared, wells)
    assert result["supply_distance_m"].isna().all()
    assert result["in_supply_coverage"].tolist() == [True, False]
    # The second well lies outside the extent of the zones and supply areas: no verdict, not "allowed" (issue 17).
    assert result["verdict"].tolist() == ["prohibited", "outside"]
    assert result["township"].isna().all()


def test_default_coverage_distance_comes_from_the_rules(rules):
    prepared = prepare_screening(cases.zones(), pipes=cases.pipes(), rules=rules)
    assert prepared.coverage_distance_m == rules.value("screening", "default_coverage_distance_m")


def test_chinese_grades_and_multipart_zone(rules):
    zones = cases.zones()
    zones["grade"] = ["严重超采区", "一般", "一般超采区"]
    prepared = prepare_screening(zones, pipes=cases.pipes(), rules=rules)
    wells = gpd.GeoDataFrame(geometry=[cases.pt(200, 200), cases.pt(2200, 200), cases.pt(3200, 200)], crs=cases.CRS)
    result = screen_points(prepared, wells)
    assert result["zone_grade"].tolist() == ["severe", "general", "general"]
    assert result["zone_name"].tolist() == ["Akbiri", "Dulate-2part", "Dulate-2part"]


# -- bad input ---------------------------------------------------------------------------------------
def test_missing_grade_field_names_layer_and_field(rules):
    zones = cases.zones().drop(columns="grade")
    with pytest.raises(EngineInputError) as error:
        prepare_screening(zones, pipes=cases.pipes(), rules=rules, layer_names={"zones": "my_zones"})
    assert "my_zones" in str(error.value) and "'grade'" in str(error.value)


def test_unknown_grade_names_feature_value_and_field(rules):
    zones = cases.zones()
    zones.loc[1, "grade"] = "moderate"
    with pytest.raises(EngineInputError) as error:
        prepare_screening(zones, pipes=cases.pipes(), rules=rules)
    text = str(error.value)
    assert "moderate" in text and "zone_name=Dulate-2part" in text and "'grade'" in text and "严重" in text


def test_empty_grade_is_an_error(rules):
    zones = cases.zones()
    zones.loc[0, "grade"] = None
    with pytest.raises(EngineInputError, match="Akbiri"):
        prepare_screening(zones, pipes=cases.pipes(), rules=rules)


def test_no_supply_layer_is_an_error(rules):
    with pytest.raises(EngineInputError, match="SUPPLY_PIPES"):
        prepare_screening(cases.zones(), rules=rules)


def test_non_point_wells_are_an_error(prepared):
    lines = gpd.GeoDataFrame({"well_id": ["x"]}, geometry=[shapely.LineString([(0, 0), (1, 1)])], crs=cases.CRS)
    with pytest.raises(EngineInputError, match="not points"):
        screen_points(prepared, lines)


def test_missing_use_field_and_township_fields(rules, prepared):
    with pytest.raises(EngineInputError, match="'purpose'"):
        screen_points(prepared, cases.wells(), use_field="purpose")
    with pytest.raises(EngineInputError, match="'remaining'"):
        prepare_screening(cases.zones(), pipes=cases.pipes(), townships=cases.townships(), remaining_field="remaining", rules=rules)


def test_inputs_are_not_modified(rules):
    zones, wells = cases.zones(), cases.wells()
    zones_before, wells_before = zones.copy(), wells.copy()
    prepared = prepare_screening(zones, pipes=cases.pipes(), rules=rules)
    screen_points(prepared, wells)
    pd.testing.assert_frame_equal(zones, zones_before)
    pd.testing.assert_frame_equal(wells, wells_before)
