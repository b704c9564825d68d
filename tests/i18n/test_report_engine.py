"""The supervision report engine without QGIS: sections, hand-computed totals, both languages,
the CJK-font check and the PDF text-mapping repair."""

from __future__ import annotations

import html
import re

import pytest

from tuoli_gw_plugin.engine.core.errors import EngineInputError
from tuoli_gw_plugin.engine.core.rules import load_rules
from tuoli_gw_plugin.engine.documents import html_page
from tuoli_gw_plugin.engine.documents import supervision_report as report_module
from tuoli_gw_plugin.engine.documents.pdf_text import repair_pdf_text_mapping
from tuoli_gw_plugin.engine.documents.supervision_report import ReportInputs, band_labels, build_report

from . import report_data as data


def full_inputs(**overrides) -> ReportInputs:
    inputs = ReportInputs(
        townships=data.townships(),
        zones=data.zones(),
        supply_areas=data.supply_areas(),
        supply_pipes=data.supply_pipes(),
        coverage_distance_m=500,
        wells=data.wells().assign(verdict=["prohibited", "prohibited", "restricted", "allowed"]),
        balance=data.balance(),
        surcharge=data.surcharge(),
        findings=data.findings(),
        water_rights=data.water_rights(),
        labels={"townships": "townships", "balance": "balance", "surcharge": "surcharge"},
    )
    for key, value in overrides.items():
        setattr(inputs, key, value)
    return inputs


