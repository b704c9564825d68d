"""Case 1: the screening engine against the plain geopandas way (sjoin + sjoin_nearest)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from tuoli_gw_plugin.engine.core.rules import Rules
from tuoli_gw_plugin.engine.screening.well_sites import prepare_screening, screen_points

COVERAGE_DISTANCE_M = 500.0


def ours(wells: gpd.GeoDataFrame, zones: gpd.GeoDataFrame, pipes: gpd.GeoDataFrame, rules: Rules) -> pd.DataFrame:
    """The engine as the algorithm calls it: prepare the layers, then screen every well.

    The wells are applications for self-supplied wells (自备井), the wells item 13's coverage ban names, as the
    baseline below assumes; the well type is read per well as in a real run.
    """
    prepared = prepare_screening(zones, pipes=pipes, coverage_distance_m=COVERAGE_DISTANCE_M, rules=rules)
    return screen_points(prepared, wells.assign(well_kind="自备"), use_field="well_kind")


def geopandas_baseline(wells: gpd.GeoDataFrame, zones: gpd.GeoDataFrame, pipes: gpd.GeoDataFrame) -> pd.DataFrame:
    """What an analyst would write: sjoin for the zone, sjoin_nearest for the pipe, then the verdict."""
    points = wells[["geometry"]]
    in_zone = gpd.sjoin(points, zones[["zone_name", "grade", "geometry"]], how="left", predicate="intersects")
    in_zone = in_zone[~in_zone.index.duplicated(keep="first")]
    nearest = gpd.sjoin_nearest(points, pipes[["geometry"]], how="left", distance_col="supply_distance_m")
    nearest = nearest[~nearest.index.duplicated(keep="first")]  # ties give several rows per well
    covered = (nearest["supply_distance_m"] <= COVERAGE_DISTANCE_M).to_numpy()
    grade = in_zone["grade"].to_numpy(dtype=object)
    verdict = np.select([covered | (grade == "severe"), grade == "general"], ["prohibited", "restricted"], "allowed")
    return pd.DataFrame(
        {
            "verdict": verdict,
            "zone_name": in_zone["zone_name"].to_numpy(dtype=object),
            "zone_grade": grade,
            "supply_distance_m": nearest["supply_distance_m"].to_numpy(dtype=float),
            "in_supply_coverage": covered,
        },
        index=wells.index,
    )


def compare(ours_result: pd.DataFrame, baseline: pd.DataFrame) -> str:
    """Raise AssertionError unless the verdict-relevant results are identical; return a summary."""
    assert len(ours_result) == len(baseline), "row counts differ"
    for column in ("zone_name", "zone_grade", "verdict"):
        a = pd.Series(ours_result[column].to_numpy(dtype=object)).fillna("<none>")
        b = pd.Series(baseline[column].to_numpy(dtype=object)).fillna("<none>")
        differing = int((a != b).sum())
        assert differing == 0, f"{column}: {differing} wells differ"
    distance_gap = float(np.max(np.abs(ours_result["supply_distance_m"].to_numpy(float) - baseline["supply_distance_m"].to_numpy(float))))
    assert distance_gap <= 1e-6, f"supply distance differs by up to {distance_gap} m"
    coverage = ours_result["in_supply_coverage"].to_numpy(dtype=bool) == baseline["in_supply_coverage"].to_numpy(dtype=bool)
    assert coverage.all(), f"in_supply_coverage differs for {int((~coverage).sum())} wells"
    in_zone = int(ours_result["zone_name"].notna().sum())
    return (
        f"identical: zone, grade, verdict, coverage for all {len(baseline)} wells ({in_zone} in a zone); "
        f"max distance gap {distance_gap:.1e} m"
    )


def floor(wells: gpd.GeoDataFrame, zones: gpd.GeoDataFrame, pipes: gpd.GeoDataFrame, result: pd.DataFrame) -> float:
    """Seconds for the work no screening engine can skip, given the answer: per well, one prepared
    point-in-polygon test against the zone it is in, and one exact distance to the pipe nearest it.

    Finding that zone and that pipe (the trees, candidate lists, the bounded search) is left out, so
    ours can only be slower; the multiple says how much the finding costs.
    """
    import time

    import shapely

    geometries = wells.geometry.to_numpy()
    x, y = shapely.get_x(geometries), shapely.get_y(geometries)
    zone_geometries = zones.geometry.to_numpy()
    pipe_geometries = pipes.geometry.to_numpy()
    shapely.prepare(zone_geometries)
    zone_of_well = pd.Series(np.arange(len(zones)), index=zones["zone_name"].to_numpy()).reindex(
        result["zone_name"].to_numpy()).to_numpy()
    nearest = shapely.STRtree(pipe_geometries).query_nearest(geometries, all_matches=False)[1]  # the answer, untimed
    in_zone = ~np.isnan(zone_of_well)
    zone_rows = zone_of_well[in_zone].astype(np.int64)
    by_zone = np.argsort(zone_rows, kind="stable")
    wells_in_zone = np.flatnonzero(in_zone)[by_zone]
    bounds = np.flatnonzero(np.diff(zone_rows[by_zone])) + 1
    start = time.perf_counter()
    for rows, zone in zip(np.split(wells_in_zone, bounds), np.split(zone_rows[by_zone], bounds)):
        if len(rows):
            shapely.intersects_xy(zone_geometries[zone[0]], x[rows], y[rows])
    shapely.distance(geometries, pipe_geometries[nearest])
    return time.perf_counter() - start


def ours_with_workers(wells: gpd.GeoDataFrame, zones: gpd.GeoDataFrame, pipes: gpd.GeoDataFrame, rules: Rules,
                      workers: int) -> pd.DataFrame:
    """:func:`ours` with the chunks screened on ``workers`` threads."""
    prepared = prepare_screening(zones, pipes=pipes, coverage_distance_m=COVERAGE_DISTANCE_M, rules=rules)
    return screen_points(prepared, wells.assign(well_kind="自备"), use_field="well_kind", workers=workers)
