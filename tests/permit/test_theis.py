"""The well function W(u) = E1(u) against the published table, both ways (scipy and the series fallback),
and one drawdown computed by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tuoli_gw_plugin.engine.core.errors import EngineInputError
from tuoli_gw_plugin.engine.permit import theis

# Well-function table (Wenzel 1942; Kruseman & de Ridder, Analysis and Evaluation of Pumping Test Data, Annex 3.1).
# Each value is checked to half a unit of its last printed digit.
PUBLISHED = [(1e-4, 8.6332, 5e-5), (0.01, 4.0379, 5e-5), (0.1, 1.8229, 5e-5), (1.0, 0.2194, 5e-5), (5.0, 0.001148, 5e-7)]


@pytest.mark.parametrize(("u", "w", "tolerance"), PUBLISHED)
def test_scipy_well_function_matches_the_table(u, w, tolerance):
    assert float(theis.well_function(u)) == pytest.approx(w, abs=tolerance)


@pytest.mark.parametrize(("u", "w", "tolerance"), PUBLISHED)
def test_series_fallback_matches_the_table(u, w, tolerance):
    assert theis.well_function_series(u) == pytest.approx(w, abs=tolerance)
    assert float(theis.well_function(u, use_scipy=False)) == pytest.approx(w, abs=tolerance)


def test_series_fallback_agrees_with_scipy_across_the_range():
    u = np.logspace(-10, 2.5, 400)  # across the switch from the series to the continued fraction at u = 1
    assert np.allclose(theis.well_function(u, use_scipy=False), theis.well_function(u), rtol=1e-10, atol=1e-300)


def test_without_scipy_the_fallback_is_used(monkeypatch):
    monkeypatch.setattr(theis, "_scipy_exp1", lambda: None)
    assert float(theis.well_function(0.01)) == pytest.approx(4.0379, abs=5e-5)


def test_one_drawdown_by_hand():
    # Q = 9 000 m³ over 100 days = 90 m³/d; T = 100 m²/d; S = 0.001; t = 100 d; r = 100 m.
    # u = r²S/(4Tt) = 10 000 · 0.001 / (4 · 100 · 100) = 2.5e-4.
    # W(2.5e-4) = −γ − ln u + u − u²/4 = −0.5772157 + 8.2940496 + 0.00025 − 0.0000000156 = 7.7170839.
    # s = Q/(4πT) · W = 90 / 1256.6371 · 7.7170839 = 0.07161972 · 7.7170839 = 0.552695 m.
    rate = theis.rate_m3_per_day(9000.0, 100.0)
    assert rate == 90.0
    assert float(theis.theis_u(100.0, 100.0, 0.001, 100.0)) == pytest.approx(2.5e-4)
    assert float(theis.theis_drawdown(rate, 100.0, 0.001, 100.0, 100.0)) == pytest.approx(0.552695, abs=1e-6)
    assert float(theis.theis_drawdown(rate, 100.0, 0.001, 100.0, 100.0, use_scipy=False)) == pytest.approx(0.552695, abs=1e-6)


def test_w_at_zero_and_far_away():
    assert theis.well_function_series(0.0) == math.inf
    assert theis.well_function_series(800.0) == 0.0
    with pytest.raises(ValueError):
        theis.well_function_series(-1.0)


@pytest.mark.parametrize(("t", "s"), [(-5.0, 0.001), (0.0, 0.001), (math.nan, 0.001), (100.0, -0.1), (100.0, math.nan), (100.0, 1.5)])
def test_bad_aquifer_values_are_refused(t, s):
    with pytest.raises(EngineInputError, match="T|S|storativity"):
        theis.check_aquifer(t, s)
