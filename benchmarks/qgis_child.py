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


def main(config_path: str) -> None:
    config = json.loads(Path(config_path).read_text())
    app, plugin = start_qgis()  # noqa: F841 (kept alive for the whole run)
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
