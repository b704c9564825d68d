"""Processing door ``tuoli_gw:screen_well_sites``: a verdict per proposed well, with reasons and legal basis.

Reads the parameters, converts the layers with ``qgis_io.frames``, lets the screening engine decide
(notice 托政发规〔2024〕3号 items 13, 7 (section 二(一)) and 8 and section 二(三); exceptions of the Groundwater Management
Regulations) and writes every input feature once with the verdict fields, styled by
verdict, plus an optional HTML report with a map and the verdicts per township.
"""

from __future__ import annotations

from tuoli_gw_plugin.qgis_io.bulk_io import gpkg_output_path, load_on_completion, read_gpkg, whole_gpkg_layer, write_gpkg
from tuoli_gw_plugin.qgis_io.frames import source_to_frame
from tuoli_gw_plugin.qgis_io.layer_words import present_values

from . import _screening_common as common
from ._declarations import PERMITS, POINTS, POLYGONS, RULES, Field, FileOut, Layer, Result, Sink, language
from .base import TuoliAlgorithm

VERDICTS = ("prohibited", "restricted", "allowed", "outside", "no_geometry")


class ScreenWellSitesAlgorithm(TuoliAlgorithm):
    """Gives every (proposed or existing) well a verdict — prohibited, restricted or allowed — with the reason codes
    and the legal basis in words.

    Rules (from the rules file's 'screening' section): a self-supplied well (自备井: the register's own yes/no field,
    else the use by the rules file's lists) inside public supply coverage → prohibited (notice item 13: no new
    self-supplied wells; a well of another kind there is told item 13 does not apply to it); in a severe
    over-extraction zone → prohibited (section 二(三), item 7); in a general zone → restricted (item 7); in a township
    whose red-line quota is used up (remaining ≤ 0) → prohibited (item 8); a requested volume above what the township's
    quota leaves → restricted (item 8; with requests the wells are one batch, judged together in order of date, then
    id); otherwise allowed — but outside the mapped area (outside every township or, without TOWNSHIPS, outside the extent of
    the zones and supply layers) there is no verdict: 'outside' with reason outside_mapped_area, never an all-clear.
    Several reasons are all listed; where zones overlap the severe one names the zone. A point
    exactly on a boundary counts as inside; a well exactly at the coverage distance from a pipe counts as covered.
    """

    NAME = "screen_well_sites"
    DISPLAY_NAME = "Screen well sites (supply coverage, over-extraction zones, red line)"
    GROUP_ID, GROUP = PERMITS
    PARAMETERS = (
        Layer("INPUT", "Wells to screen (points)", "Any CRS.", geometry=(POINTS,), sample="well_applications"),
        Layer("ZONES", "Over-extraction zones (polygons)", geometry=(POLYGONS,), sample="overextraction_zones"),
        Field("ZONE_GRADE_FIELD", "Zone grade field (severe / general, 严重 / 一般)", parent="ZONES", default="grade"),
        Field("ZONE_NAME_FIELD", "Zone name field", parent="ZONES", default="zone_name", when_absent="the zones are unnamed"),
        *common.SUPPLY_AND_TOWNSHIPS_WITH_REMAINING,
        common.USE_FIELD,
        common.SELF_SUPPLIED_FIELD,
        Field(
            "REQUESTED_FIELD", "Requested volume field (m³/a; optional)",
            "Item 8: a request larger than the township's remaining red-line quota is 'restricted' (reason "
            "request_over_remaining_quota).",
            parent="INPUT", default="requested_m3", numeric=True,
            when_absent="requests are not compared with the township's remaining quota",
        ),
        common.DATE_FIELD,
        Field(
            "ID_FIELD", "Application id field (orders the batch after the date)", parent="INPUT", default="app_id",
            when_absent="applications without a date are judged in the layer's order",
        ),
        language(
            "Language of the legal basis", follow_interface=True,
            help_text="The language of the basis text; default: the QGIS interface language.",
        ),
        RULES,
        Sink(
            "OUTPUT", "Screened wells",
            "Every input feature exactly once with all its attributes plus verdict, reasons, basis, zone_name, "
            "zone_grade, supply_distance_m (metres to the nearest pipe; empty without pipes), in_supply_coverage "
            "and township; styled red / amber / green. A feature without geometry is kept with an empty verdict "
            "and reason no_geometry.",
            geometry=POINTS,
        ),
        FileOut(
            "REPORT", "Screening report (HTML)", "A map and the verdicts per township.",
            optional=True, file_filter="HTML files (*.html)", create_by_default=False,
        ),
    )
    RESULTS = (
        Result("COUNT_PROHIBITED", "Wells prohibited"),
        Result("COUNT_RESTRICTED", "Wells restricted"),
        Result("COUNT_ALLOWED", "Wells allowed"),
        Result("COUNT_OUTSIDE", "Wells outside the mapped area (no verdict)"),
        Result("COUNT_NO_GEOMETRY", "Wells without geometry"),
    )

    def compute(self, parameters, context, feedback):
        from tuoli_gw_plugin.engine.screening.well_sites import SCREENING_COLUMNS, batch_order, output_table, screen_points, verdict_counts

        source, wells_label = self.source(parameters, "INPUT", context)
        common.require_points(source, wells_label, "INPUT")
        use_field = self.field(parameters, "USE_FIELD", context, feedback)
        requested_field, self_supplied_field, date_field, id_field = self.fields(
            parameters, context, feedback, "REQUESTED_FIELD", "SELF_SUPPLIED_FIELD", "DATE_FIELD", "ID_FIELD"
        )
        language = self.choice(parameters, "LANGUAGE", context)
        prepared = common.prepare_with_zones(self, parameters, context, feedback, wells_label=wells_label)
        self.stop_if_cancelled(feedback)
        # A whole GeoPackage layer into a new .gpkg file goes in and out in bulk (see bulk_io); the
        # feature-by-feature path serves every other kind of input and output.
        bulk_input = whole_gpkg_layer(parameters, "INPUT", context)
        bulk_output = gpkg_output_path(parameters, "OUTPUT") if bulk_input else None
        own_fields = list(dict.fromkeys(f for f in (use_field, requested_field, self_supplied_field, date_field, id_field) if f))
        all_wells, wells = self._read_wells(source, wells_label, own_fields, bulk_input, bulk_output, feedback)
        feedback.setProgressText(self.tr("Screening {n} wells…").format(n=len(wells)))
        order = batch_order(wells, date_field=date_field, id_field=id_field, layer=wells_label) if requested_field else None
        results = screen_points(
            prepared, wells, use_field=use_field, requested_field=requested_field, self_supplied_field=self_supplied_field,
            order=order, id_field=id_field, language=language, is_canceled=feedback.isCanceled, progress=feedback.setProgress,
        )
        feedback.setProgressText(self.tr("Writing the output…"))
        if bulk_output:
            self.stop_if_cancelled(feedback)
            self.warn_replaced(feedback, source, wells_label, SCREENING_COLUMNS)
            output = output_table(all_wells, results)
            write_gpkg(output, bulk_output)
            dest_id, present = bulk_output, present_values(output)
            load_on_completion(context, parameters, "OUTPUT", bulk_output, self.tr("Screened wells"))
        else:
            dest_id = self.write_with_columns(parameters, "OUTPUT", context, feedback, source, wells_label, SCREENING_COLUMNS, results)
            present = None
        self.style_output(dest_id, "screening_verdict", present)

        counts = verdict_counts(results)
        self._log_counts(feedback, counts, results)
        outputs = {"OUTPUT": dest_id, **{f"COUNT_{verdict.upper()}": counts[verdict] for verdict in VERDICTS}}
        report_path = self.parameterAsFileOutput(parameters, "REPORT", context)
        if report_path:
            from tuoli_gw_plugin.engine.documents.screening_report import write_screening_report

            feedback.setProgressText(self.tr("Writing the report…"))
            write_screening_report(
                report_path, prepared, wells, results, input_label=wells_label, language=language, warnings=prepared.warnings
            )
            feedback.pushInfo(self.tr("Report written to {path}").format(path=report_path))
            outputs["REPORT"] = report_path
        return outputs

    def _read_wells(self, source, wells_label: str, own_fields: list[str], bulk_input, bulk_output, feedback):
        """(every column of the layer when it is read in bulk, else None; the wells with the fields screening reads)."""
        if not bulk_output:
            return None, source_to_frame(source, wells_label, field_names=own_fields, feedback=feedback)
        all_wells = read_gpkg(*bulk_input, source, wells_label)
        if any(f not in all_wells.columns for f in own_fields):
            source_to_frame(source, wells_label, field_names=own_fields)  # raises the usual 'no field' message
        wells = all_wells[[*own_fields, "geometry"]]
        wells.attrs.update(all_wells.attrs)
        feedback.setProgress(5)  # read in one call: one report, and a cancel point before screening
        return all_wells, wells

    def _log_counts(self, feedback, counts: dict[str, int], results) -> None:
        """The verdicts in the log, and a warning for each kind of well whose verdict says less than it seems."""
        feedback.pushInfo(
            self.tr("Verdicts: {p} prohibited, {r} restricted, {a} allowed, {n} without geometry (of {t} wells).").format(
                p=counts["prohibited"], r=counts["restricted"], a=counts["allowed"], n=counts["no_geometry"], t=len(results)
            )
        )
        if counts["outside"]:
            feedback.pushWarning(
                self.tr(
                    "{n} well(s) lie outside the mapped area (outside every township, or outside the extent of the zones "
                    "and supply layers): verdict 'outside', no verdict given. Check their location or screen them with "
                    "layers that cover them."
                ).format(n=counts["outside"])
            )
        unknown_in_coverage = int(((results["well_type"] == "unknown") & (results["in_supply_coverage"] == True)).sum())  # noqa: E712
        if unknown_in_coverage:
            feedback.pushWarning(
                self.tr(
                    "{n} well(s) inside supply coverage have no known type (SELF_SUPPLIED_FIELD and USE_FIELD empty, or a use "
                    "the rules file does not list): item 13 bans new self-supplied wells only, so they are 'restricted' until "
                    "their type is established."
                ).format(n=unknown_in_coverage)
            )
        unchecked = int((results["red_line_checked"] == False).sum())  # noqa: E712
        if unchecked:
            feedback.pushWarning(
                self.tr(
                    "Red line not checked for {n} well(s): no township with a remaining quota (TOWNSHIPS / REMAINING_FIELD) covers "
                    "them. Their verdicts say nothing about item 8."
                ).format(n=unchecked)
            )
        if counts["no_geometry"]:
            feedback.pushWarning(
                self.tr("{n} well(s) have no geometry: they are kept with an empty verdict and reason no_geometry.").format(
                    n=counts["no_geometry"]
                )
            )
