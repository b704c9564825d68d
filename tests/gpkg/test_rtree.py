"""The GeoPackage R-tree that gpkg_rtree builds is the index GDAL itself would build, and stays one.

Every output of bulk_io.write_gpkg is compared with the same frame written by GDAL with its own index
(pyogrio, SPATIAL_INDEX=YES): the same (feature id, box) set in ``rtree_<table>_<geometry>``, the same
virtual table, triggers and ``gpkg_extensions`` row. SQLite checks the file (``PRAGMA integrity_check``)
and the tree (``rtreecheck``), GDAL's own validate_gpkg.py checks the GeoPackage (the one that ships with
the running GDAL's Python bindings: GDAL 3.6 wrote, and checks, other trigger names than GDAL >= 3.7), and
QGIS opens it with its index, answers window queries with the right features, and keeps the index right
through edits (the copied triggers at work).
Sizes 51/52 and 2601/2602 are where SQLite's tree (51 cells a node) gains its second and third level.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import pytest
import shapely

from tests.screening.test_screening_processing import _screen_params, layers  # noqa: F401 - fixture

CRS = "EPSG:4537"


def _validate_gpkg():
    """GDAL's validate_gpkg.py of the GDAL that runs the tests (osgeo_utils ships it with the Python bindings)."""
    from osgeo_utils.samples import validate_gpkg

    return validate_gpkg


def _points(n: int, seed: int = 0) -> gpd.GeoDataFrame:
    """``n`` wells at coordinates with decimals (so float32 rounding matters), a text and a number column."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(390_000, 610_000, n) + 0.123456789
    y = rng.uniform(5_040_000, 5_140_000, n) + 0.987654321
    return gpd.GeoDataFrame(
        {"well_id": [f"W{i}" for i in range(n)], "permit_m3": rng.uniform(0, 1e5, n)}, geometry=shapely.points(x, y), crs=CRS
    )


def _write_both(frame: gpd.GeoDataFrame, folder: Path, name: str = "screened") -> tuple[Path, Path]:
    """(ours, GDAL's): the frame through bulk_io.write_gpkg and through GDAL with its own index."""
    from tuoli_gw_plugin.qgis_io.bulk_io import write_gpkg

    folder.mkdir(parents=True, exist_ok=True)
    ours = folder / f"{name}.gpkg"
    write_gpkg(frame, str(ours))
    reference = folder / "gdal" / f"{name}.gpkg"
    reference.parent.mkdir(exist_ok=True)
    pyogrio.write_dataframe(frame, reference, layer=name, driver="GPKG", layer_options={"SPATIAL_INDEX": "YES"})
    return ours, reference


def _rtree_rows(path: Path, table: str = "screened", column: str = "geom") -> set[tuple]:
    with sqlite3.connect(path) as connection:
        return set(connection.execute(f'SELECT id, minx, maxx, miny, maxy FROM "rtree_{table}_{column}"').fetchall())


def _index_sql(path: Path, table: str = "screened") -> tuple[list, list]:
    """The index's schema entries (virtual table and triggers) and its gpkg_extensions rows."""
    with sqlite3.connect(path) as connection:
        schema = connection.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name LIKE 'rtree%' ORDER BY type, name"
        ).fetchall()
        extensions = connection.execute("SELECT * FROM gpkg_extensions WHERE table_name = ?", (table,)).fetchall()
    return schema, extensions


def _sqlite_checks(path: Path, table: str = "screened", column: str = "geom") -> None:
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute(f"SELECT rtreecheck('rtree_{table}_{column}')").fetchone() == ("ok",)


def _boxes_by_shapely(frame: gpd.GeoDataFrame) -> dict[int, tuple]:
    """Feature id (1..n) -> exact double box, for the features an index must hold (not null, not empty)."""
    bounds = shapely.bounds(frame.geometry.values)
    return {i + 1: tuple(bounds[i]) for i in range(len(frame)) if not np.isnan(bounds[i]).any()}


