"""Read numbers and dates from attribute columns the way county spreadsheets write them.

Registries arrive with text in number fields ("1,200", "1 200", "１２００", "N/A", "—"), dates as
dates or as text ("2024-03-05", "2024/3/5", "2024年3月5日"). These helpers turn a column into clean
values and, for anything they cannot read, raise one error that names the layer, the features
and the field, so nothing is silently zeroed or dropped.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .errors import EngineInputError
from .messages import register, text

register(
    {
        "values.field_not_found": ("field not found", "找不到字段"),
        "values.field_not_found_what": ("field not found ({what})", "找不到字段（{what}）"),
        "values.no_fields": ("(none)", "（无）"),
        "values.fields_are": (
            "the layer's fields are: {fields}; choose the right field in the parameters",
            "图层的字段为：{fields}；请在参数中选择正确的字段",
        ),
        "values.fid": ("fid {fid}", "fid {fid}"),
        "values.row": ("row {n}", "第 {n} 行"),
        "values.more": (" and {n} more", " 等（另有 {n} 个）"),
        "values.yes_no_not_number": ("a yes/no value is not a number", "是/否值不是数字"),
        "values.not_finite": ("{value!r} is not a finite number", "{value!r} 不是有限数字"),
        "values.infinite": (
            "{n} value(s) are infinite or too large to be a number: {features}",
            "{n} 个值为无穷大或过大，不能作为数字：{features}",
        ),
        "values.fix_infinite": (
            "correct them (a finite number; leave empty when unknown)", "请更正（须为有限数字；未知时留空）"
        ),
        "values.not_numbers": ("{n} value(s) are not numbers: {features}", "{n} 个值不是数字：{features}"),
        "values.fix_numbers": (
            "correct them (plain numbers such as 1200 or 1,200; leave empty when unknown)",
            "请更正（写普通数字，如 1200 或 1,200；未知时留空）",
        ),
        "values.no_value": ("{n} feature(s) have no value: {features}", "{n} 个要素没有值：{features}"),
        "values.fill_in": (
            "fill them in, or remove those features if they should not count", "请填写；如这些要素不应计入，请删除"
        ),
        "values.negative": ("{n} value(s) are negative: {features}", "{n} 个值为负数：{features}"),
        "values.fix_sign": (
            "volumes and areas cannot be negative; correct the sign or the unit", "水量和面积不能为负；请更正符号或单位"
        ),
        "values.unreadable_date": ("unreadable date {value!r}", "无法识别的日期 {value!r}"),
        "values.not_what": ("{n} value(s) are not {what}: {features}", "{n} 个值不是{what}：{features}"),
        "values.what_dates": ("dates", "日期"),
        "values.date_hint": ("write dates as 2024-03-05 or 2024/3/5", "日期请写作 2024-03-05 或 2024/3/5"),
    }
)

# Spellings of "no value" seen in county tables; they become missing values, never zero.
MISSING_MARKERS = frozenset({"", "n/a", "na", "nan", "null", "none", "-", "—", "–", "无", "空", "/"})

_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


_NA, _NAT = pd.NA, pd.NaT  # bound once: is_null runs per cell in screening's loops
_FLOATS = (float, np.floating)


def is_null(value: Any) -> bool:
    """No value at all: None, NaN, pandas' NA or NaT. Text, even empty text, is a value here."""
    if value is None or value is _NA or value is _NAT:
        return True
    return isinstance(value, _FLOATS) and bool(value != value)  # NaN is the one float unequal to itself


def is_blank(value: Any) -> bool:
    """No value, or text that is empty once trimmed (a label or group cell left empty)."""
    return is_null(value) or (isinstance(value, str) and unicodedata.normalize("NFKC", value).strip() == "")


def is_missing(value: Any) -> bool:
    """No value as county tables write it: null, or text that says so ("", "N/A", "—", "无"; MISSING_MARKERS).

    Used for names, codes and keys, where "-" or "无" means the cell was left unfilled.
    """
    if is_null(value):
        return True
    return isinstance(value, str) and unicodedata.normalize("NFKC", value).strip().lower() in MISSING_MARKERS


