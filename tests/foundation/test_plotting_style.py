"""One choice of colours and fonts for every figure, report and the site-checker panel."""

from __future__ import annotations

from tuoli_gw_plugin.engine.plotting import style


def test_one_colour_per_verdict_and_grey_without_one():
    assert style.verdict_colour("prohibited") == style.VERDICT_COLOURS["prohibited"]
    assert style.verdict_colour(None) == style.NO_VERDICT_COLOUR
    assert style.verdict_colour("no_geometry") == style.NO_VERDICT_COLOUR
    # prohibited, restricted, allowed and outside (no verdict outside the mapped area), each its own colour
    assert len(set(style.VERDICT_COLOURS.values())) == len(style.VERDICT_COLOURS) == 4


def test_grade_colours_accept_any_case_and_grey_for_null_or_unknown():
    assert style.grade_colour(" Severe ") == style.GRADE_COLOURS["severe"]
    assert style.grade_colour("none") == style.GRADE_COLOURS["none"]
    assert style.grade_colour(None) == style.NO_GRADE_COLOUR
    assert style.grade_colour(float("nan")) == style.NO_GRADE_COLOUR
    assert style.grade_colour("strange") == style.NO_GRADE_COLOUR


def test_tier_colours_stop_at_the_top_one():
    assert style.tier_colour(0) == style.TIER_COLOURS[0]
    assert style.tier_colour(99) == style.TIER_COLOURS[-1]


def test_font_families_end_with_the_latin_fallback():
    assert style.font_families("Some CJK") == ["Some CJK", style.LATIN_FAMILY]
    assert style.font_families()[-1] == style.LATIN_FAMILY


def test_cjk_text_is_recognised():
    assert style.needs_cjk(["Toli", "托里镇"]) and not style.needs_cjk(["Toli", "3 m³"])


def test_css_font_family_lists_the_language_fonts_then_sans_serif():
    assert style.css_font_family("zh") == "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif"
    assert style.css_font_family("en").startswith("'DejaVu Sans'")
