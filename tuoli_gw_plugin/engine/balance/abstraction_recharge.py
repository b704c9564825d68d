"""Abstraction against recharge per assessment unit: extraction coefficient, grade and the cut needed.

Notice 托政发规〔2024〕3号, item 7 (in section 二(一)), orders abstraction in over-extraction areas
strictly controlled and cut until abstraction and recharge balance (采补平衡); section 二(三) names the
severe areas. Per unit (township, zone or grid cell) this module
sums metered abstraction of the wells inside, the recharge volume from a mm/a raster (exact
area-weighted, see ``zonal``), allowable = ρ × recharge, the extraction coefficient
k = abstraction / allowable, the GB/T 34968 grade from the rules file, the reduction needed
max(0, abstraction − allowable), and optionally the worse of that grade and the water-level grade
and of induced problems (land subsidence, springs drying up …: a unit with one is severe).

A unit severe by water level or by induced problems while k says less is over-extracted all the
same (the recharge estimate is then too high): its cut is at least the rules file's share of its
abstraction (``severe_by_other_criteria_min_cut_share``), not 0. A water level too short to test
(``undetermined``) ranks above "none": a unit is never called not over-extracted on k alone when its
water level could not be graded.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS, Transformer

from ..core.columns import INTEGER64, REAL, TEXT, Column, column_names
from ..core.crs import working_crs
from ..core.errors import EngineInputError
from ..core.messages import register, text
from ..core.output_files import write_atomically
from ..core.rules import Rules
from ..core.values import feature_label, is_blank, is_null, listed_features, number_column, require_fields
from .trend import GRADE_ORDER, UNDETERMINED, unit_level_grades
from .zonal import RasterSource, geodesic_area_m2, geojson_mapping, zonal_sums

register(
    {
        "balance.grid_size": ("GRID_SIZE must be a positive number of metres", "GRID_SIZE 须为正的米数"),
        "balance.grid_too_large": (
            "a grid of {size:g} m over this extent has {n} cells (limit {limit})",
            "在此范围内 {size:g} m 的格网有 {n} 个格子（上限 {limit}）",
        ),
        "balance.larger_grid": ("choose a larger GRID_SIZE or give a UNITS layer", "请选择更大的 GRID_SIZE，或给出 UNITS 图层"),
        "balance.grid": (
            "Grid of {size:g} m: {n} cells over the wells and the recharge raster.",
            "{size:g} m 格网：覆盖机井和补给栅格共 {n} 个格子。",
        ),
        "balance.wells_no_geometry": (
            "Layer '{layer}': {n} well(s) have no geometry and are not counted in any unit: {wells}.",
            "图层“{layer}”：{n} 口井没有几何，未计入任何单元：{wells}。",
        ),
        "balance.wells_in_several_units": (
            "{n} well(s) lie in more than one unit (units overlap) and count in each.",
            "{n} 口井位于多个单元内（单元重叠），在每个单元中都计入。",
        ),
        "balance.wells_outside": (
            "Layer '{layer}': {n} well(s) lie outside every unit and are not in any unit's abstraction: {wells}.",
            "图层“{layer}”：{n} 口井不在任何单元内，未计入任何单元的开采量：{wells}。",
        ),
        "balance.give_levels": (
            "give the OUTPUT or OUTPUT_UNITS layer of tuoli_gw:water_level_trend",
            "请给出 tuoli_gw:water_level_trend 的 OUTPUT 或 OUTPUT_UNITS 图层",
        ),
        "balance.no_level_unit": (
            "Unit {unit}: no water-level unit of '{layer}' overlaps it; no level grade.",
            "单元 {unit}：“{layer}”中没有与其重叠的水位单元；无水位等级。",
        ),
        "balance.unknown_level_grade": ("unknown level grade {grade!r}", "未知的水位等级 {grade!r}"),
        "balance.level_grades": (
            "expected none, undetermined, general or severe (the output of tuoli_gw:water_level_trend)",
            "应为 none、undetermined、general 或 severe（tuoli_gw:water_level_trend 的输出）",
        ),
        "balance.bad_ratio": ("ALLOWABLE_RATIO must be a positive number (got {value})", "ALLOWABLE_RATIO 须为正数（实际为 {value}）"),
        "balance.ratio_hint": (
            "ρ is the share of recharge that may be abstracted, usually 0.5–1.0", "ρ 为补给量中可开采的比例，通常为 0.5–1.0"
        ),
        "balance.no_volume": (
            "Layer '{layer}', field '{field}': {n} well(s) have no volume; their abstraction is unknown and not counted: {wells}.",
            "图层“{layer}”，字段“{field}”：{n} 口井没有水量；其开采量未知，未计入：{wells}。",
        ),
        "balance.no_overlap": (
            "the recharge raster does not overlap any unit of '{layer}' (raster extent {raster_extent} in {crs}; units "
            "extent {units_extent} in the same CRS)",
            "补给栅格与“{layer}”的任何单元都不重叠（栅格范围 {raster_extent}，坐标系 {crs}；单元范围 {units_extent}，同一坐标系）",
        ),
        "balance.check_crs": (
            "check that both layers have the right CRS and cover the same area", "请检查两个图层的坐标参考系是否正确、是否覆盖同一区域"
        ),
        "balance.cancelled": ("cancelled", "已取消"),
        "balance.unit_no_geometry": (
            "Layer '{layer}', unit {unit}: no geometry; nothing computed for it.", "图层“{layer}”，单元 {unit}：没有几何；未作计算。"
        ),
        "balance.unit_repaired": (
            "Layer '{layer}', unit {unit}: invalid polygon ({reason}); repaired with make_valid before summing. Fix the "
            "outline (Vector ▸ Geometry Tools ▸ Fix Geometries) to silence this.",
            "图层“{layer}”，单元 {unit}：无效面（{reason}）；汇总前已用 make_valid 修复。"
            "请修正边界（矢量 ▸ 几何工具 ▸ 修复几何）以消除此提示。",
        ),
        "balance.unit_nodata": (
            "Unit {unit}: {n} recharge cell(s) without data ({km2:.3f} km², {percent:.1f} % of the unit) left out of the "
            "recharge volume.",
            "单元 {unit}：{n} 个补给像元无数据（{km2:.3f} km²，占单元 {percent:.1f}%），未计入补给量。",
        ),
        "balance.unit_outside_raster": (
            "Unit {unit}: {km2:.3f} km² ({percent:.1f} %) lies outside the recharge raster; its recharge is not counted.",
            "单元 {unit}：{km2:.3f} km²（{percent:.1f}%）位于补给栅格之外；该部分补给量未计入。",
        ),
        "balance.unit_no_data": (
            "Unit {unit}: the recharge raster has no data over it; recharge, allowable abstraction, coefficient and grade "
            "are left empty.",
            "单元 {unit}：补给栅格在其范围内无数据；补给量、可开采量、开采系数和等级留空。",
        ),
        "balance.nodata_total": (
            "{n} recharge cell(s) without data inside the units were left out in all.", "单元内共有 {n} 个无数据的补给像元未计入。"
        ),
        "balance.implausible_recharge": (
            "Layer '{layer}': the mean recharge over the units is {mean:.4g} mm/a, outside the plausible {low}–{high} mm/a: "
            "is the raster really in mm/a (not m/a, not m³ per cell)? Volumes assume mm/a.",
            "图层“{layer}”：单元平均补给量为 {mean:.4g} mm/a，超出合理范围 {low}–{high} mm/a："
            "栅格单位确为 mm/a 吗（而非 m/a 或每像元 m³）？水量按 mm/a 计算。",
        ),
        "balance.coefficient_undefined": (
            "Unit {unit}: recharge is {recharge:.0f} m³/a, so the extraction coefficient is undefined (division by zero); "
            "its grade comes from the water level only, if given.",
            "单元 {unit}：补给量为 {recharge:.0f} m³/a，开采系数无定义（除数为零）；其等级仅由水位确定（如有）。",
        ),
        "balance.no_grade": (
            "Unit {unit}: no grade (zero recharge and no LEVEL_GRADES given).", "单元 {unit}：无等级（补给量为零且未给出 LEVEL_GRADES）。"
        ),
        "balance.no_grade_at_all": (
            "Unit {unit}: neither the extraction coefficient nor the water level gives a grade.",
            "单元 {unit}：开采系数和水位都不能给出等级。",
        ),
        "balance.undetermined": (
            "Unit {unit}: the water-level record is too short to test, so the unit cannot be called not over-extracted; "
            "grade undetermined.",
            "单元 {unit}：水位记录太短，无法检验，不能认定为未超采；等级待定。",
        ),
        "balance.induced_no_geometry": (
            "Layer '{layer}': {n} induced problem(s) have no geometry and touch no unit: {features}.",
            "图层“{layer}”：{n} 个次生问题没有几何，不涉及任何单元：{features}。",
        ),
        "balance.induced_hits": (
            "Unit {unit}: {n} induced problem(s) of '{layer}' ({features}) grade it by induced problems.",
            "单元 {unit}：“{layer}”中 {n} 个次生问题（{features}）使其按次生问题定级。",
        ),
        "balance.induced_outside": (
            "Layer '{layer}': {n} induced problem(s) lie outside every unit: {features}.",
            "图层“{layer}”：{n} 个次生问题位于所有单元之外：{features}。",
        ),
        "balance.nothing": ("nothing", "无"),
        "balance.severe_cut": (
            "Unit {unit}: severe by {criterion} although the extraction coefficient says {grade}: cut needed at least "
            "{share:.2%} of its abstraction (rules file), {cut:,.0f} m³.",
            "单元 {unit}：按 {criterion} 为严重超采，而开采系数为 {grade}：需压减量至少为其开采量的 {share:.2%}"
            "（规则文件），即 {cut:,.0f} m³。",
        ),
    }
)

Reporter = Callable[[str, str], None]  # (level 'info' | 'warning', message)

BALANCE_OUTPUT = (
    Column("wells_n", INTEGER64, "wells counted in the unit"),
    Column("area_km2", REAL, "the unit's true area (km²)"),
    Column("abstraction_m3", REAL, "yearly abstraction of the unit's wells (m³/a)"),
    Column("recharge_m3", REAL, "yearly recharge over the unit, from the recharge raster (m³/a)"),
    Column("allowable_m3", REAL, "allowable abstraction: recharge times the rules file's allowable share (m³/a)"),
    Column("extraction_coef", REAL, "extraction coefficient k = abstraction / allowable abstraction"),
    Column("grade", TEXT, "over-extraction grade by k (GB/T 34968): none / general / severe"),
    Column("reduction_m3", REAL, "the cut needed to reach abstraction-recharge balance (m³/a)"),
)
LEVEL_OUTPUT = (
    Column("level_grade", TEXT, "grade by the sustained water-level decline"),
    Column("decline_m_per_a", REAL, "the unit's water-level decline (m/a)"),
    Column("final_grade", TEXT, "the stricter of the two grades"),
    Column("grade_criterion", TEXT, "which criterion gave the final grade"),
)
# With an INDUCED_PROBLEMS layer: the problems touching each unit (final_grade and grade_criterion too).
INDUCED_OUTPUT = (
    Column("induced_problems_n", INTEGER64, "induced problems (subsidence, fissures…) touching the unit"),
    Column("final_grade", TEXT, "the stricter of the grades"),
    Column("grade_criterion", TEXT, "which criterion gave the final grade"),
)
# The grid cells' own id when the units are a square grid.
GRID_CELL_COLUMN = Column("cell_id", TEXT, "the grid cell's id")
BALANCE_COLUMNS = list(column_names(BALANCE_OUTPUT))
LEVEL_COLUMNS = list(column_names(LEVEL_OUTPUT))
INDUCED_COLUMNS = list(column_names(INDUCED_OUTPUT))
INDUCED = "induced_problems"

# Field names tried, in order, to name a unit or a well in messages and on the chart.
UNIT_LABEL_CANDIDATES = ("name_zh", "name", "zone_name", "名称", "township", "unit_name", "zone_id", "cell_id", "id")
WELL_ID_CANDIDATES = ("well_id", "id", "permit_no")
_MAX_GRID_CELLS = 200_000
# k is reported and graded at this many decimals: k = 1.3 computed from volumes must grade as "at
# the threshold", not above it because of the last bits of a float or a 1e-9 projection scale.
_COEFFICIENT_DECIMALS = 6


def _no_report(level: str, message: str) -> None:
    return None


@dataclass
class BalanceResult:
    """New columns per unit (row i = unit i) and what the map and chart need."""

    columns: pd.DataFrame
    unit_labels: list[str]
    area_m2: np.ndarray
    units_raster_crs: gpd.GeoSeries
    messages: list[tuple[str, str]] = field(default_factory=list)


def first_present(frame: pd.DataFrame, candidates: tuple[str, ...]) -> str | None:
    lower = {str(c).lower(): c for c in frame.columns}
    for name in candidates:
        if name.lower() in lower:
            return lower[name.lower()]
    return None


def unit_labels_for(units: pd.DataFrame) -> list[str]:
    """How to name each unit to a user: its name field when it has one, else its feature id."""
    name_field = first_present(units, UNIT_LABEL_CANDIDATES)
    labels = []
    for row in range(len(units)):
        value = units[name_field].iloc[row] if name_field else None
        if is_blank(value):
            labels.append(feature_label(units, row))
        else:
            labels.append(str(value))
    return labels


def grade_extraction(coefficient: float | None, rules: Rules) -> str | None:
    """'none' / 'general' / 'severe' from k; None when k is undefined."""
    if coefficient is None or math.isnan(coefficient):
        return None
    general_above = rules.value("over_extraction_grading", "extraction_coefficient", "general_above")
    severe_above = rules.value("over_extraction_grading", "extraction_coefficient", "severe_above")
    shown = round(coefficient, _COEFFICIENT_DECIMALS)  # grade what the user sees in extraction_coef
    if shown > severe_above:
        return "severe"
    if shown > general_above:
        return "general"
    return "none"


def worse_grade(extraction: str | None, level: str | None) -> tuple[str | None, str | None]:
    """(final grade, criterion that set it: 'extraction_coef' / 'water_level' / 'both').

    ``undetermined`` (a water level too short to test) outranks "none" and is outranked by a real
    grade: k = 0.8 with an untestable level is undetermined, not "not over-extracted".
    """
    if extraction is None and level is None:
        return None, None
    if level is None:
        return extraction, "extraction_coef"
    if extraction is None:
        return level, "water_level"
    if GRADE_ORDER[extraction] > GRADE_ORDER[level]:
        return extraction, "extraction_coef"
    if GRADE_ORDER[level] > GRADE_ORDER[extraction]:
        return level, "water_level"
    return extraction, "both"


def with_induced_problems(
    final: str | None, criterion: str | None, induced_n: int, induced_grade: str = "severe"
) -> tuple[str | None, str | None]:
    """The final grade once induced problems are counted: a unit with any is at least ``induced_grade``.

    The criterion names every indicator that sets the grade: 'induced_problems' alone, or joined to
    the others with '+' ('extraction_coef+induced_problems', 'water_level+induced_problems',
    'extraction_coef+water_level+induced_problems' where 'both' set it too).
    """
    if induced_n <= 0:
        return final, criterion
    if final is None or GRADE_ORDER[final] < GRADE_ORDER[induced_grade]:
        return induced_grade, INDUCED
    if GRADE_ORDER[final] > GRADE_ORDER[induced_grade]:
        return final, criterion
    others = "extraction_coef+water_level" if criterion == "both" else criterion
    return final, f"{others}+{INDUCED}" if others else INDUCED


def _min_cut_share(rules: Rules) -> float:
    return rules.value("over_extraction_grading", "severe_by_other_criteria_min_cut_share")


def cut_needed(reduction_m3: float | None, abstraction_m3: float, grade: str | None, final_grade: str | None, rules: Rules) -> float | None:
    """The cut a unit needs: max(0, abstraction − allowable), and when the water level or induced
    problems grade it severe while k does not, at least the rules file's share of its abstraction.

    Item 7 orders over-extraction cut until 采补平衡; a unit severe by level with k ≤ 1 is over-extracted
    all the same (its recharge is overestimated), so its cut is not 0.
    """
    if final_grade != "severe" or grade == "severe":
        return reduction_m3
    floor = _min_cut_share(rules) * abstraction_m3
    return round(max(reduction_m3 or 0.0, floor), 3)


def _raster_footprint(raster: RasterSource, target_crs: CRS):
    """The raster's extent as a polygon in ``target_crs`` (edges densified)."""
    left, bottom, right, top = raster.bounds
    footprint = shapely.segmentize(shapely.box(left, bottom, right, top), max(right - left, top - bottom) / 50)
    if CRS.from_user_input(target_crs) == raster.crs:
        return footprint
    transformer = Transformer.from_crs(raster.crs, target_crs, always_xy=True)
    return shapely.transform(footprint, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))


