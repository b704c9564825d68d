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
    # One decimal, without a trailing ".0": 300 m measured as 299.9999999 after a reprojection still reads "300 m".
    text = f"{number:,.1f}"
    text = text[:-2] if text.endswith(".0") else text
    return f"{text} {unit}".strip()


Row = tuple[int, str, str]  # (well row, finding code, detail sentence)


@dataclass
class Register:
    """The wells layer read once: one entry per well, None for a column whose field was not given."""

    ids: list[str | None]
    fields: AuditFieldNames = AuditFieldNames()
    townships: list[str | None] | None = None
    uses: list[str | None] | None = None
    has_meter: list[bool | None] | None = None
    metered: np.ndarray | None = None
    permits: list[str | None] | None = None
    permit_m3: np.ndarray | None = None
    statuses: list[str | None] | None = None  # lower case
    stopped_on: list[dt.date | None] | None = None
    deregistered_on: list[dt.date | None] | None = None
    depth: np.ndarray | None = None
    permitted_depth: np.ndarray | None = None
    self_supplied: list[bool | None] | None = None

    @property
    def n(self) -> int:
        return len(self.ids)

    @property
    def labels(self) -> list[str]:
        """How to name each well in a message: its id, else its row."""
        return [i if i is not None else f"row {r + 1}" for r, i in enumerate(self.ids)]

    def status_of(self, row: int) -> str | None:
        return self.statuses[row] if self.statuses else None


@dataclass
class WellStates:
    """Whether each well is deregistered, stopped or active on the audit date."""

    deregistered: np.ndarray
    stopped: np.ndarray

    @property
    def active(self) -> np.ndarray:
        return ~self.deregistered & ~self.stopped


@dataclass
class Check:
    """What one rule found; ``skipped`` says why it could not be checked (a field or layer was not given)."""

    rows: list[Row] = field(default_factory=list)
    skipped: str | None = None
    messages: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_register(wells: gpd.GeoDataFrame, rules: Rules, f: AuditFieldNames, layer: str) -> Register:
    """Every field the audit uses, parsed, with one clear error per unreadable column."""
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

    return Register(
        ids=text_column(wells, f.well_id, layer=layer),
        fields=f,
        townships=text_column(wells, f.township, layer=layer) if f.township else None,
        uses=text_column(wells, f.use, layer=layer) if f.use else None,
        has_meter=flag_column(wells, f.has_meter, layer=layer, id_field=f.well_id) if f.has_meter else None,
        metered=numbers(f.metered),
        permits=key_column(wells, f.permit, layer=layer) if f.permit else None,
        permit_m3=numbers(f.permit_m3),
        statuses=[s.lower() if s else None for s in text_column(wells, f.status, layer=layer)] if f.status else None,
        stopped_on=dates(f.stopped_on),
        deregistered_on=dates(f.deregistered_on),
        depth=numbers(f.depth),
        permitted_depth=numbers(f.permitted_depth),
        self_supplied=_self_supplied_flags(wells, f.self_supplied, layer, f.well_id, rules) if f.self_supplied else None,
    )


def well_states(register: Register, status_words: dict[str, set[str]], audit_date: dt.date) -> WellStates:
    """Deregistered / stopped on ``audit_date``: by a date on or before it, else by a status word without a date.

    A date after the audit date does not count yet (the audit looks at the register as it stood then).
    """

    def by_date_or_word(dates: list[dt.date | None] | None, words: set[str]) -> np.ndarray:
        return np.array(
            [
                (dates is not None and dates[r] is not None and dates[r] <= audit_date)
                or (register.status_of(r) in words and not (dates and dates[r]))
                for r in range(register.n)
            ],
            dtype=bool,
        )

    return WellStates(
        deregistered=by_date_or_word(register.deregistered_on, status_words["deregistered"]),
        stopped=by_date_or_word(register.stopped_on, status_words["stopped"]),
    )


