"""Engine tests (no QGIS) of the progressive surcharge, notice items 10 and 13.

Expected fees are worked out by hand in the comments: base rate 1 yuan/m³ unless said, plan
100 m³, bands ≤20 % ×2, 20–50 % ×3, >50 % ×5, within plan ×1.
"""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuoli_gw_plugin.engine.bookkeeping.surcharge import (
    MODE_BAND,
    MODE_WHOLE,
    SurchargeSchedule,
    account_fee,
    compute_surcharge,
    summary_by_tier,
)
from tuoli_gw_plugin.engine.core.errors import EngineInputError
from tuoli_gw_plugin.engine.core.rules import DEFAULT_RULES_PATH, load_rules

SCHEDULE = SurchargeSchedule.from_rules(load_rules())

# actual use on a plan of 100 m³ -> (top multiplier, band-by-band fee, whole-excess fee), by hand
HAND_CASES = [
    (0.0, 1, 0.0, 0.0),
    (80.0, 1, 80.0, 80.0),  # within plan: 80 × 1
    (100.0, 1, 100.0, 100.0),  # exactly on plan: no surcharge
    (110.0, 2, 120.0, 120.0),  # 100 + 10×2
    (120.0, 2, 140.0, 140.0),  # exactly 20 % over: still the 2× band (超额20%以内): 100 + 20×2
    (120.0001, 3, 140.0003, 160.0003),  # band: 100 + 20×2 + 0.0001×3; whole: 100 + 20.0001×3
    (150.0, 3, 230.0, 250.0),  # exactly 50 %: still 3×. band: 100 + 40 + 30×3; whole: 100 + 50×3
    (151.0, 5, 235.0, 355.0),  # band: 100 + 40 + 90 + 1×5; whole: 100 + 51×5
    (200.0, 5, 480.0, 600.0),  # band: 100 + 40 + 90 + 50×5; whole: 100 + 100×5
]


@pytest.mark.parametrize(("actual", "top", "band_fee", "whole_fee"), HAND_CASES)
def test_fees_at_band_edges_by_hand(actual, top, band_fee, whole_fee):
    band = account_fee(100.0, actual, 1.0, SCHEDULE, MODE_BAND)
    whole = account_fee(100.0, actual, 1.0, SCHEDULE, MODE_WHOLE)
    assert band.top_multiplier == top == whole.top_multiplier
    assert band.fee_yuan == pytest.approx(band_fee, abs=1e-9)
    assert whole.fee_yuan == pytest.approx(whole_fee, abs=1e-9)
    assert band.excess_m3 == pytest.approx(max(0.0, actual - 100.0))
    assert band.excess_pct == pytest.approx(max(0.0, actual - 100.0))  # plan 100: m³ over = % over
    assert band.surcharge_yuan == pytest.approx(band_fee - actual, abs=1e-9)
    assert whole.surcharge_yuan == pytest.approx(whole_fee - actual, abs=1e-9)


def test_base_rate_scales_the_fee():
    # 2.5 yuan/m³, plan 1000, actual 1300 (30 % over): 1000×1 + 200×2 + 100×3 = 1700 m³-equivalents
    fee = account_fee(1000.0, 1300.0, 2.5, SCHEDULE, MODE_BAND)
    assert fee.fee_yuan == pytest.approx(1700 * 2.5)
    assert fee.surcharge_yuan == pytest.approx((1700 - 1300) * 2.5)
    # whole excess: 1000 + 300×3 = 1900
    assert account_fee(1000.0, 1300.0, 2.5, SCHEDULE, MODE_WHOLE).fee_yuan == pytest.approx(1900 * 2.5)


def test_decimal_edge_counts_as_exactly_twenty_percent():
    # 3.6 over a plan of 3 is 20 % in decimal but 20.000000000000004 % in binary floating point.
    fee = account_fee(3.0, 3.6, 1.0, SCHEDULE, MODE_WHOLE)
    assert fee.top_multiplier == 2
    assert fee.fee_yuan == pytest.approx(3.0 + 0.6 * 2)


def test_continuity_at_band_edges_in_band_mode():
    for edge in (100.0, 120.0, 150.0):
        below = account_fee(100.0, edge - 1e-7, 1.0, SCHEDULE, MODE_BAND).fee_yuan
        at = account_fee(100.0, edge, 1.0, SCHEDULE, MODE_BAND).fee_yuan
        above = account_fee(100.0, edge + 1e-7, 1.0, SCHEDULE, MODE_BAND).fee_yuan
        assert abs(above - below) < 1e-5
        assert below <= at <= above


