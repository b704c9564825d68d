"""Initial allocation of agricultural water rights (农业用水权初始分配), notice item 12.

Each farmland parcel of a land-contract certificate (《土地承包经营权证》: contract no., household,
area in mu, crop) gets a water right of area × irrigation quota of its crop (m³/mu, rules file
``water_rights.irrigation_quota_m3_per_mu`` or a user table). Farm rights come from the
agricultural share of the township's red line (用水总量控制红线): item 7 (二(一) 7) reads
"坚持优质水资源优先保障城乡居民生活用水，禁止挤占基本生态用水和农田灌溉合理用水", so domestic and
ecological water are set aside first (shares of the red line, from an argument or the rules file
``water_rights.reserved_before_agriculture``; the notice sets no figure, so they are assumptions).
Where the parcels of a township together ask for more than that agricultural share, every parcel of
that township is scaled down by the same factor min(1, agricultural share / demand), so the
township's rights add up to it exactly. The per-parcel output is the list the water-rights
certificates (水权证) are printed from; the per-township output shows demand, red line, what is
reserved, the agricultural share and the factor.

Bad input stops the allocation with one message naming the features and the field, because a
parcel left out or zero-filled would change every other parcel's share in its township: unknown
crops (the known ones are listed), missing areas, contract numbers, red lines. Parcels whose
township is not in the townships layer are kept, reported, and get no right (no red line to
check it against).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..core.errors import EngineInputError
from ..core.messages import register, text
from ..core.registry_columns import flag_column
from ..core.rules import Rules
from ..core.values import feature_label, is_missing, listed_features, number_column, require_fields

register(
    {
        "water_rights.scope": (
            "Item 12 allocates water rights to users of public supply works (利用公共供水工程取水的用水户): {n} parcel(s) "
            "whose '{field}' says so get one; {other} do not.",
            "第12条对利用公共供水工程取水的用水户核定用水指标：{n} 个地块（“{field}”为是）分配水权；{other} 个不分配。",
        ),
        "water_rights.scope_assumed": (
            "Item 12 allocates water rights to users of public supply works (利用公共供水工程取水的用水户); no field says "
            "which parcels' users are, so every parcel is taken to be one (give PUBLIC_SUPPLY_FIELD to limit it).",
            "第12条对利用公共供水工程取水的用水户核定用水指标；未提供说明地块用水户是否利用公共供水工程取水的字段，"
            "所有地块均按此类用水户处理（提供 PUBLIC_SUPPLY_FIELD 可加以限定）。",
        ),
        "water_rights.not_public_supply": (
            "not a user of public supply works ('{field}'): outside item 12",
            "非利用公共供水工程取水的用水户（“{field}”）：不在第12条范围内",
        ),
        "water_rights.public_supply_unknown": (
            "'{field}' is empty: whether its user draws from public supply works is not known (item 12)",
            "“{field}”为空：无法确定其用水户是否利用公共供水工程取水（第12条）",
        ),
        "water_rights.scope_unknown": (
            "Layer '{layer}': {n} parcel(s) have no value in '{field}' and get no right until it is filled: {parcels}",
            "图层“{layer}”：{n} 个地块的“{field}”为空，填写之前不分配水权：{parcels}",
        ),
        "water_rights.no_crop": ("a quota row has no crop name", "定额表中有一行没有作物名称"),
        "water_rights.crop_twice": ("crop '{crop}' is given twice (also in {other})", "作物“{crop}”出现两次（另见 {other}）"),
        "water_rights.one_quota": ("keep one quota per crop", "每种作物只保留一个定额"),
        "water_rights.no_area": (
            "no area field was given and the parcels have no geometry to measure", "未指定面积字段，且地块没有可量算的几何"
        ),
        "water_rights.choose_area": (
            "choose the area field (mu), or use a polygon layer with a CRS", "请选择面积字段（亩），或使用有坐标参考系的面图层"
        ),
        "water_rights.no_geometry": (
            "{n} parcel(s) have no geometry, so their area cannot be measured: {parcels}", "{n} 个地块没有几何，无法量算面积：{parcels}"
        ),
        "water_rights.draw_them": ("draw them, or choose an area field", "请绘制这些地块，或选择面积字段"),
        "water_rights.not_polygons": ("parcels must be polygons to measure their area: {parcels}", "地块须为面才能量算面积：{parcels}"),
        "water_rights.use_polygons": (
            "use the farmland polygon layer, or choose an area field", "请使用耕地面图层，或选择面积字段"
        ),
        "water_rights.no_contract": ("{n} parcel(s) have no contract number: {parcels}", "{n} 个地块没有承包合同编号：{parcels}"),
        "water_rights.fill_contract": (
            "the water-rights certificate is issued on the land-contract certificate; fill in its number",
            "水权证依据土地承包经营权证发放；请填写其编号",
        ),
        "water_rights.no_household": (
            "layer '{layer}', field '{field}': {n} parcel(s) have no household: {parcels}",
            "图层“{layer}”，字段“{field}”：{n} 个地块没有承包户：{parcels}",
        ),
        "water_rights.unknown_crop": (
            "{n} parcel(s) have a crop with no irrigation quota: {parcels}", "{n} 个地块的作物没有灌溉定额：{parcels}"
        ),
        "water_rights.known_crops": (
            "known crops: {crops}; correct the crop, or add its quota (m³/mu) in a QUOTAS table or the rules file",
            "已知作物：{crops}；请更正作物，或在 QUOTAS 表或规则文件中添加其定额（m³/亩）",
        ),
        "water_rights.areas_measured": (
            "Parcel areas measured from the polygons (1 mu = {mu:g} m²).", "地块面积按面几何量算（1 亩 = {mu:g} m²）。"
        ),
        "water_rights.township_no_name": ("a township has no name", "有乡镇没有名称"),
        "water_rights.township_twice": ("township '{name}' appears twice", "乡镇“{name}”出现两次"),
        "water_rights.merge_townships": (
            "merge the two polygons or give them distinct names", "请合并这两个面，或为其取不同的名称"
        ),
        "water_rights.no_township_field": (
            "no township field was given and the layers have no geometry to locate parcels",
            "未指定乡镇字段，且图层没有可用于定位地块的几何",
        ),
        "water_rights.choose_township_field": ("choose the parcels' township field", "请选择地块的乡镇字段"),
        "water_rights.townships_by_location": (
            "Townships of parcels found by location in layer '{layer}'.", "地块所属乡镇按其在图层“{layer}”中的位置确定。"
        ),
        "water_rights.township_empty": ("township field '{field}' is empty", "乡镇字段“{field}”为空"),
        "water_rights.outside_townships": ("not inside any township polygon", "不在任何乡镇面内"),
        "water_rights.no_township": (
            "layer '{layer}': {n} parcel(s) have no township and get no right: {parcels}",
            "图层“{layer}”：{n} 个地块没有所属乡镇，不分配水权：{parcels}",
        ),
        "water_rights.township_unknown": (
            "township '{township}' is not in layer '{layer}': no red line", "乡镇“{township}”不在图层“{layer}”中：无用水总量控制红线"
        ),
        "water_rights.unmatched": (
            "layer '{layer}', field '{field}': {n} parcel(s) are in a township that layer '{townships_layer}' does not "
            "have, so they get no right: {parcels}; the townships there are: {townships}",
            "图层“{layer}”，字段“{field}”：{n} 个地块所属乡镇不在图层“{townships_layer}”中，不分配水权：{parcels}；"
            "该图层中的乡镇为：{townships}",
        ),
        "water_rights.bad_share": (
            "the {use} share of the red line must be between 0 and 1 (got {value})", "红线中 {use} 的比例须在 0 到 1 之间（实际为 {value}）"
        ),
        "water_rights.share_hint": (
            "a share is a fraction of the township's red line: 0.05 = 5 %", "比例为乡镇红线的分数：0.05 = 5%"
        ),
        "water_rights.shares_too_large": (
            "the shares set aside before farm water ({shares}) add up to {total:g}, more than the whole red line",
            "农业用水之前预留的比例（{shares}）合计 {total:g}，超过整个红线",
        ),
        "water_rights.lower_shares": ("lower the domestic or ecological share", "请降低生活或生态用水比例"),
        "water_rights.no_red_line": (
            "township '{township}' has {n} parcel(s) but no red line", "乡镇“{township}”有 {n} 个地块，但没有用水总量控制红线"
        ),
        "water_rights.fill_red_line": (
            "fill in the township's total-use red line (m³)", "请填写该乡镇的用水总量控制红线（m³）"
        ),
        "water_rights.overused": (
            "layer '{layer}', {feature}, field '{field}': {red_line:,.0f} m³ is below zero (the red line is overused), so "
            "nothing is left to allocate: the {n} parcel(s) there get a right of 0",
            "图层“{layer}”，{feature}，字段“{field}”：{red_line:,.0f} m³ 小于零（红线已超用），无水量可分配："
            "该处 {n} 个地块的水权为 0",
        ),
        "water_rights.kept": (
            " ({reserved:,.0f} m³ of it set aside first for domestic and ecological water)",
            "（其中 {reserved:,.0f} m³ 优先预留给生活和生态用水）",
        ),
        "water_rights.scaled": (
            "{township}: parcels ask for {demand:,.0f} m³, more than the {agricultural:,.0f} m³ the red line of "
            "{red_line:,.0f} m³ leaves for farming{kept}; every parcel there is scaled by {factor:.4f}.",
            "{township}：地块需水 {demand:,.0f} m³，超过 {red_line:,.0f} m³ 红线留给农业的 {agricultural:,.0f} m³{kept}；"
            "该乡镇每个地块按 {factor:.4f} 折算。",
        ),
        "water_rights.set_aside": (
            "Set aside before farm water rights (notice item 7: domestic water first, basic ecological water not "
            "squeezed): {shares} of each township's red line; {left:.1%} is left for farming.",
            "农业水权分配前预留（通知第7条：优先保障生活用水，不挤占基本生态用水）：各乡镇红线的 {shares}；"
            "{left:.1%} 留给农业。",
        ),
    }
)

PARCEL_COLUMNS = ("quota_m3_per_mu", "demand_m3", "scale_factor", "right_m3", "certificate_no", "problem")
TOWNSHIP_COLUMNS = (
    "township",
    "parcels_n",
    "area_mu",
    "demand_m3",
    "red_line_m3",
    "reserved_m3",  # domestic and ecological water set aside first (item 7)
    "agricultural_m3",  # what the red line leaves for farm rights
    "scale_factor",
    "allocated_m3",
)


def normalise_name(value: Any) -> str:
    """A name as compared: full-width folded, trimmed, lower case ('  Cotton ' == 'cotton')."""
    return unicodedata.normalize("NFKC", str(value)).strip().lower()


@dataclass(frozen=True)
class QuotaTable:
    """Irrigation quota (m³/mu) per crop, and every accepted spelling of each crop."""

    quota_m3_per_mu: dict[str, float]  # canonical crop -> quota
    aliases: dict[str, str]  # normalised spelling -> canonical crop
    origin: dict[str, str]  # canonical crop -> where its quota comes from

    @classmethod
    def from_rules(cls, rules: Rules) -> QuotaTable:
        quotas: dict[str, float] = {}
        origin: dict[str, str] = {}
        for crop in rules.get("water_rights", "irrigation_quota_m3_per_mu"):
            quotas[crop] = rules.value("water_rights", "irrigation_quota_m3_per_mu", crop)
            origin[crop] = f"rules file ({rules.source('water_rights', 'irrigation_quota_m3_per_mu', crop)})"
        aliases = {normalise_name(crop): crop for crop in quotas}
        crop_aliases = rules.data.get("water_rights", {}).get("crop_aliases", {})
        for crop, spellings in crop_aliases.items():
            if crop in quotas and isinstance(spellings, list):
                for spelling in spellings:
                    aliases[normalise_name(spelling)] = crop
        return cls(quotas, aliases, origin)

    def with_overrides(self, table: pd.DataFrame, crop_field: str, quota_field: str, layer: str) -> QuotaTable:
        """This table with the rows of a user quota table (crop, m³/mu) taking precedence."""
        require_fields(table, crop_field, quota_field, layer=layer)
        values = number_column(table, quota_field, layer=layer, id_field=crop_field, allow_missing=False)
        quotas = dict(self.quota_m3_per_mu)
        aliases = dict(self.aliases)
        origin = dict(self.origin)
        seen: dict[str, int] = {}
        for row, raw_crop in enumerate(table[crop_field].tolist()):
            if is_missing(raw_crop):
                raise EngineInputError(
                    text("water_rights.no_crop"), layer=layer, feature=feature_label(table, row), field=crop_field
                )
            spelling = normalise_name(raw_crop)
            crop = aliases.get(spelling, str(raw_crop).strip())
            if crop in seen:
                raise EngineInputError(
                    text("water_rights.crop_twice", crop=raw_crop, other=feature_label(table, seen[crop])),
                    layer=layer,
                    feature=feature_label(table, row),
                    field=crop_field,
                    hint=text("water_rights.one_quota"),
                )
            seen[crop] = row
            quotas[crop] = float(values[row])
            aliases[spelling] = crop
            aliases.setdefault(normalise_name(crop), crop)
            origin[crop] = f"quota table '{layer}'"
        return QuotaTable(quotas, aliases, origin)

    def known_crops_text(self) -> str:
        spellings: dict[str, list[str]] = {crop: [] for crop in self.quota_m3_per_mu}
        for spelling, crop in self.aliases.items():
            if spelling != normalise_name(crop):
                spellings[crop].append(spelling)
        return ", ".join(
            f"{crop} ({'/'.join(spellings[crop])})" if spellings[crop] else crop for crop in self.quota_m3_per_mu
        )


@dataclass
class WaterRightsResult:
    """Per-parcel rights (row i = input parcel i), per-township totals, and what to tell the user."""

    parcels: pd.DataFrame  # PARCEL_COLUMNS (+ area_mu when computed from geometry)
    townships: pd.DataFrame  # TOWNSHIP_COLUMNS (+ geometry when a townships layer was given)
    info: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _text_column(frame: pd.DataFrame, field_name: str, layer: str) -> list[Any]:
    require_fields(frame, field_name, layer=layer)
    return frame[field_name].tolist()


def parcel_areas_mu(parcels: pd.DataFrame, area_field: str | None, mu_m2: float, *, layer: str, id_field: str | None) -> np.ndarray:
    """Areas in mu: from ``area_field``, else from the polygons measured in a metric CRS."""
    if area_field:
        return number_column(parcels, area_field, layer=layer, id_field=id_field, allow_missing=False)
    from ..core.crs import working_crs

    if "geometry" not in getattr(parcels, "columns", []) or getattr(parcels, "crs", None) is None:
        raise EngineInputError(
            text("water_rights.no_area"),
            layer=layer,
            hint=text("water_rights.choose_area"),
        )
    geometry = parcels.geometry
    empty_rows = [int(r) for r in np.flatnonzero(geometry.isna().to_numpy() | geometry.is_empty.to_numpy())]
    if empty_rows:
        raise EngineInputError(
            text("water_rights.no_geometry", n=len(empty_rows), parcels=listed_features(parcels, empty_rows, id_field, limit=8)),
            layer=layer,
            hint=text("water_rights.draw_them"),
        )
    metric = geometry.to_crs(working_crs([parcels]))
    not_polygons = [int(r) for r in np.flatnonzero(~metric.geom_type.isin(["Polygon", "MultiPolygon"]).to_numpy())]
    if not_polygons:
        raise EngineInputError(
            text("water_rights.not_polygons", parcels=listed_features(parcels, not_polygons, id_field, limit=8)),
            layer=layer,
            hint=text("water_rights.use_polygons"),
        )
    return metric.area.to_numpy() / mu_m2


def _assign_townships_by_location(parcels, townships, name_field: str) -> list[Any]:
    """The township polygon containing each parcel's representative point (None if none)."""
    from ..core.crs import working_crs

    crs = working_crs([townships, parcels])
    points = parcels.geometry.to_crs(crs).representative_point()
    polygons = townships.geometry.to_crs(crs)
    names: list[Any] = [None] * len(parcels)
    for row, point in enumerate(points):
        if point is None or point.is_empty:
            continue
        hits = np.flatnonzero(polygons.contains(point).to_numpy())
        if len(hits):
            names[row] = townships[name_field].iloc[int(hits[0])]
    return names


