"""unit_balance on its own (item 7, GB/T 34968 thresholds 1.0 / 1.3 from the rules file), numbers by hand."""

from __future__ import annotations

import math

import pytest

from tuoli_gw_plugin.engine.balance.abstraction_recharge import UnitBalance, unit_balance
from tuoli_gw_plugin.engine.core.rules import load_rules


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.mark.parametrize(
    "abstraction, recharge, ratio, expected",
    [
        (150.0, 100.0, 1.0, UnitBalance(1.5, "severe", 50.0)),  # allowable 100, k 1.5 > 1.3, cut 150 - 100
        (130.0, 100.0, 1.0, UnitBalance(1.3, "general", 30.0)),  # exactly 1.3 is still general
        (110.0, 100.0, 1.0, UnitBalance(1.1, "general", 10.0)),
        (100.0, 100.0, 1.0, UnitBalance(1.0, "none", 0.0)),  # exactly 1.0 is not over-extracted
        (80.0, 200.0, 0.5, UnitBalance(0.8, "none", 0.0)),  # allowable = 0.5 × 200 = 100
    ],
)
def test_coefficient_grade_and_cut(rules, abstraction, recharge, ratio, expected):
    assert unit_balance(abstraction, recharge, ratio, rules) == expected


def test_no_recharge_gives_the_cut_but_no_coefficient(rules):
    assert unit_balance(80.0, 0.0, 1.0, rules) == UnitBalance(None, None, 80.0)


def test_unknown_recharge_gives_nothing(rules):
    assert unit_balance(80.0, math.nan, 1.0, rules) == UnitBalance(None, None, None)
