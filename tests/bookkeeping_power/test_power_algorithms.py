"""processing.run and qgis_process tests of tuoli_gw:electricity_to_water and tuoli_gw:compliance_audit.

The layers are the hand-computed registers of cases.py written to real GeoPackage / CSV files.
"""

from __future__ import annotations

import csv
import json

import pandas as pd
import pytest
from cases import POWER_ROWS, audit_gdf, pipes_gdf, power_frame, wells_gdf
from conftest import SAMPLE_GPKG, run_qgis_process


@pytest.fixture(scope="module")
def layers(tmp_path_factory):
    folder = tmp_path_factory.mktemp("power")
    wells = folder / "wells.gpkg"
    wells_gdf().to_file(wells, layer="wells", driver="GPKG")
    power = folder / "power.csv"
    power_frame().to_csv(power, index=False)
    audit = folder / "audit.gpkg"
    audit_gdf().astype({"stopped_on": str, "deregistered_on": str}).replace("None", None).to_file(
        audit, layer="wells", driver="GPKG"
    )
    pipes_gdf().to_file(audit, layer="pipes", driver="GPKG")
    return {
        "wells": f"{wells}|layername=wells",
        "power": str(power),
        "audit": f"{audit}|layername=wells",
        "pipes": f"{audit}|layername=pipes",
        "folder": folder,
    }


def features(path: str) -> list[dict]:
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(path, "out", "ogr")
    assert layer.isValid(), path
    return [dict(zip(layer.fields().names(), f.attributes())) | {"_geometry": f.geometry()} for f in layer.getFeatures()]


def test_electricity_to_water_processing_run(run_alg, layers):
    folder = layers["folder"]
    result = run_alg(
        "tuoli_gw:electricity_to_water",
        {
            "WELLS": layers["wells"],
            "POWER": layers["power"],
            "PERIOD": "2025",
            "OUTPUT": str(folder / "e2w.gpkg"),
            "OUTPUT_SUMMARY": str(folder / "e2w_summary.csv"),
            "CHART": str(folder / "e2w.png"),
        },
    )
    rows = {r["well_id"]: r for r in features(result["OUTPUT"])}
    assert len(rows) == 10
    assert rows["W6"]["coef_source"] == "calibrated_township_aquifer" and rows["W6"]["coef_used"] == 4.0
    assert rows["W6"]["estimated_m3"] == 2000 and rows["W6"]["approved_kwh"] == 375
    assert rows["W6"]["flags"] == "over_approved_kwh" and rows["W6"]["over_approved_kwh"] == 1
    assert rows["W7"]["flags"] == "power_without_permit"
    assert rows["W8"]["coef_source"] == "calibrated_county" and rows["W8"]["permit_without_power_link"] == 1
    assert rows["C4"]["meter_vs_power_mismatch"] == 1
    assert rows["W10"]["kwh"] == 300
    assert rows["C1"]["permit_no"] == "P1"  # input attributes pass through
    with open(result["OUTPUT_SUMMARY"], encoding="utf-8") as table:
        summary = {r["township"]: r for r in csv.DictReader(table)}
    assert float(summary["A"]["kwh"]) == 5700 and int(summary["A"]["wells_n"]) == 7
    assert int(summary["B"]["permit_without_power_link"]) == 2
    with open(result["CHART"], "rb") as png:
        assert png.read(4) == b"\x89PNG"


def test_electricity_to_water_mismatch_share_parameter(run_alg, layers):
    # C1..C5 all agree with their meters except C4; with a share of 100 (10000 %) none is a mismatch.
    result = run_alg(
        "tuoli_gw:electricity_to_water",
        {"WELLS": layers["wells"], "POWER": layers["power"], "PERIOD": "2025", "MISMATCH_SHARE": 100,
         "OUTPUT": "memory:"},
    )
    layer = result["OUTPUT"]
    from qgis.core import QgsProcessingUtils  # noqa: F401 - the memory layer is returned as an object or id

    values = [f["meter_vs_power_mismatch"] for f in (layer.getFeatures() if hasattr(layer, "getFeatures") else [])]
    assert values and sum(values) == 0