@dataclass
class TownshipRedLines:
    """The townships layer read once: row of each (normalised) name, red lines, certificate codes."""

    index: dict[str, int] = field(default_factory=dict)
    red_lines: np.ndarray = field(default_factory=lambda: np.array([], dtype=float))
    codes: dict[str, str] = field(default_factory=dict)


def parcel_demand(
    parcels: pd.DataFrame,
    *,
    contract_field: str,
    household_field: str | None,
    area_field: str | None,
    crop_field: str,
    quotas: QuotaTable,
    mu_m2: float,
    layer: str,
    id_field: str,
    info: list[str],
    warnings: list[str],
) -> tuple[list[Any], np.ndarray, np.ndarray, np.ndarray]:
    """Item 12 (二(二) 12, 推进农业用水权初始分配): "根据《土地承包经营权证》确定的耕地位置和面积，核定用水指标".

    Each parcel's demand is its area (mu) × the irrigation quota of its crop (m³/mu). A parcel
    without a contract number or with a crop that has no quota stops the allocation (a parcel left
    out would change every other parcel's share). Returns contracts, area (mu), quota, demand (m³).
    """
    rows = len(parcels)
    contracts = _text_column(parcels, contract_field, layer)
    no_contract = [r for r in range(rows) if is_missing(contracts[r])]
    if no_contract:
        raise EngineInputError(
            text("water_rights.no_contract", n=len(no_contract), parcels=listed_features(parcels, no_contract, None, limit=8)),
            layer=layer,
            field=contract_field,
            hint=text("water_rights.fill_contract"),
        )
    if household_field:
        households = _text_column(parcels, household_field, layer)
        no_household = [r for r in range(rows) if is_missing(households[r])]
        if no_household:
            warnings.append(
                text(
                    "water_rights.no_household", layer=layer, field=household_field, n=len(no_household),
                    parcels=listed_features(parcels, no_household, id_field, limit=8),
                )
            )
    crops = _text_column(parcels, crop_field, layer)
    crop_keys: list[str | None] = [None if is_missing(crop) else quotas.aliases.get(normalise_name(crop)) for crop in crops]
    unknown = [r for r in range(rows) if crop_keys[r] is None]
    if unknown:
        raise EngineInputError(
            text(
                "water_rights.unknown_crop", n=len(unknown),
                parcels=listed_features(parcels, unknown, id_field, [crops[r] for r in unknown], limit=8),
            ),
            layer=layer,
            field=crop_field,
            hint=text("water_rights.known_crops", crops=quotas.known_crops_text()),
        )
    area_mu = parcel_areas_mu(parcels, area_field, mu_m2, layer=layer, id_field=id_field)
    if not area_field:
        info.append(text("water_rights.areas_measured", mu=mu_m2))
    quota = np.array([quotas.quota_m3_per_mu[key] for key in crop_keys], dtype=float)  # type: ignore[index]
    return contracts, area_mu, quota, area_mu * quota