def check_metering(register: Register, states: WellStates, item: str) -> Check:
    """Item 9 (二(二) 9, 规范取用水计量): "取水单位或者个人应当依照国家技术标准安装计量设施，保证计量设施正常运行".

    An active well is a ``no_meter`` finding when its meter is not recorded, it has no working
    meter, or it has one but no reading in the metered-volume field.
    """
    f = register.fields
    if register.has_meter is None:
        return Check(skipped="no_meter (no meter field)")
    rows: list[Row] = []
    for r in np.flatnonzero(states.active):
        if register.has_meter[r] is None:
            rows.append((r, "no_meter", f"meter not recorded ({f.has_meter} is empty), notice item {item}"))
        elif not register.has_meter[r]:
            rows.append((r, "no_meter", f"no working meter ({f.has_meter} = no), notice item {item}"))
        elif register.metered is not None and np.isnan(register.metered[r]):
            rows.append((r, "no_meter", f"meter recorded but no reading in {f.metered}, notice item {item}"))
    return Check(rows)


def check_over_permit(register: Register, item: str) -> Check:
    """Item 10 (二(二) 10, 落实水资源有偿使用制度): "取水单位或个人应当按照批准的年度取水计划取水".

    A well whose metered volume exceeds its permitted volume is an ``over_permit`` finding (equal is not).
    """
    metered, permitted = register.metered, register.permit_m3
    if metered is None or permitted is None:
        return Check(skipped="over_permit (no metered or permitted volume field)")
    rows: list[Row] = []
    for r in np.flatnonzero(~np.isnan(metered) & ~np.isnan(permitted) & (np.nan_to_num(metered) > np.nan_to_num(permitted))):
        excess = metered[r] - permitted[r]
        share = f" ({100 * excess / permitted[r]:.1f} %)" if permitted[r] > 0 else ""
        rows.append(
            (
                r,
                "over_permit",
                f"metered {_fmt(metered[r], 'm³')} exceeds the permitted {_fmt(permitted[r], 'm³')} by "
                f"{_fmt(excess, 'm³')}{share}, notice item {item}",
            )
        )
    return Check(rows)


def check_no_permit(register: Register, states: WellStates, item: str) -> Check:
    """Item 18 (二(四) 18): "严厉打击违法打井、违法取水" — an active well with no permit number is ``no_permit``."""
    if register.permits is None:
        return Check(skipped="no_permit and power_without_permit (no permit field)")
    rows = [
        (r, "no_permit", f"active well with no permit number in {register.fields.permit}, notice item {item}")
        for r in np.flatnonzero(states.active)
        if register.permits[r] is None
    ]
    return Check(rows)


def check_deregistration(
    register: Register, states: WellStates, item: str, *, deadline_days: int, audit_date: dt.date, stopped_words: set[str]
) -> Check:
    """Item 11 (二(二) 11, 规范取水工程申报流程): "产权人应当在停工或者停止取水之日起三十日内办理注销手续".

    A well stopped more than ``deadline_days`` before the audit date and not deregistered by then is
    ``stopped_not_deregistered``: day 30 is still within the deadline, day 31 is not. Wells whose
    status is one of ``stopped_words`` but that have no stop date cannot be checked: a warning lists them.
    """
    f = register.fields
    stopped_on = register.stopped_on
    if stopped_on is None:
        return Check(skipped="stopped_not_deregistered (no stop-date field)")
    check = Check()
    labels = register.labels
    undated = [labels[r] for r in range(register.n) if register.status_of(r) in stopped_words and stopped_on[r] is None]
    if undated:
        check.warnings.append(
            f"{len(undated)} well(s) have status 'stopped' but no date in {f.stopped_on}, so the "
            f"{deadline_days}-day deregistration deadline cannot be checked: {', '.join(undated[:10])}"
        )
    for r in range(register.n):
        stop = stopped_on[r]
        if stop is None or stop > audit_date or states.deregistered[r]:
            continue
        days = (audit_date - stop).days
        if days > deadline_days:
            check.rows.append(
                (
                    r,
                    "stopped_not_deregistered",
                    f"stopped on {stop.isoformat()}, {days} days before the audit date, not deregistered "
                    f"(deadline {deadline_days} days, notice item {item})",
                )
            )
    return check


