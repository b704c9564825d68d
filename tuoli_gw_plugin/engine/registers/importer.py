"""A county well register, as kept, to checked wells with the plugin's field names — or rows refused with why.

The register's header row is found by its words (井号/机井编号, 取水用途, X/Y, 经度/纬度 …, see ``vocabulary``), below
any title rows. Each data row is read cell by cell (``cells``, ``coordinates``): a row is imported when every cell
it fills reads unambiguously, with what was cleaned listed in ``import_fixes``; otherwise it goes to the rejects
table with every reason. One well, one row: a well id on several rows is imported once when the rows say the same,
and refused on all of them when they differ. Nothing is dropped without a line saying so.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely

from ..core.county import WORKING_EPSG
from ..core.errors import EngineInputError
from ..core.messages import register, text
from ..core.registry_columns import parse_flag
from ..core.values import parse_date
from . import vocabulary
from .cells import CellError, cell_text, fold, read_number
from .coordinates import Frame, Position, locate, to_working_crs
from .reading import RawTable, read_register
from .vocabulary import FIELDS, HEADER_UNITS, VALUE_INDEX, header_role, normal_text

register(
    {
        "registers.no_header": (
            "no header row with a well id column (井号, 机井编号, well_id …) and coordinate columns (X/Y, 经度/纬度, "
            "东坐标/北坐标 …) in the first {n} rows of {sheets}",
            "{sheets} 的前 {n} 行中没有同时含井号列（井号、机井编号……）和坐标列（X/Y、经度/纬度、东坐标/北坐标……）的表头行",
        ),
        "registers.header_hint": (
            "name the columns as the documentation lists, or choose the sheet",
            "请按说明文档列出的名称命名各列，或选择正确的工作表",
        ),
        "registers.two_columns": (
            "columns {first} and {second} both read as {field}: keep one of them",
            "“{first}”与“{second}”两列都对应 {field}：请只保留一列",
        ),
        "registers.unknown_unit": (
            "column {column}: unit '{unit}' is not one this field is kept in",
            "“{column}”列：单位“{unit}”不适用于该字段",
        ),
        "registers.no_id": ("no well id", "没有井号"),
        "registers.negative": ("{value!r} is negative", "“{value}”为负数"),
        "registers.same_as": (
            "the same well as row {row} (identical row): imported once", "与第 {row} 行为同一眼井（内容相同）：只导入一次"
        ),
        "registers.conflicting_id": (
            "well id {well_id} is also on row(s) {rows} with different values: one well, one row — correct the register",
            "井号 {well_id} 还出现在第 {rows} 行且内容不同：一井一行——请更正登记表",
        ),
        "registers.header_unit": ("{column}: values × {factor:,g} (unit {unit})", "{column}：数值乘以 {factor:,g}（单位 {unit}）"),
        "registers.join": ("; ", "；"),
        "registers.kept_word": (
            "{column}: {n} row(s) keep a value the vocabulary does not know, as written: {values}",
            "{column}：{n} 行的取值不在词表中，按原样保留：{values}",
        ),
        "registers.kept_columns": ("columns kept as text: {columns}", "按文本保留的列：{columns}"),
        "registers.summary": (
            "{name}{sheet}: header on row {header}; {rows_in} row(s) in, {imported} imported ({fixed} with a fix), "
            "{refused} refused",
            "{name}{sheet}：表头在第 {header} 行；共 {rows_in} 行，导入 {imported} 行（其中 {fixed} 行经过清理），拒收 {refused} 行",
        ),
        "registers.sheet": (", sheet '{sheet}'", "，工作表“{sheet}”"),
        "registers.encoding": ("text read as {encoding}", "文本按 {encoding} 读取"),
        "registers.crs_metres": (
            "{n} row(s) in metres, read in {crs} ({code}){details}",
            "{n} 行为米制坐标，按 {crs}（{code}）读取{details}",
        ),
        "registers.crs_degrees": (
            "{n} row(s) in degrees, read in {crs} ({code}){details}",
            "{n} 行为经纬度，按 {crs}（{code}）读取{details}",
        ),
        "registers.order": (
            "; {northing} holds the northing in {n} row(s) (decided from the county's extent)",
            "；{n} 行的北坐标在“{northing}”列（依县域范围判定）",
        ),
        "registers.prefixed": ("; {n} with the zone prefix removed", "；其中 {n} 行去掉了带号"),
        "registers.dms": ("; {n} in 度分秒", "；其中 {n} 行为度分秒"),
        "registers.output_crs": ("wells written in {crs} ({code})", "井位按 {crs}（{code}）输出"),
    }
)

HEADER_SEARCH_ROWS = 30
COORDINATE_ROLES = ("lon", "lat", "easting", "northing", "x", "y")


@dataclass
class RegisterImport:
    """The wells imported (EPSG:4537, plugin field names, plus register_row and import_fixes), the rows refused
    (register_row, well_id, reason) and the report lines."""

    wells: gpd.GeoDataFrame
    rejects: pd.DataFrame
    rows_in: int
    fixed: int
    crs_decided: str
    report: list[str] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return len(self.wells)

    @property
    def refused(self) -> int:
        return len(self.rejects)


@dataclass
class _Columns:
    """Which column of the register feeds which plugin field or coordinate role."""

    header_row: int
    fields: dict[str, tuple[int, str, float]]  # plugin field -> (column, header, unit factor)
    coordinates: dict[str, tuple[int, str]]  # role -> (column, header)
    kept: dict[str, int]  # unrecognised header -> column
    units: dict[str, str] = field(default_factory=dict)  # header -> unit converted (a factor other than 1)


def import_register(path: str | Path, *, sheet: str | None = None, encoding: str | None = None,
                    metres_crs: str | None = None, degrees_crs: str | None = None,
                    status_words: dict[str, list[str]] | None = None) -> RegisterImport:
    """Read ``path`` (XLSX, ODS, XLS, CSV, DBF) and import its wells; EngineInputError when it has no register.

    ``status_words`` (code -> spellings) adds a county's own status words, e.g. the rules file's
    ``screening.closure_list.inactive_status``, to the vocabulary's."""
    vocabulary.add_status_words(status_words or {})
    tables = read_register(path, sheet=sheet, encoding=encoding)
    table, columns = _find_header(tables)
    frame = Frame.of(metres_crs, degrees_crs)
    rows = [(n, row) for n, row in zip(table.numbers, table.rows) if n > columns.header_row and any(cell_text(c) for c in row)]
    parsed: list[tuple[int, dict[str, Any], Position | None, list[str]]] = []
    rejects: list[dict[str, Any]] = []
    unknown_words: dict[str, Counter] = {}
    for number, row in rows:
        values, position, fixes, problems = _read_row(row, columns, frame, unknown_words)
        if problems:
            rejects.append({"register_row": number, "well_id": values.get("well_id"), "reason": text("registers.join").join(problems)})
        else:
            parsed.append((number, values, position, fixes))
    parsed, duplicates = _one_row_per_well(parsed)
    rejects.extend(duplicates)
    _note_swapped_rows([position for _, _, position, _ in parsed], [fixes for *_, fixes in parsed])
    wells = _wells_frame(parsed, columns, frame)
    rejects_frame = pd.DataFrame(sorted(rejects, key=lambda r: r["register_row"]), columns=["register_row", "well_id", "reason"])
    crs_decided = _crs_report([p for _, _, p, _ in parsed], frame)
    result = RegisterImport(wells, rejects_frame, len(rows), sum(1 for *_, fixes in parsed if fixes), crs_decided)
    result.report = _report(table, columns, result, unknown_words)
    return result


