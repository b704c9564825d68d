"""Processing door ``tuoli_gw:supervision_report``: the annual supervision report as PDF and HTML.

Reads whichever layers and algorithm outputs the user gives (all optional), lets the engine
(``engine/report.py``) build the HTML with its figures, and prints that same document to PDF with
Qt (QTextDocument + QPrinter): Qt draws text through fontconfig, so Chinese prints with the
installed Noto CJK font. Without a CJK font a Chinese report stops with a message saying what to
install instead of printing empty boxes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from tuoli_gw_plugin.qgis_bridge import source_to_frame

from .base import TuoliAlgorithm

REPORT_LANGUAGES = ("zh", "en")  # LANGUAGE enum order: 0 中文 (default), 1 English


class SupervisionReport(TuoliAlgorithm):
    TOWNSHIPS = "TOWNSHIPS"
    TOWNSHIP_NAME_FIELD = "TOWNSHIP_NAME_FIELD"
    ZONES = "ZONES"
    ZONE_GRADE_FIELD = "ZONE_GRADE_FIELD"
    SUPPLY_AREAS = "SUPPLY_AREAS"
    SUPPLY_PIPES = "SUPPLY_PIPES"
    COVERAGE_DISTANCE = "COVERAGE_DISTANCE"
    WELLS = "WELLS"
    SCREENING = "SCREENING"
    BALANCE = "BALANCE"
    SURCHARGE = "SURCHARGE"
    FINDINGS = "FINDINGS"
    WATER_RIGHTS = "WATER_RIGHTS"
    YEAR = "YEAR"
    LANGUAGE = "LANGUAGE"
    OUTPUT_PDF = "OUTPUT_PDF"
    OUTPUT_HTML = "OUTPUT_HTML"

    NAME = "supervision_report"
    DISPLAY_NAME = "Annual supervision report (PDF / HTML)"
    GROUP_ID = "reports"
    GROUP = "Reports"
    HELP = (
        "Writes the annual groundwater supervision report of Toli County as a PDF (and optionally an HTML "
        "page) that a water bureau can hand on: a county map with the over-extraction zones, public "
        "supply-network coverage and the wells coloured by screening verdict; the total-use red line per "
        "township; abstraction against allowable abstraction per township with the cut needed to reach "
        "abstraction-recharge balance; fees by band of the progressive surcharge for use over plan; the "
        "compliance findings; the farm water-rights summary. Every input is optional: a section without data "
        "says so.\n\n"
        "TOWNSHIPS: township polygons (name, red_line_m3, used_m3); TOWNSHIP_NAME_FIELD (default name_zh). "
        "ZONES: over-extraction zones; ZONE_GRADE_FIELD (default grade: severe / general, 严重 / 一般). "
        "SUPPLY_AREAS, SUPPLY_PIPES: public supply coverage; COVERAGE_DISTANCE: metres around the pipes "
        "(default from the rules file). SCREENING: the OUTPUT of 'Screen well sites' (wells with a verdict); or "
        "WELLS: wells to screen here with the same engine (needs ZONES and a supply layer; else they are drawn "
        "unscreened); given with SCREENING, WELLS are drawn in grey under the screened wells (e.g. the existing wells "
        "under the year's applications). BALANCE: OUTPUT of 'Abstraction against recharge'. SURCHARGE: OUTPUT (or OUTPUT_SUMMARY) "
        "of 'Progressive surcharge'. FINDINGS: OUTPUT of 'Compliance audit'. WATER_RIGHTS: OUTPUT_TOWNSHIPS (or "
        "OUTPUT) of 'Farm water rights'. YEAR: the year the report covers. LANGUAGE: 0 Chinese (default), 1 "
        "English. RULES: rules file.\n\n"
        "Outputs: OUTPUT_PDF (A4, Chinese glyphs from an installed CJK font such as Noto Sans CJK SC; without "
        "one a Chinese report stops and says to install fonts-noto-cjk) and OUTPUT_HTML (one self-contained "
        "page, figures embedded).\n\n"
        "Legal basis: notice 托政发规〔2024〕3号 items 7–13, 16 and 18 (section 二(三) for the severe "
        "over-extraction areas 阿克别里斗乡 and 多拉特乡); grading after GB/T 34968-2017."
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        polygon, point, any_layer = [QgsProcessing.TypeVectorPolygon], [QgsProcessing.TypeVectorPoint], [QgsProcessing.TypeVector]
        self.addParameter(QgsProcessingParameterFeatureSource(self.TOWNSHIPS, self.tr("Townships (polygons)"), polygon, optional=True))
        self.addParameter(
            QgsProcessingParameterField(self.TOWNSHIP_NAME_FIELD, self.tr("Township name field"), "name_zh", self.TOWNSHIPS, optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.ZONES, self.tr("Over-extraction zones (polygons)"), polygon, optional=True)
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.ZONE_GRADE_FIELD, self.tr("Zone grade field (severe / general, 严重 / 一般)"), "grade", self.ZONES, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.SUPPLY_AREAS, self.tr("Supply coverage areas (polygons)"), polygon, optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SUPPLY_PIPES, self.tr("Public supply pipes (lines)"), [QgsProcessing.TypeVectorLine], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.COVERAGE_DISTANCE,
                self.tr("Coverage distance from a pipe (metres; empty = rules file default)"),
                QgsProcessingParameterNumber.Double,
                optional=True,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SCREENING, self.tr("Screened wells (output of Screen well sites)"), point, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.WELLS, self.tr("Wells (screened here when no screened wells are given, else drawn in grey)"), point, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BALANCE, self.tr("Abstraction against recharge (output of the balance algorithm)"), any_layer, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.SURCHARGE, self.tr("Fees (output of Progressive surcharge)"), any_layer, optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.FINDINGS, self.tr("Compliance findings (output of Compliance audit)"), any_layer, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.WATER_RIGHTS, self.tr("Water rights (output of Farm water rights)"), any_layer, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.YEAR,
                self.tr("Year of the report"),
                QgsProcessingParameterNumber.Integer,
                minValue=1990,
                maxValue=2100,
                optional=True,  # empty: the last full calendar year, the one an annual report covers
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.LANGUAGE, self.tr("Report language"), [self.tr("Chinese (中文)"), self.tr("English")], defaultValue=0
            )
        )
        self.add_rules_parameter()
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT_PDF, self.tr("Report (PDF)"), self.tr("PDF files (*.pdf)")))
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_HTML, self.tr("Report (HTML)"), self.tr("HTML files (*.html)"), optional=True, createByDefault=False
            )
        )
        self.addOutput(QgsProcessingOutputString("TITLE", self.tr("Report title")))

    # -- reading ----------------------------------------------------------------------------------
    def _frame(self, parameters, name: str, context, feedback, *, geometry: bool = True):
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            if parameters.get(name) not in (None, ""):
                raise QgsProcessingException(self.invalidSourceError(parameters, name))
            return None, ""
        label = self.layer_label(parameters, name, source)
        with_geometry = geometry and source.wkbType() not in (0, 100)  # QgsWkbTypes.Unknown / NoGeometry
        return source_to_frame(source, label, with_geometry=with_geometry, feedback=feedback), label

    def compute(self, parameters, context, feedback) -> dict[str, Any]:
        from tuoli_gw_plugin.engine.report import ReportInputs, build_report

        rules = self.rules(parameters, context)
        language = REPORT_LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)]
        year = self.parameterAsInt(parameters, self.YEAR, context) or dt.date.today().year - 1
        inputs = ReportInputs(
            township_name_field=self.parameterAsString(parameters, self.TOWNSHIP_NAME_FIELD, context) or "name_zh",
            zone_grade_field=self.parameterAsString(parameters, self.ZONE_GRADE_FIELD, context) or "grade",
        )
        distance = parameters.get(self.COVERAGE_DISTANCE)
        inputs.coverage_distance_m = (
            self.parameterAsDouble(parameters, self.COVERAGE_DISTANCE, context)
            if distance not in (None, "")
            else rules.value("screening", "default_coverage_distance_m")
        )
        feedback.setProgressText(self.tr("Reading the layers…"))
        for attribute, name in (
            ("townships", self.TOWNSHIPS),
            ("zones", self.ZONES),
            ("supply_areas", self.SUPPLY_AREAS),
            ("supply_pipes", self.SUPPLY_PIPES),
            ("wells", self.SCREENING),
            ("balance", self.BALANCE),
            ("surcharge", self.SURCHARGE),
            ("findings", self.FINDINGS),
            ("water_rights", self.WATER_RIGHTS),
        ):
            frame, label = self._frame(parameters, name, context, feedback)
            setattr(inputs, attribute, frame)
            if frame is not None:
                inputs.labels[attribute] = label
                inputs.parameters[attribute] = name
            if feedback.isCanceled():
                return {}
        if inputs.wells is not None and "verdict" not in inputs.wells.columns:
            raise QgsProcessingException(
                self.tr(
                    "Layer '{layer}' (SCREENING) has no field 'verdict': give the OUTPUT of Screen well sites, or pass the wells as WELLS."
                ).format(layer=inputs.labels.get("wells", ""))
            )
        wells, wells_label = self._frame(parameters, self.WELLS, context, feedback)
        if wells is not None and inputs.wells is not None:  # screened applications over the existing wells
            inputs.existing_wells = wells
            inputs.labels["existing_wells"] = wells_label
            inputs.parameters["existing_wells"] = self.WELLS
        elif wells is not None:
            inputs.wells = self._screen(wells, wells_label, inputs, rules, feedback)
            inputs.labels["wells"] = wells_label
            inputs.parameters["wells"] = self.WELLS

        feedback.setProgressText(self.tr("Building the report…"))
        document = build_report(inputs, rules, year=year, language=language)
        for warning in document.warnings:
            feedback.pushWarning(warning)
        outputs: dict[str, Any] = {"TITLE": document.title}
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            Path(html_path).parent.mkdir(parents=True, exist_ok=True)
            Path(html_path).write_text(document.html(embed_figures=True), encoding="utf-8")
            outputs[self.OUTPUT_HTML] = html_path
            feedback.pushInfo(self.tr("HTML report written to {path}").format(path=html_path))
        pdf_path = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        if pdf_path:
            feedback.setProgressText(self.tr("Printing the PDF…"))
            print_pdf(document, pdf_path, language)
            outputs[self.OUTPUT_PDF] = pdf_path
            feedback.pushInfo(self.tr("PDF report written to {path}").format(path=pdf_path))
        return outputs

    def _screen(self, wells, label: str, inputs, rules, feedback):
        """Verdicts for raw wells with the screening engine, when zones and supply coverage are given."""
        from tuoli_gw_plugin.engine.screening import prepare_screening, screen_points

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
        results = screen_points(prepared, wells)
        screened = wells.copy()
        screened["verdict"] = results["verdict"].to_numpy()
        return screened


def cjk_font_families() -> list[str]:
    """Font families Qt (fontconfig) can use for Simplified Chinese, best first."""
    from qgis.PyQt.QtGui import QFontDatabase

    families = QFontDatabase().families(QFontDatabase.SimplifiedChinese)
    preferred = [f for f in families if f.startswith(("Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans CJK"))]
    return preferred + [f for f in families if f not in preferred]


def print_pdf(document, path: str, language: str) -> None:
    """Print the report's HTML to an A4 PDF with Qt, figures handed over as document resources."""
    from qgis.PyQt.QtCore import QMarginsF, QSizeF, QUrl
    from qgis.PyQt.QtGui import QFont, QFontDatabase, QImage, QPageLayout, QPageSize, QTextDocument
    from qgis.PyQt.QtPrintSupport import QPrinter

    families = cjk_font_families()
    if not families and language == "zh":
        raise QgsProcessingException(
            "No font with Chinese glyphs is installed for Qt, so the Chinese PDF would print empty boxes. Install the "
            "Noto CJK fonts (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk) and run again, or choose LANGUAGE = English."
        )
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait, QMarginsF(15, 15, 15, 15), QPageLayout.Millimeter))
    printer.setDocName(document.title)
    printer.setCreator("tuoli_gw_plugin")
    from tuoli_gw_plugin.engine.report import FONT_FAMILIES

    installed = set(QFontDatabase().families())
    latin = [f for f in FONT_FAMILIES["en"] if f in installed]
    text = QTextDocument()
    # The default font of text the CSS does not reach; Chinese falls back to the CJK font.
    font = QFont(families[0] if language == "zh" and families else (latin or families or ["Sans Serif"])[0])
    font.setPointSizeF(9.5)
    text.setDefaultFont(font)
    for name, png in document.figures.items():
        text.addResource(QTextDocument.ImageResource, QUrl(name), QImage.fromData(png, "PNG"))
    text.setHtml(document.html(embed_figures=False))
    # Lay the text out on the printable width at screen resolution; print_ scales it to the printer.
    page = printer.pageLayout().paintRectPoints()
    text.setPageSize(QSizeF(page.width() * 96 / 72, page.height() * 96 / 72))
    text.print_(printer)
    del printer  # closes the file
    from tuoli_gw_plugin.engine.report import repair_pdf_text_mapping

    pdf = Path(path)
    pdf.write_bytes(repair_pdf_text_mapping(pdf.read_bytes()))
