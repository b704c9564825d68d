"""Water-level trend per monitoring station and per unit, and the over-extraction grade it implies.

GB/T 34968 grades a zone by its sustained water-level decline: general for a decline up to
1.5 m/a, severe above (thresholds from the rules file). The decline per station is the Theil–Sen
slope of depth to water against time (robust to outliers and single bad readings), in m/a with
"positive = depth increasing = level falling"; it is "sustained" when the Mann–Kendall test
(Kendall's tau between time and depth) is significant. A unit takes the median rate of its
stations.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from scipy import stats

from .errors import EngineInputError
from .rules import Rules
from .values import date_column, feature_label, is_null, number_column, require_fields

GRADE_ORDER = {"none": 0, "general": 1, "severe": 2}
DAYS_PER_YEAR = 365.25

Reporter = Callable[[str, str], None]  # (level 'info' | 'warning', message)


def _no_report(level: str, message: str) -> None:
    return None


def station_key(value) -> str | None:
    """Station ids compared as text: 7, 7.0 and ' 7 ' are the same station."""
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer():
            return str(int(value))
    text = str(value).strip()
    return text or None


def refuse_shared_station_ids(stations: pd.DataFrame, station_field: str, stations_layer: str) -> None:
    """Two stations with one id would both get the readings of both: refuse, naming the id and the features."""
    keys = [station_key(v) for v in stations[station_field].tolist()]
    rows_by_key: dict[str, list[int]] = {}
    for row, key in enumerate(keys):
        if key is not None:
            rows_by_key.setdefault(key, []).append(row)
    shared = {key: rows for key, rows in rows_by_key.items() if len(rows) > 1}
    if shared:
        described = "; ".join(
            f"'{key}' is used by {', '.join(feature_label(stations, r) for r in rows)}" for key, rows in list(shared.items())[:5]
        )
        raise EngineInputError(
            f"{len(shared)} station id(s) are shared by more than one station: {described}",
            layer=stations_layer,
            field=station_field,
            hint="give each station its own id; readings are matched to stations by id",
        )


def theil_sen_decline(dates: list[dt.date], depths: np.ndarray) -> tuple[float, float | None]:
    """(Theil–Sen slope of depth in m/a, Mann–Kendall two-sided p; None when undefined)."""
    first = min(dates)
    years = np.array([(d - first).days / DAYS_PER_YEAR for d in dates])
    slope = float(stats.theilslopes(depths, years)[0])
    tau_result = stats.kendalltau(years, depths)
    p_value = float(tau_result.pvalue)
    return slope, (None if math.isnan(p_value) else p_value)


def level_grade(decline_m_per_a: float | None, significant: bool | None, rules: Rules) -> str | None:
    """'none' / 'general' / 'severe' from a decline rate; None when there is no rate."""
    if is_null(decline_m_per_a):
        return None
    general_above = rules.value("over_extraction_grading", "water_level_decline_m_per_a", "general_above")
    severe_above = rules.value("over_extraction_grading", "water_level_decline_m_per_a", "severe_above")
    if not significant:
        return "none"
    if decline_m_per_a > severe_above:
        return "severe"
    if decline_m_per_a > general_above:
        return "general"
    return "none"


def station_trends(
    stations: pd.DataFrame,
    series: pd.DataFrame,
    rules: Rules,
    *,
    station_field: str = "station_id",
    date_field: str = "date",
    depth_field: str = "depth_to_water_m",
    stations_layer: str = "STATIONS",
    series_layer: str = "SERIES",
    report: Reporter = _no_report,
    today: dt.date | None = None,
) -> pd.DataFrame:
    """One row per station (same order): n_obs, first_date, last_date, years, decline_m_per_a,
    mk_p_value, significant, level_grade. Readings dated after ``today`` (default: the real today) cannot have
    been taken: they are left out, and named in a warning."""
    for frame, layer in ((stations, stations_layer), (series, series_layer)):
        require_fields(frame, station_field, layer=layer)
    refuse_shared_station_ids(stations, station_field, stations_layer)
    dates = date_column(series, date_field, layer=series_layer, id_field=station_field)
    depths = number_column(series, depth_field, layer=series_layer, id_field=station_field, allow_negative=True)
    keys = [station_key(v) for v in series[station_field].tolist()]

    today = today or dt.date.today()
    future_rows = [r for r in range(len(series)) if dates[r] is not None and dates[r] > today]
    if future_rows:
        shown = ", ".join(f"{feature_label(series, r, station_field)} {dates[r].isoformat()}" for r in future_rows[:5])
        report(
            "warning",
            f"Layer '{series_layer}': {len(future_rows)} observation(s) are dated after today ({today.isoformat()}) and "
            f"were left out ({shown}{' …' if len(future_rows) > 5 else ''}): correct their dates.",
        )
        for row in future_rows:
            dates[row] = None  # left out below, without counting them again as undated

    future = set(future_rows)
    unusable_rows = [
        r for r in range(len(series)) if r not in future and (keys[r] is None or dates[r] is None or np.isnan(depths[r]))
    ]
    if unusable_rows:
        shown = ", ".join(feature_label(series, r, station_field) for r in unusable_rows[:5])
        report(
            "warning",
            f"Layer '{series_layer}': {len(unusable_rows)} observation(s) lack a station, a date or a depth "
            f"and were left out ({shown}{' …' if len(unusable_rows) > 5 else ''}).",
        )
    by_station: dict[str, list[tuple[dt.date, float]]] = {}
    for row in range(len(series)):
        if keys[row] is None or dates[row] is None or np.isnan(depths[row]):
            continue
        by_station.setdefault(keys[row], []).append((dates[row], float(depths[row])))

    station_keys = [station_key(v) for v in stations[station_field].tolist()]
    known = set(k for k in station_keys if k is not None)
    orphans = sorted(set(by_station) - known)
    if orphans:
        report(
            "warning",
            f"Layer '{series_layer}': {len(orphans)} station id(s) have observations but no point in "
            f"'{stations_layer}' and get no trend: {', '.join(orphans[:10])}{' …' if len(orphans) > 10 else ''}.",
        )

    alpha = rules.value("over_extraction_grading", "water_level_decline_m_per_a", "significance_p")
    min_obs = rules.value("over_extraction_grading", "water_level_decline_m_per_a", "min_observations")
    min_span = rules.value("over_extraction_grading", "water_level_decline_m_per_a", "min_span_years")
    records = []
    too_short: list[str] = []
    for key in station_keys:
        observations = sorted(by_station.get(key, [])) if key is not None else []
        n_obs = len(observations)
        record = {
            "n_obs": n_obs,
            "first_date": observations[0][0] if observations else None,
            "last_date": observations[-1][0] if observations else None,
            "years": None,
            "decline_m_per_a": None,
            "mk_p_value": None,
            "significant": None,
            "level_grade": None,
        }
        if observations:
            record["years"] = round((observations[-1][0] - observations[0][0]).days / DAYS_PER_YEAR, 3)
        if n_obs < min_obs or (record["years"] or 0.0) < min_span:
            too_short.append(f"{key} ({n_obs} obs, {record['years'] or 0} a)")
        else:
            slope, p_value = theil_sen_decline([o[0] for o in observations], np.array([o[1] for o in observations]))
            significant = p_value is not None and p_value < alpha
            slope = round(slope, 4)  # graded as reported: 1.5 from a float sum must not read as 1.5000001
            record.update(
                decline_m_per_a=slope,
                mk_p_value=p_value,
                significant=bool(significant),
                level_grade=level_grade(slope, significant, rules),
            )
        records.append(record)
    if too_short:
        report(
            "warning",
            f"{len(too_short)} station(s) have too few observations for a trend (need at least "
            f"{int(min_obs)} over at least {min_span:g} year): no rate, no grade: "
            f"{', '.join(too_short[:10])}{' …' if len(too_short) > 10 else ''}.",
        )
    return pd.DataFrame.from_records(
        records,
        columns=["n_obs", "first_date", "last_date", "years", "decline_m_per_a", "mk_p_value", "significant", "level_grade"],
    )


def unit_level_grades(
    units: gpd.GeoDataFrame,
    stations: gpd.GeoDataFrame,
    rules: Rules,
    *,
    unit_labels: list[str] | None = None,
    report: Reporter = _no_report,
) -> pd.DataFrame:
    """Per unit (same order): stations_n (stations with a trend inside), decline_m_per_a (their
    median) and level_grade.

    ``stations`` needs columns decline_m_per_a and, when known, significant. The median rate is
    graded like a station's rate; it counts as sustained when at least half of the unit's stations
    show a significant decline (without a ``significant`` column every rate counts as sustained).
    """
    general_above = rules.value("over_extraction_grading", "water_level_decline_m_per_a", "general_above")
    usable = stations[pd.to_numeric(stations["decline_m_per_a"], errors="coerce").notna()].copy()
    usable = usable[usable.geometry.notna() & ~usable.geometry.is_empty]
    if len(usable) and usable.crs is not None and units.crs is not None:
        usable = usable.to_crs(units.crs)
    rates = pd.to_numeric(usable["decline_m_per_a"], errors="coerce").to_numpy(dtype=float)
    if "significant" in usable.columns:
        significant = np.array([bool(v) if v is not None and v == v else False for v in usable["significant"]])
    else:
        significant = np.ones(len(usable), dtype=bool)
    station_geoms = usable.geometry.values
    records = []
    for row, unit_geom in enumerate(units.geometry.values):
        if unit_geom is None or unit_geom.is_empty or len(usable) == 0:
            inside = np.zeros(len(usable), dtype=bool)
        else:
            inside = np.asarray(shapely.covers(unit_geom, station_geoms), dtype=bool)
        n = int(inside.sum())
        if n == 0:
            records.append({"stations_n": 0, "decline_m_per_a": None, "level_grade": None})
            label = unit_labels[row] if unit_labels else f"row {row + 1}"
            report("info", f"Unit {label}: no monitoring station with a trend inside; no level grade.")
            continue
        median_rate = float(np.median(rates[inside]))
        declining_significant = int((significant[inside] & (rates[inside] > general_above)).sum())
        sustained = declining_significant * 2 >= n
        records.append(
            {
                "stations_n": n,
                "decline_m_per_a": round(median_rate, 4),
                "level_grade": level_grade(median_rate, sustained, rules),
            }
        )
    return pd.DataFrame.from_records(records, columns=["stations_n", "decline_m_per_a", "level_grade"])
