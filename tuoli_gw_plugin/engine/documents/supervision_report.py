"""The annual supervision report (年度地下水监管报告) a county water bureau can hand on.

Builds one HTML document from whatever layers and algorithm outputs the user has: a county map
(townships, over-extraction zones, public supply coverage, wells by screening verdict), the red-line
use per township, abstraction against allowable abstraction (采补平衡), fees by surcharge band
(超计划累进加价), the compliance findings and the farm water-rights summary. Every section is
optional: a missing input gives a short "not provided" line, never a failure.

Figures are matplotlib PNGs drawn by ``plotting`` (headless). Chinese text needs a CJK font: it is looked up
at run time and a Chinese report without one stops with a message saying what to install. The
HTML references figures either as data: URIs (a self-contained .html file) or by name (so the Qt
door can hand them to QTextDocument and print the same document to PDF).
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd

from ..bookkeeping.audit import DETAIL_KEYS, FINDINGS
from ..core.crs import crs_words, working_crs
from ..core.errors import EngineInputError
from ..core.field_words import alias
from ..core.messages import code_word, register, text, vocabulary, written_from
from ..core.rules import Rules
from ..core.values import is_null
from ..plotting.charts import report_balance_chart, report_fee_chart
from ..plotting.maps import county_map
from .html_page import (
    ReportDocument,
    VolumeUnit,
    figure_html,
    find_column,
    number_text,
    numeric_values,
    report_table,
    require_cjk_font,
    unit_names,
    unsigned_zero,
    volume_unit,
)
from .reduction_annex import reduction_annex

register(
    {
        "report.not_balance": (
            "is not an output of tuoli_gw:abstraction_recharge_balance (no abstraction_m3 / allowable_m3 field)",
            "不是 tuoli_gw:abstraction_recharge_balance 的输出（没有 abstraction_m3 / allowable_m3 字段）",
        ),
        "report.give_balance": (
            "give the OUTPUT layer of Abstraction against recharge, or leave BALANCE empty",
            "请给出“开采量与补给量对比”的 OUTPUT 图层，或将 BALANCE 留空",
        ),
        "report.not_surcharge": (
            "is not an output of tuoli_gw:progressive_surcharge (no fee_yuan field)",
            "不是 tuoli_gw:progressive_surcharge 的输出（没有 fee_yuan 字段）",
        ),
        "report.give_surcharge": (
            "give the OUTPUT (or OUTPUT_SUMMARY) of Progressive surcharge, or leave SURCHARGE empty",
            "请给出“超计划累进加价”的 OUTPUT（或 OUTPUT_SUMMARY），或将 SURCHARGE 留空",
        ),
        "report.not_findings": (
            "is not an output of tuoli_gw:compliance_audit (no finding field)",
            "不是 tuoli_gw:compliance_audit 的输出（没有 finding 字段）",
        ),
        "report.give_findings": (
            "give the OUTPUT of Compliance audit, or leave FINDINGS empty", "请给出“取水井合规检查”的 OUTPUT，或将 FINDINGS 留空"
        ),
        "report.not_rights": (
            "is not an output of tuoli_gw:allocate_water_rights (no allocated_m3 or right_m3 field)",
            "不是 tuoli_gw:allocate_water_rights 的输出（没有 allocated_m3 或 right_m3 字段）",
        ),
        "report.give_rights": (
            "give OUTPUT_TOWNSHIPS (or OUTPUT) of Farm water rights, or leave WATER_RIGHTS empty",
            "请给出“农业用水权初始分配”的 OUTPUT_TOWNSHIPS（或 OUTPUT），或将 WATER_RIGHTS 留空",
        ),
        "report.unknown_language": (
            "unknown report language {value!r}; use 'zh' or 'en'", "未知的报告语言 {value!r}；请用 'zh' 或 'en'"
        ),
    }
)

LANGUAGES = ("zh", "en")
SEVERITY_ORDER = ("critical", "high", "medium", "low")
FINDINGS_LISTED = 20  # the findings table lists the most severe ones; counts cover all

register(
    {
        "report_words.title": ("Toli County groundwater supervision report", "托里县地下水监管年度报告"),
        "report_words.title_year": ("{title} {year}", "{title}（{year}年度）"),
        "report_words.produced": ("Produced", "生成日期"),
        "report_words.basis_notice": ("Basis", "依据"),
        "report_words.summary": ("1. Summary", "一、概况"),
        "report_words.map": (
            "2. County map: over-extraction zones, public supply coverage and wells by screening verdict",
            "二、县域图：超采区、公共供水管网覆盖范围与取水井筛查结论",
        ),
        "report_words.red_line": ("3. Total-use red line per township", "三、用水总量控制红线执行情况"),
        "report_words.balance": (
            "4. Abstraction against allowable abstraction per township (abstraction–recharge balance)",
            "四、各乡镇开采量与可开采量（采补平衡）",
        ),
        "report_words.fees": (
            "5. Water-resource fee (tax): progressive surcharge for use over plan", "五、水资源费（税）超计划累进加价"
        ),
        "report_words.findings": ("6. Compliance findings", "六、合规检查发现的问题"),
        "report_words.rights": ("7. Farm water rights", "七、农业用水权分配"),
        "report_words.sources": ("8. Data sources", "八、数据来源"),
        "report_words.not_provided": ("Not provided: section left out.", "未提供该项数据，本节从略。"),
        "report_words.township": ("Township", "乡镇"),
        "report_words.unit": ("Unit", "评价单元"),
        "report_words.red_line_m3": ("Red line", "红线指标"),
        "report_words.used_m3": ("Used", "已用水量"),
        "report_words.remaining_m3": ("Remaining", "剩余指标"),
        "report_words.use_share": ("Share used", "使用率"),
        "report_words.abstraction_m3": ("Abstraction", "开采量"),
        "report_words.allowable_m3": ("Allowable", "可开采量"),
        "report_words.extraction_coef": ("Extraction coefficient", "开采系数"),
        "report_words.grade": ("Grade", "超采等级"),
        "report_words.reduction_m3": ("Cut needed", "需压减量"),
        "report_words.decline": ("Water-level decline a year (m)", "水位年均下降（m）"),
        "report_words.band": ("Band", "收费档次"),
        "report_words.band_reached": ("Highest band reached", "所达最高档次"),
        "report_words.accounts": ("Accounts", "户数"),
        "report_words.excess_m3": ("Over plan", "超计划水量"),
        "report_words.fee_yuan": ("Water-resource fee (tax)", "水资源费（税）"),
        "report_words.surcharge_yuan": ("of which surcharge", "其中超计划加价"),
        "report_words.not_charged": ("Not charged (data missing)", "无法计费（数据缺失）"),
        "report_words.within_plan": ("Within plan (1×)", "计划内（1倍）"),
        "report_words.band_upto": ("{low}–{high} % over plan ({m:g}×)", "超计划{low}%–{high}%（{m:g}倍）"),
        "report_words.band_first": ("Up to {high} % over plan ({m:g}×)", "超计划{high}%以内（{m:g}倍）"),
        "report_words.band_top": ("Over {low} % over plan ({m:g}×)", "超计划{low}%以上（{m:g}倍）"),
        "report_words.finding": ("Finding", "问题类型"),
        "report_words.notice_item": ("Notice item", "通知条款"),
        "report_words.severity": ("Severity", "严重程度"),
        "report_words.count": ("Count", "数量"),
        "report_words.well_id": ("Well", "井编号"),
        "report_words.detail": ("Detail", "说明"),
        "report_words.listed_of": (
            "The table lists the {shown} most severe of {total} findings (all of them are in the findings layer).",
            "下表列出最严重的 {shown} 条（共 {total} 条；完整清单及检查记录见合规检查图层）。",
        ),
        "report_words.parameter": ("Parameter", "参数"),
        "report_words.parcels": ("Parcels", "地块数"),
        "report_words.area_mu": ("Area", "面积"),
        "report_words.demand_m3": ("Quota demand", "定额需水量"),
        "report_words.agricultural_m3": ("For farming", "农业可用水量"),
        "report_words.scale_factor": ("Scale factor", "核减系数"),
        "report_words.allocated_m3": ("Allocated", "分配水权"),
        "report_words.total": ("Total", "合计"),
        "report_words.layer": ("Layer", "图层"),
        "report_words.features": ("Features", "要素数"),
        "report_words.wells": ("Wells", "取水井"),
        "report_words.wells_total": ("{n} wells screened", "选址筛查的取水井 {n} 眼"),
        "report_words.existing_total": ("{n} existing wells", "现有取水井 {n} 眼"),
        "report_words.existing_wells": ("Existing wells", "现有取水井"),
        "report_words.legend_wells": ("Wells: {verdict} ({n})", "取水井：{verdict}（{n}）"),
        "report_words.verdict_counts": (
            "Screening verdicts: {prohibited} prohibited, {restricted} restricted, {allowed} allowed",
            "筛查结论：禁止 {prohibited} 眼，限制 {restricted} 眼，允许 {allowed} 眼",
        ),
        "report_words.over_units": (
            "Over-extracted townships: {severe} severe, {general} general; total cut needed {cut} {unit} (section 4, all wells)",
            "超采乡镇：严重 {severe} 个，一般 {general} 个；需压减开采量合计 {cut} {unit}（第四节，按全部井计）",
        ),
        "report_words.fees_total": (
            "Water-resource fees (tax) {fee} yuan, of which surcharge for use over plan {surcharge} yuan",
            "水资源费（税）合计 {fee} 元，其中超计划累进加价 {surcharge} 元",
        ),
        "report_words.findings_total": ("{n} compliance findings ({critical} critical)", "合规问题 {n} 条（其中特别严重 {critical} 条）"),
        "report_words.rights_total": (
            "Farm water rights allocated: {allocated} {unit} ({parcels} parcels)",
            "农业用水权分配合计 {allocated} {unit}（{parcels} 个地块）",
        ),
        "report_words.over_red_line": ("Townships over their red line: {names}", "超过红线的乡镇：{names}"),
        "report_words.at_red_line": ("Townships at their red line, no quota left: {names}", "已达到红线、无余留指标的乡镇：{names}"),
        "report_words.red_line_status": ("Status", "状态"),
        "report_words.red_line_over": ("over the red line", "超过红线"),
        "report_words.red_line_at": ("at the red line (0 left)", "已达红线（剩余为0）"),
        "report_words.undetermined_units": (
            "Units whose water-level record is too short to grade: {n}",
            "水位记录过短、超采等级无法判定的单元：{n} 个",
        ),
        "report_words.severe": ("Severe over-extraction zone", "严重超采区"),
        "report_words.general": ("General over-extraction zone", "一般超采区"),
        "report_words.none": ("not over-extracted", "未超采"),
        "report_words.severe_grade": ("severe", "严重超采"),
        "report_words.general_grade": ("general", "一般超采"),
        "report_words.undetermined_grade": ("undetermined (level record too short)", "无法判定（水位记录过短）"),
        "report_words.no_verdict": ("not screened", "未筛查"),
        "report_words.supply_areas": ("Public supply-network coverage", "公共供水管网覆盖范围"),
        "report_words.supply_pipes": ("Public supply pipes", "公共供水管网"),
        "report_words.coverage_band": ("Coverage distance {d:g} m", "管网覆盖距离 {d:g} m"),
        "report_words.map_note": (
            "Wells coloured by their well-site screening verdict (notice 托政发规〔2024〕3号 item 13, section 二(三), items 7 and 8).",
            "取水井按选址筛查结论着色（依据托政发规〔2024〕3号第13条、第二部分（三）及第7、8条）。",
        ),
        "report_words.map_crs": ("CRS", "坐标系"),
        "report_words.chart_balance": ("Abstraction and allowable abstraction per township", "各乡镇开采量与可开采量"),
        "report_words.chart_fees": ("Fees per band", "各档次水资源费（税）"),
        "report_words.chart_volume": ("{unit} a year", "{unit}/年"),
        "report_words.chart_fee_axis": ("10⁴ yuan", "万元"),
        "report_words.chart_abstraction": ("Abstraction: {grade}", "开采量：{grade}"),
        "report_words.chart_allowable": ("Allowable abstraction (ρ × recharge)", "可开采量（ρ × 补给量）"),
        "report_words.no_grade": ("no grade", "未评级"),
        "report_words.data": ("Data", "数据"),
        "report_words.source": ("From", "来源"),
        "report_words.computed": ("computed by {tool}", "本插件“{tool}”计算结果"),
        "report_words.given": ("given layer", "所提供的图层"),
        "report_words.notice_item_is": ("notice item {item}", "通知第{item}条"),
        "report_words.data_townships": ("Townships: boundaries and total-use red lines", "乡镇界线及用水总量控制指标"),
        "report_words.data_zones": ("Over-extraction zones", "超采区范围"),
        "report_words.data_supply_areas": ("Public supply-network coverage areas", "公共供水管网覆盖范围"),
        "report_words.data_supply_pipes": ("Public supply pipes", "公共供水管网"),
        "report_words.data_wells": ("Wells screened for their site", "选址筛查的取水井"),
        "report_words.data_existing_wells": ("Existing wells (register)", "现有取水井（登记）"),
        "report_words.data_balance": ("Abstraction against allowable abstraction per township", "各乡镇开采量与可开采量"),
        "report_words.data_surcharge": ("Fees of the progressive surcharge", "超计划累进加价计费结果"),
        "report_words.data_findings": ("Compliance findings", "合规检查结果"),
        "report_words.data_water_rights": ("Farm water rights", "农业用水权分配结果"),
        "report_words.data_reduction_plan": ("Reduction plan per township", "各乡镇压减计划"),
        "report_words.tool_balance": ("Abstraction against recharge", "开采量与补给量对比"),
        "report_words.tool_surcharge": ("Progressive surcharge", "超计划累进加价"),
        "report_words.tool_findings": ("Compliance audit", "取水井合规检查"),
        "report_words.tool_water_rights": ("Farm water rights", "农业用水权初始分配"),
        "report_words.tool_reduction_plan": ("Reduction plan", "压减计划"),
        "report_words.tool_wells": ("Screen well sites", "取水井选址筛查"),
        "report_words.critical": ("critical", "特别严重"),
        "report_words.high": ("high", "较高"),
        "report_words.medium": ("medium", "中等"),
        "report_words.low": ("low", "较低"),
        "report_words.warnings": ("Notes", "提示"),
    }
)

def report_words(language: str) -> dict[str, str]:
    """The report's headings and labels in ``language``, with the verdict words screening registers."""
    return {**vocabulary("verdict", language), **vocabulary("report_words", language)}


