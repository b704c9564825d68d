"""The item-16 rules of water from electricity one by one, on arrays built by hand."""

from __future__ import annotations

import numpy as np

from tuoli_gw_plugin.engine.bookkeeping.electricity import (
    COEF_COUNTY,
    COEF_NONE,
    COEF_TESTED,
    COEF_TOWNSHIP,
    COEF_TOWNSHIP_AQUIFER,
    AccountPower,
    approved_kwh,
    choose_coefficients,
    meter_vs_power_mismatch,
    over_approved_kwh,
    permit_without_power_link,
    power_without_permit,
    well_kwh,
)

NAN = np.nan


def test_power_without_permit():
    kwh = np.array([100.0, 100.0, 0.0, NAN])
    has_permit = np.array([False, True, False, False])
    assert power_without_permit(kwh, has_permit).tolist() == [True, False, False, False]


def test_permit_without_power_link():
    assert permit_without_power_link(np.array([True, True, False]), np.array([False, True, False])).tolist() == [True, False, False]


def test_approved_kwh_is_permit_over_coefficient():
    # 1000 m³ at 2.5 m³/kWh = 400 kWh; no coefficient, no approved kWh
    assert np.allclose(approved_kwh(np.array([1000.0, 1000.0]), np.array([2.5, NAN])), [400.0, NAN], equal_nan=True)


def test_over_approved_kwh_but_not_equal():
    assert over_approved_kwh(np.array([401.0, 400.0, NAN]), np.array([400.0, 400.0, 400.0])).tolist() == [True, False, False]


def test_meter_vs_power_mismatch_beyond_the_share_of_the_metered_volume():
    estimated = np.array([1250.0, 1200.0, 1200.0, NAN])
    metered = np.array([1000.0, 1000.0, 1000.0, 1000.0])
    working = np.array([True, True, False, True])
    # 250 > 20 % of 1000 flags; exactly 200 does not; no working meter or no estimate: no flag
    assert meter_vs_power_mismatch(estimated, metered, working, 0.2).tolist() == [True, False, False, False]


def test_coefficient_tested_first_then_township_aquifer_township_county():
    tested = np.array([3.0, NAN, NAN, NAN])
    townships = ["T1", "T1", "T1", "T9"]
    aquifers = ["shallow", "shallow", "deep", None]
    pair_table = {("T1", "shallow"): (2.0, 0.1, 3)}
    township_table = {"T1": (2.2, 0.2, 4)}
    county = (2.5, 0.3, 9)
    coef, spread, n, source = choose_coefficients(tested, townships, aquifers, pair_table, township_table, county)
    assert source == [COEF_TESTED, COEF_TOWNSHIP_AQUIFER, COEF_TOWNSHIP, COEF_COUNTY]
    assert coef.tolist() == [3.0, 2.0, 2.2, 2.5]
    assert n.tolist() == [0, 3, 4, 9] and np.isnan(spread[0]) and spread[1:].tolist() == [0.1, 0.2, 0.3]


def test_no_coefficient_without_anything_to_calibrate_from():
    coef, _spread, _n, source = choose_coefficients(np.array([NAN]), ["T1"], [None], {}, {}, None)
    assert source == [COEF_NONE] and np.isnan(coef[0])


def test_an_account_feeding_two_wells_is_split_equally():
    power = AccountPower(kwh_by_account={"E1": 1000.0, "E2": 50.0, "ORPHAN": 7.0}, known_accounts={"E1", "E2", "ORPHAN"}, periods=[])
    warnings: list[str] = []
    kwh, linked = well_kwh(["E1", "E1", "E2", "NOPE", None], power, ["A", "B", "C", "D", "E"], "power", warnings)
    assert np.allclose(kwh, [500.0, 500.0, 50.0, NAN, NAN], equal_nan=True)
    assert linked.tolist() == [True, True, True, False, False]
    assert len(warnings) == 3  # shared E1, unknown NOPE, orphan ORPHAN
