"""Engine tests of the item-13 closure list (no QGIS), on hand-built wells with hand-computed volumes."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest

from tests.screening import cases
from tuoli_gw_plugin.engine.core.errors import EngineInputError
from tuoli_gw_plugin.engine.core.rules import load_rules
from tuoli_gw_plugin.engine.screening.closure_list import closure_list
from tuoli_gw_plugin.engine.screening.well_sites import prepare_screening


@pytest.fixture(scope="module")
def prepared():
    return prepare_screening(
        None,
        pipes=cases.pipes(),
        supply_areas=cases.supply_areas(),
        coverage_distance_m=500,
        townships=cases.townships(),
        remaining_field=None,
        rules=load_rules(),
    )


def test_lists_active_self_supplied_wells_in_coverage(prepared):
    wells = cases.closure_wells()
    result = closure_list(prepared, wells)
    listed = wells["well_id"].to_numpy()[result.rows].tolist()
    assert listed == list(cases.CLOSURE_LISTED)
    assert result.columns["freed_m3"].tolist() == [v[0] for v in cases.CLOSURE_LISTED.values()]
    assert result.columns["freed_from"].tolist() == [v[1] for v in cases.CLOSURE_LISTED.values()]
    assert result.columns["supply_distance_m"].tolist() == pytest.approx([v[2] for v in cases.CLOSURE_LISTED.values()])
    assert result.columns["township"].tolist() == ["托里镇"] * 3
    assert result.total_freed_m3 == 2300.0
    assert result.counts["excluded_deregistered"] == 1 and result.counts["excluded_stopped"] == 1
    assert any("neither marked in 'self_supplied'" in note and "well_id=c8" in note for note in result.notes)
    assert any("'permit_m3' was used" in note for note in result.notes)


def test_unreadable_yes_no_value_is_named(prepared):
    wells = cases.closure_wells()
    wells.loc[0, "self_supplied"] = "maybe"
    with pytest.raises(EngineInputError) as error:
        closure_list(prepared, wells)
    assert "well_id=c1" in str(error.value) and "'self_supplied'" in str(error.value) and "maybe" in str(error.value)


def test_unreadable_volume_is_named(prepared):
    wells = cases.closure_wells()
    wells["metered_m3"] = wells["metered_m3"].astype(object)
    wells.loc[1, "metered_m3"] = "lots"
    with pytest.raises(EngineInputError, match="well_id=c2"):
        closure_list(prepared, wells)


def test_where_the_register_says_nothing_the_use_decides_and_irrigation_is_not_listed(prepared):
    """Issue 25: one decision of "is this a 自备井". c8 (blank field, domestic) is listed by its use; an irrigation well
    in coverage with a blank field is not (no 自备井), nor is c7 (the register says no, whatever its use says)."""
    wells = cases.closure_wells()
    wells["use"] = ["domestic"] * len(wells)
    wells.loc[wells["well_id"] == "c7", "use"] = "industrial"
    extra = wells[wells["well_id"] == "c8"].copy()
    extra["well_id"], extra["use"] = "c9", "irrigation"
    wells = gpd.GeoDataFrame(pd.concat([wells, extra], ignore_index=True), crs=cases.CRS)
    result = closure_list(prepared, wells, use_field="use")
    assert wells["well_id"].to_numpy()[result.rows].tolist() == ["c1", "c2", "c6", "c8"]
    assert any("no value in 'self_supplied'" in note and "use" in note for note in result.notes)
    # Without the register's field the use alone decides: c7 is industrial (a 自备井) and now listed.
    by_use = closure_list(prepared, wells, self_supplied_field=None, use_field="use")
    assert wells["well_id"].to_numpy()[by_use.rows].tolist() == ["c1", "c2", "c6", "c7", "c8"]


def test_sealed_wells_are_left_out(prepared):
    wells = cases.closure_wells()
    wells.loc[wells["well_id"] == "c1", "status"] = "已封填"
    result = closure_list(prepared, wells)
    assert "c1" not in wells["well_id"].to_numpy()[result.rows].tolist()
    assert result.counts["excluded_sealed"] == 1