@pytest.mark.parametrize("size", [0, 1, 51, 52, 2601, 2602])
def test_the_index_is_gdals_index(qgis_app, tmp_path, size):
    frame = _points(size, seed=size)
    ours, reference = _write_both(frame, tmp_path)
    rows = _rtree_rows(ours)
    assert len(rows) == size
    assert rows == _rtree_rows(reference)
    assert _index_sql(ours) == _index_sql(reference)
    _sqlite_checks(ours)
    assert _validate_gpkg().check(str(ours), abort_at_first_error=False, extra_checks=True, warning_as_error=True) == []
    # Every box holds its feature, in float32 (what the R-tree stores): no feature can be missed by a query.
    exact = _boxes_by_shapely(frame)
    for fid, minx, maxx, miny, maxy in rows:
        ex_minx, ex_miny, ex_maxx, ex_maxy = exact[fid]
        assert minx <= ex_minx and miny <= ex_miny and maxx >= ex_maxx and maxy >= ex_maxy
        assert all(np.float32(value) == value for value in (minx, maxx, miny, maxy))


def test_null_empty_and_mixed_geometries(qgis_app, tmp_path):
    """Lines and polygons (boxes from their envelopes), negative coordinates, a NULL and an empty geometry."""
    rng = np.random.default_rng(5)
    centres = rng.uniform(-50, 50, (300, 2)) + 0.1234567
    geometries = list(shapely.buffer(shapely.points(centres), rng.uniform(0.01, 3, 300), quad_segs=3))
    geometries[10:20] = [shapely.LineString([c, c + (1.7, -2.3)]) for c in centres[10:20]]
    geometries[3] = None
    geometries[4] = shapely.Polygon()
    frame = gpd.GeoDataFrame({"n": np.arange(300)}, geometry=geometries, crs="EPSG:4326")
    ours, reference = _write_both(frame, tmp_path)
    rows = _rtree_rows(ours)
    assert {row[0] for row in rows} == set(range(1, 301)) - {4, 5}
    assert rows == _rtree_rows(reference)
    _sqlite_checks(ours)


def test_boxes_read_back_from_the_file_and_inserted_one_by_one_are_the_same(qgis_app, tmp_path):
    """The three ways to fill the index agree: boxes given by the writer, read from the blobs, inserted through SQLite."""
    from tuoli_gw_plugin.gpkg.rtree import add_spatial_index

    frame = _points(3000, seed=9)
    frame.loc[7, "geometry"] = None
    rows = []
    for method, bounds in (("packed", shapely.bounds(frame.geometry.values)), ("packed", None), ("insert", None)):
        path = tmp_path / f"{method}_{bounds is None}.gpkg"
        pyogrio.write_dataframe(frame, path, layer="screened", layer_options={"SPATIAL_INDEX": "NO"})
        assert add_spatial_index(path, "screened", "geom", bounds=bounds, method=method) == 2999
        _sqlite_checks(path)
        rows.append(_rtree_rows(path))
    assert rows[0] == rows[1] == rows[2]
    assert len(rows[0]) == 2999


def test_given_boxes_are_ignored_when_the_fids_are_not_1_to_n(qgis_app, tmp_path):
    """A table whose FIDs are not 1..n cannot be matched to the writer's boxes: they are read from the file."""
    from tuoli_gw_plugin.gpkg.rtree import add_spatial_index

    frame = _points(60, seed=3)
    path = tmp_path / "gaps.gpkg"
    pyogrio.write_dataframe(frame, path, layer="screened", layer_options={"SPATIAL_INDEX": "NO"})
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TRIGGER IF EXISTS trigger_delete_feature_count_screened")
        connection.execute("DELETE FROM screened WHERE fid = 2")
    wrong = np.zeros((59, 4))  # right length, wrong boxes
    add_spatial_index(path, "screened", "geom", bounds=wrong)
    expected = _boxes_by_shapely(frame)
    rows = _rtree_rows(path)
    assert {row[0] for row in rows} == set(expected) - {2}
    for fid, minx, maxx, miny, maxy in rows:
        ex_minx, ex_miny, ex_maxx, ex_maxy = expected[fid]
        assert minx <= ex_minx and miny <= ex_miny and maxx >= ex_maxx and maxy >= ex_maxy


