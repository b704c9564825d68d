"""The provider as QGIS sees it: registered without iface, every algorithm well-formed."""

from __future__ import annotations

import pkgutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ALGORITHM_MODULES = sorted(
    m.name for m in pkgutil.iter_modules([str(REPO / "processing_algs")]) if not m.name.startswith("_") and m.name != "base"
)


def test_provider_is_registered_without_iface(qgis_app):
    from qgis.core import QgsApplication

    provider = QgsApplication.processingRegistry().providerById("tuoli_gw")
    assert provider is not None
    assert provider.name() == "Toli groundwater"
    version = next(line.split("=", 1)[1] for line in (REPO / "metadata.txt").read_text().splitlines() if line.startswith("version="))
    assert provider.versionInfo() == version


def test_every_algorithm_module_gives_one_listed_algorithm(qgis_app):
    from qgis.core import QgsApplication

    provider = QgsApplication.processingRegistry().providerById("tuoli_gw")
    listed = sorted(a.name() for a in provider.algorithms())
    assert listed == ALGORITHM_MODULES


@pytest.mark.parametrize("module_name", ALGORITHM_MODULES)
def test_algorithm_is_documented_and_executable(qgis_app, module_name):
    from qgis.core import QgsApplication

    algorithm = QgsApplication.processingRegistry().algorithmById(f"tuoli_gw:{module_name}")
    assert algorithm is not None
    assert algorithm.displayName() and algorithm.group() and algorithm.groupId() == algorithm.groupId().lower()
    assert len(algorithm.shortHelpString()) > 200, "help must say what it does, its parameters, outputs and basis"
    ok, message = algorithm.canExecute()
    assert ok, message
    assert "RULES" in [p.name() for p in algorithm.parameterDefinitions()]


def test_metadata_declares_what_qgis_process_needs():
    text = (REPO / "metadata.txt").read_text(encoding="utf-8")
    assert "hasProcessingProvider=yes" in text
    assert "qgisMinimumVersion=3.22" in text
