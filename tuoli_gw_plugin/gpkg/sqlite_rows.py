"""SQLite helpers shared by the GeoPackage writers (gpkg_rows, gpkg_rtree): quoted names and fast multi-row inserts."""

from __future__ import annotations

import sqlite3

import numpy as np

# Rows per INSERT statement (insert_many), at most; fewer for wide tables, so that one statement binds
# no more than 999 values (SQLite's limit before 3.32; later versions allow 32,766).
ROWS_PER_INSERT = 50
_MAX_BOUND_VALUES = 999


def quoted(name: str) -> str:
    """An SQL identifier in double quotes (as GDAL quotes table and column names)."""
    return '"' + name.replace('"', '""') + '"'


def insert_many(connection: sqlite3.Connection, table: str, names: list[str], columns: list[np.ndarray]) -> None:
    """Insert the rows given as ``columns`` (object arrays of one length) into ``table``, in order.

    Each statement inserts up to ``ROWS_PER_INSERT`` rows (a multi-row VALUES list): SQLite's per-statement
    work — AUTOINCREMENT reads and writes ``sqlite_sequence`` once per statement — is then paid once
    per group: a quarter less time than one row per statement on the screening output, 60 % less on
    two-column tables such as the R-tree's rowid map (measured).
    The groups are built block by block, so the rows never exist twice in memory.
    """
    width = len(names)
    rows_per_insert = max(1, min(ROWS_PER_INSERT, _MAX_BOUND_VALUES // width))
    rows_per_block = rows_per_insert * 1000
    row = "(" + ", ".join("?" * width) + ")"
    insert = f"INSERT INTO {quoted(table)} ({', '.join(quoted(name) for name in names)}) VALUES "
    count = len(columns[0])
    grouped = count - count % rows_per_insert

    def groups():
        for block_start in range(0, grouped, rows_per_block):
            block_stop = min(block_start + rows_per_block, grouped)
            block = np.empty((block_stop - block_start, width), dtype=object)
            for index, column in enumerate(columns):
                block[:, index] = column[block_start:block_stop]
            yield from block.reshape(-1, rows_per_insert * width).tolist()

    connection.executemany(insert + ", ".join([row] * rows_per_insert), groups())
    if grouped < count:
        connection.executemany(insert + row, zip(*(column[grouped:] for column in columns)))
