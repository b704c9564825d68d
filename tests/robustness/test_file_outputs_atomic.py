"""Charts, reports, PDFs and rasters are written beside their target and moved into place whole (issue 13, the
follow-up for file outputs that are not feature sinks): a run that fails while writing one leaves the file that
was there before and no partial file.

The failures are provoked inside our own writers (matplotlib's savefig, our PDF printer) after they have
written part of a file, which is what a full disk or a crash looks like from the outside.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import rasterio
from matplotlib.figure import Figure

from tests.balance import data as balance_data
from tuoli_gw_plugin.engine.balance.abstraction_recharge import compute_balance, write_balance_raster
from tuoli_gw_plugin.engine.balance.zonal import RasterSource
from tuoli_gw_plugin.engine.core.rules import load_rules
from tuoli_gw_plugin.engine.plotting.charts import township_chart

PREVIOUS = b"the previous run's file"


def _summary() -> pd.DataFrame:
    return pd.DataFrame({"township": ["托里镇", "多拉特乡"], "estimated_m3": [1.2e5, 3.4e5], "metered_m3": [1.0e5, 3.0e5],
                         "permit_m3": [1.1e5, 2.0e5]})


def _crash_after_half_a_file(monkeypatch) -> None:
    real_savefig = Figure.savefig

    def savefig_then_crash(self, target, *args, **kwargs):
        real_savefig(self, target, *args, **kwargs)
        Path(target).write_bytes(Path(target).read_bytes()[:100])  # half a PNG on disk
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Figure, "savefig", savefig_then_crash)


def test_a_chart_that_fails_while_saving_leaves_the_previous_png(tmp_path, monkeypatch):
    target = tmp_path / "chart.png"
    target.write_bytes(PREVIOUS)
    _crash_after_half_a_file(monkeypatch)
    with pytest.raises(OSError):
        township_chart(_summary(), str(target), title="test")
    assert target.read_bytes() == PREVIOUS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chart.png"]


def test_a_chart_written_whole_replaces_the_previous_png(tmp_path):
    target = tmp_path / "chart.png"
    target.write_bytes(PREVIOUS)
    township_chart(_summary(), str(target), title="test")
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chart.png"]


def test_the_balance_raster_is_moved_into_place_whole(tmp_path):
    raster = RasterSource(str(balance_data.write_raster(tmp_path / "recharge.tif")))
    units = balance_data.units_frame([balance_data.ALIGNED_BOX], ["A"])
    wells = balance_data.wells_frame([(balance_data.X0 + 150, balance_data.Y0 - 150)], [4420])
    result = compute_balance(wells, units, raster, load_rules(), report=lambda level, text: None)
    out = tmp_path / "out" / "balance.tif"
    out.parent.mkdir()
    out.write_bytes(PREVIOUS)
    grid = write_balance_raster(raster, result, str(out))
    with rasterio.open(out) as written:
        band = written.read(1)
    assert np.array_equal(np.where(np.isnan(grid), -9999.0, grid).astype(np.float32), band)
    assert sorted(p.name for p in out.parent.iterdir()) == ["balance.tif"]


@pytest.mark.qgis
def test_a_report_pdf_that_fails_while_printing_leaves_the_previous_pdf(run_alg, tmp_path, monkeypatch):
    from tests.i18n import report_data
    from tests.i18n.test_report_processing import parameters

    gpkg = report_data.write_geopackage(tmp_path / "report_inputs.gpkg")
    names = ("townships", "zones", "supply_areas", "supply_pipes", "wells", "balance", "surcharge", "findings", "water_rights")
    layers = {name: f"{gpkg}|layername={name}" for name in names}
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.pdf").write_bytes(PREVIOUS)
    from tuoli_gw_plugin.qgis_io import pdf as module

    real_print = module._print_pdf_to

    def print_then_crash(document, path, language, families):
        real_print(document, path, language, families)
        Path(path).write_bytes(Path(path).read_bytes()[:200])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(module, "_print_pdf_to", print_then_crash)
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException):
        run_alg("tuoli_gw:supervision_report", parameters(layers, out))
    assert (out / "report.pdf").read_bytes() == PREVIOUS
    assert not [p.name for p in out.iterdir() if "partial" in p.name]
