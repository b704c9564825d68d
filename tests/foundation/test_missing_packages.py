"""Without the engine's Python packages (issue 17, points 3 and 8).

A user's QGIS without geopandas, shapely 2 or rasterio: each algorithm says what *it* needs (the
balance needs rasterio, screening does not, so screening still runs without rasterio); the "Check
well site" button says what to install instead of failing with a ModuleNotFoundError; a run prints
the long install message once, not three times.

Debian's own /usr/bin/python3 has QGIS but not the engine's packages: exactly a new user's QGIS.
"Without rasterio only" is the project's virtualenv with a ``rasterio`` package first on the path
that fails to import, as a broken or absent install does.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import QGIS_PROCESS, REPO, SAMPLE_GPKG

# These tests play a QGIS user whose Python lacks the engine's packages, using the system Python (Debian 12's has
# no geopandas). Debian 13's system Python has them as python3-* packages: there the situation cannot be played.
_SYSTEM_HAS_ENGINE = subprocess.run(["/usr/bin/python3", "-c", "import geopandas"], capture_output=True).returncode == 0
pytestmark = [
    pytest.mark.cli,
    pytest.mark.skipif(_SYSTEM_HAS_ENGINE, reason="the system Python already has the engine's packages (Debian 13)"),
]

PLUGINS = REPO / "build" / "plugins"
DEBIAN_PYTHON = "/usr/bin/python3"

# The desktop part, run in a subprocess: the plugin's real GUI class in a real main window with a
# real QgsMessageBar, standing in for QGIS desktop's window (iface is only the way to reach them).
DESKTOP = r"""
import sys
from qgis.core import QgsApplication
QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], True)
app.initQgis()
from qgis.gui import QgsMapCanvas, QgsMessageBar
from qgis.PyQt.QtWidgets import QMainWindow

class Desktop:
    def __init__(self):
        self.window = QMainWindow()
        self.bar = QgsMessageBar(self.window)
        self.canvas = QgsMapCanvas(self.window)
    def mainWindow(self): return self.window
    def messageBar(self): return self.bar
    def addToolBar(self, name): return self.window.addToolBar(name)
    def addPluginToMenu(self, menu, action): pass
    def removePluginMenu(self, menu, action): pass
    def mapCanvas(self): return self.canvas
    def addDockWidget(self, area, dock): self.window.addDockWidget(area, dock)
    def removeDockWidget(self, dock): self.window.removeDockWidget(dock)

from tuoli_gw_plugin.gui.plugin_gui import PluginGui
from tuoli_gw_plugin.metadata import PLUGIN_DIR
desktop = Desktop()
gui = PluginGui(desktop, PLUGIN_DIR)
gui.setup()
check = gui.actions[0]
print("ACTION|" + check.text())
print("TOOLTIP|" + check.toolTip().replace(chr(10), " "))
print("CHECKER|" + str(gui.site_checker is not None))
if gui.site_checker is None:  # the stand-in button: clicking it explains
    check.trigger()
for item in desktop.bar.items():
    print("BAR|" + item.title() + "|" + item.text().replace(chr(10), " "))
gui.teardown()
"""

CAN_EXECUTE = r"""
from qgis.core import QgsApplication
QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()
from tuoli_gw_plugin.plugin import TuoliGwPlugin
plugin = TuoliGwPlugin(None)
plugin.initProcessing()
for algorithm in plugin.provider.algorithms():
    ok, message = algorithm.canExecute()
    print(algorithm.name(), ok, message.replace(chr(10), " "))
