"""The rows of a GeoPackage layer inserted straight into SQLite, after GDAL has created the empty table.

GDAL 3.6 writes features one by one: pyogrio fills an ``OGRFeature`` field by field, GDAL parses the
WKB into an ``OGRGeometry``, encodes it again as a GeoPackage blob and binds the row — more than twice
the time of the same rows inserted into SQLite directly (docs/benchmarks.md, case 2). Here
GDAL still makes every decision about the layer: ``pyogrio.write_dataframe`` writes the frame's first
zero rows (the table, its field types, ``gpkg_contents``, ``gpkg_geometry_columns`` and
``gpkg_ogr_contents``, exactly as it would for the whole frame), and this module only adds the rows,
the extent and the feature count that GDAL would have written for them.

It does so only for what it encodes exactly as GDAL does (``tests/gpkg/test_rows.py``
compares every table of both files): geometries that are all points (all XY or all XYZ, none empty,
any number missing) and columns of text, booleans (nullable too), integers and reals, none called
``fid`` (GDAL would make it the FID). A point's GeoPackage blob is the 8-byte header ``GP``, version
0, flags 1 (little-endian, no envelope: GDAL writes none for points) and the SRS id, followed by the
point's ISO WKB. For anything else ``point_layer_type`` or ``direct_columns`` says no before anything is
written, and the caller lets GDAL write the whole frame.
"""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pandas as pd

from .sqlite_rows import insert_many, quoted

# ISO WKB type codes of a point and a point with Z.
_WKB_POINT, _WKB_POINT_Z = 1, 1001
_HEADER_FLAGS_LITTLE_ENDIAN_NO_ENVELOPE = 1


def direct_columns(frame) -> list[np.ndarray] | None:
    """The attribute columns of ``frame`` as arrays sqlite_rows.insert_many binds (object arrays of Python values,
    None where missing; numbers and plain yes/no as their numpy arrays, made Python values block by block), or None
    when any column is of a kind this module does not write exactly as GDAL does."""
    geometry_name = frame.geometry.name
    columns = []
    for name in frame.columns:
        if name == geometry_name:
            continue
        if str(name).lower() == "fid":
            return None  # GDAL takes a column called fid as the FID: its own write decides
        values = _python_values(frame[name])
        if values is None:
            return None
        columns.append(values)
    return columns


def _python_values(series: pd.Series) -> np.ndarray | None:
    dtype = series.dtype
    if isinstance(dtype, pd.BooleanDtype):
        return series.to_numpy(dtype=object, na_value=None)
    if dtype == np.dtype(bool) or (isinstance(dtype, np.dtype) and dtype.kind in "if"):
        # Bound as Python bools, ints and floats (insert_many converts each block): a float32 becomes the Python float
        # of its exact value, as GDAL widens it; SQLite stores a bound NaN as NULL, as GDAL's writer does. Kept as
        # numbers until then: a million Python numbers per column took 36 MB each (measured).
        return series.to_numpy()
    if isinstance(dtype, pd.StringDtype):  # pandas 3's default for text
        # One Python string per distinct value, shared by its rows: SQLite's binding encodes each string
        # to UTF-8 once and caches it, and a column of a few long texts (the legal basis) takes little memory.
        codes, distinct = pd.factorize(series, use_na_sentinel=True)
        texts = np.array([*distinct.to_numpy(dtype=object, na_value=None).tolist(), None], dtype=object)
        return texts[codes]  # code -1 (missing) picks the None at the end
    if dtype == np.dtype(object) and pd.api.types.infer_dtype(series, skipna=True) in ("string", "empty"):
        # Missing text is None or NaN in pandas; both are stored as NULL.
        return series.to_numpy()
    return None


def point_layer_type(geometries) -> str | None:
    """'Point' or 'Point Z' (the layer type pyogrio would infer) when ``geometries`` are points this module
    writes — none empty, all with Z or none, at least one, any number missing — else None."""
    import shapely

    geometries = np.asarray(geometries, dtype=object)
    present = geometries[~shapely.is_missing(geometries)]
    if len(present) == 0 or not (shapely.get_type_id(present) == shapely.GeometryType.POINT).all() or shapely.is_empty(present).any():
        return None
    has_z = shapely.has_z(present)
    if has_z.all():
        return "Point Z"
    return None if has_z.any() else "Point"  # mixed: GDAL writes each point in its own dimension, not done here


