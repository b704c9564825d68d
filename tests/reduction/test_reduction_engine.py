"""The reduction-plan engine on the hand-built world (world.py): the three townships of the issue's 'Done when', the
over-quota share rule, a balance reached in a later year, the yearly water-filling, and bad input. Every expected
number is worked out by hand in world.py or in the comments here."""

from __future__ import annotations

import pytest

from tests.reduction import world
from tuoli_gw_plugin.engine.core.errors import EngineInputError
from tuoli_gw_plugin.engine.core.rules import load_rules
from tuoli_gw_plugin.engine.reduction.plan import PlanSettings, _share_cuts, plan_reduction, plan_table, township_allowables
from tuoli_gw_plugin.engine.screening.well_sites import prepare_screening


def _prepared(townships=None):
    return prepare_screening(
        None,
        pipes=world.pipes(),
        supply_areas=world.supply_areas(),
        coverage_distance_m=500.0,
        townships=world.townships() if townships is None else townships,
        township_name_field="name_zh",
        remaining_field=None,
        rules=load_rules(),
        layer_names={"pipes": "pipes", "supply_areas": "supply_areas", "townships": "townships", "wells": "wells"},
    )


def _plan(share_rule="use", allowable=None, first=world.FIRST_YEAR, target=world.TARGET_YEAR, wells=None, language="en"):
    rules = load_rules()
    frame = world.wells() if wells is None else wells
    table, notes = plan_table(_prepared(), frame, rules, volume_field="metered_m3", language=language)
    names, allowables = township_allowables(world.townships(), "name_zh", "allowable_m3", layer="townships")
    allowables.update(allowable or {})
    settings = PlanSettings.from_rules(rules, first, target, share_rule, language)
    plan = plan_reduction(table, allowables, settings, township_order=names)
    plan.wells.index = frame["well_id"]
    return plan, notes


def _township(plan, name):
    return plan.townships.iloc[plan.township_names.index(name)]


def test_a_cut_exactly_covered_by_switching_self_supplied_wells():
    plan, _ = _plan()
    wells = plan.wells
    assert (wells.loc["S1", "measure"], wells.loc["S1", "cut_m3"], wells.loc["S1", "year"]) == ("switch_self_supplied", 300.0, 2026)
    assert (wells.loc["S2", "measure"], wells.loc["S2", "cut_m3"]) == ("switch_self_supplied", 200.0)
    assert wells.loc["S1", "clause"] == "item 13"
    assert (wells.loc["I1", "measure"], wells.loc["I1", "cut_m3"]) == ("none", 0.0)
    assert wells.loc["ST1", "measure"] == "inactive" and wells.loc["ST1", "cut_m3"] == 0.0
    town = _township(plan, "甲乡")
    assert (town.abstraction_m3, town.cut_needed_m3, town.cut_switch_m3, town.cut_share_m3) == (1500.0, 500.0, 500.0, 0.0)
    assert (town.status, town.balance_year, town.final_m3, town.shortfall_m3) == ("reached", 2026, 1000.0, 0.0)


def test_stop_back_to_plan_then_the_share_by_use():
    plan, _ = _plan()
    wells = plan.wells
    assert (wells.loc["U1", "measure"], wells.loc["U1", "cut_m3"], wells.loc["U1", "clause"]) == ("stop_unpermitted", 100.0, "item 18")
    # P1: 700 → 600 (back to plan, 100), then 120 of the shared 200 (600 / (600 + 400)).
    assert wells.loc["P1", "measure"] == "back_to_plan+share"
    assert wells.loc["P1", "cut_m3"] == pytest.approx(220.0)
    assert wells.loc["P1", "clause"] == "items 10, 13; item 7 (section 二(一)); section 二(三)"
    assert (wells.loc["I2", "measure"], wells.loc["I2", "cut_m3"]) == ("share", pytest.approx(80.0))
    assert (wells.loc["G1", "measure"], wells.loc["G1", "cut_m3"]) == ("none", 0.0)  # public supply takes no share
    town = _township(plan, "乙乡")
    assert (town.cut_stop_m3, town.cut_plan_m3) == (100.0, 100.0)
    assert town.cut_share_m3 == pytest.approx(200.0)
    assert (town.status, town.balance_year) == ("reached", 2026)
    assert town.final_m3 == pytest.approx(850.0)


