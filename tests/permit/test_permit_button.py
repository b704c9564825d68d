"""The 'Write permit decision' button of the Check well site panel, on a real canvas, offscreen: it writes the
decision for the clicked point into the folder of the QgsSettings key and announces it."""

from __future__ import annotations

import pytest

from tests.gui.test_site_checker import X0, Y0, checker, click, site_layers  # noqa: F401 - fixtures used by name

pytestmark = pytest.mark.qgis


@pytest.fixture()
def permit_folder(qgis_app, tmp_path):
    from qgis.core import QgsSettings

    from tuoli_gw_plugin.gui.site_checker import PERMIT_FOLDER_KEY

    settings = QgsSettings()
    previous = settings.value(PERMIT_FOLDER_KEY)
    folder = tmp_path / "decisions"
    settings.setValue(PERMIT_FOLDER_KEY, str(folder))
    yield folder
    if previous is None:
        settings.remove(PERMIT_FOLDER_KEY)
    else:
        settings.setValue(PERMIT_FOLDER_KEY, previous)


def test_button_is_off_until_a_site_is_checked(checker):  # noqa: F811
    assert not checker.panel.write_button.isEnabled()
    click(checker, X0 + 5_000, Y0 + 5_000)
    assert checker.panel.write_button.isEnabled()


def test_button_writes_the_decision_of_the_clicked_point(checker, permit_folder):  # noqa: F811
    panel = click(checker, X0 + 5_000, Y0 + 5_000)  # inside the severe zone 严重区
    assert panel.last_result["verdict"] == "prohibited"
    panel.requested_spin.setValue(25_000)
    panel.write_button.click()
    pdfs = sorted(permit_folder.glob("site-*.pdf"))
    htmls = sorted(permit_folder.glob("site-*.html"))
    assert len(pdfs) == 1 and len(htmls) == 1
    assert pdfs[0].read_bytes().startswith(b"%PDF")
    page = htmls[0].read_text(encoding="utf-8")
    assert "严重区" in page and "severe_zone" not in page and "25,000" in page  # words, no reason code
    assert str(pdfs[0]) in panel.written_label.text()


def test_button_without_a_click_says_what_to_do(checker, permit_folder):  # noqa: F811
    assert checker.write_permit_decision() is None
    assert not permit_folder.exists() or not any(permit_folder.iterdir())
    assert checker.panel.verdict_label.text()  # a message, not a traceback
