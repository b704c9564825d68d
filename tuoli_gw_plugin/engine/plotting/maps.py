"""Maps: townships, over-extraction zones, supply coverage and wells by verdict (PNG).

The screening report's map (one batch, zoomed to its wells) and the supervision report's county map.
"""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..screening.well_sites import PreparedScreening
from .draw import draw_lines, draw_polygons, png_bytes
from .style import (
    COVERAGE_COLOUR,
    EXISTING_WELL_COLOUR,
    GRADE_COLOURS,
    SUPPLY_COLOUR,
    TOWNSHIP_EDGE_COLOUR,
    font_families,
    verdict_colour,
)

ZONE_GRADES = ("severe", "general")  # drawn as zones; 'none' is not a zone


def render_screening_map(
    prepared: PreparedScreening,
    wells: gpd.GeoDataFrame,
    results: pd.DataFrame,
    *,
    words: dict[str, str],
    title: str | None = None,
    size_inches: tuple[float, float] = (9.0, 7.0),
    dpi: int = 110,
) -> bytes:
    """PNG bytes of the map; ``words`` holds the legend texts (the screening report's vocabulary)."""
    families = font_families()
    # Every text on the map (Chinese township names, axis label) in a font with CJK glyphs.
    with rc_context({"font.family": "sans-serif", "font.sans-serif": families}):
        figure = Figure(figsize=size_inches, dpi=dpi)
        ax = figure.add_subplot(1, 1, 1)
        ax.set_aspect("equal")
        points = wells.geometry.to_crs(prepared.work_crs) if len(wells) else gpd.GeoSeries([], crs=prepared.work_crs)
        # One row per well (NaN where it has no geometry), aligned with ``results``.
        centres = shapely.centroid(np.asarray(points.values, dtype=object))
        xy = np.column_stack([shapely.get_x(centres), shapely.get_y(centres)]).astype(float) if len(points) else np.empty((0, 2))
        legend = _draw_background(ax, prepared, words, families)
        legend += _draw_wells(ax, xy, results["verdict"].to_numpy(dtype=object), words)
        _frame_wells(ax, xy)
        ax.ticklabel_format(useOffset=False, style="plain")
        ax.tick_params(labelsize=7)
        ax.set_xlabel(f"{words['schematic']} {prepared.work_crs.to_string()} (m)", fontsize=8)
        ax.set_title(title or words["title"], fontdict={"family": families, "size": 11})
        ax.legend(handles=legend, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7, prop={"family": families, "size": 7})
        return png_bytes(figure, dpi=dpi)


def _draw_background(ax, prepared: PreparedScreening, words: dict[str, str], families: list[str]) -> list:
    """Townships with their names, zones, supply areas and pipes with their coverage band; the legend entries."""
    legend: list = []
    if prepared.township_geometries is not None:
        draw_polygons(ax, prepared.township_geometries, facecolor="none", edgecolor=TOWNSHIP_EDGE_COLOUR, linewidth=0.8)
        for geometry, name in zip(prepared.township_geometries, prepared.township_names):
            if geometry is not None and not geometry.is_empty and name:
                anchor = geometry.representative_point()
                ax.annotate(name, (anchor.x, anchor.y), ha="center", fontsize=8, color="#333333", fontfamily=families)
    for grade in ZONE_GRADES:
        colour = GRADE_COLOURS[grade]
        chosen = prepared.zone_geometries[prepared.zone_grades == grade] if len(prepared.zone_grades) else []
        if len(chosen):
            draw_polygons(ax, chosen, facecolor=colour, alpha=0.22, edgecolor=colour, linewidth=0.8)
            legend.append(Patch(facecolor=colour, alpha=0.35, edgecolor=colour, label=words.get(grade, grade)))
    if prepared.has_areas and len(prepared.area_geometries):
        draw_polygons(ax, prepared.area_geometries, facecolor=SUPPLY_COLOUR, alpha=0.25, edgecolor=SUPPLY_COLOUR, linewidth=0.8)
        legend.append(Patch(facecolor=SUPPLY_COLOUR, alpha=0.35, label=words["areas"]))
    if prepared.has_pipes and len(prepared.pipe_geometries):
        # For display only: the verdicts use exact distances, not this buffer.
        band = shapely.buffer(shapely.union_all(prepared.pipe_geometries), prepared.coverage_distance_m)
        draw_polygons(ax, [band], facecolor=COVERAGE_COLOUR, alpha=0.35, edgecolor=SUPPLY_COLOUR, linewidth=0.4, linestyle="--")
        draw_lines(ax, prepared.pipe_geometries, color=SUPPLY_COLOUR, linewidth=1.4)
        legend.append(Patch(facecolor=COVERAGE_COLOUR, alpha=0.5, label=f"{words['buffer']} ({prepared.coverage_distance_m:g} m)"))
        legend.append(Line2D([], [], color=SUPPLY_COLOUR, linewidth=1.4, label=words["pipes"]))
    return legend


