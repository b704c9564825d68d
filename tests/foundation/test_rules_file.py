"""The rules file: every number the law sets is there with its source, and bad files say so."""

from __future__ import annotations

import json

import pytest

from tuoli_gw_plugin.engine.core.errors import EngineInputError
from tuoli_gw_plugin.engine.core.rules import DEFAULT_RULES_PATH, load_rules


def _numbers_without_source(node, path=()):
    """Yield the path of every number in the rules tree whose nearest object has no 'source'."""
    if isinstance(node, dict):
        has_source = "source" in node
        for key, child in node.items():
            if isinstance(child, (int, float)) and not isinstance(child, bool) and not has_source:
                yield ".".join(path + (key,))
            elif isinstance(child, (dict, list)):
                yield from _numbers_without_source(child, path + (key,))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _numbers_without_source(child, path + (str(index),))


def test_every_number_in_the_rules_file_has_a_source():
    data = json.loads(DEFAULT_RULES_PATH.read_text(encoding="utf-8"))
    assert list(_numbers_without_source(data)) == []


def test_the_notice_numbers_are_the_ones_in_the_rules_file():
    rules = load_rules()
    bands = rules.surcharge_bands()
    # Notice item 13, read by hand: <=20 % over at 2x, 20-50 % at 3x, >50 % at 5x.
    assert [(b.excess_pct_up_to, b.multiplier) for b in bands] == [(20, 2), (50, 3), (None, 5)]
    assert all("13" in b.source for b in bands)
    assert rules.value("compliance", "deregistration_deadline_days") == 30  # notice item 11: 三十日
    assert "11" in rules.source("compliance", "deregistration_deadline_days")
    assert rules.value("over_extraction_grading", "extraction_coefficient", "severe_above") == 1.3
    assert rules.value("over_extraction_grading", "water_level_decline_m_per_a", "severe_above") == 1.5


def test_grade_aliases_accept_chinese():
    aliases = load_rules().zone_grade_aliases()
    assert aliases["严重"] == "severe" and aliases["一般"] == "general" and aliases["severe"] == "severe"


def test_a_user_copy_overrides_the_shipped_rules(tmp_path):
    data = json.loads(DEFAULT_RULES_PATH.read_text(encoding="utf-8"))
    data["compliance"]["deregistration_deadline_days"]["value"] = 45
    copy = tmp_path / "my_rules.json"
    copy.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert load_rules(copy).value("compliance", "deregistration_deadline_days") == 45
    assert load_rules().value("compliance", "deregistration_deadline_days") == 30


def test_broken_rules_files_give_clear_messages(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"surcharge": ', encoding="utf-8")
    with pytest.raises(EngineInputError, match="not valid JSON"):
        load_rules(broken)
    with pytest.raises(EngineInputError, match="does not exist"):
        load_rules(tmp_path / "missing.json")
    partial = tmp_path / "partial.json"
    partial.write_text("{}", encoding="utf-8")
    with pytest.raises(EngineInputError, match="no entry 'surcharge'"):
        load_rules(partial).surcharge_bands()


def test_report_words_follow_the_rules_file(tmp_path):
    from tuoli_gw_plugin.engine.documents.supervision_report import finding_label

    data = json.loads(DEFAULT_RULES_PATH.read_text(encoding="utf-8"))
    data["compliance"]["deregistration_deadline_days"]["value"] = 45
    copy = tmp_path / "rules_45.json"
    copy.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert finding_label("stopped_not_deregistered", "zh", load_rules()) == "停止取水超过30日未注销"
    assert finding_label("stopped_not_deregistered", "en", load_rules(copy)) == "stopped, not deregistered within 45 days"
    assert finding_label("code_{x}", "zh", load_rules()) == "code_{x}"