def check_depth(register: Register, item: str) -> Check:
    """Item 11 (二(二) 11): "按照审批的取水地点、开采深度、时段开采地地下水" — deeper than permitted is ``depth_over_permit``."""
    depth, permitted = register.depth, register.permitted_depth
    if depth is None or permitted is None:
        return Check(skipped="depth_over_permit (no depth or permitted-depth field)")
    rows: list[Row] = []
    for r in np.flatnonzero(~np.isnan(depth) & ~np.isnan(permitted) & (np.nan_to_num(depth) > np.nan_to_num(permitted))):
        rows.append(
            (
                r,
                "depth_over_permit",
                f"drilled {_fmt(depth[r], 'm')} deep, permitted {_fmt(permitted[r], 'm')} "
                f"({_fmt(depth[r] - permitted[r], 'm')} deeper), notice item {item}",
            )
        )
    return Check(rows)


def check_self_supplied_in_coverage(
    register: Register,
    states: WellStates,
    item: str,
    *,
    in_coverage: np.ndarray,
    distance_m: np.ndarray,
    coverage_distance_m: float,
) -> Check:
    """Item 13 (二(二) 13): "依法严格管控公共供水管网覆盖范围内已建自备井".

    A self-supplied well, not deregistered, inside public supply coverage (``in_coverage``, as
    well-site screening decides it) is ``self_supplied_in_coverage``; the detail says whether it is
    within ``coverage_distance_m`` of a pipe or inside a supply area.
    """
    rows: list[Row] = []
    for r in range(register.n):
        if not (register.self_supplied[r] and in_coverage[r] and not states.deregistered[r]):
            continue
        if not np.isnan(distance_m[r]) and distance_m[r] <= coverage_distance_m:
            where = f"{_fmt(distance_m[r], 'm')} from the nearest supply pipe (coverage {_fmt(coverage_distance_m, 'm')})"
        else:
            where = "inside a supply area"
        rows.append(
            (
                r,
                "self_supplied_in_coverage",
                f"self-supplied well inside public supply coverage, {where}; to be closed as the network "
                f"takes over, notice item {item}",
            )
        )
    return Check(rows)


def check_power_without_permit(register: Register, item: str, kwh: np.ndarray, source_of: Sequence[str]) -> Check:
    """Item 16 (二(三) 16, 严格供电监管): "不得向非法取水单位和个人提供供电服务".

    A well that drew power (``kwh`` > 0) and has no permit number is ``power_without_permit``;
    ``source_of[r]`` says where its kWh come from.
    """
    rows: list[Row] = []
    for r in np.flatnonzero(np.nan_to_num(kwh) > 0):
        if register.permits[r] is None:
            rows.append(
                (
                    r,
                    "power_without_permit",
                    f"drew {_fmt(kwh[r], 'kWh')} ({source_of[r]}) with no water permit; power must not be "
                    f"supplied to unpermitted abstraction, notice item {item}",
                )
            )
    return Check(rows)


