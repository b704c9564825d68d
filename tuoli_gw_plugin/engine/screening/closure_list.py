"""The closure list of notice item 13: existing self-supplied wells inside supply coverage.

Item 13 strictly controls existing self-supplied wells (自备井) where the public supply network
reaches. This module picks the active self-supplied wells that the screening engine finds inside
coverage (pipes within the coverage distance, or supply areas) and says how much annual volume
each one draws (freed if it were switched to the network): the metered volume, else the permitted one, naming which was used.
Which wells are self-supplied and which no longer pump is :mod:`.well_kind`'s one answer (the register's yes/no
field, else the use; the status words of the rules file's ``screening.closure_list`` section).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd

from ..core.columns import REAL, TEXT, Column, column_names
from ..core.messages import register, text
from ..core.values import feature_label, listed_features, number_column
from .well_kind import UNKNOWN_TYPE, inactive_statuses, well_kinds
from .well_sites import COVERAGE_COLUMNS, PreparedScreening, screen_points

register(
    {
        "closure.kind_unknown": (
            "{n} well(s) are neither marked in '{field}' nor of a use the rules file's screening.well_types lists: not "
            "known to be self-supplied, not listed ({wells}).",
            "{n} 口井既未在“{field}”中注明，其用途也不在规则文件 screening.well_types 所列之中：无法确定是否为自备井，未列入"
            "清单（{wells}）。",
        ),
        "closure.by_use": (
            "{n} well(s) have no value in '{field}': their use decided whether they are self-supplied (rules file's "
            "screening.well_types).",
            "{n} 口井的“{field}”为空：按其用途判断是否为自备井（规则文件 screening.well_types）。",
        ),
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

CLOSURE_OUTPUT = (
    *COVERAGE_COLUMNS,
    Column("freed_m3", REAL, "the yearly volume the well draws, freed when it is switched to the network (m³/a)"),
    Column("freed_from", TEXT, "the field that volume was read from"),
)
CLOSURE_COLUMNS = column_names(CLOSURE_OUTPUT)


@dataclass
class ClosureList:
    """The selected wells and what the log should say about the rest."""

    rows: np.ndarray  # positions (0-based) of the selected wells in the input frame
    columns: pd.DataFrame  # CLOSURE_COLUMNS for the selected wells, row-aligned with ``rows``
    total_freed_m3: float
    counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def closure_list(
    prepared: PreparedScreening,
    wells: gpd.GeoDataFrame,
    *,
    self_supplied_field: str | None = "self_supplied",
    use_field: str | None = None,
    status_field: str | None = "status",
    volume_field: str = "metered_m3",
    fallback_volume_field: str | None = "permit_m3",
    id_field: str | None = "well_id",
) -> ClosureList:
    """Active self-supplied wells inside supply coverage, with the annual volume each draws.

    Self-supplied as :func:`.well_kind.well_kinds` decides for every tool: the register's ``self_supplied_field``
    where it has a value, else ``use_field`` by the rules file's lists (a well neither says is not listed, and the
    notes count it). Stopped, deregistered and sealed wells (``status_field``) are left out.
    """
    layer = prepared.layer_names["wells"]
    id_field = id_field if id_field and id_field in wells.columns else None
    notes: list[str] = []
    counts: dict[str, int] = {"wells": len(wells)}

    kinds = well_kinds(
        wells, prepared.rules, self_supplied_field=self_supplied_field, use_field=use_field, layer=layer, id_field=id_field
    )
    self_supplied = kinds.self_supplied
    counts["self_supplied"] = int(self_supplied.sum())
    by_use = int((~kinds.from_register).sum()) if self_supplied_field else 0
    if by_use and use_field:
        notes.append(text("closure.by_use", n=by_use, field=self_supplied_field))
    unknown = np.flatnonzero(kinds.kinds == UNKNOWN_TYPE)
    if len(unknown):
        notes.append(
            text(
                "closure.kind_unknown", n=len(unknown), field=self_supplied_field or use_field or "",
                wells=listed_features(wells, list(unknown), id_field),
            )
        )

    active = np.ones(len(wells), dtype=bool)
    if status_field:
        statuses = inactive_statuses(wells, status_field, prepared.rules, layer=layer)
        for status in prepared.rules.get("screening", "closure_list").get("inactive_status", {}):
            excluded = int(((statuses == status) & self_supplied).sum())
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
