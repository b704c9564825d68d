"""The columns an engine output adds to a layer, declared once: name, kind and what the column holds.

The engine module that computes a column declares it (``Column("verdict", TEXT, "...")``); the doors write
exactly these columns, in this order, and the QGIS side (``qgis_io.frames.column_fields``) maps each kind
to a QGIS field type. Names and order are a public contract of the algorithms' outputs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .messages import register, text

TEXT, REAL, INTEGER, INTEGER64, BOOLEAN, DATE = "text", "real", "integer", "integer64", "boolean", "date"
KINDS = (TEXT, REAL, INTEGER, INTEGER64, BOOLEAN, DATE)

register({"columns.unknown_kind": ("column {name!r}: kind {kind!r} is not one of {kinds}", "列 {name!r}：类型 {kind!r} 不在 {kinds} 之中")})


@dataclass(frozen=True)
class Column:
    """One output column: its name, its kind (one of KINDS) and what it holds (units included)."""

    name: str
    kind: str
    description: str

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(text("columns.unknown_kind", name=self.name, kind=self.kind, kinds=KINDS))


def column_names(columns: Iterable[Column]) -> tuple[str, ...]:
    return tuple(column.name for column in columns)
