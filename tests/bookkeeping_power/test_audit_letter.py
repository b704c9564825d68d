"""Issue 12, points 11-13: the audit by the letter of notice items 10, 11, 13 and 16, on registers built by hand.

Deadlines (item 11, 30 days, moved off rest days by the rules file's holiday table), worked out by hand:
stopped 2025-09-01 -> day 30 is 2025-10-01, inside the National Day holiday 10-01..10-08 -> last day 2025-10-09 (Thu);
stopped 2025-08-29 -> day 30 is Sunday 2025-09-28, a make-up working day (调休) -> last day 2025-09-28;
stopped 2025-10-02 -> day 30 is Saturday 2025-11-01 -> last day Monday 2025-11-03.
"""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import pandas as pd
import pytest
from cases import AUDIT_DATE_TEXT, audit_gdf
from shapely.geometry import Point

from tuoli_gw_plugin.engine.bookkeeping.audit import FINDINGS, AuditFieldNames, compliance_audit
from tuoli_gw_plugin.engine.bookkeeping.deadlines import WorkCalendar, deadline_after
from tuoli_gw_plugin.engine.bookkeeping.electricity import PowerFieldNames
from tuoli_gw_plugin.engine.core.messages import catalogue
from tuoli_gw_plugin.engine.core.rules import load_rules
from tuoli_gw_plugin.engine.documents.supervision_report import finding_label

# Only the fields each test needs; the others are None (their checks skipped).
STATE_FIELDS = AuditFieldNames(
    has_meter=None, metered=None, permit_m3=None, depth=None, permitted_depth=None, self_supplied=None,
    account=None, kwh=None, use=None,
)


@pytest.fixture(scope="module")
def rules():
    return load_rules()


def register(rows: list[dict]) -> gpd.GeoDataFrame:
    """A wells layer from dicts; every column the state checks read is there (object dtype, None when not given)."""
    columns = ["well_id", "permit_no", "status", "stopped_on", "deregistered_on", "township"]
    extra = sorted({key for row in rows for key in row} - set(columns))
    frame = pd.DataFrame({c: pd.Series([row.get(c) for row in rows], dtype=object) for c in columns + extra})
    frame["township"] = frame["township"].fillna("T")
    frame["permit_no"] = frame["permit_no"].fillna("P")
    return gpd.GeoDataFrame(frame, geometry=[Point(500000 + 10 * i, 5000000) for i in range(len(rows))], crs="EPSG:4537")


def found(result) -> set[tuple[str | None, str]]:
    return set(zip(result.findings["well_id"], result.findings["finding"]))


# -- point 11: 停工, rest days, late deregistration, sealing ------------------------------------------------


def test_works_halted_is_a_stop_trigger(rules):
    """停工 (works halted) stops a well like 停用: not active, so no no_permit, and its missing date is named."""
    wells = register([{"well_id": "HALT", "status": "停工", "permit_no": None}])
    result = compliance_audit(wells, rules, audit_date=dt.date(2025, 11, 1), fields=STATE_FIELDS)
    assert found(result) == set()  # before: taken as active, so no_permit
    assert any("HALT" in w and "no date" in w for w in result.warnings)
    assert result.summary.loc[0, "stopped_n"] == 1 and result.summary.loc[0, "active_n"] == 0


def test_holiday_table_by_hand(rules):
    calendar = WorkCalendar.from_rules(rules)
    assert calendar.is_rest_day(dt.date(2025, 10, 8))  # National Day 10-01..10-08
    assert not calendar.is_rest_day(dt.date(2025, 9, 28))  # Sunday, make-up working day
    assert not calendar.is_rest_day(dt.date(2024, 2, 18))  # Sunday, make-up working day of 2024
    assert calendar.is_rest_day(dt.date(2024, 2, 12))  # Monday inside the 2024 Spring Festival
    assert calendar.is_rest_day(dt.date(2025, 11, 1)) and not calendar.is_rest_day(dt.date(2025, 11, 3))
    assert deadline_after(dt.date(2025, 9, 1), 30, calendar).last_day == dt.date(2025, 10, 9)
    assert deadline_after(dt.date(2025, 8, 29), 30, calendar).last_day == dt.date(2025, 9, 28)
    assert deadline_after(dt.date(2025, 10, 2), 30, calendar).last_day == dt.date(2025, 11, 3)
    assert {2024, 2025, 2026, 2027} <= calendar.years and 2027 in calendar.unverified and 2025 not in calendar.unverified