def square_grid(
    wells: gpd.GeoDataFrame, raster: RasterSource, grid_size_m: float, *, report: Reporter = _no_report
) -> gpd.GeoDataFrame:
    """Square cells of ``grid_size_m`` over the wells' and the raster's extent, in a metric CRS.

    Cells are kept when they overlap the raster or hold a well; ``cell_id`` is 'r<row>c<col>'.
    """
    if not grid_size_m or grid_size_m <= 0:
        raise EngineInputError(text("balance.grid_size"), field="GRID_SIZE")
    raster_box = gpd.GeoDataFrame(geometry=[shapely.box(*raster.bounds)], crs=raster.crs)
    metric = working_crs([wells, raster_box])
    footprint = _raster_footprint(raster, metric)
    points = wells.geometry.to_crs(metric) if len(wells) else gpd.GeoSeries([], crs=metric)
    points = points[points.notna() & ~points.is_empty]
    bounds = np.array(footprint.bounds)
    if len(points):
        pb = points.total_bounds
        bounds = np.array([min(bounds[0], pb[0]), min(bounds[1], pb[1]), max(bounds[2], pb[2]), max(bounds[3], pb[3])])
    x0 = math.floor(bounds[0] / grid_size_m) * grid_size_m
    y0 = math.floor(bounds[1] / grid_size_m) * grid_size_m
    cols = max(1, math.ceil((bounds[2] - x0) / grid_size_m))
    rows = max(1, math.ceil((bounds[3] - y0) / grid_size_m))
    if rows * cols > _MAX_GRID_CELLS:
        raise EngineInputError(
            text("balance.grid_too_large", size=grid_size_m, n=rows * cols, limit=_MAX_GRID_CELLS),
            field="GRID_SIZE",
            hint=text("balance.larger_grid"),
        )
    col_idx, row_idx = np.meshgrid(np.arange(cols), np.arange(rows))
    col_idx, row_idx = col_idx.ravel(), row_idx.ravel()
    xmin = x0 + col_idx * grid_size_m
    ymax = y0 + (rows - row_idx) * grid_size_m
    cells = shapely.box(xmin, ymax - grid_size_m, xmin + grid_size_m, ymax)
    keep = shapely.intersects(cells, footprint)
    if len(points):
        keep |= np.asarray(gpd.GeoSeries(cells).intersects(points.union_all() if hasattr(points, "union_all") else points.unary_union))
    grid = gpd.GeoDataFrame(
        {"cell_id": [f"r{r}c{c}" for r, c in zip(row_idx[keep], col_idx[keep])]},
        geometry=cells[keep],
        crs=metric,
    )
    report("info", text("balance.grid", size=grid_size_m, n=len(grid)))
    return grid


