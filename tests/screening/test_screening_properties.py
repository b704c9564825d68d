"""Property tests (hypothesis, no QGIS): every well exactly once; more zones or pipes never loosen a verdict."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.screening import cases
from tuoli_gw_plugin.engine.rules import load_rules
from tuoli_gw_plugin.engine.screening import VERDICT_SEVERITY, prepare_screening, screen_points

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
