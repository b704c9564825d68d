"""Compliance audit of a well register: one finding per breach of notice 托政发规〔2024〕3号.

Items 9 (metering), 10 (use within the permit and the quota), 11 (depth as approved; deregister
within 30 days of stopping or halting works, in time, and seal), 13 (no self-supplied wells inside
public supply coverage), 16 (no power to wells without a permit, to stopped wells, to farm wells
after the irrigation season, nor through accounts linked to no well) and 18 (no wells without a
permit) become one row per finding, with the finding code, the notice item, a sentence a field
inspector can read, and the severity. Items, severities, the deadline, the holiday table, the
irrigation season and the quotas are read from the rules file's ``compliance`` section.

A power account linked to no well is a finding without a well: its row comes after the wells'
rows, with no well id and no geometry (``findings.attrs["account_rows"]`` lists those positions;
``findings.attrs["well_rows"]`` gives the well of each of the rows before them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from ..core.columns import TEXT, Column, column_names
from ..core.errors import EngineInputError
from ..core.messages import register, text
from ..core.registry_columns import flag_column, key_column, parse_flag, require_field, text_column
from ..core.rules import Rules
from ..core.values import date_column, is_missing, number_column, parse_date, parsed_column
from ..screening.well_kind import well_kinds
from .deadlines import WorkCalendar, deadline_after
from .electricity import DatedPower, PowerFieldNames, account_power, dated_power
from .quota_volumes import UseQuotas, quota_volumes

register(
    {
        "audit.date_not_a_date": ("AUDIT_DATE {value!r} is not a date", "AUDIT_DATE {value!r} 不是日期"),
        "audit.date_hint": (
            "write it as 2026-11-28 or 2026/11/28, or leave it empty for today",
            "请写作 2026-11-28 或 2026/11/28，留空则为今天",
        ),
        "audit.row": ("row {n}", "第 {n} 行"),
        "audit.item": ("notice item {item}", "通知第{item}条"),
        "audit.no_meter_empty": ("meter not recorded ({field} is empty), {cite}", "未登记计量设施（{field} 为空），{cite}"),
        "audit.no_meter_no": ("no working meter ({field} = no), {cite}", "无正常运行的计量设施（{field} = 否），{cite}"),
        "audit.no_meter_reading": ("meter recorded but no reading in {field}, {cite}", "已登记计量设施但 {field} 无读数，{cite}"),
        "audit.share": (" ({percent:.1f} %)", "（{percent:.1f}%）"),
        "audit.over_permit": (
            "metered {metered} exceeds the permitted {permitted} by {excess}{share}, {cite}",
            "计量水量 {metered} 超过许可水量 {permitted}，超出 {excess}{share}，{cite}",
        ),
        "audit.no_permit": (
            "active well with no permit number in {field}, {cite}",
            "在用井在 {field} 中无取水许可证号，{cite}",
        ),
        "audit.stopped_undated": (
            "{n} well(s) have status 'stopped' but no date in {field}, so the {days}-day deregistration deadline "
            "cannot be checked: {wells}",
            "{n} 口井状态为停用，但 {field} 中无日期，无法核查 {days} 日注销期限：{wells}",
        ),
        "audit.moved": (", moved off rest days to {day}", "，遇休息日顺延至 {day}"),
        "audit.stopped_not_deregistered": (
            "stopped on {stop}, {days} days before the audit date, not deregistered (deadline {deadline_days} days{moved}, {cite})",
            "{stop} 停止取水，距检查日 {days} 天，未办理注销（期限 {deadline_days} 日{moved}，{cite}）",
        ),
        "audit.deregistered_late": (
            "stopped on {stop}, deregistered on {done}, {late} day(s) after the deadline {deadline} ({deadline_days} days), {cite}",
            "{stop} 停止取水，{done} 办理注销，超过期限 {deadline}（{deadline_days} 日）{late} 天，{cite}",
        ),
        "audit.deregistered_on": ("deregistered on {day}", "{day} 已注销"),
        "audit.deregistered": ("deregistered", "已注销"),
        "audit.sealing_later": (" (sealing dated {day}, after the audit date)", "（封填日期 {day}，晚于检查日）"),
        "audit.not_sealed": ("{since} but not sealed (封填){when}, {cite}", "{since}但未封填{when}，{cite}"),
        "audit.quota_basis": (" ({basis})", "（{basis}）"),
        "audit.over_quota": (
            "metered {metered} exceeds the quota volume {quota}{how} by {excess}{share}, notice items {item} and 13",
            "计量水量 {metered} 超过定额水量 {quota}{how}，超出 {excess}{share}，通知第{item}条和第13条",
        ),
        "audit.depth_over_permit": (
            "drilled {depth} deep, permitted {permitted} ({deeper} deeper), {cite}",
            "成井深度 {depth}，许可深度 {permitted}（超深 {deeper}），{cite}",
        ),
        "audit.near_pipe": (
            "{distance} from the nearest supply pipe (coverage {coverage})",
            "距最近供水管网 {distance}（覆盖距离 {coverage}）",
        ),
        "audit.in_area": ("inside a supply area", "位于供水覆盖范围内"),
        "audit.self_supplied_in_coverage": (
            "self-supplied well inside public supply coverage, {where}; under strict control by law (依法严格管控), {cite}",
            "公共供水管网覆盖范围内的自备井，{where}；依法严格管控，{cite}",
        ),
        "audit.power_without_permit": (
            "drew {kwh} ({source}) with no water permit; power must not be supplied to unpermitted abstraction, {cite}",
            "无取水许可用电 {kwh}（{source}）；不得向非法取水单位和个人提供供电服务，{cite}",
        ),
        "audit.more": ("{shown} and {n} more", "{shown} 等（另有 {n} 个）"),
        "audit.list_separator": (", ", "、"),
        "audit.stopped": ("stopped", "停止取水"),
        "audit.power_while_stopped": (
            "{word} on {day}, yet power account {account} drew {kwh} in {periods}; no power may be supplied to a well "
            "that may not abstract, {cite}",
            "{day} {word}，但供电户号 {account} 在 {periods} 用电 {kwh}；不得向不得取水的机井供电，{cite}",
        ),
        "audit.power_undated_wells": (
            "{n} stopped or deregistered well(s) with a power account have no stop or deregistration date: their power "
            "cannot be placed before or after the stop (power_while_stopped not checked for them)",
            "{n} 口有供电户号的停用或注销井没有停用或注销日期：无法判断其用电在停用之前还是之后"
            "（这些井未核查 power_while_stopped）",
        ),
        "audit.season_day": (
            "compliance.irrigation_season holds {value!r}, which is not a month and day as MM-DD",
            "compliance.irrigation_season 的值 {value!r} 不是 MM-DD 格式的月日",
        ),
        "audit.power_outside_season": (
            "irrigation well drew {kwh} on power account {account} in {periods}, outside the irrigation season "
            "({first} to {last}); farm wells are to be reported off after the season, {cite}",
            "灌溉井在灌溉期（{first} 至 {last}）外的 {periods} 通过供电户号 {account} 用电 {kwh}；"
            "农业灌溉期结束后农业机电井应统一向供电部门报停，{cite}",
        ),
        "audit.account_without_well": (
            "power account {account} ({kwh} in '{layer}') is linked to no well of the register: a possibly "
            "unregistered well, {cite}",
            "供电户号 {account}（“{layer}”中 {kwh}）未对应登记册中的任何机井：可能为未登记机井，{cite}",
        ),
        "audit.skip_no_self_supplied_field": (
            "self_supplied_in_coverage (neither a self-supplied nor a use field)", "self_supplied_in_coverage（无自备井字段，亦无用途字段）"
        ),
        "audit.skip_no_supply_layer": (
            "self_supplied_in_coverage (no SUPPLY_PIPES or SUPPLY_AREAS given)",
            "self_supplied_in_coverage（未提供 SUPPLY_PIPES 或 SUPPLY_AREAS）",
        ),
        "audit.power_without_account_field": (
            "a POWER table is given but no power-account field of the wells",
            "提供了 POWER 表，但未指定机井的供电户号字段",
        ),
        "audit.choose_account_field": (
            "choose the wells' power-account field (ACCOUNT_FIELD)", "请选择机井的供电户号字段（ACCOUNT_FIELD）"
        ),
        "audit.source_table": ("power account {account} in '{layer}'", "“{layer}”中的供电户号 {account}"),
        "audit.source_field": ("{field} field", "{field} 字段"),
        "audit.source_field_account": ("{field} field, power account {account}", "{field} 字段，供电户号 {account}"),
        "audit.no_account": ("(none)", "（无）"),
        "audit.skip_no_power_table": ("{code} (no POWER table)", "{code}（无 POWER 表）"),
        "audit.skip_no_kwh": (
            "power_without_permit (no POWER table and no kWh field)", "power_without_permit（无 POWER 表，也无用电量字段）"
        ),
        "audit.no_period_field": ("no period field", "无时段字段"),
        "audit.no_dated_period": ("no period in it gives dates (such as 2025-11)", "没有能给出日期的时段（如 2025-11）"),
        "audit.skip_power_layer": ("{code} ('{layer}' has {why})", "{code}（“{layer}”{why}）"),
        "audit.undated_power_rows": (
            "{n} row(s) of '{layer}' have a period that gives no dates: they are not placed in time "
            "(power_while_stopped, power_outside_irrigation_season)",
            "“{layer}”中 {n} 行的时段给不出日期：无法确定其时间（power_while_stopped、power_outside_irrigation_season）",
        ),
        "audit.sealed_what": ("dates or yes/no", "日期或是/否"),
        "audit.sealed_hint": (
            "write the date the well was sealed (2025-03-05), or yes/no", "请填写封填日期（2025-03-05），或是/否"
        ),
        "audit.no_sealed_field_in": ("no field '{field}' in '{layer}'", "“{layer}”中无字段“{field}”"),
        "audit.no_sealed_field": ("no sealing field given", "未指定封填字段"),
        "audit.skip_sealing": ("deregistered_not_sealed ({why})", "deregistered_not_sealed（{why}）"),
        "audit.skip_quota_no_metered": ("over_quota (no metered volume field)", "over_quota（无计量水量字段）"),
        "audit.skip_quota": ("over_quota ({why})", "over_quota（{why}）"),
        "audit.skip_no_meter": ("no_meter (no meter field)", "no_meter（无计量设施字段）"),
        "audit.skip_over_permit": (
            "over_permit (no metered or permitted volume field)", "over_permit（无计量水量或许可水量字段）"
        ),
        "audit.skip_no_permit": (
            "no_permit and power_without_permit (no permit field)", "no_permit 和 power_without_permit（无取水许可证号字段）"
        ),
        "audit.skip_stopped": ("stopped_not_deregistered (no stop-date field)", "stopped_not_deregistered（无停用日期字段）"),
        "audit.skip_late": (
            "deregistered_late (no stop-date or deregistration-date field)", "deregistered_late（无停用日期或注销日期字段）"
        ),
        "audit.skip_not_sealed": ("deregistered_not_sealed (no sealing field)", "deregistered_not_sealed（无封填字段）"),
        "audit.skip_over_quota": ("over_quota (no metered volume or quota)", "over_quota（无计量水量或定额）"),
        "audit.skip_depth": (
            "depth_over_permit (no depth or permitted-depth field)", "depth_over_permit（无成井深度或许可深度字段）"
        ),
        "audit.skip_season_no_use": (
            "power_outside_irrigation_season (no use field)", "power_outside_irrigation_season（无用途字段）"
        ),
        "audit.no_holiday_year": (
            "Deadlines in {years} move over weekends only: the rules file's holiday table (compliance.public_holidays) "
            "has no such year",
            "{years} 年的期限只按周末顺延：规则文件的节假日表（compliance.public_holidays）没有该年",
        ),
        "audit.unverified_holidays": (
            "The holiday dates of {years} in the rules file are not verified against the State Council notice: check "
            "deadlines that fall near a holiday",
            "规则文件中 {years} 年的节假日未与国务院通知核对：请核查临近节假日的期限",
        ),
        "audit.date_before_notice": (
            "Audit date {audit_date} is before the notice was issued ({issued}): its rules did not apply yet; check the "
            "audit date.",
            "检查日 {audit_date} 早于通知印发日（{issued}）：其规定尚未施行；请核对检查日。",
        ),
        "audit.date_after_today": (
            "Audit date {audit_date} is after today ({today}): check the audit date.",
            "检查日 {audit_date} 晚于今天（{today}）：请核对检查日。",
        ),
        "audit.future_dates": (
            "{n} well(s) have a {field} date after today ({today}), which cannot have happened yet: {wells}. They are "
            "audited as not stopped; correct the dates.",
            "{n} 口井的 {field} 日期晚于今天（{today}），不可能已发生：{wells}。这些井按未停用检查；请更正日期。",
        ),
        "audit.unknown_status": ("Status values taken as active: {values}", "按在用处理的状态值：{values}"),
        "audit.no_well_accounts": (" and {n} power account(s) linked to no well", "，另有 {n} 个供电户号未对应机井"),
        "audit.summary": (
            "Audit date {audit_date}: {n} well(s) ({active} active, {stopped} stopped, {deregistered} deregistered), "
            "{findings} finding(s) in {wells} well(s){no_well}",
            "检查日 {audit_date}：{n} 口井（在用 {active}、停用 {stopped}、注销 {deregistered}），{wells} 口井共 "
            "{findings} 条问题{no_well}",
        ),
        "audit.count": ("  {code} (item {item}, {severity}): {n}", "  {code}（第{item}条，{severity}）：{n}"),
        "audit.not_checked": ("Not checked: {what}", "未核查：{what}"),
    }
)

# Finding codes in the order rows are written for a well (a public contract).
FINDINGS = (
    "no_meter",
    "over_permit",
    "no_permit",
    "stopped_not_deregistered",
    "depth_over_permit",
    "self_supplied_in_coverage",
    "power_without_permit",
    "deregistered_late",
    "deregistered_not_sealed",
    "over_quota",
    "power_while_stopped",
    "power_outside_irrigation_season",
    "power_account_without_well",
)
FINDING_COLUMNS = (
    Column("well_id", TEXT, "the well (or power account) the finding is about"),
    Column("finding", TEXT, "the finding code"),
    Column("notice_item", TEXT, "the notice item breached"),
    Column("detail", TEXT, "what was found, with the numbers"),
    Column("severity", TEXT, "critical / high / medium / low (rules file)"),
    Column("township", TEXT, "the well's township"),
    Column("use", TEXT, "the well's use"),
)
OUTPUT_COLUMNS = column_names(FINDING_COLUMNS)
# The words for each finding code (messages: "words for codes"); {days}: the deadline from the rules file (item 11).
register(
    {
        # one scale for findings, never the zone grades 严重/一般: 特别严重 > 较高 > 中等 > 较低
        "severity.critical": ("critical", "特别严重"),
        "severity.high": ("high", "较高"),
        "severity.medium": ("medium", "中等"),
        "severity.low": ("low", "较低"),
        "finding.no_meter": ("no working meter or no reading", "未安装计量设施或无计量读数"),
        "finding.over_permit": ("abstraction over the permitted volume", "超许可水量取水"),
        "finding.no_permit": ("no water permit", "无取水许可"),
        "finding.stopped_not_deregistered": ("stopped, not deregistered within {days} days", "停止取水超过{days}日未注销"),
        "finding.depth_over_permit": ("drilled deeper than permitted", "成井深度超过批准深度"),
        "finding.self_supplied_in_coverage": ("self-supplied well inside public supply coverage", "公共供水管网覆盖范围内的自备井"),
        "finding.power_without_permit": ("power used without a permit (well-electricity dual control)", "无证取水用电（井电双控）"),
        "finding.deregistered_late": ("deregistered after the {days}-day deadline", "逾期办理注销（超过{days}日）"),
        "finding.deregistered_not_sealed": ("deregistered, not sealed", "已注销未封填"),
        "finding.over_quota": ("abstraction over the quota", "超定额取水"),
        "finding.power_while_stopped": ("power drawn after the well stopped or was deregistered", "停用或注销后仍在用电"),
        "finding.power_outside_irrigation_season": (
            "irrigation well drawing power outside the irrigation season",
            "灌溉期结束后农业机电井仍在用电（未报停）",
        ),
        "finding.power_account_without_well": ("power account linked to no well", "供电户号未对应任何机井"),
    }
)

# The catalogue messages a finding's detail is written from (the report shows a detail only in its own language).
DETAIL_KEYS = (
    "audit.no_meter_empty", "audit.no_meter_no", "audit.no_meter_reading", "audit.over_permit", "audit.no_permit",
    "audit.stopped_not_deregistered", "audit.deregistered_late", "audit.not_sealed", "audit.over_quota",
    "audit.depth_over_permit", "audit.self_supplied_in_coverage", "audit.power_without_permit",
    "audit.power_while_stopped", "audit.power_outside_season", "audit.account_without_well",
)

# Status spellings that plainly mean "in use" (anything else unknown is also taken as active, and logged).
ACTIVE_STATUS_WORDS = frozenset({"active", "in_use", "in use", "在用", "正常", "运行", "使用"})

# Used when the rules file has no screening.closure_list vocabulary (it normally has).
_DEFAULT_STATUS_WORDS = {
    "deregistered": ["deregistered", "注销", "已注销", "closed", "封存"],
    "stopped": ["stopped", "停用", "已停用", "停止取水", "abandoned", "报废", "停工", "已停工", "halted", "works halted"],
    "sealed": ["sealed", "已封井", "封井", "封填", "已封填"],
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
            text("audit.date_not_a_date", value=value),
            hint=text("audit.date_hint"),
        ) from None
    return parsed if parsed is not None else (today or dt.date.today())


def _status_words(rules: Rules) -> dict[str, set[str]]:
    node = rules.data.get("screening", {}).get("closure_list", {}).get("inactive_status", {})
    words = {key: node.get(key, default) for key, default in _DEFAULT_STATUS_WORDS.items()}
    return {key: {str(w).strip().lower() for w in values} for key, values in words.items()}


def _self_supplied(frame: pd.DataFrame, f: AuditFieldNames, layer: str, rules: Rules) -> list[bool] | None:
    """Item 13's one answer for every tool (:func:`..screening.well_kind.well_kinds`): the register's own self-supplied
    field where it has a value, else the use by the rules file's lists; None when the register has neither field."""
    if not f.self_supplied and not f.use:
        return None
    kinds = well_kinds(frame, rules, self_supplied_field=f.self_supplied, use_field=f.use, layer=layer, id_field=f.well_id)
    return kinds.self_supplied.tolist()


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
    from ..screening.well_sites import prepare_screening, screen_points

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
    sealed: list[bool] | None = None  # sealed by the audit date (a date on or before it, or a yes)
    sealed_on: list[dt.date | None] | None = None
    quota_m3: np.ndarray | None = None
    quota_basis: list[str | None] | None = None

    @property
    def n(self) -> int:
        return len(self.ids)

    @property
    def labels(self) -> list[str]:
        """How to name each well in a message: its id, else its row."""
        return [i if i is not None else text("audit.row", n=r + 1) for r, i in enumerate(self.ids)]

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
    account_rows: list[tuple[str, str, str]] = field(default_factory=list)  # (power account, code, detail): no well
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
        self_supplied=_self_supplied(wells, f, layer, rules),
    )


