"""Engine value parsing: county-table numbers and dates, with errors that name the feature."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from tuoli_gw_plugin.engine.core.errors import EngineInputError
from tuoli_gw_plugin.engine.core.values import date_column, listed_features, number_column, parse_date, parse_number


@pytest.mark.parametrize(
    "text, expected",
    [("1,200", 1200.0), (" 1 200 ", 1200.0), ("１２００", 1200.0), (7, 7.0), (2.5, 2.5), ("-3", -3.0)],
)
def test_numbers_written_as_text_are_read(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", [None, "", "N/A", "—", "无", float("nan")])
def test_missing_markers_are_missing_not_zero(text):
    assert parse_number(text) is None


def test_unreadable_numbers_name_layer_feature_and_field():
    frame = pd.DataFrame({"well_id": ["A", "B", "C"], "metered_m3": ["1,200", "lots", None]})
    with pytest.raises(EngineInputError) as caught:
        number_column(frame, "metered_m3", layer="wells", id_field="well_id")
    message = str(caught.value)
    assert "layer 'wells'" in message and "field 'metered_m3'" in message and "well_id=B" in message
    assert "'lots'" in message


def test_negative_and_missing_are_refused_when_asked():
    frame = pd.DataFrame({"v": [1.0, -2.0, None]})
    with pytest.raises(EngineInputError, match="negative"):
        number_column(frame, "v", layer="t")
    with pytest.raises(EngineInputError, match="no value"):
        number_column(frame, "v", layer="t", allow_negative=True, allow_missing=False)
    values = number_column(frame, "v", layer="t", allow_negative=True)
    assert values[0] == 1.0 and values[1] == -2.0 and np.isnan(values[2])


@pytest.mark.parametrize(
    "value", ["2024-03-05", "2024/3/5", "2024.03.05", "2024年3月5日", "20240305", dt.date(2024, 3, 5),
              dt.datetime(2024, 3, 5, 10, 30), pd.Timestamp("2024-03-05")],
)
def test_dates_as_dates_or_text(value):
    assert parse_date(value) == dt.date(2024, 3, 5)


def test_bad_dates_name_the_feature():
    frame = pd.DataFrame({"well_id": ["W1", "W2"], "stopped_on": ["2024-02-30", "last spring"]})
    with pytest.raises(EngineInputError) as caught:
        date_column(frame, "stopped_on", layer="wells", id_field="well_id")
    assert "well_id=W1" in str(caught.value) and "well_id=W2" in str(caught.value)


@pytest.mark.parametrize("value", [float("inf"), -np.inf, "inf", "Infinity", "-infinity", "1e400", "１e400", np.float32("inf")])
def test_infinite_values_are_refused_not_read(value):
    with pytest.raises(ValueError, match="not a finite number"):
        parse_number(value)


def test_an_infinite_cell_is_named_like_a_negative_one():
    frame = pd.DataFrame({"well_id": ["W1", "W2", "W3"], "kwh": [100.0, "1e400", np.inf]})
    with pytest.raises(EngineInputError) as raised:
        number_column(frame, "kwh", layer="power", id_field="well_id")
    message = str(raised.value)
    assert "layer 'power'" in message and "field 'kwh'" in message and "2 value(s) are infinite" in message
    assert "W2" in message and "W3" in message and "W1" not in message


def test_listed_features_names_the_first_rows_then_how_many_more():
    frame = pd.DataFrame({"well_id": ["W1", "W2", "W3"]})
    assert listed_features(frame, [0, 2], "well_id", ["x", None]) == "well_id=W1 ('x'), well_id=W3 (None)"
    assert listed_features(frame, [0, 1, 2], "well_id", limit=2) == "well_id=W1, well_id=W2 and 1 more"
    assert listed_features(frame, [0, 1, 2], "well_id", limit=1, more=" …") == "well_id=W1 …"
