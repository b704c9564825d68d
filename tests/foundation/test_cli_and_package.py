"""qgis_process sees the provider; the zip from `make package` installs into a clean profile.

These run the real qgis_process binary in subprocesses with throwaway profiles.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests"))
from conftest import QGIS_PROCESS, run_qgis_process  # noqa: E402
from test_provider import ALGORITHM_MODULES  # noqa: E402

pytestmark = pytest.mark.cli


def _listed_algorithms(stdout: str) -> set[str]:
    return {line.split()[0] for line in stdout.splitlines() if line.strip().startswith("tuoli_gw:")}


def test_qgis_process_lists_every_algorithm():
    listed = _listed_algorithms(run_qgis_process("list").stdout)
    assert listed == {f"tuoli_gw:{m}" for m in ALGORITHM_MODULES}


def _install_zip_in_clean_profile(tmp_path: Path) -> dict[str, str]:
    zip_path = tmp_path / "dist" / "tuoli_gw_plugin.zip"
    subprocess.run([sys.executable, str(REPO / "scripts" / "package.py"), str(zip_path)], check=True, capture_output=True)
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


def test_without_engine_packages_algorithms_stay_listed_and_say_what_to_install(tmp_path):
    # QGIS's own Python here has no geopandas, rasterio or shapely 2: exactly a new user's situation.
    env = {**_install_zip_in_clean_profile(tmp_path), "TUOLI_GW_NO_VENV": "1", "PYTHONPATH": ""}
    listed = subprocess.run([str(QGIS_PROCESS), "list"], env=env, capture_output=True, text=True, check=True)
    assert _listed_algorithms(listed.stdout) == {f"tuoli_gw:{m}" for m in ALGORITHM_MODULES}
    if not ALGORITHM_MODULES:
        pytest.skip("no algorithm yet")
    run = subprocess.run(
        [str(QGIS_PROCESS), "run", f"tuoli_gw:{ALGORITHM_MODULES[0]}"], env=env, capture_output=True, text=True
    )
    assert run.returncode != 0
    output = run.stdout + run.stderr
    assert "geopandas" in output and "qpip" in output
    assert "Traceback" not in output
