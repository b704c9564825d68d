"""The broken inputs of the robustness matrix, each a small edit of the hand-made world.

A case takes a fresh ``World`` and the algorithm's spec, breaks one thing and says what the user
must get: ``SAME`` (exactly the answers of the clean world), ``ERROR`` (a clear message naming
the layer), or ``EITHER`` (a correct result with every feature accounted for, or a clear error).
``touched`` names the feature the case broke so the checks can look for it in the output or the
log. A case returns ``None`` when it does not apply to the algorithm (no polygon input, ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import shapely.ops

from .algorithms import AlgorithmSpec
from .world import World

SAME, ERROR, EITHER = "same", "error", "either"


@dataclass
class Prepared:
    world: World
    expect: str
    params: dict = field(default_factory=dict)  # parameter overrides
    touched_row: int | None = None  # row of the primary layer the case broke
    label: str | None = None  # layer name the message must mention (default: the primary layer)
    expect_in_log: str | None = None  # text the log must contain (e.g. the encoding assumed)
    primary_count: int | None = None  # features in the primary input after the edit
    expect_in_message: str | None = None  # text the error must contain (the likely cause and its fix)


def _primary(world: World, spec: AlgorithmSpec) -> gpd.GeoDataFrame:
    return world.layers[spec.primary]


def _prepared(world: World, spec: AlgorithmSpec, expect: str, **kwargs) -> Prepared:
    prepared = Prepared(world, expect, **kwargs)
    prepared.primary_count = len(world.layers[spec.primary])
    return prepared


def empty_layer(world: World, spec: AlgorithmSpec) -> Prepared:
    world.layers[spec.primary] = _primary(world, spec).iloc[0:0].copy()
    return _prepared(world, spec, EITHER)


def null_geometry(world: World, spec: AlgorithmSpec) -> Prepared:
    frame = _primary(world, spec)
    frame.loc[frame.index[1], "geometry"] = None
    return _prepared(world, spec, EITHER, touched_row=1)


def invalid_polygon(world: World, spec: AlgorithmSpec) -> Prepared | None:
    """A bow-tie (self-intersecting) polygon in the algorithm's first polygon layer."""
    if not spec.polygon_layers:
        return None
    name = spec.polygon_layers[0]
    frame = world.layers[name]
    xmin, ymin, xmax, ymax = frame.geometry.iloc[0].bounds
    bowtie = shapely.Polygon([(xmin, ymin), (xmax, ymax), (xmax, ymin), (xmin, ymax)])
    assert not bowtie.is_valid
    frame.loc[frame.index[0], "geometry"] = bowtie
    return _prepared(world, spec, EITHER, label=name, touched_row=0 if name == spec.primary else None)


def single_part_multipoints(world: World, spec: AlgorithmSpec) -> Prepared | None:
    """Every point written as a one-part MultiPoint (what shapefile tools often produce)."""
    if spec.primary not in spec.point_layers:
        return None
    frame = _primary(world, spec)
    frame["geometry"] = [shapely.MultiPoint([g]) for g in frame.geometry]
    return _prepared(world, spec, SAME)


def two_part_multipoint(world: World, spec: AlgorithmSpec) -> Prepared | None:
    if spec.primary not in spec.point_layers:
        return None
    frame = _primary(world, spec)
    point = frame.geometry.iloc[0]
    frame["geometry"] = [shapely.MultiPoint([g]) for g in frame.geometry]
    frame.loc[frame.index[0], "geometry"] = shapely.MultiPoint([point, shapely.Point(point.x + 9_000, point.y + 9_000)])
    return _prepared(world, spec, EITHER, touched_row=0)


def z_and_m(world: World, spec: AlgorithmSpec) -> Prepared:
    """Z values on every geometry of the primary layer (M is dropped by GeoPandas, Z is kept)."""
    frame = _primary(world, spec)
    frame["geometry"] = shapely.force_3d(frame.geometry.values, 1234.5)
    return _prepared(world, spec, SAME)


