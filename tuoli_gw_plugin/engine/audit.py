"""Compliance audit of a well register: one finding per breach of notice 托政发规〔2024〕3号.

Items 9 (metering), 10 (use within the permit), 11 (depth as approved; deregister within 30 days
of stopping), 13 (no self-supplied wells inside public supply coverage), 16 (no power to wells
without a permit) and 18 (no wells without a permit) become one row per finding, with the finding
code, the notice item, a sentence a field inspector can read, and the severity. Items, severities
and the deadline are read from the rules file's ``compliance`` section.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from .electricity import PowerFieldNames, account_power
from .errors import EngineInputError
from .rules import Rules
from .values import date_column, is_missing, number_column, parse_date
from .well_fields import flag_column, key_column, require_field, text_column

# Finding codes in the order rows are written for a well (a public contract).
FINDINGS = (
    "no_meter",
    "over_permit",
    "no_permit",
    "stopped_not_deregistered",
    "depth_over_permit",
    "self_supplied_in_coverage",
    "power_without_permit",
)
OUTPUT_COLUMNS = ("well_id", "finding", "notice_item", "detail", "severity", "township", "use")

# Status spellings that plainly mean "in use" (anything else unknown is also taken as active, and logged).
ACTIVE_STATUS_WORDS = frozenset({"active", "in_use", "in use", "在用", "正常", "运行", "使用"})

# Used when the rules file has no screening.closure_list vocabulary (it normally has).
_DEFAULT_STATUS_WORDS = {
    "deregistered": ["deregistered", "注销", "已注销", "closed", "sealed", "封存", "已封井", "封井"],
    "stopped": ["stopped", "停用", "已停用", "停止取水", "abandoned", "报废"],
}


@dataclass(frozen=True)
class AuditFieldNames:
    """Field names of the wells layer; None skips the checks that need the field."""

    well_id: str = "well_id"
    has_meter: str | None = "has_meter"
    metered: str | None = "metered_m3"
    permit: str | None = "permit_no"
    permit_m3: str | None = "permit_m3"
    status: str | None = "status"
    stopped_on: str | None = "stopped_on"
    deregistered_on: str | None = "deregistered_on"
    depth: str | None = "depth_m"
    permitted_depth: str | None = "permitted_depth_m"
    self_supplied: str | None = "self_supplied"
    account: str | None = "power_account"
    kwh: str | None = "kwh"
    use: str | None = "use"
    township: str | None = "township"


@dataclass
class AuditResult:
    findings: gpd.GeoDataFrame  # one row per finding, columns OUTPUT_COLUMNS + geometry
    summary: pd.DataFrame  # one row per township: findings_n and a count per finding code
    messages: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def parse_audit_date(value: Any, *, today: dt.date | None = None) -> dt.date:
    """AUDIT_DATE as a date: empty means today; text as '2024-03-05' or '2024/3/5'."""
    try:
        parsed = parse_date(value)
    except (ValueError, TypeError):
        raise EngineInputError(
            f"AUDIT_DATE {value!r} is not a date",
            hint="write it as 2026-11-28 or 2026/11/28, or leave it empty for today",
        ) from None
    return parsed if parsed is not None else (today or dt.date.today())


def _status_words(rules: Rules) -> dict[str, set[str]]:
    node = rules.data.get("screening", {}).get("closure_list", {}).get("inactive_status", {})
    words = {key: node.get(key, default) for key, default in _DEFAULT_STATUS_WORDS.items()}
    return {key: {str(w).strip().lower() for w in values} for key, values in words.items()}


def _self_supplied_flags(frame: pd.DataFrame, field_name: str, layer: str, id_field: str, rules: Rules) -> list:
    """Yes/no of the self-supplied field; the rules file's closure-list spellings count too."""
    node = rules.data.get("screening", {}).get("closure_list", {})
    extra_true = {str(w).strip().lower() for w in node.get("self_supplied_true", [])}
    extra_false = {str(w).strip().lower() for w in node.get("self_supplied_false", [])}
    values = []
    for value in frame[field_name].tolist():
        text = str(value).strip().lower() if isinstance(value, str) else None
        if text in extra_true:
            values.append(True)
        elif text in extra_false:
            values.append(False)
        else:
            values.append(value)
    probe = pd.DataFrame({field_name: values, id_field: frame[id_field].tolist()})
    probe.attrs = dict(frame.attrs)
    return flag_column(probe, field_name, layer=layer, id_field=id_field)


