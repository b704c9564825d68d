"""Shared base of the ``tuoli_gw`` Processing algorithms.

An algorithm here only reads parameters, converts layers with ``qgis_bridge``, calls the engine
and writes the result. This base gives them the common parts: translation, help text, the
``RULES`` parameter, the dependency check, engine errors shown as plain messages, and styled
outputs (the style is stored with the output file so qgis_process results open styled too).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qgis.core import (
    QgsMapLayer,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterVectorLayer,
    QgsProcessingUtils,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..dependencies import missing_dependencies_message, missing_dependencies_short
from ..metadata import PLUGIN_DIR

STYLES_DIR = Path(PLUGIN_DIR) / "resources" / "styles"


class TuoliAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses set NAME, DISPLAY_NAME, GROUP_ID, GROUP, HELP and implement
    ``initAlgorithm`` and ``compute`` (``processAlgorithm`` wraps ``compute`` so engine errors
    become messages instead of tracebacks). The hook is not called ``run``: that name is
    ``QgsProcessingAlgorithm.run``, which processing.run calls from Python."""

    RULES = "RULES"
    NAME = ""
    DISPLAY_NAME = ""
    GROUP_ID = ""
    GROUP = ""
    HELP = ""

    def __init__(self) -> None:
        super().__init__()
        self._styles: dict[str, str] = {}

    # -- identity ------------------------------------------------------------------------------
    def tr(self, text: str) -> str:
        return QCoreApplication.translate(type(self).__name__, text)

    def createInstance(self):  # noqa: N802
        return type(self)()

    def name(self) -> str:
        return self.NAME

    def displayName(self) -> str:  # noqa: N802
        return self.tr(self.DISPLAY_NAME)

    def group(self) -> str:
        return self.tr(self.GROUP)

    def groupId(self) -> str:  # noqa: N802
        return self.GROUP_ID

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(self.HELP)

    def icon(self) -> QIcon:
        # Each algorithm's own icon (resources/icons/<name>.svg), the provider's where it has none.
        icons = Path(PLUGIN_DIR) / "resources" / "icons"
        own = icons / f"{self.name()}.svg"
        return QIcon(str(own if own.is_file() else icons / "tuoli_gw.svg"))

    # -- dependencies --------------------------------------------------------------------------
    def canExecute(self):  # noqa: N802
        message = missing_dependencies_message(self.name())  # only what this algorithm needs
        return (not message, message)

    # -- common parameters ---------------------------------------------------------------------
    def add_rules_parameter(self) -> None:
        parameter = QgsProcessingParameterFile(
            self.RULES,
            self.tr("Rules file (JSON; empty = the rules of notice 托政发规〔2024〕3号 shipped with the plugin)"),
            extension="json",
            optional=True,
        )
        self.addParameter(parameter)

    def rules(self, parameters: dict[str, Any], context: QgsProcessingContext):
        from ..engine.rules import load_rules

        path = self.parameterAsFile(parameters, self.RULES, context)
        return load_rules(path or None)

    # -- running -------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        message = missing_dependencies_message(self.name())
        if message:
            # QGIS repeats an exception's text (log, error, summary) and an error's (log, error): the long
            # message goes out once as a warning, the exception carries a short one.
            if feedback is not None:
                feedback.pushWarning(message)
            raise QgsProcessingException(missing_dependencies_short(self.name()))
        from ..engine.errors import EngineInputError

        self.check_geometry_types(parameters, context)
        self.repair_text_encodings(parameters, context, feedback)
        parameters = self.match_shapefile_field_names(parameters, context, feedback)
        new_files = self.destination_files_not_yet_there(parameters, context)
        try:
            return self.compute(parameters, context, feedback)
        except EngineInputError as error:
            remove_partial_outputs(new_files, feedback)
            raise QgsProcessingException(str(error)) from None
        except BaseException:
            # A failed or cancelled run must not leave a half-written file that looks complete.
            remove_partial_outputs(new_files, feedback)
            raise

    def match_shapefile_field_names(self, parameters, context, feedback) -> dict[str, Any]:
        """A shapefile keeps 10 characters of a field name: when the field a parameter names (or
        its default) is missing but its 10-character form exists, use that and say so."""
        from ..qgis_bridge import shapefile_field_name

        parameters = dict(parameters)
        for definition in self.parameterDefinitions():
            if not isinstance(definition, QgsProcessingParameterField) or definition.allowMultiple():
                continue
            parent = definition.parentLayerParameterName()
            if not parent or parameters.get(parent) in (None, ""):
                continue
            wanted = parameters.get(definition.name())
            if wanted in (None, ""):
                wanted = definition.defaultValue()
            if not isinstance(wanted, str) or not wanted:
                continue
            layer = self.parameterAsVectorLayer(parameters, parent, context)
            if layer is None:
                continue
            names = layer.fields().names()
            actual = shapefile_field_name(wanted, names)
            if actual is not None and actual != wanted:
                parameters[definition.name()] = actual
                feedback.pushInfo(
                    f"Layer '{self.layer_label(parameters, parent, None, layer.name())}': no field '{wanted}'; "
                    f"using '{actual}' (shapefiles cut field names to 10 characters)."
                )
        return parameters

    def destination_files_not_yet_there(self, parameters, context) -> list[Path]:
        """The files this run's sink / raster / file destinations will create (those that exist
        already belong to the user and are left alone)."""
        paths: list[Path] = []
        for definition in self.destinationParameterDefinitions():
            value = parameters.get(definition.name())
            if isinstance(value, QgsProcessingOutputLayerDefinition):
                value = value.sink.valueAsString(context.expressionContext())[0]
            text = "" if value is None else str(value)
            if not text or text == "TEMPORARY_OUTPUT" or text.startswith(("memory:", "ogr:", "postgres", "spatialite")):
                continue
            path = Path(text.split("|")[0])
            if not path.exists():
                paths.append(path)
        return paths

    def check_geometry_types(self, parameters, context) -> None:
        """A point parameter given polygons (or a table) is refused with a clear message:
        Processing only checks this for layers picked in its dialog, not for file paths."""
        wanted_by_type = {
            QgsProcessing.TypeVectorPoint: QgsWkbTypes.PointGeometry,
            QgsProcessing.TypeVectorLine: QgsWkbTypes.LineGeometry,
            QgsProcessing.TypeVectorPolygon: QgsWkbTypes.PolygonGeometry,
        }
        names = {QgsWkbTypes.PointGeometry: "points", QgsWkbTypes.LineGeometry: "lines",
                 QgsWkbTypes.PolygonGeometry: "polygons", QgsWkbTypes.NullGeometry: "no geometry (a table)"}
        for definition in self.parameterDefinitions():
            if not isinstance(definition, QgsProcessingParameterFeatureSource):
                continue
            types = list(definition.dataTypes())
            if not types or any(t not in wanted_by_type for t in types):
                continue  # any geometry or tables accepted
            if parameters.get(definition.name()) in (None, ""):
                continue
            layer = self.parameterAsVectorLayer(parameters, definition.name(), context)
            if layer is None:
                continue
            allowed = {wanted_by_type[t] for t in types}
            if layer.featureCount() == 0 or layer.geometryType() == QgsWkbTypes.UnknownGeometry:
                continue  # an empty layer often has no declared type; the algorithm handles it
            if layer.geometryType() not in allowed:
                label = self.layer_label(parameters, definition.name(), None, layer.name())
                raise QgsProcessingException(
                    QCoreApplication.translate(
                        "TuoliAlgorithm",
                        "Layer '{0}' holds {1}, but '{2}' ({3}) needs {4}. Choose a layer of {4} "
                        "(Vector ▸ Geometry Tools can convert, e.g. Centroids for polygons to points).",
                    ).format(
                        label, names.get(layer.geometryType(), "unknown geometry"), definition.description(),
                        definition.name(), " or ".join(names[a] for a in sorted(allowed)),
                    )
                )

    def repair_text_encodings(self, parameters, context, feedback) -> None:
        """Shapefiles without a .cpg whose text is GBK: set the layer's encoding before the
        algorithm reads it (Processing hands the same layer object to parameterAsSource)."""
        from ..qgis_bridge import repair_shapefile_encoding

        for definition in self.parameterDefinitions():
            if not isinstance(definition, (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer)):
                continue
            if parameters.get(definition.name()) in (None, ""):
                continue
            layer = self.parameterAsVectorLayer(parameters, definition.name(), context)
            if layer is not None:
                label = self.layer_label(parameters, definition.name(), None, layer.name())
                repair_shapefile_encoding(layer, label, feedback)

    def compute(self, parameters, context, feedback) -> dict[str, Any]:
        raise NotImplementedError

    def required_source(self, parameters: dict[str, Any], key: str, context):
        """The feature source of a required input, or QGIS's own message when it cannot be opened."""
        source = self.parameterAsSource(parameters, key, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, key))
        return source

    def required_sink(self, parameters: dict[str, Any], key: str, context, fields, wkb_type, crs):
        """(sink, destination id) of a required output, or QGIS's own message when it cannot be created."""
        sink, dest_id = self.parameterAsSink(parameters, key, context, fields, wkb_type, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, key))
        return sink, dest_id

    @staticmethod
    def report_messages(feedback, info=(), warnings=()) -> None:
        """The engine's log lines, as information and warnings in the Processing log."""
        for line in info:
            feedback.pushInfo(line)
        for line in warnings:
            feedback.pushWarning(line)

    @staticmethod
    def layer_label(parameters: dict[str, Any], key: str, source=None, fallback: str | None = None) -> str:
        """The name a user knows an input by, for messages: its GeoPackage layer name, the map
        layer's name, else the source's name."""
        value = parameters.get(key)
        value = getattr(value, "source", value)  # QgsProcessingFeatureSourceDefinition
        if isinstance(value, QgsMapLayer):
            return value.name()
        if hasattr(value, "staticValue"):  # QgsProperty
            value = value.staticValue()
        text = "" if value is None else str(value)
        for part in text.split("|")[1:]:
            if part.startswith("layername="):
                return part[len("layername="):]
        name = ""
        if source is not None and hasattr(source, "sourceName"):
            name = source.sourceName()
        return name or fallback or key.lower()

    # -- styled outputs ------------------------------------------------------------------------
    def style_output(self, dest_id: str, style_name: str) -> None:
        """Remember to style output ``dest_id`` with ``resources/styles/<style_name>.qml``."""
        if dest_id:
            self._styles[dest_id] = style_name

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        # Sinks are closed by now, so the style can be stored inside the written file: a
        # GeoPackage keeps it as its default style, other formats get a .qml beside them.
        for dest_id, style_name in self._styles.items():
            qml = STYLES_DIR / f"{style_name}.qml"
            layer = QgsProcessingUtils.mapLayerFromString(dest_id, context)
            if layer is None or not qml.is_file():
                continue
            layer.loadNamedStyle(str(qml))
            layer.triggerRepaint()
            if isinstance(layer, QgsVectorLayer):
                save_style_with_file(layer, qml, feedback)
        return {}


