"""`make doctor` (scripts/doctor.py) passes on a good setup and names the fault and its fix on a broken one (issue 11).

The broken cases put a stand-in package in front of the real one on PYTHONPATH: a pyproj whose CRS rejects str,
as one compiled with Cython >= 3.1 does, and a shapely reporting another GEOS, as a pip wheel does.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# The doctor checks the setup `make` builds (.venv on Debian 12 or 13); a run with the system's Python alone
# (scripts/debian_suite.sh) has no setup to check.
pytestmark = pytest.mark.skipif(
    not (Path(sys.prefix) / "pyvenv.cfg").exists(), reason="the doctor checks the virtualenv setup; this Python is not one"
)

REPO = Path(__file__).resolve().parents[2]
DOCTOR = REPO / "scripts" / "doctor.py"


def _doctor(*args: str, shadow: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if shadow is not None:
        env["PYTHONPATH"] = f"{shadow}{os.pathsep}{env.get('PYTHONPATH', '')}"
    return subprocess.run([sys.executable, str(DOCTOR), *args], capture_output=True, text=True, timeout=600, env=env)


def _system_library(name: str) -> str:
    """The system's GDAL or PROJ version, as QGIS's GDAL bindings report it."""
    from osgeo import gdal, osr

    if name == "GDAL":
        return gdal.__version__
    return f"{osr.GetPROJVersionMajor()}.{osr.GetPROJVersionMinor()}.{osr.GetPROJVersionMicro()}"


def test_doctor_passes_on_this_setup():
    completed = _doctor()
    assert completed.returncode == 0, completed.stdout + completed.stderr
    lines = [line for line in completed.stdout.splitlines() if line.startswith(("ok", "FAIL"))]
    assert len(lines) == 4 and all(line.startswith("ok") for line in lines), completed.stdout
    assert "qgis_process" in lines[-1]


def test_a_pyproj_built_with_the_wrong_cython_is_named_with_its_fix(tmp_path):
    (tmp_path / "pyproj").mkdir()
    (tmp_path / "pyproj" / "__init__.py").write_text(
        f"proj_version_str = {_system_library('PROJ')!r}\n"
        "class CRS:\n"
        "    @staticmethod\n"
        "    def from_user_input(value):\n"
        "        raise TypeError('expected bytes, str found')\n"
        "Transformer = CRS\n"
    )
    completed = _doctor("--python-only", shadow=tmp_path)
    assert completed.returncode == 1
    assert "FAIL pyproj CRS round trip" in completed.stdout
    assert "Cython < 3.1" in completed.stdout and "Fix: rm -rf .venv && make setup" in completed.stdout
    assert "Traceback" not in completed.stdout + completed.stderr


def test_a_geo_package_with_its_own_library_is_named(tmp_path):
    real_gdal = _system_library("GDAL")
    (tmp_path / "pyogrio").mkdir()  # a pip wheel's pyogrio reports the GDAL it bundles
    (tmp_path / "pyogrio" / "__init__.py").write_text("__gdal_version_string__ = '3.99.0'\n")
    completed = _doctor("--python-only", shadow=tmp_path)
    assert completed.returncode == 1
    assert f"pyogrio/GDAL uses 3.99.0, the system has {real_gdal}" in completed.stdout
    assert "Fix: rm -rf .venv && make setup" in completed.stdout


@pytest.mark.parametrize("build_file", ["build-debian12.txt", "lock-debian12.txt", "lock-debian13.txt"])
def test_every_pin_is_exact(build_file):
    pins = [line for line in (REPO / "scripts" / "constraints" / build_file).read_text().splitlines() if line and not line.startswith("#")]
    assert pins and all(line.count("==") == 1 for line in pins), pins


def test_the_lock_pins_every_requirement():
    lock_lines = (REPO / "scripts" / "constraints" / "lock-debian12.txt").read_text().splitlines()
    lock = {line.split("==")[0].lower() for line in lock_lines if "==" in line}
    for requirements in ("requirements.txt", "requirements-dev.txt"):
        for line in (REPO / requirements).read_text().splitlines():
            name = line.split("#")[0].split(";")[0].strip()
            for separator in "<>=!~[ ":
                name = name.split(separator)[0]
            if name:
                assert name.lower().replace("_", "-") in lock, f"{requirements}: {name} has no exact pin in the lock"