@dataclass
class ReportInputs:
    """The layers and outputs a report is built from; None leaves the section out."""

    townships: gpd.GeoDataFrame | None = None
    township_name_field: str = "name_zh"
    zones: gpd.GeoDataFrame | None = None
    zone_grade_field: str = "grade"
    supply_areas: gpd.GeoDataFrame | None = None
    supply_pipes: gpd.GeoDataFrame | None = None
    coverage_distance_m: float | None = None
    wells: gpd.GeoDataFrame | None = None  # with a 'verdict' column when screened
    existing_wells: gpd.GeoDataFrame | None = None  # drawn in grey under the screened wells
    balance: pd.DataFrame | None = None
    surcharge: pd.DataFrame | None = None
    findings: pd.DataFrame | None = None
    water_rights: pd.DataFrame | None = None
    reduction_plan: pd.DataFrame | None = None  # OUTPUT_TOWNSHIPS of tuoli_gw:reduction_plan, rendered as an annex
    labels: dict[str, str] = field(default_factory=dict)  # input name -> layer name shown in "Data sources"
    parameters: dict[str, str] = field(default_factory=dict)  # input name -> the parameter it came from


# -- helpers ----------------------------------------------------------------------------------------
# The report's section -> the name its "not an output of ..." and "give ..." messages go by.
_SECTION_MESSAGES = {"balance": "balance", "surcharge": "surcharge", "findings": "findings", "water_rights": "rights"}


