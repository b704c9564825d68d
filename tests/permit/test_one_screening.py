"""Three doors, one screening (issue 25): screen_well_sites, permit_decision and the Check well site panel give every
sample application the same verdict, run on the same layers with their defaults — the panel with the application's
kind of well and requested volume, as a reviewer enters them.

The sample townships have millions of m³ left and the 50 requests are small, so judging them as one batch changes no
verdict: the panel, which judges one site at a time, must agree with both algorithms on every application.
"""

from __future__ import annotations

import geopandas as gpd
import pytest

from tests.conftest import SAMPLE_GPKG

pytestmark = pytest.mark.qgis
LAYERS = {"ZONES": "overextraction_zones", "SUPPLY_PIPES": "supply_pipes", "SUPPLY_AREAS": "supply_areas", "TOWNSHIPS": "townships"}


def _layer(name: str) -> str:
    return f"{SAMPLE_GPKG}|layername={name}"


@pytest.fixture(scope="module")
def applications() -> gpd.GeoDataFrame:
    return gpd.read_file(SAMPLE_GPKG, layer="well_applications")


@pytest.fixture()
def doors(run_alg, tmp_path, applications):
    """The verdict of each door per application id (only the layers and the input: every other parameter its default)."""
    layers = {key: _layer(name) for key, name in LAYERS.items()}
    screened = run_alg("tuoli_gw:screen_well_sites", {"INPUT": _layer("well_applications"), **layers, "OUTPUT": str(tmp_path / "s.gpkg")})
    screening = gpd.read_file(screened["OUTPUT"])
    decided = run_alg(
        "tuoli_gw:permit_decision",
        {"INPUT": _layer("well_applications"), **layers, "OUTPUT_FOLDER": str(tmp_path / "docs"), "OUTPUT": str(tmp_path / "d.gpkg")},
    )
    decisions = gpd.read_file(decided["OUTPUT"])
    return (
        dict(zip(screening["app_id"], zip(screening["verdict"], screening["reasons"]))),
        dict(zip(decisions["application_id"], zip(decisions["verdict"], decisions["reasons"]))),
    )


@pytest.fixture()
def panel_checker(qgis_app):
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsRectangle, QgsVectorLayer
    from qgis.gui import QgsMapCanvas

    from tuoli_gw_plugin.gui.site_checker import SiteChecker
    from tuoli_gw_plugin.metadata import PLUGIN_DIR

    project = QgsProject.instance()
    project.clear()
    layers = [QgsVectorLayer(_layer(name), name, "ogr") for name in LAYERS.values()]
    assert all(layer.isValid() for layer in layers)
    project.addMapLayers(layers)
    canvas = QgsMapCanvas()
    canvas.resize(800, 600)
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4537"))
    canvas.setLayers(layers)
    canvas.setExtent(QgsRectangle(layers[0].extent()))
    checker = SiteChecker(None, PLUGIN_DIR, canvas=canvas)
    checker.activate()
    yield checker
    checker.teardown()
    project.clear()


def test_the_three_doors_give_every_sample_application_one_verdict(doors, panel_checker, applications):
    from qgis.core import QgsPointXY

    screening, decisions = doors
    panel = panel_checker.panel
    assert panel.requested_m3() is None  # nothing is assumed for the reviewer
    panel_verdicts = {}
    for row in applications.itertuples():
        index = panel.use_combo.findData(row.use)
        assert index >= 0, f"the panel offers no kind of well '{row.use}'"
        panel.use_combo.setCurrentIndex(index)
        panel.requested_spin.setValue(row.requested_m3)
        result = panel_checker.check_point(QgsPointXY(row.geometry.x, row.geometry.y))
        panel_verdicts[row.app_id] = (result["verdict"], result["reasons"])
    assert len(panel_verdicts) == len(applications) == 50
    differing = {a: (screening[a], decisions[a], panel_verdicts[a]) for a in panel_verdicts
                 if not screening[a] == decisions[a] == panel_verdicts[a]}
    assert differing == {}
    # The cases of the issue: an industrial well in coverage is prohibited at every door, a domestic well without an
    # alternative source in a severe zone restricted at every door.
    assert decisions["SQ-2025-002"] == ("prohibited", "supply_coverage")
    assert decisions["SQ-2025-011"][0] == "restricted" and "statutory_exception" in decisions["SQ-2025-011"][1]
    assert {verdict for verdict, _ in decisions.values()} >= {"prohibited", "restricted", "allowed"}


def test_the_panel_screens_with_the_requested_volume_and_says_when_it_has_none(panel_checker, applications):
    """10 000 m³ left, 15 000 m³ asked: restricted in the panel as in the document; without a volume, the panel says
    the red line was not compared, never an unqualified all-clear on the quota."""
    from qgis.core import QgsPointXY

    from tuoli_gw_plugin.engine.core.rules import load_rules
    from tuoli_gw_plugin.engine.screening.well_sites import prepare_screening, screen_point

    panel = panel_checker.panel
    panel.use_combo.setCurrentIndex(panel.use_combo.findData("irrigation"))
    for row in applications.itertuples():  # the first irrigation site the layers allow
        without = panel_checker.check_point(QgsPointXY(row.geometry.x, row.geometry.y))
        if row.use == "irrigation" and without["verdict"] == "allowed":
            break
    assert without["verdict"] == "allowed"
    assert "not compared with the township's remaining quota" in panel.details.toPlainText()
    remaining = without["township_remaining_m3"]
    assert remaining and remaining > 0
    panel.requested_spin.setValue(remaining + 5_000)  # the panel checks the site again by itself
    assert panel.last_result["verdict"] == "restricted"
    assert "request_over_remaining_quota" in panel.last_result["reasons"]
    assert "compared with the township's remaining quota" in panel.details.toPlainText()
    prepared = prepare_screening(
        gpd.read_file(SAMPLE_GPKG, layer="overextraction_zones"), pipes=gpd.read_file(SAMPLE_GPKG, layer="supply_pipes"),
        supply_areas=gpd.read_file(SAMPLE_GPKG, layer="supply_areas"), townships=gpd.read_file(SAMPLE_GPKG, layer="townships"),
        rules=load_rules(),
    )
    engine = screen_point(prepared, row.geometry.x, row.geometry.y, "EPSG:4537", use="irrigation", requested_m3=remaining + 5_000)
    assert (engine["verdict"], engine["reasons"]) == (panel.last_result["verdict"], panel.last_result["reasons"])


def test_the_panel_kinds_of_well_follow_the_rules_file(panel_checker):
    panel = panel_checker.panel
    labels = {panel.use_combo.itemData(i): panel.use_combo.itemText(i) for i in range(panel.use_combo.count())}
    kinds = {"domestic", "industrial", "irrigation", "public_supply", "monitoring", "emergency", "domestic_no_alternative", None}
    assert kinds <= set(labels)
    assert "not a self-supplied well" in labels["irrigation"] or "非自备井" in labels["irrigation"]
    assert "self-supplied well (自备井)" in labels["domestic"] or labels["domestic"].endswith("自备井")