def require_fields(frame: pd.DataFrame, *fields: str, layer: str, what: str | None = None, hint: str | None = None) -> None:
    """One clear error for the first of ``fields`` that ``frame`` lacks, listing the fields it has."""
    for field in fields:
        if field not in frame.columns:
            present = ", ".join(str(c) for c in frame.columns if c != "geometry") or text("values.no_fields")
            raise EngineInputError(
                text("values.field_not_found_what", what=what) if what else text("values.field_not_found"),
                layer=layer,
                field=field,
                hint=hint or text("values.fields_are", fields=present),
            )


def filled_labels(
    frame: pd.DataFrame, field: str, *, layer: str, message: str, hint: str, blank: Callable[[Any], bool] = is_blank
) -> list[str]:
    """The trimmed text of every cell of ``field`` (ids, names that must be given); one error naming the features
    where it is empty: catalogue ``message`` (with ``{n}`` and ``{features}``) and ``hint``."""
    values = frame[field].tolist()
    empty = [row for row, value in enumerate(values) if blank(value)]
    if empty:
        raise EngineInputError(
            text(message, n=len(empty), features=listed_features(frame, empty, None)),
            layer=layer, feature=feature_label(frame, empty[0]), field=field, hint=text(hint),
        )
    return [str(value).strip() for value in values]


def require_unique(
    frame: pd.DataFrame, field: str, labels: Sequence[str], *, layer: str, message: str, hint: str,
    key: Callable[[str], str] = str, id_field: str | None = None,
) -> None:
    """One error for the first label two features share (compared by ``key``): catalogue ``message`` (with
    ``{label}`` and ``{features}``, the two features) and ``hint``."""
    seen: dict[str, int] = {}
    for row, label in enumerate(labels):
        compared = key(label)
        if compared in seen:
            raise EngineInputError(
                text(message, label=label, features=f"{feature_label(frame, seen[compared])}, {feature_label(frame, row)}"),
                layer=layer, feature=feature_label(frame, row, id_field), field=field, hint=text(hint),
            )
        seen[compared] = row


def feature_label(frame: pd.DataFrame, row: int, id_field: str | None = None) -> str:
    """How to name row ``row`` to a user: its id field value, else its QGIS feature id."""
    if id_field and id_field in frame.columns:
        value = frame[id_field].iloc[row]
        if not is_null(value):
            return f"{id_field}={value}"
    fids = frame.attrs.get("fid")
    if fids is not None and row < len(fids):
        return text("values.fid", fid=fids[row])
    return text("values.row", n=row + 1)


def listed_features(
    frame: pd.DataFrame,
    rows: Sequence[int],
    id_field: str | None = None,
    values: Sequence[Any] | None = None,
    *,
    limit: int = 5,
    more: str | None = None,
) -> str:
    """The first ``limit`` of ``rows`` named for a message ("W1 ('lots'), W7 ('—') and 3 more").

    ``values[i]`` is shown after row ``rows[i]`` when given; ``more`` (with ``{n}``) ends a longer list
    (default: the catalogue's " and {n} more" in the language in force).
    """
    shown = [
        feature_label(frame, int(r), id_field) + (f" ({values[i]!r})" if values is not None else "") for i, r in enumerate(rows[:limit])
    ]
    if len(rows) <= limit:
        return ", ".join(shown)
    return ", ".join(shown) + (text("values.more", n=len(rows) - limit) if more is None else more.format(n=len(rows) - limit))


class NotFiniteError(ValueError):
    """inf, -inf, 'Infinity', 1e400: no volume, area, reading or reading of a meter can be that."""