def well_states(register: Register, status_words: dict[str, set[str]], audit_date: dt.date) -> WellStates:
    """Deregistered / stopped on ``audit_date``: by a date on or before it, else by a status word without a date.

    A date after the audit date does not count yet (the audit looks at the register as it stood then).
    A sealed well (status word) counts as deregistered. A deregistered well is not also counted as
    stopped, so active + stopped + deregistered is the number of wells.
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

    deregistered = by_date_or_word(register.deregistered_on, status_words["deregistered"] | status_words.get("sealed", set()))
    return WellStates(deregistered=deregistered, stopped=by_date_or_word(register.stopped_on, status_words["stopped"]) & ~deregistered)


def check_metering(register: Register, states: WellStates, item: str) -> Check:
    """Item 9 (二(二) 9, 规范取用水计量): "取水单位或者个人应当依照国家技术标准安装计量设施，保证计量设施正常运行".

    An active well is a ``no_meter`` finding when its meter is not recorded, it has no working
    meter, or it has one but no reading in the metered-volume field.
    """
    f = register.fields
    if register.has_meter is None:
        return Check(skipped=text("audit.skip_no_meter"))
    rows: list[Row] = []
    cite = text("audit.item", item=item)
    for r in np.flatnonzero(states.active):
        if register.has_meter[r] is None:
            rows.append((r, "no_meter", text("audit.no_meter_empty", field=f.has_meter, cite=cite)))
        elif not register.has_meter[r]:
            rows.append((r, "no_meter", text("audit.no_meter_no", field=f.has_meter, cite=cite)))
        elif register.metered is not None and np.isnan(register.metered[r]):
            rows.append((r, "no_meter", text("audit.no_meter_reading", field=f.metered, cite=cite)))
    return Check(rows)


def check_over_permit(register: Register, item: str) -> Check:
    """Item 10 (二(二) 10, 落实水资源有偿使用制度): "取水单位或个人应当按照批准的年度取水计划取水".

    A well whose metered volume exceeds its permitted volume is an ``over_permit`` finding (equal is not).
    """
    metered, permitted = register.metered, register.permit_m3
    if metered is None or permitted is None:
        return Check(skipped=text("audit.skip_over_permit"))
    rows: list[Row] = []
    for r in np.flatnonzero(~np.isnan(metered) & ~np.isnan(permitted) & (np.nan_to_num(metered) > np.nan_to_num(permitted))):
        excess = metered[r] - permitted[r]
        share = text("audit.share", percent=100 * excess / permitted[r]) if permitted[r] > 0 else ""
        rows.append(
            (
                r,
                "over_permit",
                text(
                    "audit.over_permit", metered=_fmt(metered[r], "m³"), permitted=_fmt(permitted[r], "m³"),
                    excess=_fmt(excess, "m³"), share=share, cite=text("audit.item", item=item),
                ),
            )
        )
    return Check(rows)


def check_no_permit(register: Register, states: WellStates, item: str) -> Check:
    """Item 18 (二(四) 18): "严厉打击违法打井、违法取水" — an active well with no permit number is ``no_permit``."""
    if register.permits is None:
        return Check(skipped=text("audit.skip_no_permit"))
    rows = [
        (r, "no_permit", text("audit.no_permit", field=register.fields.permit, cite=text("audit.item", item=item)))
        for r in np.flatnonzero(states.active)
        if register.permits[r] is None
    ]
    return Check(rows)


def check_deregistration(
    register: Register,
    states: WellStates,
    item: str,
    *,
    deadline_days: int,
    audit_date: dt.date,
    stopped_words: set[str],
    calendar: WorkCalendar | None = None,
) -> Check:
    """Item 11 (二(二) 11, 规范取水工程申报流程): "产权人应当在停工或者停止取水之日起三十日内办理注销手续".

    A well stopped (or its works halted) and not deregistered by the audit date, whose deadline has
    passed, is ``stopped_not_deregistered``: day 30 is still within the deadline, day 31 is not; a
    day 30 on a rest day of ``calendar`` moves the deadline to the next working day. Wells whose
    status is one of ``stopped_words`` but that have no stop date cannot be checked: a warning lists them.
    """
    f = register.fields
    stopped_on = register.stopped_on
    if stopped_on is None:
        return Check(skipped=text("audit.skip_stopped"))
    check = Check()
    labels = register.labels
    undated = [labels[r] for r in range(register.n) if register.status_of(r) in stopped_words and stopped_on[r] is None]
    if undated:
        check.warnings.append(
            text(
                "audit.stopped_undated", n=len(undated), field=f.stopped_on, days=deadline_days,
                wells=text("audit.list_separator").join(undated[:10]),
            )
        )
    for r in range(register.n):
        stop = stopped_on[r]
        if stop is None or stop > audit_date or states.deregistered[r]:
            continue
        deadline = deadline_after(stop, deadline_days, calendar)
        if audit_date > deadline.last_day:
            days = (audit_date - stop).days
            moved = text("audit.moved", day=deadline.last_day.isoformat()) if deadline.moved else ""
            check.rows.append(
                (
                    r,
                    "stopped_not_deregistered",
                    text(
                        "audit.stopped_not_deregistered", stop=stop.isoformat(), days=days, deadline_days=deadline_days,
                        moved=moved, cite=text("audit.item", item=item),
                    ),
                )
            )
    return check


def check_late_deregistration(
    register: Register, item: str, *, deadline_days: int, audit_date: dt.date, calendar: WorkCalendar | None = None
) -> Check:
    """Item 11: "三十日内办理注销手续" — deregistered by the audit date, but after the deadline, is ``deregistered_late``.

    The deadline is counted as in :func:`check_deregistration` (day 30, moved off rest days).
    """
    if register.stopped_on is None or register.deregistered_on is None:
        return Check(skipped=text("audit.skip_late"))
    check = Check()
    for r in range(register.n):
        stop, done = register.stopped_on[r], register.deregistered_on[r]
        if stop is None or done is None or done > audit_date or done < stop:
            continue
        deadline = deadline_after(stop, deadline_days, calendar)
        if done > deadline.last_day:
            late = (done - deadline.last_day).days
            check.rows.append(
                (
                    r,
                    "deregistered_late",
                    text(
                        "audit.deregistered_late", stop=stop.isoformat(), done=done.isoformat(), late=late,
                        deadline=deadline.last_day.isoformat(), deadline_days=deadline_days, cite=text("audit.item", item=item),
                    ),
                )
            )
    return check


def check_sealing(register: Register, states: WellStates, item: str) -> Check:
    """Item 11: "办理注销手续，并按照规定封填" — a deregistered well not sealed by the audit date is ``deregistered_not_sealed``.

    Sealing is tracked apart from deregistration (its own date or yes/no field); the notice sets no
    deadline for it, so any deregistered well not yet sealed is listed.
    """
    if register.sealed is None:
        return Check(skipped=text("audit.skip_not_sealed"))
    rows: list[Row] = []
    for r in np.flatnonzero(states.deregistered):
        if register.sealed[r]:
            continue
        done = register.deregistered_on[r] if register.deregistered_on else None
        since = text("audit.deregistered_on", day=done.isoformat()) if done else text("audit.deregistered")
        later = register.sealed_on[r] if register.sealed_on else None
        when = text("audit.sealing_later", day=later.isoformat()) if later else ""
        rows.append(
            (r, "deregistered_not_sealed", text("audit.not_sealed", since=since, when=when, cite=text("audit.item", item=item)))
        )
    return Check(rows)


def check_over_quota(register: Register, item: str) -> Check:
    """Items 10 and 13: "超计划或超定额取水的，对超计划或超定额部分累进收取" — metered over the quota volume is ``over_quota``.

    The quota volume is the well's own quota or its use's quota times its units (engine/bookkeeping/quota_volumes.py); equal is not over.
    """
    metered, quota = register.metered, register.quota_m3
    if metered is None or quota is None:
        return Check(skipped=text("audit.skip_over_quota"))
    rows: list[Row] = []
    basis = register.quota_basis or [None] * register.n
    for r in np.flatnonzero(~np.isnan(metered) & ~np.isnan(quota) & (np.nan_to_num(metered) > np.nan_to_num(quota))):
        excess = metered[r] - quota[r]
        how = text("audit.quota_basis", basis=basis[r]) if basis[r] else ""
        rows.append(
            (
                r,
                "over_quota",
                text(
                    "audit.over_quota", metered=_fmt(metered[r], "m³"), quota=_fmt(quota[r], "m³"), how=how,
                    excess=_fmt(excess, "m³"), share=text("audit.share", percent=100 * excess / quota[r]), item=item,
                ),
            )
        )
    return Check(rows)


def check_depth(register: Register, item: str) -> Check:
    """Item 11 (二(二) 11): "按照审批的取水地点、开采深度、时段开采地地下水" — deeper than permitted is ``depth_over_permit``."""
    depth, permitted = register.depth, register.permitted_depth
    if depth is None or permitted is None:
        return Check(skipped=text("audit.skip_depth"))
    rows: list[Row] = []
    for r in np.flatnonzero(~np.isnan(depth) & ~np.isnan(permitted) & (np.nan_to_num(depth) > np.nan_to_num(permitted))):
        rows.append(
            (
                r,
                "depth_over_permit",
                text(
                    "audit.depth_over_permit", depth=_fmt(depth[r], "m"), permitted=_fmt(permitted[r], "m"),
                    deeper=_fmt(depth[r] - permitted[r], "m"), cite=text("audit.item", item=item),
                ),
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
            where = text("audit.near_pipe", distance=_fmt(distance_m[r], "m"), coverage=_fmt(coverage_distance_m, "m"))
        else:
            where = text("audit.in_area")
        rows.append(
            (
                r,
                "self_supplied_in_coverage",
                text("audit.self_supplied_in_coverage", where=where, cite=text("audit.item", item=item)),
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
                    text(
                        "audit.power_without_permit", kwh=_fmt(kwh[r], "kWh"), source=source_of[r],
                        cite=text("audit.item", item=item),
                    ),
                )
            )
    return Check(rows)


def _kwh_text(kwh: float) -> str:
    return _fmt(kwh, "kWh")


def _periods_text(rows: Sequence[DatedPower]) -> str:
    labels = list(dict.fromkeys(row.period for row in rows))
    shown = text("audit.list_separator").join(labels[:6])
    return text("audit.more", shown=shown, n=len(labels) - 6) if len(labels) > 6 else shown


def inactive_since(register: Register, states: WellStates, row: int, audit_date: dt.date) -> tuple[str, dt.date] | None:
    """("stopped" or "deregistered", the earliest such date on or before the audit date) of a well not active; None without a date."""
    if not (states.stopped[row] or states.deregistered[row]):
        return None
    dated = []
    for dates, word in ((register.stopped_on, "stopped"), (register.deregistered_on, "deregistered")):
        if dates is not None and dates[row] is not None and dates[row] <= audit_date:
            dated.append((dates[row], word))
    if not dated:
        return None
    day, word = min(dated)
    return word, day


def check_power_while_stopped(
    register: Register,
    states: WellStates,
    item: str,
    *,
    accounts: Sequence[str | None],
    power: Sequence[DatedPower],
    audit_date: dt.date,
) -> tuple[Check, set[tuple[int, DatedPower]]]:
    """Item 16 (二(三) 16): "不得向非法取水单位和个人提供供电服务" — power drawn by a well after it stopped or was deregistered.

    Only power whose period begins after the stop (or deregistration) date, and not after the audit
    date, counts: a period that straddles the stop cannot tell before from after. Returns the check and
    the (well, power row) pairs it used, so the irrigation-season check does not count them again.
    """
    by_account: dict[str, list[DatedPower]] = {}
    for entry in power:
        by_account.setdefault(entry.account, []).append(entry)
    check = Check()
    used: set[tuple[int, DatedPower]] = set()
    undated = 0
    for r in range(register.n):
        if not (states.stopped[r] or states.deregistered[r]) or accounts[r] is None:
            continue
        since = inactive_since(register, states, r, audit_date)
        if since is None:
            undated += 1
            continue
        word, day = since
        after = [e for e in by_account.get(accounts[r], []) if day < e.start <= audit_date and e.kwh > 0]
        if not after:
            continue
        used.update((r, e) for e in after)
        check.rows.append(
            (
                r,
                "power_while_stopped",
                text(
                    "audit.power_while_stopped", word=text(f"audit.{word}"), day=day.isoformat(), account=accounts[r],
                    kwh=_kwh_text(sum(e.kwh for e in after)), periods=_periods_text(after), cite=text("audit.item", item=item),
                ),
            )
        )
    if undated:
        check.messages.append(text("audit.power_undated_wells", n=undated))
    return check, used


def _season_day(value: str, rules: Rules) -> tuple[int, int]:
    try:
        month, day = (int(part) for part in str(value).split("-"))
        dt.date(2024, month, day)  # a leap year, so 02-29 is allowed
    except ValueError:
        raise EngineInputError(
            text("audit.season_day", value=value),
            layer=str(rules.path),
        ) from None
    return month, day


def outside_season(start: dt.date, end: dt.date, season: tuple[tuple[int, int], tuple[int, int]]) -> bool:
    """True when no day from ``start`` to ``end`` lies in the season (MM-DD to MM-DD of the same year)."""
    (first_month, first_day), (last_month, last_day) = season
    for year in range(start.year, end.year + 1):
        opens = dt.date(year, first_month, min(first_day, 28) if (first_month, first_day) == (2, 29) else first_day)
        closes = dt.date(year, last_month, min(last_day, 28) if (last_month, last_day) == (2, 29) else last_day)
        if start <= closes and end >= opens:
            return False
    return True


def check_power_outside_irrigation_season(
    register: Register,
    item: str,
    *,
    accounts: Sequence[str | None],
    power: Sequence[DatedPower],
    audit_date: dt.date,
    season: tuple[tuple[int, int], tuple[int, int]],
    irrigation_words: set[str],
    already_counted: set[tuple[int, DatedPower]],
) -> Check:
    """Item 16: "在农业灌溉期结束后，农业机电井统一向供电部门报停" — an irrigation well drawing power outside the season.

    Only power whose whole period lies outside the season (a month such as 2025-11, not a year) and
    began by the audit date counts; power already listed as drawn after the well stopped is not listed again.
    """
    if register.uses is None:
        return Check(skipped=text("audit.skip_season_no_use"))
    by_account: dict[str, list[DatedPower]] = {}
    for entry in power:
        by_account.setdefault(entry.account, []).append(entry)
    (first_month, first_day), (last_month, last_day) = season
    rows: list[Row] = []
    for r in range(register.n):
        use = register.uses[r]
        if accounts[r] is None or use is None or use.strip().lower() not in irrigation_words:
            continue
        off = [
            e for e in by_account.get(accounts[r], [])
            if e.kwh > 0 and e.start <= audit_date and (r, e) not in already_counted and outside_season(e.start, e.end, season)
        ]
        if off:
            rows.append(
                (
                    r,
                    "power_outside_irrigation_season",
                    text(
                        "audit.power_outside_season", kwh=_kwh_text(sum(e.kwh for e in off)), account=accounts[r],
                        periods=_periods_text(off), first=f"{first_month:02d}-{first_day:02d}",
                        last=f"{last_month:02d}-{last_day:02d}", cite=text("audit.item", item=item),
                    ),
                )
            )
    return Check(rows)


def check_power_account_without_well(
    item: str, *, accounts: Sequence[str | None], kwh_by_account: dict[str, float], power_layer: str
) -> Check:
    """Item 16: "建立取用水设施与供电编号对应的信息数据库" — a power account in the table that no well names.

    A finding without a well (possibly an unregistered well, item 18): one row per account.
    """
    named = {a for a in accounts if a is not None}
    check = Check()
    for account in sorted(set(kwh_by_account) - named):
        check.account_rows.append(
            (
                account,
                "power_account_without_well",
                text(
                    "audit.account_without_well", account=account, kwh=_kwh_text(kwh_by_account[account]), layer=power_layer,
                    cite=text("audit.item", item=item),
                ),
            )
        )
    return check


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
        return Check(skipped=text("audit.skip_no_self_supplied_field"))
    if supply_pipes is None and supply_areas is None:
        return Check(skipped=text("audit.skip_no_supply_layer"))
    in_coverage, distance, coverage_warnings = supply_coverage(
        wells, rules, pipes=supply_pipes, areas=supply_areas, coverage_distance_m=coverage_distance_m, layer_names=layer_names
    )
    used_distance = coverage_distance_m if coverage_distance_m is not None else rules.value("screening", "default_coverage_distance_m")
    check = check_self_supplied_in_coverage(
        register, states, item, in_coverage=in_coverage, distance_m=distance, coverage_distance_m=used_distance
    )
    check.warnings[:0] = coverage_warnings
    return check


def _power_checks(
    wells: gpd.GeoDataFrame,
    rules: Rules,
    register: Register,
    states: WellStates,
    item: dict[str, str],
    *,
    power: pd.DataFrame | None,
    power_fields: PowerFieldNames | None,
    period: str | None,
    layer: str,
    power_layer: str,
    audit_date: dt.date,
) -> list[Check]:
    """Item 16 with the kWh per well from the POWER table (by account) or from the wells' kWh field.

    Power without a permit needs kWh per well; power after a stop, outside the irrigation season and
    accounts linked to no well need the POWER table (the last two only with periods that give dates).
    """
    f = register.fields
    check = Check()
    kwh = None
    dated_checks: list[Check] = []
    if power is not None:
        if not f.account:
            raise EngineInputError(
                text("audit.power_without_account_field"),
                layer=layer,
                hint=text("audit.choose_account_field"),
            )
        power_fields = power_fields or PowerFieldNames()
        summed = account_power(power, power_fields, layer=power_layer, period=period)
        check.messages.extend(summed.messages)
        check.warnings.extend(summed.warnings)
        accounts = key_column(wells, f.account, layer=layer)
        kwh = np.array([summed.kwh_by_account.get(a, np.nan) if a else np.nan for a in accounts])
        source_of = [text("audit.source_table", account=a or text("audit.no_account"), layer=power_layer) for a in accounts]
        dated_checks.append(
            check_power_account_without_well(
                item["power_account_without_well"], accounts=accounts, kwh_by_account=summed.kwh_by_account, power_layer=power_layer
            )
        )
        dated_checks.extend(
            _dated_power_checks(rules, register, states, item, accounts, power, power_fields, period, power_layer, audit_date)
        )
    else:
        if f.kwh:
            kwh = number_column(wells, f.kwh, layer=layer, id_field=f.well_id)
            accounts = key_column(wells, f.account, layer=layer) if f.account else [None] * register.n
            source_of = [
                text("audit.source_field_account", field=f.kwh, account=a or text("audit.no_account"))
                if f.account
                else text("audit.source_field", field=f.kwh)
                for a in accounts
            ]
        for code in ("power_while_stopped", "power_outside_irrigation_season", "power_account_without_well"):
            dated_checks.append(Check(skipped=text("audit.skip_no_power_table", code=code)))
    if register.permits is None:
        return [check, *dated_checks]  # check_no_permit already says both permit checks were skipped
    if kwh is None:
        check.skipped = text("audit.skip_no_kwh")
        return [check, *dated_checks]
    found = check_power_without_permit(register, item["power_without_permit"], kwh, source_of)
    check.rows = found.rows
    return [check, *dated_checks]


def _dated_power_checks(
    rules: Rules,
    register: Register,
    states: WellStates,
    item: dict[str, str],
    accounts: Sequence[str | None],
    power: pd.DataFrame,
    power_fields: PowerFieldNames,
    period: str | None,
    power_layer: str,
    audit_date: dt.date,
) -> list[Check]:
    """Power after a stop and outside the irrigation season: only power rows whose period gives dates."""
    rows, undated = dated_power(power, power_fields, layer=power_layer, period=period)
    if not rows:
        why = text("audit.no_period_field") if not power_fields.period else text("audit.no_dated_period")
        return [
            Check(skipped=text("audit.skip_power_layer", code=code, layer=power_layer, why=why))
            for code in ("power_while_stopped", "power_outside_irrigation_season")
        ]
    stopped, used = check_power_while_stopped(
        register, states, item["power_while_stopped"], accounts=accounts, power=rows, audit_date=audit_date
    )
    if undated:
        stopped.messages.append(text("audit.undated_power_rows", n=undated, layer=power_layer))
    node = rules.get("compliance", "irrigation_season")
    season = (_season_day(node["start"], rules), _season_day(node["end"], rules))
    words = {str(w).strip().lower() for w in rules.get("compliance", "irrigation_uses", "words")}
    season_check = check_power_outside_irrigation_season(
        register, item["power_outside_irrigation_season"], accounts=accounts, power=rows, audit_date=audit_date,
        season=season, irrigation_words=words, already_counted=used,
    )
    return [stopped, season_check]


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
    sealed_field: str | None = "sealed_on",
    quota_field: str | None = "quota_m3",
    quota_units_field: str | None = "quota_units",
) -> AuditResult:
    """Audit every well at ``audit_date``; return the findings, a per-township summary and the log.

    ``today`` (default: the real today) bounds the dates that can have happened: a stop or deregistration dated
    after it is named in the log. ``sealed_field`` (date sealed, or yes/no), ``quota_field`` (the well's quota
    volume, m³) and ``quota_units_field`` (units its use's quota is per: mu, persons, head) are looked for in
    the wells; a field the layer does not have skips its check, and the log says so.
    """
    register = read_register(wells, rules, fields, wells_layer)
    skipped = _read_optional(register, wells, rules, fields, wells_layer, sealed_field, quota_field, quota_units_field)
    _sealed_after_audit(register, audit_date)
    item = {code: str(rules.get("compliance", "findings", code).get("item", "")) for code in FINDINGS}
    status_words = _status_words(rules)
    states = well_states(register, status_words, audit_date)
    messages = _unknown_status_note(register, status_words)
    calendar = WorkCalendar.from_rules(rules)
    deadline_days = int(rules.value("compliance", "deregistration_deadline_days"))
    checks = [
        *skipped,
        Check(warnings=_implausible_date_notes(register, rules, audit_date, today)),
        check_metering(register, states, item["no_meter"]),
        check_over_permit(register, item["over_permit"]),
        check_no_permit(register, states, item["no_permit"]),
        check_deregistration(
            register,
            states,
            item["stopped_not_deregistered"],
            deadline_days=deadline_days,
            audit_date=audit_date,
            stopped_words=status_words["stopped"],
            calendar=calendar,
        ),
        check_late_deregistration(
            register, item["deregistered_late"], deadline_days=deadline_days, audit_date=audit_date, calendar=calendar
        ),
        Check(messages=_calendar_notes(register, calendar, deadline_days, audit_date)),
        check_depth(register, item["depth_over_permit"]),
        _coverage_check(
            wells, rules, register, states, item["self_supplied_in_coverage"],
            supply_pipes=supply_pipes, supply_areas=supply_areas, coverage_distance_m=coverage_distance_m,
            layer_names={"wells": wells_layer, "pipes": pipes_layer, "supply_areas": areas_layer},
        ),
        *_power_checks(
            wells, rules, register, states, item,
            power=power, power_fields=power_fields, period=period, layer=wells_layer, power_layer=power_layer,
            audit_date=audit_date,
        ),
    ]
    if register.sealed is not None:
        checks.append(check_sealing(register, states, item["deregistered_not_sealed"]))
    if register.quota_m3 is not None:
        checks.append(check_over_quota(register, item["over_quota"]))
    return _assemble(wells, rules, register, states, checks, messages, audit_date)


def parse_sealed(value: Any) -> tuple[bool, dt.date | None] | None:
    """A sealing cell: a date (sealed that day) or yes/no; None when empty; ValueError when neither."""
    if is_missing(value):
        return None
    try:
        flag = parse_flag(value)
    except ValueError:
        day = parse_date(value)
        return (True, day) if day is not None else None
    return (bool(flag), None) if flag is not None else None


def _read_optional(
    register: Register,
    wells: gpd.GeoDataFrame,
    rules: Rules,
    f: AuditFieldNames,
    layer: str,
    sealed_field: str | None,
    quota_field: str | None,
    quota_units_field: str | None,
) -> list[Check]:
    """Fill the register's sealing and quota columns from the fields the layer has; a Check per check skipped."""
    skipped: list[Check] = []
    if sealed_field and sealed_field in wells.columns:
        cells = parsed_column(
            wells, sealed_field, parse_sealed, layer=layer, id_field=f.well_id, what=text("audit.sealed_what"),
            hint=text("audit.sealed_hint"),
        )
        register.sealed_on = [cell[1] if cell else None for cell in cells]
        register.sealed = [bool(cell and cell[0]) for cell in cells]
    else:
        why = text("audit.no_sealed_field_in", field=sealed_field, layer=layer) if sealed_field else text("audit.no_sealed_field")
        skipped.append(Check(skipped=text("audit.skip_sealing", why=why)))
    if register.metered is None:
        skipped.append(Check(skipped=text("audit.skip_quota_no_metered")))
        return skipped
    quotas = quota_volumes(
        wells, UseQuotas.from_rules(rules), quota_field=quota_field, use_field=f.use, units_field=quota_units_field,
        layer=layer, id_field=f.well_id,
    )
    if quotas.skipped:
        skipped.append(Check(skipped=text("audit.skip_quota", why=quotas.skipped)))
    else:
        register.quota_m3, register.quota_basis = quotas.m3, quotas.basis
        skipped.append(Check(messages=quotas.messages))
    return skipped


def _sealed_after_audit(register: Register, audit_date: dt.date) -> None:
    """A sealing dated after the audit date has not happened yet on the audit date."""
    if register.sealed is None or register.sealed_on is None:
        return
    for r, day in enumerate(register.sealed_on):
        if day is not None and day > audit_date:
            register.sealed[r] = False


def _calendar_notes(register: Register, calendar: WorkCalendar, deadline_days: int, audit_date: dt.date) -> list[str]:
    """Log lines for deadlines in years the holiday table does not cover or whose dates are unverified."""
    if register.stopped_on is None:
        return []
    stops = [stop for stop in register.stopped_on if stop is not None and stop <= audit_date]
    years = sorted({(stop + dt.timedelta(days=deadline_days)).year for stop in stops})
    notes = []
    missing = [y for y in years if y not in calendar.years]
    if missing:
        notes.append(text("audit.no_holiday_year", years=text("audit.list_separator").join(map(str, missing))))
    unverified = [y for y in years if y in calendar.unverified]
    if unverified:
        notes.append(text("audit.unverified_holidays", years=text("audit.list_separator").join(map(str, unverified))))
    return notes


def _implausible_date_notes(register: Register, rules: Rules, audit_date: dt.date, today: dt.date | None) -> list[str]:
    """Log lines for dates that cannot be right: an audit date before the notice or in the future, and stop or
    deregistration dates after today (typing errors such as 2099; they would never count as stopped)."""
    today = today or dt.date.today()
    notes = []
    issued = parse_date(rules.get("notice", "issued"))
    if issued is not None and audit_date < issued:
        notes.append(text("audit.date_before_notice", audit_date=audit_date.isoformat(), issued=issued.isoformat()))
    if audit_date > today:
        notes.append(text("audit.date_after_today", audit_date=audit_date.isoformat(), today=today.isoformat()))
    for dates, what in ((register.stopped_on, register.fields.stopped_on), (register.deregistered_on, register.fields.deregistered_on)):
        future = [r for r in range(register.n) if dates is not None and dates[r] is not None and dates[r] > today]
        if future:
            shown = text("audit.list_separator").join(f"{register.labels[r]} ({dates[r].isoformat()})" for r in future[:5])
            if len(future) > 5:
                shown = text("audit.more", shown=shown, n=len(future) - 5)
            notes.append(text("audit.future_dates", n=len(future), field=what, today=today.isoformat(), wells=shown))
    return notes


def _unknown_status_note(register: Register, status_words: dict[str, set[str]]) -> list[str]:
    """A log line naming the status values that are neither stopped, deregistered nor plainly active."""
    known = status_words["deregistered"] | status_words["stopped"] | status_words.get("sealed", set()) | ACTIVE_STATUS_WORDS
    other_status = sorted({s for s in (register.statuses or []) if s is not None and s not in known})
    return [text("audit.unknown_status", values=", ".join(other_status[:10]))] if other_status else []


def _assemble(
    wells: gpd.GeoDataFrame,
    rules: Rules,
    register: Register,
    states: WellStates,
    checks: Sequence[Check],
    messages: list[str],
    audit_date: dt.date,
) -> AuditResult:
    """The findings layer (rows by well, then in FINDINGS order; then the accounts without a well), the
    per-township summary and the log."""
    n = register.n
    finding_rules = {code: rules.get("compliance", "findings", code) for code in FINDINGS}
    item = {code: str(node.get("item", "")) for code, node in finding_rules.items()}
    severity = {code: str(node.get("severity", "")) for code, node in finding_rules.items()}
    townships = register.townships or [None] * n
    uses = register.uses or [None] * n
    order = {code: position for position, code in enumerate(FINDINGS)}
    rows = sorted((row for check in checks for row in check.rows), key=lambda row: (row[0], order[row[1]]))
    account_rows = sorted((row for check in checks for row in check.account_rows), key=lambda row: (order[row[1]], row[0]))
    well_rows = [r for r, _, _ in rows]
    codes = [code for _, code, _ in rows] + [code for _, code, _ in account_rows]
    geometry = (list(wells.geometry.iloc[well_rows]) if n else []) + [None] * len(account_rows)
    columns = {
        "well_id": [register.ids[r] for r in well_rows] + [None] * len(account_rows),
        "finding": codes,
        "notice_item": [item[code] for code in codes],
        "detail": [detail for _, _, detail in rows] + [detail for _, _, detail in account_rows],
        "severity": [severity[code] for code in codes],
        "township": [townships[r] for r in well_rows] + [None] * len(account_rows),
        "use": [uses[r] for r in well_rows] + [None] * len(account_rows),
    }
    findings = gpd.GeoDataFrame(
        # object dtype: a missing text stays None (pandas would make it NaN beside strings)
        {name: pd.Series(values, dtype=object) for name, values in columns.items()},
        geometry=gpd.GeoSeries(geometry, crs=wells.crs),
        crs=wells.crs,
    )
    findings.attrs["well_rows"] = well_rows
    findings.attrs["account_rows"] = list(range(len(rows), len(rows) + len(account_rows)))

    counts = pd.Series(codes, dtype=object).value_counts()
    messages = [*messages, *(m for check in checks for m in check.messages)]
    no_well = text("audit.no_well_accounts", n=len(account_rows)) if account_rows else ""
    messages.append(
        text(
            "audit.summary", audit_date=audit_date.isoformat(), n=n, active=int(states.active.sum()),
            stopped=int(states.stopped.sum()), deregistered=int(states.deregistered.sum()), findings=len(codes),
            wells=len(set(well_rows)), no_well=no_well,
        )
    )
    for code in FINDINGS:
        messages.append(text("audit.count", code=code, item=item[code], severity=severity[code], n=int(counts.get(code, 0))))
    warnings = [w for check in checks for w in check.warnings]
    warnings += [text("audit.not_checked", what=check.skipped) for check in checks if check.skipped]
    return AuditResult(findings, findings_summary(findings, townships, states), messages, warnings)


def findings_summary(findings: pd.DataFrame, townships: Sequence[str | None], states: WellStates | None = None) -> pd.DataFrame:
    """Count of each finding per township (every township of the wells, also those with none).

    With ``states``, also the wells per township and how many are active, stopped and deregistered
    (each well in exactly one of the three). Findings without a well count under "(no township)".
    """
    no_township = "(no township)"
    found = findings["township"].fillna(no_township) if len(findings) else pd.Series([], dtype=object)
    names = sorted({t if t is not None else no_township for t in townships} | set(found))
    table = pd.DataFrame({"township": names})
    table["findings_n"] = [int((found == name).sum()) for name in names]
    for code in FINDINGS:
        of_code = found[findings["finding"] == code] if len(findings) else found
        table[code] = [int((of_code == name).sum()) for name in names]
    if states is not None:
        well_townships = np.array([t if t is not None else no_township for t in townships], dtype=object)
        table["wells_n"] = [int((well_townships == name).sum()) for name in names]
        for column, mask in (("active_n", states.active), ("stopped_n", states.stopped), ("deregistered_n", states.deregistered)):
            table[column] = [int((mask & (well_townships == name)).sum()) for name in names]
    return table
