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
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QVariant

from ..engine.core import columns
from .field_types import FieldType


def new_field(name: str, field_type: Any) -> QgsField:
    """QgsField(name, field_type); ``field_type`` a member of :class:`.field_types.FieldType`, which is already in the
    enum this QGIS expects (no deprecation warning on 3.38 and later, and no QVariant.Type on QGIS 4)."""
    return QgsField(name, field_type)


# The engine's column kinds (engine.core.columns) as QGIS field types.
_FIELD_TYPE_OF_KIND = {
    columns.TEXT: FieldType.String,
    columns.REAL: FieldType.Double,
    columns.INTEGER: FieldType.Int,
    columns.INTEGER64: FieldType.LongLong,
    columns.BOOLEAN: FieldType.Bool,
    columns.DATE: FieldType.Date,
}


def column_fields(declared: Iterable[columns.Column]) -> list[QgsField]:
    """The QGIS fields of columns the engine declares, in their order; a name declared twice is taken once, first."""
    fields, seen = [], set()
    for column in declared:
        if column.name not in seen:
            seen.add(column.name)
            fields.append(new_field(column.name, _FIELD_TYPE_OF_KIND[column.kind]))
    return fields


def parameter_as_field_names(algorithm: Any, parameters: dict[str, Any], name: str, context: Any) -> list[str]:
    """The field names chosen in a field parameter: parameterAsStrings from QGIS 3.32 (which deprecates
    parameterAsFields), parameterAsFields before."""
    if hasattr(algorithm, "parameterAsStrings"):
        return algorithm.parameterAsStrings(parameters, name, context)
    return algorithm.parameterAsFields(parameters, name, context)


def crs_to_pyproj_text(crs: QgsCoordinateReferenceSystem, layer_label: str) -> str:
    """A CRS string pyproj understands; a clear error when the layer has no CRS."""
    if not crs.isValid() or is_undefined_crs(crs):
        raise QgsProcessingException(
            f"Layer '{layer_label}' has no coordinate reference system. Set its CRS in QGIS "
            "(Layer Properties ▸ Source) before running: distances and overlays need to know "
            "where the coordinates are."
        )
    authid = crs.authid()
    if authid.upper().startswith("EPSG:"):
        return authid
    return crs.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED)


def is_undefined_crs(crs: QgsCoordinateReferenceSystem) -> bool:
    """GeoPackages without a CRS carry srs_id 0 / -1, which QGIS reads as a valid but meaningless
    "Undefined geographic SRS" / "Undefined Cartesian SRS": that is no CRS at all."""
    wkt = crs.toWkt()
    return "Undefined geographic SRS" in wkt or "Undefined Cartesian SRS" in wkt or "Undefined cartesian SRS" in wkt


def _text_values(layer, limit: int = 2000) -> list[str]:
    """The text attribute values of the first ``limit`` features of a layer."""
    text_indices = [i for i, f in enumerate(layer.fields()) if f.type() == FieldType.String]
    values: list[str] = []
    if not text_indices:
        return values
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry).setSubsetOfAttributes(text_indices)
    request.setLimit(limit)
    for feature in layer.getFeatures(request):
        attributes = feature.attributes()
        values.extend(str(attributes[i]) for i in text_indices if isinstance(attributes[i], str))
    return values


def _looks_garbled(values: Sequence[str]) -> bool:
    """Text that was not decoded with its real encoding: U+FFFD replacement characters (bytes
    that are not UTF-8), or Latin-1 letters that are really GBK byte pairs (ISO-8859-1 reading)."""
    for value in values:
        if "\ufffd" in value:
            return True
        if any("\x80" <= ch <= "\xff" for ch in value):
            try:
                repaired = value.encode("latin-1").decode("gbk")
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
            if any("\u4e00" <= ch <= "\u9fff" for ch in repaired):
                return True
    return False


