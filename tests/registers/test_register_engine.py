"""The register importer on hand-built registers: every row imported or refused with why, nothing guessed.

Expected positions are worked out by hand from the numbers written (EPSG:4537 metres as written; degrees through
pyproj, an independent transformation of the same point).
"""

from __future__ import annotations

import pandas as pd
import pytest
from pyproj import Transformer

from tests.registers.helpers import write_csv, write_dbf, write_xlsx
from tuoli_gw_plugin.engine.core.errors import EngineInputError
from tuoli_gw_plugin.engine.core.messages import speaking
from tuoli_gw_plugin.engine.registers.importer import import_register

E, N = 470474.28, 5090259.67  # a well near the county seat, EPSG:4537
HEADER = ["序号", "机井编号", "取水用途", "许可水量（立方米）", "X", "Y", "经度", "纬度", "状态"]


def _row(i, well_id, x, y, lon=None, lat=None, use="农灌", permit=1200.0, status="在用"):
    return [i, well_id, use, permit, x, y, lon, lat, status]


def _positions(result):
    return {w: (g.x, g.y) for w, g in zip(result.wells["well_id"], result.wells.geometry)}


def test_every_way_of_writing_one_place_gives_that_place(tmp_path):
    lon, lat = Transformer.from_crs(4537, 4490, always_xy=True).transform(E, N)
    d, m = int(lon), int((lon - int(lon)) * 60)
    s = (lon - d - m / 60) * 3600
    d2, m2 = int(lat), int((lat - int(lat)) * 60)
    s2 = (lat - d2 - m2 / 60) * 3600
    rows = [
        ["托里县机井登记表（测试）"],
        HEADER,
        _row(1, "W1", N, E),  # X = northing, as survey tables write it
        _row(2, "W2", E, N),  # the other order
        _row(3, "W3", "５０９０２５９．６７", "４７０４７４．２８"),  # full-width digits
        _row(4, "W4", N, 28_000_000 + E),  # zone prefix on the easting
        _row(5, "W5", f"{N}m", f"{E} 米"),  # units after the numbers
        _row(6, "W6", "5 090 259.67", "470474,28"),  # digit groups, decimal comma
        _row(7, "W7", None, None, f"{lon:.10f}", f"{lat:.10f}"),  # decimal degrees
        _row(8, "W8", None, None, f"{d}°{m}′{s:.6f}″", f"{d2}度{m2}分{s2:.6f}秒"),  # 度分秒
        _row(9, "W9", None, None, f"{lat:.10f}", f"{lon:.10f}"),  # degrees the other way round
    ]
    result = import_register(write_xlsx(tmp_path / "r.xlsx", {"登记表": rows}))
    assert result.rows_in == 9 and result.imported == 9 and result.refused == 0
    for well_id, (x, y) in _positions(result).items():
        assert abs(x - E) < 0.01 and abs(y - N) < 0.01, (well_id, x, y)
    fixes = dict(zip(result.wells["well_id"], result.wells["import_fixes"]))
    assert pd.isna(fixes["W1"])
    assert "swapped" in fixes["W2"] and "full-width" in fixes["W3"] and "zone prefix 28" in fixes["W4"]
    assert "unit 'm'" in fixes["W5"] and "spaces" in fixes["W6"] and "decimal comma" in fixes["W6"]
    assert "度分秒" in fixes["W8"] and "swapped" in fixes["W9"]
    assert "X holds the northing in 5 row(s)" in result.crs_decided and "EPSG:4490" in result.crs_decided


