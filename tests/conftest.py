"""Shared test fixtures: a real, headless QgsApplication with the plugin's provider registered.

Tests run against Debian's QGIS, never a mock. The profile is a throwaway directory so a user's
real QGIS profile is never touched. The plugin is imported as QGIS loads it: from the plugin folder
assembled under build/plugins (scripts/tools/assemble_plugin.py), never from the bare package
folder at the repository top, which lacks processing_algs/, resources/ and metadata.txt.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "sample_layers"
SAMPLE_GPKG = SAMPLES / "toli_sample.gpkg"
QGIS_PROCESS = REPO / "scripts" / "qgis_process.sh"
PLUGINS_DIR = REPO / "build" / "plugins"
PLUGIN_DIR = PLUGINS_DIR / "tuoli_gw_plugin"  # the plugin folder as QGIS loads it


def _load_assembler() -> ModuleType:
    """scripts/tools/assemble_plugin.py as a module (a script, not part of the plugin: scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location("assemble_plugin", REPO / "scripts" / "tools" / "assemble_plugin.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


assemble_plugin = _load_assembler()
assemble_plugin.import_assembled_plugin(PLUGINS_DIR)  # cheap and idempotent; `make test` did it already
import tuoli_gw_plugin  # noqa: E402 - only once the assembled folder leads sys.path

if Path(tuoli_gw_plugin.__file__).parent != PLUGIN_DIR:
    raise RuntimeError(f"tuoli_gw_plugin must be imported from {PLUGIN_DIR}, not {tuoli_gw_plugin.__file__}")

try:
    import qgis.core  # noqa: F401 - only whether it can be imported
except ImportError:
    _QGIS_IMPORTABLE = False
else:
    _QGIS_IMPORTABLE = True

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QGIS_CUSTOM_CONFIG_PATH", tempfile.mkdtemp(prefix="tuoli_gw_test_profile_"))


# The parts of the plugin that load without QGIS (the import contract keeps them so).
_QGIS_FREE_PARTS = {"engine", "gpkg", "metadata"}


def _imports_qgis_at_load(path: Path, seen: set[Path] | None = None) -> bool:
    """Whether loading the test module ``path`` imports QGIS (itself, or a ``tests.`` helper it imports at load)."""
    import ast

    seen = set() if seen is None else seen
    if path in seen or not path.is_file():
        return False
    seen.add(path)
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level:
            names = [node.module or "", *(f"{node.module}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.ImportFrom):
            names = [".".join([*path.parent.relative_to(REPO).parts, *(node.module or "").split(".")]).strip(".")]
        for name in names:
            if name.split(".")[0] in ("qgis", "processing"):
                return True
            if name.startswith("tuoli_gw_plugin.") and name.split(".")[1] not in _QGIS_FREE_PARTS:
                return True
            if name.startswith("tests.") or name == "tests":
                helper = REPO.joinpath(*name.split("."))
                if _imports_qgis_at_load(helper.with_suffix(".py"), seen) or _imports_qgis_at_load(helper / "__init__.py", seen):
                    return True
    return False


def pytest_ignore_collect(collection_path: Path, config):
    """Where QGIS cannot be imported (an engine-only machine), the modules that import it when they load are not
    collected: ``pytest -m "not qgis"`` runs the engine's tests there too."""
    if collection_path.suffix != ".py" or not collection_path.name.startswith("test_") or _QGIS_IMPORTABLE:
        return None
    return True if _imports_qgis_at_load(collection_path) else None


def pytest_collection_modifyitems(config, items):
    """Every test that needs QGIS carries the ``qgis`` marker, without writing it: a test using the ``qgis_app``
    fixture (directly or through another fixture), running qgis_process (``cli``) or in a module that imports QGIS
    when it loads. So ``pytest -m "not qgis"`` is the engine-only run, the same with QGIS installed or not."""
    loads_qgis: dict[Path, bool] = {}
    for item in items:
        path = Path(str(item.path))
        if path not in loads_qgis:
            loads_qgis[path] = _imports_qgis_at_load(path)
        if "qgis_app" in getattr(item, "fixturenames", ()) or item.get_closest_marker("cli") is not None or loads_qgis[path]:
            item.add_marker(pytest.mark.qgis)


@pytest.fixture(scope="session")
def qgis_app():
    """One QgsApplication for the whole session, with Processing and the tuoli_gw provider."""
    from qgis.core import QgsApplication

    app = QgsApplication.instance()
    if app is None:
        QgsApplication.setPrefixPath("/usr", True)
        app = QgsApplication([], False)
        app.initQgis()
    if "/usr/share/qgis/python/plugins" not in sys.path:
        sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    registry = QgsApplication.processingRegistry()
    if registry.providerById("tuoli_gw") is None:
        from tuoli_gw_plugin.plugin import TuoliGwPlugin

        plugin = TuoliGwPlugin(None)
        plugin.initProcessing()
        app._tuoli_plugin = plugin  # keep the provider alive for the session
    yield app


@pytest.fixture()
def run_alg(qgis_app):
    """processing.run with a fresh context and feedback; returns the result dict."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    def _run(algorithm_id: str, parameters: dict):
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        return processing.run(algorithm_id, parameters, context=context, feedback=QgsProcessingFeedback())

    return _run


def run_qgis_process(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Run scripts/qgis_process.sh (the project's plugin and venv, headless)."""
    completed = subprocess.run(
        [str(QGIS_PROCESS), *args],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "QGIS_CUSTOM_CONFIG_PATH": str(REPO / "build" / "qgis-profile")},
    )
    if check and completed.returncode != 0:
        raise AssertionError(f"qgis_process {' '.join(args)} failed:\n{completed.stdout}\n{completed.stderr}")
    return completed


def qgis_process_json(algorithm_id: str, parameters: dict[str, object]) -> dict:
    """Run an algorithm through qgis_process --json and return the parsed answer."""
    args = ["run", algorithm_id, "--json"]
    for key, value in parameters.items():
        args.append(f"--{key}={value}")
    completed = run_qgis_process(*args)
    start = completed.stdout.find("{")
    return json.loads(completed.stdout[start:])
