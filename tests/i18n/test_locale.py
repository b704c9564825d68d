"""A Chinese QGIS shows the plugin in Chinese: provider, algorithm names, groups, parameter labels,
help, the legal-basis texts of verdicts and the Check-well-site panel; English otherwise.

The locale is switched as the QGIS Options dialog does (locale/userLocale + locale/overrideFlag)
and the plugin's translator reinstalled, then algorithms are created anew as the toolbox does.
"""

from __future__ import annotations

import geopandas as gpd
import pytest
from shapely.geometry import LineString, Point

from . import report_data as data
from .conftest import create

pytestmark = pytest.mark.qgis

CHINESE_LOCALES = ["zh", "zh_CN", "zh-Hans"]


def has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def tuoli_algorithm_ids() -> list[str]:
    from qgis.core import QgsApplication

    return sorted(a.id() for a in QgsApplication.processingRegistry().providerById("tuoli_gw").algorithms())


def texts_of(algorithm_id: str) -> dict[str, str]:
    from qgis.core import QgsProcessingParameterEnum

    algorithm = create(algorithm_id)
    texts = {"name": algorithm.displayName(), "group": algorithm.group(), "help": algorithm.shortHelpString()}
    texts.update({f"param:{p.name()}": p.description() for p in algorithm.parameterDefinitions()})
    texts.update({
        f"option:{p.name()}:{i}": option
        for p in algorithm.parameterDefinitions()
        if isinstance(p, QgsProcessingParameterEnum)
        for i, option in enumerate(p.options())
    })
    texts.update({f"output:{o.name()}": o.description() for o in algorithm.outputDefinitions()})
    return texts


@pytest.mark.parametrize("locale", CHINESE_LOCALES)
def test_every_chinese_locale_loads_the_translation(interface_locale, locale):
    from qgis.core import QgsApplication

    assert interface_locale(locale) == "zh-Hans"
    assert QgsApplication.processingRegistry().providerById("tuoli_gw").name() == "托里县地下水监管"
    screen = create("tuoli_gw:screen_well_sites")
    assert screen.displayName() == "井址筛查（供水管网覆盖、超采区、用水总量控制红线）"
    assert screen.group() == "取水许可与选址筛查"
    assert screen.parameterDefinition("INPUT").description() == "待筛查取水井（点）"
    assert "公共供水管网覆盖范围" in screen.shortHelpString()


def test_the_proper_terms_are_used(interface_locale):
    interface_locale("zh_CN")
    assert "超计划累进加价" in create("tuoli_gw:progressive_surcharge").displayName()
    electricity = create("tuoli_gw:electricity_to_water").displayName()
    assert "以电折水" in electricity and "井电双控" in electricity
    closure = create("tuoli_gw:self_supplied_closure_list").displayName()
    assert "自备井" in closure and "公共供水管网覆盖范围" in closure
    balance_help = create("tuoli_gw:abstraction_recharge_balance").shortHelpString()
    assert "采补平衡" in balance_help
    report = create("tuoli_gw:supervision_report")
    assert report.displayName() == "年度监管报告（PDF / HTML）"
    assert "严重超采区" in report.shortHelpString()


def test_every_name_label_and_help_is_translated(interface_locale):
    """Each text with English words in the English interface reads differently — and in
    Chinese — in the Chinese one: nothing is left untranslated."""
    interface_locale("en_US")
    english = {algorithm_id: texts_of(algorithm_id) for algorithm_id in tuoli_algorithm_ids()}
    interface_locale("zh_CN")
    untranslated = []
    for algorithm_id, texts in english.items():
        chinese = texts_of(algorithm_id)
        for key, text in texts.items():
            if any(ch.isascii() and ch.isalpha() for ch in text) and (chinese[key] == text or not has_chinese(chinese[key])):
                untranslated.append(f"{algorithm_id} {key}: {text!r}")
    assert not untranslated, "\n".join(untranslated)


@pytest.mark.parametrize(("locale", "markers"), [("en_US", ("notice", "GB/T 34968")), ("zh_CN", ("托政发规〔2024〕3号", "GB/T 34968"))])
def test_help_states_the_legal_basis_in_both_languages(interface_locale, locale, markers):
    interface_locale(locale)
    for algorithm_id in tuoli_algorithm_ids():
        help_text = create(algorithm_id).shortHelpString()
        assert any(marker in help_text for marker in markers), algorithm_id


def test_english_locale_keeps_the_english_sources(interface_locale):
    from qgis.core import QgsApplication

    assert interface_locale("en_US") == "en"
    assert QgsApplication.processingRegistry().providerById("tuoli_gw").name() == "Toli groundwater"
    screen = create("tuoli_gw:screen_well_sites")
    assert screen.displayName() == "Screen well sites (supply coverage, over-extraction zones, red line)"
    assert screen.parameterDefinition("INPUT").description() == "Wells to screen (points)"
    assert interface_locale("fr_FR") == "en"
    assert create("tuoli_gw:supervision_report").displayName() == "Annual supervision report (PDF / HTML)"


# -- verdict reasons --------------------------------------------------------------------------------
@pytest.fixture()
def screening_layers(qgis_app, tmp_path):
    gpkg = data.write_geopackage(tmp_path / "screening.gpkg")
    return {name: f"{gpkg}|layername={name}" for name in ("wells", "zones", "supply_areas", "townships")}