def test_whole_excess_jumps_at_band_edges():
    # Whole-excess is the other convention: 120 -> 140 yuan but 120.0001 -> 160.0003 yuan.
    assert account_fee(100.0, 120.0001, 1.0, SCHEDULE, MODE_WHOLE).fee_yuan - account_fee(
        100.0, 120.0, 1.0, SCHEDULE, MODE_WHOLE
    ).fee_yuan == pytest.approx(20.0003)


volumes = st.floats(min_value=0.0, max_value=1e7, allow_nan=False, allow_infinity=False)
plans = st.floats(min_value=0.01, max_value=1e7, allow_nan=False, allow_infinity=False)


@settings(max_examples=300, deadline=None)
@given(plan=plans, actual=volumes, more=volumes, mode=st.sampled_from([MODE_BAND, MODE_WHOLE]))
def test_fee_never_drops_when_use_grows(plan, actual, more, mode):
    low = account_fee(plan, actual, 1.0, SCHEDULE, mode).fee_yuan
    high = account_fee(plan, actual + more, 1.0, SCHEDULE, mode).fee_yuan
    assert high >= low - 1e-9 * max(1.0, high)


@settings(max_examples=300, deadline=None)
@given(plan=plans, edge_pct=st.sampled_from([0.0, 20.0, 50.0]), step=st.floats(min_value=1e-9, max_value=1e-6))
def test_band_mode_is_continuous_at_every_edge(plan, edge_pct, step):
    edge = plan * (1 + edge_pct / 100.0)
    delta = plan * step
    below = account_fee(plan, edge - delta, 1.0, SCHEDULE, MODE_BAND).fee_yuan
    above = account_fee(plan, edge + delta, 1.0, SCHEDULE, MODE_BAND).fee_yuan
    # the steepest slope is the top multiple (5 yuan per m³ at rate 1)
    assert 0.0 <= above - below <= 5 * 2 * delta * (1 + 1e-6) + 1e-9 * edge


@settings(max_examples=200, deadline=None)
@given(plan=plans, actual=volumes, mode=st.sampled_from([MODE_BAND, MODE_WHOLE]))
def test_fee_is_the_sum_of_the_tiers(plan, actual, mode):
    fee = account_fee(plan, actual, 1.0, SCHEDULE, mode)
    multipliers = [tier.multiplier for tier in SCHEDULE.tiers()]
    assert sum(fee.tier_volumes_m3) == pytest.approx(actual, rel=1e-9, abs=1e-9)
    assert sum(v * m for v, m in zip(fee.tier_volumes_m3, multipliers)) == pytest.approx(fee.fee_yuan, rel=1e-9)


def _accounts(rows):
    frame = pd.DataFrame(rows, columns=["account", "plan_m3", "actual_m3", "township"])
    frame.attrs["fid"] = list(range(1, len(rows) + 1))
    return frame


def test_bad_accounts_are_flagged_per_feature_never_zero_filled():
    frame = _accounts(
        [
            ("ok", 100, 120, "A"),
            ("text", "1,200", "1,500", "A"),  # read as 1200 and 1500: 25 % over
            ("zero_plan", 0, 5, "B"),
            ("zero_both", 0, 0, "B"),  # nothing planned, nothing used: fee 0 is the right number
            ("null_actual", 100, None, "B"),
            ("bad_text", "abc", 10, "B"),
            ("negative", 100, -3, "B"),
            ("dash", "—", 10, "B"),  # county tables write — for "no value"
        ]
    )
    result = compute_surcharge(
        frame, plan_field="plan_m3", actual_field="actual_m3", base_rate=1.0, schedule=SCHEDULE, id_field="account"
    )
    accounts = result.accounts
    assert accounts.loc[0, "fee_yuan"] == pytest.approx(140.0)
    # 1200 + 240×2 + 60×3 = 1860
    assert accounts.loc[1, "fee_yuan"] == pytest.approx(1860.0)
    assert accounts.loc[1, "top_multiplier"] == 3
    assert accounts.loc[3, "fee_yuan"] == 0.0 and pd.isna(accounts.loc[3, "problem"])
    for row in (2, 4, 5, 6, 7):
        assert math.isnan(accounts.loc[row, "fee_yuan"]), row
        assert math.isnan(accounts.loc[row, "surcharge_yuan"]), row
        assert math.isnan(accounts.loc[row, "top_multiplier"]), row
        assert isinstance(accounts.loc[row, "problem"], str) and accounts.loc[row, "problem"]
    assert "zero plan" in accounts.loc[2, "problem"] or "is 0" in accounts.loc[2, "problem"]
    assert "empty" in accounts.loc[4, "problem"] and "actual_m3" in accounts.loc[4, "problem"]
    assert "not a number" in accounts.loc[5, "problem"] and "'abc'" in accounts.loc[5, "problem"]
    assert "negative" in accounts.loc[6, "problem"]
    assert "empty" in accounts.loc[7, "problem"] and "plan_m3" in accounts.loc[7, "problem"]
    # one message per bad account, naming it by the id field
    assert len(result.problems) == 5
    for name in ("zero_plan", "null_actual", "bad_text", "negative", "dash"):
        assert any(f"account={name}:" in line for line in result.problems), name


