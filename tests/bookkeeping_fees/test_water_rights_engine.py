"""Engine tests (no QGIS) of the farm water-rights allocation, notice item 12.

Hand case: quotas cotton 420, wheat 380, maize 450 m³/mu (rules file).
Township A (red line 100 000 m³): A1 cotton 100 mu -> 42 000; A2 wheat 200 mu -> 76 000;
demand 118 000 > 100 000, factor 100 000 / 118 000 = 50/59; rights 42 000·50/59 and 76 000·50/59.
Township B (red line 500 000 m³): B1 maize 50 mu -> 22 500, factor 1.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from tuoli_gw_plugin.engine.bookkeeping.water_rights import QuotaTable, allocate_water_rights
from tuoli_gw_plugin.engine.core.errors import EngineInputError
from tuoli_gw_plugin.engine.core.rules import load_rules

RULES = load_rules()
QUOTAS = QuotaTable.from_rules(RULES)
MU_M2 = RULES.value("water_rights", "mu_m2")


def _parcels(rows, geometry=None, crs=None):
    frame = pd.DataFrame(rows, columns=["contract_no", "household", "area_mu", "crop", "township"])
    if geometry is not None:
        frame = gpd.GeoDataFrame(frame, geometry=geometry, crs=crs)
    frame.attrs["fid"] = list(range(1, len(rows) + 1))
    return frame


def _townships(rows=(("A", 100_000.0, "T01"), ("B", 500_000.0, "T02"))):
    frame = pd.DataFrame(list(rows), columns=["name_zh", "red_line_m3", "code"])
    frame.attrs["fid"] = list(range(1, len(frame) + 1))
    return frame


HAND_PARCELS = [
    ("C-A1", "王", 100.0, "cotton", "A"),
    ("C-A2", "李", 200.0, "wheat", "A"),
    ("C-B1", "张", 50.0, "maize", "B"),
]


def _allocate(parcels, townships=None, **kwargs):
    options = dict(
        contract_field="contract_no",
        household_field="household",
        area_field="area_mu",
        crop_field="crop",
        township_field="township",
        quotas=QUOTAS,
        mu_m2=MU_M2,
        townships=townships,
        township_name_field="name_zh",
        red_line_field="red_line_m3",
        # The hand cases below scale to the whole red line: nothing set aside (the shares of item 7 are
        # tested in test_water_rights_priority.py).
        reserved_shares={},
    )
    options.update(kwargs)
    return allocate_water_rights(parcels, **options)


def test_two_townships_one_over_its_red_line_by_hand():
    result = _allocate(_parcels(HAND_PARCELS), _townships(), township_code_field="code")
    parcels = result.parcels
    factor = 50 / 59
    assert list(parcels["quota_m3_per_mu"]) == [420, 380, 450]
    assert list(parcels["demand_m3"]) == pytest.approx([42_000, 76_000, 22_500])
    assert list(parcels["scale_factor"]) == pytest.approx([factor, factor, 1.0])
    assert list(parcels["right_m3"]) == pytest.approx([42_000 * factor, 76_000 * factor, 22_500])
    assert list(parcels["certificate_no"]) == ["T01-C-A1", "T01-C-A2", "T02-C-B1"]
    assert parcels["problem"].isna().all()
    townships = result.townships.set_index("township")
    assert townships.loc["A", "parcels_n"] == 2 and townships.loc["A", "area_mu"] == 300
    assert townships.loc["A", "demand_m3"] == pytest.approx(118_000)
    assert townships.loc["A", "scale_factor"] == pytest.approx(factor)
    assert townships.loc["A", "allocated_m3"] == pytest.approx(100_000)  # exactly the red line
    assert townships.loc["B", "scale_factor"] == 1.0 and townships.loc["B", "allocated_m3"] == pytest.approx(22_500)
    assert townships.loc["B", "red_line_m3"] == 500_000
    assert any("A" in line and "0.8475" in line for line in result.info)


def test_without_townships_nothing_is_scaled():
    result = _allocate(_parcels(HAND_PARCELS))
    assert list(result.parcels["right_m3"]) == pytest.approx([42_000, 76_000, 22_500])
    assert (result.parcels["scale_factor"] == 1.0).all()
    assert list(result.parcels["certificate_no"]) == ["A-C-A1", "A-C-A2", "B-C-B1"]
    assert result.townships["red_line_m3"].isna().all()


def test_unknown_crop_names_feature_field_and_known_crops():
    rows = [*HAND_PARCELS, ("C-B2", "赵", 10.0, "rice", "B")]
    with pytest.raises(EngineInputError) as error:
        _allocate(_parcels(rows), _townships())
    text = str(error.value)
    assert "field 'crop'" in text and "contract_no=C-B2" in text and "'rice'" in text
    for crop in ("cotton", "wheat", "maize", "forage", "sunflower"):
        assert crop in text


def test_chinese_crop_names_and_a_quota_table_override():
    rows = [("C-A1", "王", 100.0, "棉花", "A"), ("C-A2", "李", 10.0, " Rice ", "A")]
    table = pd.DataFrame({"crop": ["cotton", "rice"], "m3_per_mu": [400, "600"]})
    quotas = QUOTAS.with_overrides(table, "crop", "m3_per_mu", "quotas")
    result = _allocate(_parcels(rows), quotas=quotas)
    assert list(result.parcels["quota_m3_per_mu"]) == [400, 600]
    assert list(result.parcels["demand_m3"]) == pytest.approx([40_000, 6_000])


def test_parcels_in_a_township_not_in_the_layer_are_reported_not_dropped():
    rows = [*HAND_PARCELS, ("C-X1", "周", 10.0, "wheat", "X乡")]
    result = _allocate(_parcels(rows), _townships())
    x = result.parcels.iloc[3]
    assert pd.isna(x["right_m3"]) and pd.isna(x["scale_factor"]) and x["certificate_no"] is None
    assert "X乡" in x["problem"]
    assert any("contract_no=C-X1" in line and "X乡" in line for line in result.warnings)
    # township A is still scaled from its own parcels only
    assert result.parcels.iloc[0]["scale_factor"] == pytest.approx(50 / 59)
    row = result.townships.set_index("township").loc["X乡"]
    assert row["parcels_n"] == 1 and pd.isna(row["red_line_m3"]) and pd.isna(row["allocated_m3"])


@pytest.mark.parametrize(
    ("row", "field"),
    [
        (("C-A3", "王", None, "wheat", "A"), "area_mu"),
        (("C-A3", "王", "abc", "wheat", "A"), "area_mu"),
        (("C-A3", "王", -5, "wheat", "A"), "area_mu"),
        ((None, "王", 5, "wheat", "A"), "contract_no"),
        (("C-A3", "王", 5, None, "A"), "crop"),
    ],
)
def test_bad_parcels_stop_with_a_message_naming_the_field(row, field):
    with pytest.raises(EngineInputError, match=f"field '{field}'"):
        _allocate(_parcels([*HAND_PARCELS, row]), _townships())


def test_township_without_red_line_is_an_error():
    with pytest.raises(EngineInputError, match="red_line_m3.*|no red line"):
        _allocate(_parcels(HAND_PARCELS), _townships([("A", None, "T01"), ("B", 1.0, "T02")]))


def test_negative_remaining_gives_zero_rights_with_a_warning():
    result = _allocate(_parcels(HAND_PARCELS), _townships([("A", -10.0, "T01"), ("B", 500_000.0, "T02")]))
    assert list(result.parcels["right_m3"])[:2] == [0.0, 0.0]
    assert any("below zero" in line for line in result.warnings)


def test_area_from_geometry_is_the_same_in_lon_lat_and_gauss_kruger():
    # Squares of 100 m × 100 m = 10 000 m² = 15 mu, near Toli (EPSG:4537, CM 84E).
    squares = [box(500_000 + i * 200, 5_090_000, 500_100 + i * 200, 5_090_100) for i in range(3)]
    rows = [(c, h, None, crop, t) for c, h, _, crop, t in HAND_PARCELS]
    projected = _parcels(rows, squares, "EPSG:4537")
    result = _allocate(projected, _townships(), area_field=None)
    assert list(result.parcels["area_mu"]) == pytest.approx([15.0, 15.0, 15.0], rel=1e-6)
    assert list(result.parcels["demand_m3"]) == pytest.approx([15 * 420, 15 * 380, 15 * 450], rel=1e-6)
    lonlat = projected.to_crs("EPSG:4490")
    again = _allocate(lonlat, _townships(), area_field=None)
    assert list(again.parcels["area_mu"]) == pytest.approx(list(result.parcels["area_mu"]), rel=1e-6)


def test_townships_found_by_location_when_there_is_no_township_field():
    squares = [box(0, 0, 10, 10), box(20, 0, 30, 10), box(120, 0, 130, 10)]
    parcels = _parcels(HAND_PARCELS, squares, "EPSG:4537")
    townships = gpd.GeoDataFrame(
        _townships(), geometry=[box(-5, -5, 100, 50), box(100, -5, 200, 50)], crs="EPSG:4537"
    )
    townships.attrs["fid"] = [1, 2]
    result = _allocate(parcels, townships, township_field=None)
    assert list(result.parcels["scale_factor"]) == pytest.approx([50 / 59, 50 / 59, 1.0])


def test_item_12_is_for_users_of_public_supply_works_when_the_parcels_say_so():
    """Issue 25: item 12 gives rights to 利用公共供水工程取水的用水户. With the field, A2 (own well, 否) gets no right and
    leaves township A's demand: A1 alone asks 42 000 of 100 000 m³, factor 1; C-A3 (empty) is not established: no right.
    Without the field every parcel is taken to be such a user, and the log says so."""
    rows = [*HAND_PARCELS, ("C-A3", "赵", 10.0, "cotton", "A")]
    parcels = _parcels(rows)
    parcels["public_supply"] = ["是", "否", "是", None]
    result = _allocate(parcels, _townships(), public_supply_field="public_supply")
    out = result.parcels.set_index(parcels["contract_no"])
    assert out.loc["C-A1", "right_m3"] == pytest.approx(42_000.0) and out.loc["C-A1", "scale_factor"] == 1.0
    assert pd.isna(out.loc["C-A2", "right_m3"]) and "outside item 12" in out.loc["C-A2", "problem"]
    assert pd.isna(out.loc["C-A3", "right_m3"]) and "not known" in out.loc["C-A3", "problem"]
    assert out.loc["C-B1", "right_m3"] == pytest.approx(22_500.0)
    township_a = result.townships.set_index("township").loc["A"]
    assert township_a["demand_m3"] == pytest.approx(42_000.0) and township_a["scale_factor"] == 1.0
    assert any("users of public supply works" in line and "2 parcel(s)" in line for line in result.info)
    assert any("C-A3" in w for w in result.warnings)
    unlimited = _allocate(_parcels(HAND_PARCELS), _townships())
    assert any("every parcel is taken to be one" in line for line in unlimited.info)
    assert "public_supply_users" in RULES.get("water_rights") and "assumption" in RULES.get("water_rights", "public_supply_users")
