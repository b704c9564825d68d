"""The map extract of a permit decision: the application, zones, supply pipes and areas, and the
existing wells within the interference radius (PNG, all geometries in the screening's working CRS)."""

from __future__ import annotations

import numpy as np
import shapely
from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, Patch

from ..screening.well_sites import PreparedScreening
from .draw import draw_lines, draw_polygons, png_bytes
from .style import COVERAGE_COLOUR, EXISTING_WELL_COLOUR, GRADE_COLOURS, SUPPLY_COLOUR, TOWNSHIP_EDGE_COLOUR, font_families, verdict_colour

AFFECTED_COLOUR = "#7b1fa2"  # existing wells above the drawdown threshold: not a verdict colour


def _in_window(geometries, window: shapely.Geometry):
    if geometries is None or not len(geometries):
        return []
    kept = [g for g in geometries if g is not None and not g.is_empty and g.intersects(window)]
    with np.errstate(invalid="ignore"):  # GEOS's NaN check on clipping curved-edge remnants: harmless here
        return [g.intersection(window) for g in kept]


def permit_map(
    prepared: PreparedScreening,
    *,
    x: float,
    y: float,
    verdict: str | None,
    radius_m: float,
    existing_xy: np.ndarray,
    affected_xy: np.ndarray,
    nearest_pipe_xy: tuple[float, float] | None,
    words: dict[str, str],
    family: str | None = None,
) -> bytes:
    """PNG bytes of the extract around (x, y); ``words`` holds the legend texts in the document's language."""
    half = max(radius_m * 1.35, 1500.0)
    if nearest_pipe_xy is not None:
        # A pipe a little beyond the radius widens the window; a far one stays off it (the dotted line shows its way).
        pipe_distance = float(np.hypot(nearest_pipe_xy[0] - x, nearest_pipe_xy[1] - y))
        if pipe_distance <= 2.0 * half:
            half = max(half, 1.15 * pipe_distance)
    window = shapely.box(x - half, y - half, x + half, y + half)
    families = font_families(family)
    with rc_context({"font.family": "sans-serif", "font.sans-serif": families}):
        figure = Figure(figsize=(7.4, 5.6))
        ax = figure.add_subplot(1, 1, 1)
        ax.set_aspect("equal")
        legend: list = []
        for grade in ("severe", "general"):
            chosen = prepared.zone_geometries[prepared.zone_grades == grade] if len(prepared.zone_grades) else []
            clipped = _in_window(chosen, window)
            if clipped:
                colour = GRADE_COLOURS[grade]
                draw_polygons(ax, clipped, facecolor=colour, alpha=0.22, edgecolor=colour, linewidth=0.8)
                legend.append(Patch(facecolor=colour, alpha=0.35, edgecolor=colour, label=words[grade]))
        areas = _in_window(prepared.area_geometries, window)
        if areas:
            draw_polygons(ax, areas, facecolor=SUPPLY_COLOUR, alpha=0.25, edgecolor=SUPPLY_COLOUR, linewidth=0.8)
            legend.append(Patch(facecolor=SUPPLY_COLOUR, alpha=0.35, label=words["supply_areas"]))
        pipes = _in_window(prepared.pipe_geometries, window.buffer(prepared.coverage_distance_m or 0.0))
        if pipes:
            if prepared.coverage_distance_m:
                # Display only: the verdict uses the exact distance.
                band = shapely.buffer(shapely.union_all(pipes), prepared.coverage_distance_m).intersection(window)
                draw_polygons(ax, [band], facecolor=COVERAGE_COLOUR, alpha=0.4, edgecolor="none")
                legend.append(Patch(facecolor=COVERAGE_COLOUR, alpha=0.6, label=words["coverage_band"]))
            draw_lines(ax, _in_window(pipes, window), color=SUPPLY_COLOUR, linewidth=1.3)
            legend.append(Line2D([], [], color=SUPPLY_COLOUR, linewidth=1.3, label=words["supply_pipes"]))
        townships = _in_window(prepared.township_geometries, window)
        if townships:
            draw_lines(ax, [t.boundary for t in townships], color=TOWNSHIP_EDGE_COLOUR, linewidth=0.8, linestyle=":")
        ax.add_patch(Circle((x, y), radius_m, fill=False, edgecolor="#333333", linestyle="--", linewidth=0.9))
        legend.append(Line2D([], [], color="#333333", linestyle="--", linewidth=0.9, label=words["radius"]))
        inside = existing_xy[np.hypot(existing_xy[:, 0] - x, existing_xy[:, 1] - y) <= half * 1.5] if len(existing_xy) else existing_xy
        if len(inside):
            ax.scatter(inside[:, 0], inside[:, 1], s=16, c=EXISTING_WELL_COLOUR, edgecolors="black", linewidths=0.3, zorder=5)
            legend.append(
                Line2D([], [], marker="o", linestyle="", color=EXISTING_WELL_COLOUR, markeredgecolor="black", label=words["existing_wells"])
            )
        if len(affected_xy):
            ax.scatter(affected_xy[:, 0], affected_xy[:, 1], s=60, facecolors="none", edgecolors=AFFECTED_COLOUR, linewidths=1.4, zorder=6)
            legend.append(
                Line2D(
                    [],
                    [],
                    marker="o",
                    linestyle="",
                    markerfacecolor="none",
                    markeredgecolor=AFFECTED_COLOUR,
                    markersize=8,
                    label=words["affected_wells"],
                )
            )
        if nearest_pipe_xy is not None:
            ax.plot([x, nearest_pipe_xy[0]], [y, nearest_pipe_xy[1]], color=SUPPLY_COLOUR, linestyle=":", linewidth=1.2, zorder=4)
        ax.scatter([x], [y], s=190, marker="*", c=verdict_colour(verdict), edgecolors="black", linewidths=0.6, zorder=7)
        legend.append(
            Line2D(
                [],
                [],
                marker="*",
                linestyle="",
                markersize=12,
                color=verdict_colour(verdict),
                markeredgecolor="black",
                label=words["application"],
            )
        )
        ax.set_xlim(x - half, x + half)
        ax.set_ylim(y - half, y + half)
        ax.ticklabel_format(useOffset=False, style="plain")
        ax.tick_params(labelsize=7)
        ax.set_xlabel(f"{words['map_crs']}: {words.get('crs_name', prepared.work_crs.name)} (m)", fontsize=8)
        ax.legend(handles=legend, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7, prop={"family": families, "size": 7})
        figure.tight_layout()
        return png_bytes(figure, dpi=130)