GEOMETRY_FREE = {"electricity_to_water", "progressive_surcharge"}  # accept tables: geometry unused


def wrong_geometry_type(world: World, spec: AlgorithmSpec) -> Prepared:
    """Points where polygons belong, or polygons where points belong (algorithms that take tables
    just pass the geometry through)."""
    frame = _primary(world, spec)
    if spec.primary in spec.point_layers:
        frame["geometry"] = frame.geometry.buffer(10)
    else:
        frame["geometry"] = frame.geometry.centroid
    return _prepared(world, spec, EITHER if spec.name in GEOMETRY_FREE else ERROR)


REQUIRED_FIELD = {  # a field each algorithm cannot do without, with the parameter naming it
    "screen_well_sites": ("zones", "grade", "ZONE_GRADE_FIELD"),
    # The register's self-supplied field is not needed (issue 25: where it is missing the use decides); the volume is.
    "self_supplied_closure_list": ("wells", "metered_m3", "VOLUME_FIELD"),
    "abstraction_recharge_balance": ("wells", "metered_m3", "VOLUME_FIELD"),
    "water_level_trend": ("water_levels", "depth_to_water_m", "DEPTH_FIELD"),
    "electricity_to_water": ("wells", "m3_per_kwh", "COEF_FIELD"),
    "compliance_audit": ("wells", "metered_m3", "METERED_FIELD"),
    "progressive_surcharge": ("wells", "actual_m3", "ACTUAL_FIELD"),
    "allocate_water_rights": ("parcels", "crop", "CROP_FIELD"),
}


def missing_field(world: World, spec: AlgorithmSpec) -> Prepared | None:
    """The field the parameter names (its default) is not in the layer: a clear error naming it."""
    if spec.name not in REQUIRED_FIELD:
        return None
    layer, name, _key = REQUIRED_FIELD[spec.name]
    world.layers[layer] = world.layers[layer].rename(columns={name: name + "_old"})
    if spec.name == "compliance_audit":  # every check is optional: the ones needing it are skipped, logged
        return _prepared(world, spec, EITHER, label=layer, expect_in_log=f"has no field '{name}'")
    return _prepared(world, spec, ERROR, label=layer)


def _set_number_cells(world: World, spec: AlgorithmSpec, values: list) -> Prepared | None:
    if spec.number_field is None:
        return None
    frame = _primary(world, spec)
    column = frame[spec.number_field].astype(object)
    for row, value in enumerate(values):
        column.iloc[row] = value
    frame[spec.number_field] = column
    return frame


def text_thousands(world: World, spec: AlgorithmSpec) -> Prepared | None:
    """'1,200'-style text in a number field is the number (the field is now a text field)."""
    frame = _set_number_cells(world, spec, [])
    if frame is None:
        return None
    frame[spec.number_field] = [f"{v:,.1f}" if v is not None else None for v in frame[spec.number_field]]
    return _prepared(world, spec, SAME)


def text_not_a_number(world: World, spec: AlgorithmSpec) -> Prepared | None:
    """'N/A' and '—' in a text number field: blank (flagged) or a clear error naming the feature."""
    frame = _set_number_cells(world, spec, [])
    if frame is None:
        return None
    frame[spec.number_field] = [f"{v}" for v in frame[spec.number_field]]
    frame.loc[frame.index[1], spec.number_field] = "N/A"
    frame.loc[frame.index[2], spec.number_field] = "—"
    return _prepared(world, spec, EITHER, touched_row=1)


def negative_volume(world: World, spec: AlgorithmSpec) -> Prepared | None:
    frame = _set_number_cells(world, spec, [])
    if frame is None:
        return None
    frame[spec.number_field] = frame[spec.number_field].astype(float)
    frame.loc[frame.index[1], spec.number_field] = -500.0
    return _prepared(world, spec, EITHER, touched_row=1)


