"""qgis_process sees the provider; the zip from `make package` installs into a clean profile.

These run the real qgis_process binary in subprocesses with throwaway profiles.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests"))
from conftest import PLUGIN_DIR, QGIS_PROCESS, assemble_plugin, run_qgis_process  # noqa: E402
from test_provider import ALGORITHM_MODULES  # noqa: E402

pytestmark = pytest.mark.cli


def _load_package_script():
    """scripts/tools/package.py as a module (it imports assemble_plugin from its own folder)."""
    sys.path.insert(0, str(REPO / "scripts" / "tools"))
    spec = importlib.util.spec_from_file_location("package_script", REPO / "scripts" / "tools" / "package.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _listed_algorithms(stdout: str) -> set[str]:
    return {line.split()[0] for line in stdout.splitlines() if line.strip().startswith("tuoli_gw:")}


def test_qgis_process_lists_every_algorithm():
    listed = _listed_algorithms(run_qgis_process("list").stdout)
    assert listed == {f"tuoli_gw:{m}" for m in ALGORITHM_MODULES}


def _install_zip_in_clean_profile(tmp_path: Path) -> dict[str, str]:
    zip_path = tmp_path / "dist" / "tuoli_gw_plugin.zip"
    subprocess.run([sys.executable, str(REPO / "scripts" / "tools" / "package.py"), str(zip_path)], check=True, capture_output=True)
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
        assert {n.split("/")[0] for n in names} == {"tuoli_gw_plugin"}, "one top folder"
        for required in ("metadata.txt", "LICENSE", "__init__.py", "resources/rules/toli_rules.json", "processing_algs/base.py"):
            assert f"tuoli_gw_plugin/{required}" in names
        assert not any("__pycache__" in n for n in names)
        plugins_dir = tmp_path / "plugins"
        archive.extractall(plugins_dir)
    assert not any(p.is_symlink() for p in plugins_dir.rglob("*")), "the zip must hold real files, not links"
    env = {
        **os.environ,
        "QGIS_CUSTOM_CONFIG_PATH": str(tmp_path / "profile"),
        "TUOLI_GW_PLUGINPATH": str(plugins_dir),
    }
    subprocess.run([str(QGIS_PROCESS), "plugins", "enable", "tuoli_gw_plugin"], env=env, check=True, capture_output=True)
    return env


def test_packaged_zip_installs_and_lists_its_algorithms(tmp_path):
    env = _install_zip_in_clean_profile(tmp_path)
    listed = subprocess.run([str(QGIS_PROCESS), "list"], env=env, capture_output=True, text=True, check=True)
    assert _listed_algorithms(listed.stdout) == {f"tuoli_gw:{m}" for m in ALGORITHM_MODULES}


def test_zip_holds_exactly_the_plugin_folder_qgis_loads(tmp_path):
    """The zip and the assembled folder hold the same files with the same bytes (no caches, .ts compiled
    to .qm), and every tracked file of the plugin's sources is in it."""
    zip_path = tmp_path / "tuoli_gw_plugin.zip"
    subprocess.run([sys.executable, str(REPO / "scripts" / "tools" / "package.py"), str(zip_path)], check=True, capture_output=True)
    with zipfile.ZipFile(zip_path) as archive:
        zipped = {name: archive.read(name) for name in archive.namelist()}
    assembled = {}
    candidates = []
    for root, dirs, names in os.walk(PLUGIN_DIR, followlinks=True):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        candidates += [Path(root) / name for name in names if Path(name).suffix not in {".pyc", ".ts"}]
    # Files git ignores (GDAL's .aux.xml beside a sample raster, say) stay out of the zip; .qm ships.
    ignored = _load_package_script().git_ignored(candidates, REPO)
    for path in candidates:
        if path.suffix == ".qm" or path.resolve() not in ignored:
            assembled[f"tuoli_gw_plugin/{path.relative_to(PLUGIN_DIR).as_posix()}"] = path.read_bytes()
    assert sorted(zipped) == sorted(assembled)
    assert [name for name in zipped if zipped[name] != assembled[name]] == []
    sources = {source.relative_to(REPO).as_posix(): entry for entry, source in assemble_plugin.plugin_contents(REPO).items()}
    if (REPO / ".git").exists() and shutil.which("git"):  # the Debian 13 root has no git
        tracked = subprocess.run(["git", "ls-files", *sources], cwd=REPO, capture_output=True, text=True, check=True).stdout
        for path in tracked.splitlines():
            source = next(s for s in sources if path == s or path.startswith(f"{s}/"))
            if not path.endswith(".ts"):
                assert f"tuoli_gw_plugin/{sources[source]}{path[len(source):]}" in zipped, path


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed (the Debian 13 root has none)")
def test_zip_leaves_out_what_git_ignores_but_keeps_compiled_translations(tmp_path):
    """A left-over GDAL side file in a checkout is not shipped; a tracked file and a .qm are."""
    package = _load_package_script()
    repo = tmp_path / "checkout"
    (repo / "sample_layers").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / ".gitignore").write_text("*.aux.xml\n*.qm\n", encoding="utf-8")
    tracked = repo / "sample_layers" / "recharge.tif"
    side_file = repo / "sample_layers" / "recharge.tif.aux.xml"
    compiled = repo / "sample_layers" / "tuoli_gw_zh-Hans.qm"
    for path in (tracked, side_file, compiled):
        path.write_bytes(b"x")
    subprocess.run(["git", "-C", str(repo), "add", "sample_layers/recharge.tif", ".gitignore"], check=True)
    ignored = package.git_ignored([tracked, side_file, compiled], repo)
    assert ignored == {side_file.resolve(), compiled.resolve()}  # .qm is kept by SHIPPED_BUILD_PRODUCTS
    assert ".qm" in package.SHIPPED_BUILD_PRODUCTS
    assert package.git_ignored([tracked, side_file], tmp_path / "not-a-checkout") == set()


