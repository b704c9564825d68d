"""Read a register file as it is kept — every row, every cell as text — before anything is interpreted.

Spreadsheets (XLSX, ODS, XLS) are read with GDAL's own drivers, cells as text and no header guessed (the register's
header may sit below a title row), so each row keeps its spreadsheet row number; CSV and DBF are decoded here, from
their bytes, so an encoding is never assumed: UTF-8 when the bytes are UTF-8, else GB18030 (which reads GBK), and
the table says which. An encoding the user names is checked, not trusted: bytes it cannot decode are an error
naming the rows.
"""

from __future__ import annotations

import csv
import io
import struct
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import EngineInputError
from ..core.messages import register, text

register(
    {
        "registers.no_file": ("the file does not exist", "文件不存在"),
        "registers.unknown_format": (
            "files of type '{suffix}' are not read; save the register as XLSX, CSV or DBF",
            "不支持“{suffix}”类型的文件；请将登记表另存为 XLSX、CSV 或 DBF",
        ),
        "registers.unreadable": ("GDAL cannot open it as a spreadsheet: {error}", "GDAL 无法将其作为电子表格打开：{error}"),
        "registers.no_sheet": (
            "the spreadsheet has no sheet '{sheet}'; its sheets are: {sheets}",
            "电子表格中没有工作表“{sheet}”；现有工作表：{sheets}",
        ),
        "registers.not_encoding": (
            "the bytes of row(s) {rows} are not {encoding}; {hint}",
            "第 {rows} 行的字节不是 {encoding} 编码；{hint}",
        ),
        "registers.encoding_hint_other": ("they read cleanly as {other}: choose that encoding", "按 {other} 可正确读取：请选择该编码"),
        "registers.encoding_hint_none": (
            "nor UTF-8 or GB18030: save the file again as UTF-8 (Excel: CSV UTF-8)",
            "也不是 UTF-8 或 GB18030：请重新保存为 UTF-8（Excel：CSV UTF-8）",
        ),
        "registers.bad_dbf": ("not a dBASE table: {error}", "不是 dBASE 表：{error}"),
    }
)

SPREADSHEETS = {".xlsx": "XLSX", ".xlsm": "XLSX", ".ods": "ODS", ".xls": "XLS"}
TEXT_TABLES = {".csv", ".txt", ".tsv"}
TRIED_ENCODINGS = ("utf-8", "gb18030")


@dataclass
class RawTable:
    """A register's rows as text: ``rows[i]`` is spreadsheet/file row ``numbers[i]`` (1-based, the header included)."""

    name: str
    rows: list[list[str | None]]
    numbers: list[int]
    encoding: str | None = None  # the encoding the bytes were read with (CSV, DBF); None for spreadsheets
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)


def read_register(path: str | Path, *, sheet: str | None = None, encoding: str | None = None) -> list[RawTable]:
    """Every sheet of ``path`` (one for CSV and DBF), or only ``sheet``. EngineInputError when unreadable."""
    path = Path(path)
    if not path.is_file():
        raise EngineInputError(text("registers.no_file"), layer=str(path))
    suffix = path.suffix.lower()
    if suffix in SPREADSHEETS:
        return _spreadsheet(path, SPREADSHEETS[suffix], sheet)
    if suffix in TEXT_TABLES:
        return [_text_table(path, encoding)]
    if suffix == ".dbf":
        return [_dbf(path, encoding)]
    raise EngineInputError(text("registers.unknown_format", suffix=suffix or path.name), layer=path.name)


def decode(data: bytes, name: str, encoding: str | None, lines: list[bytes] | None = None) -> tuple[str, str]:
    """(text, encoding used): ``encoding`` when given (checked), else UTF-8, else GB18030 — each strictly."""
    if data.startswith(b"\xef\xbb\xbf"):
        data, encoding = data[3:], encoding or "utf-8"
    candidates = (encoding,) if encoding else TRIED_ENCODINGS
    for candidate in candidates:
        try:
            return data.decode(candidate), candidate
        except (UnicodeDecodeError, LookupError):
            continue
    chosen = candidates[0]
    bad = [str(n) for n, line in enumerate(lines or data.splitlines(), start=1) if not _decodes(line, chosen)]
    others = [c for c in TRIED_ENCODINGS if c != chosen and _decodes(data, c)]
    hint = text("registers.encoding_hint_other", other=others[0].upper()) if others else text("registers.encoding_hint_none")
    raise EngineInputError(
        text("registers.not_encoding", rows=", ".join(bad[:10]) + (" …" if len(bad) > 10 else ""), encoding=chosen.upper(), hint=hint),
        layer=name,
    )


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _text_table(path: Path, encoding: str | None) -> RawTable:
    data = path.read_bytes()
    decoded, used = decode(data, path.name, encoding)
    first_line = decoded.split("\n", 1)[0]
    delimiter = max((",", "\t", ";", "|"), key=first_line.count)
    rows = [[cell if cell.strip() else None for cell in row] for row in csv.reader(io.StringIO(decoded, newline=""), delimiter=delimiter)]
    # Row n is the n-th record, as a spreadsheet program shows the file (a quoted cell may span lines).
    return RawTable(path.name, rows, list(range(1, len(rows) + 1)), encoding=used)


