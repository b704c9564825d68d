"""A batch judged together (issue 25), on a hand-built two-application case, and the permit decision's other points:
only pumping wells are interfered wells, pumping days per use, the aquifer named from S.

Township 丙乡 (x 0–10 km) has 15 000 m³ of its red line left; no zone, no pipe near. B1 and B2 each ask 9 000 m³ for
irrigation, 200 m apart; the existing well W stands halfway (100 m from each). T = 100 m²/d, S = 0.001, 100 days.

Quota, by date (B2 applied first): B2 within (9 000 of 15 000), B1 compared with the 6 000 left: 3 000 over, restricted.
Alone, each would be allowed.
Drawdown at W: each 90 m³/d at r = 100 m: u = 100² · 0.001 / (4 · 100 · 100) = 2.5e-4, W(u) = 7.7170839,
s = 90 / (4π · 100) · 7.7170839 = 0.552695 m; together 1.105390 m > 1 m: W is affected only by the two together.
At the other application (r = 200 m): u = 1e-3, W = 6.3315393, s = 0.0716197 · 6.3315393 = 0.453463 m.
"""

from __future__ import annotations

import math

import geopandas as gpd
import pytest
import shapely
from scipy.special import exp1

from tuoli_gw_plugin.engine.core.rules import load_rules
from tuoli_gw_plugin.engine.permit.decision import CONFINED, UNCONFINED, TheisSettings, aquifer_kind, decide_permits
from tuoli_gw_plugin.engine.screening.well_sites import prepare_screening

CRS = "EPSG:4537"
X0, Y0 = 500_000.0, 5_000_000.0
T, S, DAYS, RADIUS = 100.0, 0.001, 100.0, 1000.0


def _theis(rate: float, r: float, t: float = T, s: float = S, days: float = DAYS) -> float:
    """The drawdown by scipy's E1, independently of the engine's W(u)."""
    return rate / (4 * math.pi * t) * float(exp1(r * r * s / (4 * t * days)))


def _prepared():
    zones = gpd.GeoDataFrame({"zone_name": ["远处"], "grade": ["severe"]}, geometry=[shapely.box(X0 + 20_000, Y0, X0 + 21_000, Y0 + 1_000)],
                             crs=CRS)
    pipe = shapely.LineString([(X0 + 9_000, Y0), (X0 + 9_000, Y0 + 9_000)])
    township = shapely.box(X0, Y0, X0 + 10_000, Y0 + 10_000)
    return prepare_screening(
        zones,
        pipes=gpd.GeoDataFrame({"pipe_id": [1]}, geometry=[pipe], crs=CRS),
        coverage_distance_m=500.0,
        townships=gpd.GeoDataFrame({"name_zh": ["丙乡"], "remaining_m3": [15_000.0]}, geometry=[township], crs=CRS),
        rules=load_rules(),
        layer_names={"wells": "applications", "existing_wells": "wells"},
    )


def _applications(**columns) -> gpd.GeoDataFrame:
    frame = {"app_id": ["B1", "B2"], "use": ["irrigation", "irrigation"], "requested_m3": [9_000.0, 9_000.0],
             "applied_on": ["2025-03-02", "2025-03-01"]}
    frame.update(columns)
    return gpd.GeoDataFrame(frame, geometry=[shapely.Point(X0 + 2_000, Y0 + 2_000), shapely.Point(X0 + 2_200, Y0 + 2_000)], crs=CRS)


def _existing(**columns) -> gpd.GeoDataFrame:
    frame = {"well_id": ["W"], "status": ["active"]}
    frame.update(columns)
    points = [shapely.Point(X0 + 2_100, Y0 + 2_000 + 10 * i) for i in range(len(frame["well_id"]))]
    return gpd.GeoDataFrame(frame, geometry=points, crs=CRS)


SETTINGS = TheisSettings(T, S, DAYS, RADIUS)


def _decide(applications=None, existing=None, settings=SETTINGS, **options):
    return decide_permits(
        _prepared(), _applications() if applications is None else applications, settings, load_rules(), id_field="app_id",
        requested_field="requested_m3", use_field="use", existing_wells=_existing() if existing is None else existing,
        existing_id_field="well_id", language="en", **options,
    )


def test_two_applications_share_the_quota_in_date_order():
    batch = _decide(date_field="applied_on")
    b1, b2 = batch.decisions
    assert (b2.batch_position, b2.verdict, b2.quota_status, b2.taken_before_m3) == (1, "allowed", "within", 0.0)
    assert (b1.batch_position, b1.verdict, b1.quota_status) == (2, "restricted", "exceeds_remaining")
    assert [r.code for r in b1.reasons] == ["request_over_remaining_quota"]
    assert (b1.remaining_m3, b1.taken_before_m3, b1.left_for_it_m3) == (15_000.0, 9_000.0, 6_000.0)
    # Without dates the id decides: B1 first.
    by_id = _decide().decisions
    assert [d.verdict for d in by_id] == ["allowed", "restricted"] and not batch.decisions[0].verdict == by_id[0].verdict
    # Alone, each fits.
    for row in (0, 1):
        alone = _decide(_applications().iloc[[row]]).decisions[0]
        assert (alone.verdict, alone.quota_status, alone.taken_before_m3) == ("allowed", "within", 0.0)