# A QGIS user's Python without the packages QGIS itself does not bring (Debian 12's system Python lacks
# them; Debian 13's has them as python3-* packages, which the QGIS 3.40 suite installs): hidden, so the
# check sees what a user who installed only QGIS sees, on either Debian.
HIDE_ENGINE_PACKAGES = """
import importlib.abc
import sys
class HideEnginePackages(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"geopandas", "shapely", "rasterio", "pyogrio"}:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None
sys.meta_path.insert(0, HideEnginePackages())
"""

CHECK_WITHOUT_ENGINE = HIDE_ENGINE_PACKAGES + """
from qgis.core import QgsApplication
QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()
from tuoli_gw_plugin.plugin import TuoliGwPlugin
plugin = TuoliGwPlugin(None)
plugin.initProcessing()
for algorithm in plugin.provider.algorithms():
    ok, message = algorithm.canExecute()
    print(algorithm.id(), ok, message.replace(chr(10), " "))
"""


def test_without_engine_packages_algorithms_stay_listed_and_say_what_to_install(tmp_path):
    # QGIS's Python without geopandas, rasterio or shapely 2: exactly a new QGIS user's situation.
    env = _install_zip_in_clean_profile(tmp_path)
    listed = subprocess.run(
        [str(QGIS_PROCESS), "list"], env={**env, "TUOLI_GW_NO_VENV": "1", "PYTHONPATH": ""},
        capture_output=True, text=True, check=True,
    )
    assert _listed_algorithms(listed.stdout) == {f"tuoli_gw:{m}" for m in ALGORITHM_MODULES}
    checked = subprocess.run(
        ["/usr/bin/python3", "-c", CHECK_WITHOUT_ENGINE],
        env={**env, "PYTHONPATH": env["TUOLI_GW_PLUGINPATH"], "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True, text=True, timeout=120,
        cwd=tmp_path,  # `python -c` looks in its working directory first: not the repository's bare package folder
    )
    assert checked.returncode == 0, checked.stderr
    lines = [line for line in checked.stdout.splitlines() if line.startswith("tuoli_gw:")]
    assert len(lines) == len(ALGORITHM_MODULES)
    for line in lines:
        algorithm_id, ok, message = line.split(" ", 2)
        assert ok == "False", line
        assert "geopandas" in message and "pip install" in message and '"numpy==' in message
