"""The supervision report's annex on the reduction plan: the hand-built world's plan (world.py) per township in the
report, in both languages, through the engine and through the report door with the plan's OUTPUT_TOWNSHIPS."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tests.reduction import world
from tests.reduction.test_reduction_engine import _plan
from tuoli_gw_plugin.engine.core.errors import EngineInputError
from tuoli_gw_plugin.engine.core.rules import load_rules
from tuoli_gw_plugin.engine.documents.supervision_report import ReportInputs, build_report


def plain(html_text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", html_text)).replace("\u00a0", " ").split())


def _plan_townships(language: str):
    plan, _ = _plan(language=language)
    return world.townships().drop(columns=["allowable_m3"]).join(plan.townships)


def test_the_annex_lists_each_township_with_its_outcome():
    document = build_report(ReportInputs(reduction_plan=_plan_townships("zh")), load_rules(), year=2025, language="zh")
    text = plain(document.html())
    assert "附件：压减至采补平衡的计划" in text
    # 甲乡: 1 500 now, 1 000 allowable, 500 switched, reached in 2026
    assert "甲乡 1,500 1,000 500 0 500 0 0 1,000 2026 年达到采补平衡" in text
    # 丙乡: 765 shared in two years, 735 left, 135 short
    assert "丙乡 1,500 600 900 0 0 0 765 735 仅靠上述措施无法达到：2027 年仍差 135 m³" in text
    assert "压减计划：3 个乡镇需压减，2 个可达到采补平衡，1 个仅靠措施无法达到（缺口合计 135 m³）" in text


def test_english_annex():
    document = build_report(ReportInputs(reduction_plan=_plan_townships("en")), load_rules(), year=2025, language="en")
    text = plain(document.html())
    assert "Annex: plan of the cuts to abstraction–recharge balance" in text
    assert "乙乡 1,250 850 400 100 0 100 200 850 balance reached in 2026" in text
    assert "Total 4,250 2,450 1,800 100 500 100 965 2,585" in text  # 1 500 + 1 250 + 1 500 …; 1 000 + 850 + 735


def test_a_layer_that_is_not_a_plan_is_refused():
    with pytest.raises(EngineInputError, match="layer 'balance'.*is not an output of tuoli_gw:reduction_plan"):
        build_report(
            ReportInputs(reduction_plan=world.townships(), labels={"reduction_plan": "balance"}), load_rules(), year=2025, language="en"
        )


@pytest.mark.qgis
def test_the_report_door_renders_the_plan(run_alg, tmp_path):
    gpkg = world.write_gpkg(tmp_path / "inputs.gpkg", **world.all_layers())
    layer = f"{gpkg}|layername="
    plan = run_alg(
        "tuoli_gw:reduction_plan",
        {
            "WELLS": layer + "wells",
            "TOWNSHIPS": layer + "townships",
            "SUPPLY_PIPES": layer + "pipes",
            "COVERAGE_DISTANCE": 500,
            "SUPPLY_AREAS": layer + "supply_areas",
            "FIRST_YEAR": 2026,
            "TARGET_YEAR": 2027,
            "LANGUAGE": 1,
            "OUTPUT": str(tmp_path / "w.gpkg"),
            "OUTPUT_TOWNSHIPS": str(tmp_path / "t.gpkg"),
            "OUTPUT_YEARS": str(tmp_path / "y.gpkg"),
        },
    )
    result = run_alg(
        "tuoli_gw:supervision_report",
        {
            "REDUCTION_PLAN": plan["OUTPUT_TOWNSHIPS"],
            "YEAR": 2025,
            "LANGUAGE": 1,
            "OUTPUT_PDF": str(tmp_path / "report.pdf"),
            "OUTPUT_HTML": str(tmp_path / "report.html"),
        },
    )
    text = plain(Path(result["OUTPUT_HTML"]).read_text(encoding="utf-8"))
    assert "丙乡 1,500 600 900 0 0 0 765 735 not reachable by measures alone: 135 m³ short in 2027" in text
    assert Path(result["OUTPUT_PDF"]).read_bytes().startswith(b"%PDF")


def test_county_sized_volumes_are_shown_in_ten_thousand_cubic_metres():
    # The world's plan × 1 000: 甲乡 1 500 000 m³ now = 150.0 万m³, 1 000 000 allowable = 100.0 (ten columns fit A4 so).
    plan = _plan_townships("zh")
    volumes = [c for c in plan.columns if c.endswith("_m3")]
    plan[volumes] = plan[volumes] * 1000
    text = plain(build_report(ReportInputs(reduction_plan=plan), load_rules(), year=2025, language="zh").html())
    assert "现状开采量（万m³）" in text
    assert "甲乡 150.0 100.0 50.0 0.0 50.0 0.0 0.0 100.0" in text
