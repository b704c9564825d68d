"""Water from electricity (以电折水) and well–electricity dual control (井电双控), notice item 16.

Each well is tied to its power account; the account's kWh times the well's pump coefficient
(m³/kWh) estimates the water it drew. Wells without a pump-tested coefficient get one calibrated
from wells that have both a working meter and a power record: the median of metered m³ / kWh per
township and aquifer, falling back to the township, then the county (the median keeps one broken
meter from moving everyone's estimate). The engine then raises the flags item 16 asks for: power
drawn without a permit, a permit with no power link, power beyond the approved kWh, and meters
that disagree with the power record.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..core.errors import EngineInputError
from ..core.messages import register, text
from ..core.registry_columns import flag_column, key_column, require_field, text_column
from ..core.rules import Rules
from ..core.values import number_column

register(
    {
        "electricity.period_without_field": (
            "PERIOD is '{period}' but no period field is given", "PERIOD 为“{period}”，但未指定时段字段"
        ),
        "electricity.choose_period_field": (
            "choose the power table's period field, or leave PERIOD empty", "请选择用电表的时段字段，或将 PERIOD 留空"
        ),
        "electricity.no_account": (
            "{n} row(s) of '{layer}' have no account in '{field}' and are not counted (rows {rows})",
            "“{layer}”中 {n} 行的“{field}”没有户号，未计入（第 {rows} 行）",
        ),
        "electricity.no_kwh": (
            "{n} row(s) of '{layer}' have no kWh in '{field}' and are not counted (accounts {accounts})",
            "“{layer}”中 {n} 行的“{field}”没有用电量，未计入（户号 {accounts}）",
        ),
        "electricity.no_such_period": ("no row has period '{period}'", "没有时段为“{period}”的行"),
        "electricity.periods_are": ("periods in the table: {periods}", "表中的时段：{periods}"),
        "electricity.none": ("(none)", "（无）"),
        "electricity.several_periods": (
            "'{layer}' holds {n} periods ({periods}): their kWh are summed per account; set PERIOD to take one period only",
            "“{layer}”含 {n} 个时段（{periods}）：各户用电量已累加；如只取一个时段，请设置 PERIOD",
        ),
        "electricity.in_period": (" in period '{period}'", "（时段“{period}”）"),
        "electricity.power_summed": (
            "Power: {n} row(s) of '{layer}'{period} summed into {accounts} account(s)",
            "用电：“{layer}”的 {n} 行{period}汇总为 {accounts} 个户号",
        ),
        "electricity.row": ("row {n}", "第 {n} 行"),
        "electricity.shared_accounts": (
            "{n} power account(s) are linked to more than one well; their kWh is split equally: {accounts}",
            "{n} 个供电户号对应多口井；其用电量平均分摊：{accounts}",
        ),
        "electricity.unknown_accounts": (
            "{n} well(s) name a power account that is not in '{layer}': {wells}",
            "{n} 口井的供电户号不在“{layer}”中：{wells}",
        ),
        "electricity.orphan_accounts": (
            "{n} power account(s) with {kwh:,.0f} kWh are linked to no well (possible unregistered wells, item 16): {accounts}",
            "{n} 个供电户号（共 {kwh:,.0f} kWh）未对应任何机井（可能为未登记机井，第16条）：{accounts}",
        ),
        "electricity.bad_mismatch_share": (
            "MISMATCH_SHARE must be a share of 0 or more (0.2 = 20 %), got {value}",
            "MISMATCH_SHARE 须为 0 或以上的比例（0.2 = 20%），而不是 {value}",
        ),
        "electricity.mismatch_share_hint": (
            "leave it empty to use the rules file's compliance.meter_vs_power_mismatch_share",
            "留空则使用规则文件的 compliance.meter_vs_power_mismatch_share",
        ),
        "electricity.implausible_tested": (
            "{n} tested coefficient(s) in '{field}' are outside the plausible {low:g}–{high:g} m³/kWh and are probably "
            "data errors (used as given): {wells}",
            "“{field}”中 {n} 个实测系数超出合理范围 {low:g}–{high:g} m³/kWh，可能是数据错误（按原值使用）：{wells}",
        ),
        "electricity.calibration": (
            "Calibration: {wells} well(s) with a working meter and kWh give ratios; {groups} group(s) (minimum {minimum} "
            "well(s) each)",
            "率定：{wells} 口有正常计量设施和用电量的井给出水电比；共 {groups} 组（每组至少 {minimum} 口井）",
        ),
        "electricity.county": ("county", "全县"),
        "electricity.group": (
            "  {where}: median {median:.3f} m³/kWh, MAD {mad:.3f}, {n} well(s)",
            "  {where}：中位数 {median:.3f} m³/kWh，MAD {mad:.3f}，{n} 口井",
        ),
        "electricity.implausible_group": (
            "Calibrated coefficient for {where} is {median:.3f} m³/kWh, outside the plausible {low:g}–{high:g}: check the "
            "meters and power records there",
            "{where} 的率定系数为 {median:.3f} m³/kWh，超出合理范围 {low:g}–{high:g}：请核查该处的计量设施和用电记录",
        ),
        "electricity.coefficients": ("Coefficients: {counts}", "系数来源：{counts}"),
        "electricity.calibrated_wells": ("Wells given a calibrated coefficient: {wells}", "采用率定系数的井：{wells}"),
        "electricity.no_coefficient": (
            "{n} well(s) have no tested coefficient and nothing to calibrate from: {wells}",
            "{n} 口井没有实测系数，也无可率定的数据：{wells}",
        ),
        "electricity.flag_count": ("{flag}: {n} well(s)", "{flag}：{n} 口井"),
        "electricity.flag_count_wells": ("{flag}: {n} well(s) ({wells})", "{flag}：{n} 口井（{wells}）"),
    }
)

FLAG_NAMES = ("power_without_permit", "permit_without_power_link", "over_approved_kwh", "meter_vs_power_mismatch")

COEF_TESTED = "tested"
COEF_TOWNSHIP_AQUIFER = "calibrated_township_aquifer"
COEF_TOWNSHIP = "calibrated_township"
COEF_COUNTY = "calibrated_county"
COEF_NONE = "none"
register(
    {
        # the flags of item 16, as a layer's legend and value map say them
        "electricity_flag.power_without_permit": ("power without a permit", "无证用电取水"),
        "electricity_flag.permit_without_power_link": ("permit, no power account", "有证无电户"),
        "electricity_flag.over_approved_kwh": ("over the approved power", "超核定电量"),
        "electricity_flag.meter_vs_power_mismatch": ("meter and power disagree", "表电不符"),
        "coef_source.tested": ("pump test", "抽水试验"),
        "coef_source.calibrated_township_aquifer": ("calibrated: township and aquifer", "率定（同乡镇同含水层）"),
        "coef_source.calibrated_township": ("calibrated: township", "率定（同乡镇）"),
        "coef_source.calibrated_county": ("calibrated: county", "率定（全县）"),
        "coef_source.none": ("no coefficient", "无系数"),
    }
)

# Separators after which a longer period label still belongs to the asked period: PERIOD=2025
# takes 2025-03, 2025/03, 2025.03 and 2025年3月, but not 20251.
_PERIOD_SEPARATORS = ("-", "/", ".", "年", "_", " ", "Q", "q", "H", "h")
_SHOWN_IDS = 10


@dataclass(frozen=True)
class WellFieldNames:
    """Field names of the wells layer (defaults: the sample layer's)."""

    well_id: str = "well_id"
    account: str = "power_account"
    coefficient: str = "m3_per_kwh"
    metered: str = "metered_m3"
    has_meter: str = "has_meter"
    permit: str = "permit_no"
    permit_m3: str = "permit_m3"
    township: str = "township"
    aquifer: str | None = "aquifer"


@dataclass(frozen=True)
class PowerFieldNames:
    """Field names of the power-account table (defaults: the sample table's)."""

    account: str = "account"
    kwh: str = "kwh"
    period: str | None = "period"


@dataclass
class AccountPower:
    """kWh per account for the chosen period, with what the summing had to report."""

    kwh_by_account: dict[str, float]
    known_accounts: set[str]  # every account in the table, whatever its period
    periods: list[str]
    messages: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class ElectricityResult:
    wells: pd.DataFrame  # new columns; row i belongs to the i-th well
    summary: pd.DataFrame  # one row per township
    calibration: pd.DataFrame  # one row per calibration group
    messages: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _first(ids: Sequence[object], count: int = _SHOWN_IDS) -> str:
    shown = ", ".join(str(i) for i in list(ids)[:count])
    return shown + (f" … (+{len(ids) - count})" if len(ids) > count else "")


def period_matches(period_value: str | None, wanted: str) -> bool:
    """True when a period label belongs to the asked period (equal, or a sub-period of it)."""
    if period_value is None:
        return False
    if period_value == wanted:
        return True
    return period_value.startswith(wanted) and period_value[len(wanted)] in _PERIOD_SEPARATORS


def account_power(
    power: pd.DataFrame,
    fields: PowerFieldNames,
    *,
    layer: str,
    period: str | None = None,
) -> AccountPower:
    """Sum the power table's kWh per account (for ``period`` when given)."""
    require_field(power, fields.account, layer)
    accounts = key_column(power, fields.account, layer=layer)
    kwh = number_column(power, fields.kwh, layer=layer, id_field=fields.account)
    wanted = (period or "").strip() or None
    periods: list[str | None] = [None] * len(power)
    if fields.period:
        periods = text_column(power, fields.period, layer=layer)
    elif wanted:
        raise EngineInputError(
            text("electricity.period_without_field", period=wanted),
            layer=layer,
            hint=text("electricity.choose_period_field"),
        )
    messages: list[str] = []
    warnings: list[str] = []

    no_account = [i for i, a in enumerate(accounts) if a is None]
    if no_account:
        warnings.append(
            text("electricity.no_account", n=len(no_account), layer=layer, field=fields.account, rows=_first([i + 1 for i in no_account]))
        )
    no_kwh = [i for i, (a, v) in enumerate(zip(accounts, kwh)) if a is not None and np.isnan(v)]
    if no_kwh:
        warnings.append(
            text("electricity.no_kwh", n=len(no_kwh), layer=layer, field=fields.kwh, accounts=_first([accounts[i] for i in no_kwh]))
        )
    distinct_periods = sorted({p for p in periods if p is not None})
    if wanted:
        selected = [period_matches(p, wanted) for p in periods]
        if not any(selected):
            raise EngineInputError(
                text("electricity.no_such_period", period=wanted),
                layer=layer,
                field=fields.period,
                hint=text("electricity.periods_are", periods=_first(distinct_periods) or text("electricity.none")),
            )
    else:
        selected = [True] * len(power)
        if len(distinct_periods) > 1:
            warnings.append(text("electricity.several_periods", layer=layer, n=len(distinct_periods), periods=_first(distinct_periods)))
    totals: dict[str, float] = {}
    for account, value, keep in zip(accounts, kwh, selected):
        if keep and account is not None and not np.isnan(value):
            totals[account] = totals.get(account, 0.0) + float(value)
    messages.append(
        text(
            "electricity.power_summed", n=int(sum(selected)), layer=layer, accounts=len(totals),
            period=text("electricity.in_period", period=wanted) if wanted else "",
        )
    )
    return AccountPower(
        kwh_by_account=totals,
        known_accounts={a for a in accounts if a is not None},
        periods=distinct_periods,
        messages=messages,
        warnings=warnings,
    )


# Period labels that give dates: a year, a quarter, a month or a day (2025, 2025Q4, 2025-11, 2025年11月, 2025-11-05).
_YEAR = re.compile(r"^(\d{4})年?$")
_QUARTER = re.compile(r"^(\d{4})\s*[-/._ ]?\s*[Qq]([1-4])$")
_MONTH = re.compile(r"^(\d{4})\s*[-/._年]\s*(\d{1,2})\s*月?$")
_DAY = re.compile(r"^(\d{4})\s*[-/._年]\s*(\d{1,2})\s*[-/._月]\s*(\d{1,2})\s*日?$")


def period_range(label: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day of a period label; None when the label gives no dates (or is not a real date)."""
    if not label:
        return None
    text = unicodedata.normalize("NFKC", str(label)).strip()
    try:
        if match := _DAY.match(text):
            day = dt.date(*(int(part) for part in match.groups()))
            return day, day
        if match := _MONTH.match(text):
            year, month = int(match[1]), int(match[2])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        if match := _QUARTER.match(text):
            year, quarter = int(match[1]), int(match[2])
            last_month = 3 * quarter
            return dt.date(year, last_month - 2, 1), dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
        if match := _YEAR.match(text):
            return dt.date(int(match[1]), 1, 1), dt.date(int(match[1]), 12, 31)
    except ValueError:  # month 13, day 31 of a 30-day month
        return None
    return None


@dataclass(frozen=True)
class DatedPower:
    """One row of the power table whose period gives dates."""

    account: str
    period: str
    start: dt.date
    end: dt.date
    kwh: float


def dated_power(power: pd.DataFrame, fields: PowerFieldNames, *, layer: str, period: str | None = None) -> tuple[list[DatedPower], int]:
    """Rows of the power table (of ``period`` when given) with an account, kWh and a period that gives dates.

    Returns the rows and how many other rows had kWh but a period giving no dates (so the log can say
    what could not be placed in time). Without a period field nothing can be dated.
    """
    if not fields.period:
        return [], 0
    accounts = key_column(power, fields.account, layer=layer)
    kwh = number_column(power, fields.kwh, layer=layer, id_field=fields.account)
    labels = text_column(power, fields.period, layer=layer)
    wanted = (period or "").strip() or None
    rows: list[DatedPower] = []
    undated = 0
    for account, value, label in zip(accounts, kwh, labels):
        if account is None or np.isnan(value) or (wanted and not period_matches(label, wanted)):
            continue
        span = period_range(label)
        if span is None:
            undated += 1
        else:
            rows.append(DatedPower(account, label or "", span[0], span[1], float(value)))
    return rows, undated


def median_and_spread(ratios: np.ndarray) -> tuple[float, float]:
    """Median and median absolute deviation (robust spread, in the same unit) of the ratios."""
    median = float(np.median(ratios))
    return median, float(np.median(np.abs(ratios - median)))


def calibrate(
    ratios: np.ndarray,
    townships: Sequence[str | None],
    aquifers: Sequence[str | None],
    *,
    min_wells: int,
) -> tuple[dict, dict, tuple[float, float, int] | None, pd.DataFrame]:
    """Median ratio per (township, aquifer), per township and for the county.

    ``ratios`` holds NaN for wells that cannot calibrate. Returns the three lookup tables
    {key: (median, spread, n)} and a table of the groups for the log and the docs.
    """
    usable = ~np.isnan(ratios)
    by_pair: dict[tuple[str, str], list[float]] = {}
    by_township: dict[str, list[float]] = {}
    for ratio, township, aquifer, ok in zip(ratios, townships, aquifers, usable):
        if not ok:
            continue
        if township is not None:
            by_township.setdefault(township, []).append(float(ratio))
            if aquifer is not None:
                by_pair.setdefault((township, aquifer), []).append(float(ratio))

    def summarise(groups: dict) -> dict:
        return {
            key: (*median_and_spread(np.array(values)), len(values))
            for key, values in groups.items()
            if len(values) >= min_wells
        }

    pair_table = summarise(by_pair)
    township_table = summarise(by_township)
    county = None
    if int(usable.sum()) >= min_wells and usable.any():
        county = (*median_and_spread(ratios[usable]), int(usable.sum()))
    rows = [("township_aquifer", t, a, n, m, s) for (t, a), (m, s, n) in sorted(pair_table.items())]
    rows += [("township", t, None, n, m, s) for t, (m, s, n) in sorted(township_table.items())]
    if county is not None:
        rows.append(("county", None, None, county[2], county[0], county[1]))
    groups = pd.DataFrame(rows, columns=["level", "township", "aquifer", "wells_n", "median_m3_per_kwh", "mad"])
    return pair_table, township_table, county, groups


@dataclass
class _WellColumns:
    """The wells layer read once (one entry per well)."""

    labels: list[str]
    accounts: list[str | None]
    tested: np.ndarray
    metered: np.ndarray
    has_meter: list[bool | None]
    permits: list[str | None]
    permit_m3: np.ndarray
    townships: list[str | None]
    aquifers: list[str | None]


def _read_wells(wells: pd.DataFrame, f: WellFieldNames, layer: str) -> _WellColumns:
    for name in (f.well_id, f.account, f.coefficient, f.metered, f.has_meter, f.permit, f.permit_m3, f.township):
        require_field(wells, name, layer)
    ids = text_column(wells, f.well_id, layer=layer)
    return _WellColumns(
        labels=[i if i is not None else text("electricity.row", n=r + 1) for r, i in enumerate(ids)],
        accounts=key_column(wells, f.account, layer=layer),
        tested=number_column(wells, f.coefficient, layer=layer, id_field=f.well_id),
        metered=number_column(wells, f.metered, layer=layer, id_field=f.well_id),
        has_meter=flag_column(wells, f.has_meter, layer=layer, id_field=f.well_id),
        permits=key_column(wells, f.permit, layer=layer),
        permit_m3=number_column(wells, f.permit_m3, layer=layer, id_field=f.well_id),
        townships=text_column(wells, f.township, layer=layer),
        aquifers=text_column(wells, f.aquifer, layer=layer) if f.aquifer else [None] * len(wells),
    )


def well_kwh(
    accounts: Sequence[str | None], power_sum: AccountPower, labels: Sequence[str], power_layer: str, warnings: list[str]
) -> tuple[np.ndarray, np.ndarray]:
    """Item 16 (二(三) 16): "建立取用水设施与供电编号对应的信息数据库" — each well's kWh through its power account.

    An account feeding several wells (one transformer, two pumps) has its kWh shared equally, so
    township totals do not count it twice. Returns kWh per well (NaN when not linked) and whether
    the well's account is in the power table; the log names shared, unknown and orphan accounts.
    """
    wells_per_account: dict[str, list[int]] = {}
    for row, account in enumerate(accounts):
        if account is not None:
            wells_per_account.setdefault(account, []).append(row)
    shared = {a: rows for a, rows in wells_per_account.items() if len(rows) > 1}
    if shared:
        warnings.append(
            text(
                "electricity.shared_accounts", n=len(shared),
                accounts=_first([f"{a} ({', '.join(labels[r] for r in rows)})" for a, rows in sorted(shared.items())], 5),
            )
        )
    linked = np.array([a is not None and a in power_sum.known_accounts for a in accounts], dtype=bool)
    kwh = np.full(len(accounts), np.nan)
    for row, account in enumerate(accounts):
        if linked[row]:
            kwh[row] = power_sum.kwh_by_account.get(account, 0.0) / len(wells_per_account[account])
    unknown_account_rows = [r for r, a in enumerate(accounts) if a is not None and not linked[r]]
    if unknown_account_rows:
        warnings.append(
            text(
                "electricity.unknown_accounts", n=len(unknown_account_rows), layer=power_layer,
                wells=_first([f"{labels[r]} ({accounts[r]})" for r in unknown_account_rows]),
            )
        )
    orphan_accounts = sorted(set(power_sum.kwh_by_account) - set(wells_per_account))
    if orphan_accounts:
        orphan_kwh = sum(power_sum.kwh_by_account[a] for a in orphan_accounts)
        warnings.append(text("electricity.orphan_accounts", n=len(orphan_accounts), kwh=orphan_kwh, accounts=_first(orphan_accounts)))
    return kwh, linked


def choose_coefficients(
    tested: np.ndarray,
    townships: Sequence[str | None],
    aquifers: Sequence[str | None],
    pair_table: dict,
    township_table: dict,
    county: tuple[float, float, int] | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """以电折水 (item 16, "坚持'井电双控、以电折水'工作原则"): the m³/kWh coefficient of each well.

    A pump-tested coefficient (> 0) first; else the calibrated median of its township and aquifer,
    else of its township, else of the county; else none. Returns coefficient, spread (MAD) and
    number of calibration wells (NaN / 0 for tested ones), and the source of each (COEF_*).
    """
    n = len(tested)
    coef_used = np.full(n, np.nan)
    calib_spread = np.full(n, np.nan)
    calib_n = np.zeros(n, dtype=np.int64)
    coef_source = [COEF_NONE] * n
    for row in range(n):
        if not np.isnan(tested[row]):
            coef_used[row], coef_source[row] = tested[row], COEF_TESTED
            continue
        pair = (townships[row], aquifers[row])
        if pair in pair_table:
            found, source = pair_table[pair], COEF_TOWNSHIP_AQUIFER
        elif townships[row] in township_table:
            found, source = township_table[townships[row]], COEF_TOWNSHIP
        elif county is not None:
            found, source = county, COEF_COUNTY
        else:
            continue
        coef_used[row], calib_spread[row], calib_n[row] = found
        coef_source[row] = source
    return coef_used, calib_spread, calib_n, coef_source


def approved_kwh(permit_m3: np.ndarray, coefficient: np.ndarray) -> np.ndarray:
    """Item 16: "以核定的电量为标准提供售电服务" — the approved kWh is the permitted m³ ÷ the coefficient (NaN without one)."""
    return np.where(coefficient > 0, permit_m3 / np.where(coefficient > 0, coefficient, 1.0), np.nan)


def power_without_permit(kwh: np.ndarray, has_permit: np.ndarray) -> np.ndarray:
    """Item 16: "不得向非法取水单位和个人提供供电服务" — power drawn (kWh > 0) by a well with no permit."""
    return (np.nan_to_num(kwh) > 0) & ~has_permit


def permit_without_power_link(has_permit: np.ndarray, linked: np.ndarray) -> np.ndarray:
    """Item 16: "建立取用水设施与供电编号对应的信息数据库" — a permitted well whose power account is not in the table."""
    return has_permit & ~linked


def over_approved_kwh(kwh: np.ndarray, approved: np.ndarray) -> np.ndarray:
    """Item 16: "以核定的电量为标准提供售电服务" — more kWh than approved (equal is not)."""
    return ~np.isnan(kwh) & ~np.isnan(approved) & (np.nan_to_num(kwh) > np.nan_to_num(approved))


def meter_vs_power_mismatch(estimated: np.ndarray, metered: np.ndarray, working_meter: np.ndarray, share: float) -> np.ndarray:
    """Items 9 and 16 (计量 against 以电折水): a working meter whose reading differs from the estimate
    from kWh by more than ``share`` of the metered volume.

    The meter is the legal measure (item 9), so the share is of the metered volume; a relative
    tolerance keeps an exact 20 % difference from tipping over on floating-point noise.
    """
    difference = np.abs(estimated - metered)
    allowed = share * np.abs(metered)
    return (
        working_meter
        & ~np.isnan(metered)
        & ~np.isnan(estimated)
        & (np.nan_to_num(difference) > np.nan_to_num(allowed) * (1 + 1e-9) + 1e-9)
    )


def _checked_mismatch_share(mismatch_share: float | None, rules: Rules) -> float:
    if mismatch_share is None:
        mismatch_share = rules.value("compliance", "meter_vs_power_mismatch_share")
    if not (mismatch_share >= 0) or np.isinf(mismatch_share):
        raise EngineInputError(
            text("electricity.bad_mismatch_share", value=mismatch_share),
            hint=text("electricity.mismatch_share_hint"),
        )
    return mismatch_share


def _implausible_tested_warning(tested: np.ndarray, labels: Sequence[str], field_name: str, low: float, high: float) -> list[str]:
    """Tested coefficients that physics rules out (probably data errors; used as given)."""
    implausible = [r for r in np.flatnonzero(~np.isnan(tested)) if not low <= tested[r] <= high]
    if not implausible:
        return []
    return [
        text(
            "electricity.implausible_tested", n=len(implausible), field=field_name, low=low, high=high,
            wells=_first([f"{labels[r]} ({tested[r]:g})" for r in implausible]),
        )
    ]


def _calibration_log(
    groups: pd.DataFrame,
    coef_source: Sequence[str],
    labels: Sequence[str],
    *,
    calibrating_wells: int,
    min_wells: int,
    low: float,
    high: float,
    messages: list[str],
    warnings: list[str],
) -> None:
    """The calibration groups, how many wells got each kind of coefficient, and implausible medians."""
    counts = pd.Series(coef_source).value_counts()
    messages.append(text("electricity.calibration", wells=calibrating_wells, groups=len(groups), minimum=min_wells))
    for group in groups.itertuples(index=False):
        where = group.township if isinstance(group.township, str) else text("electricity.county")
        if isinstance(group.aquifer, str):
            where += f" / {group.aquifer}"
        messages.append(
            text("electricity.group", where=where, median=group.median_m3_per_kwh, mad=group.mad, n=group.wells_n)
        )
        if not low <= group.median_m3_per_kwh <= high:
            warnings.append(
                text("electricity.implausible_group", where=where, median=group.median_m3_per_kwh, low=low, high=high)
            )
    messages.append(
        text(
            "electricity.coefficients",
            counts=", ".join(
                f"{counts.get(s, 0)} {s}" for s in (COEF_TESTED, COEF_TOWNSHIP_AQUIFER, COEF_TOWNSHIP, COEF_COUNTY, COEF_NONE)
            ),
        )
    )
    calibrated_rows = [r for r, s in enumerate(coef_source) if s.startswith("calibrated")]
    if calibrated_rows:
        messages.append(text("electricity.calibrated_wells", wells=_first([labels[r] for r in calibrated_rows])))
    if counts.get(COEF_NONE, 0):
        warnings.append(
            text(
                "electricity.no_coefficient", n=counts[COEF_NONE],
                wells=_first([labels[r] for r, s in enumerate(coef_source) if s == COEF_NONE]),
            )
        )


def electricity_to_water(
    wells: pd.DataFrame,
    power: pd.DataFrame,
    rules: Rules,
    *,
    well_fields: WellFieldNames = WellFieldNames(),
    power_fields: PowerFieldNames = PowerFieldNames(),
    period: str | None = None,
    mismatch_share: float | None = None,
    wells_layer: str = "wells",
    power_layer: str = "power accounts",
) -> ElectricityResult:
    """Per-well kWh, coefficient, estimated m³, approved kWh and item-16 flags; per-township summary."""
    mismatch_share = _checked_mismatch_share(mismatch_share, rules)
    plausible = rules.get("electricity", "plausible_m3_per_kwh")
    low, high = float(plausible["min"]), float(plausible["max"])
    min_calibration_wells = int(rules.value("electricity", "min_calibration_wells"))
    w = _read_wells(wells, well_fields, wells_layer)
    power_sum = account_power(power, power_fields, layer=power_layer, period=period)
    messages = list(power_sum.messages)
    warnings = list(power_sum.warnings)
    kwh, linked = well_kwh(w.accounts, power_sum, w.labels, power_layer, warnings)

    tested = np.where(w.tested > 0, w.tested, np.nan)  # zero means "not tested"
    warnings += _implausible_tested_warning(tested, w.labels, well_fields.coefficient, low, high)
    # Calibration set: a working meter with a reading and power drawn.
    working_meter = np.array([flag is True for flag in w.has_meter], dtype=bool)  # bool even when empty
    can_calibrate = working_meter & ~np.isnan(w.metered) & (np.nan_to_num(kwh) > 0)
    ratios = np.where(can_calibrate, w.metered / np.where(kwh > 0, kwh, 1.0), np.nan)
    pair_table, township_table, county, groups = calibrate(ratios, w.townships, w.aquifers, min_wells=min_calibration_wells)
    coef_used, calib_spread, calib_n, coef_source = choose_coefficients(tested, w.townships, w.aquifers, pair_table, township_table, county)
    _calibration_log(
        groups, coef_source, w.labels, calibrating_wells=int(can_calibrate.sum()), min_wells=min_calibration_wells,
        low=low, high=high, messages=messages, warnings=warnings,
    )

    estimated = kwh * coef_used
    approved = approved_kwh(w.permit_m3, coef_used)
    has_permit = np.array([p is not None for p in w.permits], dtype=bool)
    flag_values = {
        "power_without_permit": power_without_permit(kwh, has_permit),
        "permit_without_power_link": permit_without_power_link(has_permit, linked),
        "over_approved_kwh": over_approved_kwh(kwh, approved),
        "meter_vs_power_mismatch": meter_vs_power_mismatch(estimated, w.metered, working_meter, mismatch_share),
    }
    out = pd.DataFrame(
        {
            "kwh": kwh,
            "coef_used": coef_used,
            "coef_source": coef_source,
            "calib_spread": calib_spread,
            "calib_n": calib_n,
            "estimated_m3": estimated,
            "approved_kwh": approved,
            "flags": [";".join(name for name in FLAG_NAMES if flag_values[name][row]) for row in range(len(wells))],
            **{name: flag_values[name].astype(np.int64) for name in FLAG_NAMES},
        }
    )
    for name in FLAG_NAMES:
        flagged = [w.labels[r] for r in np.flatnonzero(flag_values[name])]
        messages.append(
            text("electricity.flag_count_wells", flag=name, n=len(flagged), wells=_first(flagged))
            if flagged
            else text("electricity.flag_count", flag=name, n=0)
        )
    summary = township_summary(w.townships, out, w.metered, w.permit_m3)
    return ElectricityResult(out, summary, groups, messages, warnings)


def township_summary(
    townships: Sequence[str | None], per_well: pd.DataFrame, metered: np.ndarray, permit_m3: np.ndarray
) -> pd.DataFrame:
    """wells_n, kWh, estimated, metered and permitted m³ and flag counts per township."""
    frame = pd.DataFrame(
        {
            "township": [t if t is not None else "(no township)" for t in townships],
            "kwh": per_well["kwh"],
            "estimated_m3": per_well["estimated_m3"],
            "metered_m3": metered,
            "permit_m3": permit_m3,
            **{name: per_well[name] for name in FLAG_NAMES},
        }
    )
    grouped = frame.groupby("township", sort=True)
    summary = pd.DataFrame({"wells_n": grouped.size()})
    for column in ("kwh", "estimated_m3", "metered_m3", "permit_m3"):
        summary[column] = grouped[column].sum(min_count=0)  # NaN cells (unknown) are skipped
    for name in FLAG_NAMES:
        summary[name] = grouped[name].sum().astype(np.int64)
    summary = summary.reset_index()
    summary["wells_n"] = summary["wells_n"].astype(np.int64)
    return summary
