"""No run destroys a layer it did not create, and nonsense parameters are said (issue 13, items 1, 2, 6, 11).

Through processing.run with real GeoPackages: an output naming an input layer is refused before anything is
written; a plain path to an existing GeoPackage (the input file itself included) adds the output's layer and keeps
every other layer, on the bulk path and on the feature path alike.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyogrio
import pytest

from tests.robustness.runner import RecordingFeedback, run_processing
from tests.screening.test_screening_processing import _screen_params, layers  # noqa: F401 - fixture

pytestmark = pytest.mark.qgis


def _layer_digests(path: Path) -> dict[str, str]:
    """Each layer's rows as read back, hashed: a layer 'kept' must read back exactly as before."""
    digests = {}
    for name, _ in pyogrio.list_layers(path):
        if name == "layer_styles":  # where QGIS stores the outputs' styles: written by design
            continue
        frame = pyogrio.read_dataframe(path, layer=str(name))
        digests[str(name)] = hashlib.sha256(frame.to_json().encode()).hexdigest()
    return digests


def _gpkg_of(layers: dict[str, str]) -> Path:  # noqa: F811
    return Path(layers["wells"].split("|")[0])


def test_an_output_naming_the_input_layer_is_refused_before_anything_is_written(qgis_app, layers):  # noqa: F811
    gpkg = _gpkg_of(layers)
    before = gpkg.read_bytes()
    outcome = run_processing("screen_well_sites", _screen_params(layers, gpkg, OUTPUT=f"ogr:dbname='{gpkg}' table=\"wells\" (geom)"))
    assert not outcome.ok and "Traceback" not in outcome.message
    assert "OUTPUT would write over INPUT" in outcome.message and "wells" in outcome.message
    assert gpkg.read_bytes() == before


@pytest.mark.parametrize("path_kind", ["bulk", "features"])
def test_a_plain_path_to_the_input_file_adds_a_layer_and_keeps_the_others(qgis_app, layers, path_kind):  # noqa: F811
    from qgis.core import QgsProcessingFeatureSourceDefinition

    gpkg = _gpkg_of(layers)
    before = _layer_digests(gpkg)
    extra = {}
    if path_kind == "features":  # a flag on the source takes QGIS's feature writer instead of the bulk path
        extra["INPUT"] = QgsProcessingFeatureSourceDefinition(
            layers["wells"], False, -1, QgsProcessingFeatureSourceDefinition.FlagOverrideDefaultGeometryCheck
        )
    outcome = run_processing("screen_well_sites", _screen_params(layers, gpkg, **extra))
    assert outcome.ok, outcome.message
    after = _layer_digests(gpkg)
    assert {name: after[name] for name in before} == before, "every input layer reads back as before"
    assert set(after) - set(before) == {gpkg.stem}
    assert len(pyogrio.read_dataframe(gpkg, layer=gpkg.stem)) > 0


def test_a_plain_path_to_another_geopackage_keeps_its_layers(qgis_app, layers, tmp_path):  # noqa: F811
    import geopandas as gpd
    import shapely

    target = tmp_path / "results.gpkg"
    gpd.GeoDataFrame({"note": ["keep me"]}, geometry=[shapely.Point(0, 0)], crs="EPSG:4537").to_file(target, layer="notes")
    outcome = run_processing("screen_well_sites", _screen_params(layers, target))
    assert outcome.ok, outcome.message
    assert sorted(str(name) for name, _ in pyogrio.list_layers(target)) == ["layer_styles", "notes", "results"]
    assert list(pyogrio.read_dataframe(target, layer="notes")["note"]) == ["keep me"]


@pytest.mark.parametrize("distance", [0, 1e12])
def test_an_implausible_coverage_distance_runs_with_a_warning(qgis_app, layers, tmp_path, distance):  # noqa: F811
    feedback = RecordingFeedback()
    outcome = run_processing("screen_well_sites", _screen_params(layers, tmp_path / "out.gpkg", COVERAGE_DISTANCE=distance), feedback)
    assert outcome.ok, outcome.message
    assert "COVERAGE_DISTANCE" in outcome.log and "outside the usual range" in outcome.log


def test_a_field_parameter_naming_the_geometry_is_a_clear_error(qgis_app, layers, tmp_path):  # noqa: F811
    outcome = run_processing("screen_well_sites", _screen_params(layers, tmp_path / "out.gpkg", USE_FIELD="geometry"))
    assert not outcome.ok and "Traceback" not in outcome.message
    assert "USE_FIELD" in outcome.message and "geometry" in outcome.message


def test_web_mercator_input_is_said_in_the_log(qgis_app, tmp_path):
    from tests.screening import cases

    gpkg = cases.write_gpkg(
        tmp_path / "mercator.gpkg",
        wells=cases.wells().to_crs("EPSG:3857"), zones=cases.zones().to_crs("EPSG:3857"),
        pipes=cases.pipes().to_crs("EPSG:3857"), areas=cases.supply_areas().to_crs("EPSG:3857"),
        townships=cases.townships().to_crs("EPSG:3857"),
    )
    mercator = {name: f"{gpkg}|layername={name}" for name in ("wells", "zones", "pipes", "areas", "townships")}
    outcome = run_processing("screen_well_sites", _screen_params(mercator, tmp_path / "out.gpkg"))
    assert outcome.ok, outcome.message
    assert "EPSG:3857" in outcome.log and "not true to the ground" in outcome.log and "EPSG:4537" in outcome.log
    screened = pyogrio.read_dataframe(tmp_path / "out.gpkg")
    distance = dict(zip(screened["well_id"], screened["supply_distance_m"]))
    assert distance["pipe_499m"] == pytest.approx(499.0, abs=1e-3)
