"""qgis_process under a profile whose interface language is Chinese: the plugin answers in Chinese,
and a screening run without LANGUAGE writes the Chinese legal basis (reason codes unchanged)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from . import report_data as data
from .conftest import REPO

pytestmark = pytest.mark.qgis


@pytest.fixture()
def chinese_profile(tmp_path, compiled_translations):
    """A copy of the project's qgis_process profile (plugin enabled) with the locale set to zh_CN."""
    profile = tmp_path / "profile"
    shutil.copytree(REPO / "build" / "qgis-profile", profile)
    ini = profile / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    text = ini.read_text(encoding="utf-8") if ini.is_file() else ""
    assert "[locale]" not in text
    ini.write_text(text + "\n[locale]\nuserLocale=zh_CN\noverrideFlag=true\n", encoding="utf-8")
    return profile


def qgis_process(profile, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(REPO / "scripts" / "qgis_process.sh"), *args],
        capture_output=True, text=True, timeout=600, env={**os.environ, "QGIS_CUSTOM_CONFIG_PATH": str(profile)},
    )


def test_help_is_chinese(chinese_profile):
    completed = qgis_process(chinese_profile, "help", "tuoli_gw:screen_well_sites")
    assert completed.returncode == 0, completed.stderr
    assert "井址筛查（供水管网覆盖、超采区、用水总量控制红线）" in completed.stdout
    assert "INPUT: 待筛查取水井（点）" in completed.stdout


def test_screening_basis_defaults_to_chinese(chinese_profile, tmp_path):
    gpkg = data.write_geopackage(tmp_path / "inputs.gpkg")
    output = tmp_path / "screened.geojson"
    completed = qgis_process(
        chinese_profile, "run", "tuoli_gw:screen_well_sites", "--json",
        f"--INPUT={gpkg}|layername=wells", f"--ZONES={gpkg}|layername=zones",
        f"--SUPPLY_AREAS={gpkg}|layername=supply_areas", f"--TOWNSHIPS={gpkg}|layername=townships", f"--OUTPUT={output}",
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    features = {f["properties"]["well_id"]: f["properties"] for f in json.loads(output.read_text(encoding="utf-8"))["features"]}
    assert features["W2"]["reasons"] == "severe_zone;red_line_exhausted"
    assert features["W2"]["basis"].startswith("严重超采区。托政发规〔2024〕3号 二（三）")
