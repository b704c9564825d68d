"""The reduction plan: how each over-extracted township reaches abstraction–recharge balance, and by when.

Notice 托政发规〔2024〕3号 item 7 (section 二(一)) and section 二(三) ask that abstraction in over-extraction areas be
cut step by step until abstraction and recharge balance (采补平衡). In every township whose abstraction exceeds its
allowable volume, this module takes the notice's own measures in the order the rules file's ``reduction_plan``
section sets (an assumption, marked there): wells without a permit stopped (item 18); self-supplied wells (自备井,
screening's well-type mapping of item 13) inside public supply coverage switched to the network (item 13); use over
the approved plan brought back to the plan (items 10, 13); then the rest of the cut shared over the remaining
irrigation wells by a declared rule, at most ``max_share_cut_fraction`` of a well's use a year. Each measure is
taken whole; once the cut is covered the later measures are not taken. The first three measures fall in the first
year; the share is scheduled year by year up to the target year, as fast as the yearly cap allows.

:func:`plan_table` turns the layers into one row per well (township, use, permit, plan, coverage, type);
:func:`plan_reduction` computes the plan from that table and the allowable volume per township (pure numbers, so the
hand-checked cases are tests). No QGIS import.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd

from ..core.columns import INTEGER, REAL, TEXT, Column, column_names
from ..core.errors import EngineCancelledError, EngineInputError
from ..core.messages import register, text
from ..core.rules import Rules
from ..core.values import filled_labels, is_blank, is_null, listed_features, number_column, require_fields, require_unique
from ..screening.well_kind import SELF_SUPPLIED, pumping_mask
from ..screening.well_sites import PreparedScreening, screen_points

register(
    {
        "reduction.years": (
            "TARGET_YEAR ({target}) must not be before FIRST_YEAR ({first})",
            "TARGET_YEAR（{target}）不得早于 FIRST_YEAR（{first}）",
        ),
        "reduction.years_hint": (
            "give the first year of the cuts and the year balance should be reached",
            "请填写开始压减的年份和应达到采补平衡的年份",
        ),
        "reduction.share_rule": (
            "unknown SHARE_RULE {rule!r}; use 'use' or 'over_quota'",
            "未知的 SHARE_RULE {rule!r}；请使用 'use' 或 'over_quota'",
        ),
        "reduction.measure_order": (
            "unknown MEASURE_ORDER {order!r}; use one of {orders}", "未知的 MEASURE_ORDER {order!r}；请使用 {orders} 之一"
        ),
        "reduction.share_last": (
            "the rules file's reduction_plan.measure_order must end with 'share' (found {order}): the shared cut takes what "
            "the other measures leave",
            "规则文件 reduction_plan.measure_order 须以 'share' 结尾（现为 {order}）：分摊压减承担其他措施之后的剩余部分",
        ),
        "reduction.duplicate_measure": (
            "the rules file's reduction_plan.measure_order names '{measure}' twice",
            "规则文件 reduction_plan.measure_order 重复列出 '{measure}'",
        ),
        "reduction.no_name": ("{n} township(s) have no name: {features}", "{n} 个乡镇没有名称：{features}"),
        "reduction.name_them": (
            "give every township a name: wells and plans are matched by it",
            "请为每个乡镇填写名称：取水井与计划按名称对应",
        ),
        "reduction.duplicate_name": (
            "township name '{label}' is used by several features ({features})",
            "乡镇名称“{label}”被多个要素使用（{features}）",
        ),
        "reduction.unique_names": ("make the names unique, or merge the polygons", "请使名称唯一，或合并这些多边形"),
        "reduction.no_volume": (
            "{n} active well(s) have no annual volume in '{field}' ({features}): counted as 0 m³",
            "{n} 眼在用井的“{field}”没有年取水量（{features}）：按 0 m³ 计",
        ),
        "reduction.inactive": (
            "{n} stopped, deregistered or sealed well(s) ({volume} m³ in the data) are not counted: they no longer pump",
            "{n} 眼已停用、注销或封填的井（数据中 {volume} m³）不计入：已不再取水",
        ),
        "reduction.outside": (
            "{n} well(s) lie in no township (or have no location) and are not in any plan: {features}",
            "{n} 眼井不在任何乡镇内（或没有位置），未纳入计划：{features}",
        ),
        "reduction.no_over_quota": (
            "township '{township}': no remaining irrigation well used more than its plan, so SHARE_RULE 'over plan' shares "
            "nothing of the remaining {rest} m³; choose 'proportional to use' to share it",
            "乡镇“{township}”：剩余农灌井均未超计划取水，按 SHARE_RULE“按超计划水量”无可分摊，剩余 {rest} m³ 未分摊；"
            "如需分摊请选择“按用水量”",
        ),
        "reduction.no_permit_field": (
            "no permit field: wells without a permit are not recognised, so measure stop_unpermitted (item 18) is not taken",
            "未提供许可证字段：无法识别无证井，不采取“停止无证取水”措施（第18条）",
        ),
        "reduction.no_plan_field": (
            "no plan field: use over plan is not known, so measure back_to_plan (items 10, 13) is not taken",
            "未提供计划水量字段：无法确定超计划用水，不采取“压减至计划水量”措施（第10、13条）",
        ),
        "reduction.status.already_balanced": ("already within the allowable volume", "已在可开采量以内"),
        "reduction.status.reached": ("balance reached in {year}", "{year} 年达到采补平衡"),
        "reduction.status.not_reachable": (
            "not reachable by measures alone: {shortfall} m³ short in {year}",
            "仅靠上述措施无法达到：{year} 年仍差 {shortfall} m³",
        ),
        "reduction.status.no_allowable": ("no allowable volume given: no plan", "未提供可开采量：未编制计划"),
        "reduction.what_township": ("the township name", "乡镇名称"),
        "reduction.what_permit": ("the water permit number (empty: no permit)", "取水许可证号（为空：无许可）"),
        "reduction.what_status": (
            "the well's status (stopped and deregistered wells no longer pump)", "机井状态（停用和注销的井不再取水）"
        ),
    }
)

STOP_UNPERMITTED, SWITCH_SELF_SUPPLIED, BACK_TO_PLAN, SHARE = "stop_unpermitted", "switch_self_supplied", "back_to_plan", "share"
MEASURES = (STOP_UNPERMITTED, SWITCH_SELF_SUPPLIED, BACK_TO_PLAN, SHARE)
# What a well gets when no measure is taken: active but not cut; stopped or deregistered already (not counted);
# in no township (not planned).
NO_MEASURE, INACTIVE, OUTSIDE = "none", "inactive", "outside"
# 'over_quota' shares in proportion to use over the approved PLAN (超计划), not over the use quota (超定额): the value keeps
# its former name for existing scripts (the rules file's reduction_plan.share_rule says so).
SHARE_BY_USE, SHARE_BY_OVER_QUOTA = "use", "over_quota"
SHARE_RULES = (SHARE_BY_USE, SHARE_BY_OVER_QUOTA)
# Which of the rules file's measure orders the plan follows (reduction_plan.measure_order: value, alternative).
ORDER_OF_RULES, ALTERNATIVE_ORDER = "rules", "alternative"
MEASURE_ORDERS = (ORDER_OF_RULES, ALTERNATIVE_ORDER)
ALREADY_BALANCED, REACHED, NOT_REACHABLE, NO_ALLOWABLE = "already_balanced", "reached", "not_reachable", "no_allowable"
register(
    {
        # a well's measure and a township's outcome, as a layer's legend and value map say them
        "measure.stop_unpermitted": ("stopped, no permit (item 18)", "无证井停止取水（第18条）"),
        "measure.switch_self_supplied": ("switched to the network (item 13)", "改由管网供水（第13条）"),
        "measure.back_to_plan": ("back to plan (items 10, 13)", "压减至计划（第10、13条）"),
        "measure.share": ("shared cut (item 7)", "分摊压减（第7条）"),
        "measure.none": ("no measure", "无措施"),
        "measure.inactive": ("stopped or deregistered, not counted", "已停用或注销，不计入"),
        "measure.outside": ("in no township", "不在任何乡镇内"),
        "plan_status.already_balanced": ("already within the allowable volume", "已在可开采量以内"),
        "plan_status.reached": ("balance reached", "达到采补平衡"),
        "plan_status.not_reachable": ("not reachable by measures alone", "仅靠措施无法达到采补平衡"),
        "plan_status.no_allowable": ("no allowable volume: no plan", "未提供可开采量，未编制计划"),
    }
)

# The columns of the well table plan_reduction reads (plan_table builds it from the layers).
WELL_TABLE_COLUMNS = ("township", "use_m3", "plan_m3", "active", "permitted", "switchable", "share_eligible")
# Output columns per well, per township and per township-year (public contract of tuoli_gw:reduction_plan).
WELL_OUTPUT = (
    Column("township", TEXT, "the township the well lies in"),
    Column("use_m3", REAL, "the well's yearly use (m³/a)"),
    Column("measure", TEXT, "the measure that cuts it: stop / switch / back_to_plan / share"),
    Column("cut_m3", REAL, "the yearly volume the measure cuts (m³/a)"),
    Column("year", INTEGER, "the year the cut takes effect"),
    Column("clause", TEXT, "the notice item behind the measure"),
    Column("basis", TEXT, "the measure's basis, quoted from the rules file"),
)
TOWNSHIP_OUTPUT = (
    Column("wells_n", INTEGER, "wells in the township"),
    Column("abstraction_m3", REAL, "abstraction now (m³/a)"),
    Column("allowable_m3", REAL, "allowable abstraction (m³/a)"),
    Column("cut_needed_m3", REAL, "the cut needed to reach balance (m³/a)"),
    Column("cut_stop_m3", REAL, "cut by stopping wells without a permit, item 18 (m³/a)"),
    Column("cut_switch_m3", REAL, "cut by switching self-supplied wells to the network, item 13 (m³/a)"),
    Column("cut_plan_m3", REAL, "cut by bringing use over plan back to plan, items 10 and 13 (m³/a)"),
    Column("cut_share_m3", REAL, "cut shared over the irrigation wells, item 7 (m³/a)"),
    Column("planned_cut_m3", REAL, "all planned cuts (m³/a)"),
    Column("final_m3", REAL, "abstraction in the target year (m³/a)"),
    Column("balance_year", INTEGER, "the year balance is reached"),
    Column("status", TEXT, "already_balanced / reached / not_reachable / no_allowable"),
    Column("status_text", TEXT, "the status in words"),
    Column("shortfall_m3", REAL, "what the measures leave short of balance (m³/a)"),
)
WELL_COLUMNS = column_names(WELL_OUTPUT)
TOWNSHIP_COLUMNS = column_names(TOWNSHIP_OUTPUT)
YEAR_COLUMNS = ("township", "year", "abstraction_m3", "allowable_m3", "cut_m3", "balanced")
_CUT_COLUMN = {STOP_UNPERMITTED: "cut_stop_m3", SWITCH_SELF_SUPPLIED: "cut_switch_m3", BACK_TO_PLAN: "cut_plan_m3", SHARE: "cut_share_m3"}


@dataclass(frozen=True)
class PlanSettings:
    """The years, the share rule and the rules file's reduction_plan section, read once."""

    first_year: int
    target_year: int
    share_rule: str
    order: tuple[str, ...]
    max_share_cut_fraction: float
    clauses: dict[str, dict[str, str]]  # measure -> {"clause": …, "basis": …} in the plan's language
    language: str = "en"  # of the clauses, status texts and warnings

    @classmethod
    def from_rules(
        cls, rules: Rules, first_year: int, target_year: int, share_rule: str, language: str, measure_order: str = ORDER_OF_RULES
    ) -> PlanSettings:
        """``measure_order``: the rules file's ``reduction_plan.measure_order`` (``value``), or its ``alternative`` — use over
        plan brought back to plan before self-supplied wells are switched, for a county that reads it so."""
        if int(target_year) < int(first_year):
            raise EngineInputError(text("reduction.years", first=first_year, target=target_year), hint=text("reduction.years_hint"))
        if share_rule not in SHARE_RULES:
            raise EngineInputError(text("reduction.share_rule", rule=share_rule))
        if measure_order not in MEASURE_ORDERS:
            raise EngineInputError(text("reduction.measure_order", order=measure_order, orders=", ".join(MEASURE_ORDERS)))
        key = "value" if measure_order == ORDER_OF_RULES else "alternative"
        order = tuple(rules.get("reduction_plan", "measure_order", key))
        for measure in order:
            if order.count(measure) > 1:
                raise EngineInputError(text("reduction.duplicate_measure", measure=measure), layer=str(rules.path))
        if SHARE in order and order[-1] != SHARE:
            raise EngineInputError(text("reduction.share_last", order=", ".join(order)), layer=str(rules.path))
        suffix = "zh" if language == "zh" else "en"
        clauses = {
            measure: {"clause": str(node[f"clause_{suffix}"]), "basis": str(node[f"basis_{suffix}"])}
            for measure, node in rules.get("reduction_plan", "measures").items()
        }
        return cls(
            int(first_year),
            int(target_year),
            share_rule,
            order,
            rules.value("reduction_plan", "max_share_cut_fraction"),
            clauses,
            "zh" if language == "zh" else "en",
        )


