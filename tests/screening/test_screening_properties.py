"""Property tests (hypothesis, no QGIS): every well exactly once; more zones or pipes never loosen a verdict."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.screening import cases
from tuoli_gw_plugin.engine.core.rules import load_rules
from tuoli_gw_plugin.engine.screening.well_sites import VERDICT_SEVERITY, prepare_screening, screen_points

RULES = load_rules()
coordinate = st.floats(min_value=-4000, max_value=12000, allow_nan=False)
points = st.lists(st.tuples(coordinate, coordinate), min_size=0, max_size=40)
boxes = st.tuples(coordinate, coordinate, st.floats(10, 3000), st.floats(10, 3000), st.sampled_from(["severe", "general"]))


def _wells(xy) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"n": list(range(len(xy)))}, geometry=[cases.pt(x, y) for x, y in xy], crs=cases.CRS)


def _severity(verdicts) -> list[int]:
    # "outside" (no verdict outside the mapped area) restricts nothing: as loose as "allowed".
    return [{**VERDICT_SEVERITY, "outside": 0}[v] for v in verdicts]


@settings(max_examples=40, deadline=None)
@given(points, boxes)
def test_adding_a_zone_or_pipe_never_loosens_a_verdict(xy, extra_zone):
    wells = _wells(xy)
    base = prepare_screening(cases.zones(), pipes=cases.pipes(), townships=cases.townships(), rules=RULES)
    x, y, width, height, grade = extra_zone
    square = cases.box(x, y, x + width, y + height)
    extra = gpd.GeoDataFrame({"zone_id": [99], "zone_name": ["extra"], "grade": [grade]}, geometry=[square], crs=cases.CRS)
    zones = gpd.GeoDataFrame(pd.concat([cases.zones(), extra], ignore_index=True), crs=cases.CRS)
    extra_pipe = gpd.GeoDataFrame({"pipe_id": [2]}, geometry=[square.exterior], crs=cases.CRS)
    pipes = gpd.GeoDataFrame(pd.concat([cases.pipes(), extra_pipe], ignore_index=True), crs=cases.CRS)
    more = prepare_screening(zones, pipes=pipes, townships=cases.townships(), rules=RULES)
    before = screen_points(base, wells)
    after = screen_points(more, wells)
    assert len(before) == len(after) == len(wells)  # each input exactly once
    assert (before.index == wells.index).all()
    assert all(b <= a for b, a in zip(_severity(before["verdict"]), _severity(after["verdict"])))
    assert all(a <= b + 1e-9 for a, b in zip(after["supply_distance_m"], before["supply_distance_m"]))


use_values = st.one_of(
    st.sampled_from(["自备", " 自备 ", "农灌", "公共供水", "监测", "unknown", "", "N/A", "IRRIGATION"]),
    st.none(), st.just(float("nan")), st.just(pd.NA), st.integers(0, 2), st.floats(0, 2), st.booleans(),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(use_values, max_size=60))
def test_types_decided_once_per_distinct_use_equal_the_well_by_well_answer(uses):
    """The engine decides a well's type and exemption once per distinct use; the answer is the one a
    decision well by well gives (missing values alike, 1 / 1.0 / True not merged)."""
    from tuoli_gw_plugin.engine.core.values import is_blank
    from tuoli_gw_plugin.engine.screening.well_sites import UNKNOWN_TYPE, _exempt_kinds, kinds_of_uses, normal_word, well_type_words

    prepared = prepare_screening(cases.zones(), pipes=cases.pipes(), rules=RULES)
    words = well_type_words(RULES)
    expected_types = [UNKNOWN_TYPE if is_blank(u) else words.get(normal_word(u), UNKNOWN_TYPE) for u in uses]
    expected_exempt = [None if is_blank(u) else prepared.exempt_aliases.get(normal_word(u)) for u in uses]
    assert list(kinds_of_uses(uses, words, len(uses))) == expected_types
    assert _exempt_kinds(prepared, uses, len(uses)).tolist() == expected_exempt
