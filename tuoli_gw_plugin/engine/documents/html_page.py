"""What every document the engine writes shares: the HTML page with its figures, and how a page writes numbers,
tables and names.

A document is one HTML page whose figures are PNG bytes referenced by name (:class:`ReportDocument`): a browser
gets them embedded, the Qt printer (``qgis_io/pdf.py``) as document resources. The CSS is kept to what both a
browser and Qt's rich-text engine understand.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..core.errors import EngineInputError
from ..core.messages import register, text
from ..core.values import is_null
from ..plotting.style import cjk_font_family, css_font_family, needs_cjk

register(
    {
        "report.no_cjk_font": (
            "No font with Chinese glyphs is installed, so the Chinese text would print as empty boxes. Install the Noto "
            "CJK fonts (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk; Windows/macOS have Microsoft YaHei / "
            "PingFang built in) and run again, or choose LANGUAGE = English.",
            "未安装含中文字形的字体，中文会打印成空白方框。请安装 Noto CJK 字体（Debian/Ubuntu：sudo apt-get install "
            "fonts-noto-cjk；Windows/macOS 自带微软雅黑 / 苹方）后重新运行，或选择 LANGUAGE = English。",
        ),
        "document.unit_10k_m3": ("10⁴ m³", "万 m³"),
        "document.unit_m3": ("m³", "m³"),
        "document.unit": ("Unit: {unit}", "单位：{unit}"),
        "document.units": ("Units: {units}", "单位：{units}"),
        "document.unit_of": ("{what} {unit}", "{what} {unit}"),
        "document.volumes": ("volumes", "水量"),
        "document.money": ("money", "金额"),
        "document.yuan": ("yuan", "元"),
        "document.area": ("area", "面积"),
        "document.mu": ("mu", "亩"),
    }
)

# The printable width of an A4 page with 15 mm margins, in the CSS pixels (1/96 in) the documents are laid out in.
PAGE_WIDTH_PX = 680


@dataclass(frozen=True)
class VolumeUnit:
    """The one volume unit of a document: 万 m³ (10⁴ m³) for county totals, m³ where every volume is small."""

    scale: float
    decimals: int
    words: str

    def text(self, m3: object) -> str:
        """A volume in m³ written in this unit."""
        return number_text(float(m3) / self.scale, self.decimals) if not is_null(m3) else "—"

    def caption(self, language: str, **others: str) -> str:
        """The unit line a table carries above it, at its right edge (单位：万 m³; the table spans the page, so the
        line sits over its last column), with other units after the volumes'."""
        if not others:
            return unit_caption(text("document.unit", language, unit=self.words))
        units = [text("document.unit_of", language, what=text("document.volumes", language), unit=self.words)]
        units += [text("document.unit_of", language, what=text(f"document.{what}", language), unit=unit) for what, unit in others.items()]
        return unit_caption(text("document.units", language, units=("，" if language == "zh" else ", ").join(units)))


def volume_unit(largest_m3: float, language: str) -> VolumeUnit:
    """万 m³ when any volume of the document reaches 100 000 m³ (county totals), else m³."""
    if not is_null(largest_m3) and abs(float(largest_m3)) >= 1e5:
        return VolumeUnit(1e4, 1, text("document.unit_10k_m3", language))
    return VolumeUnit(1.0, 0, text("document.unit_m3", language))


def unit_caption(line: str) -> str:
    return f'<p class="unit" align="right">{html.escape(line)}</p>'


def figure_html(name: str, png: bytes) -> str:
    """A figure at the size it was drawn (so its text prints at its point size), at most the page's width."""
    width_px, dpi = _png_size(png)
    shown = PAGE_WIDTH_PX if not width_px else min(PAGE_WIDTH_PX, round(width_px * 96 / dpi))
    return f'<p><img src="{name}" width="{shown}"></p>'


