"""Choose the projected CRS in which the engine measures metres.

Distances and areas are computed in a metric, conformal CRS whatever CRS the inputs come in, so
lon/lat (EPSG:4490) input gives the same answers as Gauss-Kruger (EPSG:4537) input. A projected CRS whose scale
differs from the ground over the data (web mercator: 1/cos(46°) ≈ 1.44 in Toli) is not used for measuring: the data
are measured in the fitting CGCS2000 zone instead, as lon/lat input is, and the user is told.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable

import geopandas as gpd
import numpy as np
from pyproj import CRS, Proj

from .errors import EngineNotice
from .messages import register, text

register(
    {
        # A CRS said in words (documents, maps): English keeps the EPSG name, Chinese the names a surveyor uses.
        "crs.datum.China 2000": ("CGCS2000", "2000国家大地坐标系"),
        "crs.datum.Xian 1980": ("Xian 1980", "1980西安坐标系"),
        "crs.datum.Beijing 1954": ("Beijing 1954", "1954北京坐标系"),
        "crs.datum.New Beijing": ("New Beijing", "新1954北京坐标系"),
        "crs.geographic": ("{datum} (longitude/latitude)", "{datum}（经纬度）"),
        "crs.gauss_kruger": ("{datum} / {width}-degree Gauss-Kruger CM {cm}E", "{datum} {width}度带 中央经线{cm}°"),
        "crs.gauss_kruger_zone": (
            "{datum} / {width}-degree Gauss-Kruger zone {zone}, CM {cm}E (eastings with the zone number)",
            "{datum} {width}度带 第{zone}带（东坐标含带号） 中央经线{cm}°",
        ),
        "crs.utm": ("{datum} / UTM zone {zone}{hemisphere}", "{datum} 通用横轴墨卡托投影 第{zone}带（{hemisphere}）"),
        "crs.north": ("N", "北半球"),
        "crs.south": ("S", "南半球"),
        "crs.other": ("{name}", "坐标系 {name}"),
        "crs.not_true_to_ground": (
            "{name} ({code}) is not true to the ground here: its scale is off by up to {error:.1%} over the data, so "
            "distances and areas are measured in {local} ({local_code}) instead.",
            "{name}（{code}）在此处与实地不符：其比例在数据范围内最多偏差 {error:.1%}，因此改用 {local}（{local_code}）"
            "量算距离和面积。",
        ),
    }
)

# CGCS2000 3-degree Gauss-Kruger zones without zone prefix: EPSG:4534 is CM 75E, then one code
# per 3 degrees up to EPSG:4554 at CM 135E (China's national series).
_CGCS2000_GK3_FIRST_EPSG = 4534
_CGCS2000_GK3_FIRST_CM = 75
_CGCS2000_GK3_LAST_CM = 135

# The largest scale error (|scale factor - 1|, along meridians and parallels) a projected CRS may have over the data
# and still be used to measure metres: 0.1 %. UTM (k0 = 0.9996) and 3- or 6-degree Gauss-Krüger zones stay inside
# it across their zones (a 6-degree zone edge at 46°N: 0.07 %); web mercator at 46°N is 44 % off.
MAX_SCALE_ERROR = 1e-3


def is_metric_projected(crs: CRS | None) -> bool:
    if crs is None or not crs.is_projected:
        return False
    units = {axis.unit_name.lower() for axis in crs.axis_info}
    return units <= {"metre", "meter", "m"}


def local_metric_crs(lon: float, lat: float) -> CRS:
    """The CGCS2000 3-degree GK zone over China, else the UTM zone of (lon, lat)."""
    central_meridian = round(lon / 3.0) * 3
    if _CGCS2000_GK3_FIRST_CM <= central_meridian <= _CGCS2000_GK3_LAST_CM and 15 <= lat <= 55:
        return CRS.from_epsg(_CGCS2000_GK3_FIRST_EPSG + (central_meridian - _CGCS2000_GK3_FIRST_CM) // 3)
    zone = int((lon + 180) // 6) % 60 + 1
    return CRS.from_epsg((32600 if lat >= 0 else 32700) + zone)


def scale_error(crs: CRS, lon_lat_bounds: tuple[float, float, float, float]) -> float:
    """The largest |scale factor - 1| of ``crs`` over a lon/lat box (corners, edge midpoints and centre).

    Infinite when PROJ cannot say (the box is outside the projection's domain).
    """
    west, south, east, north = lon_lat_bounds
    lons = np.array([west, (west + east) / 2, east] * 3)
    lats = np.repeat([south, (south + north) / 2, north], 3)
    try:
        factors = Proj(crs).get_factors(lons, lats)
        errors = np.abs(np.concatenate([np.asarray(factors.meridional_scale), np.asarray(factors.parallel_scale)]) - 1.0)
    except Exception:  # PROJ refuses points outside its domain: such a CRS cannot be trusted here
        return math.inf
    return float(errors.max()) if np.isfinite(errors).all() else math.inf


def _lon_lat_bounds(frames: list[gpd.GeoDataFrame]) -> tuple[float, float, float, float] | None:
    boxes = []
    for frame in frames:
        valid = frame.geometry[~frame.geometry.is_empty & frame.geometry.notna()]
        if len(valid):
            bounds = valid.to_crs(4326).total_bounds
            if np.isfinite(bounds).all():
                boxes.append(bounds)
    if not boxes:
        return None
    stacked = np.array(boxes)
    return (float(stacked[:, 0].min()), float(stacked[:, 1].min()), float(stacked[:, 2].max()), float(stacked[:, 3].max()))


def working_crs(frames: Iterable[gpd.GeoDataFrame | None]) -> CRS:
    """The first metric projected CRS among the frames that is true to the ground over the data, else the local zone.

    A metric CRS whose scale error over the data exceeds MAX_SCALE_ERROR (web mercator) is passed over with an
    EngineNotice saying so, and the data are measured in the CGCS2000 zone (or UTM zone) at their centre.
    """
    frames = [f for f in frames if f is not None and f.crs is not None]
    bounds = _lon_lat_bounds(frames)
    for frame in frames:
        candidate = CRS.from_user_input(frame.crs)
        if not is_metric_projected(candidate):
            continue
        error = scale_error(candidate, bounds) if bounds is not None else 0.0
        if error <= MAX_SCALE_ERROR:
            return candidate
        if bounds is not None:
            local = local_metric_crs((bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2)
            warnings.warn(
                EngineNotice(
                    text(
                        "crs.not_true_to_ground", name=candidate.name, code=candidate.to_string(), error=error,
                        local=local.name, local_code=local.to_string(),
                    )
                ),
                stacklevel=2,
            )
            return local
    if bounds is not None:
        return local_metric_crs((bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2)
    return CRS.from_epsg(4537)


_DATUM_KEYS = {"China 2000", "Xian 1980", "Beijing 1954", "New Beijing"}


def crs_words(crs: CRS | None, language: str) -> str:
    """The CRS as a reader of ``language`` names it: 'CGCS2000 / 3-degree Gauss-Kruger CM 84E' in English,
    '2000国家大地坐标系 3度带 中央经线84°' in Chinese. A CRS outside the Chinese series keeps its EPSG code."""
    if crs is None:
        return "—"
    if language != "zh":
        return crs.name
    datum = crs.datum.name if crs.datum is not None else ""
    datum_words = text(f"crs.datum.{datum}", language) if datum in _DATUM_KEYS else ""
    if datum.startswith("World Geodetic System 1984"):
        datum_words = "WGS 84"
    operation = crs.coordinate_operation
    if crs.is_geographic and datum_words:
        return text("crs.geographic", language, datum=datum_words)
    if datum_words and operation is not None and operation.method_name == "Transverse Mercator":
        parameters = {p.name: p.value for p in operation.params}
        cm = parameters.get("Longitude of natural origin", 0.0)
        easting = parameters.get("False easting", 0.0)
        zone = int(easting // 1_000_000)
        utm = crs.utm_zone
        if utm:
            hemisphere = text("crs.north" if utm.endswith("N") else "crs.south", language)
            return text("crs.utm", language, datum=datum_words, zone=utm[:-1], hemisphere=hemisphere)
        width = 3 if ("3-degree" in crs.name or (zone and zone * 3 == cm) or (not zone and cm % 6 != 3)) else 6
        if zone:
            return text("crs.gauss_kruger_zone", language, datum=datum_words, width=width, zone=zone, cm=f"{cm:g}")
        return text("crs.gauss_kruger", language, datum=datum_words, width=width, cm=f"{cm:g}")
    code = crs.to_epsg()
    return text("crs.other", language, name=f"EPSG:{code}" if code else crs.name)
