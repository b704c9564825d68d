"""Read the yes/no, key and text columns of a well registry the way county tables write them.

Registries say "yes" as 是 / 有 / Y / 1 / true and keep account numbers as text in one table and as
numbers in the next ("1001", 1001, 1001.0). These helpers turn such columns into clean Python
values for the electricity and audit engines, and raise one error naming the layer, the features
and the field for anything they cannot read, so nothing is silently taken as "no".
"""

from __future__ import annotations

import unicodedata
from typing import Any

import numpy as np
import pandas as pd

from .errors import EngineInputError
from .messages import register, text
from .values import is_missing, parsed_column, require_fields

register(
    {
        "well_fields.not_0_or_1": ("not 0 or 1", "不是 0 或 1"),
        "well_fields.unreadable_flag": ("unreadable yes/no value {value!r}", "无法识别的是/否值 {value!r}"),
        "well_fields.what_flag": ("yes/no", "是/否"),
        "well_fields.flag_hint": ("write yes/no as 1/0, true/false, yes/no or 是/否", "是/否请写作 1/0、true/false、yes/no 或 是/否"),
        "well_fields.repeated_ids": (
            "{n} id(s) are on more than one feature: {ids}", "{n} 个编号出现在多个要素上：{ids}"
        ),
        "well_fields.repeated_id": ("{key} ({count}×)", "{key}（{count} 次）"),
        "well_fields.one_row_hint": (
            "one well, one row: counts, volumes and findings would count such a well more than once — remove the "
            "repeated features or give each its own id",
            "一井一行：否则数量、水量和核查结果会将同一眼井重复计算——请删除重复要素或为其分别编号",
        ),
    }
)

TRUE_WORDS = frozenset({"1", "true", "t", "yes", "y", "是", "有", "有表", "已安装", "正常", "working", "ok"})
FALSE_WORDS = frozenset({"0", "false", "f", "no", "n", "否", "无", "没有", "无表", "未安装", "损坏", "broken"})


def text_key(value: Any) -> str | None:
    """A join key as clean text: 1001, 1001.0 and ' 1001 ' all become '1001'; None when missing."""
    if is_missing(value):
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    text = unicodedata.normalize("NFKC", str(value)).strip()
    return text or None


def require_field(frame: pd.DataFrame, field: str, layer: str) -> None:
    require_fields(frame, field, layer=layer)


def key_column(frame: pd.DataFrame, field: str, *, layer: str) -> list[str | None]:
    """Join keys (account numbers, ids) as clean text, None where missing."""
    require_field(frame, field, layer)
    return [text_key(v) for v in frame[field].tolist()]


def text_column(frame: pd.DataFrame, field: str, *, layer: str) -> list[str | None]:
    """Labels (township, aquifer, status) as stripped text, None where missing."""
    return key_column(frame, field, layer=layer)


def parse_flag(value: Any) -> bool | None:
    """One yes/no cell; None when missing; raises ValueError when it is neither yes nor no."""
    if is_missing(value):
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, float, np.integer, np.floating)):
        if float(value) in (0.0, 1.0):
            return bool(value)
        raise ValueError(text("well_fields.not_0_or_1"))
    cell = unicodedata.normalize("NFKC", str(value)).strip().lower()
    if cell in TRUE_WORDS:
        return True
    if cell in FALSE_WORDS:
        return False
    raise ValueError(text("well_fields.unreadable_flag", value=cell))


def flag_column(frame: pd.DataFrame, field: str, *, layer: str, id_field: str | None = None) -> list[bool | None]:
    """Yes/no values for ``frame[field]`` (None where missing), or one clear error for bad cells."""
    require_field(frame, field, layer)
    return parsed_column(
        frame, field, parse_flag, layer=layer, id_field=id_field, what=text("well_fields.what_flag"),
        hint=text("well_fields.flag_hint"),
    )


def require_one_row_per_key(values, *, layer: str, field: str, limit: int = 10) -> None:
    """One well, one row (issue 30): an id on several features is an EngineInputError listing the ids and how many
    times each occurs. Ids are compared as clean text (1001, 1001.0 and ' 1001 ' are one id); missing ids are not
    compared. The same rule for every algorithm that reads a register's id."""
    counts: dict[str, int] = {}
    for value in values:
        key = text_key(value)
        if key is not None:
            counts[key] = counts.get(key, 0) + 1
    repeated = [(key, count) for key, count in counts.items() if count > 1]
    if not repeated:
        return
    shown = ", ".join(text("well_fields.repeated_id", key=key, count=count) for key, count in repeated[:limit])
    if len(repeated) > limit:
        shown += text("values.more", n=len(repeated) - limit)
    raise EngineInputError(
        text("well_fields.repeated_ids", n=len(repeated), ids=shown), layer=layer, field=field, hint=text("well_fields.one_row_hint")
    )