def assign_wells(
    wells: gpd.GeoDataFrame, units: gpd.GeoDataFrame, *, wells_layer: str, well_id_field: str | None, report: Reporter
) -> list[np.ndarray]:
    """For each unit, the row indices of the wells inside (boundary wells go to one unit only)."""
    metric = working_crs([units, wells])
    unit_geoms = units.geometry.to_crs(metric).values
    well_geoms = wells.geometry.to_crs(metric).values if len(wells) else np.array([], dtype=object)
    valid = ~(shapely.is_missing(well_geoms) | shapely.is_empty(well_geoms))  # no geometry, or an empty one
    if (~valid).any():
        rows = np.flatnonzero(~valid)
        names = ", ".join(feature_label(wells, int(r), well_id_field) for r in rows[:10])
        report(
            "warning",
            text("balance.wells_no_geometry", layer=wells_layer, n=len(rows), wells=names + (" …" if len(rows) > 10 else "")),
        )
    tree = shapely.STRtree(unit_geoms)
    members: list[list[int]] = [[] for _ in range(len(units))]
    valid_rows = np.flatnonzero(valid)
    placed = np.zeros(len(wells), dtype=bool)
    if len(valid_rows):
        # within(well, unit) is contains(unit, well): with a tree of the wells, each unit is prepared
        # once and tests its candidate wells, instead of every well against an unprepared outline.
        unit_idx, well_idx = shapely.STRtree(well_geoms[valid_rows]).query(unit_geoms, predicate="contains")
        for w, u in zip(valid_rows[well_idx], unit_idx):
            members[u].append(int(w))
            placed[w] = True
        # On a shared boundary a well is "within" no unit: give it to the first unit that covers it.
        edge_rows = valid_rows[~placed[valid_rows]]
        if len(edge_rows):
            well_idx, unit_idx = tree.query(well_geoms[edge_rows], predicate="intersects")
            for w, u in zip(edge_rows[well_idx], unit_idx):
                if not placed[w]:
                    members[u].append(int(w))
                    placed[w] = True
    counts = np.zeros(len(wells), dtype=int)
    for rows in members:
        counts[rows] += 1
    if (counts > 1).any():
        report("warning", text("balance.wells_in_several_units", n=int((counts > 1).sum())))
    outside = np.flatnonzero(valid & ~placed)
    if len(outside):
        names = listed_features(wells, outside, well_id_field, limit=20, more=" …")
        report(
            "warning",
            text("balance.wells_outside", layer=wells_layer, n=len(outside), wells=names),
        )
    return [np.array(sorted(set(rows)), dtype=int) for rows in members]