def read_red_lines(
    townships: pd.DataFrame, *, name_field: str, red_line_field: str, code_field: str | None, layer: str
) -> TownshipRedLines:
    """Each township's red line (用水总量控制红线, m³) and certificate code; names must be present and unique."""
    names = _text_column(townships, name_field, layer)
    # Negative is allowed here: a "remaining" field goes below zero where the red line is overused.
    red_lines = number_column(townships, red_line_field, layer=layer, id_field=name_field, allow_missing=True, allow_negative=True)
    code_values = _text_column(townships, code_field, layer) if code_field else names
    read = TownshipRedLines(red_lines=red_lines)
    for row, name in enumerate(names):
        if is_missing(name):
            raise EngineInputError(
                text("water_rights.township_no_name"), layer=layer, feature=feature_label(townships, row), field=name_field
            )
        key = normalise_name(name)
        if key in read.index:
            raise EngineInputError(
                text("water_rights.township_twice", name=name),
                layer=layer,
                feature=feature_label(townships, row),
                field=name_field,
                hint=text("water_rights.merge_townships"),
            )
        read.index[key] = row
        code = code_values[row]
        read.codes[key] = str(name).strip() if is_missing(code) else str(code).strip()
    return read


def parcel_townships(
    parcels: pd.DataFrame,
    townships: pd.DataFrame | None,
    *,
    township_field: str | None,
    township_name_field: str,
    layer: str,
    townships_layer: str,
    info: list[str],
) -> list[str]:
    """The township name of each parcel ('' when unknown): from its field, else by location in ``townships``."""
    if township_field:
        found = _text_column(parcels, township_field, layer)
    elif townships is not None:
        if "geometry" not in getattr(parcels, "columns", []) or "geometry" not in getattr(townships, "columns", []):
            raise EngineInputError(
                text("water_rights.no_township_field"),
                layer=layer,
                hint=text("water_rights.choose_township_field"),
            )
        found = _assign_townships_by_location(parcels, townships, township_name_field)
        info.append(text("water_rights.townships_by_location", layer=townships_layer))
    else:
        found = [None] * len(parcels)
    return ["" if is_missing(t) else str(t).strip() for t in found]


