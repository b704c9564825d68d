"""The facts of a permit decision, one per application: verdict and reasons, red line, interference.

The verdict, its reasons, the legal basis, the zone, the nearest pipe and the township's remaining
red-line quota all come from the screening engine (:func:`~..screening.well_sites.screen_points`), so a decision
says what ``tuoli_gw:screen_well_sites`` and the map tool say. This module adds what a reviewer needs
on top: each reason with its own clause (the rules file's basis texts), the request against the
remaining quota (notice item 8), and the drawdown the new well would cause at the existing wells
nearby (:mod:`.theis`) — information for the reviewer, not a verdict the notice gives.

A batch is judged together (the rules file's ``screening.batch``): in a stated order (application date, else id)
each application takes its request from its township's remaining quota, and the drawdowns of every application
that may be approved are added (superposition) at every pumping existing well and at the other applications. Each
application pumps its year's volume over the pumping days of its use (rules file
``permit_decision.pumping_days_by_use``) unless one period is given for all.
``permit_document`` turns each decision into the HTML/PDF document. No QGIS import.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS

from ..core.columns import INTEGER, REAL, TEXT, Column, column_names
from ..core.errors import EngineCancelledError, EngineInputError
from ..core.messages import register, text
from ..core.rules import Rules
from ..core.values import feature_label, filled_labels, is_blank, is_null, listed_features, number_column, require_fields, require_unique
from ..screening.well_kind import normal_word, pumping_mask
from ..screening.well_sites import REASON_SEPARATOR, PreparedScreening, batch_order, reason_rules, screen_points
from .theis import (  # noqa: F401 - the defaults are re-exported for the door and the map tool
    DEFAULT_RADIUS_M,
    DEFAULT_STORATIVITY,
    DEFAULT_TRANSMISSIVITY_M2_PER_DAY,
    check_aquifer,
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
            "请为每个申请填写编号：审查意见书及其文件以编号命名",
        ),
        "permit.duplicate_id": (
            "application id '{label}' is used by several features ({features}); each decision file is named after its id",
            "申请编号“{label}”被多个要素使用（{features}）；每份审查意见书文件按编号命名",
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
        "permit.use_points": ("a permit decision needs the well location as a point", "取水许可审查意见书需要以点表示井位"),
        "permit.no_geometry": (
            "{n} application(s) have no location: {features}",
            "{n} 个申请没有位置：{features}",
        ),
        "permit.place_it": ("place them on the map: a decision needs the well site", "请在地图上定位：审查意见书需要井位"),
        "permit.outside_aquifer": (
            "application {id} lies in no aquifer polygon: T and S from the parameters",
            "申请 {id} 不在任何含水层多边形内：T、S 采用参数值",
        ),
        "permit.not_pumping": (
            "{n} existing well(s) are stopped, deregistered or sealed ('{field}') and are not counted as interfered wells.",
            "{n} 眼现有取水井已停用、注销或封填（“{field}”），不计为受干扰井。",
        ),
    }
)

# What the quota check found (notice item 8): the status words are in permit_document.
QUOTA_WITHIN, QUOTA_EXCEEDED, QUOTA_USED_UP, QUOTA_NOT_CHECKED = "within", "exceeds_remaining", "used_up", "not_checked"
register(
    {
        "quota_status.within": ("within the remaining quota", "未超过剩余指标"),
        "quota_status.exceeds_remaining": ("over the remaining quota", "超过剩余指标"),
        "quota_status.used_up": ("red line used up", "指标已用完"),
        "quota_status.not_checked": ("not checked", "未核查"),
    }
)
# The aquifer the Theis estimate assumes, named from S (rules file permit_decision.aquifer_kind); None: not named.
CONFINED, UNCONFINED = "confined", "unconfined"

# The columns tuoli_gw:permit_decision's OUTPUT adds to each application, in this order (a public contract).
DECISION_COLUMNS = (
    Column("application_id", TEXT, "the application's id"),
    Column("verdict", TEXT, "prohibited / restricted / allowed, or outside (no verdict outside the mapped area)"),
    Column("reasons", TEXT, "the reason codes behind the verdict, separated by ;"),
    Column("township", TEXT, "the township the application lies in"),
    Column("requested_m3", REAL, "the requested yearly volume (m³/a)"),
    Column("remaining_m3", REAL, "the township's remaining red-line quota (m³/a)"),
    Column("quota_status", TEXT, "within / exceeds_remaining / used_up / not_checked"),
    Column("supply_distance_m", REAL, "distance to the nearest public supply pipe (m)"),
    Column("zone_name", TEXT, "the over-extraction zone the application lies in"),
    Column("wells_within_radius", INTEGER, "existing wells within the interference radius"),
    Column("affected_wells", INTEGER, "existing wells whose drawdown, with the batch's added, exceeds the rules file's threshold"),
    Column("max_drawdown_m", REAL, "the largest drawdown this application causes at an existing well (m)"),
    Column("html_path", TEXT, "the decision document (HTML)"),
    Column("pdf_path", TEXT, "the decision document (PDF)"),
    # issue 25: the kind of well, and the batch judged together
    Column("well_type", TEXT, "self_supplied / other / unknown: a 自备井 or not (item 13)"),
    Column("taken_before_m3", REAL, "what the applications judged before it took of its township's remaining quota (m³/a)"),
    Column("pumping_days", REAL, "the days its yearly volume is pumped over (its use's, from the rules file, or PUMPING_DAYS)"),
    Column("batch_max_drawdown_m", REAL, "the largest drawdown at an existing well with every application of the batch that may be "
           "approved added (m)"),
)


@dataclass(frozen=True)
class TheisSettings:
    """The interference parameters: aquifer T (m²/d) and S, pumping period (d; None: per use from the rules file's
    ``permit_decision.pumping_days_by_use``), search radius (m)."""

    transmissivity_m2_per_day: float
    storativity: float
    pumping_days: float | None
    radius_m: float

    def check(self) -> None:
        check_aquifer(self.transmissivity_m2_per_day, self.storativity, t_name="TRANSMISSIVITY (T, m²/d)", s_name="STORATIVITY (S)")
        if self.pumping_days is not None:
            days = float(self.pumping_days)
            if not math.isfinite(days) or days <= 0 or days > 366:
                raise EngineInputError(text("permit.days_not_positive", value=self.pumping_days))
        radius = float(self.radius_m)
        if not math.isfinite(radius) or radius <= 0:
            raise EngineInputError(text("permit.radius_not_positive", value=self.radius_m))


def pumping_days_of_use(use: object, rules: Rules) -> float:
    """The days a year a well of this use pumps (the rules file's ``permit_decision.pumping_days_by_use``, an
    assumption): its request is spread over them and the drawdown is computed at their end. A use not listed (or
    none) takes the file's default."""
    node = rules.get("permit_decision", "pumping_days_by_use")
    if not is_blank(use):
        word = normal_word(use)
        for kind in node["uses"].values():
            if word in {normal_word(alias) for alias in kind.get("aliases", [])}:
                return float(kind["value"])
    return float(node["default"]["value"])


