"""Rows that gpkg_rows inserts into SQLite are the rows GDAL itself writes, table for table and byte for byte.

Each frame is written twice without a spatial index: by GDAL alone (pyogrio.write_dataframe of the
whole frame) and the fast way (GDAL writes the frame's first zero rows, gpkg_rows inserts the rest).
The two files must hold the same schema (every CREATE statement, triggers included), the same rows in
every table (feature table with its geometry blobs, gpkg_contents with its extent, gpkg_ogr_contents
with its count, gpkg_geometry_columns, sqlite_sequence) except gpkg_contents.last_change, which is a
timestamp; and pyogrio must read the same frame back. Frames the fast way does not encode exactly
(multipoints, empty points, lines, points with and without Z in one layer, text columns
holding numbers, dates) must be refused before
anything is written, and write_gpkg then gives GDAL's file all the same.
"""

from __future__ import annotations

import datetime
import sqlite3
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely

from tuoli_gw_plugin.gpkg.rows import direct_columns, insert_rows, point_layer_type
from tuoli_gw_plugin.gpkg.sqlite_rows import repeating_columns

CRS = "EPSG:4537"


def _screening_like(n: int, seed: int = 0) -> gpd.GeoDataFrame:
    """The kinds of columns the screening output has, with missing values in each, and missing geometries."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(390_000, 610_000, n) + 0.123456789
    y = rng.uniform(5_040_000, 5_140_000, n) + 0.987654321
    geometries = shapely.points(x, y).astype(object)
    geometries[::17] = None
    text = np.array([f"井{i} 'q\" {i % 7}" for i in range(n)], dtype=object)
    text[::5] = None
    text[1::7] = np.nan  # pandas' other missing text
    real = rng.uniform(-1e6, 1e6, n)
    real[::3] = np.nan
    # Texts that repeat, as the verdicts and the legal basis do (they go in through gpkg.sqlite_rows' lookup table).
    basis = np.array(["公共供水管网覆盖范围内禁止新增自备井。", "allowed", "it's \"quoted\"", "", None], dtype=object)[
        rng.integers(0, 5, n)]
    basis[2::11] = np.nan
    flags = pd.array(rng.integers(0, 2, n).astype(bool), dtype="boolean")
    flags[::4] = pd.NA
    return gpd.GeoDataFrame(
        {
            "well_id": [f"W{i}" for i in range(n)],
            "用途 use": text,
            "requested_m3": real,
            "count64": rng.integers(-(2**40), 2**40, n),
            "count32": rng.integers(-1000, 1000, n).astype(np.int32),
            "share32": rng.uniform(0, 1, n).astype(np.float32),
            "in_supply_coverage": flags,
            "plain_bool": rng.integers(0, 2, n).astype(bool),
            "all_missing": np.array([None] * n, dtype=object),
            "basis": basis,
        },
        geometry=geometries,
        crs=CRS,
    )


def _gdal(frame: gpd.GeoDataFrame, path: Path, table: str) -> Path:
    pyogrio.write_dataframe(frame, path, layer=table, driver="GPKG", layer_options={"SPATIAL_INDEX": "NO"})
    return path


def _fast(frame: gpd.GeoDataFrame, path: Path, table: str) -> Path:
    columns = direct_columns(frame)
    layer_type = point_layer_type(frame.geometry.values)
    assert columns is not None and layer_type is not None
    pyogrio.write_dataframe(
        frame.iloc[:0], path, layer=table, driver="GPKG", geometry_type=layer_type,
        layer_options={"SPATIAL_INDEX": "NO"},
    )
    insert_rows(path, table, frame, columns)
    return path


def _contents(path: Path) -> dict[str, list]:
    """Every schema entry and every table's rows (gpkg_contents without its timestamp)."""
    with sqlite3.connect(path) as connection:
        schema = connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
        tables = [row[1] for row in schema if row[0] == "table"]
        found = {"schema": schema}
        for table in tables:
            columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")') if row[1] != "last_change"]
            # With each row the storage classes of its values: Python's == would take 1 for 1.0 or True.
            selected = ", ".join(f'"{column}"' for column in columns)
            # (in expressions of 100 columns: SQLite's expression depth is at most 1,000)
            classes = ", ".join(
                " || ' ' || ".join(f'typeof("{column}")' for column in columns[start:start + 100])
                for start in range(0, len(columns), 100)
            )
            found[table] = connection.execute(f'SELECT {selected}, {classes} FROM "{table}" ORDER BY 1, 2').fetchall()
    return found


