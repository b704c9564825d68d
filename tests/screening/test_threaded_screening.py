"""Screening on several threads (issue 15, item 2): the same answer bit for bit, cancel and progress kept.

The load is random wells over the hand-built case layers (zones with a hole and a multipart zone,
a pipe, a supply area, two townships with quotas), plus the awkward rows: a multipoint, a missing
geometry, an empty point, points exactly on zone and township boundaries. It is cut into many
small chunks so that several threads really run side by side.
"""

from __future__ import annotations

import threading
import time

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from tests.screening import cases
from tuoli_gw_plugin.engine.core import chunk_pool
from tuoli_gw_plugin.engine.core.errors import EngineCancelledError
from tuoli_gw_plugin.engine.core.rules import load_rules
from tuoli_gw_plugin.engine.screening.well_sites import prepare_screening, screen_points

RULES = load_rules()
N_WELLS = 6000
CHUNK = 250  # 24 chunks


def _wells() -> gpd.GeoDataFrame:
    generator = np.random.default_rng(15)
    x = generator.uniform(-2000, 5000, N_WELLS)
    y = generator.uniform(-4000, 2000, N_WELLS)
    geometries = [cases.pt(a, b) for a, b in zip(x, y)]
    geometries[10] = shapely.MultiPoint([cases.pt(200, 200), cases.pt(4500, 0)])
    geometries[11] = None
    geometries[12] = shapely.Point()
    geometries[13] = cases.pt(1000, 500)  # on the severe zone's edge
    geometries[14] = cases.pt(2800, 0)  # on the boundary of the two townships
    uses = generator.choice(["自备", "公共供水", "农灌", "监测", None, "unknown kind"], N_WELLS)
    # Small requests: judged as one batch (rules file screening.batch), 托里镇's 1 000 m³ runs out part-way, so both
    # 'allowed' and 'request_over_remaining_quota' answers are in the load.
    requested = generator.uniform(0, 0.8, N_WELLS)
    return gpd.GeoDataFrame(
        {"use": uses, "requested_m3": requested},
        geometry=geometries,
        crs=cases.CRS,
        index=pd.RangeIndex(1000, 1000 + N_WELLS),
    )


def _prepared():
    return prepare_screening(
        cases.zones(), pipes=cases.pipes(), supply_areas=cases.supply_areas(), townships=cases.townships(),
        coverage_distance_m=3300.0, rules=RULES,
    )


def _screen(workers: int, **options) -> pd.DataFrame:
    return screen_points(_prepared(), _wells(), use_field="use", requested_field="requested_m3", language="zh",
                         chunk_size=CHUNK, workers=workers, **options)


def test_two_threads_give_the_one_thread_answer_bit_for_bit():
    one = _screen(1)
    two = _screen(2)
    assert one.index.equals(two.index)
    assert list(one.columns) == list(two.columns)
    for column in one.columns:
        a, b = one[column].to_numpy(), two[column].to_numpy()
        if column == "supply_distance_m":
            assert np.array_equal(a, b, equal_nan=True)  # exact, not close
        else:
            assert [repr(v) for v in a] == [repr(v) for v in b], column
    # The load really exercises the rules, so equality is not of two empty answers.
    assert set(one["verdict"].dropna()) >= {"prohibited", "restricted", "allowed"}
    assert one["reasons"].str.contains("request_over_remaining_quota").any()
    for key in ("batch_remaining_m3", "batch_taken_before_m3"):
        assert np.array_equal(one.attrs[key], two.attrs[key], equal_nan=True)
    assert one["verdict"].isna().sum() == 2  # the missing and the empty geometry


def test_progress_reaches_100_in_chunk_steps_with_threads():
    seen: list[float] = []
    _screen(2, progress=seen.append)
    assert len(seen) == N_WELLS // CHUNK
    assert seen == sorted(seen) and seen[-1] == pytest.approx(100.0)
    assert seen[0] == pytest.approx(100.0 * CHUNK / N_WELLS)


@pytest.mark.parametrize("workers", [1, 2])
def test_cancel_is_honoured_between_chunks(workers):
    asked = {"n": 0}

    def is_canceled() -> bool:
        asked["n"] += 1
        return asked["n"] > 3

    seen: list[float] = []
    with pytest.raises(EngineCancelledError):
        _screen(workers, is_canceled=is_canceled, progress=seen.append)
    # Three chunks were started before the cancel; with two threads at most one more was running.
    assert len(seen) <= 3
    assert asked["n"] == 4


def test_cancel_does_not_wait_for_chunks_not_yet_started():
    started: list[int] = []
    lock = threading.Lock()
    cancel = threading.Event()

    def work(chunk: int) -> int:
        with lock:
            started.append(chunk)
        if chunk == 1:
            cancel.set()
        time.sleep(0.02)
        return chunk

    with pytest.raises(RuntimeError, match="stop"):
        list(chunk_pool.run_in_order(range(50), work, workers=2, is_canceled=cancel.is_set,
                                     on_cancel=lambda: RuntimeError("stop")))
    assert len(started) <= 4  # chunks 0, 1 and at most the two in flight when the flag was seen


def test_results_come_back_in_chunk_order_whatever_finishes_first():
    def work(chunk: int) -> int:
        time.sleep(0.03 if chunk % 2 == 0 else 0.0)  # even chunks finish last
        return chunk * 10

    assert list(chunk_pool.run_in_order(range(9), work, workers=2)) == [(c, c * 10) for c in range(9)]


def test_an_error_in_a_chunk_reaches_the_caller():
    def work(chunk: int) -> int:
        if chunk == 5:
            raise ValueError("bad chunk 5")
        return chunk

    with pytest.raises(ValueError, match="bad chunk 5"):
        list(chunk_pool.run_in_order(range(10), work, workers=2))


def test_threads_run_in_the_callers_message_language():
    from tuoli_gw_plugin.engine.core import messages

    with messages.speaking("zh"):
        languages = [language for _, language in
                     chunk_pool.run_in_order(range(6), lambda _: messages.current_language(), workers=2)]
    assert languages == ["zh"] * 6
    assert messages.current_language() == "en"


def test_two_threads_really_run_at_once():
    barrier = threading.Barrier(2, timeout=5)

    def work(chunk: int) -> int:
        barrier.wait()  # would time out (BrokenBarrierError) if the chunks ran one after the other
        return chunk

    assert [c for c, _ in chunk_pool.run_in_order(range(4), work, workers=2)] == [0, 1, 2, 3]


@pytest.mark.parametrize(
    ("variable", "requested", "expected"),
    [("", None, chunk_pool.DEFAULT_WORKERS), ("2", None, 2), ("abc", None, chunk_pool.DEFAULT_WORKERS),
     ("0", None, 1), ("-3", None, 1), ("", 2, 2), ("999", None, None)],
)
def test_configured_workers(monkeypatch, variable, requested, expected):
    import os

    monkeypatch.setenv(chunk_pool.WORKERS_ENVIRONMENT, variable)
    if expected is None:
        expected = os.cpu_count() or 1  # never more threads than cores
    assert chunk_pool.configured_workers(requested) == min(expected, os.cpu_count() or 1)
