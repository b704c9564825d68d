"""Hand-built screening layers whose answers can be worked out on paper (EPSG:4537 metres).

Coordinates are offsets from (X0, Y0), a spot near the county seat. The layout:
- severe zone "Akbiri" = square 0..1000 × 0..1000 with a hole 400..600 × 400..600;
- general zone "Dulate-2part" = two squares 2000..2500 and 3000..3500 × 0..500 (one multipart feature);
- general zone "Overlap" = 800..1500 × 0..1000 (overlaps the severe zone on 800..1000);
- one supply pipe along y = -3000 from x = 0 to x = 10000; coverage distance 500 m;
- one supply area 100..300 × 700..900 (inside the severe zone);
- township 托里镇 = -10000..2800 × -10000..10000 with 1000 m³ left; township 多拉特乡 = 2800..4000 ×
  -1000..1000 with 0 m³ left (red line used up).
"""

from __future__ import annotations

import geopandas as gpd
import shapely

X0, Y0 = 470000.0, 5087000.0
CRS = "EPSG:4537"


def box(x1: float, y1: float, x2: float, y2: float) -> shapely.Polygon:
    return shapely.box(X0 + x1, Y0 + y1, X0 + x2, Y0 + y2)


def pt(x: float, y: float) -> shapely.Point:
    return shapely.Point(X0 + x, Y0 + y)


def zones() -> gpd.GeoDataFrame:
    severe = shapely.Polygon(box(0, 0, 1000, 1000).exterior.coords, [box(400, 400, 600, 600).exterior.coords])
    multipart = shapely.MultiPolygon([box(2000, 0, 2500, 500), box(3000, 0, 3500, 500)])
    return gpd.GeoDataFrame(
        {"zone_id": [1, 2, 3], "zone_name": ["Akbiri", "Dulate-2part", "Overlap"], "grade": ["severe", "general", "一般"]},
        geometry=[severe, multipart, box(800, 0, 1500, 1000)],
        crs=CRS,
    )


def pipes() -> gpd.GeoDataFrame:
    line = shapely.LineString([(X0, Y0 - 3000), (X0 + 10000, Y0 - 3000)])
    return gpd.GeoDataFrame({"pipe_id": [1]}, geometry=[line], crs=CRS)


def supply_areas() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"area_id": [1]}, geometry=[box(100, 700, 300, 900)], crs=CRS)


def townships() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"name_zh": ["托里镇", "多拉特乡"], "remaining_m3": [1000.0, 0.0]},
        geometry=[box(-10000, -10000, 2800, 10000), box(2800, -1000, 4000, 1000)],
        crs=CRS,
    )


