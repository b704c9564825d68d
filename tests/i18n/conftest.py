"""Fixtures for the translation tests: a fresh .qm and a switch of the QGIS interface locale."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def compiled_translations():
    """Compile resources/i18n/*.ts as make does (only what is out of date)."""
    subprocess.run(["bash", str(REPO / "scripts" / "docs" / "build_translations.sh")], check=True)
    qm = REPO / "resources" / "i18n" / "tuoli_gw_zh-Hans.qm"
    assert qm.is_file()
    return qm


@pytest.fixture()
def interface_locale(qgis_app, compiled_translations):
    """Set QGIS's user locale as the Options dialog does, reinstall the plugin's translator, and
    put everything back afterwards so other tests keep the English interface."""
    from qgis.core import QgsSettings

    from tuoli_gw_plugin.i18n import install_translator

    settings = QgsSettings()
    saved = {key: settings.value(key) for key in ("locale/userLocale", "locale/overrideFlag")}

    def switch(locale: str) -> str:
        settings.setValue("locale/userLocale", locale)
        settings.setValue("locale/overrideFlag", True)
        return install_translator()

    yield switch
    for key, value in saved.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)
    install_translator("en")


def create(algorithm_id: str):
    """A new instance, as the toolbox and processing.run make one (initAlgorithm runs now)."""
    from qgis.core import QgsApplication

    algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
    assert algorithm is not None, algorithm_id
    return algorithm