def _assert_same_files(ours: Path, reference: Path) -> None:
    mine, theirs = _contents(ours), _contents(reference)
    assert mine.keys() == theirs.keys()
    for key in theirs:
        assert mine[key] == theirs[key], key
    pd.testing.assert_frame_equal(pyogrio.read_dataframe(ours), pyogrio.read_dataframe(reference))


def test_repeating_texts_and_flags_go_through_the_lookup():
    """The frame above binds its repeating columns (basis, the two yes/no columns, the empty one) once per
    combination; the ids, the unique texts and the numbers row by row."""
    frame = _screening_like(1000)
    columns = direct_columns(frame)
    combination, positions = repeating_columns(columns)
    names = [name for name in frame.columns if name != "geometry"]
    assert [names[p] for p in positions] == ["in_supply_coverage", "plain_bool", "all_missing", "basis"]
    assert len(np.unique(combination)) <= 3 * 2 * 1 * 6
    assert repeating_columns(columns[:1]) is None  # the ids alone: nothing repeats


@pytest.mark.parametrize("size", [1, 2, 49, 50, 51, 1000, 50_049])
def test_rows_are_gdals_rows(tmp_path, size):
    frame = _screening_like(size, seed=size)
    frame.loc[0, "geometry"] = shapely.Point(400_000.5, 5_050_000.25)  # at least one point, even for size 1
    _assert_same_files(_fast(frame, tmp_path / "fast.gpkg", "screened"), _gdal(frame, tmp_path / "gdal.gpkg", "screened"))


def test_points_with_z(tmp_path):
    """A layer with Z: pyogrio infers 'Point Z', and the blobs carry ISO WKB with Z as GDAL's do."""
    geometries = [shapely.Point(1.5, 2.5, 3.5), shapely.Point(-4.0, 5.0, 0.0), None, shapely.Point(7, 8, -9.25)]
    frame = gpd.GeoDataFrame({"n": [1, 2, 3, 4]}, geometry=geometries, crs="EPSG:4490")
    assert point_layer_type(frame.geometry.values) == "Point Z"
    _assert_same_files(_fast(frame, tmp_path / "fast.gpkg", "wells"), _gdal(frame, tmp_path / "gdal.gpkg", "wells"))


def test_lon_lat_and_no_crs(tmp_path):
    frame = gpd.GeoDataFrame({"n": [1, 2]}, geometry=[shapely.Point(83.6, 45.9), shapely.Point(84.1, 46.2)], crs="EPSG:4490")
    _assert_same_files(_fast(frame, tmp_path / "a.gpkg", "a"), _gdal(frame, tmp_path / "b.gpkg", "a"))
    frame = frame.set_crs(None, allow_override=True)
    _assert_same_files(_fast(frame, tmp_path / "c.gpkg", "c"), _gdal(frame, tmp_path / "d.gpkg", "c"))