def supply_coverage(
    wells: gpd.GeoDataFrame,
    rules: Rules,
    *,
    pipes: gpd.GeoDataFrame | None,
    areas: gpd.GeoDataFrame | None,
    coverage_distance_m: float | None,
    layer_names: dict[str, str],
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """In-coverage flag and distance to the nearest pipe per well, as well-site screening sees it.

    Reuses the screening engine so the audit's "inside coverage" is the very rule a permit
    reviewer sees for a new well (item 13).
    """
    from .screening import prepare_screening, screen_points

    prepared = prepare_screening(
        None,
        pipes=pipes,
        supply_areas=areas,
        coverage_distance_m=coverage_distance_m,
        rules=rules,
        layer_names=layer_names,
        require_supply=True,
    )
    screened = screen_points(prepared, wells)
    in_coverage = np.array([bool(v) if v is not None else False for v in screened["in_supply_coverage"]])
    distance = screened["supply_distance_m"].to_numpy(dtype=float)
    return in_coverage, distance, list(prepared.warnings)


def _fmt(number: float, unit: str = "") -> str:
    text = f"{number:,.0f}" if abs(number - round(number)) < 1e-9 else f"{number:,.1f}"
    return f"{text} {unit}".strip()


def compliance_audit(
    wells: gpd.GeoDataFrame,
    rules: Rules,
    *,
    audit_date: dt.date,
    fields: AuditFieldNames = AuditFieldNames(),
    supply_pipes: gpd.GeoDataFrame | None = None,
    supply_areas: gpd.GeoDataFrame | None = None,
    coverage_distance_m: float | None = None,
    power: pd.DataFrame | None = None,
    power_fields: PowerFieldNames | None = None,
    period: str | None = None,
    wells_layer: str = "wells",
    power_layer: str = "power accounts",
    pipes_layer: str = "supply pipes",
    areas_layer: str = "supply areas",
) -> AuditResult:
    """Audit every well at ``audit_date``; return the findings, a per-township summary and the log."""
    f = fields
    n = len(wells)
    layer = wells_layer
    messages: list[str] = []
    warnings: list[str] = []
    skipped: list[str] = []

    for name in [f.well_id, *[getattr(f, k) for k in AuditFieldNames.__dataclass_fields__ if k != "well_id"]]:
        if name:
            require_field(wells, name, layer)

    def numbers(name: str | None) -> np.ndarray | None:
        return number_column(wells, name, layer=layer, id_field=f.well_id) if name else None

    def dates(name: str | None) -> list[dt.date | None] | None:
        if not name:
            return None
        # pandas' NaT is a datetime subclass that values.parse_date would pass through: make it None.
        column = [None if is_missing(v) else v for v in wells[name].tolist()]
        probe = pd.DataFrame({name: pd.Series(column, dtype=object), f.well_id: wells[f.well_id].tolist()})
        probe.attrs = dict(wells.attrs)
        return date_column(probe, name, layer=layer, id_field=f.well_id)

    ids = text_column(wells, f.well_id, layer=layer)
    labels = [i if i is not None else f"row {r + 1}" for r, i in enumerate(ids)]
    townships = text_column(wells, f.township, layer=layer) if f.township else [None] * n
    uses = text_column(wells, f.use, layer=layer) if f.use else [None] * n
    has_meter = flag_column(wells, f.has_meter, layer=layer, id_field=f.well_id) if f.has_meter else None
    metered = numbers(f.metered)
    permits = key_column(wells, f.permit, layer=layer) if f.permit else None
    permit_m3 = numbers(f.permit_m3)
    statuses = [s.lower() if s else None for s in text_column(wells, f.status, layer=layer)] if f.status else [None] * n
    stopped_on = dates(f.stopped_on)
    deregistered_on = dates(f.deregistered_on)
    depth = numbers(f.depth)
    permitted_depth = numbers(f.permitted_depth)
    self_supplied = (
        _self_supplied_flags(wells, f.self_supplied, layer, f.well_id, rules) if f.self_supplied else None
    )

    # -- rules -------------------------------------------------------------------------------------
    deadline_days = int(rules.value("compliance", "deregistration_deadline_days"))
    finding_rules = {code: rules.get("compliance", "findings", code) for code in FINDINGS}
    item = {code: str(node.get("item", "")) for code, node in finding_rules.items()}
    severity = {code: str(node.get("severity", "")) for code, node in finding_rules.items()}
    status_words = _status_words(rules)

    # -- the state of each well on the audit date --------------------------------------------------
    def on_or_before(day: dt.date | None) -> bool:
        return day is not None and day <= audit_date

    deregistered = np.array(
        [
            on_or_before(deregistered_on[r] if deregistered_on else None)
            or (statuses[r] in status_words["deregistered"] and not (deregistered_on and deregistered_on[r]))
            for r in range(n)
        ],
        dtype=bool,
    )
    stopped = np.array(
        [
            on_or_before(stopped_on[r] if stopped_on else None)
            or (statuses[r] in status_words["stopped"] and not (stopped_on and stopped_on[r]))
            for r in range(n)
        ],
        dtype=bool,
    )
    active = ~deregistered & ~stopped
    known = status_words["deregistered"] | status_words["stopped"] | ACTIVE_STATUS_WORDS
    other_status = sorted({s for s in statuses if s is not None and s not in known})
    if other_status:
        messages.append(f"Status values taken as active: {', '.join(other_status[:10])}")

    rows: list[tuple[int, str, str]] = []  # (well row, finding, detail)

    # -- item 9: metering ----------------------------------------------------------------------------
    if has_meter is None:
        skipped.append("no_meter (no meter field)")
    else:
        for r in np.flatnonzero(active):
            if has_meter[r] is None:
                rows.append((r, "no_meter", f"meter not recorded ({f.has_meter} is empty), notice item {item['no_meter']}"))
            elif not has_meter[r]:
                rows.append((r, "no_meter", f"no working meter ({f.has_meter} = no), notice item {item['no_meter']}"))
            elif metered is not None and np.isnan(metered[r]):
                rows.append(
                    (r, "no_meter", f"meter recorded but no reading in {f.metered}, notice item {item['no_meter']}")
                )

    # -- item 10: use within the permit --------------------------------------------------------------
    if metered is None or permit_m3 is None:
        skipped.append("over_permit (no metered or permitted volume field)")
    else:
        for r in np.flatnonzero(~np.isnan(metered) & ~np.isnan(permit_m3) & (np.nan_to_num(metered) > np.nan_to_num(permit_m3))):
            excess = metered[r] - permit_m3[r]
            share = f" ({100 * excess / permit_m3[r]:.1f} %)" if permit_m3[r] > 0 else ""
            rows.append(
                (
                    r,
                    "over_permit",
                    f"metered {_fmt(metered[r], 'm³')} exceeds the permitted {_fmt(permit_m3[r], 'm³')} by "
                    f"{_fmt(excess, 'm³')}{share}, notice item {item['over_permit']}",
                )
            )

    # -- item 18: wells without a permit -------------------------------------------------------------
    if permits is None:
        skipped.append("no_permit and power_without_permit (no permit field)")
    else:
        for r in np.flatnonzero(active):
            if permits[r] is None:
                rows.append((r, "no_permit", f"active well with no permit number in {f.permit}, notice item {item['no_permit']}"))

    # -- item 11: deregistration within the deadline --------------------------------------------------
    if stopped_on is None:
        skipped.append("stopped_not_deregistered (no stop-date field)")
    else:
        undated = [labels[r] for r in range(n) if statuses[r] in status_words["stopped"] and stopped_on[r] is None]
        if undated:
            warnings.append(
                f"{len(undated)} well(s) have status 'stopped' but no date in {f.stopped_on}, so the "
                f"{deadline_days}-day deregistration deadline cannot be checked: {', '.join(undated[:10])}"
            )
        for r in range(n):
            stop = stopped_on[r]
            if stop is None or stop > audit_date or deregistered[r]:
                continue
            days = (audit_date - stop).days
            if days > deadline_days:  # day 30 is still within the deadline, day 31 is not
                rows.append(
                    (
                        r,
                        "stopped_not_deregistered",
                        f"stopped on {stop.isoformat()}, {days} days before the audit date, not deregistered "
                        f"(deadline {deadline_days} days, notice item {item['stopped_not_deregistered']})",
                    )
                )

    # -- item 11: depth as approved -------------------------------------------------------------------
    if depth is None or permitted_depth is None:
        skipped.append("depth_over_permit (no depth or permitted-depth field)")
    else:
        for r in np.flatnonzero(
            ~np.isnan(depth) & ~np.isnan(permitted_depth) & (np.nan_to_num(depth) > np.nan_to_num(permitted_depth))
        ):
            rows.append(
                (
                    r,
                    "depth_over_permit",
                    f"drilled {_fmt(depth[r], 'm')} deep, permitted {_fmt(permitted_depth[r], 'm')} "
                    f"({_fmt(depth[r] - permitted_depth[r], 'm')} deeper), notice item {item['depth_over_permit']}",
                )
            )

    # -- item 13: self-supplied wells inside public supply coverage -----------------------------------
    if self_supplied is None:
        skipped.append("self_supplied_in_coverage (no self-supplied field)")
    elif supply_pipes is None and supply_areas is None:
        skipped.append("self_supplied_in_coverage (no SUPPLY_PIPES or SUPPLY_AREAS given)")
    else:
        in_coverage, distance, coverage_warnings = supply_coverage(
            wells,
            rules,
            pipes=supply_pipes,
            areas=supply_areas,
            coverage_distance_m=coverage_distance_m,
            layer_names={"wells": wells_layer, "pipes": pipes_layer, "supply_areas": areas_layer},
        )
        warnings.extend(coverage_warnings)
        used_distance = (
            coverage_distance_m
            if coverage_distance_m is not None
            else rules.value("screening", "default_coverage_distance_m")
        )
        for r in range(n):
            if not (self_supplied[r] and in_coverage[r] and not deregistered[r]):
                continue
            if not np.isnan(distance[r]) and distance[r] <= used_distance:
                where = f"{_fmt(distance[r], 'm')} from the nearest supply pipe (coverage {_fmt(used_distance, 'm')})"
            else:
                where = "inside a supply area"
            rows.append(
                (
                    r,
                    "self_supplied_in_coverage",
                    f"self-supplied well inside public supply coverage, {where}; to be closed as the network "
                    f"takes over, notice item {item['self_supplied_in_coverage']}",
                )
            )

    # -- item 16: no power to wells without a permit --------------------------------------------------
    kwh = None
    kwh_source = ""
    if power is not None:
        if not f.account:
            raise EngineInputError(
                "a POWER table is given but no power-account field of the wells",
                layer=layer,
                hint="choose the wells' power-account field (ACCOUNT_FIELD)",
            )
        summed = account_power(power, power_fields or PowerFieldNames(), layer=power_layer, period=period)
        messages.extend(summed.messages)
        warnings.extend(summed.warnings)
        accounts = key_column(wells, f.account, layer=layer)
        kwh = np.array([summed.kwh_by_account.get(a, np.nan) if a else np.nan for a in accounts])
        kwh_source = f"power account {{account}} in '{power_layer}'"
        account_of = accounts
    elif f.kwh:
        kwh = numbers(f.kwh)
        account_of = key_column(wells, f.account, layer=layer) if f.account else [None] * n
        kwh_source = f"{f.kwh} field" + (", power account {account}" if f.account else "")
    if permits is not None:
        if kwh is None:
            skipped.append("power_without_permit (no POWER table and no kWh field)")
        else:
            for r in np.flatnonzero(np.nan_to_num(kwh) > 0):
                if permits[r] is None:
                    source = kwh_source.format(account=account_of[r] or "(none)")
                    rows.append(
                        (
                            r,
                            "power_without_permit",
                            f"drew {_fmt(kwh[r], 'kWh')} ({source}) with no water permit; power must not be "
                            f"supplied to unpermitted abstraction, notice item {item['power_without_permit']}",
                        )
                    )

    # -- assemble ------------------------------------------------------------------------------------
    order = {code: position for position, code in enumerate(FINDINGS)}
    rows.sort(key=lambda row: (row[0], order[row[1]]))
    well_rows = [r for r, _, _ in rows]
    findings = gpd.GeoDataFrame(
        {
            "well_id": [ids[r] for r in well_rows],
            "finding": [code for _, code, _ in rows],
            "notice_item": [item[code] for _, code, _ in rows],
            "detail": [detail for _, _, detail in rows],
            "severity": [severity[code] for _, code, _ in rows],
            "township": [townships[r] for r in well_rows],
            "use": [uses[r] for r in well_rows],
        },
        geometry=gpd.GeoSeries(list(wells.geometry.iloc[well_rows]) if n else [], crs=wells.crs),
        crs=wells.crs,
    )
    findings.attrs["well_rows"] = well_rows

    counts = pd.Series([code for _, code, _ in rows], dtype=object).value_counts()
    messages.append(
        f"Audit date {audit_date.isoformat()}: {n} well(s) ({int(active.sum())} active, {int(stopped.sum())} "
        f"stopped, {int(deregistered.sum())} deregistered), {len(rows)} finding(s) in "
        f"{len(set(well_rows))} well(s)"
    )
    for code in FINDINGS:
        messages.append(f"  {code} (item {item[code]}, {severity[code]}): {int(counts.get(code, 0))}")
    for what in skipped:
        warnings.append(f"Not checked: {what}")
    summary = findings_summary(findings, townships)
    return AuditResult(findings, summary, messages, warnings)


def findings_summary(findings: pd.DataFrame, townships: Sequence[str | None]) -> pd.DataFrame:
    """Count of each finding per township (every township of the wells, also those with none)."""
    names = sorted({t if t is not None else "(no township)" for t in townships})
    found = findings["township"].fillna("(no township)") if len(findings) else pd.Series([], dtype=object)
    table = pd.DataFrame({"township": names})
    table["findings_n"] = [int((found == name).sum()) for name in names]
    for code in FINDINGS:
        of_code = found[findings["finding"] == code] if len(findings) else found
        table[code] = [int((of_code == name).sum()) for name in names]
    return table
