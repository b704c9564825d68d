"""The PDF printer (qgis_io/pdf.py): every page says which document it belongs to and which page of how many
it is, no heading is left alone at the foot of a page, no short paragraph or table is cut in two, and no
last page holds only a remnant — wherever the page ends fall."""

from __future__ import annotations

import pytest

from .pdf_pages import body_lines, page_problems, page_texts

pytestmark = pytest.mark.qgis

FILLER = "托里县地下水监管工作按照通知要求逐项落实，本段为版面测试文字。" * 2


def _document(filler_paragraphs: int, *, language: str = "zh", tail: str = ""):
    from tuoli_gw_plugin.engine.documents.html_page import ReportDocument, html_table

    rows = [[f"乡镇{i}", f"{1000 * i:,}"] for i in range(1, 6)]
    body = ["<h1>版面测试</h1>", "<h2>一、概况</h2>"]
    body += [f"<p>{FILLER}</p>" for _ in range(filler_paragraphs)]
    body += ["<h2>二、各乡镇表</h2>", html_table(["乡镇", "水量"], rows, [False, True])]
    body += ["<h2>三、说明</h2>", f"<p>{FILLER * 2}</p>", tail]
    return ReportDocument(language=language, title="版面测试", body_html="\n".join(body), figures={}, warnings=[],
                          page_label="版面测试 编号 T-001")


def _print(document, path):
    from tuoli_gw_plugin.qgis_io.pdf import print_pdf

    print_pdf(document, str(path), document.language)
    return path


@pytest.mark.parametrize("filler", range(18, 40))
def test_wherever_the_page_ends_fall_no_heading_is_left_alone_and_every_page_is_numbered(qgis_app, tmp_path, filler):
    pdf = _print(_document(filler), tmp_path / "doc.pdf")
    assert page_problems(pdf, "T-001") == []


@pytest.mark.parametrize("filler", range(18, 40, 3))
def test_a_short_table_is_never_cut_in_two(qgis_app, tmp_path, filler):
    pages = page_texts(_print(_document(filler), tmp_path / "doc.pdf"))
    holding = [n for n, page in enumerate(pages) if any(f"乡镇{i}" in page for i in range(1, 6))]
    assert len(holding) == 1, holding


def test_a_last_page_holding_a_line_takes_its_section_along(qgis_app, tmp_path):
    # Fill the pages so the last paragraph's closing line would fall alone on a new page, for one of the sizes.
    for filler in range(20, 34):
        pdf = _print(_document(filler, tail="<p>本意见书须经审查人员核对并签署。</p>"), tmp_path / f"doc{filler}.pdf")
        pages = page_texts(pdf)
        if len(pages) > 1:
            last = body_lines(pages[-1])
            assert last[0].startswith("三、") or len(last) >= 6, (filler, last)


def test_page_numbers_in_english(qgis_app, tmp_path):
    pdf = _print(_document(30, language="en"), tmp_path / "doc.pdf")
    pages = page_texts(pdf)
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        assert "T-001" in page
