"""The permit decision engine on the hand-built world (world.py): verdicts, clauses, red line, interference,
and the messages for bad input. Every expected number is worked out in world.py or in the comments here."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tests.permit import world
from tuoli_gw_plugin.engine.core.errors import EngineInputError
from tuoli_gw_plugin.engine.core.rules import load_rules
from tuoli_gw_plugin.engine.permit.decision import TheisSettings, decide_permits, prepare_aquifer, safe_file_stem
from tuoli_gw_plugin.engine.screening.well_sites import prepare_screening

SETTINGS = TheisSettings(world.T, world.S, world.DAYS, world.RADIUS)


def _prepared():
    return prepare_screening(
        world.zones(),
        grade_field="grade",
        name_field="zone_name",
        pipes=world.pipes(),
        supply_areas=None,
        coverage_distance_m=500.0,
        townships=world.townships(),
        township_name_field="name_zh",
        remaining_field="remaining_m3",
        rules=load_rules(),
        layer_names={"zones": "zones", "pipes": "pipes", "townships": "townships", "wells": "applications"},
    )


def _decide(applications=None, settings=SETTINGS, **kwargs):
    options = {
        "id_field": "app_id",
        "requested_field": "requested_m3",
        "use_field": "use",
        "applicant_field": "applicant",
        "existing_wells": world.existing_wells(),
        "existing_id_field": "well_id",
        "language": "en",
    }
    options.update(kwargs)
    return decide_permits(_prepared(), world.applications() if applications is None else applications, settings, load_rules(), **options)


def test_verdicts_reasons_and_quota_by_hand():
    decisions = {d.application_id: d for d in _decide().decisions}
    expected = {
        "A1": ("prohibited", ["severe_zone"], "within"),
        "A2": ("restricted", ["general_zone"], "within"),
        "A3": ("prohibited", ["supply_coverage"], "within"),
        "A4": ("restricted", ["request_over_remaining_quota"], "exceeds_remaining"),
        "A5": ("restricted", ["request_over_remaining_quota"], "exceeds_remaining"),
        "A6": ("prohibited", ["red_line_exhausted"], "used_up"),
    }
    for app_id, (verdict, codes, quota) in expected.items():
        decision = decisions[app_id]
        assert (decision.verdict, [r.code for r in decision.reasons], decision.quota_status) == (verdict, codes, quota), app_id
    assert decisions["A4"].remaining_m3 == 10_000.0 and decisions["A5"].remaining_m3 == 10_000.0
    # The batch: A2 took 5 000 before A4; A4 then took the 5 000 left, so nothing is left for A5.
    assert (decisions["A4"].taken_before_m3, decisions["A4"].left_for_it_m3) == (5_000.0, 5_000.0)
    assert (decisions["A5"].taken_before_m3, decisions["A5"].left_for_it_m3) == (10_000.0, 0.0)
    assert [decisions[a].batch_position for a in ("A1", "A2", "A3", "A4", "A5", "A6")] == [1, 2, 3, 4, 5, 6]
    assert decisions["A6"].remaining_m3 == 0.0
    assert decisions["A3"].supply_distance_m == pytest.approx(200.0)
    assert decisions["A3"].in_supply_coverage is True
    assert decisions["A1"].zone_name == "严重区" and decisions["A1"].zone_grade == "severe"
    assert decisions["A1"].township == "甲乡" and decisions["A6"].township == "乙乡"


def test_each_reason_quotes_its_own_clause_from_the_rules_file():
    rules = load_rules()
    decisions = {d.application_id: d for d in _decide(language="zh").decisions}
    assert decisions["A1"].reasons[0].basis == rules.get("screening", "zone_grades", "severe")["basis_zh"]
    assert "二（三）" in decisions["A1"].reasons[0].basis
    assert decisions["A5"].reasons[0].basis == rules.get("screening", "request_over_remaining")["basis_zh"]
    assert decisions["A6"].reasons[0].basis == rules.get("screening", "red_line_exhausted")["basis_zh"]
    alone = _decide(world.applications().iloc[[3]], language="zh").decisions[0]
    assert (alone.verdict, alone.quota_status, alone.basis) == ("allowed", "within", rules.get("screening", "allowed")["basis_zh"])


def test_without_remaining_quota_the_red_line_is_not_checked():
    prepared = prepare_screening(
        world.zones(),
        grade_field="grade",
        name_field="zone_name",
        pipes=world.pipes(),
        supply_areas=None,
        coverage_distance_m=500.0,
        townships=world.townships(),
        township_name_field="name_zh",
        remaining_field=None,
        rules=load_rules(),
        layer_names={"wells": "applications"},
    )
    batch = decide_permits(
        prepared, world.applications(), SETTINGS, load_rules(), id_field="app_id", requested_field="requested_m3", use_field="use"
    )
    assert {d.quota_status for d in batch.decisions} == {"not_checked"}
    assert all(d.remaining_m3 is None for d in batch.decisions)


def test_interference_at_the_existing_wells_by_hand():
    a4 = next(d for d in _decide().decisions if d.application_id == "A4")
    assert a4.rate_m3_per_day == 90.0  # 9 000 m³ over 100 days
    rows = {row.well_id: row for row in a4.interference}
    assert set(rows) == {"W_NEAR", "W_FAR"}  # W_OUT is 1 500 m away, beyond the 1 000 m radius
    # r = 1 m: u = 1 · 0.001 / (4 · 100 · 100) = 2.5e-8; W = −0.5772157 + 17.5043900 + 2.5e-8 = 16.9271743;
    # s = 90 / (4π · 100) · 16.9271743 = 0.07161972 · 16.9271743 = 1.212319 m > 1 m threshold: affected.
    assert rows["W_NEAR"].distance_m == pytest.approx(1.0)
    assert rows["W_NEAR"].drawdown_m == pytest.approx(1.212319, abs=1e-6)
    assert rows["W_NEAR"].affected is True
    # r = 100 m: s = 0.552695 m (test_theis.test_one_drawdown_by_hand): below the threshold.
    assert rows["W_FAR"].drawdown_m == pytest.approx(0.552695, abs=1e-6)
    assert rows["W_FAR"].affected is False
    assert [row.well_id for row in a4.interference] == ["W_NEAR", "W_FAR"]  # nearest first
    assert [row.well_id for row in a4.affected] == ["W_NEAR"]


def test_aquifer_layer_overrides_the_parameters_where_it_covers_the_site():
    aquifer = prepare_aquifer(world.aquifer(), "T", "S", "aquifer", _prepared().work_crs)
    batch = _decide(aquifer=aquifer)
    a4 = next(d for d in batch.decisions if d.application_id == "A4")
    assert (a4.transmissivity_m2_per_day, a4.storativity) == (200.0, 0.002)
    # T = 200, S = 0.002: u at 100 m is again 2.5e-4, so s = 90 / (4π · 200) · 7.7170839 = 0.03580986 · 7.7170839 = 0.276348 m.
    far = next(row for row in a4.interference if row.well_id == "W_FAR")
    assert far.drawdown_m == pytest.approx(0.276348, abs=1e-6)
    a1 = next(d for d in batch.decisions if d.application_id == "A1")
    assert (a1.transmissivity_m2_per_day, a1.aquifer_source) == (world.T, "parameters")
    assert any("A1" in warning for warning in batch.warnings)


def test_min_distance_caps_the_drawdown_at_the_well_itself():
    wells = world.existing_wells()
    wells.loc[0, "geometry"] = world.applications().geometry.iloc[3]  # an existing well exactly at A4
    a4 = next(d for d in _decide(existing_wells=wells).decisions if d.application_id == "A4")
    row = next(r for r in a4.interference if r.well_id == "W_NEAR")
    assert row.distance_m == 0.0 and math.isfinite(row.drawdown_m)
    # computed at the rules file's min_distance_m = 0.5 m: u = 0.25 · 0.001 / 40 000 = 6.25e-9
    assert row.u == pytest.approx(6.25e-9)


def test_missing_requested_field_is_named():
    apps = world.applications().drop(columns=["requested_m3"])
    with pytest.raises(EngineInputError, match="requested_m3"):
        _decide(apps)


def test_nan_request_names_the_application():
    apps = world.applications()
    apps.loc[2, "requested_m3"] = np.nan
    with pytest.raises(EngineInputError, match="A3") as caught:
        _decide(apps)
    assert caught.value.field == "requested_m3"


def test_zero_request_is_refused():
    apps = world.applications()
    apps.loc[0, "requested_m3"] = 0.0
    with pytest.raises(EngineInputError, match="A1"):
        _decide(apps)


@pytest.mark.parametrize(
    ("t", "s", "days", "radius"),
    [(-100.0, 0.001, 100, 1000), (math.nan, 0.001, 100, 1000), (100.0, 0.0, 100, 1000), (100.0, 0.001, 0, 1000), (100.0, 0.001, 100, -1)],
)
def test_bad_theis_parameters_are_refused(t, s, days, radius):
    with pytest.raises(EngineInputError):
        _decide(settings=TheisSettings(t, s, days, radius))


def test_aquifer_with_nan_or_negative_values_names_feature_and_field():
    aquifer = world.aquifer()
    aquifer.loc[0, "T"] = np.nan
    with pytest.raises(EngineInputError) as caught:
        prepare_aquifer(aquifer, "T", "S", "aquifer", _prepared().work_crs)
    assert caught.value.field == "T" and caught.value.layer == "aquifer"
    aquifer = world.aquifer()
    aquifer.loc[0, "S"] = -0.1
    with pytest.raises(EngineInputError) as caught:
        prepare_aquifer(aquifer, "T", "S", "aquifer", _prepared().work_crs)
    assert caught.value.field == "S"


def test_duplicate_and_empty_ids_are_refused():
    apps = world.applications()
    apps.loc[1, "app_id"] = "A1"
    with pytest.raises(EngineInputError, match="A1"):
        _decide(apps)
    apps = world.applications()
    apps.loc[1, "app_id"] = "a/1"
    apps.loc[2, "app_id"] = "a:1"  # the same file name
    with pytest.raises(EngineInputError, match="a:1"):
        _decide(apps)
    apps = world.applications()
    apps.loc[4, "app_id"] = None
    with pytest.raises(EngineInputError, match="no id"):
        _decide(apps)


def test_input_frames_are_not_modified():
    apps, wells = world.applications(), world.existing_wells()
    before = (apps.copy(), wells.copy())
    _decide(apps, existing_wells=wells)
    assert apps.equals(before[0]) and wells.equals(before[1])


@pytest.mark.parametrize(
    ("application_id", "stem"),
    [("SQ-2025-001", "SQ-2025-001"), ("a/b\\c:d", "a_b_c_d"), ("申请 01", "申请_01"), ("../x", "x"), ("", "application")],
)
def test_file_names_from_ids(application_id, stem):
    assert safe_file_stem(application_id) == stem