def parcel_problems(
    parcels: pd.DataFrame,
    township_names: Sequence[str],
    townships: pd.DataFrame | None,
    red_lines: TownshipRedLines,
    *,
    township_field: str | None,
    township_name_field: str,
    layer: str,
    townships_layer: str,
    id_field: str,
    warnings: list[str],
) -> list[str | None]:
    """Why a parcel gets no right (None when it gets one): no township, or one the townships layer lacks."""
    rows = len(parcels)
    problems: list[str | None] = [None] * rows
    if township_field or townships is not None:
        no_township = [r for r in range(rows) if not township_names[r]]
        for r in no_township:
            problems[r] = (
                text("water_rights.township_empty", field=township_field) if township_field else text("water_rights.outside_townships")
            )
        if no_township:
            warnings.append(
                text(
                    "water_rights.no_township", layer=layer, n=len(no_township),
                    parcels=listed_features(parcels, no_township, id_field, limit=8),
                )
            )
    if townships is not None:
        unmatched = [r for r in range(rows) if township_names[r] and normalise_name(township_names[r]) not in red_lines.index]
        for r in unmatched:
            problems[r] = text("water_rights.township_unknown", township=township_names[r], layer=townships_layer)
        if unmatched:
            warnings.append(
                text(
                    "water_rights.unmatched", layer=layer, field=township_field, n=len(unmatched), townships_layer=townships_layer,
                    parcels=listed_features(parcels, unmatched, id_field, [township_names[r] for r in unmatched], limit=8),
                    townships=", ".join(str(n) for n in townships[township_name_field]),
                )
            )
    return problems


