"""A projected CRS that is not true to the ground (web mercator) is not used to measure metres (issue 13, item 6).

In Toli (46° N) EPSG:3857 stretches every length by 1/cos(46°) ≈ 1.44: measured in it, a well 499 m from a pipe
would be 718 m away and screened outside the 500 m coverage. The same layers in EPSG:3857 must give the
EPSG:4537 answers, with a notice saying which CRS was used instead.
"""

from __future__ import annotations

import warnings

import geopandas as gpd
import pytest
import shapely

from tests.screening import cases
from tuoli_gw_plugin.engine.core.crs import MAX_SCALE_ERROR, scale_error, working_crs
from tuoli_gw_plugin.engine.core.errors import EngineNotice
from tuoli_gw_plugin.engine.core.rules import load_rules
from tuoli_gw_plugin.engine.screening.well_sites import prepare_screening, screen_points


def _screen(crs: str) -> gpd.GeoDataFrame:
    prepared = prepare_screening(
        cases.zones().to_crs(crs), pipes=cases.pipes().to_crs(crs), supply_areas=cases.supply_areas().to_crs(crs),
        coverage_distance_m=500, townships=cases.townships().to_crs(crs), rules=load_rules(),
    )
    return screen_points(prepared, cases.wells().to_crs(crs), use_field="use")


def test_web_mercator_layers_are_measured_on_the_ground():
    with pytest.warns(EngineNotice, match=r"EPSG:3857.*EPSG:4537"):
        mercator = _screen("EPSG:3857")
    reference = _screen(cases.CRS)
    names = list(cases.wells()["well_id"])
    distances = dict(zip(names, mercator["supply_distance_m"]))
    # 1 mm: the EPSG:3857 round trip moves vertices by far less; a 1.44 scale would add ~220 m at 499 m.
    assert distances["pipe_499m"] == pytest.approx(499.0, abs=1e-3)
    assert distances["pipe_501m"] == pytest.approx(501.0, abs=1e-3)
    # Points exactly on a boundary or at exactly 500 m may fall either side after a reprojection round trip.
    on_a_limit = {"on_boundary", "pipe_500m"}
    for position, name in enumerate(names):
        if name not in on_a_limit:
            assert mercator["verdict"].iloc[position] == reference["verdict"].iloc[position], name
            assert mercator["reasons"].iloc[position] == reference["reasons"].iloc[position], name


def test_a_true_projection_is_used_as_it_is_and_silently():
    layers = [cases.zones(), cases.pipes()]
    with warnings.catch_warnings():
        warnings.simplefilter("error", EngineNotice)
        assert working_crs(layers).to_epsg() == 4537
        assert working_crs([layer.to_crs("EPSG:32644") for layer in layers]).to_epsg() == 32644  # UTM 44N, k0 = 0.9996


@pytest.mark.parametrize(
    "epsg, expected_error",
    [
        (3857, 1 / 0.6946583704589973 - 1),  # 1/cos(46°) − 1 at the box's top edge (46° N)
        (4547, None),  # a CGCS2000 zone 30° of longitude away (CM 114° E): far off, refused
    ],
)
def test_scale_error_by_hand(epsg, expected_error):
    from pyproj import CRS

    error = scale_error(CRS.from_epsg(epsg), (83.0, 45.0, 84.0, 46.0))
    if expected_error is None:
        assert error > MAX_SCALE_ERROR
    else:
        # Web mercator on the ellipsoid: k = sec(φ)·sqrt(1 − e² sin²φ); the spherical 1/cos(46°) is within 0.3 %.
        assert error == pytest.approx(expected_error, rel=3e-3)


def test_web_mercator_areas_are_ground_areas():
    from tuoli_gw_plugin.engine.core.crs import working_crs as choose

    square = gpd.GeoDataFrame(geometry=[cases.box(0, 0, 1000, 1000)], crs=cases.CRS)
    with pytest.warns(EngineNotice):
        metric = choose([square.to_crs("EPSG:3857")])
    assert shapely.area(square.to_crs("EPSG:3857").to_crs(metric).geometry.values[0]) == pytest.approx(1e6, rel=1e-3)
