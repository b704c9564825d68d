"""engine.core.placement on hand-built extents: which layer is misplaced, and the cause named (issue 30)."""

from __future__ import annotations

import pytest

from tuoli_gw_plugin.engine.core.errors import EngineInputError
from tuoli_gw_plugin.engine.core.placement import LayerExtent, check_placement

WELLS = LayerExtent("wells", "EPSG:4537", (460_000, 5_080_000, 480_000, 5_100_000))


@pytest.mark.parametrize(
    ("crs", "bounds", "cause"),
    [
        ("EPSG:4537", (28_460_000, 5_080_000, 28_465_000, 5_090_000), "EPSG:4516 (CGCS2000 / 3-degree Gauss-Kruger zone 28)"),
        ("EPSG:2425", (28_460_000, 5_080_000, 28_465_000, 5_090_000), "EPSG:2404 (Beijing 1954 / 3-degree Gauss-Kruger zone 28)"),
        ("EPSG:4537", (5_080_000, 460_000, 5_090_000, 465_000), "X and Y are swapped"),
        ("EPSG:4537", (5_080_000, 28_460_000, 5_090_000, 28_465_000), "swapped and the eastings carry the zone prefix 28"),
        ("EPSG:4537", (83.5, 45.8, 83.7, 46.0), "set the layer's CRS to EPSG:4490"),
        ("EPSG:4490", (45.8, 83.5, 46.0, 83.7), "X and Y are swapped"),
        ("EPSG:4537", (960_000, 5_080_000, 980_000, 5_100_000), "check that the layer's CRS"),
    ],
)
def test_a_misplaced_layer_is_named_with_its_likely_cause(crs, bounds, cause):
    with pytest.raises(EngineInputError) as error:
        check_placement([WELLS, LayerExtent("zones", crs, bounds)])
    assert str(error.value).startswith("layer 'zones': ") and cause in str(error.value)


def test_layers_in_the_county_are_placed_even_apart_from_each_other():
    far_east = LayerExtent("units", "EPSG:4537", (550_000, 5_089_000, 551_000, 5_090_000))
    prefixed = LayerExtent("zones", "EPSG:4516", (28_460_000, 5_080_000, 28_465_000, 5_090_000))
    mercator = LayerExtent("pipes", "EPSG:3857", (9_290_000, 5_760_000, 9_300_000, 5_770_000))
    check_placement([WELLS, far_east, prefixed, mercator])


def test_data_of_another_place_placed_consistently_is_not_refused():
    check_placement([LayerExtent("a", "EPSG:4537", (0, 0, 1000, 1000)), LayerExtent("b", "EPSG:4537", (0, 0, 100, 100))])


def test_two_layers_both_prefixed_are_both_named():
    pipes = LayerExtent("pipes", "EPSG:4537", (28_470_000, 5_080_000, 28_480_000, 5_095_000))
    areas = LayerExtent("supply_areas", "EPSG:4537", (28_475_000, 5_085_000, 28_478_000, 5_088_000))
    with pytest.raises(EngineInputError) as error:
        check_placement([WELLS, pipes, areas])
    assert str(error.value).startswith("layer 'pipes, supply_areas': ")
