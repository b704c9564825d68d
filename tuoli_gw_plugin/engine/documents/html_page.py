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
    }
)


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


def html_table(headers: Sequence[str], rows: Sequence[Sequence[object]], numeric: Sequence[bool] | None = None) -> str:
    numeric = numeric or [False] * len(headers)
    # Qt's rich text ignores horizontal cell padding: a no-break space each side keeps numbers off the rules.
    head = "".join(f"<th>&nbsp;{html.escape(str(h))}&nbsp;</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n" align="right">&nbsp;{c}&nbsp;</td>' if is_number else f"<td>&nbsp;{html.escape(str(c))}&nbsp;</td>"
            for c, is_number in zip(row, numeric)
        )
        + "</tr>"
        for row in rows
    )
    return f'<table border="1" cellspacing="0" cellpadding="4"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


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