def zero_volume(world: World, spec: AlgorithmSpec) -> Prepared | None:
    frame = _set_number_cells(world, spec, [])
    if frame is None:
        return None
    frame[spec.number_field] = frame[spec.number_field].astype(float)
    frame.loc[frame.index[1], spec.number_field] = 0.0
    return _prepared(world, spec, EITHER, touched_row=1)


def nan_volume(world: World, spec: AlgorithmSpec) -> Prepared | None:
    frame = _set_number_cells(world, spec, [])
    if frame is None:
        return None
    frame[spec.number_field] = frame[spec.number_field].astype(float)
    frame.loc[frame.index[1], spec.number_field] = np.nan
    return _prepared(world, spec, EITHER, touched_row=1)


def infinite_volume(world: World, spec: AlgorithmSpec) -> Prepared | None:
    """inf in a real number field (issue 13, item 7): refused naming the feature, never an infinite fee or volume."""
    frame = _set_number_cells(world, spec, [])
    if frame is None:
        return None
    frame[spec.number_field] = frame[spec.number_field].astype(float)
    frame.loc[frame.index[1], spec.number_field] = np.inf
    return _prepared(world, spec, EITHER, touched_row=1)


def text_infinity(world: World, spec: AlgorithmSpec) -> Prepared | None:
    """'Infinity' and '1e400' (which overflows to inf) in a text number field: refused naming the feature."""
    frame = _set_number_cells(world, spec, [])
    if frame is None:
        return None
    frame[spec.number_field] = [f"{v}" for v in frame[spec.number_field]]
    frame.loc[frame.index[1], spec.number_field] = "Infinity"
    frame.loc[frame.index[2], spec.number_field] = "1e400"
    return _prepared(world, spec, EITHER, touched_row=1)


def web_mercator(world: World, spec: AlgorithmSpec) -> Prepared:
    """Every layer in EPSG:3857 (issue 13, item 6): the answers of EPSG:4537 — web mercator is 1.44× too long in
    Toli, so the data are measured in the CGCS2000 zone and the log says so."""
    for name, frame in world.layers.items():
        if isinstance(frame, gpd.GeoDataFrame):
            world.layers[name] = frame.to_crs("EPSG:3857")
    return _prepared(world, spec, SAME)


def mixed_crs(world: World, spec: AlgorithmSpec) -> Prepared:
    """Primary layer in lon/lat (EPSG:4490), polygon layers in EPSG:4516 (8-digit eastings with the
    zone prefix 28), the rest in EPSG:4537: the same answers as all-4537."""
    for name, frame in world.layers.items():
        if not isinstance(frame, gpd.GeoDataFrame):
            continue
        if name == spec.primary:
            world.layers[name] = frame.to_crs("EPSG:4490")
        elif name in spec.polygon_layers or name in ("townships", "zones", "supply_areas", "pipes"):
            moved = frame.to_crs("EPSG:4516")
            assert 28_000_000 < moved.total_bounds[0] < 29_000_000
            world.layers[name] = moved
    return _prepared(world, spec, SAME)


def no_crs(world: World, spec: AlgorithmSpec) -> Prepared:
    """No CRS: a clear error wherever positions matter; the attribute-only algorithms (and water
    rights from the area and township fields) need no position and give their answers."""
    world.no_crs.add(spec.primary)
    return _prepared(world, spec, SAME if spec.name in GEOMETRY_FREE | {"allocate_water_rights"} else ERROR)


def chinese_field_names(world: World, spec: AlgorithmSpec) -> Prepared | None:
    """The volume field called 取水量（立方米） and passed by that name: the same answers."""
    if spec.number_key is None:
        return None
    frame = _primary(world, spec)
    world.layers[spec.primary] = frame.rename(columns={spec.number_field: "取水量（立方米）"})
    return _prepared(world, spec, SAME, params={spec.number_key: "取水量（立方米）"})


