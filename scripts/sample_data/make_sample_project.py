"""Build the styled QGIS sample project ``sample_layers/toli_sample.qgz`` (headless PyQGIS).

Loads every layer of ``sample_layers/toli_sample.gpkg`` plus ``sample_layers/recharge_mm.tif`` with
relative paths, styles them (zones by grade, supply coverage and pipes in blues, wells by status,
labelled townships, a pseudocolour recharge ramp), marks each layer's metadata as a schematic sample,
sets the project CRS to EPSG:4537 and saves the styles as ``resources/styles/sample_<layer>.qml`` so
the plugin can apply them to a user's own layers.

Run after ``scripts/sample_data/make_sample_layers.py``::

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/sample_data/make_sample_project.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

# Headless: no display, and a throw-away profile so the user's QGIS settings are neither read nor changed.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QGIS_CUSTOM_CONFIG_PATH", tempfile.mkdtemp(prefix="tuoli_qgis_profile_"))

from qgis.core import (  # noqa: E402  (the environment above must be set before Qt loads)
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsColorRampShader,
    QgsCoordinateReferenceSystem,
    QgsFillSymbol,
    QgsGradientColorRamp,
    QgsGraduatedSymbolRenderer,
    QgsLayerMetadata,
    QgsLineSymbol,
    QgsMapLayer,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProject,
    QgsRasterLayer,
    QgsRasterShader,
    QgsReferencedRectangle,
    QgsRendererCategory,
    QgsRendererRange,
    QgsSingleBandPseudoColorRenderer,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.gui import QgsMapCanvas  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402
from qml_tools import label_format  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[2]
SAMPLE_DIR = REPO_ROOT / "sample_layers"
GPKG_PATH = SAMPLE_DIR / "toli_sample.gpkg"
RECHARGE_PATH = SAMPLE_DIR / "recharge_mm.tif"
PROJECT_PATH = SAMPLE_DIR / "toli_sample.qgz"
STYLE_DIR = REPO_ROOT / "resources" / "styles"
WORK_CRS = "EPSG:4537"
ABSTRACT = ("Schematic sample for Toli County (托里县), not official data. Invented for demonstrating and testing "
            "the tuoli_gw_plugin under notice 托政发规〔2024〕3号; load your own official layers for real work.")
LABEL_FONT = "Noto Sans CJK SC"  # any CJK font works; QGIS falls back if it is missing

# Drawing order, top first: points over lines over areas over the raster.
LAYER_ORDER = ["well_applications", "monitoring_stations", "wells", "supply_pipes", "supply_areas",
               "overextraction_zones", "farmland_parcels", "townships", "recharge_mm", "water_levels",
               "power_accounts"]
LAYER_TITLES = {
    "townships": "Townships 乡镇 (schematic)",
    "overextraction_zones": "Over-extraction zones 超采区 (schematic)",
    "supply_pipes": "Supply pipes 供水管网 (schematic)",
    "supply_areas": "Supply coverage 管网覆盖区 (schematic)",
    "wells": "Wells 机电井 (schematic)",
    "well_applications": "Well applications 取水申请 (schematic)",
    "monitoring_stations": "Monitoring stations 监测井 (schematic)",
    "water_levels": "Water levels 地下水位 (schematic)",
    "farmland_parcels": "Farmland parcels 承包地块 (schematic)",
    "power_accounts": "Power accounts 电力户号 (schematic)",
    "recharge_mm": "Recharge mm/a 补给量 (schematic)",
}


def fill(color: str, outline: str, outline_width: float = 0.3, opacity: float = 1.0) -> QgsFillSymbol:
    """A simple fill symbol; colours as #rrggbb or #aarrggbb."""
    symbol = QgsFillSymbol.createSimple({"color": color, "outline_color": outline,
                                         "outline_width": str(outline_width)})
    symbol.setOpacity(opacity)
    return symbol


def marker(shape: str, color: str, size: float, outline: str = "#333333") -> QgsMarkerSymbol:
    """A simple marker symbol."""
    return QgsMarkerSymbol.createSimple({"name": shape, "color": color, "size": str(size),
                                         "outline_color": outline, "outline_width": "0.1"})


def categorised(field: str, classes: list[tuple[str, str, object]]) -> QgsCategorizedSymbolRenderer:
    """Categorised renderer from (value, label, symbol) triples."""
    categories = [QgsRendererCategory(value, symbol, label) for value, label, symbol in classes]
    return QgsCategorizedSymbolRenderer(field, categories)


