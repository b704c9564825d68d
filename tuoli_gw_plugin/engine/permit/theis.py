"""Theis drawdown: how far a new well pumping at a constant rate lowers the water level at a distance.

s = Q / (4πT) · W(u),  u = r²S / (4Tt),  W(u) = E1(u), the exponential integral (the "well function").
Q in m³/d, T in m²/d, S dimensionless, r in m and t in days, so s is in metres. Confined, homogeneous,
infinite aquifer (Theis 1935): a screening estimate for a permit reviewer, not a groundwater model.

W(u) comes from ``scipy.special.exp1`` when scipy is there; without it a series (small u) or a continued
fraction (large u) gives the same values to about 1e-12, so the permit decision needs no extra package.
No QGIS import.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from ..core.errors import EngineInputError
from ..core.messages import register, text

register(
    {
        "theis.not_positive": (
            "{name} must be a finite number above 0, not {value}",
            "{name} 必须是大于 0 的有限数值，而不是 {value}",
        ),
        "theis.storativity_above_one": (
            "storativity S = {value} is above 1; it is a dimensionless fraction (about 1e-5 – 1e-3 confined, 0.01 – 0.3 unconfined)",
            "贮水系数 S = {value} 大于 1；它是无量纲比值（承压含水层约 1e-5 – 1e-3，潜水含水层约 0.01 – 0.3）",
        ),
    }
)

# The permit decision's interference defaults (the algorithm's and the map tool's; here, not in permit_decision,
# so the door imports them without geopandas): typical values, not law —
# T and S of the county's alluvial aquifers, a radius a reviewer looks at. The pumping days are no default here: they
# follow each application's use (the rules file's permit_decision.pumping_days_by_use).
DEFAULT_TRANSMISSIVITY_M2_PER_DAY = 300.0
DEFAULT_STORATIVITY = 0.01
DEFAULT_RADIUS_M = 1000.0

EULER_GAMMA = 0.57721566490153286061
_SERIES_LIMIT = 1.0  # below: the power series converges fast; above: the continued fraction does
_EPSILON = 1e-15
_MAX_TERMS = 500


def _series_e1(u: float) -> float:
    """E1(u) = −γ − ln u − Σ_{k≥1} (−u)^k / (k·k!), for 0 < u ≤ 1 (no cancellation there)."""
    total = 0.0
    term = 1.0
    for k in range(1, _MAX_TERMS):
        term *= -u / k  # (−u)^k / k!
        contribution = term / k
        total += contribution
        if abs(contribution) < _EPSILON * abs(total):
            break
    return -EULER_GAMMA - math.log(u) - total


def _continued_fraction_e1(u: float) -> float:
    """E1(u) by its continued fraction (modified Lentz, Numerical Recipes §6.3), for u > 1."""
    tiny = 1e-300
    b = u + 1.0
    c = 1.0 / tiny
    d = 1.0 / b
    h = d
    for i in range(1, _MAX_TERMS):
        a = -float(i * i)
        b += 2.0
        d = 1.0 / (a * d + b)
        c = b + a / c
        delta = c * d
        h *= delta
        if abs(delta - 1.0) < _EPSILON:
            break
    return h * math.exp(-u)


def well_function_series(u: float) -> float:
    """W(u) = E1(u) without scipy: the series for u ≤ 1, the continued fraction above; +inf at u = 0."""
    u = float(u)
    if u < 0 or math.isnan(u):
        raise ValueError(f"W(u) needs u >= 0, not {u}")
    if u == 0:
        return math.inf
    if u > 700:  # e^-u underflows: the drawdown is nil
        return 0.0
    return _series_e1(u) if u <= _SERIES_LIMIT else _continued_fraction_e1(u)


def _scipy_exp1() -> Callable[[np.ndarray], np.ndarray] | None:
    try:
        from scipy.special import exp1
    except ImportError:
        return None
    return exp1


def well_function(u, *, use_scipy: bool = True) -> np.ndarray:
    """W(u) for an array of u ≥ 0 (scipy's exp1 when available and ``use_scipy``, else the series)."""
    values = np.asarray(u, dtype=float)
    exp1 = _scipy_exp1() if use_scipy else None
    if exp1 is not None:
        return np.asarray(exp1(values), dtype=float)
    return np.vectorize(well_function_series, otypes=[float])(values)


def check_aquifer(
    transmissivity_m2_per_day: float, storativity: float, *, t_name: str = "T (m²/d)", s_name: str = "S", layer: str | None = None
) -> None:
    """T and S must be finite and above 0 (and S at most 1): the formula has no meaning otherwise.

    ``t_name`` / ``s_name`` say where the values came from (a parameter, a field) in the message.
    """
    for name, value in ((t_name, transmissivity_m2_per_day), (s_name, storativity)):
        number = float(value) if value is not None else math.nan
        if not math.isfinite(number) or number <= 0:
            raise EngineInputError(text("theis.not_positive", name=name, value=value), layer=layer)
    if float(storativity) > 1:
        raise EngineInputError(text("theis.storativity_above_one", value=storativity), layer=layer)


def rate_m3_per_day(requested_m3: float, pumping_days: float) -> float:
    """The pumping rate Q (m³/d) that takes the requested annual volume in ``pumping_days``: volume / days.

    A declared simplification: the whole year's volume pumped evenly over the pumping period (e.g. the
    irrigation season), which is the period the drawdown is then computed for.
    """
    return float(requested_m3) / float(pumping_days)


def theis_u(distance_m, transmissivity_m2_per_day: float, storativity: float, days: float) -> np.ndarray:
    """u = r²S / (4Tt)."""
    r = np.asarray(distance_m, dtype=float)
    return r * r * storativity / (4.0 * transmissivity_m2_per_day * days)


def theis_drawdown(
    rate_m3_day: float, transmissivity_m2_per_day: float, storativity: float, distance_m, days: float, *, use_scipy: bool = True
) -> np.ndarray:
    """Drawdown s (m) at ``distance_m`` after ``days`` of pumping at ``rate_m3_day``: Q/(4πT)·W(u)."""
    u = theis_u(distance_m, transmissivity_m2_per_day, storativity, days)
    return rate_m3_day / (4.0 * math.pi * transmissivity_m2_per_day) * well_function(u, use_scipy=use_scipy)
