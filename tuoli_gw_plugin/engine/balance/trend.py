"""Water-level trend per monitoring station and per unit, and the over-extraction grade it implies.

GB/T 34968 grades a zone by its sustained water-level decline: general for a decline up to
1.5 m/a, severe above (thresholds from the rules file). The decline per station is the Theil–Sen
slope of depth to water against time (robust to outliers and single bad readings), in m/a with
"positive = depth increasing = level falling"; it is "sustained" when the Mann–Kendall test
(Kendall's tau between time and depth) is significant. A unit takes the median rate of its
stations.

A record too short for the test to ever be significant (fewer readings than the Mann–Kendall test
needs to reach the rules file's p even for a perfectly steady decline — 5 at p = 0.05 — or fewer than
the rules' minimum, or too short a span) is graded ``undetermined``, with the reason, never ``none``:
three annual readings falling 3 m/a each say nothing either way. A unit whose stations are all
undetermined is undetermined.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from functools import lru_cache

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from scipy import stats

from ..core.columns import BOOLEAN, DATE, INTEGER64, REAL, TEXT, Column
from ..core.errors import EngineInputError
from ..core.messages import register, text
from ..core.rules import Rules
from ..core.values import date_column, feature_label, is_null, number_column, require_fields

register(
    {
        "trend.separator": ("; ", "；"),
        "trend.future": (
            "Layer '{layer}': {n} observation(s) are dated after today ({today}) and were left out ({rows}): correct their dates.",
            "图层“{layer}”：{n} 条观测的日期晚于今天（{today}），未采用（{rows}）：请更正日期。",
        ),
        "trend.unusable": (
            "Layer '{layer}': {n} observation(s) lack a station, a date or a depth and were left out ({rows}).",
            "图层“{layer}”：{n} 条观测缺少监测站、日期或埋深，未采用（{rows}）。",
        ),
        "trend.orphans": (
            "Layer '{layer}': {n} station id(s) have observations but no point in '{stations_layer}' and get no trend: {ids}.",
            "图层“{layer}”：{n} 个监测站编号有观测但在“{stations_layer}”中没有点位，不计算趋势：{ids}。",
        ),
        "trend.too_short": (
            "{n} station(s) have too few observations for a trend (need at least {min_obs} over at least {min_span:g} "
            "year): no rate, grade undetermined: {stations}.",
            "{n} 个监测站观测太少，无法计算趋势（至少需要 {min_obs} 次、跨度至少 {min_span:g} 年）：无速率，等级待定：{stations}。",
        ),
        "trend.untestable": (
            "{n} station(s) have too few observations for the Mann-Kendall test to ever reach p < {alpha:g} (it needs at "
            "least {mk_min} reading dates): rate given, grade undetermined, not 'none': {stations}.",
            "{n} 个监测站观测太少，Mann-Kendall 检验不可能达到 p < {alpha:g}（至少需要 {mk_min} 个观测日期）："
            "给出速率，等级待定（而非 none）：{stations}。",
        ),
        "trend.unit_all_short": (
            "Unit {unit}: all {n} station(s) inside have too short a record; level grade undetermined.",
            "单元 {unit}：其中全部 {n} 个监测站记录太短；水位等级待定。",
        ),
        "trend.unit_no_station": (
            "Unit {unit}: no monitoring station with a trend inside; no level grade.", "单元 {unit}：内部没有有趋势的监测站；无水位等级。"
        ),
        "trend.used_by": ("'{id}' is used by {features}", "“{id}”被 {features} 使用"),
        "trend.shared_ids": (
            "{n} station id(s) are shared by more than one station: {described}",
            "{n} 个监测站编号被多个监测站共用：{described}",
        ),
        "trend.own_ids": (
            "give each station its own id; readings are matched to stations by id",
            "请为每个监测站设置唯一编号；观测值按编号匹配到监测站",
        ),
    }
)

# "undetermined" (record too short to test) sits between "none" and "general": it may hide an
# over-extraction, so it outranks "not over-extracted", but it is no finding of over-extraction.
GRADE_ORDER = {"none": 0, "undetermined": 1, "general": 2, "severe": 3}
UNDETERMINED = "undetermined"
register(
    {
        # the over-extraction grades (GB/T 34968), as a layer's legend and value map say them
        "grade.severe": ("severe", "严重超采"),
        "grade.general": ("general", "一般超采"),
        "grade.none": ("not over-extracted", "未超采"),
        "grade.undetermined": ("undetermined (record too short)", "无法判定（记录过短）"),
        "grade_criterion.extraction_coef": ("extraction coefficient", "开采系数"),
        "grade_criterion.water_level": ("water-level decline", "水位下降"),
        "grade_criterion.both": ("both", "两者"),
        "grade_criterion.induced_problems": ("induced problems", "次生问题"),
    }
)
_LEVEL_RULES = ("over_extraction_grading", "water_level_decline_m_per_a")
DAYS_PER_YEAR = 365.25

Reporter = Callable[[str, str], None]  # (level 'info' | 'warning', message)

STATION_OUTPUT = (
    Column("n_obs", INTEGER64, "observations used"),
    Column("first_date", DATE, "the first observation's date"),
    Column("last_date", DATE, "the last observation's date"),
    Column("years", REAL, "the span of the record (years)"),
    Column("decline_m_per_a", REAL, "water-level decline, Theil–Sen (m/a; positive = falling)"),
    Column("mk_p_value", REAL, "Mann–Kendall p-value of the trend"),
    Column("significant", BOOLEAN, "whether the trend is significant at the rules file's level"),
    Column("level_grade", TEXT, "grade by the sustained decline: none / general / severe, or undetermined"),
    Column("undetermined_reason", TEXT, "why the grade is undetermined"),
)
UNIT_OUTPUT = (
    Column("stations_n", INTEGER64, "stations in the unit"),
    Column("decline_m_per_a", REAL, "the unit's decline: the median of its stations' (m/a)"),
    Column("level_grade", TEXT, "grade by the sustained decline"),
    Column("undetermined_reason", TEXT, "why the grade is undetermined"),
)


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
        described = text("trend.separator").join(
            text("trend.used_by", id=key, features=", ".join(feature_label(stations, r) for r in rows))
            for key, rows in list(shared.items())[:5]
        )
        raise EngineInputError(
            text("trend.shared_ids", n=len(shared), described=described),
            layer=stations_layer,
            field=station_field,
            hint=text("trend.own_ids"),
        )


def theil_sen_decline(dates: list[dt.date], depths: np.ndarray) -> tuple[float, float | None]:
    """(Theil–Sen slope of depth in m/a, Mann–Kendall two-sided p; None when undefined)."""
    first = min(dates)
    years = np.array([(d - first).days / DAYS_PER_YEAR for d in dates])
    slope = float(stats.theilslopes(depths, years)[0])
    tau_result = stats.kendalltau(years, depths)
    p_value = float(tau_result.pvalue)
    return slope, (None if math.isnan(p_value) else p_value)


@lru_cache(maxsize=16)
def mann_kendall_min_observations(significance_p: float, most: int = 1000) -> int:
    """Fewest readings (distinct dates, no tied depths) for which the Mann–Kendall test used here can give p < significance_p.

    Computed, not looked up: a perfectly monotonic series is the most significant one of its length,
    so below this length no record, however steep, can be called a sustained decline (5 at p = 0.05:
    4 readings give at best p = 2/4! = 0.083).
    """
    for n in range(3, most + 1):
        best = stats.kendalltau(np.arange(n), np.arange(n)).pvalue
        if best < significance_p:
            return n
    return most + 1


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
    reasons: bool = False,
) -> pd.DataFrame:
    """One row per station (same order): n_obs, first_date, last_date, years, decline_m_per_a,
    mk_p_value, significant, level_grade, and with ``reasons`` also undetermined_reason. Readings dated
    after ``today`` (default: the real today) cannot have been taken: they are left out, and named in a warning.

    A record too short to test is ``undetermined`` (see the module doc): with at least the rules'
    min_observations over min_span_years it still gets its rate and p, but ``significant`` is None
    (the test cannot decide); with fewer it gets neither."""
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
            text(
                "trend.future", layer=series_layer, n=len(future_rows), today=today.isoformat(),
                rows=shown + (" …" if len(future_rows) > 5 else ""),
            ),
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
            text("trend.unusable", layer=series_layer, n=len(unusable_rows), rows=shown + (" …" if len(unusable_rows) > 5 else "")),
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
            text(
                "trend.orphans", layer=series_layer, n=len(orphans), stations_layer=stations_layer,
                ids=", ".join(orphans[:10]) + (" …" if len(orphans) > 10 else ""),
            ),
        )

    alpha = rules.value(*_LEVEL_RULES, "significance_p")
    min_obs = int(rules.value(*_LEVEL_RULES, "min_observations"))
    min_span = rules.value(*_LEVEL_RULES, "min_span_years")
    mk_min = mann_kendall_min_observations(alpha)
    records = []
    too_short: list[str] = []
    untestable: list[str] = []
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
            "level_grade": UNDETERMINED,
            "undetermined_reason": None,
        }
        if observations:
            record["years"] = round((observations[-1][0] - observations[0][0]).days / DAYS_PER_YEAR, 3)
        distinct_dates = len({o[0] for o in observations})
        if n_obs == 0:
            record["undetermined_reason"] = "no_observations: the station has no usable reading"
        elif n_obs < min_obs or (record["years"] or 0.0) < min_span:
            too_short.append(f"{key} ({n_obs} obs, {record['years'] or 0} a)")
            record["undetermined_reason"] = (
                f"too_few_observations: {n_obs} reading(s) over {record['years'] or 0:g} a; a trend needs at least "
                f"{min_obs} over at least {min_span:g} a"
            )
        else:
            slope, p_value = theil_sen_decline([o[0] for o in observations], np.array([o[1] for o in observations]))
            slope = round(slope, 4)  # graded as reported: 1.5 from a float sum must not read as 1.5000001
            record.update(decline_m_per_a=slope, mk_p_value=p_value)
            if distinct_dates < mk_min:
                untestable.append(f"{key} ({distinct_dates} dates)")
                record["undetermined_reason"] = (
                    f"too_few_observations: {distinct_dates} reading date(s); the Mann-Kendall test needs at least "
                    f"{mk_min} to reach p < {alpha:g}"
                )
            else:
                significant = p_value is not None and p_value < alpha
                record.update(significant=bool(significant), level_grade=level_grade(slope, significant, rules))
        records.append(record)
    for key, stations, limits in (
        ("trend.too_short", too_short, {"min_obs": min_obs, "min_span": min_span}),
        ("trend.untestable", untestable, {"alpha": alpha, "mk_min": mk_min}),
    ):
        if stations:
            shown = ", ".join(stations[:10]) + (" …" if len(stations) > 10 else "")
            report("warning", text(key, n=len(stations), stations=shown, **limits))
    columns = ["n_obs", "first_date", "last_date", "years", "decline_m_per_a", "mk_p_value", "significant", "level_grade"]
    return pd.DataFrame.from_records(records, columns=columns + (["undetermined_reason"] if reasons else []))


def _station_states(stations: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(rate, significant, undetermined) per station row.

    A station is undetermined when its level_grade says so (the per-station output of
    :func:`station_trends`), or, without a level_grade column, when it has a rate but its
    ``significant`` is empty (the test could not decide). Without a ``significant`` column every rate
    counts as sustained.
    """
    rates = pd.to_numeric(stations["decline_m_per_a"], errors="coerce").to_numpy(dtype=float)
    if "significant" in stations.columns:
        flags = stations["significant"].tolist()
        significant = np.array([not is_null(v) and bool(v) for v in flags], dtype=bool)
        undecided = np.array([is_null(v) for v in flags], dtype=bool) & ~np.isnan(rates)
    else:
        significant = np.ones(len(stations), dtype=bool)
        undecided = np.zeros(len(stations), dtype=bool)
    if "level_grade" in stations.columns:
        grades = [None if is_null(v) else str(v).strip().lower() for v in stations["level_grade"].tolist()]
        undetermined = np.array([g == UNDETERMINED for g in grades], dtype=bool)
        # an older output without the grade filled in falls back on its significance
        undetermined |= np.array([g is None for g in grades], dtype=bool) & undecided
    else:
        undetermined = undecided
    return rates, significant, undetermined