def _not_that_output(inputs: ReportInputs, section: str, parameter: str) -> EngineInputError:
    """The error for a section's layer that is not the output of the algorithm the section reads."""
    name = _SECTION_MESSAGES[section]
    return EngineInputError(
        text(f"report.not_{name}"), layer=inputs.labels.get(section, parameter), hint=text(f"report.give_{name}")
    )


def _present(frame: pd.DataFrame | None) -> bool:
    return frame is not None and len(frame) > 0


def _grade_word(grade: object, words: dict[str, str]) -> str:
    if is_null(grade):
        return "—"
    key = str(grade).strip().lower()
    return words.get(f"{key}_grade", words.get(key, str(grade)))


def band_labels(rules: Rules, language: str) -> dict[float, str]:
    """Multiplier -> label of its band, from the rules file's surcharge bands (never literals)."""
    words = report_words(language)
    labels = {rules.value("surcharge", "within_plan_multiplier"): words["within_plan"]}
    low = 0.0
    for index, band in enumerate(rules.surcharge_bands()):
        if band.excess_pct_up_to is None:
            labels[band.multiplier] = words["band_top"].format(low=f"{low:g}", m=band.multiplier)
        elif index == 0:
            labels[band.multiplier] = words["band_first"].format(high=f"{band.excess_pct_up_to:g}", m=band.multiplier)
        else:
            labels[band.multiplier] = words["band_upto"].format(low=f"{low:g}", high=f"{band.excess_pct_up_to:g}", m=band.multiplier)
        low = band.excess_pct_up_to or low
    return labels