def run_screening(run_alg, layers, tmp_path, **extra):
    from qgis.core import QgsVectorLayer

    output = tmp_path / f"screened_{len(list(tmp_path.iterdir()))}.gpkg"
    run_alg(
        "tuoli_gw:screen_well_sites",
        {"INPUT": layers["wells"], "ZONES": layers["zones"], "SUPPLY_AREAS": layers["supply_areas"],
         "TOWNSHIPS": layers["townships"], "USE_FIELD": "use", "OUTPUT": str(output), **extra},
    )
    layer = QgsVectorLayer(str(output), "screened", "ogr")
    return {f["well_id"]: (f["verdict"], f["reasons"], f["basis"]) for f in layer.getFeatures()}


@pytest.mark.parametrize("locale", CHINESE_LOCALES)
def test_reason_texts_follow_a_chinese_locale_and_codes_do_not(interface_locale, run_alg, screening_layers, tmp_path, locale):
    interface_locale(locale)
    results = run_screening(run_alg, screening_layers, tmp_path)
    verdict, reasons, basis = results["W2"]  # in the severe zone, in a township over its red line
    assert verdict == "prohibited"
    assert reasons == "severe_zone;red_line_exhausted"  # the codes are a contract: never translated
    assert basis.startswith("严重超采区。托政发规〔2024〕3号 二（三）")
    assert results["W1"][1] == "supply_coverage" and "公共供水管网覆盖范围" in results["W1"][2]


def test_reason_texts_stay_english_otherwise_and_language_can_be_chosen(interface_locale, run_alg, screening_layers, tmp_path):
    interface_locale("en_US")
    assert run_screening(run_alg, screening_layers, tmp_path)["W2"][2].startswith("Severe over-extraction zone")
    chosen = run_screening(run_alg, screening_layers, tmp_path, LANGUAGE=0)  # 0 = 中文, whatever the locale
    assert chosen["W2"][2].startswith("严重超采区")


# -- the Check well site panel ------------------------------------------------------------------------
@pytest.fixture()
def project_layers(qgis_app, tmp_path):
    from qgis.core import QgsProject, QgsVectorLayer

    gpkg = tmp_path / "panel.gpkg"
    data.zones().to_file(gpkg, layer="overextraction_zones")
    gpd.GeoDataFrame({"pipe_id": [1]}, geometry=[LineString([(data.X0, data.Y0 + 30_000), (data.X0 + 30_000, data.Y0 + 30_000)])],
                     crs=4537).to_file(gpkg, layer="supply_pipes")
    layers = [QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr") for name in ("overextraction_zones", "supply_pipes")]
    QgsProject.instance().addMapLayers(layers)
    yield layers
    QgsProject.instance().clear()


def make_checker(layers):
    from qgis.core import QgsCoordinateReferenceSystem
    from qgis.gui import QgsMapCanvas

    from tuoli_gw_plugin.gui.site_checker import SiteChecker
    from tuoli_gw_plugin.metadata import PLUGIN_DIR

    canvas = QgsMapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4537"))
    canvas.setLayers(layers)
    checker = SiteChecker(None, PLUGIN_DIR, canvas=canvas)
    checker.panel.pick_layers_from_project()
    return checker, canvas


def test_panel_speaks_chinese_under_a_chinese_locale(interface_locale, project_layers):
    from qgis.core import QgsPointXY
    from qgis.PyQt.QtWidgets import QLabel

    interface_locale("zh-Hans")
    checker, _canvas = make_checker(project_layers)
    try:
        labels = {label.text() for label in checker.panel.findChildren(QLabel)}
        assert {"超采区", "供水管网", "覆盖距离", "拟用途"} <= labels
        point = Point(data.X0 + 14_000, data.Y0 + 4_000)  # inside the severe zone
        result = checker.check_point(QgsPointXY(point.x, point.y))
        assert result["reasons"] == "severe_zone"
        assert "禁止" in checker.panel.verdict_label.text()
        details = checker.panel.details.toPlainText()
        assert "法律依据" in details and "严重超采区。托政发规〔2024〕3号 二（三）" in details
    finally:
        checker.teardown()


def test_panel_stays_english_under_an_english_locale(interface_locale, project_layers):
    from qgis.core import QgsPointXY

    interface_locale("en_US")
    checker, _canvas = make_checker(project_layers)
    try:
        checker.check_point(QgsPointXY(data.X0 + 14_000, data.Y0 + 4_000))
        assert "PROHIBITED" in checker.panel.verdict_label.text()
        assert "Severe over-extraction zone" in checker.panel.details.toPlainText()
    finally:
        checker.teardown()


def test_engine_errors_name_the_place_in_the_interface_language(interface_locale):
    from tuoli_gw_plugin.engine.core.errors import EngineInputError

    error = EngineInputError("plan is negative", layer="accounts", feature=3, field="plan_m3")
    interface_locale("en_US")
    assert create("tuoli_gw:progressive_surcharge").engine_message(error) == str(error)
    interface_locale("zh_CN")
    assert create("tuoli_gw:progressive_surcharge").engine_message(error) == "图层“accounts”，要素 3，字段“plan_m3”：plan is negative"
