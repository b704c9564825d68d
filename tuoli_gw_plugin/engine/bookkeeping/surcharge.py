"""Progressive surcharge for water used over plan (超计划累进加价), notice items 10 and 13.

An account has an annual plan (取水计划, m³) and a metered actual use (m³). Use within plan is
charged at the standard rate; the over-plan part is charged at multiples of it, by bands of the
excess measured in percent of plan (rules file ``surcharge.bands``: up to 20 % at 2×, 20–50 % at
3×, beyond 50 % at 5×). Two modes:

* ``band`` (default, 累进): each band of the excess at its own multiple, like income-tax brackets.
  The fee is continuous in the actual volume.
* ``whole``: the whole excess at the multiple of the highest band reached.

Band edges: the notice says "超额20%以内 → 2倍, 超计划20—50% → 3倍, 50%以上 → 5倍", so an excess of
*exactly* 20 % of plan is still in the 2× band and exactly 50 % is still in the 3× band; a band
is reached only when the excess goes beyond its lower edge. Edges are compared with a relative
tolerance of 1e-9 of plan so that 3.6 m³ over a 3 m³ plan (20 % in decimal, 20.000000000000004 %
in binary floating point) counts as exactly 20 %.

Use over the quota (超定额, items 10 and 13: "超计划或超定额取水的，对超计划或超定额部分累进收取"): when an
account has a quota volume (its own quota field, or its use's quota in the rules file times its
units, engine/bookkeeping/quota_volumes.py), the over-quota part is measured too (``over_quota_m3``, ``over_quota_pct``).
Which part is charged is a reading, not the notice's text (the rules file's ``surcharge.plan_or_quota``,
marked as an assumption; ``charge_on`` chooses): ``larger`` (default) charges the larger of the over-plan
and over-quota parts, never both (the same water is not charged twice), with the bands measured in percent
of that part's base (plan or quota), which is also the higher fee; ``plan`` charges the over-plan part
only; ``quota`` the over-quota part wherever the account has a quota. ``charged_on`` says which was
charged ("plan" on a tie). ``excess_m3`` and ``excess_pct`` always stay the over-plan part.

Accounts that cannot be charged (no plan, no reading, unreadable text, negative volumes, use with
a zero plan) get no number: their fee fields are empty and a ``problem`` text says why, so the
caller can list them to the user. Nothing is ever zero-filled.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..core.errors import EngineInputError
from ..core.messages import register, text
from ..core.rules import Rules, SurchargeBand
from ..core.values import NotFiniteError, feature_label, is_blank, parse_number, require_fields
from .quota_volumes import UseQuotas, quota_volumes

register(
    {
        "surcharge.unknown_mode_internal": (
            "unknown surcharge mode {mode!r}; expected one of {modes}", "未知的加价方式 {mode!r}；应为 {modes} 之一"
        ),
        "surcharge.bad_rate": (
            "the base rate must be a positive number of yuan per m³, got {value!r}",
            "征收标准须为正数（元/m³），而不是 {value!r}",
        ),
        "surcharge.give_rate": ("give the standard charge (征收标准) per m³", "请填写每立方米的征收标准"),
        "surcharge.unknown_mode": ("unknown mode {mode!r}", "未知的计费方式 {mode!r}"),
        "surcharge.use_mode": ("use one of {modes}", "请使用 {modes} 之一"),
        "surcharge.charged_on_quota_chosen": (
            "{n} account(s) charged on their over-quota part (CHARGE_ON 'quota')",
            "{n} 个取水户按超定额部分计收（CHARGE_ON 为 'quota'）",
        ),
        "surcharge.unknown_charge_on": ("unknown CHARGE_ON {value!r}", "未知的 CHARGE_ON {value!r}"),
        "surcharge.charged_on_plan_only": (
            "Over quota reported, not charged (CHARGE_ON 'plan'): accounts are charged on their over-plan part only",
            "超定额部分仅列示、未计收（CHARGE_ON 为 'plan'）：按超计划部分计收",
        ),
        "surcharge.quota_not_charged": ("Over quota not charged: {why}", "未计收超定额部分：{why}"),
        "surcharge.charged_on_quota": (
            "{n} account(s) charged on their over-quota part, larger than their over-plan part (never both)",
            "{n} 个取水户按超定额部分计收（大于其超计划部分；两者不重复计收）",
        ),
        "surcharge.more": ("; and {n} more", "；另有 {n} 个"),
        "surcharge.separator": ("; ", "；"),
        "surcharge.volume_not_finite": ("{field} is not a finite number ({value!r})", "{field} 不是有限数字（{value!r}）"),
        "surcharge.volume_not_number": ("{field} is not a number ({value!r})", "{field} 不是数字（{value!r}）"),
        "surcharge.volume_empty": ("{field} is empty", "{field} 为空"),
        "surcharge.volume_negative": ("{field} is negative ({value!r})", "{field} 为负数（{value!r}）"),
        "surcharge.zero_plan": (
            "{plan} is 0 but {actual} is {value:g} m³: the excess over a zero plan has no percentage",
            "{plan} 为 0，但 {actual} 为 {value:g} m³：零计划的超计划比例无法计算",
        ),
        "surcharge.problem": ("{feature}: {reason}", "{feature}：{reason}"),
        "surcharge.cannot_charge": ("{n} account(s) cannot be charged: {problems}{more}", "{n} 个取水户无法计费：{problems}{more}"),
        "surcharge.fix_volumes": (
            "correct the plan and actual volumes (plan > 0 where water was used), or run without FAIL_ON_INVALID to get "
            "their rows with an empty fee and the reason in 'problem'",
            "请更正计划水量和实际水量（有用水的，计划须大于 0），或不选 FAIL_ON_INVALID 运行，"
            "这些行的费用留空，原因写入“problem”字段",
        ),
    }
)

MODE_BAND = "band"
MODE_WHOLE = "whole"
MODES = (MODE_BAND, MODE_WHOLE)

# Relative tolerance (of plan) when comparing the excess with a band edge; see the module doc.
EDGE_TOLERANCE = 1e-9

# Output columns added to each account (public contract of tuoli_gw:progressive_surcharge).
RESULT_COLUMNS = (
    "excess_m3", "excess_pct", "top_multiplier", "fee_yuan", "surcharge_yuan", "problem",
    "quota_m3", "over_quota_m3", "over_quota_pct", "charged_on",
)
CHARGED_ON_PLAN = "plan"
CHARGED_ON_QUOTA = "quota"
register({"charged_on.plan": ("use over plan", "超计划"), "charged_on.quota": ("use over quota", "超定额")})
# Which part an account over both its plan and its quota is charged on (rules file surcharge.plan_or_quota).
CHARGE_ON_LARGER = "larger"
CHARGE_ON = (CHARGE_ON_LARGER, CHARGED_ON_PLAN, CHARGED_ON_QUOTA)


@dataclass(frozen=True)
class Tier:
    """One charging tier: the within-plan part or one band of the over-plan part."""

    key: str  # "within_plan", "band_1", ...
    label: str  # what a person reads: "within plan", "over plan ≤20 %", ...
    multiplier: float
    lower_pct: float | None  # band edges in % of plan over plan; None for within plan
    upper_pct: float | None  # None: unbounded (top band) or within plan


@dataclass(frozen=True)
class SurchargeSchedule:
    """The multipliers of the rules file, ready to charge with."""

    within_plan_multiplier: float
    bands: tuple[SurchargeBand, ...]

    @classmethod
    def from_rules(cls, rules: Rules) -> SurchargeSchedule:
        return cls(rules.value("surcharge", "within_plan_multiplier"), tuple(rules.surcharge_bands()))

    def tiers(self) -> list[Tier]:
        tiers = [Tier("within_plan", "within plan", self.within_plan_multiplier, None, None)]
        lower = 0.0
        for number, band in enumerate(self.bands, start=1):
            upper = band.excess_pct_up_to
            if upper is None:
                label = f"over plan >{_pct_text(lower)} %"
            elif lower == 0:
                label = f"over plan ≤{_pct_text(upper)} %"
            else:
                label = f"over plan {_pct_text(lower)}–{_pct_text(upper)} %"
            tiers.append(Tier(f"band_{number}", label, band.multiplier, lower, upper))
            lower = upper if upper is not None else lower
        return tiers


def _pct_text(pct: float) -> str:
    return f"{pct:g}"


@dataclass(frozen=True)
class AccountFee:
    """The fee of one account, with the volume charged in each tier (same order as ``tiers()``)."""

    excess_m3: float
    excess_pct: float
    top_multiplier: float
    fee_yuan: float
    surcharge_yuan: float
    tier_volumes_m3: tuple[float, ...]


def top_band_index(excess_m3: float, plan_m3: float, schedule: SurchargeSchedule) -> int | None:
    """Index in ``schedule.bands`` of the highest band the excess reaches; None when no excess."""
    if excess_m3 <= 0:
        return None
    tolerance = EDGE_TOLERANCE * max(plan_m3, 1.0)
    for index, band in enumerate(schedule.bands):
        if band.excess_pct_up_to is None:
            return index
        # Exactly on the upper edge still belongs to this band (超额20%以内 → 2倍).
        if excess_m3 <= plan_m3 * band.excess_pct_up_to / 100.0 + tolerance:
            return index
    return len(schedule.bands) - 1  # unreachable: the last band is unbounded


def account_fee(plan_m3: float, actual_m3: float, base_rate: float, schedule: SurchargeSchedule, mode: str) -> AccountFee:
    """The fee of one account with valid volumes (plan > 0, or plan = 0 with no use)."""
    if mode not in MODES:
        raise ValueError(text("surcharge.unknown_mode_internal", mode=mode, modes=MODES))
    plan_m3, actual_m3 = float(plan_m3), float(actual_m3)
    within_m3 = min(actual_m3, plan_m3)
    excess_m3 = max(0.0, actual_m3 - plan_m3)
    excess_pct = 100.0 * excess_m3 / plan_m3 if plan_m3 > 0 else 0.0
    top = top_band_index(excess_m3, plan_m3, schedule)
    band_volumes = [0.0] * len(schedule.bands)
    if top is not None:
        if mode == MODE_WHOLE:
            band_volumes[top] = excess_m3
        else:
            lower_m3 = 0.0
            for index in range(top + 1):
                upper_pct = schedule.bands[index].excess_pct_up_to
                upper_m3 = math.inf if (upper_pct is None or index == top) else plan_m3 * upper_pct / 100.0
                band_volumes[index] = max(0.0, min(excess_m3, upper_m3) - lower_m3)
                lower_m3 = upper_m3
    tier_volumes = (within_m3, *band_volumes)
    multipliers = (schedule.within_plan_multiplier, *(band.multiplier for band in schedule.bands))
    fee = base_rate * sum(volume * multiplier for volume, multiplier in zip(tier_volumes, multipliers))
    top_multiplier = schedule.within_plan_multiplier if top is None else schedule.bands[top].multiplier
    return AccountFee(
        excess_m3=excess_m3,
        excess_pct=excess_pct,
        top_multiplier=top_multiplier,
        fee_yuan=fee,
        surcharge_yuan=fee - base_rate * actual_m3,
        tier_volumes_m3=tier_volumes,
    )


def charged_fee(
    plan_m3: float, actual_m3: float, quota_m3: float | None, base_rate: float, schedule: SurchargeSchedule, mode: str,
    charge_on: str = CHARGE_ON_LARGER,
) -> tuple[AccountFee, str]:
    """The fee charged and its basis. ``charge_on`` (rules file ``surcharge.plan_or_quota``, an assumption): 'larger'
    charges over quota when that part is larger, else over plan (never both); 'plan' over plan only; 'quota' over quota
    wherever there is one.

    ``quota_m3`` None (or NaN) means no quota: over plan. The larger excess is also the higher fee: a smaller base
    puts more of the use in the bands and reaches each band sooner.
    """
    on_plan = account_fee(plan_m3, actual_m3, base_rate, schedule, mode)
    if charge_on == CHARGED_ON_PLAN or quota_m3 is None or math.isnan(quota_m3) or quota_m3 <= 0:
        return on_plan, CHARGED_ON_PLAN
    if charge_on == CHARGED_ON_QUOTA or max(0.0, actual_m3 - quota_m3) > on_plan.excess_m3:
        return account_fee(quota_m3, actual_m3, base_rate, schedule, mode), CHARGED_ON_QUOTA
    return on_plan, CHARGED_ON_PLAN


@dataclass
class SurchargeResult:
    """Per-account results (row i = input row i) and what the caller must tell the user."""

    accounts: pd.DataFrame  # RESULT_COLUMNS
    tier_volumes: pd.DataFrame  # one column per tier key, m³ charged in that tier (NaN for problems)
    tiers: list[Tier]
    problems: list[str] = field(default_factory=list)  # one line per account that was not charged
    notes: list[str] = field(default_factory=list)  # for the log: how quotas were found, or why not


def _volume_problem(raw: Any, field_name: str) -> tuple[float | None, str | None]:
    """A volume cell as a number, or why it cannot be charged."""
    try:
        number = parse_number(raw)
    except NotFiniteError:
        return None, text("surcharge.volume_not_finite", field=field_name, value=raw)
    except (ValueError, TypeError):
        return None, text("surcharge.volume_not_number", field=field_name, value=raw)
    if number is None:
        return None, text("surcharge.volume_empty", field=field_name)
    if number < 0:
        return None, text("surcharge.volume_negative", field=field_name, value=raw)
    return number, None


def compute_surcharge(
    frame: pd.DataFrame,
    *,
    plan_field: str,
    actual_field: str,
    base_rate: float,
    schedule: SurchargeSchedule,
    mode: str = MODE_BAND,
    layer: str = "accounts",
    id_field: str | None = None,
    quota_field: str | None = "quota_m3",
    use_field: str | None = None,
    quota_units_field: str | None = "quota_units",
    quotas: UseQuotas | None = None,
    charge_on: str = CHARGE_ON_LARGER,
) -> SurchargeResult:
    """Fees for every row of ``frame``; rows that cannot be charged get a ``problem`` instead.

    The quota of a row is ``quota_field`` (m³), else the quota of its ``use_field`` in ``quotas`` times
    ``quota_units_field``; fields ``frame`` does not have are skipped (a note says so) and the account is
    charged over plan only.
    """
    if not (isinstance(base_rate, (int, float)) and math.isfinite(base_rate) and base_rate > 0):
        raise EngineInputError(
            text("surcharge.bad_rate", value=base_rate),
            hint=text("surcharge.give_rate"),
        )
    if mode not in MODES:
        raise EngineInputError(text("surcharge.unknown_mode", mode=mode), hint=text("surcharge.use_mode", modes=", ".join(MODES)))
    if charge_on not in CHARGE_ON:
        raise EngineInputError(
            text("surcharge.unknown_charge_on", value=charge_on), hint=text("surcharge.use_mode", modes=", ".join(CHARGE_ON))
        )
    require_fields(frame, plan_field, actual_field, layer=layer)
    tiers = schedule.tiers()
    rows = len(frame)
    out = {name: np.full(rows, np.nan) for name in RESULT_COLUMNS if name not in ("problem", "charged_on")}
    problem_texts: list[str | None] = [None] * rows
    volumes = np.full((rows, len(tiers)), np.nan)
    problems: list[str] = []
    plans = frame[plan_field].tolist()
    actuals = frame[actual_field].tolist()
    found = quota_volumes(
        frame, quotas, quota_field=quota_field, use_field=use_field, units_field=quota_units_field, layer=layer, id_field=id_field
    )
    notes = [text("surcharge.quota_not_charged", why=found.skipped)] if found.skipped else list(found.messages)
    charged_on: list[str | None] = [None] * rows
    for row in range(rows):
        plan, plan_problem = _volume_problem(plans[row], plan_field)
        actual, actual_problem = _volume_problem(actuals[row], actual_field)
        reasons = [reason for reason in (plan_problem, actual_problem) if reason]
        if not reasons and plan == 0 and actual > 0:
            reasons.append(text("surcharge.zero_plan", plan=plan_field, actual=actual_field, value=actual))
        if reasons:
            reason = text("surcharge.separator").join(reasons)
            problem_texts[row] = reason
            problems.append(text("surcharge.problem", feature=feature_label(frame, row, id_field), reason=reason))
            continue
        quota = found.m3[row]
        fee, charged_on[row] = charged_fee(plan, actual, quota, base_rate, schedule, mode, charge_on)
        plan_excess = max(0.0, actual - plan)
        if not np.isnan(quota):
            out["quota_m3"][row] = quota
            out["over_quota_m3"][row] = max(0.0, actual - quota)
            out["over_quota_pct"][row] = 100.0 * out["over_quota_m3"][row] / quota
        out["excess_m3"][row] = plan_excess
        out["excess_pct"][row] = 100.0 * plan_excess / plan if plan > 0 else 0.0
        out["top_multiplier"][row] = fee.top_multiplier
        out["fee_yuan"][row] = fee.fee_yuan
        out["surcharge_yuan"][row] = fee.surcharge_yuan
        volumes[row, :] = fee.tier_volumes_m3
    accounts = pd.DataFrame(out, index=frame.index)
    accounts["problem"] = pd.Series(problem_texts, index=frame.index, dtype=object)
    accounts["charged_on"] = pd.Series(charged_on, index=frame.index, dtype=object)
    accounts = accounts[list(RESULT_COLUMNS)]
    tier_volumes = pd.DataFrame(volumes, columns=[tier.key for tier in tiers], index=frame.index)
    on_quota = sum(on == CHARGED_ON_QUOTA for on in charged_on)
    if on_quota:
        key = "surcharge.charged_on_quota" if charge_on == CHARGE_ON_LARGER else "surcharge.charged_on_quota_chosen"
        notes.append(text(key, n=on_quota))
    if charge_on == CHARGED_ON_PLAN and not np.isnan(out["quota_m3"]).all():
        notes.append(text("surcharge.charged_on_plan_only"))
    return SurchargeResult(accounts, tier_volumes, tiers, problems, notes)


def invalid_accounts_error(result: SurchargeResult, layer: str) -> EngineInputError:
    """One error listing every account that could not be charged (strict mode)."""
    shown = result.problems[:20]
    more = text("surcharge.more", n=len(result.problems) - 20) if len(result.problems) > 20 else ""
    return EngineInputError(
        text("surcharge.cannot_charge", n=len(result.problems), problems=text("surcharge.separator").join(shown), more=more),
        layer=layer,
        hint=text("surcharge.fix_volumes"),
    )


def summary_by_tier(
    result: SurchargeResult,
    base_rate: float,
    groups: Sequence[Any] | None = None,
    *,
    overall_label: str = "all",
) -> pd.DataFrame:
    """Volumes and fees per tier (and per group, e.g. township), plus the uncharged accounts.

    Columns: township, tier, tier_label, multiplier, accounts_n, volume_m3, fee_yuan. ``fee_yuan``
    of a tier is base rate × multiplier × volume, so the tiers of a group add up to its fees.
    """
    if groups is None:
        group_values = [overall_label] * len(result.accounts)
    else:
        group_values = [overall_label if is_blank(g) else str(g) for g in groups]
    group_series = pd.Series(group_values, index=result.accounts.index)
    charged = result.accounts["problem"].isna()
    records = []
    for group in sorted(set(group_values), key=str):
        in_group = group_series == group
        for tier in result.tiers:
            volumes = result.tier_volumes.loc[in_group & charged, tier.key]
            volume = float(volumes.sum())
            records.append(
                {
                    "township": group,
                    "tier": tier.key,
                    "tier_label": tier.label,
                    "multiplier": tier.multiplier,
                    "accounts_n": int((volumes > 0).sum()),
                    "volume_m3": volume,
                    "fee_yuan": base_rate * tier.multiplier * volume,
                }
            )
        uncharged = int((in_group & ~charged).sum())
        if uncharged:
            records.append(
                {
                    "township": group,
                    "tier": "not_charged",
                    "tier_label": "not charged (see problem)",
                    "multiplier": None,
                    "accounts_n": uncharged,
                    "volume_m3": None,
                    "fee_yuan": None,
                }
            )
    columns = ["township", "tier", "tier_label", "multiplier", "accounts_n", "volume_m3", "fee_yuan"]
    summary = pd.DataFrame.from_records(records, columns=columns)
    summary["multiplier"] = summary["multiplier"].astype(float)
    summary["volume_m3"] = summary["volume_m3"].astype(float)
    summary["fee_yuan"] = summary["fee_yuan"].astype(float)
    return summary
