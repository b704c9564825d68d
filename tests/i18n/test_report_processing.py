"""tuoli_gw:supervision_report through processing.run and qgis_process: a PDF whose text holds
the township names in Chinese, drawn with an embedded CJK font, and an HTML page."""

from __future__ import annotations

import re
import subprocess

import numpy as np
import pytest

from tests.conftest import qgis_process_json

from . import report_data as data

pytestmark = pytest.mark.qgis


@pytest.fixture()
def layers(qgis_app, tmp_path):
    gpkg = data.write_geopackage(tmp_path / "report_inputs.gpkg")
    names = ("townships", "zones", "supply_areas", "supply_pipes", "wells", "balance", "surcharge", "findings", "water_rights")
    return {name: f"{gpkg}|layername={name}" for name in names}


def parameters(layers, tmp_path, **extra) -> dict:
    return {
        "TOWNSHIPS": layers["townships"],
        "ZONES": layers["zones"],
        "SUPPLY_AREAS": layers["supply_areas"],
        "SUPPLY_PIPES": layers["supply_pipes"],
        "WELLS": layers["wells"],
        "BALANCE": layers["balance"],
        "SURCHARGE": layers["surcharge"],
        "FINDINGS": layers["findings"],
        "WATER_RIGHTS": layers["water_rights"],
        "YEAR": 2025,
        "OUTPUT_PDF": str(tmp_path / "report.pdf"),
        "OUTPUT_HTML": str(tmp_path / "report.html"),
        **extra,
    }


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_chinese_pdf_by_default_with_township_names_and_an_embedded_cjk_font(run_alg, layers, tmp_path):
    result = run_alg("tuoli_gw:supervision_report", parameters(layers, tmp_path))
    assert result["TITLE"] == "托里县地下水监管年度报告（2025年度）"
    text = pdf_text(result["OUTPUT_PDF"])
    for name in ("托里镇", "阿克别里斗乡", "多拉特乡"):
        assert name in text
    assert "托里县地下水监管年度报告" in text
    # The wells were screened here with the same engine: W1 supply area, W2 severe zone, W3 general, W4 free.
    assert "筛查结论：禁止 2 眼，限制 1 眼，允许 1 眼" in text
    assert "水资源费（税）合计 950.00 元，其中超计划累进加价 380.00 元" in text
    assert not re.search(r"(?<!资源)水费", text)  # the levy is 水资源费（税）, never a utility's 水费
    fonts = subprocess.run(["pdffonts", result["OUTPUT_PDF"]], capture_output=True, text=True, check=True).stdout
    cjk = [line for line in fonts.splitlines() if "CJK" in line]
    assert cjk and all(" yes " in line for line in cjk)  # embedded, so no empty boxes elsewhere
    html_text = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "阿克别里斗乡" in html_text and "data:image/png;base64," in html_text


def test_first_page_renders_with_the_map(run_alg, layers, tmp_path):
    from matplotlib.image import imread

    result = run_alg("tuoli_gw:supervision_report", parameters(layers, tmp_path))
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", result["OUTPUT_PDF"], str(tmp_path / "page")], check=True)
    page = imread(next(tmp_path.glob("page*.png")))
    ink = (page[..., :3].mean(axis=2) < 0.9).mean()
    coloured = (np.ptp(page[..., :3], axis=2) > 0.2).mean()  # zones, coverage and verdict colours of the map
    assert ink > 0.03 and coloured > 0.002


def test_english_on_request(run_alg, layers, tmp_path):
    result = run_alg("tuoli_gw:supervision_report", parameters(layers, tmp_path, LANGUAGE=1))
    text = " ".join(pdf_text(result["OUTPUT_PDF"]).split())  # the long English title wraps
    assert "Toli County groundwater supervision report 2025" in text
    assert "Screening verdicts: 2 prohibited, 1 restricted, 1 allowed" in text
    assert "多拉特乡" in text


def test_screening_output_without_verdicts_is_refused_by_name(run_alg, layers, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="wells.*SCREENING.*verdict"):
        run_alg("tuoli_gw:supervision_report", {**parameters(layers, tmp_path), "SCREENING": layers["wells"]})


def test_a_table_that_is_not_a_balance_output_is_refused_by_name(run_alg, layers, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="water_rights.*abstraction_recharge_balance"):
        run_alg("tuoli_gw:supervision_report", {**parameters(layers, tmp_path), "BALANCE": layers["water_rights"]})


def test_only_some_inputs_give_a_report_that_says_what_is_missing(run_alg, layers, tmp_path):
    result = run_alg(
        "tuoli_gw:supervision_report",
        {"TOWNSHIPS": layers["townships"], "YEAR": 2024, "OUTPUT_PDF": str(tmp_path / "partial.pdf")},
    )
    text = pdf_text(result["OUTPUT_PDF"])
    assert "2024年度" in text and "未提供该项数据" in text and "阿克别里斗乡" in text


def test_a_report_with_no_input_at_all_warns(qgis_app, tmp_path):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    class Recorder(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.warnings: list[str] = []

        def pushWarning(self, warning):
            self.warnings.append(warning)
            super().pushWarning(warning)

    feedback, context = Recorder(), QgsProcessingContext()
    context.setProject(QgsProject.instance())
    processing.run("tuoli_gw:supervision_report", {"YEAR": 2024, "OUTPUT_PDF": str(tmp_path / "empty.pdf")}, context=context,
                   feedback=feedback)
    assert [w for w in feedback.warnings if "TOWNSHIPS" in w and "BALANCE" in w], feedback.warnings


def test_qgis_process_json(layers, tmp_path):
    answer = qgis_process_json("tuoli_gw:supervision_report", parameters(layers, tmp_path))
    pdf = answer["results"]["OUTPUT_PDF"]
    text = pdf_text(pdf)
    assert all(name in text for name in ("托里镇", "阿克别里斗乡", "多拉特乡"))
    assert answer["results"]["TITLE"] == "托里县地下水监管年度报告（2025年度）"