def reserved_shares_from_rules(rules: Rules) -> dict[str, float]:
    """The shares of the red line set aside before farm rights (domestic, ecological …), from the rules file."""
    entry = rules.get("water_rights", "reserved_before_agriculture")
    return {use: rules.value("water_rights", "reserved_before_agriculture", use) for use in entry if use != "source"}


def checked_reserved_share(reserved_shares: Mapping[str, float]) -> float:
    """The total share of the red line set aside; each share and their sum must lie in 0–1."""
    for use, share in reserved_shares.items():
        if share is None or not (0.0 <= float(share) <= 1.0):
            raise EngineInputError(
                text("water_rights.bad_share", use=use, value=share),
                field=f"{use.upper()}_SHARE",
                hint=text("water_rights.share_hint"),
            )
    total = float(sum(float(share) for share in reserved_shares.values()))
    if total > 1.0 + 1e-12:
        shown = " + ".join(f"{use} {float(share):g}" for use, share in reserved_shares.items())
        raise EngineInputError(
            text("water_rights.shares_too_large", shares=shown, total=total),
            hint=text("water_rights.lower_shares"),
        )
    return min(total, 1.0)


def agricultural_share(red_line_m3: float | None, reserved_share: float) -> tuple[float | None, float | None]:
    """(reserved m³, agricultural m³) of a red line: item 7 puts domestic and ecological water first.

    A red line below zero (a remaining quota already overused) reserves nothing more and leaves
    its negative remainder, so farm rights there are 0.
    """
    if red_line_m3 is None:
        return None, None
    reserved = max(0.0, red_line_m3) * reserved_share
    return reserved, red_line_m3 - reserved


