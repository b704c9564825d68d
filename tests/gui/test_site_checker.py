"""The "Check well site" map tool on a real QgsMapCanvas, driven by simulated mouse clicks.

Layers are a small hand-built set in EPSG:4537 so the expected verdicts and distances are known
without running the engine: a severe zone square, a general zone square, one straight pipe.
"""

from __future__ import annotations

import geopandas as gpd
import pytest
from shapely.geometry import LineString, Polygon

pytestmark = pytest.mark.qgis

# Severe zone: x 0..10 km, y 0..10 km; general zone: x 20..30 km; pipe along y = 50 km.
X0, Y0 = 470_000.0, 5_080_000.0


def _square(x_km: float, y_km: float, size_km: float) -> Polygon:
    x, y = X0 + x_km * 1000, Y0 + y_km * 1000
    s = size_km * 1000
    return Polygon([(x, y), (x + s, y), (x + s, y + s), (x, y + s)])


@pytest.fixture()
def site_layers(qgis_app, tmp_path):
    from qgis.core import QgsProject, QgsVectorLayer

    gpkg = tmp_path / "site.gpkg"
    gpd.GeoDataFrame(
        {"zone_name": ["严重区", "一般区"], "grade": ["severe", "general"]},
        geometry=[_square(0, 0, 10), _square(20, 0, 10)],
        crs=4537,
    ).to_file(gpkg, layer="overextraction_zones")
    gpd.GeoDataFrame(
        {"pipe_id": [1]}, geometry=[LineString([(X0 - 50_000, Y0 + 50_000), (X0 + 80_000, Y0 + 50_000)])], crs=4537
    ).to_file(gpkg, layer="supply_pipes")
    project = QgsProject.instance()
    project.clear()
    layers = [QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr") for name in ("overextraction_zones", "supply_pipes")]
    assert all(layer.isValid() for layer in layers)
    project.addMapLayers(layers)
    yield layers
    project.clear()


@pytest.fixture()
def checker(site_layers):
    from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle
    from qgis.gui import QgsMapCanvas

    from tuoli_gw_plugin.gui.site_checker import SiteChecker
    from tuoli_gw_plugin.metadata import PLUGIN_DIR

    canvas = QgsMapCanvas()
    canvas.resize(800, 600)
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4537"))
    canvas.setLayers(site_layers)
    canvas.setExtent(QgsRectangle(X0 - 10_000, Y0 - 10_000, X0 + 70_000, Y0 + 60_000))
    canvas.show()
    checker = SiteChecker(None, PLUGIN_DIR, canvas=canvas)
    checker.activate()
    yield checker
    checker.teardown()
    canvas.hide()


def click(checker, x: float, y: float):
    """Press and release the left button at map coordinates (x, y), as a reviewer would."""
    from qgis.core import QgsPointXY
    from qgis.gui import QgsMapMouseEvent
    from qgis.PyQt.QtCore import QEvent, QPoint, Qt

    pixel = checker.canvas.getCoordinateTransform().transform(QgsPointXY(x, y))
    position = QPoint(round(pixel.x()), round(pixel.y()))
    for event_type, handler in ((QEvent.MouseButtonPress, checker.tool.canvasPressEvent),
                                (QEvent.MouseButtonRelease, checker.tool.canvasReleaseEvent)):
        handler(QgsMapMouseEvent(checker.canvas, event_type, position, Qt.LeftButton, Qt.LeftButton))
    return checker.panel


def test_layers_are_found_by_name(checker, site_layers):
    assert checker.panel.zones_combo.currentLayer().name() == "overextraction_zones"
    assert checker.panel.pipes_combo.currentLayer().name() == "supply_pipes"
    assert checker.canvas.mapTool() is checker.tool


def test_click_in_severe_zone_shows_prohibited_with_basis(checker):
    panel = click(checker, X0 + 5_000, Y0 + 5_000)
    assert "PROHIBITED" in panel.verdict_label.text()
    details = panel.details.toPlainText()
    assert "severe_zone" in details and "严重区" in details
    # The pipe runs along y = Y0 + 50 km; the click is 45 km south of it (one pixel is 100 m here).
    distance = panel.last_result["supply_distance_m"]
    assert abs(distance - 45_000) <= 100
    assert "item 7" in details or "第7条" in details


def test_click_in_general_zone_is_restricted_and_outside_is_allowed(checker):
    assert "RESTRICTED" in click(checker, X0 + 25_000, Y0 + 5_000).verdict_label.text()
    panel = click(checker, X0 + 45_000, Y0 + 20_000)
    assert "ALLOWED" in panel.verdict_label.text()
    assert panel.last_result["in_supply_coverage"] in (False, 0)


def test_click_next_to_the_pipe_is_prohibited_for_supply_coverage(checker):
    panel = click(checker, X0 + 45_000, Y0 + 50_000 - 300)  # 300 m from the pipe, coverage 500 m
    assert "PROHIBITED" in panel.verdict_label.text()
    assert "supply_coverage" in panel.details.toPlainText()


def test_layers_are_indexed_once_not_per_click(checker):
    click(checker, X0 + 5_000, Y0 + 5_000)
    prepared = checker._prepared
    click(checker, X0 + 25_000, Y0 + 5_000)
    assert checker._prepared is prepared
    checker.panel.distance_spin.setValue(100)
    assert checker._prepared is None  # a new coverage distance means a new preparation