@pytest.mark.parametrize(
    ("stop", "audit_day", "late"),
    [
        ("2025-09-01", dt.date(2025, 10, 9), False),  # day 30 in the holiday: the 9th is the last day
        ("2025-09-01", dt.date(2025, 10, 10), True),
        ("2025-08-29", dt.date(2025, 9, 29), True),  # day 30 a make-up working Sunday: not moved
        ("2025-10-02", dt.date(2025, 11, 3), False),  # day 30 a Saturday: Monday is the last day
        ("2025-10-02", dt.date(2025, 11, 4), True),
    ],
)
def test_deadline_on_a_rest_day_moves_to_the_next_working_day(rules, stop, audit_day, late):
    wells = register([{"well_id": "S", "status": "stopped", "stopped_on": stop}])
    result = compliance_audit(wells, rules, audit_date=audit_day, fields=STATE_FIELDS)
    assert (("S", "stopped_not_deregistered") in found(result)) is late


def test_moved_deadline_is_said_in_the_detail(rules):
    wells = register([{"well_id": "S", "status": "stopped", "stopped_on": "2025-09-01"}])
    result = compliance_audit(wells, rules, audit_date=dt.date(2025, 10, 10), fields=STATE_FIELDS)
    assert result.findings["detail"].iloc[0] == (
        "stopped on 2025-09-01, 39 days before the audit date, not deregistered "
        "(deadline 30 days, moved off rest days to 2025-10-09, notice item 11)"
    )


def test_late_deregistration_is_a_finding(rules):
    wells = register(
        [
            {"well_id": "INTIME", "status": "deregistered", "stopped_on": "2025-09-01", "deregistered_on": "2025-10-09"},
            {"well_id": "LATE", "status": "deregistered", "stopped_on": "2025-09-01", "deregistered_on": "2025-10-10"},
            {"well_id": "AFTER", "status": "stopped", "stopped_on": "2025-09-01", "deregistered_on": "2025-12-01"},
        ]
    )
    result = compliance_audit(wells, rules, audit_date=dt.date(2025, 11, 1), fields=STATE_FIELDS)
    # AFTER is deregistered after the audit date: still not deregistered on it (and so not yet late).
    assert found(result) == {("LATE", "deregistered_late"), ("AFTER", "stopped_not_deregistered")}
    detail = result.findings.set_index("well_id").loc["LATE", "detail"]
    assert detail == (
        "stopped on 2025-09-01, deregistered on 2025-10-10, 1 day(s) after the deadline 2025-10-09 (30 days), notice item 11"
    )
    assert result.findings.set_index("well_id").loc["LATE", "severity"] == "low"


def test_deregistered_but_not_sealed(rules):
    wells = register(
        [
            {"well_id": "NOSEAL", "status": "deregistered", "sealed_on": None},
            {"well_id": "SEALED", "status": "deregistered", "sealed_on": "2025-02-01"},
            {"well_id": "YES", "status": "deregistered", "sealed_on": "是"},
            {"well_id": "NO", "status": "deregistered", "sealed_on": "否"},
            {"well_id": "LATER", "status": "deregistered", "sealed_on": "2025-12-01"},
            {"well_id": "WORD", "status": "已封井", "sealed_on": None},  # the status word says sealed: deregistered, and
            {"well_id": "ACTIVE", "status": "active", "sealed_on": None},  # ... an active well need not be sealed
        ]
    )
    result = compliance_audit(wells, rules, audit_date=dt.date(2025, 11, 1), fields=STATE_FIELDS)
    assert found(result) == {
        ("NOSEAL", "deregistered_not_sealed"), ("NO", "deregistered_not_sealed"), ("LATER", "deregistered_not_sealed"),
        ("WORD", "deregistered_not_sealed"),
    }
    assert not [m for m in result.messages if "taken as active" in m]  # 已封井 is a known status word
    by_well = result.findings.set_index("well_id")
    assert by_well.loc["LATER", "detail"] == (
        "deregistered but not sealed (封填) (sealing dated 2025-12-01, after the audit date), notice item 11"
    )
    assert by_well.loc["NOSEAL", "notice_item"] == "11" and by_well.loc["NOSEAL", "severity"] == "medium"


