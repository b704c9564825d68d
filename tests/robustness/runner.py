"""Run an algorithm through processing.run and keep everything the user would see.

``Outcome`` holds the results or the error (its type and message) and every line pushed to the
feedback (info, warnings, errors), so the matrix can check "a clear message, never a traceback",
"every feature accounted for in the output or the log" and "inputs untouched".
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import QgsProcessingFeedback


class RecordingFeedback(QgsProcessingFeedback):
    """A real QgsProcessingFeedback that also keeps the log lines; can cancel itself after
    ``cancel_after_progress`` progress reports (a user pressing Cancel mid-run)."""

    def __init__(self, cancel_after_progress: int | None = None) -> None:
        super().__init__()
        self.lines: list[str] = []
        self.progress_reports = 0
        self.cancel_after_progress = cancel_after_progress
        self.progressChanged.connect(self._on_progress)

    def _on_progress(self, _value: float) -> None:
        self.progress_reports += 1
        if self.cancel_after_progress is not None and self.progress_reports >= self.cancel_after_progress:
            self.cancel()

    def pushInfo(self, info: str) -> None:  # noqa: N802
        self.lines.append(info)
        super().pushInfo(info)

    def pushWarning(self, warning: str) -> None:  # noqa: N802
        self.lines.append(warning)
        super().pushWarning(warning)

    def reportError(self, error: str, fatalError: bool = False) -> None:  # noqa: N802, N803
        self.lines.append(error)
        super().reportError(error, fatalError)

    def pushConsoleInfo(self, info: str) -> None:  # noqa: N802
        self.lines.append(info)
        super().pushConsoleInfo(info)

    @property
    def log(self) -> str:
        return "\n".join(self.lines)


@dataclass
class Outcome:
    results: dict | None = None
    error_type: str | None = None
    message: str = ""
    log: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error_type is None


def run_processing(algorithm: str, parameters: dict, feedback: RecordingFeedback | None = None) -> Outcome:
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProject

    feedback = feedback or RecordingFeedback()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    try:
        results = processing.run(f"tuoli_gw:{algorithm}", parameters, context=context, feedback=feedback)
    except QgsProcessingException as error:
        return Outcome(error_type="QgsProcessingException", message=str(error), log=feedback.log)
    except Exception as error:  # noqa: BLE001 - the matrix reports any other exception as a failure
        import traceback

        return Outcome(error_type=type(error).__name__, message="Traceback\n" + traceback.format_exc(), log=feedback.log)
    return Outcome(results=results, log=feedback.log)


def file_digest(path: str | Path) -> str:
    """A hash of a file and its sidecars (.dbf, .cpg, ... for shapefiles; -wal for GeoPackages)."""
    path = Path(str(path).split("|")[0])
    digest = hashlib.sha256()
    for part in sorted(path.parent.glob(path.stem + ".*")):
        if part.suffix.lower() == ".qml" or part.name.endswith(".aux.xml"):
            continue
        digest.update(part.name.encode())
        digest.update(part.read_bytes())
    return digest.hexdigest()


def feature_count(source: str) -> int:
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(source, "count", "ogr")
    assert layer.isValid(), source
    return layer.featureCount()


def read_layer(source: str):
    """A written output's attributes as a DataFrame. Read through QGIS: in a process where QGIS
    has set GDAL's encoding options, pyogrio can mis-decode text read after a GBK shapefile."""
    import pandas as pd
    from qgis.core import QgsVectorLayer

    from tuoli_gw_plugin.qgis_io.frames import python_value

    layer = QgsVectorLayer(str(source), "output", "ogr")
    assert layer.isValid(), source
    names = layer.fields().names()
    rows = [[python_value(v) for v in feature.attributes()] for feature in layer.getFeatures()]
    return pd.DataFrame(rows, columns=names)
