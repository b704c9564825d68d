"""The benchmark harness itself (no timings): its loads are deterministic and valid, and the
identity check of case 1 holds on a small load and catches a difference."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from benchmarks import screening_case, synthetic
from benchmarks.timing import alternate
from tuoli_gw_plugin.engine.core.rules import load_rules


def test_loads_are_deterministic_and_valid():
    zones = synthetic.zones()
    assert len(zones) == 100
    assert zones.geometry.is_valid.all()
    assert all(len(g.exterior.coords) == 401 for g in zones.geometry)  # 400 vertices + closing point
    # No two zones overlap, so a plain sjoin and the engine name the same zone.
    tree = shapely.STRtree(zones.geometry.values)
    pairs = tree.query(zones.geometry.values, predicate="intersects")
    assert (pairs[0] == pairs[1]).all()
    assert zones.equals(synthetic.zones())
    pipes = synthetic.pipes()
    assert len(pipes) == 2000 and pipes.geometry.is_valid.all()
    assert synthetic.wells(1000).equals(synthetic.wells(1000))
    units = synthetic.units()
    assert len(units) == 10 and units.geometry.is_valid.all()
    # The units tile the box: their areas add up to it.
    box_area = (synthetic.XMAX - synthetic.XMIN) * (synthetic.YMAX - synthetic.YMIN)
    assert units.geometry.area.sum() == pytest.approx(box_area, rel=1e-9)


def test_case_1_results_are_identical_on_a_small_load():
    zones, pipes, wells = synthetic.zones(), synthetic.pipes(), synthetic.wells(5000)
    ours = screening_case.ours(wells, zones, pipes, load_rules(None))
    baseline = screening_case.geopandas_baseline(wells, zones, pipes)
    summary = screening_case.compare(ours, baseline)
    assert "identical" in summary
    assert set(ours["verdict"]) == {"prohibited", "restricted", "allowed"}

    tampered = baseline.copy()
    tampered.iloc[int(np.flatnonzero(baseline["zone_name"].notna())[0]), tampered.columns.get_loc("zone_name")] = "elsewhere"
    with pytest.raises(AssertionError, match="zone_name"):
        screening_case.compare(ours, tampered)


def test_alternate_swaps_the_order_every_repetition():
    calls: list[str] = []
    pair = alternate(lambda: calls.append("ours"), lambda: calls.append("base"), 3, log=lambda _m: None)
    assert calls == ["ours", "base", "base", "ours", "ours", "base"]
    assert len(pair.ours) == len(pair.baseline) == 3
