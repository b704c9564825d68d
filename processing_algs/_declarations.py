"""One declaration per parameter and output of a ``tuoli_gw`` algorithm.

An algorithm lists its ``PARAMETERS`` and ``OUTPUTS`` as these small records: key, label, type,
default, parent layer, whether it may be left out, what happens when the layer lacks a default
field, and a help sentence. From that one list :class:`~.base.TuoliAlgorithm` builds the
Processing parameters, reads each value with its default, writes the parameter section of the
help, and ``scripts/docs/make_algorithm_reference.py`` the reference in ``docs/algorithms/``. Adding a
parameter is adding one line here and reading it by its key.

Labels and help are English source text, translated by the algorithm's ``tr`` (their context is
the algorithm class); ``scripts/docs/update_translations.py`` collects them through :meth:`texts`.
Not an algorithm module: the provider lists only modules defining a TuoliAlgorithm subclass.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterDistance,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsUnitTypes,
)

POINTS = QgsProcessing.TypeVectorPoint
LINES = QgsProcessing.TypeVectorLine
POLYGONS = QgsProcessing.TypeVectorPolygon
ANY_LAYER = QgsProcessing.TypeVector  # any geometry, or a table without one
ANY_GEOMETRY = QgsProcessing.TypeVectorAnyGeometry

Translate = Callable[[str], str]


@dataclass(frozen=True)
class Declared:
    """What every parameter has: its key (the public name batch scripts use), label and help."""

    key: str
    label: str
    help: str = ""
    optional: bool = False
    # Optional alone, but the run needs at least one of these keys (supply pipes or supply areas): the help says so.
    one_of: tuple[str, ...] = ()

    def parameter(self, tr: Translate) -> QgsProcessingParameterDefinition:
        raise NotImplementedError

    def default_text(self) -> str:
        """The default as the help shows it ('' when there is none worth showing)."""
        return ""

    def texts(self) -> list[str]:
        """The English source texts a translator sees."""
        return [text for text in (self.label, self.help) if text]


# -- inputs ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Layer(Declared):
    """A vector layer or table. ``sample`` names the sample GeoPackage layer the dialog preselects
    when the project holds it (else a layer with the fields the algorithm needs)."""

    geometry: tuple[int, ...] = (ANY_LAYER,)
    sample: str = ""

    def parameter(self, tr: Translate) -> QgsProcessingParameterDefinition:
        return QgsProcessingParameterFeatureSource(self.key, tr(self.label), list(self.geometry), optional=self.optional)


@dataclass(frozen=True)
class Raster(Declared):
    sample: str = ""

    def parameter(self, tr: Translate) -> QgsProcessingParameterDefinition:
        return QgsProcessingParameterRasterLayer(self.key, tr(self.label), optional=self.optional)


@dataclass(frozen=True)
class Field(Declared):
    """A field of the ``parent`` layer, defaulting to the sample layer's name.

    Always optional to Processing: qgis_process (QGIS 3.22) asks for every mandatory parameter
    even when it has a default, and an empty value means the default. ``when_absent`` says what
    the algorithm does without the field; when set, a default the layer lacks means "skip it"
    (see :meth:`TuoliAlgorithm.field`), when empty the field is needed.
    """

    parent: str = ""
    default: str | None = None
    numeric: bool = False
    when_absent: str = ""
    # An id: one feature per value (one well, one row); the run refuses repeated values before any answer.
    unique: bool = False
    # When the layer lacks the field: which layer carries it (the usual slip is giving another layer, not another field).
    expected_layer: str = ""
    # Fields that look like the right one but hold something else (a red line is not an allowable abstraction): a
    # field whose name contains one of these is refused, with ``refused_why`` ({field}: the name given).
    refused: tuple[str, ...] = ()
    refused_why: str = ""

    def parameter(self, tr: Translate) -> QgsProcessingParameterDefinition:
        kind = QgsProcessingParameterField.Numeric if self.numeric else QgsProcessingParameterField.Any
        return QgsProcessingParameterField(self.key, tr(self.label), self.default, self.parent, kind, optional=True)

    def default_text(self) -> str:
        return self.default or ""

    def refuses(self, name: str) -> bool:
        return any(word.lower() in name.lower() for word in self.refused)

    def texts(self) -> list[str]:
        return [*super().texts(), *(text for text in (self.when_absent, self.expected_layer, self.refused_why) if text)]


@dataclass(frozen=True)
class Number(Declared):
    """A number; ``default`` may be a function (read when the parameter is built). Optional
    numbers without a default mean "the rules file's value" (see :meth:`TuoliAlgorithm.number`)."""

    default: float | Callable[[], float] | None = None
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False
    # Values outside this range run as given, with a warning (a coverage distance of 0 or 1e12 m is allowed,
    # but is almost certainly a slip).
    plausible: tuple[float, float] | None = None

    def default_value(self) -> float | None:
        return self.default() if callable(self.default) else self.default

    def parameter(self, tr: Translate) -> QgsProcessingParameterDefinition:
        kind = QgsProcessingParameterNumber.Integer if self.integer else QgsProcessingParameterNumber.Double
        parameter = QgsProcessingParameterNumber(self.key, tr(self.label), kind, self.default_value(), self.optional)
        if self.minimum is not None:
            parameter.setMinimum(self.minimum)
        if self.maximum is not None:
            parameter.setMaximum(self.maximum)
        return parameter

    def default_text(self) -> str:
        value = self.default_value()
        return "" if value is None else f"{value:g}"


@dataclass(frozen=True)
class Distance(Number):
    """A distance in metres, shown with units in the dialog (those of ``parent``'s CRS when it is
    projected); from qgis_process a plain number is metres."""

    parent: str = ""

    def parameter(self, tr: Translate) -> QgsProcessingParameterDefinition:
        parameter = QgsProcessingParameterDistance(
            self.key, tr(self.label), self.default_value(), self.parent, self.optional,
            self.minimum if self.minimum is not None else 0.0,
        )
        parameter.setDefaultUnit(QgsUnitTypes.DistanceMeters)
        return parameter


@dataclass(frozen=True)
class Choice(Declared):
    """An enum: ``values`` are what the algorithm reads, ``options`` what the dialog shows."""

    options: tuple[str, ...] = ()
    values: tuple[str, ...] = ()
    default: int | Callable[[], int] = 0

    def default_value(self) -> int:
        return self.default() if callable(self.default) else self.default

    def shown_options(self, tr: Translate) -> list[str]:
        """The options as the dialog shows them ('中文' has nothing to translate)."""
        return [tr(option) if _has_latin(option) else option for option in self.options]

    def parameter(self, tr: Translate) -> QgsProcessingParameterDefinition:
        return QgsProcessingParameterEnum(self.key, tr(self.label), self.shown_options(tr), defaultValue=self.default_value())

    def texts(self) -> list[str]:
        return [*super().texts(), *(option for option in self.options if _has_latin(option))]


@dataclass(frozen=True)
class Boolean(Declared):
    default: bool = False

    def parameter(self, tr: Translate) -> QgsProcessingParameterDefinition:
        return QgsProcessingParameterBoolean(self.key, tr(self.label), defaultValue=self.default)


@dataclass(frozen=True)
class Text(Declared):
    def parameter(self, tr: Translate) -> QgsProcessingParameterDefinition:
        return QgsProcessingParameterString(self.key, tr(self.label), optional=self.optional)


@dataclass(frozen=True)
class JsonFile(Declared):
    def parameter(self, tr: Translate) -> QgsProcessingParameterDefinition:
        return QgsProcessingParameterFile(self.key, tr(self.label), extension="json", optional=self.optional)


@dataclass(frozen=True)
class DataFile(Declared):
    """A file read as it is kept (a register spreadsheet or table), not a layer: ``file_filter`` says which kinds."""

    file_filter: str = ""

    def parameter(self, tr: Translate) -> QgsProcessingParameterDefinition:
        return QgsProcessingParameterFile(self.key, tr(self.label), optional=self.optional, fileFilter=tr(self.file_filter))

    def texts(self) -> list[str]:
        return [*super().texts(), self.file_filter]


@dataclass(frozen=True)
class Crs(Declared):
    """A coordinate reference system; empty (optional) means the algorithm's stated default."""

    def parameter(self, tr: Translate) -> QgsProcessingParameterDefinition:
        return QgsProcessingParameterCrs(self.key, tr(self.label), optional=self.optional)


