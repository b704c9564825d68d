"""Shared base of the ``tuoli_gw`` Processing algorithms.

An algorithm here only reads parameters, converts layers with ``qgis_io.frames``, calls the engine
and writes the result. This base gives them the common parts: parameters, help and outputs
built from one declaration each (``_declarations``), reading a value with its default, opening
an optional layer, translation, the dependency check, one ending for errors and cancelled runs,
and styled outputs (the style is stored with the output file so qgis_process results open styled).
"""

from __future__ import annotations

import contextlib
import gc
import re
import sqlite3
import traceback
import warnings
from collections.abc import Iterator
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
    QgsProcessingParameterVectorLayer,
    QgsProcessingUtils,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QUrl
from qgis.PyQt.QtGui import QIcon

from tuoli_gw_plugin.dependencies import missing_dependencies_message, missing_dependencies_short
from tuoli_gw_plugin.metadata import PLUGIN_DIR
from tuoli_gw_plugin.qgis_io.frames import parameter_as_field_names

from ._declarations import RULES, Choice, Declared, Field, FileOut, FolderOut, Layer, Number, Raster, RasterOut, Result, Sink
from ._dialog_defaults import preselect_sample_layer
from ._output_safety import keep_other_gpkg_layers, output_over_input, stage_existing_output

STYLES_DIR = Path(PLUGIN_DIR) / "resources" / "styles"
WORDS_STYLE = "tuoli_gw_words"  # the stored style of an output with no style of its own: only its fields' words
DESTINATIONS = (Sink, FileOut, FolderOut, RasterOut)


