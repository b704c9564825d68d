"""The reduction plan's chart: per township, abstraction by year against the allowable volume (PNG, headless).

One small panel per township that must cut (the others are flat lines at or below their allowable volume and are left
out, so the panels stay readable): the abstraction now and after each year's cuts, the allowable volume as a dashed
line, and the year balance is reached — or, when the measures cannot reach it, the shortfall in the target year.
Matplotlib's object API only (no pyplot), fonts and colours from :mod:`.style`.
"""

from __future__ import annotations

import math

import pandas as pd

from ..core.messages import register, text, vocabulary
from ..core.output_files import write_atomically
from .draw import png_bytes
from .style import ALLOWABLE_COLOUR, GRADE_COLOURS, cjk_font_family, font_families, needs_cjk

MAX_PANELS = 12  # more townships than this: the ones with the largest cut needed are shown

register(
    {
        "reduction_chart.no_cjk_font": (
            "No Chinese (CJK) font found: Chinese labels in the chart may show as boxes. Install fonts-noto-cjk.",
            "未找到中文（CJK）字体：图中的中文标注可能显示为方框。请安装 fonts-noto-cjk。",
        ),
        "reduction_chart.top_townships": (
            "The chart shows the {shown} townships with the largest cut needed of {n}.",
            "图中只显示 {n} 个乡镇中需压减量最大的 {shown} 个。",
        ),
    }
)
REACHED_COLOUR = GRADE_COLOURS["none"]
SHORT_COLOUR = GRADE_COLOURS["severe"]

register(
    {
        "reduction_chart_words.title": (
            "Reduction plan: abstraction by year against the allowable volume",
            "压减计划：各乡镇逐年开采量与可开采量",
        ),
        "reduction_chart_words.abstraction": ("abstraction", "开采量"),
        "reduction_chart_words.allowable": ("allowable", "可开采量"),
        "reduction_chart_words.reached": ("balance reached in {year}", "{year} 年达到采补平衡"),
        "reduction_chart_words.short": (
            "not reachable by measures alone: {shortfall} {unit} short", "仅靠措施无法达到：差 {shortfall} {unit}",
        ),
        "reduction_chart_words.unit": ("10⁴ m³/a", "万m³/年"),
        "reduction_chart_words.unit_m3": ("m³/a", "m³/年"),
        "reduction_chart_words.short_unit": ("×10⁴ m³", "万m³"),
        "reduction_chart_words.short_unit_m3": ("m³", "m³"),
        "reduction_chart_words.none": ("No township needs a cut", "没有需要压减的乡镇"),
        "reduction_chart_words.more": ("(the {shown} largest cuts of {total})", "（仅显示需压减量最大的 {shown} 个，共 {total} 个）"),
    }
)


def reduction_chart_png(townships: pd.DataFrame, years: pd.DataFrame, names: list[str], language: str = "zh") -> tuple[bytes, list[str]]:
    """The chart as PNG bytes and warnings for the log. ``townships`` is the plan's township table (row-aligned with
    ``names``), ``years`` its table by township and year."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    words = vocabulary("reduction_chart_words", language)
    warnings: list[str] = []
    family = cjk_font_family()
    if family is None and needs_cjk([*names, words["title"]]):
        warnings.append(text("reduction_chart.no_cjk_font"))
    table = townships.assign(name=names)
    cutting = table[table["status"].isin(("reached", "not_reachable"))].sort_values("cut_needed_m3", ascending=False)
    title = words["title"]
    if len(cutting) > MAX_PANELS:
        title += " " + words["more"].format(shown=MAX_PANELS, total=len(cutting))
        warnings.append(text("reduction_chart.top_townships", shown=MAX_PANELS, n=len(cutting)))
        cutting = cutting.head(MAX_PANELS)
    # 万 m³ (10⁴ m³) as county tables write them; plain m³ for small volumes that would all read 0.0.
    large = not cutting.empty and float(cutting["abstraction_m3"].max()) >= 1e5
    scale, decimals = (1e4, 1) if large else (1.0, 0)
    unit, short_unit = (words["unit"], words["short_unit"]) if large else (words["unit_m3"], words["short_unit_m3"])
    count = max(len(cutting), 1)
    columns = min(3, count)
    rows = math.ceil(count / columns)
    with rc_context({"font.family": font_families(family)}):
        figure = Figure(figsize=(4.2 * columns + 0.6, 3.4 * rows + 0.9), dpi=120)
        panels = figure.subplots(rows, columns, squeeze=False)
        for axes in panels.flat[len(cutting) :]:
            axes.set_axis_off()
        if cutting.empty:
            panels.flat[0].text(0.5, 0.5, words["none"], ha="center", va="center", fontsize=12)
        for axes, town in zip(panels.flat, cutting.itertuples()):
            series = years[years["township"] == town.name].sort_values("year")
            xs = series["year"].astype(int).tolist()
            ys = (series["abstraction_m3"].astype(float) / scale).tolist()
            allowable = float(town.allowable_m3) / scale
            reached = town.status == "reached"
            colour = REACHED_COLOUR if reached else SHORT_COLOUR
            axes.plot(xs, ys, marker="o", color=colour, linewidth=2, label=words["abstraction"])
            axes.axhline(allowable, color=ALLOWABLE_COLOUR, linestyle="--", linewidth=1.5, label=words["allowable"])
            for x, y in zip(xs, ys):
                axes.annotate(f"{y:,.{decimals}f}", (x, y), textcoords="offset points", xytext=(0, 6), ha="center", fontsize=7)
            if reached:
                note = words["reached"].format(year=int(town.balance_year))
            else:
                note = words["short"].format(shortfall=f"{float(town.shortfall_m3) / scale:,.{decimals}f}", unit=short_unit)
                axes.vlines(xs[-1], allowable, ys[-1], colors=SHORT_COLOUR, linestyles=":", linewidth=1.5)
            axes.set_title(f"{town.name}\n{note}", fontsize=9, color=colour)
            axes.set_xticks(xs)
            axes.tick_params(labelsize=7)
            axes.set_ylabel(unit, fontsize=8)
            axes.set_ylim(0, max(max(ys), allowable) * 1.18)
            axes.grid(axis="y", alpha=0.3)
            axes.spines[["top", "right"]].set_visible(False)
            axes.legend(fontsize=7, frameon=False, loc="lower left")
        figure.suptitle(title, fontsize=12)
        figure.tight_layout()
        return png_bytes(figure, dpi=120), warnings


def reduction_chart(townships: pd.DataFrame, years: pd.DataFrame, names: list[str], path: str, language: str = "zh") -> list[str]:
    """Write the chart to ``path`` (atomically: a failed write leaves what was there); returns warnings for the log."""
    png, warnings = reduction_chart_png(townships, years, names, language)
    write_atomically(path, lambda temporary: temporary.write_bytes(png), layer_label="CHART")
    return warnings