# -- sections -----------------------------------------------------------------------------------------
def _map_figure(inputs: ReportInputs, words: dict[str, str], family: str | None, language: str) -> tuple[bytes | None, dict[str, int]]:
    """The county map of whatever layers were given (None when none has a CRS), and wells per verdict."""
    frames = [inputs.townships, inputs.zones, inputs.supply_areas, inputs.supply_pipes, inputs.wells, inputs.existing_wells]
    frames = [f for f in frames if isinstance(f, gpd.GeoDataFrame) and len(f) and f.crs is not None]
    if not frames:
        return None, {}
    crs = working_crs(frames)

    def geometries(frame: gpd.GeoDataFrame | None) -> np.ndarray:
        if not isinstance(frame, gpd.GeoDataFrame) or not len(frame) or frame.crs is None:
            return np.array([], dtype=object)
        series = frame.geometry.to_crs(crs)
        return np.asarray(series[series.notna() & ~series.is_empty].values, dtype=object)

    def projected(frame: gpd.GeoDataFrame | None) -> gpd.GeoSeries | None:
        if not _present(frame):
            return None
        return frame.geometry.to_crs(crs) if frame.crs is not None else frame.geometry

    zones, zone_grades = inputs.zones, None
    if _present(zones):
        grade_column = find_column(zones, inputs.zone_grade_field, "grade")
        zone_grades = zones[grade_column].astype(str).str.strip().str.lower() if grade_column else pd.Series("", index=zones.index)
    township_names = list(unit_names(inputs.townships, inputs.township_name_field)) if _present(inputs.townships) else []
    existing = inputs.existing_wells
    wells = inputs.wells
    has_wells = _present(wells) and wells.crs is not None
    verdicts = None
    if has_wells:
        verdicts = (
            wells["verdict"].astype(object).where(wells["verdict"].notna(), None)
            if "verdict" in wells.columns
            else pd.Series(None, index=wells.index, dtype=object)
        )
    return county_map(
        crs=crs,
        words={**words, "crs_name": crs_words(crs, language)},
        family=family,
        zones=projected(zones),
        zone_grades=zone_grades,
        supply_areas=geometries(inputs.supply_areas),
        supply_pipes=geometries(inputs.supply_pipes),
        coverage_distance_m=inputs.coverage_distance_m,
        townships=projected(inputs.townships),
        township_names=township_names,
        existing_wells=existing.geometry.to_crs(crs) if _present(existing) and existing.crs is not None else None,
        wells=wells.geometry.to_crs(crs) if has_wells else None,
        verdicts=verdicts,
    )


def _red_line_section(inputs: ReportInputs, words: dict[str, str], unit: VolumeUnit, language: str) -> tuple[str, list[str], list[str]]:
    """The red-line table, and the townships over their red line and those exactly at it.

    Like screening's ``red_line_exhausted`` (remaining ≤ 0, notice item 8 "超过用水总量控制红线、无余留可用水量指标"),
    a township whose remaining quota is 0 is used up, not "within": it is named, and its status says so.
    """
    towns = inputs.townships
    if not _present(towns):
        return f"<p>{words['not_provided']}</p>", [], []
    red = find_column(towns, "red_line_m3")
    used = find_column(towns, "used_m3")
    if red is None or used is None:
        return f"<p>{words['not_provided']}</p>", [], []
    names = unit_names(towns, inputs.township_name_field)
    red_values, used_values = numeric_values(towns, red), numeric_values(towns, used)
    rows, over, at = [], [], []
    for name, red_m3, used_m3 in zip(names, red_values, used_values):
        share = used_m3 / red_m3 if red_m3 and not math.isnan(red_m3) and red_m3 > 0 else float("nan")
        remaining = red_m3 - used_m3
        status = ""
        if not math.isnan(remaining) and remaining <= 0:
            # over when the table shows a negative remainder, else at the line (it shows 0, never "-0")
            if unit.text(remaining).startswith("-"):
                over.append(name)
                status = words["red_line_over"]
            else:
                at.append(name)
                status = words["red_line_at"]
        shown_share = "—" if math.isnan(share) else unsigned_zero(f"{share:.1%}")
        rows.append([name, unit.text(red_m3), unit.text(used_m3), unit.text(remaining), shown_share, status])
    rows.append(
        [
            words["total"], unit.text(red_values.sum()), unit.text(used_values.sum()),
            unit.text(red_values.sum() - used_values.sum()), "", "",
        ]
    )
    table = report_table(
        [words["township"], words["red_line_m3"], words["used_m3"], words["remaining_m3"], words["use_share"], words["red_line_status"]],
        rows,
        [False, True, True, True, True, False],
        [True, False, False, False, False, True],
    )
    return unit.caption(language) + table, over, at


