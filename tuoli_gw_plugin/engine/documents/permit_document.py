"""The permit decision document (取水许可申请审查意见书): one HTML page per application, printed to PDF.

Built from a :class:`~..permit.decision.PermitDecision`: verdict, each reason with its clause quoted
from the rules file, the township's remaining red-line quota against the request (notice item 8) or
"red line not checked", nearest pipe, zone, a map extract, the Theis interference table (information
for the reviewer, not a verdict of the notice) and a signature block. Chinese by default. The result
is a :class:`~.html_page.ReportDocument`, so the plugin's Qt printer (``qgis_io/pdf.py``) makes the PDF.
No QGIS import.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from pathlib import Path

import numpy as np

from ..core.crs import crs_words
from ..core.messages import code_word, register, speaking, text
from ..core.output_files import write_atomically
from ..core.rules import Rules
from ..permit.decision import (
    CONFINED,
    QUOTA_EXCEEDED,
    QUOTA_NOT_CHECKED,
    QUOTA_USED_UP,
    QUOTA_WITHIN,
    UNCONFINED,
    PermitBatch,
    PermitDecision,
    aquifer_kind,
)
from ..plotting.permit_map import permit_map
from ..plotting.style import css_font_family
from ..screening.well_kind import kind_words, use_words
from ..screening.well_sites import PreparedScreening, screen_point
from .html_page import ReportDocument, figure_html, html_table, number_text, require_cjk_font, significant_text

INTERFERENCE_ROWS = 40  # the table lists the nearest wells; the counts cover all within the radius

register(
    {
        "permit_doc.title": ("Water permit application: review decision", "取水许可申请审查意见书"),
        "permit_doc.basis_line": ("Basis: notice {notice} ({title}) · produced {date}", "依据：{notice}《{title}》　生成日期：{date}"),
        "permit_doc.application": ("1. Application", "一、申请概况"),
        "permit_doc.verdict": ("2. Verdict and reasons", "二、审查结论及理由"),
        "permit_doc.red_line": ("3. Total-use red line (notice item 8)", "三、用水总量控制红线（第8条）"),
        "permit_doc.site": ("4. Site: supply network and over-extraction zones", "四、井位：供水管网与超采区"),
        "permit_doc.map": ("5. Map extract", "五、位置示意图"),
        "permit_doc.interference": ("6. Interference with existing wells (Theis)", "六、对现有取水井的干扰（泰斯公式）"),
        "permit_doc.signature": ("7. Review and signature", "七、审查签署"),
        "permit_doc.application_id": ("Application", "申请编号"),
        "permit_doc.applicant": ("Applicant", "申请人"),
        "permit_doc.use": ("Intended use", "取水用途"),
        "permit_doc.kind": ("Self-supplied well (item 13)", "是否自备井（第13条）"),
        "permit_doc.requested": ("Requested volume (m³/a)", "申请取水量（m³/年）"),
        "permit_doc.location": ("Location ({crs})", "位置（{crs}）"),
        "permit_doc.coordinates": ("E {east} m, N {north} m", "北坐标 {north} m，东坐标 {east} m"),
        "permit_doc.township": ("Township", "所在乡镇"),
        "permit_doc.verdict_is": ("Verdict: {verdict}", "审查结论：{verdict}"),
        "permit_doc.reason": ("Reason", "理由"),
        "permit_doc.reason_verdict": ("Gives", "结论"),
        "permit_doc.clause": ("Clause (quoted from the rules file)", "依据条款（摘自规则文件）"),
        "permit_doc.no_reason": ("No reason against the application: {basis}", "未发现不予许可的理由：{basis}"),
        "permit_doc.remaining": ("Remaining red-line quota of the township (m³)", "乡镇剩余用水总量指标（m³）"),
        "permit_doc.taken_before": (
            "Taken by the applications judged before it in this batch (m³)", "本批中先于本申请审查的申请已占用（m³）"
        ),
        "permit_doc.left_for_it": ("Left for this application (m³)", "本申请可用指标（m³）"),
        "permit_doc.batch_order_date": (
            "The {n} applications of this batch are judged together, in order of application date (then id): this is "
            "number {position}. Each takes its requested volume from its township's remaining quota (what is left, when "
            "less); one prohibited on other grounds takes nothing.",
            "本批 {n} 份申请合并审查，按申请日期（同日按申请编号）排序，本申请为第 {position} 份。每份申请依次从所在乡镇剩余"
            "指标中扣除其申请水量（剩余不足时扣除所余部分）；因其他理由不予许可的申请不占用指标。",
        ),
        "permit_doc.batch_order_id": (
            "The {n} applications of this batch are judged together, in order of application id (no dates given): this "
            "is number {position}. Each takes its requested volume from its township's remaining quota (what is left, "
            "when less); one prohibited on other grounds takes nothing.",
            "本批 {n} 份申请合并审查，按申请编号排序（未提供申请日期），本申请为第 {position} 份。每份申请依次从所在乡镇剩余"
            "指标中扣除其申请水量（剩余不足时扣除所余部分）；因其他理由不予许可的申请不占用指标。",
        ),
        "permit_doc.quota_within": (
            "The request is within the remaining quota left for it ({share} of it).",
            "申请水量未超过本申请可用的剩余指标（占可用指标的 {share}）。",
        ),
        "permit_doc.quota_exceeds": (
            "The request exceeds the remaining quota left for it by {excess} m³: at most what is left can be considered.",
            "申请水量超过本申请可用的剩余指标 {excess} m³：至多可按可用指标审查。",
        ),
        "permit_doc.quota_used_up": (
            "The township's red line is used up: new abstraction is suspended (item 8).",
            "所在乡镇用水总量指标已用完：暂停新增取水（第8条）。",
        ),
        "permit_doc.quota_not_checked": (
            "Red line not checked: no township with a remaining quota covers the site.",
            "未核查用水总量红线：井位不在任何提供了剩余指标的乡镇内。",
        ),
        "permit_doc.nearest_pipe": ("Distance to the nearest public supply pipe", "距最近公共供水管道"),
        "permit_doc.no_pipes": ("no supply pipes given", "未提供供水管网"),
        "permit_doc.in_coverage": ("Inside public supply coverage", "位于公共供水管网覆盖范围内"),
        "permit_doc.zone": ("Over-extraction zone", "超采区"),
        "permit_doc.no_zone": ("none", "不在超采区内"),
        "permit_doc.yes": ("yes", "是"),
        "permit_doc.no": ("no", "否"),
        "permit_doc.no_map": ("No map: the layers have no coordinate reference system.", "无示意图：图层缺少坐标参考系。"),
        "permit_doc.theis_intro": (
            "Drawdown the new well would cause at each existing well within {radius} m after {days} days of pumping: "
            "s = Q/(4πT)·W(u), u = r²S/(4Tt), W(u) the well function (exponential integral E1). Q = requested volume / "
            "pumping days = {q} m³/d; T = {t} m²/d; S = {s} (from {source}). {aquifer}",
            "新井抽水 {days} 天后在半径 {radius} m 内各现有取水井处产生的水位降深：s = Q/(4πT)·W(u)，u = r²S/(4Tt)，"
            "W(u) 为井函数（指数积分 E1）。Q = 申请水量 / 抽水天数 = {q} m³/d；T = {t} m²/d；S = {s}（来源：{source}）。"
            "{aquifer}",
        ),
        "permit_doc.days_of_use": (
            "{days} pumping days: the rules file's period for this use (permit_decision.pumping_days_by_use, an assumption).",
            "抽水天数 {days} 天：规则文件对该用途设定的抽水期（假设值）。",
        ),
        "permit_doc.days_given": (
            "{days} pumping days: the period given for every application.", "抽水天数 {days} 天：对所有申请统一给定的抽水期。"
        ),
        "permit_doc.aquifer_confined": (
            "Homogeneous confined aquifer (S = {s} is a confined storativity): an estimate.",
            "按均质承压含水层估算（S = {s} 属承压含水层贮水系数）。",
        ),
        "permit_doc.aquifer_unconfined": (
            "Homogeneous unconfined aquifer, S read as specific yield (S = {s}); valid while the drawdown is small beside "
            "the saturated thickness: an estimate.",
            "按均质潜水含水层估算，S = {s} 作给水度；降深远小于含水层厚度时适用。",
        ),
        "permit_doc.aquifer_unnamed": (
            "Homogeneous aquifer; S = {s} does not tell whether it is confined or unconfined: an estimate.",
            "按均质含水层估算；S = {s} 不能判明承压或潜水。",
        ),
        "permit_doc.batch_drawdown": ("With the batch (m)", "合计降深（含同批申请，m）"),
        "permit_doc.batch_note": (
            "The batch column adds the drawdowns of every application of this batch that may be approved (not "
            "prohibited) at the same point (superposition); 'affected' is judged on it.",
            "“合计降深”列为本批中各可能获准（未被禁止）的申请在同一位置产生的降深之和（叠加原理）；是否受影响按合计降深判断。",
        ),
        "permit_doc.other_applications": (
            "Other applications of this batch within {radius} m", "本批中半径 {radius} m 内的其他申请"
        ),
        "permit_doc.application_column": ("Application", "申请"),
        "permit_doc.here_from_others": (
            "The other applications of this batch that may be approved lower the water level at this site by {s} m.",
            "本批中其他可能获准的申请在本井位产生的合计降深为 {s} m。",
        ),
        "permit_doc.parameters": ("the parameters", "参数"),
        "permit_doc.theis_note": (
            "Wells with a drawdown above {threshold} m (rules file, an assumption: the notice sets no limit) are marked "
            "as affected. This is information for the reviewer, not a verdict the notice gives.",
            "降深超过 {threshold} m（规则文件设定的假设值，通知未规定限值）的井标为受影响。此项仅供审查人员参考，并非通知规定的审查结论。",
        ),
        "permit_doc.no_wells": ("No existing well within {radius} m.", "半径 {radius} m 内无现有取水井。"),
        "permit_doc.no_existing_layer": ("No existing wells were given: interference not computed.", "未提供现有取水井：未计算干扰。"),
        "permit_doc.wells_counts": (
            "{n} existing well(s) within {radius} m, {affected} affected.",
            "半径 {radius} m 内现有取水井 {n} 眼，其中受影响 {affected} 眼。",
        ),
        "permit_doc.listed_nearest": ("The table lists the {shown} nearest.", "下表列出最近的 {shown} 眼。"),
        "permit_doc.well": ("Existing well", "现有井"),
        "permit_doc.distance": ("Distance r (m)", "距离 r（m）"),
        "permit_doc.drawdown": ("Drawdown s (m)", "降深 s（m）"),
        "permit_doc.affected": ("Affected", "受影响"),
        "permit_doc.reviewer": ("Reviewer", "审查人"),
        "permit_doc.date": ("Date", "日期"),
        "permit_doc.seal": ("Seal", "盖章"),
        "permit_doc.opinion": ("Reviewer's opinion", "审查意见"),
        "permit_doc.draft_note": (
            "Drafted by the Toli groundwater plugin from the layers given; the reviewer checks and signs it. Layers are schematic "
            "unless the county's official ones were used.",
            "本意见书由托里县地下水监管插件根据所提供图层生成，须经审查人员核对并签署。除使用县级正式图层外，图层均为示意。",
        ),
        "permit_doc.prohibited": ("prohibited", "不予许可（禁止）"),
        "permit_doc.restricted": ("restricted — review case by case", "限制（须个案从严审查）"),
        "permit_doc.allowed": ("allowed — subject to the usual permit review", "可予许可（按取水许可程序审查）"),
        "permit_doc.outside": ("no verdict — outside the mapped area", "不作结论（位于图层覆盖范围之外）"),
        # map legend
        "permit_doc.map_severe": ("Severe over-extraction zone", "严重超采区"),
        "permit_doc.map_general": ("General over-extraction zone", "一般超采区"),
        "permit_doc.map_supply_areas": ("Public supply coverage", "公共供水管网覆盖范围"),
        "permit_doc.map_supply_pipes": ("Public supply pipes", "公共供水管网"),
        "permit_doc.map_coverage_band": ("Coverage distance {d:g} m", "管网覆盖距离 {d:g} m"),
        "permit_doc.map_radius": ("Interference radius {r:g} m", "干扰计算半径 {r:g} m"),
        "permit_doc.map_existing": ("Existing wells", "现有取水井"),
        "permit_doc.map_affected": ("Affected wells", "受影响的井"),
        "permit_doc.map_application": ("Application", "申请井位"),
        "permit_doc.map_crs": ("CRS", "坐标系"),
    }
)

VERDICT_WORD_COLOURS = {"prohibited": "#c0392b", "restricted": "#d68910", "allowed": "#1e8449", "outside": "#6c3483"}


class PermitDocument(ReportDocument):
    """A ReportDocument whose text is set in a Latin font first, the CJK font taking the Chinese characters.

    Qt's PDF writer leaves digits and Latin letters set in Noto CJK out of the text layer (the page shows
    them, copy and search lose them): a decision's ids, volumes and distances must stay searchable.
    """

    def html(self, *, embed_figures: bool = True) -> str:
        page = super().html(embed_figures=embed_figures)
        return page.replace(f"font-family:{css_font_family(self.language)}", f"font-family:{css_font_family('en')}", 1)


def _t(key: str, language: str, **params: object) -> str:
    return text(f"permit_doc.{key}", language, **params)


def verdict_words(verdict: str | None, language: str) -> str:
    return _t(verdict, language) if verdict in VERDICT_WORD_COLOURS else _t("outside", language)


def reason_label(code: str, language: str) -> str:
    """The words screening registers for a reason code (the code itself when it has none)."""
    return code_word("reason", code, language)


def _map_words(language: str, radius_m: float, coverage_distance_m: float | None, work_crs) -> dict[str, str]:
    return {
        "severe": _t("map_severe", language),
        "general": _t("map_general", language),
        "supply_areas": _t("map_supply_areas", language),
        "supply_pipes": _t("map_supply_pipes", language),
        "coverage_band": _t("map_coverage_band", language, d=coverage_distance_m or 0.0),
        "radius": _t("map_radius", language, r=radius_m),
        "existing_wells": _t("map_existing", language),
        "affected_wells": _t("map_affected", language),
        "application": _t("map_application", language),
        "map_crs": _t("map_crs", language),
        "crs_name": crs_words(work_crs, language),
    }


def _row(label: str, value: object) -> str:
    return f'<tr><th align="left">&nbsp;{html.escape(label)}&nbsp;</th><td>&nbsp;{html.escape(str(value))}&nbsp;</td></tr>'


def build_decision_document(
    decision: PermitDecision,
    batch: PermitBatch,
    prepared: PreparedScreening,
    rules: Rules,
    *,
    language: str = "zh",
    reviewer: str | None = None,
    produced: dt.date | None = None,
    has_existing_wells: bool = True,
) -> ReportDocument:
    """The decision document of one application (HTML with its map as a named figure), section by section."""
    family, notes = require_cjk_font(language, [decision.township or "", decision.zone_name or "", decision.applicant or ""])
    title = (
        f"{_t('title', language)}（{decision.application_id}）"
        if language == "zh"
        else f"{_t('title', language)} — {decision.application_id}"
    )
    map_parts, figures = _map_section(decision, batch, prepared, language, family)
    parts = [
        *_application_section(decision, batch, rules, language, produced or dt.date.today()),
        *_verdict_section(decision, language),
        *_red_line_section(decision, batch, language),
        *_site_section(decision, language),
        *map_parts,
        *_interference_section(decision, batch, rules, language, has_existing_wells),
        *_signature_section(language, reviewer),
    ]
    separator = "　" if language == "zh" else " · "
    label = separator.join((_t("title", language), f"{_t('application_id', language)} {decision.application_id}"))
    return PermitDocument(
        language=language, title=title, body_html="\n".join(parts), figures=figures, warnings=notes, page_label=label
    )


def _application_section(decision: PermitDecision, batch: PermitBatch, rules: Rules, language: str, produced: dt.date) -> list[str]:
    """The heading, the notice it is decided under, and the application as filed."""
    notice = rules.data.get("notice", {})
    return [
        f"<h1>{html.escape(_t('title', language))}</h1>",
        f'<p align="center">{html.escape(decision.application_id)}</p>',
        '<p align="center" class="note">'
        + html.escape(
            _t(
                "basis_line",
                language,
                notice=notice.get("id", ""),
                title=notice.get("title_zh" if language == "zh" else "title_en", ""),
                date=produced.isoformat(),
            )
        )
        + "</p>",
        f"<h2>{html.escape(_t('application', language))}</h2>",
        '<table border="1" cellspacing="0" cellpadding="4">'
        + _row(_t("application_id", language), decision.application_id)
        + _row(_t("applicant", language), decision.applicant or "—")
        + _row(_t("use", language), use_words(decision.use, language) or "—")
        + _row(_t("kind", language), kind_words(decision.well_type, language))
        + _row(_t("requested", language), number_text(decision.requested_m3))
        + _row(
            _t("location", language, crs=crs_words(batch.work_crs, language)),
            _t("coordinates", language, east=f"{decision.x:,.1f}", north=f"{decision.y:,.1f}"),
        )
        + _row(_t("township", language), decision.township or "—")
        + "</table>",
    ]


def _verdict_section(decision: PermitDecision, language: str) -> list[str]:
    """The verdict and each reason with its clause quoted from the rules file."""
    parts = [f"<h2>{html.escape(_t('verdict', language))}</h2>"]
    colour = VERDICT_WORD_COLOURS.get(decision.verdict or "", "#555555")
    parts.append(
        f'<p style="font-size:14pt"><b><span style="color:{colour}">'
        f"{html.escape(_t('verdict_is', language, verdict=verdict_words(decision.verdict, language)))}</span></b></p>"
    )
    if decision.reasons:
        rows = [[reason_label(r.code, language), verdict_words(r.verdict, language), r.basis] for r in decision.reasons]
        parts.append(html_table([_t("reason", language), _t("reason_verdict", language), _t("clause", language)], rows))
    else:
        parts.append(f"<p>{html.escape(_t('no_reason', language, basis=decision.basis))}</p>")
    return parts


def _red_line_section(decision: PermitDecision, batch: PermitBatch, language: str) -> list[str]:
    """Notice item 8: the township's remaining red-line quota against the request."""
    parts = []
    parts.append(f"<h2>{html.escape(_t('red_line', language))}</h2>")
    quota_rows = [[_t("township", language), decision.township or "—"], [_t("requested", language), number_text(decision.requested_m3)]]
    if decision.quota_status != QUOTA_NOT_CHECKED:
        quota_rows.append([_t("remaining", language), number_text(decision.remaining_m3)])
        if decision.taken_before_m3:
            quota_rows.append([_t("taken_before", language), number_text(decision.taken_before_m3)])
            quota_rows.append([_t("left_for_it", language), number_text(decision.left_for_it_m3)])
    parts.append('<table border="1" cellspacing="0" cellpadding="4">' + "".join(_row(k, v) for k, v in quota_rows) + "</table>")
    left = decision.left_for_it_m3
    if decision.quota_status == QUOTA_WITHIN:
        share = f"{100.0 * decision.requested_m3 / left:.1f}%"
        quota_text = _t("quota_within", language, share=share)
    elif decision.quota_status == QUOTA_EXCEEDED:
        quota_text = _t("quota_exceeds", language, excess=number_text(decision.requested_m3 - left))
    elif decision.quota_status == QUOTA_USED_UP:
        quota_text = _t("quota_used_up", language)
    else:
        quota_text = _t("quota_not_checked", language)
    parts.append(f"<p><b>{html.escape(quota_text)}</b></p>")
    if len(batch.decisions) > 1:
        order = "batch_order_date" if batch.order_by_date else "batch_order_id"
        parts.append(f'<p class="note">{html.escape(_t(order, language, n=len(batch.decisions), position=decision.batch_position))}</p>')
    return parts


