"""Parts the two screening algorithms share: the supply/township parameters and preparing the engine.

Not an algorithm (the leading underscore keeps the provider from listing it). ``screen_well_sites``
and ``self_supplied_closure_list`` both need supply coverage (pipes within a distance, or areas)
and the township of each well; this module declares those parameters once and turns them into a
:class:`~tuoli_gw_plugin.engine.screening.PreparedScreening`.
"""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsFeatureSource,
    QgsField,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..qgis_bridge import new_field, parameter_as_field_names, source_to_frame

SUPPLY_PIPES = "SUPPLY_PIPES"
COVERAGE_DISTANCE = "COVERAGE_DISTANCE"
SUPPLY_AREAS = "SUPPLY_AREAS"
TOWNSHIPS = "TOWNSHIPS"
TOWNSHIP_NAME_FIELD = "TOWNSHIP_NAME_FIELD"
REMAINING_FIELD = "REMAINING_FIELD"


def default_coverage_distance_m() -> float:
    """The shipped rules' default coverage distance (the parameter's default value)."""
    from ..engine.rules import load_rules

    try:
        return load_rules().value("screening", "default_coverage_distance_m")
    except Exception:  # a broken shipped file must not hide the algorithm; the run reports it
        return 0.0


def add_supply_and_township_parameters(alg, *, with_remaining: bool) -> None:
    """SUPPLY_PIPES, COVERAGE_DISTANCE, SUPPLY_AREAS, TOWNSHIPS and their fields."""
    tr = alg.tr
    alg.addParameter(
        QgsProcessingParameterFeatureSource(SUPPLY_PIPES, tr("Public supply pipes (lines)"), [QgsProcessing.TypeVectorLine], optional=True)
    )
    alg.addParameter(
        QgsProcessingParameterNumber(
            COVERAGE_DISTANCE,
            tr("Coverage distance from a pipe (metres)"),
            QgsProcessingParameterNumber.Double,
            defaultValue=default_coverage_distance_m(),
            minValue=0.0,
        )
    )
    alg.addParameter(
        QgsProcessingParameterFeatureSource(
            SUPPLY_AREAS, tr("Supply coverage areas (polygons)"), [QgsProcessing.TypeVectorPolygon], optional=True
        )
    )
    alg.addParameter(
        QgsProcessingParameterFeatureSource(
            TOWNSHIPS,
            tr("Townships (polygons; with remaining red-line quota for item 8)") if with_remaining else tr("Townships (polygons)"),
            [QgsProcessing.TypeVectorPolygon],
            optional=True,
        )
    )
    alg.addParameter(QgsProcessingParameterField(TOWNSHIP_NAME_FIELD, tr("Township name field"), "name_zh", TOWNSHIPS, optional=True))
    if with_remaining:
        alg.addParameter(
            QgsProcessingParameterField(
                REMAINING_FIELD,
                tr("Remaining red-line quota field (m³; <= 0 means used up)"),
                "remaining_m3",
                TOWNSHIPS,
                QgsProcessingParameterField.Numeric,
                optional=True,
            )
        )


def field_value(alg, parameters: dict[str, Any], name: str, context, default: str) -> str:
    """A field parameter's value; its default when left empty."""
    fields = parameter_as_field_names(alg, parameters, name, context)
    return fields[0] if fields else default


def optional_source(alg, parameters: dict[str, Any], name: str, context):
    if parameters.get(name) in (None, ""):
        return None
    source = alg.parameterAsSource(parameters, name, context)
    if source is None:
        raise QgsProcessingException(alg.invalidSourceError(parameters, name))
    return source


def require_points(source: QgsFeatureSource, label: str, parameter_name: str) -> None:
    if QgsWkbTypes.geometryType(source.wkbType()) != QgsWkbTypes.PointGeometry:
        raise QgsProcessingException(
            f"Layer '{label}' ({parameter_name}) is a {QgsWkbTypes.displayString(source.wkbType())} layer; "
            "it must be a point layer of well locations."
        )


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
    from ..engine.screening import prepare_screening

    pipes_source = optional_source(alg, parameters, SUPPLY_PIPES, context)
    areas_source = optional_source(alg, parameters, SUPPLY_AREAS, context)
    townships_source = optional_source(alg, parameters, TOWNSHIPS, context)
    if pipes_source is None and areas_source is None:
        raise QgsProcessingException(
            alg.tr(
                "No supply layer: give SUPPLY_PIPES (public supply pipes), SUPPLY_AREAS (supply coverage areas) "
                "or both. Notice item 13 bans new self-supplied wells inside supply coverage, so coverage must be known."
            )
        )
    names = {"zones": zones_label}
    pipes = areas = townships = None
    if pipes_source is not None:
        names["pipes"] = alg.layer_label(parameters, SUPPLY_PIPES, pipes_source)
        pipes = source_to_frame(pipes_source, names["pipes"], field_names=[], feedback=feedback)
    if areas_source is not None:
        names["supply_areas"] = alg.layer_label(parameters, SUPPLY_AREAS, areas_source)
        areas = source_to_frame(areas_source, names["supply_areas"], field_names=[], feedback=feedback)
    township_name = field_value(alg, parameters, TOWNSHIP_NAME_FIELD, context, "name_zh")
    remaining = field_value(alg, parameters, REMAINING_FIELD, context, "remaining_m3") if with_remaining else None
    if townships_source is not None:
        names["townships"] = alg.layer_label(parameters, TOWNSHIPS, townships_source)
        if remaining and remaining not in townships_source.fields().names() and not parameters.get(REMAINING_FIELD):
            feedback.pushWarning(
                alg.tr(
                    "Layer '{0}' has no field '{1}': the red line (notice item 8) is not checked. "
                    "Set REMAINING_FIELD to the field of remaining quota to check it."
                ).format(names["townships"], remaining)
            )
            remaining = None
        wanted = [township_name] + ([remaining] if remaining else [])
        townships = source_to_frame(townships_source, names["townships"], field_names=wanted, feedback=feedback)
    distance = alg.parameterAsDouble(parameters, COVERAGE_DISTANCE, context)
    prepared = prepare_screening(
        zones_frame,
        grade_field=zone_grade_field,
        name_field=zone_name_field,
        pipes=pipes,
        supply_areas=areas,
        coverage_distance_m=distance,
        townships=townships,
        township_name_field=township_name,
        remaining_field=remaining,
        rules=alg.rules(parameters, context),
        layer_names=names,
    )
    for warning in prepared.warnings:
        feedback.pushWarning(warning)
    return prepared


def common_output_fields() -> list[QgsField]:
    """supply_distance_m, in_supply_coverage, township (shared by both outputs)."""
    return [
        new_field("supply_distance_m", QVariant.Double),
        new_field("in_supply_coverage", QVariant.Bool),
        new_field("township", QVariant.String),
    ]
