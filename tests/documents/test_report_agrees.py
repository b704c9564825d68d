"""A report that agrees with itself: one volume unit for the whole report, stated over each table and never in a
header; the reduction annex beside section 4 says where and why its abstraction differs (the plan counts the wells
in use, section 4 every well's metered volume); figures drawn at the width they print at, no text under 8 pt."""

from __future__ import annotations

import html
import re

import pytest

from tests.reduction import world
from tests.reduction.test_reduction_engine import _plan
from tuoli_gw_plugin.engine.core.rules import load_rules
from tuoli_gw_plugin.engine.documents.supervision_report import ReportInputs, build_report


def plain(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).replace("\u00a0", " ").split())


def _county_sized_inputs(balance_abstraction: list[float]) -> ReportInputs:
    """The reduction world's plan × 1 000 (county sizes: 甲乡 1 500 000 m³ now) and a section 4 for the same townships."""
    plan, _ = _plan(language="zh")
    townships = world.townships().drop(columns=["allowable_m3"]).join(plan.townships)
    volumes = [c for c in townships.columns if c.endswith("_m3")]
    townships[volumes] = townships[volumes] * 1000
    import pandas as pd

    balance = pd.DataFrame({
        "name_zh": townships["name_zh"],
        "abstraction_m3": balance_abstraction,
        "allowable_m3": townships["allowable_m3"],
        "extraction_coef": [a / b for a, b in zip(balance_abstraction, townships["allowable_m3"])],
        "grade": ["severe", "severe", "severe"],
        "reduction_m3": [a - b for a, b in zip(balance_abstraction, townships["allowable_m3"])],
    })
    return ReportInputs(balance=balance, reduction_plan=townships)


def test_the_annex_says_beside_its_numbers_why_they_differ_from_section_4():
    # 甲乡: section 4 counts 1 600 000 m³ (a well stopped during the year included), the plan 1 500 000 (wells in use).
    inputs = _county_sized_inputs([1_600_000.0, 1_250_000.0, 1_500_000.0])
    text = plain(build_report(inputs, load_rules(), year=2025, language="zh").html())
    assert "现状开采量（在用井）①" in text and "需压减①" in text  # the marker beside the numbers
    assert "① 压减计划只计在用井" in text and "第四节的开采量为全部井" in text  # why
    assert "甲乡 160.0 对 150.0" in text  # where, both numbers in the report's one unit (万 m³)
    assert "乙乡 125.0 对" not in text and "丙乡 150.0 对" not in text  # equal: nothing to explain
    summary = text.split("二、")[0]
    assert "（第四节，按全部井计）" in summary and "压减计划（附件，按在用井计）" in summary


def test_one_volume_unit_for_the_whole_report_said_once_over_each_table():
    inputs = _county_sized_inputs([1_500_000.0, 1_250_000.0, 1_500_000.0])
    page = build_report(inputs, load_rules(), year=2025, language="zh").html()
    text = plain(page)
    headers = " ".join(re.findall(r"<th>(.*?)</th>", page))
    assert "m³" not in headers and "万m³" not in text  # no unit in any header, no unit spelt two ways
    assert text.count("单位：万 m³") == 2  # section 4 and the annex, one line each
    assert "m³/a" not in text and "10⁴" not in text


def test_a_chinese_report_names_no_parameter_layer_or_rules_section():
    from tests.i18n.test_report_engine import full_inputs

    inputs = full_inputs(reduction_plan=_county_sized_inputs([1.0, 1.0, 1.0]).reduction_plan)
    inputs.labels.update({"reduction_plan": "reduction_plan_townships", "findings": "compliance_findings"})
    text = plain(build_report(inputs, load_rules(), year=2025, language="zh").html())
    for word in ("TOWNSHIPS", "BALANCE", "REDUCTION_PLAN", "reduction_plan", "compliance_findings", "townships", "surcharge"):
        assert word not in text, word
    assert "本插件“开采量与补给量对比”计算结果" in text and "乡镇界线及用水总量控制指标" in text


@pytest.mark.parametrize("language", ["zh", "en"])
def test_figures_print_at_their_drawn_size_with_no_text_under_8_pt(monkeypatch, language):
    import matplotlib.text

    from tests.i18n.test_report_engine import full_inputs
    from tuoli_gw_plugin.engine.documents import html_page
    from tuoli_gw_plugin.engine.plotting import draw, maps

    drawn = []
    real = draw.png_bytes

    def keep(figure, *, dpi):
        png = real(figure, dpi=dpi)
        drawn.append((figure, png))
        return png

    monkeypatch.setattr(draw, "png_bytes", keep)
    monkeypatch.setattr(maps, "png_bytes", keep)
    document = build_report(full_inputs(), load_rules(), year=2025, language=language)
    assert len(drawn) == 3  # map, balance, fees
    for figure, png in drawn:
        width_px, dpi = html_page._png_size(png)
        assert width_px * 96 / dpi <= html_page.PAGE_WIDTH_PX  # shown at 100 %: a point is a point on paper
        assert f'width="{round(width_px * 96 / dpi)}"' in document.body_html
        small = [(t.get_text(), t.get_fontsize()) for t in figure.findobj(matplotlib.text.Text) if t.get_text().strip()
                 and t.get_visible() and t.get_fontsize() < 8]
        assert not small, small