@dataclass
class ReductionPlan:
    """The plan: per well (row-aligned with the well table), per township (row-aligned with the allowable volumes given)
    and per township and year (the year before FIRST_YEAR is the abstraction now)."""

    wells: pd.DataFrame
    townships: pd.DataFrame
    years: pd.DataFrame
    settings: PlanSettings
    township_names: list[str]
    warnings: list[str] = field(default_factory=list)

    @property
    def total_cut_m3(self) -> float:
        return float(self.wells["cut_m3"].sum())

    @property
    def shortfall_m3(self) -> float:
        return float(np.nansum(self.townships["shortfall_m3"].to_numpy(dtype=float)))

    @property
    def units_not_reachable(self) -> int:
        return int((self.townships["status"] == NOT_REACHABLE).sum())


def _tolerance(volume: float) -> float:
    """Volumes within this of each other count as equal (float sums of many wells)."""
    return 1e-6 + 1e-9 * abs(volume)


def _share_cuts(budget: float, caps: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Cut ``budget`` over wells in proportion to ``weights``, none above its cap (water-filling: what a capped well
    cannot take goes to the others in the same proportion). ``budget`` must not exceed the caps of wells with weight."""
    cuts = np.zeros(len(caps))
    open_ = (weights > 0) & (caps > 0)
    left = budget
    while left > _tolerance(budget) and open_.any():
        scale = left / weights[open_].sum()
        wanted = scale * weights
        capped = open_ & (wanted >= caps - cuts)
        if not capped.any():
            cuts[open_] += wanted[open_]
            break
        left -= float((caps[capped] - cuts[capped]).sum())
        cuts[capped] = caps[capped]
        open_ &= ~capped
    return cuts


@dataclass
class _WellState:
    """The wells of a plan as arrays (row = well), with the measure, cut and year each is given as the plan goes."""

    use: np.ndarray
    plan: np.ndarray
    active: np.ndarray
    towns: np.ndarray
    eligible: np.ndarray
    over_plan: np.ndarray
    takes: dict[str, np.ndarray]
    measure: np.ndarray
    cut: np.ndarray
    year: np.ndarray

    @classmethod
    def of(cls, table: pd.DataFrame) -> _WellState:
        n = len(table)
        use = table["use_m3"].to_numpy(dtype=float)
        plan = table["plan_m3"].to_numpy(dtype=float)
        active = table["active"].to_numpy(dtype=bool)
        towns = table["township"].to_numpy(dtype=object)
        measure = np.full(n, NO_MEASURE, dtype=object)
        measure[~active] = INACTIVE
        measure[active & np.array([is_null(t) for t in towns], dtype=bool)] = OUTSIDE
        takes = {
            STOP_UNPERMITTED: ~table["permitted"].to_numpy(dtype=bool),
            SWITCH_SELF_SUPPLIED: table["switchable"].to_numpy(dtype=bool),
            BACK_TO_PLAN: ~np.isnan(plan) & (use > plan),
        }
        return cls(
            use=use, plan=plan, active=active, towns=towns, eligible=table["share_eligible"].to_numpy(dtype=bool),
            over_plan=np.where(np.isnan(plan), 0.0, np.maximum(use - np.nan_to_num(plan), 0.0)), takes=takes,
            measure=measure, cut=np.zeros(n), year=np.full(n, None, dtype=object),
        )


def plan_reduction(
    table: pd.DataFrame,
    allowable_m3: dict[str, float | None],
    settings: PlanSettings,
    *,
    township_order: list[str] | None = None,
    is_canceled: Callable[[], bool] | None = None,
) -> ReductionPlan:
    """The plan for the wells of ``table`` (columns :data:`WELL_TABLE_COLUMNS`, one row per well; township None for a
    well in no township) against ``allowable_m3`` per township name (None: not given)."""
    names = list(township_order) if township_order is not None else list(allowable_m3)
    wells = _WellState.of(table)
    years_rows: list[dict] = []
    township_rows: list[dict] = []
    warnings: list[str] = []
    for name in names:
        if is_canceled is not None and is_canceled():
            raise EngineCancelledError()
        township_rows.append(_plan_township(name, allowable_m3.get(name), wells, settings, years_rows, warnings))

    wells_frame = pd.DataFrame(
        {
            "township": wells.towns,
            "use_m3": wells.use,
            "measure": wells.measure,
            "cut_m3": wells.cut,
            "year": wells.year,
            "clause": [_joined(settings, m, "clause") for m in wells.measure],
            "basis": [_joined(settings, m, "basis") for m in wells.measure],
        },
        index=table.index,
    )
    townships = pd.DataFrame(township_rows, columns=list(TOWNSHIP_COLUMNS))
    # A year or nothing (None, not NaN: the field is an integer).
    townships["balance_year"] = pd.Series([r["balance_year"] for r in township_rows], dtype=object, index=townships.index)
    years_frame = pd.DataFrame(years_rows, columns=list(YEAR_COLUMNS))
    return ReductionPlan(wells_frame, townships, years_frame, settings, names, warnings)


def _plan_township(
    name: str, allowable: float | None, wells: _WellState, settings: PlanSettings, years_rows: list[dict], warnings: list[str]
) -> dict:
    """One township's row: the cut it needs, the measures that make it (in the settings' order) and when balance is
    reached; its year-by-year rows are added to ``years_rows``."""
    rows = np.flatnonzero(wells.active & (wells.towns == name))
    abstraction = float(wells.use[rows].sum())
    row = {"wells_n": len(rows), "abstraction_m3": abstraction, "allowable_m3": allowable}
    row.update({column: 0.0 for column in _CUT_COLUMN.values()})
    if allowable is None:
        row.update(
            cut_needed_m3=None, planned_cut_m3=0.0, final_m3=abstraction, balance_year=None, status=NO_ALLOWABLE,
            status_text=text("reduction.status.no_allowable", settings.language), shortfall_m3=None,
        )
        return row
    needed = max(0.0, abstraction - allowable)
    by_year = dict.fromkeys(range(settings.first_year, settings.target_year + 1), 0.0)
    if needed > _tolerance(abstraction):
        row.update(_apply_measures(name, rows, needed, abstraction, wells, settings, by_year, warnings))
    level, balance_year = _year_by_year(name, abstraction, allowable, needed, by_year, settings, years_rows)
    shortfall = max(0.0, level - allowable)
    if shortfall <= _tolerance(allowable):
        shortfall = 0.0
    if needed <= _tolerance(abstraction):
        status, status_text = ALREADY_BALANCED, text("reduction.status.already_balanced", settings.language)
    elif shortfall > 0:
        status = NOT_REACHABLE
        status_text = text(
            "reduction.status.not_reachable", settings.language, shortfall=f"{shortfall:,.0f}", year=settings.target_year
        )
    else:
        status, status_text = REACHED, text("reduction.status.reached", settings.language, year=balance_year)
    row.update(
        cut_needed_m3=needed, planned_cut_m3=sum(by_year.values()), final_m3=level, balance_year=balance_year, status=status,
        status_text=status_text, shortfall_m3=shortfall,
    )
    return row


def _apply_measures(
    name: str, rows: np.ndarray, needed: float, abstraction: float, wells: _WellState, settings: PlanSettings,
    by_year: dict[int, float], warnings: list[str],
) -> dict[str, float]:
    """The measures in the settings' order (items 18, 13, 10 and 13, then 7's share) until the cut is made: each well
    gets its measure, cut and year; returns the cut of each measure (its township column)."""
    remaining = needed
    current = wells.use.copy()
    cuts: dict[str, float] = {}
    for step in settings.order:
        if remaining <= _tolerance(abstraction):
            break
        if step == SHARE:
            before = remaining
            remaining = _schedule_share(
                rows, wells.measure, wells.eligible, current, wells.over_plan, wells.cut, wells.year, by_year, remaining, settings,
                abstraction, name, warnings,
            )
            cuts["cut_share_m3"] = before - remaining
            continue
        chosen = rows[wells.takes[step][rows] & (wells.measure[rows] == NO_MEASURE)]
        amounts = current[chosen] - (wells.plan[chosen] if step == BACK_TO_PLAN else 0.0)
        chosen, amounts = chosen[amounts > 0], amounts[amounts > 0]
        wells.measure[chosen] = step
        wells.cut[chosen] = amounts
        wells.year[chosen] = settings.first_year
        current[chosen] -= amounts
        remaining -= float(amounts.sum())
        by_year[settings.first_year] += float(amounts.sum())
        cuts[_CUT_COLUMN[step]] = float(amounts.sum())
    return cuts


def _year_by_year(
    name: str, abstraction: float, allowable: float, needed: float, by_year: dict[int, float], settings: PlanSettings,
    years_rows: list[dict],
) -> tuple[float, int | None]:
    """The township's abstraction before the plan and after each year's cuts (added to ``years_rows``); returns the
    abstraction in the target year and the first year it is balanced (None: already, or never)."""
    years_rows.append(
        {
            "township": name, "year": settings.first_year - 1, "abstraction_m3": abstraction, "allowable_m3": allowable,
            "cut_m3": 0.0, "balanced": abstraction <= allowable + _tolerance(allowable),
        }
    )
    level, balance_year = abstraction, None
    for y, cut in by_year.items():
        level -= cut
        balanced = level <= allowable + _tolerance(allowable)
        if balanced and balance_year is None and needed > _tolerance(abstraction):
            balance_year = y
        years_rows.append(
            {"township": name, "year": y, "abstraction_m3": level, "allowable_m3": allowable, "cut_m3": cut, "balanced": balanced}
        )
    return level, balance_year


def _joined(settings: PlanSettings, measure: str, key: str) -> str | None:
    """The clause (or basis) of a measure; both, joined, for a well brought back to plan and then shared."""
    parts = [settings.clauses[m][key] for m in str(measure).split("+") if m in settings.clauses]
    return "; ".join(parts) or None


def _schedule_share(
    rows: np.ndarray,
    measure: np.ndarray,
    eligible: np.ndarray,
    current: np.ndarray,
    over_plan: np.ndarray,
    cut: np.ndarray,
    year: np.ndarray,
    by_year: dict[int, float],
    remaining: float,
    settings: PlanSettings,
    abstraction: float,
    township: str,
    warnings: list[str],
) -> float:
    """The rest of a township's cut shared over its remaining irrigation wells, year by year, as fast as the yearly cap
    allows; returns what is still left after the target year."""
    # Wells brought back to plan stay eligible (at their plan); stopped or switched wells pump nothing more.
    members = rows[eligible[rows] & np.isin(measure[rows], (NO_MEASURE, BACK_TO_PLAN)) & (current[rows] > 0)]
    if settings.share_rule == SHARE_BY_OVER_QUOTA:
        weights = over_plan[members]
        if not (weights > 0).any():
            warnings.append(text("reduction.no_over_quota", settings.language, township=township, rest=f"{remaining:,.0f}"))
            return remaining
    shared = np.zeros(len(members))
    for y in sorted(by_year):
        if remaining <= _tolerance(abstraction):
            break
        if settings.share_rule == SHARE_BY_USE:
            weights = current[members]
        caps = settings.max_share_cut_fraction * current[members]
        capacity = float(caps[weights > 0].sum())
        budget = min(remaining, capacity)
        if budget <= 0:
            break
        cuts = _share_cuts(budget, caps, weights)
        current[members] -= cuts
        shared += cuts
        remaining -= float(cuts.sum())
        by_year[y] += float(cuts.sum())
        year[members[cuts > 0]] = y  # the year the well's cut is complete
    for member, amount in zip(members, shared):
        if amount > 0:
            cut[member] += amount  # on top of a back-to-plan cut: the well's whole cut
            measure[member] = SHARE if measure[member] == NO_MEASURE else f"{BACK_TO_PLAN}+{SHARE}"
    return remaining


# -- from the layers ---------------------------------------------------------------------------------
def township_allowables(
    townships: pd.DataFrame, name_field: str, allowable_field: str, *, layer: str
) -> tuple[list[str], dict[str, float | None]]:
    """The township names in layer order and the allowable volume of each (None where empty)."""
    require_fields(townships, name_field, layer=layer, what=text("reduction.what_township"))
    allowable = number_column(townships, allowable_field, layer=layer, id_field=name_field)
    clean = filled_labels(townships, name_field, layer=layer, message="reduction.no_name", hint="reduction.name_them")
    require_unique(townships, name_field, clean, layer=layer, message="reduction.duplicate_name", hint="reduction.unique_names")
    return clean, {name: None if math.isnan(value) else float(value) for name, value in zip(clean, allowable)}


def plan_table(
    prepared: PreparedScreening,
    wells: gpd.GeoDataFrame,
    rules: Rules,
    *,
    volume_field: str,
    use_field: str | None = "use",
    status_field: str | None = "status",
    permit_field: str | None = "permit_no",
    plan_field: str | None = "permit_m3",
    id_field: str | None = "well_id",
    self_supplied_field: str | None = None,
    language: str = "en",
    is_canceled: Callable[[], bool] | None = None,
) -> tuple[pd.DataFrame, list[str]]:
    """One row per well (:data:`WELL_TABLE_COLUMNS`, the wells' index) and the log's notes: the township and supply
    coverage from the screening engine (same layers, same tie-breaks as screen_well_sites), self-supplied (item 13) as
    :func:`..screening.well_kind.well_kinds` decides for every tool (the register's ``self_supplied_field`` where it has a
    value, else the use by the rules file's screening.well_types), irrigation from reduction_plan.share_uses."""
    layer = prepared.layer_names["wells"]
    id_field = id_field if id_field and id_field in wells.columns else None
    notes: list[str] = []
    use_m3 = number_column(wells, volume_field, layer=layer, id_field=id_field)
    plan = number_column(wells, plan_field, layer=layer, id_field=id_field) if plan_field else np.full(len(wells), np.nan)
    if not plan_field:
        notes.append(text("reduction.no_plan_field", language))
    if permit_field:
        require_fields(wells, permit_field, layer=layer, what=text("reduction.what_permit"))
        permitted = np.array([not is_blank(value) for value in wells[permit_field].tolist()], dtype=bool)
    else:
        permitted = np.ones(len(wells), dtype=bool)
        notes.append(text("reduction.no_permit_field", language))
    active = np.ones(len(wells), dtype=bool)
    if status_field:
        require_fields(wells, status_field, layer=layer, what=text("reduction.what_status"))
        active = pumping_mask(wells, status_field, rules, layer=layer)
    screened = screen_points(
        prepared, wells, use_field=use_field, self_supplied_field=self_supplied_field, id_field=id_field, language=language,
        is_canceled=is_canceled,
    )
    towns = np.array([None if is_null(t) else str(t).strip() for t in screened["township"].tolist()], dtype=object)
    covered = screened["in_supply_coverage"].to_numpy(dtype=object) == True  # noqa: E712 (None is not covered)
    self_supplied = screened["well_type"].to_numpy(dtype=object) == SELF_SUPPLIED
    share_words = {str(w).strip().lower() for w in rules.get("reduction_plan", "share_uses", "value")}
    uses = wells[use_field].tolist() if use_field else [None] * len(wells)
    irrigation = np.array([not is_null(u) and str(u).strip().lower() in share_words for u in uses], dtype=bool)

    missing = np.flatnonzero(active & np.isnan(use_m3))
    if len(missing):
        notes.append(
            text(
                "reduction.no_volume",
                language,
                n=len(missing),
                field=volume_field,
                features=listed_features(wells, list(missing), id_field),
            )
        )
    stopped = np.flatnonzero(~active)
    if len(stopped):
        notes.append(text("reduction.inactive", language, n=len(stopped), volume=f"{float(np.nansum(use_m3[stopped])):,.0f}"))
    outside = np.flatnonzero(active & np.array([t is None for t in towns], dtype=bool))
    if len(outside):
        notes.append(text("reduction.outside", language, n=len(outside), features=listed_features(wells, list(outside), id_field)))
    table = pd.DataFrame(
        {
            "township": towns,
            "use_m3": np.nan_to_num(use_m3, nan=0.0),
            "plan_m3": plan,
            "active": active,
            "permitted": permitted,
            "switchable": self_supplied & covered,
            "share_eligible": irrigation,
        },
        index=wells.index,
    )
    return table, notes
