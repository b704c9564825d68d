"""The nearest-pipe search as it stood before issue 28 (commit 943ae51), kept unchanged as the reference the faster
search must equal bit for bit (tests/screening/test_nearest_pipe.py).

A bounded exact search: wells grouped in grid cells, the pipe nearest each cell centre bounding every well of the cell,
GEOS measuring every (well, candidate pipe) pair the triangle inequality keeps.
"""

from __future__ import annotations

import numpy as np
import shapely

_BOUNDED_SEARCH_MIN_WELLS = 5000
# Wells per grid cell in the bounded nearest-pipe search (measured at 1M wells: 32 beats 8 and 16).
_WELLS_PER_CELL = 32


def nearest_pipes(tree: shapely.STRtree, pipes: np.ndarray, geometries: np.ndarray, point_rows: np.ndarray,
                   x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Exact distance to, and index of, the nearest pipe for every well (NaN / -1 without geometry).

    Many wells: a bounded exact search. Wells are grouped in square grid cells; the nearest-pipe
    distance D of each cell centre is found once, and every pipe that could be nearest to a well of
    the cell lies within D + 2h of the centre (h the half-diagonal: a well is at most h from the
    centre, so its nearest pipe is at most D + h from the well and D + 2h from the centre). Only
    those pairs are measured with GEOS, which gives the same distances as a nearest query per well.
    """
    n = len(geometries)
    distance = np.full(n, np.nan)
    nearest = np.full(n, -1, dtype=np.int64)
    searched_rows = np.flatnonzero(point_rows) if point_rows.sum() >= _BOUNDED_SEARCH_MIN_WELLS else np.empty(0, np.int64)
    direct_rows = np.setdiff1d(np.flatnonzero(~shapely.is_missing(geometries)), searched_rows)
    if len(direct_rows):
        (wells, items), found = tree.query_nearest(geometries[direct_rows], return_distance=True, all_matches=False)
        distance[direct_rows[wells]] = found
        nearest[direct_rows[wells]] = items
    if not len(searched_rows):
        return distance, nearest
    px, py = x[searched_rows], y[searched_rows]
    x0, y0 = px.min(), py.min()
    extent = max((px.max() - x0) * (py.max() - y0), 1.0)
    side = max(float(np.sqrt(extent * _WELLS_PER_CELL / len(px))), 1.0)
    column, row = np.floor((px - x0) / side).astype(np.int64), np.floor((py - y0) / side).astype(np.int64)
    cells, cell_of_well = np.unique(column * (row.max() + 1) + row, return_inverse=True)
    first_well = np.empty(len(cells), dtype=np.int64)
    first_well[cell_of_well[::-1]] = np.arange(len(px))[::-1]
    centres = shapely.points(x0 + (column[first_well] + 0.5) * side, y0 + (row[first_well] + 0.5) * side)
    (cell_hits, _), centre_distance = tree.query_nearest(centres, return_distance=True, all_matches=False)
    centre_nearest = np.empty(len(cells))
    centre_nearest[cell_hits] = centre_distance
    # A hair more than the bound everywhere below, so rounding never drops a pipe at the edge.
    reach = centre_nearest + 2 * side * np.sqrt(0.5) * (1 + 1e-9) + 1e-6
    candidate_cells, candidate_pipes = tree.query(centres, predicate="dwithin", distance=reach)
    # Every (well, candidate pipe of its cell) pair, built with array arithmetic.
    by_cell = np.argsort(candidate_cells, kind="stable")
    candidate_cells, candidate_pipes = candidate_cells[by_cell], candidate_pipes[by_cell]
    wells_by_cell = np.argsort(cell_of_well, kind="stable")
    wells_per_cell = np.bincount(cell_of_well, minlength=len(cells))
    pipes_per_cell = np.bincount(candidate_cells, minlength=len(cells))
    pairs_per_cell = wells_per_cell * pipes_per_cell
    pair_cell = np.repeat(np.arange(len(cells)), pairs_per_cell)
    pair_rank = np.arange(pairs_per_cell.sum()) - np.repeat(np.cumsum(pairs_per_cell) - pairs_per_cell, pairs_per_cell)
    pipe_count = pipes_per_cell[pair_cell]
    pair_well = wells_by_cell[(np.cumsum(wells_per_cell) - wells_per_cell)[pair_cell] + pair_rank // pipe_count]
    pair_candidate = (np.cumsum(pipes_per_cell) - pipes_per_cell)[pair_cell] + pair_rank % pipe_count
    pair_pipe = candidate_pipes[pair_candidate]
    # Per well the bound tightens: a pipe further than D + 2r from the centre (r the well's own
    # distance to the centre) is further from the well than the centre's nearest pipe. Dropping those
    # pairs before GEOS measures them keeps every possible nearest pipe.
    candidate_reach = shapely.distance(centres[candidate_cells], pipes[candidate_pipes])
    well_to_centre = np.hypot(px - shapely.get_x(centres)[cell_of_well], py - shapely.get_y(centres)[cell_of_well])
    keep = candidate_reach[pair_candidate] <= centre_nearest[pair_cell] + 2 * well_to_centre[pair_well] * (1 + 1e-9) + 1e-6
    pair_well, pair_pipe = pair_well[keep], pair_pipe[keep]
    pair_distance = shapely.distance(geometries[searched_rows[pair_well]], pipes[pair_pipe])
    closest_first = np.lexsort((pair_pipe, pair_distance, pair_well))
    first = np.ones(len(closest_first), dtype=bool)
    first[1:] = pair_well[closest_first][1:] != pair_well[closest_first][:-1]
    chosen = closest_first[first]
    distance[searched_rows[pair_well[chosen]]] = pair_distance[chosen]
    nearest[searched_rows[pair_well[chosen]]] = pair_pipe[chosen]
    return distance, nearest
