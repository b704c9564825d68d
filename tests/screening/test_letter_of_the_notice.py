"""Screening by the letter of the notice (issue 12, points 1, 2, 4, 5), on hand-built layers.

托里镇 (remaining quota 1 000 m³) and 多拉特乡 (0 m³, used up) share the boundary x = 2 800 (tests/screening/cases.py).
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest

from tests.screening import cases
from tuoli_gw_plugin.engine.core.rules import load_rules
from tuoli_gw_plugin.engine.screening.well_sites import prepare_screening, screen_points

RULES = load_rules()


def _prepared(townships: gpd.GeoDataFrame | None = None, remaining_field: str | None = "remaining_m3"):
    return prepare_screening(
        cases.zones(), pipes=cases.pipes(), supply_areas=cases.supply_areas(), coverage_distance_m=500,
        townships=cases.townships() if townships is None else townships, remaining_field=remaining_field, rules=RULES,
    )


def _wells(points: dict[str, tuple], **columns) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"well_id": list(points), **columns}, geometry=[cases.pt(x, y) for x, y in points.values()], crs=cases.CRS
    )


@pytest.mark.parametrize(
    "use, verdict, reasons, well_type",
    [
        ("自备", "prohibited", "supply_coverage", "self_supplied"),
        ("工业自备", "prohibited", "supply_coverage", "self_supplied"),
        ("domestic", "prohibited", "supply_coverage", "self_supplied"),
        ("industrial", "prohibited", "supply_coverage", "self_supplied"),
        ("公共供水", "allowed", "supply_coverage_not_self_supplied", "other"),
        ("监测", "allowed", "supply_coverage_not_self_supplied", "other"),
        ("应急", "allowed", "supply_coverage_not_self_supplied", "other"),
        # A farm irrigation well is no 自备井 (issue 25): inside coverage it is told item 13 does not apply to it.
        ("irrigation", "allowed", "supply_coverage_not_self_supplied", "other"),
        ("农灌", "allowed", "supply_coverage_not_self_supplied", "other"),
        (None, "restricted", "supply_coverage_type_unknown", "unknown"),
        ("something else", "restricted", "supply_coverage_type_unknown", "unknown"),
    ],
)
def test_item_13_applies_to_self_supplied_wells_only(use, verdict, reasons, well_type):
    """Point 1: 400 m from the pipe (inside the 500 m coverage), outside every zone, in 托里镇 with quota left."""
    result = screen_points(_prepared(), _wells({"w": (2000, -2600)}, use=[use]), use_field="use")
    assert (result["verdict"].iloc[0], result["reasons"].iloc[0], result["well_type"].iloc[0]) == (verdict, reasons, well_type)
    assert bool(result["in_supply_coverage"].iloc[0]) is True


def test_a_point_on_a_township_boundary_takes_the_stricter_township_whatever_the_order():
    """Point 2: on x = 2 800 the well belongs to 多拉特乡 (quota used up), with the townships in either order."""
    wells = _wells({"on_boundary": (2800, 0)})
    answers = set()
    for order in ([0, 1], [1, 0]):
        townships = cases.townships().iloc[order].reset_index(drop=True)
        result = screen_points(_prepared(townships), wells)
        answers.add((result["township"].iloc[0], result["verdict"].iloc[0], result["reasons"].iloc[0]))
    assert answers == {("多拉特乡", "prohibited", "red_line_exhausted")}


def test_between_two_townships_with_quota_the_smaller_quota_wins():
    townships = cases.townships().copy()
    townships["remaining_m3"] = [5000.0, 200.0]
    for order in ([0, 1], [1, 0]):
        result = screen_points(_prepared(townships.iloc[order].reset_index(drop=True)), _wells({"b": (2800, 0)}))
        assert result["township"].iloc[0] == "多拉特乡"


@pytest.mark.parametrize("requested, verdict, reasons", [(999.0, "allowed", ""), (1000.0, "allowed", ""), (1000.5, "restricted",
                         "request_over_remaining_quota"), (np.nan, "allowed", "")])
def test_item_8_a_request_above_the_remaining_quota_is_not_allowed(requested, verdict, reasons):
    """Point 4: in 托里镇 (1 000 m³ left), outside zones and coverage: 1 000 m³ fits exactly, 1 000.5 does not."""
    result = screen_points(_prepared(), _wells({"w": (2700, 200)}, requested_m3=[requested]), requested_field="requested_m3")
    assert (result["verdict"].iloc[0], result["reasons"].iloc[0]) == (verdict, reasons)


def test_allowed_never_claims_the_red_line_was_checked_when_it_was_not():
    """Point 5: without a remaining-quota field the basis says 'red line not checked', never 未超红线."""
    checked = screen_points(_prepared(), _wells({"w": (2700, 200)}), language="zh")
    unchecked = screen_points(_prepared(remaining_field=None), _wells({"w": (2700, 200)}), language="zh")
    assert checked["red_line_checked"].iloc[0] is True and unchecked["red_line_checked"].iloc[0] is False
    assert checked["verdict"].iloc[0] == unchecked["verdict"].iloc[0] == "allowed"
    assert "未核查用水总量红线" in unchecked["basis"].iloc[0] and "未超" not in unchecked["basis"].iloc[0]
    english = screen_points(_prepared(remaining_field=None), _wells({"w": (2700, 200)}), language="en")
    assert "Red line not checked" in english["basis"].iloc[0]


def test_the_chinese_screening_report_names_reasons_in_words():
    """Issue 25: the reasons table of the report says what each reason is, not its code, to a Chinese reader."""
    import re

    from tuoli_gw_plugin.engine.documents.screening_report import screening_report_html

    wells = cases.wells()
    prepared = _prepared()
    results = screen_points(prepared, wells, use_field="use", language="zh")
    page = screening_report_html(prepared, wells, results, input_label="申请井", language="zh")
    table = page[page.index('<div class="basis">'):]
    assert re.findall(r"<td>[a-z_]+</td>", table) == []
    assert "公共供水管网覆盖范围内的自备井（第13条）" in table and "位于公共供水管网覆盖范围内，非自备井：不适用第13条" in table
