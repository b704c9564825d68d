"""Hand-built registers for the tests: XLSX through the sample data's own writer, CSV and DBF from bytes."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _load(name: str, relative: str):
    spec = importlib.util.spec_from_file_location(name, REPO / relative)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


xlsx_writer = _load("xlsx_writer", "scripts/sample_data/xlsx_writer.py")
write_xlsx = xlsx_writer.write_xlsx


def write_csv(path: Path, rows: list[list[object]], encoding: str = "utf-8") -> Path:
    text = "\n".join(",".join("" if c is None else (f'"{c}"' if "," in str(c) else str(c)) for c in row) for row in rows)
    path.write_bytes((text + "\n").encode(encoding))
    return path


def write_dbf(path: Path, rows: list[list[str]], encoding: str, cpg: str | None = None) -> Path:
    """A dBASE III table of character fields: rows[0] the field names, then the records, encoded in ``encoding``."""
    names, records = rows[0], rows[1:]
    encoded = [[str(v).encode(encoding) for v in record] for record in records]
    widths = [max([len(n.encode("ascii"))] + [len(r[i]) for r in encoded] + [1]) for i, n in enumerate(names)]
    header_length = 32 + 32 * len(names) + 1
    record_length = 1 + sum(widths)
    out = bytearray(struct.pack("<BBBBIHH20x", 3, 125, 1, 1, len(records), header_length, record_length))
    for name, width in zip(names, widths):
        out += struct.pack("<11sc4xBB14x", name.encode("ascii"), b"C", width, 0)
    out += b"\r"
    for record in encoded:
        out += b" " + b"".join(cell.ljust(width, b" ") for cell, width in zip(record, widths))
    out += b"\x1a"
    path.write_bytes(bytes(out))
    if cpg is not None:
        path.with_suffix(".cpg").write_text(cpg)
    return path
