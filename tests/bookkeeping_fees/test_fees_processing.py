"""progressive_surcharge and allocate_water_rights through processing.run and qgis_process --json.

Test layers are real GeoPackages written with QGIS into tmp_path; expected numbers by hand (see
the engine tests for the arithmetic).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import run_qgis_process

pytestmark = pytest.mark.qgis

# qgis_process exit codes of a crash in native static destructors after the results were written
# (the pyproj wheel's bundled PROJ next to QGIS's own PROJ; see the report of issue 5).


def _write_layer(path: Path, layer_name: str, geometry: str, fields: list[tuple[str, str]], rows: list[tuple]) -> str:
    """Write a GeoPackage layer with QGIS; rows are (wkt or None, *attributes)."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorFileWriter, QgsVectorLayer

    spec = "&".join(f"field={name}:{kind}" for name, kind in fields)
    layer = QgsVectorLayer(f"{geometry}?crs=EPSG:4537&{spec}", layer_name, "memory")
    features = []
    for wkt, *attributes in rows:
        feature = QgsFeature(layer.fields())
        if wkt:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(list(attributes))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = layer_name
    if path.exists():
        options.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
    from qgis.core import QgsCoordinateTransformContext

    # V3 exists since QGIS 3.20; V2 is deprecated (QGIS 3.40 warns on every call).
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.NoError, error
    return f"{path}|layername={layer_name}"


ACCOUNT_ROWS = [
    # geometry, account, plan (text on purpose), actual, township
    ("POINT (500000 5090000)", "W-120", "100", "120", "A"),  # exactly 20 %: band 140, whole 140
    ("POINT (500010 5090000)", "W-150", "100", "150", "A"),  # exactly 50 %: band 230, whole 250
    ("POINT (500020 5090000)", "W-151", "100", "151", "B"),  # band 235, whole 355
    ("POINT (500030 5090000)", "W-TXT", "1,000", "1,200", "B"),  # 20 % over 1000: 1400 both modes
    ("POINT (500040 5090000)", "W-ZERO", "0", "5", "B"),  # zero plan with use: not charged
    ("POINT (500050 5090000)", "W-NULL", "100", None, "B"),  # no reading: not charged
    ("POINT (500060 5090000)", "W-NEG", "100", "-1", "B"),  # negative: not charged
]


@pytest.fixture()
def accounts(tmp_path, qgis_app) -> str:
    fields = [("account", "string"), ("plan_m3", "string"), ("actual_m3", "string"), ("township", "string")]
    return _write_layer(tmp_path / "accounts.gpkg", "accounts", "Point", fields, ACCOUNT_ROWS)


def _features(uri: str) -> dict[str, dict]:
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(uri, "out", "ogr")
    assert layer.isValid(), uri
    rows = {}
    for feature in layer.getFeatures():
        values = {name: feature[name] for name in layer.fields().names()}
        values = {k: (None if v is None or (hasattr(v, "isNull") and v.isNull()) else v) for k, v in values.items()}
        key = values.get("account") or values.get("contract_no") or values.get("township")
        rows[key] = values
    return rows


@pytest.mark.parametrize(("mode", "fees"), [(0, [140, 230, 235, 1400]), (1, [140, 250, 355, 1400])])
def test_surcharge_processing_run_both_modes(run_alg, accounts, tmp_path, mode, fees):
    result = run_alg(
        "tuoli_gw:progressive_surcharge",
        {
            "INPUT": accounts,
            "BASE_RATE": 1.0,
            "MODE": mode,
            "ID_FIELD": "account",
            "OUTPUT": str(tmp_path / f"fees_{mode}.gpkg"),
        },
    )
    rows = _features(result["OUTPUT"])
    assert len(rows) == len(ACCOUNT_ROWS)  # every account written once, none dropped
    for name, fee in zip(["W-120", "W-150", "W-151", "W-TXT"], fees):
        assert rows[name]["fee_yuan"] == pytest.approx(fee), name
        assert rows[name]["problem"] is None
    assert rows["W-120"]["top_multiplier"] == 2 and rows["W-150"]["top_multiplier"] == 3
    assert rows["W-151"]["top_multiplier"] == 5
    assert rows["W-150"]["excess_m3"] == pytest.approx(50) and rows["W-150"]["excess_pct"] == pytest.approx(50)
    assert rows["W-150"]["surcharge_yuan"] == pytest.approx(fees[1] - 150)
    for name in ("W-ZERO", "W-NULL", "W-NEG"):
        assert rows[name]["fee_yuan"] is None and rows[name]["surcharge_yuan"] is None, name
        assert rows[name]["problem"], name
    assert rows["W-TXT"]["plan_m3"] == "1,000"  # input attributes untouched
    assert result["NOT_CHARGED_COUNT"] == 3 and result["CHARGED_COUNT"] == 4


