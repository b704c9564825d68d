"""The GeoPackage R-tree spatial index, built in one pass after the features are written.

GDAL 3.6 maintains the ``rtree_<table>_<geometry>`` index row by row while it writes features (or,
through ``CreateSpatialIndex``, row by row afterwards): for a million wells that is most of the write
time. The index is plain SQLite (GeoPackage 1.2 annex F.3, the ``gpkg_rtree_index`` extension): a
virtual ``rtree`` table, triggers that keep it in step with later edits, and a ``gpkg_extensions``
row. Here the layer is written with ``SPATIAL_INDEX=NO`` and then ``add_spatial_index`` adds all
three: the virtual table, triggers and extension row are copied from a one-table GeoPackage that the
installed GDAL itself writes with its index (so they are exactly what this GDAL writes, whatever its
version), and the tree is written in one transaction: the feature bounding boxes sorted along a
Hilbert curve (so each node covers a compact patch of the map) and packed into SQLite's rtree nodes
directly, several times faster than SQLite's own one-by-one R*-tree inserts.

The boxes are rounded outwards to float32 exactly as SQLite's rtree module rounds what GDAL's
triggers insert (``rtreeValueDown``/``rtreeValueUp`` in sqlite3's rtree.c), so the index holds, for
every feature, the same box GDAL's own index would hold. Features with a NULL or empty geometry are
not indexed (the spec's insert trigger skips them too).
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

import numpy as np

from .sqlite_rows import insert_many, quoted

RTREE_EXTENSION = "gpkg_rtree_index"
# SQLite's rtree.c: the factors by which a double that float32 rounded the wrong way is nudged outwards.
_ROUND_TOWARDS = 1.0 - 1.0 / 8388608.0
_ROUND_AWAY = 1.0 + 1.0 / 8388608.0
# GeoPackage versions as PRAGMA user_version stores them, and GDAL's VERSION creation option for each.
_GDAL_VERSIONS = {10200: "1.2", 10300: "1.3", 10400: "1.4"}


def rtree_table_name(table: str, geometry_column: str) -> str:
    return f"rtree_{table}_{geometry_column}"


def add_spatial_index(
    path: str | Path,
    table: str,
    geometry_column: str,
    bounds: np.ndarray | None = None,
    method: str = "packed",
    row_count: int | None = None,
) -> int:
    """Add the GeoPackage R-tree index of ``table`` to the file at ``path``; return how many features it holds.

    ``bounds``: optional ``(n, 4)`` array of (minx, miny, maxx, maxy) per feature in FID order 1..n, as
    the writer that just wrote the table knows them (NaN for a missing or empty geometry). It is used
    only when the table's FIDs are exactly 1..n; otherwise the boxes are read from the geometry blobs.
    ``row_count``: how many rows the table holds, when the caller knows it (it has just inserted them
    into the empty table); it spares a count(*), which reads the whole table (0.4 s for a million wells).
    ``method``: "packed" writes the R-tree's nodes directly (SQLite's rtree file format, every node
    filled evenly from the Hilbert-ordered boxes); "insert" inserts the boxes one by one through the
    virtual table in the same order (SQLite's R*-tree insertion, several times slower; kept to check one
    against the other). The whole change is one transaction: on any error the file is left without an
    index, as it was.
    """
    path = Path(path)
    connection = sqlite3.connect(str(path), isolation_level=None)
    try:
        fid_column = _fid_column(connection, table)
        rtree = rtree_table_name(table, geometry_column)
        if connection.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (rtree,)).fetchone():
            raise ValueError(f"{path} already has the spatial index {rtree}")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        template = _template_sql(table, geometry_column, fid_column, _GDAL_VERSIONS.get(version))
        fids, boxes = _boxes(connection, table, geometry_column, fid_column, bounds, row_count)
        order = np.argsort(hilbert_keys(boxes), kind="stable")
        # SQLite's column order: minx, maxx, miny, maxy.
        rows = np.column_stack([boxes[order, 0], boxes[order, 2], boxes[order, 1], boxes[order, 3]])
        has_extensions = connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_extensions'").fetchone()
        # A larger page cache keeps the R-tree's interior nodes in memory for the whole fill.
        connection.execute("PRAGMA cache_size = -65536")
        connection.execute("BEGIN IMMEDIATE")
        try:
            if not has_extensions:
                connection.execute(template["gpkg_extensions"])
            connection.execute(template["rtree"])
            if method == "packed":
                _write_packed_tree(connection, rtree, fids[order], rows)
            else:
                connection.executemany(f"INSERT INTO {quoted(rtree)} VALUES (?, ?, ?, ?, ?)", zip(fids[order].tolist(), *rows.T.tolist()))
            for trigger in template["triggers"]:
                connection.execute(trigger)
            connection.execute("INSERT INTO gpkg_extensions VALUES (?, ?, ?, ?, ?)", template["extension_row"])
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        return len(fids)
    finally:
        connection.close()


def _write_packed_tree(connection: sqlite3.Connection, rtree: str, ids: np.ndarray, rows: np.ndarray) -> None:
    """Write an R-tree holding ``rows`` (minx, maxx, miny, maxy, already float32 values) straight into its shadow tables.

    SQLite's rtree format (sqlite3 ext/rtree/rtree.c): ``<name>_node`` holds each node as one blob of
    the size the root node got at creation: a 2-byte depth (root only), a 2-byte cell count, then
    cells of an 8-byte id and four 4-byte floats, all big-endian; a leaf cell's id is the feature id,
    an interior cell's the child node number. ``<name>_rowid`` maps each feature id to its leaf and
    ``<name>_parent`` each non-root node to its parent; the root is node 1. Leaves take consecutive
    runs of the Hilbert-ordered boxes and parents consecutive runs of nodes, spread evenly so that no
    node is less than half full (SQLite's own deletes expect at least a third).
    """
    if len(ids) == 0:
        return  # CREATE VIRTUAL TABLE wrote the empty root
    node_size = connection.execute(f"SELECT length(data) FROM {quoted(rtree + '_node')} WHERE nodeno = 1").fetchone()[0]
    capacity = (node_size - 4) // 24
    cell = np.dtype([("id", ">i8"), ("minx", ">f4"), ("maxx", ">f4"), ("miny", ">f4"), ("maxy", ">f4")])
    cells = np.empty(len(ids), dtype=cell)
    cells["id"] = ids
    for index, name in enumerate(("minx", "maxx", "miny", "maxy")):
        cells[name] = rows[:, index]
    levels: list[tuple[np.ndarray, np.ndarray]] = []  # per level: cells, and where each node's run starts
    while True:
        count = len(cells)
        nodes = -(-count // capacity)
        starts = (np.arange(nodes + 1, dtype=np.int64) * count) // nodes
        levels.append((cells, starts))
        if nodes == 1:
            break
        parents = np.empty(nodes, dtype=cell)
        parents["minx"] = np.minimum.reduceat(cells["minx"], starts[:-1])
        parents["maxx"] = np.maximum.reduceat(cells["maxx"], starts[:-1])
        parents["miny"] = np.minimum.reduceat(cells["miny"], starts[:-1])
        parents["maxy"] = np.maximum.reduceat(cells["maxy"], starts[:-1])
        cells = parents
    # Node numbers: the root is 1, then level by level from the top; a parent cell's id is its child's number.
    first_number = {}
    number = 2
    for depth in range(len(levels) - 2, -1, -1):
        first_number[depth] = number
        number += len(levels[depth][1]) - 1
    first_number[len(levels) - 1] = 1
    for depth in range(len(levels) - 1):
        parent_cells = levels[depth + 1][0]
        parent_cells["id"] = first_number[depth] + np.arange(len(parent_cells))
    node_rows, parent_rows = [], []
    for depth, (level_cells, starts) in enumerate(levels):
        raw = level_cells.tobytes()
        header_depth = len(levels) - 1 if depth == len(levels) - 1 else 0
        for node in range(len(starts) - 1):
            begin, end = int(starts[node]), int(starts[node + 1])
            blob = (header_depth.to_bytes(2, "big") + (end - begin).to_bytes(2, "big") + raw[begin * 24 : end * 24]).ljust(node_size, b"\0")
            node_rows.append((first_number[depth] + node, blob))
        if depth < len(levels) - 1:
            parent_starts = levels[depth + 1][1]
            parent_of_node = np.repeat(np.arange(len(parent_starts) - 1), np.diff(parent_starts)) + first_number[depth + 1]
            parent_rows.extend(zip(range(first_number[depth], first_number[depth] + len(starts) - 1), parent_of_node.tolist()))
    leaf_starts = levels[0][1]
    leaf_of_entry = np.repeat(np.arange(len(leaf_starts) - 1), np.diff(leaf_starts)) + first_number[0]
    by_id = np.argsort(ids, kind="stable")  # rowid inserts in key order append to the B-tree
    connection.executemany(f"INSERT OR REPLACE INTO {quoted(rtree + '_node')} VALUES (?, ?)", node_rows)
    connection.executemany(f"INSERT INTO {quoted(rtree + '_parent')} VALUES (?, ?)", parent_rows)
    _insert_rowid_map(connection, rtree + "_rowid", ids[by_id], leaf_of_entry[by_id])


def _insert_rowid_map(connection: sqlite3.Connection, table: str, ids: np.ndarray, nodes: np.ndarray) -> None:
    """The R-tree's map from each feature id (ascending) to its leaf node.

    When the ids are 1..n (a table just written), the leaves go in as one JSON array read by SQLite's json_each in
    one statement: nothing bound row by row (a million rows: 0.8 s with multi-row inserts, a third of that this
    way, measured). Other ids, or an SQLite without JSON, take the multi-row inserts (a million single-row statements
    took 2 s).
    """
    if len(ids) and ids[0] == 1 and ids[-1] == len(ids):  # ascending and distinct: exactly 1..n
        insert = f"INSERT INTO {quoted(table)} (rowid, nodeno) SELECT key + ?, value FROM json_each(?)"
        try:
            # 65,536 ids a statement: the text of all of them at once held 100 MB of Python strings (measured).
            for start in range(0, len(ids), 65_536):
                connection.execute(insert, (start + 1, "[" + ",".join(map(str, nodes[start:start + 65_536].tolist())) + "]"))
            return
        except sqlite3.OperationalError:
            if start:
                raise
            # no json_each in this SQLite (the first statement failed): nothing was inserted
    insert_many(connection, table, ["rowid", "nodeno"], [ids, nodes])


def _fid_column(connection: sqlite3.Connection, table: str) -> str:
    columns = connection.execute(f"PRAGMA table_info({quoted(table)})").fetchall()
    primary = [column[1] for column in columns if column[5]]
    if len(primary) != 1:
        raise ValueError(f"table {table} has no single integer primary key (FID column)")
    return primary[0]


def _template_sql(table: str, geometry_column: str, fid_column: str, version: str | None) -> dict:
    """What GDAL writes for this table's index: from a GeoPackage written by GDAL with the same names."""
    from osgeo import gdal, ogr

    rtree = rtree_table_name(table, geometry_column)
    with tempfile.TemporaryDirectory(prefix="gpkg_rtree_") as folder:
        template = str(Path(folder) / "template.gpkg")
        options = [f"VERSION={version}"] if version else []
        dataset = ogr.GetDriverByName("GPKG").CreateDataSource(template, options=options)
        layer = None
        if dataset is not None:
            layer_options = [f"GEOMETRY_NAME={geometry_column}", f"FID={fid_column}", "SPATIAL_INDEX=YES"]
            layer = dataset.CreateLayer(table, None, ogr.wkbUnknown, options=layer_options)
        if layer is None:
            raise RuntimeError(f"GDAL could not write a template GeoPackage: {gdal.GetLastErrorMsg()}")
        layer = dataset = None  # GDAL creates the deferred index of an empty layer when the file closes
        with sqlite3.connect(template) as connection:
            def sql(kind: str, name: str) -> str:
                row = connection.execute("SELECT sql FROM sqlite_master WHERE type = ? AND name = ?", (kind, name)).fetchone()
                if row is None:
                    raise RuntimeError(f"GDAL did not write {name} into its template GeoPackage")
                return row[0]

            triggers = [
                row[0]
                for row in connection.execute(
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND substr(name, 1, ?) = ? ORDER BY rowid",
                    (table, len(rtree) + 1, rtree + "_"),
                )
            ]
            extension_row = connection.execute(
                "SELECT table_name, column_name, extension_name, definition, scope FROM gpkg_extensions "
                "WHERE table_name = ? AND column_name = ? AND extension_name = ?",
                (table, geometry_column, RTREE_EXTENSION),
            ).fetchone()
            result = {
                "gpkg_extensions": sql("table", "gpkg_extensions"),
                "rtree": sql("table", rtree),
                "triggers": triggers,
                "extension_row": extension_row,
            }
    if not triggers or extension_row is None:
        raise RuntimeError("GDAL's template GeoPackage has no R-tree triggers or extension row")
    return result


def _boxes(
    connection: sqlite3.Connection, table: str, geometry_column: str, fid_column: str, bounds: np.ndarray | None, row_count: int | None
):
    """(fids, boxes as minx, miny, maxx, maxy rounded outwards to float32) of the non-empty geometries."""
    if bounds is not None:
        fid = quoted(fid_column)
        # min and max of the FID (the rowid) are two B-tree lookups; n distinct FIDs between 1 and n are 1..n.
        low, high = connection.execute(f"SELECT min({fid}), max({fid}) FROM {quoted(table)}").fetchone()
        count = row_count if row_count is not None else connection.execute(f"SELECT count(*) FROM {quoted(table)}").fetchone()[0]
        bounds = np.asarray(bounds, dtype=np.float64).reshape(-1, 4)
        if count == len(bounds) and (count == 0 or (low, high) == (1, count)):
            fids = np.arange(1, count + 1, dtype=np.int64)
        else:
            bounds = None
    if bounds is None:
        fids, bounds = _bounds_from_blobs(connection, table, geometry_column, fid_column)
    keep = ~np.isnan(bounds).any(axis=1)
    fids, bounds = fids[keep], bounds[keep]
    boxes = np.column_stack([round_down(bounds[:, 0]), round_down(bounds[:, 1]), round_up(bounds[:, 2]), round_up(bounds[:, 3])])
    return fids, boxes  # float32 values (half the memory of doubles for a million boxes)


def _bounds_from_blobs(connection: sqlite3.Connection, table: str, geometry_column: str, fid_column: str):
    """Feature boxes read from the GeoPackage geometry blobs: the header envelope, or the WKB when there is none."""
    import shapely

    rows = connection.execute(
        f"SELECT {quoted(fid_column)}, {quoted(geometry_column)} FROM {quoted(table)} WHERE {quoted(geometry_column)} IS NOT NULL"
    ).fetchall()
    fids = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
    bounds = np.full((len(rows), 4), np.nan)
    without_envelope: list[int] = []
    wkb: list[bytes] = []
    for index, (_fid, blob) in enumerate(rows):
        blob = bytes(blob)
        flags = blob[3]
        if flags & 0x10:  # the header's empty flag
            continue
        envelope = (flags >> 1) & 0x07
        if envelope:
            minx, maxx, miny, maxy = np.frombuffer(blob, dtype="<f8" if flags & 1 else ">f8", count=4, offset=8)
            bounds[index] = (minx, miny, maxx, maxy)
        else:
            without_envelope.append(index)
            wkb.append(blob[8:])
    if wkb:
        bounds[without_envelope] = shapely.bounds(shapely.from_wkb(wkb))
    return fids, bounds


def round_down(values: np.ndarray) -> np.ndarray:
    """float32 not above each double, as SQLite's rtreeValueDown (what GDAL's index holds for minx, miny)."""
    values = np.asarray(values, dtype=np.float64)
    result = values.astype(np.float32)
    wrong = result.astype(np.float64) > values
    nudged = values[wrong] * np.where(values[wrong] < 0, _ROUND_AWAY, _ROUND_TOWARDS)
    result[wrong] = nudged.astype(np.float32)
    return result


def round_up(values: np.ndarray) -> np.ndarray:
    """float32 not below each double, as SQLite's rtreeValueUp (what GDAL's index holds for maxx, maxy)."""
    values = np.asarray(values, dtype=np.float64)
    result = values.astype(np.float32)
    wrong = result.astype(np.float64) < values
    nudged = values[wrong] * np.where(values[wrong] < 0, _ROUND_TOWARDS, _ROUND_AWAY)
    result[wrong] = nudged.astype(np.float32)
    return result


def hilbert_keys(boxes: np.ndarray) -> np.ndarray:
    """Position of each box centre along a Hilbert curve over the boxes' extent (65,536 cells a side).

    The branch-free 16-bit Hilbert index of http://threadlocalmutex.com/?p=126 (as FlatGeobuf uses it),
    vectorised: a few dozen whole-array bit operations instead of a loop over the 16 levels.
    """
    if len(boxes) == 0:
        return np.zeros(0, dtype=np.uint32)
    x = _grid((boxes[:, 0].astype(np.float64) + boxes[:, 2]) / 2)
    y = _grid((boxes[:, 1].astype(np.float64) + boxes[:, 3]) / 2)
    ones = np.uint32(0xFFFF)
    a = x ^ y
    b = ones ^ a
    c = ones ^ (x | y)
    d = x & (y ^ ones)
    big_a = a | (b >> 1)
    big_b = (a >> 1) ^ a
    big_c = ((c >> 1) ^ (b & (d >> 1))) ^ c
    big_d = ((a & (c >> 1)) ^ (d >> 1)) ^ d
    for shift in (2, 4):
        a, b, c, d = big_a, big_b, big_c, big_d
        big_a = (a & (a >> shift)) ^ (b & (b >> shift))
        big_b = (a & (b >> shift)) ^ (b & ((a ^ b) >> shift))
        big_c = big_c ^ ((a & (c >> shift)) ^ (b & (d >> shift)))
        big_d = big_d ^ ((b & (c >> shift)) ^ ((a ^ b) & (d >> shift)))
    a, b, c, d = big_a, big_b, big_c, big_d
    big_c = big_c ^ ((a & (c >> 8)) ^ (b & (d >> 8)))
    big_d = big_d ^ ((b & (c >> 8)) ^ ((a ^ b) & (d >> 8)))
    a = big_c ^ (big_c >> 1)
    b = big_d ^ (big_d >> 1)
    i0 = x ^ y
    i1 = b | (ones ^ (i0 | a))
    return (_spread_bits(i1) << 1) | _spread_bits(i0)


def _grid(values: np.ndarray) -> np.ndarray:
    """Values scaled onto the integers 0..65535 over their own range."""
    low, span = values.min(), np.ptp(values)
    scaled = (values - low) / span * 65535.0 if span > 0 else np.zeros_like(values)
    return np.clip(scaled, 0, 65535).astype(np.uint32)


def _spread_bits(values: np.ndarray) -> np.ndarray:
    """The 16 low bits of each value moved to the even bit positions (0, 2, 4, ...)."""
    values = (values | (values << 8)) & np.uint32(0x00FF00FF)
    values = (values | (values << 4)) & np.uint32(0x0F0F0F0F)
    values = (values | (values << 2)) & np.uint32(0x33333333)
    return (values | (values << 1)) & np.uint32(0x55555555)
