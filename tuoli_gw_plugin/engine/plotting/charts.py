"""Bar charts: abstraction against allowable, water-resource fees by tier or band, water from power (PNG, headless).

Matplotlib's object API only (no pyplot, no global backend switch), so drawing is safe inside QGIS
and under qgis_process. Fonts and colours come from :mod:`.style`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..core.messages import register, text
from ..core.output_files import write_atomically
from ..core.values import is_null
from .style import (
    ALLOWABLE_COLOUR,
    ESTIMATED_COLOUR,
    GRADE_COLOURS,
    METERED_COLOUR,
    PERMITTED_COLOUR,
    cjk_font_family,
    font_families,
    grade_colour,
    needs_cjk,
    tier_colour,
)

MAX_BARS = 40  # more units than this make the labels unreadable; the worst ones are shown

register(
    {
        "charts.no_cjk_font": (
            "No Chinese (CJK) font found: Chinese labels in the chart may show as boxes. Install fonts-noto-cjk.",
            "未找到中文（CJK）字体：图中的中文标注可能显示为方框。请安装 fonts-noto-cjk。",
        ),
        "charts.top_units": (
            "The chart shows the {shown} units with the highest extraction coefficient of {n}.",
            "图中只显示 {n} 个单元中开采系数最高的 {shown} 个。",
        ),
    }
)


def _coefficient(abstraction_m3: float, allowed_m3: float | None) -> float:
    """Abstraction over allowable abstraction; ±inf when nothing is allowable, to sort those first/last."""
    if is_null(allowed_m3) or allowed_m3 <= 0:
        return math.inf if abstraction_m3 > 0 else -math.inf
    return abstraction_m3 / allowed_m3


def balance_chart(
    labels: Sequence[str],
    abstraction_m3: Sequence[float],
    allowable_m3: Sequence[float | None],
    grades: Sequence[str | None],
    path: str,
    *,
    title: str = "Abstraction against allowable abstraction 开采量与可开采量",
) -> list[str]:
    """Grouped bars per unit (worst coefficient first) written to ``path``; returns warnings for the log."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    warnings: list[str] = []
    family = cjk_font_family()
    if family is None and needs_cjk([*labels, title]):
        warnings.append(text("charts.no_cjk_font"))
    order = sorted(range(len(labels)), key=lambda i: _coefficient(abstraction_m3[i], allowable_m3[i]), reverse=True)
    if len(order) > MAX_BARS:
        warnings.append(text("charts.top_units", shown=MAX_BARS, n=len(order)))
        order = order[:MAX_BARS]
    rc = {"font.family": font_families(family)} if family else {}
    with rc_context(rc):
        fig = Figure(figsize=(max(6.0, 0.6 * len(order) + 2.5), 5.8), dpi=120)
        ax = fig.add_subplot(1, 1, 1)
        xs = list(range(len(order)))
        abstraction = [abstraction_m3[i] / 1e4 for i in order]
        allowable = [0.0 if is_null(allowable_m3[i]) else allowable_m3[i] / 1e4 for i in order]
        bar_colours = [grade_colour(grades[i]) for i in order]
        ax.bar([x - 0.2 for x in xs], abstraction, width=0.4, color=bar_colours, edgecolor="black", linewidth=0.4)
        ax.bar([x + 0.2 for x in xs], allowable, width=0.4, color=ALLOWABLE_COLOUR, alpha=0.55, edgecolor="black", linewidth=0.4)
        ax.set_xticks(xs)
        ax.set_xticklabels([labels[i] for i in order], rotation=45 if len(order) > 6 else 0, ha="right" if len(order) > 6 else "center")
        ax.set_ylabel("10⁴ m³/a (万立方米/年)")
        ax.set_title(title)
        ax.grid(axis="y", alpha=0.3)
        legend = [
            Patch(facecolor=GRADE_COLOURS["severe"], edgecolor="black", label="abstraction, severe 严重超采"),
            Patch(facecolor=GRADE_COLOURS["general"], edgecolor="black", label="abstraction, general 一般超采"),
            Patch(facecolor=GRADE_COLOURS["none"], edgecolor="black", label="abstraction, not over-extracted 未超采"),
            Patch(facecolor=ALLOWABLE_COLOUR, alpha=0.55, edgecolor="black", label="allowable 可开采量 (ρ × recharge)"),
        ]
        # Below the axes: tall bars of any township may fill any corner of the plot.
        ax.legend(handles=legend, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=2, frameon=False)
        fig.tight_layout()
        write_atomically(path, lambda temporary: fig.savefig(temporary, format="png"), layer_label="chart")
    return warnings


