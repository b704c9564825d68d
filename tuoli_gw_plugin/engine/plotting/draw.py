"""Shapely geometries onto matplotlib axes, and figures to PNG bytes (object API, no pyplot)."""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence

import numpy as np
import shapely
from matplotlib.figure import Figure
from matplotlib.patches import PathPatch
from matplotlib.path import Path as MplPath


def polygon_path(geometry: shapely.Geometry) -> MplPath | None:
    """A matplotlib path for a (multi)polygon, holes included (even-odd filling does the holes)."""
    vertices, codes = [], []
    for polygon in shapely.get_parts(geometry):
        if polygon.is_empty or polygon.geom_type != "Polygon":
            continue
        for ring in [polygon.exterior, *polygon.interiors]:
            coords = np.asarray(ring.coords)[:, :2]
            vertices.append(coords)
            codes.append([MplPath.MOVETO] + [MplPath.LINETO] * (len(coords) - 2) + [MplPath.CLOSEPOLY])
    if not vertices:
        return None
    return MplPath(np.concatenate(vertices), np.concatenate(codes))


def draw_polygons(ax, geometries: Sequence, **style) -> None:
    """Each (multi)polygon of ``geometries`` as a patch; None and non-polygons are skipped."""
    for geometry in geometries:
        if geometry is None:
            continue
        path = polygon_path(geometry)
        if path is not None:
            ax.add_patch(PathPatch(path, **style))


def draw_lines(ax, geometries: Sequence, **style) -> None:
    """Each (multi)line of ``geometries`` as a plotted line; None and non-lines are skipped."""
    for geometry in geometries:
        if geometry is None:
            continue
        for line in shapely.get_parts(geometry):
            if line.geom_type in ("LineString", "LinearRing"):
                coords = np.asarray(line.coords)
                ax.plot(coords[:, 0], coords[:, 1], **style)


def png_bytes(figure: Figure, *, dpi: int) -> bytes:
    """The figure as PNG bytes, cropped to what is drawn."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        # Without a CJK font matplotlib warns once per missing glyph; callers warn once instead.
        warnings.filterwarnings("ignore", message="Glyph .* missing from current font", category=UserWarning)
        figure.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    return buffer.getvalue()
