"""Outputs are written beside the target and moved into place whole (issue 13, items 1, 3, 4).

A failed run leaves what was there before, two runs on one file do not race (the second is told), a layer written
into an existing GeoPackage keeps the file's other layers, and an unwritable folder is a clear message.
"""

from __future__ import annotations

import threading

import geopandas as gpd
import pyogrio
import pytest
import shapely

from tuoli_gw_plugin.engine.core.errors import EngineInputError
from tuoli_gw_plugin.engine.core.output_files import atomic_output


def _frame(n: int) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"well_id": [f"W{i}" for i in range(n)]}, geometry=[shapely.Point(i, i) for i in range(n)], crs="EPSG:4537")


def test_a_failed_write_leaves_the_previous_file_and_no_leftovers(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("previous result\n")
    with pytest.raises(RuntimeError), atomic_output(target) as temporary:
        temporary.write_text("half of a new res")
        raise RuntimeError("the run failed here")
    assert target.read_text() == "previous result\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_a_complete_write_replaces_the_file(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("previous result\n")
    with atomic_output(target) as temporary:
        temporary.write_text("new result\n")
        assert target.read_text() == "previous result\n"  # untouched until the write is complete
    assert target.read_text() == "new result\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_a_second_run_on_the_same_file_is_told_and_writes_nothing(tmp_path):
    target = tmp_path / "out.gpkg"
    inside, release = threading.Event(), threading.Event()

    def first_run() -> None:
        with atomic_output(target) as temporary:
            temporary.write_text("first")
            inside.set()
            release.wait(10)

    runner = threading.Thread(target=first_run)
    runner.start()
    assert inside.wait(10)
    try:
        with pytest.raises(EngineInputError, match="another run is writing"), atomic_output(target) as temporary:
            temporary.write_text("second")
    finally:
        release.set()
        runner.join()
    assert target.read_text() == "first"


def test_writing_a_layer_keeps_the_other_layers_of_the_geopackage(qgis_app, tmp_path):
    from tuoli_gw_plugin.qgis_io.bulk_io import write_gpkg

    target = tmp_path / "results.gpkg"
    _frame(2).to_file(target, layer="kept", engine="pyogrio")
    write_gpkg(_frame(3), str(target))
    layers = sorted(str(name) for name, _ in pyogrio.list_layers(target))
    assert layers == ["kept", "results"]
    assert len(pyogrio.read_dataframe(target, layer="kept")) == 2 and len(pyogrio.read_dataframe(target, layer="results")) == 3


def test_an_output_folder_that_cannot_exist_is_a_clear_message(tmp_path):
    a_file = tmp_path / "not_a_folder"
    a_file.write_text("")
    with pytest.raises(EngineInputError, match="cannot create the folder"), atomic_output(a_file / "out.gpkg", layer_label="OUTPUT"):
        pass