def repair_shapefile_encoding(layer, layer_label: str, feedback=None) -> str | None:
    """Read a shapefile that has no .cpg as GBK when its text is not valid in the encoding QGIS
    assumed (UTF-8 or ISO-8859-1): Chinese county offices write DBF files in GBK and often send no
    .cpg. Says what was assumed in the log; returns the encoding set, or None when nothing changed.

    Only the layer object's provider encoding changes; the file on disk is never touched."""
    from pathlib import Path

    provider = layer.dataProvider() if layer is not None else None
    if provider is None or provider.name() != "ogr":
        return None
    path = Path(layer.source().split("|")[0])
    if path.suffix.lower() not in {".shp", ".dbf"}:
        return None
    if any(p.suffix.lower() == ".cpg" for p in path.parent.glob(path.stem + ".*")):
        return None  # the file says its encoding; QGIS honours it
    before = provider.encoding()
    if not _looks_garbled(_text_values(layer)):
        return None
    layer.setProviderEncoding("GBK")
    if _looks_garbled(_text_values(layer)) or any("\ufffd" in v for v in _text_values(layer)):
        layer.setProviderEncoding(before)
        raise QgsProcessingException(
            f"Layer '{layer_label}' ({path.name}) has no .cpg file and its text is neither {before} nor GBK. "
            f"Create {path.stem}.cpg containing the encoding the file was written in (e.g. GBK, GB18030, UTF-8) "
            "and run again."
        )
    if feedback is not None:
        feedback.pushWarning(
            f"Layer '{layer_label}' ({path.name}) has no .cpg file and its text is not valid {before}: "
            f"read it as GBK (the Chinese Windows encoding). If the names look wrong, create {path.stem}.cpg "
            "containing the right encoding."
        )
    return "GBK"


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
    # Fields by their true name only: a Shapefile's cut name is never taken for the one asked (issue 30; the
    # Processing doors refuse it before reading, listing the candidates).
    read_as = {name: name if name in all_names else None for name in names}
    missing = [name for name in names if read_as[name] is None]
    if missing:
        raise QgsProcessingException(
            f"Layer '{layer_label}' has no field {', '.join(repr(m) for m in missing)}. "
            f"Its fields are: {', '.join(all_names) or '(none)'}. Choose the right field in the "
            "algorithm's parameters."
        )
    indices = [all_names.index(read_as[name]) for name in names]
    request = QgsFeatureRequest()
    if not with_geometry:
        request.setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes(indices)

    columns: dict[str, list] = {name: [] for name in names}
    wkbs: list = []
    fids: list[int] = []
    curved = 0
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
                if QgsWkbTypes.isCurvedType(geometry.wkbType()):
                    # Circular arcs (CurvePolygon, CompoundCurve…) have no shapely form: straight segments at most
                    # 1° of arc apart (QGIS's default), which moves a 1 km-radius arc by at most 4 cm.
                    geometry = QgsGeometry(geometry.constGet().segmentize())
                    curved += 1
                wkbs.append(bytes(geometry.asWkb()))
    if curved and feedback is not None:
        feedback.pushInfo(
            f"Layer '{layer_label}': {curved} curved geometr{'y' if curved == 1 else 'ies'} (circular arcs) turned into "
            "straight segments at most 1° of arc apart."
        )
    frame = pd.DataFrame(columns, columns=names)
    # A numpy array, not a list: pandas deep-copies attrs on most operations, and a list of a
    # million ints made that cost seconds.
    frame.attrs["fid"] = np.asarray(fids, dtype=np.int64)
    frame.attrs["layer"] = layer_label
    if not with_geometry:
        return frame
    geometries = shapely.from_wkb(np.array(wkbs, dtype=object)) if wkbs else np.array([], dtype=object)
    crs_text = crs_to_pyproj_text(source.sourceCrs(), layer_label)
    check_coordinates(geometries, source.sourceCrs(), layer_label, fids)
    gdf = gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(geometries, crs=crs_text), crs=crs_text)
    gdf.attrs["fid"] = frame.attrs["fid"]
    gdf.attrs["layer"] = layer_label
    return gdf


