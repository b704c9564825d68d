"""The supervision report's annex on the reduction plan (tuoli_gw:reduction_plan's OUTPUT_TOWNSHIPS).

One table, a row per township: abstraction now, allowable volume, the cut needed, what each measure cuts (item 18
stopped, item 13 switched, items 10 and 13 back to plan, item 7 shared), abstraction in the target year and the
outcome — the year balance is reached, or not reachable by measures alone with the shortfall. The engine of the
report (``supervision_report.py``) calls :func:`reduction_annex` when a REDUCTION_PLAN layer is given.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping

import pandas as pd

from ..core.errors import EngineInputError
from ..core.messages import register, vocabulary
from .html_page import VolumeUnit, find_column, numeric_values, report_table, unit_names, volume_unit

register(
    {
        "reduction_annex_words.heading": ("Annex: plan of the cuts to abstraction–recharge balance", "附件：压减至采补平衡的计划"),
        "reduction_annex_words.intro": (
            "Notice 托政发规〔2024〕3号 item 7 (section 二(一)) and section 二(三): cut abstraction in the over-extraction areas step "
            "by step until abstraction and recharge balance. Measures in order: wells without a permit stopped (item 18), "
            "self-supplied wells inside public supply coverage switched to the network (item 13), use over plan brought "
            "back to plan (items 10, 13), the rest shared over the irrigation wells (item 7); the order and the yearly cap "
            "of the share are this tool's assumptions (the rules file's settings of the reduction plan).",
            "依据托政发规〔2024〕3号 二（一）第7条及二（三）：在超采地区压缩地下水开采量，逐步达到采补平衡。措施依次为："
            "无证井停止取水（第18条）、公共供水管网覆盖范围内自备井改由管网供水（第13条）、超计划取水压减至计划（第10、13条）、"
            "其余压减量由农灌井分摊（第7条）；措施顺序及每年分摊上限为本工具的假定，见规则文件中压减计划的设置。",
        ),
        "reduction_annex_words.township": ("Township", "乡镇"),
        "reduction_annex_words.abstraction": ("Abstraction now, wells in use ①", "现状开采量（在用井）①"),
        "reduction_annex_words.allowable": ("Allowable", "可开采量"),
        "reduction_annex_words.needed": ("Cut needed ①", "需压减①"),
        "reduction_annex_words.stop": ("Stopped, no permit", "无证停采"),
        "reduction_annex_words.switch": ("Switched to network", "改管网供水"),
        "reduction_annex_words.plan": ("Back to plan", "压减至计划"),
        "reduction_annex_words.share": ("Shared cut", "分摊压减"),
        "reduction_annex_words.final": ("In the target year", "目标年开采量"),
        "reduction_annex_words.outcome": ("Outcome", "结果"),
        "reduction_annex_words.total": ("Total", "合计"),
        "reduction_annex_words.outcome_reached": ("balanced in {year}", "{year}年达到平衡"),
        "reduction_annex_words.outcome_already": ("already balanced", "已平衡"),
        "reduction_annex_words.outcome_short": ("short by {shortfall}", "缺口 {shortfall}"),
        "reduction_annex_words.outcome_no_allowable": ("no allowable volume", "无可开采量"),
        "reduction_annex_words.base_note": (
            "① The plan counts the wells in use: stopped and deregistered wells no longer pump and are left out, and the "
            "cut needed is reckoned from what the wells in use draw. Section 4 counts every well's metered volume of the "
            "year, those stopped or deregistered during it included.",
            "① 压减计划只计在用井：已停用、注销的井不再取水，不计入，需压减量据在用井的开采量计算；第四节的开采量为全部井"
            "当年的计量水量，含年内停用、注销的井。",
        ),
        "reduction_annex_words.base_differs": (
            "So the two differ: {rows} (section 4 against this annex, {unit}).",
            "因此两者不同：{rows}（第四节对本附件，{unit}）。",
        ),
        "reduction_annex_words.base_row": ("{name} {section} against {annex}", "{name} {section} 对 {annex}"),
        "reduction_annex_words.summary": (
            "Reduction plan (annex, wells in use): {n} townships must cut {needed} {unit}, {reached} reach balance, {short} not "
            "by measures alone (shortfall {shortfall} {unit})",
            "压减计划（附件，按在用井计）：{n} 个乡镇需压减 {needed} {unit}，{reached} 个可达到采补平衡，{short} 个仅靠措施"
            "无法达到（缺口合计 {shortfall} {unit}）",
        ),
        "reduction_annex_words.not_plan": (
            "is not an output of tuoli_gw:reduction_plan (no status or planned_cut_m3 field)",
            "不是压减计划（tuoli_gw:reduction_plan）的输出（没有 status 或 planned_cut_m3 字段）",
        ),
        "reduction_annex_words.give_plan": (
            "give OUTPUT_TOWNSHIPS of the reduction plan, or leave REDUCTION_PLAN empty",
            "请提供压减计划的 OUTPUT_TOWNSHIPS，或不填 REDUCTION_PLAN",
        ),
    }
)
COLUMNS = ("abstraction_m3", "allowable_m3", "cut_needed_m3", "cut_stop_m3", "cut_switch_m3", "cut_plan_m3", "cut_share_m3", "final_m3")


def reduction_annex(
    plan: pd.DataFrame,
    *,
    language: str,
    name_field: str,
    layer: str,
    unit: VolumeUnit | None = None,
    balance_abstraction: Mapping[str, float] | None = None,
) -> tuple[str, str]:
    """(annex HTML, summary line) of the plan per township, its volumes in the report's ``unit``.

    The plan counts the wells in use; section 4 (``balance_abstraction``, township -> m³) every well's metered volume:
    the annex says so beside its numbers, and names the townships where the two differ.
    """
    words = vocabulary("reduction_annex_words", language)
    status, balance_year = find_column(plan, "status"), find_column(plan, "balance_year")
    if status is None or find_column(plan, "planned_cut_m3") is None:
        raise EngineInputError(words["not_plan"], layer=layer, hint=words["give_plan"])
    names = unit_names(plan, name_field)
    values = {column: numeric_values(plan, find_column(plan, column)) for column in COLUMNS}
    unit = unit or volume_unit(float(values["abstraction_m3"].abs().max()), language)
    shortfalls = numeric_values(plan, find_column(plan, "shortfall_m3"))
    rows = []
    for position, index in enumerate(plan.index):
        year = numeric_values(plan, balance_year).loc[index] if balance_year else float("nan")
        rows.append(
            [names.iloc[position], *(unit.text(values[c].loc[index]) for c in COLUMNS),
             _outcome(str(plan.at[index, status]), year, unit.text(shortfalls.loc[index]), words)]
        )
    rows.append([words["total"], *(unit.text(values[c].sum()) for c in COLUMNS), ""])
    keys = ("township", "abstraction", "allowable", "needed", "stop", "switch", "plan", "share", "final", "outcome")
    headers = [words[key] for key in keys]
    numeric, nowrap = [False] + [True] * len(COLUMNS) + [False], [True] + [False] * len(COLUMNS) + [True]
    table = report_table(headers, rows, numeric, nowrap)
    note = words["base_note"] + _differences(names, values["abstraction_m3"], balance_abstraction, unit, words, language)
    reached = int((plan[status] == "reached").sum())
    short = int((plan[status] == "not_reachable").sum())
    needed = values["cut_needed_m3"].sum()
    shortfall = shortfalls.where(plan[status] == "not_reachable").sum()
    summary = words["summary"].format(
        n=reached + short, needed=unit.text(needed), reached=reached, short=short, shortfall=unit.text(shortfall), unit=unit.words
    )
    body = (
        f"<h2>{html.escape(words['heading'])}</h2><p>{html.escape(words['intro'])}</p>{unit.caption(language)}{table}"
        f'<p class="note">{html.escape(note)}</p>'
    )
    return body, summary


def _outcome(status: str, year: float, shortfall: str, words: dict[str, str]) -> str:
    if status == "reached" and not math.isnan(year):
        return words["outcome_reached"].format(year=int(year))
    if status == "not_reachable":
        return words["outcome_short"].format(shortfall=shortfall)
    return words["outcome_already"] if status == "already_balanced" else words["outcome_no_allowable"]


def _differences(
    names: pd.Series, annex_m3: pd.Series, section_m3: Mapping[str, float] | None, unit: VolumeUnit, words: dict[str, str], language: str
) -> str:
    """The townships whose abstraction in section 4 and in the annex differ as printed, both numbers side by side."""
    if not section_m3:
        return ""
    rows = []
    for name, annex in zip(names, annex_m3):
        section = section_m3.get(name)
        if section is None or unit.text(section) == unit.text(annex):
            continue
        rows.append(words["base_row"].format(name=name, section=unit.text(section), annex=unit.text(annex)))
    if not rows:
        return ""
    separator = "；" if language == "zh" else "; "
    return (" " if language != "zh" else "") + words["base_differs"].format(rows=separator.join(rows), unit=unit.words)
