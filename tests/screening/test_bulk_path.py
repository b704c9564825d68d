"""The bulk GeoPackage path of screen_well_sites writes what the feature-by-feature path writes.

A whole GeoPackage layer into a new .gpkg goes through pyogrio in bulk (tuoli_gw_plugin/bulk_io.py);
the same input given as a source definition with a flag set takes the QGIS feature path. Both
outputs must hold the same fields, field types and values, row for row.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from osgeo import ogr

from tests.screening.test_screening_processing import _screen_params, layers  # noqa: F401 - fixture

pytestmark = pytest.mark.qgis


def _fields_and_rows(path: Path) -> tuple[list[tuple[str, str]], list[tuple]]:
    dataset = ogr.Open(str(path))
    layer = dataset.GetLayer(0)
    definition = layer.GetLayerDefn()
    fields = []
    for index in range(definition.GetFieldCount()):
        field = definition.GetFieldDefn(index)
        fields.append((field.GetName(), f"{field.GetTypeName()}/{ogr.GetFieldSubTypeName(field.GetSubType())}"))
    rows = []
    for feature in layer:
        geometry = feature.GetGeometryRef()
        values = tuple(feature.GetField(i) for i in range(definition.GetFieldCount()))
        # QGIS's feature writer stores a missing location as an empty point, pyogrio as NULL: both
        # read back as "no location" in QGIS, so they compare equal here.
        wkt = None if geometry is None or geometry.IsEmpty() else geometry.ExportToWkt()
        rows.append((*values, wkt))
    return fields, rows


def test_bulk_and_feature_paths_write_the_same_layer(run_alg, layers, tmp_path):  # noqa: F811
    from qgis.core import QgsProcessingFeatureSourceDefinition

    bulk = tmp_path / "bulk.gpkg"
    run_alg("tuoli_gw:screen_well_sites", _screen_params(layers, bulk))
    features = tmp_path / "features.gpkg"
    definition = QgsProcessingFeatureSourceDefinition(
        layers["wells"], False, -1, QgsProcessingFeatureSourceDefinition.FlagOverrideDefaultGeometryCheck
    )
    run_alg("tuoli_gw:screen_well_sites", _screen_params(layers, features, INPUT=definition))
    bulk_fields, bulk_rows = _fields_and_rows(bulk)
    feature_fields, feature_rows = _fields_and_rows(features)
    assert bulk_fields == feature_fields
    assert len(bulk_rows) == len(feature_rows) > 0
    for bulk_row, feature_row in zip(bulk_rows, feature_rows):
        assert bulk_row == feature_row
