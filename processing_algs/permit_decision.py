"""Processing door ``tuoli_gw:permit_decision``: one signed-ready decision document (PDF and HTML) per well application.

Reads the parameters, converts the layers with ``qgis_io.frames``, prepares the screening engine exactly as
``screen_well_sites`` does (same parameters, same verdict), lets ``engine/permit/decision.py`` add the red-line
check and the Theis interference and ``engine/documents/permit_document.py`` write each document; prints the PDF with the
plugin's Qt printer (``qgis_io.pdf``). Files go into OUTPUT_FOLDER, named after the application id.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qgis.core import QgsProcessingException

from tuoli_gw_plugin.engine.permit.theis import (
    DEFAULT_RADIUS_M,
    DEFAULT_STORATIVITY,
    DEFAULT_TRANSMISSIVITY_M2_PER_DAY,
)
from tuoli_gw_plugin.qgis_io.frames import source_to_frame
from tuoli_gw_plugin.qgis_io.pdf import print_pdf

from . import _screening_common as common
from ._declarations import PERMITS, POINTS, POLYGONS, RULES, Distance, Field, FolderOut, Layer, Number, Result, Sink, Text, language
from .base import TuoliAlgorithm


class PermitDecisionAlgorithm(TuoliAlgorithm):
    """Writes the decision document a permit reviewer signs, one per well application (one point or a whole layer):
    the verdict with every reason and its clause quoted from the rules file (notice 托政发规〔2024〕3号 item 13,
    section 二(三) and item 7, item 8); the township's remaining red-line quota against the requested volume (or 'red
    line not checked'); the distance to the nearest public supply pipe; the over-extraction zone; a map extract; the
    drawdown the new well would cause at the existing wells within a radius (Theis); and a signature block (reviewer,
    date, seal). PDF and HTML, Chinese by default.

    The verdict is the one Screen well sites and the Check well site panel give (the same engine, parameters and
    defaults). The applications are one batch, judged together in order of application date (DATE_FIELD), else id:
    each takes its request from its township's remaining quota, a later one is compared with what the earlier ones
    leave, and one prohibited on other grounds takes nothing. The interference is information for the reviewer, not a
    verdict the notice gives: s = Q/(4πT)·W(u), u = r²S/(4Tt), with Q = requested volume / pumping days (the year's
    volume pumped evenly over the pumping period of its use, or PUMPING_DAYS) and t = the pumping days; the drawdowns
    of every application that may be approved are added at each pumping existing well and at the other applications
    (superposition), and wells whose total is above the rules file's permit_decision.affected_drawdown_m (an
    assumption) are listed as affected. Stopped, deregistered and sealed wells are no interfered wells.
    """

    NAME = "permit_decision"
    DISPLAY_NAME = "Permit decision documents (PDF / HTML, one per application)"
    GROUP_ID, GROUP = PERMITS
    PARAMETERS = (
        Layer("INPUT", "Well applications (points)", "One decision per feature.", geometry=(POINTS,), sample="well_applications"),
        Field("ID_FIELD", "Application id field", "Names the decision and its files; must be unique.", parent="INPUT", default="app_id"),
        Field(
            "REQUESTED_FIELD",
            "Requested volume field (m³/a)",
            "Compared with the township's remaining red-line quota (item 8) and turned into the pumping rate of the interference.",
            parent="INPUT",
            default="requested_m3",
            numeric=True,
        ),
        common.USE_FIELD,
        common.SELF_SUPPLIED_FIELD,
        common.DATE_FIELD,
        Field("APPLICANT_FIELD", "Applicant field", parent="INPUT", default="applicant", when_absent="the documents name no applicant"),
        Layer("ZONES", "Over-extraction zones (polygons)", geometry=(POLYGONS,), sample="overextraction_zones"),
        Field("ZONE_GRADE_FIELD", "Zone grade field (severe / general, 严重 / 一般)", parent="ZONES", default="grade"),
        Field("ZONE_NAME_FIELD", "Zone name field", parent="ZONES", default="zone_name", when_absent="the zones are unnamed"),
        *common.SUPPLY_AND_TOWNSHIPS_WITH_REMAINING,
        Layer(
            "EXISTING_WELLS",
            "Existing wells (points; for the interference)",
            "The drawdown is computed at each of them within RADIUS_M. Without them no interference is computed.",
            optional=True,
            geometry=(POINTS,),
            sample="wells",
        ),
        Field(
            "EXISTING_ID_FIELD",
            "Existing well id field",
            parent="EXISTING_WELLS",
            default="well_id",
            when_absent="existing wells are named by their feature id",
            unique=True,
        ),
        Field(
            "EXISTING_STATUS_FIELD",
            "Existing well status field (only pumping wells are interfered wells)",
            "Wells stopped, deregistered or sealed (the rules file's screening.closure_list.inactive_status words) are "
            "left out, and the log counts them.",
            parent="EXISTING_WELLS",
            default="status",
            when_absent="every existing well counts as pumping",
        ),
        Number(
            "TRANSMISSIVITY",
            "Aquifer transmissivity T (m²/d)",
            "A typical value for the county's alluvial aquifers; use the pump-test value. Overridden by AQUIFER.",
            default=DEFAULT_TRANSMISSIVITY_M2_PER_DAY,
            plausible=(1.0, 50_000.0),
        ),
        Number(
            "STORATIVITY",
            "Aquifer storativity S (dimensionless)",
            "About 1e-5 – 1e-3 confined, 0.01 – 0.3 unconfined. Overridden by AQUIFER.",
            default=DEFAULT_STORATIVITY,
            plausible=(1e-6, 0.4),
        ),
        Number(
            "PUMPING_DAYS",
            "Pumping period (days; empty = per use, from the rules file)",
            "The requested annual volume is pumped evenly over this period (Q = volume / days), and the drawdown is computed "
            "at its end. Empty: each application's use sets it (the rules file's permit_decision.pumping_days_by_use, an "
            "assumption: irrigation 120 days of the season, domestic and industrial all year). Given: one period for all.",
            optional=True,
            minimum=1.0,
            maximum=366.0,
        ),
        Distance(
            "RADIUS_M",
            "Interference radius (metres)",
            "Existing wells within this distance are listed.",
            default=DEFAULT_RADIUS_M,
            parent="INPUT",
            plausible=(10.0, 20_000.0),
        ),
        Layer(
            "AQUIFER",
            "Aquifer properties (polygons with T and S; optional)",
            "Where an application lies in a polygon, its T and S replace TRANSMISSIVITY and STORATIVITY.",
            optional=True,
            geometry=(POLYGONS,),
        ),
        Field("AQUIFER_T_FIELD", "Transmissivity field (m²/d)", parent="AQUIFER", default="T", numeric=True),
        Field("AQUIFER_S_FIELD", "Storativity field", parent="AQUIFER", default="S", numeric=True),
        Text("REVIEWER", "Reviewer (printed in the signature block)", optional=True),
        language("Document language", follow_interface=False, help_text="Chinese by default, English on request."),
        RULES,
        FolderOut(
            "OUTPUT_FOLDER",
            "Folder for the decision documents",
            "One PDF and one HTML file per application, named after its id (SQ-2025-001.pdf, SQ-2025-001.html; characters a "
            "file name cannot hold become _). Existing files of the same name are replaced.",
        ),
        Sink(
            "OUTPUT",
            "Decisions",
            "Every application once with all its attributes plus application_id, verdict, reasons, township, requested_m3, remaining_m3, "
            "quota_status, supply_distance_m, zone_name, wells_within_radius, affected_wells (on the batch's drawdown), "
            "max_drawdown_m (this application's own), html_path, pdf_path, well_type (self_supplied, other, unknown), "
            "taken_before_m3 (what the applications judged before it took of its township's quota), pumping_days and "
            "batch_max_drawdown_m (with every application of the batch that may be approved added).",
            geometry=POINTS,
        ),
    )
    RESULTS = (
        Result("COUNT_DECISIONS", "Decisions written"),
        Result("COUNT_PROHIBITED", "Applications prohibited"),
        Result("COUNT_RESTRICTED", "Applications restricted"),
        Result("COUNT_ALLOWED", "Applications allowed"),
        Result("COUNT_OUTSIDE", "Applications outside the mapped area (no verdict)"),
    )

    def compute(self, parameters, context, feedback) -> dict[str, Any]:
        from tuoli_gw_plugin.engine.documents.permit_document import write_decision_documents
        from tuoli_gw_plugin.engine.permit.decision import DECISION_COLUMNS, decision_table

        source, label = self.source(parameters, "INPUT", context)
        common.require_points(source, label, "INPUT")
        language = self.choice(parameters, "LANGUAGE", context)
        rules = self.rules(parameters, context)
        folder = self._output_folder(parameters, context)
        prepared = common.prepare_with_zones(self, parameters, context, feedback, wells_label=label)
        batch, has_existing_wells = self._decide(parameters, context, feedback, source, label, prepared, rules, language)
        for warning in batch.warnings:
            feedback.pushWarning(warning)
        targets = self._targets(parameters, context, folder, batch)
        write_decision_documents(
            batch, prepared, rules, targets, print_pdf, language=language, reviewer=self.text(parameters, "REVIEWER", context),
            has_existing_wells=has_existing_wells, before_each=lambda: self.stop_if_cancelled(feedback), progress=feedback.setProgress,
        )
        table = decision_table(batch.decisions, [(str(html_path), str(pdf_path)) for html_path, pdf_path in targets])
        dest_id = self.write_with_columns(parameters, "OUTPUT", context, feedback, source, label, DECISION_COLUMNS, table)
        self.style_output(dest_id, "screening_verdict")

        verdicts = ("prohibited", "restricted", "allowed", "outside")
        counts = {verdict: sum(d.verdict == verdict for d in batch.decisions) for verdict in verdicts}
        feedback.pushInfo(
            self.tr(
                "{n} decision(s) written to {folder}: {p} prohibited, {r} restricted, {a} allowed, {o} outside the mapped area "
                "(no verdict)."
            ).format(
                n=len(batch.decisions), folder=folder, p=counts["prohibited"], r=counts["restricted"], a=counts["allowed"],
                o=counts["outside"],
            )
        )
        return {
            "OUTPUT": dest_id,
            "OUTPUT_FOLDER": str(folder),
            "COUNT_DECISIONS": len(batch.decisions),
            **{f"COUNT_{verdict.upper()}": count for verdict, count in counts.items()},
        }

    def _output_folder(self, parameters, context) -> Path:
        folder_text = self.parameterAsFileOutput(parameters, "OUTPUT_FOLDER", context)
        if not folder_text:
            raise QgsProcessingException(self.tr("OUTPUT_FOLDER: choose a folder for the decision documents."))
        return Path(folder_text)

    def _decide(self, parameters, context, feedback, source, label, prepared, rules, language):
        """The engine's decisions on the applications, with the existing wells and aquifer the user gave; and whether
        existing wells were given."""
        from tuoli_gw_plugin.engine.permit.decision import TheisSettings, decide_permits, prepare_aquifer

        id_field, requested_field, use_field, applicant_field, self_supplied_field, date_field = self.fields(
            parameters, context, feedback, "ID_FIELD", "REQUESTED_FIELD", "USE_FIELD", "APPLICANT_FIELD", "SELF_SUPPLIED_FIELD",
            "DATE_FIELD",
        )
        settings = TheisSettings(
            self.parameterAsDouble(parameters, "TRANSMISSIVITY", context),
            self.parameterAsDouble(parameters, "STORATIVITY", context),
            self.number(parameters, "PUMPING_DAYS", context),  # empty: each application's use sets it (rules file)
            self.parameterAsDouble(parameters, "RADIUS_M", context),
        )
        wanted = [f for f in (id_field, requested_field, use_field, applicant_field, self_supplied_field, date_field) if f]
        applications = source_to_frame(source, label, field_names=list(dict.fromkeys(wanted)), feedback=feedback)
        existing_id_field, existing_status_field = self.fields(parameters, context, feedback, "EXISTING_ID_FIELD", "EXISTING_STATUS_FIELD")
        existing, existing_label = self.optional_frame(
            parameters, "EXISTING_WELLS", context, feedback, field_names=[f for f in (existing_id_field, existing_status_field) if f]
        )
        if existing is not None:
            prepared.layer_names["existing_wells"] = existing_label
        t_field, s_field = self.field(parameters, "AQUIFER_T_FIELD", context), self.field(parameters, "AQUIFER_S_FIELD", context)
        aquifer_frame, aquifer_label = self.optional_frame(parameters, "AQUIFER", context, feedback, field_names=[t_field, s_field])
        aquifer = None
        if aquifer_frame is not None:
            aquifer = prepare_aquifer(aquifer_frame, t_field, s_field, aquifer_label, prepared.work_crs)
        self.stop_if_cancelled(feedback)
        feedback.setProgressText(self.tr("Deciding {n} applications…").format(n=len(applications)))
        batch = decide_permits(
            prepared, applications, settings, rules, id_field=id_field, requested_field=requested_field, use_field=use_field,
            applicant_field=applicant_field, existing_wells=existing, existing_id_field=existing_id_field, aquifer=aquifer,
            language=language, is_canceled=feedback.isCanceled, self_supplied_field=self_supplied_field, date_field=date_field,
            existing_status_field=existing_status_field,
        )
        return batch, existing is not None

    def _targets(self, parameters, context, folder: Path, batch) -> list[tuple[Path, Path]]:
        """(html, pdf) per decision, named after its application; never a file this run reads."""
        from tuoli_gw_plugin.engine.permit.decision import safe_file_stem

        inputs = self._input_files(parameters, context)
        targets = []
        for decision in batch.decisions:
            stem = safe_file_stem(decision.application_id)
            html_path, pdf_path = folder / f"{stem}.html", folder / f"{stem}.pdf"
            for path in (html_path, pdf_path):
                if path.resolve() in inputs:
                    raise QgsProcessingException(
                        self.tr(
                            "{path} is an input of this run; the decision of {id} would write over it. Nothing was "
                            "written; choose another OUTPUT_FOLDER."
                        ).format(path=path, id=decision.application_id)
                    )
            targets.append((html_path, pdf_path))
        return targets

    def _input_files(self, parameters, context) -> set[Path]:
        """The files the run's layers are read from: a decision must never be written over one."""
        files: set[Path] = set()
        for key in ("INPUT", "ZONES", "SUPPLY_PIPES", "SUPPLY_AREAS", "TOWNSHIPS", "EXISTING_WELLS", "AQUIFER", "RULES"):
            if parameters.get(key) in (None, ""):
                continue
            if key == "RULES":
                files.add(Path(self.parameterAsFile(parameters, key, context)).resolve())
                continue
            layer = self.parameterAsVectorLayer(parameters, key, context)
            if layer is not None:
                files.add(Path(layer.source().split("|")[0]).resolve())
        return files
