"""Engine tests (no QGIS) of the compliance audit: each finding, the 30/31-day edge, dates, bad input.

The register is in cases.py; the audit date is 2025-11-01. Expected findings by hand:
NOMETER no_meter; OVER over_permit (1200 > 1000; EQUAL at 1000 is not); NOPERMIT no_permit;
DAY30 (stopped 2025-10-02, 30 days) nothing; DAY31 (2025-10-01, 31 days) stopped_not_deregistered;
DEEP depth_over_permit (130 > 120); SELFNEAR self_supplied_in_coverage (100 m from the pipe,
coverage 500 m; SELFFAR at 600 m is not); ILLEGALPOWER power_without_permit (4200 kWh, no permit;
stopped 12 days ago, so neither no_permit nor no_meter).
"""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import pandas as pd
import pytest
from cases import AUDIT_DATE_TEXT, audit_gdf, pipes_gdf
from shapely.geometry import Point

from tuoli_gw_plugin.engine.bookkeeping.audit import AuditFieldNames, compliance_audit, parse_audit_date
from tuoli_gw_plugin.engine.core.errors import EngineInputError
from tuoli_gw_plugin.engine.core.rules import load_rules

AUDIT_DATE = dt.date(2025, 11, 1)
EXPECTED = {
    ("NOMETER", "no_meter"),
    ("OVER", "over_permit"),
    ("NOPERMIT", "no_permit"),
    ("DAY31", "stopped_not_deregistered"),
    ("DEEP", "depth_over_permit"),
    ("SELFNEAR", "self_supplied_in_coverage"),
    ("ILLEGALPOWER", "power_without_permit"),
}


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.fixture(scope="module")
def audited(rules):
    return compliance_audit(audit_gdf(), rules, audit_date=AUDIT_DATE, supply_pipes=pipes_gdf())


def test_each_finding_once(audited):
    found = set(zip(audited.findings["well_id"], audited.findings["finding"]))
    assert found == EXPECTED
    assert len(audited.findings) == len(EXPECTED)


def test_items_and_severities_from_the_rules(audited):
    by_code = audited.findings.set_index("finding")
    assert by_code.loc["no_meter", "notice_item"] == "9" and by_code.loc["no_meter", "severity"] == "high"
    assert by_code.loc["no_permit", "notice_item"] == "18" and by_code.loc["no_permit", "severity"] == "critical"
    assert by_code.loc["stopped_not_deregistered", "notice_item"] == "11"
    assert by_code.loc["self_supplied_in_coverage", "notice_item"] == "13"
    assert by_code.loc["power_without_permit", "notice_item"] == "16"


def test_details_read_as_sentences(audited):
    detail = audited.findings.set_index("finding")["detail"]
    assert detail["stopped_not_deregistered"] == (
        "stopped on 2025-10-01, 31 days before the audit date, not deregistered (deadline 30 days, notice item 11)"
    )
    assert "by 200 m³ (20.0 %)" in detail["over_permit"]
    assert "100 m from the nearest supply pipe (coverage 500 m)" in detail["self_supplied_in_coverage"]
    assert "4,200 kWh" in detail["power_without_permit"]
    assert "10 m deeper" in detail["depth_over_permit"]


def test_geometry_is_the_wells(audited):
    wells = audit_gdf().set_index("well_id")
    for _, finding in audited.findings.iterrows():
        assert finding.geometry.equals(wells.loc[finding["well_id"], "geometry"])
    assert audited.findings.crs == wells.crs


@pytest.mark.parametrize(("audit_day", "finding"), [(dt.date(2025, 10, 31), False), (dt.date(2025, 11, 1), True)])
def test_day_30_is_not_a_finding_day_31_is(rules, audit_day, finding):
    wells = audit_gdf()
    wells = wells[wells["well_id"] == "DAY31"]  # stopped 2025-10-01
    result = compliance_audit(wells, rules, audit_date=audit_day)
    assert ("stopped_not_deregistered" in set(result.findings["finding"])) is finding


@pytest.mark.parametrize("stop", ["2025-10-01", "2025/10/1", "2025年10月1日", dt.date(2025, 10, 1),
                                  pd.Timestamp("2025-10-01")])
def test_dates_as_dates_or_text(rules, stop):
    wells = audit_gdf()
    wells = wells[wells["well_id"] == "DAY31"].copy()
    wells["stopped_on"] = pd.Series([stop], index=wells.index, dtype=object)
    result = compliance_audit(wells, rules, audit_date=AUDIT_DATE)
    assert list(result.findings["finding"]) == ["stopped_not_deregistered"]


def test_bad_date_names_layer_feature_and_field(rules):
    wells = audit_gdf()
    wells.loc[wells["well_id"] == "DAY31", "stopped_on"] = "last autumn"
    with pytest.raises(EngineInputError) as error:
        compliance_audit(wells, rules, audit_date=AUDIT_DATE, wells_layer="wells_2025")
    message = str(error.value)
    assert "wells_2025" in message and "well_id=DAY31" in message and "'stopped_on'" in message
    assert "last autumn" in message


def test_deregistered_after_the_audit_date_still_counts_as_not_deregistered(rules):
    wells = audit_gdf()
    wells = wells[wells["well_id"] == "DAY31"].copy()
    wells["deregistered_on"] = pd.Series(["2025-12-01"], index=wells.index, dtype=object)
    result = compliance_audit(wells, rules, audit_date=AUDIT_DATE)
    assert list(result.findings["finding"]) == ["stopped_not_deregistered"]


def test_audit_date_parameter():
    assert parse_audit_date("2026/11/28") == dt.date(2026, 11, 28)
    assert parse_audit_date("", today=dt.date(2026, 11, 28)) == dt.date(2026, 11, 28)
    assert parse_audit_date(None) == dt.date.today()
    with pytest.raises(EngineInputError, match="AUDIT_DATE 'next week' is not a date"):
        parse_audit_date("next week")