def _site_section(decision: PermitDecision, language: str) -> list[str]:
    """The nearest public supply pipe, supply coverage (item 13) and the over-extraction zone."""
    parts = []
    parts.append(f"<h2>{html.escape(_t('site', language))}</h2>")
    distance = _t("no_pipes", language) if decision.supply_distance_m is None else f"{decision.supply_distance_m:,.1f} m"
    zone = zone_words(decision.zone_name, decision.zone_grade, language)
    coverage = "—" if decision.in_supply_coverage is None else _t("yes" if decision.in_supply_coverage else "no", language)
    parts.append(
        '<table border="1" cellspacing="0" cellpadding="4">'
        + _row(_t("nearest_pipe", language), distance)
        + _row(_t("in_coverage", language), coverage)
        + _row(_t("zone", language), zone)
        + "</table>"
    )
    return parts


def _map_section(
    decision: PermitDecision, batch: PermitBatch, prepared: PreparedScreening, language: str, family: str | None
) -> tuple[list[str], dict[str, bytes]]:
    """The map extract (as the figure permit_map.png)."""
    figures: dict[str, bytes] = {}
    parts = []
    parts.append(f"<h2>{html.escape(_t('map', language))}</h2>")
    affected = [row.well_id for row in decision.affected]
    affected_xy = np.empty((0, 2))
    if affected and len(batch.existing_xy):
        index = {well: position for position, well in enumerate(batch.existing_ids)}
        affected_xy = batch.existing_xy[[index[w] for w in affected if w in index]]
    nearest = screen_point(prepared, decision.x, decision.y, prepared.work_crs, language=language)["nearest_pipe_xy"]
    figures["permit_map.png"] = permit_map(
        prepared,
        x=decision.x,
        y=decision.y,
        verdict=decision.verdict,
        radius_m=batch.settings.radius_m,
        existing_xy=batch.existing_xy,
        affected_xy=affected_xy,
        nearest_pipe_xy=nearest,
        words=_map_words(language, batch.settings.radius_m, prepared.coverage_distance_m, prepared.work_crs),
        family=family,
    )
    parts.append(figure_html("permit_map.png", figures["permit_map.png"]))
    return parts, figures


