"""The working CRS: metres wherever the inputs come from."""

from __future__ import annotations

import geopandas as gpd
from shapely.geometry import Point

from tuoli_gw_plugin.engine.core.crs import local_metric_crs, working_crs


def test_cgcs2000_zone_for_toli_is_4537():
    # County seat near 83.60 E: 3-degree zone with central meridian 84 E is EPSG:4537 (by hand).
    assert local_metric_crs(83.60, 45.93).to_epsg() == 4537
    assert local_metric_crs(116.4, 39.9).to_epsg() == 4534 + (117 - 75) // 3


def test_outside_china_falls_back_to_utm():
    assert local_metric_crs(10.0, 50.0).to_epsg() == 32632


def test_projected_layer_wins_over_lon_lat():
    lonlat = gpd.GeoDataFrame(geometry=[Point(83.6, 45.93)], crs=4490)
    projected = gpd.GeoDataFrame(geometry=[Point(470000, 5087000)], crs=4516)
    assert working_crs([lonlat, projected]).to_epsg() == 4516
    assert working_crs([lonlat]).to_epsg() == 4537
