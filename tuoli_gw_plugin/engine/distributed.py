"""The engine's screening and balance over a partitioned GeoParquet well registry, with dask-geopandas.

A county has thousands of wells; the region's registry has tens of millions, more than one
machine's memory comfortably holds. This module runs the SAME engine functions
(:func:`screening.screen_points`, :func:`balance.assign_wells`) partition by partition on a dask
cluster: the well registry is read lazily with ``dask_geopandas.read_parquet``; the small layers
(zones, pipes, supply areas, townships, assessment units) are prepared once, on the client, and
shipped once to each worker as one dask object that every partition on that worker reuses.
Results are therefore identical to the single-machine path (see tests/distributed).

QGIS-free, and dask is imported lazily: the plugin itself never needs dask, distributed or pyarrow
(they are in requirements-dev.txt). Usage and a real-cluster recipe: docs/distributed.md.
"""

from __future__ import annotations

from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from .core.errors import EngineInputError
from .core.messages import current_language, register, speaking, text
from .screening.well_sites import OUTPUT_COLUMNS, PreparedScreening, screen_points

register(
    {
        "distributed.needs_dask": ("the distributed path needs dask-geopandas ({error})", "分布式计算需要 dask-geopandas（{error}）"),
        "distributed.install_dask": (
            "pip install dask-geopandas distributed pyarrow (see requirements-dev.txt)",
            "请执行 pip install dask-geopandas distributed pyarrow（见 requirements-dev.txt）",
        ),
        "distributed.no_crs": ("the well registry has no coordinate reference system", "机井登记册没有坐标参考系"),
        "distributed.write_crs": (
            "write the GeoParquet with its CRS (GeoDataFrame.set_crs before to_parquet) so distances are in metres",
            "写出 GeoParquet 时请带上坐标参考系（to_parquet 之前 GeoDataFrame.set_crs），以便按米量算距离",
        ),
        "distributed.no_field": ("field not found in the well registry", "机井登记册中找不到该字段"),
        "distributed.columns_are": ("the registry's columns are: {columns}", "登记册的列为：{columns}"),
    }
)

# Unit index of the wells that lie in no unit (or have no geometry) in :func:`abstraction_per_unit`.
OUTSIDE_EVERY_UNIT = -1


def _dask_geopandas():
    try:
        import dask_geopandas
    except ImportError as error:  # the plugin runs without it; only this path needs it
        raise EngineInputError(
            text("distributed.needs_dask", error=error),
            hint=text("distributed.install_dask"),
        ) from None
    return dask_geopandas


def read_registry(path: str, *, columns: list[str] | None = None, storage_options: dict | None = None):
    """The well registry as a lazy dask-geopandas frame (one partition per GeoParquet file / row group).

    ``path`` is a file, a directory of parquet files or a glob, local or remote (s3://, hdfs://, …
    with ``storage_options``): every worker must be able to read it.
    """
    dask_geopandas = _dask_geopandas()
    return dask_geopandas.read_parquet(path, columns=columns, storage_options=storage_options)


# -- screening -----------------------------------------------------------------------------------
def _screen_partition(
    partition: gpd.GeoDataFrame, prepared: PreparedScreening, keep: list[str], use_field: str | None, language: str,
    message_language: str = "en",
) -> pd.DataFrame:
    """One partition: its ``keep`` columns plus the screening columns, same index and order.

    ``message_language``: the caller's, since a worker thread or process does not inherit it."""
    with speaking(message_language):
        # One thread per partition: dask already runs a partition per core, more threads would only contend.
        results = screen_points(prepared, partition, use_field=use_field, language=language, workers=1)
    kept = pd.DataFrame({name: partition[name] for name in keep}, index=partition.index)
    return pd.concat([kept, results], axis=1)


def screen_registry(
    wells,
    prepared: PreparedScreening,
    *,
    use_field: str | None = None,
    keep_columns: list[str] | None = None,
    language: str = "en",
):
    """Screen every well of a dask-geopandas frame; returns a lazy dask DataFrame.

    Columns: ``keep_columns`` (default: every attribute column of the registry, no geometry) then
    :data:`screening.OUTPUT_COLUMNS`; the index is the registry's. ``prepared`` comes from
    :func:`screening.prepare_screening` on the client, so bad zones or pipes fail at once with the
    usual message, before any task runs. Call ``.compute()`` for a pandas frame, or
    ``.to_parquet(dir)`` to keep a region-wide result out of the client's memory.
    """
    import dask

    if wells._meta.crs is None:
        raise EngineInputError(
            text("distributed.no_crs"),
            layer=prepared.layer_names["wells"],
            hint=text("distributed.write_crs"),
        )
    geometry_name = wells._meta.geometry.name
    keep = list(keep_columns) if keep_columns is not None else [c for c in wells.columns if c != geometry_name]
    missing = [c for c in keep + ([use_field] if use_field else []) if c not in wells.columns]
    if missing:
        raise EngineInputError(
            text("distributed.no_field"),
            layer=prepared.layer_names["wells"],
            field=missing[0],
            hint=text("distributed.columns_are", columns=", ".join(map(str, wells.columns))),
        )
    # One graph key for the prepared layers: the scheduler sends it to each worker once and every
    # partition on that worker reuses it (no re-indexing per partition, no copy per task).
    shared = dask.delayed(prepared, pure=True, traverse=False)
    meta = _screen_partition(wells._meta, prepared, keep, use_field, language)
    return wells.map_partitions(_screen_partition, shared, keep, use_field, language, current_language(), meta=meta)


