"""The bulk GeoPackage path of screen_well_sites writes what the feature-by-feature path writes.

A whole GeoPackage layer into a new .gpkg goes through pyogrio in bulk (tuoli_gw_plugin/qgis_io/bulk_io.py);
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


def _gpkg_with(tmp_path: Path, frame, name: str = "wells") -> str:
    path = tmp_path / f"{name}.gpkg"
    frame.to_file(path, layer=name, engine="pyogrio")
    return f"{path}|layername={name}"


def _plain_wells():
    import geopandas as gpd
    import shapely

    return gpd.GeoDataFrame(
        {"well_id": ["W1", "W2", "W3"], "use": ["irrigation", None, "监测"], "permit_m3": [1000.0, None, 300.0], "n": [1, 2, 3]},
        geometry=[shapely.Point(470000 + i, 5087000) for i in range(3)], crs="EPSG:4537",
    )


def _bulk_source(qgis_app, source: str):
    """What the bulk path decides for this source, given as a map layer the way the dialog gives it."""
    from qgis.core import QgsProcessingContext, QgsProject, QgsVectorLayer

    from tuoli_gw_plugin.qgis_io.bulk_io import whole_gpkg_layer

    layer = QgsVectorLayer(source, "wells", "ogr")
    assert layer.isValid(), source
    QgsProject.instance().addMapLayer(layer)
    try:
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        return whole_gpkg_layer({"INPUT": layer.id()}, "INPUT", context), layer
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_a_plain_layer_takes_the_bulk_path(qgis_app, tmp_path):
    decided, _ = _bulk_source(qgis_app, _gpkg_with(tmp_path, _plain_wells()))
    assert decided is not None and decided[1] == "wells"


def _ogr_gpkg(tmp_path: Path, field_name: str, field_type: int, sub_type: int, values: list, fid_column: str = "fid") -> str:
    """Three wells in a GeoPackage written with OGR, so the field has exactly the given OGR type."""
    from osgeo import osr

    path = tmp_path / "typed.gpkg"
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4537)
    layer = dataset.CreateLayer("wells", srs, ogr.wkbPoint, options=[f"FID={fid_column}"])
    layer.CreateField(ogr.FieldDefn("well_id", ogr.OFTString))
    definition = ogr.FieldDefn(field_name, field_type)
    definition.SetSubType(sub_type)
    layer.CreateField(definition)
    for index, value in enumerate(values):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("well_id", f"W{index}")
        if value is not None:
            if field_type == ogr.OFTBinary:
                feature.SetFieldBinaryFromHexString(field_name, value)
            else:
                feature.SetField(field_name, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({470000 + index} 5087000)"))
        layer.CreateFeature(feature)
    dataset = None
    return f"{path}|layername=wells"


@pytest.mark.parametrize(
    "field_name, field_type, sub_type, values, fid_column, why",
    [
        ("n", ogr.OFTInteger, ogr.OFSTNone, [1, None, 3], "fid", "an integer field with a null would come back as a real"),
        ("flag", ogr.OFTInteger, ogr.OFSTBoolean, [1, 0, None], "fid", "a boolean with a null would come back as a real"),
        ("blob", ogr.OFTBinary, ogr.OFSTNone, ["0001", "FF", None], "fid", "a blob would come back as the text b'...'"),
        ("doc", ogr.OFTString, ogr.OFSTJSON, ['{"a": 1}', "[]", None], "fid", "JSON would come back as a Python repr"),
        ("seen", ogr.OFTDateTime, ogr.OFSTNone, ["2024/01/01 08:00:00", None, "2024/05/01 09:30:00"], "fid",
         "a naive DateTime would become UTC"),
        ("fid", ogr.OFTInteger, ogr.OFSTNone, [7, 8, 9], "well_fid", "an attribute called fid beside the FID column"),
        ("geometry", ogr.OFTString, ogr.OFSTNone, ["a", "b", "c"], "fid", "an attribute called geometry would be dropped"),
    ],
    ids=["int_with_null", "boolean", "blob", "json", "datetime", "attribute_fid", "attribute_geometry"],
)
def test_fields_pyogrio_would_change_take_the_feature_path(qgis_app, tmp_path, field_name, field_type, sub_type, values, fid_column, why):
    decided, _ = _bulk_source(qgis_app, _ogr_gpkg(tmp_path, field_name, field_type, sub_type, values, fid_column))
    assert decided is None, why


def test_an_integer_field_without_nulls_keeps_the_bulk_path(qgis_app, tmp_path):
    decided, _ = _bulk_source(qgis_app, _ogr_gpkg(tmp_path, "n", ogr.OFTInteger, ogr.OFSTNone, [1, 2, 3]))
    assert decided is not None


@pytest.mark.parametrize("option", ["|geometrytype=Point", "|subset=\"n\" > 1"])
def test_source_options_take_the_feature_path(qgis_app, tmp_path, option):
    decided, _ = _bulk_source(qgis_app, _gpkg_with(tmp_path, _plain_wells()) + option)
    assert decided is None


def test_unsaved_edits_are_screened_as_qgis_shows_them(run_alg, layers, tmp_path):  # noqa: F811
    """Issue 13, item 5: the bulk path read the file and ignored the edit buffer (3000 screened where 2000 showed)."""
    from qgis.core import QgsProject, QgsVectorLayer

    wells = QgsVectorLayer(layers["wells"], "wells", "ogr")
    QgsProject.instance().addMapLayer(wells)
    try:
        total = wells.featureCount()
        assert wells.startEditing()
        assert wells.deleteFeatures([feature.id() for feature in list(wells.getFeatures())[:2]])
        assert wells.featureCount() == total - 2
        output = tmp_path / "edited.gpkg"
        run_alg("tuoli_gw:screen_well_sites", _screen_params(layers, output, INPUT=wells.id()))
        dataset = ogr.Open(str(output))
        assert dataset.GetLayer(0).GetFeatureCount() == total - 2
        wells.rollBack()
    finally:
        QgsProject.instance().removeMapLayer(wells.id())


@pytest.mark.parametrize("size", [0, 1, 700])
def test_the_arrow_read_is_the_feature_loop_read(tmp_path, size):
    """read_gpkg_frame (GDAL's Arrow stream) gives the frame pyogrio's feature loop gives: every column, dtype,
    value and FID, a text column without any value included (None in an object column, as the loop reads it)."""
    import pandas as pd
    import pyogrio
    import shapely

    from tests.gpkg.test_rows import _screening_like
    from tuoli_gw_plugin.qgis_io.bulk_io import read_gpkg_frame

    frame = _screening_like(size, seed=size).drop(columns=["in_supply_coverage", "plain_bool"])  # no booleans on this path
    if size:
        frame.loc[0, "geometry"] = shapely.MultiPoint([(1, 2), (3, 4)])
    path = tmp_path / "wells.gpkg"
    pyogrio.write_dataframe(frame, path, layer="wells", driver="GPKG")
    with_arrow = read_gpkg_frame(str(path), "wells")
    feature_loop = pyogrio.read_dataframe(path, layer="wells", fid_as_index=True)
    pd.testing.assert_frame_equal(with_arrow, feature_loop)
    assert list(with_arrow.index) == list(range(1, size + 1))
    if size:
        assert with_arrow["all_missing"].dtype == object and with_arrow["all_missing"].tolist() == [None] * size
