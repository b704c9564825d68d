"""Issue 30: the county's layers read right, or refused — never a silent wrong answer.

Each test runs a real algorithm through processing.run on the hand-made county (``world.py``) with one input as
county offices send it, and was a silent success before: garbled text read as values, rows left out by QGIS's
delimited-text reader, a CRS whose move to CGCS2000 is PROJ's ballpark.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .algorithms import SPECS
from .cases import cut_field_parameters
from .runner import run_processing
from .world import World


def _closure_world() -> World:
    world = World.default()
    wells = world.layers["wells"]
    wells["status"] = ["在用", "在用", "已注销", "在用", "在用", "在用"]  # TL-003, in coverage, is deregistered
    return world


def _run_closure(world: World, tmp_path: Path, **overrides):
    spec = SPECS["self_supplied_closure_list"]
    sources = world.write(tmp_path / "in")
    (tmp_path / "out").mkdir()
    return run_processing(spec.name, {**spec.params(sources, tmp_path / "out"), **overrides})


def _wells_csv(world: World, path: Path, encoding: str, x=None, y=None) -> Path:
    wells = world.layers["wells"]
    lines = ["well_id,self_supplied,status,metered_m3,x,y"]
    for i, row in enumerate(wells.itertuples()):
        xs = row.geometry.x if x is None or i not in x else x[i]
        ys = row.geometry.y if y is None or i not in y else y[i]
        lines.append(f'{row.well_id},{"是" if row.self_supplied else "否"},{row.status},{row.metered_m3},"{xs}","{ys}"')
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


def _delimited(uri: str):
    """The CSV as a user adds it (Layer ▸ Add Delimited Text Layer): a layer handed to the algorithm."""
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(uri, "wells", "delimitedtext")
    assert layer.isValid(), uri
    return layer


def test_gbk_shapefile_whose_cpg_says_utf8_is_refused_naming_field_and_encoding(qgis_app, tmp_path):
    world = _closure_world()
    world.formats["wells"] = "shp_gbk_cpg_says_utf8"
    params = cut_field_parameters(world, SPECS["self_supplied_closure_list"])
    outcome = _run_closure(world, tmp_path, **params)
    assert not outcome.ok, "before issue 30: 已注销 read as '���' counted the deregistered well as active"
    assert "layer 'wells'" in outcome.message and "field 'status'" in outcome.message
    assert "reads cleanly as GBK" in outcome.message and "Data source encoding = GBK" in outcome.message


def test_gbk_csv_read_as_utf8_is_refused_with_how_to_add_it(qgis_app, tmp_path):
    world = _closure_world()
    path = _wells_csv(world, tmp_path / "wells.csv", "gbk")
    uri = f"file://{path}?type=csv&delimiter=,&xField=x&yField=y&crs=EPSG:4537"
    outcome = _run_closure(world, tmp_path, INPUT=_delimited(uri))
    assert not outcome.ok
    assert "layer 'wells'" in outcome.message and "field 'self_supplied'" in outcome.message  # 是/否 read as '��'
    assert "encoding the layer is read with (UTF-8)" in outcome.message
    assert "Add Delimited Text Layer, Encoding = GBK" in outcome.message
    good = _run_closure(world, tmp_path / "again", INPUT=_delimited(uri + "&encoding=GBK"))
    assert good.ok, good.message


def test_csv_rows_qgis_cannot_read_are_listed_not_lost(qgis_app, tmp_path):
    world = _closure_world()
    x = {1: "４６７０００．００", 3: "476000,00"}
    y = {2: "待定", 4: "5 082 000.0", 5: "5098000.0m"}
    path = _wells_csv(world, tmp_path / "wells.csv", "utf-8", x=x, y=y)
    uri = f"file://{path}?type=csv&delimiter=,&xField=x&yField=y&crs=EPSG:4537"
    outcome = _run_closure(world, tmp_path, INPUT=_delimited(uri))
    assert not outcome.ok, "before issue 30: 5 of 6 wells vanished without a word"
    assert "the file has 6 data row(s) but only 1 were read" in outcome.message
    for line, value in ((3, "４６７０００．００"), (4, "待定"), (5, "476000,00"), (6, "5 082 000.0"), (7, "5098000.0m")):
        assert f"line {line} (" in outcome.message and repr(value) in outcome.message


@pytest.mark.parametrize("crs", ["EPSG:2425", "EPSG:2373"])
def test_beijing_1954_and_xian_1980_inputs_are_said_out_loud(qgis_app, tmp_path, crs):
    """Wells labelled Beijing 1954 / Xian 1980 (CM 84E): PROJ's only way to CGCS2000 is a ballpark (~90 m for
    Beijing 1954 here). Before: moved without a word."""
    world = World.default()
    world.layers["wells"] = world.layers["wells"].set_crs(crs, allow_override=True)
    outcome = _run_closure(world, tmp_path)
    assert outcome.ok, outcome.message
    assert f"({crs}), on another datum" in outcome.log and "accuracy PROJ does not know" in outcome.log
    assert "m at the data's centre" in outcome.log


# A Beijing 1954 -> CGCS2000 move a county might hold (seven-parameter style, invented numbers: 120 m east-ish).
BEIJING_TO_CGCS2000 = (
    "+proj=pipeline +step +inv +proj=tmerc +lat_0=0 +lon_0=84 +k=1 +x_0=500000 +y_0=0 +ellps=krass "
    "+step +proj=push +v_3 +step +proj=cart +ellps=krass +step +proj=helmert +x=-20 +y=-110 +z=-40 "
    "+step +inv +proj=cart +ellps=GRS80 +step +proj=pop +v_3 "
    "+step +proj=tmerc +lat_0=0 +lon_0=84 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80"
)


def test_the_projects_datum_transformation_is_used(qgis_app, tmp_path):
    """The QGIS project names the Beijing 1954 -> EPSG:4537 transformation: the run moves the wells with it.
    Expected distance to the pipe: the same pipeline through pyproj, then shapely — independent of QGIS."""
    import shapely
    from pyproj import Transformer
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject

    from .runner import read_layer

    world = World.default()
    world.layers["wells"] = world.layers["wells"].set_crs("EPSG:2425", allow_override=True)
    project = QgsProject.instance()
    before = project.transformContext()
    context = project.transformContext()
    context.addCoordinateOperation(
        QgsCoordinateReferenceSystem("EPSG:2425"), QgsCoordinateReferenceSystem("EPSG:4537"), BEIJING_TO_CGCS2000
    )
    project.setTransformContext(context)
    try:
        outcome = _run_closure(world, tmp_path)
    finally:
        project.setTransformContext(before)
    assert outcome.ok, outcome.message
    assert "with the project's datum transformation" in outcome.log and "accuracy PROJ does not know" not in outcome.log
    listed = read_layer(outcome.results["OUTPUT"]).set_index("well_id")
    pipe = world.layers["pipes"].geometry.iloc[0]
    to_cgcs = Transformer.from_pipeline(BEIJING_TO_CGCS2000)
    for well in world.layers["wells"].itertuples():
        if well.well_id in listed.index:
            x, y = to_cgcs.transform(well.geometry.x, well.geometry.y)
            assert abs(listed.loc[well.well_id, "supply_distance_m"] - shapely.Point(x, y).distance(pipe)) < 0.01
