"""The short report a batch screening produces: a map and a table of verdicts per township.

A permit office files it with the batch: an HTML page (one file, the map embedded as a base64
PNG) listing how many proposed wells each township got prohibited / restricted / allowed, why,
and on what legal basis. The map is drawn with matplotlib's object API (no pyplot), so it works
inside QGIS and headless alike.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path as MplPath

from .screening import (
    NO_GEOMETRY,
    NO_GEOMETRY_BASIS,
    OUTSIDE,
    OUTSIDE_BASIS,
    OUTSIDE_MAPPED_AREA,
    PreparedScreening,
    reason_rules,
    verdict_counts,
)

VERDICT_COLOURS = {
    "prohibited": "#d7191c", "restricted": "#fdae61", "allowed": "#1a9641", OUTSIDE: "#7b3294", NO_GEOMETRY: "#999999",
}
VERDICT_ORDER = ("prohibited", "restricted", "allowed", OUTSIDE, NO_GEOMETRY)
GRADE_COLOURS = {"severe": "#e31a1c", "general": "#ff7f00"}
# Fonts that carry Chinese glyphs (township names), first found wins; DejaVu as a last resort.
CJK_FONTS = ["Noto Sans CJK SC", "Noto Sans CJK JP", "Source Han Sans SC", "WenQuanYi Zen Hei", "SimHei", "Microsoft YaHei", "DejaVu Sans"]

TEXT = {
    "en": {
        "title": "Well-site screening report",
        "made": "Produced",
        "input": "Wells screened",
        "summary": "Verdicts",
        "per_township": "Verdicts per township",
        "per_reason": "Reasons",
        "township": "Township",
        "outside": "(outside the township layer)",
        "total": "Total",
        "reason": "Reason code",
        "wells": "Wells",
        "basis": "Legal basis",
        "warnings": "Warnings",
        "map": "Map",
        "coverage": "Supply coverage",
        "pipes": "Supply pipes",
        "buffer": "Coverage distance around pipes",
        "areas": "Supply areas",
        "severe": "Severe over-extraction zone",
        "general": "General over-extraction zone",
        "schematic": "Distances measured in",
        NO_GEOMETRY: "no location",
        OUTSIDE: "outside the mapped area",
        "prohibited": "prohibited",
        "restricted": "restricted",
        "allowed": "allowed",
    },
    "zh": {
        "title": "取水井选址筛查报告",
        "made": "生成时间",
        "input": "筛查的井",
        "summary": "结论汇总",
        "per_township": "各乡镇结论",
        "per_reason": "原因",
        "township": "乡镇",
        "outside": "（不在乡镇图层内）",
        "total": "合计",
        "reason": "原因代码",
        "wells": "井数",
        "basis": "法律依据",
        "warnings": "警告",
        "map": "地图",
        "coverage": "供水覆盖",
        "pipes": "供水管网",
        "buffer": "管网覆盖距离",
        "areas": "供水覆盖区",
        "severe": "严重超采区",
        "general": "一般超采区",
        "schematic": "距离计算坐标系",
        NO_GEOMETRY: "无位置",
        OUTSIDE: "图层范围外",
        "prohibited": "禁止",
        "restricted": "限制",
        "allowed": "允许",
    },
}


@lru_cache(maxsize=1)
def font_families() -> tuple[str, ...]:
    """The installed fonts of CJK_FONTS (matplotlib warns for each missing family it is asked for)."""
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    return tuple([name for name in CJK_FONTS if name in installed] or ["DejaVu Sans"])


def township_table(results: pd.DataFrame, outside_label: str = "") -> pd.DataFrame:
    """Counts of each verdict per township (rows) with a total row and column."""
    verdict = results["verdict"].astype(object).where(results["verdict"].notna(), NO_GEOMETRY)
    township = results["township"].astype(object).where(results["township"].notna(), outside_label)
    table = pd.crosstab(township, verdict).reindex(columns=list(VERDICT_ORDER), fill_value=0)
    table.index.name = None
    table["total"] = table.sum(axis=1)
    table.loc["total"] = table.sum(axis=0)
    return table.astype(int)


def reason_table(results: pd.DataFrame) -> pd.Series:
    """How many wells carry each reason code (a well with several reasons counts once per reason)."""
    codes = results["reasons"].dropna().astype(str).str.split(";").explode()
    codes = codes[codes != ""]
    return codes.value_counts().sort_index()


def _polygon_path(geometry: shapely.Geometry) -> MplPath | None:
    """A matplotlib path for a (multi)polygon, holes included (even-odd filling does the holes)."""
    vertices, codes = [], []
    for polygon in shapely.get_parts(geometry):
        if polygon.is_empty or polygon.geom_type != "Polygon":
            continue
        for ring in [polygon.exterior, *polygon.interiors]:
            coords = np.asarray(ring.coords)[:, :2]
            vertices.append(coords)
            codes.append([MplPath.MOVETO] + [MplPath.LINETO] * (len(coords) - 2) + [MplPath.CLOSEPOLY])
    if not vertices:
        return None
    return MplPath(np.concatenate(vertices), np.concatenate(codes))


def _draw_polygons(ax, geometries: Sequence, **style) -> None:
    for geometry in geometries:
        if geometry is None:
            continue
        path = _polygon_path(geometry)
        if path is not None:
            ax.add_patch(PathPatch(path, **style))


def _draw_lines(ax, geometries: Sequence, **style) -> None:
    for geometry in geometries:
        if geometry is None:
            continue
        for line in shapely.get_parts(geometry):
            if line.geom_type in ("LineString", "LinearRing"):
                coords = np.asarray(line.coords)
                ax.plot(coords[:, 0], coords[:, 1], **style)


def render_screening_map(
    prepared: PreparedScreening,
    wells: gpd.GeoDataFrame,
    results: pd.DataFrame,
    *,
    language: str = "en",
    title: str | None = None,
    size_inches: tuple[float, float] = (9.0, 7.0),
    dpi: int = 110,
) -> bytes:
    """PNG bytes of a map: townships, zones, supply coverage and the wells coloured by verdict."""
    # Every text on the map (Chinese township names, axis label) in a font with CJK glyphs.
    with rc_context({"font.family": "sans-serif", "font.sans-serif": list(font_families())}):
        return _render_map(prepared, wells, results, language=language, title=title, size_inches=size_inches, dpi=dpi)


def _render_map(
    prepared: PreparedScreening,
    wells: gpd.GeoDataFrame,
    results: pd.DataFrame,
    *,
    language: str,
    title: str | None,
    size_inches: tuple[float, float],
    dpi: int,
) -> bytes:
    words = TEXT[language]
    figure = Figure(figsize=size_inches, dpi=dpi)
    ax = figure.add_subplot(1, 1, 1)
    ax.set_aspect("equal")
    families = list(font_families())
    font = {"family": families}

    points = wells.geometry.to_crs(prepared.work_crs) if len(wells) else gpd.GeoSeries([], crs=prepared.work_crs)
    # One row per well (NaN where it has no geometry), aligned with ``results``.
    centres = shapely.centroid(np.asarray(points.values, dtype=object))
    xy = np.column_stack([shapely.get_x(centres), shapely.get_y(centres)]).astype(float) if len(points) else np.empty((0, 2))

    legend: list = []
    if prepared.township_geometries is not None:
        _draw_polygons(ax, prepared.township_geometries, facecolor="none", edgecolor="#555555", linewidth=0.8)
        for geometry, name in zip(prepared.township_geometries, prepared.township_names):
            if geometry is not None and not geometry.is_empty and name:
                anchor = geometry.representative_point()
                ax.annotate(name, (anchor.x, anchor.y), ha="center", fontsize=8, color="#333333", fontfamily=families)
    for grade, colour in GRADE_COLOURS.items():
        chosen = prepared.zone_geometries[prepared.zone_grades == grade] if len(prepared.zone_grades) else []
        if len(chosen):
            _draw_polygons(ax, chosen, facecolor=colour, alpha=0.22, edgecolor=colour, linewidth=0.8)
            legend.append(Patch(facecolor=colour, alpha=0.35, edgecolor=colour, label=words.get(grade, grade)))
    if prepared.has_areas and len(prepared.area_geometries):
        _draw_polygons(ax, prepared.area_geometries, facecolor="#2c7bb6", alpha=0.25, edgecolor="#2c7bb6", linewidth=0.8)
        legend.append(Patch(facecolor="#2c7bb6", alpha=0.35, label=words["areas"]))
    if prepared.has_pipes and len(prepared.pipe_geometries):
        # For display only: the verdicts use exact distances, not this buffer.
        band = shapely.buffer(shapely.union_all(prepared.pipe_geometries), prepared.coverage_distance_m)
        _draw_polygons(ax, [band], facecolor="#abd9e9", alpha=0.35, edgecolor="#2c7bb6", linewidth=0.4, linestyle="--")
        _draw_lines(ax, prepared.pipe_geometries, color="#2c7bb6", linewidth=1.4)
        legend.append(Patch(facecolor="#abd9e9", alpha=0.5, label=f"{words['buffer']} ({prepared.coverage_distance_m:g} m)"))
        legend.append(Line2D([], [], color="#2c7bb6", linewidth=1.4, label=words["pipes"]))

    verdicts = results["verdict"].to_numpy(dtype=object)
    for verdict in (OUTSIDE, "allowed", "restricted", "prohibited"):  # strictest drawn last, on top
        chosen = verdicts == verdict
        if verdict == OUTSIDE and not chosen.any():
            continue  # listed only when some well is outside, as most reports have none
        if chosen.any():
            ax.scatter(
                xy[chosen, 0],
                xy[chosen, 1],
                s=14 if chosen.sum() < 5000 else 2,
                c=VERDICT_COLOURS[verdict],
                edgecolors="black" if chosen.sum() < 5000 else "none",
                linewidths=0.3,
                zorder=5,
                rasterized=True,
            )
        legend.append(
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                color=VERDICT_COLOURS[verdict],
                markeredgecolor="black",
                label=f"{words[verdict]} ({int(chosen.sum())})",
            )
        )

    located = xy[~np.isnan(xy).any(axis=1)]
    if len(located):
        x_min, y_min = located.min(axis=0)
        x_max, y_max = located.max(axis=0)
        margin = max(x_max - x_min, y_max - y_min, 2000.0) * 0.08
        ax.set_xlim(x_min - margin, x_max + margin)
        ax.set_ylim(y_min - margin, y_max + margin)
    else:
        ax.autoscale_view()
    ax.ticklabel_format(useOffset=False, style="plain")
    ax.tick_params(labelsize=7)
    ax.set_xlabel(f"{words['schematic']} {prepared.work_crs.to_string()} (m)", fontsize=8)
    ax.set_title(title or words["title"], fontdict={**font, "size": 11})
    ax.legend(handles=legend, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7, prop={"family": families, "size": 7})
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    return buffer.getvalue()


def _html_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def screening_report_html(
    prepared: PreparedScreening,
    wells: gpd.GeoDataFrame,
    results: pd.DataFrame,
    *,
    input_label: str,
    language: str = "en",
    warnings: Sequence[str] = (),
) -> str:
    """The report as one self-contained HTML page."""
    words = TEXT[language]
    png = render_screening_map(prepared, wells, results, language=language)
    counts = verdict_counts(results)
    per_township = township_table(results, words["outside"])
    township_rows = [
        [
            words["total"] if name == "total" else name,
            *(int(per_township.loc[name, v]) for v in VERDICT_ORDER),
            int(per_township.loc[name, "total"]),
        ]
        for name in per_township.index
    ]
    reasons = reason_table(results)
    basis_of = {rule.code: rule.basis[language] for rule in reason_rules(prepared)}
    basis_of[NO_GEOMETRY] = NO_GEOMETRY_BASIS[language]
    basis_of[OUTSIDE_MAPPED_AREA] = OUTSIDE_BASIS[language]
    reason_rows = [[code, int(count), basis_of.get(code, "")] for code, count in reasons.items()]
    summary = ", ".join(f"{words[v]}: {counts.get(v, 0)}" for v in VERDICT_ORDER)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{language}"><head><meta charset="utf-8"><title>{html.escape(words["title"])}</title>',
        "<style>body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em;max-width:70em}"
        "table{border-collapse:collapse;margin:0.5em 0 1.5em}td,th{border:1px solid #bbb;padding:0.2em 0.6em}"
        "th{background:#eee}td:nth-child(n+2){text-align:right}.basis td:nth-child(3){text-align:left}</style></head><body>",
        f"<h1>{html.escape(words['title'])}</h1>",
        f"<p>{html.escape(words['made'])}: {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} · "
        f"{html.escape(words['input'])}: {html.escape(input_label)} ({len(results)}) · "
        f"{html.escape(str(prepared.rules.data.get('notice', {}).get('id', '')))}</p>",
        f"<h2>{html.escape(words['summary'])}</h2><p>{html.escape(summary)}</p>",
        f"<h2>{html.escape(words['map'])}</h2>",
        f'<img alt="map" style="max-width:100%" src="data:image/png;base64,{base64.b64encode(png).decode("ascii")}">',
        f"<h2>{html.escape(words['per_township'])}</h2>",
        _html_table([words["township"], *(words[v] for v in VERDICT_ORDER), words["total"]], township_rows),
        f"<h2>{html.escape(words['per_reason'])}</h2>",
        '<div class="basis">' + _html_table([words["reason"], words["wells"], words["basis"]], reason_rows) + "</div>",
    ]
    if warnings:
        parts.append(f"<h2>{html.escape(words['warnings'])}</h2><ul>")
        parts.extend(f"<li>{html.escape(w)}</li>" for w in warnings)
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts)


def write_screening_report(
    path: str | Path,
    prepared: PreparedScreening,
    wells: gpd.GeoDataFrame,
    results: pd.DataFrame,
    *,
    input_label: str,
    language: str = "en",
    warnings: Sequence[str] = (),
) -> Path:
    """Write the HTML report to ``path`` (and return it)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = screening_report_html(prepared, wells, results, input_label=input_label, language=language, warnings=warnings)
    path.write_text(text, encoding="utf-8")
    return path
