"""Build the deterministic, SCHEMATIC sample layers for Toli County (托里县).

Writes ``sample_layers/toli_sample.gpkg`` (townships, over-extraction zones, supply network and
coverage, wells, well applications, monitoring stations and water levels, farmland parcels, power
accounts) and ``sample_layers/recharge_mm.tif`` (recharge in mm/a). Everything is invented: the
geometry is a schematic county outline tiled by Voronoi cells, not official boundaries. The data
are built so that the plugin's rules have something to find (faulty wells, applications on zone
edges, a township whose red line is used up) and so that extraction coefficients per township
come out as severe / general / not over-extracted as the notice 托政发规〔2024〕3号 says.

Run from the repository root (a fixed random seed makes two runs give identical content)::

    .venv/bin/python scripts/sample_data/make_sample_layers.py
"""

from __future__ import annotations

import datetime as dt
import math
import sys
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import rasterio
import shapely
from osgeo import gdal, ogr
from pyproj import Transformer
from rasterio.transform import from_origin
from shapely.geometry import LineString, MultiPoint, Point, Polygon
from shapely.ops import unary_union
from shapely.prepared import prep

REPO_ROOT = Path(__file__).resolve().parents[2]
OUT_DIR = REPO_ROOT / "sample_layers"
GPKG_PATH = OUT_DIR / "toli_sample.gpkg"
RECHARGE_PATH = OUT_DIR / "recharge_mm.tif"
OVERVIEW_PNG = REPO_ROOT / "docs" / "sample_layers.png"

WORK_CRS = "EPSG:4537"  # CGCS2000 / 3-degree Gauss-Kruger CM 84E, metres, false easting 500 000
SEED = 20241203  # the notice's issue date: any fixed number makes the output reproducible
DESCRIPTION = "Schematic sample for Toli County, not official data"
REFERENCE_DATE = dt.date(2025, 12, 31)  # "today" for the stopped-well and permit rules
PERIOD = 2025  # the abstraction / power-billing year the well attributes describe
COUNTY_CODE = "654224"  # administrative division code of 托里县, used in permit and contract numbers
COUNTY_AREA_M2 = 20_000e6
RECHARGE_CELL_M = 500.0
RECHARGE_NODATA = -9999.0
MU_M2 = 666.67

# Allowable abstraction = RHO x recharge volume; GB/T 34968 style grading thresholds on k.
RHO = 1.0
K_GENERAL = 1.0
K_SEVERE = 1.3


@dataclass(frozen=True)
class Township:
    """One township: names, a schematic centre (km, EPSG:4537) and what it is meant to look like."""

    township_id: str
    name_zh: str
    name_pinyin: str
    centre_km: tuple[float, float]
    n_wells: int
    target_k: float  # extraction coefficient the well volumes are scaled to
    red_line_factor: float  # red line = used x factor; < 1 makes the red line exhausted
    farm_blobs: tuple[tuple[float, float, float, float, float], ...]  # (x km, y km, a km, b km, rot deg)
    parcel_grid: tuple[int, int]  # columns x rows of the surveyed farmland-parcel block (0, 0) = none
    n_industrial: int


COUNTY_SEAT = "托里镇"
SEVERE_TOWNSHIPS = ("阿克别里斗乡", "多拉特乡")
GENERAL_TOWNSHIP = "托里镇"
EXHAUSTED_TOWNSHIP = "铁厂沟镇"

TOWNSHIPS: tuple[Township, ...] = (
    Township("TL01", "托里镇", "Tuoli", (468.976, 5088.383), 480, 1.15, 1.15,
             ((462.0, 5086.0, 6.0, 3.2, 5.0),), (9, 12), 15),
    Township("TL02", "阿克别里斗乡", "Akebielidou", (447.0, 5108.0), 780, 1.75, 1.03,
             ((441.0, 5104.0, 7.0, 3.8, 20.0), (456.0, 5115.5, 4.5, 2.6, -15.0)), (10, 15), 3),
    Township("TL03", "多拉特乡", "Duolate", (446.0, 5068.0), 720, 1.65, 1.05,
             ((451.0, 5073.0, 9.0, 4.6, 10.0),), (10, 15), 3),
    Township("TL04", "铁厂沟镇", "Tiechanggou", (566.0, 5118.0), 230, 0.20, 0.96,
             ((562.0, 5114.0, 3.0, 2.0, 0.0),), (0, 0), 40),
    Township("TL05", "庙尔沟镇", "Miaoergou", (592.0, 5072.0), 210, 0.20, 1.6,
             ((588.0, 5076.0, 3.5, 2.0, 45.0),), (0, 0), 45),
    Township("TL06", "库甫乡", "Kufu", (521.0, 5096.0), 300, 0.50, 1.4,
             ((523.0, 5092.0, 5.0, 3.0, 30.0),), (8, 10), 3),
    Township("TL07", "乌雪特乡", "Wuxuete", (500.0, 5052.0), 280, 0.22, 1.5,
             ((498.0, 5056.0, 5.0, 2.5, -10.0),), (7, 10), 3),
)

SURNAMES_HAN = list("王李张刘陈杨赵黄周吴徐孙马胡朱郭何罗高林")
GIVEN_HAN = ["建国", "志强", "秀兰", "桂英", "海燕", "军", "磊", "伟", "红梅", "春生", "玉兰", "新疆", "德明", "文华"]
NAMES_KAZAKH = ["努尔兰", "叶尔兰", "阿依古丽", "哈力木拉提", "别克", "加娜尔", "叶尔肯", "古丽米拉", "赛力克", "阿斯哈尔",
                "巴合提", "木拉提", "沙吾列", "达吾列提", "库尔班", "吐尔逊", "阿依努尔", "托合塔尔"]
COMPANY_STEMS = ["宝鑫", "包古图", "天山", "金岭", "鑫源", "华泰", "西部", "铁厂沟", "庙尔沟", "鸿达"]
COMPANY_KINDS = ["矿业有限公司", "建材有限公司", "煤业有限责任公司", "选矿厂", "养殖专业合作社", "农业开发有限公司"]
CROPS = ["cotton", "wheat", "maize", "forage", "sunflower"]
CROP_WEIGHTS = [0.22, 0.30, 0.20, 0.18, 0.10]


# --------------------------------------------------------------------------- geometry helpers


def km(x_km: float, y_km: float) -> tuple[float, float]:
    """Convert a (km, km) design coordinate to metres in EPSG:4537."""
    return x_km * 1000.0, y_km * 1000.0


def ellipse(x_km: float, y_km: float, a_km: float, b_km: float, rot_deg: float, n: int = 72) -> Polygon:
    """A rotated ellipse in metres, used for farmland blobs and zones."""
    theta = np.linspace(0, 2 * np.pi, n, endpoint=False)
    rot = math.radians(rot_deg)
    xs = a_km * np.cos(theta)
    ys = b_km * np.sin(theta)
    xr = xs * math.cos(rot) - ys * math.sin(rot) + x_km
    yr = xs * math.sin(rot) + ys * math.cos(rot) + y_km
    return Polygon(np.column_stack([xr, yr]) * 1000.0)


