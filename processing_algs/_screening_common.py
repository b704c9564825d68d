"""Declarations and preparation shared by the algorithms that need public supply coverage.

Not an algorithm (the leading underscore keeps the provider from listing it). ``screen_well_sites``
and ``self_supplied_closure_list`` need supply coverage (pipes within a distance, or areas) and the
township of each well; ``compliance_audit`` and ``supervision_report`` declare the same supply
layers. Declared once here; :func:`prepare_from_parameters` turns them into a
:class:`~tuoli_gw_plugin.engine.screening.well_sites.PreparedScreening`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from qgis.core import QgsFeatureSource, QgsProcessingException, QgsWkbTypes
from qgis.PyQt.QtCore import QCoreApplication

from ._declarations import LINES, POLYGONS, Distance, Field, Layer


def default_coverage_distance_m() -> float:
    """The shipped rules' default coverage distance (the parameter's default value)."""
    from tuoli_gw_plugin.engine.core.rules import load_rules

    try:
        return load_rules().value("screening", "default_coverage_distance_m")
    except Exception:  # a broken shipped file must not hide the algorithm; the run reports it
        return 0.0


SUPPLY_PIPES = Layer(
    "SUPPLY_PIPES", "Public supply pipes (lines)",
    "A well within the coverage distance of a pipe is inside public supply coverage (notice item 13).",
    optional=True, geometry=(LINES,), sample="supply_pipes",
)
SUPPLY_AREAS = Layer(
    "SUPPLY_AREAS", "Supply coverage areas (polygons)",
    "A well inside a polygon is inside public supply coverage. Give pipes, areas or both.",
    optional=True, geometry=(POLYGONS,), sample="supply_areas",
)
COVERAGE_DISTANCE = Distance(
    "COVERAGE_DISTANCE", "Coverage distance from a pipe (metres)",
    "Measured exactly in metres, in a projected CRS whatever the layers' CRS; a well at exactly "
    "this distance counts as covered.",
    default=default_coverage_distance_m, minimum=0.0, parent="SUPPLY_PIPES", plausible=(1.0, 10_000.0),
)
COVERAGE_DISTANCE_OR_RULES = Distance(
    "COVERAGE_DISTANCE", "Coverage distance from a pipe (empty = rules file)",
    "In metres; empty takes the rules file's screening.default_coverage_distance_m.",
    optional=True, minimum=0.0, parent="SUPPLY_PIPES", plausible=(1.0, 10_000.0),
)
TOWNSHIPS = Layer("TOWNSHIPS", "Townships (polygons)", optional=True, geometry=(POLYGONS,), sample="townships")
TOWNSHIPS_WITH_REMAINING = Layer(
    "TOWNSHIPS", "Townships (polygons; with remaining red-line quota for item 8)",
    optional=True, geometry=(POLYGONS,), sample="townships",
)
TOWNSHIP_NAME_FIELD = Field("TOWNSHIP_NAME_FIELD", "Township name field", parent="TOWNSHIPS", default="name_zh")
REMAINING_FIELD = Field(
    "REMAINING_FIELD", "Remaining red-line quota field (m³; ≤ 0 means used up)",
    parent="TOWNSHIPS", default="remaining_m3", numeric=True,
    when_absent="the red line (notice item 8) is not checked",
)
# The doors that place wells in supply coverage (prepare_from_parameters) stop without both: each is optional
# alone, and their help says one of them is needed.
SUPPLY_PIPES_OR_AREAS = ("SUPPLY_PIPES", "SUPPLY_AREAS")
SUPPLY_PIPES_NEEDED = replace(SUPPLY_PIPES, one_of=SUPPLY_PIPES_OR_AREAS)
SUPPLY_AREAS_NEEDED = replace(SUPPLY_AREAS, one_of=SUPPLY_PIPES_OR_AREAS)
SUPPLY_AND_TOWNSHIPS = (SUPPLY_PIPES_NEEDED, COVERAGE_DISTANCE, SUPPLY_AREAS_NEEDED, TOWNSHIPS, TOWNSHIP_NAME_FIELD)

# The application fields screen_well_sites and permit_decision share, declared once: one screening of the same inputs
# with the same defaults (the map tool's panel asks the same: the kind of well and the requested volume).
USE_FIELD = Field(
    "USE_FIELD", "Intended use field (self-supplied or not; statutory exceptions)",
    "Item 13 bans new self-supplied wells (自备井) only. Where SELF_SUPPLIED_FIELD says nothing, the use decides by the "
    "rules file's screening.well_types lists: domestic and industrial wells are 自备井; public supply, monitoring, "
    "emergency and farm irrigation wells are not (an assumption the rules file explains). A well of another kind inside "
    "coverage is told item 13 does not apply to it (reason supply_coverage_not_self_supplied); a well of unknown kind "
    "there is 'restricted' (reason supply_coverage_type_unknown): establish its kind. Emergency supply, domestic supply "
    "without an alternative source and monitoring or investigation (Groundwater Management Regulations) make a zone "
    "ban 'restricted' (reason statutory_exception); inside supply coverage only emergency supply and monitoring keep it.",
    parent="INPUT", default="use", when_absent="inside supply coverage the kind of well is unknown ('restricted')",
)
SELF_SUPPLIED_FIELD = Field(
    "SELF_SUPPLIED_FIELD", "Self-supplied field (yes/no, 是/否; decides before the use)",
    "The register's own answer whether the well is a 自备井; where a cell is empty the use decides.",
    parent="INPUT", default="self_supplied", when_absent="the use alone decides whether a well is self-supplied",
)
DATE_FIELD = Field(
    "DATE_FIELD", "Application date field (orders the batch)",
    "With a requested volume the applications are judged together, in order of application date, then id: each takes "
    "its request from its township's remaining quota, and a later one is compared with what the earlier ones leave "
    "(an application prohibited on other grounds takes nothing; the rules file's screening.batch).",
    parent="INPUT", default="applied_on", when_absent="the applications are judged in order of their id",
)
SUPPLY_AND_TOWNSHIPS_WITH_REMAINING = (
    SUPPLY_PIPES_NEEDED, COVERAGE_DISTANCE, SUPPLY_AREAS_NEEDED, TOWNSHIPS_WITH_REMAINING, TOWNSHIP_NAME_FIELD, REMAINING_FIELD,
)


def require_points(source: QgsFeatureSource, label: str, parameter_name: str) -> None:
    if QgsWkbTypes.geometryType(source.wkbType()) != QgsWkbTypes.PointGeometry:
        raise QgsProcessingException(
            QCoreApplication.translate(
                "TuoliAlgorithm", "Layer '{layer}' ({key}) is a {kind} layer; it must be a point layer of well locations."
            ).format(layer=label, key=parameter_name, kind=QgsWkbTypes.displayString(source.wkbType()))
        )


def prepare_with_zones(alg, parameters: dict[str, Any], context, feedback, *, wells_label: str):
    """The screening engine prepared from ZONES (with its grade and name fields), the supply layers and the townships
    with their remaining quota, as Screen well sites, Permit decision and the report's screening all read them."""
    from tuoli_gw_plugin.qgis_io.frames import source_to_frame

    zones_source, zones_label = alg.source(parameters, "ZONES", context)
    grade_field = alg.field(parameters, "ZONE_GRADE_FIELD", context, feedback)
    name_field = alg.field(parameters, "ZONE_NAME_FIELD", context, feedback)
    if grade_field not in zones_source.fields().names():
        raise QgsProcessingException(
            QCoreApplication.translate(
                "TuoliAlgorithm",
                "Layer '{layer}' has no field '{field}' (ZONE_GRADE_FIELD, the zone grade severe / general). "
                "Its fields are: {fields}. Choose the grade field.",
            ).format(layer=zones_label, field=grade_field, fields=", ".join(zones_source.fields().names()) or "(none)")
        )
    feedback.setProgressText(QCoreApplication.translate("TuoliAlgorithm", "Reading and preparing the layers…"))
    zones = source_to_frame(zones_source, zones_label, field_names=[f for f in (grade_field, name_field) if f], feedback=feedback)
    prepared = prepare_from_parameters(
        alg, parameters, context, feedback, zones_frame=zones, zone_grade_field=grade_field, zone_name_field=name_field,
        zones_label=zones_label, with_remaining=True,
    )
    prepared.layer_names["wells"] = wells_label
    return prepared


