"""Bulk reading and writing of whole GeoPackage layers, for algorithms that screen millions of wells.

QGIS 3.22 moves features between a layer and Python one by one; for a million wells that costs far
more than the screening itself. When the input is a whole GeoPackage layer (no selection, no
filter) and the output is a plain ``.gpkg`` path, the layer is read and written with pyogrio in
bulk instead. The bulk path is taken only where it provably reads and writes what the feature path
does: a plain file (no unsaved edits, no subset or geometry-type option in the source), no M values,
and fields of text and plain numbers only (no dates, booleans, blobs, JSON or lists; no integer field
holding nulls, which pandas would turn into reals; no attribute called geometry, nor one called fid
besides the FID column). Anything else takes the feature path, so results are the same either way.
"""

from __future__ import annotations

import contextlib
import importlib.util
import sqlite3
from pathlib import Path
from typing import Any

import numpy as np
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingUtils,
    QgsProperty,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..engine.core.output_files import atomic_output
from ..gpkg.rtree import add_spatial_index
from .field_types import FieldType

_DATE_KINDS = ("datetime64[D]", "date", "time")
# Field kinds pyogrio reads and writes back exactly as QGIS's feature writer does.
_FAITHFUL_TYPES = (FieldType.String, FieldType.Double, FieldType.Int, FieldType.LongLong)
_INTEGER_TYPES = (FieldType.Int, FieldType.LongLong)
# URI keys that only locate the layer; any other (subset, geometryType, …) changes what the layer holds.
_LOCATING_URI_KEYS = {"path", "layerName", "layerId"}


def _not_faithful(layer: QgsVectorLayer, path: str, layer_name: str, uri_parts: dict[str, Any]) -> str | None:
    """Why the bulk path would not read this layer exactly as the feature path does; None when it would."""
    if layer.isEditable() or layer.isModified():
        return "the layer is being edited (unsaved edits live only in QGIS)"
    options = sorted(key for key, value in uri_parts.items() if key not in _LOCATING_URI_KEYS and value not in (None, "", -1))
    if options:
        return f"the source has options ({', '.join(options)})"
    if QgsWkbTypes.hasM(layer.wkbType()):
        return "the geometries have M values"
    fields = layer.fields()
    primary_keys = set(layer.dataProvider().pkAttributeIndexes())
    integer_fields = []
    for index in range(fields.count()):
        if index in primary_keys:
            continue
        field = fields.at(index)
        if field.name().lower() in ("geometry", "fid"):
            return f"an attribute is called {field.name()}"
        if field.type() not in _FAITHFUL_TYPES or field.subType() not in (FieldType.Invalid, 0):
            return f"field {field.name()} is of type {field.typeName()}"
        if field.type() in _INTEGER_TYPES:
            integer_fields.append(field.name())
    if integer_fields and _any_null(path, layer_name, integer_fields):
        return "an integer field holds nulls"
    return None


def _any_null(path: str, table: str, columns: list[str]) -> bool:
    """Whether any of ``columns`` of the GeoPackage table holds a NULL (SQLite, read-only, stops at the first)."""
    def quoted(name: str) -> str:
        return '"' + name.replace('"', '""') + '"'

    condition = " OR ".join(f"{quoted(column)} IS NULL" for column in columns)
    try:
        with sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True) as connection:
            return connection.execute(f"SELECT 1 FROM {quoted(table)} WHERE {condition} LIMIT 1").fetchone() is not None
    except sqlite3.Error:
        return True  # cannot tell: take the feature path


def whole_gpkg_layer(parameters: dict[str, Any], key: str, context: QgsProcessingContext) -> tuple[str, str] | None:
    """(file, layer name) when ``parameters[key]`` is a whole GeoPackage layer read as stored."""
    value = parameters.get(key)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or value.featureLimit != -1 or int(value.flags):
            return None
        value = value.source
    if isinstance(value, QgsProperty):
        value = value.staticValue()
    layer = value if isinstance(value, QgsVectorLayer) else QgsProcessingUtils.mapLayerFromString(str(value or ""), context)
    if not isinstance(layer, QgsVectorLayer) or layer.providerType() != "ogr" or layer.subsetString():
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    if not path.lower().endswith(".gpkg") or not Path(path).is_file():
        return None
    layer_name = parts.get("layerName") or ""
    if not layer_name:
        import pyogrio

        layers = pyogrio.list_layers(path)
        if len(layers) != 1:
            return None
        layer_name = str(layers[0][0])
    import pyogrio

    dtypes = pyogrio.read_info(path, layer=layer_name)["dtypes"]
    if any(str(dtype) in _DATE_KINDS for dtype in dtypes) or _not_faithful(layer, path, layer_name, parts) is not None:
        return None
    return path, layer_name


def gpkg_output_path(parameters: dict[str, Any], key: str) -> str | None:
    """The path when ``parameters[key]`` asks for a new GeoPackage file (not a layer in an existing one)."""
    value = parameters.get(key)
    sink = value.sink if isinstance(value, QgsProcessingOutputLayerDefinition) else value
    if isinstance(sink, QgsProperty):
        sink = sink.staticValue()
    text = str(sink or "")
    if not text.lower().endswith(".gpkg") or "|" in text or text.startswith(("memory:", "ogr:", "postgres")):
        return None
    return text


