"""The dask-geopandas path (engine/distributed.py) gives exactly the single-machine answers.

A real distributed.LocalCluster (2 worker processes on loopback) screens a 20,000-well GeoParquet
registry written in 4 partitions, and sums abstraction per unit; both are compared with the
single-machine engine (screen_points, compute_balance) on the same wells, and the unit counts
also with a hand count (the units are boxes). No QGIS here.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import shapely

dask_geopandas = pytest.importorskip("dask_geopandas", reason="dask-geopandas is in requirements-dev.txt")
distributed = pytest.importorskip("distributed")
geopandas = pytest.importorskip("geopandas")

from tuoli_gw_plugin.engine.balance.abstraction_recharge import compute_balance  # noqa: E402
from tuoli_gw_plugin.engine.balance.zonal import RasterSource  # noqa: E402
from tuoli_gw_plugin.engine.core.errors import EngineInputError  # noqa: E402
from tuoli_gw_plugin.engine.core.rules import load_rules  # noqa: E402
from tuoli_gw_plugin.engine.distributed import (  # noqa: E402
    OUTSIDE_EVERY_UNIT,
    abstraction_per_unit,
    read_registry,
    screen_parquet,
    screen_registry,
)
from tuoli_gw_plugin.engine.screening.well_sites import OUTPUT_COLUMNS, prepare_screening, screen_points  # noqa: E402

CRS = "EPSG:4537"
X0, Y0 = 470_000.0, 5_080_000.0  # near the county seat
N_WELLS = 20_000
PARTITIONS = 4


def _box(x1: float, y1: float, x2: float, y2: float) -> shapely.Polygon:
    return shapely.box(X0 + x1, Y0 + y1, X0 + x2, Y0 + y2)


def _layers() -> dict[str, geopandas.GeoDataFrame]:
    """Zones (one with a hole, two overlapping), a pipe, a supply area, townships (one used up)."""
    severe = shapely.Polygon(_box(0, 0, 6000, 6000).exterior.coords, [_box(2000, 2000, 3000, 3000).exterior.coords])
    zones = geopandas.GeoDataFrame(
        {"zone_name": ["Akbiri", "Dulate", "Overlap"], "grade": ["severe", "一般", "general"]},
        geometry=[severe, _box(10000, 0, 16000, 8000), _box(5000, 5000, 12000, 9000)],
        crs=CRS,
    )
    pipes = geopandas.GeoDataFrame(
        {"pipe_id": [1, 2]},
        geometry=[
            shapely.LineString([(X0, Y0 + 15000), (X0 + 20000, Y0 + 15000)]),
            shapely.LineString([(X0 + 8000, Y0), (X0 + 9000, Y0 + 20000)]),
        ],
        crs=CRS,
    )
    areas = geopandas.GeoDataFrame({"area_id": [1]}, geometry=[_box(1000, 17000, 4000, 20000)], crs=CRS)
    townships = geopandas.GeoDataFrame(
        {"name_zh": ["托里镇", "多拉特乡"], "remaining_m3": [5000.0, 0.0]},
        geometry=[_box(0, 0, 10000, 20000), _box(10000, 0, 20000, 20000)],
        crs=CRS,
    )
    return {"zones": zones, "pipes": pipes, "supply_areas": areas, "townships": townships}


def _wells() -> geopandas.GeoDataFrame:
    """20,000 wells: uniform over 20 × 20 km, some on exact unit borders, a few without geometry."""
    rng = np.random.default_rng(20261128)
    x = X0 + rng.uniform(0, 20000, N_WELLS)
    y = Y0 + rng.uniform(0, 20000, N_WELLS)
    x[:50] = X0 + 10000.0  # exactly on the border between the two units below
    geometry = list(geopandas.points_from_xy(x, y))
    for row in (7, 5003, 12345):
        geometry[row] = None
    volumes = rng.integers(0, 50_000, N_WELLS).astype(float)  # whole m³: sums are exact in any order
    volumes[rng.random(N_WELLS) < 0.01] = np.nan
    uses = np.array(["irrigation", "domestic", "emergency", "industry"], dtype=object)[rng.integers(0, 4, N_WELLS)]
    return geopandas.GeoDataFrame(
        {"well_id": [f"W{i:05d}" for i in range(N_WELLS)], "use": uses, "metered_m3": volumes},
        geometry=geometry,
        crs=CRS,
    )


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None, protocol="tcp"
    )
    with distributed.Client(cluster) as dask_client:
        yield dask_client
    cluster.close()


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    """The wells, and the same wells as a GeoParquet directory of 4 partitions."""
    wells = _wells()
    path = tmp_path_factory.mktemp("registry") / "wells.parquet"
    dask_geopandas.from_geopandas(wells, npartitions=PARTITIONS).to_parquet(str(path))
    return wells, str(path)


def _comparable(frame: pd.DataFrame) -> pd.DataFrame:
    """Same values, same dtypes: text columns as object (pandas may infer str for some partitions)."""
    out = frame.copy()
    for column in out.columns:
        if column != "supply_distance_m":
            out[column] = out[column].astype(object).where(out[column].notna(), None)
    return out


def test_registry_has_the_partitions(registry):
    _, path = registry
    assert read_registry(path).npartitions == PARTITIONS


def test_dask_screening_equals_single_machine_exactly(client, registry):
    wells, path = registry
    layers = _layers()
    prepared = prepare_screening(
        layers["zones"],
        pipes=layers["pipes"],
        supply_areas=layers["supply_areas"],
        coverage_distance_m=500,
        townships=layers["townships"],
        rules=load_rules(None),
    )
    lazy = screen_parquet(path, prepared, use_field="use", keep_columns=["well_id", "use"])
    assert list(lazy.columns) == ["well_id", "use", *OUTPUT_COLUMNS]
    distributed_result = lazy.compute().sort_index()

    single = screen_points(prepared, wells, use_field="use")
    expected = pd.concat([wells[["well_id", "use"]], single], axis=1)
    assert len(distributed_result) == N_WELLS
    pd.testing.assert_frame_equal(_comparable(distributed_result), _comparable(expected), check_exact=True)
    # The load really exercised every rule.
    reasons = set(";".join(expected["reasons"].astype(str)).split(";"))
    assert {"severe_zone", "general_zone", "supply_coverage", "red_line_exhausted", "no_geometry"} <= reasons
    assert (expected["verdict"] == "allowed").any()
    # It ran on the cluster's worker processes, not in this one.
    assert len(client.scheduler_info()["workers"]) == 2


def test_dask_abstraction_per_unit_equals_compute_balance(client, registry, tmp_path):
    import rasterio
    from rasterio.transform import from_origin

    wells, path = registry
    units = geopandas.GeoDataFrame(
        {"name_zh": ["西", "东", "北条"]},
        geometry=[_box(0, 0, 10000, 15000), _box(10000, 0, 20000, 15000), _box(0, 15000, 15000, 20000)],
        crs=CRS,
    )
    raster_path = tmp_path / "recharge.tif"
    with rasterio.open(
        raster_path,
        "w",
        driver="GTiff",
        width=20,
        height=20,
        count=1,
        dtype="float32",
        crs=CRS,
        transform=from_origin(X0, Y0 + 20000, 1000, 1000),
        nodata=-9999.0,
    ) as out:
        out.write(np.full((1, 20, 20), 50.0, dtype=np.float32))
    raster = RasterSource(str(raster_path))
    try:
        single = compute_balance(wells, units, raster, load_rules(None)).columns
    finally:
        raster.close()

    totals = abstraction_per_unit(read_registry(path), units, volume_field="metered_m3")
    per_unit = totals.loc[[0, 1, 2]]
    assert per_unit["wells_n"].tolist() == single["wells_n"].tolist()
    assert per_unit["abstraction_m3"].tolist() == single["abstraction_m3"].tolist()

    # Independently, by hand: boxes, so membership is a coordinate test; the 50 border wells
    # (x = 10000) go to the first unit that covers them, the west one.
    x = wells.geometry.x.to_numpy() - X0
    y = wells.geometry.y.to_numpy() - Y0
    located = wells.geometry.notna().to_numpy()
    west = located & (x <= 10000) & (y < 15000)
    east = located & (x > 10000) & (y < 15000)
    north = located & (x < 15000) & (y > 15000)
    volumes = wells["metered_m3"].to_numpy()
    assert per_unit["wells_n"].tolist() == [int(west.sum()), int(east.sum()), int(north.sum())]
    assert per_unit["abstraction_m3"].tolist() == [float(np.nansum(volumes[m])) for m in (west, east, north)]
    assert per_unit["no_volume_n"].tolist() == [int(np.isnan(volumes[m]).sum()) for m in (west, east, north)]
    outside = ~(west | east | north)
    assert totals.loc[OUTSIDE_EVERY_UNIT, "wells_n"] == int(outside.sum())
    assert int(totals["wells_n"].sum()) == N_WELLS


def test_unknown_field_is_a_clear_error_before_any_task(registry):
    _, path = registry
    layers = _layers()
    prepared = prepare_screening(layers["zones"], pipes=layers["pipes"], rules=load_rules(None))
    with pytest.raises(EngineInputError) as error:
        screen_registry(read_registry(path), prepared, use_field="intended_use")
    assert "intended_use" in str(error.value)
    with pytest.raises(EngineInputError) as error:
        abstraction_per_unit(read_registry(path), layers["townships"], volume_field="kwh")
    assert "kwh" in str(error.value)


def test_registry_without_crs_is_a_clear_error(tmp_path):
    wells = _wells().iloc[:100]
    path = tmp_path / "no_crs.parquet"
    dask_geopandas.from_geopandas(wells.set_crs(None, allow_override=True), npartitions=2).to_parquet(str(path))
    layers = _layers()
    prepared = prepare_screening(layers["zones"], pipes=layers["pipes"], rules=load_rules(None))
    with pytest.raises(EngineInputError) as error:
        screen_parquet(str(path), prepared)
    assert "coordinate reference system" in str(error.value)


def test_an_error_in_a_worker_speaks_the_caller_s_language(client, tmp_path):
    """A worker process does not inherit the caller's language: the partition is given it (issue 12, point 16)."""
    from tuoli_gw_plugin.engine.core.messages import speaking

    wells = _wells().iloc[:40].copy()
    wells["metered_m3"] = ["1200"] * 40
    wells.loc[wells.index[3], "metered_m3"] = "lots"
    path = tmp_path / "text_volume.parquet"
    dask_geopandas.from_geopandas(wells, npartitions=2).to_parquet(str(path))
    with speaking("zh"), pytest.raises(EngineInputError) as error:
        abstraction_per_unit(read_registry(str(path)), _layers()["townships"], volume_field="metered_m3", wells_layer="wells")
    assert "图层“wells”，字段“metered_m3”：1 个值不是数字：well_id=W00003 ('lots')——请更正" in str(error.value)