def test_the_drawdowns_of_the_batch_add_up_at_the_existing_well_and_at_the_other_application():
    own = _theis(90.0, 100.0)
    assert own == pytest.approx(0.552695, abs=1e-6)
    b1, b2 = _decide().decisions
    for decision in (b1, b2):
        (row,) = decision.interference
        assert row.well_id == "W" and row.distance_m == pytest.approx(100.0)
        assert row.drawdown_m == pytest.approx(own, rel=1e-9)
        assert row.batch_drawdown_m == pytest.approx(2 * own, rel=1e-9)  # 1.105 m
        assert row.affected is True  # only together: 0.55 m alone is under the 1 m threshold
    other = _theis(90.0, 200.0)
    assert other == pytest.approx(0.453463, abs=1e-6)
    (at_b2,) = b1.at_applications
    assert at_b2.well_id == "B2" and at_b2.drawdown_m == pytest.approx(other, rel=1e-9)
    assert at_b2.batch_drawdown_m == pytest.approx(other, rel=1e-9)  # B2's own pumping is not a drawdown at B2
    assert b1.batch_drawdown_here_m == pytest.approx(other, rel=1e-9)
    (alone_row,) = _decide(_applications().iloc[[0]]).decisions[0].interference
    assert alone_row.batch_drawdown_m == pytest.approx(own) and alone_row.affected is False


def test_a_prohibited_application_adds_no_drawdown_and_takes_no_quota():
    # B2 in the severe zone far east: prohibited; it takes nothing and its drawdown is not added.
    apps = _applications()
    apps.loc[1, "use"] = "industrial"
    apps.loc[1, "geometry"] = shapely.Point(X0 + 9_200, Y0 + 2_000)  # 200 m from the pipe: a 自备井 in coverage
    b1, b2 = _decide(apps, date_field="applied_on").decisions  # B2 applied first
    assert (b2.batch_position, b2.verdict, [r.code for r in b2.reasons]) == (1, "prohibited", ["supply_coverage"])
    assert (b1.verdict, b1.taken_before_m3, b1.left_for_it_m3) == ("allowed", 0.0, 15_000.0)
    (row,) = b1.interference
    assert row.batch_drawdown_m == pytest.approx(row.drawdown_m)


def test_only_pumping_wells_are_interfered_wells():
    existing = _existing(well_id=["W", "W_STOP", "W_DEREG", "W_SEAL"], status=["active", "stopped", "已注销", "封填"])
    batch = _decide(existing=existing, existing_status_field="status")
    assert [row.well_id for row in batch.decisions[0].interference] == ["W"]
    assert batch.existing_ids == ["W"]
    assert any("3 existing well(s) are stopped, deregistered or sealed ('status')" in w for w in batch.warnings)
    # Without the status field every existing well counts.
    assert len(_decide(existing=existing).decisions[0].interference) == 4


def test_pumping_days_follow_the_use_unless_one_period_is_given():
    rules = load_rules()
    uses = rules.get("permit_decision", "pumping_days_by_use")
    assert "assumption" in uses and all("Assumption" in kind["source"] for kind in uses["uses"].values())
    apps = _applications(use=["irrigation", "domestic"], requested_m3=[3_650.0, 3_650.0])
    b1, b2 = _decide(apps, settings=TheisSettings(T, S, None, RADIUS)).decisions
    assert (b1.pumping_days, b2.pumping_days) == (120.0, 365.0)
    assert b1.rate_m3_per_day == pytest.approx(3_650.0 / 120.0) and b2.rate_m3_per_day == pytest.approx(10.0)
    (row,) = b2.interference
    assert row.drawdown_m == pytest.approx(_theis(10.0, 100.0, days=365.0), rel=1e-9)
    # A year-round well's drawdown over 120 days would be about 2.5 times larger.
    assert _theis(3_650.0 / 120.0, 100.0, days=120.0) / row.drawdown_m == pytest.approx(2.5, abs=0.3)
    given = _decide(apps).decisions
    assert {d.pumping_days for d in given} == {DAYS}


def test_the_aquifer_is_named_from_s_or_not_at_all():
    rules = load_rules()
    assert aquifer_kind(0.001, rules) == CONFINED and aquifer_kind(0.005, rules) == CONFINED
    assert aquifer_kind(0.01, rules) == UNCONFINED and aquifer_kind(0.15, rules) == UNCONFINED
    assert aquifer_kind(0.007, rules) is None
