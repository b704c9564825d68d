"""Write the QML styles of tuoli_gw:reduction_plan's outputs with PyQGIS: wells by measure, townships by outcome.

Wells: one colour per measure (stopped red, switched to the network blue, back to plan amber, shared cut orange, both
purple), the wells without a measure small and grey. Townships: reached green, not reachable by measures alone red,
already within the allowable volume pale, no allowable volume grey; each labelled with its name and the year balance
is reached or the shortfall. Run once after changing it
(``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/sample_data/make_reduction_styles.py``); the QML files in
resources/styles/ are committed, so users never run this.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qml_tools import label_format, save_style  # noqa: E402

STYLES = Path(__file__).resolve().parents[2] / "resources" / "styles"

# (measure, colour, size, legend label)
MEASURES = [
    ("stop_unpermitted", "215,25,28,255", "3.2", "stopped, no permit (item 18) | 无证井停止取水（第18条）"),
    ("switch_self_supplied", "44,123,182,255", "3.2", "switched to the network (item 13) | 改由管网供水（第13条）"),
    ("back_to_plan", "253,174,97,255", "3", "back to plan (items 10, 13) | 压减至计划（第10、13条）"),
    ("share", "230,85,13,255", "3", "shared cut (item 7) | 分摊压减（第7条）"),
    ("back_to_plan+share", "123,50,148,255", "3", "back to plan and shared cut | 压减至计划并分摊"),
    ("none", "150,150,150,255", "1.6", "no measure | 无措施"),
    ("inactive", "200,200,200,255", "1.4", "stopped or deregistered, not counted | 已停用或注销，不计入"),
    ("outside", "90,90,90,255", "1.4", "in no township | 不在任何乡镇内"),
]
# (status, fill colour, legend label)
STATUSES = [
    ("reached", "166,217,106,200", "balance reached | 达到采补平衡"),
    ("not_reachable", "215,25,28,200", "not reachable by measures alone | 仅靠措施无法达到采补平衡"),
    ("already_balanced", "237,248,233,200", "already within the allowable volume | 已在可开采量以内"),
    ("no_allowable", "189,189,189,200", "no allowable volume, no plan | 未提供可开采量，未编制计划"),
]
TOWNSHIP_LABEL = (
    "coalesce(attribute('name_zh'), attribute('name'), attribute('township'), '') || '\\n' || "
    'CASE WHEN "status" = \'reached\' THEN to_string("balance_year") '
    "WHEN \"status\" = 'not_reachable' THEN '−' || format_number(\"shortfall_m3\", 0) || ' m³' ELSE '' END"
)


def measure_style() -> QgsVectorLayer:
    layer = QgsVectorLayer("Point?crs=EPSG:4537&field=measure:string", "reduction_measure", "memory")
    categories = [
        QgsRendererCategory(
            code,
            QgsMarkerSymbol.createSimple(
                {"name": "circle", "color": colour, "outline_color": "35,35,35,255", "outline_width": "0.2", "size": size}
            ),
            label,
        )
        for code, colour, size, label in MEASURES
    ]
    layer.setRenderer(QgsCategorizedSymbolRenderer("measure", categories))
    return layer


def status_style() -> QgsVectorLayer:
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4537&field=status:string", "reduction_status", "memory")
    categories = [
        QgsRendererCategory(
            code, QgsFillSymbol.createSimple({"color": colour, "outline_color": "64,64,64,255", "outline_width": "0.4"}), label
        )
        for code, colour, label in STATUSES
    ]
    layer.setRenderer(QgsCategorizedSymbolRenderer("status", categories))
    settings = QgsPalLayerSettings()
    settings.isExpression = True
    settings.fieldName = TOWNSHIP_LABEL
    settings.setFormat(label_format(9))
    settings.placement = QgsPalLayerSettings.OverPoint
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    return layer


def main() -> None:
    app = QgsApplication([], False)
    app.initQgis()
    save_style(measure_style(), STYLES / "reduction_measure.qml")
    save_style(status_style(), STYLES / "reduction_status.qml")
    app.exitQgis()


if __name__ == "__main__":
    main()