def county_outline() -> Polygon:
    """A wobbly ellipse of 20 000 km², about 220 km east-west, around the county seat's west."""
    centre_x, centre_y = 510.0, 5088.0
    theta = np.linspace(0, 2 * np.pi, 240, endpoint=False)
    # Low-frequency wobbles so the outline looks like a county, not a geometry exercise.
    wobble = 1 + 0.05 * np.sin(3 * theta + 0.5) + 0.035 * np.sin(5 * theta + 1.3) + 0.02 * np.sin(9 * theta + 2.1)
    xs = 112.0 * np.cos(theta) * wobble
    ys = 54.0 * np.sin(theta) * wobble
    raw = Polygon(np.column_stack([xs, ys]) * 1000.0)
    scale = math.sqrt(COUNTY_AREA_M2 / raw.area)  # make the area exactly 20 000 km²
    coords = np.asarray(raw.exterior.coords) * scale + np.array([centre_x * 1000.0, centre_y * 1000.0])
    return shapely.set_precision(Polygon(coords), 0.01)


def random_points_in(geom, count: int, rng: np.random.Generator, reject=None) -> list[Point]:
    """Uniform random points inside ``geom`` (rejection sampling), optionally outside ``reject``."""
    minx, miny, maxx, maxy = geom.bounds
    prepared_geom = prep(geom)
    prepared_reject = prep(reject) if reject is not None and not reject.is_empty else None
    points: list[Point] = []
    while len(points) < count:
        xs = rng.uniform(minx, maxx, 256)
        ys = rng.uniform(miny, maxy, 256)
        for x, y in zip(xs, ys):
            p = Point(round(float(x), 2), round(float(y), 2))
            if prepared_geom.contains(p) and (prepared_reject is None or not prepared_reject.contains(p)):
                points.append(p)
                if len(points) == count:
                    break
    return points


def point_near_boundary(zone, side: str, distance_m: float, rng: np.random.Generator, avoid=None) -> Point:
    """A point ``distance_m`` inside or outside ``zone``'s boundary, measured along the boundary normal."""
    boundary = zone.boundary
    for _ in range(500):
        along = rng.uniform(0, boundary.length)
        on_edge = boundary.interpolate(along)
        ahead = boundary.interpolate(min(along + 1.0, boundary.length))
        behind = boundary.interpolate(max(along - 1.0, 0.0))
        tx, ty = ahead.x - behind.x, ahead.y - behind.y
        norm = math.hypot(tx, ty)
        if norm == 0:
            continue
        nx, ny = -ty / norm, tx / norm
        for sign in (1, -1):
            p = Point(round(on_edge.x + sign * nx * distance_m, 2), round(on_edge.y + sign * ny * distance_m, 2))
            inside = zone.contains(p)
            wanted = inside if side == "inside" else not inside
            # The rounded point must really be the asked distance from the edge (not near a corner).
            if wanted and abs(p.distance(boundary) - distance_m) < 1.0 and (avoid is None or not avoid.contains(p)):
                return p
    raise RuntimeError("could not place a point near the zone boundary")


# --------------------------------------------------------------------------- layers


def build_townships(outline: Polygon) -> gpd.GeoDataFrame:
    """Voronoi cells of the township centres, clipped to the county outline (so they tile it)."""
    seeds = MultiPoint([km(*t.centre_km) for t in TOWNSHIPS])
    cells = shapely.voronoi_polygons(seeds, extend_to=outline.buffer(50_000))
    rows = []
    for township in TOWNSHIPS:
        centre = Point(km(*township.centre_km))
        cell = next(c for c in cells.geoms if c.contains(centre))
        piece = cell.intersection(outline)  # no snapping: neighbours share their Voronoi edge exactly
        rows.append({"township_id": township.township_id, "name_zh": township.name_zh,
                     "name_pinyin": township.name_pinyin, "geometry": piece})
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=WORK_CRS)


def farmland_by_township(townships: gpd.GeoDataFrame) -> dict[str, object]:
    """Irrigated-farmland blobs for each township, kept inside that township."""
    result = {}
    for township, polygon in zip(TOWNSHIPS, townships.geometry):
        blobs = unary_union([ellipse(*blob) for blob in township.farm_blobs])
        result[township.name_zh] = blobs.intersection(polygon)
    return result


def build_zones(townships: gpd.GeoDataFrame, farmland: dict[str, object]) -> gpd.GeoDataFrame:
    """Severe zones over Akbiri / Dulate farmland, a general zone round the county seat overlapping Dulate's."""
    by_name = dict(zip(townships["name_zh"], townships.geometry))
    # Akbiri: each farmland blob buffered separately and kept apart -> a MultiPolygon.
    akbiri = farmland["阿克别里斗乡"].buffer(900).intersection(by_name["阿克别里斗乡"])
    # Dulate: one block with a hole (a reservoir lens where levels hold up).
    dulate_hole = Point(km(445.0, 5071.5)).buffer(1500, quad_segs=16)
    dulate = farmland["多拉特乡"].buffer(900).intersection(by_name["多拉特乡"]).difference(dulate_hole)
    # General zone round the county seat's farmland, deliberately reaching into Dulate's severe zone.
    general = unary_union([ellipse(462.5, 5086.0, 7.5, 4.5, 5.0), ellipse(457.0, 5078.5, 5.5, 2.6, 40.0)])
    general = general.buffer(1000).buffer(-1000)  # round off the joint between the two ellipses
    zones = [
        ("CZ01", "阿克别里斗乡严重超采区", "severe", akbiri),
        ("CZ02", "多拉特乡严重超采区", "severe", dulate),
        ("CZ03", "托里镇一般超采区", "general", general),
    ]
    frame = gpd.GeoDataFrame(
        [{"zone_id": z, "zone_name": n, "grade": g, "geometry": shapely.set_precision(geom, 0.01)}
         for z, n, g, geom in zones], geometry="geometry", crs=WORK_CRS)
    return frame


