"""Fonts and colours of every figure, report and panel: chosen here once.

Township and zone names are Chinese, so figures need a font with CJK glyphs. It is looked up at run
time among the installed fonts; without one a figure is still drawn (the caller decides whether
that is a warning or, for a Chinese report, an error).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from ..core.values import is_null

# Family names (as matplotlib reports them) of fonts with Chinese glyphs, best first. A .ttc holding
# several faces is named after its first one ("Noto Sans CJK JP" holds the SC glyphs too).
CJK_FAMILY_HINTS = (
    "Noto Sans CJK", "Noto Serif CJK", "Source Han Sans", "WenQuanYi", "SimHei", "Microsoft YaHei", "PingFang",
    "Droid Sans Fallback", "AR PL",
)
LATIN_FAMILY = "DejaVu Sans"  # ships with matplotlib, so always there

# HTML/PDF text: Chinese first in a CJK font; English in a Latin font, with the CJK font for the names.
# (Latin text set in Noto CJK gets digit glyphs that Qt's PDF writer leaves out of the text layer.)
HTML_FONT_FAMILIES = {
    "zh": ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC"),
    "en": ("DejaVu Sans", "Noto Sans", "Arial", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei"),
}

# Screening verdicts, on maps, in legends and as the panel's verdict text: dark enough to read as
# text on white and distinct from the zone fills below.
VERDICT_COLOURS = {"prohibited": "#c0392b", "restricted": "#d68910", "allowed": "#1e8449", "outside": "#6c3483"}
NO_VERDICT_COLOUR = "#8c8c8c"
# Over-extraction grades (zones on maps, abstraction bars in charts).
GRADE_COLOURS = {"severe": "#e31a1c", "general": "#ff7f00", "none": "#1a9641"}
NO_GRADE_COLOUR = "#9e9e9e"
SUPPLY_COLOUR = "#2c7bb6"  # public supply areas and pipes
COVERAGE_COLOUR = "#abd9e9"  # the band within the coverage distance of a pipe
ALLOWABLE_COLOUR = "#2b83ba"  # allowable abstraction beside actual abstraction
EXISTING_WELL_COLOUR = "#9e9e9e"
# Water drawn per township: estimated from kWh (以电折水), metered, permitted.
ESTIMATED_COLOUR, METERED_COLOUR, PERMITTED_COLOUR = "#e07b39", "#3a78b5", "#7f7f7f"
TOWNSHIP_EDGE_COLOUR = "#555555"
# Fee tiers, within plan (1×) to the top surcharge band: the fee chart and the report alike.
TIER_COLOURS = ("#9ecae1", "#fdd49e", "#fc8d59", "#d7301f", "#7f0000")


def verdict_colour(verdict: str | None) -> str:
    """The colour of a verdict; grey for a well without one."""
    return VERDICT_COLOURS.get(verdict or "", NO_VERDICT_COLOUR)


def grade_colour(grade: object) -> str:
    """The colour of an over-extraction grade ('severe', 'general', 'none'); grey when unknown or null."""
    if is_null(grade):
        return NO_GRADE_COLOUR
    return GRADE_COLOURS.get(str(grade).strip().lower(), NO_GRADE_COLOUR)


def tier_colour(index: int) -> str:
    """The colour of the fee tier ``index`` (0 = within plan); the top colour for any beyond."""
    return TIER_COLOURS[min(index, len(TIER_COLOURS) - 1)]


@lru_cache(maxsize=1)
def cjk_font_family() -> str | None:
    """The family name of an installed font that has Chinese glyphs (a sans face if any), or None."""
    from matplotlib import font_manager

    names = sorted({entry.name for entry in font_manager.fontManager.ttflist})
    for sans_only in (True, False):
        for hint in CJK_FAMILY_HINTS:
            for name in names:
                if name.startswith(hint) and not (sans_only and "Serif" in name):
                    return name
    return None


def font_families(family: str | None = None) -> list[str]:
    """Families for figure text: ``family`` (default: the installed CJK font) then the Latin fallback."""
    family = family or cjk_font_family()
    return [family, LATIN_FAMILY] if family else [LATIN_FAMILY]


def needs_cjk(texts: Iterable[object]) -> bool:
    """Whether any text holds CJK characters (and so needs a CJK font to show)."""
    return any(ord(ch) > 0x2E80 for text in texts for ch in str(text))


def css_font_family(language: str) -> str:
    """The CSS ``font-family`` value for an HTML report in ``language`` ('zh' or 'en')."""
    return ",".join(f"'{family}'" for family in HTML_FONT_FAMILIES[language]) + ",sans-serif"