def remove_partial_outputs(paths: list[Path], feedback) -> None:
    """Delete files (and their sidecars) that a failed run created."""
    for path in paths:
        sidecars = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal", ".aux.xml")]
        if path.suffix.lower() == ".shp":
            sidecars += [path.with_suffix(s) for s in (".shx", ".dbf", ".prj", ".cpg", ".qml")]
        for candidate in [path, *sidecars]:
            if candidate.is_file():
                try:
                    candidate.unlink()
                except OSError as error:
                    feedback.pushWarning(
                        QCoreApplication.translate("TuoliAlgorithm", "Could not remove the incomplete output {0}: {1}").format(
                            candidate, error
                        )
                    )
                    continue
                if candidate == path:
                    feedback.pushInfo(
                        QCoreApplication.translate("TuoliAlgorithm", "Removed the incomplete output {0} of this failed run.").format(path)
                    )


def save_style_with_file(layer: QgsVectorLayer, qml: Path, feedback) -> None:
    """Store the loaded style with the layer's file so it opens styled anywhere."""
    provider = layer.dataProvider().name() if layer.dataProvider() else ""
    if provider != "ogr":
        return
    path = layer.source().split("|")[0]
    if path.lower().endswith(".gpkg"):
        error = layer.saveStyleToDatabase(qml.stem, "tuoli_gw default style", True, "")
        if error:
            feedback.pushWarning(
                QCoreApplication.translate("TuoliAlgorithm", "Could not store the style in {0}: {1}").format(path, error)
            )
    else:
        sidecar = str(Path(path).with_suffix(".qml"))
        layer.saveNamedStyle(sidecar)