def _balance_section(
    inputs: ReportInputs, words: dict[str, str], family: str | None, unit: VolumeUnit, language: str
) -> tuple[str, dict[str, bytes], dict]:
    balance = inputs.balance
    if not _present(balance):
        return f"<p>{words['not_provided']}</p>", {}, {}
    abstraction = find_column(balance, "abstraction_m3")
    allowable = find_column(balance, "allowable_m3")
    if abstraction is None or allowable is None:
        raise _not_that_output(inputs, "balance", "BALANCE")
    names = unit_names(balance, inputs.township_name_field)
    grade_column = find_column(balance, "final_grade", "grade")
    coef = numeric_values(balance, find_column(balance, "extraction_coef"))
    cut = numeric_values(balance, find_column(balance, "reduction_m3"))
    decline = numeric_values(balance, find_column(balance, "decline_m_per_a"))
    grades = balance[grade_column] if grade_column else pd.Series(None, index=balance.index, dtype=object)
    abstraction_values, allowable_values = numeric_values(balance, abstraction), numeric_values(balance, allowable)
    order = np.argsort(-coef.fillna(-1).to_numpy(), kind="stable")
    rows = []
    for i in order:
        rows.append(
            [
                names.iloc[i],
                unit.text(abstraction_values.iloc[i]),
                unit.text(allowable_values.iloc[i]),
                number_text(coef.iloc[i], 2),
                html.escape(_grade_word(grades.iloc[i], words)),
                number_text(decline.iloc[i], 2),
                unit.text(cut.iloc[i]),
            ]
        )
    rows.append([words["total"], unit.text(abstraction_values.sum()), unit.text(allowable_values.sum()), "", "", "", unit.text(cut.sum())])
    table = report_table(
        [
            words["unit"],
            words["abstraction_m3"],
            words["allowable_m3"],
            words["extraction_coef"],
            words["grade"],
            words["decline"],
            words["reduction_m3"],
        ],
        rows,
        [False, True, True, True, False, True, True],
        [True, False, False, False, True, False, False],
    )
    png = report_balance_chart(
        [names.iloc[i] for i in order],
        abstraction_values.iloc[order].to_numpy(),
        allowable_values.iloc[order].to_numpy(),
        [grades.iloc[i] for i in order],
        _chart_words(words, unit, language),
        family,
        scale=unit.scale,
    )
    stats = {
        "severe": int(sum(str(g).lower() == "severe" for g in grades)),
        "general": int(sum(str(g).lower() == "general" for g in grades)),
        "undetermined": int(sum(str(g).lower() == "undetermined" for g in grades)),
        "cut": float(np.nansum(cut.to_numpy())),
        "abstraction": dict(zip(names, abstraction_values)),
    }
    return unit.caption(language) + table + figure_html("balance.png", png), {"balance.png": png}, stats


def _chart_words(words: dict[str, str], unit: VolumeUnit, language: str) -> dict[str, str]:
    """The balance chart's words: a legend entry for each grade's colour and for the allowable bars, the axis unit."""
    return {
        "title": words["chart_balance"],
        "axis": words["chart_volume"].format(unit=unit.words),
        "allowable": words["chart_allowable"],
        **{
            grade: words["chart_abstraction"].format(grade=_grade_word(grade, words) if grade != "unknown" else words["no_grade"])
            for grade in ("severe", "general", "none", "undetermined", "unknown")
        },
    }


def _fees_section(
    inputs: ReportInputs, words: dict[str, str], rules: Rules, language: str, family: str | None, unit: VolumeUnit
) -> tuple[str, dict[str, bytes], dict]:
    fees = inputs.surcharge
    if not _present(fees):
        return f"<p>{words['not_provided']}</p>", {}, {}
    labels = band_labels(rules, language)
    fee_column = find_column(fees, "fee_yuan")
    if fee_column is None:
        raise _not_that_output(inputs, "surcharge", "SURCHARGE")
    fee = numeric_values(fees, fee_column)
    if find_column(fees, "tier") and find_column(fees, "accounts_n"):  # the per-township summary table
        multiplier = numeric_values(fees, find_column(fees, "multiplier"))
        charged = ~fees[find_column(fees, "tier")].astype(str).eq("not_charged")
        accounts = numeric_values(fees, find_column(fees, "accounts_n"))
        volume = numeric_values(fees, find_column(fees, "volume_m3"))
        excess = volume.where(multiplier > rules.value("surcharge", "within_plan_multiplier"), 0.0)
        # A tier's fee is rate x multiplier x volume, so its surcharge is the fee less the fee at 1x.
        surcharge = (fee - fee / multiplier.where(multiplier > 0)).where(charged, np.nan)
        band_header = words["band"]
    else:  # one row per account
        multiplier = numeric_values(fees, find_column(fees, "top_multiplier"))
        charged = fee.notna()
        accounts = pd.Series(1.0, index=fees.index)
        excess = numeric_values(fees, find_column(fees, "excess_m3"))
        surcharge = numeric_values(fees, find_column(fees, "surcharge_yuan"))
        band_header = words["band_reached"]
    rows, chart_labels, chart_values = [], [], []
    for value, label in sorted(labels.items()):
        chosen = charged & multiplier.eq(value)
        rows.append(
            [
                label,
                number_text(accounts[chosen].sum()),
                unit.text(excess[chosen].sum()),
                number_text(fee[chosen].sum(), 2),
                number_text(surcharge[chosen].sum(), 2),
            ]
        )
        chart_labels.append(label)
        chart_values.append(float(fee[chosen].sum()))
    not_charged = ~charged
    rows.append([words["not_charged"], number_text(accounts[not_charged].sum()), "—", "—", "—"])
    rows.append(
        [
            words["total"],
            number_text(accounts.sum()),
            unit.text(excess[charged].sum()),
            number_text(fee[charged].sum(), 2),
            number_text(surcharge[charged].sum(), 2),
        ]
    )
    table = report_table(
        [band_header, words["accounts"], words["excess_m3"], words["fee_yuan"], words["surcharge_yuan"]],
        rows,
        [False, True, True, True, True],
        [True, False, False, False, False],
    )
    png = report_fee_chart(chart_labels, chart_values, words, family)
    stats = {"fee": float(fee[charged].sum()), "surcharge": float(np.nansum(surcharge[charged].to_numpy()))}
    caption = unit.caption(language, money=text("document.yuan", language))
    return caption + table + figure_html("fees.png", png), {"fees.png": png}, stats