# -- destinations (each is also an output of the algorithm) --------------------------------------------
@dataclass(frozen=True)
class Sink(Declared):
    geometry: int = ANY_LAYER
    create_by_default: bool = True

    def parameter(self, tr: Translate) -> QgsProcessingParameterDefinition:
        return QgsProcessingParameterFeatureSink(
            self.key, tr(self.label), self.geometry, optional=self.optional, createByDefault=self.create_by_default
        )


@dataclass(frozen=True)
class FileOut(Declared):
    file_filter: str = ""
    create_by_default: bool = True

    def parameter(self, tr: Translate) -> QgsProcessingParameterDefinition:
        return QgsProcessingParameterFileDestination(
            self.key, tr(self.label), tr(self.file_filter), optional=self.optional, createByDefault=self.create_by_default
        )

    def texts(self) -> list[str]:
        return [*super().texts(), self.file_filter]


@dataclass(frozen=True)
class FolderOut(Declared):
    """A folder the algorithm writes several files into (one per feature, say)."""

    create_by_default: bool = True

    def parameter(self, tr: Translate) -> QgsProcessingParameterDefinition:
        return QgsProcessingParameterFolderDestination(
            self.key, tr(self.label), optional=self.optional, createByDefault=self.create_by_default
        )


@dataclass(frozen=True)
class RasterOut(Declared):
    create_by_default: bool = True

    def parameter(self, tr: Translate) -> QgsProcessingParameterDefinition:
        return QgsProcessingParameterRasterDestination(
            self.key, tr(self.label), optional=self.optional, createByDefault=self.create_by_default
        )


