"""A package is there when it imports and has what the plugin calls, never decided from a version string (issue 24).

Debian unstable's shapely 2.2 reports ``__version__ == "0+unknown"`` (built without its release tag); the plugin
must run on it. A shapely 1.x, whose release number would pass a careless check, lacks the vectorised functions
and must be named as missing. The real installed packages are used; only their recorded version is changed, the
way Debian's build changes it: ``__version__`` on the module and a ``.dist-info`` first on the path.
"""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from tests.conftest import REPO
from tuoli_gw_plugin import dependencies

PLUGINS = REPO / "build" / "plugins"


@pytest.fixture(autouse=True)
def fresh_answers():
    dependencies._missing_modules.cache_clear()
    yield
    dependencies._missing_modules.cache_clear()


def _record_version(monkeypatch, tmp_path: Path, distribution: str, version: str) -> None:
    """Make ``distribution`` record ``version`` in its metadata and ``__version__``, as a distribution's build does."""
    module = __import__(distribution)
    info = tmp_path / f"{distribution}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {distribution}\nVersion: {version}\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(module, "__version__", version)
    assert metadata.version(distribution) == version  # what the check will read


def test_shapely_without_a_release_number_is_usable(monkeypatch, tmp_path):
    _record_version(monkeypatch, tmp_path, "shapely", "0+unknown")
    assert dependencies.missing_dependencies(dependencies.CHECK_SITE) == ()
    assert dependencies.missing_dependencies_message() == ""


def test_a_recorded_release_below_the_minimum_is_missing(monkeypatch, tmp_path):
    _record_version(monkeypatch, tmp_path, "pyproj", "3.3.1")
    assert dependencies.missing_dependencies(dependencies.CHECK_SITE) == ("pyproj>=3.4",)
    assert "pyproj>=3.4" in dependencies.missing_dependencies_short("screen_well_sites")


@pytest.mark.parametrize(
    ("text", "release"),
    [("2.1.1", (2, 1, 1)), ("1.26.4+ds", (1, 26, 4)), ("3.4.0rc1", (3, 4, 0)), ("v0.14", (0, 14)),
     ("0+unknown", None), ("0.0.0", None), ("", None), ("unknown", None), ("None", None)],
)
def test_a_version_that_records_no_release_says_nothing(text, release):
    assert dependencies._release(text) == release


SHAPELY_1 = '"""shapely 1.8 as far as the plugin can tell: geometry classes, no vectorised functions."""\n__version__ = "2.0.9"\n'


def test_shapely_without_its_vectorised_functions_is_missing_whatever_its_version_says(tmp_path):
    # A package named shapely first on the path, claiming 2.0.9 but lacking shapely.points & co (as 1.x does),
    # while the real shapely 2's metadata stays installed: the functions decide, not the number.
    (tmp_path / "shapely").mkdir()
    (tmp_path / "shapely" / "__init__.py").write_text(SHAPELY_1, encoding="utf-8")
    code = (
        "from tuoli_gw_plugin import dependencies as d\n"
        "import shapely\n"
        "print(shapely.__file__)\n"
        "print(d.missing_dependencies(d.CHECK_SITE))\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(PLUGINS)]), "QT_QPA_PLATFORM": "offscreen"}
    completed = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    imported, missing = completed.stdout.splitlines()
    assert imported.startswith(str(tmp_path))
    assert missing == "('shapely>=2.0', 'geopandas>=0.14')"  # geopandas cannot import without shapely 2 either


def test_everything_the_plugin_uses_is_found_here():
    """The attributes listed per package exist in the installed packages (a typo would make a package 'missing')."""
    for name, package in dependencies.PACKAGES.items():
        assert all(dependencies._has(use) for use in package.uses), name
    assert dependencies.missing_dependencies() == ()
