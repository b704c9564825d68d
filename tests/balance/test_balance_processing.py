"""processing.run and qgis_process tests of tuoli_gw:abstraction_recharge_balance and tuoli_gw:water_level_trend.

Layers are real GeoPackage / GeoTIFF files built from tests/balance/data.py; expected numbers are the
hand sums documented there.
"""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from conftest import SAMPLE_GPKG, SAMPLES, qgis_process_json

from tests.balance import data


def features(path: str) -> list[dict]:
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(path, "out", "ogr")
    assert layer.isValid(), path
    rows = []
    for feature in layer.getFeatures():
        row = {}
        for name, value in zip(layer.fields().names(), feature.attributes()):
            row[name] = None if value is None or (hasattr(value, "isNull") and value.isNull()) else value
        rows.append(row)
    return rows


def run_collecting(algorithm: str, parameters: dict):
    """processing.run with a feedback that keeps the log lines."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    class Collecting(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.lines: list[str] = []

        def pushInfo(self, info):
            self.lines.append(info)

        def pushWarning(self, warning):
            self.lines.append(warning)

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = Collecting()
    return processing.run(algorithm, parameters, context=context, feedback=feedback), feedback.lines


@pytest.fixture()
def layers(tmp_path):
    """Units A (aligned, 3400 m³) and B (unaligned, 4000 m³), wells, raster, and a copy in lon/lat."""
    raster = data.write_raster(tmp_path / "recharge.tif")
    units = data.units_frame([data.ALIGNED_BOX, data.UNALIGNED_BOX], ["甲", "乙"])
    units.to_file(tmp_path / "units.gpkg", layer="units")
    units.to_crs("EPSG:4490").to_file(tmp_path / "units_ll.gpkg", layer="units")
    # A: 4420 m³ (k = 1.3 → general). B is the unaligned box; the two overlap, so keep B's well
    # in B only: (X0 + 60, Y0 - 340) is in B's lower-left quarter cell, not in A.
    wells = data.wells_frame(
        [(data.X0 + 150, data.Y0 - 150), (data.X0 + 290, data.Y0 - 120), (data.X0 + 60, data.Y0 - 340), (data.X0 + 390, data.Y0 - 10)],
        [4000.0, 420.0, 6000.0, 7.0],
    )
    wells.to_file(tmp_path / "wells.gpkg", layer="wells")
    return {
        "folder": tmp_path,
        "raster": str(raster),
        "units": str(tmp_path / "units.gpkg"),
        "units_ll": str(tmp_path / "units_ll.gpkg"),
        "wells": str(tmp_path / "wells.gpkg"),
    }


def test_balance_by_hand(qgis_app, layers):
    out = layers["folder"] / "balance.gpkg"
    chart = layers["folder"] / "chart.png"
    raster_out = layers["folder"] / "balance.tif"
    result, log = run_collecting(
        "tuoli_gw:abstraction_recharge_balance",
        {"WELLS": layers["wells"], "RECHARGE": layers["raster"], "UNITS": layers["units"], "OUTPUT": str(out),
         "OUTPUT_RASTER": str(raster_out), "CHART": str(chart)},
    )
    rows = {r["name_zh"]: r for r in features(result["OUTPUT"])}
    a, b = rows["甲"], rows["乙"]
    assert a["wells_n"] == 2 and a["abstraction_m3"] == pytest.approx(4420)
    assert a["recharge_m3"] == pytest.approx(3400, rel=1e-6) and a["allowable_m3"] == pytest.approx(3400, rel=1e-6)
    assert a["extraction_coef"] == pytest.approx(1.3) and a["grade"] == "general"
    assert a["reduction_m3"] == pytest.approx(1020, rel=1e-5) and a["area_km2"] == pytest.approx(0.04, rel=1e-5)
    assert b["wells_n"] == 1 and b["recharge_m3"] == pytest.approx(4000, rel=1e-6)
    assert b["extraction_coef"] == pytest.approx(1.5) and b["grade"] == "severe" and b["reduction_m3"] == pytest.approx(2000, rel=1e-5)
    assert "level_grade" not in a  # only with LEVEL_GRADES
    assert any("outside every unit" in line and "well_id=W4" in line for line in log)
    assert chart.stat().st_size > 5000 and chart.read_bytes()[:4] == b"\x89PNG"
    assert raster_out.exists() and raster_out.with_suffix(".qml").exists()
    from qgis.core import QgsVectorLayer

    styled = QgsVectorLayer(str(out), "b", "ogr")
    assert styled.renderer().type() == "categorizedSymbol" and styled.renderer().classAttribute() == "grade"


def test_units_in_lon_lat_give_the_same_volumes(qgis_app, layers):
    result, _ = run_collecting(
        "tuoli_gw:abstraction_recharge_balance",
        {"WELLS": layers["wells"], "RECHARGE": layers["raster"], "UNITS": layers["units_ll"],
         "OUTPUT": str(layers["folder"] / "ll.gpkg")},
    )
    rows = {r["name_zh"]: r for r in features(result["OUTPUT"])}
    assert rows["甲"]["recharge_m3"] == pytest.approx(data.ALIGNED_M3, rel=1e-3)
    assert rows["乙"]["recharge_m3"] == pytest.approx(data.UNALIGNED_M3, rel=1e-3)
    assert rows["甲"]["wells_n"] == 2


def test_square_grid_when_no_units(qgis_app, layers, tmp_path):
    # 200 m grid on the 400 m raster: top-left cell = cells (0,0),(0,1),(1,0),(1,1) = 10+20+50+60 = 140 mm
    # → 1400 m³; its well (X0+150, Y0-150) takes 4000 m³ → k ≈ 2.857, severe.
    out = tmp_path / "grid.gpkg"
    result, _ = run_collecting(
        "tuoli_gw:abstraction_recharge_balance",
        {"WELLS": layers["wells"], "RECHARGE": layers["raster"], "GRID_SIZE": 200, "OUTPUT": str(out)},
    )
    rows = features(result["OUTPUT"])
    assert len(rows) == 4
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(out), "g", "ogr")
    top_left = [f for f in layer.getFeatures() if f.geometry().boundingBox().xMinimum() == pytest.approx(data.X0)
                and f.geometry().boundingBox().yMaximum() == pytest.approx(data.Y0)]
    assert len(top_left) == 1
    cell = dict(zip(layer.fields().names(), top_left[0].attributes()))
    assert cell["recharge_m3"] == pytest.approx(1400, rel=1e-6) and cell["abstraction_m3"] == pytest.approx(4000)
    assert cell["grade"] == "severe"
    assert sum(r["recharge_m3"] for r in rows) == pytest.approx(float(data.VALUES.sum()) * 10, rel=1e-6)


@pytest.mark.parametrize(
    "volume, expected",
    [("lots", r"layer 'bad', field 'metered_m3'.*well_id=W2 \('lots'\)"), (-5.0, r"layer 'bad'.*negative.*well_id=W2")],
)
def test_bad_volumes_are_clear_errors(qgis_app, tmp_path, layers, volume, expected):
    from qgis.core import QgsProcessingException

    wells = data.wells_frame([(data.X0 + 150, data.Y0 - 150), (data.X0 + 160, data.Y0 - 160)], [10.0, volume])
    wells["metered_m3"] = wells["metered_m3"].astype(object if isinstance(volume, str) else float)
    wells.to_file(tmp_path / "bad.gpkg", layer="wells")
    with pytest.raises(QgsProcessingException, match=expected):
        run_collecting(
            "tuoli_gw:abstraction_recharge_balance",
            {"WELLS": str(tmp_path / "bad.gpkg"), "RECHARGE": layers["raster"], "UNITS": layers["units"], "OUTPUT": "TEMPORARY_OUTPUT"},
        )


def test_raster_that_misses_the_units_is_a_clear_error(qgis_app, tmp_path, layers):
    from qgis.core import QgsProcessingException

    far = data.units_frame([(data.X0 + 50_000, data.Y0 - 1000, data.X0 + 51_000, data.Y0)], ["远"])
    far.to_file(tmp_path / "far.gpkg", layer="units")
    with pytest.raises(QgsProcessingException, match="does not overlap any unit"):
        run_collecting(
            "tuoli_gw:abstraction_recharge_balance",
            {"WELLS": layers["wells"], "RECHARGE": layers["raster"], "UNITS": str(tmp_path / "far.gpkg"), "OUTPUT": "TEMPORARY_OUTPUT"},
        )


def test_zero_recharge_logs_the_unit_and_leaves_the_coefficient_empty(qgis_app, tmp_path, layers):
    zero = data.write_raster(tmp_path / "zero.tif", np.zeros((4, 4), dtype=np.float32))
    result, log = run_collecting(
        "tuoli_gw:abstraction_recharge_balance",
        {"WELLS": layers["wells"], "RECHARGE": str(zero), "UNITS": layers["units"], "OUTPUT": str(tmp_path / "z.gpkg")},
    )
    rows = {r["name_zh"]: r for r in features(result["OUTPUT"])}
    assert rows["甲"]["extraction_coef"] is None and rows["甲"]["grade"] is None
    assert any("甲" in line and "undefined" in line for line in log)


# -- water-level trend -----------------------------------------------------------------------------
@pytest.fixture()
def stations(tmp_path):
    """S1 declines 2.0 m/a (noisy), S2 1.5 m/a exactly, S3 rises, S4 has 2 readings, all in unit A."""
    points = {"S1": (data.X0 + 120, data.Y0 - 120), "S2": (data.X0 + 180, data.Y0 - 180),
              "S3": (data.X0 + 250, data.Y0 - 250), "S4": (data.X0 + 260, data.Y0 - 140)}
    gdf = gpd.GeoDataFrame({"station_id": list(points)}, geometry=[shapely.Point(p) for p in points.values()], crs="EPSG:4537")
    gdf.to_file(tmp_path / "stations.gpkg", layer="stations")
    rows = data.synthetic_series("S1", 2.0, noise=0.3) + data.synthetic_series("S2", 1.5) + data.synthetic_series("S3", -0.4)
    rows += [("S4", dt.date(2020, 1, 1), 10.0), ("S4", dt.date(2023, 1, 1), 19.0)]
    series = pd.DataFrame(rows, columns=["station_id", "date", "depth_to_water_m"])
    # Dates as text, the way county spreadsheets write them.
    series["date"] = [f"{d.year}年{d.month}月{d.day}日" if i % 2 else d.strftime("%Y/%m/%d") for i, d in enumerate(series["date"])]
    table = gpd.GeoDataFrame(series, geometry=[None] * len(series))
    table.drop(columns="geometry").to_csv(tmp_path / "levels.csv", index=False)
    return {"stations": str(tmp_path / "stations.gpkg"), "series": str(tmp_path / "levels.csv"), "rows": rows}


def test_trend_per_station_and_unit(qgis_app, layers, stations, tmp_path):
    out, out_units = tmp_path / "trend.gpkg", tmp_path / "trend_units.gpkg"
    result, log = run_collecting(
        "tuoli_gw:water_level_trend",
        {"STATIONS": stations["stations"], "SERIES": stations["series"], "UNITS": layers["units"],
         "OUTPUT": str(out), "OUTPUT_UNITS": str(out_units)},
    )
    rows = {r["station_id"]: r for r in features(result["OUTPUT"])}
    s1 = [(d, depth) for s, d, depth in stations["rows"] if s == "S1"]
    expected = data.median_pairwise_slope([d for d, _ in s1], [depth for _, depth in s1])
    assert rows["S1"]["decline_m_per_a"] == pytest.approx(expected, abs=1e-4)
    assert rows["S1"]["significant"] and rows["S1"]["level_grade"] == "severe" and rows["S1"]["n_obs"] == 24
    assert rows["S2"]["decline_m_per_a"] == pytest.approx(1.5, abs=1e-4) and rows["S2"]["level_grade"] == "general"
    assert rows["S3"]["decline_m_per_a"] == pytest.approx(-0.4, abs=1e-4) and rows["S3"]["level_grade"] == "none"
    assert rows["S4"]["decline_m_per_a"] is None and rows["S4"]["level_grade"] == "undetermined" and rows["S4"]["n_obs"] == 2
    assert any("too few observations" in line and "S4" in line for line in log)
    assert str(rows["S1"]["first_date"].toPyDate()) == "2018-01-15"
    units = {r["name_zh"]: r for r in features(result["OUTPUT_UNITS"])}
    # Unit 甲 (aligned box X0+100..300) holds S1 (2.0), S2 (1.5), S3 (−0.4): median 1.5; 2 of 3 significant declines.
    assert units["甲"]["stations_n"] == 3 and units["甲"]["decline_m_per_a"] == pytest.approx(1.5, abs=1e-4)
    assert units["甲"]["level_grade"] == "general"

    # Feed the per-unit grades to the balance: 甲 k = 1.3 general, level general → both.
    balance, _ = run_collecting(
        "tuoli_gw:abstraction_recharge_balance",
        {"WELLS": layers["wells"], "RECHARGE": layers["raster"], "UNITS": layers["units"],
         "LEVEL_GRADES": str(out_units), "OUTPUT": str(tmp_path / "bl.gpkg")},
    )
    rows = {r["name_zh"]: r for r in features(balance["OUTPUT"])}
    assert (rows["甲"]["grade"], rows["甲"]["level_grade"], rows["甲"]["final_grade"], rows["甲"]["grade_criterion"]) == (
        "general", "general", "general", "both")
    assert rows["乙"]["final_grade"] == "severe"


def test_trend_bad_date_is_a_clear_error(qgis_app, stations, tmp_path):
    from qgis.core import QgsProcessingException

    bad = tmp_path / "bad_levels.csv"
    bad.write_text("station_id,date,depth_to_water_m\nS1,2020-01-01,10\nS1,last spring,11\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match=r"bad_levels.*station_id=S1.*last spring.*'date'|'date'.*last spring"):
        run_collecting("tuoli_gw:water_level_trend", {"STATIONS": stations["stations"], "SERIES": str(bad), "OUTPUT": "TEMPORARY_OUTPUT"})


# -- qgis_process --------------------------------------------------------------------------------
@pytest.mark.cli
def test_qgis_process_balance(qgis_app, layers):
    out = layers["folder"] / "cli_balance.gpkg"
    answer = qgis_process_json(
        "tuoli_gw:abstraction_recharge_balance",
        {"WELLS": layers["wells"], "RECHARGE": layers["raster"], "UNITS": layers["units_ll"], "OUTPUT": out,
         "OUTPUT_RASTER": layers["folder"] / "cli.tif"},
    )
    assert answer["results"]["OUTPUT"] == str(out)
    rows = {r["name_zh"]: r for r in features(str(out))}
    assert rows["甲"]["recharge_m3"] == pytest.approx(data.ALIGNED_M3, rel=1e-3)
    assert rows["乙"]["recharge_m3"] == pytest.approx(data.UNALIGNED_M3, rel=1e-3)
    assert rows["乙"]["grade"] == "severe"
    assert any("outside every unit" in w for w in answer["log"]["warning"])


@pytest.mark.cli
def test_qgis_process_trend(qgis_app, stations, tmp_path):
    out = tmp_path / "cli_trend.gpkg"
    answer = qgis_process_json(
        "tuoli_gw:water_level_trend", {"STATIONS": stations["stations"], "SERIES": stations["series"], "OUTPUT": out}
    )
    assert answer["results"]["OUTPUT"] == str(out)
    rows = {r["station_id"]: r for r in features(str(out))}
    assert rows["S2"]["decline_m_per_a"] == pytest.approx(1.5, abs=1e-4) and rows["S2"]["level_grade"] == "general"


# -- sample layers ---------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.skipif(not SAMPLE_GPKG.exists(), reason="sample layers not generated")
def test_sample_layers_akbiri_and_dulate_are_severe(qgis_app, tmp_path):
    layer = f"{SAMPLE_GPKG}|layername="
    trend, _ = run_collecting(
        "tuoli_gw:water_level_trend",
        {"STATIONS": layer + "monitoring_stations", "SERIES": layer + "water_levels", "UNITS": layer + "townships",
         "OUTPUT": str(tmp_path / "s.gpkg"), "OUTPUT_UNITS": str(tmp_path / "u.gpkg")},
    )
    result, _ = run_collecting(
        "tuoli_gw:abstraction_recharge_balance",
        {"WELLS": layer + "wells", "RECHARGE": str(SAMPLES / "recharge_mm.tif"), "UNITS": layer + "townships",
         "LEVEL_GRADES": trend["OUTPUT_UNITS"], "OUTPUT": str(tmp_path / "b.gpkg"), "CHART": str(tmp_path / "c.png")},
    )
    rows = {r["name_zh"]: r for r in features(result["OUTPUT"])}
    for name in ("阿克别里斗乡", "多拉特乡"):
        assert rows[name]["grade"] == "severe" and rows[name]["final_grade"] == "severe"
        assert rows[name]["reduction_m3"] > 0


# -- issue 12, points 3 and 15 through the doors -----------------------------------------------------
def test_trend_short_records_are_undetermined_with_their_reason(qgis_app, stations, tmp_path):
    # Unit 丙 is a small box around S4 alone (2 readings, 2020 and 2023): undetermined, never none.
    only_s4 = data.units_frame([(data.X0 + 255, data.Y0 - 145, data.X0 + 265, data.Y0 - 135)], ["丙"])
    only_s4.to_file(tmp_path / "s4_unit.gpkg", layer="units")
    result, log = run_collecting(
        "tuoli_gw:water_level_trend",
        {"STATIONS": stations["stations"], "SERIES": stations["series"], "UNITS": str(tmp_path / "s4_unit.gpkg"),
         "OUTPUT": str(tmp_path / "trend.gpkg"), "OUTPUT_UNITS": str(tmp_path / "trend_units.gpkg")},
    )
    rows = {r["station_id"]: r for r in features(result["OUTPUT"])}
    assert rows["S4"]["level_grade"] == "undetermined" and rows["S4"]["undetermined_reason"].startswith("too_few_observations")
    assert rows["S1"]["undetermined_reason"] is None
    # S1 severe, S2 general, S3 none: 3 of the 4 stations have a trend (S4's "undetermined" is none of them).
    assert "3 of 4 stations have a trend: 1 severe, 1 general." in log
    (unit,) = features(result["OUTPUT_UNITS"])
    assert (unit["stations_n"], unit["decline_m_per_a"], unit["level_grade"]) == (0, None, "undetermined")
    assert unit["undetermined_reason"].startswith("all_stations_undetermined")


def test_balance_induced_problems_make_a_unit_severe_with_a_cut(qgis_app, layers, tmp_path):
    # A subsidence point in 甲 only (甲 is x 100–300, y −300…−100; 乙 x 50–250, y −350…−150 from X0, Y0).
    problems = gpd.GeoDataFrame(
        {"problem": ["地面沉降"]}, geometry=[shapely.Point(data.X0 + 280, data.Y0 - 120)], crs="EPSG:4537"
    )
    problems.to_file(tmp_path / "problems.gpkg", layer="problems")
    out = tmp_path / "induced.gpkg"
    result, log = run_collecting(
        "tuoli_gw:abstraction_recharge_balance",
        {"WELLS": layers["wells"], "RECHARGE": layers["raster"], "UNITS": layers["units"],
         "INDUCED_PROBLEMS": str(tmp_path / "problems.gpkg"), "OUTPUT": str(out)},
    )
    rows = {r["name_zh"]: r for r in features(result["OUTPUT"])}
    a, b = rows["甲"], rows["乙"]
    # 甲: k = 4420 / 3400 = 1.3 general; the point makes it severe; its cut is max(1020, 0.2308 × 4420 = 1020.136).
    assert (a["grade"], a["induced_problems_n"], a["final_grade"], a["grade_criterion"]) == (
        "general", 1, "severe", "induced_problems")
    assert a["reduction_m3"] == pytest.approx(1020.136, abs=1e-3)
    # 乙: k = 1.5 severe by itself, no problem, cut 6000 − 4000.
    assert (b["grade"], b["induced_problems_n"], b["final_grade"], b["grade_criterion"]) == ("severe", 0, "severe", "extraction_coef")
    assert b["reduction_m3"] == pytest.approx(2000, rel=1e-5)
    assert "level_grade" not in a  # only with LEVEL_GRADES
    assert any("甲" in line and "induced problem" in line for line in log)
    from qgis.core import QgsVectorLayer

    styled = QgsVectorLayer(str(out), "b", "ogr")
    assert styled.renderer().classAttribute() == "final_grade"


def test_wells_read_in_bulk_and_feature_by_feature_give_the_same_balance(qgis_app, layers, tmp_path):
    # A whole GeoPackage layer is read with pyogrio (bulk_io); a feature limit sends the same wells
    # through QGIS feature by feature. Both runs must write the same table and say the same things.
    from qgis.core import QgsProcessingFeatureSourceDefinition

    common = {"RECHARGE": layers["raster"], "UNITS": layers["units"]}
    bulk, bulk_log = run_collecting(
        "tuoli_gw:abstraction_recharge_balance", {**common, "WELLS": layers["wells"], "OUTPUT": str(tmp_path / "bulk.gpkg")}
    )
    one_by_one = QgsProcessingFeatureSourceDefinition(layers["wells"], selectedFeaturesOnly=False, featureLimit=1_000_000)
    by_feature, feature_log = run_collecting(
        "tuoli_gw:abstraction_recharge_balance", {**common, "WELLS": one_by_one, "OUTPUT": str(tmp_path / "features.gpkg")}
    )
    assert features(bulk["OUTPUT"]) == features(by_feature["OUTPUT"])
    said = [[line for line in log if "well" in line and not line.startswith("Results")] for log in (bulk_log, feature_log)]
    assert said[0] == said[1]
    assert any("outside every unit" in line and "well_id=W4" in line for line in bulk_log)


def test_notes_said_once_per_grid_cell_are_summarised(qgis_app, tmp_path):
    # Without UNITS the sample county is a grid of some 900 cells; a note per cell made some 860 log lines.
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    from tests.conftest import SAMPLE_GPKG, SAMPLES

    class Recorder(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.lines: list[str] = []

        def pushInfo(self, info):
            self.lines.append(info)

        def pushWarning(self, warning):
            self.lines.append(warning)

    feedback, context = Recorder(), QgsProcessingContext()
    context.setProject(QgsProject.instance())
    processing.run(
        "tuoli_gw:abstraction_recharge_balance",
        {"WELLS": f"{SAMPLE_GPKG}|layername=wells", "VOLUME_FIELD": "metered_m3", "RECHARGE": str(SAMPLES / "recharge_mm.tif"),
         "OUTPUT": str(tmp_path / "grid.gpkg")},
        context=context, feedback=feedback,
    )
    summaries = [line for line in feedback.lines if "more line(s) like" in line]
    assert len(feedback.lines) < 60, len(feedback.lines)
    assert summaries and all("in all" in line for line in summaries)