def parse_number(value: Any) -> float | None:
    """One cell as a float; None when it says "no value"; raises ValueError when unreadable.

    Raises NotFiniteError (a ValueError) for an infinite value, written or overflowing, so it is refused per
    feature like any unreadable cell instead of turning into an infinite fee or volume.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(text("values.yes_no_not_number"))
    if isinstance(value, (int, float, np.integer, np.floating)):
        number = float(value)
    else:
        cell = unicodedata.normalize("NFKC", str(value)).strip()
        if cell.lower() in MISSING_MARKERS:
            return None
        cleaned = cell.replace(",", "").replace(" ", "").replace("\u00a0", "")
        number = float(cleaned)  # ValueError for anything else
    if math.isinf(number):
        raise NotFiniteError(text("values.not_finite", value=value))
    return None if math.isnan(number) else number


def number_column(
    frame: pd.DataFrame,
    field: str,
    *,
    layer: str,
    id_field: str | None = None,
    allow_missing: bool = True,
    allow_negative: bool = False,
) -> np.ndarray:
    """A float array for ``frame[field]`` (NaN where missing), or one clear error for bad cells."""
    require_fields(frame, field, layer=layer)
    raw = frame[field].tolist()
    numbers = np.full(len(raw), np.nan)
    unreadable_rows: list[int] = []
    unreadable_values: list[Any] = []
    infinite_rows: list[int] = []
    for row, value in enumerate(raw):
        try:
            parsed = parse_number(value)
        except NotFiniteError:
            infinite_rows.append(row)
            continue
        except (ValueError, TypeError):
            unreadable_rows.append(row)
            unreadable_values.append(value)
            continue
        if parsed is not None:
            numbers[row] = parsed
    if infinite_rows:
        raise EngineInputError(
            text(
                "values.infinite", n=len(infinite_rows),
                features=listed_features(frame, infinite_rows, id_field, [raw[r] for r in infinite_rows]),
            ),
            layer=layer,
            field=field,
            hint=text("values.fix_infinite"),
        )
    if unreadable_rows:
        raise EngineInputError(
            text(
                "values.not_numbers", n=len(unreadable_rows),
                features=listed_features(frame, unreadable_rows, id_field, unreadable_values),
            ),
            layer=layer,
            field=field,
            hint=text("values.fix_numbers"),
        )
    refused = []
    if not allow_missing:
        refused.append((np.isnan(numbers), "values.no_value", "values.fill_in"))
    if not allow_negative:
        refused.append((numbers < 0, "values.negative", "values.fix_sign"))
    for mask, what, hint in refused:
        rows = [int(r) for r in np.flatnonzero(mask)]
        if rows:
            raise EngineInputError(
                text(what, n=len(rows), features=listed_features(frame, rows, id_field, [raw[r] for r in rows])),
                layer=layer,
                field=field,
                hint=text(hint),
            )
    return numbers


def parse_date(value: Any) -> dt.date | None:
    """One cell as a date; None when missing; raises ValueError when unreadable."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.date()
    if is_null(value):
        return None
    cell = unicodedata.normalize("NFKC", str(value)).strip()
    if cell.lower() in MISSING_MARKERS:
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.match(cell)
        if match:
            year, month, day = (int(part) for part in match.groups())
            return dt.date(year, month, day)  # ValueError for 2024-02-30
    raise ValueError(text("values.unreadable_date", value=cell))


def parsed_column(
    frame: pd.DataFrame,
    field: str,
    parse: Callable[[Any], Any],
    *,
    layer: str,
    id_field: str | None = None,
    what: str,
    hint: str,
) -> list[Any]:
    """``parse`` applied to every cell of ``frame[field]``; one error listing all unreadable cells.

    ``parse`` returns None for a missing value and raises ValueError/TypeError for an unreadable one;
    ``what`` names the expected kind in the message ("dates", "yes/no").
    """
    require_fields(frame, field, layer=layer)
    values: list[Any] = []
    bad_rows: list[int] = []
    bad_values: list[Any] = []
    for row, value in enumerate(frame[field].tolist()):
        try:
            values.append(parse(value))
        except (ValueError, TypeError):
            values.append(None)
            bad_rows.append(row)
            bad_values.append(value)
    if bad_rows:
        raise EngineInputError(
            text("values.not_what", n=len(bad_rows), what=what, features=listed_features(frame, bad_rows, id_field, bad_values)),
            layer=layer,
            field=field,
            hint=hint,
        )
    return values


def date_column(frame: pd.DataFrame, field: str, *, layer: str, id_field: str | None = None) -> list[dt.date | None]:
    """Dates for ``frame[field]`` (None where missing), or one clear error for bad cells."""
    return parsed_column(
        frame, field, parse_date, layer=layer, id_field=id_field, what=text("values.what_dates"), hint=text("values.date_hint")
    )