class TuoliAlgorithm(QgsProcessingAlgorithm):
    """Base class: a subclass sets NAME, DISPLAY_NAME, GROUP_ID, GROUP, PARAMETERS and RESULTS (see
    ``_declarations``), says in its docstring what it does and on which legal basis (the opening of
    its help, shown to users and translated), and implements ``compute``.
    ``initAlgorithm`` and the help are built from the declarations; ``processAlgorithm`` wraps
    ``compute`` so engine errors become messages and a cancelled run always ends the same way.
    The hook is not called ``run``: that name is ``QgsProcessingAlgorithm.run``."""

    NAME = ""
    DISPLAY_NAME = ""
    GROUP_ID = ""
    GROUP = ""
    PARAMETERS: tuple[Declared, ...] = ()
    RESULTS: tuple[Result, ...] = ()
    # Whether the algorithm reads positions: its layers are then checked against the county and each other before
    # the run (``_input_checks``). Algorithms that only read attributes set it False.
    READS_POSITIONS = True

    def __init__(self) -> None:
        super().__init__()
        self._styles: dict[str, str] = {}
        self._present_values: dict[str, dict[str, list]] = {}
        self._opened: dict[str, tuple[Any, str]] = {}
        self._staged: list = []  # outputs written beside an existing file, moved into place on success
        self._language: str | None = None  # the language the engine speaks in the current run

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

    def icon(self) -> QIcon:
        # Each algorithm's own icon (resources/icons/<name>.svg), the provider's where it has none.
        icons = Path(PLUGIN_DIR) / "resources" / "icons"
        own = icons / f"{self.name()}.svg"
        return QIcon(str(own if own.is_file() else icons / "tuoli_gw.svg"))

    # -- declarations ----------------------------------------------------------------------------
    def initAlgorithm(self, config=None):  # noqa: N802
        for declaration in self.PARAMETERS:
            parameter = declaration.parameter(self.tr)
            if isinstance(declaration, (Layer, Raster)):
                preselect_sample_layer(parameter, declaration, self.needed_fields(declaration.key))
            self.addParameter(parameter)
        for result in self.RESULTS:
            for output in result.outputs(self.tr):
                self.addOutput(output)

    def declaration(self, key: str) -> Declared:
        for declaration in self.PARAMETERS:
            if declaration.key == key:
                return declaration
        raise KeyError(f"{type(self).__name__} declares no parameter {key}")

    def needed_fields(self, layer_key: str) -> list[str]:
        """The default fields of ``layer_key`` the algorithm cannot do without (to recognise the layer)."""
        return [
            d.default for d in self.PARAMETERS
            if isinstance(d, Field) and d.parent == layer_key and d.default and not d.when_absent
        ]

    def translatable_texts(self) -> list[str]:
        """Every English text the toolbox shows for this algorithm (for the translation sources)."""
        texts = [self.DISPLAY_NAME, self.GROUP, self.intro()]
        for item in (*self.PARAMETERS, *self.RESULTS):
            texts.extend(item.texts())
        return texts

    # -- help ------------------------------------------------------------------------------------
    def shortHelpString(self) -> str:  # noqa: N802
        # The dialog renders this as HTML (one paragraph per line): "<" or "&" in a sentence must
        # not open a tag that swallows the rest of the help. Only those two are escaped, so the
        # plain text qgis_process prints stays readable ("kWh > 0").
        return self.help_text().replace("&", "&amp;").replace("<", "&lt;")

    @classmethod
    def intro(cls) -> str:
        """The opening of the help: the class docstring, its wrapped lines joined into paragraphs
        (the dialog shows each line of the help as a paragraph); a line starting '• ' stays a line."""
        paragraphs = []
        for block in re.split(r"\n\s*\n", (cls.__dict__.get("__doc__") or "").strip()):
            lines: list[str] = []
            for raw in block.split("\n"):
                line = raw.strip()
                if lines and not line.startswith("• "):
                    lines[-1] += " " + line
                else:
                    lines.append(line)
            paragraphs.append("\n".join(lines))
        return "\n\n".join(paragraphs)

    def help_text(self) -> str:
        """What the algorithm does, then each parameter and output by its label, from the declarations."""
        inputs = [d for d in self.PARAMETERS if not isinstance(d, DESTINATIONS)]
        outputs = [d for d in self.PARAMETERS if isinstance(d, DESTINATIONS)]
        lines = [self.tr(self.intro()), "", self.tr("Parameters:")]
        lines += [self.help_line(d) for d in inputs]
        lines += ["", self.tr("Outputs:")]
        lines += [self.help_line(d) for d in outputs]
        for result in self.RESULTS:
            keys = result.key + (f", {result.former_key}" if result.former_key else "")
            text = f"• {self.tr(result.label)} ({keys})"
            lines.append(f"{text}: {self.tr(result.help)}" if result.help else text)
        return "\n".join(lines)

    def help_line(self, declaration: Declared) -> str:
        details = [declaration.key]
        default = declaration.default_text()
        if isinstance(declaration, Choice):
            details.append(", ".join(f"{index} = {option}" for index, option in enumerate(declaration.shown_options(self.tr))))
        elif default:
            details.append(self.tr("default {value}").format(value=default))
        if declaration.one_of:
            details.append(self.tr("optional alone: give {keys} or both").format(keys=self.tr(" or ").join(declaration.one_of)))
        elif declaration.optional and not isinstance(declaration, Field):
            details.append(self.tr("optional"))
        line = f"• {self.tr(declaration.label)} ({'; '.join(details)})"
        sentences = [self.tr(declaration.help)] if declaration.help else []
        if isinstance(declaration, Field) and declaration.when_absent:
            sentences.append(self.tr("Without this field: {consequence}.").format(consequence=self.tr(declaration.when_absent)))
        return f"{line}: {' '.join(sentences)}" if sentences else line

    def helpUrl(self) -> str:  # noqa: N802
        """The algorithm's page in the docs shipped with the plugin (works offline), else ''."""
        page = Path(PLUGIN_DIR) / "help" / f"{self.NAME}.md"  # docs/algorithms, shipped in the plugin as help/
        return QUrl.fromLocalFile(str(page)).toString() if page.is_file() else ""

    # -- dependencies --------------------------------------------------------------------------
    def canExecute(self):  # noqa: N802
        message = missing_dependencies_message(self.name())  # only what this algorithm needs
        return (not message, message)

    # -- reading parameters ----------------------------------------------------------------------
    def rules(self, parameters: dict[str, Any], context: QgsProcessingContext):
        from tuoli_gw_plugin.engine.core.rules import load_rules

        path = self.parameterAsFile(parameters, RULES.key, context)
        return load_rules(path or None)

    def source(self, parameters: dict[str, Any], key: str, context):
        """(feature source, label) of a required layer, or QGIS's own message when it cannot be opened."""
        if key not in self._opened:
            source = self.parameterAsSource(parameters, key, context)
            if source is None:
                raise QgsProcessingException(self.invalidSourceError(parameters, key))
            self._opened[key] = (source, self.layer_label(parameters, key, source))
        return self._opened[key]

    def optional_source(self, parameters: dict[str, Any], key: str, context):
        """(feature source, label) of an optional layer; (None, '') when not given. A layer that is
        given but cannot be opened is an error, never silently left out."""
        if parameters.get(key) in (None, "") and key not in self._opened:
            return None, ""
        return self.source(parameters, key, context)

    def optional_frame(self, parameters, key: str, context, feedback, *, field_names=None, with_geometry: bool = True):
        """(GeoDataFrame, label) of an optional layer, (None, '') when not given; a table (or a
        layer without geometry) is read without geometry."""
        from tuoli_gw_plugin.qgis_io.frames import source_to_frame

        source, label = self.optional_source(parameters, key, context)
        if source is None:
            return None, ""
        with_geometry = with_geometry and QgsWkbTypes.geometryType(source.wkbType()) not in (
            QgsWkbTypes.NullGeometry, QgsWkbTypes.UnknownGeometry,
        )
        frame = source_to_frame(source, label, field_names=field_names, with_geometry=with_geometry, feedback=feedback)
        return frame, label

    def field(self, parameters: dict[str, Any], key: str, context, feedback=None) -> str | None:
        """The field a parameter names; empty means its declared default.

        The default field (left empty, or kept as the dialog fills it in) that the layer lacks
        means "skip it" when the declaration says what happens without it (``when_absent``;
        logged, naming layer and field). Any other name is used as given, so a typo is an error
        further on, never a silent skip.
        """
        declaration = self.declaration(key)
        chosen = [name for name in parameter_as_field_names(self, parameters, key, context) if name]
        name = chosen[0] if chosen else declaration.default
        if not name:
            return None
        if name.lower() == "geometry":  # the layer's geometry is not an attribute (and the engine's frames use the name)
            raise QgsProcessingException(
                self.tr("{key}: 'geometry' is the layer's geometry, not an attribute field; choose an attribute field.").format(key=key)
            )
        if name != declaration.default or not declaration.when_absent:
            return name
        source, label = self.optional_source(parameters, declaration.parent, context)
        if source is None or name in source.fields().names():
            return name
        if feedback is not None:
            feedback.pushWarning(
                self.tr("Layer '{layer}' has no field '{field}' ({label}): {consequence}.").format(
                    layer=label, field=name, label=self.tr(declaration.label), consequence=self.tr(declaration.when_absent)
                )
            )
        return None

    def fields(self, parameters: dict[str, Any], context, feedback, *keys: str) -> list[str | None]:
        """The fields several field parameters name, in the order asked (each read as :meth:`field` does)."""
        return [self.field(parameters, key, context, feedback) for key in keys]

    def number(self, parameters: dict[str, Any], key: str, context) -> float | None:
        """An optional number; None when left empty (the caller then takes the rules file's value)."""
        if str(parameters.get(key, "") if parameters.get(key) is not None else "").strip() == "":
            return None
        return self.parameterAsDouble(parameters, key, context)

    def fields_by_name(self, parameters: dict[str, Any], context, feedback, keys: dict[str, str]) -> dict[str, str | None]:
        """{name: the field the parameter ``keys[name]`` names}: the engine's field-name records from the parameters."""
        return {name: self.field(parameters, key, context, feedback) for name, key in keys.items()}

    def text(self, parameters: dict[str, Any], key: str, context) -> str | None:
        """A text parameter, stripped; None when empty."""
        return (self.parameterAsString(parameters, key, context) or "").strip() or None

    def choice(self, parameters: dict[str, Any], key: str, context) -> str:
        """The value (not the index) of an enum parameter: e.g. 'zh' / 'en' for LANGUAGE."""
        declaration = self.declaration(key)
        return declaration.values[self.parameterAsEnum(parameters, key, context)]

    # -- running -------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        message = missing_dependencies_message(self.name())
        if message:
            # QGIS repeats an exception's text (log, error, summary) and an error's (log, error): the long
            # message goes out once as a warning, the exception carries a short one.
            if feedback is not None:
                feedback.pushWarning(message)
            raise QgsProcessingException(missing_dependencies_short(self.name()))
        from tuoli_gw_plugin.engine.core.errors import EngineInputError

        self._opened = {}
        clash = output_over_input(self, parameters, context)
        if clash is not None:
            raise QgsProcessingException(
                self.tr("{output} would write over {source}, an input of this run: {where}. Nothing was written; choose "
                        "another output file or layer name.").format(output=clash[0], source=clash[1], where=clash[2])
            )
        parameters = keep_other_gpkg_layers(self, parameters, context)
        self.check_geometry_types(parameters, context)
        self.repair_text_encodings(parameters, context, feedback)
        self.check_field_parameters(parameters, context)
        self.warn_implausible_numbers(parameters, context, feedback)
        new_files = self.destination_files_not_yet_there(parameters, context)
        self._staged = []
        self._language = self.run_language(parameters, context)
        try:
            from tuoli_gw_plugin.engine.core.messages import speaking

            # The engine's errors, warnings, notices and finding texts in the run's language.
            with engine_notices_to(feedback), speaking(self._language):
                parameters = self.check_inputs(parameters, context, feedback)
                results = self.compute(parameters, context, feedback)
            gc.collect()  # the sinks of compute() are closed when collected: their files are complete now
            for staged in self._staged:
                results = staged.commit(results, context, self._styles)
            return results
        except BaseException as error:
            # A failed or cancelled run must not leave a half-written file that looks complete, and a
            # file that was there before stays as it was.
            if self._staged:
                # The failed compute()'s frames still hold its sinks (open files): release them first.
                traceback.clear_frames(error.__traceback__)
                gc.collect()
            for staged in self._staged:
                staged.discard()
            remove_partial_outputs(new_files, feedback)
            if feedback is not None and feedback.isCanceled():
                # Whoever noticed the cancel (engine, bridge or this door), the run ends alike.
                raise QgsProcessingException(self.tr("Cancelled by the user; no output was written.")) from None
            if isinstance(error, EngineInputError):
                raise QgsProcessingException(self.engine_message(error)) from None
            raise
        finally:
            self._opened = {}

    def check_inputs(self, parameters, context, feedback) -> dict[str, Any]:
        """The checks every run makes before any answer (``_input_checks``), one rule for all algorithms: an id on
        several features, garbled text in a field it reads, rows a reader dropped and misplaced layers stop it; a
        layer on another datum is moved with the project's transformation, or PROJ's move is said out loud. Returns
        the parameters to run with. (Fields named only by a cut Shapefile name: ``check_field_parameters``.)"""
        from . import _input_checks

        _input_checks.check_one_row_per_id(self, parameters, context, feedback)
        _input_checks.check_text_encodings(self, parameters, context)
        _input_checks.check_row_counts(self, parameters, context)
        if self.READS_POSITIONS:
            _input_checks.check_placement(self, parameters, context)
            parameters = _input_checks.move_to_working_datum(self, parameters, context, feedback)
        self._opened = {}  # sources opened by the checks: the run opens what it is handed (a moved copy, say)
        return parameters
    def check_field_parameters(self, parameters, context) -> None:
        """A field the layer lacks, or one that holds something else, stops the run before anything is read,
        naming the parameter, the layer and its fields, and where the field is to be found. A field the layer has only
        under a name a Shapefile cut is refused first, with the candidates and their values (never picked by prefix)."""
        from tuoli_gw_plugin.engine.core.errors import EngineInputError
        from tuoli_gw_plugin.engine.core.messages import speaking

        from . import _input_checks

        try:
            with speaking(self.run_language(parameters, context)):
                _input_checks.check_field_names(self, parameters, context)
        except EngineInputError as error:
            raise QgsProcessingException(error.framed(self.run_language(parameters, context))) from None
        for declaration in self.PARAMETERS:
            if not isinstance(declaration, Field) or not declaration.parent or parameters.get(declaration.parent) in (None, ""):
                continue
            chosen = [name for name in parameter_as_field_names(self, parameters, declaration.key, context) if name]
            name = chosen[0] if chosen else declaration.default
            if not name:
                continue
            layer = self.parameterAsVectorLayer(parameters, declaration.parent, context)
            if layer is None:
                continue
            label = self.layer_label(parameters, declaration.parent, None, layer.name())
            if declaration.refuses(name):
                raise QgsProcessingException(
                    self.tr("{key} = '{field}' (layer '{layer}') cannot be used: {why}").format(
                        key=declaration.key, field=name, layer=label, why=self.tr(declaration.refused_why).format(field=name)
                    )
                )
            names = layer.fields().names()
            if name in names or (name == declaration.default and declaration.when_absent):
                continue  # present, or a default the algorithm does without (self.field says so)
            where = (
                self.tr(declaration.expected_layer)
                if declaration.expected_layer
                else self.tr("Choose one of them in {key} ({label}).").format(key=declaration.key, label=self.tr(declaration.label))
            )
            raise QgsProcessingException(
                self.tr("{key}: layer '{layer}' ({parent}) has no field '{field}'. Its fields are: {fields}. {where}").format(
                    key=declaration.key, layer=label, parent=declaration.parent, field=name, fields=", ".join(names) or "—", where=where
                )
            )

    def warn_implausible_numbers(self, parameters, context, feedback) -> None:
        """A number outside its declared plausible range runs as given, with a warning saying so."""
        for declaration in self.PARAMETERS:
            if not isinstance(declaration, Number) or declaration.plausible is None:
                continue
            value = self.number(parameters, declaration.key, context)
            low, high = declaration.plausible
            if value is not None and not low <= value <= high and feedback is not None:
                feedback.pushWarning(
                    self.tr("{key} = {value:g} is outside the usual range {low:g} – {high:g}; the run uses it as given: "
                            "check it is what you meant.").format(key=declaration.key, value=value, low=low, high=high)
                )

    def run_language(self, parameters: dict[str, Any] | None = None, context=None) -> str:
        """The language the engine speaks in this run: the algorithm's LANGUAGE where it has one,
        else the QGIS interface language ('zh' or 'en')."""
        from tuoli_gw_plugin.i18n import interface_language

        if parameters is not None and any(d.key == "LANGUAGE" for d in self.PARAMETERS):
            return self.choice(parameters, "LANGUAGE", context)
        return interface_language()

    def engine_message(self, error) -> str:
        """An engine error as the user reads it: its place (layer, feature, field) and hint framed in
        the run's language (the interface language outside a run); the engine wrote its own sentence
        in the run's language already (compute runs inside ``speaking``)."""
        return error.framed(self._language or self.run_language())

    @staticmethod
    def stop_if_cancelled(feedback) -> None:
        """The one cancel checkpoint of the doors; processAlgorithm turns it into the cancel message."""
        if feedback is not None and feedback.isCanceled():
            from tuoli_gw_plugin.engine.core.errors import EngineCancelledError

            raise EngineCancelledError()

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
        from tuoli_gw_plugin.qgis_io.frames import repair_shapefile_encoding

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

    def required_sink(self, parameters: dict[str, Any], key: str, context, fields, wkb_type, crs):
        """(sink, destination id) of a required output, or QGIS's own message when it cannot be created.

        Over an existing file the sink writes a hidden copy beside it, moved into place only when the run
        succeeds (see processAlgorithm), so a failed or cancelled run leaves the previous file as it was.
        """
        staged = stage_existing_output(parameters, key, context)
        if staged is not None:
            parameters = {**parameters, key: staged.parameter}
        sink, dest_id = self.parameterAsSink(parameters, key, context, fields, wkb_type, crs)
        if sink is None:
            if staged is not None:
                staged.discard()
            raise QgsProcessingException(self.invalidSinkError(parameters, key))
        if staged is not None:
            self._staged.append(staged)
        self._styles.setdefault(dest_id, "")  # its fields' words, whether or not a style is named for it
        return sink, dest_id

    @contextlib.contextmanager
    def summarised_log(self, feedback) -> Iterator[Any]:
        """A ``report(level, message)`` callback for the engine that shows lines said once per unit, cell or station
        as their first few and a count: a 1 km grid of a county would otherwise log hundreds of lines alike."""
        log = SummarisedLog(feedback, self.tr)
        try:
            yield log
        finally:
            log.close()

    @staticmethod
    def warn_replaced(feedback, source, label: str, columns) -> None:
        """Say which fields of the input the output's ``columns`` replace."""
        names = {column.name.lower() for column in columns}
        replaced = [f.name() for f in source.fields() if f.name().lower() in names]
        if replaced:
            feedback.pushWarning(
                QCoreApplication.translate(
                    "TuoliAlgorithm", "Layer '{layer}' already has field(s) {fields}; the output replaces them with this run's values."
                ).format(layer=label, fields=", ".join(replaced))
            )

    def write_with_columns(
        self, parameters, key: str, context, feedback, source, label: str, columns, frame, wkb_type=None, say_replaced: bool = True
    ) -> str:
        """Write ``source``'s features with the engine's declared ``columns`` added from ``frame`` (a row per feature)
        to the sink ``key`` (of ``wkb_type``, default the source's); an input field of the same name is replaced, and the
        log says so (unless ``say_replaced`` is False). Returns the destination id."""
        from tuoli_gw_plugin.qgis_io.frames import column_fields, fields_with, write_features_with_columns

        if say_replaced:
            self.warn_replaced(feedback, source, label, columns)
        fields = fields_with(source.fields(), column_fields(columns))
        wkb_type = source.wkbType() if wkb_type is None else wkb_type
        sink, dest_id = self.required_sink(parameters, key, context, fields, wkb_type, source.sourceCrs())
        write_features_with_columns(source, sink, fields, frame, feedback=feedback)
        return dest_id

    def write_with_frame(self, parameters, key: str, context, feedback, source, frame, names=None) -> str:
        """Write ``source``'s features with the columns ``names`` of ``frame`` (all by default) added, each field typed
        from its column, to the sink ``key``. Returns the destination id."""
        from tuoli_gw_plugin.qgis_io.frames import field_for_series, fields_with, write_features_with_columns

        names = list(frame.columns) if names is None else list(names)
        fields = fields_with(source.fields(), [field_for_series(name, frame[name]) for name in names])
        sink, dest_id = self.required_sink(parameters, key, context, fields, source.wkbType(), source.sourceCrs())
        write_features_with_columns(source, sink, fields, frame, feedback=feedback)
        return dest_id

    def write_optional_table(self, parameters, key: str, context, feedback, frame, crs=None, names=None) -> str | None:
        """Write ``frame`` (its columns ``names``, all by default) as a table (no geometry) to the output ``key`` when the
        user asked for it; its id, else None."""
        from tuoli_gw_plugin.qgis_io.frames import frame_fields, write_frame

        fields = frame_fields(frame, names)
        extra = () if crs is None else (crs,)
        sink, dest_id = self.parameterAsSink(parameters, key, context, fields, QgsWkbTypes.NoGeometry, *extra)
        if sink is None:
            return None
        write_frame(frame, sink, fields, feedback=feedback)
        return dest_id

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
    def style_output(self, dest_id: str, style_name: str, present: dict[str, list] | None = None) -> None:
        """Remember to style output ``dest_id`` with ``resources/styles/<style_name>.qml``. ``present``: the values each
        coded field of the written layer holds, when the algorithm knows them (layer_words.present_values); QGIS
        otherwise reads the whole layer once per coded field for its value maps (2.2 s for 1M screened wells)."""
        if dest_id:
            self._styles[dest_id] = style_name
            if present is not None:
                self._present_values[dest_id] = present

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        # Sinks are closed by now, so the style can be stored inside the written file: a GeoPackage keeps it as its
        # default style, other formats get a .qml beside them. Every layer output gets its fields' headers, the words
        # for its codes and its legend in the run's language, styled or not.
        from tuoli_gw_plugin.qgis_io.layer_words import apply_layer_words

        language = self._language or self.run_language()
        for dest_id, style_name in self._styles.items():
            qml = STYLES_DIR / f"{style_name}.qml" if style_name else None
            layer = QgsProcessingUtils.mapLayerFromString(dest_id, context)
            if layer is None:
                continue
            if qml is not None and qml.is_file():
                layer.loadNamedStyle(str(qml))
            if isinstance(layer, QgsVectorLayer):
                apply_layer_words(layer, language, present=self._present_values.get(dest_id), days=self._deregistration_days())
                save_style_with_file(layer, qml.stem if qml is not None else WORDS_STYLE, feedback)
            layer.triggerRepaint()
        return {}

    @staticmethod
    def _deregistration_days() -> int:
        """Item 11's deadline, which a finding's words name (the shipped rules; the words are only for reading)."""
        from tuoli_gw_plugin.engine.core.rules import load_rules

        try:
            return int(load_rules().value("compliance", "deregistration_deadline_days"))
        except Exception:  # noqa: BLE001 - a broken shipped rules file must not lose the output's style
            return 30


