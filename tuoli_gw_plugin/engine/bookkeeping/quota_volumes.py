"""Quota volumes (定额水量) of wells or accounts, for use over the quota (超定额), notice items 9, 10 and 13.

Item 9 makes the industry water quota (行业用水定额) the basis of approved volumes; items 10 and 13
charge use over the quota progressively, like use over the plan. A row's quota volume is its own
quota field when that holds a number, else the quota of its use (rules file ``compliance.use_quotas``,
m³ per unit per year) times its number of units (mu irrigated, persons served, head of livestock).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..core.messages import register, text
from ..core.registry_columns import text_column
from ..core.rules import Rules
from ..core.values import number_column

register(
    {
        "quota.field": ("'{field}'", "“{field}”"),
        "quota.units_field": ("'{field}' with a use field", "“{field}”及用途字段"),
        "quota.or": (" or ", "或"),
        "quota.none_given": ("(none given)", "（未指定）"),
        "quota.no_field": ("no quota field {fields} in '{layer}'", "“{layer}”中没有定额字段{fields}"),
        "quota.own_field": ("{field} field", "{field} 字段"),
        "quota.by_use": ("{use} quota {quota} {unit} × {units}", "{use}定额 {quota} {unit} × {units}"),
        "quota.not_positive": (
            "{n} row(s) of '{layer}' have a quota of 0 or less in '{field}': not used",
            "“{layer}”中 {n} 行的“{field}”定额为 0 或更小：不予采用",
        ),
        "quota.summary": (
            "Quota: {found} of {n} row(s) of '{layer}' have a quota volume",
            "定额：“{layer}”的 {n} 行中有 {found} 行有定额水量",
        ),
    }
)


@dataclass(frozen=True)
class UseQuota:
    key: str
    m3_per_unit: float
    unit: str


@dataclass(frozen=True)
class UseQuotas:
    """The per-use quotas of the rules file and the spellings of each use."""

    quotas: dict[str, UseQuota]
    aliases: dict[str, str]  # lower-case spelling -> quota key

    @classmethod
    def from_rules(cls, rules: Rules) -> UseQuotas:
        quotas: dict[str, UseQuota] = {}
        aliases: dict[str, str] = {}
        for key, node in rules.get("compliance", "use_quotas").items():
            if not isinstance(node, dict):
                continue  # the section's 'source'
            quotas[key] = UseQuota(key, float(node["value"]), str(node.get("unit", "")))
            for word in [key, *node.get("aliases", [])]:
                aliases[str(word).strip().lower()] = key
        return cls(quotas, aliases)

    def of_use(self, use: str | None) -> UseQuota | None:
        return self.quotas.get(self.aliases.get(use.strip().lower(), "")) if use else None


@dataclass
class QuotaVolumes:
    """Quota m³ per row (NaN: no quota known) and how each was found, for the finding texts."""

    m3: np.ndarray
    basis: list[str | None]
    skipped: str | None = None  # why no row could have a quota (fields absent)
    messages: list[str] = field(default_factory=list)


def _fmt(number: float) -> str:
    text = f"{number:,.2f}".rstrip("0").rstrip(".")
    return text


def quota_volumes(
    frame: pd.DataFrame,
    quotas: UseQuotas | None,
    *,
    quota_field: str | None,
    use_field: str | None,
    units_field: str | None,
    layer: str,
    id_field: str | None = None,
) -> QuotaVolumes:
    """The quota volume of every row; a field not in ``frame`` is skipped and the log says so."""
    n = len(frame)
    present = {name for name in (quota_field, use_field, units_field) if name and name in frame.columns}
    own = number_column(frame, quota_field, layer=layer, id_field=id_field) if quota_field in present else np.full(n, np.nan)
    by_use = quotas is not None and use_field in present and units_field in present
    if quota_field not in present and not by_use:
        wanted = [text("quota.field", field=quota_field)] if quota_field else []
        if units_field:
            wanted.append(text("quota.units_field", field=units_field))
        fields = text("quota.or").join(wanted) or text("quota.none_given")
        return QuotaVolumes(np.full(n, np.nan), [None] * n, skipped=text("quota.no_field", fields=fields, layer=layer))
    uses = text_column(frame, use_field, layer=layer) if by_use else [None] * n
    units = number_column(frame, units_field, layer=layer, id_field=id_field) if by_use else np.full(n, np.nan)
    m3 = np.full(n, np.nan)
    basis: list[str | None] = [None] * n
    not_positive = 0
    for row in range(n):
        if not np.isnan(own[row]):
            if own[row] > 0:
                m3[row], basis[row] = own[row], text("quota.own_field", field=quota_field)
            else:
                not_positive += 1
            continue
        quota = quotas.of_use(uses[row]) if by_use else None
        if quota is not None and not np.isnan(units[row]) and units[row] > 0:
            m3[row] = quota.m3_per_unit * units[row]
            basis[row] = text(
                "quota.by_use", use=quota.key, quota=_fmt(quota.m3_per_unit), unit=quota.unit, units=_fmt(units[row])
            )
    result = QuotaVolumes(m3, basis)
    if not_positive:
        result.messages.append(text("quota.not_positive", n=not_positive, layer=layer, field=quota_field))
    result.messages.append(text("quota.summary", found=int((~np.isnan(m3)).sum()), n=n, layer=layer))
    return result
