"""Generate the styles of the bookkeeping-power outputs (run once; the .qml files are committed).

resources/styles/compliance_findings.qml: findings of tuoli_gw:compliance_audit, categorised by
severity. resources/styles/electricity_to_water.qml: wells of tuoli_gw:electricity_to_water,
rule-based on the item-16 flags (the most serious flag decides the colour).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/sample_data/make_power_styles.py
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsField,
    QgsMarkerSymbol,
    QgsPointClusterRenderer,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant
from qml_tools import save_style

STYLES = Path(__file__).resolve().parents[2] / "resources" / "styles"


def marker(colour: str, size: float, shape: str = "circle") -> QgsMarkerSymbol:
    return QgsMarkerSymbol.createSimple(
        {"name": shape, "color": colour, "outline_color": "40,40,40,255", "outline_width": "0.15", "size": str(size)}
    )


def findings_style() -> None:
    layer = QgsVectorLayer("Point?crs=EPSG:4537", "findings", "memory")
    layer.dataProvider().addAttributes([QgsField(n, QVariant.String) for n in ("finding", "severity")])
    layer.updateFields()
    categories = [
        QgsRendererCategory("critical", marker("215,25,28,255", 3.0, "star"), "critical | 特别严重"),
        QgsRendererCategory("high", marker("253,141,60,255", 2.4, "triangle"), "high | 较高"),
        QgsRendererCategory("medium", marker("254,217,118,255", 2.0), "medium | 中等"),
        QgsRendererCategory("low", marker("171,217,233,255", 1.8), "low | 较低"),
        QgsRendererCategory(None, marker("160,160,160,255", 1.6), "other | 其他"),
    ]
    # Several findings often sit on one well, and wells crowd at county scale: a cluster renderer
    # draws each crowd as one marker with its count instead of a blob, and splits it when zoomed in.
    cluster = QgsPointClusterRenderer()
    cluster.setEmbeddedRenderer(QgsCategorizedSymbolRenderer("severity", categories))
    cluster.setTolerance(4)
    cluster.setToleranceUnit(QgsUnitTypes.RenderMillimeters)
    layer.setRenderer(cluster)
    save_style(layer, STYLES / "compliance_findings.qml")


def electricity_style() -> None:
    layer = QgsVectorLayer("Point?crs=EPSG:4537", "wells", "memory")
    layer.dataProvider().addAttributes(
        [QgsField(n, QVariant.LongLong) for n in ("power_without_permit", "permit_without_power_link",
                                                   "over_approved_kwh", "meter_vs_power_mismatch")]
    )
    layer.updateFields()
    root = QgsRuleBasedRenderer.Rule(None)
    rules = (
        ("power_without_permit", "power without permit | 无证用电取水", "215,25,28,255", 2.8, "star"),
        ("over_approved_kwh", "over approved kWh | 超核定电量", "253,141,60,255", 2.2, "triangle"),
        ("permit_without_power_link", "permit, no power link | 有证无电户", "128,90,170,255", 2.0, "square"),
        ("meter_vs_power_mismatch", "meter vs power mismatch | 表电不符", "255,217,47,255", 1.9, "diamond"),
    )
    # Exclusive rules, in order of seriousness: a well shows the colour of its most serious flag.
    more_serious: list[str] = []
    for flag, label, colour, size, shape in rules:
        expression = " AND ".join([f'"{flag}" = 1', *[f'coalesce("{m}", 0) = 0' for m in more_serious]])
        more_serious.append(flag)
        rule = QgsRuleBasedRenderer.Rule(marker(colour, size, shape), 0, 0, expression, label)
        root.appendChild(rule)
    root.appendChild(QgsRuleBasedRenderer.Rule(marker("46,158,68,200", 1.2), 0, 0, "ELSE", "no flag | 无问题"))
    renderer = QgsRuleBasedRenderer(root)
    layer.setRenderer(renderer)
    save_style(layer, STYLES / "electricity_to_water.qml")


if __name__ == "__main__":
    app = QgsApplication([], False)
    app.initQgis()
    findings_style()
    electricity_style()
    app.exitQgis()
