"""The layers an algorithm's dialog opens with: the project's sample layer of that name, else the
one layer holding every field the algorithm needs (issue 17: Run must not fail at once on the
sample project because the dialog guessed monitoring stations for wells).

Only the dialog's initial value is set (``setGuiDefaultValueOverride``); qgis_process and
processing.run never see it, and nothing is chosen when nothing fits.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProcessing, QgsVectorLayer, QgsWkbTypes
from qgis.PyQt.QtCore import QCoreApplication, QThread

from ._declarations import Layer, Raster


def preselect_sample_layer(parameter, declaration: Layer | Raster, needed_fields: list[str]) -> None:
    """In the dialog, preselect the project's layer of this kind: the sample layer of that name,
    else the one layer holding every field the algorithm needs. Only the dialog's initial value
    changes (qgis_process and processing.run never see it); nothing is chosen when nothing fits."""
    from qgis.core import QgsProject, QgsRasterLayer

    application = QCoreApplication.instance()
    if application is None or QThread.currentThread() != application.thread():
        return  # the project is the main thread's
    wanted = QgsRasterLayer if isinstance(declaration, Raster) else QgsVectorLayer
    layers = [layer for layer in QgsProject.instance().mapLayers().values() if isinstance(layer, wanted)]
    if isinstance(declaration, Layer):
        layers = [layer for layer in layers if _geometry_fits(layer, declaration.geometry)]
    sample = declaration.sample.lower()
    named = [layer for layer in layers if sample and sample in (_source_name(layer), layer.name().lower())]
    fitting = [
        layer for layer in layers
        if needed_fields and isinstance(layer, QgsVectorLayer) and set(needed_fields) <= set(layer.fields().names())
    ]
    chosen = named[:1] or (fitting if len(fitting) == 1 else [])
    if chosen:
        parameter.setGuiDefaultValueOverride(chosen[0].id())


def _source_name(layer) -> str:
    """'wells' for 'toli_sample.gpkg|layername=wells', 'recharge_mm' for 'recharge_mm.tif'."""
    parts = layer.source().split("|")
    for part in parts[1:]:
        if part.startswith("layername="):
            return part[len("layername="):].lower()
    return Path(parts[0]).stem.lower()


def _geometry_fits(layer: QgsVectorLayer, types: tuple[int, ...]) -> bool:
    wanted = {
        QgsProcessing.TypeVectorPoint: {QgsWkbTypes.PointGeometry},
        QgsProcessing.TypeVectorLine: {QgsWkbTypes.LineGeometry},
        QgsProcessing.TypeVectorPolygon: {QgsWkbTypes.PolygonGeometry},
        QgsProcessing.TypeVectorAnyGeometry: {QgsWkbTypes.PointGeometry, QgsWkbTypes.LineGeometry, QgsWkbTypes.PolygonGeometry},
    }
    if any(t not in wanted for t in types):
        return True  # tables or any layer
    return layer.geometryType() in set().union(*(wanted[t] for t in types))
