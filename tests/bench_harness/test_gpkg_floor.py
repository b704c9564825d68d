"""The floor of case 2 writes every row and value it is given (else it would be a floor of less work)."""

from __future__ import annotations

import sqlite3

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from benchmarks.gpkg_floor import write_plain_sqlite


def test_plain_sqlite_holds_the_same_rows(tmp_path):
    frame = gpd.GeoDataFrame(
        {
            "well_id": np.array([1, 2, 3], dtype=np.int64),
            "use": pd.array(["irrigation", None, "监测"], dtype="string"),
            "metered_m3": [1.5, np.nan, 3.25],
            "covered": pd.array([True, None, False], dtype="boolean"),
        },
        geometry=[shapely.Point(470000.5, 5087000.25), None, shapely.Point(1, 2)],
        crs="EPSG:4537",
    )
    path = tmp_path / "plain.sqlite"
    write_plain_sqlite(frame, path)
    write_plain_sqlite(frame, path)  # a second run replaces the file
    with sqlite3.connect(path) as connection:
        rows = connection.execute('SELECT fid, well_id, use, metered_m3, covered, geom FROM screened ORDER BY fid').fetchall()
    assert [row[:5] for row in rows] == [(1, 1, "irrigation", 1.5, 1), (2, 2, None, None, None), (3, 3, "监测", 3.25, 0)]
    assert [row[5] and shapely.from_wkb(row[5]).wkt for row in rows] == ["POINT (470000.5 5087000.25)", None, "POINT (1 2)"]
