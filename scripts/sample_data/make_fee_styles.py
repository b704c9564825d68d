"""Generate the QML styles of progressive_surcharge and allocate_water_rights with PyQGIS.

Legend labels are in English and Chinese, like every other style of the plugin: a .qml cannot follow
the interface language, and a Chinese reader must not meet an English-only legend.

Run once after changing a colour or class (``.venv/bin/python scripts/sample_data/make_fee_styles.py``); the
QML files it writes into resources/styles/ are committed, so users never run this.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsMarkerSymbol,
    QgsRendererCategory,
    QgsRendererRange,
    QgsVectorLayer,
)
from qml_tools import save_style  # noqa: E402

STYLES = Path(__file__).resolve().parents[2] / "resources" / "styles"

# top_multiplier: within plan, then the surcharge bands of notice item 13, then "not charged".
MULTIPLIER_CLASSES = [
    (1, "#1a9850", "within plan (×1) | 计划内（1倍）"),
    (2, "#fee08b", "over plan ≤20 % (×2) | 超计划20%以内（2倍）"),
    (3, "#fc8d59", "over plan 20–50 % (×3) | 超计划20%–50%（3倍）"),
    (5, "#d73027", "over plan >50 % (×5) | 超计划50%以上（5倍）"),
    (None, "#9e9e9e", "not charged (see problem) | 未计费（见“问题”字段）"),
]

# scale_factor of a water right: 1 = full quota, below 1 = cut to the township's red line.
FACTOR_RANGES = [
    (0.0, 0.7, "#d73027", "cut by more than 30 % | 核减30%以上"),
    (0.7, 0.9, "#fc8d59", "cut by 10–30 % | 核减10%–30%"),
    (0.9, 0.999999, "#fee08b", "cut by up to 10 % | 核减10%以内"),
    (0.999999, 1.0, "#1a9850", "full quota (factor 1) | 全额（系数1）"),
]


def marker(colour: str) -> QgsMarkerSymbol:
    return QgsMarkerSymbol.createSimple({"name": "circle", "color": colour, "size": "2.6", "outline_color": "#333333"})


def fill(colour: str) -> QgsFillSymbol:
    return QgsFillSymbol.createSimple({"color": colour, "outline_color": "#444444", "outline_width": "0.2"})


def multiplier_style(geometry: str, make_symbol) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{geometry}?crs=EPSG:4537&field=top_multiplier:double", "fees", "memory")
    categories = [
        QgsRendererCategory(value if value is not None else "", make_symbol(colour), label)
        for value, colour, label in MULTIPLIER_CLASSES
    ]
    layer.setRenderer(QgsCategorizedSymbolRenderer("top_multiplier", categories))
    return layer


def factor_style(field: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"MultiPolygon?crs=EPSG:4537&field={field}:double", "rights", "memory")
    ranges = [QgsRendererRange(low, high, fill(colour), label) for low, high, colour, label in FACTOR_RANGES]
    renderer = QgsGraduatedSymbolRenderer(field, ranges)
    layer.setRenderer(renderer)
    return layer


def main() -> None:
    app = QgsApplication([], False)
    app.initQgis()
    STYLES.mkdir(parents=True, exist_ok=True)
    save_style(multiplier_style("Point", marker), STYLES / "surcharge_multiplier.qml")
    save_style(multiplier_style("MultiPolygon", fill), STYLES / "surcharge_multiplier_polygon.qml")
    save_style(factor_style("scale_factor"), STYLES / "water_rights_scale_factor.qml")
    app.exitQgis()


if __name__ == "__main__":
    main()
