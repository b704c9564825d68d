"""Each algorithm is declared once: the help the dialog shows names every parameter and output by
its label and survives the dialog's HTML, LANGUAGE has one order, the coverage distance has units,
returned values are declared outputs, Help opens the algorithm's page, and the dialog preselects
the sample layers it knows."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.qgis

REPO = Path(__file__).resolve().parents[2]


def algorithms():
    from qgis.core import QgsApplication

    return sorted(QgsApplication.processingRegistry().providerById("tuoli_gw").algorithms(), key=lambda a: a.id())


def dialog_text(algorithm) -> str:
    """The help as the Processing dialog renders it: one HTML paragraph per line, as plain text."""
    from qgis.PyQt.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml("".join(f"<p>{line}</p>" for line in algorithm.shortHelpString().split("\n")))
    return document.toPlainText()


def test_help_names_every_parameter_and_output_by_its_label_and_survives_html(qgis_app):
    for algorithm in algorithms():
        shown = dialog_text(algorithm)
        for parameter in algorithm.parameterDefinitions():
            assert f"{parameter.description()} ({parameter.name()}" in shown, (algorithm.id(), parameter.name())
        for output in algorithm.outputDefinitions():
            assert output.name() in shown, (algorithm.id(), output.name())


def test_a_less_than_sign_in_a_help_sentence_does_not_swallow_the_rest(qgis_app):
    from tuoli_gw_plugin.processing_algs._declarations import Layer
    from tuoli_gw_plugin.processing_algs.base import TuoliAlgorithm

    class Tiny(TuoliAlgorithm):
        """Counts wells with remaining <= 0 & more."""

        NAME = "tiny"
        PARAMETERS = (Layer("INPUT", "Wells", "Quota < 0 is used up."),)

    algorithm = Tiny()
    algorithm.initAlgorithm({})
    shown = dialog_text(algorithm)
    assert "remaining <= 0 & more." in shown and "Quota < 0 is used up." in shown


def test_language_has_one_order_everywhere(qgis_app):
    from qgis.core import QgsProcessingParameterEnum

    with_language = [a for a in algorithms() if a.parameterDefinition("LANGUAGE") is not None]
    assert {a.name() for a in with_language} >= {"screen_well_sites", "supervision_report"}
    for algorithm in with_language:
        parameter = algorithm.parameterDefinition("LANGUAGE")
        assert isinstance(parameter, QgsProcessingParameterEnum)
        assert parameter.options()[0] == "中文" and parameter.options()[1] in ("English", "英文"), algorithm.id()
        assert "0 = 中文" in algorithm.shortHelpString()


def test_coverage_distance_is_a_distance_in_metres_beside_the_pipes(qgis_app):
    from qgis.core import QgsProcessingParameterDistance, QgsUnitTypes

    having = [a for a in algorithms() if a.parameterDefinition("COVERAGE_DISTANCE") is not None]
    # screen_well_sites, self_supplied_closure_list, compliance_audit, supervision_report, permit_decision, reduction_plan
    assert len(having) == 6
    for algorithm in having:
        parameter = algorithm.parameterDefinition("COVERAGE_DISTANCE")
        assert isinstance(parameter, QgsProcessingParameterDistance), algorithm.id()
        assert parameter.parentParameterName() == "SUPPLY_PIPES"
        assert parameter.defaultUnit() == QgsUnitTypes.DistanceMeters


def test_returned_values_are_declared_outputs(qgis_app):
    expected = {
        "progressive_surcharge": {"COUNT_CHARGED", "COUNT_NOT_CHARGED", "TOTAL_FEE_YUAN", "TOTAL_SURCHARGE_YUAN",
                                  "CHARGED_COUNT", "NOT_CHARGED_COUNT"},
        "allocate_water_rights": {"COUNT_PARCELS_WITH_RIGHT", "COUNT_PARCELS_WITHOUT_RIGHT", "TOTAL_RIGHT_M3",
                                  "PARCELS_WITH_RIGHT", "PARCELS_WITHOUT_RIGHT"},
        "compliance_audit": {"COUNT_FINDINGS", "FINDINGS_N"},
        "self_supplied_closure_list": {"TOTAL_FREED_M3", "FREED_M3_TOTAL", "COUNT_LISTED"},
        "screen_well_sites": {"COUNT_PROHIBITED", "COUNT_RESTRICTED", "COUNT_ALLOWED", "COUNT_NO_GEOMETRY"},
        "supervision_report": {"TITLE"},
        "reduction_plan": {"TOTAL_CUT_M3", "SHORTFALL_M3", "UNITS_NOT_REACHABLE"},
    }
    for algorithm in algorithms():
        declared = {output.name() for output in algorithm.outputDefinitions()}
        assert expected.get(algorithm.name(), set()) <= declared, algorithm.id()


def test_help_button_opens_the_algorithms_page(qgis_app):
    from qgis.PyQt.QtCore import QUrl

    for algorithm in algorithms():
        url = QUrl(algorithm.helpUrl())
        assert url.isLocalFile(), algorithm.id()
        assert Path(url.toLocalFile()).name == f"{algorithm.name()}.md" and Path(url.toLocalFile()).is_file()


def test_the_dialog_preselects_the_sample_layers_by_name_and_leaves_the_rest_alone(qgis_app):
    from qgis.core import QgsApplication, QgsProject, QgsVectorLayer

    gpkg = REPO / "sample_layers" / "toli_sample.gpkg"
    names = {"monitoring_stations": "Monitoring stations 监测井", "well_applications": "Well applications 取水申请",
             "wells": "Wells 机电井", "overextraction_zones": "Over-extraction zones 超采区", "farmland_parcels": "Farmland"}
    layers = {table: QgsVectorLayer(f"{gpkg}|layername={table}", title, "ogr") for table, title in names.items()}
    project = QgsProject.instance()
    project.addMapLayers(list(layers.values()))
    try:
        registry = QgsApplication.processingRegistry()
        screen = registry.createAlgorithmById("tuoli_gw:screen_well_sites")
        assert screen.parameterDefinition("INPUT").guiDefaultValueOverride() == layers["well_applications"].id()
        assert screen.parameterDefinition("ZONES").guiDefaultValueOverride() == layers["overextraction_zones"].id()
        assert screen.parameterDefinition("SUPPLY_PIPES").guiDefaultValueOverride() is None  # not in the project
        closure = registry.createAlgorithmById("tuoli_gw:self_supplied_closure_list")
        assert closure.parameterDefinition("INPUT").guiDefaultValueOverride() == layers["wells"].id()
        # What qgis_process and processing.run use is unchanged.
        assert closure.parameterDefinition("INPUT").defaultValue() is None
    finally:
        project.removeMapLayers([layer.id() for layer in layers.values()])