def _find_header(tables: list[RawTable]) -> tuple[RawTable, _Columns]:
    for table in tables:
        for number, row in list(zip(table.numbers, table.rows))[:HEADER_SEARCH_ROWS]:
            roles = [header_role(cell) if cell_text(cell) else (None, None) for cell in row]
            found = {role for role, _ in roles if role}
            has_pair = any(a in found and b in found for a, b in (("lon", "lat"), ("easting", "northing"), ("x", "y")))
            if "well_id" in found and has_pair:
                return table, _columns(table, number, row, roles)
    sheets = ", ".join(f"'{t.sheet}'" for t in tables if t.sheet) or (tables[0].name if tables else "")
    raise EngineInputError(
        text("registers.no_header", n=HEADER_SEARCH_ROWS, sheets=sheets), layer=tables[0].name if tables else None,
        hint=text("registers.header_hint"),
    )


def _columns(table: RawTable, number: int, row: list[str | None], roles: list[tuple[str | None, str | None]]) -> _Columns:
    fields: dict[str, tuple[int, str, float]] = {}
    coordinates: dict[str, tuple[int, str]] = {}
    kept: dict[str, int] = {}
    for column, (cell, (role, unit)) in enumerate(zip(row, roles)):
        header = (cell or "").strip()
        if role is None:
            if header:
                kept[header] = column
            continue
        taken = coordinates.get(role) or fields.get(role)
        if taken is not None:
            raise EngineInputError(
                text("registers.two_columns", first=taken[1], second=header, field=role), layer=table.name,
                hint=text("registers.header_hint"),
            )
        if role in COORDINATE_ROLES:
            coordinates[role] = (column, header)
            continue
        factor = 1.0
        if unit is not None and FIELDS[role][0] == "number":
            factor = HEADER_UNITS.get(unit.replace(" ", ""), 0.0)
            if not factor:
                raise EngineInputError(text("registers.unknown_unit", column=header, unit=unit), layer=table.name)
        fields[role] = (column, header, factor)
    columns = _Columns(number, fields, coordinates, kept)
    columns.units = {fields[r][1]: unit for r, (_, _, f) in fields.items() if f != 1.0 for unit in [header_role(fields[r][1])[1]]}
    return columns


