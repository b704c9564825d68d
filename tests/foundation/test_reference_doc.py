"""docs/algorithms/reference.md is generated from the algorithms; it must match them."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_reference_doc_is_up_to_date(qgis_app):
    from qgis.core import QgsApplication, QgsSettings

    sys.path.insert(0, str(REPO / "scripts" / "docs"))
    import make_algorithm_reference

    settings = QgsSettings()
    saved = (settings.value("locale/overrideFlag"), settings.value("locale/userLocale"))
    try:
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", "en_US")
        from tuoli_gw_plugin.i18n import install_translator

        install_translator("en_US")
        algorithms = QgsApplication.processingRegistry().providerById("tuoli_gw").algorithms()
        expected = make_algorithm_reference.render(algorithms)
    finally:
        settings.setValue("locale/overrideFlag", saved[0])
        settings.setValue("locale/userLocale", saved[1])
    assert make_algorithm_reference.TARGET.read_text(encoding="utf-8") == expected, (
        "docs/algorithms/reference.md is stale: run .venv/bin/python scripts/docs/make_algorithm_reference.py"
    )