def test_a_township_that_cannot_reach_balance_and_its_shortfall():
    plan, _ = _plan()
    wells = plan.wells
    # 2026: 30 % of 1 000 and 500; 2027: 30 % of 700 and 350.
    assert wells.loc["I3", "cut_m3"] == pytest.approx(300.0 + 210.0)
    assert wells.loc["I4", "cut_m3"] == pytest.approx(150.0 + 105.0)
    assert wells.loc["I3", "year"] == 2027
    town = _township(plan, "丙乡")
    assert town.status == "not_reachable" and town.balance_year is None
    assert town.final_m3 == pytest.approx(1500 * 0.7**2)  # 735
    assert town.shortfall_m3 == pytest.approx(135.0)
    assert town.status_text == "not reachable by measures alone: 135 m³ short in 2027"
    years = plan.years[plan.years.township == "丙乡"].set_index("year")
    assert list(years.index) == [2025, 2026, 2027]
    assert list(years.abstraction_m3) == pytest.approx([1500.0, 1050.0, 735.0])
    assert list(years.cut_m3) == pytest.approx([0.0, 450.0, 315.0])
    assert not years.balanced.any()
    assert plan.shortfall_m3 == pytest.approx(135.0) and plan.units_not_reachable == 1
    # 500 + 400 (乙乡: 100 + 100 + 200) + 765
    assert plan.total_cut_m3 == pytest.approx(500.0 + 400.0 + 765.0)


def test_balance_reached_in_a_later_year():
    # 丙乡 with 800 allowable: 2026 cuts 450 (→ 1 050), 2027 the last 250 by use of 700 : 350 → 166.67 / 83.33.
    plan, _ = _plan(allowable={"丙乡": 800.0})
    town = _township(plan, "丙乡")
    assert (town.status, town.balance_year, town.shortfall_m3) == ("reached", 2027, 0.0)
    assert plan.wells.loc["I3", "cut_m3"] == pytest.approx(300.0 + 250.0 * 2 / 3)
    assert plan.wells.loc["I4", "cut_m3"] == pytest.approx(150.0 + 250.0 / 3)


def test_the_over_quota_share_falls_on_the_well_that_was_over_its_plan():
    # 乙乡: after stop and back-to-plan 200 remain; only P1 was over plan (by 100): 2026 its cap 0.3 × 600 = 180,
    # 2027 the last 20. I2 (within plan) takes nothing.
    plan, notes = _plan(share_rule="over_quota")
    wells = plan.wells
    assert wells.loc["P1", "cut_m3"] == pytest.approx(100.0 + 200.0) and wells.loc["P1", "year"] == 2027
    assert wells.loc["I2", "measure"] == "none"
    town = _township(plan, "乙乡")
    assert (town.status, town.balance_year) == ("reached", 2027)
    # 丙乡: neither well was over its plan: nothing is shared, the whole 900 is the shortfall, and the log says why.
    town = _township(plan, "丙乡")
    assert town.status == "not_reachable" and town.shortfall_m3 == pytest.approx(900.0)
    assert any("丙乡" in w and "over plan" in w for w in plan.warnings)


def test_one_year_plan_and_the_log():
    plan, notes = _plan(first=2026, target=2026)
    assert _township(plan, "丙乡").shortfall_m3 == pytest.approx(1500 - 450 - 600)
    joined = " ".join(notes)
    assert "1 stopped, deregistered or sealed well(s) (50 m³ in the data) are not counted" in joined
    assert "1 well(s) lie in no township" in joined and "OUT1" in joined
    assert plan.wells.loc["OUT1", "measure"] == "outside"


