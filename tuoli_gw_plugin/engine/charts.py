"""Charts for reports: abstraction against allowable abstraction per unit (PNG, headless).

Matplotlib runs with the Agg backend (no display needed under qgis_process). Unit names are often
Chinese, so a CJK font is looked up at run time; without one the chart is still drawn and the
caller gets a warning that Chinese labels may show as boxes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

GRADE_COLOURS = {"severe": "#d7191c", "general": "#fdae61", "none": "#1a9641", None: "#9e9e9e"}
_CJK_FAMILY_HINTS = (
    "Noto Sans CJK", "Noto Serif CJK", "Source Han Sans", "WenQuanYi", "SimHei", "Microsoft YaHei", "PingFang",
    "Droid Sans Fallback", "AR PL",
)
_MAX_BARS = 40


def cjk_font_family() -> str | None:
    """The family name of an installed font that has Chinese glyphs, or None."""
    from matplotlib import font_manager

    names = sorted({entry.name for entry in font_manager.fontManager.ttflist})
    for hint in _CJK_FAMILY_HINTS:
        for name in names:
            if name.startswith(hint) and "Serif" not in name:
                return name
    for hint in _CJK_FAMILY_HINTS:
        for name in names:
            if name.startswith(hint):
                return name
    return None


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _needs_cjk(labels: Sequence[str]) -> bool:
    return any(ord(ch) > 0x2E80 for label in labels for ch in label)


def balance_chart(
    labels: Sequence[str],
    abstraction_m3: Sequence[float],
    allowable_m3: Sequence[float | None],
    grades: Sequence[str | None],
    path: str,
    *,
    title: str = "Abstraction against allowable abstraction 开采量与可开采量",
) -> list[str]:
    """Grouped bars per unit (worst coefficient first); returns warnings for the log."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    warnings: list[str] = []
    family = cjk_font_family()
    if family is None and (_needs_cjk(labels) or _needs_cjk([title])):
        warnings.append("No Chinese (CJK) font found: Chinese labels in the chart may show as boxes. Install fonts-noto-cjk.")

    def coefficient(i: int) -> float:
        allowed = allowable_m3[i]
        if _missing(allowed) or allowed <= 0:
            return math.inf if abstraction_m3[i] > 0 else -math.inf
        return abstraction_m3[i] / allowed

    order = sorted(range(len(labels)), key=coefficient, reverse=True)
    if len(order) > _MAX_BARS:
        warnings.append(f"The chart shows the {_MAX_BARS} units with the highest extraction coefficient of {len(order)}.")
        order = order[:_MAX_BARS]
    rc = {"font.family": [family, "DejaVu Sans"]} if family else {}
    with plt.rc_context(rc):
        width_in = max(6.0, 0.6 * len(order) + 2.5)
        fig, ax = plt.subplots(figsize=(width_in, 5.8), dpi=120)
        xs = list(range(len(order)))
        abstraction = [abstraction_m3[i] / 1e4 for i in order]
        allowable = [0.0 if _missing(allowable_m3[i]) else allowable_m3[i] / 1e4 for i in order]
        bar_colours = [GRADE_COLOURS.get(grades[i], "#9e9e9e") for i in order]
        ax.bar([x - 0.2 for x in xs], abstraction, width=0.4, color=bar_colours, edgecolor="black", linewidth=0.4)
        ax.bar([x + 0.2 for x in xs], allowable, width=0.4, color="#2b83ba", alpha=0.55, edgecolor="black", linewidth=0.4)
        ax.set_xticks(xs)
        ax.set_xticklabels([labels[i] for i in order], rotation=45 if len(order) > 6 else 0, ha="right" if len(order) > 6 else "center")
        ax.set_ylabel("10⁴ m³/a (万立方米/年)")
        ax.set_title(title)
        ax.grid(axis="y", alpha=0.3)
        legend = [
            Patch(facecolor=GRADE_COLOURS["severe"], edgecolor="black", label="abstraction, severe 严重超采"),
            Patch(facecolor=GRADE_COLOURS["general"], edgecolor="black", label="abstraction, general 一般超采"),
            Patch(facecolor=GRADE_COLOURS["none"], edgecolor="black", label="abstraction, not over-extracted 未超采"),
            Patch(facecolor="#2b83ba", alpha=0.55, edgecolor="black", label="allowable 可开采量 (ρ × recharge)"),
        ]
        # Below the axes: tall bars of any township may fill any corner of the plot.
        ax.legend(handles=legend, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=2, frameon=False)
        fig.tight_layout()
        fig.savefig(path, format="png")
        plt.close(fig)
    return warnings