class SummarisedLog:
    """Engine log lines grouped by their wording with the numbers taken out (one group per kind of per-unit note):
    the first ``FIRST`` of a group are shown as they come, the rest counted and said once at the end."""

    FIRST = 5

    def __init__(self, feedback, tr) -> None:
        self.feedback, self.tr = feedback, tr
        self.counts: dict[tuple[str, str], int] = {}
        self.first: dict[tuple[str, str], str] = {}

    def __call__(self, level: str, message: str) -> None:
        group = (level, re.sub(r"\d[\d.,]*", "#", message))
        self.counts[group] = self.counts.get(group, 0) + 1
        self.first.setdefault(group, message)
        if self.counts[group] <= self.FIRST and self.feedback is not None:
            (self.feedback.pushWarning if level == "warning" else self.feedback.pushInfo)(message)

    def close(self) -> None:
        if self.feedback is None:
            return
        for (level, pattern), count in self.counts.items():
            if count > self.FIRST:
                first = self.first[(level, pattern)]
                like = first if len(first) <= 70 else first[:69] + "…"
                line = self.tr("{n} more line(s) like “{like}” ({total} in all).").format(n=count - self.FIRST, like=like, total=count)
                (self.feedback.pushWarning if level == "warning" else self.feedback.pushInfo)(line)