def _coverage_check(
    wells: gpd.GeoDataFrame,
    rules: Rules,
    register: Register,
    states: WellStates,
    item: str,
    *,
    supply_pipes: gpd.GeoDataFrame | None,
    supply_areas: gpd.GeoDataFrame | None,
    coverage_distance_m: float | None,
    layer_names: dict[str, str],
) -> Check:
    """Item 13 with the coverage found by the screening engine (skipped without the field or a supply layer)."""
    if register.self_supplied is None:
        return Check(skipped="self_supplied_in_coverage (no self-supplied field)")
    if supply_pipes is None and supply_areas is None:
        return Check(skipped="self_supplied_in_coverage (no SUPPLY_PIPES or SUPPLY_AREAS given)")
    in_coverage, distance, coverage_warnings = supply_coverage(
        wells, rules, pipes=supply_pipes, areas=supply_areas, coverage_distance_m=coverage_distance_m, layer_names=layer_names
    )
    used_distance = coverage_distance_m if coverage_distance_m is not None else rules.value("screening", "default_coverage_distance_m")
    check = check_self_supplied_in_coverage(
        register, states, item, in_coverage=in_coverage, distance_m=distance, coverage_distance_m=used_distance
    )
    check.warnings[:0] = coverage_warnings
    return check


def _power_check(
    wells: gpd.GeoDataFrame,
    register: Register,
    item: str,
    *,
    power: pd.DataFrame | None,
    power_fields: PowerFieldNames | None,
    period: str | None,
    layer: str,
    power_layer: str,
) -> Check:
    """Item 16 with the kWh per well from the POWER table (by account) or from the wells' kWh field."""
    f = register.fields
    check = Check()
    kwh = None
    if power is not None:
        if not f.account:
            raise EngineInputError(
                "a POWER table is given but no power-account field of the wells",
                layer=layer,
                hint="choose the wells' power-account field (ACCOUNT_FIELD)",
            )
        summed = account_power(power, power_fields or PowerFieldNames(), layer=power_layer, period=period)
        check.messages.extend(summed.messages)
        check.warnings.extend(summed.warnings)
        accounts = key_column(wells, f.account, layer=layer)
        kwh = np.array([summed.kwh_by_account.get(a, np.nan) if a else np.nan for a in accounts])
        source_of = [f"power account {a or '(none)'} in '{power_layer}'" for a in accounts]
    elif f.kwh:
        kwh = number_column(wells, f.kwh, layer=layer, id_field=f.well_id)
        accounts = key_column(wells, f.account, layer=layer) if f.account else [None] * register.n
        source_of = [f"{f.kwh} field" + (f", power account {a or '(none)'}" if f.account else "") for a in accounts]
    if register.permits is None:
        return check  # check_no_permit already says both permit checks were skipped
    if kwh is None:
        check.skipped = "power_without_permit (no POWER table and no kWh field)"
        return check
    found = check_power_without_permit(register, item, kwh, source_of)
    check.rows = found.rows
    return check


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
    today: dt.date | None = None,
) -> AuditResult:
    """Audit every well at ``audit_date``; return the findings, a per-township summary and the log.

    ``today`` (default: the real today) bounds the dates that can have happened: a stop or deregistration dated
    after it is named in the log.
    """
    register = read_register(wells, rules, fields, wells_layer)
    item = {code: str(rules.get("compliance", "findings", code).get("item", "")) for code in FINDINGS}
    status_words = _status_words(rules)
    states = well_states(register, status_words, audit_date)
    messages = _unknown_status_note(register, status_words)
    checks = [
        Check(warnings=_implausible_date_notes(register, rules, audit_date, today)),
        check_metering(register, states, item["no_meter"]),
        check_over_permit(register, item["over_permit"]),
        check_no_permit(register, states, item["no_permit"]),
        check_deregistration(
            register,
            states,
            item["stopped_not_deregistered"],
            deadline_days=int(rules.value("compliance", "deregistration_deadline_days")),
            audit_date=audit_date,
            stopped_words=status_words["stopped"],
        ),
        check_depth(register, item["depth_over_permit"]),
        _coverage_check(
            wells, rules, register, states, item["self_supplied_in_coverage"],
            supply_pipes=supply_pipes, supply_areas=supply_areas, coverage_distance_m=coverage_distance_m,
            layer_names={"wells": wells_layer, "pipes": pipes_layer, "supply_areas": areas_layer},
        ),
        _power_check(
            wells, register, item["power_without_permit"],
            power=power, power_fields=power_fields, period=period, layer=wells_layer, power_layer=power_layer,
        ),
    ]
    return _assemble(wells, rules, register, states, checks, messages, audit_date)