def _png_size(png: bytes) -> tuple[int, float]:
    """(width in pixels, dots per inch) of a PNG; dpi from its pHYs chunk (matplotlib writes one), else 96."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        return 0, 96.0
    width = int.from_bytes(png[16:20], "big")
    position = png.find(b"pHYs")
    if position > 0:
        per_metre = int.from_bytes(png[position + 4:position + 8], "big")
        if per_metre and png[position + 12] == 1:
            return width, per_metre * 0.0254
    return width, 96.0


@dataclass
class ReportDocument:
    """The report: HTML with figures referenced by name, and the figures as PNG bytes."""

    language: str
    title: str
    body_html: str
    figures: dict[str, bytes]
    warnings: list[str]
    page_label: str = ""  # what every printed page's footer names the document by (default: its title)

    def html(self, *, embed_figures: bool = True) -> str:
        """The whole page; figures as data: URIs (self-contained) or by their names."""
        body = self.body_html
        for name, png in self.figures.items():
            source = f"data:image/png;base64,{base64.b64encode(png).decode('ascii')}" if embed_figures else name
            body = body.replace(f'src="{name}"', f'src="{source}"')
        return (
            "<!DOCTYPE html>\n"
            f'<html lang="{"zh-Hans" if self.language == "zh" else "en"}"><head><meta charset="utf-8">'
            f"<title>{html.escape(self.title)}</title><style>{_css(self.language)}</style></head><body>\n{body}\n</body></html>"
        )


def _css(language: str) -> str:
    """Kept to what both browsers and Qt's rich-text engine (QTextDocument, for the PDF) understand."""
    return (
        f"body{{font-family:{css_font_family(language)};font-size:10pt}}"
        "h1{font-size:17pt;text-align:center}h2{font-size:13pt;margin-top:14pt}"
        "table{border-collapse:collapse;margin-bottom:8pt}th{background-color:#e8eef4}"
        "td,th{border:1px solid #999999;padding:3pt}td.n{text-align:right}p.note{color:#555555;font-size:9pt}"
        "p.unit{font-size:9pt;margin-top:0;margin-bottom:2pt}"
    )


def require_cjk_font(language: str, texts: Sequence[str] = ()) -> tuple[str | None, list[str]]:
    """The CJK font family for the figures; a Chinese report without one is an error."""
    family = cjk_font_family()
    if family is not None:
        return family, []
    message = text("report.no_cjk_font")
    if language == "zh":
        raise EngineInputError(message)
    if needs_cjk(texts):
        return None, [message]
    return None, []


def unsigned_zero(text: str) -> str:
    """'-0', '-0.00', '-0.0%' read as a debt of nothing: a value that shows as zero shows without a sign."""
    if text.startswith("-") and not any(digit in text for digit in "123456789"):
        return text[1:]
    return text


def number_text(value: object, decimals: int = 0) -> str:
    if is_null(value):
        return "—"
    try:
        number = float(value)
        return unsigned_zero(f"{number:,.{decimals}f}")  # -0.5 rounds to "-0", -0.004 to "-0.00": no sign
    except (TypeError, ValueError):
        return html.escape(str(value))


_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def significant_text(value: float, digits: int = 3) -> str:
    """A number to ``digits`` significant digits as a printed page writes it: 0.00213, and 1.06×10⁻⁵, never 1.06e-05."""
    written = f"{value:.{digits}g}"
    if "e" not in written:
        return written
    mantissa, exponent = written.split("e")
    return f"{mantissa}×10{str(int(exponent)).translate(_SUPERSCRIPTS)}"


def html_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    numeric: Sequence[bool] | None = None,
    nowrap: Sequence[bool] | None = None,
    *,
    full_width: bool = False,
) -> str:
    """A table; ``numeric`` columns are right-aligned (their cells are HTML already), ``nowrap`` ones never broken
    (names and ids: 乌雪特乡 must not end a line as 乌雪特 and begin the next as 乡; numbers never wrap anyway)."""
    numeric = numeric or [False] * len(headers)
    nowrap = nowrap or [False] * len(headers)

    def cell(value: object, is_number: bool, unbroken: bool) -> str:
        if is_number:
            return f'<td class="n" align="right" nowrap>&nbsp;{value}&nbsp;</td>'
        keep = ' nowrap style="white-space:nowrap"' if unbroken else ""
        return f"<td{keep}>&nbsp;{html.escape(str(value))}&nbsp;</td>"

    # Qt's rich text ignores horizontal cell padding: a no-break space each side keeps numbers off the rules.
    head = "".join(f"<th>&nbsp;{html.escape(str(h))}&nbsp;</th>" for h in headers)
    body = "".join("<tr>" + "".join(cell(c, n, w) for c, n, w in zip(row, numeric, nowrap)) + "</tr>" for row in rows)
    width = ' width="100%"' if full_width else ""
    return f'<table border="1" cellspacing="0" cellpadding="4"{width}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def report_table(*args, **kwargs) -> str:
    """A table across the page's width (a report's tables line up, and their unit line sits over the last column)."""
    return html_table(*args, full_width=True, **kwargs)


def find_column(frame: pd.DataFrame, *names: str) -> str | None:
    lower = {str(c).lower(): c for c in frame.columns}
    for name in names:
        if name and name.lower() in lower:
            return lower[name.lower()]
    return None


def numeric_values(frame: pd.DataFrame, name: str | None) -> pd.Series:
    if name is None:
        return pd.Series(np.nan, index=frame.index, dtype=float)
    return pd.to_numeric(frame[name], errors="coerce")


def unit_names(frame: pd.DataFrame, preferred: str) -> pd.Series:
    name = find_column(frame, preferred, "name_zh", "township", "name", "zone_name", "cell_id")
    if name is None:
        return pd.Series([str(i + 1) for i in range(len(frame))], index=frame.index)
    return frame[name].astype(object).where(frame[name].notna(), "—").astype(str)