def test_sealing_field_absent_is_skipped_and_said(rules):
    wells = register([{"well_id": "D", "status": "deregistered"}])
    result = compliance_audit(wells, rules, audit_date=dt.date(2025, 11, 1), fields=STATE_FIELDS)
    assert found(result) == set()
    assert "Not checked: deregistered_not_sealed (no field 'sealed_on' in 'wells')" in result.warnings


# -- point 13: summary counts that do not overlap, over quota -------------------------------------------------


def test_state_counts_add_up_to_the_wells(rules):
    """DEREG in cases.py was stopped 2025-01-01 and deregistered 2025-01-20: deregistered only, not also stopped.

    By hand on 2025-11-01: active OK NOMETER OVER EQUAL NOPERMIT DEEP SELFNEAR SELFFAR = 8; stopped DAY30 DAY31
    ILLEGALPOWER = 3; deregistered DEREG = 1; 8 + 3 + 1 = 12 wells.
    """
    result = compliance_audit(audit_gdf(), rules, audit_date=dt.date.fromisoformat(AUDIT_DATE_TEXT))
    assert any("12 well(s) (8 active, 3 stopped, 1 deregistered)" in m for m in result.messages)
    summary = result.summary
    assert summary["wells_n"].sum() == 12
    assert (summary["active_n"] + summary["stopped_n"] + summary["deregistered_n"] == summary["wells_n"]).all()
    t2 = summary.set_index("township").loc["T2"]  # NOPERMIT, DAY30, DAY31, DEREG, DEEP
    assert (t2["wells_n"], t2["active_n"], t2["stopped_n"], t2["deregistered_n"]) == (5, 2, 2, 1)


def test_over_quota(rules):
    """By hand: Q1 农灌 2.5 mu × 400 m³/mu = 1000 m³, metered 1100 -> 100 m³ (10.0 %) over; Q2 1000 = 1000 is not;
    Q3 own quota 500, metered 600 -> 100 (20.0 %); Q4 工业 has no quota in the rules and no own quota -> nothing;
    Q5 生活 10 persons × 36.5 = 365 m³, metered 400 -> 35 (9.6 %)."""
    wells = register(
        [
            {"well_id": "Q1", "use": "农灌", "quota_units": 2.5, "quota_m3": None, "metered_m3": 1100},
            {"well_id": "Q2", "use": "农灌", "quota_units": 2.5, "quota_m3": None, "metered_m3": 1000},
            {"well_id": "Q3", "use": "industrial", "quota_units": None, "quota_m3": 500, "metered_m3": 600},
            {"well_id": "Q4", "use": "工业", "quota_units": 3, "quota_m3": None, "metered_m3": 9999},
            {"well_id": "Q5", "use": "生活", "quota_units": 10, "quota_m3": None, "metered_m3": 400},
        ]
    )
    fields = AuditFieldNames(
        has_meter=None, permit_m3=None, depth=None, permitted_depth=None, self_supplied=None, account=None, kwh=None,
        stopped_on=None, deregistered_on=None,
    )
    result = compliance_audit(wells, rules, audit_date=dt.date(2025, 11, 1), fields=fields)
    assert found(result) == {("Q1", "over_quota"), ("Q3", "over_quota"), ("Q5", "over_quota")}
    detail = result.findings.set_index("well_id")["detail"]
    assert detail["Q1"] == (
        "metered 1,100 m³ exceeds the quota volume 1,000 m³ (irrigation quota 400 m³ per mu per year × 2.5) by 100 m³ "
        "(10.0 %), notice items 10 and 13"
    )
    assert "quota volume 500 m³ (quota_m3 field) by 100 m³ (20.0 %)" in detail["Q3"]
    assert "quota volume 365 m³" in detail["Q5"] and "by 35 m³ (9.6 %)" in detail["Q5"]


