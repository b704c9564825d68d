"""Small hand-built inputs for the supervision report, with the answers worked out by hand.

Three square townships side by side (10 km each, EPSG:4537), a severe and a general zone, one
supply area and one pipe, four wells whose verdicts are obvious from where they stand, and
algorithm-output tables whose totals are easy sums.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
from shapely.geometry import LineString, Point, Polygon

X0, Y0 = 450_000.0, 5_070_000.0
TOWNSHIP_NAMES = ["托里镇", "阿克别里斗乡", "多拉特乡"]


def square(x_km: float, y_km: float, size_km: float) -> Polygon:
    x, y, s = X0 + x_km * 1000, Y0 + y_km * 1000, size_km * 1000
    return Polygon([(x, y), (x + s, y), (x + s, y + s), (x, y + s)])


def townships() -> gpd.GeoDataFrame:
    # 阿克别里斗乡 has used more than its red line (600 of 500): the summary names it.
    return gpd.GeoDataFrame(
        {"name_zh": TOWNSHIP_NAMES, "red_line_m3": [1000.0, 500.0, 2000.0], "used_m3": [800.0, 600.0, 1000.0],
         "remaining_m3": [200.0, -100.0, 1000.0]},
        geometry=[square(0, 0, 10), square(10, 0, 10), square(20, 0, 10)],
        crs=4537,
    )


def zones() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"zone_name": ["阿克别里斗乡严重超采区", "多拉特乡一般超采区"], "grade": ["severe", "general"]},
        geometry=[square(12, 2, 4), square(22, 2, 4)],
        crs=4537,
    )


def supply_areas() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"name": ["县城供水区"]}, geometry=[square(2, 2, 3)], crs=4537)


def supply_pipes() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"pipe_id": [1]}, geometry=[LineString([(X0 + 2000, Y0 + 8000), (X0 + 6000, Y0 + 8000)])], crs=4537)


def wells() -> gpd.GeoDataFrame:
    """Applications for self-supplied wells (自备, so item 13 applies): W1 in the supply area and W2 in the severe
    zone: prohibited; W3 in the general zone: restricted; W4 in 多拉特乡 far from everything: allowed (its township
    still has quota)."""
    return gpd.GeoDataFrame(
        {"well_id": ["W1", "W2", "W3", "W4"], "use": ["自备"] * 4},
        geometry=[Point(X0 + 3000, Y0 + 3000), Point(X0 + 14000, Y0 + 4000), Point(X0 + 24000, Y0 + 4000), Point(X0 + 28000, Y0 + 9000)],
        crs=4537,
    )


def balance() -> pd.DataFrame:
    # k = abstraction / allowable: 1.1 general, 1.5 severe, 0.8 none; cut = 10 + 50 + 0 = 60.
    return pd.DataFrame({
        "name_zh": TOWNSHIP_NAMES,
        "abstraction_m3": [110.0, 150.0, 80.0],
        "allowable_m3": [100.0, 100.0, 100.0],
        "extraction_coef": [1.1, 1.5, 0.8],
        "grade": ["general", "severe", "none"],
        "reduction_m3": [10.0, 50.0, 0.0],
    })


def surcharge() -> pd.DataFrame:
    """Plan 100 m³ at 1 yuan/m³, band by band: use 100 → 100 yuan; 120 → 100 + 20×2 = 140;
    150 → 100 + 20×2 + 30×3 = 230; 200 → 230 + 50×5 = 480; one account not charged.
    Fees 950 yuan; surcharge (fee − rate × use) 0 + 20 + 80 + 280 = 380 yuan."""
    return pd.DataFrame({
        "well_id": ["A", "B", "C", "D", "E"],
        "township": ["托里镇", "托里镇", "阿克别里斗乡", "多拉特乡", "多拉特乡"],
        "excess_m3": [0.0, 20.0, 50.0, 100.0, None],
        "top_multiplier": [1.0, 2.0, 3.0, 5.0, None],
        "fee_yuan": [100.0, 140.0, 230.0, 480.0, None],
        "surcharge_yuan": [0.0, 20.0, 80.0, 280.0, None],
        "problem": [None, None, None, None, "plan is empty"],
    })


def findings() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "well_id": ["W2", "W3", "W3"],
            "finding": ["no_permit", "no_meter", "over_permit"],
            "notice_item": ["18", "9", "10"],
            "severity": ["critical", "high", "high"],
            # As the audit writes them in English (engine.audit's catalogue messages).
            "detail": [
                "active well with no permit number in permit_no, notice item 18",
                "no working meter (has_meter = no), notice item 9",
                "metered 120 m³ exceeds the permitted 100 m³ by 20 m³ (20.0 %), notice item 10",
            ],
            "township": ["阿克别里斗乡", "多拉特乡", "多拉特乡"],
        },
        geometry=[Point(X0 + 14000, Y0 + 4000), Point(X0 + 24000, Y0 + 4000), Point(X0 + 24000, Y0 + 4000)],
        crs=4537,
    )


def water_rights() -> pd.DataFrame:
    # Allocated 1000 + 500 + 1500 = 3000 m³ over 2 + 1 + 3 = 6 parcels.
    return pd.DataFrame({
        "township": TOWNSHIP_NAMES,
        "parcels_n": [2, 1, 3],
        "area_mu": [10.0, 5.0, 15.0],
        "demand_m3": [1000.0, 800.0, 1500.0],
        "red_line_m3": [1000.0, 500.0, 2000.0],
        "scale_factor": [1.0, 0.625, 1.0],
        "allocated_m3": [1000.0, 500.0, 1500.0],
    })


def write_geopackage(path: Path) -> Path:
    """All of the above as layers and tables of one GeoPackage."""
    for name, frame in (
        ("townships", townships()), ("zones", zones()), ("supply_areas", supply_areas()), ("supply_pipes", supply_pipes()),
        ("wells", wells()), ("findings", findings()),
    ):
        frame.to_file(path, layer=name)
    for name, table in (("balance", balance()), ("surcharge", surcharge()), ("water_rights", water_rights())):
        pyogrio.write_dataframe(table, path, layer=name)
    return path
