"""Every input layer checked against the others and the county before any answer: misplaced layers named, with why.

A layer that overlaps nothing gives silent answers — zones with the 8-digit zone prefix in a layer that claims
EPSG:4537 overlay no well, and every zone check is lost. Layers that meet are grouped (their longitude/latitude
boxes touch, with a margin); the group meeting the county is where the data are (the largest group when none does:
data of another place, consistently placed). Every layer outside it is an error naming the layer, the likely cause
— zone prefix, swapped axes, degrees in a metric CRS — and the fix. Measuring CRSs are chosen only after this, so a
misplaced layer can never decide one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from pyproj import CRS, Transformer
from pyproj.database import query_crs_info
from pyproj.enums import PJType

from .county import COUNTY_LONLAT_BOUNDS, LONLAT_EPSG, boxes_meet
from .errors import EngineInputError
from .messages import register, text

register(
    {
        "placement.misplaced": (
            "its extent ({extent} in {crs}) meets neither the county nor the other layers ({others}): {cause}",
            "其范围（{crs} 下 {extent}）既不在县域内，也与其他图层（{others}）不相交：{cause}",
        ),
        "placement.prefix": (
            "its eastings carry the zone prefix {zone} (8 digits) — set the layer's CRS to {prefixed} (Layer "
            "Properties ▸ Source), or remove the leading {zone} from the eastings",
            "其东坐标带有带号 {zone}（8 位数）——请将图层坐标系设为 {prefixed}（图层属性 ▸ 源），或去掉东坐标前的 {zone}",
        ),
        "placement.prefix_no_crs": (
            "its eastings carry the zone prefix {zone} (8 digits) — remove the leading {zone} from the eastings or set "
            "the CRS of zone {zone} with the prefix",
            "其东坐标带有带号 {zone}（8 位数）——请去掉东坐标前的 {zone}，或设为带带号的第 {zone} 带坐标系",
        ),
        "placement.swapped": (
            "its X and Y are swapped (Chinese survey tables call the northing X) — swap them (Processing ▸ Vector "
            "geometry ▸ Swap X and Y coordinates) and keep the CRS",
            "其 X、Y 互换了（测量表格把北坐标称为 X）——请交换坐标（处理工具 ▸ 矢量几何 ▸ 交换 X 和 Y 坐标），坐标系不变",
        ),
        "placement.swapped_prefix": (
            "its X and Y are swapped and the eastings carry the zone prefix {zone} — swap them (Processing ▸ Vector "
            "geometry ▸ Swap X and Y coordinates) and set the CRS to {prefixed}",
            "其 X、Y 互换且东坐标带有带号 {zone}——请交换坐标（处理工具 ▸ 矢量几何 ▸ 交换 X 和 Y 坐标）并将坐标系设为 {prefixed}",
        ),
        "placement.degrees": (
            "its coordinates are longitude/latitude in degrees although its CRS is in metres — set the layer's CRS to "
            "EPSG:4490 (CGCS2000 longitude/latitude) in Layer Properties ▸ Source",
            "其坐标是经纬度（度），但坐标系以米为单位——请在图层属性 ▸ 源中将坐标系设为 EPSG:4490（CGCS2000 经纬度）",
        ),
        "placement.unknown": (
            "check that the layer's CRS is the one its coordinates were written in",
            "请检查图层坐标系是否与其坐标实际所用的一致",
        ),
        "placement.the_county": ("the county", "县域"),
        "placement.none": ("none", "无"),
    }
)

# Boxes meet when they touch after this margin (degrees, about 10 km): a pipe layer and a zone layer of one county
# always do; a misplaced layer is thousands of kilometres away.
MARGIN_DEGREES = 0.1


@dataclass(frozen=True)
class LayerExtent:
    """One input layer as the check sees it: its name for messages, its CRS (pyproj text) and its extent in it."""

    label: str
    crs: str
    bounds: tuple[float, float, float, float]  # xmin, ymin, xmax, ymax in ``crs`` (x = easting / longitude)


def check_placement(layers: list[LayerExtent]) -> None:
    """EngineInputError naming every layer that meets neither the county nor the group of layers where the data are."""
    boxes = {layer.label: _lonlat_box(layer) for layer in layers}
    placed = _placed_group(layers, boxes)
    misplaced = [layer for layer in layers if layer.label not in placed]
    if not misplaced:
        return
    reference = _reference_box([boxes[label] for label in placed])
    others = ", ".join(sorted(placed)) or text("placement.none")
    layer = misplaced[0]
    crs = CRS.from_user_input(layer.crs)
    message = text(
        "placement.misplaced", extent=_extent_text(layer.bounds), crs=crs.to_string(), others=others,
        cause=likely_cause(layer, reference),
    )
    raise EngineInputError(message, layer=", ".join(m.label for m in misplaced))


def _extent_text(bounds: tuple[float, float, float, float]) -> str:
    """'x 28 460 000 – 28 465 000, y 5 080 000 – 5 090 000' (metres to the metre, degrees to 1e-5)."""
    def number(value: float) -> str:
        return f"{value:.5f}" if abs(value) < 1000 else f"{value:,.0f}".replace(",", " ")

    xmin, ymin, xmax, ymax = bounds
    return f"x {number(xmin)} – {number(xmax)}, y {number(ymin)} – {number(ymax)}"


def _lonlat_box(layer: LayerExtent) -> tuple[float, float, float, float] | None:
    """The layer's extent as a longitude/latitude box (its densified outline), None when PROJ cannot place it."""
    xmin, ymin, xmax, ymax = layer.bounds
    if not all(math.isfinite(v) for v in layer.bounds):
        return None
    steps = np.linspace(0.0, 1.0, 11)
    xs = np.concatenate([xmin + (xmax - xmin) * steps, np.full(11, xmax), xmin + (xmax - xmin) * steps, np.full(11, xmin)])
    ys = np.concatenate([np.full(11, ymin), ymin + (ymax - ymin) * steps, np.full(11, ymax), ymin + (ymax - ymin) * steps])
    try:
        lon, lat = Transformer.from_crs(CRS.from_user_input(layer.crs), CRS.from_epsg(LONLAT_EPSG), always_xy=True).transform(xs, ys)
    except Exception:  # noqa: BLE001 - outside the projection's domain: nowhere
        return None
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    if not (np.isfinite(lon).all() and np.isfinite(lat).all()) or np.abs(lat).max() > 90:
        return None
    return float(lon.min()), float(lat.min()), float(lon.max()), float(lat.max())