def red_line_factor(demand_m3: float, red_line_m3: float | None) -> float:
    """The total-use red line (用水总量控制红线) of 二(二): item 10 "取水计划以自治区下达的用水总量控制指标为准";
    item 8 stops new abstraction beyond it.

    Every parcel of a township is scaled by min(1, red line / demand), so the township's rights add
    up to its red line exactly when it asks for more; a red line below zero (overused) leaves 0. No
    red line or no demand: 1 (nothing to scale).
    """
    if red_line_m3 is None or demand_m3 <= 0:
        return 1.0
    return min(1.0, max(0.0, red_line_m3) / demand_m3)


def certificate_number(township_code: str, contract: Any) -> str:
    """The water-rights certificate (水权证) number: township code, dash, land-contract number."""
    contract = str(contract).strip()
    return f"{township_code}-{contract}" if township_code else contract


def _township_order(township_names: Sequence[str], townships: pd.DataFrame | None, name_field: str) -> tuple[list[str], dict[str, str]]:
    """Township keys in the layer's order, then those only the parcels name (alphabetically); their display names."""
    order: list[str] = []
    display: dict[str, str] = {}
    if townships is not None:
        for name in townships[name_field].tolist():
            key = normalise_name(name)
            order.append(key)
            display[key] = str(name).strip()
    for key, name in sorted({(normalise_name(t), t) for t in township_names if t}, key=lambda kv: kv[1]):
        if key not in display:
            order.append(key)
            display[key] = name
    return order, display


