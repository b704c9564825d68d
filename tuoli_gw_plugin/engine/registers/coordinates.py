"""Where a register row's well is: its coordinate cells read every way a county writes them, kept only when exactly
one reading falls in the county.

A register may give longitude/latitude (decimal degrees or 度分秒) or Gauss-Krüger metres, with or without the
8-digit zone prefix ("28…"), and call its columns X/Y in either order (Chinese survey tables call the northing X).
Each row's cells are tried as given and swapped, as metres (with the prefix removed where it is the county's zone) and
as degrees; the county's extent decides. Two readings in the county would be a guess: the row is refused. So is a
row none of whose readings is in the county.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from pyproj import CRS, Transformer

from ..core.county import COUNTY_LONLAT_BOUNDS, WORKING_EPSG, county_bounds_in
from ..core.messages import register, text
from .cells import CellError, cell_text, read_angle

register(
    {
        "registers.no_coordinates": ("no coordinates", "没有坐标"),
        "registers.half_coordinates": ("only {given} is filled in, not the other coordinate", "只填了“{given}”，缺另一个坐标"),
        "registers.outside_county": (
            "({a}, {b}) is not in the county read as metres or as degrees, in either order, with or without a zone "
            "prefix",
            "（{a}，{b}）无论按米或度、按任一顺序、有无带号读取，都不在县域内",
        ),
        "registers.two_readings": (
            "({a}, {b}) is in the county read two ways ({readings}): correct the row",
            "（{a}，{b}）有两种读法都落在县域内（{readings}）：请更正该行",
        ),
        "registers.reading_metres": ("metres", "米"),
        "registers.reading_degrees": ("degrees", "度"),
        "registers.fix_prefix": ("zone prefix {zone} removed from the easting", "东坐标去掉带号 {zone}"),
        "registers.fix_swapped": (
            "{first} and {second} swapped in this row (decided from the county's extent)",
            "本行 {first} 与 {second} 互换（依县域范围判定）",
        ),
        "registers.fix_dms": ("度分秒 read as decimal degrees", "度分秒换算为十进制度"),
    }
)

ROLE_PAIRS = (("easting", "northing"), ("x", "y"), ("lon", "lat"))


@dataclass
class Position:
    """A row's well in the working CRS, and how it was read."""

    x: float
    y: float
    kind: str  # "metres" or "degrees"
    columns: tuple[str, str]  # the header cells read, in the order written
    easting_first: bool  # the first column held the easting (longitude)
    prefixed: bool = False
    dms: bool = False
    fixes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Frame:
    """The CRSs the register's numbers are in, and the county's box in each."""

    metres: CRS
    degrees: CRS
    metres_box: tuple[float, float, float, float]
    zones: frozenset[int]  # zone numbers whose prefix may stand before an easting in ``metres``

    @classmethod
    def of(cls, metres_crs: str | None = None, degrees_crs: str | None = None) -> Frame:
        metres = CRS.from_user_input(metres_crs or f"EPSG:{WORKING_EPSG}")
        degrees = CRS.from_user_input(degrees_crs) if degrees_crs else (metres.geodetic_crs or CRS.from_epsg(4490))
        box = county_bounds_in(metres.to_wkt())
        if box is None:
            box = (np.inf, np.inf, -np.inf, -np.inf)  # nothing is in the county in a CRS that cannot reach it
        return cls(metres, degrees, box, _prefix_zones(metres))


def _prefix_zones(crs: CRS) -> frozenset[int]:
    """The 3° and 6° zone numbers of the CRS's central meridian (84°E: 3° zone 28, 6° zone 14 or 15)."""
    operation = crs.coordinate_operation
    if operation is None:
        return frozenset()
    meridian = next((p.value for p in operation.params if "longitude" in p.name.lower() and "origin" in p.name.lower()), None)
    if meridian is None:
        return frozenset()
    return frozenset({round(meridian / 3), int((meridian + 3) // 6)})


def _in_box(x: float, y: float, box: tuple[float, float, float, float]) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _readings(a: float, b: float, a_dms: bool, b_dms: bool, frame: Frame) -> list[tuple[str, bool, bool, float, float]]:
    """Every (kind, easting_first, prefixed, x, y) in the county for the numbers (a, b) as written."""
    found = []
    west, south, east, north = COUNTY_LONLAT_BOUNDS
    for easting_first, (first, second) in ((True, (a, b)), (False, (b, a))):
        if _in_box(first, second, (west, south, east, north)):
            found.append(("degrees", easting_first, False, first, second))
        if a_dms or b_dms:
            continue  # 度分秒 are degrees, never metres
        if _in_box(first, second, frame.metres_box):
            found.append(("metres", easting_first, False, first, second))
        zone = int(first // 1e6) if first >= 1e7 else None
        if zone in frame.zones and _in_box(first - zone * 1e6, second, frame.metres_box):
            found.append(("metres", easting_first, True, first - zone * 1e6, second))
    return found


def locate(cells: dict[str, tuple[str, str | None]], frame: Frame) -> Position | None:
    """The row's well from its coordinate cells (role -> (header, cell)); None when it has none. CellError when
    the cells cannot be read, are half given, or are not exactly once in the county."""
    for first_role, second_role in ROLE_PAIRS:
        if first_role not in cells or second_role not in cells:
            continue
        (first_header, first_cell), (second_header, second_cell) = cells[first_role], cells[second_role]
        first_text, second_text = cell_text(first_cell), cell_text(second_cell)
        if first_text is None and second_text is None:
            continue
        if first_text is None or second_text is None:
            raise CellError(text("registers.half_coordinates", given=first_header if first_text is not None else second_header))
        a, a_dms, a_fixes = read_angle(first_text)
        b, b_dms, b_fixes = read_angle(second_text)
        found = _readings(a, b, a_dms, b_dms, frame)
        if not found:
            raise CellError(text("registers.outside_county", a=first_text, b=second_text))
        if len(found) > 1:
            kinds = ", ".join(text(f"registers.reading_{kind}") for kind, *_ in found)
            raise CellError(text("registers.two_readings", a=first_text, b=second_text, readings=kinds))
        kind, easting_first, prefixed, x, y = found[0]
        fixes = [text("registers.cell", column=h, reason=f) for h, cell_fixes in ((first_header, a_fixes), (second_header, b_fixes))
                 for f in cell_fixes]
        position = Position(x, y, kind, (first_header, second_header), easting_first, prefixed, a_dms or b_dms, fixes)
        if prefixed:
            easting_header, easting = (first_header, a) if easting_first else (second_header, b)
            removed = text("registers.fix_prefix", zone=int(easting // 1e6))
            position.fixes.append(text("registers.cell", column=easting_header, reason=removed))
        if position.dms:
            position.fixes.append(text("registers.fix_dms"))
        return position
    return None


def to_working_crs(positions: list[Position], frame: Frame) -> np.ndarray:
    """The positions' (x, y) in EPSG:4537, metres and degrees each through their own CRS."""
    out = np.empty((len(positions), 2))
    target = CRS.from_epsg(WORKING_EPSG)
    for kind, crs in (("metres", frame.metres), ("degrees", frame.degrees)):
        rows = [i for i, p in enumerate(positions) if p.kind == kind]
        if not rows:
            continue
        xs = np.array([positions[i].x for i in rows])
        ys = np.array([positions[i].y for i in rows])
        if crs == target:
            out[rows, 0], out[rows, 1] = xs, ys
        else:
            tx, ty = Transformer.from_crs(crs, target, always_xy=True).transform(xs, ys)
            out[rows, 0], out[rows, 1] = tx, ty
    return out
