"""The value maps a screened layer's style gets are the same whether QGIS reads the coded fields' values from the
written file (one scan per field) or the algorithm hands over the values it wrote (layer_words.present_values)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from tuoli_gw_plugin.qgis_io.bulk_io import write_gpkg
from tuoli_gw_plugin.qgis_io.layer_words import apply_layer_words, present_values


def _widgets(layer) -> dict[str, tuple[str, dict]]:
    return {field.name(): (layer.editorWidgetSetup(i).type(), layer.editorWidgetSetup(i).config())
            for i, field in enumerate(layer.fields())}


def test_present_values_give_the_value_maps_a_scan_gives(qgis_app, tmp_path):
    from qgis.core import QgsVectorLayer

    rng = np.random.default_rng(28)
    n = 500
    frame = gpd.GeoDataFrame(
        {
            "well_id": np.arange(n),
            "use": np.array(["irrigation", "industry", None, "自备"], dtype=object)[rng.integers(0, 4, n)],
            "verdict": np.array(["prohibited", "allowed", None], dtype=object)[rng.integers(0, 3, n)],
            "reasons": np.array(["supply_coverage;severe_zone", "", "outside_mapped_area"], dtype=object)[rng.integers(0, 3, n)],
            "zone_grade": np.array(["severe", None], dtype=object)[rng.integers(0, 2, n)],
            "in_supply_coverage": pd.array(rng.integers(0, 2, n).astype(bool), dtype="boolean"),
            "red_line_checked": pd.array([True] * (n - 1) + [None], dtype="boolean"),
        },
        geometry=shapely.points(rng.uniform(400_000, 500_000, (n, 2))),
        crs="EPSG:4537",
    )
    path = tmp_path / "screened.gpkg"
    write_gpkg(frame, str(path))
    present = present_values(frame)
    assert set(present) == {"use", "verdict", "reasons", "zone_grade", "in_supply_coverage", "red_line_checked"}
    for language in ("en", "zh"):
        scanned, handed = (QgsVectorLayer(f"{path}|layername=screened", "screened", "ogr") for _ in range(2))
        assert scanned.isValid() and handed.isValid()
        apply_layer_words(scanned, language)
        apply_layer_words(handed, language, present=present)
        assert _widgets(handed) == _widgets(scanned)
        assert _widgets(handed)["verdict"][0] == "ValueMap"
