"""Issue 12, point 14: farm water rights come from the agricultural share of the red line, after domestic
and ecological water (notice item 7: 坚持优质水资源优先保障城乡居民生活用水，禁止挤占基本生态用水和农田灌溉合理用水).

Hand case (quotas cotton 420, wheat 380, maize 450 m³/mu): township A, red line 100 000 m³; parcels A1 cotton
100 mu → 42 000, A2 wheat 200 mu → 76 000, demand 118 000. Township B, red line 500 000; B1 maize 50 mu → 22 500.
Rules-file shares: domestic 0.05 + ecological 0.10 = 0.15 set aside → A keeps 85 000 for farming, factor
85 000 / 118 000 = 85/118; B keeps 425 000 ≥ 22 500, factor 1.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from tuoli_gw_plugin.engine.bookkeeping.water_rights import (
    QuotaTable,
    agricultural_share,
    allocate_water_rights,
    reserved_shares_from_rules,
)
from tuoli_gw_plugin.engine.core.errors import EngineInputError
from tuoli_gw_plugin.engine.core.rules import DEFAULT_RULES_PATH, load_rules

RULES = load_rules()


def _parcels():
    rows = [("C-A1", 100.0, "cotton", "A"), ("C-A2", 200.0, "wheat", "A"), ("C-B1", 50.0, "maize", "B")]
    frame = pd.DataFrame(rows, columns=["contract_no", "area_mu", "crop", "township"])
    frame.attrs["fid"] = [1, 2, 3]
    return frame


def _townships(red_lines=(100_000.0, 500_000.0)):
    frame = pd.DataFrame({"name_zh": ["A", "B"], "red_line_m3": list(red_lines)})
    frame.attrs["fid"] = [1, 2]
    return frame


def _allocate(rules=RULES, townships=None, **kwargs):
    return allocate_water_rights(
        _parcels(),
        contract_field="contract_no",
        household_field=None,
        area_field="area_mu",
        crop_field="crop",
        township_field="township",
        quotas=QuotaTable.from_rules(rules),
        mu_m2=rules.value("water_rights", "mu_m2"),
        townships=_townships() if townships is None else townships,
        rules=rules,
        **kwargs,
    )


def test_the_rules_file_sets_domestic_and_ecological_water_aside_as_assumptions():
    assert reserved_shares_from_rules(RULES) == {"domestic": 0.05, "ecological": 0.1}
    entry = RULES.get("water_rights", "reserved_before_agriculture")
    assert "优先保障城乡居民生活用水" in entry["source"] and "禁止挤占基本生态用水" in entry["source"] and "item 7" in entry["source"]
    assert entry["domestic"]["assumption"] and entry["ecological"]["assumption"]


def test_rights_come_from_what_domestic_and_ecological_water_leave_by_hand():
    result = _allocate(rules=RULES)  # shares from the rules file
    towns = result.townships.set_index("township")
    assert towns.loc["A", "red_line_m3"] == 100_000
    assert towns.loc["A", "reserved_m3"] == pytest.approx(15_000) and towns.loc["A", "agricultural_m3"] == pytest.approx(85_000)
    assert towns.loc["A", "scale_factor"] == pytest.approx(85 / 118)
    assert towns.loc["A", "allocated_m3"] == pytest.approx(85_000)  # not the whole red line of 100 000
    assert towns.loc["B", "agricultural_m3"] == pytest.approx(425_000) and towns.loc["B", "scale_factor"] == 1.0
    assert list(result.parcels["right_m3"]) == pytest.approx([42_000 * 85 / 118, 76_000 * 85 / 118, 22_500])
    assert any("item 7" in line and "domestic 5.0%" in line and "ecological 10.0%" in line for line in result.info)
    assert any("85,000" in line and "0.7203" in line for line in result.info)


def test_shares_given_as_an_argument_win_over_the_rules_file():
    # domestic 0.1 + ecological 0.3 → A keeps 60 000 of 100 000: factor 60/118; B keeps 300 000.
    result = _allocate(reserved_shares={"domestic": 0.1, "ecological": 0.3})
    towns = result.townships.set_index("township")
    assert towns.loc["A", "allocated_m3"] == pytest.approx(60_000) and towns.loc["A", "scale_factor"] == pytest.approx(60 / 118)
    none_kept = _allocate(reserved_shares={}).townships.set_index("township")
    assert none_kept.loc["A", "allocated_m3"] == pytest.approx(100_000) and none_kept.loc["A", "reserved_m3"] == 0


def test_a_users_rules_copy_sets_the_shares(tmp_path):
    data = json.loads(DEFAULT_RULES_PATH.read_text(encoding="utf-8"))
    data["water_rights"]["reserved_before_agriculture"]["ecological"]["value"] = 0.25
    data["water_rights"]["reserved_before_agriculture"]["industrial"] = {"value": 0.1, "source": "test", "assumption": "test"}
    copy = tmp_path / "rules.json"
    copy.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    # 0.05 + 0.25 + 0.10 = 0.40 set aside → A keeps 60 000.
    towns = _allocate(rules=load_rules(copy)).townships.set_index("township")
    assert towns.loc["A", "agricultural_m3"] == pytest.approx(60_000)


@pytest.mark.parametrize("shares", [{"domestic": 0.7, "ecological": 0.4}, {"domestic": -0.1}, {"ecological": 1.5}])
def test_impossible_shares_are_refused(shares):
    with pytest.raises(EngineInputError, match="share"):
        _allocate(reserved_shares=shares)


@pytest.mark.parametrize(
    "red_line, share, expected",
    [(100_000.0, 0.15, (15_000.0, 85_000.0)), (-2_000.0, 0.15, (0.0, -2_000.0)), (None, 0.15, (None, None)), (0.0, 0.15, (0.0, 0.0))],
)
def test_agricultural_share_by_hand(red_line, share, expected):
    # an overused (negative) remainder reserves nothing more and stays negative: farm rights there are 0
    assert agricultural_share(red_line, share) == expected