def _is_geographic(crs: QgsCoordinateReferenceSystem) -> bool:
    if crs.isGeographic():
        return True
    try:
        import pyproj

        return pyproj.CRS.from_user_input(crs_to_pyproj_text(crs, "")).is_geographic
    except Exception:  # noqa: BLE001 - an unreadable CRS is reported elsewhere
        return False


def check_coordinates(geometries, crs: QgsCoordinateReferenceSystem, layer_label: str, fids: Sequence[int]) -> None:
    """A clear error for coordinates that cannot be where the layer's CRS says: not finite, or
    metre-sized numbers in a longitude/latitude CRS (a layer without a CRS that QGIS took for
    WGS 84, or one with the wrong CRS set). Distances computed from them would be silently wrong."""
    import shapely

    if len(geometries) == 0:
        return
    coordinates = shapely.get_coordinates(np.asarray(geometries, dtype=object))
    if not len(coordinates):
        return
    point_rows = shapely.get_num_coordinates(np.asarray(geometries, dtype=object))
    owner = np.repeat(np.arange(len(geometries)), point_rows)
    bad = ~np.isfinite(coordinates).all(axis=1)
    reason = "coordinates that are not numbers (NaN or infinite)"
    if not bad.any() and _is_geographic(crs):
        bad = (np.abs(coordinates[:, 0]) > 360) | (np.abs(coordinates[:, 1]) > 90)
        reason = (
            f"coordinates outside longitude/latitude ranges although the layer's CRS {crs.authid() or crs.description()} "
            "is longitude/latitude (the layer probably has no CRS or the wrong one; Toli data are usually "
            "EPSG:4537, EPSG:4516 with 8-digit eastings, or EPSG:4490)"
        )
    if not bad.any() and not _is_geographic(crs):
        # No place on Earth is 100 000 km from a projection's origin: such numbers are a unit or
        # digit error (or a CRS mix-up), and every distance from them would be meaningless.
        bad = (np.abs(coordinates[:, 0]) > 1e8) | (np.abs(coordinates[:, 1]) > 1e8)
        reason = "coordinates farther than 100 000 km from the origin of the layer's projected CRS"
    if bad.any():
        rows = sorted(set(owner[bad].tolist()))
        x, y = coordinates[bad][0]
        shown = ", ".join(str(fids[r]) for r in rows[:10]) + (" …" if len(rows) > 10 else "")
        raise QgsProcessingException(
            f"Layer '{layer_label}': {len(rows)} feature(s) have {reason}: feature id {shown} "
            f"(first coordinate x={x!r}, y={y!r}). Set the layer's correct CRS in QGIS (Layer Properties ▸ Source) "
            "or fix those geometries, then run again."
        )


_KIND_TO_VARIANT = {
    "b": FieldType.Bool,
    "i": FieldType.LongLong,
    "u": FieldType.LongLong,
    "f": FieldType.Double,
    "M": FieldType.DateTime,
}


def field_for_series(name: str, series) -> QgsField:
    """A QgsField fit to hold a pandas column (object columns become strings unless all dates)."""
    kind = series.dtype.kind
    if kind in _KIND_TO_VARIANT:
        return new_field(name, _KIND_TO_VARIANT[kind])
    values = [v for v in series if v is not None and not (isinstance(v, float) and math.isnan(v))]
    if values and all(isinstance(v, dt.date) and not isinstance(v, dt.datetime) for v in values):
        return new_field(name, FieldType.Date)
    if values and all(isinstance(v, bool) for v in values):
        return new_field(name, FieldType.Bool)
    if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return new_field(name, FieldType.LongLong)
    if values and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return new_field(name, FieldType.Double)
    return new_field(name, FieldType.String)


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
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):  # a Date field takes a QDate, not a Python date
        return QDate(value.year, value.month, value.day)
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