@pytest.mark.parametrize(
    "change",
    [
        "multipoint", "empty point", "line", "all missing geometries", "points with and without Z", "text column with numbers",
        "date column", "unsigned column", "a column called fid",
    ],
)
def test_refused_before_writing_and_written_by_gdal(qgis_app, tmp_path, change):
    """What gpkg_rows does not encode exactly is refused, and write_gpkg lets GDAL write it: the same file."""
    from tuoli_gw_plugin.qgis_io.bulk_io import write_gpkg

    frame = _screening_like(30, seed=3).drop(columns="all_missing")
    if change == "multipoint":
        frame.loc[1, "geometry"] = shapely.MultiPoint([(1, 2), (3, 4)])
    elif change == "empty point":
        frame.loc[1, "geometry"] = shapely.Point()
    elif change == "line":
        frame.loc[1, "geometry"] = shapely.LineString([(1, 2), (3, 4)])
    elif change == "all missing geometries":
        frame["geometry"] = None
    elif change == "points with and without Z":
        frame.loc[1, "geometry"] = shapely.Point(1, 2, 3)
    elif change == "text column with numbers":
        frame["mixed"] = pd.Series(["a", 1, 2.5] * 10, dtype=object)
    elif change == "date column":
        frame["day"] = pd.to_datetime([datetime.date(2024, 1, 1 + i % 28) for i in range(30)])
    elif change == "unsigned column":
        frame["big"] = np.arange(30, dtype=np.uint64)
    elif change == "a column called fid":
        frame["FID"] = np.arange(100, 130)
    assert direct_columns(frame) is None or point_layer_type(frame.geometry.values) is None
    ours = tmp_path / "screened.gpkg"
    write_gpkg(frame, str(ours))
    (tmp_path / "gdal").mkdir()
    reference = _gdal(frame, tmp_path / "gdal" / "screened.gpkg", "screened")
    pd.testing.assert_frame_equal(pyogrio.read_dataframe(ours), pyogrio.read_dataframe(reference))


def test_write_gpkg_takes_the_fast_way_and_keeps_other_layers(qgis_app, tmp_path):
    """Into an existing GeoPackage: its other layer stays, the output equals GDAL's, with GDAL's index."""
    from tuoli_gw_plugin.qgis_io.bulk_io import write_gpkg

    target = tmp_path / "screened.gpkg"
    other = gpd.GeoDataFrame({"name": ["kept"]}, geometry=[shapely.Point(0, 0)], crs=CRS)
    pyogrio.write_dataframe(other, target, layer="other", driver="GPKG")
    frame = _screening_like(500, seed=9)
    assert direct_columns(frame) is not None and point_layer_type(frame.geometry.values) == "Point"
    write_gpkg(frame, str(target))
    assert sorted(name for name, _ in pyogrio.list_layers(target)) == ["other", "screened"]
    pd.testing.assert_frame_equal(pyogrio.read_dataframe(target, layer="other"), other)
    reference = tmp_path / "gdal.gpkg"
    pyogrio.write_dataframe(frame, reference, layer="screened", driver="GPKG")
    pd.testing.assert_frame_equal(pyogrio.read_dataframe(target, layer="screened"), pyogrio.read_dataframe(reference))
    with sqlite3.connect(target) as ours, sqlite3.connect(reference) as gdal:
        query = "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = 'screened'"
        assert ours.execute(query).fetchall() == gdal.execute(query).fetchall()
        query = "SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'screened'"
        assert ours.execute(query).fetchall() == gdal.execute(query).fetchall() == [(500,)]
        assert ours.execute('SELECT count(*) FROM "rtree_screened_geom"').fetchone() == (len(frame) - frame.geometry.isna().sum(),)


@pytest.mark.parametrize("width", [70, 1100])
def test_wide_tables_insert_fewer_rows_per_statement(tmp_path, width):
    """70 columns: 14 rows a statement; 1,100: one (no statement binds more than 999 values)."""
    rng = np.random.default_rng(width)
    frame = gpd.GeoDataFrame(
        {f"c{i}": rng.uniform(0, 1, 333) for i in range(width)}, geometry=shapely.points(rng.uniform(0, 9, (333, 2))), crs=CRS
    )
    _assert_same_files(_fast(frame, tmp_path / "fast.gpkg", "wide"), _gdal(frame, tmp_path / "gdal.gpkg", "wide"))
