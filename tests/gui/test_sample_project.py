"""The sample project opens zoomed to the county, not blank at 1:1 (issue 17, point 2).

Read with QgsProject as the desktop reads it: the saved default view, and the view a map canvas
named like the desktop's ("theMapCanvas") restores from the project file.
"""

from __future__ import annotations

import pytest

from tests.conftest import SAMPLES

pytestmark = pytest.mark.qgis

PROJECT = SAMPLES / "toli_sample.qgz"


def _townships_extent(project):
    (layer,) = [layer for layer in project.mapLayers().values() if "layername=townships" in layer.source()]
    return layer.extent()


def _assert_county_view(extent, townships) -> None:
    assert not extent.isEmpty()
    assert extent.contains(townships), (extent.toString(), townships.toString())
    # Zoomed to the county: at most a margin around it, not the whole world or a 1:1 dot.
    assert extent.width() < 1.5 * townships.width() and extent.height() < 1.5 * max(townships.height(), townships.width())


def test_sample_project_saves_a_default_view_of_the_county(qgis_app):
    from qgis.core import QgsProject

    project = QgsProject.instance()
    try:
        assert project.read(str(PROJECT))
        saved = project.viewSettings().defaultViewExtent()
        assert saved.crs().authid() == "EPSG:4537"
        _assert_county_view(saved, _townships_extent(project))
    finally:
        project.clear()


def test_desktop_canvas_opens_the_sample_project_at_the_county(qgis_app):
    from qgis.core import QgsProject
    from qgis.gui import QgsMapCanvas

    canvas = QgsMapCanvas()
    canvas.setObjectName("theMapCanvas")  # the desktop's canvas; it reads its view when a project is read
    canvas.resize(1200, 900)
    project = QgsProject.instance()
    # The canvas reads its view from the project by itself; QGIS desktop gives it the project's CRS.
    project.crsChanged.connect(lambda: canvas.setDestinationCrs(project.crs()))
    try:
        assert project.read(str(PROJECT))
        assert canvas.mapSettings().destinationCrs().authid() == "EPSG:4537"
        _assert_county_view(canvas.extent(), _townships_extent(project))
        assert canvas.scale() > 100_000  # county scale, not 1:1
    finally:
        project.clear()
        canvas.deleteLater()
