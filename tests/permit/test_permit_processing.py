"""tuoli_gw:permit_decision through processing.run and qgis_process on the hand-built world (world.py),
written to a GeoPackage: the decisions table, one HTML and one PDF per application, bad input, inputs untouched."""

from __future__ import annotations

import hashlib
import math
import shutil
import subprocess
from pathlib import Path

import geopandas as gpd
import pytest
from qgis.core import QgsProcessingException

from tests.conftest import qgis_process_json
from tests.permit import world

pytestmark = pytest.mark.qgis
ALG = "tuoli_gw:permit_decision"


@pytest.fixture()
def gpkg(tmp_path: Path) -> str:
    return world.write_gpkg(tmp_path / "inputs.gpkg", **world.all_layers())


def _parameters(gpkg: str, tmp_path: Path, **overrides) -> dict:
    layer = f"{gpkg}|layername="
    parameters = {
        "INPUT": layer + "applications",
        "ZONES": layer + "zones",
        "SUPPLY_PIPES": layer + "pipes",
        "COVERAGE_DISTANCE": 500,
        "TOWNSHIPS": layer + "townships",
        "EXISTING_WELLS": layer + "wells",
        "TRANSMISSIVITY": world.T,
        "STORATIVITY": world.S,
        "PUMPING_DAYS": world.DAYS,
        "RADIUS_M": world.RADIUS,
        "REVIEWER": "王工",
        "OUTPUT_FOLDER": str(tmp_path / "decisions"),
        "OUTPUT": str(tmp_path / "decisions.gpkg"),
    }
    parameters.update(overrides)
    return parameters


def _pdf_text(path: str) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True).stdout


def test_one_document_per_application_and_the_decisions_table(run_alg, gpkg, tmp_path):
    before = hashlib.sha256(Path(gpkg).read_bytes()).hexdigest()
    result = run_alg(ALG, _parameters(gpkg, tmp_path))
    # One batch (world.py): A2 takes 5 000 of 甲乡's 10 000 m³ first, so A4 (9 000) is restricted too.
    assert (result["COUNT_DECISIONS"], result["COUNT_PROHIBITED"], result["COUNT_RESTRICTED"], result["COUNT_ALLOWED"]) == (6, 3, 3, 0)
    table = gpd.read_file(result["OUTPUT"], layer="decisions").set_index("application_id")
    assert table.loc["A5", "verdict"] == "restricted" and table.loc["A5", "reasons"] == "request_over_remaining_quota"
    assert table.loc["A5", "quota_status"] == "exceeds_remaining" and table.loc["A5", "remaining_m3"] == 10_000.0
    assert table.loc["A6", "quota_status"] == "used_up"
    assert table.loc["A3", "supply_distance_m"] == pytest.approx(200.0)
    assert (table.loc["A4", "wells_within_radius"], table.loc["A4", "affected_wells"]) == (2, 1)
    assert table.loc["A4", "max_drawdown_m"] == pytest.approx(1.212319, abs=1e-6)  # W_NEAR, by hand in test_permit_engine
    # The batch's total at W_NEAR (507 001, 5 000 500): A4's own plus those of A2 (50 m³/d, r = 4 501 m) and A5 (150 m³/d,
    # r = √(1² + 1 300²)), the two others that may be approved; A1, A3, A6 are prohibited. W(u) by scipy's E1 here.
    from scipy.special import exp1

    def theis(rate, r):
        return rate / (4 * math.pi * world.T) * float(exp1(r * r * world.S / (4 * world.T * world.DAYS)))

    expected = 1.212319 + theis(50.0, 4_501.0) + theis(150.0, math.hypot(1.0, 1_300.0))
    assert table.loc["A4", "batch_max_drawdown_m"] == pytest.approx(expected, abs=1e-5)
    assert (table.loc["A4", "taken_before_m3"], table.loc["A5", "taken_before_m3"]) == (5_000.0, 10_000.0)
    assert table.loc["A3", "well_type"] == "self_supplied" and table.loc["A4", "well_type"] == "other"
    assert set(table["pumping_days"]) == {world.DAYS}
    assert table.geometry.iloc[0].x == pytest.approx(500_500.0)
    folder = Path(result["OUTPUT_FOLDER"])
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"A{i}.{ext}" for i in range(1, 7) for ext in ("html", "pdf"))
    assert table.loc["A1", "pdf_path"] == str(folder / "A1.pdf") and table.loc["A1", "html_path"] == str(folder / "A1.html")
    assert (folder / "A1.pdf").read_bytes().startswith(b"%PDF")
    text = " ".join(_pdf_text(str(folder / "A5.pdf")).split())
    assert "取水许可申请审查意见书" in text and "王工" in text
    assert "申请水量超过本申请可用的剩余指标 15,000 m³" in text.replace(" ", " ")
    assert hashlib.sha256(Path(gpkg).read_bytes()).hexdigest() == before  # inputs untouched