def _grown(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    return box[0] - MARGIN_DEGREES, box[1] - MARGIN_DEGREES, box[2] + MARGIN_DEGREES, box[3] + MARGIN_DEGREES


def _placed_group(layers: list[LayerExtent], boxes: dict) -> set[str]:
    """The labels of the groups of layers (touching each other, transitively) that meet the county, else of the
    largest group."""
    labels = [layer.label for layer in layers if boxes[layer.label] is not None]
    groups: list[set[str]] = []
    for label in labels:
        touching = [g for g in groups if any(boxes_meet(_grown(boxes[label]), boxes[other]) for other in g)]
        merged = {label}.union(*touching)
        groups = [g for g in groups if g not in touching] + [merged]
    in_county = [g for g in groups if any(boxes_meet(_grown(boxes[label]), COUNTY_LONLAT_BOUNDS) for label in g)]
    if in_county:
        return set().union(*in_county)  # every layer in the county is placed, whether or not it meets the others
    return max(groups, key=len) if groups else set()


def _reference_box(boxes: list) -> tuple[float, float, float, float]:
    """Where the data are: the county, joined by the placed layers' boxes."""
    found = [b for b in boxes if b is not None] + [COUNTY_LONLAT_BOUNDS]
    stacked = np.array(found)
    return float(stacked[:, 0].min()), float(stacked[:, 1].min()), float(stacked[:, 2].max()), float(stacked[:, 3].max())


def likely_cause(layer: LayerExtent, reference: tuple[float, float, float, float]) -> str:
    """Why ``layer`` misses ``reference`` (a lon/lat box), with the fix: the first reading of its numbers that lands there."""
    crs = CRS.from_user_input(layer.crs)
    xmin, ymin, xmax, ymax = layer.bounds
    target = _box_in(reference, crs)
    if crs.is_projected and target is not None:
        if _prefix_zone(xmin, xmax) is not None:
            zone = _prefix_zone(xmin, xmax)
            if boxes_meet((xmin - zone * 1e6, ymin, xmax - zone * 1e6, ymax), target):
                return _with_crs("placement.prefix", zone, crs)
        if boxes_meet((ymin, xmin, ymax, xmax), target):
            return text("placement.swapped")
        zone = _prefix_zone(ymin, ymax)
        if zone is not None and boxes_meet((ymin - zone * 1e6, xmin, ymax - zone * 1e6, xmax), target):
            return _with_crs("placement.swapped_prefix", zone, crs)
        if max(abs(xmin), abs(xmax)) <= 180 and max(abs(ymin), abs(ymax)) <= 90:
            if boxes_meet((xmin, ymin, xmax, ymax), reference) or boxes_meet((ymin, xmin, ymax, xmax), reference):
                return text("placement.degrees")
    if crs.is_geographic and boxes_meet((ymin, xmin, ymax, xmax), reference):
        return text("placement.swapped")
    return text("placement.unknown")


def _prefix_zone(low: float, high: float) -> int | None:
    """The zone number of 8-digit eastings (all in one zone), else None."""
    if low >= 1e7 and high < 1e8 and int(low // 1e6) == int(high // 1e6):
        return int(low // 1e6)
    return None


def _with_crs(key: str, zone: int, crs: CRS) -> str:
    prefixed = prefixed_crs(crs.name, zone)
    if prefixed is None:
        return text("placement.prefix_no_crs", zone=zone)
    return text(key, zone=zone, prefixed=prefixed)


@lru_cache(maxsize=32)
def prefixed_crs(name: str, zone: int) -> str | None:
    """'EPSG:4516 (CGCS2000 / 3-degree Gauss-Kruger zone 28)' for a CRS of that datum and zone with the prefix."""
    datum = name.split(" / ")[0]
    wanted = (f"{datum} / 3-degree Gauss-Kruger zone {zone}", f"{datum} / Gauss-Kruger zone {zone}")
    for info in query_crs_info(auth_name="EPSG", pj_types=PJType.PROJECTED_CRS):
        if info.name in wanted and not info.deprecated:
            return f"EPSG:{info.code} ({info.name})"
    return None


def _box_in(box: tuple[float, float, float, float], crs: CRS) -> tuple[float, float, float, float] | None:
    """A lon/lat box in ``crs``'s coordinates (its densified outline's bounds), None when PROJ cannot."""
    probe = LayerExtent("", f"EPSG:{LONLAT_EPSG}", box)
    west, south, east, north = probe.bounds
    steps = np.linspace(0.0, 1.0, 11)
    lons = np.concatenate([west + (east - west) * steps, np.full(11, east), west + (east - west) * steps, np.full(11, west)])
    lats = np.concatenate([np.full(11, south), south + (north - south) * steps, np.full(11, north), south + (north - south) * steps])
    try:
        x, y = Transformer.from_crs(CRS.from_epsg(LONLAT_EPSG), crs, always_xy=True).transform(lons, lats)
    except Exception:  # noqa: BLE001
        return None
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if not (np.isfinite(x).all() and np.isfinite(y).all()):
        return None
    return float(x.min()), float(y.min()), float(x.max()), float(y.max())