def test_an_index_already_there_is_refused(qgis_app, tmp_path):
    from tuoli_gw_plugin.gpkg.rtree import add_spatial_index

    ours, _ = _write_both(_points(5), tmp_path)
    with pytest.raises(ValueError, match="already has the spatial index"):
        add_spatial_index(ours, "screened", "geom")


def test_float32_rounding_is_outwards_as_sqlite_rounds():
    """round_down/round_up give the float32 SQLite's rtree stores for a double (checked against SQLite itself)."""
    from tuoli_gw_plugin.gpkg.rtree import round_down, round_up

    rng = np.random.default_rng(2)
    values = np.concatenate([rng.uniform(-1e7, 1e7, 2000), rng.uniform(-1, 1, 2000), [0.0, 1.0, -1.0, 0.1, -0.1, 5087000.987654321]])
    with sqlite3.connect(":memory:") as connection:
        connection.execute("CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx)")
        connection.executemany("INSERT INTO r VALUES (?, ?, ?)", [(i, v, v) for i, v in enumerate(values.tolist())])
        stored = np.array(connection.execute("SELECT minx, maxx FROM r ORDER BY id").fetchall())
    assert (round_down(values) == stored[:, 0]).all() and (round_up(values) == stored[:, 1]).all()
    assert (round_down(values) <= values).all() and (round_up(values) >= values).all()


def test_hilbert_keys_follow_the_hilbert_curve():
    """The branch-free keys equal the textbook loop (Wikipedia's xy2d) on a 65,536-cell grid."""
    from tuoli_gw_plugin.gpkg.rtree import hilbert_keys

    def textbook(x: int, y: int, side: int = 1 << 16) -> int:
        distance, step = 0, side >> 1
        while step > 0:
            rx, ry = int(x & step > 0), int(y & step > 0)
            distance += step * step * ((3 * rx) ^ ry)
            if ry == 0:
                if rx == 1:
                    x, y = side - 1 - x, side - 1 - y
                x, y = y, x
            step >>= 1
        return distance

    rng = np.random.default_rng(4)
    xs, ys = rng.integers(0, 65536, 3000), rng.integers(0, 65536, 3000)
    xs[:2], ys[:2] = (0, 65535), (0, 65535)  # the grid spans exactly 0..65535
    keys = hilbert_keys(np.column_stack([xs, ys, xs, ys]).astype(float))
    assert keys.tolist() == [textbook(int(x), int(y)) for x, y in zip(xs, ys)]


def _window_fids(layer, rect) -> set[int]:
    from qgis.core import QgsFeatureRequest

    return {feature.id() for feature in layer.getFeatures(QgsFeatureRequest().setFilterRect(rect))}


def test_qgis_uses_the_index_and_edits_keep_it_right(qgis_app, tmp_path):
    from osgeo import gdal
    from qgis.core import QgsFeature, QgsFeatureSource, QgsGeometry, QgsPointXY, QgsRectangle, QgsVectorLayer

    frame = _points(2602, seed=11)
    ours, _ = _write_both(frame, tmp_path)
    layer = QgsVectorLayer(f"{ours}|layername=screened", "screened", "ogr")
    assert layer.isValid()
    assert layer.hasSpatialIndex() == QgsFeatureSource.SpatialIndexPresent
    x, y = frame.geometry.x.to_numpy(), frame.geometry.y.to_numpy()
    for x0, y0, x1, y1 in [(400_000.5, 5_050_000.5, 450_000.5, 5_090_000.5), (500_000.5, 5_100_000.5, 500_900.5, 5_100_900.5),
                           (0.5, 0.5, 10.5, 10.5), (389_000.5, 5_039_000.5, 611_000.5, 5_141_000.5)]:
        inside = set((np.flatnonzero((x >= x0) & (x <= x1) & (y >= y0) & (y <= y1)) + 1).tolist())
        assert _window_fids(layer, QgsRectangle(x0, y0, x1, y1)) == inside
    # Edits through QGIS (GDAL runs the copied triggers): add, move, clear and delete features.
    assert layer.startEditing()
    added = QgsFeature(layer.fields())
    added.setAttribute("well_id", "new")
    added.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(1000.25, 2000.75)))
    assert layer.addFeature(added)
    assert layer.changeGeometry(5, QgsGeometry.fromPointXY(QgsPointXY(3000.125, 4000.875)))
    assert layer.changeGeometry(6, QgsGeometry())
    assert layer.deleteFeature(7)
    assert layer.commitChanges(), layer.commitErrors()
    layer = QgsVectorLayer(f"{ours}|layername=screened", "screened", "ogr")
    assert _window_fids(layer, QgsRectangle(999, 1999, 1001, 2001)) == {2603}
    assert _window_fids(layer, QgsRectangle(3000, 4000, 3001, 4001)) == {5}
    assert 5 not in _window_fids(layer, QgsRectangle(x[4] - 1, y[4] - 1, x[4] + 1, y[4] + 1))
    del layer
    _sqlite_checks(ours)
    # GDAL's own index over the edited features, same feature ids: the edited index must equal it.
    rebuilt = tmp_path / "rebuilt.gpkg"
    gdal.VectorTranslate(str(rebuilt), str(ours), options=gdal.VectorTranslateOptions(options=["-preserve_fid"], layers=["screened"]))
    rows = _rtree_rows(ours)
    assert rows == _rtree_rows(rebuilt)
    assert {row[0] for row in rows} == (set(range(1, 2604)) - {6, 7})


