"""Outputs a reader can read, from a quiet run on the plugin's own sample (issue 17, points 7 and 8).

Real qgis_process runs on the sample layers: no warning about the sample's own fields, no shapely
RuntimeWarning on stderr; the outputs open with their stored style: labels (township and k on the
balance, the verdict on screened applications, in the interface language), a raster legend with
rounded numbers, legends in both languages, compliance findings clustered instead of stacked.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import REPO, SAMPLE_GPKG, run_qgis_process

pytestmark = [pytest.mark.cli, pytest.mark.qgis]

STYLES = REPO / "resources" / "styles"
CJK = re.compile(r"[\u4e00-\u9fff]")


def _layer(name: str) -> str:
    return f"{SAMPLE_GPKG}|layername={name}"


def _label_for(layer, feature, locale: str) -> str:
    """The label text QGIS draws for ``feature`` under the interface locale ``locale``."""
    from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextScope, QgsExpressionContextUtils

    settings = layer.labeling().settings()
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    scope = QgsExpressionContextScope()
    scope.setVariable("qgis_locale", locale)
    context.appendScope(scope)
    context.setFeature(feature)
    return str(QgsExpression(settings.fieldName).evaluate(context))


def test_screening_the_sample_is_quiet_and_labels_verdicts(qgis_app, tmp_path):
    from qgis.core import QgsVectorLayer

    output = tmp_path / "screened.gpkg"
    completed = run_qgis_process(
        "run", "tuoli_gw:screen_well_sites", f"--INPUT={_layer('well_applications')}",
        f"--ZONES={_layer('overextraction_zones')}", f"--SUPPLY_PIPES={_layer('supply_pipes')}",
        f"--SUPPLY_AREAS={_layer('supply_areas')}", f"--TOWNSHIPS={_layer('townships')}", "--USE_FIELD=use",
        f"--OUTPUT={output}",
    )
    assert "already has field" not in completed.stdout + completed.stderr
    assert "RuntimeWarning" not in completed.stderr
    layer = QgsVectorLayer(f"{output}|layername=screened", "screened", "ogr")
    assert layer.isValid() and layer.labelsEnabled()
    words = {"prohibited": ("prohibited", "禁止"), "restricted": ("restricted", "限制"), "allowed": ("allowed", "允许")}
    for feature in layer.getFeatures():
        english, chinese = words[feature["verdict"]]
        assert _label_for(layer, feature, "en_US") == english
        assert _label_for(layer, feature, "zh_CN") == chinese


def test_balance_on_the_sample_is_quiet_labelled_and_its_raster_legend_rounded(qgis_app, tmp_path):
    from qgis.core import QgsLayerTreeLayer, QgsRasterLayer, QgsVectorLayer

    output, raster = tmp_path / "balance.gpkg", tmp_path / "balance_mm.tif"
    completed = run_qgis_process(
        "run", "tuoli_gw:abstraction_recharge_balance", f"--WELLS={_layer('wells')}", "--VOLUME_FIELD=metered_m3",
        f"--RECHARGE={REPO / 'sample_layers' / 'recharge_mm.tif'}", f"--UNITS={_layer('townships')}",
        f"--OUTPUT={output}", f"--OUTPUT_RASTER={raster}",
    )
    assert "RuntimeWarning" not in completed.stderr, completed.stderr
    layer = QgsVectorLayer(f"{output}|layername=balance", "balance", "ogr")
    assert layer.isValid() and layer.labelsEnabled()
    for feature in layer.getFeatures():
        label = _label_for(layer, feature, "zh_CN")
        assert label.split("\n")[0] == feature["name_zh"]
        assert label.split("\n")[1] == f"k = {feature['extraction_coef']:.2f}"
    opened = QgsRasterLayer(str(raster), "balance", "gdal")  # as the desktop opens it: style beside the file
    texts = [str(node.data(0)) for node in opened.legend().createLayerTreeModelLegendNodes(QgsLayerTreeLayer(opened))][1:]
    assert len(texts) == 5 and all(not re.search(r"\d\.\d{2,}", t) for t in texts), texts
    assert CJK.search(texts[0]) and CJK.search(texts[-1])


def _legend_labels(qml) -> list[str]:
    root = ET.parse(qml).getroot()
    return [node.get("label") for node in root.iter() if node.tag in ("category", "range") and node.get("label")]


@pytest.mark.parametrize(
    "style",
    ["surcharge_multiplier", "surcharge_multiplier_polygon", "water_rights_scale_factor", "screening_verdict",
     "compliance_findings", "balance_grade", "balance_final_grade"],
)
def test_output_legends_speak_chinese_too(style):
    labels = _legend_labels(STYLES / f"{style}.qml")
    assert labels
    # Every label with words has Chinese beside them (a .qml cannot follow the interface language).
    worded = [label for label in labels if re.search(r"[A-Za-z]{2,}", label)]
    assert all(CJK.search(label) for label in worded), [label for label in worded if not CJK.search(label)]


def test_compliance_findings_are_clustered_at_county_scale(qgis_app):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer("Point?crs=EPSG:4537&field=severity:string&field=finding:string", "findings", "memory")
    message, ok = layer.loadNamedStyle(str(STYLES / "compliance_findings.qml"))
    assert ok, message
    assert layer.renderer().type() == "pointCluster"
    assert layer.renderer().embeddedRenderer().type() == "categorizedSymbol"


def stored_style_words(path, layer_name: str) -> tuple[dict[str, str], dict[str, dict[str, str]], dict[str, int]]:
    """What the style stored with an output shows: alias per field, value map (code -> words) per coded field, and the
    display precision of each number field."""
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(f"{path}|layername={layer_name}", layer_name, "ogr")
    assert layer.isValid(), path
    aliases, maps, precisions = {}, {}, {}
    for index, field in enumerate(layer.fields()):
        aliases[field.name()] = layer.attributeAlias(index)
        setup = layer.editorWidgetSetup(index)
        if setup.type() == "ValueMap":
            maps[field.name()] = {code: words for entry in setup.config()["map"] for words, code in entry.items()}
        elif setup.type() == "Range":
            precisions[field.name()] = setup.config().get("Precision")
    return aliases, maps, precisions


def test_a_chinese_run_stores_chinese_headers_words_for_codes_and_whole_cubic_metres(run_alg, tmp_path):
    # Fails before: no alias, no value map, volumes with three decimals (23439687.937).
    from tests.reduction import world

    gpkg = world.write_gpkg(tmp_path / "inputs.gpkg", **world.all_layers())
    layer = f"{gpkg}|layername="
    result = run_alg("tuoli_gw:reduction_plan", {
        "WELLS": layer + "wells", "TOWNSHIPS": layer + "townships", "SUPPLY_PIPES": layer + "pipes", "COVERAGE_DISTANCE": 500,
        "SUPPLY_AREAS": layer + "supply_areas", "FIRST_YEAR": world.FIRST_YEAR, "TARGET_YEAR": world.TARGET_YEAR, "LANGUAGE": 0,
        "OUTPUT": str(tmp_path / "plan_wells.gpkg"), "OUTPUT_TOWNSHIPS": str(tmp_path / "plan_townships.gpkg"),
        "OUTPUT_YEARS": str(tmp_path / "plan_years.gpkg"),
    })
    import geopandas as gpd

    for path, name, coded in (
        (result["OUTPUT"], "plan_wells", ("measure",)),
        (result["OUTPUT_TOWNSHIPS"], "plan_townships", ("status",)),
        (result["OUTPUT_YEARS"], "plan_years", ("balanced",)),
    ):
        aliases, maps, precisions = stored_style_words(path, name)
        written = list(aliases)
        assert all(CJK.search(aliases[field] or "") for field in written), {f: a for f, a in aliases.items() if not CJK.search(a or "")}
        values = gpd.read_file(path, layer=name)
        for field in coded:
            present = {str(v).lower() if isinstance(v, bool) else str(int(v)) if isinstance(v, float) else str(v)
                       for v in values[field].dropna()}
            assert present and present <= set(maps[field]), (field, present - set(maps[field]))
            assert all(CJK.search(maps[field][code]) for code in present)  # words for every code present, the code the value
        volumes = [field for field in written if field.endswith("_m3")]
        assert volumes and all(precisions[field] == 0 for field in volumes)
    aliases, maps, _ = stored_style_words(result["OUTPUT"], "plan_wells")
    assert aliases["cut_m3"] == "压减量（m³/年）" and maps["measure"]["switch_self_supplied"] == "改由管网供水（第13条）"


def test_every_column_the_engine_declares_has_a_header_in_both_languages():
    import gc
    import importlib
    import pkgutil

    import tuoli_gw_plugin.engine as engine
    from tuoli_gw_plugin.engine.core.columns import Column
    from tuoli_gw_plugin.engine.core.field_words import alias

    for module in pkgutil.walk_packages(engine.__path__, "tuoli_gw_plugin.engine."):
        if module.name.endswith("distributed"):
            continue  # needs dask, which the plugin never does
        importlib.import_module(module.name)
    names = {item.name for item in gc.get_objects() if isinstance(item, Column)}
    assert len(names) > 60
    assert [name for name in sorted(names) if not (alias(name, "zh") and CJK.search(alias(name, "zh")) and alias(name, "en"))] == []
