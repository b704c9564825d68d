"""A recharge raster's impossible values (issue 13, item 9): undeclared fill is no data, said in the log;
negative recharge is refused naming the raster and the value.

Cell (2, 1) of the hand-computable raster holds 100 mm/a; with it filled the aligned box holds 2 400 m³ instead of
3 400 m³ (tests/balance/data.py). Before, a -9999 fill without a nodata flag was summed as recharge: the box got
3 400 − 1 000 − 99 990 = −97 590 m³ (a cell is 10 000 m²; mm × m² / 1000 = m³).
"""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from tests.balance import data
from tuoli_gw_plugin.engine.balance.abstraction_recharge import compute_balance
from tuoli_gw_plugin.engine.balance.zonal import RasterSource, zonal_sum
from tuoli_gw_plugin.engine.core.errors import EngineInputError
from tuoli_gw_plugin.engine.core.rules import load_rules


def _raster_with(tmp_path, cell_value: float, nodata: float | None) -> RasterSource:
    values = data.VALUES.copy().astype(np.float32)
    values[2, 1] = cell_value
    return RasterSource(str(data.write_raster(tmp_path / "r.tif", values, nodata=nodata)), "recharge_mm")


@pytest.mark.parametrize("fill", [-9999.0, -3.4028234663852886e38, -32768.0])
def test_undeclared_fill_is_no_data_and_said(tmp_path, fill):
    raster = _raster_with(tmp_path, fill, nodata=None)
    box = data.units_frame([data.ALIGNED_BOX], ["A"])
    zonal = zonal_sum(raster, box.geometry.values[0])
    assert zonal.weighted_sum / 1000 == pytest.approx(data.NODATA_ALIGNED_M3, rel=1e-6)
    assert zonal.nodata_cells == 1
    note = raster.fill_note()
    assert note is not None and "recharge_mm" in note and f"{fill:g}" in note and "declares none" in note


def test_the_balance_says_which_fill_it_left_out(tmp_path):
    raster = _raster_with(tmp_path, -9999.0, nodata=None)
    units = data.units_frame([data.ALIGNED_BOX], ["A"])
    wells = data.wells_frame([(data.X0 + 150, data.Y0 - 150)], [1000])
    messages: list[tuple[str, str]] = []
    result = compute_balance(wells, units, raster, load_rules(), report=lambda level, text: messages.append((level, text)))
    assert result.columns.iloc[0].recharge_m3 == pytest.approx(data.NODATA_ALIGNED_M3, rel=1e-6)
    assert any(level == "warning" and "-9999" in text and "recharge_mm" in text for level, text in messages), messages


def test_negative_recharge_is_refused_naming_raster_and_value(tmp_path):
    with pytest.raises(EngineInputError) as raised:
        raster = _raster_with(tmp_path, -12.5, nodata=-9999.0)
        zonal_sum(raster, shapely.box(*data.ALIGNED_BOX))
    message = str(raised.value)
    assert "recharge_mm" in message and "-12.5" in message and "negative" in message


def test_a_declared_nodata_value_is_not_reported_as_fill(tmp_path):
    raster = _raster_with(tmp_path, -9999.0, nodata=-9999.0)
    zonal = zonal_sum(raster, shapely.box(*data.ALIGNED_BOX))
    assert zonal.weighted_sum / 1000 == pytest.approx(data.NODATA_ALIGNED_M3, rel=1e-6)
    assert raster.fill_note() is None
