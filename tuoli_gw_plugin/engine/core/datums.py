"""Datum changes said out loud: a layer on another datum than CGCS2000 is moved by PROJ, and how well is told.

Beijing 1954 and Xian 1980 (and WGS 84) reach CGCS2000 in PROJ only by a "ballpark" operation: no datum shift, of
unknown accuracy. Wells labelled Beijing 1954 / 3-degree Gauss-Kruger CM 84E (EPSG:2425) then move by about 90 m
on the way to EPSG:4537 — enough to change a verdict — without a word. This module says which operation PROJ
uses, its stated accuracy and how far it moves the data's centre.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from pyproj import CRS, Transformer
from pyproj.crs import ProjectedCRS
from pyproj.transformer import TransformerGroup

from .county import LONLAT_EPSG, WORKING_EPSG
from .messages import register, text

register(
    {
        "datums.move": (
            "Layer '{layer}' is in {name} ({code}), on another datum than the working CRS ({target}). PROJ moves it "
            "with '{operation}', {accuracy}; the move changes the coordinates by {shift:,.1f} m at the data's centre. "
            "Where the county has a transformation for this datum, choose it in QGIS (Project ▸ "
            "Properties ▸ Transformations, {code} → {target}): the run then uses it.",
            "图层“{layer}”为 {name}（{code}），与工作坐标系（{target}）的大地基准不同。PROJ 用“{operation}”转换，{accuracy}"
            "；在数据中心，转换使坐标变化 {shift:,.1f} 米。如县里有该基准的转换参数，请在 QGIS 中选择"
            "（项目 ▸ 属性 ▸ 转换，{code} → {target}）：运行时即采用。",
        ),
        "datums.accuracy_unknown": (
            "whose accuracy PROJ does not know (a ballpark: no datum shift applied)",
            "PROJ 不知其精度（粗略转换：未作基准平移）",
        ),
        "datums.accuracy": ("whose accuracy PROJ states as {accuracy:g} m", "PROJ 给出的精度为 {accuracy:g} 米"),
        "datums.project_operation": (
            "Layer '{layer}' ({code}) moved to {target} with the project's datum transformation: {operation}",
            "图层“{layer}”（{code}）按项目设定的基准转换移至 {target}：{operation}",
        ),
    }
)

# A transformation whose stated accuracy is worse than this, or unknown, is said out loud.
SAID_ABOVE_M = 1.0


@dataclass(frozen=True)
class DatumMove:
    """How PROJ moves a CRS's data to the working CRS, and by how much at one point."""

    name: str
    code: str
    operation: str
    accuracy_m: float | None  # None: PROJ does not know (ballpark)
    shift_m: float  # how far the move changes the coordinates at the point, against the same numbers on CGCS2000

    def said(self) -> bool:
        return self.accuracy_m is None or self.accuracy_m > SAID_ABOVE_M


def datum_move(crs_text: str, centre: tuple[float, float]) -> DatumMove | None:
    """The move of ``crs_text``'s data at ``centre`` (x, y in that CRS) to EPSG:4537; None on CGCS2000 itself."""
    source = CRS.from_user_input(crs_text)
    target = CRS.from_epsg(WORKING_EPSG)
    geodetic = source.geodetic_crs
    if geodetic is None or geodetic.datum == target.geodetic_crs.datum:
        return None
    group = TransformerGroup(source, target, always_xy=True)
    if not group.transformers:
        return None
    best = group.transformers[0]
    moved = best.transform(*centre)
    # The same numbers read on CGCS2000 (the projection kept): the move's datum part, in metres on the ground.
    on_cgcs2000 = CRS.from_epsg(LONLAT_EPSG)
    if source.is_projected:
        on_cgcs2000 = ProjectedCRS(conversion=source.coordinate_operation, geodetic_crs=CRS.from_epsg(LONLAT_EPSG))
    unmoved = Transformer.from_crs(on_cgcs2000, target, always_xy=True).transform(*centre)
    shift = math.hypot(moved[0] - unmoved[0], moved[1] - unmoved[1])
    accuracy = best.accuracy if best.accuracy is not None and best.accuracy >= 0 else None
    return DatumMove(source.name, source.to_string(), best.description, accuracy, shift)


def move_notice(layer: str, move: DatumMove) -> str:
    """The warning for a move said out loud."""
    accuracy = text("datums.accuracy_unknown") if move.accuracy_m is None else text("datums.accuracy", accuracy=move.accuracy_m)
    return text(
        "datums.move", layer=layer, name=move.name, code=move.code, target=f"EPSG:{WORKING_EPSG}", operation=move.operation,
        accuracy=accuracy, shift=move.shift_m,
    )
