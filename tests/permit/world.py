"""A hand-built permit world (EPSG:4537, metres) whose every verdict and drawdown is known by hand.

Township A (x 499–510 km, remaining quota 10 000 m³) holds a severe zone (x 500–501 km), a general zone
(x 502–503 km) and a supply pipe at x = 505 km (coverage 500 m); township B (x 510–520 km) has no quota left.

| application | where                          | expected                                              |
|-------------|--------------------------------|-------------------------------------------------------|
| A1          | in the severe zone             | prohibited, severe_zone                               |
| A2          | in the general zone            | restricted, general_zone                              |
| A3          | 200 m from the pipe, industrial | prohibited, supply_coverage, pipe 200 m               |
| A4          | free site, 9 000 m³            | restricted, request_over_remaining_quota (4 000 over) |
| A5          | free site, 15 000 m³           | restricted, request_over_remaining_quota (nothing left) |
| A6          | township B, quota used up      | prohibited, red_line_exhausted                        |

The six are one batch, judged in id order (no dates): A1 and A3 are prohibited and take nothing; A2 (restricted: it may
be approved) takes 5 000 of A's 10 000 m³, A4 is compared with the 5 000 left (and takes them), A5 with nothing.
Judged alone, A4 is allowed (within the quota, 90 %).

Existing wells around A4 (507 000, 5 000 500): W_NEAR 1 m east, W_FAR 100 m east, W_OUT 1 500 m east.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import shapely

CRS = "EPSG:4537"
Y = 5_000_500.0
A4_XY = (507_000.0, Y)
# Theis parameters of the tests: T = 100 m²/d, S = 0.001, 100 days, radius 1 000 m.
T, S, DAYS, RADIUS = 100.0, 0.001, 100.0, 1000.0


def applications() -> gpd.GeoDataFrame:
    rows = [
        ("A1", "甲", "irrigation", 5000.0, (500_500.0, Y)),
        ("A2", "乙", "irrigation", 5000.0, (502_500.0, Y)),
        ("A3", "丙", "industrial", 5000.0, (505_200.0, Y)),
        ("A4", "丁", "irrigation", 9000.0, A4_XY),
        ("A5", "戊", "irrigation", 15000.0, (507_000.0, 5_001_800.0)),
        ("A6", "己", "irrigation", 5000.0, (515_000.0, Y)),
    ]
    return gpd.GeoDataFrame(
        {
            "app_id": [r[0] for r in rows],
            "applicant": [r[1] for r in rows],
            "use": [r[2] for r in rows],
            "requested_m3": [r[3] for r in rows],
        },
        geometry=[shapely.Point(*r[4]) for r in rows],
        crs=CRS,
    )


def existing_wells() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"well_id": ["W_NEAR", "W_FAR", "W_OUT"]},
        geometry=[shapely.Point(507_001.0, Y), shapely.Point(507_100.0, Y), shapely.Point(508_500.0, Y)],
        crs=CRS,
    )


def zones() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"zone_name": ["严重区", "一般区"], "grade": ["severe", "general"]},
        geometry=[shapely.box(500_000, 5_000_000, 501_000, 5_001_000), shapely.box(502_000, 5_000_000, 503_000, 5_001_000)],
        crs=CRS,
    )


def pipes() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"pipe_id": [1]}, geometry=[shapely.LineString([(505_000, 4_999_500), (505_000, 5_001_500)])], crs=CRS)


def townships() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"name_zh": ["甲乡", "乙乡"], "remaining_m3": [10_000.0, 0.0]},
        geometry=[shapely.box(499_000, 4_999_000, 510_000, 5_002_000), shapely.box(510_000, 4_999_000, 520_000, 5_002_000)],
        crs=CRS,
    )


def aquifer() -> gpd.GeoDataFrame:
    """One polygon around A4 with T = 200 m²/d, S = 0.002."""
    return gpd.GeoDataFrame({"T": [200.0], "S": [0.002]}, geometry=[shapely.box(506_500, 5_000_000, 507_500, 5_001_000)], crs=CRS)


def write_gpkg(path: Path, **layers: gpd.GeoDataFrame) -> str:
    for name, frame in layers.items():
        frame.to_file(path, layer=name, driver="GPKG")
    return str(path)


def all_layers() -> dict[str, gpd.GeoDataFrame]:
    return {
        "applications": applications(),
        "wells": existing_wells(),
        "zones": zones(),
        "pipes": pipes(),
        "townships": townships(),
        "aquifer": aquifer(),
    }