def _interference_section(
    decision: PermitDecision, batch: PermitBatch, rules: Rules, language: str, has_existing_wells: bool
) -> list[str]:
    """Theis drawdown at the existing wells within the radius (information for the reviewer, not a verdict)."""
    heading = f"<h2>{html.escape(_t('interference', language))}</h2>"
    return [heading, *_interference_details(decision, batch, rules, language, has_existing_wells)]


def _signature_section(language: str, reviewer: str | None) -> list[str]:
    """The reviewer's opinion, name, date and seal, and the note that the plugin drafted the document."""
    parts = []
    parts.append(f"<h2>{html.escape(_t('signature', language))}</h2>")
    blank = "&nbsp;" * 60
    parts.append(
        '<table border="1" cellspacing="0" cellpadding="8" width="100%">'
        f'<tr><th align="left" width="22%">&nbsp;{html.escape(_t("opinion", language))}&nbsp;</th><td><br><br><br>{blank}</td></tr>'
        f'<tr><th align="left">&nbsp;{html.escape(_t("reviewer", language))}&nbsp;</th>'
        f"<td>&nbsp;{html.escape(reviewer or '')}&nbsp;</td></tr>"
        f'<tr><th align="left">&nbsp;{html.escape(_t("date", language))}&nbsp;</th><td>&nbsp;</td></tr>'
        f'<tr><th align="left">&nbsp;{html.escape(_t("seal", language))}&nbsp;</th><td><br><br><br>&nbsp;</td></tr>'
        "</table>"
    )
    parts.append(f'<p class="note">{html.escape(_t("draft_note", language))}</p>')
    return parts