def _cell(row: list[str | None], column: int) -> str | None:
    return row[column] if column < len(row) else None


def _read_row(row, columns: _Columns, frame: Frame, unknown_words: dict[str, Counter]):
    """(values, position, fixes, problems) of one data row."""
    values: dict[str, Any] = {}
    fixes: list[str] = []
    problems: list[str] = []
    for name, (column, header, factor) in columns.fields.items():
        cell = cell_text(_cell(row, column))
        if cell is None:
            values[name] = None
            continue
        try:
            values[name], cell_fixes = _read_value(name, cell, header, factor, unknown_words)
        except (CellError, ValueError) as error:
            problems.append(text("registers.cell", column=header, reason=str(error)))
            values[name] = cell if name == "well_id" else None
            continue
        fixes += [text("registers.cell", column=header, reason=f) for f in cell_fixes]
    for header, column in columns.kept.items():
        values[header] = cell_text(_cell(row, column))
    if not values.get("well_id"):
        problems.insert(0, text("registers.no_id"))
    position = None
    try:
        position = locate({role: (header, _cell(row, column)) for role, (column, header) in columns.coordinates.items()}, frame)
        if position is None:
            problems.append(text("registers.no_coordinates"))
        else:
            fixes += position.fixes
    except CellError as error:
        problems.append(str(error))
    return values, position, fixes, problems


def _read_value(name: str, cell: str, header: str, factor: float, unknown_words: dict[str, Counter]) -> tuple[Any, list[str]]:
    kind = FIELDS[name][0]
    if kind == "number":
        number, fixes = read_number(cell)
        if number < 0:
            raise CellError(text("registers.negative", value=cell))
        return number * factor, fixes
    if kind == "flag":
        return parse_flag(cell), []
    if kind == "date":
        try:
            return parse_date(cell), []
        except ValueError:  # 2024-02-30 reaches datetime's own English message
            raise CellError(text("values.unreadable_date", value=cell)) from None
    folded, fixes = fold(cell)
    if kind in VALUE_INDEX:
        code = VALUE_INDEX[kind].get(normal_text(folded).replace(" ", ""))
        if code is None:
            unknown_words.setdefault(header, Counter())[folded] += 1
            return folded, []
        return code, []  # a register's word for a code is its vocabulary, not a fix
    return folded, fixes if kind == "key" else []


def _one_row_per_well(parsed):
    """Rows with one well id: identical rows imported once, differing rows refused all."""
    by_id: dict[str, list[int]] = {}
    for index, (_, values, _, _) in enumerate(parsed):
        by_id.setdefault(values["well_id"], []).append(index)
    keep, rejects = [], []
    for indices in by_id.values():
        first = parsed[indices[0]]
        same = all(_same_row(parsed[i], first) for i in indices[1:])
        if same:
            keep.append(indices[0])
            rejects += [{"register_row": parsed[i][0], "well_id": parsed[i][1]["well_id"],
                         "reason": text("registers.same_as", row=first[0])} for i in indices[1:]]
            continue
        for i in indices:
            others = ", ".join(str(parsed[j][0]) for j in indices if j != i)
            rejects.append({"register_row": parsed[i][0], "well_id": parsed[i][1]["well_id"],
                            "reason": text("registers.conflicting_id", well_id=parsed[i][1]["well_id"], rows=others)})
    return [parsed[i] for i in sorted(keep)], rejects