def test_screening_output_has_the_index(run_alg, layers, tmp_path):  # noqa: F811
    output = tmp_path / "screened.gpkg"
    run_alg("tuoli_gw:screen_well_sites", _screen_params(layers, output))
    written = gpd.read_file(output, layer="screened")
    expected = {fid for fid, geometry in enumerate(written.geometry, start=1) if geometry is not None and not geometry.is_empty}
    assert len(expected) < len(written)  # the input has a well without a location
    reference = tmp_path / "reference.gpkg"
    pyogrio.write_dataframe(written, reference, layer="screened", layer_options={"SPATIAL_INDEX": "YES"})
    assert {row[0] for row in _rtree_rows(output)} == expected
    assert _rtree_rows(output) == _rtree_rows(reference)
    _sqlite_checks(output)
    assert _validate_gpkg().check(str(output), abort_at_first_error=False, extra_checks=True, warning_as_error=True) == []


def test_without_sqlite_rtree_gdal_builds_the_index(qgis_app, tmp_path, monkeypatch):
    """A Python whose SQLite lacks the rtree module: write_gpkg falls back to GDAL's CreateSpatialIndex."""
    from tuoli_gw_plugin.qgis_io import bulk_io

    def no_rtree_module(*_args, **_kwargs):
        raise sqlite3.OperationalError("no such module: rtree")

    monkeypatch.setattr(bulk_io, "add_spatial_index", no_rtree_module)
    frame = _points(120, seed=8)
    ours, reference = _write_both(frame, tmp_path)
    assert _rtree_rows(ours) == _rtree_rows(reference)
    assert _index_sql(ours)[1] == _index_sql(reference)[1]
    _sqlite_checks(ours)


def test_small_pages_give_smaller_nodes(qgis_app, tmp_path):
    """In a file of 1,024-byte pages SQLite's R-tree nodes hold 39 cells, not 51: the packed tree follows the file."""
    from tuoli_gw_plugin.gpkg.rtree import add_spatial_index

    frame = _points(2602, seed=12)
    _, reference = _write_both(frame, tmp_path)
    path = tmp_path / "small_pages.gpkg"
    pyogrio.write_dataframe(frame, path, layer="screened", layer_options={"SPATIAL_INDEX": "NO"})
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA page_size = 1024")
    connection.execute("VACUUM")
    connection.close()
    add_spatial_index(path, "screened", "geom", bounds=shapely.bounds(frame.geometry.values))
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA page_size").fetchone() == (1024,)
        cells = [int.from_bytes(blob[2:4], "big") for (blob,) in connection.execute('SELECT data FROM "rtree_screened_geom_node"')]
    assert max(cells) == 39  # (1024 - 64 - 4) // 24
    assert _rtree_rows(path) == _rtree_rows(reference)
    _sqlite_checks(path)