def style_townships(layer: QgsVectorLayer) -> None:
    """Outline only, labelled with the Chinese name, so every other layer shows through."""
    layer.setRenderer(QgsSingleSymbolRenderer(fill("#00000000", "#404040", 0.6)))
    text = label_format(11, LABEL_FONT)
    settings = QgsPalLayerSettings()
    settings.fieldName = "name_zh"
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def style_zones(layer: QgsVectorLayer) -> None:
    """Severe dark red over general orange: symbol levels draw severe last, so it wins where they overlap."""
    severe = fill("#8b0000", "#5a0000", 0.5, opacity=0.6)
    general = fill("#ff8c00", "#b35f00", 0.5, opacity=0.5)
    severe.symbolLayer(0).setRenderingPass(1)
    general.symbolLayer(0).setRenderingPass(0)
    renderer = categorised("grade", [("severe", "严重超采区 severe", severe), ("general", "一般超采区 general", general)])
    renderer.setUsingSymbolLevels(True)
    layer.setRenderer(renderer)


def style_supply_areas(layer: QgsVectorLayer) -> None:
    """Light blue coverage areas."""
    layer.setRenderer(QgsSingleSymbolRenderer(fill("#a6d8f5", "#3a8fc7", 0.3, opacity=0.6)))


def style_pipes(layer: QgsVectorLayer) -> None:
    """Blue pipes, thicker for bigger diameters."""
    ranges = []
    for low, high, width, label in ((0, 110, 0.3, "≤ 110 mm"), (110, 200, 0.55, "111–200 mm"),
                                    (200, 500, 0.9, "> 200 mm")):
        symbol = QgsLineSymbol.createSimple({"line_color": "#1f5fbf", "line_width": str(width)})
        ranges.append(QgsRendererRange(low, high, symbol, label))
    layer.setRenderer(QgsGraduatedSymbolRenderer("diameter_mm", ranges))


def style_wells(layer: QgsVectorLayer) -> None:
    """Wells by status: active green, stopped orange, deregistered grey."""
    layer.setRenderer(categorised("status", [
        ("active", "active 在用", marker("circle", "#2e9e44", 1.4)),
        ("stopped", "stopped 停用", marker("circle", "#f08c00", 1.8)),
        ("deregistered", "deregistered 已注销", marker("cross2", "#7f7f7f", 1.8, outline="#7f7f7f")),
    ]))


def style_applications(layer: QgsVectorLayer) -> None:
    """Applications as purple stars, easy to tell apart from existing wells."""
    layer.setRenderer(QgsSingleSymbolRenderer(marker("star", "#9c27b0", 3.2, outline="#ffffff")))


def style_stations(layer: QgsVectorLayer) -> None:
    """Monitoring wells by aquifer: triangles."""
    layer.setRenderer(categorised("aquifer", [
        ("shallow", "shallow 浅层", marker("triangle", "#00bcd4", 2.6)),
        ("deep", "deep 深层", marker("triangle", "#283593", 2.6)),
    ]))


def style_parcels(layer: QgsVectorLayer) -> None:
    """Parcels by crop, pale colours with a thin outline."""
    colours = {"cotton": "#fff7d6", "wheat": "#f3dc8a", "maize": "#d9ef8b", "forage": "#a6d96a",
               "sunflower": "#fdb863"}
    layer.setRenderer(categorised("crop", [(crop, crop, fill(colour, "#8c7a4f", 0.15))
                                           for crop, colour in colours.items()]))


def style_recharge(layer: QgsRasterLayer) -> None:
    """Pseudocolour ramp from dry plain (pale yellow) to mountain and river recharge (deep blue)."""
    ramp = QgsGradientColorRamp(QColor("#ffffcc"), QColor("#0c2c84"))
    ramp.setStops([])
    shader_function = QgsColorRampShader(5.0, 60.0, ramp, QgsColorRampShader.Interpolated)
    shader_function.classifyColorRamp(6, -1)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(shader_function)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(5.0)
    renderer.setClassificationMax(60.0)
    layer.setRenderer(renderer)
    layer.setOpacity(0.8)


STYLERS = {
    "townships": style_townships, "overextraction_zones": style_zones, "supply_areas": style_supply_areas,
    "supply_pipes": style_pipes, "wells": style_wells, "well_applications": style_applications,
    "monitoring_stations": style_stations, "farmland_parcels": style_parcels,
}