def render_fee_chart(summary: pd.DataFrame, path: str, *, title: str = "Water-resource fees by tier") -> str:
    """A PNG of fees per tier and township from ``surcharge.summary_by_tier``: total fees stacked by
    tier (left) and, at a readable scale, the surcharge above the base rate by band (right).
    """
    from matplotlib import rc_context
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    charged = summary[summary["tier"] != "not_charged"].copy()
    tier_keys = list(dict.fromkeys(charged["tier"]))
    labels = dict(zip(charged["tier"], charged["tier_label"]))
    multipliers = dict(zip(charged["tier"], charged["multiplier"]))
    townships = list(dict.fromkeys(charged["township"]))
    # surcharge of a tier = fee × (multiplier − 1) / multiplier: the part above the base rate
    charged["surcharge_yuan"] = charged["fee_yuan"] * (charged["multiplier"] - 1.0) / charged["multiplier"]
    yuan = FuncFormatter(lambda value, _position: f"{value:,.0f}")
    with rc_context({"font.family": font_families()}):
        figure = Figure(figsize=(max(9.0, 1.6 * len(townships) + 4), 5.0), dpi=120)
        panels = figure.subplots(1, 2)
        for axes, column, panel_title, keys in (
            (panels[0], "fee_yuan", "fees by tier (yuan)", tier_keys),
            (panels[1], "surcharge_yuan", "surcharge above the base rate (yuan)", tier_keys[1:]),
        ):
            table = charged.pivot_table(index="township", columns="tier", values=column, aggfunc="sum").reindex(
                index=townships, columns=keys
            )
            bottom = np.zeros(len(townships))
            for key in keys:
                values = table[key].fillna(0.0).to_numpy()
                axes.bar(
                    townships,
                    values,
                    bottom=bottom,
                    label=f"{labels[key]} (×{multipliers[key]:g})",
                    color=tier_colour(tier_keys.index(key)),
                    edgecolor="white",
                    linewidth=0.5,
                )
                bottom += values
            for x, total in enumerate(bottom):
                axes.annotate(f"{total:,.0f}", (x, total), ha="center", va="bottom", fontsize=7)
            axes.set_title(panel_title, fontsize=10)
            axes.yaxis.set_major_formatter(yuan)
            axes.spines[["top", "right"]].set_visible(False)
            # headroom above the tallest bar for the totals and the legend
            axes.set_ylim(0, max(1.0, float(bottom.max()) * 1.35) if len(bottom) else 1.0)
            axes.tick_params(axis="x", labelrotation=25 if len(townships) > 3 else 0, labelsize=8)
            axes.tick_params(axis="y", labelsize=8)
            axes.legend(fontsize=7, frameon=False, loc="upper left", ncol=2)
        figure.suptitle(title)
        figure.tight_layout()
        write_atomically(path, figure.savefig, layer_label="chart")
    return path


def _text_font(family: str | None) -> dict:
    """Keyword arguments giving text the report's CJK font (nothing when none is installed)."""
    return {"family": font_families(family)} if family else {}


