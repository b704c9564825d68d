"""Screenshot QGIS desktop with the sample project and the "Check well site" panel open.

Run inside QGIS (``qgis --code scripts/desktop_screenshot.py``) under Xvfb; ``make screenshot``
does that. It clicks one application site with the map tool, waits for the canvas to render,
saves ``docs/screenshot_check_well_site.png`` and quits QGIS.
"""

from __future__ import annotations

import os
from pathlib import Path

from qgis.core import QgsPointXY, QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface, plugins

REPO = Path(os.environ.get("TUOLI_GW_REPO", ".")).resolve()
TARGET = Path(os.environ.get("TUOLI_GW_SCREENSHOT", REPO / "docs" / "screenshot_check_well_site.png"))


def open_and_click() -> None:
    plugin = plugins.get("tuoli_gw_plugin")
    if plugin is None or plugin.gui is None or plugin.gui.site_checker is None:
        print("tuoli_gw_plugin is not loaded in this QGIS")
        QTimer.singleShot(100, iface.actionExit().trigger)
        return
    plugin.gui.load_sample_project()
    iface.mainWindow().showMaximized()
    checker = plugin.gui.site_checker
    checker._action.trigger()
    # The first application inside a severe zone, so the picture shows a prohibition and its basis.
    zones = QgsProject.instance().mapLayersByName("overextraction_zones")[0]
    severe = next(f for f in zones.getFeatures() if f["grade"] == "severe")
    centre = severe.geometry().pointOnSurface().asPoint()
    iface.mapCanvas().setExtent(zones.extent())
    iface.mapCanvas().refresh()
    QTimer.singleShot(1500, lambda: click_and_save(checker, QgsPointXY(centre)))


def click_and_save(checker, point: QgsPointXY) -> None:
    checker.check_point(point)
    QTimer.singleShot(2500, save)


def save() -> None:
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    iface.mainWindow().grab().save(str(TARGET))
    print(f"wrote {TARGET}")
    QgsProject.instance().setDirty(False)  # nothing to save: quit without the save prompt
    QTimer.singleShot(200, iface.actionExit().trigger)


QTimer.singleShot(3000, open_and_click)
