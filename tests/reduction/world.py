"""A hand-built reduction world (EPSG:4537, metres) whose every plan is known by hand. FIRST_YEAR 2026, TARGET_YEAR 2027,
max_share_cut_fraction 0.3 (the shipped rules).

甲乡 (x 0–10 km): abstraction 300 + 200 + 1 000 = 1 500 m³, allowable 1 000: the cut of 500 is exactly covered by
switching its two self-supplied wells inside coverage to the network — S1 (industrial, 200 m from the pipe at x = 5 km,
300 m³) and S2 (domestic, inside the supply area, 200 m³). I1 (irrigation, 3 km from the pipe) is not cut. ST1 is
stopped: its 50 m³ are not counted.

乙乡 (x 10–20 km): abstraction 100 + 700 + 400 + 50 = 1 250 m³, allowable 850: cut 400 = U1 stopped (no permit, 100)
+ P1 back to plan (700 → 600, 100) + the rest, 200, shared by use over the irrigation wells P1 (600) and I2 (400):
120 and 80 (caps 180 and 120 do not bind). G1 (public supply) takes no share.

丙乡 (x 20–30 km): abstraction 1 000 + 500 = 1 500 m³, allowable 600: cut 900. Only the share applies: 2026 takes 30 %
of each well (300 + 150 = 450), 2027 30 % of what is left (210 + 105 = 315); 1 500 × 0.7² = 735 m³ remain,
135 m³ over the allowable volume: not reachable by measures alone, shortfall 135.

OUT1 lies in no township.
"""

from __future__ import annotations

import geopandas as gpd
import shapely

from tests.screening.cases import write_gpkg  # noqa: F401 - the shared writer, used by this folder as world.write_gpkg

CRS = "EPSG:4537"
X0, Y0 = 500_000.0, 5_000_000.0
FIRST_YEAR, TARGET_YEAR = 2026, 2027


def pt(x: float, y: float) -> shapely.Point:
    return shapely.Point(X0 + x, Y0 + y)


def box(x1: float, y1: float, x2: float, y2: float) -> shapely.Polygon:
    return shapely.box(X0 + x1, Y0 + y1, X0 + x2, Y0 + y2)


# well_id, use, status, permit_no, permit_m3, metered_m3, (x, y)
WELLS = [
    ("S1", "industrial", "active", "P-001", 400.0, 300.0, (5_200, 5_000)),
    ("S2", "domestic", "active", "P-002", 200.0, 200.0, (1_500, 1_500)),
    ("I1", "irrigation", "active", "P-003", 1_000.0, 1_000.0, (8_000, 8_000)),
    ("ST1", "irrigation", "stopped", "P-004", 300.0, 50.0, (8_000, 2_000)),
    ("U1", "irrigation", "active", None, None, 100.0, (12_000, 5_000)),
    ("P1", "irrigation", "active", "P-005", 600.0, 700.0, (14_000, 5_000)),
    ("I2", "irrigation", "active", "P-006", 500.0, 400.0, (16_000, 5_000)),
    ("G1", "public_supply", "active", "P-007", 50.0, 50.0, (18_000, 5_000)),
    ("I3", "irrigation", "active", "P-008", 1_000.0, 1_000.0, (22_000, 5_000)),
    ("I4", "irrigation", "active", "P-009", 600.0, 500.0, (26_000, 5_000)),
    ("OUT1", "irrigation", "active", "P-010", 100.0, 100.0, (40_000, 5_000)),
]


def wells() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "well_id": [w[0] for w in WELLS],
            "use": [w[1] for w in WELLS],
            "status": [w[2] for w in WELLS],
            "permit_no": [w[3] for w in WELLS],
            "permit_m3": [w[4] for w in WELLS],
            "metered_m3": [w[5] for w in WELLS],
        },
        geometry=[pt(*w[6]) for w in WELLS],
        crs=CRS,
    )


def townships() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"name_zh": ["甲乡", "乙乡", "丙乡"], "allowable_m3": [1_000.0, 850.0, 600.0]},
        geometry=[box(0, 0, 10_000, 10_000), box(10_000, 0, 20_000, 10_000), box(20_000, 0, 30_000, 10_000)],
        crs=CRS,
    )


def pipes() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"pipe_id": ["P1"]}, geometry=[shapely.LineString([(X0 + 5_000, Y0), (X0 + 5_000, Y0 + 10_000)])], crs=CRS)


def supply_areas() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"area_id": ["A1"]}, geometry=[box(1_000, 1_000, 2_000, 2_000)], crs=CRS)


def all_layers() -> dict[str, gpd.GeoDataFrame]:
    return {"wells": wells(), "townships": townships(), "pipes": pipes(), "supply_areas": supply_areas()}