def test_rows_that_cannot_be_read_one_way_are_refused_with_why(tmp_path):
    rows = [
        HEADER,
        _row(1, "W1", N, E),
        _row(2, "W2", "待定", "待定"),
        _row(3, "W3", 5_909_411.2, E),  # a mistyped northing: outside the county whichever way
        _row(4, "W4", N, "470,474"),  # thousands or decimals?
        _row(5, None, N, E),
        _row(6, "W6", N, None),
        _row(7, "W7", N, E, permit="约3000"),
        _row(8, "W8", N, E, permit=-5.0),
        _row(9, "W9", None, None, "83°75′10″", "45°56′01″"),
        _row(10, "W10", N, E), _row(11, "W10", N + 5, E),  # one id, two places
        _row(12, "W1", N, E),  # W1 again, identical: imported once
    ]
    result = import_register(write_xlsx(tmp_path / "r.xlsx", {"s": rows}))
    assert result.rows_in == 12 and result.imported == 1 and result.refused == 11
    reasons = dict(zip(result.rejects["register_row"], result.rejects["reason"]))
    assert reasons[3] == "no coordinates"
    assert "not in the county" in reasons[4]
    assert "thousands or decimals" in reasons[5]
    assert reasons[6] == "no well id"
    assert "only X is filled in" in reasons[7]
    assert "'约3000' is not a number" in reasons[8] and "negative" in reasons[9]
    assert "minutes and seconds must be below 60" in reasons[10]
    assert "W10 is also on row(s) 12" in reasons[11] and "W10 is also on row(s) 11" in reasons[12]
    assert "the same well as row 2" in reasons[13]


def test_gbk_csv_is_read_as_gbk_and_said_so(tmp_path):
    rows = [HEADER, _row(1, "W1", N, E, use="生活", status="已注销")]
    result = import_register(write_csv(tmp_path / "r.csv", rows, "gbk"))
    assert result.wells["use"].tolist() == ["domestic"] and result.wells["status"].tolist() == ["deregistered"]
    assert "text read as GB18030" in result.report


def test_a_named_encoding_the_bytes_are_not_is_refused_naming_rows(tmp_path):
    path = write_csv(tmp_path / "r.csv", [HEADER, _row(1, "W1", N, E), _row(2, "W2", N, E, use="生活")], "gbk")
    with pytest.raises(EngineInputError) as error:
        import_register(path, encoding="utf-8")
    assert "row(s) 1, 2, 3 are not UTF-8" in str(error.value) and "GB18030" in str(error.value)


def test_dbf_whose_cpg_claims_utf8_but_holds_gbk_is_refused(tmp_path):
    rows = [["WELL_ID", "USE", "X", "Y"], ["W1", "农灌", str(N), str(E)]]
    path = write_dbf(tmp_path / "r.dbf", rows, "gbk", cpg="UTF-8")
    with pytest.raises(EngineInputError) as error:
        import_register(path)
    assert "are not UTF-8" in str(error.value) and "GB18030" in str(error.value)
    path.with_suffix(".cpg").write_text("GBK")
    result = import_register(path)
    assert result.wells["use"].tolist() == ["irrigation"] and result.imported == 1


def test_units_in_the_header_scale_the_column_and_are_said(tmp_path):
    rows = [["井号", "许可水量（万m³）", "东坐标", "北坐标"], ["W1", "1.5", E, N]]
    result = import_register(write_xlsx(tmp_path / "r.xlsx", {"s": rows}))
    assert result.wells["permit_m3"].tolist() == [15_000.0]
    assert any("× 10,000" in line for line in result.report)


def test_no_register_header_is_an_error_naming_what_is_looked_for(tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx", {"a": [["名称", "数量"], ["x", 1]]})
    with pytest.raises(EngineInputError) as error:
        import_register(path)
    assert "井号" in str(error.value) and "经度/纬度" in str(error.value)


def test_the_report_speaks_chinese_in_a_chinese_run(tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx", {"s": [HEADER, _row(1, "W1", N, E), _row(2, None, N, E)]})
    with speaking("zh"):
        result = import_register(path)
    assert result.report[0].startswith("r.xlsx，工作表“s”：表头在第 1 行；共 2 行，导入 1 行")
    assert result.rejects["reason"].tolist() == ["没有井号"]
