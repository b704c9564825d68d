"""A bad setup ends with a clear message saying what to install by hand (issue 2)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

SETUP = Path(__file__).resolve().parents[2] / "scripts" / "setup_system.sh"
MISSING = "tuoli-gw-no-such-package"


def _run(env_extra: dict[str, str], user: str | None = None, readable: bool = False) -> subprocess.CompletedProcess:
    """setup_system.sh, as ``user`` if given; ``readable``: from a copy of the scripts that every user can read."""
    env = {**os.environ, "TUOLI_GW_SYSTEM_PACKAGES": f"bash {MISSING}", **env_extra}
    with tempfile.TemporaryDirectory(prefix="tuoli_gw_setup_") as folder:
        script = SETUP
        if readable:
            # The checkout may live where only root can read (a clone under a `mktemp -d` folder), while a user's
            # own checkout is readable by that user: the scripts are copied to a folder `nobody` can read.
            script = Path(folder) / SETUP.name
            Path(folder).chmod(0o755)
            for source in SETUP.parent.glob("*.sh"):
                shutil.copy(source, Path(folder) / source.name)
                (Path(folder) / source.name).chmod(0o644)
        command = ["bash", str(script)]
        if user:
            command = ["runuser", "-u", user, "--", *command]
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, cwd=script.parent)


def test_nothing_missing_is_quick_and_silent():
    completed = _run({"TUOLI_GW_SYSTEM_PACKAGES": "bash"})
    assert completed.returncode == 0 and completed.stdout == "" and completed.stderr == ""


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("runuser"), reason="needs root to switch to an unprivileged user")
def test_without_root_it_prints_the_command_to_run():
    completed = _run({}, user="nobody", readable=True)
    assert completed.returncode == 1
    assert "needs root" in completed.stderr and f"apt-get install -y {MISSING}" in completed.stderr


def test_without_apt_it_lists_what_to_install_by_hand(tmp_path):
    # A PATH with bash and coreutils but no apt-get/dpkg-query, like a non-Debian distribution.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bash", "id", "grep", "sudo"):
        found = shutil.which(tool)
        if found:
            (bin_dir / tool).symlink_to(found)
    completed = _run({"PATH": str(bin_dir)})
    assert completed.returncode == 1
    assert "This setup knows Debian 12 (bookworm) and Debian 13 (trixie)" in completed.stderr
    assert "QGIS >= 3.22" in completed.stderr and "shapely >= 2.0" in completed.stderr and MISSING in completed.stderr


def test_an_unknown_system_is_told_what_to_install_by_hand():
    completed = _run({"TUOLI_GW_PLATFORM": "fedora41", "TUOLI_GW_SYSTEM_PACKAGES": ""})
    assert completed.returncode == 1 and completed.stdout == ""
    for wanted in ("This setup knows Debian 12", "QGIS >= 3.22", "shapely >= 2.0", "rasterio >= 1.3", "pytest", "lrelease"):
        assert wanted in completed.stderr


@pytest.mark.parametrize(
    ("platform", "wanted", "unwanted"),
    [("debian13", {"python3-geopandas", "python3-shapely", "python3-pyproj", "python3-rasterio", "python3-pyogrio",
                   "python3-pytest", "qgis"}, {"libgdal-dev", "g++", "python3-dev"}),
     ("debian12", {"libgdal-dev", "libgeos-dev", "libproj-dev", "g++", "qgis"}, {"python3-geopandas", "python3-shapely"})],
)
def test_each_debian_gets_its_own_packages(platform, wanted, unwanted):
    """Debian 13 takes the engine from Debian (nothing compiled), Debian 12 the compilers and development files."""
    completed = subprocess.run(["bash", str(SETUP), "--list"], env={**os.environ, "TUOLI_GW_PLATFORM": platform},
                               capture_output=True, text=True, timeout=60)
    assert completed.returncode == 0, completed.stderr
    listed = set(completed.stdout.split())
    assert wanted <= listed and not (unwanted & listed)
