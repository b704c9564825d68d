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


# -- issue 17: outside the data, words instead of codes, field pickers, project changes, zh_CN ----
def _plain(label_html: str) -> str:
    """What the label shows on screen (its rich text rendered to plain text)."""
    from qgis.PyQt.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(label_html)
    return document.toPlainText()


def _add_townships(tmp_path, covering_km: tuple[float, float, float, float]):
    """A townships layer (name_zh, remaining_m3) covering x0..x1, y0..y1 km, added to the project."""
    from qgis.core import QgsProject, QgsVectorLayer

    x0, y0, x1, y1 = covering_km
    gpkg = tmp_path / "townships.gpkg"
    gpd.GeoDataFrame(
        {"name_zh": ["托里镇"], "remaining_m3": [1000.0]},
        geometry=[Polygon([(X0 + x0 * 1000, Y0 + y0 * 1000), (X0 + x1 * 1000, Y0 + y0 * 1000),
                           (X0 + x1 * 1000, Y0 + y1 * 1000), (X0 + x0 * 1000, Y0 + y1 * 1000)])],
        crs=4537,
    ).to_file(gpkg, layer="townships")
    layer = QgsVectorLayer(f"{gpkg}|layername=townships", "townships", "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    return layer


def test_click_outside_the_zones_and_supply_extent_is_no_verdict(checker):
    # No townships layer: the mapped area is the extent of the zones and the pipe (y 0..50 km).
    panel = click(checker, X0 + 5_000, Y0 - 5_000)
    assert panel.last_result["verdict"] == "outside"
    shown = _plain(panel.verdict_label.text())
    assert "OUTSIDE THE MAPPED AREA" in shown and "NO VERDICT" in shown and "ALLOWED" not in shown
    details = panel.details.toPlainText()
    assert "outside the mapped area (outside_mapped_area)" in details
    assert "no verdict" in details.lower()


def test_click_outside_the_townships_is_no_verdict_inside_is_allowed(checker, tmp_path):
    townships = _add_townships(tmp_path, (-10, -10, 40, 60))
    checker.panel.townships_combo.setLayer(townships)
    assert checker.panel.township_name_field_combo.currentField() == "name_zh"
    assert checker.panel.remaining_field_combo.currentField() == "remaining_m3"
    assert "ALLOWED" in click(checker, X0 + 35_000, Y0 + 20_000).verdict_label.text()
    panel = click(checker, X0 + 45_000, Y0 + 20_000)  # inside the layers' extent, outside every township
    assert panel.last_result["verdict"] == "outside" and panel.last_result["township"] is None
    assert "ALLOWED" not in _plain(panel.verdict_label.text())
    # A zone still prohibits where it reaches: the layers do say something there.
    assert "PROHIBITED" in click(checker, X0 + 5_000, Y0 + 5_000).verdict_label.text()


def test_reasons_are_words_with_their_code(checker):
    details = click(checker, X0 + 5_000, Y0 + 5_000).details.toPlainText()
    assert "severe over-extraction zone (二(三), item 7) (severe_zone)" in details


def test_every_reason_the_rules_file_gives_has_words_in_the_panel(qgis_app):
    """The panel shows the engine's words for each reason code (supply_coverage_type_unknown once had none)."""
    import json

    from tuoli_gw_plugin.engine.core.rules import DEFAULT_RULES_PATH
    from tuoli_gw_plugin.gui.site_checker import reason_words

    def reasons(node):
        if isinstance(node, dict):
            yield from ([node["reason"]] if isinstance(node.get("reason"), str) else [])
            for value in node.values():
                yield from reasons(value)
        elif isinstance(node, list):
            for value in node:
                yield from reasons(value)

    codes = {*reasons(json.loads(DEFAULT_RULES_PATH.read_text(encoding="utf-8"))), "outside_mapped_area", "no_geometry"}
    assert {"supply_coverage", "supply_coverage_type_unknown", "severe_zone", "request_over_remaining_quota"} <= codes
    for code in sorted(codes):
        shown = reason_words(code)
        assert shown.endswith(f" ({code})") and len(shown) > len(code) + 3, shown


def test_a_missing_field_is_a_readable_wrapped_message_with_a_field_picker(checker):
    panel = checker.panel
    assert panel.grade_field_combo.currentField() == "grade"
    assert panel.zone_name_field_combo.currentField() == "zone_name"
    panel.grade_field_combo.setField("")
    click(checker, X0 + 5_000, Y0 + 5_000)
    assert panel.last_result is None and checker.marker is None
    shown = _plain(panel.verdict_label.text()) + "\n" + panel.details.toPlainText()
    assert "Choose the zone grade field" in shown
    assert "'overextraction_zones'" in shown and "&#x27;" not in shown and "&amp;" not in shown
    assert panel.details.lineWrapMode() == panel.details.WidgetWidth and panel.verdict_label.wordWrap()
    panel.grade_field_combo.setField("grade")  # the picker fixes it
    assert "PROHIBITED" in click(checker, X0 + 5_000, Y0 + 5_000).verdict_label.text()


def test_the_last_verdict_and_marker_go_when_the_project_changes(checker):
    from qgis.core import QgsProject

    click(checker, X0 + 5_000, Y0 + 5_000)
    assert checker.panel.last_result is not None and checker.marker is not None
    QgsProject.instance().clear()
    assert checker.panel.last_result is None and checker.marker is None
    assert checker.panel.details.toPlainText() == ""
    assert "Click the map" in _plain(checker.panel.verdict_label.text())
    assert checker.panel.zones_combo.currentLayer() is None


def test_unfamiliar_layer_names_are_picked_by_their_fields_never_the_first_polygon_layer(qgis_app, tmp_path):
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsVectorLayer
    from qgis.gui import QgsMapCanvas

    from tuoli_gw_plugin.gui.site_checker import SiteChecker
    from tuoli_gw_plugin.metadata import PLUGIN_DIR

    gpkg = tmp_path / "unfamiliar.gpkg"
    gpd.GeoDataFrame({"crop": ["wheat"]}, geometry=[_square(0, 0, 5)], crs=4537).to_file(gpkg, layer="a_parcels")
    gpd.GeoDataFrame({"名称": ["甲"], "超采等级": ["严重"]}, geometry=[_square(0, 0, 10)], crs=4537).to_file(gpkg, layer="b_areas")
    project = QgsProject.instance()
    project.clear()
    parcels = QgsVectorLayer(f"{gpkg}|layername=a_parcels", "地块", "ogr")
    project.addMapLayer(parcels)
    canvas = QgsMapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4537"))
    checker = SiteChecker(None, PLUGIN_DIR, canvas=canvas)
    try:
        checker.activate()
        # Only farmland so far: no zones layer is guessed, and the panel says so.
        assert checker.panel.zones_combo.currentLayer() is None
        assert "No over-extraction zones layer" in _plain(checker.panel.verdict_label.text())
        zones = QgsVectorLayer(f"{gpkg}|layername=b_areas", "图层2", "ogr")
        project.addMapLayer(zones)
        assert checker.panel.zones_combo.currentLayer() is zones
        assert checker.panel.grade_field_combo.currentField() == "超采等级"
        assert checker.panel.zone_name_field_combo.currentField() == "名称"
    finally:
        checker.teardown()
        project.clear()


@pytest.fixture()
def chinese_interface(qgis_app):
    """A zh_CN profile (the test profile is a throwaway directory) with the plugin's translation loaded."""
    from qgis.core import QgsSettings

    from tuoli_gw_plugin.i18n import install_translator

    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "zh_CN")
    assert install_translator() == "zh-Hans"
    yield
    settings.setValue("locale/overrideFlag", False)
    settings.remove("locale/userLocale")
    install_translator("en")


def test_panel_speaks_chinese_under_zh_cn(chinese_interface, checker):
    panel = click(checker, X0 + 5_000, Y0 - 5_000)
    shown = _plain(panel.verdict_label.text())
    assert "图层范围" in shown and "不作结论" in shown
    assert "OUTSIDE" not in shown
    assert "不作结论" in panel.details.toPlainText()
    details = click(checker, X0 + 5_000, Y0 + 5_000).details.toPlainText()
    # Words, never a code, for a Chinese reader (issue 25); the zone name is not followed by its grade twice.
    assert "严重超采区" in details and "severe_zone" not in details and "severe over-extraction" not in details
    checker.panel.grade_field_combo.setField("")
    click(checker, X0 + 5_000, Y0 + 5_000)
    shown = _plain(checker.panel.verdict_label.text()) + checker.panel.details.toPlainText()
    assert "请选择超采等级字段" in shown and "Choose" not in shown and "&#x27;" not in shown
