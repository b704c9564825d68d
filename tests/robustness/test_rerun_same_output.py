"""A second run into the same GeoPackage output finishes (it used to hang qgis_process for ever).

QGIS 3.22 asks in a modal dialog whether to overwrite a layer style of the same name; the first run
stored the style, so the second run's qgis_process waited on a dialog nobody could see.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from contextlib import closing

from tests.conftest import QGIS_PROCESS, REPO

SAMPLE = REPO / "sample_layers" / "toli_sample.gpkg"


def _screen_into(output: str) -> subprocess.CompletedProcess:
    layer = f"{SAMPLE}|layername="
    return subprocess.run(
        [str(QGIS_PROCESS), "run", "tuoli_gw:screen_well_sites", f"--INPUT={layer}well_applications",
         f"--ZONES={layer}overextraction_zones", f"--SUPPLY_PIPES={layer}supply_pipes", "--COVERAGE_DISTANCE=500",
         f"--OUTPUT={output}"],
        capture_output=True, text=True, timeout=180,  # a hang fails here, not after pytest's patience
        env={**os.environ, "QGIS_CUSTOM_CONFIG_PATH": str(REPO / "build" / "qgis-profile")},
    )


def _styles(path) -> list[tuple[str, str]]:
    with closing(sqlite3.connect(path)) as connection:
        return sorted(connection.execute("SELECT f_table_name, styleName FROM layer_styles").fetchall())


def test_second_run_into_the_same_geopackage_finishes_with_one_style(tmp_path):
    output = tmp_path / "screening.gpkg"
    first = _screen_into(str(output))
    assert first.returncode == 0, first.stdout + first.stderr
    styles_after_first = _styles(output)
    assert len(styles_after_first) == 1
    # Another table's style in the same file is not the run's to remove.
    with closing(sqlite3.connect(output)) as connection, connection:
        row = connection.execute("SELECT * FROM layer_styles").fetchone()
        columns = [c[1] for c in connection.execute("PRAGMA table_info(layer_styles)")]
        values = dict(zip(columns, row))
        values.update(id=None, f_table_name="someone_elses_table")
        connection.execute(f"INSERT INTO layer_styles ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                           [values[c] for c in columns])
    second = _screen_into(str(output))
    assert second.returncode == 0, second.stdout + second.stderr
    assert _styles(output) == sorted([*styles_after_first, ("someone_elses_table", styles_after_first[0][1])])


def test_second_run_into_a_named_layer_of_the_same_geopackage_finishes(tmp_path):
    output = tmp_path / "results.gpkg"
    for _ in range(2):
        completed = _screen_into(f"ogr:dbname='{output}' table=\"screened\" (geom)")
        assert completed.returncode == 0, completed.stdout + completed.stderr
    assert _styles(output) == [("screened", _styles(output)[0][1])]