def _draw_wells(ax, xy: np.ndarray, verdicts: np.ndarray, words: dict[str, str]) -> list:
    """The wells as dots coloured by verdict, strictest drawn last (on top); the legend entries."""
    legend: list = []
    for verdict in ("outside", "allowed", "restricted", "prohibited"):
        chosen = verdicts == verdict
        if verdict == "outside" and not chosen.any():
            continue  # listed only when some well is outside the mapped area, as most maps have none
        many = chosen.sum() >= 5000  # small dots without edges, or a dense batch becomes one blot
        if chosen.any():
            ax.scatter(
                xy[chosen, 0],
                xy[chosen, 1],
                s=2 if many else 14,
                c=verdict_colour(verdict),
                edgecolors="none" if many else "black",
                linewidths=0.3,
                zorder=5,
                rasterized=True,
            )
        legend.append(
            Line2D(
                [], [], marker="o", linestyle="", color=verdict_colour(verdict), markeredgecolor="black",
                label=f"{words[verdict]} ({int(chosen.sum())})",
            )
        )
    return legend


def _frame_wells(ax, xy: np.ndarray) -> None:
    """Zoom to the located wells with a margin (at least 2 km across), or to everything drawn."""
    located = xy[~np.isnan(xy).any(axis=1)]
    if not len(located):
        ax.autoscale_view()
        return
    x_min, y_min = located.min(axis=0)
    x_max, y_max = located.max(axis=0)
    margin = max(x_max - x_min, y_max - y_min, 2000.0) * 0.08
    ax.set_xlim(x_min - margin, x_max + margin)
    ax.set_ylim(y_min - margin, y_max + margin)


