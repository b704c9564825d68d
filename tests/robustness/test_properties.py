"""Property tests (hypothesis, no QGIS) of engine invariants not covered elsewhere.

Already tested in their areas: each well exactly once and "more zones or pipes never loosen a
verdict" (tests/screening/test_screening_properties.py); the fee never drops as use grows and is
continuous at band edges (tests/bookkeeping_fees/test_surcharge_engine.py). Here: chunked screening
equals one-pass screening (the cancel checkpoints change nothing), balance volumes add up over a
partition of units, and a lon/lat round trip keeps every verdict.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.balance import data as balance_data
from tests.screening import cases
from tuoli_gw_plugin.engine.balance.abstraction_recharge import compute_balance
from tuoli_gw_plugin.engine.balance.zonal import RasterSource
from tuoli_gw_plugin.engine.core.rules import load_rules
from tuoli_gw_plugin.engine.screening.well_sites import prepare_screening, screen_points

RULES = load_rules()
coordinate = st.floats(min_value=-4000, max_value=12000, allow_nan=False)


def _wells(xy) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"n": list(range(len(xy)))}, geometry=[cases.pt(x, y) for x, y in xy], crs=cases.CRS)


def _prepared():
    return prepare_screening(cases.zones(), pipes=cases.pipes(), supply_areas=cases.supply_areas(),
                             townships=cases.townships(), rules=RULES)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(coordinate, coordinate), min_size=1, max_size=60), st.integers(1, 7))
def test_chunked_screening_equals_one_pass(xy, chunk):
    wells = _wells(xy)
    prepared = _prepared()
    whole = screen_points(prepared, wells)
    chunked = screen_points(prepared, wells, chunk_size=chunk, is_canceled=lambda: False)
    assert len(chunked) == len(wells) and (chunked.index == wells.index).all()
    assert whole.drop(columns="supply_distance_m").equals(chunked.drop(columns="supply_distance_m"))
    assert np.allclose(whole["supply_distance_m"].to_numpy(float), chunked["supply_distance_m"].to_numpy(float), equal_nan=True)


def _distance_to_edges(point: shapely.Point) -> float:
    """How far a well is from any edge where its verdict could flip."""
    edges = [g.boundary for g in cases.zones().geometry] + [g.boundary for g in cases.supply_areas().geometry]
    edges += [g.boundary for g in cases.townships().geometry]
    near = min(point.distance(e) for e in edges)
    coverage = RULES.value("screening", "coverage_distance_m") if _has_rule("screening", "coverage_distance_m") else 500.0
    pipe_gap = abs(point.distance(cases.pipes().geometry.iloc[0]) - coverage)
    return min(near, pipe_gap)


def _has_rule(*keys) -> bool:
    try:
        RULES.value(*keys)
        return True
    except Exception:  # noqa: BLE001
        return False


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(st.lists(st.tuples(coordinate, coordinate), min_size=1, max_size=30))
def test_lon_lat_round_trip_keeps_verdicts(xy):
    wells = _wells(xy)
    assume(all(_distance_to_edges(g) > 0.5 for g in wells.geometry))
    prepared = _prepared()
    direct = screen_points(prepared, wells)
    in_lonlat = screen_points(prepared, wells.to_crs("EPSG:4490"))
    back = screen_points(prepared, wells.to_crs("EPSG:4490").to_crs("EPSG:4516").to_crs(cases.CRS))
    for other in (in_lonlat, back):
        assert list(other["verdict"]) == list(direct["verdict"])
        assert list(other["reasons"]) == list(direct["reasons"])
        assert np.allclose(other["supply_distance_m"].to_numpy(float), direct["supply_distance_m"].to_numpy(float),
                           atol=0.01, equal_nan=True)


@pytest.fixture(scope="module")
def recharge(tmp_path_factory):
    path = balance_data.write_raster(tmp_path_factory.mktemp("recharge") / "r.tif")
    return RasterSource(str(path), "recharge")


X0, Y0 = balance_data.X0, balance_data.Y0
inside = st.tuples(st.floats(1, 399), st.floats(1, 399))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.floats(1, 399), st.lists(st.tuples(inside, st.floats(0, 1e6)), min_size=0, max_size=25))
def test_balance_volumes_add_up_over_two_halves(recharge, split, wells_and_volumes):
    """A unit cut in two at any easting: abstraction, recharge, wells and area of the halves sum to
    the whole (a well on the cut line counts in exactly one half)."""
    whole = shapely.box(X0, Y0 - 400, X0 + 400, Y0)
    west = shapely.box(X0, Y0 - 400, X0 + split, Y0)
    east = shapely.box(X0 + split, Y0 - 400, X0 + 400, Y0)
    points = [(X0 + x, Y0 - y) for (x, y), _ in wells_and_volumes]
    volumes = [v for _, v in wells_and_volumes]
    if points and len(wells_and_volumes) > 1:
        points[0] = (X0 + split, points[0][1])  # one well exactly on the cut line
    wells = balance_data.wells_frame(points, volumes)
    one = compute_balance(wells, balance_data.units_frame([whole], ["whole"]), recharge, RULES).columns
    two = compute_balance(wells, balance_data.units_frame([west, east], ["west", "east"]), recharge, RULES).columns
    for column in ("abstraction_m3", "recharge_m3", "wells_n", "area_km2"):
        assert two[column].sum() == pytest.approx(one[column].sum(), rel=1e-6, abs=0.01), column
    assert int(one["wells_n"].sum()) == len(points)
