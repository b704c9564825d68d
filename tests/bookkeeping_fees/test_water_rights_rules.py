"""The water-rights rules one by one: red-line factor, certificate number, demand (numbers by hand)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tuoli_gw_plugin.engine.bookkeeping.water_rights import certificate_number, parcel_demand, quotas_from_mapping, red_line_factor
from tuoli_gw_plugin.engine.core.errors import EngineInputError


@pytest.mark.parametrize(
    "demand, red_line, factor",
    [
        (1000.0, 800.0, 0.8),  # asks for more than the red line: scaled to it
        (1000.0, 1000.0, 1.0),
        (1000.0, 5000.0, 1.0),  # within the red line: unchanged
        (1000.0, -100.0, 0.0),  # red line overused: nothing left
        (1000.0, None, 1.0),  # no red line: nothing to scale to
        (0.0, 800.0, 1.0),  # no demand
    ],
)
def test_red_line_factor(demand, red_line, factor):
    assert red_line_factor(demand, red_line) == pytest.approx(factor)


def test_certificate_number_is_township_code_dash_contract():
    assert certificate_number("TL01", " 652 ") == "TL01-652"
    assert certificate_number("", "652") == "652"


def test_demand_is_area_times_the_crop_quota():
    parcels = pd.DataFrame({"contract": ["C1", "C2"], "crop": ["cotton", "wheat"], "area_mu": [10.0, 2.5]})
    info: list[str] = []
    warnings: list[str] = []
    contracts, area, quota, demand = parcel_demand(
        parcels, contract_field="contract", household_field=None, area_field="area_mu", crop_field="crop",
        quotas=quotas_from_mapping({"cotton": 400.0, "wheat": 300.0}), mu_m2=666.67, layer="parcels",
        id_field="contract", info=info, warnings=warnings,
    )
    assert contracts == ["C1", "C2"]
    assert np.allclose(quota, [400.0, 300.0]) and np.allclose(demand, [4000.0, 750.0])  # 10 × 400, 2.5 × 300
    assert info == [] and warnings == []


def test_demand_refuses_a_crop_without_quota():
    parcels = pd.DataFrame({"contract": ["C1"], "crop": ["rice"], "area_mu": [1.0]})
    with pytest.raises(EngineInputError, match="no irrigation quota"):
        parcel_demand(
            parcels, contract_field="contract", household_field=None, area_field="area_mu", crop_field="crop",
            quotas=quotas_from_mapping({"cotton": 400.0}), mu_m2=666.67, layer="parcels", id_field="contract",
            info=[], warnings=[],
        )