def screen_parquet(path: str, prepared: PreparedScreening, *, storage_options: dict | None = None, **options: Any):
    """:func:`screen_registry` on ``read_registry(path)``; ``options`` go to :func:`screen_registry`."""
    return screen_registry(read_registry(path, storage_options=storage_options), prepared, **options)


# -- balance: abstraction per unit ---------------------------------------------------------------
_SUM_COLUMNS = ["wells_n", "abstraction_m3", "no_volume_n"]


def _abstraction_partition(
    partition: gpd.GeoDataFrame, units: gpd.GeoDataFrame, volume_field: str, wells_layer: str, message_language: str = "en"
) -> pd.DataFrame:
    """Per unit of ``units`` (row position) and for OUTSIDE_EVERY_UNIT: wells, Σ volume, wells without volume.

    The membership rule is balance.assign_wells itself (within, then boundary wells to one unit,
    overlapping units count a well in each), so the sums add up to what compute_balance gives.
    """
    from .balance.abstraction_recharge import WELL_ID_CANDIDATES, assign_wells, first_present
    from .core.values import number_column

    unit_rows = np.arange(len(units))
    frame = pd.DataFrame(0, index=pd.Index(np.r_[unit_rows, OUTSIDE_EVERY_UNIT], name="unit"), columns=_SUM_COLUMNS)
    frame["abstraction_m3"] = 0.0
    if len(partition) == 0:
        return frame
    well_id_field = first_present(partition, WELL_ID_CANDIDATES)
    with speaking(message_language):  # the caller's language: a worker does not inherit it
        volumes = number_column(partition, volume_field, layer=wells_layer, id_field=well_id_field)
    members = assign_wells(partition, units, wells_layer=wells_layer, well_id_field=well_id_field, report=lambda *_: None)
    placed = np.zeros(len(partition), dtype=bool)
    for row, rows in enumerate(members):
        placed[rows] = True
        frame.loc[row, "wells_n"] = len(rows)
        frame.loc[row, "abstraction_m3"] = float(np.nansum(volumes[rows])) if len(rows) else 0.0
        frame.loc[row, "no_volume_n"] = int(np.isnan(volumes[rows]).sum())
    outside = ~placed
    frame.loc[OUTSIDE_EVERY_UNIT, "wells_n"] = int(outside.sum())
    frame.loc[OUTSIDE_EVERY_UNIT, "abstraction_m3"] = float(np.nansum(volumes[outside]))
    frame.loc[OUTSIDE_EVERY_UNIT, "no_volume_n"] = int(np.isnan(volumes[outside]).sum())
    return frame


def abstraction_per_unit(wells, units: gpd.GeoDataFrame, *, volume_field: str = "metered_m3", wells_layer: str = "WELLS") -> pd.DataFrame:
    """Wells and Σ abstraction (m³/a) per unit over a dask-geopandas well registry, computed.

    Row ``i`` (index i) is unit ``i`` of ``units``; row ``OUTSIDE_EVERY_UNIT`` (-1) counts the wells
    inside no unit or without geometry. ``abstraction_m3`` is rounded like compute_balance's column.
    The recharge side of the balance (raster × units) is per unit, not per well, and runs on one
    machine with :func:`balance.compute_balance` or :func:`zonal.zonal_sum`.
    """
    import dask

    if volume_field not in wells.columns:
        raise EngineInputError(
            text("distributed.no_field"),
            layer=wells_layer,
            field=volume_field,
            hint=text("distributed.columns_are", columns=", ".join(map(str, wells.columns))),
        )
    shared_units = dask.delayed(units, pure=True, traverse=False)
    meta = _abstraction_partition(wells._meta, units, volume_field, wells_layer)
    per_partition = wells.map_partitions(
        _abstraction_partition, shared_units, volume_field, wells_layer, current_language(), meta=meta
    )
    totals = per_partition.reset_index().groupby("unit").sum().compute()
    totals = totals.reindex(meta.index, fill_value=0)
    totals["wells_n"] = totals["wells_n"].astype(int)
    totals["no_volume_n"] = totals["no_volume_n"].astype(int)
    totals["abstraction_m3"] = np.round(totals["abstraction_m3"].astype(float), 3)
    return totals


__all__ = [
    "OUTPUT_COLUMNS",
    "OUTSIDE_EVERY_UNIT",
    "abstraction_per_unit",
    "read_registry",
    "screen_parquet",
    "screen_registry",
]