@contextlib.contextmanager
def engine_notices_to(feedback) -> Iterator[None]:
    """Show the engine's EngineNotice warnings (e.g. "web mercator is not true to the ground here") in the log.

    Other Python warnings raised meanwhile are passed on as they would have been.
    """
    from tuoli_gw_plugin.engine.core.errors import EngineNotice

    caught: list[warnings.WarningMessage] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", EngineNotice)
            yield
    finally:
        # After the recording has ended: passed on while it records, a warning would be recorded again, forever.
        for warning in caught:
            if issubclass(warning.category, EngineNotice):
                if feedback is not None:
                    feedback.pushWarning(str(warning.message))
            else:
                warnings.showwarning(warning.message, warning.category, warning.filename, warning.lineno)


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


def save_style_with_file(layer: QgsVectorLayer, style_name: str, feedback) -> None:
    """Store the loaded style with the layer's file so it opens styled anywhere."""
    provider = layer.dataProvider().name() if layer.dataProvider() else ""
    if provider != "ogr":
        return
    path = layer.source().split("|")[0]
    if path.lower().endswith(".gpkg"):
        table = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("layerName") or ""
        forget_previous_style(path, table, style_name)
        error = layer.saveStyleToDatabase(style_name, "tuoli_gw default style", True, "")
        if error:
            feedback.pushWarning(
                QCoreApplication.translate("TuoliAlgorithm", "Could not store the style in {0}: {1}").format(path, error)
            )
    else:
        sidecar = str(Path(path).with_suffix(".qml"))
        layer.saveNamedStyle(sidecar)


def forget_previous_style(path: str, table: str, style_name: str) -> None:
    """Remove the style an earlier run stored for ``table`` under ``style_name`` in the GeoPackage.

    A rerun into the same file finds its last run's style there, and QGIS 3.22 asks in a modal
    dialog whether to overwrite it: qgis_process then waits forever for an answer nobody can give,
    and the desktop interrupts the run with a question. The table was just written by this run, so
    the old style row belongs to the output being replaced; other tables' styles are left alone.
    """
    if not table:
        return
    try:
        with contextlib.closing(sqlite3.connect(path, timeout=30)) as connection:
            exists = connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'layer_styles'").fetchone()
            if exists:
                with connection:
                    connection.execute("DELETE FROM layer_styles WHERE f_table_name = ? AND styleName = ?", (table, style_name))
    except sqlite3.Error:
        return  # not a GeoPackage we can write: saveStyleToDatabase will say what is wrong