def township_allocation(
    group_of: Sequence[str],
    area_mu: np.ndarray,
    demand: np.ndarray,
    townships: pd.DataFrame | None,
    red_lines: TownshipRedLines,
    *,
    township_names: Sequence[str],
    township_name_field: str,
    red_line_field: str,
    townships_layer: str,
    info: list[str],
    warnings: list[str],
    reserved_share: float = 0.0,
) -> tuple[pd.DataFrame, dict[str, float | None]]:
    """Per township: parcels, area, demand, red line, what is reserved, the agricultural share,
    :func:`red_line_factor` of the agricultural share and allocation (TOWNSHIP_COLUMNS).

    Also the factor of each township key (None for a township the townships layer does not have).
    """
    order, display = _township_order(township_names, townships, township_name_field)
    rows = len(group_of)
    factor_of: dict[str, float | None] = {}
    records = []
    for key in order:
        members = [r for r in range(rows) if group_of[r] == key]
        township_demand = float(demand[members].sum()) if members else 0.0
        red_line: float | None = None
        reserved: float | None = None
        agricultural: float | None = None
        if townships is not None and key in red_lines.index:
            row = red_lines.index[key]
            red_line = None if math.isnan(red_lines.red_lines[row]) else float(red_lines.red_lines[row])
            where = feature_label(townships, row, township_name_field)
            if red_line is None and members:
                raise EngineInputError(
                    text("water_rights.no_red_line", township=display[key], n=len(members)),
                    layer=townships_layer,
                    feature=where,
                    field=red_line_field,
                    hint=text("water_rights.fill_red_line"),
                )
            if red_line is not None and red_line < 0 and members:
                warnings.append(
                    text(
                        "water_rights.overused", layer=townships_layer, feature=where, field=red_line_field, red_line=red_line,
                        n=len(members),
                    )
                )
            reserved, agricultural = agricultural_share(red_line, reserved_share)
            factor: float | None = red_line_factor(township_demand, agricultural)
        elif townships is None:
            factor = 1.0  # no townships layer: no red line to scale to
        else:
            factor = None  # township unknown to the townships layer: reported with the parcels
        factor_of[key] = factor
        if factor is not None and factor < 1.0:
            kept = text("water_rights.kept", reserved=reserved) if reserved else ""
            info.append(
                text(
                    "water_rights.scaled", township=display[key], demand=township_demand, agricultural=agricultural,
                    red_line=red_line, kept=kept, factor=factor,
                )
            )
        records.append(
            {
                "township": display[key],
                "parcels_n": len(members),
                "area_mu": float(area_mu[members].sum()) if members else 0.0,
                "demand_m3": township_demand,
                "red_line_m3": red_line,
                "reserved_m3": reserved,
                "agricultural_m3": agricultural,
                "scale_factor": factor,
                "allocated_m3": None if factor is None else township_demand * factor,
            }
        )
    frame = pd.DataFrame.from_records(records, columns=list(TOWNSHIP_COLUMNS))
    for name in ("area_mu", "demand_m3", "red_line_m3", "reserved_m3", "agricultural_m3", "scale_factor", "allocated_m3"):
        frame[name] = frame[name].astype(float)
    frame["parcels_n"] = frame["parcels_n"].astype("int64")
    if townships is not None and "geometry" in getattr(townships, "columns", []):
        import geopandas as gpd

        geometries = [townships.geometry.iloc[red_lines.index[key]] if key in red_lines.index else None for key in order]
        frame = gpd.GeoDataFrame(frame, geometry=geometries, crs=townships.crs)
    return frame, factor_of