def attach_level_grades(
    units: gpd.GeoDataFrame,
    levels: gpd.GeoDataFrame,
    rules: Rules,
    *,
    levels_layer: str,
    unit_labels: list[str],
    report: Reporter,
) -> pd.DataFrame:
    """level_grade and decline_m_per_a per unit from the water-level trend output.

    Polygons (the per-unit output of water_level_trend): each unit takes the level polygon it
    overlaps most. Points (the per-station output): the unit's stations are aggregated like
    water_level_trend does it (median rate, sustained when half of them decline significantly).
    """
    geom_types = set(levels.geometry.dropna().geom_type)
    is_points = bool(geom_types) and geom_types <= {"Point", "MultiPoint"}
    needed = ("decline_m_per_a",) if is_points else ("level_grade", "decline_m_per_a")
    require_fields(levels, *needed, layer=levels_layer, hint=text("balance.give_levels"))
    number_column(levels, "decline_m_per_a", layer=levels_layer, allow_negative=True)  # clear error if text
    if is_points:
        aggregated = unit_level_grades(units, levels, rules, unit_labels=unit_labels)
        return aggregated[["level_grade", "decline_m_per_a"]]
    metric = working_crs([units, levels])
    unit_geoms = units.geometry.to_crs(metric).values
    level_geoms = levels.geometry.to_crs(metric).values
    grades = levels["level_grade"].tolist()
    rates = number_column(levels, "decline_m_per_a", layer=levels_layer, allow_negative=True)
    out_grades: list[str | None] = []
    out_rates: list[float | None] = []
    for row, unit_geom in enumerate(unit_geoms):
        best = None
        if unit_geom is not None and not unit_geom.is_empty:
            with np.errstate(invalid="ignore"):  # GEOS's internal NaN flag, as in zonal.py: not an error
                overlaps = shapely.area(shapely.intersection(unit_geom, level_geoms))
            overlaps = np.nan_to_num(np.asarray(overlaps, dtype=float))
            if len(overlaps) and overlaps.max() > 0:
                best = int(np.argmax(overlaps))
        if best is None:
            report("info", text("balance.no_level_unit", unit=unit_labels[row], layer=levels_layer))
            out_grades.append(None)
            out_rates.append(None)
            continue
        grade = grades[best]
        grade = None if is_null(grade) else str(grade).strip().lower()
        if grade is not None and grade not in GRADE_ORDER:
            raise EngineInputError(
                text("balance.unknown_level_grade", grade=grades[best]),
                layer=levels_layer,
                feature=feature_label(levels, best),
                field="level_grade",
                hint=text("balance.level_grades"),
            )
        out_grades.append(grade)
        out_rates.append(None if math.isnan(rates[best]) else float(rates[best]))
    return pd.DataFrame({"level_grade": out_grades, "decline_m_per_a": out_rates})


