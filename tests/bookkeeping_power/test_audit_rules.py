"""Each compliance rule on its own, on a register built by hand (audit date 2025-11-01)."""

from __future__ import annotations

import datetime as dt

import numpy as np

from tuoli_gw_plugin.engine.bookkeeping.audit import (
    Register,
    WellStates,
    check_depth,
    check_deregistration,
    check_metering,
    check_no_permit,
    check_over_permit,
    check_power_without_permit,
    check_self_supplied_in_coverage,
    well_states,
)

AUDIT_DATE = dt.date(2025, 11, 1)
NAN = np.nan


def states(active: list[bool]) -> WellStates:
    """Active wells as given; the others stopped (none deregistered)."""
    stopped = ~np.array(active, dtype=bool)
    return WellStates(deregistered=np.zeros(len(active), dtype=bool), stopped=stopped)


def codes(check) -> list[tuple[int, str]]:
    return [(row, code) for row, code, _ in check.rows]


def test_item_9_metering():
    register = Register(
        ids=["A", "B", "C", "D", "E"], has_meter=[None, False, True, True, False], metered=np.array([NAN, NAN, NAN, 5.0, NAN])
    )
    found = check_metering(register, states([True, True, True, True, False]), "9")
    # A: not recorded, B: no meter, C: meter but no reading, D: fine, E: no meter but stopped
    assert codes(found) == [(0, "no_meter"), (1, "no_meter"), (2, "no_meter")]
    assert "notice item 9" in found.rows[0][2] and "has_meter is empty" in found.rows[0][2]


def test_item_9_skipped_without_the_field():
    assert check_metering(Register(ids=["A"]), states([True]), "9").skipped == "no_meter (no meter field)"


def test_item_10_over_permit_but_not_equal():
    register = Register(ids=["A", "B", "C"], metered=np.array([1200.0, 1000.0, NAN]), permit_m3=np.array([1000.0, 1000.0, 1000.0]))
    found = check_over_permit(register, "10")
    assert codes(found) == [(0, "over_permit")]
    assert found.rows[0][2] == "metered 1,200 m³ exceeds the permitted 1,000 m³ by 200 m³ (20.0 %), notice item 10"


def test_item_18_active_well_without_permit():
    register = Register(ids=["A", "B", "C"], permits=[None, "P-2", None])
    assert codes(check_no_permit(register, states([True, True, False]), "18")) == [(0, "no_permit")]


def test_item_11_deregistration_day_30_is_in_time_day_31_is_not():
    register = Register(
        ids=["D30", "D31", "LATER", "UNDATED"],
        statuses=[None, None, None, "stopped"],
        stopped_on=[dt.date(2025, 10, 2), dt.date(2025, 10, 1), dt.date(2025, 11, 5), None],
    )
    found = check_deregistration(
        register, states([False, False, True, False]), "11", deadline_days=30, audit_date=AUDIT_DATE, stopped_words={"stopped"}
    )
    assert codes(found) == [(1, "stopped_not_deregistered")]
    assert "31 days before the audit date" in found.rows[0][2]
    assert found.warnings and "UNDATED" in found.warnings[0]


def test_item_11_depth_over_permit():
    register = Register(ids=["A", "B"], depth=np.array([130.0, 120.0]), permitted_depth=np.array([120.0, 120.0]))
    found = check_depth(register, "11")
    assert codes(found) == [(0, "depth_over_permit")]
    assert found.rows[0][2] == "drilled 130 m deep, permitted 120 m (10 m deeper), notice item 11"


def test_item_13_self_supplied_inside_coverage():
    register = Register(ids=["NEAR", "AREA", "PUBLIC", "OUT"], self_supplied=[True, True, False, True])
    found = check_self_supplied_in_coverage(
        register,
        states([True] * 4),
        "13",
        in_coverage=np.array([True, True, True, False]),
        distance_m=np.array([100.0, 900.0, 50.0, 2000.0]),
        coverage_distance_m=500.0,
    )
    assert codes(found) == [(0, "self_supplied_in_coverage"), (1, "self_supplied_in_coverage")]
    assert "100 m from the nearest supply pipe (coverage 500 m)" in found.rows[0][2]
    assert "inside a supply area" in found.rows[1][2]


def test_item_16_power_without_permit():
    register = Register(ids=["A", "B", "C"], permits=[None, "P-2", None])
    found = check_power_without_permit(register, "16", np.array([4200.0, 10.0, 0.0]), ["kwh field"] * 3)
    assert codes(found) == [(0, "power_without_permit")]
    assert found.rows[0][2].startswith("drew 4,200 kWh (kwh field) with no water permit")


def test_states_by_date_on_or_before_the_audit_date_else_by_status_word():
    register = Register(
        ids=["DATED", "AFTER", "WORD", "ACTIVE"],
        statuses=[None, None, "注销", "在用"],
        deregistered_on=[dt.date(2025, 10, 1), dt.date(2025, 12, 1), None, None],
        stopped_on=[None, None, None, None],
    )
    found = well_states(register, {"deregistered": {"注销"}, "stopped": {"停用"}}, AUDIT_DATE)
    assert found.deregistered.tolist() == [True, False, True, False]
    assert found.active.tolist() == [False, True, False, True]
