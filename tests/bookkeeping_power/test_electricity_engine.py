"""Engine tests (no QGIS) of water from electricity: calibration, volumes, flags, bad input.

Expected values are worked out by hand in the comments from the register in cases.py.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from cases import power_frame, wells_frame

from tuoli_gw_plugin.engine.bookkeeping.electricity import (
    PowerFieldNames,
    WellFieldNames,
    account_power,
    electricity_to_water,
    median_and_spread,
    period_matches,
)
from tuoli_gw_plugin.engine.core.errors import EngineInputError
from tuoli_gw_plugin.engine.core.rules import load_rules
from tuoli_gw_plugin.engine.plotting.charts import township_chart


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.fixture(scope="module")
def result(rules):
    return electricity_to_water(wells_frame(), power_frame(), rules, period="2025")


def row(result, well_id: str) -> pd.Series:
    return result.wells.iloc[wells_frame().index[wells_frame()["well_id"] == well_id][0]]


def test_median_and_mad_of_known_ratios():
    # 2, 3, 4, 100, 5: median 4; |deviations| 2, 1, 0, 96, 1 -> median 1. One broken meter (100) does not move it.
    assert median_and_spread(np.array([2.0, 3.0, 4.0, 100.0, 5.0])) == (4.0, 1.0)


def test_calibrated_coefficients_and_their_source(result):
    w6, w7, w8 = row(result, "W6"), row(result, "W7"), row(result, "W8")
    assert (w6["coef_source"], w6["coef_used"], w6["calib_spread"], w6["calib_n"]) == (
        "calibrated_township_aquifer", 4.0, 1.0, 5)
    # A/deep has no meter-and-kWh well: township A's median (same five ratios) is used.
    assert (w7["coef_source"], w7["coef_used"]) == ("calibrated_township", 4.0)
    # Township B has no calibration well: the county median.
    assert (w8["coef_source"], w8["coef_used"]) == ("calibrated_county", 4.0)
    for well_id, coefficient in (("C1", 2.0), ("C4", 5.0), ("W9", 3.0), ("W10", 3.0)):
        assert row(result, well_id)["coef_source"] == "tested"
        assert row(result, well_id)["coef_used"] == coefficient
        assert math.isnan(row(result, well_id)["calib_spread"])
    groups = result.calibration.set_index("level")
    assert groups.loc["county", "median_m3_per_kwh"] == 4.0 and groups.loc["county", "wells_n"] == 5


def test_estimated_volume_and_approved_kwh(result):
    assert row(result, "W6")["estimated_m3"] == 500 * 4.0  # 2000
    assert row(result, "W7")["estimated_m3"] == 200 * 4.0  # 800
    assert row(result, "C4")["estimated_m3"] == 1000 * 5.0
    assert row(result, "W6")["approved_kwh"] == 1500 / 4.0  # 375
    assert row(result, "W8")["approved_kwh"] == 1000 / 4.0  # 250
    assert row(result, "W9")["approved_kwh"] == pytest.approx(1000 / 3.0)
    assert math.isnan(row(result, "W7")["approved_kwh"])  # no permit volume


def test_accounts_join_as_text_and_period_takes_sub_periods(result):
    # W10's account is the number 1010; the table says "1010" in 2025-03 (100) and 2025-07 (200), 2024 left out.
    w10 = row(result, "W10")
    assert w10["kwh"] == 300 and w10["estimated_m3"] == 900


def test_every_flag(result):
    expected = {
        "C1": "", "C2": "", "C3": "",
        "C4": "meter_vs_power_mismatch",  # estimated 5000 vs metered 100000
        "C5": "",  # kWh 1000 = approved 5000 / 5: not over
        "W6": "over_approved_kwh",  # 500 > 375
        "W7": "power_without_permit",  # 200 kWh, no permit
        "W8": "permit_without_power_link",  # no account
        "W9": "permit_without_power_link",  # account a9 not in the power table
        "W10": "",  # 900 vs metered 1000 but its meter is not working (否)
    }
    for well_id, flags in expected.items():
        got = row(result, well_id)
        assert got["flags"] == flags, well_id
        for name in ("power_without_permit", "permit_without_power_link", "over_approved_kwh",
                     "meter_vs_power_mismatch"):
            assert got[name] == int(name in flags.split(";")), (well_id, name)


def test_township_summary(result):
    summary = result.summary.set_index("township")
    a = summary.loc["A"]
    assert a["wells_n"] == 7 and a["kwh"] == 5700
    assert a["estimated_m3"] == 2000 + 3000 + 4000 + 5000 + 5000 + 2000 + 800
    assert a["metered_m3"] == 114000 and a["permit_m3"] == 221500
    assert (a["power_without_permit"], a["permit_without_power_link"], a["over_approved_kwh"],
            a["meter_vs_power_mismatch"]) == (1, 0, 1, 1)
    b = summary.loc["B"]
    assert (b["wells_n"], b["kwh"], b["estimated_m3"], b["permit_m3"], b["permit_without_power_link"]) == (
        3, 300, 900, 7000, 2)


def test_log_names_orphan_accounts_and_calibrated_wells(result):
    text = "\n".join(result.warnings)
    assert "1 power account(s) with 50 kWh are linked to no well" in text and "zz" in text
    assert "a9" in text  # the well whose account is missing from the table
    messages = "\n".join(result.messages)
    assert "W6" in messages and "3 calibrated_township_aquifer" not in messages
    assert "1 calibrated_township_aquifer, 1 calibrated_township, 1 calibrated_county" in messages


def test_without_period_all_rows_count_and_the_log_says_so(rules):
    result = electricity_to_water(wells_frame(), power_frame(), rules)
    assert row(result, "W10")["kwh"] == 1299
    assert any("periods" in w and "PERIOD" in w for w in result.warnings)


@pytest.mark.parametrize(("kwh", "flagged"), [(1200, False), (1201, True), (800, False), (799, True)])
def test_mismatch_share_edge(rules, kwh, flagged):
    # metered 1000, coefficient 1: the estimate equals the kWh. 20 % of 1000 is 200: exactly 200 is allowed.
    wells = pd.DataFrame([("M", "m", 1.0, 1000, "yes", "P", 10000, "A", "x")], columns=wells_frame().columns)
    power = pd.DataFrame([("m", "2025", kwh)], columns=["account", "period", "kwh"])
    result = electricity_to_water(wells, power, rules)
    assert result.wells.loc[0, "meter_vs_power_mismatch"] == int(flagged)


def test_mismatch_share_parameter_overrides_rules(rules):
    wells = pd.DataFrame([("M", "m", 1.0, 1000, "yes", "P", 10000, "A", "x")], columns=wells_frame().columns)
    power = pd.DataFrame([("m", "2025", 1300)], columns=["account", "period", "kwh"])
    assert electricity_to_water(wells, power, rules, mismatch_share=0.3).wells.loc[0, "meter_vs_power_mismatch"] == 0
    assert electricity_to_water(wells, power, rules, mismatch_share=0.2).wells.loc[0, "meter_vs_power_mismatch"] == 1
    with pytest.raises(EngineInputError, match="MISMATCH_SHARE"):
        electricity_to_water(wells, power, rules, mismatch_share=-0.1)


@pytest.mark.parametrize("bad", ["12 kWh?", -5])
def test_text_or_negative_kwh_names_layer_feature_field(rules, bad):
    power = power_frame().astype({"kwh": object})
    power.loc[2, "kwh"] = bad
    with pytest.raises(EngineInputError) as error:
        electricity_to_water(wells_frame(), power, rules, power_layer="power_accounts")
    message = str(error.value)
    assert "power_accounts" in message and "account=a3" in message and "'kwh'" in message


def test_unreadable_meter_flag_is_an_error(rules):
    wells = wells_frame()
    wells.loc[0, "has_meter"] = "maybe"
    with pytest.raises(EngineInputError, match=r"well_id=C1.*maybe|maybe.*well_id=C1"):
        electricity_to_water(wells, power_frame(), rules)


def test_implausible_coefficient_reported(rules):
    wells = wells_frame()
    wells.loc[8, "m3_per_kwh"] = 40.0
    result = electricity_to_water(wells, power_frame(), rules)
    assert any("W9 (40)" in w and "plausible" in w for w in result.warnings)


def test_unknown_period_is_an_error():
    with pytest.raises(EngineInputError, match="no row has period '2030'"):
        account_power(power_frame(), PowerFieldNames(), layer="power", period="2030")


def test_period_matching():
    assert period_matches("2025-03", "2025") and period_matches("2025年3月", "2025")
    assert not period_matches("20251", "2025") and not period_matches(None, "2025")


def test_custom_field_names(rules):
    wells = wells_frame().rename(columns={"power_account": "acct", "aquifer": "layer"})
    result = electricity_to_water(
        wells, power_frame(), rules, period="2025",
        well_fields=WellFieldNames(account="acct", aquifer=None),
    )
    # Without aquifers W6 falls to township A's median, which is the same 4.
    assert result.wells.loc[5, "coef_source"] == "calibrated_township"


def test_chart_png(result, tmp_path):
    path = township_chart(result.summary, str(tmp_path / "chart.png"), title="test")
    with open(path, "rb") as png:
        assert png.read(8) == b"\x89PNG\r\n\x1a\n"
