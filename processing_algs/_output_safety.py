"""Outputs never destroy what the run did not create (issue 13, items 1 and 2).

Before an algorithm runs: an output that is one of the run's inputs (the same file and layer, or the same
single-layer file) is refused, naming both parameters; and a plain path to an existing GeoPackage that holds other
layers is turned into "write the layer named after the file into that GeoPackage", so the file's other layers are
kept (QGIS's writer would otherwise replace the whole file). The bulk path keeps them the same way
(tuoli_gw_plugin.engine.core.output_files).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
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


# Files that make up one output besides the named one (shapefile sidecars, SQLite journals).
_SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qpj", ".qix", ".sbn", ".sbx")


def _parts(path: Path) -> list[Path]:
    if path.suffix.lower() == ".shp":
        return [path.with_suffix(suffix) for suffix in _SHAPEFILE_PARTS]
    return [path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))]


@dataclass
class StagedOutput:
    """An output written to a hidden file beside an existing target, moved over it only on success."""

    target: Path
    temporary: Path
    parameter: QgsProcessingOutputLayerDefinition

    def _replace_text(self, value: Any) -> Any:
        return value.replace(str(self.temporary), str(self.target)) if isinstance(value, str) else value

    def commit(self, results: dict[str, Any], context: QgsProcessingContext, styles: dict[str, str]) -> dict[str, Any]:
        """Move the written file over the target; results, layers to load and styles then name the target."""
        for written, final in zip(_parts(self.temporary), _parts(self.target)):
            if written.exists():
                os.replace(written, final)  # one rename each: the old file is whole until this moment
            else:  # a journal or sidecar of the old file that the new one does not have
                with contextlib.suppress(FileNotFoundError):
                    final.unlink()
        loads = context.layersToLoadOnCompletion()
        if any(str(self.temporary) in key for key in loads):
            context.setLayersToLoadOnCompletion({self._replace_text(key): details for key, details in loads.items()})
        for key in [k for k in styles if str(self.temporary) in k]:
            styles[self._replace_text(key)] = styles.pop(key)
        return {key: self._replace_text(value) for key, value in results.items()}

    def discard(self) -> None:
        for part in _parts(self.temporary):
            with contextlib.suppress(FileNotFoundError):
                part.unlink()


def stage_existing_output(parameters: dict[str, Any], key: str, context: QgsProcessingContext) -> StagedOutput | None:
    """A hidden file beside the existing file ``parameters[key]`` names, as the destination to write instead;
    None when the output does not exist yet (a failed run then simply removes what it created)."""
    value = parameters.get(key)
    text = destination_text(value, context)
    if text.startswith("ogr:"):
        path_text, table = _dbname(text), _table(text)
    elif text and "|" not in text and not text.startswith(("memory:", "postgres", "spatialite", "TEMPORARY_OUTPUT")):
        path_text, table = text, None
    else:
        return None
    target = Path(path_text)
    if not path_text or not target.is_file():
        return None
    # Not hidden and one dot only: QGIS takes the format of an "ogr:dbname=…" destination from a plain name.
    temporary = target.with_name(f"{target.stem}_partial_{uuid.uuid4().hex[:8]}{target.suffix}")
    if table is not None:  # a layer inside an existing GeoPackage: the copy keeps the file's other layers
        shutil.copyfile(target, temporary)
        sink_text = text.replace(f"'{path_text}'", f"'{temporary}'").replace(f'"{path_text}"', f'"{temporary}"')
    else:
        sink_text = str(temporary)
    staged_parameter = QgsProcessingOutputLayerDefinition(sink_text)
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        staged_parameter.destinationProject = value.destinationProject
        staged_parameter.destinationName = value.destinationName
        staged_parameter.createOptions = value.createOptions
    return StagedOutput(target, temporary, staged_parameter)