def aquifer_kind(storativity: float, rules: Rules) -> str | None:
    """CONFINED for S up to the rules file's ``confined_storativity_max``, UNCONFINED (S read as specific yield) from its
    ``unconfined_storativity_min``, None in between: the document names no aquifer it cannot tell."""
    node = rules.get("permit_decision", "aquifer_kind")
    if storativity <= float(node["confined_storativity_max"]["value"]):
        return CONFINED
    if storativity >= float(node["unconfined_storativity_min"]["value"]):
        return UNCONFINED
    return None


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
    """Theis drawdown at one existing well (or another application) within the radius: this application's own, and
    the batch's — every application of the batch that may be approved added (superposition). ``affected`` is judged
    on the batch's drawdown."""

    well_id: str
    distance_m: float
    u: float
    w_u: float
    drawdown_m: float
    affected: bool
    batch_drawdown_m: float = math.nan


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
    remaining_m3: float | None  # the township's remaining red-line quota
    quota_status: str  # of the request against what the earlier applications of the batch leave of it
    rate_m3_per_day: float
    transmissivity_m2_per_day: float
    storativity: float
    aquifer_source: str  # 'parameters' or the aquifer feature it came from
    interference: list[Interference] = field(default_factory=list)
    pumping_days: float = math.nan
    taken_before_m3: float | None = None  # what the applications judged before it took of its township's quota
    batch_position: int = 1  # 1 = judged first in the batch
    at_applications: list[Interference] = field(default_factory=list)  # the other applications within the radius
    batch_drawdown_here_m: float = 0.0  # what the other applications of the batch lower the water level here
    well_type: str = "unknown"  # self_supplied / other / unknown: a 自备井 or not (item 13), as screening decided

    @property
    def affected(self) -> list[Interference]:
        return [row for row in self.interference if row.affected]

    @property
    def left_for_it_m3(self) -> float | None:
        """What the earlier applications of the batch leave of the township's remaining quota."""
        if self.remaining_m3 is None:
            return None
        return self.remaining_m3 - (self.taken_before_m3 or 0.0)


