"""The supervision report's annex on the reduction plan (tuoli_gw:reduction_plan's OUTPUT_TOWNSHIPS).

One table, a row per township: abstraction now, allowable volume, the cut needed, what each measure cuts (item 18
stopped, item 13 switched, items 10 and 13 back to plan, item 7 shared), abstraction in the target year and the
outcome — the year balance is reached, or not reachable by measures alone with the shortfall. The engine of the
report (``supervision_report.py``) calls :func:`reduction_annex` when a REDUCTION_PLAN layer is given.
"""

from __future__ import annotations

import html

import pandas as pd

from ..core.errors import EngineInputError
from ..core.messages import register, vocabulary
from .html_page import find_column, html_table, number_text, numeric_values, unit_names

register(
    {
        "reduction_annex_words.heading": ("Annex: plan of the cuts to abstraction–recharge balance", "附件：压减至采补平衡的计划"),
        "reduction_annex_words.intro": (
            "Notice 托政发规〔2024〕3号 item 7 (section 二(一)) and section 二(三): cut abstraction in the over-extraction areas step "
            "by step until abstraction and recharge balance. Measures in order: wells without a permit stopped (item 18), "
            "self-supplied wells inside public supply coverage switched to the network (item 13), use over plan brought "
            "back to plan (items 10, 13), the rest shared over the irrigation wells (item 7); the order and the yearly cap "
            "of the share are this tool's assumptions (rules file, section reduction_plan).",
            "依据托政发规〔2024〕3号 二（一）第7条及二（三）：在超采地区压缩地下水开采量，逐步达到采补平衡。措施依次为："
            "无证井停止取水（第18条）、公共供水管网覆盖范围内自备井改由管网供水（第13条）、超计划取水压减至计划（第10、13条）、"
            "其余压减量由农灌井分摊（第7条）；措施顺序及每年分摊上限为本工具的假定，见规则文件 reduction_plan 一节。",
        ),
        "reduction_annex_words.township": ("Township", "乡镇"),
        "reduction_annex_words.abstraction": ("Abstraction now ({unit})", "现状开采量（{unit}）"),
        "reduction_annex_words.allowable": ("Allowable ({unit})", "可开采量（{unit}）"),
        "reduction_annex_words.needed": ("Cut needed ({unit})", "需压减（{unit}）"),
        "reduction_annex_words.stop": ("Stopped, no permit ({unit})", "无证停采（{unit}）"),
        "reduction_annex_words.switch": ("Switched to network ({unit})", "改管网供水（{unit}）"),
        "reduction_annex_words.plan": ("Back to plan ({unit})", "压减至计划（{unit}）"),
        "reduction_annex_words.share": ("Shared cut ({unit})", "分摊压减（{unit}）"),
        "reduction_annex_words.final": ("In the target year ({unit})", "目标年开采量（{unit}）"),
        "reduction_annex_words.outcome": ("Outcome", "结果"),
        "reduction_annex_words.total": ("Total", "合计"),
        "reduction_annex_words.summary": (
            "Reduction plan: {n} townships must cut, {reached} reach balance, {short} not by measures alone (shortfall {shortfall} m³)",
            "压减计划：{n} 个乡镇需压减，{reached} 个可达到采补平衡，{short} 个仅靠措施无法达到（缺口合计 {shortfall} m³）",
        ),
        "reduction_annex_words.not_plan": (
            "is not an output of tuoli_gw:reduction_plan (no status or planned_cut_m3 field)",
            "不是压减计划（tuoli_gw:reduction_plan）的输出（没有 status 或 planned_cut_m3 字段）",
        ),
        "reduction_annex_words.give_plan": (
            "give OUTPUT_TOWNSHIPS of the reduction plan, or leave REDUCTION_PLAN empty",
            "请提供压减计划的 OUTPUT_TOWNSHIPS，或不填 REDUCTION_PLAN",
        ),
        "reduction_annex_words.unit_large": ("10⁴ m³", "万m³"),
    }
)
COLUMNS = ("abstraction_m3", "allowable_m3", "cut_needed_m3", "cut_stop_m3", "cut_switch_m3", "cut_plan_m3", "cut_share_m3", "final_m3")


def reduction_annex(plan: pd.DataFrame, *, language: str, name_field: str, layer: str) -> tuple[str, str]:
    """(annex HTML, summary line) of the plan per township."""
    words = vocabulary("reduction_annex_words", language)
    status, text = find_column(plan, "status"), find_column(plan, "status_text")
    if status is None or find_column(plan, "planned_cut_m3") is None:
        raise EngineInputError(words["not_plan"], layer=layer, hint=words["give_plan"])
    names = unit_names(plan, name_field)
    values = {column: numeric_values(plan, find_column(plan, column)) for column in COLUMNS}
    # Ten columns fit an A4 page only in 万 m³ (10⁴ m³), as county tables write them; small volumes stay in m³.
    large = bool((values["abstraction_m3"].abs() >= 1e5).any())
    scale, decimals, unit = (1e4, 1, words["unit_large"]) if large else (1.0, 0, "m³")
    values = {column: series / scale for column, series in values.items()}
    rows = []
    for position, index in enumerate(plan.index):
        outcome = plan.at[index, text] if text is not None and pd.notna(plan.at[index, text]) else str(plan.at[index, status])
        rows.append([names.iloc[position], *(number_text(values[c].loc[index], decimals) for c in COLUMNS), outcome])
    rows.append([words["total"], *(number_text(values[c].sum(), decimals) for c in COLUMNS), ""])
    headers = [
        words[key].format(unit=unit)
        for key in ("township", "abstraction", "allowable", "needed", "stop", "switch", "plan", "share", "final", "outcome")
    ]
    table = html_table(headers, rows, [False] + [True] * len(COLUMNS) + [False])
    reached = int((plan[status] == "reached").sum())
    short = int((plan[status] == "not_reachable").sum())
    shortfall = numeric_values(plan, find_column(plan, "shortfall_m3")).where(plan[status] == "not_reachable").sum()
    summary = words["summary"].format(n=reached + short, reached=reached, short=short, shortfall=number_text(shortfall))
    body = f"<h2>{html.escape(words['heading'])}</h2><p>{html.escape(words['intro'])}</p>{table}"
    return body, summary