"""


def _python(executable: str, code: str, extra_path: list[Path] = ()) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(str(p) for p in [*extra_path, PLUGINS]),
        "QT_QPA_PLATFORM": "offscreen",
    }
    # Run from the assembled plugins folder: `python -c` puts the working directory first on sys.path, and from the
    # repository root that is the bare package folder, not the plugin QGIS loads.
    completed = subprocess.run([executable, "-c", code], env=env, capture_output=True, text=True, timeout=180, cwd=PLUGINS)
    assert completed.returncode == 0, completed.stderr
    return completed


@pytest.fixture()
def without_rasterio(tmp_path) -> Path:
    blocked = tmp_path / "blocked"
    (blocked / "rasterio").mkdir(parents=True)
    (blocked / "rasterio" / "__init__.py").write_text('raise ImportError("rasterio is not installed (test)")\n')
    return blocked


def _venv_site() -> Path:
    return next((REPO / ".venv" / "lib").glob("python3*/site-packages"))


def test_without_any_engine_package_the_button_says_what_to_install():
    lines = _python(DEBIAN_PYTHON, DESKTOP).stdout.splitlines()
    values = {line.split("|", 1)[0]: line.split("|", 1)[1] for line in lines if "|" in line and not line.startswith("BAR")}
    assert values["CHECKER"] == "False"  # no map tool that would fail on click
    assert "Python packages missing" in values["ACTION"]
    assert "Missing Python packages" in values["TOOLTIP"] and "geopandas" in values["TOOLTIP"]
    bars = [line for line in lines if line.startswith("BAR|")]
    assert len(bars) == 1, lines
    assert "geopandas" in bars[0] and "python3 -m pip install" in bars[0] and '"numpy==' in bars[0]
    assert "ModuleNotFoundError" not in "\n".join(lines)


def test_each_algorithm_needs_only_its_own_packages(without_rasterio):
    lines = _python(sys.executable, CAN_EXECUTE, [without_rasterio, _venv_site()]).stdout.splitlines()
    verdicts = {line.split(" ", 2)[0]: line.split(" ", 2)[1:] for line in lines if " " in line}
    for name in ("abstraction_recharge_balance", "water_level_trend"):
        ok, message = verdicts[name]
        assert ok == "False" and "rasterio" in message and "geopandas" not in message, (name, message)
    for name in ("screen_well_sites", "self_supplied_closure_list", "progressive_surcharge", "compliance_audit"):
        assert verdicts[name][0] == "True", (name, verdicts[name])
    # ... and the map tool still works.
    assert "CHECKER|True" in _python(sys.executable, DESKTOP, [without_rasterio, _venv_site()]).stdout


def _qgis_process(args: list[str], extra_path: list[Path]) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "TUOLI_GW_NO_VENV": "1",
        "PYTHONPATH": os.pathsep.join(str(p) for p in extra_path),
        "QGIS_CUSTOM_CONFIG_PATH": str(REPO / "build" / "qgis-profile"),
    }
    return subprocess.run([str(QGIS_PROCESS), *args], env=env, capture_output=True, text=True, timeout=600)


def test_without_rasterio_screening_runs_and_the_balance_says_so_once(without_rasterio, tmp_path):
    path = [without_rasterio, _venv_site()]
    layer = f"{SAMPLE_GPKG}|layername="
    screened = _qgis_process(
        ["run", "tuoli_gw:screen_well_sites", f"--INPUT={layer}well_applications", f"--ZONES={layer}overextraction_zones",
         f"--SUPPLY_PIPES={layer}supply_pipes", f"--OUTPUT={tmp_path / 'screened.gpkg'}"],
        path,
    )
    assert screened.returncode == 0, screened.stderr
    assert (tmp_path / "screened.gpkg").is_file()
    balance = _qgis_process(
        ["run", "tuoli_gw:abstraction_recharge_balance", f"--WELLS={layer}wells",
         f"--RECHARGE={REPO / 'sample_layers' / 'recharge_mm.tif'}", f"--OUTPUT={tmp_path / 'balance.gpkg'}"],
        path,
    )
    assert balance.returncode != 0
    everything = balance.stdout + balance.stderr
    assert everything.count("needs these Python packages in QGIS's Python") == 1, everything
    assert "rasterio" in everything and "Traceback" not in everything
