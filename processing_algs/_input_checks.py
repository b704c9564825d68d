"""The checks every run makes on its inputs before any answer, one rule for all algorithms.

Not an algorithm (the leading underscore keeps the provider from listing it). Each check reads what the QGIS
layers say (extent, CRS, provider) and lets the engine judge: a layer that meets neither the county nor the other
layers (``engine.core.placement``) stops the run naming the layer, the likely cause and the fix.
"""

from __future__ import annotations

import math
from typing import Any

from qgis.core import (
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterVectorLayer,
)

from tuoli_gw_plugin.qgis_io.frames import crs_to_pyproj_text, is_undefined_crs, python_value


def input_layers(alg, parameters: dict[str, Any], context) -> list[tuple[str, Any]]:
    """(label, map layer) of every vector and raster input given to this run."""
    layers = []
    for definition in alg.parameterDefinitions():
        key = definition.name()
        if parameters.get(key) in (None, ""):
            continue
        if isinstance(definition, (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer)):
            layer = alg.parameterAsVectorLayer(parameters, key, context)
        elif isinstance(definition, QgsProcessingParameterRasterLayer):
            layer = alg.parameterAsRasterLayer(parameters, key, context)
        else:
            continue
        if layer is not None:
            layers.append((alg.layer_label(parameters, key, None, layer.name()), layer))
    return layers


def check_placement(alg, parameters: dict[str, Any], context) -> None:
    """Every input layer with a CRS and features meets the county or the layers that do (EngineInputError if not)."""
    from tuoli_gw_plugin.engine.core.placement import LayerExtent
    from tuoli_gw_plugin.engine.core.placement import check_placement as judge

    extents = []
    for label, layer in input_layers(alg, parameters, context):
        crs, extent = layer.crs(), layer.extent()
        bounds = (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())
        if not crs.isValid() or is_undefined_crs(crs) or extent.isNull() or not all(math.isfinite(v) for v in bounds):
            continue  # no CRS: refused where positions matter; no features: nothing to place
        extents.append(LayerExtent(label, crs_to_pyproj_text(crs, label), bounds))
    judge(extents)


def check_field_names(alg, parameters: dict[str, Any], context) -> None:
    """A field parameter (or its default) that the layer has only as a cut Shapefile name is refused, with the
    candidates and their value ranges (EngineInputError); never picked by its first letters."""
    from tuoli_gw_plugin.engine.core.field_names import cut_candidates, refuse_cut_name

    for definition in alg.parameterDefinitions():
        if not isinstance(definition, QgsProcessingParameterField) or definition.allowMultiple():
            continue
        parent = definition.parentLayerParameterName()
        if not parent or parameters.get(parent) in (None, ""):
            continue
        wanted = parameters.get(definition.name())
        if wanted in (None, "", []):
            wanted = definition.defaultValue()
        if isinstance(wanted, list):
            wanted = wanted[0] if wanted else None
        if not isinstance(wanted, str) or not wanted:
            continue
        layer = alg.parameterAsVectorLayer(parameters, parent, context)
        if layer is None:
            continue
        names = layer.fields().names()
        candidates = cut_candidates(wanted, names)
        if candidates:
            ranges = [
                (name, python_value(layer.minimumValue(names.index(name))), python_value(layer.maximumValue(names.index(name))))
                for name in candidates
            ]
            refuse_cut_name(alg.layer_label(parameters, parent, None, layer.name()), wanted, definition.name(), ranges)


def check_one_row_per_id(alg, parameters: dict[str, Any], context, feedback) -> None:
    """One well, one row: every id field the algorithm declares unique holds each value once (EngineInputError
    listing the repeated ids and their counts otherwise)."""
    from qgis.core import QgsFeatureRequest

    from tuoli_gw_plugin.engine.core.registry_columns import require_one_row_per_key

    from ._declarations import Field

    for declaration in alg.PARAMETERS:
        if not isinstance(declaration, Field) or not declaration.unique or parameters.get(declaration.parent) in (None, ""):
            continue
        field = alg.field(parameters, declaration.key, context, feedback)
        layer = alg.parameterAsVectorLayer(parameters, declaration.parent, context)
        if not field or layer is None or field not in layer.fields().names():
            continue  # no id: wells are named by feature id; a wrong name is reported where it is read
        index = layer.fields().indexOf(field)
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry).setSubsetOfAttributes([index])
        values = (python_value(feature.attributes()[index]) for feature in layer.getFeatures(request))
        require_one_row_per_key(values, layer=alg.layer_label(parameters, declaration.parent, None, layer.name()), field=field)


def check_text_encodings(alg, parameters: dict[str, Any], context) -> None:
    """A text field the algorithm reads whose values cannot be what they claim (decoded with the wrong encoding) is
    refused, naming the encoding that reads the file cleanly and how to set it (EngineInputError)."""
    from qgis.core import QgsVectorLayer

    from tuoli_gw_plugin.engine.core.text_encoding import garbled_values, refuse_garbled

    from ._declarations import Field

    for declaration in alg.PARAMETERS:
        if not isinstance(declaration, Field) or declaration.numeric or parameters.get(declaration.parent) in (None, ""):
            continue
        field = alg.field(parameters, declaration.key, context)
        layer = alg.parameterAsVectorLayer(parameters, declaration.parent, context)
        if not field or layer is None or field not in layer.fields().names():
            continue
        garbled = garbled_values(_text_values(layer, field))
        if not garbled:
            continue
        provider = layer.dataProvider().name() if layer.dataProvider() else ""
        # QGIS's delimited-text reader reports no encoding when the source names none: it reads UTF-8 then.
        current = (layer.dataProvider().encoding() if layer.dataProvider() else "") or "UTF-8"
        clean = None
        for encoding in ("UTF-8", "GBK", "GB18030"):
            if encoding.lower() == (current or "").lower():
                continue
            probe = _reopened(layer, provider, encoding, QgsVectorLayer)
            if probe is not None and field in probe.fields().names() and not garbled_values(_text_values(probe, field)):
                clean = encoding
                break
        label = alg.layer_label(parameters, declaration.parent, None, layer.name())
        refuse_garbled(label, field, garbled, current, clean, delimited=provider == "delimitedtext")


