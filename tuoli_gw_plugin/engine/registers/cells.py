"""One register cell to a number or an angle, cleaned only where the reading is unambiguous.

Each reader returns the value and the fixes it made (full-width digits, a unit after the number, spaces between
digit groups, a decimal comma), or raises ``CellError`` saying why the cell cannot be read. A cell that could be
read two ways ('470,474': thousands or decimals?) is refused, never guessed.
"""

from __future__ import annotations

import math
import re
import unicodedata

from ..core.messages import register, text
from ..core.values import MISSING_MARKERS

register(
    {
        "registers.cell": ("{column}: {reason}", "{column}：{reason}"),
        "registers.fix_full_width": ("full-width characters read as ASCII", "全角字符按半角读取"),
        "registers.fix_unit": ("unit '{unit}' after the number removed", "删除数字后的单位“{unit}”"),
        "registers.fix_spaces": ("spaces between digit groups removed", "删除数字分组间的空格"),
        "registers.fix_decimal_comma": ("decimal comma read as a decimal point", "小数逗号按小数点读取"),
        "registers.not_a_number": ("{value!r} is not a number", "“{value}”不是数字"),
        "registers.ambiguous_comma": (
            "{value!r} could be thousands or decimals: write it without the comma or with a decimal point",
            "“{value}”中的逗号既可能是千位分隔符也可能是小数点：请去掉逗号或改用小数点",
        ),
        "registers.not_finite": ("{value!r} is not a finite number", "“{value}”不是有限数字"),
        "registers.bad_angle": (
            "{value!r} is not an angle (minutes and seconds must be below 60)",
            "“{value}”不是有效的角度（分、秒须小于 60）",
        ),
    }
)

# What "no value" looks like in county registers, besides values.MISSING_MARKERS: placeholders for a survey to come.
PENDING_MARKERS = frozenset({"待定", "待测", "待补", "不详", "未知", "暂无", "?", "？", "tbd", "unknown"})

_UNITS = ("立方米", "千瓦时", "m³", "m3", "kwh", "米", "方", "度", "m")
_GROUPED_SPACES = re.compile(r"^[+-]?\d{1,3}(?: \d{3})+(?:\.\d+)?$")
_GROUPED_COMMAS = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")
_DMS = re.compile(
    r"^(?P<hemi1>[EWNS东西南北])?\s*(?P<deg>\d+(?:\.\d+)?)\s*[°度:]\s*"
    r"(?:(?P<min>\d+(?:\.\d+)?)\s*['′’分:]?\s*)?"
    r"(?:(?P<sec>\d+(?:\.\d+)?)\s*(?:\"|″|”|''|′′|秒)?\s*)?(?P<hemi2>[EWNS东西南北])?$",
    re.IGNORECASE,
)


class CellError(ValueError):
    """A cell that cannot be read; the message says why, in the run's language."""


def cell_text(value: object) -> str | None:
    """A cell as stripped text; None when empty or marked as 'no value' ('', '—', '无', 'N/A', '待定' …)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    cell = str(value).strip()
    folded = unicodedata.normalize("NFKC", cell).strip().lower()
    if folded in MISSING_MARKERS or folded in PENDING_MARKERS:
        return None
    return cell


def fold(cell: str) -> tuple[str, list[str]]:
    """Full-width digits, letters and signs as ASCII (NFKC; the ideographic full stop between digits as a
    decimal point), with the fix named when anything changed."""
    folded = unicodedata.normalize("NFKC", cell).strip()
    folded = re.sub(r"(?<=\d)。(?=\d)", ".", folded).replace("\u3000", " ")
    # Only full-width forms (and the ideographic space and full stop) are a fix; NFKC also rewrites ″ as ′′.
    full_width = any("\uff01" <= ch <= "\uff5e" or ch in "\u3000。" for ch in cell)
    return folded, ([text("registers.fix_full_width")] if full_width else [])


def read_number(cell: str, *, lone_comma_group: bool = True) -> tuple[float, list[str]]:
    """A number cell: '１２００', '446162.93m', '5 090 411.2', '1,200', '3,5'; CellError otherwise.

    ``lone_comma_group`` false refuses one comma followed by three digits ('470,474'): for a coordinate that can be
    a decimal comma as well as a thousands separator; for a volume ('1,200') registers mean thousands."""
    number_text, fixes = fold(cell)
    lowered = number_text.lower()
    for unit in _UNITS:
        if lowered.endswith(unit) and len(lowered) > len(unit) and (lowered[-len(unit) - 1].isdigit() or lowered[-len(unit) - 1] == " "):
            number_text = number_text[: -len(unit)].strip()
            fixes.append(text("registers.fix_unit", unit=unit))
            break
    if _GROUPED_SPACES.match(number_text):
        number_text = number_text.replace(" ", "")
        fixes.append(text("registers.fix_spaces"))
    elif _GROUPED_COMMAS.match(number_text):
        if not lone_comma_group and number_text.count(",") == 1 and "." not in number_text:
            raise CellError(text("registers.ambiguous_comma", value=cell))
        number_text = number_text.replace(",", "")
    elif _DECIMAL_COMMA.match(number_text):
        number_text = number_text.replace(",", ".")
        fixes.append(text("registers.fix_decimal_comma"))
    try:
        number = float(number_text)
    except ValueError:
        raise CellError(text("registers.not_a_number", value=cell)) from None
    if not math.isfinite(number):
        raise CellError(text("registers.not_finite", value=cell))
    return number, fixes


def read_angle(cell: str) -> tuple[float, bool, list[str]]:
    """An angle in decimal degrees or degrees-minutes-seconds (83°36′12.5″, 83度36分12.5秒, E83°36'12.5").

    Returns (degrees, written_as_dms, fixes); a plain number is returned as it reads (the caller decides whether it
    is degrees or metres). CellError when it is neither."""
    folded, fixes = fold(cell)
    match = _DMS.match(folded)
    if match is None or not any(ch in folded for ch in "°度:"):
        number, number_fixes = read_number(cell, lone_comma_group=False)
        return number, False, number_fixes
    degrees = float(match["deg"])
    minutes = float(match["min"] or 0.0)
    seconds = float(match["sec"] or 0.0)
    if minutes >= 60 or seconds >= 60:
        raise CellError(text("registers.bad_angle", value=cell))
    value = degrees + minutes / 60.0 + seconds / 3600.0
    hemisphere = (match["hemi1"] or match["hemi2"] or "").upper()
    if hemisphere in ("W", "S", "西", "南"):
        value = -value
    return value, True, fixes