def test_chinese_texts():
    plan, _ = _plan(language="zh")
    assert plan.wells.loc["U1", "clause"] == "第18条"
    assert _township(plan, "丙乡").status_text == "仅靠上述措施无法达到：2027 年仍差 135 m³"


def test_water_filling_gives_what_a_capped_well_cannot_take_to_the_others():
    import numpy as np

    # 100 by weights 1:1:2 with caps 10, 50, 50: the first is capped at 10, 90 left over 1:2 → 30, 60 → 60 > 50 capped,
    # the last 40 to the second.
    cuts = _share_cuts(100.0, np.array([10.0, 50.0, 50.0]), np.array([1.0, 1.0, 2.0]))
    assert list(cuts) == pytest.approx([10.0, 40.0, 50.0])


def test_bad_input_messages():
    rules = load_rules()
    with pytest.raises(EngineInputError, match="TARGET_YEAR \\(2025\\) must not be before FIRST_YEAR \\(2026\\)"):
        PlanSettings.from_rules(rules, 2026, 2025, "use", "en")
    townships = world.townships()
    townships.loc[1, "name_zh"] = "甲乡"
    with pytest.raises(EngineInputError, match="township name '甲乡' is used by several features"):
        township_allowables(townships, "name_zh", "allowable_m3", layer="townships")
    townships = world.townships().astype({"allowable_m3": object})
    townships.loc[2, "allowable_m3"] = "lots"
    with pytest.raises(EngineInputError, match="layer 'townships'.*field 'allowable_m3'.*not numbers.*lots"):
        township_allowables(townships, "name_zh", "allowable_m3", layer="townships")
    wells = world.wells()
    wells.loc[3, "metered_m3"] = -5.0
    with pytest.raises(EngineInputError, match="layer 'wells'.*field 'metered_m3'.*negative.*ST1"):
        _plan(wells=wells)


def test_a_township_without_allowable_volume_gets_no_plan():
    plan, _ = _plan(allowable={"丙乡": None})
    town = _township(plan, "丙乡")
    assert town.status == "no_allowable" and plan.wells.loc["I3", "measure"] == "none"


def _rules_with(tmp_path, **reduction_plan):
    import json

    from tuoli_gw_plugin.engine.core.rules import DEFAULT_RULES_PATH

    data = json.loads(DEFAULT_RULES_PATH.read_text(encoding="utf-8"))
    for key, value in reduction_plan.items():
        data["reduction_plan"][key]["value"] = value
    path = tmp_path / f"rules_{len(list(tmp_path.iterdir()))}.json"  # a new file each time: rules are cached by path and time
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return load_rules(path)


def test_the_rules_file_sets_the_order_and_the_cap(tmp_path):
    with pytest.raises(EngineInputError, match="measure_order must end with 'share'"):
        PlanSettings.from_rules(_rules_with(tmp_path, measure_order=["share", "stop_unpermitted"]), 2026, 2027, "use", "en")
    with pytest.raises(EngineInputError, match="max_share_cut_fraction"):
        _rules_with(tmp_path, max_share_cut_fraction=1.5)
    # Switching before stopping, and no share: 乙乡 keeps 200 over its allowable volume; 丙乡 (share only) all 900.
    rules = _rules_with(tmp_path, measure_order=["switch_self_supplied", "stop_unpermitted", "back_to_plan"])
    settings = PlanSettings.from_rules(rules, 2026, 2027, "use", "en")
    table, _ = plan_table(_prepared(), world.wells(), rules, volume_field="metered_m3")
    names, allowables = township_allowables(world.townships(), "name_zh", "allowable_m3", layer="townships")
    plan = plan_reduction(table, allowables, settings, township_order=names)
    assert list(plan.townships["shortfall_m3"]) == pytest.approx([0.0, 200.0, 900.0])