def point_blobs(geometries, srs_id: int) -> np.ndarray:
    """GeoPackage blobs of the points ``geometries`` (see point_layer_type), None for a missing one: without missing
    ones, an array of fixed-size records whose blocks insert_many turns into bytes (no million bytes objects at once)."""
    import shapely

    geometries = np.asarray(geometries, dtype=object)
    present = ~shapely.is_missing(geometries)
    with_z = bool(shapely.has_z(geometries[present]).any())
    coordinates = shapely.get_coordinates(geometries[present], include_z=with_z)
    fields = [
        ("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs_id", "<i4"),
        ("byte_order", "u1"), ("wkb_type", "<u4"), ("x", "<f8"), ("y", "<f8"),
    ]
    if with_z:
        fields.append(("z", "<f8"))
    records = np.zeros(len(coordinates), dtype=np.dtype(fields, align=False))
    records["magic"] = b"GP"
    records["flags"] = _HEADER_FLAGS_LITTLE_ENDIAN_NO_ENVELOPE
    records["srs_id"] = srs_id
    records["byte_order"] = 1
    records["wkb_type"] = _WKB_POINT_Z if with_z else _WKB_POINT
    records["x"] = coordinates[:, 0]
    records["y"] = coordinates[:, 1]
    if with_z:
        records["z"] = coordinates[:, 2]
    raw = records.view(f"V{records.dtype.itemsize}")  # each record's bytes (tolist() gives bytes objects)
    if present.all():
        return raw
    blobs = np.full(len(geometries), None, dtype=object)
    blobs[present] = raw.tolist()
    return blobs


def insert_rows(path: Path, table: str, frame, columns: list[np.ndarray]) -> None:
    """Insert the rows into the empty ``table`` GDAL created at ``path``, and set its extent and feature count.

    The table's fields must be the frame's attribute columns in order (GDAL created them from the same
    frame); the feature-count triggers GDAL may have added are dropped during the inserts and put back,
    as GDAL itself does while it writes, and the count is set once.
    """
    import shapely

    geometry_name = frame.geometry.name
    attributes = [name for name in frame.columns if name != geometry_name]
    with contextlib.closing(sqlite3.connect(str(path), isolation_level=None)) as connection:
        geometry_column, srs_id = connection.execute(
            "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?", (table,)
        ).fetchone()
        table_columns = [row[1] for row in connection.execute(f"PRAGMA table_info({quoted(table)})")]
        expected = {geometry_column, *attributes}
        fields = [name for name in table_columns if name in expected]
        if fields[:1] != [geometry_column] or fields[1:] != attributes:
            raise ValueError(f"GDAL created the fields {table_columns}, not the frame's {attributes}")
        blobs = point_blobs(frame.geometry.values, srs_id)
        triggers = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND name LIKE 'trigger_%_feature_count_%'",
            (table,),
        ).fetchall()
        bounds = shapely.total_bounds(frame.geometry.values)
        connection.execute("BEGIN IMMEDIATE")
        try:
            for name, _sql in triggers:
                connection.execute(f"DROP TRIGGER {quoted(name)}")
            insert_many(connection, table, fields, [blobs, *columns])
            for _name, sql in triggers:
                connection.execute(sql)
            if connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_ogr_contents'").fetchone():
                connection.execute("UPDATE gpkg_ogr_contents SET feature_count = ? WHERE lower(table_name) = lower(?)", (len(frame), table))
            # GDAL puts the extent into its UPDATE as text, through SQLite's printf('%.18g') (which keeps
            # 16 significant digits): the same text, read back the same way, gives the same doubles.
            extent = "CAST(printf('%.18g', ?) AS REAL)"
            connection.execute(
                f"UPDATE gpkg_contents SET min_x = {extent}, min_y = {extent}, max_x = {extent}, max_y = {extent}, "
                "last_change = ? WHERE lower(table_name) = lower(?)",
                (*[float(value) for value in bounds], _gpkg_timestamp(), table),
            )
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise


def _gpkg_timestamp() -> str:
    """Now in the GeoPackage's timestamp form (ISO 8601 UTC with milliseconds, as GDAL writes it)."""
    now = datetime.now(timezone.utc)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"
