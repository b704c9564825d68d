"""The floor of a GeoPackage write: the same rows into plain SQLite, without any index or GDAL.

``write_plain_sqlite`` stores a frame the cheapest way Python can: one table with the same columns
(geometry as WKB), the multi-row INSERTs of ``sqlite_rows.insert_many`` in one transaction. Nothing
a GeoPackage writer does can be cheaper than this (it must at least convert and store the same
values), so case 2 reports our write as a multiple of it.

Run as a script it compares, alternating and taking medians, the ways to write the screening output
(``python -m benchmarks.gpkg_floor [wells] [repetitions]``, default 200,000 and 3):
GDAL's own index (pyogrio, SPATIAL_INDEX=YES), ours (``bulk_io.write_gpkg``: GDAL creates the layer,
``gpkg_rows`` inserts the rows, ``gpkg_rtree.add_spatial_index`` packs the index), GDAL's write without
index, and the plain SQLite floor. ``--options`` adds GDAL settings that might make the no-index
write itself faster.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path

_SQL_TYPES = {"i": "INTEGER", "u": "INTEGER", "f": "REAL", "b": "INTEGER"}


def write_plain_sqlite(frame, path: str | Path) -> None:
    """``frame`` (a GeoDataFrame) as one plain SQLite table, geometry as WKB, no index, one transaction."""
    import shapely

    path = Path(path)
    path.unlink(missing_ok=True)
    geometry_name = frame.geometry.name
    attributes = [column for column in frame.columns if column != geometry_name]
    columns = []
    for name in attributes:
        kind = getattr(frame[name].dtype, "kind", "O")
        columns.append(f'"{name}" {_SQL_TYPES.get(kind, "TEXT")}')
    from tuoli_gw_plugin.gpkg.rows import direct_columns
    from tuoli_gw_plugin.gpkg.sqlite_rows import insert_many

    # The fastest conversion to Python values we have (the one bulk_io's writer uses), so the floor is not
    # inflated by a slower one.
    values = direct_columns(frame)
    if values is None:
        raise ValueError("the floor is measured on frames bulk_io writes directly (points, plain columns)")
    values.append(shapely.to_wkb(frame.geometry.values))
    connection = sqlite3.connect(str(path), isolation_level=None)
    try:
        connection.execute(f'CREATE TABLE screened (fid INTEGER PRIMARY KEY AUTOINCREMENT, {", ".join(columns)}, geom BLOB)')
        connection.execute("BEGIN")
        # The same multi-row INSERTs as our writer, so the floor is the fastest insert we know.
        insert_many(connection, "screened", [*attributes, "geom"], values)
        connection.execute("COMMIT")
    finally:
        connection.close()


def screening_output(n: int):
    """The table screen_well_sites writes for ``n`` synthetic wells (wells + the engine's columns)."""
    from benchmarks import screening_case, synthetic
    from tuoli_gw_plugin.engine.core.rules import load_rules
    from tuoli_gw_plugin.engine.screening.well_sites import output_table

    wells = synthetic.wells(n)
    results = screening_case.ours(wells, synthetic.zones(), synthetic.pipes(), load_rules(None))
    return output_table(wells, results)


def main(argv: list[str]) -> int:
    import pyogrio

    from tuoli_gw_plugin.qgis_io import bulk_io

    arguments = [a for a in argv if not a.startswith("--")]
    n = int(arguments[0]) if arguments else 200_000
    repetitions = int(arguments[1]) if len(arguments) > 1 else 3
    folder = Path(os.environ.get("BENCH_DIR", "build/bench")) / "gpkg_floor"
    folder.mkdir(parents=True, exist_ok=True)
    frame = screening_output(n)
    print(f"{n:,} rows, {len(frame.columns)} columns", flush=True)
    target = folder / "screened.gpkg"

    def gdal_index() -> None:
        target.unlink(missing_ok=True)
        pyogrio.write_dataframe(frame, target, layer="screened", driver="GPKG")

    parts: dict[str, list[float]] = {"no-index write": [], "R-tree": []}
    original = bulk_io.add_spatial_index

    def timed_index(*args, **kwargs):
        start = time.perf_counter()
        result = original(*args, **kwargs)
        parts["R-tree"].append(time.perf_counter() - start)
        return result

    def ours() -> None:
        target.unlink(missing_ok=True)
        bulk_io.add_spatial_index = timed_index
        try:
            bulk_io.write_gpkg(frame, str(target))
        finally:
            bulk_io.add_spatial_index = original

    def no_index() -> None:
        target.unlink(missing_ok=True)
        pyogrio.write_dataframe(frame, target, layer="screened", driver="GPKG", layer_options={"SPATIAL_INDEX": "NO"})

    def floor() -> None:
        write_plain_sqlite(frame, folder / "plain.sqlite")

    variants = {"GDAL index": gdal_index, "ours": ours, "no index (GDAL)": no_index, "plain SQLite": floor}
    if "--options" in argv:
        for name, options in {
            "no index, OGR_SQLITE_SYNCHRONOUS=OFF": {"OGR_SQLITE_SYNCHRONOUS": "OFF"},
            "no index, OGR_SQLITE_CACHE=512": {"OGR_SQLITE_CACHE": "512"},
            "no index, OGR_SQLITE_JOURNAL=OFF": {"OGR_SQLITE_JOURNAL": "OFF"},
            "no index, OGR_GPKG_NUM_THREADS=2": {"OGR_GPKG_NUM_THREADS": "2"},
        }.items():
            variants[name] = _with_options(no_index, options)
    times: dict[str, list[float]] = {name: [] for name in variants}
    names = list(variants)
    for repetition in range(repetitions):
        order = names if repetition % 2 == 0 else names[::-1]
        for name in order:
            start = time.perf_counter()
            variants[name]()
            times[name].append(time.perf_counter() - start)
        print(f"rep {repetition + 1}: " + ", ".join(f"{name} {times[name][-1]:.2f} s" for name in names), flush=True)
    floor_s = statistics.median(times["plain SQLite"])
    for name in names:
        median = statistics.median(times[name])
        print(f"{name:45s} median {median:6.2f} s  = {median / floor_s:4.2f} x plain SQLite   ({_listed(times[name])})")
    rtree_median = statistics.median(parts["R-tree"])
    print(f"ours: rows (gpkg_rows) + R-tree (gpkg_rtree); R-tree alone median {rtree_median:.2f} s ({_listed(parts['R-tree'])})")
    return 0


def _listed(values: list[float]) -> str:
    return ", ".join(f"{value:.2f}" for value in values)


def _with_options(function, options: dict[str, str]):
    def run() -> None:
        import pyogrio

        pyogrio.set_gdal_config_options(options)
        try:
            function()
        finally:
            pyogrio.set_gdal_config_options({key: None for key in options})

    return run


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
