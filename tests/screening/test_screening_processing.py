"""processing.run and qgis_process tests of tuoli_gw:screen_well_sites and tuoli_gw:self_supplied_closure_list.

Layers are the hand-built cases of ``cases.py`` written to GeoPackages in tmp_path; outputs are read
back from the written GeoPackage.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from qgis.core import QgsProcessingException

from tests.conftest import qgis_process_json
from tests.screening import cases

pytestmark = pytest.mark.qgis


def _wells_with_null_geometry() -> gpd.GeoDataFrame:
    wells = cases.wells()
    extra = gpd.GeoDataFrame({"well_id": ["no_location"], "use": [None], "permit_m3": [5.0]}, geometry=[None], crs=cases.CRS)
    return gpd.GeoDataFrame(list(wells.itertuples(index=False)) + list(extra.itertuples(index=False)), columns=wells.columns, crs=cases.CRS)


@pytest.fixture()
def layers(tmp_path: Path) -> dict[str, str]:
    gpkg = cases.write_gpkg(
        tmp_path / "inputs.gpkg",
        wells=_wells_with_null_geometry(),
        zones=cases.zones(),
        pipes=cases.pipes(),
        areas=cases.supply_areas(),
        townships=cases.townships(),
        closure_wells=cases.closure_wells(),
    )
    return {name: f"{gpkg}|layername={name}" for name in ("wells", "zones", "pipes", "areas", "townships", "closure_wells")}


def _screen_params(layers: dict[str, str], output: Path, **extra) -> dict:
    return {
        "INPUT": layers["wells"],
        "ZONES": layers["zones"],
        "SUPPLY_PIPES": layers["pipes"],
        "COVERAGE_DISTANCE": 500,
        "SUPPLY_AREAS": layers["areas"],
        "TOWNSHIPS": layers["townships"],
        "USE_FIELD": "use",
        "OUTPUT": str(output),
        **extra,
    }


def _read(path: Path) -> gpd.GeoDataFrame:
    return gpd.read_file(path, layer=path.stem)


def _digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def test_screen_well_sites_processing_run(run_alg, layers, tmp_path):
    gpkg = Path(layers["wells"].split("|")[0])
    before = _digest(gpkg)
    output = tmp_path / "screened.gpkg"
    report = tmp_path / "report.html"
    result = run_alg("tuoli_gw:screen_well_sites", _screen_params(layers, output, REPORT=str(report)))
    assert _digest(gpkg) == before  # inputs untouched
    screened = _read(output)
    assert len(screened) == len(cases.WELLS) + 1
    assert screened["well_id"].tolist() == [*cases.WELLS, "no_location"]
    assert screened["permit_m3"].tolist() == [1000.0 + i for i in range(len(cases.WELLS))] + [5.0]
    for _, row in screened.iloc[:-1].iterrows():
        _, _, _, verdict, reasons, zone_name, zone_grade, distance, covered, township = cases.WELLS[row["well_id"]]
        assert row["verdict"] == verdict, row["well_id"]
        assert row["reasons"] == reasons or (reasons == "" and row["reasons"] in ("", None)), row["well_id"]
        assert row["supply_distance_m"] == pytest.approx(distance, abs=1e-6)
        assert bool(row["in_supply_coverage"]) is covered
        assert (None if pd.isna(row["township"]) else row["township"]) == township
        assert (None if pd.isna(row["zone_name"]) else row["zone_name"]) == zone_name
    last = screened.iloc[-1]
    assert pd.isna(last["verdict"]) and last["reasons"] == "no_geometry"
    assert result["COUNT_NO_GEOMETRY"] == 1
    assert result["COUNT_PROHIBITED"] == sum(1 for v in cases.WELLS.values() if v[3] == "prohibited")
    styles = sqlite3.connect(output).execute("select styleName from layer_styles").fetchall()
    assert styles == [("screening_verdict",)]
    html = report.read_text(encoding="utf-8")
    assert "data:image/png;base64," in html and "多拉特乡" in html and "red_line_exhausted" in html


def test_lon_lat_input_same_verdicts_and_distances(run_alg, tmp_path, layers):
    lon_lat = cases.write_gpkg(tmp_path / "lonlat.gpkg", wells=cases.wells().to_crs("EPSG:4490"))
    a = _read(Path(run_alg("tuoli_gw:screen_well_sites", _screen_params(layers, tmp_path / "a.gpkg"))["OUTPUT"]))
    params = _screen_params(layers, tmp_path / "b.gpkg", INPUT=f"{lon_lat}|layername=wells")
    b = _read(Path(run_alg("tuoli_gw:screen_well_sites", params)["OUTPUT"]))
    assert b.crs.to_epsg() == 4490
    keep = ~a["well_id"].isin(["on_boundary", "pipe_500m", "no_location"])
    assert a.loc[keep, "verdict"].tolist() == b.loc[keep.to_numpy()[: len(b)], "verdict"].tolist()
    assert b["supply_distance_m"].to_numpy() == pytest.approx(a["supply_distance_m"].to_numpy()[: len(b)], abs=0.01)


def test_chinese_basis_and_pipes_only(run_alg, layers, tmp_path):
    params = _screen_params(layers, tmp_path / "zh.gpkg", LANGUAGE=0)  # 0 = 中文 in every algorithm
    del params["SUPPLY_AREAS"]
    screened = _read(Path(run_alg("tuoli_gw:screen_well_sites", params)["OUTPUT"]))
    row = screened.set_index("well_id").loc["area_in_severe"]
    assert row["reasons"] == "severe_zone" and "严重超采区" in row["basis"]


def test_empty_input_gives_empty_output(run_alg, layers, tmp_path):
    empty = tmp_path / "empty.gpkg"
    cases.wells().iloc[0:0].to_file(empty, layer="wells", driver="GPKG", geometry_type="Point")
    output = tmp_path / "empty_out.gpkg"
    result = run_alg("tuoli_gw:screen_well_sites", _screen_params(layers, output, INPUT=f"{empty}|layername=wells"))
    screened = _read(Path(result["OUTPUT"]))
    assert len(screened) == 0 and "verdict" in screened.columns


# -- bad input ---------------------------------------------------------------------------------------
def _error(run_alg, params) -> str:
    with pytest.raises(QgsProcessingException) as error:
        run_alg("tuoli_gw:screen_well_sites", params)
    text = str(error.value)
    assert "Traceback" not in text
    return text


def test_non_point_input_is_refused(run_alg, layers, tmp_path):
    message = _error(run_alg, _screen_params(layers, tmp_path / "x.gpkg", INPUT=layers["pipes"]))
    assert "pipes" in message and "point" in message


def test_zones_without_grade_field(run_alg, layers, tmp_path):
    zones = cases.write_gpkg(tmp_path / "nograde.gpkg", zones=cases.zones().drop(columns="grade"))
    message = _error(run_alg, _screen_params(layers, tmp_path / "x.gpkg", ZONES=f"{zones}|layername=zones"))
    assert "'zones'" in message and "'grade'" in message


def test_unknown_grade_value(run_alg, layers, tmp_path):
    bad = cases.zones()
    bad.loc[2, "grade"] = "extreme"
    zones = cases.write_gpkg(tmp_path / "badgrade.gpkg", zones=bad)
    message = _error(run_alg, _screen_params(layers, tmp_path / "x.gpkg", ZONES=f"{zones}|layername=zones"))
    assert "extreme" in message and "zone_name=Overlap" in message and "'grade'" in message


def test_no_supply_layer(run_alg, layers, tmp_path):
    params = _screen_params(layers, tmp_path / "x.gpkg")
    del params["SUPPLY_PIPES"], params["SUPPLY_AREAS"]
    assert "SUPPLY_PIPES" in _error(run_alg, params)


def test_invalid_zone_repaired_with_warning(run_alg, layers, tmp_path):
    bow = shapely.Polygon([(cases.X0, cases.Y0), (cases.X0 + 100, cases.Y0 + 100), (cases.X0 + 100, cases.Y0), (cases.X0, cases.Y0 + 100)])
    zones = cases.write_gpkg(
        tmp_path / "bow.gpkg", zones=gpd.GeoDataFrame({"zone_name": ["Bow"], "grade": ["severe"]}, geometry=[bow], crs=cases.CRS)
    )
    wells = cases.write_gpkg(tmp_path / "bw.gpkg", wells=gpd.GeoDataFrame({"well_id": ["w"]}, geometry=[cases.pt(80, 50)], crs=cases.CRS))
    params = _screen_params(layers, tmp_path / "bow_out.gpkg", ZONES=f"{zones}|layername=zones", INPUT=f"{wells}|layername=wells")
    del params["USE_FIELD"]
    screened = _read(Path(run_alg("tuoli_gw:screen_well_sites", params)["OUTPUT"]))
    assert screened["verdict"].tolist() == ["prohibited"]


# -- closure list ------------------------------------------------------------------------------------
def test_closure_list_processing_run(run_alg, layers, tmp_path):
    output = tmp_path / "closure.gpkg"
    result = run_alg(
        "tuoli_gw:self_supplied_closure_list",
        {
            "INPUT": layers["closure_wells"],
            "SUPPLY_PIPES": layers["pipes"],
            "COVERAGE_DISTANCE": 500,
            "SUPPLY_AREAS": layers["areas"],
            "TOWNSHIPS": layers["townships"],
            "OUTPUT": str(output),
        },
    )
    listed = _read(output)
    assert listed["well_id"].tolist() == list(cases.CLOSURE_LISTED)
    assert listed["freed_m3"].tolist() == [v[0] for v in cases.CLOSURE_LISTED.values()]
    assert listed["freed_from"].tolist() == [v[1] for v in cases.CLOSURE_LISTED.values()]
    assert listed["status"].fillna("").tolist() == ["active", "", "在用"]  # input attributes kept
    assert result["FREED_M3_TOTAL"] == 2300.0 and result["COUNT_LISTED"] == 3


# -- qgis_process --json -----------------------------------------------------------------------------
@pytest.mark.cli
def test_screen_well_sites_qgis_process(layers, tmp_path):
    output = tmp_path / "cli.gpkg"
    answer = qgis_process_json("tuoli_gw:screen_well_sites", _screen_params(layers, output))
    assert answer["results"]["COUNT_NO_GEOMETRY"] == 1
    screened = _read(output)
    assert len(screened) == len(cases.WELLS) + 1
    row = screened.set_index("well_id").loc["past_pipe_end"]
    assert row["verdict"] == "prohibited" and row["supply_distance_m"] == pytest.approx((300**2 + 399**2) ** 0.5)
    assert sqlite3.connect(output).execute("select count(*) from layer_styles").fetchone() == (1,)


@pytest.mark.cli
def test_closure_list_qgis_process(layers, tmp_path):
    output = tmp_path / "cli_closure.gpkg"
    answer = qgis_process_json(
        "tuoli_gw:self_supplied_closure_list",
        {
            "INPUT": layers["closure_wells"],
            "SUPPLY_PIPES": layers["pipes"],
            "SUPPLY_AREAS": layers["areas"],
            "TOWNSHIPS": layers["townships"],
            "OUTPUT": str(output),
        },
    )
    assert answer["results"]["FREED_M3_TOTAL"] == 2300.0
    assert len(_read(output)) == 3
