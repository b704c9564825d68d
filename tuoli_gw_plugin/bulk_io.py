"""Bulk reading and writing of whole GeoPackage layers, for algorithms that screen millions of wells.

QGIS 3.22 moves features between a layer and Python one by one; for a million wells that costs far
more than the screening itself. When the input is a whole GeoPackage layer (no selection, no
filter) and the output is a plain ``.gpkg`` path, the layer is read and written with pyogrio in
bulk instead. Anything else — memory layers, selections, shapefiles with their encodings, other
formats, Date fields that pyogrio on GDAL 3.6 would turn into DateTime — takes the feature path,
so results are the same either way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingUtils,
    QgsProperty,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from .output_files import atomic_output

_DATE_KINDS = ("datetime64[D]", "date", "time")


def whole_gpkg_layer(parameters: dict[str, Any], key: str, context: QgsProcessingContext) -> tuple[str, str] | None:
    """(file, layer name) when ``parameters[key]`` is a whole GeoPackage layer read as stored."""
    value = parameters.get(key)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or value.featureLimit != -1 or int(value.flags):
            return None
        value = value.source
    if isinstance(value, QgsProperty):
        value = value.staticValue()
    layer = value if isinstance(value, QgsVectorLayer) else QgsProcessingUtils.mapLayerFromString(str(value or ""), context)
    if not isinstance(layer, QgsVectorLayer) or layer.providerType() != "ogr" or layer.subsetString():
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    if not path.lower().endswith(".gpkg") or not Path(path).is_file():
        return None
    layer_name = parts.get("layerName") or ""
    if not layer_name:
        import pyogrio

        layers = pyogrio.list_layers(path)
        if len(layers) != 1:
            return None
        layer_name = str(layers[0][0])
    import pyogrio

    dtypes = pyogrio.read_info(path, layer=layer_name)["dtypes"]
    if any(str(dtype) in _DATE_KINDS for dtype in dtypes):
        return None
    return path, layer_name


def gpkg_output_path(parameters: dict[str, Any], key: str) -> str | None:
    """The path when ``parameters[key]`` asks for a new GeoPackage file (not a layer in an existing one)."""
    value = parameters.get(key)
    sink = value.sink if isinstance(value, QgsProcessingOutputLayerDefinition) else value
    if isinstance(sink, QgsProperty):
        sink = sink.staticValue()
    text = str(sink or "")
    if not text.lower().endswith(".gpkg") or "|" in text or text.startswith(("memory:", "ogr:", "postgres")):
        return None
    return text


def read_gpkg(path: str, layer_name: str, source, layer_label: str):
    """The whole layer as a GeoDataFrame, with the CRS QGIS sees and the feature ids in ``attrs['fid']``."""
    import pyogrio

    from .qgis_bridge import check_coordinates, crs_to_pyproj_text

    frame = pyogrio.read_dataframe(path, layer=layer_name, fid_as_index=True)
    crs_text = crs_to_pyproj_text(source.sourceCrs(), layer_label)
    frame = frame.set_crs(crs_text, allow_override=True)
    fids = frame.index.to_numpy(dtype=np.int64)  # an array: pandas deep-copies attrs often
    check_coordinates(frame.geometry.values, source.sourceCrs(), layer_label, fids)
    frame = frame.reset_index(drop=True)
    frame.attrs["fid"] = fids
    frame.attrs["layer"] = layer_label
    return frame


def write_gpkg(frame, path: str, layer_label: str = "OUTPUT") -> None:
    """Write ``frame`` as the layer named after the file (as QGIS does), atomically.

    The other layers of an existing GeoPackage are kept; a failed run leaves the file as it was
    (output_files.atomic_output).
    """
    import pyogrio

    target = Path(path)
    with atomic_output(target, layer_label=layer_label, keep_existing=True) as temporary:
        pyogrio.write_dataframe(frame, str(temporary), layer=target.stem, driver="GPKG")


def load_on_completion(context: QgsProcessingContext, parameters: dict[str, Any], key: str, path: str, name: str) -> None:
    """Ask QGIS to add the written file to the project when the user asked for it (desktop runs)."""
    value = parameters.get(key)
    if isinstance(value, QgsProcessingOutputLayerDefinition) and value.destinationProject is not None:
        details = QgsProcessingContext.LayerDetails(value.destinationName or name, value.destinationProject, key)
        context.addLayerToLoadOnCompletion(path, details)