def build_supply_network(townships: gpd.GeoDataFrame, rng: np.random.Generator
                         ) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Dendritic pipe networks from each centre, and coverage areas round their inner parts."""
    pipe_rows: list[dict] = []
    area_rows: list[dict] = []
    county_union = townships.union_all()
    for township in TOWNSHIPS:
        is_seat = township.name_zh == COUNTY_SEAT
        cx, cy = km(*township.centre_km)
        n_trunks = 5 if is_seat else 3
        n_trunk_segments = 5 if is_seat else 3
        inner_order = 3 if is_seat else 2  # segments up to this order are inside the coverage area
        trunk_diameters = [400, 315, 250, 200, 160] if is_seat else [200, 160, 110]
        start_angle = rng.uniform(0, 2 * np.pi)
        inner_parts = [Point(cx, cy).buffer(1200 if is_seat else 600, quad_segs=16)]
        for trunk in range(n_trunks):
            heading = start_angle + trunk * 2 * np.pi / n_trunks
            x, y = cx, cy
            for order in range(1, n_trunk_segments + 1):
                heading += rng.normal(0, math.radians(15))
                length = rng.uniform(900, 1600) if is_seat else rng.uniform(700, 1300)
                nx_, ny_ = x + length * math.cos(heading), y + length * math.sin(heading)
                segment = LineString([(x, y), (nx_, ny_)])
                pipe_rows.append({"geometry": segment, "diameter_mm": trunk_diameters[order - 1], "order": order})
                if order <= inner_order:
                    inner_parts.append(segment.buffer(400))
                # Side branches towards villages along the trunk.
                if rng.random() < (0.55 if is_seat else 0.4):
                    side = 1 if rng.random() < 0.5 else -1
                    b_heading = heading + side * math.radians(rng.uniform(60, 100))
                    bx, by = nx_, ny_
                    for b_order in range(int(rng.integers(1, 3))):
                        b_len = rng.uniform(400, 900)
                        ex, ey = bx + b_len * math.cos(b_heading), by + b_len * math.sin(b_heading)
                        branch = LineString([(bx, by), (ex, ey)])
                        pipe_rows.append({"geometry": branch, "diameter_mm": 110 if b_order == 0 else 75,
                                          "order": order + 1 + b_order})
                        if order < inner_order:
                            inner_parts.append(branch.buffer(300))
                        bx, by = ex, ey
                        b_heading += rng.normal(0, math.radians(20))
                x, y = nx_, ny_
        # Smooth the union a little so the coverage looks drawn, not buffered.
        area = unary_union(inner_parts).buffer(150).buffer(-150).simplify(10).intersection(county_union)
        suffix = "城区公共供水管网覆盖区" if is_seat else "集中供水管网覆盖区"
        area_rows.append({"area_id": f"SA{len(area_rows) + 1:02d}",
                          "name": ("托里县" if is_seat else township.name_zh) + suffix,
                          "township": township.name_zh, "geometry": shapely.set_precision(area, 0.01)})
    pipes = gpd.GeoDataFrame(pipe_rows, geometry="geometry", crs=WORK_CRS)
    pipes["geometry"] = shapely.set_precision(pipes.geometry.values, 0.01)
    pipes = pipes.clip(county_union)
    pipes = pipes[pipes.geom_type == "LineString"].reset_index(drop=True)
    # The township attribute is where the segment lies (its midpoint), not whose network it is.
    midpoints = gpd.GeoDataFrame(geometry=pipes.geometry.interpolate(0.5, normalized=True), crs=WORK_CRS)
    joined = gpd.sjoin(midpoints, townships[["name_zh", "geometry"]], predicate="within", how="left")
    pipes["township"] = joined["name_zh"].to_numpy()
    pipes.insert(0, "pipe_id", [f"P{i + 1:04d}" for i in range(len(pipes))])
    pipes = pipes[["pipe_id", "diameter_mm", "township", "geometry"]]
    areas = gpd.GeoDataFrame(area_rows, geometry="geometry", crs=WORK_CRS)
    return pipes, areas


def build_recharge(outline: Polygon) -> tuple[np.ndarray, rasterio.Affine, np.ndarray, np.ndarray]:
    """Recharge in mm/a on a 500 m grid: ~5 mm/a on the plains, up to ~60 near mountains and rivers."""
    minx, miny, maxx, maxy = outline.bounds
    x0 = math.floor(minx / RECHARGE_CELL_M) * RECHARGE_CELL_M
    y1 = math.ceil(maxy / RECHARGE_CELL_M) * RECHARGE_CELL_M
    n_cols = int(math.ceil((maxx - x0) / RECHARGE_CELL_M))
    n_rows = int(math.ceil((y1 - miny) / RECHARGE_CELL_M))
    transform = from_origin(x0, y1, RECHARGE_CELL_M, RECHARGE_CELL_M)
    xs = x0 + (np.arange(n_cols) + 0.5) * RECHARGE_CELL_M
    ys = y1 - (np.arange(n_rows) + 0.5) * RECHARGE_CELL_M
    grid_x, grid_y = np.meshgrid(xs, ys)
    centres = shapely.points(grid_x.ravel(), grid_y.ravel())
    # Mountain ranges (Barluk in the south-west, Maili in the middle south, Jair in the north-east):
    # more precipitation, thin soils over fractured rock, so more recharge.
    ridges = [LineString([km(415, 5045), km(470, 5030)]), LineString([km(505, 5040), km(560, 5060)]),
              LineString([km(540, 5135), km(615, 5115)])]
    mountain = np.zeros(centres.shape)
    for ridge in ridges:
        mountain = np.maximum(mountain, np.exp(-(shapely.distance(centres, ridge) / 14_000.0) ** 2))
    # Rivers leaking from their beds across the plain (the 托里河 style ephemeral rivers).
    rivers = [LineString([km(462, 5035), km(458, 5060), km(452, 5085), km(449, 5125)]),
              LineString([km(530, 5055), km(527, 5090), km(533, 5125)])]
    river = np.zeros(centres.shape)
    for line in rivers:
        river = np.maximum(river, np.exp(-(shapely.distance(centres, line) / 1500.0) ** 2))
    # A smooth deterministic wobble so the plain is not perfectly flat.
    wobble = (np.sin(grid_x.ravel() / 9000.0 + 0.7) * np.cos(grid_y.ravel() / 7000.0 - 0.3))
    recharge = 5.5 + 50.0 * mountain ** 1.5 + 18.0 * river + 1.5 * (wobble + 1)
    recharge = np.clip(recharge, 5.0, 60.0).astype(np.float32)
    inside = shapely.contains_xy(outline, grid_x.ravel(), grid_y.ravel())
    recharge[~inside] = RECHARGE_NODATA
    return recharge.reshape(n_rows, n_cols), transform, grid_x, grid_y


def allowable_by_township(townships: gpd.GeoDataFrame, recharge: np.ndarray,
                          grid_x: np.ndarray, grid_y: np.ndarray) -> dict[str, float]:
    """Allowable abstraction (m³/a) = RHO x Σ recharge/1000 x cell area over cells centred in the township."""
    values = recharge.ravel()
    valid = values != RECHARGE_NODATA
    cell_area = RECHARGE_CELL_M ** 2
    result = {}
    for name, polygon in zip(townships["name_zh"], townships.geometry):
        inside = shapely.contains_xy(polygon, grid_x.ravel(), grid_y.ravel()) & valid
        result[name] = RHO * float(values[inside].astype(np.float64).sum()) / 1000.0 * cell_area
    return result


def person_name(rng: np.random.Generator) -> str:
    """A plausible household name: about two thirds Kazakh, one third Han, as in the county."""
    if rng.random() < 0.65:
        return str(rng.choice(NAMES_KAZAKH)) + "·" + str(rng.choice(NAMES_KAZAKH))
    return str(rng.choice(SURNAMES_HAN)) + str(rng.choice(GIVEN_HAN))


def company_name(rng: np.random.Generator) -> str:
    """A plausible company name for an industrial abstractor."""
    return "托里县" + str(rng.choice(COMPANY_STEMS)) + str(rng.choice(COMPANY_KINDS))


def build_wells(townships: gpd.GeoDataFrame, farmland: dict[str, object], pipes: gpd.GeoDataFrame,
                areas: gpd.GeoDataFrame, allowable: dict[str, float], rng: np.random.Generator) -> gpd.GeoDataFrame:
    """About 3000 registered wells with realistic faults sprinkled at a few per cent each."""
    coverage = areas.union_all()
    pipe_zone = pipes.buffer(500).union_all()
    no_self_supply = coverage.union(pipe_zone)  # where a lawful self-supplied well should not be
    placed: list[dict] = []
    for township, polygon in zip(TOWNSHIPS, townships.geometry):
        name = township.name_zh
        farm = farmland[name]
        own_pipes = pipes[pipes["township"] == name]
        own_area = areas[areas["township"] == name].union_all()
        n_public, n_in_area, n_near_pipe = (4, 22, 10) if name == COUNTY_SEAT else (3, 4, 3)
        n_domestic = int(round(township.n_wells * 0.08))
        n_industrial = township.n_industrial
        n_irrigation = township.n_wells - n_public - n_in_area - n_near_pipe - n_domestic - n_industrial
        # Public-supply wells sit inside their coverage area.
        for p in random_points_in(own_area, n_public, rng):
            placed.append({"geometry": p, "use": "public_supply", "self_supplied": False, "township": name})
        # Fault: self-supplied wells inside the supply coverage (item 13).
        for p in random_points_in(own_area, n_in_area, rng):
            use = "industrial" if rng.random() < 0.4 else "domestic"
            placed.append({"geometry": p, "use": use, "self_supplied": True, "township": name})
        # Fault: self-supplied wells outside the drawn coverage but within 500 m of a pipe.
        outer_pipes = own_pipes.geometry.to_numpy()
        count = 0
        while count < n_near_pipe:
            line = outer_pipes[int(rng.integers(len(outer_pipes)))]
            on_line = line.interpolate(rng.uniform(0, 1), normalized=True)
            angle = rng.uniform(0, 2 * np.pi)
            offset = rng.uniform(60, 450)
            p = Point(round(on_line.x + offset * math.cos(angle), 2), round(on_line.y + offset * math.sin(angle), 2))
            if polygon.contains(p) and not coverage.contains(p) and pipes.distance(p).min() < 490:
                placed.append({"geometry": p, "use": "domestic", "self_supplied": True, "township": name})
                count += 1
        # Lawful self-supplied wells: herders' domestic wells and mines, away from the network.
        for p in random_points_in(polygon, n_domestic, rng, reject=no_self_supply):
            placed.append({"geometry": p, "use": "domestic", "self_supplied": True, "township": name})
        industrial_area = polygon if n_industrial < 10 else Point(km(*township.centre_km)).buffer(25_000).intersection(
            polygon)
        for p in random_points_in(industrial_area, n_industrial, rng, reject=no_self_supply.union(farm)):
            placed.append({"geometry": p, "use": "industrial", "self_supplied": True, "township": name})
        # Irrigation wells: 88 % in the irrigated farmland, the rest on scattered fields and pastures.
        n_in_farm = int(round(n_irrigation * 0.88))
        for p in random_points_in(farm, n_in_farm, rng):
            placed.append({"geometry": p, "use": "irrigation", "self_supplied": False, "township": name})
        for p in random_points_in(polygon, n_irrigation - n_in_farm, rng):
            placed.append({"geometry": p, "use": "irrigation", "self_supplied": False, "township": name})

    wells = gpd.GeoDataFrame(placed, geometry="geometry", crs=WORK_CRS)
    n = len(wells)
    wells.insert(0, "well_id", [f"TL-{i + 1:06d}" for i in range(n)])
    use = wells["use"].to_numpy()
    town = wells["township"].to_numpy()

    owners = []
    for u, t in zip(use, town):
        if u == "public_supply":
            owners.append("托里县供排水有限公司" if t == COUNTY_SEAT else f"{t}供水站")
        elif u == "industrial":
            owners.append(company_name(rng))
        elif u == "irrigation" and rng.random() < 0.15:
            owners.append(f"{t}{int(rng.integers(1, 9))}村农民用水者协会")
        else:
            owners.append(person_name(rng))
    wells["owner"] = owners

    # Aquifer: farms and houses pump the shallow aquifer; town supply and some mines go deep.
    deep_share = np.select([use == "public_supply", use == "industrial"], [0.9, 0.4], default=0.06)
    is_deep = rng.random(n) < deep_share
    wells["aquifer"] = np.where(is_deep, "deep", "shallow")

    # Depth to water: lowest where abstraction has drawn it down (severe townships), deeper for the deep aquifer.
    dtw_range = {"阿克别里斗乡": (35, 60), "多拉特乡": (35, 58), "托里镇": (25, 45)}
    dtw = np.array([rng.uniform(*dtw_range.get(t, (10, 35))) for t in town])
    dtw = np.where(is_deep, dtw + rng.uniform(20, 40, n), dtw)
    depth = np.where(is_deep, rng.uniform(150, 320, n), dtw + rng.uniform(25, 80, n))
    wells["depth_m"] = np.round(depth, 1)

    # Pump-test coefficient m³/kWh ≈ 367·η / H, H = depth to water + drawdown + outlet head.
    head = dtw + rng.uniform(5, 15, n) + rng.uniform(8, 25, n)
    efficiency = rng.uniform(0.45, 0.55, n)
    true_coefficient = np.clip(367.0 * efficiency / head, 1.7, 6.7)

    # Status and dates (item 11: deregister within 30 days of stopping).
    status = np.full(n, "active", dtype=object)
    draw = rng.random(n)
    status[draw < 0.05] = "deregistered"
    status[(draw >= 0.05) & (draw < 0.115)] = "stopped"
    stopped_on: list[dt.date | None] = [None] * n
    deregistered_on: list[dt.date | None] = [None] * n
    active_fraction = np.ones(n)  # share of PERIOD the well was pumping
    year_start = dt.date(PERIOD, 1, 1)
    for i in range(n):
        if status[i] == "stopped":
            if rng.random() < 0.3:  # stopped fewer than 30 days ago: not (yet) a fault
                stop = REFERENCE_DATE - dt.timedelta(days=int(rng.integers(1, 29)))
            else:  # fault: stopped more than 30 days ago and still not deregistered
                stop = REFERENCE_DATE - dt.timedelta(days=int(rng.integers(35, 420)))
            stopped_on[i] = stop
            active_fraction[i] = max(0.0, (stop - year_start).days / 365.0)
        elif status[i] == "deregistered":
            stop = dt.date(2023, 3, 1) + dt.timedelta(days=int(rng.integers(0, 960)))
            late = rng.random() < 0.15  # some were deregistered late, after the 30 days
            dereg = stop + dt.timedelta(days=int(rng.integers(45, 120) if late else rng.integers(3, 29)))
            stopped_on[i] = stop
            deregistered_on[i] = dereg
            active_fraction[i] = max(0.0, (stop - year_start).days / 365.0)
    wells["status"] = status
    wells["stopped_on"] = stopped_on
    wells["deregistered_on"] = deregistered_on

    # True abstraction: relative demand by use, then scaled per township to its target extraction coefficient.
    base_demand = np.select([use == "irrigation", use == "public_supply", use == "industrial"],
                            [1.0, 2.5, 0.5], default=0.04)
    demand = base_demand * rng.lognormal(0.0, 0.35, n) * active_fraction
    abstraction = np.zeros(n)
    for township in TOWNSHIPS:
        mask = town == township.name_zh
        target = township.target_k * allowable[township.name_zh]
        abstraction[mask] = demand[mask] / demand[mask].sum() * target
    kwh = abstraction / true_coefficient

    # Meters: ~5 % have none, ~1 % have a meter with no reading (broken), the rest read ±10 %.
    meter_draw = rng.random(n)
    has_meter = meter_draw >= 0.05
    reading_missing = (meter_draw >= 0.05) & (meter_draw < 0.06)
    recorded_coefficient = np.round(true_coefficient * rng.normal(1.0, 0.03, n), 2).clip(1.7, 6.7)
    noise = rng.uniform(0.9, 1.1, n)
    # Tampered or faulty meters: reading far from the electricity-derived volume. 4 % drawn so that ~3 % of all
    # wells show it (the rest lack a reading or a coefficient to compare with).
    gross = rng.random(n) < 0.04
    gross_factor = np.where(rng.random(n) < 0.75, rng.uniform(0.3, 0.6, n), rng.uniform(1.6, 2.2, n))
    metered = kwh * recorded_coefficient * np.where(gross, gross_factor, noise)
    metered_out = np.where(has_meter & ~reading_missing, np.round(metered, 0), np.nan)

    # Permits (5-year, item 11): unpermitted wells are the illegal ones.
    unpermitted = (rng.random(n) < 0.03) & (use != "public_supply")
    over_permit = (rng.random(n) < 0.04) & ~unpermitted & (status == "active")
    permit_factor = np.where(over_permit, rng.uniform(0.55, 0.95, n), rng.uniform(1.1, 1.5, n))
    planned = np.maximum(abstraction, 200.0)  # even a tiny domestic well gets a minimum permit
    permit_m3 = np.where(unpermitted, np.nan, np.round(np.maximum(planned * permit_factor, 500) / 100) * 100)
    permit_years = rng.integers(2021, 2026, n)
    permit_no = np.array([None if unpermitted[i] else f"D{COUNTY_CODE}G{permit_years[i]}-{i + 1:04d}"
                          for i in range(n)], dtype=object)
    permitted_depth = np.ceil(depth / 10) * 10 + rng.choice([0, 10, 20], n)
    deeper_than_permit = (rng.random(n) < 0.03) & ~unpermitted
    # A permitted depth is at least 10 m even where the fault makes the well deeper than its permit.
    permitted_depth = np.where(deeper_than_permit, np.maximum(10.0, np.floor((depth - rng.uniform(10, 60, n)) / 10) * 10),
                               permitted_depth)
    permitted_depth = np.where(unpermitted, np.nan, permitted_depth)

    # Power accounts (item 16): every pump has one except the "permit but no power link" fault.
    no_power = (rng.random(n) < 0.025) & ~unpermitted
    # A well without a power record must still have an abstraction estimate: it needs a meter reading.
    has_meter = has_meter | no_power
    metered_out = np.where(no_power & np.isnan(metered_out), np.round(abstraction * noise, 0), metered_out)
    account_numbers = rng.permutation(np.arange(10_000_000, 99_999_999))[:n]
    power_account = np.array([None if no_power[i] else f"65{account_numbers[i]:08d}" for i in range(n)], dtype=object)
    kwh_out = np.where(no_power, np.nan, np.round(kwh, 1))

    # Pump-test coefficient missing for ~15 % of wells, only where a meter reading covers the estimate.
    can_lose_coefficient = ~np.isnan(metered_out)
    candidates = np.flatnonzero(can_lose_coefficient)
    lose = rng.choice(candidates, size=int(round(0.15 * n)), replace=False)
    coefficient_out = recorded_coefficient.astype(float)
    coefficient_out[lose] = np.nan

    wells["self_supplied"] = wells["self_supplied"].astype(bool)
    wells["permit_no"] = permit_no
    wells["permit_m3"] = permit_m3
    wells["metered_m3"] = metered_out
    wells["has_meter"] = has_meter
    wells["power_account"] = power_account
    wells["kwh"] = kwh_out
    wells["m3_per_kwh"] = coefficient_out
    wells["permitted_depth_m"] = permitted_depth
    columns = ["well_id", "owner", "use", "self_supplied", "permit_no", "permit_m3", "metered_m3", "has_meter",
               "power_account", "kwh", "m3_per_kwh", "status", "stopped_on", "deregistered_on", "depth_m",
               "permitted_depth_m", "township", "aquifer", "geometry"]
    return wells[columns]


def estimated_abstraction(wells: pd.DataFrame) -> pd.Series:
    """Abstraction per well: the meter reading, else electricity x pump-test coefficient (以电折水)."""
    return wells["metered_m3"].fillna(wells["kwh"] * wells["m3_per_kwh"])


def build_applications(townships: gpd.GeoDataFrame, zones: gpd.GeoDataFrame, areas: gpd.GeoDataFrame,
                       rng: np.random.Generator) -> gpd.GeoDataFrame:
    """About 50 applications for new wells, placed to exercise every screening rule."""
    by_name = dict(zip(townships["name_zh"], townships.geometry))
    severe = zones[zones["grade"] == "severe"].union_all()
    general = zones[zones["grade"] == "general"].union_all()
    coverage = areas.union_all()
    constrained = severe.union(general).union(coverage)
    akbiri_zone = zones.loc[zones["zone_id"] == "CZ01"].geometry.iloc[0]
    dulate_zone = zones.loc[zones["zone_id"] == "CZ02"].geometry.iloc[0]
    exhausted = by_name[EXHAUSTED_TOWNSHIP]
    free_area = unary_union([by_name[n] for n in ("库甫乡", "乌雪特乡", "庙尔沟镇")])
    plan: list[tuple[str, object, str]] = []  # (case, point, use)

    for p, u in zip(random_points_in(coverage, 8, rng, reject=severe.union(general)),
                    ["domestic", "industrial", "domestic", "industrial", "domestic", "public_supply", "domestic",
                     "industrial"]):
        plan.append(("supply_coverage", p, u))
    severe_only = severe.difference(general).difference(coverage)
    for p, u in zip(random_points_in(severe_only, 10, rng),
                    ["irrigation", "irrigation", "domestic_no_alternative", "irrigation", "monitoring",
                     "irrigation", "domestic_no_alternative", "industrial", "monitoring", "irrigation"]):
        plan.append(("severe_zone", p, u))
    overlap = severe.intersection(general).difference(coverage)
    for p in random_points_in(overlap, 3, rng):
        plan.append(("severe_and_general_overlap", p, "irrigation"))
    general_only = general.difference(severe).difference(coverage)
    for p, u in zip(random_points_in(general_only, 7, rng),
                    ["irrigation", "irrigation", "industrial", "domestic_no_alternative", "irrigation", "domestic",
                     "irrigation"]):
        plan.append(("general_zone", p, u))
    for p, u in zip(random_points_in(exhausted, 6, rng, reject=constrained.buffer(600)),
                    ["industrial", "industrial", "irrigation", "domestic", "monitoring", "industrial"]):
        plan.append(("red_line_exhausted", p, u))
    for p, u in zip(random_points_in(free_area, 8, rng, reject=constrained.buffer(600)),
                    ["irrigation", "irrigation", "industrial", "domestic", "irrigation", "monitoring", "irrigation",
                     "domestic"]):
        plan.append(("free", p, u))
    # Edge cases a few metres either side of zone boundaries (GIS tolerance, snapping).
    plan.append(("edge_inside_severe", point_near_boundary(akbiri_zone, "inside", 8.0, rng, avoid=coverage),
                 "irrigation"))
    plan.append(("edge_inside_severe", point_near_boundary(dulate_zone, "inside", 5.0, rng, avoid=general),
                 "irrigation"))
    plan.append(("edge_outside_severe", point_near_boundary(akbiri_zone, "outside", 8.0, rng, avoid=constrained),
                 "irrigation"))
    plan.append(("edge_outside_severe", point_near_boundary(dulate_zone, "outside", 6.0, rng, avoid=constrained),
                 "irrigation"))
    general_alone = general.difference(severe.buffer(200))
    plan.append(("edge_inside_general", point_near_boundary(general_alone, "inside", 7.0, rng,
                                                            avoid=coverage.union(severe)), "irrigation"))
    plan.append(("edge_outside_general", point_near_boundary(general, "outside", 9.0, rng, avoid=constrained),
                 "irrigation"))
    seat_area = areas.loc[areas["township"] == COUNTY_SEAT].geometry.iloc[0]
    plan.append(("edge_inside_coverage", point_near_boundary(seat_area, "inside", 6.0, rng,
                                                             avoid=severe.union(general)), "domestic"))
    plan.append(("edge_outside_coverage", point_near_boundary(seat_area, "outside", 6.0, rng, avoid=constrained),
                 "domestic"))

    requested = {"irrigation": (20_000, 120_000), "industrial": (10_000, 80_000), "domestic": (200, 3_000),
                 "public_supply": (100_000, 300_000), "domestic_no_alternative": (200, 1_500),
                 "monitoring": (0, 50)}
    rows = []
    for index, (_case, point, use) in enumerate(plan):
        township = next(n for n, g in by_name.items() if g.contains(point))
        low, high = requested[use]
        applicant = company_name(rng) if use == "industrial" else (
            "托里县水利局" if use == "monitoring" else (
                "托里县供排水有限公司" if use == "public_supply" else person_name(rng)))
        rows.append({"app_id": f"SQ-2025-{index + 1:03d}", "applicant": applicant, "use": use,
                     "requested_m3": float(round(rng.uniform(low, high), -1)), "stated_township": township,
                     "geometry": point})
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=WORK_CRS)


def build_stations(townships: gpd.GeoDataFrame, zones: gpd.GeoDataFrame, rng: np.random.Generator
                   ) -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    """Monitoring wells and their 2015-2025 monthly depth-to-water series with designed trends."""
    by_name = dict(zip(townships["name_zh"], townships.geometry))
    severe = zones[zones["grade"] == "severe"].union_all()
    general = zones[zones["grade"] == "general"].union_all()
    placements: list[tuple[str, object, str, tuple[float, float]]] = []  # (township, point, aquifer, trend range)
    for name, zone_id in (("阿克别里斗乡", "CZ01"), ("多拉特乡", "CZ02")):
        zone = zones.loc[zones["zone_id"] == zone_id].geometry.iloc[0].difference(general)
        for p in random_points_in(zone, 7, rng):
            placements.append((name, p, "shallow", (1.6, 2.5)))
    for p in random_points_in(general.difference(severe).intersection(by_name["托里镇"]), 5, rng):
        placements.append(("托里镇", p, "shallow", (0.4, 1.2)))
    others = {"托里镇": 2, "铁厂沟镇": 3, "庙尔沟镇": 3, "库甫乡": 3, "乌雪特乡": 3}
    for name, count in others.items():
        for j, p in enumerate(random_points_in(by_name[name], count, rng, reject=severe.union(general).buffer(1000))):
            placements.append((name, p, "deep" if j == 0 and name != "托里镇" else "shallow", (-0.2, 0.2)))

    station_rows = []
    level_rows = []
    dates = pd.date_range("2015-01-15", "2025-12-15", freq="MS") + pd.Timedelta(days=14)
    years = np.array([(d - pd.Timestamp("2015-01-01")).days / 365.25 for d in dates])
    per_township_count: dict[str, int] = {}
    for index, (township, point, aquifer, trend_range) in enumerate(placements):
        station_id = f"JC{index + 1:02d}"
        per_township_count[township] = per_township_count.get(township, 0) + 1
        station_rows.append({"station_id": station_id, "name": f"{township}{per_township_count[township]}号监测井",
                             "township": township, "aquifer": aquifer, "geometry": point})
        trend = rng.uniform(*trend_range)  # metres per year of falling level = rising depth to water
        start_depth = rng.uniform(12, 30) if aquifer == "shallow" else rng.uniform(40, 70)
        irrigated = township in SEVERE_TOWNSHIPS or trend_range[0] > 0
        amplitude = rng.uniform(1.2, 2.5) if irrigated else rng.uniform(0.2, 0.6)
        month = np.array([d.month for d in dates])
        # Deepest in August after the irrigation peak, shallowest in April after snowmelt.
        seasonal = amplitude * np.cos((month - 8) / 12 * 2 * np.pi)
        depth = start_depth + trend * years + seasonal + rng.normal(0, 0.15, len(dates))
        keep = rng.random(len(dates)) > 0.02  # a few missed readings, as in any real series
        for d, value, k in zip(dates, depth, keep):
            if k:
                level_rows.append({"station_id": station_id, "date": d.date().isoformat(),
                                   "depth_to_water_m": round(float(value), 2)})
    return gpd.GeoDataFrame(station_rows, geometry="geometry", crs=WORK_CRS), pd.DataFrame(level_rows)


def build_parcels(townships: gpd.GeoDataFrame, farmland: dict[str, object], rng: np.random.Generator
                  ) -> gpd.GeoDataFrame:
    """A surveyed block of contract parcels in each farmed township, aligned with its farmland."""
    rows = []
    for township_index, (township, polygon) in enumerate(zip(TOWNSHIPS, townships.geometry)):
        n_cols, n_rows = township.parcel_grid
        if n_cols == 0:
            continue
        bx, by, _a, _b, rot = township.farm_blobs[0]
        widths = rng.uniform(180, 320, n_cols)
        heights = rng.uniform(260, 460, n_rows)
        x_edges = np.concatenate([[0], np.cumsum(widths)]) - widths.sum() / 2
        y_edges = np.concatenate([[0], np.cumsum(heights)]) - heights.sum() / 2
        angle = math.radians(rot)
        farm = farmland[township.name_zh]
        household_no = 0
        for r in range(n_rows):
            for c in range(n_cols):
                if rng.random() < 0.08:  # gaps: roads, a shelter belt, an unsurveyed plot
                    continue
                gap = 6.0  # field roads and ditches between parcels
                corners = [(x_edges[c] + gap, y_edges[r] + gap), (x_edges[c + 1] - gap, y_edges[r] + gap),
                           (x_edges[c + 1] - gap, y_edges[r + 1] - gap), (x_edges[c] + gap, y_edges[r + 1] - gap)]
                rotated = [(bx * 1000 + u * math.cos(angle) - v * math.sin(angle),
                            by * 1000 + u * math.sin(angle) + v * math.cos(angle)) for u, v in corners]
                parcel = shapely.set_precision(Polygon(rotated), 0.01)
                if not (polygon.contains(parcel) and farm.buffer(300).contains(parcel)):
                    continue
                household_no += 1
                village = 1 + r * 4 // n_rows
                group = 1 + c * 3 // n_cols
                rows.append({
                    "contract_no": f"{COUNTY_CODE}{township_index + 1:03d}{village:03d}{group:03d}{household_no:04d}J",
                    "household": person_name(rng), "area_mu": round(parcel.area / MU_M2, 2),
                    "crop": str(rng.choice(CROPS, p=CROP_WEIGHTS)), "township": township.name_zh,
                    "geometry": parcel})
    parcels = gpd.GeoDataFrame(rows, geometry="geometry", crs=WORK_CRS)
    parcels.insert(0, "parcel_id", [f"FP{i + 1:04d}" for i in range(len(parcels))])
    return parcels


def build_power_accounts(wells: gpd.GeoDataFrame, townships: gpd.GeoDataFrame, rng: np.random.Generator
                         ) -> pd.DataFrame:
    """The power company's annual billing per account: the wells' accounts plus a few with no registered well."""
    linked = wells.loc[wells["power_account"].notna(), ["power_account", "kwh", "township"]]
    frame = pd.DataFrame({"account": linked["power_account"].to_numpy(), "period": str(PERIOD),
                          "kwh": linked["kwh"].to_numpy(), "township": linked["township"].to_numpy()})
    used = set(frame["account"])
    orphan_rows = []
    while len(orphan_rows) < 14:  # pumps drawing power with no registered well: illegal abstraction suspects
        account = f"65{int(rng.integers(10_000_000, 99_999_999)):08d}"
        if account in used:
            continue
        used.add(account)
        township = str(rng.choice([t.name_zh for t in TOWNSHIPS], p=[0.15, 0.3, 0.3, 0.05, 0.05, 0.1, 0.05]))
        orphan_rows.append({"account": account, "period": str(PERIOD), "kwh": round(float(rng.uniform(3_000, 40_000)),
                                                                                    1), "township": township})
    frame = pd.concat([frame, pd.DataFrame(orphan_rows)], ignore_index=True)
    return frame.sort_values("account").reset_index(drop=True)


# --------------------------------------------------------------------------- writing and checks


def write_layer(frame: pd.DataFrame, layer: str, date_fields: tuple[str, ...] = ()) -> None:
    """Append one layer to the GeoPackage with the 'schematic' description, then type its date fields."""
    # GeoPackage 1.2: the version QGIS 3.22's GDAL 3.6 knows fully (pyogrio's newer GDAL would write 1.4).
    dataset_options = None if GPKG_PATH.exists() else {"VERSION": "1.2"}
    pyogrio.write_dataframe(frame, GPKG_PATH, layer=layer, driver="GPKG", dataset_options=dataset_options,
                            layer_options={"DESCRIPTION": DESCRIPTION, "IDENTIFIER": layer})
    if date_fields:
        # pyogrio writes datetime.date as text; GeoPackage stores DATE as the same ISO text, so only the
        # declared column type changes and QGIS / GDAL then read real dates.
        dataset = ogr.Open(str(GPKG_PATH), 1)
        ogr_layer = dataset.GetLayerByName(layer)
        for field in date_fields:
            index = ogr_layer.GetLayerDefn().GetFieldIndex(field)
            ogr_layer.AlterFieldDefn(index, ogr.FieldDefn(field, ogr.OFTDate), ogr.ALTER_TYPE_FLAG)
        dataset = None  # close, flushing the change


def write_recharge(recharge: np.ndarray, transform: rasterio.Affine) -> None:
    """Write the recharge grid as a compressed float32 GeoTIFF with a -9999 nodata outside the county."""
    profile = {"driver": "GTiff", "height": recharge.shape[0], "width": recharge.shape[1], "count": 1,
               "dtype": "float32", "crs": WORK_CRS, "transform": transform, "nodata": RECHARGE_NODATA,
               "compress": "deflate", "predictor": 3, "tiled": True, "blockxsize": 256, "blockysize": 256}
    with rasterio.open(RECHARGE_PATH, "w", **profile) as dst:
        dst.write(recharge, 1)
        dst.update_tags(DESCRIPTION=DESCRIPTION, UNITS="mm/a", QUANTITY="groundwater recharge")
        dst.set_band_description(1, "recharge_mm_per_year")


def check_and_summarise(townships: gpd.GeoDataFrame, wells: gpd.GeoDataFrame, allowable: dict[str, float],
                        layers: dict[str, pd.DataFrame], outline: Polygon) -> None:
    """Fail loudly if the designed properties do not hold; print counts and per-township k."""
    problems: list[str] = []
    abstraction = estimated_abstraction(wells)
    if abstraction.isna().any():
        problems.append(f"{int(abstraction.isna().sum())} wells have neither a reading nor kWh x coefficient")
    per_township = abstraction.groupby(wells["township"]).sum()
    print("township        allowable_m3     abstraction_m3      k   remaining_m3")
    general_count = 0
    for name in townships["name_zh"]:
        k = per_township[name] / allowable[name]
        remaining = float(townships.loc[townships["name_zh"] == name, "remaining_m3"].iloc[0])
        print(f"{name:<10}  {allowable[name]:>14,.0f}  {per_township[name]:>16,.0f}  {k:5.2f}  {remaining:>13,.0f}")
        if name in SEVERE_TOWNSHIPS and not k > K_SEVERE:
            problems.append(f"{name}: k={k:.2f} should be > {K_SEVERE}")
        elif name not in SEVERE_TOWNSHIPS and K_GENERAL < k <= K_SEVERE:
            general_count += 1
            if name != GENERAL_TOWNSHIP:
                problems.append(f"{name}: k={k:.2f} is general, only {GENERAL_TOWNSHIP} should be")
        elif name not in SEVERE_TOWNSHIPS and k > K_SEVERE:
            problems.append(f"{name}: k={k:.2f} is severe")
    if general_count != 1:
        problems.append(f"{general_count} townships are general, expected exactly 1")
    exhausted = townships.loc[townships["remaining_m3"] <= 0, "name_zh"].tolist()
    if not exhausted or COUNTY_SEAT in exhausted:
        problems.append(f"exhausted red-line townships {exhausted}: need one, not {COUNTY_SEAT}")
    tiling_gap = abs(townships.union_all().area - outline.area)
    if tiling_gap > 1.0 or abs(townships.area.sum() - outline.area) > 1.0:
        problems.append(f"townships do not tile the outline (gap {tiling_gap:.1f} m²)")
    joined = gpd.sjoin(wells[["well_id", "township", "geometry"]], townships[["name_zh", "geometry"]],
                       predicate="within")
    if (joined["township"] != joined["name_zh"]).any() or len(joined) != len(wells):
        problems.append("well township attribute disagrees with the township polygons")
    for name, frame in layers.items():
        print(f"{name:<22} {len(frame):>6} features")
    if problems:
        print("SAMPLE DATA CHECK FAILED:\n  " + "\n  ".join(problems), file=sys.stderr)
        raise SystemExit(1)
    print("checks passed")


def render_overview(layers: dict[str, pd.DataFrame], recharge: np.ndarray, transform: rasterio.Affine) -> None:
    """A quick-look PNG of the layers for the docs: the whole county and a zoom on the farmed lowland."""
    import matplotlib

    matplotlib.use("Agg")  # no display needed
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    # matplotlib registers a .ttc collection under its first family name, "Noto Sans CJK JP"; it has the SC glyphs.
    plt.rcParams["font.family"] = ["Noto Sans CJK JP", "DejaVu Sans"]
    townships = layers["townships"]
    zones = layers["overextraction_zones"]
    wells = layers["wells"]
    height, width = recharge.shape
    extent = (transform.c, transform.c + width * transform.a, transform.f + height * transform.e, transform.f)
    masked = np.ma.masked_equal(recharge, RECHARGE_NODATA)
    figure, axes = plt.subplots(1, 2, figsize=(16, 6.4), gridspec_kw={"width_ratios": [1.55, 1]})
    status_colours = {"active": "#2e9e44", "stopped": "#f08c00", "deregistered": "#7f7f7f"}
    for ax, zoom in zip(axes, (None, (425_000, 480_000, 5_060_000, 5_125_000))):
        image = ax.imshow(masked, extent=extent, cmap="YlGnBu", vmin=5, vmax=60, alpha=0.75)
        zones[zones["grade"] == "general"].plot(ax=ax, facecolor="#ff8c00", edgecolor="#b35f00", alpha=0.5)
        zones[zones["grade"] == "severe"].plot(ax=ax, facecolor="#8b0000", edgecolor="#5a0000", alpha=0.55)
        layers["farmland_parcels"].plot(ax=ax, facecolor="#f3dc8a", edgecolor="#8c7a4f", linewidth=0.15, alpha=0.7)
        layers["supply_areas"].plot(ax=ax, facecolor="#a6d8f5", edgecolor="#3a8fc7", alpha=0.8, linewidth=0.4)
        layers["supply_pipes"].plot(ax=ax, color="#1f5fbf", linewidth=0.6)
        for status, colour in status_colours.items():
            subset = wells[wells["status"] == status]
            ax.scatter(subset.geometry.x, subset.geometry.y, s=1.5 if zoom is None else 3, color=colour, lw=0)
        apps = layers["well_applications"]
        ax.scatter(apps.geometry.x, apps.geometry.y, marker="*", s=45, color="#9c27b0", edgecolor="white", lw=0.3)
        stations = layers["monitoring_stations"]
        ax.scatter(stations.geometry.x, stations.geometry.y, marker="^", s=22, color="#00bcd4", edgecolor="k", lw=0.3)
        townships.boundary.plot(ax=ax, color="#404040", linewidth=0.8)
        for name, polygon in zip(townships["name_zh"], townships.geometry):
            anchor = polygon.representative_point()
            if zoom is None or (zoom[0] < anchor.x < zoom[1] and zoom[2] < anchor.y < zoom[3]):
                ax.annotate(name, (anchor.x, anchor.y), fontsize=9, ha="center", color="#202020")
        if zoom is not None:
            ax.set_xlim(zoom[0], zoom[1])
            ax.set_ylim(zoom[2], zoom[3])
        ax.set_aspect("equal")
        ax.ticklabel_format(style="plain", useOffset=False)
        ax.tick_params(labelsize=7)
    axes[0].set_title("Toli County sample layers (EPSG:4537) — SCHEMATIC, not official data", fontsize=11)
    axes[1].set_title("Farmed lowland: 阿克别里斗乡, 多拉特乡, 托里镇", fontsize=11)
    figure.colorbar(image, ax=axes[0], shrink=0.7, label="recharge mm/a")
    handles = [Patch(facecolor="#8b0000", alpha=0.55, label="severe zone 严重超采区"),
               Patch(facecolor="#ff8c00", alpha=0.5, label="general zone 一般超采区"),
               Patch(facecolor="#a6d8f5", edgecolor="#3a8fc7", label="supply coverage"),
               Line2D([], [], color="#1f5fbf", label="supply pipes"),
               Patch(facecolor="#f3dc8a", edgecolor="#8c7a4f", label="farmland parcels")]
    handles += [Line2D([], [], marker="o", ls="", color=c, label=f"well {s}") for s, c in status_colours.items()]
    handles += [Line2D([], [], marker="*", ls="", color="#9c27b0", markersize=9, label="well application"),
                Line2D([], [], marker="^", ls="", color="#00bcd4", markeredgecolor="k", label="monitoring station")]
    axes[1].legend(handles=handles, loc="lower right", fontsize=7, framealpha=0.9)
    figure.tight_layout()
    OVERVIEW_PNG.parent.mkdir(exist_ok=True)
    figure.savefig(OVERVIEW_PNG, dpi=110, metadata={"Software": None})
    plt.close(figure)


def main() -> None:
    """Build every layer, write them, then verify the designed extraction coefficients."""
    gdal.UseExceptions()
    ogr.UseExceptions()
    rng = np.random.default_rng(SEED)
    # The design uses km offsets; the county seat itself comes from its lon/lat so the two stay in step.
    seat_x, seat_y = Transformer.from_crs("EPSG:4490", WORK_CRS, always_xy=True).transform(83.60, 45.93)
    assert abs(seat_x / 1000 - TOWNSHIPS[0].centre_km[0]) < 0.01 and abs(seat_y / 1000 - TOWNSHIPS[0].centre_km[1]) < 0.01

    outline = county_outline()
    townships = build_townships(outline)
    farmland = farmland_by_township(townships)
    zones = build_zones(townships, farmland)
    pipes, areas = build_supply_network(townships, rng)
    recharge, transform, grid_x, grid_y = build_recharge(outline)
    allowable = allowable_by_township(townships, recharge, grid_x, grid_y)
    wells = build_wells(townships, farmland, pipes, areas, allowable, rng)

    # Red lines: used = this year's estimated abstraction; the factor makes 铁厂沟镇 exhausted.
    used = estimated_abstraction(wells).groupby(wells["township"]).sum()
    factors = {t.name_zh: t.red_line_factor for t in TOWNSHIPS}
    townships["red_line_m3"] = [float(round(used[n] * factors[n], -4)) for n in townships["name_zh"]]
    townships["used_m3"] = [float(round(used[n], -3)) for n in townships["name_zh"]]
    townships["remaining_m3"] = townships["red_line_m3"] - townships["used_m3"]
    townships = townships[["township_id", "name_zh", "name_pinyin", "red_line_m3", "used_m3", "remaining_m3",
                           "geometry"]]

    applications = build_applications(townships, zones, areas, rng)
    stations, levels = build_stations(townships, zones, rng)
    parcels = build_parcels(townships, farmland, rng)
    power = build_power_accounts(wells, townships, rng)

    OUT_DIR.mkdir(exist_ok=True)
    for stale in (GPKG_PATH, RECHARGE_PATH):
        stale.unlink(missing_ok=True)  # rewrite from scratch so no stale pages or layers remain
    layers: dict[str, pd.DataFrame] = {
        "townships": townships, "overextraction_zones": zones, "supply_pipes": pipes, "supply_areas": areas,
        "wells": wells, "well_applications": applications, "monitoring_stations": stations,
        "water_levels": levels, "farmland_parcels": parcels, "power_accounts": power,
    }
    date_fields = {"wells": ("stopped_on", "deregistered_on"), "water_levels": ("date",)}
    for name, frame in layers.items():
        write_layer(frame, name, date_fields.get(name, ()))
    write_recharge(recharge, transform)
    check_and_summarise(townships, wells, allowable, layers, outline)
    render_overview(layers, recharge, transform)
    print(f"wrote {GPKG_PATH.relative_to(REPO_ROOT)}, {RECHARGE_PATH.relative_to(REPO_ROOT)}, "
          f"{OVERVIEW_PNG.relative_to(REPO_ROOT)}")


if __name__ == "__main__":
    main()
