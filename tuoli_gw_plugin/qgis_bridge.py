"""Move data between QGIS and the engine: feature sources to GeoDataFrames and back.

The Processing algorithms and the map tool are thin doors onto the QGIS-free engine; this module
is the one place that knows both worlds. It reads geometry as WKB in bulk (shapely decodes the
whole array at once), turns QVariant nulls and Qt dates into Python values, and writes engine
results to feature sinks, keeping every input attribute with its original type.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QVariant


def crs_to_pyproj_text(crs: QgsCoordinateReferenceSystem, layer_label: str) -> str:
    """A CRS string pyproj understands; a clear error when the layer has no CRS."""
    if not crs.isValid():
        raise QgsProcessingException(
            f"Layer '{layer_label}' has no coordinate reference system. Set its CRS in QGIS "
            "(Layer Properties ▸ Source) before running: distances and overlays need to know "
            "where the coordinates are."
        )
    authid = crs.authid()
    if authid.upper().startswith("EPSG:"):
        return authid
    return crs.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED)


def python_value(value: Any) -> Any:
    """A QVariant/Qt value as a plain Python value; QGIS NULL becomes None."""
    if value is None:
        return None
    if isinstance(value, QVariant):
        if value.isNull():
            return None
        value = value.value()
    if isinstance(value, QDateTime):
        return value.toPyDateTime() if value.isValid() else None
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    if isinstance(value, QTime):
        return value.toPyTime() if value.isValid() else None
    return value


def source_to_frame(
    source,
    layer_label: str,
    *,
    field_names: Sequence[str] | None = None,
    with_geometry: bool = True,
    feedback=None,
):
    """Read a feature source into a GeoDataFrame (or DataFrame when ``with_geometry`` is false).

    Row ``i`` is the ``i``-th feature of the source; the column ``fid`` of ``frame.attrs`` maps
    rows back to feature ids. Null or empty geometries become ``None`` so the engine can report
    them instead of dropping them.
    """
    import geopandas as gpd
    import pandas as pd
    import shapely

    all_names = source.fields().names()
    names = list(all_names if field_names is None else field_names)
    missing = [name for name in names if name not in all_names]
    if missing:
        raise QgsProcessingException(
            f"Layer '{layer_label}' has no field {', '.join(repr(m) for m in missing)}. "
            f"Its fields are: {', '.join(all_names) or '(none)'}. Choose the right field in the "
            "algorithm's parameters."
        )
    indices = [all_names.index(name) for name in names]
    request = QgsFeatureRequest()
    if not with_geometry:
        request.setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes(indices)

    columns: dict[str, list] = {name: [] for name in names}
    wkbs: list = []
    fids: list[int] = []
    total = source.featureCount() or 0
    for count, feature in enumerate(source.getFeatures(request)):
        if feedback is not None and count % 50000 == 0:
            if feedback.isCanceled():
                raise QgsProcessingException("Cancelled while reading layer " + repr(layer_label))
            if total:
                feedback.setProgress(min(100.0, 100.0 * count / total))
        fids.append(feature.id())
        attributes = feature.attributes()
        for name, index in zip(names, indices):
            columns[name].append(python_value(attributes[index]))
        if with_geometry:
            geometry = feature.geometry()
            if geometry is None or geometry.isNull() or geometry.isEmpty():
                wkbs.append(None)
            else:
                wkbs.append(bytes(geometry.asWkb()))
    frame = pd.DataFrame(columns, columns=names)
    frame.attrs["fid"] = fids
    frame.attrs["layer"] = layer_label
    if not with_geometry:
        return frame
    geometries = shapely.from_wkb(np.array(wkbs, dtype=object)) if wkbs else np.array([], dtype=object)
    crs_text = crs_to_pyproj_text(source.sourceCrs(), layer_label)
    gdf = gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(geometries, crs=crs_text), crs=crs_text)
    gdf.attrs["fid"] = fids
    gdf.attrs["layer"] = layer_label
    return gdf


_KIND_TO_VARIANT = {
    "b": QVariant.Bool,
    "i": QVariant.LongLong,
    "u": QVariant.LongLong,
    "f": QVariant.Double,
    "M": QVariant.DateTime,
}


def field_for_series(name: str, series) -> QgsField:
    """A QgsField fit to hold a pandas column (object columns become strings unless all dates)."""
    kind = series.dtype.kind
    if kind in _KIND_TO_VARIANT:
        return QgsField(name, _KIND_TO_VARIANT[kind])
    values = [v for v in series if v is not None and not (isinstance(v, float) and math.isnan(v))]
    if values and all(isinstance(v, dt.date) and not isinstance(v, dt.datetime) for v in values):
        return QgsField(name, QVariant.Date)
    if values and all(isinstance(v, bool) for v in values):
        return QgsField(name, QVariant.Bool)
    if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return QgsField(name, QVariant.LongLong)
    if values and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return QgsField(name, QVariant.Double)
    return QgsField(name, QVariant.String)


def qgis_value(value: Any) -> Any:
    """A Python/numpy value as something a QgsFeature attribute accepts (None for missing)."""
    if value is None:
        return None
    if isinstance(value, (np.bool_,)):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return None if math.isnan(value) else float(value)
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp / NaT
        try:
            return None if value != value else value.to_pydatetime()
        except (TypeError, ValueError):
            return None
    return value


def fields_with(base: QgsFields, extra: Iterable[QgsField]) -> QgsFields:
    """``base`` plus ``extra``; an extra field whose name the base already has replaces it."""
    extra = list(extra)
    extra_names = {f.name().lower() for f in extra}
    out = QgsFields()
    for field in base:
        if field.name().lower() not in extra_names:
            out.append(field)
    for field in extra:
        out.append(field)
    return out


def write_features_with_columns(
    source,
    sink,
    output_fields: QgsFields,
    new_columns,
    *,
    feedback=None,
) -> int:
    """Write every feature of ``source`` to ``sink`` with its attributes plus ``new_columns``.

    ``new_columns`` is a DataFrame whose row ``i`` belongs to the ``i``-th feature of ``source``
    (the order ``source_to_frame`` read them in). Geometry and attribute types are passed through
    untouched; this is how screening keeps "every input feature exactly once, all attributes kept".
    """
    base_names = source.fields().names()
    new_names = list(new_columns.columns)
    out_names = output_fields.names()
    base_positions = [(out_names.index(n), i) for i, n in enumerate(base_names) if n in out_names]
    new_positions = [out_names.index(n) for n in new_names]
    column_values = [new_columns[n].tolist() for n in new_names]
    total = len(new_columns)
    written = 0
    for row, feature in enumerate(source.getFeatures()):
        if row >= total:
            raise QgsProcessingException("The input layer changed while it was being processed; run again.")
        if feedback is not None and row % 20000 == 0:
            if feedback.isCanceled():
                raise QgsProcessingException("Cancelled while writing the output.")
            if total:
                feedback.setProgress(100.0 * row / total)
        attributes = feature.attributes()
        values: list[Any] = [None] * len(out_names)
        for out_index, in_index in base_positions:
            values[out_index] = attributes[in_index]
        for out_index, column in zip(new_positions, column_values):
            values[out_index] = qgis_value(column[row])
        out_feature = QgsFeature(output_fields)
        out_feature.setGeometry(feature.geometry())
        out_feature.setAttributes(values)
        if not sink.addFeature(out_feature, QgsFeatureSink.FastInsert):
            raise QgsProcessingException(f"Could not write feature {feature.id()} to the output.")
        written += 1
    if written != total:
        raise QgsProcessingException("The input layer changed while it was being processed; run again.")
    return written


def write_frame(gdf, sink, output_fields: QgsFields, *, feedback=None) -> int:
    """Write a (Geo)DataFrame's rows to ``sink``; geometry from the active geometry column if any."""
    import shapely

    names = output_fields.names()
    has_geometry = hasattr(gdf, "geometry") and "geometry" in getattr(gdf, "columns", [])
    wkbs = shapely.to_wkb(np.asarray(gdf.geometry.values, dtype=object)) if has_geometry else None
    columns = [gdf[name].tolist() if name in gdf.columns else [None] * len(gdf) for name in names]
    for row in range(len(gdf)):
        if feedback is not None and row % 20000 == 0 and feedback.isCanceled():
            raise QgsProcessingException("Cancelled while writing the output.")
        feature = QgsFeature(output_fields)
        if wkbs is not None and wkbs[row] is not None:
            geometry = QgsGeometry()
            geometry.fromWkb(wkbs[row])
            feature.setGeometry(geometry)
        feature.setAttributes([qgis_value(column[row]) for column in columns])
        if not sink.addFeature(feature, QgsFeatureSink.FastInsert):
            raise QgsProcessingException(f"Could not write row {row} to the output.")
    return len(gdf)


def frame_fields(frame, names: Sequence[str] | None = None) -> QgsFields:
    """QgsFields for the columns ``names`` of a frame (all non-geometry columns by default)."""
    fields = QgsFields()
    for name in names if names is not None else [c for c in frame.columns if c != "geometry"]:
        fields.append(field_for_series(name, frame[name]))
    return fields