# -- outputs that are values, not files -----------------------------------------------------------------
@dataclass(frozen=True)
class Result:
    """A number or text the algorithm returns. ``former_key`` is an older name of the same value,
    still returned (and declared) so that existing batch scripts and models keep working."""

    key: str
    label: str
    help: str = ""
    text: bool = False
    former_key: str = ""

    def outputs(self, tr: Translate) -> list:
        kind = QgsProcessingOutputString if self.text else QgsProcessingOutputNumber
        keys = [self.key, *([self.former_key] if self.former_key else [])]
        return [kind(key, tr(self.label)) for key in keys]

    def texts(self) -> list[str]:
        return [text for text in (self.label, self.help) if text]


# -- the toolbox groups: (id, name) ---------------------------------------------------------------------
PERMITS = ("permits", "Permits and screening")
OVER_EXTRACTION = ("over_extraction", "Over-extraction")
BOOKKEEPING = ("bookkeeping", "Bookkeeping")
REPORTS = ("reports", "Reports")
REGISTERS = ("registers", "Registers")

# -- shared declarations -------------------------------------------------------------------------------
RULES = JsonFile(
    "RULES",
    "Rules file (JSON; empty = the rules of notice 托政发规〔2024〕3号 shipped with the plugin)",
    "Thresholds, tiers and deadlines with their legal source; copy the shipped file to change one.",
    optional=True,
)

# The power table (notice item 16), read by electricity_to_water and compliance_audit alike.
POWER_FIELDS = (
    Field("POWER_ACCOUNT_FIELD", "Account field of the power table", parent="POWER", default="account"),
    Field(
        "POWER_KWH_FIELD", "kWh field of the power table",
        "kWh are summed per account; text or negative kWh stop the run naming the feature.",
        parent="POWER", default="kwh",
    ),
    Field(
        "POWER_PERIOD_FIELD", "Period field of the power table (empty = none)", parent="POWER", default="period",
        when_absent="every row of the power table counts",
    ),
    Text(
        "PERIOD", "Period to take (empty = all rows)",
        "Only power rows of this period count; '2025' also takes sub-periods such as '2025-03'. Empty: every "
        "row counts (the log warns when the table holds several periods).",
        optional=True,
    ),
)
# The engine's PowerFieldNames -> the parameter that names each.
POWER_FIELD_KEYS = {"account": "POWER_ACCOUNT_FIELD", "kwh": "POWER_KWH_FIELD", "period": "POWER_PERIOD_FIELD"}


LANGUAGE_VALUES = ("zh", "en")  # LANGUAGE in every algorithm: 0 = 中文, 1 = English


def _interface_choice() -> int:
    """The LANGUAGE option of the QGIS interface language (read when a dialog opens, not when this module loads)."""
    from tuoli_gw_plugin.i18n import interface_language

    return LANGUAGE_VALUES.index(interface_language())


def language(label: str, *, follow_interface: bool, help_text: str) -> Choice:
    """The LANGUAGE parameter, in one order everywhere: 0 = 中文, 1 = English."""
    default: int | Callable[[], int] = _interface_choice if follow_interface else 0
    return Choice("LANGUAGE", label, help_text, options=("中文", "English"), values=LANGUAGE_VALUES, default=default)


def _has_latin(text: str) -> bool:
    return any(ch.isascii() and ch.isalpha() for ch in text)
