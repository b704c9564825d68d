"""Generate resources/styles/screening_verdict.qml, the style of tuoli_gw:screen_well_sites' output.

Wells by verdict (red / amber / green, purple outside the mapped area, grey without location), legend
in both languages like the other styles, and each well labelled with its verdict in the interface
language (the label expression reads @qgis_locale), so a reviewer reads the map without the legend.
Run once after changing it (``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/sample_data/make_screening_styles.py``);
the QML is committed, so users never run this.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor  # noqa: E402
from qml_tools import save_style  # noqa: E402

STYLES = Path(__file__).resolve().parents[2] / "resources" / "styles"

# (verdict code, colour, legend label, label on the map in English, in Chinese)
VERDICTS = [
    ("prohibited", "215,25,28,255", "prohibited | 禁止", "prohibited", "禁止"),
    ("restricted", "253,174,97,255", "restricted | 限制", "restricted", "限制"),
    ("allowed", "26,150,65,255", "allowed | 允许", "allowed", "允许"),
    ("outside", "123,50,148,255", "outside the mapped area, no verdict | 图层范围外，不作结论", "no verdict", "不作结论"),
    ("", "158,158,158,255", "no location | 无位置", "", ""),
]


def label_expression() -> str:
    """The verdict as a word in the interface language of whoever opens the layer."""
    chinese = " ".join(f"""WHEN "verdict" = '{code}' THEN '{zh}'""" for code, _, _, _, zh in VERDICTS if code)
    english = " ".join(f"""WHEN "verdict" = '{code}' THEN '{en}'""" for code, _, _, en, _ in VERDICTS if code)
    return f"if(@qgis_locale LIKE 'zh%', CASE {chinese} END, CASE {english} END)"


def verdict_style() -> QgsVectorLayer:
    layer = QgsVectorLayer("Point?crs=EPSG:4537&field=verdict:string", "screened", "memory")
    categories = [
        QgsRendererCategory(
            code,
            QgsMarkerSymbol.createSimple(
                {"name": "circle", "color": colour, "outline_color": "35,35,35,255", "outline_width": "0.3", "size": "3"}
            ),
            label,
        )
        for code, colour, label, _, _ in VERDICTS
    ]
    layer.setRenderer(QgsCategorizedSymbolRenderer("verdict", categories))
    text = QgsTextFormat()
    text.setSize(8)
    text.setColor(QColor("#202020"))
    halo = QgsTextBufferSettings()
    halo.setEnabled(True)
    halo.setSize(0.8)
    halo.setColor(QColor("white"))
    text.setBuffer(halo)
    settings = QgsPalLayerSettings()
    settings.isExpression = True
    settings.fieldName = label_expression()
    settings.setFormat(text)
    settings.placement = QgsPalLayerSettings.OrderedPositionsAroundPoint
    settings.dist = 1.0
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    return layer


def main() -> None:
    app = QgsApplication([], False)
    app.initQgis()
    save_style(verdict_style(), STYLES / "screening_verdict.qml")
    app.exitQgis()


if __name__ == "__main__":
    main()
