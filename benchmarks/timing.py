"""Side-by-side timing: a case and its baseline alternate in one run, so load on the machine hits both."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Pair:
    """Timings (seconds) of one case and its baseline, repetition by repetition."""

    ours: list[float] = field(default_factory=list)
    baseline: list[float] = field(default_factory=list)

    @property
    def ours_median(self) -> float:
        return statistics.median(self.ours)

    @property
    def baseline_median(self) -> float:
        return statistics.median(self.baseline)

    @property
    def ratio(self) -> float:
        """ours / baseline: below 1 means ours is faster."""
        return self.ours_median / self.baseline_median


def timed(function: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def alternate(
    ours: Callable[[], object],
    baseline: Callable[[], object],
    repetitions: int,
    *,
    check: Callable[[object, object], None] | None = None,
    log: Callable[[str], None] = print,
    label: str = "",
) -> Pair:
    """Run ours and the baseline ``repetitions`` times each, swapping who goes first every round.

    ``check(ours_result, baseline_result)`` runs once, on the first round's results, outside the timing.
    """
    pair = Pair()
    for repetition in range(repetitions):
        order = [("ours", ours), ("baseline", baseline)]
        if repetition % 2:
            order.reverse()
        results = {}
        for name, function in order:
            seconds, results[name] = timed(function)
            getattr(pair, name).append(seconds)
            log(f"  {label} rep {repetition + 1}/{repetitions} {name}: {seconds:.3f} s")
        if check is not None and repetition == 0:
            check(results["ours"], results["baseline"])
        results.clear()
    return pair