def finding_label(code: str, language: str, rules: Rules) -> str:
    """The words for a finding code in ``language``; the code itself when it has none."""
    # A code without words (from data) comes back as it is, never formatted: it may hold braces of its own.
    return code_word("finding", code, language, days=int(rules.value("compliance", "deregistration_deadline_days")))


def _findings_section(inputs: ReportInputs, words: dict[str, str], rules: Rules, language: str) -> tuple[str, dict]:
    findings = inputs.findings
    if not _present(findings):
        return f"<p>{words['not_provided']}</p>", {}
    code_column = find_column(findings, "finding")
    if code_column is None:
        raise _not_that_output(inputs, "findings", "FINDINGS")
    known = rules.get("compliance", "findings")
    codes = findings[code_column].astype(str)
    severity = (
        findings[find_column(findings, "severity")].astype(str)
        if find_column(findings, "severity")
        else codes.map(lambda c: known.get(c, {}).get("severity", ""))
    )
    item = (
        findings[find_column(findings, "notice_item")].astype(str)
        if find_column(findings, "notice_item")
        else codes.map(lambda c: known.get(c, {}).get("item", ""))
    )
    rank = {name: i for i, name in enumerate(SEVERITY_ORDER)}
    summary = (
        pd.DataFrame({"code": codes, "severity": severity, "item": item})
        .value_counts()
        .reset_index(name="n")
        .assign(rank=lambda t: t["severity"].map(rank).fillna(len(rank)))
        .sort_values(["rank", "n"], ascending=[True, False])
    )
    rows = [
        [finding_label(r.code, language, rules), r.item, words.get(r.severity, r.severity), number_text(r.n)]
        for r in summary.itertuples()
    ]
    rows.append([words["total"], "", "", number_text(len(findings))])
    parts = [
        report_table(
            [words["finding"], words["notice_item"], words["severity"], words["count"]], rows, [False, False, False, True],
            [False, True, True, False],
        )
    ]
    township = find_column(findings, "township")
    if township:
        # Findings down, townships across: township names are short column heads, the finding words have a line each.
        crosstab = pd.crosstab(codes, findings[township].fillna("—").astype(str))
        ordered = [c for c in FINDINGS if c in crosstab.index] + [c for c in crosstab.index if c not in FINDINGS]
        crosstab = crosstab.loc[ordered]
        crosstab = crosstab[[c for c in crosstab.columns if c != "—"] + [c for c in crosstab.columns if c == "—"]]
        rows = [
            [finding_label(code, language, rules), *(number_text(v) for v in row), number_text(sum(row))]
            for code, row in zip(crosstab.index, crosstab.to_numpy())
        ]
        rows.append([words["total"], *(number_text(v) for v in crosstab.sum(axis=0)), number_text(int(crosstab.to_numpy().sum()))])
        parts.append(
            report_table(
                [words["finding"], *crosstab.columns, words["total"]], rows, [False, *([True] * (len(crosstab.columns) + 1))],
            )
        )
    ordered = findings.assign(_rank=severity.map(rank).fillna(len(rank)).to_numpy()).sort_values("_rank", kind="stable")
    shown = ordered.head(FINDINGS_LISTED)
    well = find_column(findings, "well_id")
    detail = find_column(findings, "detail")
    parts.append(f'<p class="note">{html.escape(words["listed_of"].format(shown=len(shown), total=len(findings)))}</p>')
    # The audit writes its details in its own LANGUAGE: they are listed only when every one shown is in the
    # report's language (no English sentence in a Chinese report); otherwise the notice item is listed instead.
    details = [str(value) for value in shown[detail] if pd.notna(value)] if detail else []
    in_language = bool(details) and all(written_from(value, DETAIL_KEYS, language) for value in details)
    last_header, last_column = (words["detail"], detail) if in_language else (words["notice_item"], None)
    parts.append(
        report_table(
            [words["well_id"], words["finding"], words["severity"], words["township"], last_header],
            [
                [
                    str(row[well]) if well and pd.notna(row[well]) else "—",  # a power account has no well
                    finding_label(str(row[code_column]), language, rules),
                    words.get(str(severity.loc[index]), str(severity.loc[index])),
                    str(row[township]) if township and pd.notna(row[township]) else "—",
                    readable_detail(row[last_column], str(item.loc[index]), words, language) if last_column else str(item.loc[index]),
                ]
                for index, row in shown.iterrows()
            ],
            None,
            [True, False, True, True, last_column is None],
        )
    )
    stats = {"n": len(findings), "critical": int((severity == "critical").sum())}
    return "".join(parts), stats


# Latin words a printed detail may keep: units.
UNIT_WORDS = {"m", "km", "mm", "kWh", "m³"}
_DATA_NAME = re.compile(r"“([^”]*[A-Za-z][^”]*)”|\b([A-Za-z][A-Za-z0-9_]*)\b")