def county_map(
    *,
    crs,
    words: dict[str, str],
    family: str | None,
    zones: gpd.GeoSeries | None = None,
    zone_grades: pd.Series | None = None,
    supply_areas: np.ndarray = (),
    supply_pipes: np.ndarray = (),
    coverage_distance_m: float | None = None,
    townships: gpd.GeoSeries | None = None,
    township_names: Sequence[str] = (),
    existing_wells: gpd.GeoSeries | None = None,
    wells: gpd.GeoSeries | None = None,
    verdicts: pd.Series | None = None,
) -> tuple[bytes, dict[str, int]]:
    """The supervision report's county map (all geometries already in ``crs``) as PNG bytes, and the
    number of wells per verdict ('no_verdict' for those without one).

    ``zone_grades`` are the zones' grades, trimmed and in lower case; ``words`` the report's vocabulary.
    """
    fonts = {"family": font_families(family)} if family else {}
    figure = Figure(figsize=(8.6, 6.4))
    ax = figure.add_subplot(1, 1, 1)
    ax.set_aspect("equal")
    legend: list = []
    if zones is not None and zone_grades is not None:
        for grade, aliases in (("severe", ("severe", "严重", "严重超采区")), ("general", ("general", "一般", "一般超采区"))):
            chosen = zones[zone_grades.isin(aliases).to_numpy()]
            if len(chosen):
                colour = GRADE_COLOURS[grade]
                draw_polygons(ax, list(chosen), facecolor=colour, alpha=0.25, edgecolor=colour, linewidth=0.9)
                legend.append(Patch(facecolor=colour, alpha=0.35, edgecolor=colour, label=words[grade]))
    if len(supply_areas):
        draw_polygons(ax, list(supply_areas), facecolor=SUPPLY_COLOUR, alpha=0.3, edgecolor=SUPPLY_COLOUR, linewidth=0.6)
        legend.append(Patch(facecolor=SUPPLY_COLOUR, alpha=0.4, label=words["supply_areas"]))
    if len(supply_pipes):
        if coverage_distance_m:
            # Display only: verdicts come from exact distances in the screening engine.
            band = shapely.buffer(shapely.union_all(supply_pipes), coverage_distance_m)
            draw_polygons(ax, [band], facecolor=COVERAGE_COLOUR, alpha=0.4, edgecolor="none")
            legend.append(Patch(facecolor=COVERAGE_COLOUR, alpha=0.6, label=words["coverage_band"].format(d=coverage_distance_m)))
        draw_lines(ax, list(supply_pipes), color=SUPPLY_COLOUR, linewidth=0.9)
        legend.append(Line2D([], [], color=SUPPLY_COLOUR, linewidth=1.2, label=words["supply_pipes"]))
    if townships is not None:
        draw_polygons(ax, [g for g in townships if g is not None], facecolor="none", edgecolor="#444444", linewidth=0.9)
        for geometry, name in zip(townships, township_names):
            if geometry is not None and not geometry.is_empty:
                anchor = geometry.representative_point()
                ax.annotate(name, (anchor.x, anchor.y), ha="center", fontsize=8, color="#222222", zorder=8, **fonts)
    if existing_wells is not None:
        xy = shapely.get_coordinates(np.asarray(existing_wells[existing_wells.notna() & ~existing_wells.is_empty].values, dtype=object))
        ax.scatter(xy[:, 0], xy[:, 1], s=2, c=EXISTING_WELL_COLOUR, alpha=0.6, edgecolors="none", zorder=5, rasterized=True)
        label = f"{words['existing_wells']} ({len(xy)})"
        legend.append(Line2D([], [], marker="o", markersize=3, linestyle="", color=EXISTING_WELL_COLOUR, label=label))
    counts: dict[str, int] = {}
    if wells is not None and verdicts is not None:
        legend += _draw_report_wells(ax, wells, verdicts, words, counts)
    ax.autoscale_view()
    ax.ticklabel_format(useOffset=False, style="plain")
    ax.tick_params(labelsize=7)
    ax.set_xlabel(f"{words['map_crs']}: {words.get('crs_name', crs.name)} (m)", fontsize=8, **fonts)
    ax.legend(handles=legend, loc="upper left", bbox_to_anchor=(1.01, 1.0), prop={**fonts, "size": 7})
    return png_bytes(figure, dpi=130), counts


def _draw_report_wells(ax, points: gpd.GeoSeries, verdicts: pd.Series, words: dict[str, str], counts: dict[str, int]) -> list:
    """Screened wells by verdict (strictest on top), sized for how many there are; fills ``counts``."""
    legend: list = []
    has_xy = points.notna() & ~points.is_empty
    size = 14 if len(points) < 300 else 9 if len(points) < 1500 else 4
    edge = {"edgecolors": "black", "linewidths": 0.3} if len(points) < 300 else {"edgecolors": "none"}
    for verdict in (None, "allowed", "restricted", "prohibited"):
        has_verdict = verdicts.isna() if verdict is None else verdicts.eq(verdict)
        counts[verdict or "no_verdict"] = int(has_verdict.sum())
        chosen = has_xy & has_verdict
        if not chosen.any():
            continue
        xy = shapely.get_coordinates(np.asarray(points[chosen].values, dtype=object))
        ax.scatter(xy[:, 0], xy[:, 1], s=size, c=verdict_colour(verdict), zorder=6, rasterized=True, **edge)
        label = words[verdict] if verdict else words["no_verdict"]
        legend.append(
            Line2D(
                [], [], marker="o", linestyle="", color=verdict_colour(verdict),
                label=words["legend_wells"].format(verdict=label, n=int(chosen.sum())),
            )
        )
    return legend
