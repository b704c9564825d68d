"""Case 5, one size per process: screen ``n`` synthetic wells and print time and peak memory as JSON.

Run as ``python -m benchmarks.scaling_child N``; a fresh process per size makes its peak resident
memory (VmHWM) the peak of that size alone.
"""

from __future__ import annotations

import json
import resource
import sys
import time


def current_rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM). Not ru_maxrss: Linux carries ru_maxrss over
    execve, so a child started from a big parent would report the parent's size."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(n: int) -> None:
    from benchmarks import synthetic
    from tuoli_gw_plugin.engine.core.rules import load_rules
    from tuoli_gw_plugin.engine.screening.well_sites import prepare_screening, screen_points

    rules = load_rules(None)
    zones, pipes = synthetic.zones(), synthetic.pipes()
    wells = synthetic.wells(n)
    rss_with_input = current_rss_mb()
    start = time.perf_counter()
    prepared = prepare_screening(zones, pipes=pipes, coverage_distance_m=500.0, rules=rules)
    results = screen_points(prepared, wells.assign(well_kind="自备"), use_field="well_kind")  # as case 1
    seconds = time.perf_counter() - start
    peak_mb = peak_rss_mb()
    print(json.dumps({"n": n, "seconds": seconds, "peak_rss_mb": peak_mb, "rss_with_input_mb": rss_with_input, "rows": len(results)}))


if __name__ == "__main__":
    main(int(sys.argv[1]))
