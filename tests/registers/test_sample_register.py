"""tuoli_gw:import_well_register on the shipped sample register gives back the sample wells and refuses exactly
the rows broken on purpose (scripts/sample_data/make_sample_register.py).

Expected wells: the sample well layer itself (ids, positions within 0.01 m, uses), read with pyogrio — independent
of the register and of QGIS. Expected refusals: the rows after the 3 000 wells (two header rows above them).
"""

from __future__ import annotations

import numpy as np
import pyogrio

from tests.conftest import SAMPLE_GPKG, SAMPLES
from tests.registers.helpers import _load
from tests.robustness.runner import read_layer, run_processing

REGISTER = SAMPLES / "toli_well_register.xlsx"
make_sample_register = _load("make_sample_register", "scripts/sample_data/make_sample_register.py")


def test_sample_register_gives_the_sample_wells_and_refuses_the_broken_rows(qgis_app, tmp_path):
    outcome = run_processing("import_well_register", {
        "INPUT": str(REGISTER), "OUTPUT": str(tmp_path / "wells.gpkg"), "REJECTS": str(tmp_path / "rejects.gpkg"),
    })
    assert outcome.ok, outcome.message
    results = outcome.results
    expected = pyogrio.read_dataframe(SAMPLE_GPKG, layer="wells")
    wells = read_layer(results["OUTPUT"])
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(results["OUTPUT"], "wells", "ogr")
    assert layer.crs().authid() == "EPSG:4537"
    positions = {f["well_id"]: (f.geometry().asPoint().x(), f.geometry().asPoint().y()) for f in layer.getFeatures()}

    assert sorted(wells["well_id"]) == sorted(expected["well_id"])
    got = np.array([positions[w] for w in expected["well_id"]])
    want = np.column_stack([expected.geometry.x, expected.geometry.y])
    assert np.abs(got - want).max() < 0.01
    by_id = wells.set_index("well_id")
    assert by_id.loc[expected["well_id"], "use"].tolist() == expected["use"].tolist()
    assert by_id.loc[expected["well_id"], "status"].tolist() == expected["status"].tolist()

    broken = len(make_sample_register.BROKEN_ROWS)
    first = 2 + len(expected) + 1  # title row, header row, then the wells
    rejects = read_layer(results["REJECTS"])
    assert sorted(rejects["register_row"]) == [*range(first, first + broken - 1), first + broken]  # a blank row before the totals
    assert (results["ROWS_IN"], results["IMPORTED"], results["REFUSED"]) == (len(expected) + broken, len(expected), broken)
    assert results["FIXED"] > 0 and "zone prefix removed" in results["CRS_DECIDED"]
    for row in rejects.itertuples():
        assert f"Row {row.register_row} refused" in outcome.log
