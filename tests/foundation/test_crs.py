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


def test_a_chinese_document_names_the_crs_as_a_surveyor_does():
    from pyproj import CRS

    from tuoli_gw_plugin.engine.core.crs import crs_words

    # By hand: EPSG:4537 is CGCS2000, 3-degree zone, central meridian 84°E, eastings without the zone number;
    # EPSG:4516 the same zone with the number (28 × 3 = 84); EPSG:4499 a 6-degree zone (21 × 6 − 3 = 123).
    assert crs_words(CRS.from_epsg(4537), "zh") == "2000国家大地坐标系 3度带 中央经线84°"
    assert crs_words(CRS.from_epsg(4516), "zh") == "2000国家大地坐标系 3度带 第28带（东坐标含带号） 中央经线84°"
    assert crs_words(CRS.from_epsg(4499), "zh") == "2000国家大地坐标系 6度带 第21带（东坐标含带号） 中央经线123°"
    assert crs_words(CRS.from_epsg(2343), "zh") == "1980西安坐标系 6度带 中央经线105°"
    assert crs_words(CRS.from_epsg(4490), "zh") == "2000国家大地坐标系（经纬度）"
    assert crs_words(CRS.from_epsg(32644), "zh") == "WGS 84 通用横轴墨卡托投影 第44带（北半球）"
    assert crs_words(CRS.from_epsg(3857), "zh") == "坐标系 EPSG:3857"  # outside the Chinese series: its code
    assert crs_words(CRS.from_epsg(4537), "en") == "CGCS2000 / 3-degree Gauss-Kruger CM 84E"
