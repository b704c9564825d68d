"""Write ``sample_layers/toli_well_register.xlsx``: the sample well layer as a county would keep it — SCHEMATIC data.

Every well of ``toli_sample.gpkg|wells`` is one row of a 机井登记表 with Chinese headers, Chinese words for use,
status and aquifer, X = northing as survey tables write it, and the kinds of mess real registers have, in some rows
on purpose (each of them readable one way only): full-width digits, the zone prefix 28 before the easting, X and Y the
other way round, longitude/latitude in decimal degrees or 度分秒 instead of metres, a unit after a number, spaces
between digit groups, a decimal comma, an English code. After the wells come rows that are broken on purpose and
must be refused (``BROKEN_ROWS`` says why each one), a blank row and a totals row. A notes sheet comes first.

``tuoli_gw:import_well_register`` turns the file back into the sample wells (ids, coordinates within 0.01 m, uses)
and refuses exactly the broken rows (tests/registers/test_sample_register.py). Run from the repository root::

    .venv/bin/python scripts/sample_data/make_sample_register.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pyogrio
from pyproj import Transformer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from xlsx_writer import write_xlsx  # noqa: E402 - the sibling module, scripts/ is not a package

REPO_ROOT = Path(__file__).resolve().parents[2]
GPKG_PATH = REPO_ROOT / "sample_layers" / "toli_sample.gpkg"
REGISTER_PATH = REPO_ROOT / "sample_layers" / "toli_well_register.xlsx"
SHEET = "机井登记表"

HEADER = (
    "序号", "机井编号", "井主", "取水用途", "是否自备井", "取水许可证号", "许可水量（m³）", "年取水量（m³）", "是否安装计量设施",
    "电表户号", "年用电量（kWh）", "折算系数", "状态", "停用日期", "注销日期", "井深（m）", "许可井深（m）", "所属乡镇", "含水层",
    "X坐标", "Y坐标", "经度", "纬度",
)
USE_ZH = {"irrigation": "农灌", "domestic": "生活", "industrial": "工业", "public_supply": "公共供水"}
STATUS_ZH = {"active": "在用", "stopped": "停用", "deregistered": "已注销"}
AQUIFER_ZH = {"shallow": "浅层", "deep": "深层"}
FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")

# Every 50 rows, the same pattern of readable mess (row offset -> what is done to it).
MESS = {
    3: "full_width", 8: "zone_prefix", 13: "swapped", 18: "decimal_degrees", 23: "dms", 28: "unit_m", 33: "spaces",
    38: "decimal_comma", 43: "volume_text", 47: "english_codes",
}
DUPLICATED_WELL = 100  # the row of this well index is repeated, unchanged, after the wells (imported once)

# Rows that must be refused, each with its reason (the rejects table must list every one).
BROKEN_ROWS = (
    ("TL-900001", "coordinates 待定 (to be surveyed)"),
    ("TL-900002", "northing mistyped as 5 909 411.2: outside the county whichever way it is read"),
    ("TL-900003", "easting '470,474': thousands or decimals?"),
    ("", "no well id"),
    ("TL-900005", "one well id on two rows with different coordinates (first row)"),
    ("TL-900005", "one well id on two rows with different coordinates (second row)"),
    (None, "the unchanged repeat of the row of well TL-000101 (imported once)"),
    ("TL-900007", "permitted volume 约3000 is not a number"),
    ("TL-900008", "longitude 83°75′10″: 75 minutes"),
    ("TL-900009", "permitted volume -500"),
    ("TL-900010", "only the X coordinate"),
    ("TL-900011", "stop date 2024-02-30"),
    ("TL-900013", "self-supplied '也许'"),
    ("合计", "the totals row: no coordinates"),
)


def _text(value: float) -> str:
    return repr(float(value))


def _dms(angle: float) -> str:
    """度分秒 with seconds to 1e-5″ (0.3 mm), counted in whole units so that 59.999996″ never prints as 60″."""
    units = round(angle * 3600 * 100_000)
    degrees, rest = divmod(units, 3600 * 100_000)
    minutes, seconds = divmod(rest, 60 * 100_000)
    return f"{degrees}°{minutes:02d}′{seconds // 100_000:02d}.{seconds % 100_000:05d}″"


def _grouped(value: float) -> str:
    """'5 090 259.67': digit groups of the integer part set apart by spaces."""
    whole, _, decimals = _text(value).partition(".")
    return f"{int(whole):,}".replace(",", " ") + (f".{decimals}" if decimals else "")


def _flag(value) -> str | None:
    return None if value is None else ("是" if bool(value) else "否")


def _date(value) -> str | None:
    return None if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)[:10]


def _number(value):
    return None if value is None or (isinstance(value, float) and np.isnan(value)) else float(value)


def well_row(index: int, well, x: float, y: float, lon: float, lat: float) -> list:
    """One well as a register row, with the mess its row offset calls for."""
    mess = MESS.get(index % 50)
    english = mess == "english_codes"
    row = [
        index + 1, well["well_id"], well["owner"], well["use"] if english else USE_ZH.get(well["use"], well["use"]),
        _flag(well["self_supplied"]), well["permit_no"], _number(well["permit_m3"]), _number(well["metered_m3"]),
        _flag(well["has_meter"]), well["power_account"], _number(well["kwh"]), _number(well["m3_per_kwh"]),
        well["status"] if english else STATUS_ZH[well["status"]], _date(well["stopped_on"]), _date(well["deregistered_on"]),
        _number(well["depth_m"]), _number(well["permitted_depth_m"]), well["township"],
        well["aquifer"] if english else AQUIFER_ZH[well["aquifer"]], y, x, None, None,
    ]
    northing, easting = HEADER.index("X坐标"), HEADER.index("Y坐标")
    if mess == "full_width":
        row[northing], row[easting] = _text(y).translate(FULL_WIDTH), _text(x).translate(FULL_WIDTH)
    elif mess == "zone_prefix":
        row[easting] = 28_000_000.0 + x
    elif mess == "swapped":
        row[northing], row[easting] = x, y
    elif mess in ("decimal_degrees", "dms"):
        row[northing] = row[easting] = None
        row[-2], row[-1] = (f"{lon:.9f}", f"{lat:.9f}") if mess == "decimal_degrees" else (_dms(lon), _dms(lat))
    elif mess == "unit_m":
        row[northing], row[easting] = f"{_text(y)}m", f"{_text(x)} 米"
    elif mess == "spaces":
        row[northing] = _grouped(y)
    elif mess == "decimal_comma":
        row[easting] = _text(x).replace(".", ",")
    elif mess == "volume_text" and row[6] is not None:
        row[6] = f"{row[6]:,.0f} m³" if row[6] == int(row[6]) else f"{row[6]} 立方米"
        row[7] = None if row[7] is None else _text(row[7]).translate(FULL_WIDTH)
    return row


def broken_rows(first_serial: int, duplicated: list) -> list[list]:
    """The rows BROKEN_ROWS describes, in that order (a totals row last)."""
    base = [None] * len(HEADER)

    def row(well_id, **cells) -> list:
        out = list(base)
        out[0], out[1] = None, well_id
        out[HEADER.index("取水用途")], out[HEADER.index("状态")] = "农灌", "在用"
        out[HEADER.index("X坐标")], out[HEADER.index("Y坐标")] = 5_090_411.2, 471_230.55
        for header, value in cells.items():
            out[HEADER.index(header)] = value
        return out

    rows = [
        row("TL-900001", X坐标="待定", Y坐标="待定"),
        row("TL-900002", X坐标=5_909_411.2),
        row("TL-900003", Y坐标="470,474"),
        row(None),
        row("TL-900005"),
        row("TL-900005", X坐标=5_091_411.2),
        list(duplicated),
        row("TL-900007", **{"许可水量（m³）": "约3000"}),
        row("TL-900008", X坐标=None, Y坐标=None, 经度="83°75′10″", 纬度="45°56′01″"),
        row("TL-900009", **{"许可水量（m³）": -500.0}),
        row("TL-900010", Y坐标=None),
        row("TL-900011", 状态="停用", 停用日期="2024-02-30"),
        row("TL-900013", 是否自备井="也许"),
    ]
    for offset, out in enumerate(rows):
        out[0] = first_serial + offset
    return rows


def totals_row(wells) -> list:
    out = [None] * len(HEADER)
    out[0] = "合计"
    out[HEADER.index("许可水量（m³）")] = float(np.nansum(wells["permit_m3"].to_numpy(float)))
    out[HEADER.index("年取水量（m³）")] = float(np.nansum(wells["metered_m3"].to_numpy(float)))
    return out


def main() -> None:
    wells = pyogrio.read_dataframe(GPKG_PATH, layer="wells")
    wells = wells.astype(object).where(wells.notna(), None)
    xy = np.column_stack([wells.geometry.x.astype(float), wells.geometry.y.astype(float)])
    lon, lat = Transformer.from_crs("EPSG:4537", "EPSG:4490", always_xy=True).transform(xy[:, 0], xy[:, 1])
    rows = [well_row(i, wells.iloc[i], xy[i, 0], xy[i, 1], lon[i], lat[i]) for i in range(len(wells))]
    duplicated = list(rows[DUPLICATED_WELL])
    rows += broken_rows(len(rows) + 1, duplicated) + [[], totals_row(wells)]
    notes = [
        ["托里县机井登记表（示意数据，非官方数据）"],
        ["Schematic sample for Toli County, not official data: made by scripts/sample_data/make_sample_register.py."],
        ["坐标：X坐标为北坐标、Y坐标为东坐标（CGCS2000 3度带 中央经线84°E）；个别行故意写成各种格式，另有故意出错的行。"],
    ]
    title = ["托里县机井登记表（示意数据，非官方数据）"]
    write_xlsx(REGISTER_PATH, {"说明": notes, SHEET: [title, list(HEADER), *rows]})
    print(f"wrote {REGISTER_PATH.relative_to(REPO_ROOT)}: {len(wells)} wells, {len(BROKEN_ROWS)} rows to refuse")


if __name__ == "__main__":
    main()
