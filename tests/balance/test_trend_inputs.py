"""Water-level trend inputs that cannot be right (issue 13, item 10): readings from the future, infinite depths,
two stations sharing one id — each a warning or a refusal naming the feature, never a silent answer."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from tests.balance import data
from tuoli_gw_plugin.engine.balance.trend import station_trends
from tuoli_gw_plugin.engine.core.errors import EngineInputError
from tuoli_gw_plugin.engine.core.rules import load_rules

RULES = load_rules()
TODAY = dt.date(2026, 12, 1)


def _series(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["station_id", "date", "depth_to_water_m"])


def _run(stations, series, messages):
    return station_trends(stations, series, RULES, report=lambda level, text: messages.append((level, text)), today=TODAY)


def test_readings_from_the_future_are_left_out_and_named():
    # Six years of quarterly readings falling 2 m/a, then two 'readings' in 2099 a hundred metres deeper.
    rows = data.synthetic_series("S1", 2.0) + [("S1", dt.date(2099, 3, 1), 120.0), ("S1", dt.date(2099, 6, 1), 121.0)]
    messages: list[tuple[str, str]] = []
    result = _run(pd.DataFrame({"station_id": ["S1"]}), _series(rows), messages)
    assert result.iloc[0]["n_obs"] == 24
    assert result.iloc[0]["decline_m_per_a"] == pytest.approx(2.0, abs=0.01)  # the exact slope of the real readings
    assert result.iloc[0]["last_date"] < TODAY
    future = [text for level, text in messages if "after today" in text]
    assert future and "2 observation(s)" in future[0] and "2099-03-01" in future[0] and "2026-12-01" in future[0]


def test_an_infinite_depth_is_refused_naming_the_station():
    rows = data.synthetic_series("S1", 1.0)
    rows[3] = ("S1", rows[3][1], float("inf"))
    with pytest.raises(EngineInputError, match=r"infinite.*station_id=S1"):
        _run(pd.DataFrame({"station_id": ["S1"]}), _series(rows), [])


def test_two_stations_with_one_id_are_refused():
    stations = pd.DataFrame({"station_id": ["S1", "S2", "S1 "], "name": ["north", "south", "east"]})
    stations.attrs["fid"] = [11, 12, 13]
    with pytest.raises(EngineInputError) as raised:
        _run(stations, _series(data.synthetic_series("S1", 1.0)), [])
    message = str(raised.value)
    assert "'S1' is used by fid 11, fid 13" in message and "station_id" in message