def test_power_table_instead_of_kwh_field(rules):
    wells = audit_gdf()
    wells["kwh"] = None  # no kWh on the wells: the table decides
    power = pd.DataFrame({"account": ["k11", "k11", "k2"], "period": ["2025", "2024", "2025"], "kwh": [10, 99, 5]})
    result = compliance_audit(wells, rules, audit_date=AUDIT_DATE, power=power, period="2025")
    row = result.findings[result.findings["finding"] == "power_without_permit"]
    assert list(row["well_id"]) == ["ILLEGALPOWER"] and "10 kWh (power account k11" in row["detail"].iloc[0]


def test_supply_area_coverage(rules):
    from shapely.geometry import box

    areas = pd.DataFrame({"area": ["x"]})
    import geopandas as gpd

    areas = gpd.GeoDataFrame(areas, geometry=[box(500400, 500, 500600, 700)], crs="EPSG:4537")  # holds SELFFAR
    result = compliance_audit(audit_gdf(), rules, audit_date=AUDIT_DATE, supply_areas=areas)
    found = result.findings[result.findings["finding"] == "self_supplied_in_coverage"]
    assert list(found["well_id"]) == ["SELFFAR"] and "inside a supply area" in found["detail"].iloc[0]


def test_missing_fields_skip_their_checks_and_say_so(rules):
    wells = audit_gdf().drop(columns=["depth_m", "permitted_depth_m"])
    fields = AuditFieldNames(depth=None, permitted_depth=None)
    result = compliance_audit(wells, rules, audit_date=AUDIT_DATE, fields=fields)
    assert "depth_over_permit" not in set(result.findings["finding"])
    assert any("Not checked: depth_over_permit" in w for w in result.warnings)
    assert any("self_supplied_in_coverage" in w for w in result.warnings)  # no supply layer given


def test_summary_counts_per_township(audited):
    summary = audited.summary.set_index("township")
    assert summary.loc["T1", "findings_n"] == 2 and summary.loc["T1", "no_meter"] == 1
    assert summary.loc["T2", "findings_n"] == 3 and summary.loc["T2", "stopped_not_deregistered"] == 1
    assert summary.loc["T3", "self_supplied_in_coverage"] == 1 and summary.loc["T3", "power_without_permit"] == 1


def test_log_counts_per_finding(audited):
    text = "\n".join(audited.messages)
    assert "no_meter (item 9, high): 1" in text and "stopped_not_deregistered (item 11, medium): 1" in text


def test_audit_date_constant_matches_cases():
    assert AUDIT_DATE.isoformat() == AUDIT_DATE_TEXT


def test_dates_that_cannot_be_right_are_named(rules):
    """Issue 13, items 10 and 11: a stop dated 2099 and an audit date of 1900 are warned about, by well and date."""
    wells = audit_gdf()
    wells.loc[wells["well_id"] == "DEEP", "stopped_on"] = "2099-03-01"
    result = compliance_audit(wells, rules, audit_date=AUDIT_DATE, today=dt.date(2026, 12, 1))
    future = [w for w in result.warnings if "after today" in w]
    assert len(future) == 1 and "DEEP (2099-03-01)" in future[0] and "stopped_on" in future[0]
    early = compliance_audit(audit_gdf(), rules, audit_date=dt.date(1900, 1, 1), today=dt.date(2026, 12, 1))
    assert any("1900-01-01 is before the notice was issued (2024-12-03)" in w for w in early.warnings)
    late = compliance_audit(audit_gdf(), rules, audit_date=dt.date(2027, 5, 1), today=dt.date(2026, 12, 1))
    assert any("2027-05-01 is after today" in w for w in late.warnings)
    assert not [w for w in compliance_audit(audit_gdf(), rules, audit_date=AUDIT_DATE).warnings if "today" in w or "notice was" in w]


def test_item_13_asks_the_one_self_supplied_decision(rules):
    """Issue 25: the register's own field where it has a value, else the use. Next to the pipe (100 m): SELFNEAR
    (field 是); BLANKDOM (field empty, domestic: a 自备井 by its use); BLANKIRR (field empty, irrigation: not a 自备井);
    NODOM (field says no, domestic: the register decides)."""
    wells = audit_gdf()
    near = wells[wells["well_id"] == "SELFNEAR"]
    extra = []
    cases = (("BLANKDOM", None, "domestic", 20), ("BLANKIRR", None, "irrigation", 40), ("NODOM", "否", "domestic", 60))
    for well_id, flag, use, dx in cases:
        row = near.copy()
        row["well_id"], row["self_supplied"], row["use"] = well_id, flag, use
        row["power_account"] = f"p-{well_id}"
        row["geometry"] = [Point(500000 + dx, 100)]
        extra.append(row)
    wells = gpd.GeoDataFrame(pd.concat([wells, *extra], ignore_index=True), crs=wells.crs)
    result = compliance_audit(wells, rules, audit_date=AUDIT_DATE, supply_pipes=pipes_gdf())
    found = set(result.findings.loc[result.findings["finding"] == "self_supplied_in_coverage", "well_id"])
    assert found == {"SELFNEAR", "BLANKDOM"}
    # Without the field the use alone decides: NODOM (domestic) is then one too.
    by_use = compliance_audit(wells.drop(columns=["self_supplied"]), rules, audit_date=AUDIT_DATE, supply_pipes=pipes_gdf(),
                              fields=AuditFieldNames(self_supplied=None))
    assert set(by_use.findings.loc[by_use.findings["finding"] == "self_supplied_in_coverage", "well_id"]) == {
        "SELFNEAR", "BLANKDOM", "NODOM"}
