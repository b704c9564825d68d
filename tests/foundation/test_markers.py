"""The ``qgis`` marker is set by tests/conftest.py, not written by hand: ``pytest -m "not qgis"`` is the engine-only run."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import REPO, _imports_qgis_at_load


def test_every_test_that_needs_qgis_is_marked(request):
    """Over the tests of this session (the whole suite in CI)."""
    items = request.session.items
    needing = [item for item in items if "qgis_app" in item.fixturenames or _imports_qgis_at_load(Path(str(item.path)))]
    unmarked = [item.nodeid for item in needing if item.get_closest_marker("qgis") is None]
    assert not unmarked, unmarked


def test_a_module_that_loads_qgis_is_known_as_one(tmp_path):
    """Directly, through a tests helper, or through the plugin's QGIS side; the engine and the GeoPackage writer load without."""
    assert _imports_qgis_at_load(REPO / "tests" / "screening" / "test_curved_zones.py")
    assert _imports_qgis_at_load(REPO / "tests" / "foundation" / "test_dependency_checks.py")  # tuoli_gw_plugin.dependencies
    assert not _imports_qgis_at_load(REPO / "tests" / "screening" / "test_screening_engine.py")
    assert not _imports_qgis_at_load(REPO / "tests" / "gpkg" / "test_rows.py")
