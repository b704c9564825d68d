"""Fields by their true name: a field a Shapefile may have cut is never picked by its first letters.

A Shapefile keeps 10 characters of a field name, and GDAL numbers the clashes: ``requested_rate_ls`` and
``requested_m3`` become ``requested_`` and ``requeste_1``. A parameter asking for ``requested_m3`` of such a layer
matches ``requested_`` by prefix — which holds litres per second. So a field that is not in the layer by its full
name is refused, with every field its name may have been cut to and the range of their values, for the user to
choose by name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .errors import EngineInputError
from .messages import register, text

register(
    {
        "field_names.cut": (
            "no field '{field}' ({key}); a Shapefile cuts field names to 10 characters, so it may be any of: "
            "{candidates}",
            "没有字段“{field}”（{key}）；Shapefile 将字段名截为 10 个字符，它可能是以下任一字段：{candidates}",
        ),
        "field_names.candidate": ("{name} ({values})", "{name}（{values}）"),
        "field_names.range": ("values {low} – {high}", "取值 {low} – {high}"),
        "field_names.empty": ("no values", "无值"),
        "field_names.choose": (
            "choose the field by its name in {key}: a field is never picked by its first letters",
            "请在 {key} 中按名称选择字段：字段不会按前几个字母自动选取",
        ),
    }
)

SHAPEFILE_NAME_LENGTH = 10


def cut_candidates(name: str, names: Sequence[str]) -> list[str]:
    """The fields of ``names`` that ``name`` may have been cut to in a Shapefile (its first 10 characters, or GDAL's
    numbered forms of them: 8 characters and _1 … _9, 7 and _10 … _99); [] when ``name`` is there or is short."""
    if name in names or len(name) <= SHAPEFILE_NAME_LENGTH:
        return []
    short = name[:SHAPEFILE_NAME_LENGTH].lower()
    numbered = re.compile(rf"^(?:{re.escape(name[:8].lower())}_\d|{re.escape(name[:7].lower())}_\d\d)$")
    return [n for n in names if n.lower() == short or numbered.match(n.lower())]


def refuse_cut_name(
    layer: str, field: str, key: str, candidates: Sequence[tuple[str, object, object]]
) -> None:
    """EngineInputError naming the field asked for and each candidate with its lowest and highest value."""
    shown = []
    for name, low, high in candidates:
        values = text("field_names.empty") if low is None else text("field_names.range", low=_shown(low), high=_shown(high))
        shown.append(text("field_names.candidate", name=name, values=values))
    raise EngineInputError(
        text("field_names.cut", field=field, key=key, candidates=", ".join(shown)), layer=layer,
        hint=text("field_names.choose", key=key),
    )


def _shown(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.6g}"
    return repr(value) if isinstance(value, str) else str(value)