def shapefile_names(columns) -> dict[str, str]:
    """The names GDAL gives ``columns`` in a Shapefile: 10 characters, clashes numbered (8 characters + _1 …)."""
    given: dict[str, str] = {}
    for column in columns:
        short = column[:10]
        number = 1
        while short.lower() in {v.lower() for v in given.values()}:
            short = f"{column[:8]}_{number}" if number < 10 else f"{column[:7]}_{number}"
            number += 1
        given[column] = short
    return given


def cut_field_parameters(world: World, spec: AlgorithmSpec) -> dict[str, str]:
    """The primary layer's field parameters whose field a Shapefile cuts, set to the cut name as a user must (issue
    30: a cut name is never picked by its first letters)."""
    from qgis.core import QgsApplication, QgsProcessingParameterField

    names = shapefile_names([c for c in world.layers[spec.primary].columns if c != "geometry"])
    algorithm = QgsApplication.processingRegistry().algorithmById(f"tuoli_gw:{spec.name}")
    params = {}
    for definition in algorithm.parameterDefinitions():
        if isinstance(definition, QgsProcessingParameterField) and definition.parentLayerParameterName() == spec.primary_key:
            default = definition.defaultValue()
            if isinstance(default, str) and default in names and names[default] != default:
                params[definition.name()] = names[default]
    return params


def gbk_shapefile_with_cpg(world: World, spec: AlgorithmSpec) -> Prepared:
    world.formats[spec.primary] = "shp_gbk_cpg"
    return _prepared(world, spec, SAME, label=spec.primary, params=cut_field_parameters(world, spec))


def gbk_shapefile_without_cpg(world: World, spec: AlgorithmSpec) -> Prepared:
    world.formats[spec.primary] = "shp_gbk_nocpg"
    return _prepared(world, spec, SAME, label=spec.primary, expect_in_log="GBK", params=cut_field_parameters(world, spec))


def shapefile_cut_names_clash(world: World, spec: AlgorithmSpec) -> Prepared | None:
    """Issue 30, case 4: requested_rate_ls (L/s) before requested_m3 in a Shapefile become requested_ and
    requeste_1. Before: 'using requested_' — litres per second compared with the quota. Now: refused, both
    candidates named with their values' ranges."""
    if spec.number_field != "requested_m3":
        return None
    frame = world.layers[spec.primary]
    frame.insert(list(frame.columns).index("requested_m3"), "requested_rate_ls", [1.5, 2.0, 2.5, 3.0, 3.5, 4.0])
    world.formats[spec.primary] = "shp"
    # The other cut fields (e.g. self_supplied -> self_suppl) named as a user must, so the refusal is the volume's.
    cut = shapefile_names([c for c in frame.columns if c != "geometry"])
    params = {k: v for k, v in cut_field_parameters(world, spec).items() if v != cut["requested_m3"]}
    return _prepared(world, spec, ERROR, expect_in_message="requeste_1 (values 1,000 – 6,000)", params=params)


def very_large_coordinates(world: World, spec: AlgorithmSpec) -> Prepared:
    """One feature at 10¹⁵ m: a clear error naming it (it was screened 'allowed' before)."""
    frame = _primary(world, spec)
    far = shapely.affinity.translate(frame.geometry.iloc[0], 1e15, 1e15)
    frame.loc[frame.index[0], "geometry"] = far
    lenient = GEOMETRY_FREE | {"allocate_water_rights"}  # rights come from the area and township fields
    return _prepared(world, spec, EITHER if spec.name in lenient else ERROR, touched_row=0)


def raster_nodata(world: World, spec: AlgorithmSpec) -> Prepared | None:
    if spec.name != "abstraction_recharge_balance":
        return None
    world.raster_nodata_cells = ((0, 0), (5, 5), (19, 19))
    return _prepared(world, spec, EITHER)


def raster_misses_units(world: World, spec: AlgorithmSpec) -> Prepared | None:
    if spec.name != "abstraction_recharge_balance":
        return None
    world.raster_shift = 500_000.0
    return _prepared(world, spec, ERROR, label="recharge")


