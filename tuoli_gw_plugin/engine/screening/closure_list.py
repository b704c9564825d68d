"""The closure list of notice item 13: existing self-supplied wells inside supply coverage.

Item 13 strictly controls existing self-supplied wells (自备井) where the public supply network
reaches. This module picks the active self-supplied wells that the screening engine finds inside
coverage (pipes within the coverage distance, or supply areas) and says how much annual volume
each one draws (freed if it were switched to the network): the metered volume, else the permitted one, naming which was used.
The words registers use for "self-supplied" and for stopped/deregistered wells come from the
rules file's ``screening.closure_list`` section.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from ..core.errors import EngineInputError
from ..core.messages import register, text
from ..core.values import feature_label, is_blank, is_null, listed_features, number_column, require_fields
from .well_sites import PreparedScreening, screen_points

register(
    {
        "closure.what_self_supplied": ("it should say whether the well is self-supplied", "该字段应说明是否为自备井"),
        "closure.not_yes_no": ("{n} value(s) do not say yes or no: {features}", "{n} 个值不是“是”或“否”：{features}"),
        "closure.yes_no_hint": (
            "use 1/0, true/false, yes/no or 是/否 (or add the spelling to the rules file's screening.closure_list)",
            "请使用 1/0、true/false、yes/no 或 是/否（或把该写法加入规则文件的 screening.closure_list）",
        ),
        "closure.empty_self_supplied": (
            "{n} well(s) have no value in '{field}' and are treated as not self-supplied.",
            "{n} 口井的“{field}”为空，按非自备井处理。",
        ),
        "closure.what_status": ("it should hold the well's status", "该字段应为机井状态"),
        "closure.excluded": ("{n} self-supplied well(s) are {status} and are not listed.", "{n} 口自备井状态为 {status}，未列入清单。"),
        "closure.no_geometry": (
            "{n} well(s) have no geometry and cannot be checked against coverage.",
            "{n} 口井没有几何，无法核查是否位于供水覆盖范围内。",
        ),
        "closure.unknown_volume": (
            "{n} listed well(s) have neither '{field}' nor '{fallback}' ({wells}); their freed volume is unknown and not "
            "in the total.",
            "{n} 口列入清单的井既无“{field}”也无“{fallback}”（{wells}）；其可置换水量未知，未计入合计。",
        ),
        "closure.fallback_used": (
            "{n} listed well(s) have no '{field}'; their '{fallback}' was used.",
            "{n} 口列入清单的井没有“{field}”；改用其“{fallback}”。",
        ),
    }
)

CLOSURE_COLUMNS = ("supply_distance_m", "in_supply_coverage", "township", "freed_m3", "freed_from")


@dataclass
class ClosureList:
    """The selected wells and what the log should say about the rest."""

    rows: np.ndarray  # positions (0-based) of the selected wells in the input frame
    columns: pd.DataFrame  # CLOSURE_COLUMNS for the selected wells, row-aligned with ``rows``
    total_freed_m3: float
    counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _normal(value: Any) -> str:
    return unicodedata.normalize("NFKC", str(value)).strip().lower()


def self_supplied_mask(
    frame: pd.DataFrame, field_name: str, *, layer: str, truthy: list[str], falsy: list[str], id_field: str | None = None
) -> tuple[np.ndarray, int]:
    """True where the register says self-supplied; also the number of empty cells (treated as not)."""
    require_fields(frame, field_name, layer=layer, what=text("closure.what_self_supplied"))
    true_words = {_normal(w) for w in truthy}
    false_words = {_normal(w) for w in falsy}
    mask = np.zeros(len(frame), dtype=bool)
    empty = 0
    bad: list[tuple[int, Any]] = []
    for row, value in enumerate(frame[field_name].tolist()):
        if is_blank(value):
            empty += 1
            continue
        if isinstance(value, bool):
            mask[row] = value
            continue
        if isinstance(value, (int, float, np.integer, np.floating)):
            value = int(value) if float(value).is_integer() else value
        word = _normal(value)
        if word in true_words:
            mask[row] = True
        elif word not in false_words:
            bad.append((row, value))
    if bad:
        raise EngineInputError(
            text(
                "closure.not_yes_no", n=len(bad),
                features=listed_features(frame, [r for r, _ in bad], id_field, [v for _, v in bad], more=""),
            ),
            layer=layer,
            feature=feature_label(frame, bad[0][0], id_field),
            field=field_name,
            hint=text("closure.yes_no_hint"),
        )
    return mask, empty


def closure_list(
    prepared: PreparedScreening,
    wells: gpd.GeoDataFrame,
    *,
    self_supplied_field: str = "self_supplied",
    status_field: str | None = "status",
    volume_field: str = "metered_m3",
    fallback_volume_field: str | None = "permit_m3",
    id_field: str | None = "well_id",
) -> ClosureList:
    """Active self-supplied wells inside supply coverage, with the annual volume each draws."""
    rules_node = prepared.rules.get("screening", "closure_list")
    layer = prepared.layer_names["wells"]
    id_field = id_field if id_field and id_field in wells.columns else None
    notes: list[str] = []
    counts: dict[str, int] = {"wells": len(wells)}

    self_supplied, empty = self_supplied_mask(
        wells,
        self_supplied_field,
        layer=layer,
        truthy=list(rules_node.get("self_supplied_true", [])),
        falsy=list(rules_node.get("self_supplied_false", [])),
        id_field=id_field,
    )
    counts["self_supplied"] = int(self_supplied.sum())
    if empty:
        notes.append(text("closure.empty_self_supplied", n=empty, field=self_supplied_field))

    active = np.ones(len(wells), dtype=bool)
    if status_field:
        require_fields(wells, status_field, layer=layer, what=text("closure.what_status"))
        inactive_words = {
            _normal(word): status for status, words in rules_node.get("inactive_status", {}).items() for word in [status, *words]
        }
        statuses = [None if is_null(v) else inactive_words.get(_normal(v)) for v in wells[status_field].tolist()]
        for status in rules_node.get("inactive_status", {}):
            excluded = int(sum(1 for s, ss in zip(statuses, self_supplied) if s == status and ss))
            counts[f"excluded_{status}"] = excluded
            if excluded:
                notes.append(text("closure.excluded", n=excluded, status=status))
        active = np.array([s is None for s in statuses], dtype=bool)

    volumes = number_column(wells, volume_field, layer=layer, id_field=id_field)
    fallback = (
        number_column(wells, fallback_volume_field, layer=layer, id_field=id_field)
        if fallback_volume_field
        else np.full(len(wells), np.nan)
    )

    screened = screen_points(prepared, wells)
    covered = screened["in_supply_coverage"].to_numpy(dtype=object) == True  # noqa: E712 (None is not covered)
    no_geometry = int(screened["verdict"].isna().sum()) if len(wells) else 0
    if no_geometry:
        notes.append(text("closure.no_geometry", n=no_geometry))
    selected = np.flatnonzero(self_supplied & active & covered)
    counts["listed"] = len(selected)

    freed = np.where(np.isnan(volumes), fallback, volumes)[selected]
    freed_from = np.where(
        ~np.isnan(volumes[selected]), volume_field, np.where(~np.isnan(fallback[selected]), fallback_volume_field or "", "")
    ).astype(object)
    freed_from[freed_from == ""] = None
    unknown = selected[np.isnan(freed)]
    if len(unknown):
        shown = ", ".join(feature_label(wells, int(r), id_field) for r in unknown[:5])
        notes.append(
            text("closure.unknown_volume", n=len(unknown), field=volume_field, fallback=fallback_volume_field, wells=shown)
        )
    from_fallback = int(sum(1 for f in freed_from if f == fallback_volume_field))
    if from_fallback:
        notes.append(text("closure.fallback_used", n=from_fallback, field=volume_field, fallback=fallback_volume_field))

    columns = pd.DataFrame(
        {
            "supply_distance_m": screened["supply_distance_m"].to_numpy()[selected],
            "in_supply_coverage": screened["in_supply_coverage"].to_numpy(dtype=object)[selected],
            "township": screened["township"].to_numpy(dtype=object)[selected],
            "freed_m3": freed,
            "freed_from": freed_from,
        }
    )
    return ClosureList(
        rows=selected,
        columns=columns,
        total_freed_m3=float(np.nansum(freed)) if len(freed) else 0.0,
        counts=counts,
        notes=notes,
    )
