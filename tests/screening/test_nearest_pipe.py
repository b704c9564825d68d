"""The screening engine's searches equal slower, independent answers bit for bit.

- The nearest pipe of each well (distance and pipe): the bounded search of well_sites against the search as it stood
  before issue 28 (reference_nearest.py, unchanged) and against brute force (every well measured to every pipe by
  GEOS, the lowest pipe index among equal distances), on random networks and on the sample layers' pipes, with
  wells on pipes, on vertices, halfway between two pipes (ties) and pipes with zero-length segments.
- The (well, polygon) box candidates: well_sites' grid against shapely's STRtree query of the points.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely

from tuoli_gw_plugin.engine.screening.well_sites import _line_parts, _nearest_pipes, _points_in_boxes

from .reference_nearest import nearest_pipes as reference_nearest_pipes

SAMPLE = Path(__file__).resolve().parents[2] / "sample_layers" / "toli_sample.gpkg"


def _random_network(rng: np.random.Generator, count: int, extent: float) -> np.ndarray:
    """Random-walk pipes clustered round a few towns; some with a repeated vertex (a zero-length segment), two
    parallel ones 10 m apart, and a multi-line that the engine splits into its parts."""
    towns = rng.uniform(0, extent, (5, 2))
    pipes = []
    for index in range(count):
        start = towns[rng.integers(5)] + rng.normal(0, extent / 20, 2)
        steps = rng.normal(0, extent / 200, (int(rng.integers(1, 12)), 2))
        xy = np.vstack([start, start + np.cumsum(steps, axis=0)])
        if index % 9 == 0:
            xy = np.insert(xy, 1, xy[1], axis=0)
        pipes.append(shapely.LineString(xy))
    pipes.append(shapely.LineString([(0, extent / 2), (extent / 3, extent / 2)]))
    pipes.append(shapely.LineString([(0, extent / 2 + 10), (extent / 3, extent / 2 + 10)]))
    pipes.append(shapely.MultiLineString([[(extent, 0), (extent * 0.9, extent * 0.1)], [(extent, extent), (extent * 0.95, extent)]]))
    return _line_parts(np.array(pipes, dtype=object))


def _wells(rng: np.random.Generator, pipes: np.ndarray, count: int, bounds: tuple[float, float, float, float],
           parallel: bool = False) -> np.ndarray:
    """Uniform wells, then some on pipe vertices, some on pipes and (``parallel``) some halfway between the two parallel
    pipes of _random_network."""
    x_min, y_min, x_max, y_max = bounds
    xy = np.column_stack([rng.uniform(x_min, x_max, count), rng.uniform(y_min, y_max, count)])
    vertices = shapely.get_coordinates(pipes)
    xy[:200] = vertices[rng.integers(0, len(vertices), 200)]
    on_pipe = shapely.line_interpolate_point(pipes[rng.integers(0, len(pipes), 200)], rng.uniform(0, 1, 200), normalized=True)
    xy[200:400] = shapely.get_coordinates(on_pipe)
    if parallel:  # 10 m apart: wells 5 m from each
        y_between = shapely.get_coordinates(pipes[-4])[0, 1] + 5
        xy[400:500] = np.column_stack([rng.uniform(x_min, x_max / 3, 100), np.full(100, y_between)])
    return xy


def _brute_force(points: np.ndarray, pipes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    distances = shapely.distance(points[:, None], pipes[None, :])
    nearest = np.argmin(distances, axis=1)  # the first (lowest index) of equal minima
    return distances[np.arange(len(points)), nearest], nearest


def _assert_all_equal(xy: np.ndarray, pipes: np.ndarray) -> None:
    points = shapely.points(xy)
    x, y = xy[:, 0].copy(), xy[:, 1].copy()
    tree = shapely.STRtree(pipes)
    rows = np.ones(len(points), dtype=bool)
    ours = _nearest_pipes(tree, pipes, points, rows, x, y)
    reference = reference_nearest_pipes(tree, pipes, points, rows, x, y)
    brute = _brute_force(points, pipes)
    for found in (reference, brute):
        assert np.array_equal(ours[0], found[0]), f"{np.count_nonzero(ours[0] != found[0])} distances differ"
        assert np.array_equal(ours[1], found[1]), f"{np.count_nonzero(ours[1] != found[1])} nearest pipes differ"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_nearest_pipe_on_random_networks(seed):
    rng = np.random.default_rng(seed)
    extent = float(rng.choice([5_000.0, 200_000.0]))
    pipes = _random_network(rng, 120, extent)
    _assert_all_equal(_wells(rng, pipes, 6_000, (-0.1 * extent, -0.1 * extent, 1.1 * extent, 1.1 * extent), parallel=True), pipes)


def test_nearest_pipe_on_the_sample_pipes():
    pipes = _line_parts(gpd.read_file(SAMPLE, layer="supply_pipes", engine="pyogrio").geometry.to_numpy())
    townships = gpd.read_file(SAMPLE, layer="townships", engine="pyogrio")
    rng = np.random.default_rng(28)
    _assert_all_equal(_wells(rng, pipes, 8_000, tuple(townships.total_bounds)), pipes)


def test_far_wells_and_one_pipe():
    """Every well far outside a one-pipe network: all share the one candidate."""
    pipes = np.array([shapely.LineString([(0, 0), (1, 1), (1, 1), (3, 0)])], dtype=object)
    rng = np.random.default_rng(5)
    _assert_all_equal(np.column_stack([rng.uniform(1e5, 2e5, 5_500), rng.uniform(-1e5, 1e5, 5_500)]), pipes)


@pytest.mark.parametrize("seed", range(40))
def test_points_in_boxes_equals_the_tree_query(seed):
    rng = np.random.default_rng(seed)
    count, box_count = int(rng.integers(1, 3_000)), int(rng.integers(1, 60))
    decimals = int(rng.integers(0, 3))
    x, y = np.round(rng.uniform(0, 100, count), decimals), np.round(rng.uniform(0, 50, count), decimals)
    if seed % 7 == 0:
        y[:] = 3.0  # every point on one line: a grid of zero height
    low = rng.uniform(-20, 110, (box_count, 2))
    high = low + rng.uniform(0, 40, (box_count, 2))
    boxes = np.column_stack([low[:, 0], low[:, 1], high[:, 0], high[:, 1]])
    edge = min(box_count, count) // 2  # boxes with an edge through a point
    boxes[:edge, 0] = np.minimum(x[:edge], boxes[:edge, 2])
    boxes[:edge, 3] = np.maximum(y[:edge], boxes[:edge, 1])
    polygons = shapely.box(boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3])
    if box_count > 3:
        boxes[3], polygons[3] = np.nan, shapely.Polygon()  # an empty polygon has no box
    expected = set(zip(*shapely.STRtree(polygons).query(shapely.points(x, y))))
    found = _points_in_boxes(boxes, x, y)
    assert len(found[0]) == len(set(zip(*found))) and set(zip(*found)) == expected