def _same_row(a, b) -> bool:
    """The same well: every plugin field and the position alike (a serial number column may differ)."""
    (_, values_a, position_a, _), (_, values_b, position_b, _) = a, b
    same_values = all(values_a.get(name) == values_b.get(name) for name in FIELDS)
    return same_values and abs(position_a.x - position_b.x) < 1e-9 and abs(position_a.y - position_b.y) < 1e-9


def _note_swapped_rows(positions: list[Position], fixes: list[list[str]]) -> None:
    """A row whose coordinates stand in the other order than the register's own is a fix, named in the row.

    The register's order is the one its headers state (东坐标/北坐标, 经度/纬度), else — X/Y, which Chinese survey
    tables use for northing/easting — the order most of its rows are in."""
    majority: dict[tuple[str, str], bool] = {}
    for columns in {p.columns for p in positions}:
        orders = Counter(p.easting_first for p in positions if p.columns == columns)
        majority[columns] = orders[True] >= orders[False]
    for position, row_fixes in zip(positions, fixes):
        declared = _declared_order(position)
        expected = majority[position.columns] if declared is None else declared
        if position.easting_first != expected:
            row_fixes.append(text("registers.fix_swapped", first=position.columns[0], second=position.columns[1]))


def _declared_order(position: Position) -> bool | None:
    """True when the headers say the first column is the easting or longitude; None for X/Y."""
    role, _ = header_role(position.columns[0])
    return None if role in ("x", "y") else True


def _wells_frame(parsed, columns: _Columns, frame: Frame) -> gpd.GeoDataFrame:
    names = [name for name in FIELDS if name in columns.fields] + list(columns.kept)
    data: dict[str, list] = {name: [values.get(name) for _, values, _, _ in parsed] for name in names}
    for name in names:
        if name in FIELDS and FIELDS[name][0] == "number":
            data[name] = pd.array(data[name], dtype="Float64").astype(float).tolist() if data[name] else []
    data["register_row"] = [number for number, *_ in parsed]
    data["import_fixes"] = [text("registers.join").join(fixes) or None for *_, fixes in parsed]
    xy = to_working_crs([position for _, _, position, _ in parsed], frame)
    geometry = shapely.points(xy) if len(parsed) else []
    return gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(geometry, crs=f"EPSG:{WORKING_EPSG}"), crs=f"EPSG:{WORKING_EPSG}")


def _crs_report(positions: list[Position], frame: Frame) -> str:
    parts = []
    for kind, crs in (("metres", frame.metres), ("degrees", frame.degrees)):
        rows = [p for p in positions if p.kind == kind]
        if not rows:
            continue
        details = ""
        northing_column = Counter(p.columns[1] if p.easting_first else p.columns[0] for p in rows)
        for northing, n in northing_column.most_common():
            details += text("registers.order", northing=northing, n=n) if kind == "metres" else ""
        prefixed = sum(p.prefixed for p in rows)
        details += text("registers.prefixed", n=prefixed) if prefixed else ""
        dms = sum(p.dms for p in rows)
        details += text("registers.dms", n=dms) if dms else ""
        code = crs.to_string()
        parts.append(text(f"registers.crs_{kind}", n=len(rows), crs=crs.name, code=code, details=details))
    return text("registers.join").join(parts)


def _report(table: RawTable, columns: _Columns, result: RegisterImport, unknown_words: dict[str, Counter]) -> list[str]:
    sheet = text("registers.sheet", sheet=table.sheet) if table.sheet else ""
    lines = [
        text("registers.summary", name=table.name, sheet=sheet, header=columns.header_row, rows_in=result.rows_in,
             imported=result.imported, fixed=result.fixed, refused=result.refused),
    ]
    if table.encoding:
        lines.append(text("registers.encoding", encoding=table.encoding.upper()))
    if result.crs_decided:
        lines.append(result.crs_decided)
    for header, counter in unknown_words.items():
        shown = ", ".join(f"{value} ({n})" for value, n in counter.most_common(5))
        lines.append(text("registers.kept_word", column=header, n=sum(counter.values()), values=shown))
    for header, unit in columns.units.items():
        factor = next(f for _, h, f in columns.fields.values() if h == header)
        lines.append(text("registers.header_unit", column=header, factor=factor, unit=unit))
    if columns.kept:
        lines.append(text("registers.kept_columns", columns=", ".join(columns.kept)))
    return lines