@dataclass
class PermitBatch:
    """The decisions, in the applications' order, and what the run should tell the user."""

    decisions: list[PermitDecision]
    work_crs: CRS
    settings: TheisSettings
    affected_threshold_m: float
    min_distance_m: float
    existing_xy: np.ndarray  # (n, 2) pumping existing wells in the working CRS, for the map
    existing_ids: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    order_by_date: bool = False  # judged by application date (else by id)


def decision_table(decisions: list[PermitDecision], paths: list[tuple[str, str]]) -> pd.DataFrame:
    """One row per decision with the :data:`DECISION_COLUMNS`; ``paths`` holds each decision's (html, pdf) files."""
    rows = [
        [
            decision.application_id,
            decision.verdict,
            REASON_SEPARATOR.join(reason.code for reason in decision.reasons),
            decision.township,
            decision.requested_m3,
            decision.remaining_m3,
            decision.quota_status,
            decision.supply_distance_m,
            decision.zone_name,
            len(decision.interference),
            len(decision.affected),
            max((row.drawdown_m for row in decision.interference), default=None),
            html_path,
            pdf_path,
            decision.well_type,
            decision.taken_before_m3,
            decision.pumping_days,
            max((row.batch_drawdown_m for row in decision.interference), default=None),
        ]
        for decision, (html_path, pdf_path) in zip(decisions, paths)
    ]
    return pd.DataFrame(rows, columns=list(column_names(DECISION_COLUMNS)), dtype=object)


def safe_file_stem(application_id: str) -> str:
    """A file name from an application id: letters, digits (any script), '-', '_' and '.'; the rest become '_'."""
    stem = re.sub(r"[^\w.\-]+", "_", str(application_id).strip(), flags=re.UNICODE).strip("._")
    return stem[:120] or "application"


def _checked_ids(applications: gpd.GeoDataFrame, id_field: str, layer: str) -> list[str]:
    require_fields(applications, id_field, layer=layer, what=text("permit.what_id"))
    ids = filled_labels(
        applications, id_field, layer=layer, message="permit.no_id", hint="permit.fill_id",
        blank=lambda value: is_null(value) or not str(value).strip(),
    )
    require_unique(
        applications, id_field, ids, layer=layer, message="permit.duplicate_id", hint="permit.make_unique",
        key=lambda application_id: safe_file_stem(application_id).lower(), id_field=id_field,
    )
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


@dataclass(frozen=True)
class _Pumping:
    """The batch's applications as pumping wells: site, rate (m³/d), aquifer T and S, pumping period (d)."""

    xy: np.ndarray
    rate: np.ndarray
    transmissivity: np.ndarray
    storativity: np.ndarray
    days: np.ndarray

    def drawdowns(self, source: int, at_xy: np.ndarray, min_distance_m: float) -> tuple[np.ndarray, ...]:
        """Distance, u, W(u) and drawdown of application ``source`` at each point (NaN where a point has no location)."""
        distance = np.hypot(at_xy[:, 0] - self.xy[source, 0], at_xy[:, 1] - self.xy[source, 1])
        located = ~np.isnan(distance)
        u, w, drawdown = (np.full(len(at_xy), np.nan) for _ in range(3))
        r = np.maximum(distance[located], min_distance_m)
        t, s, days = self.transmissivity[source], self.storativity[source], self.days[source]
        u[located] = theis_u(r, t, s, days)
        w[located] = well_function(u[located])
        drawdown[located] = theis_drawdown(self.rate[source], t, s, r, days)
        return distance, u, w, drawdown


