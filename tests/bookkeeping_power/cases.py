"""Small hand-computable well registers shared by the engine and the Processing tests.

Calibration set (township A, shallow aquifer): five wells with a working meter and 1000 kWh each,
metered 2000, 3000, 4000, 100000 and 5000 m³, so their ratios are 2, 3, 4, 100, 5 m³/kWh:
median 4, median absolute deviation median(|2-4|, |3-4|, 0, 96, 1) = median(0, 1, 1, 2, 96) = 1.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point

WELL_ROWS = [
    # well_id, power_account, m3_per_kwh, metered_m3, has_meter, permit_no, permit_m3, township, aquifer
    ("C1", "a1", 2.0, 2000, "yes", "P1", 5000, "A", "shallow"),
    ("C2", "a2", 3.0, 3000, "yes", "P2", 5000, "A", "shallow"),
    ("C3", "a3", 4.0, 4000, "是", "P3", 5000, "A", "shallow"),
    ("C4", "a4", 5.0, 100000, 1, "P4", 200000, "A", "shallow"),
    ("C5", "a5", 5.0, 5000, "true", "P5", 5000, "A", "shallow"),
    ("W6", "a6", None, None, "no", "P6", 1500, "A", "shallow"),
    ("W7", "a7", None, None, "no", None, None, "A", "deep"),
    ("W8", None, None, None, "yes", "P8", 1000, "B", "shallow"),
    ("W9", "a9", 3.0, None, "no", "P9", 1000, "B", "shallow"),
    ("W10", 1010, 3.0, 1000, "否", "P10", 5000, "B", "shallow"),
]
WELL_COLUMNS = ["well_id", "power_account", "m3_per_kwh", "metered_m3", "has_meter", "permit_no", "permit_m3",
                "township", "aquifer"]

POWER_ROWS = [
    ("a1", "2025", 1000), ("a2", "2025", 1000), ("a3", "2025", 1000), ("a4", "2025", 1000), ("a5", "2025", 1000),
    ("a6", "2025", 500), ("a7", "2025", 200),
    ("1010", "2025-03", 100), ("1010", "2025-07", 200), ("1010", "2024", 999),
    ("zz", "2025", 50),  # an account no well names
]


def wells_frame() -> pd.DataFrame:
    frame = pd.DataFrame(WELL_ROWS, columns=WELL_COLUMNS)
    frame["power_account"] = frame["power_account"].astype(object)
    frame["has_meter"] = frame["has_meter"].astype(str)
    return frame


def power_frame() -> pd.DataFrame:
    return pd.DataFrame(POWER_ROWS, columns=["account", "period", "kwh"])


def wells_gdf() -> gpd.GeoDataFrame:
    frame = wells_frame()
    frame["power_account"] = frame["power_account"].map(lambda v: None if v is None else str(v))
    return gpd.GeoDataFrame(frame, geometry=[Point(500000 + 100 * i, 5000000) for i in range(len(frame))],
                            crs="EPSG:4537")


# Audit register: one well per situation, township T1 unless said otherwise.
AUDIT_COLUMNS = ["well_id", "has_meter", "metered_m3", "permit_no", "permit_m3", "status", "stopped_on",
                 "deregistered_on", "depth_m", "permitted_depth_m", "self_supplied", "power_account", "kwh",
                 "use", "township"]
AUDIT_ROWS = [
    # compliant well
    ("OK", "yes", 900, "P-OK", 1000, "active", None, None, 80, 100, "no", "k1", 300, "irrigation", "T1"),
    ("NOMETER", "no", None, "P-NM", 1000, "active", None, None, 80, 100, "no", "k2", 300, "irrigation", "T1"),
    ("OVER", "yes", 1200, "P-OV", 1000, "active", None, None, 80, 100, "no", "k3", 300, "irrigation", "T1"),
    ("EQUAL", "yes", 1000, "P-EQ", 1000, "active", None, None, 100, 100, "no", "k4", 300, "irrigation", "T1"),
    ("NOPERMIT", "yes", 500, None, None, "active", None, None, 80, None, "no", None, 0, "irrigation", "T2"),
    # stopped 30 and 31 days before 2025-11-01 (stop dates as text in two spellings)
    ("DAY30", "yes", 10, "P-30", 1000, "stopped", "2025/10/2", None, 80, 100, "no", "k5", 0, "irrigation", "T2"),
    ("DAY31", "yes", 10, "P-31", 1000, "stopped", "2025-10-01", None, 80, 100, "no", "k6", 0, "irrigation", "T2"),
    ("DEREG", "yes", 10, "P-DR", 1000, "deregistered", "2025-01-01", "2025-01-20", 80, 100, "no", "k7", 0,
     "irrigation", "T2"),
    ("DEEP", "yes", 500, "P-DP", 1000, "active", None, None, 130, 120, "no", "k8", 300, "irrigation", "T2"),
    ("SELFNEAR", "yes", 500, "P-SN", 1000, "active", None, None, 80, 100, "是", "k9", 300, "industrial", "T3"),
    ("SELFFAR", "yes", 500, "P-SF", 1000, "active", None, None, 80, 100, "yes", "k10", 300, "industrial", "T3"),
    ("ILLEGALPOWER", "no", None, None, None, "stopped", "2025-10-20", None, 80, None, "no", "k11", 4200, "irrigation",
     "T3"),
]
AUDIT_DATE_TEXT = "2025-11-01"


def audit_gdf() -> gpd.GeoDataFrame:
    frame = pd.DataFrame(AUDIT_ROWS, columns=AUDIT_COLUMNS)
    for column in ("stopped_on", "deregistered_on", "permit_no", "power_account"):
        frame[column] = frame[column].astype(object)
    # SELFNEAR is 100 m from the pipe along y = 0; SELFFAR 600 m; the others far away.
    xs = {"SELFNEAR": (500000, 100), "SELFFAR": (500500, 600)}
    points = [Point(*xs.get(row[0], (510000 + 50 * i, 20000))) for i, row in enumerate(AUDIT_ROWS)]
    return gpd.GeoDataFrame(frame, geometry=points, crs="EPSG:4537")


def pipes_gdf() -> gpd.GeoDataFrame:
    from shapely.geometry import LineString

    return gpd.GeoDataFrame({"pipe_id": [1]}, geometry=[LineString([(499000, 0), (501000, 0)])], crs="EPSG:4537")