def test_over_quota_without_quota_fields_is_skipped_and_said(rules):
    result = compliance_audit(audit_gdf(), rules, audit_date=dt.date.fromisoformat(AUDIT_DATE_TEXT))
    assert "Not checked: over_quota (no quota field 'quota_m3' or 'quota_units' with a use field in 'wells')" in result.warnings


# -- point 12: power after a stop, outside the irrigation season, accounts with no well --------------------------

POWER_AUDIT_DATE = dt.date(2025, 12, 31)


def power_register() -> gpd.GeoDataFrame:
    return register(
        [
            {"well_id": "STOP", "status": "stopped", "stopped_on": "2025-10-20", "use": "industrial", "power_account": "s1"},
            {"well_id": "DEREG", "status": "deregistered", "stopped_on": "2025-06-01", "deregistered_on": "2025-06-30",
             "use": "农灌", "power_account": "d1"},
            {"well_id": "FARM", "status": "active", "use": "农灌", "power_account": "f1"},
            {"well_id": "IND", "status": "active", "use": "industrial", "power_account": "i1"},
            {"well_id": "UNDATED", "status": "stopped", "use": "industrial", "power_account": "u1"},
        ]
    )


def power_table() -> pd.DataFrame:
    rows = [
        ("s1", "2025-10", 500),  # straddles the stop on 10-20: cannot tell, not counted
        ("s1", "2025-11", 300), ("s1", "2025年12月", 200),  # after the stop: 500 kWh
        ("d1", "2025-07", 1000), ("d1", "2025-11", 50),  # after the stop on 06-01: 1050 kWh (not also off-season)
        ("f1", "2025-05", 800), ("f1", "2025", 999),  # in season; a whole year straddles the season
        ("f1", "2025-11", 120), ("f1", "2026-01", 10),  # 2025-11 outside the season; 2026-01 after the audit date
        ("i1", "2025-12", 500),  # not an irrigation well
        ("u1", "2025-11", 40),  # stopped without a date: cannot be placed
        ("zz", "2025-11", 70),  # named by no well
    ]
    return pd.DataFrame(rows, columns=["account", "period", "kwh"])


POWER_FIELDS = AuditFieldNames(
    has_meter=None, metered=None, permit_m3=None, depth=None, permitted_depth=None, self_supplied=None, kwh=None,
)


def test_power_after_a_stop_outside_the_season_and_with_no_well(rules):
    result = compliance_audit(power_register(), rules, audit_date=POWER_AUDIT_DATE, fields=POWER_FIELDS, power=power_table())
    assert found(result) == {
        ("STOP", "stopped_not_deregistered"),  # stopped 2025-10-20, not deregistered by 12-31 (not a power finding)
        ("STOP", "power_while_stopped"),
        ("DEREG", "power_while_stopped"),
        ("FARM", "power_outside_irrigation_season"),
        (None, "power_account_without_well"),
    }
    detail = dict(zip(result.findings["finding"] + "/" + result.findings["well_id"].fillna("-"), result.findings["detail"]))
    assert detail["power_while_stopped/STOP"] == (
        "stopped on 2025-10-20, yet power account s1 drew 500 kWh in 2025-11, 2025年12月; no power may be supplied to a "
        "well that may not abstract, notice item 16"
    )
    assert "stopped on 2025-06-01, yet power account d1 drew 1,050 kWh in 2025-07, 2025-11" in detail["power_while_stopped/DEREG"]
    assert detail["power_outside_irrigation_season/FARM"] == (
        "irrigation well drew 120 kWh on power account f1 in 2025-11, outside the irrigation season (04-01 to 10-31); "
        "farm wells are to be reported off after the season, notice item 16"
    )
    assert detail["power_account_without_well/-"] == (
        "power account zz (70 kWh in 'power accounts') is linked to no well of the register: a possibly unregistered "
        "well, notice item 16"
    )
    assert any("1 stopped or deregistered well(s) with a power account have no stop or deregistration date" in m
               for m in result.messages)


