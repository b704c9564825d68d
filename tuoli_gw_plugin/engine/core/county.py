"""Where Toli County is: the box every layer and every register row must meet, and its survey zone.

No official boundary is available to this project (docs: DOMAIN, "Where"), so the county is a longitude/latitude
box with a margin: the schematic sample county spans 82.65–85.74°E, 45.39–46.41°N, the real county about
82.6–85.2°E, 45.2–46.7°N; half a degree (about 40–55 km) around both. A misplaced layer is thousands of kilometres
off (a zone prefix: 28 000 km; swapped axes: 4 600 km; degrees read as metres: 9 000 km), so the margin decides
nothing close to the county's edge — it only tells a real place from an impossible one.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from pyproj import CRS, Transformer

# (west, south, east, north) in degrees, CGCS2000 (EPSG:4490; within a metre of WGS 84 at this scale).
COUNTY_LONLAT_BOUNDS = (82.1, 44.7, 86.3, 47.0)
WORKING_EPSG = 4537  # CGCS2000 / 3-degree Gauss-Kruger CM 84E, no zone prefix
PREFIXED_EPSG = 4516  # CGCS2000 / 3-degree Gauss-Kruger zone 28: the same with the 8-digit "28…" easting
LONLAT_EPSG = 4490  # CGCS2000 geographic
COUNTY_ZONE = 28  # 3-degree zone of CM 84E: eastings with the prefix read 28 xxx xxx.xx


@lru_cache(maxsize=64)
def county_bounds_in(crs_text: str) -> tuple[float, float, float, float] | None:
    """The county box in ``crs_text``'s coordinates (x, y as the CRS's traditional GIS order): the bounding box
    of its densified outline. None when PROJ cannot place the county in that CRS."""
    crs = CRS.from_user_input(crs_text)
    west, south, east, north = COUNTY_LONLAT_BOUNDS
    steps = np.linspace(0.0, 1.0, 21)
    lons = np.concatenate([west + (east - west) * steps, np.full(21, east), east - (east - west) * steps, np.full(21, west)])
    lats = np.concatenate([np.full(21, south), south + (north - south) * steps, np.full(21, north), north - (north - south) * steps])
    try:
        x, y = Transformer.from_crs(CRS.from_epsg(LONLAT_EPSG), crs, always_xy=True).transform(lons, lats)
    except Exception:  # noqa: BLE001 - a CRS PROJ cannot reach the county from
        return None
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if not (np.isfinite(x).all() and np.isfinite(y).all()):
        return None
    return float(x.min()), float(y.min()), float(x.max()), float(y.max())


def boxes_meet(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Whether two (xmin, ymin, xmax, ymax) boxes share any point (touching counts)."""
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]