# name: (x, y, use, expected verdict, expected reasons, zone_name, zone_grade, supply distance m, covered, township)
WELLS = {
    "in_hole": (500, 500, None, "allowed", "", None, None, 3500.0, False, "托里镇"),
    "severe": (200, 200, None, "prohibited", "severe_zone", "Akbiri", "severe", 3200.0, False, "托里镇"),
    "severe_and_general": (900, 500, None, "prohibited", "severe_zone;general_zone", "Akbiri", "severe", 3500.0, False, "托里镇"),
    "general": (1200, 500, None, "restricted", "general_zone", "Overlap", "general", 3500.0, False, "托里镇"),
    "between_parts": (2700, 200, None, "allowed", "", None, None, 3200.0, False, "托里镇"),
    "second_part_red_line": (
        3200,
        200,
        None,
        "prohibited",
        "general_zone;red_line_exhausted",
        "Dulate-2part",
        "general",
        3200.0,
        False,
        "多拉特乡",
    ),
    "red_line_only": (2900, 800, None, "prohibited", "red_line_exhausted", None, None, 3800.0, False, "多拉特乡"),
    "on_boundary": (0, 500, None, "prohibited", "severe_zone", "Akbiri", "severe", 3500.0, False, "托里镇"),
    # West of the pipe's start (x = 0): distance to the end vertex, sqrt(1² + 3500²).
    "1m_outside_zone": (-1, 500, None, "allowed", "", None, None, (1 + 3500**2) ** 0.5, False, "托里镇"),
    "1m_inside_zone": (1, 500, None, "prohibited", "severe_zone", "Akbiri", "severe", 3500.0, False, "托里镇"),
    "1m_inside_hole": (401, 500, None, "allowed", "", None, None, 3500.0, False, "托里镇"),
    # Item 13 bans new self-supplied wells (自备井) only: the coverage cases are self-supplied wells.
    "pipe_499m": (2000, -2501, "自备", "prohibited", "supply_coverage", None, None, 499.0, True, "托里镇"),
    "pipe_500m": (2000, -2500, "industrial", "prohibited", "supply_coverage", None, None, 500.0, True, "托里镇"),
    "pipe_501m": (2000, -3501, None, "allowed", "", None, None, 501.0, False, "托里镇"),
    # Past the pipe's end: distance to the end vertex, sqrt(300² + 399²) = 499.2; a 32-gon buffer would miss it.
    "past_pipe_end": (10300, -3399, "自备井", "prohibited", "supply_coverage", None, None, (300**2 + 399**2) ** 0.5, True, None),
    # A farm irrigation well is no 自备井 (rules file, screening.well_types): in coverage, item 13 does not apply.
    "area_in_severe": (200, 800, "irrigation", "prohibited", "supply_coverage_not_self_supplied;severe_zone", "Akbiri", "severe",
                       3800.0, True, "托里镇"),
    "self_supplied_area_in_severe": (200, 800, "domestic", "prohibited", "supply_coverage;severe_zone", "Akbiri", "severe", 3800.0,
                                     True, "托里镇"),
    "exempt_in_severe": (200, 200, "监测", "restricted", "severe_zone;statutory_exception", "Akbiri", "severe", 3200.0, False, "托里镇"),
    # A monitoring well is no self-supplied well: item 13 does not apply; the Regulations' exception for monitoring holds
    # inside coverage too (restricted, not prohibited); "domestic supply without an alternative" cannot, the network is one.
    "exempt_in_coverage": (200, 800, "monitoring", "restricted", "supply_coverage_not_self_supplied;severe_zone;statutory_exception",
                           "Akbiri", "severe", 3800.0, True, "托里镇"),
    "no_alternative_in_coverage": (200, 800, "domestic_no_alternative", "prohibited", "supply_coverage;severe_zone", "Akbiri", "severe",
                                   3800.0, True, "托里镇"),
    # Inside coverage with no type: item 13 may or may not apply, so it is asked, not guessed.
    "coverage_type_unknown": (2000, -2600, None, "restricted", "supply_coverage_type_unknown", None, None, 400.0, True, "托里镇"),
    # The utility's own supply well inside coverage: not a self-supplied well, allowed — and the reason says it is in coverage.
    "public_supply_in_coverage": (2000, -2700, "公共供水", "allowed", "supply_coverage_not_self_supplied", None, None, 300.0, True,
                                  "托里镇"),
    "exempt_outside_zones": (2700, 200, "emergency", "allowed", "", None, None, 3200.0, False, "托里镇"),
    "not_exempt_use": (1200, 500, "irrigation", "restricted", "general_zone", "Overlap", "general", 3500.0, False, "托里镇"),
}


def wells() -> gpd.GeoDataFrame:
    names = list(WELLS)
    return gpd.GeoDataFrame(
        {
            "well_id": names,
            "use": [WELLS[n][2] for n in names],
            "permit_m3": [1000.0 + i for i in range(len(names))],
        },
        geometry=[pt(WELLS[n][0], WELLS[n][1]) for n in names],
        crs=CRS,
    )


# Existing wells for the closure list: (x, y, self_supplied, status, metered_m3, permit_m3).
# Listed: c1 (1200 metered), c2 (800 from permit), c6 (300, in the supply area): 2300 m³ in all.
CLOSURE_WELLS = {
    "c1": (2000, -2501, "是", "active", 1200.0, 2000.0),
    "c2": (2000, -2600, 1, None, None, 800.0),
    "c3": (2000, -2700, "yes", "注销", 900.0, 900.0),
    "c4": (2000, -2800, "true", "stopped", 700.0, 700.0),
    "c5": (2000, -3600, 1, "active", 500.0, 500.0),
    "c6": (200, 800, 1, "在用", 300.0, None),
    "c7": (2000, -2501, 0, "active", 100.0, 100.0),
    "c8": (2000, -2900, None, "active", 100.0, 100.0),
}
CLOSURE_LISTED = {"c1": (1200.0, "metered_m3", 499.0), "c2": (800.0, "permit_m3", 400.0), "c6": (300.0, "metered_m3", 3800.0)}


def closure_wells() -> gpd.GeoDataFrame:
    names = list(CLOSURE_WELLS)
    rows = [CLOSURE_WELLS[n] for n in names]
    return gpd.GeoDataFrame(
        {
            "well_id": names,
            "self_supplied": [str(r[2]) if r[2] is not None else None for r in rows],
            "status": [r[3] for r in rows],
            "metered_m3": [r[4] for r in rows],
            "permit_m3": [r[5] for r in rows],
        },
        geometry=[pt(r[0], r[1]) for r in rows],
        crs=CRS,
    )


def write_gpkg(path, **layers: gpd.GeoDataFrame) -> str:
    """Write each frame as a layer of one GeoPackage; returns the path as text."""
    for name, frame in layers.items():
        frame.to_file(path, layer=name, driver="GPKG")
    return str(path)