def test_account_without_a_well_is_a_row_after_the_wells(rules):
    result = compliance_audit(power_register(), rules, audit_date=POWER_AUDIT_DATE, fields=POWER_FIELDS, power=power_table())
    findings = result.findings
    last = len(findings) - 1
    assert findings.attrs["account_rows"] == [last]
    assert len(findings.attrs["well_rows"]) == last
    assert findings["finding"].iloc[last] == "power_account_without_well" and findings.geometry.iloc[last] is None
    assert findings["severity"].iloc[last] == "high" and findings["notice_item"].iloc[last] == "16"
    assert result.summary.set_index("township").loc["(no township)", "power_account_without_well"] == 1


def test_power_with_yearly_periods_only_cannot_tell_and_says_so(rules):
    power = pd.DataFrame({"account": ["s1", "f1"], "period": ["2025", "2025"], "kwh": [500, 120]})
    result = compliance_audit(power_register(), rules, audit_date=POWER_AUDIT_DATE, fields=POWER_FIELDS, power=power)
    assert {code for _, code in found(result)} == {"stopped_not_deregistered"}  # no power finding
    # A year gives dates, but straddles both the stop and the season: nothing can be told, nothing is claimed.
    no_period = power.drop(columns=["period"])
    result = compliance_audit(
        power_register(), rules, audit_date=POWER_AUDIT_DATE, fields=POWER_FIELDS, power=no_period,
        power_fields=PowerFieldNames(period=None),
    )
    assert "Not checked: power_while_stopped ('power accounts' has no period field)" in result.warnings


def test_kwh_field_only_skips_the_dated_power_checks(rules):
    wells = audit_gdf()
    result = compliance_audit(wells, rules, audit_date=dt.date.fromisoformat(AUDIT_DATE_TEXT))
    for code in ("power_while_stopped", "power_outside_irrigation_season", "power_account_without_well"):
        assert f"Not checked: {code} (no POWER table)" in result.warnings


# -- the rules file and the report --------------------------------------------------------------------------------


def test_new_findings_have_items_severities_and_names(rules):
    node = rules.get("compliance", "findings")
    for code in FINDINGS:
        assert node[code]["severity"] in {"low", "medium", "high", "critical"}  # never the zone grades 严重/一般
        assert f"finding.{code}" in catalogue() and all(catalogue()[f"finding.{code}"])
    assert finding_label("deregistered_late", "zh", rules) == "逾期办理注销（超过30日）"
    assert finding_label("power_account_without_well", "zh", rules) == "供电户号未对应任何机井"


def test_assumptions_are_marked_in_the_rules_file(rules):
    compliance = rules.get("compliance")
    assert "assumption" in compliance["irrigation_season"] and "assumption" in compliance["deadline_on_rest_day"]
    for key, node in compliance["use_quotas"].items():
        if isinstance(node, dict):
            assert node.get("assumption"), key
    for code in ("deregistered_late", "deregistered_not_sealed", "over_quota", "power_while_stopped",
                 "power_outside_irrigation_season", "power_account_without_well"):
        assert compliance["findings"][code].get("assumption"), code
    years = compliance["public_holidays"]["years"]
    assert set(years) == {"2024", "2025", "2026", "2027"} and all(years[y]["source"] for y in years)
    assert "停工" in rules.get("screening", "closure_list", "inactive_status", "stopped")


def test_season_edges(rules):
    from tuoli_gw_plugin.engine.bookkeeping.audit import outside_season

    season = ((4, 1), (10, 31))
    assert outside_season(dt.date(2025, 11, 1), dt.date(2025, 11, 30), season)
    assert outside_season(dt.date(2025, 3, 31), dt.date(2025, 3, 31), season)
    assert not outside_season(dt.date(2025, 10, 31), dt.date(2025, 10, 31), season)
    assert not outside_season(dt.date(2025, 3, 15), dt.date(2025, 4, 15), season)
    assert not outside_season(dt.date(2025, 11, 1), dt.date(2026, 4, 1), season)  # reaches the next season
