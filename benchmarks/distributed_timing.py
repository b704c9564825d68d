"""Issue 15, item 5: the dask path (engine/distributed.py, 2 local workers) against one process, region scale.

Both sides do the same work on the same GeoParquet registry (benchmarks/synthetic.py wells, written once
into build/bench/registry_<n>/ in partitions of 500,000): read it, screen every well against 100 zones
of 400 vertices and 2,000 pipes (the screening bench's layers, prepared once on the client), and write
well_id + the screening columns to GeoParquet. The cluster's start-up (2 worker processes, 1 thread
each, the engine imported on each) is timed apart. Outside the timing, the two outputs are checked
to be identical for every well. Prints one JSON line.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.distributed_timing [WELLS] [REPETITIONS]
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import time

import geopandas as gpd
import pandas as pd

from benchmarks import synthetic
from benchmarks.screening_case import COVERAGE_DISTANCE_M
from tuoli_gw_plugin.engine.core.rules import load_rules
from tuoli_gw_plugin.engine.screening.well_sites import prepare_screening, screen_points

PARTITION_WELLS = 500_000
USE_FIELD = "use"


def registry(n: int):
    """The n wells as a GeoParquet directory of partitions (written once; the load is deterministic)."""
    import dask_geopandas

    path = synthetic.BENCH_DIR / f"registry_{n}"
    if not path.exists():
        tmp = path.with_name(path.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        wells = synthetic.wells(n)
        dask_geopandas.from_geopandas(wells, npartitions=max(1, n // PARTITION_WELLS)).to_parquet(tmp)
        tmp.rename(path)
    return path


def one_process(path, prepared, out) -> float:
    start = time.perf_counter()
    wells = gpd.read_parquet(path)
    results = screen_points(prepared, wells, use_field=USE_FIELD)
    pd.concat([wells[["well_id"]], results], axis=1).to_parquet(out)
    return time.perf_counter() - start


def with_dask(path, prepared, out) -> float:
    from tuoli_gw_plugin.engine.distributed import screen_parquet

    start = time.perf_counter()
    # schema=None: pyarrow takes each partition's schema; inferring one from the lazy frame's object columns fails.
    screen_parquet(str(path), prepared, use_field=USE_FIELD, keep_columns=["well_id"]).to_parquet(out, schema=None)
    return time.perf_counter() - start


def start_cluster():
    from distributed import Client, LocalCluster

    start = time.perf_counter()
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None)
    client = Client(cluster)
    client.run(lambda: __import__("tuoli_gw_plugin.engine.distributed"))  # workers import the engine once
    return cluster, client, time.perf_counter() - start


def same_results(single_out, dask_out) -> int:
    """Every well's screening columns equal on both sides (exactly); returns the number of wells compared."""
    single = pd.read_parquet(single_out).sort_values("well_id").reset_index(drop=True)
    spread = pd.read_parquet(dask_out).sort_values("well_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(single, spread[single.columns], check_exact=True, check_dtype=False)
    return len(single)


def main(n: int, repetitions: int) -> dict:
    path = registry(n)
    zones, pipes = synthetic.zones(), synthetic.pipes()
    prepared = prepare_screening(zones, pipes=pipes, coverage_distance_m=COVERAGE_DISTANCE_M, rules=load_rules(None))
    out = synthetic.BENCH_DIR / "out"
    out.mkdir(parents=True, exist_ok=True)
    single_out, dask_out = out / f"screened_single_{n}.parquet", out / f"screened_dask_{n}"
    cluster, client, startup = start_cluster()
    times: dict[str, list[float]] = {"one_process": [], "dask": []}
    try:
        for repetition in range(repetitions):
            order = [
                ("one_process", lambda: one_process(path, prepared, single_out)),
                ("dask", lambda: with_dask(path, prepared, dask_out)),
            ]
            for name, run in order if repetition % 2 == 0 else order[::-1]:
                if name == "dask":
                    shutil.rmtree(dask_out, ignore_errors=True)
                times[name].append(run())
                print(f"  rep {repetition + 1}/{repetitions} {name}: {times[name][-1]:.2f} s", file=sys.stderr, flush=True)
    finally:
        client.close()
        cluster.close()
    compared = same_results(single_out, dask_out)
    shutil.rmtree(dask_out, ignore_errors=True)
    single_out.unlink(missing_ok=True)
    return {
        "wells": n,
        "partitions": max(1, n // PARTITION_WELLS),
        "one_process_s": times["one_process"],
        "dask_s": times["dask"],
        "dask_startup_s": startup,
        "identical_wells": compared,
        "one_process_median_s": statistics.median(times["one_process"]),
        "dask_median_s": statistics.median(times["dask"]),
    }


if __name__ == "__main__":
    wells_n = int(sys.argv[1]) if len(sys.argv) > 1 else 4_000_000
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    print(json.dumps(main(wells_n, reps)))