def prepare_from_parameters(
    alg,
    parameters: dict[str, Any],
    context,
    feedback,
    *,
    zones_frame=None,
    zone_grade_field: str = "grade",
    zone_name_field: str | None = "zone_name",
    zones_label: str = "ZONES",
    with_remaining: bool,
):
    """Read the supply and township layers and prepare the screening engine once."""
    from tuoli_gw_plugin.engine.screening.well_sites import prepare_screening

    pipes, pipes_label = alg.optional_frame(parameters, SUPPLY_PIPES.key, context, feedback, field_names=[])
    areas, areas_label = alg.optional_frame(parameters, SUPPLY_AREAS.key, context, feedback, field_names=[])
    if pipes is None and areas is None:
        raise QgsProcessingException(
            QCoreApplication.translate(
                "TuoliAlgorithm",
                "No supply layer: give the public supply pipes (SUPPLY_PIPES), the supply coverage areas (SUPPLY_AREAS) "
                "or both. Notice item 13 bans new self-supplied wells inside supply coverage, so coverage must be known.",
            )
        )
    names = {"zones": zones_label}
    if pipes is not None:
        names["pipes"] = pipes_label
    if areas is not None:
        names["supply_areas"] = areas_label
    township_name = alg.field(parameters, TOWNSHIP_NAME_FIELD.key, context, feedback)
    remaining = alg.field(parameters, REMAINING_FIELD.key, context, feedback) if with_remaining else None
    townships, townships_label = alg.optional_frame(
        parameters, TOWNSHIPS.key, context, feedback, field_names=[township_name] + ([remaining] if remaining else [])
    )
    if townships is not None:
        names["townships"] = townships_label
    prepared = prepare_screening(
        zones_frame,
        grade_field=zone_grade_field,
        name_field=zone_name_field,
        pipes=pipes,
        supply_areas=areas,
        coverage_distance_m=alg.parameterAsDouble(parameters, COVERAGE_DISTANCE.key, context),
        townships=townships,
        township_name_field=township_name,
        remaining_field=remaining,
        rules=alg.rules(parameters, context),
        layer_names=names,
    )
    for warning in prepared.warnings:
        feedback.pushWarning(warning)
    return prepared