def readable_detail(detail: object, notice_item: str, words: dict[str, str], language: str) -> str:
    """A finding's detail as a Chinese report prints it: the audit names the fields and layers it read (for whoever
    checks the data); here a field reads as its header, a layer as 'the layer given'. A detail that still holds a
    Latin word is replaced by its notice item."""
    if is_null(detail):
        return ""
    detail = str(detail)
    if language != "zh":
        return detail

    def said(match: re.Match) -> str:
        if match.group(1) is not None:  # a quoted layer name
            return words["given"]
        name = match.group(2)
        header = alias(name, language)
        return f"“{re.sub(r'（.*?）$', '', header)}”" if header else name

    readable = re.sub(r"\s*(“[^”]*”)\s*", r"\1", _DATA_NAME.sub(said, detail))  # Chinese quotes need no spaces
    latin = [word for word in re.findall(r"[A-Za-z][A-Za-z0-9_]*", readable) if word not in UNIT_WORDS]
    return words["notice_item_is"].format(item=notice_item) if latin else readable


def _rights_section(inputs: ReportInputs, words: dict[str, str], unit: VolumeUnit, language: str) -> tuple[str, dict]:
    rights = inputs.water_rights
    if not _present(rights):
        return f"<p>{words['not_provided']}</p>", {}
    township = find_column(rights, "township")
    if find_column(rights, "allocated_m3") and find_column(rights, "parcels_n"):  # OUTPUT_TOWNSHIPS
        table = pd.DataFrame(
            {
                "township": rights[township].astype(str) if township else unit_names(rights, inputs.township_name_field),
                "parcels": numeric_values(rights, find_column(rights, "parcels_n")),
                "area": numeric_values(rights, find_column(rights, "area_mu")),
                "demand": numeric_values(rights, find_column(rights, "demand_m3")),
                "red_line": numeric_values(rights, find_column(rights, "red_line_m3")),
                # item 7: what the red line leaves for farming after domestic and ecological water
                "agricultural": numeric_values(rights, find_column(rights, "agricultural_m3")),
                "factor": numeric_values(rights, find_column(rights, "scale_factor")),
                "allocated": numeric_values(rights, find_column(rights, "allocated_m3")),
            }
        )
    elif find_column(rights, "right_m3"):  # OUTPUT: one row per parcel
        parcels = pd.DataFrame(
            {
                "township": rights[township].fillna("—").astype(str) if township else "—",
                "area": numeric_values(rights, find_column(rights, "area_mu")),
                "demand": numeric_values(rights, find_column(rights, "demand_m3")),
                "factor": numeric_values(rights, find_column(rights, "scale_factor")),
                "allocated": numeric_values(rights, find_column(rights, "right_m3")),
            }
        )
        table = (
            parcels.groupby("township", sort=False)
            .agg(
                parcels=("area", "size"),
                area=("area", "sum"),
                demand=("demand", "sum"),
                factor=("factor", "min"),
                allocated=("allocated", "sum"),
            )
            .reset_index()
        )
        table["red_line"] = np.nan
        table["agricultural"] = np.nan
    else:
        raise _not_that_output(inputs, "water_rights", "WATER_RIGHTS")
    with_agricultural = bool(table["agricultural"].notna().any())
    rows = [
        [
            r.township,
            number_text(r.parcels),
            number_text(r.area, 1),
            unit.text(r.demand),
            unit.text(r.red_line),
            *([unit.text(r.agricultural)] if with_agricultural else []),
            number_text(r.factor, 3),
            unit.text(r.allocated),
        ]
        for r in table.itertuples()
    ]
    rows.append(
        [
            words["total"],
            number_text(table["parcels"].sum()),
            number_text(table["area"].sum(), 1),
            unit.text(table["demand"].sum()),
            "",
            *([""] if with_agricultural else []),
            "",
            unit.text(table["allocated"].sum()),
        ]
    )
    headers = [
        words["township"],
        words["parcels"],
        words["area_mu"],
        words["demand_m3"],
        words["red_line_m3"],
        *([words["agricultural_m3"]] if with_agricultural else []),
        words["scale_factor"],
        words["allocated_m3"],
    ]
    rights_table = report_table(headers, rows, [False] + [True] * (len(headers) - 1), [True] + [False] * (len(headers) - 1))
    caption = unit.caption(language, area=text("document.mu", language))
    return caption + rights_table, {"allocated": float(table["allocated"].sum()), "parcels": int(table["parcels"].sum())}


# The volume columns of the report's inputs: the largest value decides the report's one volume unit.
VOLUME_COLUMNS = {
    "townships": ("red_line_m3", "used_m3"),
    "balance": ("abstraction_m3", "allowable_m3"),
    "water_rights": ("red_line_m3", "allocated_m3", "right_m3", "demand_m3"),
    "reduction_plan": ("abstraction_m3", "allowable_m3"),
    "surcharge": ("volume_m3", "excess_m3"),
}
# Inputs that are outputs of the plugin's own tools: the data sources name the tool that computed them.
COMPUTED_BY = {"wells": "tool_wells", "balance": "tool_balance", "surcharge": "tool_surcharge", "findings": "tool_findings",
               "water_rights": "tool_water_rights", "reduction_plan": "tool_reduction_plan"}


def _largest_volume(inputs: ReportInputs) -> float:
    largest = 0.0
    for name, columns in VOLUME_COLUMNS.items():
        frame = getattr(inputs, name)
        if not _present(frame):
            continue
        for column in columns:
            values = numeric_values(frame, find_column(frame, column)).abs()
            if values.notna().any():
                largest = max(largest, float(values.max()))
    return largest


def _sources_section(inputs: ReportInputs, words: dict[str, str], language: str) -> str:
    """What each section was made from, in words: the kind of data, where it came from, how many features. The
    layer's own name is shown in an English report only (a Chinese report names no layer)."""
    rows = []
    for key, label in inputs.labels.items():
        frame = getattr(inputs, key, None)
        if not isinstance(frame, pd.DataFrame):
            continue
        origin = words["computed"].format(tool=words[COMPUTED_BY[key]]) if key in COMPUTED_BY else words["given"]
        if language != "zh":
            origin += f" '{label}'" if key not in COMPUTED_BY else f" (layer '{label}')"
        rows.append([words.get(f"data_{key}", key), origin, number_text(len(frame))])
    if not rows:
        return f"<p>{words['not_provided']}</p>"
    return report_table([words["data"], words["source"], words["features"]], rows, [False, False, True])


