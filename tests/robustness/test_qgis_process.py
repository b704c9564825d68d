"""A few matrix cells through the real qgis_process command line: what a batch user sees."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_qgis_process

from .algorithms import SPECS
from .cases import CASES
from .runner import file_digest
from .world import World


def _run(algorithm: str, case: str, tmp_path):
    spec = SPECS[algorithm]
    prepared = CASES[case](World.default(), spec)
    sources = prepared.world.write(tmp_path / "in")
    out = tmp_path / "out"
    out.mkdir()
    parameters = {**spec.params(sources, out), **prepared.params}
    digests = {k: file_digest(v) for k, v in sources.items()}
    args = ["run", f"tuoli_gw:{algorithm}", "--json"] + [f"--{k}={v}" for k, v in parameters.items()]
    completed = run_qgis_process(*args, check=False)
    assert {k: file_digest(v) for k, v in sources.items()} == digests
    return completed, out


@pytest.mark.parametrize("algorithm", ["screen_well_sites", "abstraction_recharge_balance", "compliance_audit"])
def test_no_crs_is_a_clear_error_on_the_command_line(algorithm, tmp_path):
    completed, out = _run(algorithm, "no_crs", tmp_path)
    text = completed.stdout + completed.stderr
    assert completed.returncode != 0
    assert "has no coordinate reference system" in text and "'wells'" in text
    assert "Traceback" not in text
    assert not any(p.suffix == ".gpkg" for p in out.iterdir())


@pytest.mark.parametrize("algorithm", ["screen_well_sites", "progressive_surcharge"])
def test_gbk_shapefile_without_cpg_on_the_command_line(algorithm, tmp_path):
    completed, _out = _run(algorithm, "gbk_shapefile_without_cpg", tmp_path)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "read it as GBK" in completed.stdout + completed.stderr
    answer = json.loads(completed.stdout[completed.stdout.find("{"):])
    assert answer["results"]["OUTPUT"]


def test_mixed_crs_on_the_command_line(tmp_path):
    completed, _out = _run("screen_well_sites", "mixed_crs_4490_4516_4537", tmp_path)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    answer = json.loads(completed.stdout[completed.stdout.find("{"):])
    # The clean world: W1 severe zone, W3 near the pipe, W4 in the supply area, W5 township without
    # quota -> prohibited; W2 and W6 allowed (same counts as all-4537).
    assert answer["results"]["COUNT_PROHIBITED"] == 4
    assert answer["results"]["COUNT_ALLOWED"] == 2