def zone_words(zone_name: str | None, zone_grade: str | None, language: str) -> str:
    """The zone line: its name, and its grade in words unless the name already says it (托里镇一般超采区 is not
    followed by 一般超采区 again)."""
    grade = _t(f"map_{zone_grade}", language) if zone_grade in ("severe", "general") else None
    if zone_name and grade and grade.lower() in zone_name.lower():
        grade = None
    return " — ".join(str(v) for v in (zone_name, grade) if v) or _t("no_zone", language)


def _aquifer_words(storativity: float, rules: Rules, language: str) -> str:
    kind = aquifer_kind(storativity, rules)
    key = {CONFINED: "aquifer_confined", UNCONFINED: "aquifer_unconfined"}.get(kind, "aquifer_unnamed")
    return _t(key, language, s=significant_text(storativity, 6))


def _interference_details(
    decision: PermitDecision, batch: PermitBatch, rules: Rules, language: str, has_existing_wells: bool
) -> list[str]:
    """Section 6: the Theis estimate, the drawdown at the existing wells and at the other applications of the batch,
    each with the batch's total (superposition)."""
    radius = f"{batch.settings.radius_m:g}"
    source = _t("parameters", language) if decision.aquifer_source == "parameters" else decision.aquifer_source
    intro = _t(
        "theis_intro", language, radius=radius, days=f"{decision.pumping_days:g}", q=f"{decision.rate_m3_per_day:,.1f}",
        t=f"{decision.transmissivity_m2_per_day:g}", s=significant_text(decision.storativity, 6), source=source,
        aquifer=_aquifer_words(decision.storativity, rules, language),
    )
    days = _t("days_given" if batch.settings.pumping_days is not None else "days_of_use", language, days=f"{decision.pumping_days:g}")
    parts = [f"<p>{html.escape(intro)} {html.escape(days)}</p>"]
    headers = [_t("well", language), _t("distance", language), "u", "W(u)", _t("drawdown", language), _t("batch_drawdown", language),
               _t("affected", language)]
    numeric = [False, True, True, True, True, True, False]

    def table(rows: list) -> str:
        return html_table(headers, [
            [row.well_id, number_text(row.distance_m, 1), significant_text(row.u, 3), significant_text(row.w_u, 4),
             number_text(row.drawdown_m, 3), number_text(row.batch_drawdown_m, 3), _t("yes" if row.affected else "no", language)]
            for row in rows[:INTERFERENCE_ROWS]
        ], numeric)

    if not has_existing_wells:
        parts.append(f"<p>{html.escape(_t('no_existing_layer', language))}</p>")
    elif not decision.interference:
        parts.append(f"<p>{html.escape(_t('no_wells', language, radius=radius))}</p>")
    else:
        counts = _t("wells_counts", language, n=len(decision.interference), radius=radius, affected=len(decision.affected))
        if len(decision.interference) > INTERFERENCE_ROWS:
            counts += " " + _t("listed_nearest", language, shown=INTERFERENCE_ROWS)
        parts += [f"<p>{html.escape(counts)}</p>", table(decision.interference)]
    if decision.at_applications:
        headers[0] = _t("application_column", language)
        parts += [f"<p>{html.escape(_t('other_applications', language, radius=radius))}</p>", table(decision.at_applications)]
    if len(batch.decisions) > 1:
        parts.append(f"<p>{html.escape(_t('here_from_others', language, s=number_text(decision.batch_drawdown_here_m, 3)))}</p>")
        parts.append(f'<p class="note">{html.escape(_t("batch_note", language))}</p>')
    parts.append(f'<p class="note">{html.escape(_t("theis_note", language, threshold=f"{batch.affected_threshold_m:g}"))}</p>')
    return parts


