"""Choose the projected CRS in which the engine measures metres.

Distances and areas are computed in a metric, conformal CRS whatever CRS the inputs come in, so
lon/lat (EPSG:4490) input gives the same answers as Gauss-Kruger (EPSG:4537) input.
"""

from __future__ import annotations

from collections.abc import Iterable

import geopandas as gpd
from pyproj import CRS

# CGCS2000 3-degree Gauss-Kruger zones without zone prefix: EPSG:4534 is CM 75E, then one code
# per 3 degrees up to EPSG:4554 at CM 135E (China's national series).
_CGCS2000_GK3_FIRST_EPSG = 4534
_CGCS2000_GK3_FIRST_CM = 75
_CGCS2000_GK3_LAST_CM = 135


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


def working_crs(frames: Iterable[gpd.GeoDataFrame | None]) -> CRS:
    """The first metric projected CRS among the frames, else a local one at their centre."""
    frames = [f for f in frames if f is not None and f.crs is not None]
    for frame in frames:
        if is_metric_projected(CRS.from_user_input(frame.crs)):
            return CRS.from_user_input(frame.crs)
    for frame in frames:
        valid = frame.geometry[~frame.geometry.is_empty & frame.geometry.notna()]
        if len(valid):
            lon_lat = valid.to_crs(4326).total_bounds
            return local_metric_crs((lon_lat[0] + lon_lat[2]) / 2, (lon_lat[1] + lon_lat[3]) / 2)
    return CRS.from_epsg(4537)
