"""The short report a batch screening produces: a map and a table of verdicts per township.

A permit office files it with the batch: an HTML page (one file, the map embedded as a base64
PNG) listing how many proposed wells each township got prohibited / restricted / allowed, why,
and on what legal basis. The map is drawn by ``plotting.maps``.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
from collections.abc import Sequence
from pathlib import Path

import geopandas as gpd
import pandas as pd

from ..core.messages import code_word, register, text, vocabulary
from ..core.output_files import write_atomically
from ..plotting.maps import render_screening_map
from ..plotting.style import css_font_family
from ..screening.well_sites import (
    NO_GEOMETRY,
    OUTSIDE,
    OUTSIDE_MAPPED_AREA,
    PreparedScreening,
    reason_rules,
    verdict_counts,
)

VERDICT_ORDER = ("prohibited", "restricted", "allowed", OUTSIDE, NO_GEOMETRY)

register(
    {
        "screening_report_words.title": ("Well-site screening report", "取水井选址筛查报告"),
        "screening_report_words.made": ("Produced", "生成时间"),
        "screening_report_words.input": ("Wells screened", "筛查的井"),
        "screening_report_words.summary": ("Verdicts", "结论汇总"),
        "screening_report_words.per_township": ("Verdicts per township", "各乡镇结论"),
        "screening_report_words.per_reason": ("Reasons", "原因"),
        "screening_report_words.township": ("Township", "乡镇"),
        # Wells in no township: outside the mapped area when a townships layer is given.
        "screening_report_words.no_township": ("outside the mapped area", "图层范围外"),
        "screening_report_words.total": ("Total", "合计"),
        "screening_report_words.reason": ("Reason", "原因"),
        "screening_report_words.wells": ("Wells", "井数"),
        "screening_report_words.basis": ("Legal basis", "法律依据"),
        "screening_report_words.warnings": ("Warnings", "警告"),
        "screening_report_words.map": ("Map", "地图"),
        "screening_report_words.coverage": ("Supply coverage", "供水覆盖"),
        "screening_report_words.pipes": ("Supply pipes", "供水管网"),
        "screening_report_words.buffer": ("Coverage distance around pipes", "管网覆盖距离"),
        "screening_report_words.areas": ("Supply areas", "供水覆盖区"),
        "screening_report_words.severe": ("Severe over-extraction zone", "严重超采区"),
        "screening_report_words.general": ("General over-extraction zone", "一般超采区"),
        "screening_report_words.schematic": ("Distances measured in", "距离计算坐标系"),
    }
)


def township_table(results: pd.DataFrame, outside_label: str = "") -> pd.DataFrame:
    """Counts of each verdict per township (rows) with a total row and column."""
    verdict = results["verdict"].astype(object).where(results["verdict"].notna(), NO_GEOMETRY)
    township = results["township"].astype(object).where(results["township"].notna(), outside_label)
    table = pd.crosstab(township, verdict).reindex(columns=list(VERDICT_ORDER), fill_value=0)
    table.index.name = None
    table["total"] = table.sum(axis=1)
    table.loc["total"] = table.sum(axis=0)
    return table.astype(int)


def reason_table(results: pd.DataFrame) -> pd.Series:
    """How many wells carry each reason code (a well with several reasons counts once per reason)."""
    codes = results["reasons"].dropna().astype(str).str.split(";").explode()
    codes = codes[codes != ""]
    return codes.value_counts().sort_index()


def _html_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def screening_report_html(
    prepared: PreparedScreening,
    wells: gpd.GeoDataFrame,
    results: pd.DataFrame,
    *,
    input_label: str,
    language: str = "en",
    warnings: Sequence[str] = (),
) -> str:
    """The report as one self-contained HTML page."""
    words = {**vocabulary("verdict", language), **vocabulary("screening_report_words", language)}
    png = render_screening_map(prepared, wells, results, words=words)
    counts = verdict_counts(results)
    per_township = township_table(results, words["no_township"])
    township_rows = [
        [
            words["total"] if name == "total" else name,
            *(int(per_township.loc[name, v]) for v in VERDICT_ORDER),
            int(per_township.loc[name, "total"]),
        ]
        for name in per_township.index
    ]
    reasons = reason_table(results)
    basis_of = {rule.code: rule.basis[language] for rule in reason_rules(prepared)}
    basis_of[NO_GEOMETRY] = text("screening.no_geometry_basis", language)
    basis_of[OUTSIDE_MAPPED_AREA] = text("screening.outside_basis", language)
    # The words for each reason, the code beside them for an English reader only (a Chinese reader sees no code).
    reason_rows = [
        [code_word("reason", code, language) if language == "zh" else f"{code_word('reason', code, language)} ({code})",
         int(count), basis_of.get(code, "")]
        for code, count in reasons.items()
    ]
    summary = ", ".join(f"{words[v]}: {counts.get(v, 0)}" for v in VERDICT_ORDER)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{language}"><head><meta charset="utf-8"><title>{html.escape(words["title"])}</title>',
        f"<style>body{{font-family:{css_font_family(language)};margin:2em;max-width:70em}}"
        "table{border-collapse:collapse;margin:0.5em 0 1.5em}td,th{border:1px solid #bbb;padding:0.2em 0.6em}"
        "th{background:#eee}td:nth-child(n+2){text-align:right}.basis td:nth-child(3){text-align:left}</style></head><body>",
        f"<h1>{html.escape(words['title'])}</h1>",
        f"<p>{html.escape(words['made'])}: {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} · "
        f"{html.escape(words['input'])}: {html.escape(input_label)} ({len(results)}) · "
        f"{html.escape(str(prepared.rules.data.get('notice', {}).get('id', '')))}</p>",
        f"<h2>{html.escape(words['summary'])}</h2><p>{html.escape(summary)}</p>",
        f"<h2>{html.escape(words['map'])}</h2>",
        f'<img alt="map" style="max-width:100%" src="data:image/png;base64,{base64.b64encode(png).decode("ascii")}">',
        f"<h2>{html.escape(words['per_township'])}</h2>",
        _html_table([words["township"], *(words[v] for v in VERDICT_ORDER), words["total"]], township_rows),
        f"<h2>{html.escape(words['per_reason'])}</h2>",
        '<div class="basis">' + _html_table([words["reason"], words["wells"], words["basis"]], reason_rows) + "</div>",
    ]
    if warnings:
        parts.append(f"<h2>{html.escape(words['warnings'])}</h2><ul>")
        parts.extend(f"<li>{html.escape(w)}</li>" for w in warnings)
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts)


def write_screening_report(
    path: str | Path, prepared: PreparedScreening, wells: gpd.GeoDataFrame, results: pd.DataFrame, **options
) -> Path:
    """Write the HTML report to ``path`` (and return it); ``options`` are :func:`screening_report_html`'s."""
    page = screening_report_html(prepared, wells, results, **options)
    return write_atomically(path, lambda temporary: temporary.write_text(page, encoding="utf-8"), layer_label="report")