def test_surcharge_fail_on_invalid_names_every_bad_feature(run_alg, accounts, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as error:
        run_alg(
            "tuoli_gw:progressive_surcharge",
            {
                "INPUT": accounts,
                "BASE_RATE": 1.0,
                "ID_FIELD": "account",
                "FAIL_ON_INVALID": True,
                "OUTPUT": str(tmp_path / "never.gpkg"),
            },
        )
    text = str(error.value)
    assert "layer 'accounts'" in text
    for name in ("account=W-ZERO", "account=W-NULL", "account=W-NEG"):
        assert name in text
    assert "W-150" not in text


def test_surcharge_summary_chart_and_style(run_alg, accounts, tmp_path):
    result = run_alg(
        "tuoli_gw:progressive_surcharge",
        {
            "INPUT": accounts,
            "BASE_RATE": 2.0,
            "TOWNSHIP_FIELD": "township",
            "OUTPUT": str(tmp_path / "fees.gpkg"),
            "OUTPUT_SUMMARY": str(tmp_path / "summary.gpkg"),
            "CHART": str(tmp_path / "fees.png"),
        },
    )
    from qgis.core import QgsVectorLayer

    summary = QgsVectorLayer(result["OUTPUT_SUMMARY"], "summary", "ogr")
    by_key = {(f["township"], f["tier"]): f for f in summary.getFeatures()}
    # A: W-120 and W-150 -> within 200, band_1 40, band_2 30
    assert by_key[("A", "within_plan")]["volume_m3"] == pytest.approx(200)
    assert by_key[("A", "band_1")]["volume_m3"] == pytest.approx(40)
    assert by_key[("A", "band_2")]["fee_yuan"] == pytest.approx(2 * 3 * 30)
    assert by_key[("B", "not_charged")]["accounts_n"] == 3
    assert Path(result["CHART"]).read_bytes()[:4] == b"\x89PNG"
    with sqlite3.connect(str(tmp_path / "fees.gpkg")) as db:
        styles = db.execute("select stylename from layer_styles").fetchall()
    assert styles and styles[0][0] == "surcharge_multiplier"


def test_surcharge_on_a_table_without_geometry(run_alg, tmp_path, qgis_app):
    table = _write_layer(
        tmp_path / "table.gpkg",
        "plans",
        "None",
        [("account", "string"), ("plan_m3", "double"), ("actual_m3", "double")],
        [(None, "T1", 200.0, 300.0)],
    )
    result = run_alg("tuoli_gw:progressive_surcharge", {"INPUT": table, "BASE_RATE": 1.0, "OUTPUT": str(tmp_path / "t.gpkg")})
    # 200 + 40×2 + 60×3 = 460
    assert _features(result["OUTPUT"])["T1"]["fee_yuan"] == pytest.approx(460)


PARCEL_ROWS = [
    ("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))", "C-A1", "王", 100.0, "cotton", "A"),
    ("POLYGON ((20 0, 30 0, 30 10, 20 10, 20 0))", "C-A2", "李", 200.0, "小麦", "A"),
    ("POLYGON ((120 0, 130 0, 130 10, 120 10, 120 0))", "C-B1", "张", 50.0, "maize", "B"),
]


@pytest.fixture()
def rights_layers(tmp_path, qgis_app) -> tuple[str, str]:
    path = tmp_path / "farm.gpkg"
    parcel_fields = [
        ("contract_no", "string"),
        ("household", "string"),
        ("area_mu", "double"),
        ("crop", "string"),
        ("township", "string"),
    ]
    parcels = _write_layer(path, "parcels", "Polygon", parcel_fields, PARCEL_ROWS)
    townships = _write_layer(
        path,
        "townships",
        "Polygon",
        [("name_zh", "string"), ("red_line_m3", "double"), ("code", "string")],
        [
            ("POLYGON ((-5 -5, 100 -5, 100 50, -5 50, -5 -5))", "A", 100_000.0, "T01"),
            ("POLYGON ((100 -5, 200 -5, 200 50, 100 50, 100 -5))", "B", 500_000.0, "T02"),
        ],
    )
    return parcels, townships


def test_water_rights_processing_run_by_hand(run_alg, rights_layers, tmp_path):
    parcels, townships = rights_layers
    result = run_alg(
        "tuoli_gw:allocate_water_rights",
        {
            "PARCELS": parcels,
            "TOWNSHIPS": townships,
            "TOWNSHIP_CODE_FIELD": "code",
            "OUTPUT": str(tmp_path / "rights.gpkg"),
            "OUTPUT_TOWNSHIPS": str(tmp_path / "rights_townships.gpkg"),
        },
    )
    # Notice item 7: domestic (5 %) and ecological (10 %) water come first (rules-file shares), so A's farm
    # rights come from 85 000 of its 100 000 m³ red line (issue 12, point 14).
    factor = 85_000 / 118_000
    rows = _features(result["OUTPUT"])
    assert rows["C-A1"]["right_m3"] == pytest.approx(42_000 * factor)
    assert rows["C-A2"]["right_m3"] == pytest.approx(76_000 * factor)
    assert rows["C-B1"]["right_m3"] == pytest.approx(22_500)
    assert rows["C-A1"]["certificate_no"] == "T01-C-A1" and rows["C-A2"]["quota_m3_per_mu"] == 380
    towns = _features(result["OUTPUT_TOWNSHIPS"])
    assert towns["A"]["scale_factor"] == pytest.approx(factor) and towns["A"]["allocated_m3"] == pytest.approx(85_000)
    assert towns["A"]["reserved_m3"] == pytest.approx(15_000) and towns["A"]["agricultural_m3"] == pytest.approx(85_000)
    assert towns["B"]["parcels_n"] == 2 - 1 and towns["B"]["red_line_m3"] == 500_000
    from qgis.core import QgsVectorLayer

    polygons = QgsVectorLayer(result["OUTPUT_TOWNSHIPS"], "t", "ogr")
    assert polygons.geometryType() == 2 and all(not f.geometry().isNull() for f in polygons.getFeatures())


def _run_logged(algorithm_id: str, parameters: dict) -> tuple[dict, list[str]]:
    """processing.run keeping the warnings."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    class Collecting(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.warnings: list[str] = []

        def pushWarning(self, warning):
            self.warnings.append(warning)

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = Collecting()
    return processing.run(algorithm_id, parameters, context=context, feedback=feedback), feedback.warnings


def test_water_rights_shares_given_override_the_rules_file(run_alg, rights_layers, tmp_path):
    parcels, townships = rights_layers
    result = run_alg(
        "tuoli_gw:allocate_water_rights",
        {"PARCELS": parcels, "TOWNSHIPS": townships, "DOMESTIC_SHARE": 0.2, "ECOLOGICAL_SHARE": 0,
         "OUTPUT": str(tmp_path / "rights.gpkg"), "OUTPUT_TOWNSHIPS": str(tmp_path / "rights_townships.gpkg")},
    )
    # A: 20 % of 100 000 m³ for domestic water, none for ecological: 80 000 for farming against a demand of
    # 100 mu × 420 + 200 mu × 380 = 118 000 m³. B (500 000 m³) covers its 50 mu × 450 = 22 500 m³ whole.
    factor = 80_000 / 118_000
    towns = _features(result["OUTPUT_TOWNSHIPS"])
    assert towns["A"]["reserved_m3"] == pytest.approx(20_000) and towns["A"]["agricultural_m3"] == pytest.approx(80_000)
    assert towns["A"]["scale_factor"] == pytest.approx(factor) and towns["B"]["reserved_m3"] == pytest.approx(100_000)
    rows = _features(result["OUTPUT"])
    assert rows["C-A1"]["right_m3"] == pytest.approx(42_000 * factor) and rows["C-B1"]["right_m3"] == pytest.approx(22_500)


def test_water_rights_on_remaining_m3_warns_of_setting_aside_twice(tmp_path, qgis_app):
    parcel_fields = [("contract_no", "string"), ("household", "string"), ("area_mu", "double"), ("crop", "string"),
                     ("township", "string")]
    parcels = _write_layer(tmp_path / "farm.gpkg", "parcels", "Polygon", parcel_fields, PARCEL_ROWS)
    townships = _write_layer(
        tmp_path / "farm.gpkg", "townships", "Polygon", [("name_zh", "string"), ("remaining_m3", "double")],
        [("POLYGON ((-5 -5, 100 -5, 100 50, -5 50, -5 -5))", "A", 100_000.0),
         ("POLYGON ((100 -5, 200 -5, 200 50, 100 50, 100 -5))", "B", 500_000.0)],
    )
    base = {"PARCELS": parcels, "TOWNSHIPS": townships, "RED_LINE_FIELD": "remaining_m3"}

    result, warnings = _run_logged(
        "tuoli_gw:allocate_water_rights",
        {**base, "OUTPUT": str(tmp_path / "r1.gpkg"), "OUTPUT_TOWNSHIPS": str(tmp_path / "t1.gpkg")},
    )
    assert any("remaining_m3" in w and "set aside twice" in w for w in warnings)
    assert _features(result["OUTPUT_TOWNSHIPS"])["A"]["agricultural_m3"] == pytest.approx(85_000)  # rules file: 5 % + 10 %

    result, warnings = _run_logged(
        "tuoli_gw:allocate_water_rights",
        {**base, "DOMESTIC_SHARE": 0, "ECOLOGICAL_SHARE": 0,
         "OUTPUT": str(tmp_path / "r2.gpkg"), "OUTPUT_TOWNSHIPS": str(tmp_path / "t2.gpkg")},
    )
    assert not any("set aside twice" in w for w in warnings)
    towns = _features(result["OUTPUT_TOWNSHIPS"])
    assert towns["A"]["reserved_m3"] == pytest.approx(0) and towns["A"]["allocated_m3"] == pytest.approx(100_000)


def test_water_rights_unknown_crop_is_a_clear_error(run_alg, tmp_path, qgis_app):
    from qgis.core import QgsProcessingException

    parcels = _write_layer(
        tmp_path / "bad.gpkg",
        "parcels",
        "Polygon",
        [("contract_no", "string"), ("area_mu", "double"), ("crop", "string"), ("township", "string")],
        [("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))", "C-9", 10.0, "rice", "A")],
    )
    with pytest.raises(QgsProcessingException) as error:
        run_alg(
            "tuoli_gw:allocate_water_rights",
            {"PARCELS": parcels, "OUTPUT": str(tmp_path / "r.gpkg"), "OUTPUT_TOWNSHIPS": str(tmp_path / "t.gpkg")},
        )
    text = str(error.value)
    assert "field 'crop'" in text and "C-9" in text and "'rice'" in text and "cotton" in text


def _qgis_process_run(algorithm_id: str, parameters: dict) -> dict:
    """qgis_process run --json; the results must be complete even if the process then crashes."""
    import json

    args = ["run", algorithm_id, "--json", *(f"--{key}={value}" for key, value in parameters.items())]
    completed = run_qgis_process(*args, check=False)
    start = completed.stdout.find("{")
    assert start >= 0, completed.stdout + completed.stderr
    answer = json.loads(completed.stdout[start:])
    answer["_returncode"] = completed.returncode
    return answer


def _exit_code_ok(answer: dict) -> None:
    assert answer["_returncode"] == 0


@pytest.mark.cli
def test_surcharge_qgis_process_json(accounts, tmp_path):
    answer = _qgis_process_run(
        "tuoli_gw:progressive_surcharge",
        {"INPUT": accounts, "BASE_RATE": 1, "MODE": 1, "ID_FIELD": "account", "OUTPUT": tmp_path / "cli.gpkg"},
    )
    results = answer["results"]
    assert results["CHARGED_COUNT"] == 4 and results["NOT_CHARGED_COUNT"] == 3
    assert results["TOTAL_FEE_YUAN"] == pytest.approx(140 + 250 + 355 + 1400)
    rows = _features(results["OUTPUT"])
    assert rows["W-151"]["fee_yuan"] == pytest.approx(355) and rows["W-ZERO"]["fee_yuan"] is None
    _exit_code_ok(answer)


@pytest.mark.cli
def test_water_rights_qgis_process_json(rights_layers, tmp_path):
    parcels, townships = rights_layers
    answer = _qgis_process_run(
        "tuoli_gw:allocate_water_rights",
        {
            "PARCELS": parcels,
            "TOWNSHIPS": townships,
            "OUTPUT": tmp_path / "cli_rights.gpkg",
            "OUTPUT_TOWNSHIPS": tmp_path / "cli_towns.gpkg",
        },
    )
    results = answer["results"]
    assert results["TOTAL_RIGHT_M3"] == pytest.approx(85_000 + 22_500)  # 15 % of A's red line set aside (item 7)
    towns = _features(results["OUTPUT_TOWNSHIPS"])
    assert towns["A"]["scale_factor"] == pytest.approx(85_000 / 118_000)
    _exit_code_ok(answer)


def test_sample_layers_smoke(run_alg, tmp_path):
    """The demo inputs: wells (permit as plan, meter as use) and the farmland parcels."""
    from conftest import SAMPLE_GPKG

    if not SAMPLE_GPKG.exists():
        pytest.skip("sample layers not generated")
    fees = run_alg(
        "tuoli_gw:progressive_surcharge",
        {
            "INPUT": f"{SAMPLE_GPKG}|layername=wells",
            "PLAN_FIELD": "permit_m3",
            "ACTUAL_FIELD": "metered_m3",
            "BASE_RATE": 0.5,
            "ID_FIELD": "well_id",
            "OUTPUT": str(tmp_path / "wells_fees.gpkg"),
        },
    )
    from qgis.core import QgsVectorLayer

    wells = QgsVectorLayer(f"{SAMPLE_GPKG}|layername=wells", "wells", "ogr")
    assert fees["CHARGED_COUNT"] + fees["NOT_CHARGED_COUNT"] == wells.featureCount()
    assert fees["NOT_CHARGED_COUNT"] > 0 and fees["TOTAL_SURCHARGE_YUAN"] > 0
    rights = run_alg(
        "tuoli_gw:allocate_water_rights",
        {
            "PARCELS": f"{SAMPLE_GPKG}|layername=farmland_parcels",
            "TOWNSHIPS": f"{SAMPLE_GPKG}|layername=townships",
            "RED_LINE_FIELD": "remaining_m3",
            "OUTPUT": str(tmp_path / "rights.gpkg"),
            "OUTPUT_TOWNSHIPS": str(tmp_path / "rights_townships.gpkg"),
        },
    )
    towns = _features(rights["OUTPUT_TOWNSHIPS"])
    for row in towns.values():  # never more than the red line's agricultural share where it was scaled
        if row["scale_factor"] is not None and row["scale_factor"] < 1:
            assert row["allocated_m3"] == pytest.approx(max(0.0, row["agricultural_m3"]))
            assert row["allocated_m3"] <= max(0.0, row["red_line_m3"])


def test_surcharge_over_quota_through_processing(run_alg, tmp_path, qgis_app):
    """Issue 12, point 13, by hand (base rate 1): Q-OWN plan 100, own quota 90, actual 120: over quota 30 (33.3 %)
    beats over plan 20 -> 90 + 18×2 + 12×3 = 162 on the quota. Q-USE plan 200, 农灌 0.25 mu × 400 = 100 m³,
    actual 150: over quota 50 (50 %), over plan 0 -> 100 + 20×2 + 30×3 = 230. Q-PLAN own quota 110, plan 100,
    actual 120 -> over plan (20 > 10): 140."""
    fields = [("account", "string"), ("plan_m3", "double"), ("actual_m3", "double"), ("quota_m3", "double"),
              ("use", "string"), ("quota_units", "double")]
    table = _write_layer(
        tmp_path / "quota.gpkg", "quota", "None", fields,
        [(None, "Q-OWN", 100.0, 120.0, 90.0, "工业", None), (None, "Q-USE", 200.0, 150.0, None, "农灌", 0.25),
         (None, "Q-PLAN", 100.0, 120.0, 110.0, None, None)],
    )
    result = run_alg(
        "tuoli_gw:progressive_surcharge",
        {"INPUT": table, "BASE_RATE": 1.0, "USE_FIELD": "use", "OUTPUT": str(tmp_path / "q.gpkg")},
    )
    rows = _features(result["OUTPUT"])
    assert rows["Q-OWN"]["fee_yuan"] == pytest.approx(162) and rows["Q-OWN"]["charged_on"] == "quota"
    assert rows["Q-OWN"]["over_quota_m3"] == pytest.approx(30)
    assert rows["Q-USE"]["fee_yuan"] == pytest.approx(230) and rows["Q-USE"]["charged_on"] == "quota"
    assert rows["Q-USE"]["quota_m3"] == pytest.approx(100)
    assert rows["Q-PLAN"]["fee_yuan"] == pytest.approx(140) and rows["Q-PLAN"]["charged_on"] == "plan"
    # Without USE_FIELD the use's quota is not known: Q-USE is charged over plan (within plan: 150).
    plain = run_alg("tuoli_gw:progressive_surcharge", {"INPUT": table, "BASE_RATE": 1.0, "OUTPUT": str(tmp_path / "p.gpkg")})
    assert _features(plain["OUTPUT"])["Q-USE"]["fee_yuan"] == pytest.approx(150)
