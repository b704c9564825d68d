"""tuoli_gw:reduction_plan through processing.run and qgis_process on the hand-built world (world.py), written to
GeoPackages: the wells with their measure, the townships with their outcome, the table by year, the chart, the numeric
outputs, bad input, inputs untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path

import geopandas as gpd
import pytest
from qgis.core import QgsProcessingException

from tests.conftest import qgis_process_json
from tests.reduction import world

pytestmark = pytest.mark.qgis
ALG = "tuoli_gw:reduction_plan"


@pytest.fixture()
def gpkg(tmp_path: Path) -> str:
    return world.write_gpkg(tmp_path / "inputs.gpkg", **world.all_layers())


def _parameters(gpkg: str, tmp_path: Path, **overrides) -> dict:
    layer = f"{gpkg}|layername="
    parameters = {
        "WELLS": layer + "wells",
        "TOWNSHIPS": layer + "townships",
        "SUPPLY_PIPES": layer + "pipes",
        "COVERAGE_DISTANCE": 500,
        "SUPPLY_AREAS": layer + "supply_areas",
        "FIRST_YEAR": world.FIRST_YEAR,
        "TARGET_YEAR": world.TARGET_YEAR,
        "LANGUAGE": 1,
        "OUTPUT": str(tmp_path / "plan_wells.gpkg"),
        "OUTPUT_TOWNSHIPS": str(tmp_path / "plan_townships.gpkg"),
        "OUTPUT_YEARS": str(tmp_path / "plan_years.gpkg"),
        "CHART": str(tmp_path / "plan.png"),
    }
    parameters.update(overrides)
    return parameters


def test_the_three_townships_through_the_door(run_alg, gpkg, tmp_path):
    before = hashlib.sha256(Path(gpkg).read_bytes()).hexdigest()
    result = run_alg(ALG, _parameters(gpkg, tmp_path))
    # 500 (甲乡) + 400 (乙乡) + 765 (丙乡); shortfall 135 in 丙乡 (world.py)
    assert result["TOTAL_CUT_M3"] == pytest.approx(1665.0)
    assert result["SHORTFALL_M3"] == pytest.approx(135.0)
    assert result["UNITS_NOT_REACHABLE"] == 1
    wells = gpd.read_file(result["OUTPUT"], layer="plan_wells").set_index("well_id")
    assert len(wells) == len(world.WELLS)  # every well once, attributes kept
    assert wells.loc["S1", "measure"] == "switch_self_supplied" and wells.loc["S1", "clause"] == "item 13"
    assert (wells.loc["U1", "measure"], wells.loc["U1", "cut_m3"], wells.loc["U1", "year"]) == ("stop_unpermitted", 100.0, 2026)
    assert wells.loc["P1", "cut_m3"] == pytest.approx(220.0) and wells.loc["I2", "cut_m3"] == pytest.approx(80.0)
    assert wells.loc["I3", "year"] == 2027 and wells.loc["OUT1", "measure"] == "outside"
    assert wells.loc["ST1", "permit_no"] == "P-004"  # the input's own fields are kept
    towns = gpd.read_file(result["OUTPUT_TOWNSHIPS"], layer="plan_townships").set_index("name_zh")
    assert list(towns["status"]) == ["reached", "reached", "not_reachable"]
    assert towns.loc["甲乡", "balance_year"] == 2026 and towns.loc["甲乡", "cut_switch_m3"] == 500.0
    assert towns.loc["丙乡", "shortfall_m3"] == pytest.approx(135.0)
    assert towns.loc["丙乡", "status_text"] == "not reachable by measures alone: 135 m³ short in 2027"
    years = gpd.read_file(result["OUTPUT_YEARS"])
    assert len(years) == 3 * 3 and set(years["year"]) == {2025, 2026, 2027}
    bing = years[years["township"] == "丙乡"].sort_values("year")
    assert list(bing["abstraction_m3"]) == pytest.approx([1500.0, 1050.0, 735.0])
    assert Path(result["CHART"]).read_bytes().startswith(b"\x89PNG")
    assert hashlib.sha256(Path(gpkg).read_bytes()).hexdigest() == before  # inputs untouched


def test_over_quota_rule_and_chinese_texts(run_alg, gpkg, tmp_path):
    result = run_alg(ALG, _parameters(gpkg, tmp_path, SHARE_RULE=1, LANGUAGE=0))
    towns = gpd.read_file(result["OUTPUT_TOWNSHIPS"], layer="plan_townships").set_index("name_zh")
    assert towns.loc["乙乡", "balance_year"] == 2027  # only P1 was over plan (test_reduction_engine)
    assert towns.loc["丙乡", "shortfall_m3"] == pytest.approx(900.0)
    wells = gpd.read_file(result["OUTPUT"], layer="plan_wells").set_index("well_id")
    assert wells.loc["U1", "clause"] == "第18条"


def test_missing_allowable_field_is_a_clear_message(run_alg, tmp_path):
    townships = world.townships().drop(columns=["allowable_m3"])
    gpkg = world.write_gpkg(tmp_path / "no_allowable.gpkg", **{**world.all_layers(), "townships": townships})
    with pytest.raises(QgsProcessingException, match="townships.*allowable_m3"):
        run_alg(ALG, _parameters(gpkg, tmp_path))
    assert not (tmp_path / "plan_wells.gpkg").exists()


def test_the_township_boundaries_instead_of_the_balance_say_which_layer_is_expected(run_alg, tmp_path):
    # The sample's mistake: the township boundaries (red line, no allowable volume) given as TOWNSHIPS.
    townships = world.townships().drop(columns=["allowable_m3"]).assign(red_line_m3=5000.0, used_m3=4000.0)
    gpkg = world.write_gpkg(tmp_path / "boundaries.gpkg", **{**world.all_layers(), "townships": townships})
    with pytest.raises(QgsProcessingException) as raised:
        run_alg(ALG, _parameters(gpkg, tmp_path))
    message = str(raised.value)
    assert "ALLOWABLE_FIELD" in message and "'allowable_m3'" in message and "red_line_m3" in message  # key, field, its fields
    assert "abstraction_recharge_balance" in message and "OUTPUT" in message  # the layer that carries it
    assert not (tmp_path / "plan_wells.gpkg").exists()


@pytest.mark.parametrize("field", ["red_line_m3", "remaining_m3"])
def test_a_red_line_is_refused_as_the_allowable_volume(run_alg, tmp_path, field):
    # Following "choose the right field" with the red line ran cleanly to "0 townships must cut": a wrong plan.
    townships = world.townships().assign(red_line_m3=1e9, remaining_m3=1e8)
    gpkg = world.write_gpkg(tmp_path / "red_line.gpkg", **{**world.all_layers(), "townships": townships})
    with pytest.raises(QgsProcessingException, match=f"ALLOWABLE_FIELD = '{field}'.*用水总量控制红线"):
        run_alg(ALG, _parameters(gpkg, tmp_path, ALLOWABLE_FIELD=field))
    assert not (tmp_path / "plan_wells.gpkg").exists()


def test_text_volume_names_the_well(run_alg, tmp_path):
    wells = world.wells().astype({"metered_m3": object})
    wells.loc[4, "metered_m3"] = "a lot"
    gpkg = world.write_gpkg(tmp_path / "text.gpkg", **{**world.all_layers(), "wells": wells})
    with pytest.raises(QgsProcessingException, match="layer 'wells'.*field 'metered_m3'.*U1"):
        run_alg(ALG, _parameters(gpkg, tmp_path, VOLUME_FIELD="metered_m3"))


def test_target_before_first_year_is_refused(run_alg, gpkg, tmp_path):
    with pytest.raises(QgsProcessingException, match="TARGET_YEAR \\(2025\\) must not be before FIRST_YEAR \\(2026\\)"):
        run_alg(ALG, _parameters(gpkg, tmp_path, TARGET_YEAR=2025))


def test_no_supply_layer_is_refused(run_alg, gpkg, tmp_path):
    with pytest.raises(QgsProcessingException, match="SUPPLY_PIPES"):
        run_alg(ALG, _parameters(gpkg, tmp_path, SUPPLY_PIPES=None, SUPPLY_AREAS=None))


@pytest.mark.cli
def test_qgis_process_writes_the_plan(gpkg, tmp_path):
    parameters = _parameters(gpkg, tmp_path)
    answer = qgis_process_json(ALG, parameters)
    assert answer["results"]["UNITS_NOT_REACHABLE"] == 1
    assert answer["results"]["SHORTFALL_M3"] == pytest.approx(135.0)
    towns = gpd.read_file(parameters["OUTPUT_TOWNSHIPS"], layer="plan_townships").set_index("name_zh")
    assert towns.loc["甲乡", "status"] == "reached"
    assert Path(parameters["CHART"]).is_file()


def test_without_permit_and_plan_fields_those_measures_are_not_taken_and_the_log_says_so(qgis_app, tmp_path):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    wells = world.wells().drop(columns=["permit_no", "permit_m3"])
    gpkg = world.write_gpkg(tmp_path / "bare.gpkg", **{**world.all_layers(), "wells": wells})

    class Log(QgsProcessingFeedback):
        lines: list[str] = []

        def pushWarning(self, text):  # noqa: N802
            self.lines.append(text)
            super().pushWarning(text)

    feedback = Log()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    result = processing.run(ALG, _parameters(gpkg, tmp_path), context=context, feedback=feedback)
    log = "\n".join(feedback.lines)
    assert "no field 'permit_no'" in log and "stop_unpermitted (item 18) is not taken" in log
    assert "no field 'permit_m3'" in log and "back_to_plan (items 10, 13) is not taken" in log
    plan = gpd.read_file(result["OUTPUT"], layer="plan_wells").set_index("well_id")
    # 乙乡 without stop and back-to-plan: the whole 400 is shared by use over U1 100, P1 700, I2 400. 2026: the caps
    # (30, 210, 120 = 360) all bind; 2027: the last 40 by use 70 : 490 : 280 → 3.33, 23.33, 13.33. In all 1/3 of each use.
    assert plan.loc["P1", "measure"] == "share" and plan.loc["P1", "year"] == 2027
    assert plan.loc["P1", "cut_m3"] == pytest.approx(700 / 3, abs=1e-3)
    assert plan.loc["U1", "cut_m3"] == pytest.approx(100 / 3, abs=1e-3) and plan.loc["I2", "cut_m3"] == pytest.approx(400 / 3, abs=1e-3)


def test_duplicate_township_names_are_refused_naming_them(run_alg, tmp_path):
    townships = world.townships()
    townships.loc[2, "name_zh"] = "乙乡"
    gpkg = world.write_gpkg(tmp_path / "dup.gpkg", **{**world.all_layers(), "townships": townships})
    with pytest.raises(QgsProcessingException, match="layer 'townships'.*township name '乙乡' is used by several features"):
        run_alg(ALG, _parameters(gpkg, tmp_path))