def _misplaced(world: World, spec: AlgorithmSpec, move, cause: str) -> Prepared:
    """Issue 30: one layer whose numbers are not where its CRS says (zone prefix, swapped axes, degrees as metres).
    Before: overlays against it silently found nothing (34 applications allowed against 12). Now: an error naming
    the layer, the likely cause and the fix — where the algorithm reads positions; the others give their answers."""
    name = next((n for n in ("zones", "supply_areas", "townships") if n in spec.polygon_layers), spec.primary)
    frame = world.layers[name]
    frame["geometry"] = move(frame)
    if spec.name in GEOMETRY_FREE:
        return _prepared(world, spec, SAME)
    expect = EITHER if spec.name == "allocate_water_rights" else ERROR  # rights come from the area and township fields
    return _prepared(world, spec, expect, label=name, expect_in_message=cause)


def zone_prefix_in_4537(world: World, spec: AlgorithmSpec) -> Prepared:
    return _misplaced(world, spec, lambda f: f.geometry.translate(28_000_000, 0), "EPSG:4516")


def swapped_axes(world: World, spec: AlgorithmSpec) -> Prepared:
    return _misplaced(world, spec, lambda f: f.geometry.map(lambda g: shapely.ops.transform(lambda x, y: (y, x), g)), "swapped")


def degrees_labelled_metres(world: World, spec: AlgorithmSpec) -> Prepared:
    return _misplaced(world, spec, lambda f: f.geometry.to_crs("EPSG:4490").set_crs("EPSG:4537", allow_override=True), "EPSG:4490")


ONE_ROW_PER_ID = {
    "self_supplied_closure_list", "electricity_to_water", "compliance_audit", "reduction_plan", "permit_decision", "progressive_surcharge",
}


def duplicate_well_ids(world: World, spec: AlgorithmSpec) -> Prepared | None:
    """Issue 30, case 6: a well registered twice counted twice (closure list 91 rows for 64 wells, the audit 913
    findings for 833). Now every algorithm that reads a register's id refuses, listing the ids and their counts."""
    if spec.primary != "wells":
        return None
    frame = world.layers["wells"]
    world.layers["wells"] = type(frame)(pd.concat([frame, frame.iloc[[1]]], ignore_index=True), crs=frame.crs)
    if spec.name in ONE_ROW_PER_ID:
        return _prepared(world, spec, ERROR, expect_in_message="TL-002 (2×)")
    return _prepared(world, spec, EITHER)


CASES: dict[str, Callable[[World, AlgorithmSpec], Prepared | None]] = {
    "empty_layer": empty_layer,
    "null_geometry": null_geometry,
    "invalid_polygon": invalid_polygon,
    "single_part_multipoints": single_part_multipoints,
    "two_part_multipoint": two_part_multipoint,
    "z_values": z_and_m,
    "wrong_geometry_type": wrong_geometry_type,
    "missing_field": missing_field,
    "text_thousands": text_thousands,
    "text_not_a_number": text_not_a_number,
    "negative_volume": negative_volume,
    "zero_volume": zero_volume,
    "nan_volume": nan_volume,
    "infinite_volume": infinite_volume,
    "text_infinity": text_infinity,
    "web_mercator": web_mercator,
    "mixed_crs_4490_4516_4537": mixed_crs,
    "no_crs": no_crs,
    "chinese_field_names": chinese_field_names,
    "gbk_shapefile_with_cpg": gbk_shapefile_with_cpg,
    "gbk_shapefile_without_cpg": gbk_shapefile_without_cpg,
    "very_large_coordinates": very_large_coordinates,
    "raster_nodata": raster_nodata,
    "raster_misses_units": raster_misses_units,
    "shapefile_cut_names_clash": shapefile_cut_names_clash,
    "duplicate_well_ids": duplicate_well_ids,
    "zone_prefix_in_4537": zone_prefix_in_4537,
    "swapped_axes": swapped_axes,
    "degrees_labelled_metres": degrees_labelled_metres,
}