def _implausible_date_notes(register: Register, rules: Rules, audit_date: dt.date, today: dt.date | None) -> list[str]:
    """Log lines for dates that cannot be right: an audit date before the notice or in the future, and stop or
    deregistration dates after today (typing errors such as 2099; they would never count as stopped)."""
    today = today or dt.date.today()
    notes = []
    issued = parse_date(rules.get("notice", "issued"))
    if issued is not None and audit_date < issued:
        notes.append(
            f"Audit date {audit_date.isoformat()} is before the notice was issued ({issued.isoformat()}): "
            "its rules did not apply yet; check the audit date."
        )
    if audit_date > today:
        notes.append(f"Audit date {audit_date.isoformat()} is after today ({today.isoformat()}): check the audit date.")
    for dates, what in ((register.stopped_on, register.fields.stopped_on), (register.deregistered_on, register.fields.deregistered_on)):
        future = [r for r in range(register.n) if dates is not None and dates[r] is not None and dates[r] > today]
        if future:
            shown = ", ".join(f"{register.labels[r]} ({dates[r].isoformat()})" for r in future[:5])
            more = f" and {len(future) - 5} more" if len(future) > 5 else ""
            notes.append(
                f"{len(future)} well(s) have a {what} date after today ({today.isoformat()}), which cannot have "
                f"happened yet: {shown}{more}. They are audited as not stopped; correct the dates."
            )
    return notes


def _unknown_status_note(register: Register, status_words: dict[str, set[str]]) -> list[str]:
    """A log line naming the status values that are neither stopped, deregistered nor plainly active."""
    known = status_words["deregistered"] | status_words["stopped"] | ACTIVE_STATUS_WORDS
    other_status = sorted({s for s in (register.statuses or []) if s is not None and s not in known})
    return [f"Status values taken as active: {', '.join(other_status[:10])}"] if other_status else []


def _assemble(
    wells: gpd.GeoDataFrame,
    rules: Rules,
    register: Register,
    states: WellStates,
    checks: Sequence[Check],
    messages: list[str],
    audit_date: dt.date,
) -> AuditResult:
    """The findings layer (rows by well, then in FINDINGS order), the per-township summary and the log."""
    n = register.n
    finding_rules = {code: rules.get("compliance", "findings", code) for code in FINDINGS}
    item = {code: str(node.get("item", "")) for code, node in finding_rules.items()}
    severity = {code: str(node.get("severity", "")) for code, node in finding_rules.items()}
    townships = register.townships or [None] * n
    uses = register.uses or [None] * n
    order = {code: position for position, code in enumerate(FINDINGS)}
    rows = sorted((row for check in checks for row in check.rows), key=lambda row: (row[0], order[row[1]]))
    well_rows = [r for r, _, _ in rows]
    findings = gpd.GeoDataFrame(
        {
            "well_id": [register.ids[r] for r in well_rows],
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
    messages = [*messages, *(m for check in checks for m in check.messages)]
    messages.append(
        f"Audit date {audit_date.isoformat()}: {n} well(s) ({int(states.active.sum())} active, {int(states.stopped.sum())} "
        f"stopped, {int(states.deregistered.sum())} deregistered), {len(rows)} finding(s) in "
        f"{len(set(well_rows))} well(s)"
    )
    for code in FINDINGS:
        messages.append(f"  {code} (item {item[code]}, {severity[code]}): {int(counts.get(code, 0))}")
    warnings = [w for check in checks for w in check.warnings]
    warnings += [f"Not checked: {check.skipped}" for check in checks if check.skipped]
    return AuditResult(findings, findings_summary(findings, townships), messages, warnings)


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
