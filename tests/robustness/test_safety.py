"""Safety: no eval/exec anywhere in the shipped code, user expressions only through QgsExpression,
and each algorithm writes files only where its output parameters say (run in an empty working
directory, then look for anything else)."""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest

from .algorithms import SPECS
from .runner import run_processing
from .world import World

REPO = Path(__file__).resolve().parents[2]
# The shipped Python: the package and processing_algs/, which the plugin folder holds as its subpackage.
SHIPPED = sorted({p.resolve() for p in [*(REPO / "tuoli_gw_plugin").rglob("*.py"), *(REPO / "processing_algs").glob("*.py")]})


def test_shipped_code_is_found():
    names = {p.name for p in SHIPPED}
    assert {"base.py", "frames.py", "well_sites.py", "screen_well_sites.py"} <= names


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_no_eval_exec_or_dynamic_code(path):
    """No eval / exec / compile / __import__ of strings, no pickle of files users hand us."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id not in {"eval", "exec", "compile", "__import__"}, f"{path}:{node.lineno}"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            assert not (node.func.attr in {"loads", "load"} and getattr(node.func.value, "id", "") in {"pickle", "marshal"}), (
                f"{path}:{node.lineno}"
            )
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = [a.name for a in node.names] + [getattr(node, "module", "") or ""]
            assert not any(m in {"pickle", "marshal", "shelve"} for m in modules), f"{path}:{node.lineno}"


def test_expressions_only_through_qgs_expression():
    """No algorithm takes an expression parameter today; if one does, it must be evaluated by
    QgsExpression (the grep above already forbids Python eval)."""
    for path in SHIPPED:
        text = path.read_text(encoding="utf-8")
        if "QgsProcessingParameterExpression" in text:
            assert "QgsExpression(" in text, path


@pytest.mark.parametrize("algorithm", list(SPECS))
def test_files_only_where_the_parameters_say(qgis_app, tmp_path, algorithm, monkeypatch):
    spec = SPECS[algorithm]
    sources = World.default().write(tmp_path / "in")
    out = tmp_path / "out"
    out.mkdir()
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    inputs_before = set((tmp_path / "in").iterdir())
    parameters = spec.params(sources, out)
    outcome = run_processing(algorithm, parameters)
    assert outcome.ok, outcome.message
    declared = {Path(str(v).split("|")[0]) for k, v in parameters.items() if k in {*spec.sink_outputs, *spec.file_outputs}}
    for path in set(out.iterdir()):
        # A declared output, or its sidecar (style .qml, GDAL .aux.xml, GeoPackage -wal/-shm).
        assert any(path == d or path.with_suffix("") == d.with_suffix("") or path.name.startswith(d.name) for d in declared), path
    assert list(cwd.iterdir()) == []
    stray = {p for p in (tmp_path / "in").iterdir()} - inputs_before
    # GDAL may keep raster statistics beside a raster it read (.aux.xml): the only tolerated file.
    assert all(p.name.endswith(".aux.xml") for p in stray), stray
    assert os.getcwd() == str(cwd)
