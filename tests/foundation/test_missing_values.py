"""The three meanings of "no value" in values.py: null, blank text, and the county's missing markers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tuoli_gw_plugin.engine.core.values import is_blank, is_missing, is_null


@pytest.mark.parametrize("value", [None, float("nan"), np.float32("nan"), np.nan, pd.NA, pd.NaT])
def test_null_is_no_value_at_all(value):
    assert is_null(value) and is_blank(value) and is_missing(value)


@pytest.mark.parametrize("value", ["", "  ", "\u3000", 0, 0.0, "0", False, "N/A", "无"])
def test_text_and_zero_are_values_not_null(value):
    assert not is_null(value)


@pytest.mark.parametrize("value, blank", [("", True), ("  ", True), ("\u3000", True), ("—", False), ("托里镇", False), (0, False)])
def test_blank_is_empty_text_once_trimmed(value, blank):
    assert is_blank(value) is blank


@pytest.mark.parametrize("value", ["", " N/A ", "n/a", "NULL", "none", "nan", "-", "—", "–", "无", "空", "/", "Ｎ／Ａ"])
def test_missing_markers_are_missing(value):
    assert is_missing(value)


@pytest.mark.parametrize("value", ["托里镇", "W-01", "0", 0, "无表"])
def test_real_values_are_not_missing(value):
    assert not is_missing(value)