# -- the report -------------------------------------------------------------------------------------
def build_report(inputs: ReportInputs, rules: Rules, *, year: int, language: str = "zh", produced: dt.date | None = None) -> ReportDocument:
    """The supervision report for ``year`` in ``language`` ('zh' or 'en')."""
    if language not in LANGUAGES:
        raise EngineInputError(text("report.unknown_language", value=language))
    words = report_words(language)
    names: list[str] = []
    if _present(inputs.townships):
        names = list(unit_names(inputs.townships, inputs.township_name_field))
    family, notes = require_cjk_font(language, names)
    notice = rules.data.get("notice", {})
    title = words["title_year"].format(title=words["title"], year=year)
    figures: dict[str, bytes] = {}

    unit = volume_unit(_largest_volume(inputs), language)  # one volume unit for the whole report
    map_png, verdict_counts = _map_figure(inputs, words, family, language)
    red_line_html, over_red_line, at_red_line = _red_line_section(inputs, words, unit, language)
    balance_html, balance_figures, balance_stats = _balance_section(inputs, words, family, unit, language)
    fees_html, fee_figures, fee_stats = _fees_section(inputs, words, rules, language, family, unit)
    findings_html, finding_stats = _findings_section(inputs, words, rules, language)
    rights_html, rights_stats = _rights_section(inputs, words, unit, language)
    annex_html, annex_summary = "", ""
    if _present(inputs.reduction_plan):
        annex_html, annex_summary = reduction_annex(
            inputs.reduction_plan,
            language=language,
            name_field=inputs.township_name_field,
            layer=inputs.labels.get("reduction_plan", "REDUCTION_PLAN"),
            unit=unit,
            balance_abstraction=balance_stats.get("abstraction") if balance_stats else None,
        )
    figures.update(balance_figures)
    figures.update(fee_figures)

    summary: list[str] = []
    if inputs.existing_wells is not None and len(inputs.existing_wells):
        summary.append(words["existing_total"].format(n=len(inputs.existing_wells)))
    if inputs.wells is not None and len(inputs.wells):
        summary.append(words["wells_total"].format(n=len(inputs.wells)))
        if "verdict" in inputs.wells.columns:
            summary.append(words["verdict_counts"].format(**{k: verdict_counts.get(k, 0) for k in ("prohibited", "restricted", "allowed")}))
    separator = "、" if language == "zh" else ", "
    if over_red_line:
        summary.append(words["over_red_line"].format(names=separator.join(over_red_line)))
    if at_red_line:
        summary.append(words["at_red_line"].format(names=separator.join(at_red_line)))
    if balance_stats:
        summary.append(
            words["over_units"].format(
                severe=balance_stats["severe"], general=balance_stats["general"], cut=unit.text(balance_stats["cut"]), unit=unit.words
            )
        )
        if balance_stats["undetermined"]:
            summary.append(words["undetermined_units"].format(n=balance_stats["undetermined"]))
    if fee_stats:
        summary.append(words["fees_total"].format(fee=number_text(fee_stats["fee"], 2), surcharge=number_text(fee_stats["surcharge"], 2)))
    if finding_stats:
        summary.append(words["findings_total"].format(**finding_stats))
    if rights_stats:
        summary.append(
            words["rights_total"].format(allocated=unit.text(rights_stats["allocated"]), parcels=rights_stats["parcels"], unit=unit.words)
        )
    if annex_summary:
        summary.append(annex_summary)

    notice_title = notice.get("title_zh" if language == "zh" else "title_en", "")
    produced = produced or dt.date.today()
    parts = [
        f"<h1>{html.escape(title)}</h1>",
        f'<p align="center">{html.escape(words["basis_notice"])}：{html.escape(str(notice.get("id", "")))} '
        f"《{html.escape(notice_title)}》　{html.escape(words['produced'])}：{produced.isoformat()}</p>"
        if language == "zh"
        else f'<p align="center">{html.escape(words["basis_notice"])}: notice {html.escape(str(notice.get("id", "")))} '
        f"({html.escape(notice_title)}) · {html.escape(words['produced'])}: {produced.isoformat()}</p>",
        f"<h2>{html.escape(words['summary'])}</h2>",
        "<ul>" + "".join(f"<li>{html.escape(line)}</li>" for line in summary) + "</ul>" if summary else f"<p>{words['not_provided']}</p>",
        f"<h2>{html.escape(words['map'])}</h2>",
    ]
    if map_png is not None:
        figures["map.png"] = map_png
        parts.append(figure_html("map.png", map_png))
        parts.append(f'<p class="note">{html.escape(words["map_note"])}</p>')
    else:
        parts.append(f"<p>{words['not_provided']}</p>")
    for key, body in (
        ("red_line", red_line_html),
        ("balance", balance_html),
        ("fees", fees_html),
        ("findings", findings_html),
        ("rights", rights_html),
    ):
        parts.append(f"<h2>{html.escape(words[key])}</h2>{body}")
    parts.append(f"<h2>{html.escape(words['sources'])}</h2>")
    parts.append(_sources_section(inputs, words, language))
    if annex_html:
        parts.append(annex_html)
    if notes:
        parts.append(f"<h2>{html.escape(words['warnings'])}</h2><ul>" + "".join(f"<li>{html.escape(w)}</li>" for w in notes) + "</ul>")
    return ReportDocument(language=language, title=title, body_html="\n".join(parts), figures=figures, warnings=notes)