def write_decision_documents(
    batch: PermitBatch,
    prepared: PreparedScreening,
    rules: Rules,
    targets: list[tuple[Path, Path]],
    print_pdf: Callable[[ReportDocument, str, str], None],
    *,
    language: str,
    reviewer: str | None = None,
    has_existing_wells: bool = True,
    before_each: Callable[[], None] = lambda: None,
    progress: Callable[[float], None] = lambda percent: None,
) -> None:
    """Write each decision's document to its (html, pdf) target: the HTML here, the PDF by ``print_pdf`` (the Qt
    printer, given by the caller). A run that fails or is cancelled half-way (``before_each`` raises) removes the files
    it added and the folder it made, and leaves every file that was there before as it was."""
    folders = {html_path.parent for html_path, _ in targets}
    made = [folder for folder in sorted(folders) if not folder.exists()]
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
    created: list[Path] = []
    try:
        for position, (decision, (html_path, pdf_path)) in enumerate(zip(batch.decisions, targets)):
            before_each()
            with speaking(language):
                document = build_decision_document(
                    decision, batch, prepared, rules, language=language, reviewer=reviewer, has_existing_wells=has_existing_wells
                )
            page = document.html(embed_figures=True)
            created += [path for path in (html_path, pdf_path) if not path.exists()]
            write_atomically(
                html_path, lambda temporary, page=page: temporary.write_text(page, encoding="utf-8"), layer_label="OUTPUT_FOLDER"
            )
            print_pdf(document, str(pdf_path), language)
            progress(100.0 * (position + 1) / max(len(batch.decisions), 1))
    except BaseException:
        for path in created:
            path.unlink(missing_ok=True)
        for folder in made:
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        raise