def _interference_rows(
    ids: list[str], distance: np.ndarray, u: np.ndarray, w: np.ndarray, drawdown: np.ndarray, others_total: np.ndarray,
    *, radius_m: float, threshold_m: float, skip: int | None = None,
) -> list[Interference]:
    """Rows for the points within the radius, nearest first: this application's drawdown, and the batch's (this one
    plus ``others_total``, the other applications of the batch that may be approved), on which ``affected`` is judged."""
    within = np.flatnonzero(distance <= radius_m)  # NaN compares False
    if skip is not None:
        within = within[within != skip]
    within = within[np.argsort(distance[within], kind="stable")]
    return [
        Interference(ids[point], float(distance[point]), float(u[point]), float(w[point]), float(drawdown[point]),
                     bool(drawdown[point] + others_total[point] > threshold_m), float(drawdown[point] + others_total[point]))
        for point in within
    ]


def _quota_status(remaining: float | None, left: float | None, requested: float) -> str:
    """Item 8: a used-up quota suspends new abstraction; a request above what remains — of the township's quota, after
    the earlier applications of the batch — cannot be approved as asked."""
    if remaining is None or left is None:
        return QUOTA_NOT_CHECKED
    if remaining <= 0:
        return QUOTA_USED_UP
    return QUOTA_EXCEEDED if requested > left else QUOTA_WITHIN


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
    self_supplied_field: str | None = None,
    date_field: str | None = None,
    existing_status_field: str | None = None,
) -> PermitBatch:
    """One :class:`PermitDecision` per application, in the layer's order, the batch judged together (see the module
    doc). ``prepared`` as for screening (with the townships' remaining quota for item 8); ``existing_wells`` are the
    wells the interference is computed at — those ``existing_status_field`` says stopped, deregistered or sealed are
    left out; ``date_field`` orders the batch (else ``id_field``)."""
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
    order = batch_order(applications, date_field=date_field, id_field=id_field, layer=layer)
    results = screen_points(
        prepared, applications, use_field=use_field, requested_field=requested_field, self_supplied_field=self_supplied_field,
        order=order, id_field=id_field, language=language,
    )
    rules_by_code = {rule.code: rule for rule in reason_rules(prepared) if rule is not None}
    affected_threshold = float(rules.value("permit_decision", "affected_drawdown_m"))
    min_distance = float(rules.value("permit_decision", "min_distance_m"))
    warnings: list[str] = []
    existing_xy, existing_ids = _pumping_existing_wells(
        prepared, existing_wells, existing_id_field, existing_status_field, rules, warnings
    )

    n = len(ids)
    uses = [None if not use_field or is_null(v) else v for v in (applications[use_field].tolist() if use_field else [None] * n)]
    days = np.array([settings.pumping_days if settings.pumping_days is not None else pumping_days_of_use(u, rules) for u in uses],
                    dtype=float)
    aquifers = [_aquifer_at(aquifer, float(xy[row, 0]), float(xy[row, 1]), settings) for row in range(n)]
    pumping = _Pumping(xy, requested / days, np.array([a[0] for a in aquifers], dtype=float),
                       np.array([a[1] for a in aquifers], dtype=float), days)
    # Superposition: the drawdowns of every application that may be approved (not prohibited) add up, at each existing
    # well and at each application's site (there, of the others only).
    counted = results["verdict"].to_numpy(dtype=object) != "prohibited"
    on_wells = [pumping.drawdowns(row, existing_xy, min_distance) for row in range(n)]
    on_sites = [pumping.drawdowns(row, xy, min_distance) for row in range(n)]
    wells_total = np.zeros(len(existing_xy))
    sites_total = np.zeros(n)
    for row in np.flatnonzero(counted):
        wells_total += np.nan_to_num(on_wells[row][3])
        at_sites = np.nan_to_num(on_sites[row][3])
        at_sites[row] = 0.0
        sites_total += at_sites

    remaining_after = np.asarray(results.attrs.get("batch_remaining_m3", np.full(n, np.nan)), dtype=float)
    taken_before = np.asarray(results.attrs.get("batch_taken_before_m3", np.full(n, np.nan)), dtype=float)
    position = np.empty(n, dtype=np.int64)
    position[order] = np.arange(1, n + 1)
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
        transmissivity_here, storativity_here, source = aquifers[row]
        if aquifer is not None and source == "parameters":
            warnings.append(text("permit.outside_aquifer", id=application_id))
        before = None if math.isnan(taken_before[row]) else float(taken_before[row])
        remaining = None if before is None else float(remaining_after[row]) + before
        distance = screened["supply_distance_m"]
        # The batch's total at a point, without this application (added back by the rows, counted or not).
        own_wells = np.nan_to_num(on_wells[row][3]) if counted[row] else 0.0
        own_sites = np.nan_to_num(on_sites[row][3]) if counted[row] else np.zeros(n)
        decisions.append(
            PermitDecision(
                application_id=application_id,
                applicant=None
                if not applicant_field or is_null(applications[applicant_field].iloc[row])
                else str(applications[applicant_field].iloc[row]),
                use=None if uses[row] is None else str(uses[row]),
                requested_m3=float(requested[row]),
                x=float(xy[row, 0]),
                y=float(xy[row, 1]),
                verdict=screened["verdict"],
                reasons=reasons,
                basis=str(screened["basis"] or ""),
                zone_name=screened["zone_name"],
                zone_grade=screened["zone_grade"],
                supply_distance_m=None if distance is None or math.isnan(distance) else float(distance),
                in_supply_coverage=None if screened["in_supply_coverage"] is None else bool(screened["in_supply_coverage"]),
                township=screened["township"],
                remaining_m3=remaining,
                quota_status=_quota_status(remaining, None if remaining is None else remaining - before, float(requested[row])),
                rate_m3_per_day=float(pumping.rate[row]),
                transmissivity_m2_per_day=transmissivity_here,
                storativity=storativity_here,
                aquifer_source=source,
                interference=_interference_rows(
                    existing_ids, *on_wells[row], wells_total - own_wells, radius_m=settings.radius_m, threshold_m=affected_threshold
                ),
                pumping_days=float(days[row]),
                taken_before_m3=before,
                batch_position=int(position[row]),
                at_applications=_interference_rows(
                    ids, *on_sites[row], sites_total - own_sites, radius_m=settings.radius_m, threshold_m=affected_threshold, skip=row
                ),
                batch_drawdown_here_m=float(sites_total[row]),
                well_type=str(screened["well_type"]),
            )
        )
    return PermitBatch(
        decisions, prepared.work_crs, settings, affected_threshold, min_distance, existing_xy, existing_ids, warnings,
        order_by_date=bool(date_field),
    )


def _pumping_existing_wells(
    prepared: PreparedScreening,
    existing_wells: gpd.GeoDataFrame | None,
    id_field: str | None,
    status_field: str | None,
    rules: Rules,
    warnings: list[str],
) -> tuple[np.ndarray, list[str]]:
    """The existing wells that pump (their status not stopped, deregistered or sealed): locations and names."""
    if existing_wells is None or not len(existing_wells):
        return np.empty((0, 2)), []
    layer = prepared.layer_names.get("existing_wells", "existing wells")
    if id_field:
        require_fields(existing_wells, id_field, layer=layer, what=text("permit.what_well_id"))
    pumping = pumping_mask(existing_wells, status_field, rules, layer=layer)
    if (~pumping).any():
        warnings.append(text("permit.not_pumping", n=int((~pumping).sum()), field=status_field))
    xy = _points_xy(existing_wells, layer, prepared.work_crs, id_field, required=False)
    names = [feature_label(existing_wells, row, id_field).split("=", 1)[-1] for row in range(len(existing_wells))]
    return xy[pumping], [name for name, keep in zip(names, pumping) if keep]
