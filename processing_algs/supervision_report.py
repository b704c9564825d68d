"""Processing door ``tuoli_gw:supervision_report``: the annual supervision report as PDF and HTML.

Reads whichever layers and algorithm outputs the user gives (all optional), lets the engine
(``engine/documents/supervision_report.py``) build the HTML with its figures, and prints that same document to PDF with
the plugin's Qt printer (``qgis_io/pdf.py``: Chinese prints with the installed Noto CJK font; without a CJK font a
Chinese report stops with a message saying what to install instead of printing empty boxes).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from qgis.core import QgsProcessingException

from tuoli_gw_plugin.engine.core.output_files import write_atomically
from tuoli_gw_plugin.qgis_io.pdf import print_pdf

from . import _screening_common as common
from ._declarations import (
    ANY_LAYER,
    POINTS,
    POLYGONS,
    REPORTS,
    RULES,
    Field,
    FileOut,
    Layer,
    Number,
    Result,
    language,
)
from .base import TuoliAlgorithm

# Report section -> the parameter of the layer it draws (all optional: a section without data says so).
SECTION_LAYERS = (
    ("townships", "TOWNSHIPS"),
    ("zones", "ZONES"),
    ("supply_areas", "SUPPLY_AREAS"),
    ("supply_pipes", "SUPPLY_PIPES"),
    ("wells", "SCREENING"),
    ("balance", "BALANCE"),
    ("surcharge", "SURCHARGE"),
    ("findings", "FINDINGS"),
    ("water_rights", "WATER_RIGHTS"),
    ("reduction_plan", "REDUCTION_PLAN"),
)


class SupervisionReportAlgorithm(TuoliAlgorithm):
    """Writes the annual groundwater supervision report of Toli County as a PDF (and optionally an HTML page) that a
    water bureau can hand on: a county map with the over-extraction zones, public supply-network coverage and the
    wells coloured by screening verdict; the total-use red line per township; abstraction against allowable
    abstraction per township with the cut needed to reach abstraction-recharge balance; fees by band of the
    progressive surcharge for use over plan; the compliance findings; the farm water-rights summary; as an annex, the
    reduction plan per township (measures, and the year balance is reached). Every input is optional: a section
    without data says so.

    Legal basis: notice 托政发规〔2024〕3号 items 7–13, 16 and 18 (section 二(三) for the severe over-extraction areas 阿克别里斗乡
    and 多拉特乡); grading after GB/T 34968-2017.
    """

    NAME = "supervision_report"
    DISPLAY_NAME = "Annual supervision report (PDF / HTML)"
    GROUP_ID, GROUP = REPORTS
    PARAMETERS = (
        Layer(
            "TOWNSHIPS", "Townships (polygons)", "With name, red_line_m3 and used_m3.",
            optional=True, geometry=(POLYGONS,), sample="townships",
        ),
        common.TOWNSHIP_NAME_FIELD,
        Layer("ZONES", "Over-extraction zones (polygons)", optional=True, geometry=(POLYGONS,), sample="overextraction_zones"),
        Field("ZONE_GRADE_FIELD", "Zone grade field (severe / general, 严重 / 一般)", parent="ZONES", default="grade"),
        common.SUPPLY_AREAS,
        common.SUPPLY_PIPES,
        common.COVERAGE_DISTANCE_OR_RULES,
        Layer("SCREENING", "Screened wells (output of Screen well sites)", "Wells with a verdict.", optional=True, geometry=(POINTS,)),
        Layer(
            "WELLS", "Wells (screened here when no screened wells are given, else drawn in grey)",
            "Screened here with the same engine when zones and a supply layer are given (else drawn unscreened); "
            "given with screened wells, they are drawn in grey under them (e.g. the existing wells under the "
            "year's applications).",
            optional=True, geometry=(POINTS,), sample="wells",
        ),
        Layer("BALANCE", "Abstraction against recharge (output of the balance algorithm)", optional=True, geometry=(ANY_LAYER,)),
        Layer(
            "SURCHARGE", "Fees (output of Progressive surcharge)", "Its accounts output or its summary table.",
            optional=True, geometry=(ANY_LAYER,),
        ),
        Layer("FINDINGS", "Compliance findings (output of Compliance audit)", optional=True, geometry=(ANY_LAYER,)),
        Layer(
            "WATER_RIGHTS", "Water rights (output of Farm water rights)", "Its per-township output (or per parcel).",
            optional=True, geometry=(ANY_LAYER,),
        ),
        Layer(
            "REDUCTION_PLAN", "Reduction plan (output of Reduction plan, per township)",
            "Its OUTPUT_TOWNSHIPS; rendered as an annex: the measures per township and the year balance is reached.",
            optional=True, geometry=(ANY_LAYER,),
        ),
        Number(
            "YEAR", "Year of the report", "Empty: the last full calendar year, the one an annual report covers.",
            optional=True, minimum=1990, maximum=2100, integer=True,
        ),
        language("Report language", follow_interface=False, help_text="Chinese by default, English on request."),
        RULES,
        FileOut(
            "OUTPUT_PDF", "Report (PDF)",
            "A4; Chinese glyphs from an installed CJK font such as Noto Sans CJK SC (without one a Chinese report "
            "stops and says to install fonts-noto-cjk).",
            file_filter="PDF files (*.pdf)",
        ),
        FileOut(
            "OUTPUT_HTML", "Report (HTML)", "One self-contained page, figures embedded.",
            optional=True, file_filter="HTML files (*.html)", create_by_default=False,
        ),
    )
    RESULTS = (Result("TITLE", "Report title", text=True),)

    def compute(self, parameters, context, feedback) -> dict[str, Any]:
        from tuoli_gw_plugin.engine.documents.supervision_report import build_report

        rules = self.rules(parameters, context)
        language = self.choice(parameters, "LANGUAGE", context)
        year = self.parameterAsInt(parameters, "YEAR", context) or dt.date.today().year - 1
        inputs = self._read_inputs(parameters, context, feedback, rules)
        if not inputs.labels:
            feedback.pushWarning(
                self.tr(
                    "No layer was given: every section of the report will say 'not provided'. Give at least one of {keys} "
                    "(each fills its section)."
                ).format(keys=", ".join([key for _, key in SECTION_LAYERS] + ["WELLS"]))
            )
        feedback.setProgressText(self.tr("Building the report…"))
        document = build_report(inputs, rules, year=year, language=language)
        for warning in document.warnings:
            feedback.pushWarning(warning)
        outputs: dict[str, Any] = {"TITLE": document.title}
        html_path = self.parameterAsFileOutput(parameters, "OUTPUT_HTML", context)
        if html_path:
            page = document.html(embed_figures=True)
            write_atomically(html_path, lambda temporary: temporary.write_text(page, encoding="utf-8"), layer_label="OUTPUT_HTML")
            outputs["OUTPUT_HTML"] = html_path
            feedback.pushInfo(self.tr("HTML report written to {path}").format(path=html_path))
        pdf_path = self.parameterAsFileOutput(parameters, "OUTPUT_PDF", context)
        if pdf_path:
            feedback.setProgressText(self.tr("Printing the PDF…"))
            print_pdf(document, pdf_path, language)
            outputs["OUTPUT_PDF"] = pdf_path
            feedback.pushInfo(self.tr("PDF report written to {path}").format(path=pdf_path))
        return outputs

    def _read_inputs(self, parameters, context, feedback, rules):
        """The layers of every section the user gave; raw WELLS are screened here (or drawn under the screened ones)."""
        from tuoli_gw_plugin.engine.documents.supervision_report import ReportInputs

        inputs = ReportInputs(
            township_name_field=self.field(parameters, "TOWNSHIP_NAME_FIELD", context, feedback),
            zone_grade_field=self.field(parameters, "ZONE_GRADE_FIELD", context, feedback),
        )
        distance = self.number(parameters, "COVERAGE_DISTANCE", context)
        inputs.coverage_distance_m = distance if distance is not None else rules.value("screening", "default_coverage_distance_m")
        feedback.setProgressText(self.tr("Reading the layers…"))
        for attribute, key in SECTION_LAYERS:
            frame, label = self.optional_frame(parameters, key, context, feedback)
            setattr(inputs, attribute, frame)
            if frame is not None:
                inputs.labels[attribute] = label
                inputs.parameters[attribute] = key
            self.stop_if_cancelled(feedback)
        if inputs.wells is not None and "verdict" not in inputs.wells.columns:
            raise QgsProcessingException(
                self.tr(
                    "Layer '{layer}' (SCREENING) has no field 'verdict': give the OUTPUT of Screen well sites, or pass the wells as WELLS."
                ).format(layer=inputs.labels.get("wells", ""))
            )
        wells, wells_label = self.optional_frame(parameters, "WELLS", context, feedback)
        if wells is not None and inputs.wells is not None:  # screened applications over the existing wells
            inputs.existing_wells = wells
            inputs.labels["existing_wells"] = wells_label
            inputs.parameters["existing_wells"] = "WELLS"
        elif wells is not None:
            inputs.wells = self._screen(wells, wells_label, inputs, rules, feedback)
            inputs.labels["wells"] = wells_label
            inputs.parameters["wells"] = "WELLS"

        return inputs

    def _screen(self, wells, label: str, inputs, rules, feedback):
        """Verdicts for raw wells with the screening engine, when zones and supply coverage are given."""
        from tuoli_gw_plugin.engine.screening.well_sites import prepare_screening, screen_points

        if inputs.zones is None or (inputs.supply_pipes is None and inputs.supply_areas is None):
            feedback.pushWarning(
                self.tr(
                    "The wells of '{layer}' are drawn without verdicts: screening needs ZONES and SUPPLY_PIPES or SUPPLY_AREAS."
                ).format(layer=label)
            )
            return wells
        feedback.setProgressText(self.tr("Screening {n} wells…").format(n=len(wells)))
        prepared = prepare_screening(
            inputs.zones,
            grade_field=inputs.zone_grade_field,
            name_field=None,
            pipes=inputs.supply_pipes,
            supply_areas=inputs.supply_areas,
            coverage_distance_m=inputs.coverage_distance_m,
            townships=inputs.townships,
            township_name_field=inputs.township_name_field,
            remaining_field="remaining_m3" if inputs.townships is not None and "remaining_m3" in inputs.townships.columns else None,
            rules=rules,
            layer_names={
                "zones": inputs.labels.get("zones", "ZONES"),
                "pipes": inputs.labels.get("supply_pipes", ""),
                "areas": inputs.labels.get("supply_areas", ""),
                "townships": inputs.labels.get("townships", ""),
                "wells": label,
            },
        )
        for warning in prepared.warnings:
            feedback.pushWarning(warning)
        # The wells' own use and requested volume, when they have them (the fields screen_well_sites reads by default):
        # item 13 bans new self-supplied wells only, and a well of unknown type is not guessed.
        results = screen_points(
            prepared, wells,
            use_field="use" if "use" in wells.columns else None,
            requested_field="requested_m3" if "requested_m3" in wells.columns else None,
        )
        screened = wells.copy()
        screened["verdict"] = results["verdict"].to_numpy()
        return screened
