"""No row lost between the file and the verdict: rows a reader dropped are named, with the values it could not read.

QGIS's delimited-text reader leaves out a row whose coordinates it cannot read as numbers (５６５０３５．８１, 待定,
a decimal comma, 5 090 411.2, 446162.93m) and says nothing; the wells simply are not there. Where the source can say
how many rows it has, a shortfall stops the run listing each row left out.
"""

from __future__ import annotations

from .errors import EngineInputError
from .messages import register, text

register(
    {
        "row_counts.lost": (
            "the file has {total} data row(s) but only {read} were read: {rows}",
            "文件有 {total} 行数据，但只读入 {read} 行：{rows}",
        ),
        "row_counts.row": ("line {line} ({values})", "第 {line} 行（{values}）"),
        "row_counts.hint": (
            "correct those cells (plain numbers: no full-width digits, units, spaces or decimal commas), or import the "
            "register with Import well register (tuoli_gw:import_well_register), which cleans them where the reading "
            "is unambiguous",
            "请更正这些单元格（写普通数字：不用全角数字、单位、空格或小数逗号），或用“导入机井登记表”"
            "（tuoli_gw:import_well_register）导入，读法唯一时会自动清理",
        ),
    }
)


def refuse_lost_rows(layer: str, total: int, read: int, lost: list[tuple[int, dict[str, str | None]]], limit: int = 10) -> None:
    """EngineInputError listing the rows (line number and the values of the fields that failed) a reader left out."""
    shown = [
        text("row_counts.row", line=line, values=", ".join(f"{name}={value!r}" for name, value in values.items()))
        for line, values in lost[:limit]
    ]
    rows = ", ".join(shown) + (text("values.more", n=len(lost) - limit) if len(lost) > limit else "")
    raise EngineInputError(text("row_counts.lost", total=total, read=read, rows=rows), layer=layer, hint=text("row_counts.hint"))
