"""Metadata fit for plugins.qgis.org and an icon per algorithm (issue 17, point 9).

``scripts/tools/package.py`` is what ``make package`` and ``make release`` run: the local zip keeps the
example.org placeholders, the release zip refuses them until they are real addresses.
"""

from __future__ import annotations

import configparser
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "scripts" / "tools" / "package.py"


def _package(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(PACKAGE), *args], capture_output=True, text=True, timeout=300)


def test_release_refuses_placeholder_addresses(tmp_path):
    target = tmp_path / "release.zip"
    completed = _package("--release", str(target))
    assert completed.returncode == 2
    for field in ("email", "tracker", "repository", "homepage"):
        assert field in completed.stderr
    assert "make package" in completed.stderr
    assert not target.exists() and not target.with_suffix(".zip.partial").exists()


def test_release_builds_once_the_addresses_are_real(tmp_path):
    text = (REPO / "metadata.txt").read_text(encoding="utf-8")
    real = text.replace("tuoli-gw@example.org", "gw@toli.gov.cn").replace("https://example.org/tuoli_gw_plugin", "https://github.com/toli-gw/tuoli_gw_plugin")
    metadata = tmp_path / "metadata.txt"
    metadata.write_text(real, encoding="utf-8")
    target = tmp_path / "release.zip"
    completed = _package("--release", "--metadata", str(metadata), str(target))
    assert completed.returncode == 0, completed.stderr
    assert zipfile.ZipFile(target).testzip() is None


def test_local_package_keeps_the_placeholders(tmp_path):
    target = tmp_path / "local.zip"
    completed = _package(str(target))
    assert completed.returncode == 0, completed.stderr
    shipped = zipfile.ZipFile(target).read("tuoli_gw_plugin/metadata.txt").decode("utf-8")
    assert "example.org" in shipped


def test_metadata_has_a_changelog_for_this_version():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(REPO / "metadata.txt", encoding="utf-8")
    general = parser["general"]
    assert general["changelog"].startswith(general["version"])
    assert len(general["changelog"].splitlines()) >= 2


@pytest.mark.qgis
def test_each_algorithm_has_its_own_icon(qgis_app):
    from qgis.core import QgsApplication

    provider = QgsApplication.processingRegistry().providerById("tuoli_gw")
    images = {}
    for algorithm in provider.algorithms():
        assert (REPO / "resources" / "icons" / f"{algorithm.name()}.svg").is_file(), algorithm.name()
        icon = algorithm.icon()
        assert not icon.isNull()
        images[algorithm.name()] = icon.pixmap(32, 32).toImage()
    provider_image = provider.icon().pixmap(32, 32).toImage()
    names = sorted(images)
    for position, name in enumerate(names):
        assert images[name] != provider_image, name
        for other in names[position + 1:]:
            assert images[name] != images[other], (name, other)