def _text_values(layer, field: str, limit: int = 20000) -> list:
    from qgis.core import QgsFeatureRequest

    index = layer.fields().indexOf(field)
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry).setSubsetOfAttributes([index]).setLimit(limit)
    return [python_value(feature.attributes()[index]) for feature in layer.getFeatures(request)]


def _reopened(layer, provider: str, encoding: str, layer_class):
    """The same source opened anew and read in ``encoding`` (the user's layer is left as it is), None if it cannot."""
    if provider == "ogr":
        probe = layer_class(layer.source(), "encoding probe", "ogr")
        if probe.isValid():
            probe.setProviderEncoding(encoding)
            return probe
    if provider == "delimitedtext":
        import re

        source = re.sub(r"([?&])encoding=[^&]*", r"\1", layer.source()).replace("?&", "?").rstrip("&")
        probe = layer_class(f"{source}{'&' if '?' in source else '?'}encoding={encoding}", "encoding probe", "delimitedtext")
        return probe if probe.isValid() else None
    return None


def check_row_counts(alg, parameters: dict[str, Any], context) -> None:
    """A delimited-text input whose file has more data rows than QGIS read is refused, listing the rows left out
    and their coordinate cells (EngineInputError): QGIS drops a row whose coordinates it cannot read."""
    from tuoli_gw_plugin.engine.core.row_counts import refuse_lost_rows

    for label, layer in input_layers(alg, parameters, context):
        if layer.type() != layer.VectorLayer or layer.dataProvider() is None or layer.dataProvider().name() != "delimitedtext":
            continue
        rows = _delimited_rows(layer)
        if rows is None:
            continue
        read = {feature.id() for feature in layer.getFeatures()}
        lost = [(line, values) for line, values in rows if line not in read]
        if lost:
            refuse_lost_rows(label, len(rows), len(rows) - len(lost), lost)


def _delimited_rows(layer) -> list[tuple[int, dict[str, str | None]]] | None:
    """(line number, {geometry field: cell}) of every data row of a CSV delimited-text layer, as QGIS numbers them."""
    import csv
    import io
    from pathlib import Path
    from urllib.parse import parse_qsl, unquote, urlparse

    url = urlparse(layer.source())
    options = dict(parse_qsl(url.query, keep_blank_values=True))
    path = Path(unquote(url.path))
    if options.get("type", "csv") != "csv" or not path.is_file():
        return None  # regular-expression and whitespace files: QGIS's own parsing only
    delimiter = {"\\t": "\t", "tab": "\t"}.get(options.get("delimiter", ","), options.get("delimiter", ",")) or ","
    geometry_fields = [options[k] for k in ("xField", "yField", "wktField") if options.get(k)]
    encoding = layer.dataProvider().encoding() or options.get("encoding") or "UTF-8"
    text_data = path.read_bytes().decode(encoding, errors="replace")
    lines = text_data.splitlines()[int(options.get("skipLines", "0") or 0):]
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter[0])
    offset = int(options.get("skipLines", "0") or 0)
    header = next(reader, None) if options.get("useHeader", "yes") != "no" else None
    rows = []
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        named = dict(zip(header, row)) if header else {f"field_{i + 1}": c for i, c in enumerate(row)}
        rows.append((offset + reader.line_num, {f: named.get(f) for f in geometry_fields}))
    return rows


def move_to_working_datum(alg, parameters: dict[str, Any], context, feedback) -> dict[str, Any]:
    """Layers on another datum than CGCS2000: moved to EPSG:4537 with the QGIS project's datum transformation where
    it names one for that pair (the layer handed on is the moved copy, named as before); else PROJ's own move, said
    out loud when its accuracy is unknown (ballpark) or worse than a metre, with the shift at the data's centre."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingUtils

    from tuoli_gw_plugin.engine.core.datums import datum_move, move_notice
    from tuoli_gw_plugin.engine.core.messages import text

    working = QgsCoordinateReferenceSystem("EPSG:4537")
    moved = dict(parameters)
    for definition in alg.parameterDefinitions():
        key = definition.name()
        if not isinstance(definition, (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer)):
            continue
        if parameters.get(key) in (None, ""):
            continue
        layer = alg.parameterAsVectorLayer(parameters, key, context)
        if layer is None or not layer.crs().isValid() or is_undefined_crs(layer.crs()) or layer.extent().isNull():
            continue
        label = alg.layer_label(parameters, key, None, layer.name())
        centre = layer.extent().center()
        move = datum_move(crs_to_pyproj_text(layer.crs(), label), (centre.x(), centre.y()))
        if move is None:
            continue
        operation = context.transformContext().calculateCoordinateOperation(layer.crs(), working)
        if operation:
            import processing

            result = processing.run(
                "native:reprojectlayer", {"INPUT": layer, "TARGET_CRS": working, "OPERATION": operation, "OUTPUT": "memory:"},
                context=context, feedback=None, is_child_algorithm=True,
            )
            copy = QgsProcessingUtils.mapLayerFromString(result["OUTPUT"], context)
            copy.setName(label)
            moved[key] = copy
            feedback.pushInfo(text("datums.project_operation", layer=label, code=move.code, target="EPSG:4537", operation=operation))
        elif move.said():
            feedback.pushWarning(move_notice(label, move))
    return moved
