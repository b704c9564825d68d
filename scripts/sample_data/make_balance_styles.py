"""Write the QML styles of the over-extraction outputs (balance and water-level trend) with PyQGIS.

Run once after changing colours: ``.venv/bin/python scripts/sample_data/make_balance_styles.py``; the QML files in
resources/styles/ are committed, so the plugin itself never runs this.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsClassificationRange,
    QgsGraduatedSymbolRenderer,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsRendererRange,
    QgsSymbol,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor  # noqa: E402
from qml_tools import label_format, save_style  # noqa: E402

STYLES = Path(__file__).resolve().parents[2] / "resources" / "styles"
GRADES = [
    ("severe", "#d7191c", "severe | 严重超采"),
    ("general", "#fdae61", "general | 一般超采"),
    ("none", "#a6d96a", "not over-extracted | 未超采"),
    ("", "#bdbdbd", "no grade | 无法评级"),
]
# A water-level record too short to test (issue 12): only level and final grades can be undetermined.
UNDETERMINED = ("undetermined", "#9e9ac8", "undetermined (record too short) | 无法判定（记录过短）")
LEVEL_GRADES = [*GRADES[:3], UNDETERMINED, GRADES[3]]


# Each unit labelled with its name (the fields the balance names units by, as engine/balance/abstraction_recharge.py's
# UNIT_LABEL_CANDIDATES) and its extraction coefficient k, so the map reads without the table.
UNIT_LABEL = (
    "coalesce(attribute('name_zh'), attribute('name'), attribute('zone_name'), "
    "attribute('名称'), attribute('township'), attribute('unit_name'), "
    "attribute('cell_id'), '') "
    "|| if(\"extraction_coef\" IS NULL, '', '\\n' || 'k = ' || format_number(\"extraction_coef\", 2))"
)


def label_units(layer: QgsVectorLayer) -> None:
    text = label_format(9)
    settings = QgsPalLayerSettings()
    settings.isExpression = True
    settings.fieldName = UNIT_LABEL
    settings.setFormat(text)
    settings.placement = QgsPalLayerSettings.OverPoint  # at the centroid, inside the unit
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def symbol(geometry_type, colour: str) -> QgsSymbol:
    sym = QgsSymbol.defaultSymbol(geometry_type)
    sym.setColor(QColor(colour))
    if geometry_type == QgsWkbTypes.PolygonGeometry:
        sym.symbolLayer(0).setStrokeColor(QColor("#404040"))
        sym.setOpacity(0.85)
    else:
        sym.symbolLayer(0).setSize(3.0)
    return sym


def categorized(field: str, geometry_type, name: str, grades=GRADES) -> None:
    uri = "MultiPolygon?crs=EPSG:4537" if geometry_type == QgsWkbTypes.PolygonGeometry else "Point?crs=EPSG:4537"
    layer = QgsVectorLayer(f"{uri}&field={field}:string", name, "memory")
    categories = [QgsRendererCategory(value or None, symbol(geometry_type, colour), label) for value, colour, label in grades]
    layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))
    if name.startswith("balance_"):
        label_units(layer)
    save_style(layer, STYLES / f"{name}.qml")


def graduated_coefficient() -> None:
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4537&field=extraction_coef:double", "k", "memory")
    bands = [
        (0.0, 0.5, "#1a9641", "k ≤ 0.5, not over-extracted | k ≤ 0.5 未超采"),
        (0.5, 1.0, "#a6d96a", "0.5 < k ≤ 1.0, not over-extracted | 0.5 < k ≤ 1.0 未超采"),
        (1.0, 1.3, "#fdae61", "1.0 < k ≤ 1.3, general | 1.0 < k ≤ 1.3 一般超采"),
        (1.3, 2.0, "#f46d43", "1.3 < k ≤ 2.0, severe | 1.3 < k ≤ 2.0 严重超采"),
        (2.0, 1e9, "#a50026", "k > 2.0, severe | k > 2.0 严重超采"),
    ]
    ranges = [
        QgsRendererRange(QgsClassificationRange(label, low, high), symbol(QgsWkbTypes.PolygonGeometry, colour))
        for low, high, colour, label in bands
    ]
    layer.setRenderer(QgsGraduatedSymbolRenderer("extraction_coef", ranges))
    label_units(layer)
    save_style(layer, STYLES / "balance_extraction_coef.qml")


def main() -> None:
    app = QgsApplication([], False)
    app.initQgis()
    categorized("grade", QgsWkbTypes.PolygonGeometry, "balance_grade")
    categorized("final_grade", QgsWkbTypes.PolygonGeometry, "balance_final_grade", LEVEL_GRADES)
    categorized("level_grade", QgsWkbTypes.PolygonGeometry, "level_grade_units", LEVEL_GRADES)
    categorized("level_grade", QgsWkbTypes.PointGeometry, "level_grade_stations", LEVEL_GRADES)
    graduated_coefficient()
    app.exitQgis()


if __name__ == "__main__":
    main()
