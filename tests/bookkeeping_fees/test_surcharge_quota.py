"""Issue 12, point 13: use over the quota (超定额) charged beside use over plan, never twice (items 10 and 13).

By hand, base rate 1 yuan/m³, bands ≤20 % ×2, 20–50 % ×3, >50 % ×5 of the base the excess is measured on:
A plan 100, quota 90, actual 120: over plan 20 (fee 100 + 20×2 = 140); over quota 30 = 33.3 % of 90
  (fee 90 + 18×2 + 12×3 = 162) -> the larger excess, over quota, is charged: 162, surcharge 42, top ×3.
B plan 100, quota 110, actual 120: over quota 10 < over plan 20 -> over plan: 140; over_quota 10 m³, 9.09 %.
C plan 100, no quota, actual 120: over plan: 140.
D plan 100, quota 100, actual 130: both 30 -> a tie is charged over plan: 100 + 20×2 + 10×3 = 170.
Whole-excess mode, A: 90 + 30×3 = 180.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from tuoli_gw_plugin.engine.bookkeeping.quota_volumes import UseQuotas
from tuoli_gw_plugin.engine.bookkeeping.surcharge import MODE_WHOLE, RESULT_COLUMNS, SurchargeSchedule, compute_surcharge
from tuoli_gw_plugin.engine.core.rules import load_rules

RULES = load_rules()
SCHEDULE = SurchargeSchedule.from_rules(RULES)


def accounts() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["A", "B", "C", "D"],
            "plan_m3": [100.0, 100.0, 100.0, 100.0],
            "actual_m3": [120.0, 120.0, 120.0, 130.0],
            "quota_m3": [90.0, 110.0, None, 100.0],
        }
    )


def charge(frame: pd.DataFrame, **options) -> pd.DataFrame:
    result = compute_surcharge(frame, plan_field="plan_m3", actual_field="actual_m3", base_rate=1.0, schedule=SCHEDULE, id_field="id",
                               **options)
    return result.accounts.set_index(frame["id"])


def test_over_quota_is_charged_on_the_larger_excess_never_both():
    out = charge(accounts())
    assert out.loc["A", "fee_yuan"] == pytest.approx(162.0)
    assert out.loc["A", "surcharge_yuan"] == pytest.approx(42.0)
    assert out.loc["A", "top_multiplier"] == 3
    assert out.loc["A", "charged_on"] == "quota"
    assert out.loc["A", "excess_m3"] == pytest.approx(20.0) and out.loc["A", "excess_pct"] == pytest.approx(20.0)
    assert out.loc["A", "over_quota_m3"] == pytest.approx(30.0)
    assert out.loc["A", "over_quota_pct"] == pytest.approx(100 * 30 / 90)
    assert out.loc["B", "fee_yuan"] == pytest.approx(140.0) and out.loc["B", "charged_on"] == "plan"
    assert out.loc["B", "over_quota_m3"] == pytest.approx(10.0) and out.loc["B", "over_quota_pct"] == pytest.approx(100 / 11)
    assert out.loc["C", "fee_yuan"] == pytest.approx(140.0) and math.isnan(out.loc["C", "quota_m3"])
    assert math.isnan(out.loc["C", "over_quota_m3"]) and out.loc["C", "charged_on"] == "plan"
    assert out.loc["D", "fee_yuan"] == pytest.approx(170.0) and out.loc["D", "charged_on"] == "plan"


def test_whole_excess_mode_on_the_quota():
    assert charge(accounts(), mode=MODE_WHOLE).loc["A", "fee_yuan"] == pytest.approx(180.0)


def test_quota_from_the_use_and_its_units():
    """农灌 0.225 mu × 400 m³/mu (rules file) = 90 m³: the same as account A's own quota."""
    frame = pd.DataFrame({"id": ["A"], "plan_m3": [100.0], "actual_m3": [120.0], "use": ["农灌"], "quota_units": [0.225]})
    out = charge(frame, use_field="use", quotas=UseQuotas.from_rules(RULES))
    assert out.loc["A", "quota_m3"] == pytest.approx(90.0) and out.loc["A", "fee_yuan"] == pytest.approx(162.0)


def test_without_a_quota_field_only_the_plan_is_charged_and_the_log_says_so():
    frame = accounts().drop(columns=["quota_m3"])
    result = compute_surcharge(frame, plan_field="plan_m3", actual_field="actual_m3", base_rate=1.0, schedule=SCHEDULE)
    assert result.accounts["fee_yuan"].tolist() == pytest.approx([140.0, 140.0, 140.0, 170.0])
    assert result.notes == ["Over quota not charged: no quota field 'quota_m3' or 'quota_units' with a use field in 'accounts'"]


def test_the_over_quota_part_has_its_own_fields():
    assert {"quota_m3", "over_quota_m3", "over_quota_pct", "charged_on"} <= set(RESULT_COLUMNS)
    assert RESULT_COLUMNS[:6] == ("excess_m3", "excess_pct", "top_multiplier", "fee_yuan", "surcharge_yuan", "problem")


def test_which_part_is_charged_is_an_assumption_a_county_can_choose_otherwise():
    """Issue 25: 'the larger of over plan and over quota, never both' is this tool's reading (rules file, assumption);
    CHARGE_ON takes the other readings. By hand, base rate 1:
    A (plan 100, quota 90, use 120): over plan only: 100 + 2 × 20 = 140; over quota: 90 + 2 × 18 + 3 × 12 = 162.
    B (plan 100, quota 110, use 120): over plan: 140; over quota: 110 + 2 × 10 = 130 (the larger part is the plan's).
    C has no quota: over plan whatever the choice."""
    node = RULES.get("surcharge", "plan_or_quota")
    assert node["value"] == "larger" and "assumption" in node and "超计划或超定额" in node["source"]
    assert set(node["choices"]) == {"larger", "plan", "quota"}
    plan_only = charge(accounts(), charge_on="plan")
    assert (plan_only.loc["A", "fee_yuan"], plan_only.loc["A", "charged_on"]) == (pytest.approx(140.0), "plan")
    assert plan_only.loc["A", "over_quota_m3"] == pytest.approx(30.0)  # still reported
    quota = charge(accounts(), charge_on="quota")
    assert (quota.loc["A", "fee_yuan"], quota.loc["A", "charged_on"]) == (pytest.approx(162.0), "quota")
    assert (quota.loc["B", "fee_yuan"], quota.loc["B", "charged_on"]) == (pytest.approx(130.0), "quota")
    assert (quota.loc["C", "fee_yuan"], quota.loc["C", "charged_on"]) == (pytest.approx(140.0), "plan")
    larger = charge(accounts())
    assert (larger.loc["B", "fee_yuan"], larger.loc["B", "charged_on"]) == (pytest.approx(140.0), "plan")
    with pytest.raises(Exception, match="CHARGE_ON"):
        charge(accounts(), charge_on="both")