def _spreadsheet(path: Path, driver: str, sheet: str | None) -> list[RawTable]:
    from osgeo import gdal

    # Every cell as the text stored (no number guessed from it, nothing rounded) and no header guessed: the
    # register's header may sit under a title row. Thread-local, so another layer read meanwhile is unaffected.
    prefix = "OGR_XLSX" if driver == "XLSX" else f"OGR_{driver}"
    options = {f"{prefix}_HEADERS": "DISABLE", f"{prefix}_FIELD_TYPES": "STRING"}
    previous = {key: gdal.GetThreadLocalConfigOption(key, None) for key in options}
    try:
        for key, value in options.items():
            gdal.SetThreadLocalConfigOption(key, value)
        try:
            dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_READONLY, allowed_drivers=[driver])
        except RuntimeError as error:
            raise EngineInputError(text("registers.unreadable", error=str(error).strip()), layer=path.name) from None
        if dataset is None:
            raise EngineInputError(text("registers.unreadable", error=gdal.GetLastErrorMsg() or "?"), layer=path.name)
        names = [dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())]
        if sheet is not None and sheet not in names:
            raise EngineInputError(text("registers.no_sheet", sheet=sheet, sheets=", ".join(names)), layer=path.name)
        tables = []
        for name in [sheet] if sheet is not None else names:
            layer = dataset.GetLayerByName(name)
            count = layer.GetLayerDefn().GetFieldCount()
            rows, numbers = [], []
            for feature in layer:
                rows.append([feature.GetFieldAsString(i) if feature.IsFieldSetAndNotNull(i) else None for i in range(count)])
                numbers.append(int(feature.GetFID()))  # GDAL numbers features by spreadsheet row when no header is used
            tables.append(RawTable(path.name, rows, numbers, sheet=name, sheets=names))
        return tables
    finally:
        for key, value in previous.items():
            gdal.SetThreadLocalConfigOption(key, value)


def _dbf(path: Path, encoding: str | None) -> RawTable:
    """A dBASE table decoded here: GDAL would decode it from the .cpg (or as Latin-1 without one) and hide which
    bytes were wrong. The .cpg is the encoding claimed; it is checked like a user's choice."""
    data = path.read_bytes()
    cpg = path.with_suffix(".cpg") if path.with_suffix(".cpg").is_file() else path.with_suffix(".CPG")
    claimed = encoding or (cpg.read_text("ascii", "replace").strip() if cpg.is_file() else None)
    if claimed and claimed.upper().replace("-", "") in ("UTF8", "65001"):
        claimed = "utf-8"
    try:
        records, header_length, record_length = struct.unpack("<xxxxIHH", data[:12])
        fields = []
        for offset in range(32, header_length - 1, 32):
            descriptor = data[offset:offset + 32]
            if descriptor[0] == 0x0D:
                break
            fields.append(descriptor[16])
        raw_names = [data[o:o + 11].split(b"\x00")[0] for o in range(32, 32 + 32 * len(fields), 32)]
    except struct.error as error:
        raise EngineInputError(text("registers.bad_dbf", error=str(error)), layer=path.name) from None
    raw_rows: list[list[bytes]] = [raw_names]
    numbers = [1]  # the field names, then record n as row n + 1 (as a spreadsheet shows the table)
    for index in range(records):
        start = header_length + index * record_length
        record = data[start:start + record_length]
        if not record or record[:1] == b"*":  # deleted records are not part of the table
            continue
        cells, position = [], 1
        for width in fields:
            cells.append(record[position:position + width].strip(b" \x00"))
            position += width
        raw_rows.append(cells)
        numbers.append(index + 2)
    lines = [b"\x1f".join(row) for row in raw_rows]
    _, used = decode(b"\n".join(lines), path.name, claimed, lines)
    rows = [[cell.decode(used) or None for cell in row] for row in raw_rows]
    return RawTable(path.name, rows, numbers, encoding=used)