def test_only_a_self_supplied_well_is_switched_by_the_register_first_then_the_use():
    """Issue 25: 甲乡's coverage holds wells of every kind. Switched to the network only the 自备井: the register's own
    field where it has a value (D_NO says no: stays; IR_YES says yes: switched), else the use (domestic D_BLANK is one;
    irrigation I_BLANK and public supply G_BLANK are not)."""
    import geopandas as gpd

    rows = [  # well_id, use, self_supplied, (x, y): all 200 m from the pipe at x = 5 km
        ("D_NO", "domestic", False, (5_200, 1_000)),
        ("IR_YES", "irrigation", True, (5_200, 2_000)),
        ("D_BLANK", "domestic", None, (5_200, 3_000)),
        ("I_BLANK", "irrigation", None, (5_200, 4_000)),
        ("G_BLANK", "public_supply", None, (5_200, 5_000)),
    ]
    wells = gpd.GeoDataFrame(
        {"well_id": [r[0] for r in rows], "use": [r[1] for r in rows], "self_supplied": [r[2] for r in rows],
         "status": "active", "permit_no": "P", "permit_m3": 100.0, "metered_m3": 100.0},
        geometry=[world.pt(*r[3]) for r in rows], crs=world.CRS,
    )
    table, _ = plan_table(_prepared(), wells, load_rules(), volume_field="metered_m3", self_supplied_field="self_supplied")
    assert dict(zip(wells["well_id"], table["switchable"])) == {
        "D_NO": False, "IR_YES": True, "D_BLANK": True, "I_BLANK": False, "G_BLANK": False,
    }
    by_use, _ = plan_table(_prepared(), wells, load_rules(), volume_field="metered_m3")
    assert dict(zip(wells["well_id"], by_use["switchable"])) == {
        "D_NO": True, "IR_YES": False, "D_BLANK": True, "I_BLANK": False, "G_BLANK": False,
    }


def test_the_measure_order_is_an_assumption_and_its_alternative_can_be_chosen():
    """A township must cut 300 m³. S (a 自备井 in coverage, 300 m³ within its 400 m³ plan) and P (irrigation, 900 m³ over
    its 600 m³ plan). The rules file's order switches S and leaves P over its plan; the alternative brings P back to
    plan and leaves S."""
    import numpy as np
    import pandas as pd

    table = pd.DataFrame(
        {"township": ["T", "T"], "use_m3": [300.0, 900.0], "plan_m3": [400.0, 600.0], "active": [True, True],
         "permitted": [True, True], "switchable": [True, False], "share_eligible": [False, True]},
        index=["S", "P"],
    )
    rules = load_rules()
    node = rules.get("reduction_plan", "measure_order")
    assert "assumption" in node and "back to plan first" in node["assumption"]
    assert node["alternative"] == ["stop_unpermitted", "back_to_plan", "switch_self_supplied", "share"]
    first = plan_reduction(table, {"T": 900.0}, PlanSettings.from_rules(rules, 2026, 2027, "use", "en"))
    assert first.wells["measure"].tolist() == ["switch_self_supplied", "none"] and first.wells["cut_m3"].tolist() == [300.0, 0.0]
    other = plan_reduction(table, {"T": 900.0}, PlanSettings.from_rules(rules, 2026, 2027, "use", "en", "alternative"))
    assert other.wells["measure"].tolist() == ["none", "back_to_plan"] and other.wells["cut_m3"].tolist() == [0.0, 300.0]
    assert np.isclose(first.townships["final_m3"].iloc[0], 900.0) and np.isclose(other.townships["final_m3"].iloc[0], 900.0)
    with pytest.raises(EngineInputError, match="MEASURE_ORDER"):
        PlanSettings.from_rules(rules, 2026, 2027, "use", "en", "whatever")


def test_the_over_quota_share_rule_says_it_measures_use_over_plan():
    node = load_rules().get("reduction_plan", "share_rule")
    assert "超计划" in node["assumption"] and "超定额" in node["assumption"] and "over_quota" in node["assumption"]