def _polygonal_part(geometry):
    """The polygons of a repaired geometry (make_valid can add stray lines or points)."""
    polygons = [p for p in shapely.get_parts(geometry) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(polygons) if polygons else shapely.Polygon()


@dataclass(frozen=True)
class UnitBalance:
    """One unit's balance: k (None when undefined), its grade and the cut to reach 采补平衡."""

    coefficient: float | None
    grade: str | None
    reduction_m3: float | None


def unit_balance(abstraction_m3: float, recharge_m3: float, allowable_ratio: float, rules: Rules) -> UnitBalance:
    """Item 7 (二(一) 7): "在地下水超采地区，严格控制开采地下水，压缩地下水开采量，逐步达到采补平衡".

    GB/T 34968 as the rules file sets it: allowable = ρ × recharge, k = abstraction / allowable
    (rounded to 6 decimals, and graded as shown), and the cut needed max(0, abstraction − allowable).
    Unknown recharge (NaN) gives nothing; allowable ≤ 0 gives the cut but no k and no grade.
    """
    if math.isnan(recharge_m3):
        return UnitBalance(None, None, None)
    allowable = allowable_ratio * recharge_m3
    reduction = max(0.0, abstraction_m3 - allowable)
    if allowable <= 0:
        return UnitBalance(None, None, reduction)
    k = abstraction_m3 / allowable
    return UnitBalance(round(k, _COEFFICIENT_DECIMALS), grade_extraction(k, rules), reduction)


def _checked_allowable_ratio(allowable_ratio: float | None, rules: Rules) -> float:
    """ρ as given, else the rules file's default; refused unless a positive finite number."""
    if allowable_ratio is None:
        allowable_ratio = rules.value("over_extraction_grading", "default_allowable_ratio")
    if not (allowable_ratio > 0) or math.isinf(allowable_ratio):
        raise EngineInputError(
            text("balance.bad_ratio", value=allowable_ratio),
            field="ALLOWABLE_RATIO",
            hint=text("balance.ratio_hint"),
        )
    return allowable_ratio


def _well_volumes(wells: gpd.GeoDataFrame, volume_field: str, wells_layer: str, well_id_field: str | None, say: Reporter) -> np.ndarray:
    """Metered volume per well (NaN where missing: not counted, and said so)."""
    volumes = number_column(wells, volume_field, layer=wells_layer, id_field=well_id_field)
    missing_volume = np.flatnonzero(np.isnan(volumes))
    if len(missing_volume):
        names = listed_features(wells, missing_volume, well_id_field, limit=10, more=" …")
        say(
            "warning",
            text("balance.no_volume", layer=wells_layer, field=volume_field, n=len(missing_volume), wells=names),
        )
    return volumes


def unit_recharge(
    units: gpd.GeoDataFrame,
    raster: RasterSource,
    rules: Rules,
    labels: list[str],
    *,
    units_layer: str,
    say: Reporter,
    is_canceled: Callable[[], bool],
    progress: Callable[[float], None],
) -> tuple[np.ndarray, np.ndarray, gpd.GeoSeries]:
    """Recharge volume (m³/a, NaN where the raster has no data) and true ground area (m²) per unit.

    Units go into the raster's CRS to pick cells; invalid outlines are repaired and said so. Also
    the units in the raster's CRS (for the map).
    """
    units_in_raster = units.geometry.to_crs(raster.crs)
    footprint = shapely.box(*raster.bounds)
    if not any(g is not None and not g.is_empty and g.intersects(footprint) for g in units_in_raster.values):
        raise EngineInputError(
            text(
                "balance.no_overlap", layer=units_layer, raster_extent=tuple(round(v, 3) for v in raster.bounds),
                crs=raster.crs.to_string(), units_extent=tuple(round(v, 3) for v in units_in_raster.total_bounds),
            ),
            layer=raster.label,
            hint=text("balance.check_crs"),
        )
    recharge_m3 = np.full(len(units), np.nan)
    area_m2 = np.zeros(len(units))
    mean_mm_weighted, covered_total = 0.0, 0.0
    total_nodata_cells = 0
    summed: list = [None] * len(units)  # each unit's outline as summed (repaired when invalid)
    for row, geometry in enumerate(units_in_raster.values):
        if is_canceled():
            raise EngineInputError(text("balance.cancelled"))
        if geometry is None or geometry.is_empty:
            say("warning", text("balance.unit_no_geometry", layer=units_layer, unit=labels[row]))
            continue
        unit_geometry = units.geometry.values[row]
        if not shapely.is_valid(geometry) or not shapely.is_valid(unit_geometry):
            # A self-intersecting outline (bow-tie) breaks the overlay; its valid form keeps the
            # area the surveyor drew, so repair it and say so rather than fail or guess.
            say(
                "warning",
                text("balance.unit_repaired", layer=units_layer, unit=labels[row], reason=shapely.is_valid_reason(unit_geometry)),
            )
            geometry = _polygonal_part(shapely.make_valid(geometry))
            unit_geometry = _polygonal_part(shapely.make_valid(unit_geometry))
        area_m2[row] = geodesic_area_m2(unit_geometry, units.crs)
        summed[row] = geometry

    def block_done(share: float) -> None:
        if is_canceled():
            raise EngineInputError(text("balance.cancelled"))
        progress(80.0 * share)

    # All units in one pass over the raster; the log below still goes unit by unit.
    sums = zonal_sums(raster, summed, on_block=block_done)
    for row, zonal in enumerate(sums):
        if summed[row] is None:
            continue
        total_nodata_cells += zonal.nodata_cells
        if zonal.nodata_cells:
            say(
                "info",
                text(
                    "balance.unit_nodata", unit=labels[row], n=zonal.nodata_cells, km2=zonal.nodata_area_m2 / 1e6,
                    percent=100 * zonal.nodata_area_m2 / max(area_m2[row], 1),
                ),
            )
        if zonal.outside_area_m2 > 0:
            say(
                "warning",
                text(
                    "balance.unit_outside_raster", unit=labels[row], km2=zonal.outside_area_m2 / 1e6,
                    percent=100 * zonal.outside_area_m2 / max(area_m2[row], 1),
                ),
            )
        if zonal.covered_area_m2 <= 0:
            say(
                "warning",
                text("balance.unit_no_data", unit=labels[row]),
            )
            continue
        recharge_m3[row] = zonal.weighted_sum / 1000.0  # mm × m² → m³
        mean_mm_weighted += zonal.weighted_sum
        covered_total += zonal.covered_area_m2
    if total_nodata_cells:
        say("info", text("balance.nodata_total", n=total_nodata_cells))
    fill_note = raster.fill_note()
    if fill_note:
        say("warning", fill_note)
    if covered_total > 0:
        _check_recharge_units(mean_mm_weighted / covered_total, raster.label, rules, say)
    return recharge_m3, area_m2, units_in_raster


def _check_recharge_units(mean_mm: float, raster_label: str, rules: Rules, say: Reporter) -> None:
    """Warn when the mean recharge is implausible for mm/a (a raster in m/a or m³ per cell)."""
    plausible = rules.get("over_extraction_grading", "recharge_plausible_mm_per_a")
    # The signed mean: a negative mean is not "plausible" because its size is.
    if not (float(plausible["min"]) <= mean_mm <= float(plausible["max"])):
        say(
            "warning",
            text("balance.implausible_recharge", layer=raster_label, mean=mean_mm, low=plausible["min"], high=plausible["max"]),
        )


def _graded_columns(
    wells_n: np.ndarray,
    area_m2: np.ndarray,
    abstraction: np.ndarray,
    recharge_m3: np.ndarray,
    allowable_ratio: float,
    rules: Rules,
    labels: list[str],
    say: Reporter,
) -> pd.DataFrame:
    """BALANCE_COLUMNS: :func:`unit_balance` of every unit, rounded for the output layer."""
    allowable = allowable_ratio * recharge_m3
    # numpy scalars on purpose: k is rounded by numpy's rounding, as it always was
    balances = [unit_balance(abstraction[row], recharge_m3[row], allowable_ratio, rules) for row in range(len(labels))]
    for row, balance in enumerate(balances):
        if balance.reduction_m3 is not None and balance.coefficient is None:
            say(
                "warning",
                text("balance.coefficient_undefined", unit=labels[row], recharge=recharge_m3[row]),
            )
    return pd.DataFrame(
        {
            "wells_n": wells_n,
            "area_km2": np.round(area_m2 / 1e6, 6),
            "abstraction_m3": np.round(abstraction, 3),
            "recharge_m3": [None if math.isnan(v) else round(float(v), 3) for v in recharge_m3],
            "allowable_m3": [None if math.isnan(v) else round(float(v), 3) for v in allowable],
            "extraction_coef": [b.coefficient for b in balances],
            "grade": [b.grade for b in balances],
            "reduction_m3": [None if b.reduction_m3 is None else round(b.reduction_m3, 3) for b in balances],
        }
    )


def _add_level_grades(
    columns: pd.DataFrame,
    units: gpd.GeoDataFrame,
    level_grades: gpd.GeoDataFrame | None,
    recharge_m3: np.ndarray,
    rules: Rules,
    labels: list[str],
    *,
    levels_layer: str,
    say: Reporter,
) -> None:
    """LEVEL_COLUMNS when water-level grades are given (the final grade is the worse one); a warning per ungraded unit."""
    if level_grades is None:
        for row, grade in enumerate(columns["grade"]):
            if grade is None and not math.isnan(recharge_m3[row]):
                say("warning", text("balance.no_grade", unit=labels[row]))
        return
    levels = attach_level_grades(units, level_grades, rules, levels_layer=levels_layer, unit_labels=labels, report=say)
    columns["level_grade"] = levels["level_grade"].tolist()
    columns["decline_m_per_a"] = levels["decline_m_per_a"].tolist()
    finals = [worse_grade(g, lg) for g, lg in zip(columns["grade"], columns["level_grade"])]
    columns["final_grade"] = [f[0] for f in finals]
    columns["grade_criterion"] = [f[1] for f in finals]
    for row, (final, _criterion) in enumerate(finals):
        if final is None:
            say("warning", text("balance.no_grade_at_all", unit=labels[row]))
        elif final == UNDETERMINED:
            say(
                "warning",
                text("balance.undetermined", unit=labels[row]),
            )


def count_induced_problems(
    units: gpd.GeoDataFrame, problems: gpd.GeoDataFrame, labels: list[str], *, induced_layer: str, say: Reporter
) -> np.ndarray:
    """Induced problems (points or polygons: land subsidence, springs drying up …) touching each unit."""
    metric = working_crs([units, problems])
    unit_geoms = units.geometry.to_crs(metric).values
    problem_geoms = problems.geometry.to_crs(metric).values if len(problems) else np.array([], dtype=object)
    valid = np.array([g is not None and not g.is_empty for g in problem_geoms], dtype=bool)
    if (~valid).any():
        say(
            "warning",
            text(
                "balance.induced_no_geometry", layer=induced_layer, n=int((~valid).sum()),
                features=listed_features(problems, np.flatnonzero(~valid), None, limit=10, more=" …"),
            ),
        )
    counts = np.zeros(len(units), dtype=int)
    touched = np.zeros(len(problems), dtype=bool)
    if valid.any():
        tree = shapely.STRtree(problem_geoms[valid])
        rows = np.flatnonzero(valid)
        for row, unit_geom in enumerate(unit_geoms):
            if unit_geom is None or unit_geom.is_empty:
                continue
            hits = rows[tree.query(unit_geom, predicate="intersects")]
            counts[row] = len(hits)
            touched[hits] = True
            if len(hits):
                say(
                    "info",
                    text(
                        "balance.induced_hits", unit=labels[row], n=len(hits), layer=induced_layer,
                        features=listed_features(problems, hits, None, limit=5, more=" …"),
                    ),
                )
    outside = np.flatnonzero(valid & ~touched)
    if len(outside):
        say(
            "warning",
            text(
                "balance.induced_outside", layer=induced_layer, n=len(outside),
                features=listed_features(problems, outside, None, limit=10, more=" …"),
            ),
        )
    return counts


def _add_induced_problems(
    columns: pd.DataFrame,
    units: gpd.GeoDataFrame,
    induced_problems: gpd.GeoDataFrame | None,
    rules: Rules,
    labels: list[str],
    *,
    induced_layer: str,
    say: Reporter,
) -> None:
    """INDUCED_COLUMNS when an induced-problems layer is given: any problem makes the unit severe (GB/T 34968)."""
    if induced_problems is None:
        return
    counts = count_induced_problems(units, induced_problems, labels, induced_layer=induced_layer, say=say)
    induced_grade = rules.get("over_extraction_grading", "induced_problems")["grade"]
    if "final_grade" in columns.columns:
        start = list(zip(columns["final_grade"], columns["grade_criterion"]))
    else:
        start = [(g, None if g is None else "extraction_coef") for g in columns["grade"]]
    finals = [with_induced_problems(f, c, int(n), induced_grade) for (f, c), n in zip(start, counts)]
    columns["induced_problems_n"] = counts
    columns["final_grade"] = [f[0] for f in finals]
    columns["grade_criterion"] = [f[1] for f in finals]


def _apply_cut_floor(columns: pd.DataFrame, rules: Rules, labels: list[str], say: Reporter) -> None:
    """reduction_m3 of units severe by water level or induced problems but not by k: see :func:`cut_needed`."""
    if "final_grade" not in columns.columns:
        return
    share = _min_cut_share(rules)
    cuts = []
    for row, (reduction, abstraction, grade, final) in enumerate(
        zip(columns["reduction_m3"], columns["abstraction_m3"], columns["grade"], columns["final_grade"])
    ):
        reduction = None if is_null(reduction) else float(reduction)
        cut = cut_needed(reduction, float(abstraction), grade, final, rules)
        if cut != reduction:
            say(
                "info",
                text(
                    "balance.severe_cut", unit=labels[row], criterion=columns["grade_criterion"].iloc[row],
                    grade=grade or text("balance.nothing"), share=share, cut=cut,
                ),
            )
        cuts.append(cut)
    columns["reduction_m3"] = cuts


def compute_balance(
    wells: gpd.GeoDataFrame,
    units: gpd.GeoDataFrame,
    raster: RasterSource,
    rules: Rules,
    *,
    volume_field: str = "metered_m3",
    allowable_ratio: float | None = None,
    level_grades: gpd.GeoDataFrame | None = None,
    induced_problems: gpd.GeoDataFrame | None = None,
    wells_layer: str = "WELLS",
    units_layer: str = "UNITS",
    levels_layer: str = "LEVEL_GRADES",
    induced_layer: str = "INDUCED_PROBLEMS",
    report: Reporter = _no_report,
    is_canceled: Callable[[], bool] = lambda: False,
    progress: Callable[[float], None] = lambda percent: None,
) -> BalanceResult:
    """The balance per unit; row i of ``columns`` belongs to unit i.

    ``induced_problems`` (optional): points or polygons of problems induced by abstraction (GB/T
    34968: land subsidence, ground fissures, springs drying up …); a unit touching one is severe,
    with 'induced_problems' in grade_criterion, and gets the INDUCED_COLUMNS.
    """
    messages: list[tuple[str, str]] = []

    def say(level: str, message: str) -> None:
        messages.append((level, message))
        report(level, message)

    allowable_ratio = _checked_allowable_ratio(allowable_ratio, rules)
    well_id_field = first_present(wells, WELL_ID_CANDIDATES)
    volumes = _well_volumes(wells, volume_field, wells_layer, well_id_field, say)
    labels = unit_labels_for(units)
    recharge_m3, area_m2, units_in_raster = unit_recharge(
        units, raster, rules, labels, units_layer=units_layer, say=say, is_canceled=is_canceled, progress=progress
    )
    progress(85.0)
    members = assign_wells(wells, units, wells_layer=wells_layer, well_id_field=well_id_field, report=say)
    wells_n = np.array([len(m) for m in members], dtype=int)
    abstraction = np.array([float(np.nansum(volumes[m])) if len(m) else 0.0 for m in members])
    columns = _graded_columns(wells_n, area_m2, abstraction, recharge_m3, allowable_ratio, rules, labels, say)
    _add_level_grades(columns, units, level_grades, recharge_m3, rules, labels, levels_layer=levels_layer, say=say)
    _add_induced_problems(columns, units, induced_problems, rules, labels, induced_layer=induced_layer, say=say)
    _apply_cut_floor(columns, rules, labels, say)
    progress(95.0)
    return BalanceResult(columns, labels, area_m2, units_in_raster, messages)


def balance_grid(raster: RasterSource, result: BalanceResult) -> np.ndarray:
    """Net balance per recharge cell in mm/a: recharge − the unit's abstraction spread over its area.

    Cells outside every unit or without recharge are NaN. A cell belongs to the unit its centre
    falls in (the last one listed where units overlap).
    """
    from rasterio.features import rasterize

    abstraction = result.columns["abstraction_m3"].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        spread_mm = np.where(result.area_m2 > 0, abstraction / result.area_m2 * 1000.0, np.nan)
    shapes = [
        (geojson_mapping(geometry), index + 1)
        for index, geometry in enumerate(result.units_raster_crs.values)
        if geometry is not None and not geometry.is_empty
    ]
    unit_index = rasterize(
        shapes, out_shape=(raster.height, raster.width), transform=raster.transform, fill=0, dtype="int32"
    )
    recharge = raster.read(0, raster.height, 0, raster.width)
    lookup = np.concatenate([[np.nan], spread_mm])
    return (recharge - lookup[unit_index]).astype(np.float32)


def write_balance_raster(raster: RasterSource, result: BalanceResult, path: str) -> np.ndarray:
    """Write :func:`balance_grid` as a compressed GeoTIFF on the recharge raster's grid."""
    import rasterio

    grid = balance_grid(raster, result)
    nodata = np.float32(-9999.0)
    profile = {
        "driver": "GTiff",
        "width": raster.width,
        "height": raster.height,
        "count": 1,
        "dtype": "float32",
        "crs": raster.dataset.crs,
        "transform": raster.transform,
        "nodata": float(nodata),
        "compress": "deflate",
        "tiled": raster.width >= 256 and raster.height >= 256,
    }

    def write(temporary: Path) -> None:
        with rasterio.open(temporary, "w", **profile) as out:
            out.write(np.where(np.isnan(grid), nodata, grid), 1)
            out.set_band_description(1, "net balance mm/a (recharge - abstraction spread over its unit)")

    write_atomically(path, write, layer_label="balance raster")
    return grid