def plain(html_text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", html_text))


def test_chinese_report_has_every_section_and_the_hand_computed_totals():
    document = build_report(full_inputs(), load_rules(), year=2025, language="zh")
    text = plain(document.html())
    assert document.title == "托里县地下水监管年度报告（2025年度）"
    for name in data.TOWNSHIP_NAMES:
        assert name in text
    for heading in ("一、概况", "二、县域图", "三、用水总量控制红线", "四、各乡镇开采量与可开采量（采补平衡）",
                    "五、水资源费（税）超计划累进加价", "六、合规检查发现的问题", "七、农业用水权分配"):
        assert heading in text
    assert "筛查结论：禁止 2 眼，限制 1 眼，允许 1 眼" in text
    assert "超过红线的乡镇：阿克别里斗乡" in text  # 600 used of 500
    assert "严重 1 个，一般 1 个；需压减开采量合计 60 m³（第四节，按全部井计）" in text
    assert "水资源费（税）合计 950.00 元，其中超计划累进加价 380.00 元" in text
    assert not re.search(r"(?<!资源)水费", text)  # the levy is 水资源费（税）, never a utility's 水费
    assert "合规问题 3 条（其中特别严重 1 条）" in text
    assert "农业用水权分配合计 3,000 m³（6 个地块）" in text
    assert "120.0%" in text  # 阿克别里斗乡: 600 / 500
    assert set(document.figures) == {"map.png", "balance.png", "fees.png"}
    assert all(png.startswith(b"\x89PNG") for png in document.figures.values())


def test_fee_bands_come_from_the_rules_file_and_sum_by_hand():
    labels = band_labels(load_rules(), "zh")
    assert labels == {1.0: "计划内（1倍）", 2.0: "超计划20%以内（2倍）", 3.0: "超计划20%–50%（3倍）", 5.0: "超计划50%以上（5倍）"}
    text = plain(build_report(full_inputs(), load_rules(), year=2025, language="zh").html())
    # 2× band: one account, 20 m³ over plan, fee 140, surcharge 20; 5× band: fee 480, surcharge 280.
    assert re.search(r"超计划20%以内（2倍）\s+1\s+20\s+140\.00\s+20\.00", text)
    assert re.search(r"超计划50%以上（5倍）\s+1\s+100\s+480\.00\s+280\.00", text)
    assert re.search(r"无法计费（数据缺失）\s+1\s", text)


def test_findings_are_named_in_words_with_the_notice_item():
    text = plain(build_report(full_inputs(), load_rules(), year=2025, language="zh").html())
    assert re.search(r"无取水许可\s+18\s+特别严重\s+1", text)
    assert re.search(r"超许可水量取水\s+10\s+较高\s+1", text)


def test_english_report_on_request_keeps_township_names():
    document = build_report(full_inputs(), load_rules(), year=2025, language="en")
    text = plain(document.html())
    assert document.title == "Toli County groundwater supervision report 2025"
    assert "Screening verdicts: 2 prohibited, 1 restricted, 1 allowed" in text
    assert "Water-resource fees (tax) 950.00 yuan, of which surcharge for use over plan 380.00 yuan" in text
    assert "阿克别里斗乡" in text
    assert "Up to 20 % over plan (2×)" in text


def test_missing_inputs_leave_their_sections_out_without_failing():
    document = build_report(ReportInputs(), load_rules(), year=2025, language="zh")
    assert plain(document.html()).count("未提供该项数据，本节从略。") >= 6
    assert document.figures == {}


def test_a_layer_that_is_not_the_expected_output_is_named_in_the_error():
    wrong = data.water_rights()
    with pytest.raises(EngineInputError, match=r"layer 'my_table'.*abstraction_recharge_balance"):
        build_report(full_inputs(balance=wrong, labels={"balance": "my_table"}), load_rules(), year=2025)


def test_html_can_embed_the_figures_or_name_them():
    document = build_report(full_inputs(), load_rules(), year=2025, language="zh")
    assert 'src="data:image/png;base64,' in document.html(embed_figures=True)
    assert 'src="map.png"' in document.html(embed_figures=False)


def test_chinese_report_without_a_cjk_font_says_what_to_install(monkeypatch):
    monkeypatch.setattr(html_page, "cjk_font_family", lambda: None)
    with pytest.raises(EngineInputError, match="fonts-noto-cjk"):
        build_report(full_inputs(), load_rules(), year=2025, language="zh")
    # English is still possible, with a warning because the township names are Chinese.
    document = build_report(full_inputs(), load_rules(), year=2025, language="en")
    assert any("fonts-noto-cjk" in warning for warning in document.warnings)


def test_unknown_language_is_an_error():
    with pytest.raises(EngineInputError, match="zh"):
        build_report(ReportInputs(), load_rules(), year=2025, language="fr")


def _pdf(to_unicode: bytes, other: bytes) -> bytes:
    stream = b"/CIDInit /ProcSet findresource begin\n" + to_unicode + b"\nendcmap\n"
    parts = [
        b"%PDF-1.4\n",
        b"5 0 obj\n<< /Type /Font /ToUnicode 7 0 R >>\nendobj\n",
        b"6 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (len(other), other),
        b"7 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (len(stream), stream),
    ]
    return b"".join(parts)


def test_pdf_text_mapping_turns_kangxi_radicals_back_into_ideographs_in_place():
    # U+2FA5 KANGXI RADICAL VILLAGE ⾥ shares its glyph with 里 U+91CC; U+2F00 ⼀ → 一 U+4E00.
    original = _pdf(b"<0001> <0003> [<6258> <2FA5> <2F00>]\n<0004> <0004> <9547>", b"<2FA5> not a cmap")
    repaired = repair_pdf_text_mapping(original)
    assert len(repaired) == len(original)  # offsets in the xref table stay valid
    assert b"[<6258> <91CC> <4E00>]" in repaired
    assert b"<2FA5> not a cmap" in repaired  # other streams are untouched
    assert repair_pdf_text_mapping(repaired) == repaired


def test_finding_details_stay_in_the_english_report_and_the_chinese_one_names_the_item():
    english = plain(build_report(full_inputs(), load_rules(), year=2025, language="en").html())
    chinese = plain(build_report(full_inputs(), load_rules(), year=2025, language="zh").html())
    assert "metered 120 m³ exceeds the permitted 100 m³ by 20 m³ (20.0 %), notice item 10" in english
    assert "metered 120 m³" not in chinese  # details audited in English stay out of the Chinese report
    assert re.search(r"W2\s+无取水许可\s+特别严重\s+阿克别里斗乡\s+18", chinese)


# -- issue 12, point 10: the red line at 100 %, no "-0", finding severities apart from zone grades -------------
def _red_line_towns():
    # 托里镇 1000 − 1000 = 0 left (100 %): at the red line; 阿克别里斗乡 500 − 600: over; 多拉特乡 2000 − 1999.6 = 0.4
    # left, shown rounded as 0 but not used up (screening allows it: remaining > 0).
    towns = data.townships()
    towns["used_m3"] = [1000.0, 600.0, 1999.6]
    return towns


def test_a_township_at_100_percent_of_its_red_line_is_named_as_used_up():
    for language, at_line, over_line, status in (
        ("zh", "已达到红线、无余留指标的乡镇：托里镇", "超过红线的乡镇：阿克别里斗乡", "已达红线（剩余为0）"),
        (
            "en",
            "Townships at their red line, no quota left: 托里镇",
            "Townships over their red line: 阿克别里斗乡",
            "at the red line (0 left)",
        ),
    ):
        text = plain(build_report(full_inputs(townships=_red_line_towns()), load_rules(), year=2025, language=language).html())
        assert at_line in text and over_line in text
        assert re.search(r"托里镇\s+1,000\s+1,000\s+0\s+100\.0%\s+" + re.escape(status), text)
        assert at_line + ("、" if language == "zh" else ",") not in text  # 多拉特乡 still has 0.4 m³: not used up
    zh = plain(build_report(full_inputs(townships=_red_line_towns()), load_rules(), year=2025, language="zh").html())
    assert re.search(r"阿克别里斗乡\s+500\s+600\s+-100\s+120\.0%\s+超过红线", zh)
    assert re.search(r"多拉特乡\s+2,000\s+2,000\s+0\s+100\.0%\s+合计", zh)  # shown as 0, no status


def test_no_minus_zero_anywhere():
    # 2000 − 2000.5 = −0.5 rounds to "-0" with Python's format; a balance cut of −0.3 would show "-0" too.
    towns = data.townships()
    towns["used_m3"] = [800.0, 600.0, 2000.5]
    balance = data.balance()
    balance["reduction_m3"] = [10.0, 50.0, -0.4]
    text = plain(build_report(full_inputs(townships=towns, balance=balance), load_rules(), year=2025, language="zh").html())
    assert re.findall(r"(?<![\w.,])-0(?:\.0+)?%?(?![\d.,])", text) == []
    assert html_page.number_text(-0.5) == "0" and html_page.number_text(-0.004, 2) == "0.00"
    assert html_page.number_text(-0.6) == "-1" and html_page.number_text(-100) == "-100"
    # −0.5 m³ is over the red line all the same (remaining < 0), though it shows as 0: named as at the line.
    assert "已达到红线、无余留指标的乡镇：多拉特乡" in text


def test_finding_severities_do_not_reuse_the_zone_grade_words():
    words = report_module.report_words("zh")
    severity_words = [words[key] for key in ("critical", "high", "medium", "low")]
    assert severity_words == ["特别严重", "较高", "中等", "较低"]
    assert not {"严重", "一般"} & set(severity_words)
    assert [report_module.report_words("en")[key] for key in ("critical", "high", "medium", "low")] == ["critical", "high", "medium", "low"]
    findings = data.findings()
    findings["severity"] = ["critical", "high", "medium"]
    text = plain(build_report(full_inputs(findings=findings), load_rules(), year=2025, language="zh").html())
    assert re.search(r"未安装计量设施或无计量读数\s+9\s+较高\s+1", text)
    assert re.search(r"超许可水量取水\s+10\s+中等\s+1", text)


def test_undetermined_units_are_named_in_both_languages():
    balance = data.balance()
    balance["final_grade"] = ["general", "severe", "undetermined"]
    zh = plain(build_report(full_inputs(balance=balance), load_rules(), year=2025, language="zh").html())
    en = plain(build_report(full_inputs(balance=balance), load_rules(), year=2025, language="en").html())
    assert "无法判定（水位记录过短）" in zh and "水位记录过短、超采等级无法判定的单元：1 个" in zh
    assert "undetermined (level record too short)" in en and "Units whose water-level record is too short to grade: 1" in en


def test_water_rights_show_what_the_red_line_leaves_for_farming():
    # Issue 12, point 14: 托里镇 red line 1000, 15 % for domestic and ecological water → 850 for farming.
    rights = data.water_rights()
    rights["agricultural_m3"] = [850.0, 425.0, 1700.0]
    zh = plain(build_report(full_inputs(water_rights=rights), load_rules(), year=2025, language="zh").html())
    en = plain(build_report(full_inputs(water_rights=rights), load_rules(), year=2025, language="en").html())
    assert "农业可用水量" in zh and "单位：水量 m³，面积 亩" in zh
    assert re.search(r"托里镇\s+2\s+10\.0\s+1,000\s+1,000\s+850\s+1\.000\s+1,000", zh)
    assert "For farming" in en and "Units: volumes m³, area mu" in en
    assert "农业可用" not in plain(build_report(full_inputs(), load_rules(), year=2025, language="zh").html())
