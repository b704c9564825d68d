"""Case 3 inside one QGIS process: our balance algorithm against native:zonalstatisticsfb, alternating.

Run as ``python -m benchmarks.qgis_child CONFIG.json``; prints one JSON line with the timings and
the totals of both (their recharge sums should agree to a fraction of a percent: ours weighs the
cells the unit boundary cuts by the share inside and uses true ground areas, QGIS counts a cell
whole when its centre is inside).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def start_qgis():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    from tuoli_gw_plugin.plugin import TuoliGwPlugin

    plugin = TuoliGwPlugin(None)
    plugin.initProcessing()
    return app, plugin


def map_tool_clicks(config: dict) -> dict:
    """Case 4 through the real map tool: SiteChecker on a QgsMapCanvas with the sample layers.

    Each click is a mouse press + release on the canvas, as a reviewer makes it (the tool's
    handler runs screen_point, fills the panel and places the marker). The first click also
    builds the prepared layers; it is reported apart.
    """
    import time

    import numpy as np
    from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY, QgsProject, QgsRectangle, QgsVectorLayer
    from qgis.gui import QgsMapCanvas, QgsMapMouseEvent
    from qgis.PyQt.QtCore import QEvent, QPoint, Qt

    from tuoli_gw_plugin.gui.site_checker import SiteChecker
    from tuoli_gw_plugin.metadata import PLUGIN_DIR

    project = QgsProject.instance()
    project.clear()
    names = ("overextraction_zones", "supply_pipes", "supply_areas", "townships")
    layers = [QgsVectorLayer(f"{config['sample_gpkg']}|layername={name}", name, "ogr") for name in names]
    if not all(layer.isValid() for layer in layers):
        raise RuntimeError("the sample layers did not load")
    project.addMapLayers(layers)
    canvas = QgsMapCanvas()
    canvas.resize(1000, 800)
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4537"))
    canvas.setLayers(layers)
    extent = layers[3].extent()
    canvas.setExtent(QgsRectangle(extent))
    canvas.show()
    checker = SiteChecker(None, PLUGIN_DIR, canvas=canvas)
    checker.activate()

    def click(x: float, y: float) -> float:
        pixel = canvas.getCoordinateTransform().transform(QgsPointXY(x, y))
        position = QPoint(round(pixel.x()), round(pixel.y()))
        start = time.perf_counter()
        for event_type, handler in (
            (QEvent.MouseButtonPress, checker.tool.canvasPressEvent),
            (QEvent.MouseButtonRelease, checker.tool.canvasReleaseEvent),
        ):
            handler(QgsMapMouseEvent(canvas, event_type, position, Qt.LeftButton, Qt.LeftButton))
        return time.perf_counter() - start

    rng = np.random.default_rng(12)
    xs = rng.uniform(extent.xMinimum(), extent.xMaximum(), config["clicks"] + 1)
    ys = rng.uniform(extent.yMinimum(), extent.yMaximum(), config["clicks"] + 1)
    first = click(xs[0], ys[0])
    timings = [click(x, y) for x, y in zip(xs[1:], ys[1:])]
    checker.teardown()
    canvas.hide()
    project.clear()
    return {"first_click": first, "clicks": timings}


def main(config_path: str) -> None:
    config = json.loads(Path(config_path).read_text())
    app, plugin = start_qgis()  # noqa: F841 (kept alive for the whole run)
    if config.get("mode") == "clicks":
        print(json.dumps(map_tool_clicks(config)))
        return
    from qgis.core import (
        QgsApplication,
        QgsProcessingAlgorithm,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProject,
        QgsVectorLayer,
    )

    from benchmarks.timing import alternate

    out = Path(config["out_dir"])
    out.mkdir(parents=True, exist_ok=True)

    registry = QgsApplication.processingRegistry()

    def run(algorithm_id: str, parameters: dict) -> dict:
        # QgsProcessingAlgorithm.run (the C++ call qgis_process makes), the same for both sides, so
        # neither pays the Python processing.run wrapper and the comparison stays fair.
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        algorithm = registry.createAlgorithmById(algorithm_id)
        results, ok = QgsProcessingAlgorithm.run(algorithm, parameters, context, QgsProcessingFeedback())
        if not ok:
            raise RuntimeError(f"{algorithm_id} failed")
        return results

    def ours() -> dict:
        target = out / "balance.gpkg"
        target.unlink(missing_ok=True)
        return run(
            "tuoli_gw:abstraction_recharge_balance",
            {
                "WELLS": config["wells"],
                "VOLUME_FIELD": "metered_m3",
                "RECHARGE": config["raster"],
                "UNITS": config["units"],
                "OUTPUT": str(target),
            },
        )

    def baseline() -> dict:
        target = out / "zonalstats.gpkg"
        target.unlink(missing_ok=True)
        return run(
            "native:zonalstatisticsfb",
            {
                "INPUT": config["units"],
                "INPUT_RASTER": config["raster"],
                "RASTER_BAND": 1,
                "COLUMN_PREFIX": "r_",
                "STATISTICS": [0, 1],
                "OUTPUT": str(target),
            },
        )

    checks: dict = {}

    def check(ours_result: dict, baseline_result: dict) -> None:
        ours_layer = QgsVectorLayer(ours_result["OUTPUT"], "balance", "ogr")
        qgis_layer = QgsVectorLayer(baseline_result["OUTPUT"], "zonal", "ogr")
        ours_m3 = sum(float(f["recharge_m3"]) for f in ours_layer.getFeatures())
        cell_area = config["cell_area_m2"]
        qgis_m3 = sum(float(f["r_sum"]) for f in qgis_layer.getFeatures()) * cell_area / 1000.0
        checks.update(ours_recharge_m3=ours_m3, qgis_recharge_m3=qgis_m3, units=ours_layer.featureCount())

    pair = alternate(ours, baseline, config["repetitions"], check=check, log=lambda m: print(m, file=sys.stderr), label="balance")
    print(json.dumps({"ours": pair.ours, "baseline": pair.baseline, **checks}))


if __name__ == "__main__":
    main(sys.argv[1])
