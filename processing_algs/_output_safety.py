"""Outputs never destroy what the run did not create (issue 13, items 1 and 2).

Before an algorithm runs: an output that is one of the run's inputs (the same file and layer, or the same
single-layer file) is refused, naming both parameters; and a plain path to an existing GeoPackage that holds other
layers is turned into "write the layer named after the file into that GeoPackage", so the file's other layers are
kept (QGIS's writer would otherwise replace the whole file). The bulk path keeps them the same way
(tuoli_gw_plugin.output_files).
"""

from __future__ import annotations

import os
from typing import Any

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterVectorDestination,
    QgsProcessingParameterVectorLayer,
    QgsProcessingUtils,
    QgsProperty,
    QgsProviderRegistry,
)

_SOURCES = (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer, QgsProcessingParameterRasterLayer)
_DESTINATIONS = (
    QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination,
    QgsProcessingParameterRasterDestination, QgsProcessingParameterFileDestination,
)

Location = tuple[str, "str | None"]  # (real path of the file, layer inside it or None for the whole file)


def _real(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


def _gpkg_layers(path: str) -> list[str]:
    try:
        import pyogrio

        return [str(name) for name, _ in pyogrio.list_layers(path)]
    except Exception:  # not a readable GeoPackage: treat it as a whole file
        return []


def source_location(source_text: str, provider: str = "ogr") -> Location | None:
    """Where a layer's data live: (file, layer) for a GeoPackage layer, (file, None) for a one-layer file."""
    parts = QgsProviderRegistry.instance().decodeUri(provider, source_text)
    path = parts.get("path") or ""
    if not path or not os.path.exists(path):
        return None
    layer = parts.get("layerName") or None
    if layer is None and path.lower().endswith(".gpkg"):
        layers = _gpkg_layers(path)
        layer = layers[0] if len(layers) == 1 else None
    return _real(path), layer


def destination_text(value: Any, context: QgsProcessingContext) -> str:
    sink = value.sink if isinstance(value, QgsProcessingOutputLayerDefinition) else value
    if isinstance(sink, QgsProperty):
        sink = sink.valueAsString(context.expressionContext())[0]
    return "" if sink is None else str(sink)


def destination_location(text: str) -> Location | None:
    """Where an output will be written: a GeoPackage layer (plain path: the layer is named after the file), or a file."""
    if not text or text == "TEMPORARY_OUTPUT" or text.startswith(("memory:", "postgres", "spatialite")):
        return None
    if text.startswith("ogr:"):  # QGIS's "ogr:dbname='file.gpkg' table=\"name\" (geom)" destination
        path = _dbname(text)
        return (_real(path), _table(text)) if path else None
    path = text.split("|")[0]
    if path.lower().endswith(".gpkg"):
        return _real(path), os.path.splitext(os.path.basename(path))[0]
    return _real(path), None


def _dbname(text: str) -> str:
    import re

    found = re.search(r"dbname='([^']*)'", text) or re.search(r'dbname="([^"]*)"', text)
    return found.group(1) if found else ""


def _table(text: str) -> str | None:
    import re

    found = re.search(r'table="([^"]*)"', text) or re.search(r"table=(\S+)", text)
    return found.group(1) if found else None


def _clashes(output: Location, source: Location) -> bool:
    if output[0] != source[0]:
        return False
    # The same file: a clash unless both name different layers of a GeoPackage.
    return output[1] is None or source[1] is None or output[1] == source[1]


def output_over_input(algorithm, parameters: dict[str, Any], context: QgsProcessingContext) -> tuple[str, str, str] | None:
    """(output key, input key, where) of the first output that would write over one of the run's inputs; else None."""
    sources: list[tuple[str, Location]] = []
    for definition in algorithm.parameterDefinitions():
        if not isinstance(definition, _SOURCES) or parameters.get(definition.name()) in (None, ""):
            continue
        layer = QgsProcessingUtils.mapLayerFromString(_source_text(parameters[definition.name()], context), context)
        if layer is None:
            continue
        location = source_location(layer.source(), layer.providerType() if layer.providerType() in ("ogr", "gdal") else "ogr")
        if location is not None:
            sources.append((definition.name(), location))
    for definition in algorithm.destinationParameterDefinitions():
        if not isinstance(definition, _DESTINATIONS):
            continue
        output = destination_location(destination_text(parameters.get(definition.name()), context))
        if output is None:
            continue
        for source_key, location in sources:
            if _clashes(output, location):
                return definition.name(), source_key, output[0] + (f" (layer {output[1]})" if output[1] else "")
    return None


def _source_text(value: Any, context: QgsProcessingContext) -> str:
    from qgis.core import QgsMapLayer, QgsProcessingFeatureSourceDefinition

    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source
    if isinstance(value, QgsProperty):
        value = value.valueAsString(context.expressionContext())[0]
    if isinstance(value, QgsMapLayer):
        return value.id()
    return str(value)


def keep_other_gpkg_layers(algorithm, parameters: dict[str, Any], context: QgsProcessingContext) -> dict[str, Any]:
    """Parameters where a plain path to an existing GeoPackage with other layers writes only its own layer."""
    changed = dict(parameters)
    for definition in algorithm.destinationParameterDefinitions():
        if not isinstance(definition, (QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination)):
            continue
        value = parameters.get(definition.name())
        text = destination_text(value, context)
        if not text.lower().endswith(".gpkg") or "|" in text or text.startswith("ogr:") or not os.path.isfile(text):
            continue
        layer_name = os.path.splitext(os.path.basename(text))[0]
        if not [name for name in _gpkg_layers(text) if name != layer_name]:
            continue  # only this output's own layer (a rerun): replacing the file loses nothing
        uri = f"ogr:dbname='{text}' table=\"{layer_name}\" (geom)"
        definition_out = QgsProcessingOutputLayerDefinition(uri)
        if isinstance(value, QgsProcessingOutputLayerDefinition):
            definition_out.destinationProject = value.destinationProject
            definition_out.destinationName = value.destinationName
            definition_out.createOptions = value.createOptions
        changed[definition.name()] = definition_out
    return changed
