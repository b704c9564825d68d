"""The screening rules read from the rules file: zone grades (二(三), item 7) and the statutory exceptions."""

from __future__ import annotations

from tuoli_gw_plugin.engine.core.rules import load_rules
from tuoli_gw_plugin.engine.screening.well_sites import exempt_use_rule, zone_grade_rules


def test_severe_prohibits_and_outranks_general():
    rules, rank = zone_grade_rules(load_rules())
    assert (rules["severe"].verdict, rules["severe"].code) == ("prohibited", "severe_zone")
    assert (rules["general"].verdict, rules["general"].code) == ("restricted", "general_zone")
    assert rank["severe"] > rank["general"]
    assert "二(三)" in rules["severe"].basis["en"]


def test_exempt_uses_are_restricted_in_a_zone_and_known_by_every_spelling():
    rule, aliases = exempt_use_rule(load_rules())
    assert (rule.code, rule.verdict) == ("statutory_exception", "restricted")
    assert aliases["应急供水"] == "emergency" and aliases["monitoring"] == "monitoring"
    assert aliases["无替代水源生活用水"] == "domestic_no_alternative"
