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

from .rules import Rules
from .values import number_column
from .well_fields import text_column


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
        wanted = [f"'{quota_field}'"] if quota_field else []
        if units_field:
            wanted.append(f"'{units_field}' with a use field")
        return QuotaVolumes(
            np.full(n, np.nan), [None] * n, skipped=f"no quota field {' or '.join(wanted) or '(none given)'} in '{layer}'"
        )
    uses = text_column(frame, use_field, layer=layer) if by_use else [None] * n
    units = number_column(frame, units_field, layer=layer, id_field=id_field) if by_use else np.full(n, np.nan)
    m3 = np.full(n, np.nan)
    basis: list[str | None] = [None] * n
    not_positive = 0
    for row in range(n):
        if not np.isnan(own[row]):
            if own[row] > 0:
                m3[row], basis[row] = own[row], f"{quota_field} field"
            else:
                not_positive += 1
            continue
        quota = quotas.of_use(uses[row]) if by_use else None
        if quota is not None and not np.isnan(units[row]) and units[row] > 0:
            m3[row] = quota.m3_per_unit * units[row]
            basis[row] = f"{quota.key} quota {_fmt(quota.m3_per_unit)} {quota.unit} × {_fmt(units[row])}"
    result = QuotaVolumes(m3, basis)
    if not_positive:
        result.messages.append(f"{not_positive} row(s) of '{layer}' have a quota of 0 or less in '{quota_field}': not used")
    result.messages.append(f"Quota: {int((~np.isnan(m3)).sum())} of {n} row(s) of '{layer}' have a quota volume")
    return result