def read_gpkg(path: str, layer_name: str, source, layer_label: str):
    """The whole layer as a GeoDataFrame, with the CRS QGIS sees and the feature ids in ``attrs['fid']``."""
    from .frames import check_coordinates, crs_to_pyproj_text

    frame = read_gpkg_frame(path, layer_name)
    crs_text = crs_to_pyproj_text(source.sourceCrs(), layer_label)
    frame = frame.set_crs(crs_text, allow_override=True)
    fids = frame.index.to_numpy(dtype=np.int64)  # an array: pandas deep-copies attrs often
    check_coordinates(frame.geometry.values, source.sourceCrs(), layer_label, fids)
    frame = frame.reset_index(drop=True)
    frame.attrs["fid"] = fids
    frame.attrs["layer"] = layer_label
    return frame


def read_gpkg_frame(path: str, layer_name: str):
    """The layer with its FIDs as index, through GDAL's Arrow stream where it reads the same frame, faster.

    The Arrow stream (GDAL >= 3.6, pyarrow) reads a million wells about four times faster than
    pyogrio's feature loop. whole_gpkg_layer has already kept out the fields it could read
    differently (booleans, which GDAL < 3.8.3 reads wrongly through Arrow, dates, JSON, lists); the one
    remaining difference, a text field holding no value at all, is made what the feature loop gives
    (Python None in an object column). Without pyarrow, or if GDAL refuses, the feature loop reads it.
    """
    import pandas as pd
    import pyogrio

    if importlib.util.find_spec("pyarrow") is not None:
        try:
            frame = pyogrio.read_dataframe(path, layer=layer_name, fid_as_index=True, use_arrow=True)
        except (ImportError, RuntimeError, pyogrio.errors.DataSourceError):
            pass  # this GDAL or pyarrow cannot (e.g. GDAL < 3.6): the feature loop below reads the same frame
        else:
            for name in frame.columns:
                column = frame[name]
                if isinstance(column.dtype, pd.StringDtype) and column.isna().all():
                    frame[name] = pd.Series(np.full(len(frame), None, dtype=object), index=frame.index, dtype=object)
            return frame
    return pyogrio.read_dataframe(path, layer=layer_name, fid_as_index=True)


def write_gpkg(frame, path: str, layer_label: str = "OUTPUT") -> None:
    """Write ``frame`` as the layer named after the file (as QGIS does), atomically, with its spatial index.

    The other layers of an existing GeoPackage are kept; a failed run leaves the file as it was
    (output_files.atomic_output). The features go in without GDAL's R-tree, which GDAL 3.6 fills row
    by row (most of the write time for a million wells); gpkg_rtree then builds the same index in one
    pass from the bounding boxes of the geometries just written. Points with plain columns skip GDAL's
    per-feature write as well (gpkg_rows: GDAL creates the empty layer, the rows go in through multi-row
    SQLite inserts).
    """
    import pyogrio
    import shapely

    # Imported here, not with the module: the provider must load (and say what is missing) without pandas.
    from ..gpkg.rows import direct_columns, insert_rows, point_layer_type

    target = Path(path)
    geometries = frame.geometry.values
    # Points and plain columns: GDAL creates the empty layer and gpkg_rows inserts the rows itself.
    layer_type = point_layer_type(geometries)
    direct = direct_columns(frame) if layer_type else None
    with atomic_output(target, layer_label=layer_label, keep_existing=True) as temporary:
        if direct is None:
            pyogrio.write_dataframe(frame, str(temporary), layer=target.stem, driver="GPKG", layer_options={"SPATIAL_INDEX": "NO"})
        else:
            pyogrio.write_dataframe(
                frame.iloc[:0], str(temporary), layer=target.stem, driver="GPKG",
                geometry_type=layer_type, layer_options={"SPATIAL_INDEX": "NO"},
            )
            insert_rows(temporary, target.stem, frame, direct)
        with contextlib.closing(sqlite3.connect(str(temporary))) as connection:
            geometry_column = connection.execute(
                "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (target.stem,)
            ).fetchone()
        if geometry_column is not None:
            try:
                add_spatial_index(
                    temporary, target.stem, geometry_column[0], bounds=shapely.bounds(geometries),
                    row_count=None if direct is None else len(frame),  # insert_rows put exactly these rows in the empty table
                )
            except sqlite3.OperationalError:
                # Python's SQLite without the rtree module (it rolled back): GDAL builds the index itself.
                _gdal_spatial_index(temporary, target.stem, geometry_column[0])


def _gdal_spatial_index(path: Path, table: str, geometry_column: str) -> None:
    """GDAL's own (slower) way to add the R-tree: its CreateSpatialIndex SQL function."""
    from osgeo import ogr

    def literal(text: str) -> str:
        return "'" + text.replace("'", "''") + "'"

    dataset = ogr.Open(str(path), 1)
    if dataset is None:
        raise RuntimeError(f"GDAL cannot open {path} to add its spatial index")
    dataset.ExecuteSQL(f"SELECT CreateSpatialIndex({literal(table)}, {literal(geometry_column)})")
    dataset = None


def load_on_completion(context: QgsProcessingContext, parameters: dict[str, Any], key: str, path: str, name: str) -> None:
    """Ask QGIS to add the written file to the project when the user asked for it (desktop runs)."""
    value = parameters.get(key)
    if isinstance(value, QgsProcessingOutputLayerDefinition) and value.destinationProject is not None:
        details = QgsProcessingContext.LayerDetails(value.destinationName or name, value.destinationProject, key)
        context.addLayerToLoadOnCompletion(path, details)