def report_balance_chart(
    names: Sequence[str],
    abstraction_m3: np.ndarray,
    allowable_m3: np.ndarray,
    grades: Sequence[object],
    words: dict[str, str],
    family: str | None,
) -> bytes:
    """The supervision report's abstraction/allowable bars (units already in display order), as PNG bytes."""
    from matplotlib.figure import Figure

    from .draw import png_bytes

    fonts = _text_font(family)
    figure = Figure(figsize=(8.0, 3.4))
    ax = figure.add_subplot(1, 1, 1)
    x = np.arange(len(names))
    colours = [grade_colour(grade) for grade in grades]
    ax.bar(x - 0.2, abstraction_m3 / 1e4, width=0.4, color=colours, label=words["abstraction_m3"].replace("m³", "10⁴ m³"))
    ax.bar(x + 0.2, allowable_m3 / 1e4, width=0.4, color="#bdbdbd", label=words["allowable_m3"].replace("m³", "10⁴ m³"))
    ax.set_xticks(x)
    ax.set_xticklabels(list(names), fontsize=8, **fonts)
    ax.set_ylabel("10⁴ m³", fontsize=8)
    ax.tick_params(labelsize=7)
    ax.set_title(words["chart_balance"], fontsize=10, **fonts)
    ax.legend(prop={**fonts, "size": 7})
    return png_bytes(figure, dpi=130)


def report_fee_chart(labels: Sequence[str], fees_yuan: Sequence[float], words: dict[str, str], family: str | None) -> bytes:
    """The supervision report's horizontal bars of fees per surcharge band, as PNG bytes."""
    from matplotlib.figure import Figure

    from .draw import png_bytes

    fonts = _text_font(family)
    figure = Figure(figsize=(6.0, 2.4))
    ax = figure.add_subplot(1, 1, 1)
    ax.barh(np.arange(len(fees_yuan)), np.asarray(fees_yuan) / 1e4, color=[tier_colour(i) for i in range(len(fees_yuan))])
    ax.set_yticks(np.arange(len(fees_yuan)))
    ax.set_yticklabels(list(labels), fontsize=9, **fonts)
    ax.invert_yaxis()
    ax.set_xlabel(words["fee_yuan"].replace("（元）", "（万元）").replace("(yuan)", "(10⁴ yuan)"), fontsize=8, **fonts)
    ax.tick_params(labelsize=7)
    ax.set_title(words["chart_fees"], fontsize=10, **fonts)
    return png_bytes(figure, dpi=130)


def township_chart(summary: pd.DataFrame, path: str, *, title: str) -> str:
    """A PNG bar chart per township of ``electricity.township_summary``: estimated (from kWh) vs metered vs permitted m³."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    family = cjk_font_family()
    rc = {"font.family": font_families(family)} if family else {}
    with rc_context(rc):
        names = summary["township"].astype(str).tolist()
        x = np.arange(len(names))
        width = 0.27
        fig = Figure(figsize=(max(6.0, 1.3 * len(names) + 2), 4.8), dpi=120)
        ax = fig.add_subplot(1, 1, 1)
        series = (
            ("estimated_m3", "estimated from kWh (以电折水)", ESTIMATED_COLOUR),
            ("metered_m3", "metered (计量)", METERED_COLOUR),
            ("permit_m3", "permitted (许可)", PERMITTED_COLOUR),
        )
        for offset, (column, label, colour) in zip((-width, 0.0, width), series):
            values = summary[column].fillna(0).to_numpy() / 10000.0
            ax.bar(x + offset, values, width, label=label, color=colour)
        ax.set_xticks(x)
        ax.set_xticklabels(names, rotation=20 if len(names) > 4 else 0, ha="right" if len(names) > 4 else "center")
        ax.set_ylabel("10⁴ m³ (万m³)")
        ax.set_title(title)
        ax.legend(frameon=False)
        ax.grid(axis="y", alpha=0.3)
        ax.set_axisbelow(True)
        fig.tight_layout()
        write_atomically(path, fig.savefig, layer_label="chart")
    return path