def unit_level_grades(
    units: gpd.GeoDataFrame,
    stations: gpd.GeoDataFrame,
    rules: Rules,
    *,
    unit_labels: list[str] | None = None,
    report: Reporter = _no_report,
    reasons: bool = False,
) -> pd.DataFrame:
    """Per unit (same order): stations_n (stations with a trend inside), decline_m_per_a (their
    median) and level_grade; with ``reasons`` also undetermined_reason.

    ``stations`` needs column decline_m_per_a and, when known, significant and level_grade. The
    median rate of the stations that were tested is graded like a station's rate; it counts as
    sustained when at least the rules file's ``unit_sustained_share`` of them (half, an assumption)
    show a significant decline. Undetermined stations (record too short, see :func:`station_trends`)
    are left out of that; a unit whose stations are all undetermined is ``undetermined`` (its
    decline_m_per_a then the median of their rates, where they have one), never ``none``.
    """
    general_above = rules.value(*_LEVEL_RULES, "general_above")
    sustained_share = rules.value(*_LEVEL_RULES, "unit_sustained_share")
    located = stations[stations.geometry.notna() & ~stations.geometry.is_empty]
    rates, significant, undetermined = _station_states(located)
    keep = ~np.isnan(rates) | undetermined
    located = located[keep]
    rates, significant, undetermined = rates[keep], significant[keep], undetermined[keep]
    if len(located) and located.crs is not None and units.crs is not None:
        located = located.to_crs(units.crs)
    station_geoms = located.geometry.values
    records = []
    for row, unit_geom in enumerate(units.geometry.values):
        label = unit_labels[row] if unit_labels else f"row {row + 1}"
        if unit_geom is None or unit_geom.is_empty or len(located) == 0:
            inside = np.zeros(len(located), dtype=bool)
        else:
            inside = np.asarray(shapely.covers(unit_geom, station_geoms), dtype=bool)
        tested = inside & ~undetermined
        n = int(tested.sum())
        if n == 0 and (inside & undetermined).any():
            short = int((inside & undetermined).sum())
            short_rates = rates[inside & undetermined]
            short_rates = short_rates[~np.isnan(short_rates)]
            records.append(
                {
                    "stations_n": 0,
                    "decline_m_per_a": round(float(np.median(short_rates)), 4) if len(short_rates) else None,
                    "level_grade": UNDETERMINED,
                    "undetermined_reason": f"all_stations_undetermined: the record of each of its {short} station(s) is too short to test",
                }
            )
            report("info", text("trend.unit_all_short", unit=label, n=short))
            continue
        if n == 0:
            records.append({"stations_n": 0, "decline_m_per_a": None, "level_grade": None, "undetermined_reason": None})
            report("info", text("trend.unit_no_station", unit=label))
            continue
        median_rate = float(np.median(rates[tested]))
        declining_significant = int((significant[tested] & (rates[tested] > general_above)).sum())
        # a share of a count: 2 of 4 is exactly half, not "below half" by a float's last bit
        sustained = declining_significant >= sustained_share * n - 1e-9
        records.append(
            {
                "stations_n": n,
                "decline_m_per_a": round(median_rate, 4),
                "level_grade": level_grade(median_rate, sustained, rules),
                "undetermined_reason": None,
            }
        )
    columns = ["stations_n", "decline_m_per_a", "level_grade"] + (["undetermined_reason"] if reasons else [])
    return pd.DataFrame.from_records(records, columns=columns)