def test_electricity_to_water_text_kwh_is_a_clear_error(run_alg, layers, tmp_path):
    from qgis.core import QgsProcessingException

    bad = tmp_path / "power_bad.csv"
    bad.write_text("account,period,kwh\na1,2025,lots\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException) as error:
        run_alg("tuoli_gw:electricity_to_water",
                {"WELLS": layers["wells"], "POWER": str(bad), "OUTPUT": str(tmp_path / "x.gpkg")})
    message = str(error.value)
    assert "power_bad" in message and "account=a1" in message and "'kwh'" in message and "Traceback" not in message


def test_compliance_audit_processing_run(run_alg, layers):
    folder = layers["folder"]
    result = run_alg(
        "tuoli_gw:compliance_audit",
        {
            "WELLS": layers["audit"],
            "AUDIT_DATE": "2025/11/1",
            "SUPPLY_PIPES": layers["pipes"],
            "COVERAGE_DISTANCE": 500,
            "OUTPUT": str(folder / "findings.gpkg"),
            "OUTPUT_SUMMARY": str(folder / "findings_summary.csv"),
        },
    )
    rows = features(result["OUTPUT"])
    assert {(r["well_id"], r["finding"]) for r in rows} == {
        ("NOMETER", "no_meter"), ("OVER", "over_permit"), ("NOPERMIT", "no_permit"),
        ("DAY31", "stopped_not_deregistered"), ("DEEP", "depth_over_permit"),
        ("SELFNEAR", "self_supplied_in_coverage"), ("ILLEGALPOWER", "power_without_permit"),
    }
    assert result["FINDINGS_N"] == 7
    near = next(r for r in rows if r["well_id"] == "SELFNEAR")
    point = near["_geometry"].asPoint()
    assert (point.x(), point.y()) == (500000, 100)
    assert near["severity"] == "high" and near["notice_item"] == "13"


def test_compliance_audit_day_30_through_processing(run_alg, layers):
    result = run_alg(
        "tuoli_gw:compliance_audit",
        {"WELLS": layers["audit"], "AUDIT_DATE": "2025-10-31", "OUTPUT": str(layers["folder"] / "d30.gpkg")},
    )
    found = {(r["well_id"], r["finding"]) for r in features(result["OUTPUT"])}
    assert ("DAY31", "stopped_not_deregistered") not in found  # 30 days on 2025-10-31
    assert ("DAY30", "stopped_not_deregistered") not in found


def test_compliance_audit_bad_audit_date(run_alg, layers):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="AUDIT_DATE 'soon' is not a date"):
        run_alg("tuoli_gw:compliance_audit",
                {"WELLS": layers["audit"], "AUDIT_DATE": "soon", "OUTPUT": str(layers["folder"] / "bad.gpkg")})


def _qgis_process(algorithm: str, parameters: dict) -> tuple[dict, int]:
    args = ["run", algorithm, "--json", *[f"--{k}={v}" for k, v in parameters.items()]]
    completed = run_qgis_process(*args, check=False)
    start = completed.stdout.find("{")
    assert start >= 0, completed.stdout + completed.stderr
    return json.loads(completed.stdout[start:]), completed.returncode


@pytest.mark.cli
def test_qgis_process_electricity_to_water(qgis_app, layers):
    out = layers["folder"] / "cli_e2w.gpkg"
    answer, _ = _qgis_process(
        "tuoli_gw:electricity_to_water",
        {"WELLS": layers["wells"], "POWER": layers["power"], "PERIOD": "2025", "OUTPUT": out},
    )
    assert answer["results"]["OUTPUT"] == str(out)
    rows = {r["well_id"]: r for r in features(str(out))}
    assert rows["W7"]["coef_source"] == "calibrated_township" and rows["W7"]["estimated_m3"] == 800
    assert any("linked to no well" in w for w in answer["log"]["warning"])