def mark_schematic(layer: QgsMapLayer, name: str) -> None:
    """Put the 'schematic, not official' statement into the layer metadata and its title."""
    metadata = QgsLayerMetadata()
    metadata.setIdentifier(name)
    metadata.setTitle(LAYER_TITLES[name])
    metadata.setAbstract(ABSTRACT)
    metadata.setKeywords({"tuoli_gw_plugin": ["sample", "schematic", "Toli County", "托里县"]})
    metadata.setRights(["Invented sample data; no official boundaries or registers were used."])
    if layer.crs().isValid():
        metadata.setCrs(layer.crs())
    layer.setMetadata(metadata)
    layer.setTitle(LAYER_TITLES[name])
    layer.setAbstract(ABSTRACT)


def save_county_view(project: QgsProject, townships: QgsVectorLayer) -> QgsMapCanvas:
    """Make the project open zoomed to the county (townships plus a 5 % margin), not blank at 1:1.

    QGIS desktop restores the view from the project's <mapcanvas> element, which a map canvas named
    like the desktop's ("theMapCanvas") writes when the project is saved; the default view extent
    (Project Properties ▸ View Settings) is set too, for readers that use that instead.
    """
    extent = townships.extent()
    extent.scale(1.05)
    crs = QgsCoordinateReferenceSystem(WORK_CRS)
    project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(extent, crs))
    canvas = QgsMapCanvas()
    canvas.setObjectName("theMapCanvas")
    canvas.resize(1200, 900)  # the shape the extent is fitted to when the desktop opens it
    canvas.setDestinationCrs(crs)
    canvas.setExtent(extent)
    return canvas  # kept alive until the project is written


def main() -> int:
    """Load, style and save; return a non-zero exit code when a layer cannot be loaded."""
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], True)  # with widgets: the map canvas that saves the project's view
    app.initQgis()
    try:
        project = QgsProject.instance()
        project.clear()
        project.setCrs(QgsCoordinateReferenceSystem(WORK_CRS))
        project.setTitle("Toli County groundwater supervision — schematic sample (not official data)")
        project_metadata = project.metadata()
        project_metadata.setAbstract(ABSTRACT)
        project.setMetadata(project_metadata)
        project.writeEntryBool("Paths", "/Absolute", False)  # relative paths: the folder can move
        STYLE_DIR.mkdir(parents=True, exist_ok=True)

        layers: dict[str, QgsMapLayer] = {}
        for name in LAYER_ORDER:
            if name == "recharge_mm":
                layer = QgsRasterLayer(str(RECHARGE_PATH), LAYER_TITLES[name], "gdal")
            else:
                layer = QgsVectorLayer(f"{GPKG_PATH}|layername={name}", LAYER_TITLES[name], "ogr")
            if not layer.isValid():
                print(f"cannot load layer {name}", file=sys.stderr)
                return 1
            if name == "recharge_mm":
                style_recharge(layer)
                # Beside the GeoTIFF too: QGIS loads it when the raster is opened on its own (or as an
                # algorithm's input), instead of a grey ramp with min/max labels like "50.758097".
                layer.saveNamedStyle(str(RECHARGE_PATH.with_suffix(".qml")))
            elif name in STYLERS:
                STYLERS[name](layer)
            mark_schematic(layer, name)
            message, ok = layer.saveNamedStyle(str(STYLE_DIR / f"sample_{name}.qml"))
            if not ok:
                print(f"cannot save style for {name}: {message}", file=sys.stderr)
                return 1
            layers[name] = layer

        # addLayer appends below the previous one, so the first entry of LAYER_ORDER ends up on top.
        root = project.layerTreeRoot()
        for name in LAYER_ORDER:
            project.addMapLayer(layers[name], False)
            root.addLayer(layers[name])
        canvas = save_county_view(project, layers["townships"])
        if not project.write(str(PROJECT_PATH)):
            print(f"cannot write {PROJECT_PATH}: {project.error()}", file=sys.stderr)
            return 1
        del canvas
        print(f"wrote {PROJECT_PATH.relative_to(REPO_ROOT)} with {len(layers)} layers; styles in "
              f"{STYLE_DIR.relative_to(REPO_ROOT)}")
        return 0
    finally:
        QgsProject.instance().clear()
        app.exitQgis()
        # QGIS caches raster statistics next to the raster when the layer closes; that cache is machine-specific
        # and not part of the sample, so remove it once QGIS has let go of the file.
        RECHARGE_PATH.with_name(RECHARGE_PATH.name + ".aux.xml").unlink(missing_ok=True)


if __name__ == "__main__":
    sys.exit(main())
