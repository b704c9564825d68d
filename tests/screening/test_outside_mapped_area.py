"""A well outside the mapped area gets no verdict, never an all-clear (issue 17, point 1).

Layers are the hand-built ones of ``cases.py``: townships 托里镇 (-10000..2800 × -10000..10000) and
多拉特乡 (2800..4000 × -1000..1000); zones, pipe and supply area together span x 0..10000, y -3000..1000.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pytest

from tests.screening import cases
from tuoli_gw_plugin.engine.core.messages import text
from tuoli_gw_plugin.engine.core.rules import load_rules
from tuoli_gw_plugin.engine.screening.well_sites import (
    outside_mapped_area,  # noqa: F401 - the rule's own function, named in the docs
    prepare_screening,
    screen_point,
    screen_points,
    verdict_counts,
)

# name: (x, y, verdict with townships, verdict without townships)
SITES = {
    "inside_township": (2700, 200, "allowed", "allowed"),
    "east_of_the_townships": (6000, 200, "outside", "allowed"),  # inside the zones/pipe extent
    "far_away": (300_000, 200, "outside", "outside"),  # the "300 km outside the county" click
    "north_of_everything": (2700, 5000, "allowed", "outside"),  # in 托里镇, beyond every zone and pipe
    "pipe_beyond_townships": (10_300, -3_399, "prohibited", "prohibited"),  # coverage still prohibits
}


def _wells() -> gpd.GeoDataFrame:
    # Proposed self-supplied wells (自备): item 13's coverage ban applies to them.
    return gpd.GeoDataFrame(
        {"well_id": list(SITES), "use": ["自备"] * len(SITES)}, geometry=[cases.pt(x, y) for x, y, _, _ in SITES.values()], crs=cases.CRS
    )


def _prepared(with_townships: bool):
    return prepare_screening(
        cases.zones(),
        pipes=cases.pipes(),
        supply_areas=cases.supply_areas(),
        coverage_distance_m=500,
        townships=cases.townships() if with_townships else None,
        rules=load_rules(),
    )


@pytest.mark.parametrize("with_townships", [True, False])
def test_outside_the_mapped_area_is_no_verdict(with_townships):
    results = screen_points(_prepared(with_townships), _wells(), use_field="use", language="en")
    expected = {name: v[2] if with_townships else v[3] for name, v in SITES.items()}
    assert dict(zip(SITES, results["verdict"])) == expected
    outside = results["verdict"] == "outside"
    assert set(results.loc[outside, "reasons"]) == {"outside_mapped_area"}
    assert set(results.loc[outside, "basis"]) == {text("screening.outside_basis", "en")}
    assert verdict_counts(results)["outside"] == int(outside.sum())


def test_a_click_300_km_away_is_no_verdict_in_both_languages():
    prepared = _prepared(True)
    for language, words in (("en", "no verdict"), ("zh", "不作结论")):
        result = screen_point(prepared, cases.X0 + 300_000, cases.Y0, cases.CRS, language=language)
        assert result["verdict"] == "outside" and result["township"] is None
        assert words in result["basis"]


def test_multipoints_are_outside_only_when_every_part_is():
    import shapely

    wells = gpd.GeoDataFrame(
        {"well_id": ["half_in", "all_out"]},
        geometry=[shapely.MultiPoint([cases.pt(2700, 200), cases.pt(300_000, 0)]),
                  shapely.MultiPoint([cases.pt(300_000, 0), cases.pt(300_100, 0)])],
        crs=cases.CRS,
    )
    for with_townships in (True, False):
        verdicts = screen_points(_prepared(with_townships), wells)["verdict"].tolist()
        assert verdicts == ["allowed", "outside"], with_townships


@pytest.mark.qgis
def test_screen_well_sites_reports_outside(run_alg, tmp_path: Path):
    gpkg = cases.write_gpkg(
        tmp_path / "inputs.gpkg", wells=_wells(), zones=cases.zones(), pipes=cases.pipes(), townships=cases.townships()
    )
    output = tmp_path / "screened.gpkg"
    result = run_alg(
        "tuoli_gw:screen_well_sites",
        {
            "INPUT": f"{gpkg}|layername=wells",
            "ZONES": f"{gpkg}|layername=zones",
            "SUPPLY_PIPES": f"{gpkg}|layername=pipes",
            "TOWNSHIPS": f"{gpkg}|layername=townships",
            "USE_FIELD": "use",
            "LANGUAGE": 0,  # 中文
            "OUTPUT": str(output),
        },
    )
    screened = gpd.read_file(output, layer="screened")
    assert dict(zip(screened["well_id"], screened["verdict"])) == {name: v[2] for name, v in SITES.items()}
    assert result["COUNT_OUTSIDE"] == 2 and result["COUNT_ALLOWED"] == 2
    assert set(screened.loc[screened["verdict"] == "outside", "basis"]) == {text("screening.outside_basis", "zh")}
