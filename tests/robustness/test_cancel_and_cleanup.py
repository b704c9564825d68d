"""Cancellation and failed runs: a run the user cancels, or one that fails after its output was
created, ends with a clear message and leaves no output file that looks complete.

No timings here (machines are noisy); the latency on a 1M-well screening was measured by hand and
is in docs/robustness.md.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely

from .runner import RecordingFeedback, run_processing
from .world import CRS, X0, Y0, World

N_WELLS = 300_000


@pytest.fixture(scope="module")
def many_wells(tmp_path_factory):
    """300 000 wells spread over the test county, with the clean world's other layers."""
    folder = tmp_path_factory.mktemp("many")
    rng = np.random.default_rng(3)
    x = X0 + rng.uniform(0, 20_000, N_WELLS)
    y = Y0 + rng.uniform(0, 20_000, N_WELLS)
    world = World.default()
    world.layers["wells"] = gpd.GeoDataFrame(
        {"well_id": np.arange(N_WELLS).astype(str), "use": "irrigation"}, geometry=shapely.points(x, y), crs=CRS
    )
    return world.write(folder)


@pytest.mark.parametrize(
    "output_name, cancel_after",
    [
        # GeoPackage in and out: the bulk path reports once after reading, then once per 100k-well chunk.
        ("screened.gpkg", 1), ("screened.gpkg", 3),
        # A shapefile output takes the feature path: reading, screening chunks and writing report progress.
        ("screened.shp", 1), ("screened.shp", 4), ("screened.shp", 9),
    ],
)
def test_cancelled_screening_ends_with_a_message_and_no_output(qgis_app, many_wells, tmp_path, output_name, cancel_after):
    """Cancel at reading, screening or writing, on the bulk and on the feature path."""
    feedback = RecordingFeedback(cancel_after_progress=cancel_after)
    output = tmp_path / output_name
    parameters = {
        "INPUT": many_wells["wells"], "ZONES": many_wells["zones"], "SUPPLY_PIPES": many_wells["pipes"],
        "TOWNSHIPS": many_wells["townships"], "OUTPUT": str(output),
    }
    outcome = run_processing("screen_well_sites", parameters, feedback)
    assert feedback.isCanceled()
    assert not outcome.ok and outcome.error_type == "QgsProcessingException"
    assert "ancel" in outcome.message and "Traceback" not in outcome.message
    assert not output.exists()
    assert list(tmp_path.iterdir()) == []


def test_cancel_from_a_timer_while_screening(qgis_app, many_wells, tmp_path):
    """The user presses Cancel from the event loop (a QTimer) while the algorithm runs in a task."""
    from qgis.core import QgsApplication, QgsProcessingAlgRunnerTask, QgsProcessingContext, QgsProject
    from qgis.PyQt.QtCore import QEventLoop, QTimer

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("tuoli_gw:screen_well_sites")
    output = tmp_path / "screened.gpkg"
    parameters = {"INPUT": many_wells["wells"], "ZONES": many_wells["zones"], "SUPPLY_PIPES": many_wells["pipes"], "OUTPUT": str(output)}
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = RecordingFeedback()
    task = QgsProcessingAlgRunnerTask(algorithm, parameters, context, feedback)
    finished: list[bool] = []
    loop = QEventLoop()
    task.executed.connect(lambda ok, _results: (finished.append(ok), loop.quit()))
    feedback.progressChanged.connect(lambda _p: QTimer.singleShot(0, feedback.cancel))
    QgsApplication.taskManager().addTask(task)
    QTimer.singleShot(120_000, loop.quit)  # a hang must fail the test, not block it
    loop.exec_()
    assert finished == [False]
    assert "ancel" in feedback.log
    assert not output.exists()


def test_a_run_failing_after_its_sink_was_created_leaves_no_file(qgis_app, tmp_path):
    """A failure after the sink exists and holds 100 features: a tiny algorithm on the real base
    class (no shipped algorithm fails that late on purpose)."""
    import processing
    from qgis.core import (
        QgsFeature,
        QgsField,
        QgsFields,
        QgsProcessingContext,
        QgsProcessingException,
        QgsProcessingParameterFeatureSink,
        QgsWkbTypes,
    )
    from qgis.PyQt.QtCore import QVariant

    from tuoli_gw_plugin.engine.core.errors import EngineInputError
    from tuoli_gw_plugin.processing_algs.base import TuoliAlgorithm

    class FailsHalfway(TuoliAlgorithm):
        NAME = "fails_halfway"

        def initAlgorithm(self, config=None):  # noqa: N802
            self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", "out"))

        def compute(self, parameters, context, feedback):
            fields = QgsFields()
            fields.append(QgsField("n", QVariant.Int))
            sink, _dest = self.parameterAsSink(parameters, "OUTPUT", context, fields, QgsWkbTypes.NoGeometry)
            for n in range(100):
                feature = QgsFeature(fields)
                feature.setAttributes([n])
                sink.addFeature(feature)
            raise EngineInputError("row 100 cannot be read", layer="wells", feature=100, field="n")

    output = tmp_path / "half.gpkg"
    existing = tmp_path / "kept.gpkg"
    existing.write_bytes(b"the user's own file")
    with pytest.raises(QgsProcessingException, match="layer 'wells', feature 100"):
        processing.run(FailsHalfway(), {"OUTPUT": str(output)}, context=QgsProcessingContext())
    assert not output.exists()
    assert existing.read_bytes() == b"the user's own file"
    # An output path that already existed before the run is the user's: it is not deleted.
    with pytest.raises(QgsProcessingException):
        processing.run(FailsHalfway(), {"OUTPUT": str(existing)}, context=QgsProcessingContext())
    assert existing.exists()


