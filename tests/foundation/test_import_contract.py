"""Dependencies run one way: the import contract in pyproject.toml ([tool.importlinter]) holds, and breaks on a wrong import.

`lint-imports` (import-linter) reads the sources as they are on disk: tuoli_gw_plugin/ and processing_algs/. Each wrong
import below is added to a copy of the sources; the contract must name it, so a check that passes everything fails here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

pytest.importorskip("importlinter", reason="import-linter is a development tool (requirements-dev.txt)")


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    script = Path(sys.executable).parent / "lint-imports"
    command = [str(script)] if script.is_file() else [shutil.which("lint-imports") or "lint-imports"]
    return subprocess.run(
        [*command, "--no-cache"], cwd=root, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONPATH": str(root)},
    )


def test_the_sources_keep_the_import_contract():
    completed = lint_imports(REPO)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "0 broken" in completed.stdout


# (module, the line added to it, the contract that must break)
WRONG_IMPORTS = [
    ("tuoli_gw_plugin/engine/core/values.py", "from qgis.core import QgsVectorLayer", "The engine imports nothing of QGIS"),
    ("tuoli_gw_plugin/engine/screening/well_sites.py", "from tuoli_gw_plugin.qgis_io import frames", "The engine imports nothing of QGIS"),
    ("tuoli_gw_plugin/engine/core/rules.py", "from ..screening import well_sites", "Inside the engine"),
    ("tuoli_gw_plugin/engine/balance/trend.py", "from ..documents import supervision_report", "Inside the engine"),
    ("tuoli_gw_plugin/engine/permit/theis.py", "from ..bookkeeping import surcharge", "Inside the engine"),
    ("tuoli_gw_plugin/gpkg/rows.py", "from qgis.core import QgsVectorLayer", "The GeoPackage writer"),
    ("tuoli_gw_plugin/gui/plugin_gui.py", "import processing", "The GUI does not import Processing"),
    ("tuoli_gw_plugin/qgis_io/frames.py", "from tuoli_gw_plugin.gui import plugin_gui", "The plugin: its class over"),
    ("tuoli_gw_plugin/engine/documents/reduction_annex.py", "from .supervision_report import band_labels", "No import cycle"),
]


@pytest.mark.parametrize(("module", "line", "contract"), WRONG_IMPORTS, ids=[Path(module).stem for module, _, _ in WRONG_IMPORTS])
def test_a_wrong_import_breaks_the_contract(tmp_path, module, line, contract):
    for folder in ("tuoli_gw_plugin", "processing_algs"):
        shutil.copytree(REPO / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}  # deliberately wrong\n", encoding="utf-8")
    completed = lint_imports(tmp_path)
    assert completed.returncode != 0, completed.stdout
    broken = completed.stdout[completed.stdout.index("Broken contracts"):]
    assert contract in broken, completed.stdout
