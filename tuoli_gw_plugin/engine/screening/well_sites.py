"""Well-site screening: the verdict on a (proposed) well from supply coverage, zones and red line.

Notice 托政发规〔2024〕3号 item 13 bans new self-supplied wells inside public supply-network
coverage, section 二(三) and item 7 stop new abstraction in severe over-extraction zones and
restrict it in general ones, and item 8 suspends new abstraction where a township's red line is
used up. This module turns those rules (verdicts, reason codes and legal basis all read from the
rules file's ``screening`` section) into a verdict per well.

The layers are prepared once (:func:`prepare_screening`: validated, repaired, projected into one
metric CRS, indexed with shapely STRtrees); then :func:`screen_points` screens any number of wells
in bulk with vectorised tree queries, and :func:`screen_point` answers one map click. The same
code path serves the Processing algorithms and the map tool, so a reviewer sees one rule.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS, Transformer

from ..core.chunk_pool import configured_workers, run_in_order
from ..core.columns import BOOLEAN, REAL, TEXT, Column, column_names
from ..core.crs import working_crs as choose_working_crs
from ..core.errors import EngineCancelledError, EngineInputError
from ..core.messages import register, text
from ..core.rules import Rules
from ..core.values import date_column, feature_label, is_blank, is_null, listed_features, number_column, require_fields
from .well_kind import (  # noqa: F401 - the kinds are re-exported: screening's callers name them from here
    OTHER_TYPE,
    SELF_SUPPLIED,
    UNKNOWN_TYPE,
    kinds_of_uses,
    normal_word,
    per_distinct_use,
    well_kinds,
    well_type_words,
)

register(
    {
        "screening.bad_verdict": (
            "rules entry '{key}' has verdict {verdict!r}; use one of {verdicts}",
            "规则条目“{key}”的结论为 {verdict!r}；请用 {verdicts} 之一",
        ),
        "screening.should_hold": ("it should hold {what}", "该字段应为{what}"),
        "screening.no_crs": ("the layer has no coordinate reference system", "图层没有坐标参考系"),
        "screening.set_crs": (
            "set its CRS (in QGIS: Layer Properties ▸ Source) so distances can be measured in metres",
            "请设置其坐标参考系（QGIS：图层属性 ▸ 源），以便按米量算距离",
        ),
        "screening.no_geometry_ignored": (
            "Layer '{layer}': {n} feature(s) without geometry were ignored ({features}).",
            "图层“{layer}”：{n} 个没有几何的要素已忽略（{features}）。",
        ),
        "screening.not_polygon": ("geometry is a {kind}, not a polygon", "几何为 {kind}，不是面"),
        "screening.give_polygons": ("give a polygon layer here", "此处请给出面图层"),
        "screening.and_more": (" and more", " 等"),
        "screening.repaired": (
            "Layer '{layer}': {n} invalid polygon(s) were repaired before screening: {features}{more}. Fix them at the "
            "source so other tools agree.",
            "图层“{layer}”：{n} 个无效面在筛查前已修复：{features}{more}。请在源数据中修正，使其他工具结果一致。",
        ),
        "screening.bad_coverage_distance": (
            "the coverage distance must be a number of metres >= 0, not {value}", "覆盖距离须为不小于 0 的米数，而不是 {value}"
        ),
        "screening.what_grade": ("the zone grade: severe / general, or 严重 / 一般", "超采区等级：severe / general 或 严重 / 一般"),
        "screening.what_zone_name": ("the zone name", "超采区名称"),
        "screening.unknown_grade": (
            "{n} zone(s) have an unknown or empty grade: {features}", "{n} 个超采区的等级未知或为空：{features}"
        ),
        "screening.accepted_grades": (
            "accepted grades are: {grades} (add other spellings to the rules file's zone_grades aliases)",
            "可用的等级为：{grades}（其他写法请加入规则文件的 zone_grades 别名）",
        ),
        "screening.no_pipes": (
            "Layer '{layer}' has no features with geometry: no well is covered by a pipe.",
            "图层“{layer}”没有带几何的要素：没有井位于供水管网覆盖范围内。",
        ),
        "screening.what_township": ("the township name", "乡镇名称"),
        "screening.what_remaining": (
            "the remaining red-line quota in m³ (notice item 8)", "用水总量控制红线剩余指标（m³，通知第8条）"
        ),
        "screening.no_remaining": (
            "Layer '{layer}': {n} township(s) have no value in '{field}' ({features}); their red line is not checked.",
            "图层“{layer}”：{n} 个乡镇的“{field}”为空（{features}）；未核查其用水总量控制红线。",
        ),
        "screening.no_supply_layer": (
            "no supply layer given: supply coverage (notice item 13) needs supply pipes, supply areas or both",
            "未提供供水图层：判断公共供水管网覆盖范围（通知第13条）需要供水管网、供水覆盖范围或两者",
        ),
        "screening.give_supply": (
            "give the public supply pipes (SUPPLY_PIPES) or the supply coverage areas (SUPPLY_AREAS)",
            "请给出公共供水管网（SUPPLY_PIPES）或供水覆盖范围（SUPPLY_AREAS）",
        ),
        "screening.no_areas": (
            "Layer '{layer}' has no polygons: no well is inside a supply area.", "图层“{layer}”没有面：没有井位于供水覆盖范围内。"
        ),
        "screening.unknown_language": ("unknown language {value!r}; use 'en' or 'zh'", "未知的语言 {value!r}；请用 'en' 或 'zh'"),
        "screening.not_points": (
            "{n} feature(s) are not points (the first is a {kind})", "{n} 个要素不是点（第一个为 {kind}）"
        ),
        "screening.use_points": (
            "screening needs well locations as points; use a point layer", "筛查需要以点表示的井位；请使用点图层"
        ),
    }
)

# The columns every screening output shares: where the well stands against supply coverage and townships.
COVERAGE_COLUMNS = (
    Column("supply_distance_m", REAL, "distance to the nearest public supply pipe (m)"),
    Column("in_supply_coverage", BOOLEAN, "inside public supply coverage (supply areas, or within the coverage distance of a pipe)"),
    Column("township", TEXT, "the township the well lies in"),
)
# Output columns of screen_points, in this order (a public contract of tuoli_gw:screen_well_sites).
SCREENING_COLUMNS = (
    Column("verdict", TEXT, "prohibited / restricted / allowed, or outside (no verdict outside the mapped area)"),
    Column("reasons", TEXT, "the reason codes behind the verdict, separated by ;"),
    Column("basis", TEXT, "the legal basis of each reason, quoted from the rules file"),
    Column("zone_name", TEXT, "the over-extraction zone the well lies in"),
    Column("zone_grade", TEXT, "that zone's grade (severe / general)"),
    *COVERAGE_COLUMNS,
    Column("well_type", TEXT, "self_supplied / other / unknown: the register's own field, else the intended use (item 13)"),
    Column("red_line_checked", BOOLEAN, "whether the township's remaining red-line quota was checked (item 8)"),
)
OUTPUT_COLUMNS = column_names(SCREENING_COLUMNS)

REASON_SEPARATOR = ";"
NO_GEOMETRY = "no_geometry"
SUPPLY_COVERAGE = "supply_coverage"
RED_LINE_EXHAUSTED = "red_line_exhausted"
ALLOWED = "allowed"
# A location the layers say nothing about gets no verdict, never an all-clear (see outside_mapped_area).
OUTSIDE = "outside"
OUTSIDE_MAPPED_AREA = "outside_mapped_area"

# Severity of a verdict, to combine several reasons: the strictest wins.
VERDICT_SEVERITY = {"allowed": 0, "restricted": 1, "prohibited": 2}

# The words for the verdicts and reason codes screening writes (messages: "words for codes"): the panel, the
# reports and the permit documents all show these. The bases are the rules file's; the two below are not legal
# texts (they say why there is no verdict), so they live here rather than in the rules file.
register(
    {
        "verdict.prohibited": ("prohibited", "禁止"),
        "verdict.restricted": ("restricted", "限制"),
        "verdict.allowed": ("allowed", "允许"),
        "verdict.outside": ("outside the mapped area — no verdict", "图层范围外——不作结论"),
        "verdict.no_geometry": ("no location", "无位置"),
        "reason.supply_coverage": (
            "inside public supply coverage, self-supplied well (item 13)",
            "公共供水管网覆盖范围内的自备井（第13条）",
        ),
        "reason.supply_coverage_not_self_supplied": (
            "inside public supply coverage, not a self-supplied well: item 13 does not apply",
            "位于公共供水管网覆盖范围内，非自备井：不适用第13条",
        ),
        "reason.supply_coverage_type_unknown": (
            "inside public supply coverage, type not given (item 13)", "位于公共供水管网覆盖范围内，井的类型未注明（第13条）",
        ),
        "reason.severe_zone": ("severe over-extraction zone (二(三), item 7)", "严重超采区（二（三）、第7条）"),
        "reason.general_zone": ("general over-extraction zone (item 7)", "一般超采区（第7条）"),
        "reason.red_line_exhausted": ("red line used up (item 8)", "用水总量指标已用完（第8条）"),
        "reason.request_over_remaining_quota": ("request above the remaining quota (item 8)", "申请水量超过剩余指标（第8条）"),
        "reason.statutory_exception": ("statutory exception for this kind of well (Decree 748)", "法定例外情形（《地下水管理条例》）"),
        "reason.outside_mapped_area": ("outside the mapped area", "位于图层覆盖范围之外"),
        "reason.no_geometry": ("no location", "无位置"),
        "screening.no_geometry_basis": (
            "The feature has no location (empty geometry): place it on the map and screen it again.",
            "该要素没有位置（几何为空）：请在地图上定位后重新筛查。",
        ),
        "screening.outside_basis": (
            "Outside the mapped area (outside the townships layer or, without one, outside the extent of the zones "
            "and supply layers): no verdict. Check the location, or screen it with layers that cover it.",
            "位于图层覆盖范围之外（不在乡镇图层内；无乡镇图层时不在超采区和供水图层的范围内）：不作结论。"
            "请核对位置，或用覆盖该位置的图层重新筛查。",
        ),
    }
)

DEFAULT_LAYER_NAMES = {
    "zones": "over-extraction zones",
    "pipes": "supply pipes",
    "supply_areas": "supply areas",
    "townships": "townships",
    "wells": "wells",
}

_POLYGONAL = {"Polygon", "MultiPolygon"}
_PUNTAL = {"Point", "MultiPoint"}


@dataclass
class ReasonRule:
    """One reason code with the verdict it gives and its legal basis in both languages."""

    code: str
    verdict: str
    basis: dict[str, str]


@dataclass
class PreparedScreening:
    """Layers ready for screening: projected into ``work_crs`` and indexed once."""

    rules: Rules
    work_crs: CRS
    layer_names: dict[str, str]
    # over-extraction zones
    zone_geometries: np.ndarray
    zone_grades: np.ndarray  # canonical grade keys ('severe', 'general', ...)
    zone_names: np.ndarray
    zone_tree: shapely.STRtree
    grade_rules: dict[str, ReasonRule]  # canonical grade -> its reason
    grade_rank: dict[str, int]  # higher = stricter; decides which zone names the well
    # supply coverage
    pipe_geometries: np.ndarray | None
    pipe_tree: shapely.STRtree | None
    coverage_distance_m: float | None
    area_geometries: np.ndarray | None
    area_tree: shapely.STRtree | None
    coverage_rule: ReasonRule
    # red line
    township_geometries: np.ndarray | None
    township_names: np.ndarray | None
    township_remaining_m3: np.ndarray | None
    township_tree: shapely.STRtree | None
    red_line_rule: ReasonRule
    # exempt uses and the allowed verdict
    exempt_aliases: dict[str, str]
    exempt_rule: ReasonRule
    allowed_basis: dict[str, str]
    # item 13 names self-supplied wells only; item 8 and a request larger than the remaining quota
    well_type_words: dict[str, str] = field(default_factory=dict)  # lower-cased use -> SELF_SUPPLIED / OTHER_TYPE
    unknown_type_rule: ReasonRule | None = None
    request_rule: ReasonRule | None = None
    allowed_basis_unchecked: dict[str, str] = field(default_factory=dict)
    # in coverage but no 自备井: item 13 does not apply (said so); the allowed basis then says "in coverage" too
    not_self_supplied_rule: ReasonRule | None = None
    allowed_basis_in_coverage: dict[str, dict[str, str]] = field(default_factory=dict)  # checked / unchecked -> texts
    exempt_in_coverage: frozenset[str] = frozenset()  # the exempt kinds whose exception holds inside coverage too
    township_rank: np.ndarray | None = None  # which township a boundary point belongs to (township_priority)
    warnings: list[str] = field(default_factory=list)
    _transformers: dict[str, Transformer] = field(default_factory=dict, repr=False)

    @property
    def has_pipes(self) -> bool:
        return self.pipe_tree is not None

    @property
    def has_areas(self) -> bool:
        return self.area_tree is not None

    def transformer_from(self, crs: Any) -> Transformer | None:
        """A cached transformer from ``crs`` into the working CRS (None when they are the same)."""
        source = CRS.from_user_input(crs)
        key = source.to_wkt()
        if key not in self._transformers:
            self._transformers[key] = None if source == self.work_crs else Transformer.from_crs(source, self.work_crs, always_xy=True)
        return self._transformers[key]


# -- preparing the layers ------------------------------------------------------------------------
def _basis(node: dict[str, Any]) -> dict[str, str]:
    return {"en": str(node.get("basis_en", "")), "zh": str(node.get("basis_zh", node.get("basis_en", "")))}


def _reason_rule(rules: Rules, key: str) -> ReasonRule:
    node = rules.get("screening", key)
    return ReasonRule(code=str(node.get("reason", key)), verdict=str(node.get("verdict", "prohibited")), basis=_basis(node))


def _check_verdict(rules: Rules, verdict: str, where: str) -> None:
    if verdict not in VERDICT_SEVERITY:
        raise EngineInputError(
            text("screening.bad_verdict", key=where, verdict=verdict, verdicts=", ".join(VERDICT_SEVERITY)),
            layer=str(rules.path),
        )


def _require_field(frame: gpd.GeoDataFrame, field_name: str, layer: str, what: str) -> None:
    require_fields(frame, field_name, layer=layer, what=text("screening.should_hold", what=what))


def _projected_geometries(frame: gpd.GeoDataFrame, layer: str, work_crs: CRS) -> np.ndarray:
    if frame.crs is None:
        raise EngineInputError(text("screening.no_crs"), layer=layer, hint=text("screening.set_crs"))
    series = frame.geometry
    if CRS.from_user_input(frame.crs) != work_crs:
        series = series.to_crs(work_crs)
    geometries = np.asarray(series.values, dtype=object)
    # Empty geometries behave like missing ones: they are nowhere (is_empty of a missing one is False).
    empty = shapely.is_empty(geometries)
    geometries[empty] = None
    return geometries


def _polygons(
    frame: gpd.GeoDataFrame, layer: str, work_crs: CRS, id_field: str | None, warnings: list[str]
) -> tuple[np.ndarray, np.ndarray]:
    """Projected polygons (invalid ones repaired) and the row positions they come from."""
    geometries = _projected_geometries(frame, layer, work_crs)
    present = ~shapely.is_missing(geometries)
    missing_rows = np.flatnonzero(~present)
    if len(missing_rows):
        labels = ", ".join(feature_label(frame, int(r), id_field) for r in missing_rows[:5])
        warnings.append(text("screening.no_geometry_ignored", layer=layer, n=len(missing_rows), features=labels))
    rows = np.flatnonzero(present)
    geometries = geometries[rows]
    types = shapely.get_type_id(geometries)
    not_polygonal = rows[(types != 3) & (types != 6)]  # 3 Polygon, 6 MultiPolygon
    if len(not_polygonal):
        row = int(not_polygonal[0])
        raise EngineInputError(
            text("screening.not_polygon", kind=frame.geometry.iloc[row].geom_type),
            layer=layer,
            feature=feature_label(frame, row, id_field),
            hint=text("screening.give_polygons"),
        )
    invalid = np.flatnonzero(~shapely.is_valid(geometries))
    if len(invalid):
        examples = []
        for position in invalid[:5]:
            reason = shapely.is_valid_reason(geometries[position])
            examples.append(f"{feature_label(frame, int(rows[position]), id_field)} ({reason})")
        repaired = shapely.make_valid(geometries[invalid])
        # make_valid may return a collection with stray lines or points from a collapsed ring: keep the area.
        geometries[invalid] = [_polygonal_part(g) for g in repaired]
        warnings.append(
            text(
                "screening.repaired", layer=layer, n=len(invalid), features=", ".join(examples),
                more=text("screening.and_more") if len(invalid) > 5 else "",
            )
        )
    return geometries, rows


def _polygonal_part(geometry: shapely.Geometry) -> shapely.Geometry:
    if geometry.geom_type in _POLYGONAL:
        return geometry
    parts = [g for g in shapely.get_parts(geometry) if g.geom_type in _POLYGONAL]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def _line_parts(geometries: np.ndarray) -> np.ndarray:
    """Pipes as single lines: multi-lines split into their parts, so one long multi-line does not make
    every well measure the whole network. Distances are unchanged."""
    return np.asarray(shapely.get_parts(geometries), dtype=object)


def zone_grade_rules(rules: Rules) -> tuple[dict[str, ReasonRule], dict[str, int]]:
    """Over-extraction zones: section 二(三) names the severe areas (阿克别里斗乡、多拉特乡为严重超采区,
    "逐步压减地下水超采水量"); item 7 in 二(一): "在地下水超采地区，严格控制开采地下水，压缩地下水开采量".

    The reason and verdict of each grade come from the rules file's ``screening.zone_grades``, and
    a rank per grade (higher = stricter): the stricter verdict first, then the grade listed first,
    decides which zone names a well that lies in several.
    """
    grade_rules: dict[str, ReasonRule] = {}
    grade_rank: dict[str, int] = {}
    for position, (grade, node) in enumerate(rules.get("screening", "zone_grades").items()):
        rule = ReasonRule(code=str(node.get("reason", f"{grade}_zone")), verdict=str(node["verdict"]), basis=_basis(node))
        _check_verdict(rules, rule.verdict, f"screening.zone_grades.{grade}.verdict")
        grade_rules[grade] = rule
        grade_rank[grade] = VERDICT_SEVERITY[rule.verdict] * 1000 - position
    return grade_rules, grade_rank


def exempt_use_rule(rules: Rules) -> tuple[ReasonRule, dict[str, str]]:
    """The statutory exceptions inside a zone (emergency supply, domestic supply without another
    source, monitoring): Decree 748 (地下水管理条例), not the notice, so the basis is the rules file's.

    Returns the rule (its verdict in a zone) and every accepted spelling of each exempt use.
    """
    node = rules.get("screening", "exempt_uses")
    rule = ReasonRule(
        code=str(node.get("reason", "statutory_exception")),
        verdict=str(node.get("verdict_in_zone", "restricted")),
        basis=_basis(node),
    )
    _check_verdict(rules, rule.verdict, "screening.exempt_uses.verdict_in_zone")
    aliases: dict[str, str] = {}
    for use in node.get("values", []):
        for alias in [use, *node.get("aliases", {}).get(use, [])]:
            aliases[normal_word(alias)] = use
    return rule, aliases


def exempt_kinds_inside_coverage(rules: Rules) -> frozenset[str]:
    """The statutory exceptions that hold inside public supply coverage too (the rules file's
    ``screening.exempt_uses.inside_supply_coverage``): emergency supply and monitoring do not depend on there being no
    other source; "domestic supply without an alternative source" cannot be claimed where the network is one."""
    node = rules.get("screening", "exempt_uses").get("inside_supply_coverage", {})
    return frozenset(str(kind) for kind in node.get("values", []))


def _checked_coverage_distance(coverage_distance_m: float | None, rules: Rules, pipes_layer: str) -> float:
    """The coverage distance in metres (default: the rules file's); refused unless finite and >= 0."""
    if coverage_distance_m is None:
        coverage_distance_m = rules.value("screening", "default_coverage_distance_m")
    coverage_distance_m = float(coverage_distance_m)
    if not math.isfinite(coverage_distance_m) or coverage_distance_m < 0:
        raise EngineInputError(text("screening.bad_coverage_distance", value=coverage_distance_m), layer=pipes_layer)
    return coverage_distance_m


def _prepared_zones(
    zones: gpd.GeoDataFrame | None, grade_field: str, name_field: str | None, rules: Rules, layer: str, work: CRS, warnings: list[str]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Zone polygons, canonical grades and names (empty without a zone layer); an unknown grade is an error."""
    if zones is None:
        return np.array([], dtype=object), np.array([], dtype=object), np.array([], dtype=object)
    aliases = rules.zone_grade_aliases()
    _require_field(zones, grade_field, layer, text("screening.what_grade"))
    if name_field:
        _require_field(zones, name_field, layer, text("screening.what_zone_name"))
    zone_geometries, rows = _polygons(zones, layer, work, name_field, warnings)
    canonical = []
    unknown: list[tuple[int, Any]] = []
    for row, value in zip(rows, zones[grade_field].to_numpy(dtype=object)[rows]):
        grade = None if is_null(value) else aliases.get(str(value).strip().lower())
        if grade is None:
            unknown.append((int(row), value))
        canonical.append(grade)
    if unknown:
        raise EngineInputError(
            text(
                "screening.unknown_grade", n=len(unknown),
                features=listed_features(zones, [r for r, _ in unknown], name_field, [v for _, v in unknown], more=""),
            ),
            layer=layer,
            feature=feature_label(zones, unknown[0][0], name_field),
            field=grade_field,
            hint=text("screening.accepted_grades", grades=", ".join(sorted(aliases))),
        )
    zone_names = (
        np.array([None if is_null(v) else str(v) for v in zones[name_field].to_numpy(dtype=object)[rows]], dtype=object)
        if name_field
        else np.full(len(rows), None, dtype=object)
    )
    return zone_geometries, np.array(canonical, dtype=object), zone_names


def _prepared_pipes(pipes: gpd.GeoDataFrame, layer: str, work: CRS, warnings: list[str]) -> np.ndarray:
    """The pipes as single lines in the working CRS (features without geometry dropped)."""
    pipe_geometries = _projected_geometries(pipes, layer, work)
    pipe_geometries = _line_parts(pipe_geometries[~shapely.is_missing(pipe_geometries)])
    if len(pipe_geometries) == 0:
        warnings.append(text("screening.no_pipes", layer=layer))
    return pipe_geometries


def _prepared_townships(
    townships: gpd.GeoDataFrame, name_field: str, remaining_field: str | None, layer: str, work: CRS, warnings: list[str]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Township polygons, names and remaining red-line quota (m³; NaN = not checked, said so)."""
    _require_field(townships, name_field, layer, text("screening.what_township"))
    if remaining_field:
        _require_field(townships, remaining_field, layer, text("screening.what_remaining"))
    township_geometries, rows = _polygons(townships, layer, work, name_field, warnings)
    township_names = np.array(
        [None if is_null(v) else str(v) for v in townships[name_field].to_numpy(dtype=object)[rows]],
        dtype=object,
    )
    if not remaining_field:
        return township_geometries, township_names, np.full(len(rows), np.nan)
    remaining = number_column(townships, remaining_field, layer=layer, id_field=name_field, allow_negative=True)[rows]
    unknown_rows = rows[np.isnan(remaining)]
    if len(unknown_rows):
        warnings.append(
            text(
                "screening.no_remaining", layer=layer, n=len(unknown_rows), field=remaining_field,
                features=", ".join(feature_label(townships, int(r), name_field) for r in unknown_rows[:5]),
            )
        )
    return township_geometries, township_names, remaining


def prepare_screening(
    zones: gpd.GeoDataFrame | None,
    *,
    grade_field: str = "grade",
    name_field: str | None = "zone_name",
    pipes: gpd.GeoDataFrame | None = None,
    supply_areas: gpd.GeoDataFrame | None = None,
    coverage_distance_m: float | None = None,
    townships: gpd.GeoDataFrame | None = None,
    township_name_field: str = "name_zh",
    remaining_field: str | None = "remaining_m3",
    rules: Rules,
    layer_names: dict[str, str] | None = None,
    work_crs: Any = None,
    require_supply: bool = True,
) -> PreparedScreening:
    """Validate, repair, project and index the screening layers once.

    ``zones`` may be None (no zone layer: e.g. the closure list needs coverage only). At least one
    of ``pipes`` / ``supply_areas`` is required unless ``require_supply`` is false. ``coverage_distance_m``
    defaults to the rules file's ``screening.default_coverage_distance_m``. ``remaining_field`` None
    means the townships only name the township (no red-line check).
    """
    names = {**DEFAULT_LAYER_NAMES, **(layer_names or {})}
    warnings: list[str] = []
    if require_supply and pipes is None and supply_areas is None:
        raise EngineInputError(
            text("screening.no_supply_layer"),
            layer=f"{names['pipes']} / {names['supply_areas']}",
            hint=text("screening.give_supply"),
        )
    coverage_distance_m = _checked_coverage_distance(coverage_distance_m, rules, names["pipes"])
    frames = [zones, pipes, supply_areas, townships]
    for frame, key in zip(frames, ("zones", "pipes", "supply_areas", "townships")):
        if frame is not None and frame.crs is None:
            raise EngineInputError(text("screening.no_crs"), layer=names[key], hint=text("screening.set_crs"))
    work = CRS.from_user_input(work_crs) if work_crs is not None else choose_working_crs(frames)

    grade_rules, grade_rank = zone_grade_rules(rules)
    coverage_rule = _reason_rule(rules, "supply_coverage")
    red_line_rule = _reason_rule(rules, "red_line_exhausted")
    for rule, key in ((coverage_rule, "supply_coverage"), (red_line_rule, "red_line_exhausted")):
        _check_verdict(rules, rule.verdict, f"screening.{key}.verdict")
    exempt_rule, exempt_aliases = exempt_use_rule(rules)
    allowed_node = rules.get("screening", "allowed")
    allowed_basis = _basis(allowed_node)
    allowed_basis_unchecked = {
        "en": str(allowed_node.get("basis_en_red_line_not_checked", allowed_basis["en"])),
        "zh": str(allowed_node.get("basis_zh_red_line_not_checked", allowed_basis["zh"])),
    }
    allowed_basis_in_coverage = {
        "checked": {lang: str(allowed_node.get(f"basis_{lang}_in_coverage", "")) for lang in ("en", "zh")},
        "unchecked": {lang: str(allowed_node.get(f"basis_{lang}_in_coverage_red_line_not_checked", "")) for lang in ("en", "zh")},
    }
    unknown_type_rule = _reason_rule(rules, "supply_coverage_unknown_type")
    request_rule = _reason_rule(rules, "request_over_remaining")
    not_self_supplied_rule = _reason_rule(rules, "supply_coverage_not_self_supplied")
    for rule, key in (
        (unknown_type_rule, "supply_coverage_unknown_type"),
        (request_rule, "request_over_remaining"),
        (not_self_supplied_rule, "supply_coverage_not_self_supplied"),
    ):
        _check_verdict(rules, rule.verdict, f"screening.{key}.verdict")

    zone_geometries, zone_grades, zone_names = _prepared_zones(zones, grade_field, name_field, rules, names["zones"], work, warnings)
    pipe_geometries = _prepared_pipes(pipes, names["pipes"], work, warnings) if pipes is not None else None
    area_geometries = None
    if supply_areas is not None:
        area_geometries, _ = _polygons(supply_areas, names["supply_areas"], work, None, warnings)
        if len(area_geometries) == 0:
            warnings.append(text("screening.no_areas", layer=names["supply_areas"]))
    township_geometries = township_names = township_remaining = None
    if townships is not None:
        township_geometries, township_names, township_remaining = _prepared_townships(
            townships, township_name_field, remaining_field, names["townships"], work, warnings
        )

    # Prepared polygons answer point-in-polygon in O(log n) instead of walking every vertex per well.
    for polygons in (zone_geometries, area_geometries, township_geometries):
        if polygons is not None and len(polygons):
            shapely.prepare(polygons)
            # GEOS builds a prepared polygon's point locator and its index at the first point test. Build them here,
            # once: chunks screened on two threads would otherwise both build them at once (heap corruption; one
            # qgis_process run in three aborted once the chunks were runs of consecutive wells, all hitting every
            # zone at once).
            box = shapely.bounds(polygons)
            shapely.intersects_xy(polygons, (box[:, 0] + box[:, 2]) / 2, (box[:, 1] + box[:, 3]) / 2)

    def tree(geometries: np.ndarray | None) -> shapely.STRtree | None:
        if geometries is None:
            return None
        built = shapely.STRtree(geometries)
        # GEOS builds the tree at its first query; doing that here, once, means chunks screened on
        # several threads (screen_points' workers) only ever read it.
        built.query(shapely.points(0.0, 0.0))
        return built

    return PreparedScreening(
        rules=rules,
        work_crs=work,
        layer_names=names,
        zone_geometries=zone_geometries,
        zone_grades=zone_grades,
        zone_names=zone_names,
        zone_tree=shapely.STRtree(zone_geometries),
        grade_rules=grade_rules,
        grade_rank=grade_rank,
        pipe_geometries=pipe_geometries,
        pipe_tree=tree(pipe_geometries),
        coverage_distance_m=coverage_distance_m if pipes is not None else None,
        area_geometries=area_geometries,
        area_tree=tree(area_geometries),
        coverage_rule=coverage_rule,
        township_geometries=township_geometries,
        township_names=township_names,
        township_remaining_m3=township_remaining,
        township_tree=tree(township_geometries),
        township_rank=None if township_names is None else township_priority(township_names, township_remaining),
        red_line_rule=red_line_rule,
        exempt_aliases=exempt_aliases,
        exempt_rule=exempt_rule,
        well_type_words=well_type_words(rules),
        unknown_type_rule=unknown_type_rule,
        request_rule=request_rule,
        allowed_basis_unchecked=allowed_basis_unchecked,
        allowed_basis=allowed_basis,
        not_self_supplied_rule=not_self_supplied_rule,
        allowed_basis_in_coverage=allowed_basis_in_coverage,
        exempt_in_coverage=exempt_kinds_inside_coverage(rules),
        warnings=warnings,
    )


# -- screening -----------------------------------------------------------------------------------
@dataclass
class _Facts:
    """What the tree queries found for each well (arrays aligned with the wells)."""

    has_geometry: np.ndarray
    zone_index: np.ndarray  # index of the strictest zone hit, -1 for none
    grades_hit: dict[str, np.ndarray]  # grade -> bool per well
    supply_distance_m: np.ndarray  # NaN without pipes or geometry
    nearest_pipe: np.ndarray  # index of the nearest pipe, -1 for none
    in_coverage: np.ndarray
    township_index: np.ndarray  # -1 for none


def township_priority(names: np.ndarray, remaining: np.ndarray | None) -> np.ndarray:
    """Which township a point on a shared boundary belongs to, whatever the feature order: the stricter one —
    used-up red line first, then less remaining quota (unknown last), then the name (the rules file's
    screening.township_ties says so). Higher = chosen."""
    n = len(names)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    quota = np.full(n, np.nan) if remaining is None else np.asarray(remaining, dtype=float)
    unknown = np.isnan(quota)
    order = np.lexsort((np.array([str(v) for v in names], dtype=object), np.where(unknown, np.inf, quota), unknown))
    priority = np.empty(n, dtype=np.int64)
    priority[order] = np.arange(n, 0, -1)
    return priority


def _first_hit_per_point(n_points: int, pairs: np.ndarray, priority: np.ndarray | None = None) -> np.ndarray:
    """For each point, the tree index of its best hit (highest ``priority``, then lowest index); -1 if none."""
    best = np.full(n_points, -1, dtype=np.int64)
    if pairs.shape[1] == 0:
        return best
    points, items = pairs
    keys = (items, points) if priority is None else (items, -priority[items], points)
    order = np.lexsort(keys)  # last key is primary: by point, then priority, then item
    points_sorted = points[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = points_sorted[1:] != points_sorted[:-1]
    best[points_sorted[first]] = items[order][first]
    return best


# Below this many wells, one tree query each is as quick as the grid of the bounded search.
_BOUNDED_SEARCH_MIN_WELLS = 5000
# Wells per grid cell in the bounded nearest-pipe search (measured at 1M wells with _could_be_nearest: 64 and 128
# beat 32 by 5 %, 16 by 20 %; fewer cells, fewer nearest queries for their centres).
_WELLS_PER_CELL = 64


def _polygon_pairs(tree: shapely.STRtree, polygons: np.ndarray, geometries: np.ndarray, point_rows: np.ndarray,
                   x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """(well, polygon) pairs that intersect, as ``tree.query(..., predicate="intersects")`` gives.

    Points take the fast path: bounding-box candidates from the tree, then each polygon (prepared
    once) tests its candidate points with ``intersects_xy``. A point on a boundary intersects, as
    with the predicate. Other geometries (multipoints) go through the predicate query.
    """
    pairs = [np.empty((2, 0), dtype=np.int64)]
    if point_rows.any():
        rows = np.flatnonzero(point_rows)
        candidate_wells, candidate_polygons = _points_in_boxes(shapely.bounds(polygons), x[rows], y[rows])
        order = np.argsort(candidate_polygons, kind="stable")
        candidate_wells, candidate_polygons = rows[candidate_wells[order]], candidate_polygons[order]
        bounds = np.flatnonzero(np.diff(candidate_polygons)) + 1
        for wells, polygon in zip(np.split(candidate_wells, bounds), np.split(candidate_polygons, bounds)):
            if len(wells):
                hit = shapely.intersects_xy(polygons[polygon[0]], x[wells], y[wells])
                pairs.append(np.stack([wells[hit], polygon[hit]]))
    other_rows = np.flatnonzero(~point_rows)
    other_rows = other_rows[~shapely.is_missing(geometries[other_rows])]
    if len(other_rows):
        wells, items = tree.query(geometries[other_rows], predicate="intersects")
        pairs.append(np.stack([other_rows[wells], items]))
    return np.concatenate(pairs, axis=1)


def _points_in_boxes(boxes: np.ndarray, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(point, box) pairs with the point inside the box, edges included: what ``STRtree.query`` gives for points, from
    the coordinates alone (the tree wants a point geometry per well and took several times as long, measured).

    The points are binned on a grid of about 16 points a cell; each box takes the points of the cells it covers, and
    the exact comparisons decide. Binning is monotonic in the coordinate, so a point on a box's edge is in a cell the
    box covers. A box with NaN bounds (an empty polygon) takes none.
    """
    empty = np.empty(0, dtype=np.int64)
    valid = np.flatnonzero(~np.isnan(boxes).any(axis=1))
    if len(x) == 0 or len(valid) == 0:
        return empty, empty
    side = max(1, int(math.sqrt(len(x) / 16)))
    x0, y0 = x.min(), y.min()
    width, height = (x.max() - x0) / side or 1.0, (y.max() - y0) / side or 1.0

    def column(values: np.ndarray) -> np.ndarray:
        return np.clip(np.floor((values - x0) / width), 0, side - 1).astype(np.int64)

    def row(values: np.ndarray) -> np.ndarray:
        return np.clip(np.floor((values - y0) / height), 0, side - 1).astype(np.int64)

    cell = row(y) * side + column(x)
    by_cell = np.argsort(cell, kind="stable")
    cell_start = np.searchsorted(cell[by_cell], np.arange(side * side + 1))
    boxes = boxes[valid]
    # Boxes wholly beside the points take none (clipping would give them the edge cells).
    beside = (boxes[:, 2] < x0) | (boxes[:, 0] > x.max()) | (boxes[:, 3] < y0) | (boxes[:, 1] > y.max())
    valid, boxes = valid[~beside], boxes[~beside]
    first_column, last_column = column(boxes[:, 0]), column(boxes[:, 2])
    first_row, last_row = row(boxes[:, 1]), row(boxes[:, 3])
    # One run of cells per (box, grid row): the points of cells first_column..last_column of that row.
    rows_per_box = last_row - first_row + 1
    run_box = np.repeat(np.arange(len(boxes)), rows_per_box)
    run_row = first_row[run_box] + np.arange(len(run_box)) - np.repeat(np.cumsum(rows_per_box) - rows_per_box, rows_per_box)
    run_start = cell_start[run_row * side + first_column[run_box]]
    run_length = cell_start[run_row * side + last_column[run_box] + 1] - run_start
    pair_box = np.repeat(run_box, run_length)
    pair_point = by_cell[np.repeat(run_start - np.cumsum(run_length) + run_length, run_length) + np.arange(run_length.sum())]
    px, py = x[pair_point], y[pair_point]
    inside = (px >= boxes[pair_box, 0]) & (px <= boxes[pair_box, 2]) & (py >= boxes[pair_box, 1]) & (py <= boxes[pair_box, 3])
    return pair_point[inside], valid[pair_box[inside]]


@dataclass
class _PipeCells:
    """The bounded nearest-pipe search's grid: square cells over the wells, and for each occupied cell its centre, the
    centre's distance to its nearest pipe and the candidate pipes (CSR: those of cell i are ``candidates[start[i]:
    start[i + 1]]``) with their distance from the centre and the point of each nearest the centre."""

    x0: float
    y0: float
    side: float
    rows: int  # grid rows, for a cell's number: column * rows + row
    cell_numbers: np.ndarray  # the occupied cells' numbers, sorted
    centre_x: np.ndarray
    centre_y: np.ndarray
    centre_nearest: np.ndarray
    start: np.ndarray
    candidate_pipe: np.ndarray
    candidate_reach: np.ndarray
    on_pipe_x: np.ndarray
    on_pipe_y: np.ndarray
    pipe_bounds: np.ndarray

    def cell_of(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """The position in ``cell_numbers`` of each well's cell (the wells must lie in occupied cells)."""
        column = np.floor((x - self.x0) / self.side).astype(np.int64)
        row = np.floor((y - self.y0) / self.side).astype(np.int64)
        return np.searchsorted(self.cell_numbers, column * self.rows + row)


def _pipe_cells(tree: shapely.STRtree, pipes: np.ndarray, x: np.ndarray, y: np.ndarray, workers: int = 1) -> _PipeCells:
    """The grid of the bounded search over the wells at ``x``, ``y`` (see _nearest_pipes), built once for all of them.

    Every pipe that could be nearest to a well of a cell lies within D + 2h of the centre (D the centre's distance to
    its nearest pipe, h the cell's half-diagonal: a well is at most h from the centre, so its nearest pipe is at most
    D + h from the well and D + 2h from the centre); those are the cell's candidates. The cells are searched in
    ``workers`` blocks side by side (GEOS does the work, without the GIL).
    """
    x0, y0 = x.min(), y.min()
    extent = max((x.max() - x0) * (y.max() - y0), 1.0)
    side = max(float(np.sqrt(extent * _WELLS_PER_CELL / len(x))), 1.0)
    column, row = np.floor((x - x0) / side).astype(np.int64), np.floor((y - y0) / side).astype(np.int64)
    rows = int(row.max()) + 1
    cell_numbers = np.unique(column * rows + row)
    centre_x = x0 + (cell_numbers // rows + 0.5) * side
    centre_y = y0 + (cell_numbers % rows + 0.5) * side

    def search(cells: slice) -> tuple[np.ndarray, ...]:
        centres = shapely.points(centre_x[cells], centre_y[cells])
        (cell_hits, _), centre_distance = tree.query_nearest(centres, return_distance=True, all_matches=False)
        centre_nearest = np.empty(len(centres))
        centre_nearest[cell_hits] = centre_distance
        # A hair more than the bound everywhere below, so rounding never drops a pipe at the edge.
        reach = centre_nearest + 2 * side * np.sqrt(0.5) * (1 + 1e-9) + 1e-6
        candidate_cells, candidate_pipes = tree.query(centres, predicate="dwithin", distance=reach)
        by_cell = np.argsort(candidate_cells, kind="stable")
        candidate_cells, candidate_pipes = candidate_cells[by_cell], candidate_pipes[by_cell]
        candidate_centres = centres[candidate_cells]
        # The point of each candidate pipe nearest the centre (the line from the centre ends on the pipe).
        on_pipe = shapely.get_coordinates(shapely.shortest_line(candidate_centres, pipes[candidate_pipes]))[1::2]
        reach_of_candidate = shapely.distance(candidate_centres, pipes[candidate_pipes])
        return (centre_nearest, np.bincount(candidate_cells, minlength=len(centres)), candidate_pipes, reach_of_candidate,
                on_pipe[:, 0].copy(), on_pipe[:, 1].copy())

    size = -(-len(cell_numbers) // max(workers, 1))
    blocks = [part for _, part in run_in_order([slice(start, start + size) for start in range(0, len(cell_numbers), size)],
                                                search, workers=workers)]
    centre_nearest, per_cell, candidate_pipe, candidate_reach, on_pipe_x, on_pipe_y = (np.concatenate(parts) for parts in zip(*blocks))
    return _PipeCells(
        x0=x0, y0=y0, side=side, rows=rows, cell_numbers=cell_numbers, centre_x=centre_x, centre_y=centre_y,
        centre_nearest=centre_nearest, start=np.r_[0, np.cumsum(per_cell)], candidate_pipe=candidate_pipe,
        candidate_reach=candidate_reach, on_pipe_x=on_pipe_x, on_pipe_y=on_pipe_y, pipe_bounds=shapely.bounds(pipes),
    )


def _nearest_pipes(tree: shapely.STRtree, pipes: np.ndarray, geometries: np.ndarray, point_rows: np.ndarray,
                   x: np.ndarray, y: np.ndarray, cells: _PipeCells | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Exact distance to, and index of, the nearest pipe for every well (NaN / -1 without geometry).

    Many wells: a bounded exact search on a grid of cells (_pipe_cells; ``cells``: one the caller built for a larger
    set of wells these belong to, else built here when there are enough wells). Each well is paired with its cell's
    candidate pipes, the pairs bounds cannot rule out are measured with GEOS — the same distances as a nearest query
    per well — and the smallest wins (the lowest pipe index among equal ones).
    """
    n = len(geometries)
    distance = np.full(n, np.nan)
    nearest = np.full(n, -1, dtype=np.int64)
    if cells is None and point_rows.sum() >= _BOUNDED_SEARCH_MIN_WELLS:
        cells = _pipe_cells(tree, pipes, x[point_rows], y[point_rows])
    if cells is not None:
        searched_rows, direct_rows = np.flatnonzero(point_rows), np.flatnonzero(~point_rows)
    else:
        searched_rows, direct_rows = np.empty(0, np.int64), np.arange(n)
    direct_rows = direct_rows[~shapely.is_missing(geometries[direct_rows])]
    if len(direct_rows):
        (wells, items), found = tree.query_nearest(geometries[direct_rows], return_distance=True, all_matches=False)
        distance[direct_rows[wells]] = found
        nearest[direct_rows[wells]] = items
    if not len(searched_rows):
        return distance, nearest
    px, py = x[searched_rows], y[searched_rows]
    cell_of_well = cells.cell_of(px, py)
    # Every (well, candidate pipe of its cell) pair, grouped by well in the wells' order: GEOS then reads the points in
    # the order they lie in memory (see screen_points).
    pairs_per_well = np.diff(cells.start)[cell_of_well]
    pair_well = np.repeat(np.arange(len(px)), pairs_per_well)
    pair_candidate = np.arange(len(pair_well)) + np.repeat(cells.start[cell_of_well] - (np.cumsum(pairs_per_well) - pairs_per_well),
                                                           pairs_per_well)
    # Per well the bound tightens: a pipe further than D + 2r from the centre (r the well's own
    # distance to the centre) is further from the well than the centre's nearest pipe. Dropping those
    # pairs before GEOS measures them keeps every possible nearest pipe.
    well_to_centre = np.hypot(px - cells.centre_x[cell_of_well], py - cells.centre_y[cell_of_well])
    keep = cells.candidate_reach[pair_candidate] <= (cells.centre_nearest[cell_of_well] + 2 * well_to_centre * (1 + 1e-9) + 1e-6)[pair_well]
    pair_well, pair_candidate = pair_well[keep], pair_candidate[keep]
    keep = _could_be_nearest(cells, pair_well, pair_candidate, well_to_centre, px, py)
    pair_well, pair_pipe = pair_well[keep], cells.candidate_pipe[pair_candidate[keep]]
    # The exact distances of the pairs left (about 1.2 a well at 1M wells; 1.9 before _could_be_nearest).
    pair_distance = shapely.distance(geometries[searched_rows[pair_well]], pipes[pair_pipe])
    # Per well (its pairs are consecutive) the smallest distance, and of the pipes at it the first.
    starts = np.flatnonzero(np.r_[True, pair_well[1:] != pair_well[:-1]])
    smallest = np.minimum.reduceat(pair_distance, starts)
    at_smallest = pair_distance == np.repeat(smallest, np.diff(np.r_[starts, len(pair_well)]))
    first_pipe = np.minimum.reduceat(np.where(at_smallest, pair_pipe, len(pipes)), starts)
    distance[searched_rows[pair_well[starts]]] = smallest
    nearest[searched_rows[pair_well[starts]]] = first_pipe
    return distance, nearest


def _could_be_nearest(cells: _PipeCells, pair_well: np.ndarray, pair_candidate: np.ndarray, well_to_centre: np.ndarray,
                      px: np.ndarray, py: np.ndarray) -> np.ndarray:
    """Which (well, candidate) pairs could hold the well's nearest pipe. The pairs come grouped by well; a pair is
    dropped only when bounds prove another pipe nearer to the well, so every pipe at the smallest distance stays.

    Upper bound per well: its distance to the point of each of its candidate pipes nearest the cell centre (a point
    on that pipe: the pipe is at most that far), the smallest over its pairs. Lower bound per pair: the larger of the
    centre's distance to the pipe less the well's distance to the centre (triangle inequality) and the well's
    distance to the pipe's bounding box. Array arithmetic only; the margins cover rounding.
    """
    if len(pair_well) == 0:
        return np.ones(0, dtype=bool)
    wx, wy = px[pair_well], py[pair_well]
    upper = np.hypot(wx - cells.on_pipe_x[pair_candidate], wy - cells.on_pipe_y[pair_candidate])
    starts = np.flatnonzero(np.r_[True, pair_well[1:] != pair_well[:-1]])
    well_upper = np.repeat(np.minimum.reduceat(upper, starts), np.diff(np.r_[starts, len(pair_well)]))
    box = cells.pipe_bounds[cells.candidate_pipe[pair_candidate]]
    outside_x = np.maximum(np.maximum(box[:, 0] - wx, wx - box[:, 2]), 0.0)
    outside_y = np.maximum(np.maximum(box[:, 1] - wy, wy - box[:, 3]), 0.0)
    lower = np.maximum(cells.candidate_reach[pair_candidate] - well_to_centre[pair_well], np.hypot(outside_x, outside_y))
    return lower <= well_upper * (1 + 1e-9) + 1e-6


def _point_xy(geometries: np.ndarray, type_ids: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """x and y of the Point geometries; NaN for missing, empty and multipart ones. ``type_ids``: their
    ``shapely.get_type_id``, when the caller has them."""
    points = (shapely.get_type_id(geometries) if type_ids is None else type_ids) == 0  # a missing one is -1
    x = np.full(len(geometries), np.nan)
    y = np.full(len(geometries), np.nan)
    x[points], y[points] = shapely.get_x(geometries[points]), shapely.get_y(geometries[points])
    return x, y


def _facts(prepared: PreparedScreening, geometries: np.ndarray, xy: tuple[np.ndarray, np.ndarray] | None = None,
           located: np.ndarray | None = None, pipe_cells: _PipeCells | None = None) -> _Facts:
    """``located``: which wells have a location, when the caller knows (screen_points: empty geometries already None).
    ``pipe_cells``: the nearest-pipe search's grid, when the caller built one for all its wells (screen_points)."""
    n = len(geometries)
    if located is None:
        has_geometry = ~shapely.is_missing(geometries) & ~shapely.is_empty(geometries)
        geometries = np.where(has_geometry, geometries, None)
    else:
        has_geometry = located
    x, y = xy if xy is not None else _point_xy(geometries)
    point_rows = ~np.isnan(x)

    # Zones: 'intersects' so a point exactly on a boundary counts as inside (the strict reading).
    zone_pairs = _polygon_pairs(prepared.zone_tree, prepared.zone_geometries, geometries, point_rows, x, y)
    rank = np.array([prepared.grade_rank[g] for g in prepared.zone_grades], dtype=np.int64)
    zone_index = _first_hit_per_point(n, zone_pairs, rank)
    grades_hit = {}
    for grade in prepared.grade_rules:
        hit = np.zeros(n, dtype=bool)
        if zone_pairs.shape[1]:
            of_grade = prepared.zone_grades[zone_pairs[1]] == grade
            hit[zone_pairs[0][of_grade]] = True
        grades_hit[grade] = hit

    # Pipes: the exact distance to the nearest pipe, whatever it is (no search radius, no buffer).
    supply_distance = np.full(n, np.nan)
    nearest_pipe = np.full(n, -1, dtype=np.int64)
    in_coverage = np.zeros(n, dtype=bool)
    if prepared.has_pipes and len(prepared.pipe_geometries):
        supply_distance, nearest_pipe = _nearest_pipes(
            prepared.pipe_tree, prepared.pipe_geometries, geometries, point_rows, x, y, pipe_cells
        )
        in_coverage |= supply_distance <= prepared.coverage_distance_m  # NaN compares False
    if prepared.has_areas and len(prepared.area_geometries):
        area_pairs = _polygon_pairs(prepared.area_tree, prepared.area_geometries, geometries, point_rows, x, y)
        in_coverage[area_pairs[0]] = True

    township_index = np.full(n, -1, dtype=np.int64)
    if prepared.township_tree is not None:
        township_pairs = _polygon_pairs(prepared.township_tree, prepared.township_geometries, geometries, point_rows, x, y)
        township_index = _first_hit_per_point(n, township_pairs, prepared.township_rank)

    return _Facts(has_geometry, zone_index, grades_hit, supply_distance, nearest_pipe, in_coverage, township_index)


def _exempt_kinds(prepared: PreparedScreening, uses: Sequence[Any] | None, n: int) -> np.ndarray:
    """The statutory exception each well's use claims (emergency, monitoring, domestic_no_alternative), or None."""
    if uses is None:
        return np.full(n, None, dtype=object)
    aliases = prepared.exempt_aliases
    return per_distinct_use(uses, lambda u: None if is_blank(u) else aliases.get(normal_word(u)), object)


def _remaining_quota(prepared: PreparedScreening, facts: _Facts) -> np.ndarray:
    """The remaining red-line quota (m³) of each well's township; NaN where not known (no township, no quota)."""
    n = len(facts.has_geometry)
    remaining = np.full(n, np.nan)
    if prepared.township_remaining_m3 is not None:
        located = facts.township_index >= 0
        remaining[located] = prepared.township_remaining_m3[facts.township_index[located]]
    return remaining


def _verdict_columns(
    prepared: PreparedScreening,
    facts: _Facts,
    exempt: np.ndarray,
    types: np.ndarray,
    requested: np.ndarray | None,
    language: str,
    batch_remaining: np.ndarray | None = None,
) -> dict[str, np.ndarray]:
    """Verdict, reasons and basis per well, built once per distinct combination of reasons.

    Item 13 applies to self-supplied wells only (``types``): inside coverage a 自备井 is prohibited, a well of another
    kind is told that item 13 does not apply to it, and a well of unknown type is asked to be checked, never guessed.
    Item 8: a used-up quota suspends new abstraction; a ``requested`` volume above what remains — of the township's
    quota, or of what the earlier applications of a batch leave (``batch_remaining``) — is not allowed as asked. The
    Regulations' exceptions (``exempt``: the kind each well claims) turn a zone's ban into a case-by-case review;
    inside coverage only the kinds of ``prepared.exempt_in_coverage`` keep it. Where the red line could not be checked
    (no township or no quota) an allowed well's basis says so, and ``red_line_checked`` is False.
    """
    if language not in ("en", "zh"):
        raise EngineInputError(text("screening.unknown_language", value=language))
    n = len(facts.has_geometry)
    remaining = _remaining_quota(prepared, facts)
    red_line = remaining <= 0  # NaN (unknown quota) compares False: not checked
    over_request = np.zeros(n, dtype=bool)
    if requested is not None:
        left = remaining if batch_remaining is None else np.asarray(batch_remaining, dtype=float)
        over_request = (remaining > 0) & (np.asarray(requested, dtype=float) > left)  # NaN compares False
    covered_self = facts.in_coverage & (types == SELF_SUPPLIED)
    covered_other = facts.in_coverage & (types == OTHER_TYPE)
    covered_unknown = facts.in_coverage & (types == UNKNOWN_TYPE)
    in_any_zone = np.zeros(n, dtype=bool)
    for hit in facts.grades_hit.values():
        in_any_zone |= hit
    claims = np.array([kind is not None for kind in exempt], dtype=bool)
    holds_in_coverage = np.array([kind in prepared.exempt_in_coverage for kind in exempt], dtype=bool)
    exception_applies = claims & in_any_zone & (~facts.in_coverage | holds_in_coverage)

    # Each well's reasons as a bit mask; verdict and texts are built per distinct mask (few of them).
    ordered_rules = reason_rules(prepared)
    flags = [covered_self, covered_other, covered_unknown, *(facts.grades_hit[g] for g in prepared.grade_rules), red_line,
             over_request, exception_applies]
    masks = np.zeros(n, dtype=np.int64)
    for bit, flag in enumerate(flags):
        masks |= flag.astype(np.int64) << bit
    masks[~facts.has_geometry] = -1

    verdicts = np.empty(n, dtype=object)
    reasons = np.empty(n, dtype=object)
    basis = np.empty(n, dtype=object)
    coverage_bits = {0, 1, 2}
    zone_bits = set(range(3, 3 + len(prepared.grade_rules)))
    exception_bit = len(ordered_rules) - 1
    checked = ~np.isnan(remaining)
    for mask in np.unique(masks):
        rows = masks == mask
        if mask == -1:
            verdicts[rows], reasons[rows], basis[rows] = None, NO_GEOMETRY, text("screening.no_geometry_basis", language)
            continue
        active = [bit for bit in range(len(ordered_rules)) if mask >> bit & 1]
        excepted = exception_bit in active
        severity = 0
        for bit in active:
            verdict = ordered_rules[bit].verdict
            if excepted and bit in zone_bits:
                verdict = prepared.exempt_rule.verdict
            severity = max(severity, VERDICT_SEVERITY[verdict])
        verdicts[rows] = next(v for v, s in VERDICT_SEVERITY.items() if s == severity)
        reasons[rows] = REASON_SEPARATOR.join(ordered_rules[bit].code for bit in active)
        said = " ".join(ordered_rules[bit].basis[language] for bit in active)
        if severity > 0:
            basis[rows] = said
            continue
        # Allowed: the basis says where the site is, as every other line of a decision does.
        in_coverage = bool(coverage_bits & set(active))
        for has_quota, variant in ((True, "checked"), (False, "unchecked")):
            if in_coverage:
                closing = prepared.allowed_basis_in_coverage[variant][language]
            else:
                closing = prepared.allowed_basis[language] if has_quota else prepared.allowed_basis_unchecked[language]
            basis[rows & (checked == has_quota)] = f"{said} {closing}".strip()
    red_line_checked = checked.astype(object)
    red_line_checked[~facts.has_geometry] = None
    return {"verdict": verdicts, "reasons": reasons, "basis": basis, "well_type": types.copy(), "red_line_checked": red_line_checked}


def _screen(
    prepared: PreparedScreening,
    geometries: np.ndarray,
    uses: Sequence[Any] | None,
    language: str,
    xy: tuple[np.ndarray, np.ndarray] | None = None,
    requested: np.ndarray | None = None,
    decided: tuple[np.ndarray, np.ndarray] | None = None,
    batch_remaining: np.ndarray | None = None,
    located: np.ndarray | None = None,
    pipe_cells: _PipeCells | None = None,
) -> tuple[dict[str, np.ndarray], _Facts]:
    """Screen a set of wells. ``decided``: their types and exemptions, when the caller has decided
    them already (``screen_points`` does it once for all chunks); else they are read from ``uses``.
    ``located``, ``pipe_cells``: see _facts."""
    facts = _facts(prepared, geometries, xy, located, pipe_cells)
    n = len(geometries)
    if decided is not None:
        types, exempt = decided
    else:
        types, exempt = kinds_of_uses(uses, prepared.well_type_words, n), _exempt_kinds(prepared, uses, n)
    columns = _verdict_columns(prepared, facts, exempt, types, requested, language, batch_remaining)
    _no_verdict_outside_mapped_area(columns, outside_mapped_area(prepared, facts, geometries, xy), language)
    in_zone = facts.zone_index >= 0
    zone_name = np.full(n, None, dtype=object)
    zone_grade = np.full(n, None, dtype=object)
    zone_name[in_zone] = prepared.zone_names[facts.zone_index[in_zone]]
    zone_grade[in_zone] = prepared.zone_grades[facts.zone_index[in_zone]]
    township = np.full(n, None, dtype=object)
    located = facts.township_index >= 0
    if prepared.township_names is not None:
        township[located] = prepared.township_names[facts.township_index[located]]
    in_coverage = facts.in_coverage.astype(object)
    in_coverage[~facts.has_geometry] = None
    columns.update(
        _township_index=facts.township_index,  # for the batch's quota; not an output column
        zone_name=zone_name,
        zone_grade=zone_grade,
        supply_distance_m=facts.supply_distance_m,
        in_supply_coverage=in_coverage,
        township=township,
    )
    return columns, facts


def outside_mapped_area(
    prepared: PreparedScreening, facts: _Facts, geometries: np.ndarray, xy: tuple[np.ndarray, np.ndarray] | None = None
) -> np.ndarray:
    """True for each located well outside the area the layers describe.

    With a townships layer the mapped area is the townships (the county); without one it is the
    bounding box of the zones, supply pipes and supply areas together. A well there has no zone and
    no coverage simply because nobody mapped them, so "allowed" would be a false all-clear.
    """
    if prepared.township_tree is not None:
        return facts.has_geometry & (facts.township_index < 0)
    layers = [g for g in (prepared.zone_geometries, prepared.pipe_geometries, prepared.area_geometries) if g is not None and len(g)]
    if not layers:
        return facts.has_geometry.copy()
    x_min, y_min, x_max, y_max = shapely.total_bounds(np.concatenate(layers))
    if not np.isfinite(x_min):  # every geometry empty
        return facts.has_geometry.copy()
    x, y = xy if xy is not None else _point_xy(geometries)
    inside = (x >= x_min) & (x <= x_max) & (y >= y_min) & (y <= y_max)  # NaN (no point) compares False
    others = facts.has_geometry & np.isnan(x)  # multipoints: inside when any part is
    if others.any():
        inside[others] = shapely.intersects(shapely.box(x_min, y_min, x_max, y_max), geometries[others])
    return facts.has_geometry & ~inside


def _no_verdict_outside_mapped_area(columns: dict[str, np.ndarray], outside: np.ndarray, language: str) -> None:
    """Turn "allowed" into "outside" (reason outside_mapped_area) where the well is outside the mapped area.

    Only the all-clear is replaced: a zone or a pipe that reaches beyond the townships still gives
    its prohibition or restriction, since the layers do say something there.
    """
    rows = outside & (columns["verdict"] == ALLOWED)
    columns["verdict"][rows] = OUTSIDE
    columns["reasons"][rows] = OUTSIDE_MAPPED_AREA
    columns["basis"][rows] = text("screening.outside_basis", language)


def screen_points(
    prepared: PreparedScreening,
    wells: gpd.GeoDataFrame,
    *,
    use_field: str | None = None,
    requested_field: str | None = None,
    self_supplied_field: str | None = None,
    order: Sequence[int] | None = None,
    id_field: str | None = None,
    language: str = "en",
    is_canceled: Callable[[], bool] | None = None,
    progress: Callable[[float], None] | None = None,
    chunk_size: int = 100_000,
    workers: int | None = None,
) -> pd.DataFrame:
    """Screen every well; the result is row-aligned with ``wells`` (same index, same order).

    Whether a well is a 自备井 (item 13) is :func:`.well_kind.well_kinds`' answer: the register's
    ``self_supplied_field`` where it has a value, else ``use_field`` by the rules file's lists. With
    ``requested_field`` the wells are judged together as one batch (the rules file's ``screening.batch``): in
    ``order`` (positions; default the input order, see :func:`batch_order`) each takes its request from its
    township's remaining quota, and a later one is compared with what the earlier ones leave. What each was
    compared with is in the result's ``attrs["batch_remaining_m3"]`` (NaN where no quota is known) and what the
    earlier ones took in ``attrs["batch_taken_before_m3"]``.

    Wells are screened in chunks of ``chunk_size`` so a cancel request (``is_canceled``) is
    honoured between chunks (about a second on a 1M-well layer) and progress can be reported.
    ``workers`` threads screen chunks side by side (default: ``TUOLI_GW_SCREENING_WORKERS``, else
    two, never more than the cores; see :mod:`..core.chunk_pool`); the result is the same bit for bit
    whatever the number.

    Columns: see :data:`OUTPUT_COLUMNS`. A well without geometry gets verdict None and reason
    ``no_geometry``; a well outside the mapped area with no other reason gets verdict ``outside``
    and reason ``outside_mapped_area`` (see :func:`outside_mapped_area`). Points and multipoints
    are accepted; other geometry types are an error.
    """
    layer = prepared.layer_names["wells"]
    id_field = id_field if id_field and id_field in wells.columns else None
    kinds = well_kinds(wells, prepared.rules, self_supplied_field=self_supplied_field, use_field=use_field, layer=layer,
                       id_field=id_field)
    requested = number_column(wells, requested_field, layer=layer, id_field=id_field) if requested_field else None
    if len(wells) == 0:
        return _frame({name: np.array([], dtype=object) for name in OUTPUT_COLUMNS}, wells.index)
    geometries = _projected_geometries(wells, layer, prepared.work_crs)  # empty ones made missing
    type_ids = shapely.get_type_id(geometries)  # -1 for a missing one
    located = type_ids >= 0
    wrong = np.flatnonzero(located & (type_ids != 0) & (type_ids != 4))  # 0 Point, 4 MultiPoint
    if len(wrong):
        row = int(wrong[0])
        raise EngineInputError(
            text("screening.not_points", n=len(wrong), kind=wells.geometry.iloc[row].geom_type),
            layer=layer,
            feature=feature_label(wells, row),
            hint=text("screening.use_points"),
        )
    # Types and exemptions once for all wells, once per distinct use (see per_distinct_use).
    uses = wells[use_field] if use_field else None
    types, exempt = kinds.kinds, _exempt_kinds(prepared, uses, len(wells))
    x, y = _point_xy(geometries, type_ids)  # once for all chunks
    # The nearest-pipe search's grid over all the wells at once (its cells' candidate pipes found once), so that the
    # chunks can be runs of consecutive wells: GEOS then reads their points in the order they lie in memory. Chunks of
    # wells scattered through memory (a spatial order) made the exact distances take twice as long (measured).
    columns: dict[str, np.ndarray] = {}
    chunks = [slice(start, start + chunk_size) for start in range(0, len(geometries), chunk_size)]
    workers = min(configured_workers(workers), len(chunks))  # polygons prepared and trees built in prepare_screening
    point_rows = ~np.isnan(x)
    pipe_cells = None
    if prepared.has_pipes and len(prepared.pipe_geometries) and point_rows.sum() >= _BOUNDED_SEARCH_MIN_WELLS:
        pipe_cells = _pipe_cells(prepared.pipe_tree, prepared.pipe_geometries, x[point_rows], y[point_rows], workers)

    def screen_chunk(rows: slice) -> dict[str, np.ndarray]:
        return _screen(prepared, geometries[rows], None, language, (x[rows], y[rows]),
                       None if requested is None else requested[rows], decided=(types[rows], exempt[rows]),
                       located=located[rows], pipe_cells=pipe_cells)[0]

    done = 0
    for rows, part in run_in_order(chunks, screen_chunk, workers=workers, is_canceled=is_canceled,
                                   on_cancel=lambda: EngineCancelledError(layer)):
        for name, values in part.items():
            if name not in columns:
                columns[name] = np.empty(len(geometries), dtype=values.dtype)
            columns[name][rows] = values
        done = min(rows.stop, len(geometries))
        if progress is not None:
            progress(100.0 * done / len(geometries))
    if requested is None:
        return _frame(columns, wells.index)
    left, taken_before = _batch_quota(prepared, columns, requested, order)
    # Only an application whose request fits its township's quota but not what the earlier ones leave changes
    # its verdict (allowed or restricted before, restricted after): it is screened again with that remainder.
    again = np.flatnonzero((taken_before > 0) & (requested > left) & ~(requested > _township_quota(prepared, columns)))
    if len(again):
        part = _screen(prepared, geometries[again], None, language, (x[again], y[again]), requested[again],
                       decided=(types[again], exempt[again]), batch_remaining=left[again], located=located[again])[0]
        for name, values in part.items():
            columns[name][again] = values
    results = _frame(columns, wells.index)
    results.attrs["batch_remaining_m3"] = left
    results.attrs["batch_taken_before_m3"] = taken_before
    return results


def batch_order(frame: pd.DataFrame, *, date_field: str | None, id_field: str | None, layer: str) -> np.ndarray:
    """The order a batch of applications is judged in (the rules file's ``screening.batch``): by application date,
    then id (undated applications after the dated ones), then their order in the layer. Positions, first first."""
    n = len(frame)
    dates = date_column(frame, date_field, layer=layer, id_field=id_field) if date_field else [None] * n
    ids = [None if not id_field or is_null(v) else str(v) for v in (frame[id_field].tolist() if id_field else [None] * n)]
    keys = [(date is None, date or dt.date.min, ident is None, ident or "", row) for row, (date, ident) in enumerate(zip(dates, ids))]
    return np.array([key[-1] for key in sorted(keys)], dtype=np.int64)


def _township_quota(prepared: PreparedScreening, columns: dict[str, np.ndarray]) -> np.ndarray:
    """Each well's township's remaining quota (m³), NaN where not known."""
    index = columns["_township_index"]
    quota = np.full(len(index), np.nan)
    if prepared.township_remaining_m3 is not None:
        located = index >= 0
        quota[located] = prepared.township_remaining_m3[index[located]]
    return quota


def _batch_quota(
    prepared: PreparedScreening, columns: dict[str, np.ndarray], requested: np.ndarray, order: Sequence[int] | None
) -> tuple[np.ndarray, np.ndarray]:
    """What each application of a batch is compared with, and what the applications judged before it in its township
    took (rules file ``screening.batch``): each takes its request, or what is left when less; one prohibited on other
    grounds takes nothing (it cannot be approved)."""
    n = len(requested)
    order = np.arange(n) if order is None else np.asarray(order, dtype=np.int64)
    quota = _township_quota(prepared, columns)
    counted = (columns["verdict"] != "prohibited") & ~np.isnan(requested) & ~np.isnan(quota)
    takes = np.where(counted, np.nan_to_num(requested), 0.0)
    township = columns["_township_index"]
    ordered = pd.DataFrame({"township": township[order], "takes": takes[order]})
    before = np.empty(n)
    before[order] = (ordered.groupby("township")["takes"].cumsum() - ordered["takes"]).to_numpy()
    # Together the earlier ones take their requests up to the quota (each at most what is left).
    taken_before = np.where(np.isnan(quota), np.nan, np.minimum(before, np.maximum(quota, 0.0)))
    return quota - taken_before, taken_before


def _frame(columns: dict[str, np.ndarray], index: pd.Index) -> pd.DataFrame:
    # Explicit object dtype keeps None as None (pandas would infer a string dtype with NaN). The frame takes the
    # arrays as they are (copy=False, one block each): copying and consolidating them was the engine's peak of
    # memory at 1M wells (+290 MB, measured).
    return pd.DataFrame(
        {name: pd.Series(columns[name], index=index, dtype=float if name == "supply_distance_m" else object, copy=False)
         for name in OUTPUT_COLUMNS},
        index=index,
        copy=False,
    )


def screen_point(
    prepared: PreparedScreening,
    x: float,
    y: float,
    crs: Any,
    use: str | None = None,
    language: str = "en",
    requested_m3: float | None = None,
) -> dict[str, Any]:
    """Screen one location (a map click) given in ``crs``; same fields as :func:`screen_points`.

    ``use`` decides the kind of well as :func:`.well_kind.kinds_of_uses` does; ``requested_m3`` (None: not given) is
    compared with the township's remaining quota (item 8), as a one-application batch.

    Also returns ``nearest_pipe_xy`` (the closest point on the nearest pipe, in ``crs``, or None),
    ``township_remaining_m3`` and ``work_crs`` (the CRS the distance was measured in) for display.
    """
    transformer = prepared.transformer_from(crs)
    x, y = float(x), float(y)
    wx, wy = (x, y) if transformer is None else (float(v) for v in transformer.transform(x, y))
    point = shapely.Point(wx, wy)
    requested = None if requested_m3 is None else np.array([float(requested_m3)])
    columns, facts = _screen(prepared, np.array([point], dtype=object), None if use is None else [use], language, requested=requested)
    result: dict[str, Any] = {name: columns[name][0] for name in OUTPUT_COLUMNS}
    distance = result["supply_distance_m"]
    result["supply_distance_m"] = None if distance is None or math.isnan(distance) else float(distance)
    result["in_supply_coverage"] = None if result["in_supply_coverage"] is None else bool(result["in_supply_coverage"])
    result["nearest_pipe_xy"] = None
    if facts.nearest_pipe[0] >= 0:
        nearest = shapely.get_point(shapely.shortest_line(point, prepared.pipe_geometries[facts.nearest_pipe[0]]), 1)
        px, py = nearest.x, nearest.y
        if transformer is not None:
            px, py = transformer.transform(px, py, direction="INVERSE")
        result["nearest_pipe_xy"] = (float(px), float(py))
    remaining = None
    if facts.township_index[0] >= 0 and prepared.township_remaining_m3 is not None:
        value = prepared.township_remaining_m3[facts.township_index[0]]
        remaining = None if math.isnan(value) else float(value)
    result["township_remaining_m3"] = remaining
    result["work_crs"] = prepared.work_crs.to_string()
    return result


def reason_rules(prepared: PreparedScreening) -> list[ReasonRule]:
    """Every reason the screening can give, in the order reasons are listed."""
    return [prepared.coverage_rule, prepared.not_self_supplied_rule, prepared.unknown_type_rule, *prepared.grade_rules.values(),
            prepared.red_line_rule, prepared.request_rule, prepared.exempt_rule]


def output_table(wells: gpd.GeoDataFrame, results: pd.DataFrame) -> gpd.GeoDataFrame:
    """Every input column and the screening's columns, one row per well, as the bulk GeoPackage path writes it.

    An input column named like a result column (case-insensitively, as field names in a GeoPackage) is
    replaced by it. The result columns keep the engine's dtypes: pandas 3 would turn an object array of
    texts into Arrow strings, only for the writer to turn them back into Python strings (about 4 s at
    1M wells). The yes/no columns become nullable booleans (a well without geometry has neither), as
    QGIS's feature writer stores them.
    """
    replaced = set(OUTPUT_COLUMNS)
    table = wells[[name for name in wells.columns if name.lower() not in replaced]].copy()
    for name in results.columns:
        table[name] = pd.Series(results[name].to_numpy(), index=table.index, dtype=results[name].dtype, copy=False)
    for name in ("in_supply_coverage", "red_line_checked"):
        table[name] = table[name].astype("boolean")
    return table.set_geometry(wells.geometry.name)


def verdict_counts(results: pd.DataFrame) -> dict[str, int]:
    """How many wells got each verdict (``outside`` outside the mapped area, ``no_geometry`` for the
    ones without a location)."""
    counts = {verdict: 0 for verdict in ("prohibited", "restricted", "allowed", OUTSIDE)}
    counts[NO_GEOMETRY] = int(results["verdict"].isna().sum()) if len(results) else 0
    for verdict, count in results["verdict"].value_counts().items():
        counts[str(verdict)] = int(count)
    return counts