@pytest.mark.parametrize(
    "name", ["screen_well_sites", "electricity_to_water", "compliance_audit", "supervision_report", "permit_decision", "reduction_plan"]
)
def test_every_algorithm_ends_a_cancelled_run_the_same_way(qgis_app, tmp_path, name):
    """Cancel pressed before the run reads anything: whichever part notices it (the bridge reading a
    layer, the door, the engine), the run ends with the one cancel message and writes nothing."""
    from .algorithms import SPECS

    world = World.default().write(tmp_path / "world")
    out = tmp_path / "out"
    out.mkdir()
    feedback = RecordingFeedback()
    feedback.cancel()
    outcome = run_processing(name, SPECS[name].params(world, out), feedback)
    assert not outcome.ok and outcome.error_type == "QgsProcessingException"
    assert outcome.message == "Cancelled by the user; no output was written."
    assert list(out.iterdir()) == []


def test_a_failed_run_over_a_previous_output_leaves_it_as_it_was(qgis_app, tmp_path):
    """Issue 13, item 3, on QGIS's feature writer: the previous output of the same path survives a run that fails
    after writing 100 features into it; a run that succeeds replaces it, leaving no hidden partial file."""
    import hashlib

    import processing
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsFeature,
        QgsField,
        QgsFields,
        QgsProcessingContext,
        QgsProcessingException,
        QgsProcessingParameterFeatureSink,
        QgsWkbTypes,
    )
    from qgis.PyQt.QtCore import QVariant

    from tuoli_gw_plugin.engine.core.errors import EngineInputError
    from tuoli_gw_plugin.processing_algs.base import TuoliAlgorithm

    class Writes(TuoliAlgorithm):
        NAME = "writes"
        rows, fail = 3, False

        def initAlgorithm(self, config=None):  # noqa: N802
            self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", "out"))

        def compute(self, parameters, context, feedback):
            fields = QgsFields()
            fields.append(QgsField("n", QVariant.Int))
            crs = QgsCoordinateReferenceSystem()
            sink, dest_id = self.required_sink(parameters, "OUTPUT", context, fields, QgsWkbTypes.NoGeometry, crs)
            for n in range(self.rows):
                feature = QgsFeature(fields)
                feature.setAttributes([n])
                sink.addFeature(feature)
            if self.fail:
                raise EngineInputError("row 100 cannot be read", layer="wells", feature=100, field="n")
            return {"OUTPUT": dest_id}

    output = tmp_path / "result.gpkg"
    first = processing.run(Writes(), {"OUTPUT": str(output)}, context=QgsProcessingContext())
    assert Path(str(first["OUTPUT"]).split("|")[0]) == output
    before = hashlib.sha256(output.read_bytes()).hexdigest()

    class FailsAfter100(Writes):  # processing.run makes a new instance: the setting lives on the class
        rows, fail = 100, True

    with pytest.raises(QgsProcessingException, match="row 100"):
        processing.run(FailsAfter100(), {"OUTPUT": str(output)}, context=QgsProcessingContext())
    assert hashlib.sha256(output.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["result.gpkg"]

    class WritesSeven(Writes):
        rows = 7

    result = processing.run(WritesSeven(), {"OUTPUT": str(output)}, context=QgsProcessingContext())
    assert str(result["OUTPUT"]).startswith(str(output)) and "partial" not in str(result["OUTPUT"])
    import pyogrio

    # The file also holds layer_styles (the fields' words are stored with every output): read the result layer by name.
    layer = next(name for name, _ in pyogrio.list_layers(output) if name != "layer_styles")
    assert len(pyogrio.read_dataframe(output, layer=layer, read_geometry=False)) == 7
    assert not [p for p in tmp_path.iterdir() if "partial" in p.name]
