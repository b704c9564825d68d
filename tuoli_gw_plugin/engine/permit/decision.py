"""The facts of a permit decision, one per application: verdict and reasons, red line, interference.

The verdict, its reasons, the legal basis, the zone, the nearest pipe and the township's remaining
red-line quota all come from the screening engine (:func:`~..screening.well_sites.screen_points`), so a decision
says what ``tuoli_gw:screen_well_sites`` and the map tool say. This module adds what a reviewer needs
on top: each reason with its own clause (the rules file's basis texts), the request against the
remaining quota (notice item 8), and the drawdown the new well would cause at the existing wells
nearby (:mod:`.theis`) — information for the reviewer, not a verdict the notice gives.
``permit_document`` turns each decision into the HTML/PDF document. No QGIS import.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS

from ..core.errors import EngineCancelledError, EngineInputError
from ..core.messages import register, text
from ..core.rules import Rules
from ..core.values import feature_label, is_null, listed_features, number_column, require_fields
from ..screening.well_sites import REASON_SEPARATOR, PreparedScreening, reason_rules, screen_point, screen_points
from .theis import (  # noqa: F401 - the defaults are re-exported for the door and the map tool
    DEFAULT_PUMPING_DAYS,
    DEFAULT_RADIUS_M,
    DEFAULT_STORATIVITY,
    DEFAULT_TRANSMISSIVITY_M2_PER_DAY,
    check_aquifer,
    rate_m3_per_day,
    theis_drawdown,
    theis_u,
    well_function,
)

register(
    {
        "permit.what_id": ("it should hold the application id", "该字段应为申请编号"),
        "permit.what_well_id": ("the well id", "机井编号"),
        "permit.no_crs": ("the layer has no coordinate reference system", "图层没有坐标参考系"),
        "permit.set_crs_metres": (
            "set its CRS (in QGIS: Layer Properties ▸ Source) so distances can be measured in metres",
            "请设置其坐标参考系（QGIS：图层属性 ▸ 源），以便按米量算距离",
        ),
        "permit.set_crs": ("set its CRS (in QGIS: Layer Properties ▸ Source)", "请设置其坐标参考系（QGIS：图层属性 ▸ 源）"),
    }
)

register(
    {
        "permit.no_id": (
            "{n} application(s) have no id: {features}",
            "{n} 个申请没有编号：{features}",
        ),
        "permit.fill_id": (
            "give every application an id: it names the decision and its files",
            "请为每个申请填写编号：决定书及其文件以编号命名",
        ),
        "permit.duplicate_id": (
            "application id '{id}' is used by several features ({features}); each decision file is named after its id",
            "申请编号“{id}”被多个要素使用（{features}）；每份决定书文件按编号命名",
        ),
        "permit.make_unique": (
            "make the ids unique (ids differing only in characters a file name cannot hold count as the same)",
            "请使编号唯一（仅在文件名不能包含的字符上不同的编号视为相同）",
        ),
        "permit.request_not_positive": (
            "{n} requested volume(s) are 0: {features}",
            "{n} 个申请水量为 0：{features}",
        ),
        "permit.fix_request": (
            "give the requested annual volume in m³ (above 0)",
            "请填写申请的年取水量（m³，大于 0）",
        ),
        "permit.days_not_positive": (
            "PUMPING_DAYS must be a number of days above 0 and at most 366, not {value}",
            "PUMPING_DAYS 须为大于 0、不超过 366 的天数，而不是 {value}",
        ),
        "permit.radius_not_positive": (
            "RADIUS_M must be a distance in metres above 0, not {value}",
            "RADIUS_M 须为大于 0 的距离（米），而不是 {value}",
        ),
        "permit.aquifer_value": (
            "{n} aquifer value(s) are empty or not above 0: {features}",
            "{n} 个含水层参数为空或不大于 0：{features}",
        ),
        "permit.fix_aquifer": (
            "give T in m²/d and S (dimensionless, at most 1) above 0 for every aquifer polygon",
            "请为每个含水层多边形填写大于 0 的 T（m²/d）和 S（无量纲，不大于 1）",
        ),
        "permit.not_points": (
            "{n} feature(s) are not points (the first is a {kind})",
            "{n} 个要素不是点（第一个是 {kind}）",
        ),
        "permit.use_points": ("a permit decision needs the well location as a point", "取水许可决定需要以点表示井位"),
        "permit.no_geometry": (
            "{n} application(s) have no location: {features}",
            "{n} 个申请没有位置：{features}",
        ),
        "permit.place_it": ("place them on the map: a decision needs the well site", "请在地图上定位：决定书需要井位"),
        "permit.outside_aquifer": (
            "application {id} lies in no aquifer polygon: T and S from the parameters",
            "申请 {id} 不在任何含水层多边形内：T、S 采用参数值",
        ),
    }
)

# What the quota check found (notice item 8): the status words are in permit_document.
QUOTA_WITHIN, QUOTA_EXCEEDED, QUOTA_USED_UP, QUOTA_NOT_CHECKED = "within", "exceeds_remaining", "used_up", "not_checked"


@dataclass(frozen=True)
class TheisSettings:
    """The interference parameters: aquifer T (m²/d) and S, pumping period (d), search radius (m)."""

    transmissivity_m2_per_day: float
    storativity: float
    pumping_days: float
    radius_m: float

    def check(self) -> None:
        check_aquifer(self.transmissivity_m2_per_day, self.storativity, t_name="TRANSMISSIVITY (T, m²/d)", s_name="STORATIVITY (S)")
        days = float(self.pumping_days)
        if not math.isfinite(days) or days <= 0 or days > 366:
            raise EngineInputError(text("permit.days_not_positive", value=self.pumping_days))
        radius = float(self.radius_m)
        if not math.isfinite(radius) or radius <= 0:
            raise EngineInputError(text("permit.radius_not_positive", value=self.radius_m))


@dataclass
class Aquifer:
    """The aquifer polygons (T, S per polygon) in the working CRS."""

    geometries: np.ndarray
    transmissivity: np.ndarray
    storativity: np.ndarray
    labels: list[str]
    layer: str
    tree: shapely.STRtree


@dataclass(frozen=True)
class Reason:
    """One reason of the verdict with the verdict it gives and its clause (the rules file's basis text)."""

    code: str
    verdict: str
    basis: str


@dataclass(frozen=True)
class Interference:
    """Theis drawdown at one existing well within the radius."""

    well_id: str
    distance_m: float
    u: float
    w_u: float
    drawdown_m: float
    affected: bool


@dataclass
class PermitDecision:
    """Everything one decision document says."""

    application_id: str
    applicant: str | None
    use: str | None
    requested_m3: float
    x: float  # in the working CRS
    y: float
    verdict: str | None
    reasons: list[Reason]
    basis: str
    zone_name: str | None
    zone_grade: str | None
    supply_distance_m: float | None
    in_supply_coverage: bool | None
    township: str | None
    remaining_m3: float | None
    quota_status: str
    rate_m3_per_day: float
    transmissivity_m2_per_day: float
    storativity: float
    aquifer_source: str  # 'parameters' or the aquifer feature it came from
    interference: list[Interference] = field(default_factory=list)

    @property
    def affected(self) -> list[Interference]:
        return [row for row in self.interference if row.affected]


@dataclass
class PermitBatch:
    """The decisions, in the applications' order, and what the run should tell the user."""

    decisions: list[PermitDecision]
    work_crs: CRS
    settings: TheisSettings
    affected_threshold_m: float
    min_distance_m: float
    existing_xy: np.ndarray  # (n, 2) existing wells in the working CRS, for the map
    existing_ids: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def safe_file_stem(application_id: str) -> str:
    """A file name from an application id: letters, digits (any script), '-', '_' and '.'; the rest become '_'."""
    stem = re.sub(r"[^\w.\-]+", "_", str(application_id).strip(), flags=re.UNICODE).strip("._")
    return stem[:120] or "application"


def _checked_ids(applications: gpd.GeoDataFrame, id_field: str, layer: str) -> list[str]:
    require_fields(applications, id_field, layer=layer, what=text("permit.what_id"))
    values = applications[id_field].tolist()
    empty = [row for row, value in enumerate(values) if is_null(value) or not str(value).strip()]
    if empty:
        raise EngineInputError(
            text("permit.no_id", n=len(empty), features=listed_features(applications, empty, None)),
            layer=layer,
            feature=feature_label(applications, empty[0]),
            field=id_field,
            hint=text("permit.fill_id"),
        )
    ids = [str(value).strip() for value in values]
    seen: dict[str, int] = {}
    for row, application_id in enumerate(ids):
        stem = safe_file_stem(application_id).lower()
        if stem in seen:
            first = seen[stem]
            raise EngineInputError(
                text(
                    "permit.duplicate_id",
                    id=application_id,
                    features=f"{feature_label(applications, first)}, {feature_label(applications, row)}",
                ),
                layer=layer,
                feature=feature_label(applications, row, id_field),
                field=id_field,
                hint=text("permit.make_unique"),
            )
        seen[stem] = row
    return ids


def _points_xy(frame: gpd.GeoDataFrame, layer: str, work_crs: CRS, id_field: str | None, *, required: bool) -> np.ndarray:
    """(n, 2) point coordinates in the working CRS; NaN for features without geometry (an error when ``required``)."""
    if frame.crs is None:
        raise EngineInputError(
            text("permit.no_crs"),
            layer=layer,
            hint=text("permit.set_crs_metres"),
        )
    series = frame.geometry if CRS.from_user_input(frame.crs) == work_crs else frame.geometry.to_crs(work_crs)
    geometries = np.asarray(series.values, dtype=object)
    missing = shapely.is_missing(geometries) | shapely.is_empty(geometries)
    if required and missing.any():
        rows = [int(r) for r in np.flatnonzero(missing)]
        raise EngineInputError(
            text("permit.no_geometry", n=len(rows), features=listed_features(frame, rows, id_field)),
            layer=layer,
            feature=feature_label(frame, rows[0], id_field),
            hint=text("permit.place_it"),
        )
    types = shapely.get_type_id(geometries[~missing])
    if ((types != 0) & (types != 4)).any():
        row = int(np.flatnonzero(~missing)[(types != 0) & (types != 4)][0])
        raise EngineInputError(
            text("permit.not_points", n=int(((types != 0) & (types != 4)).sum()), kind=frame.geometry.iloc[row].geom_type),
            layer=layer,
            feature=feature_label(frame, row, id_field),
            hint=text("permit.use_points"),
        )
    xy = np.full((len(geometries), 2), np.nan)
    if (~missing).any():
        # A multipoint well stands at its first point.
        first = np.array([g if g.geom_type == "Point" else g.geoms[0] for g in geometries[~missing]], dtype=object)
        xy[~missing, 0] = shapely.get_x(first)
        xy[~missing, 1] = shapely.get_y(first)
    return xy


def prepare_aquifer(frame: gpd.GeoDataFrame, t_field: str, s_field: str, layer: str, work_crs: CRS) -> Aquifer:
    """Aquifer polygons with T (m²/d) and S; a value that is empty, not above 0 (or S above 1) stops the run."""
    transmissivity = number_column(frame, t_field, layer=layer, allow_negative=True)
    storativity = number_column(frame, s_field, layer=layer, allow_negative=True)
    for values, name in ((transmissivity, t_field), (storativity, s_field)):
        bad = [int(r) for r in np.flatnonzero(~(values > 0) | ((values > 1) if name == s_field else False))]
        if bad:
            raise EngineInputError(
                text("permit.aquifer_value", n=len(bad), features=listed_features(frame, bad, None, [values[r] for r in bad])),
                layer=layer,
                feature=feature_label(frame, bad[0]),
                field=name,
                hint=text("permit.fix_aquifer"),
            )
    if frame.crs is None:
        raise EngineInputError(
            text("permit.no_crs"), layer=layer, hint=text("permit.set_crs")
        )
    series = frame.geometry if CRS.from_user_input(frame.crs) == work_crs else frame.geometry.to_crs(work_crs)
    geometries = np.asarray(series.values, dtype=object)
    present = ~(shapely.is_missing(geometries) | shapely.is_empty(geometries))
    rows = np.flatnonzero(present)
    geometries = shapely.make_valid(geometries[rows])
    return Aquifer(
        geometries=geometries,
        transmissivity=transmissivity[rows],
        storativity=storativity[rows],
        labels=[feature_label(frame, int(r)) for r in rows],
        layer=layer,
        tree=shapely.STRtree(geometries),
    )


def _aquifer_at(aquifer: Aquifer | None, x: float, y: float, settings: TheisSettings) -> tuple[float, float, str]:
    """(T, S, source) at a point: the first aquifer polygon holding it, else the parameters."""
    if aquifer is not None:
        hits = aquifer.tree.query(shapely.Point(x, y), predicate="intersects")
        if len(hits):
            index = int(np.min(hits))  # the first polygon in layer order, whatever the tree returns
            return float(aquifer.transmissivity[index]), float(aquifer.storativity[index]), f"{aquifer.layer}: {aquifer.labels[index]}"
    return settings.transmissivity_m2_per_day, settings.storativity, "parameters"


def interference_at(
    x: float,
    y: float,
    rate_m3_day: float,
    transmissivity: float,
    storativity: float,
    settings: TheisSettings,
    existing_xy: np.ndarray,
    existing_ids: list[str],
    *,
    affected_threshold_m: float,
    min_distance_m: float,
) -> list[Interference]:
    """Theis drawdown at each existing well within ``settings.radius_m`` of (x, y), nearest first."""
    if not len(existing_xy):
        return []
    distances = np.hypot(existing_xy[:, 0] - x, existing_xy[:, 1] - y)
    within = np.flatnonzero(distances <= settings.radius_m)  # NaN (no location) compares False
    if not len(within):
        return []
    within = within[np.argsort(distances[within], kind="stable")]
    r = np.maximum(distances[within], min_distance_m)
    u = theis_u(r, transmissivity, storativity, settings.pumping_days)
    w = well_function(u)
    drawdown = theis_drawdown(rate_m3_day, transmissivity, storativity, r, settings.pumping_days)
    return [
        Interference(existing_ids[i], float(d), float(uu), float(ww), float(s), bool(s > affected_threshold_m))
        for i, d, uu, ww, s in zip(within, distances[within], u, w, drawdown)
    ]


def _quota_status(remaining: float | None, requested: float) -> str:
    """Item 8: a used-up quota suspends new abstraction; a request above what remains cannot be approved as asked."""
    if remaining is None:
        return QUOTA_NOT_CHECKED
    if remaining <= 0:
        return QUOTA_USED_UP
    return QUOTA_EXCEEDED if requested > remaining else QUOTA_WITHIN


def decide_permits(
    prepared: PreparedScreening,
    applications: gpd.GeoDataFrame,
    settings: TheisSettings,
    rules: Rules,
    *,
    id_field: str,
    requested_field: str,
    use_field: str | None = None,
    applicant_field: str | None = None,
    existing_wells: gpd.GeoDataFrame | None = None,
    existing_id_field: str | None = None,
    aquifer: Aquifer | None = None,
    language: str = "zh",
    is_canceled: Callable[[], bool] | None = None,
) -> PermitBatch:
    """One :class:`PermitDecision` per application, in order. ``prepared`` as for screening (with the
    townships' remaining quota for item 8); ``existing_wells`` are the wells the interference is computed at."""
    settings.check()
    layer = prepared.layer_names.get("wells", "applications")
    ids = _checked_ids(applications, id_field, layer)
    requested = number_column(applications, requested_field, layer=layer, id_field=id_field, allow_missing=False)
    zero = [int(r) for r in np.flatnonzero(requested <= 0)]
    if zero:
        raise EngineInputError(
            text("permit.request_not_positive", n=len(zero), features=listed_features(applications, zero, id_field)),
            layer=layer,
            feature=feature_label(applications, zero[0], id_field),
            field=requested_field,
            hint=text("permit.fix_request"),
        )
    xy = _points_xy(applications, layer, prepared.work_crs, id_field, required=True)
    results = screen_points(prepared, applications, use_field=use_field, requested_field=requested_field, language=language)
    rules_by_code = {rule.code: rule for rule in reason_rules(prepared) if rule is not None}
    affected_threshold = float(rules.value("permit_decision", "affected_drawdown_m"))
    min_distance = float(rules.value("permit_decision", "min_distance_m"))

    existing_xy = np.empty((0, 2))
    existing_ids: list[str] = []
    if existing_wells is not None and len(existing_wells):
        wells_layer = prepared.layer_names.get("existing_wells", "existing wells")
        existing_xy = _points_xy(existing_wells, wells_layer, prepared.work_crs, existing_id_field, required=False)
        if existing_id_field:
            require_fields(existing_wells, existing_id_field, layer=wells_layer, what=text("permit.what_well_id"))
        existing_ids = [feature_label(existing_wells, row, existing_id_field).split("=", 1)[-1] for row in range(len(existing_wells))]

    warnings: list[str] = []
    decisions: list[PermitDecision] = []
    for row, application_id in enumerate(ids):
        if is_canceled is not None and is_canceled():
            raise EngineCancelledError(layer)
        screened = results.iloc[row]
        codes = [code for code in str(screened["reasons"] or "").split(REASON_SEPARATOR) if code]
        reasons = [
            Reason(code, rules_by_code[code].verdict, rules_by_code[code].basis[language])
            if code in rules_by_code
            else Reason(code, str(screened["verdict"] or ""), str(screened["basis"] or ""))
            for code in codes
        ]
        x, y = float(xy[row, 0]), float(xy[row, 1])
        # The remaining quota of the township the screening placed the well in (same tie-break at boundaries).
        remaining = screen_point(prepared, x, y, prepared.work_crs, language=language)["township_remaining_m3"]
        transmissivity, storativity, source = _aquifer_at(aquifer, x, y, settings)
        if aquifer is not None and source == "parameters":
            warnings.append(text("permit.outside_aquifer", id=application_id))
        rate = rate_m3_per_day(requested[row], settings.pumping_days)
        distance = screened["supply_distance_m"]
        decisions.append(
            PermitDecision(
                application_id=application_id,
                applicant=None
                if not applicant_field or is_null(applications[applicant_field].iloc[row])
                else str(applications[applicant_field].iloc[row]),
                use=None if not use_field or is_null(applications[use_field].iloc[row]) else str(applications[use_field].iloc[row]),
                requested_m3=float(requested[row]),
                x=x,
                y=y,
                verdict=screened["verdict"],
                reasons=reasons,
                basis=str(screened["basis"] or ""),
                zone_name=screened["zone_name"],
                zone_grade=screened["zone_grade"],
                supply_distance_m=None if distance is None or math.isnan(distance) else float(distance),
                in_supply_coverage=None if screened["in_supply_coverage"] is None else bool(screened["in_supply_coverage"]),
                township=screened["township"],
                remaining_m3=remaining,
                quota_status=_quota_status(remaining, float(requested[row])),
                rate_m3_per_day=rate,
                transmissivity_m2_per_day=transmissivity,
                storativity=storativity,
                aquifer_source=source,
                interference=interference_at(
                    x,
                    y,
                    rate,
                    transmissivity,
                    storativity,
                    settings,
                    existing_xy,
                    existing_ids,
                    affected_threshold_m=affected_threshold,
                    min_distance_m=min_distance,
                ),
            )
        )
    return PermitBatch(decisions, prepared.work_crs, settings, affected_threshold, min_distance, existing_xy, existing_ids, warnings)
