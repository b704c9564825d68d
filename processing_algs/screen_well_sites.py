"""Processing door ``tuoli_gw:screen_well_sites``: a verdict per proposed well, with reasons and legal basis.

Reads the parameters, converts the layers with ``qgis_bridge``, lets the screening engine decide
(notice 托政发规〔2024〕3号 items 13, 三/7 and 8; exceptions of the Groundwater Management
Regulations art. 33) and writes every input feature once with the verdict fields, styled by
verdict, plus an optional HTML report with a map and the verdicts per township.
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
)
from qgis.PyQt.QtCore import QVariant

from ..bulk_io import gpkg_output_path, load_on_completion, read_gpkg, whole_gpkg_layer, write_gpkg
from ..qgis_bridge import fields_with, new_field, parameter_as_field_names, source_to_frame, write_features_with_columns
from . import _screening_common as common
from .base import TuoliAlgorithm

LANGUAGES = ("en", "zh")


def interface_language() -> str:
    """'zh' under a Chinese QGIS interface (zh, zh_CN, zh-Hans…), else 'en'."""
    from ..i18n import language_for, user_locale

    return "zh" if language_for(user_locale()) == "zh-Hans" else "en"


class ScreenWellSites(TuoliAlgorithm):
    INPUT = "INPUT"
    ZONES = "ZONES"
    ZONE_GRADE_FIELD = "ZONE_GRADE_FIELD"
    ZONE_NAME_FIELD = "ZONE_NAME_FIELD"
    USE_FIELD = "USE_FIELD"
    LANGUAGE = "LANGUAGE"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"

    NAME = "screen_well_sites"
    DISPLAY_NAME = "Screen well sites (supply coverage, over-extraction zones, red line)"
    GROUP_ID = "permits"
    GROUP = "Permits and screening"
    HELP = (
        "Gives every (proposed or existing) well a verdict — prohibited, restricted or allowed — with the "
        "reason codes and the legal basis in words.\n\n"
        "Rules (from the rules file's 'screening' section): inside public supply coverage → prohibited "
        "(notice item 13: no new self-supplied wells); in a severe over-extraction zone → prohibited "
        "(section 二(三), item 7); in a general zone → restricted (item 7); in a township whose red-line quota "
        "is used up (remaining <= 0) → prohibited (item 8); otherwise allowed. Several reasons are all listed; "
        "where zones overlap the severe one names the zone. A point exactly on a boundary counts as inside; "
        "a well exactly at the coverage distance from a pipe counts as covered.\n\n"
        "INPUT: point layer of wells, any CRS. ZONES: polygons of over-extraction zones. ZONE_GRADE_FIELD "
        "(default grade): severe / general, also 严重 / 一般. ZONE_NAME_FIELD (default zone_name). "
        "SUPPLY_PIPES: public supply pipes (lines); COVERAGE_DISTANCE: metres from a pipe counted as covered "
        "(distance measured exactly, in a projected metric CRS whatever the input CRS). SUPPLY_AREAS: supply "
        "coverage polygons (covered = inside). At least one of SUPPLY_PIPES / SUPPLY_AREAS is required. "
        "TOWNSHIPS: township polygons; TOWNSHIP_NAME_FIELD (default name_zh); REMAINING_FIELD (default "
        "remaining_m3). USE_FIELD: optional field of the well's intended use; emergency supply, domestic supply "
        "without an alternative source and monitoring (Groundwater Management Regulations art. 33) make a zone "
        "ban 'restricted' (reason statutory_exception), but never inside supply coverage. LANGUAGE: language "
        "of the basis text (0 English, 1 中文; default: the QGIS interface language). RULES: rules file.\n\n"
        "Outputs: OUTPUT — every input feature exactly once with all its attributes plus verdict, reasons, "
        "basis, zone_name, zone_grade, supply_distance_m (metres to the nearest pipe; empty without pipes), "
        "in_supply_coverage, township; styled red / amber / green. A feature without geometry is kept with an "
        "empty verdict and reason no_geometry. REPORT (optional HTML): a map and the verdicts per township. "
        "Counts per verdict are logged and returned."
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Wells to screen (points)"), [QgsProcessing.TypeVectorPoint])
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.ZONES, self.tr("Over-extraction zones (polygons)"), [QgsProcessing.TypeVectorPolygon])
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.ZONE_GRADE_FIELD,
                self.tr("Zone grade field (severe / general, 严重 / 一般)"),
                "grade",
                self.ZONES,
                optional=True,  # optional so that batch calls may leave it out and get the default
            )
        )
        self.addParameter(
            QgsProcessingParameterField(self.ZONE_NAME_FIELD, self.tr("Zone name field"), "zone_name", self.ZONES, optional=True)
        )
        common.add_supply_and_township_parameters(self, with_remaining=True)
        self.addParameter(
            QgsProcessingParameterField(
                self.USE_FIELD,
                self.tr("Intended use field (for the statutory exceptions; optional)"),
                None,
                self.INPUT,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.LANGUAGE,
                self.tr("Language of the legal basis"),
                [self.tr("English"), "中文"],
                defaultValue=LANGUAGES.index(interface_language()),  # a Chinese QGIS gets the Chinese basis
            )
        )
        self.add_rules_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Screened wells"), QgsProcessing.TypeVectorPoint))
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.REPORT,
                self.tr("Screening report (HTML)"),
                self.tr("HTML files (*.html)"),
                optional=True,
                createByDefault=False,
            )
        )
        for verdict in ("prohibited", "restricted", "allowed", "no_geometry"):
            self.addOutput(QgsProcessingOutputNumber(f"COUNT_{verdict.upper()}", self.tr(f"Wells {verdict}")))

    def compute(self, parameters, context, feedback):
        from ..engine.screening import OUTPUT_COLUMNS, screen_points, verdict_counts

        source = self.required_source(parameters, self.INPUT, context)
        wells_label = self.layer_label(parameters, self.INPUT, source)
        common.require_points(source, wells_label, self.INPUT)
        zones_source = self.required_source(parameters, self.ZONES, context)
        zones_label = self.layer_label(parameters, self.ZONES, zones_source)
        grade_field = common.field_value(self, parameters, self.ZONE_GRADE_FIELD, context, "grade")
        name_field = common.field_value(self, parameters, self.ZONE_NAME_FIELD, context, "zone_name")
        if name_field not in zones_source.fields().names() and not parameters.get(self.ZONE_NAME_FIELD):
            name_field = None  # the default name field is optional: zones may be unnamed
        if grade_field not in zones_source.fields().names():
            raise QgsProcessingException(
                self.tr(
                    "Layer '{layer}' has no field '{field}' (ZONE_GRADE_FIELD, the zone grade severe / general). "
                    "Its fields are: {fields}. Choose the grade field."
                ).format(layer=zones_label, field=grade_field, fields=", ".join(zones_source.fields().names()) or "(none)")
            )
        use_field = (parameter_as_field_names(self, parameters, self.USE_FIELD, context) or [None])[0]
        language = LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)]

        feedback.setProgressText(self.tr("Reading and preparing the layers…"))
        zones = source_to_frame(zones_source, zones_label, field_names=[f for f in (grade_field, name_field) if f], feedback=feedback)
        prepared = common.prepare_from_parameters(
            self,
            parameters,
            context,
            feedback,
            zones_frame=zones,
            zone_grade_field=grade_field,
            zone_name_field=name_field,
            zones_label=zones_label,
            with_remaining=True,
        )
        prepared.layer_names["wells"] = wells_label
        if feedback.isCanceled():
            raise QgsProcessingException(self.tr("Screening cancelled by the user; no output was written."))
        # A whole GeoPackage layer into a new .gpkg file goes in and out in bulk (see bulk_io); the
        # feature-by-feature path serves every other kind of input and output.
        bulk_input = whole_gpkg_layer(parameters, self.INPUT, context)
        bulk_output = gpkg_output_path(parameters, self.OUTPUT) if bulk_input else None
        if bulk_output:
            all_wells = read_gpkg(*bulk_input, source, wells_label)
            if use_field and use_field not in all_wells.columns:
                source_to_frame(source, wells_label, field_names=[use_field])  # raises the usual 'no field' message
            wells = all_wells[[use_field, "geometry"] if use_field else ["geometry"]]
            wells.attrs.update(all_wells.attrs)
            feedback.setProgress(5)  # read in one call: one report, and a cancel point before screening
        else:
            wells = source_to_frame(source, wells_label, field_names=[use_field] if use_field else [], feedback=feedback)
        feedback.setProgressText(self.tr("Screening {n} wells…").format(n=len(wells)))
        results = screen_points(
            prepared, wells, use_field=use_field, language=language,
            is_canceled=feedback.isCanceled, progress=feedback.setProgress,
        )

        new_fields = [
            new_field("verdict", QVariant.String),
            new_field("reasons", QVariant.String),
            new_field("basis", QVariant.String),
            new_field("zone_name", QVariant.String),
            new_field("zone_grade", QVariant.String),
            *common.common_output_fields(),
        ]
        replaced = [f.name() for f in source.fields() if f.name().lower() in set(OUTPUT_COLUMNS)]
        if replaced:
            feedback.pushWarning(
                self.tr("Layer '{layer}' already has field(s) {fields}; the output replaces them with this run's values.").format(
                    layer=wells_label, fields=", ".join(replaced)
                )
            )
        feedback.setProgressText(self.tr("Writing the output…"))
        if bulk_output:
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Screening cancelled by the user; no output was written."))
            kept = [c for c in all_wells.columns if c.lower() not in set(OUTPUT_COLUMNS)]
            output = all_wells[kept].copy()
            for name in results.columns:
                output[name] = results[name].to_numpy()
            # A yes/no field with nulls (wells without geometry), as the feature path writes it.
            output["in_supply_coverage"] = output["in_supply_coverage"].astype("boolean")
            output = output.set_geometry("geometry")
            write_gpkg(output, bulk_output)
            dest_id = bulk_output
            load_on_completion(context, parameters, self.OUTPUT, bulk_output, self.tr("Screened wells"))
        else:
            output_fields = fields_with(source.fields(), new_fields)
            sink, dest_id = self.required_sink(parameters, self.OUTPUT, context, output_fields, source.wkbType(), source.sourceCrs())
            write_features_with_columns(source, sink, output_fields, results, feedback=feedback)
        self.style_output(dest_id, "screening_verdict")

        counts = verdict_counts(results)
        feedback.pushInfo(
            self.tr("Verdicts: {p} prohibited, {r} restricted, {a} allowed, {n} without geometry (of {t} wells).").format(
                p=counts["prohibited"], r=counts["restricted"], a=counts["allowed"], n=counts["no_geometry"], t=len(results)
            )
        )
        if counts["no_geometry"]:
            feedback.pushWarning(
                self.tr("{n} well(s) have no geometry: they are kept with an empty verdict and reason no_geometry.").format(
                    n=counts["no_geometry"]
                )
            )
        outputs = {self.OUTPUT: dest_id}
        outputs.update({f"COUNT_{verdict.upper()}": count for verdict, count in counts.items()})

        report_path = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report_path:
            from ..engine.screening_report import write_screening_report

            feedback.setProgressText(self.tr("Writing the report…"))
            write_screening_report(
                report_path,
                prepared,
                wells,
                results,
                input_label=wells_label,
                language=language,
                warnings=prepared.warnings,
            )
            feedback.pushInfo(self.tr("Report written to {path}").format(path=report_path))
            outputs[self.REPORT] = report_path
        return outputs