@pytest.mark.cli
def test_qgis_process_compliance_audit(qgis_app, layers):
    out = layers["folder"] / "cli_findings.gpkg"
    answer, _ = _qgis_process(
        "tuoli_gw:compliance_audit",
        {"WELLS": layers["audit"], "AUDIT_DATE": "2025-11-01", "SUPPLY_PIPES": layers["pipes"], "OUTPUT": out},
    )
    assert answer["results"]["FINDINGS_N"] == 7
    assert len(features(str(out))) == 7
    from qgis.core import QgsVectorLayer

    styled = QgsVectorLayer(str(out), "findings", "ogr")
    # The severity style stored in the GeoPackage, inside a cluster renderer (issue 17: no blobs at county scale).
    assert styled.renderer().type() == "pointCluster"
    assert styled.renderer().embeddedRenderer().type() == "categorizedSymbol"
    assert styled.renderer().embeddedRenderer().classAttribute() == "severity"


@pytest.mark.cli
def test_qgis_process_exit_code(layers):
    _, returncode = _qgis_process(
        "tuoli_gw:compliance_audit",
        {"WELLS": layers["audit"], "AUDIT_DATE": "2025-11-01", "OUTPUT": layers["folder"] / "rc.gpkg"},
    )
    assert returncode == 0


@pytest.mark.slow
@pytest.mark.skipif(not SAMPLE_GPKG.exists(), reason="sample layers not generated")
def test_sample_layers_smoke(run_alg, tmp_path):
    layer = f"{SAMPLE_GPKG}|layername="
    result = run_alg(
        "tuoli_gw:electricity_to_water",
        {"WELLS": layer + "wells", "POWER": layer + "power_accounts", "PERIOD": "2025",
         "OUTPUT": str(tmp_path / "e2w.gpkg"), "CHART": str(tmp_path / "chart.png")},
    )
    assert len(features(result["OUTPUT"])) > 0


# -- issue 12, points 11-13: sealing and quota fields, power accounts linked to no well ------------------------


def test_compliance_audit_sealing_and_quota_fields(run_alg, layers):
    """DEREG (deregistered 2025-01-20) has no sealing date: deregistered_not_sealed; OK (metered 900 m³) has its own
    quota of 800 m³: over_quota. Without the fields (the audit layer) neither is checked."""
    folder = layers["folder"]
    wells = audit_gdf().astype({"stopped_on": str, "deregistered_on": str}).replace("None", None)
    wells["sealed_on"] = pd.Series([None] * len(wells), dtype=object)
    wells["quota_m3"] = [800.0 if well_id == "OK" else None for well_id in wells["well_id"]]
    path = folder / "audit_sealing.gpkg"
    wells.to_file(path, layer="wells", driver="GPKG")
    result = run_alg(
        "tuoli_gw:compliance_audit",
        {"WELLS": f"{path}|layername=wells", "AUDIT_DATE": "2025-11-01", "OUTPUT": str(folder / "sealing.gpkg")},
    )
    found = {(r["well_id"], r["finding"]) for r in features(result["OUTPUT"])}
    assert ("DEREG", "deregistered_not_sealed") in found and ("OK", "over_quota") in found
    without = run_alg(
        "tuoli_gw:compliance_audit",
        {"WELLS": layers["audit"], "AUDIT_DATE": "2025-11-01", "OUTPUT": str(folder / "no_sealing.gpkg")},
    )
    codes = {r["finding"] for r in features(without["OUTPUT"])}
    assert not codes & {"deregistered_not_sealed", "over_quota"}


def test_compliance_audit_writes_accounts_linked_to_no_well(run_alg, layers):
    """The power table's accounts (a1.., zz) are named by no well of the audit register: each is a finding without a
    well, written to OUTPUT with no geometry, so the layer holds COUNT_FINDINGS features."""
    result = run_alg(
        "tuoli_gw:compliance_audit",
        {"WELLS": layers["audit"], "AUDIT_DATE": "2025-11-01", "POWER": layers["power"],
         "OUTPUT": str(layers["folder"] / "no_well.gpkg")},
    )
    rows = features(result["OUTPUT"])
    assert len(rows) == result["COUNT_FINDINGS"]
    no_well = [r for r in rows if r["finding"] == "power_account_without_well"]
    assert len(no_well) == len({account for account, _, _ in POWER_ROWS})  # a1..a7, 1010, zz
    assert all(r["_geometry"].isEmpty() and not r["well_id"] for r in no_well)  # NULL or POINT EMPTY
    assert any("account zz " in r["detail"] for r in no_well)
