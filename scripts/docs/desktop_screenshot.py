"""Screenshot QGIS desktop with the sample project and the "Check well site" panel open.

Run inside QGIS (``qgis --code scripts/docs/desktop_screenshot.py``) under Xvfb; ``make screenshot``
does that. It clicks one application site with the map tool, waits for the canvas to render,
saves ``docs/screenshot_check_well_site.png`` and quits QGIS.

``TUOLI_GW_SCREENSHOT_MODE`` picks the picture: ``severe`` (default, a click in a severe zone),
``sample`` (the sample project as it opens, at its saved view), ``outside`` (a click outside the
townships: "outside the mapped area — no verdict") or ``dialog`` (the toolbox dialog of the algorithm
``TUOLI_GW_ALGORITHM``, default ``tuoli_gw:reduction_plan``, as a user opens it over the sample project). ``TUOLI_GW_LOCALE=zh-Hans`` in
desktop_screenshot.sh gives a Chinese profile.
"""

from __future__ import annotations

import os
from pathlib import Path

from qgis.core import QgsGeometry, QgsPointXY, QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface, plugins

REPO = Path(os.environ.get("TUOLI_GW_REPO", ".")).resolve()
TARGET = Path(os.environ.get("TUOLI_GW_SCREENSHOT", REPO / "docs" / "screenshot_check_well_site.png"))
MODE = os.environ.get("TUOLI_GW_SCREENSHOT_MODE", "severe")


def open_and_click() -> None:
    plugin = plugins.get("tuoli_gw_plugin")
    if plugin is None or plugin.gui is None or plugin.gui.site_checker is None:
        print("tuoli_gw_plugin is not loaded in this QGIS")
        QTimer.singleShot(100, iface.actionExit().trigger)
        return
    iface.mainWindow().setGeometry(0, 0, 1600, 1000)  # Xvfb has no window manager to maximise
    plugin.gui.load_sample_project()
    if MODE == "sample":  # as the project opens: its saved view, no panel
        QTimer.singleShot(3000, save)
        return
    if MODE == "dialog":
        QTimer.singleShot(3000, open_dialog)
        return
    checker = plugin.gui.site_checker
    if MODE == "outside":
        checker._action.trigger()
        townships = checker.panel.townships_combo.currentLayer()
        county = next(townships.getFeatures()).geometry()
        for feature in townships.getFeatures():
            county = county.combine(feature.geometry())
        view = iface.mapCanvas().extent()
        # The first point of a walk along the view's lower edge that lies outside every township.
        for step in range(1, 50):
            point = QgsPointXY(view.xMinimum() + view.width() * step / 50, view.yMinimum() + view.height() * 0.04)
            if not county.contains(QgsGeometry.fromPointXY(point)):
                break
        QTimer.singleShot(2000, lambda: click_and_save(checker, point))
        return
    checker._action.trigger()
    # The first application inside a severe zone, so the picture shows a prohibition and its basis.
    zones = checker.panel.zones_combo.currentLayer()
    severe = next(f for f in zones.getFeatures() if f["grade"] == "severe")
    centre = severe.geometry().pointOnSurface().asPoint()
    iface.mapCanvas().setExtent(zones.extent())
    iface.mapCanvas().refresh()
    QTimer.singleShot(1500, lambda: click_and_save(checker, QgsPointXY(centre)))


def open_dialog() -> None:
    """The algorithm's dialog as the toolbox opens it (the same call as a double click in the toolbox)."""
    import processing

    algorithm = os.environ.get("TUOLI_GW_ALGORITHM", "tuoli_gw:reduction_plan")
    dialog = processing.createAlgorithmDialog(algorithm)
    if dialog is None:
        raise RuntimeError(f"no algorithm {algorithm} in the toolbox")
    dialog.setGeometry(200, 60, 1000, 860)
    dialog.show()
    QTimer.singleShot(2500, lambda: save_widget(dialog))


def save_widget(widget) -> None:
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(TARGET))
    print(f"wrote {TARGET}")
    widget.close()
    QgsProject.instance().setDirty(False)
    QTimer.singleShot(200, iface.actionExit().trigger)


def click_and_save(checker, point: QgsPointXY) -> None:
    checker.check_point(point)
    QTimer.singleShot(2500, save)


def save() -> None:
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    iface.mainWindow().grab().save(str(TARGET))
    print(f"wrote {TARGET}")
    QgsProject.instance().setDirty(False)  # nothing to save: quit without the save prompt
    QTimer.singleShot(200, iface.actionExit().trigger)


def guarded(step):
    """Run a step; on any error print it and quit, so a broken run never hangs under Xvfb."""

    def run(*args):
        try:
            step(*args)
        except Exception as error:  # noqa: BLE001 - report and quit whatever went wrong
            print(f"screenshot failed: {error!r}")
            QgsProject.instance().setDirty(False)
            iface.actionExit().trigger()

    return run


open_and_click = guarded(open_and_click)
open_dialog = guarded(open_dialog)
save_widget = guarded(save_widget)
click_and_save = guarded(click_and_save)
save = guarded(save)
QTimer.singleShot(3000, open_and_click)