def test_feature_named_by_fid_without_id_field():
    result = compute_surcharge(
        _accounts([("a", 100, 100, "A"), ("b", 0, 7, "A")]),
        plan_field="plan_m3",
        actual_field="actual_m3",
        base_rate=1.0,
        schedule=SCHEDULE,
    )
    assert result.problems == [result.problems[0]] and result.problems[0].startswith("fid 2:")


def test_missing_field_and_bad_rate_are_clear_errors():
    frame = _accounts([("a", 100, 100, "A")])
    with pytest.raises(EngineInputError, match="field 'plan'.*field not found"):
        compute_surcharge(frame, plan_field="plan", actual_field="actual_m3", base_rate=1.0, schedule=SCHEDULE)
    with pytest.raises(EngineInputError, match="base rate"):
        compute_surcharge(frame, plan_field="plan_m3", actual_field="actual_m3", base_rate=0.0, schedule=SCHEDULE)


def test_summary_totals_by_township_and_tier():
    frame = _accounts([("a", 100, 200, "A"), ("b", 100, 120, "A"), ("c", 50, 40, "B"), ("d", 0, 9, "B")])
    result = compute_surcharge(frame, plan_field="plan_m3", actual_field="actual_m3", base_rate=2.0, schedule=SCHEDULE)
    summary = summary_by_tier(result, 2.0, frame["township"].tolist())
    a = summary[summary.township == "A"].set_index("tier")
    # a: within 100, bands 20/30/50; b: within 100, band1 20
    assert a.loc["within_plan", "volume_m3"] == 200
    assert a.loc["band_1", "volume_m3"] == 40 and a.loc["band_1", "accounts_n"] == 2
    assert a.loc["band_2", "volume_m3"] == 30 and a.loc["band_3", "volume_m3"] == 50
    assert a["fee_yuan"].sum() == pytest.approx(2.0 * (480 + 140))
    b = summary[summary.township == "B"].set_index("tier")
    assert b.loc["within_plan", "fee_yuan"] == pytest.approx(80.0)
    assert b.loc["not_charged", "accounts_n"] == 1 and math.isnan(b.loc["not_charged", "fee_yuan"])
    # whole-excess mode puts the whole excess in the top band reached
    whole = compute_surcharge(
        frame, plan_field="plan_m3", actual_field="actual_m3", base_rate=2.0, schedule=SCHEDULE, mode=MODE_WHOLE
    )
    a_whole = summary_by_tier(whole, 2.0, frame["township"].tolist())
    a_whole = a_whole[a_whole.township == "A"].set_index("tier")
    assert a_whole.loc["band_3", "volume_m3"] == 100 and a_whole.loc["band_1", "volume_m3"] == 20


def test_bands_come_from_the_rules_file(tmp_path):
    data = json.loads(DEFAULT_RULES_PATH.read_text(encoding="utf-8"))
    data["surcharge"]["bands"] = [
        {"excess_pct_up_to": 10, "multiplier": 1.5},
        {"excess_pct_up_to": None, "multiplier": 4},
    ]
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    schedule = SurchargeSchedule.from_rules(load_rules(path))
    # plan 100, actual 130: 100 + 10×1.5 + 20×4 = 195
    assert account_fee(100.0, 130.0, 1.0, schedule, MODE_BAND).fee_yuan == pytest.approx(195.0)
    assert [t.label for t in schedule.tiers()] == ["within plan", "over plan ≤10 %", "over plan >10 %"]


def test_chart_is_written(tmp_path):
    from tuoli_gw_plugin.engine.plotting.charts import render_fee_chart

    frame = _accounts([("a", 100, 200, "托里镇"), ("b", 100, 120, "多拉特乡"), ("c", 50, 40, "多拉特乡")])
    result = compute_surcharge(frame, plan_field="plan_m3", actual_field="actual_m3", base_rate=1.0, schedule=SCHEDULE)
    path = render_fee_chart(summary_by_tier(result, 1.0, frame["township"].tolist()), str(tmp_path / "fees.png"))
    with open(path, "rb") as handle:
        assert handle.read(8) == b"\x89PNG\r\n\x1a\n"
