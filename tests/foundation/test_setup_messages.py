"""A bad setup ends with a clear message saying what to install by hand (issue 2)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

SETUP = Path(__file__).resolve().parents[2] / "scripts" / "setup_system.sh"
MISSING = "tuoli-gw-no-such-package"


def _run(env_extra: dict[str, str], user: str | None = None) -> subprocess.CompletedProcess:
    command = ["bash", str(SETUP)]
    if user:
        command = ["runuser", "-u", user, "--", *command]
    env = {**os.environ, "TUOLI_GW_SYSTEM_PACKAGES": f"bash {MISSING}", **env_extra}
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)


def test_nothing_missing_is_quick_and_silent():
    completed = _run({"TUOLI_GW_SYSTEM_PACKAGES": "bash"})
    assert completed.returncode == 0 and completed.stdout == "" and completed.stderr == ""


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("runuser"), reason="needs root to switch to an unprivileged user")
def test_without_root_it_prints_the_command_to_run():
    completed = _run({}, user="nobody")
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
    assert "Debian and Ubuntu (apt-get) only" in completed.stderr and MISSING in completed.stderr