def test_the_summary_counts_every_verdict_including_outside_the_mapped_area(run_alg, tmp_path):
    import pandas as pd
    import shapely

    applications = world.applications()
    far = applications.iloc[[0]].assign(app_id="FAR", geometry=[shapely.Point(900_000.0, 5_900_000.0)])
    layers = {**world.all_layers(), "applications": pd.concat([applications, far], ignore_index=True)}
    gpkg = world.write_gpkg(tmp_path / "with_far.gpkg", **layers)
    result = run_alg(ALG, _parameters(gpkg, tmp_path))
    counts = [result[f"COUNT_{v}"] for v in ("PROHIBITED", "RESTRICTED", "ALLOWED", "OUTSIDE")]
    # world.py's six judged as one batch (A4 restricted: A2 took half the quota first) and FAR outside the mapped area.
    assert counts == [3, 3, 0, 1] and sum(counts) == result["COUNT_DECISIONS"] == 7


def test_english_documents_on_request(run_alg, gpkg, tmp_path):
    result = run_alg(ALG, _parameters(gpkg, tmp_path, LANGUAGE=1))
    page = (Path(result["OUTPUT_FOLDER"]) / "A4.html").read_text(encoding="utf-8")
    assert "Water permit application: review decision" in page and "W_NEAR" in page
    assert "not a verdict the notice gives" in page


def test_aquifer_layer_through_the_door(run_alg, gpkg, tmp_path):
    result = run_alg(ALG, _parameters(gpkg, tmp_path, AQUIFER=f"{gpkg}|layername=aquifer"))
    table = gpd.read_file(result["OUTPUT"], layer="decisions").set_index("application_id")
    # T = 200, S = 0.002 at A4: s(1 m) = 90 / (4π · 200) · 16.9271743 = 0.606160 m, no longer affected
    assert table.loc["A4", "max_drawdown_m"] == pytest.approx(0.606160, abs=1e-6)
    assert table.loc["A4", "affected_wells"] == 0


def test_no_requested_field_is_a_clear_message(run_alg, tmp_path):
    apps = world.applications().drop(columns=["requested_m3"])
    gpkg = world.write_gpkg(tmp_path / "no_request.gpkg", **{**world.all_layers(), "applications": apps})
    with pytest.raises(QgsProcessingException, match="requested_m3"):
        run_alg(ALG, _parameters(gpkg, tmp_path))
    assert not (tmp_path / "decisions.gpkg").exists()


def test_nan_request_names_the_application(run_alg, tmp_path):
    apps = world.applications()
    apps.loc[2, "requested_m3"] = None
    gpkg = world.write_gpkg(tmp_path / "nan.gpkg", **{**world.all_layers(), "applications": apps})
    with pytest.raises(QgsProcessingException, match="A3"):
        run_alg(ALG, _parameters(gpkg, tmp_path))


def test_negative_transmissivity_is_refused(run_alg, gpkg, tmp_path):
    # The message speaks the document's language (LANGUAGE 0 = 中文 by default) and names the parameter and value.
    with pytest.raises(QgsProcessingException, match="TRANSMISSIVITY \\(T, m²/d\\) 必须是大于 0 的有限数值，而不是 -50"):
        run_alg(ALG, _parameters(gpkg, tmp_path, TRANSMISSIVITY=-50))
    with pytest.raises(QgsProcessingException, match="TRANSMISSIVITY \\(T, m²/d\\) must be a finite number above 0, not -50"):
        run_alg(ALG, _parameters(gpkg, tmp_path, TRANSMISSIVITY=-50, LANGUAGE=1))
    assert not (tmp_path / "decisions").exists() or not any((tmp_path / "decisions").iterdir())


def test_aquifer_with_nan_names_feature_and_field(run_alg, tmp_path):
    aquifer = world.aquifer()
    aquifer.loc[0, "T"] = None
    gpkg = world.write_gpkg(tmp_path / "aq.gpkg", **{**world.all_layers(), "aquifer": aquifer})
    # The whole run speaks the document's language (LANGUAGE 0 = 中文 by default), the place included.
    with pytest.raises(QgsProcessingException, match="图层“aquifer”，要素 fid 1，字段“T”"):
        run_alg(ALG, _parameters(gpkg, tmp_path, AQUIFER=f"{gpkg}|layername=aquifer"))
    with pytest.raises(QgsProcessingException, match="layer 'aquifer', feature fid 1, field 'T'"):
        run_alg(ALG, _parameters(gpkg, tmp_path, AQUIFER=f"{gpkg}|layername=aquifer", LANGUAGE=1))


@pytest.mark.cli
def test_qgis_process_writes_the_documents(gpkg, tmp_path):
    parameters = _parameters(gpkg, tmp_path)
    parameters["REVIEWER"] = "Wang"
    answer = qgis_process_json(ALG, parameters)
    assert answer["results"]["COUNT_DECISIONS"] == 6
    assert (Path(parameters["OUTPUT_FOLDER"]) / "A6.pdf").is_file()
    table = gpd.read_file(parameters["OUTPUT"], layer="decisions").set_index("application_id")
    assert table.loc["A6", "verdict"] == "prohibited"


def test_a_run_cancelled_half_way_leaves_no_documents(qgis_app, gpkg, tmp_path):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    parameters = _parameters(gpkg, tmp_path)
    folder = Path(parameters["OUTPUT_FOLDER"])
    feedback = QgsProcessingFeedback()
    # Cancel as soon as the first decision is on disk: the run must remove it again.
    feedback.progressChanged.connect(lambda _: feedback.cancel() if folder.is_dir() and any(folder.glob("*.pdf")) else None)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        processing.run(ALG, parameters, context=context, feedback=feedback)
    assert not folder.exists()
    assert not Path(parameters["OUTPUT"]).exists()