def allocate_water_rights(
    parcels: pd.DataFrame,
    *,
    contract_field: str,
    household_field: str | None,
    area_field: str | None,
    crop_field: str,
    township_field: str | None,
    quotas: QuotaTable,
    mu_m2: float,
    townships: pd.DataFrame | None = None,
    township_name_field: str = "name_zh",
    red_line_field: str = "red_line_m3",
    township_code_field: str | None = None,
    layer: str = "parcels",
    townships_layer: str = "townships",
    id_field: str | None = None,
    reserved_shares: Mapping[str, float] | None = None,
    rules: Rules | None = None,
    public_supply_field: str | None = None,
) -> WaterRightsResult:
    """Water right of every parcel, scaled per township to the agricultural share of its red line; see the module doc.

    ``reserved_shares``: share of the red line set aside per use before farm water ({'domestic': 0.05,
    'ecological': 0.1}; {} for none); None takes them from ``rules`` (``water_rights.reserved_before_agriculture``),
    or from the shipped rules file when no rules are given.

    Item 12 gives rights to users drawing water from public supply works (利用公共供水工程取水的用水户): with
    ``public_supply_field`` (yes/no per parcel) only those parcels get a right and count in their township's demand;
    the others are kept with no right and the reason in 'problem'. Without it every parcel is taken to be one, and the
    log says so.
    """
    id_field = id_field or contract_field
    info: list[str] = []
    warnings: list[str] = []
    if reserved_shares is None:
        from ..core.rules import load_rules

        reserved_shares = reserved_shares_from_rules(rules if rules is not None else load_rules())
    reserved_share = checked_reserved_share(reserved_shares)
    if townships is not None and reserved_share > 0:
        info.append(
            text(
                "water_rights.set_aside", shares=", ".join(f"{use} {float(share):.1%}" for use, share in reserved_shares.items()),
                left=1 - reserved_share,
            )
        )
    contracts, area_mu, quota, demand = parcel_demand(
        parcels, contract_field=contract_field, household_field=household_field, area_field=area_field,
        crop_field=crop_field, quotas=quotas, mu_m2=mu_m2, layer=layer, id_field=id_field, info=info, warnings=warnings,
    )
    red_lines = TownshipRedLines()
    if townships is not None:
        red_lines = read_red_lines(
            townships, name_field=township_name_field, red_line_field=red_line_field, code_field=township_code_field, layer=townships_layer
        )
    names = parcel_townships(
        parcels, townships, township_field=township_field, township_name_field=township_name_field,
        layer=layer, townships_layer=townships_layer, info=info,
    )
    problems = parcel_problems(
        parcels, names, townships, red_lines, township_field=township_field, township_name_field=township_name_field,
        layer=layer, townships_layer=townships_layer, id_field=id_field, warnings=warnings,
    )
    outside_scope = _outside_item_12(parcels, public_supply_field, layer, id_field, problems, info, warnings)
    group_of = [normalise_name(t) if t else "" for t in names]
    township_frame, factor_of = township_allocation(
        group_of, area_mu, np.where(outside_scope, 0.0, demand), townships, red_lines, township_names=names,
        township_name_field=township_name_field,
        red_line_field=red_line_field, townships_layer=townships_layer, info=info, warnings=warnings,
        reserved_share=reserved_share,
    )
    if township_field or townships is not None:
        scale = np.array([np.nan if problem or factor_of.get(g) is None else factor_of[g] for problem, g in zip(problems, group_of)])
    else:
        scale = np.where(outside_scope, np.nan, 1.0)
    certificates = [
        None if math.isnan(scale[r]) else certificate_number(red_lines.codes.get(group_of[r], names[r]), contracts[r])
        for r in range(len(parcels))
    ]
    parcel_frame = pd.DataFrame(
        {
            "quota_m3_per_mu": quota,
            "demand_m3": demand,
            "scale_factor": scale,
            "right_m3": demand * scale,
            "certificate_no": pd.Series(certificates, dtype=object),
            "problem": pd.Series(problems, dtype=object),
        }
    )
    if not area_field:
        parcel_frame.insert(0, "area_mu", area_mu)
    parcel_frame.index = parcels.index
    return WaterRightsResult(parcel_frame, township_frame, info, warnings)


def _outside_item_12(
    parcels: pd.DataFrame, field_name: str | None, layer: str, id_field: str | None, problems: list[str | None], info: list[str],
    warnings: list[str],
) -> np.ndarray:
    """Item 12's scope: 对利用公共供水工程取水的用水户. True for each parcel whose user does not draw from public supply
    works (or whose ``field_name`` is empty: not established); such a parcel gets no right and the reason in
    ``problems``. Without the field every parcel is in scope, and the log says so."""
    outside = np.zeros(len(parcels), dtype=bool)
    if not field_name:
        info.append(text("water_rights.scope_assumed"))
        return outside
    flags = flag_column(parcels, field_name, layer=layer, id_field=id_field)
    for row, flag in enumerate(flags):
        if flag is not True and problems[row] is None:
            key = "water_rights.not_public_supply" if flag is False else "water_rights.public_supply_unknown"
            problems[row] = text(key, field=field_name)
        outside[row] = flag is not True
    unknown = [row for row, flag in enumerate(flags) if flag is None]
    if unknown:
        warnings.append(text("water_rights.scope_unknown", layer=layer, field=field_name, n=len(unknown),
                             parcels=listed_features(parcels, unknown, id_field, limit=8)))
    info.append(text("water_rights.scope", field=field_name, n=int((~outside).sum()), other=int(outside.sum())))
    return outside


def quotas_from_mapping(mapping: Mapping[str, float]) -> QuotaTable:
    """A quota table from a plain {crop: m³/mu} mapping (tests, scripts)."""
    quotas = {str(crop): float(value) for crop, value in mapping.items()}
    return QuotaTable(quotas, {normalise_name(c): c for c in quotas}, {c: "given" for c in quotas})
