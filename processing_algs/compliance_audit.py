"""Processing door ``tuoli_gw:compliance_audit``: one finding per breach of the notice, per well.

Reads the well register (and, when given, the supply network and the power table), lets the
engine (:mod:`tuoli_gw_plugin.engine.audit`) check items 9, 10, 11, 13, 16 and 18 on the audit
date, and writes one styled point per finding plus an optional per-township count table.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDistance,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QVariant

from ..qgis_bridge import frame_fields, new_field, source_to_frame, write_frame
from .base import TuoliAlgorithm

# Parameter key -> (attribute of AuditFieldNames, default field name = the sample layer's, label).
WELL_FIELD_PARAMETERS = (
    ("WELL_ID_FIELD", "well_id", "well_id", "Well id field"),
    ("HAS_METER_FIELD", "has_meter", "has_meter", "Has a working meter field (yes/no) — item 9"),
    ("METERED_FIELD", "metered", "metered_m3", "Metered volume field (m³) — items 9, 10"),
    ("PERMIT_FIELD", "permit", "permit_no", "Permit number field — items 16, 18"),
    ("PERMIT_M3_FIELD", "permit_m3", "permit_m3", "Permitted volume field (m³) — item 10"),
    ("STATUS_FIELD", "status", "status", "Status field (active / stopped / deregistered)"),
    ("STOPPED_ON_FIELD", "stopped_on", "stopped_on", "Date abstraction stopped — item 11"),
    ("DEREGISTERED_ON_FIELD", "deregistered_on", "deregistered_on", "Date deregistered — item 11"),
    ("DEPTH_FIELD", "depth", "depth_m", "Drilled depth field (m) — item 11"),
    ("PERMITTED_DEPTH_FIELD", "permitted_depth", "permitted_depth_m", "Permitted depth field (m) — item 11"),
    ("SELF_SUPPLIED_FIELD", "self_supplied", "self_supplied", "Self-supplied well field (yes/no) — item 13"),
    ("ACCOUNT_FIELD", "account", "power_account", "Power account field — item 16"),
    ("KWH_FIELD", "kwh", "kwh", "kWh field of the wells (used when no POWER table) — item 16"),
    ("USE_FIELD", "use", "use", "Use field (copied to the findings)"),
    ("TOWNSHIP_FIELD", "township", "township", "Township field (summary)"),
)
OUTPUT_STRING_FIELDS = ("well_id", "finding", "notice_item", "detail", "severity", "township", "use")


class ComplianceAuditAlgorithm(TuoliAlgorithm):
    WELLS = "WELLS"
    AUDIT_DATE = "AUDIT_DATE"
    SUPPLY_PIPES = "SUPPLY_PIPES"
    COVERAGE_DISTANCE = "COVERAGE_DISTANCE"
    SUPPLY_AREAS = "SUPPLY_AREAS"
    POWER = "POWER"
    POWER_ACCOUNT_FIELD = "POWER_ACCOUNT_FIELD"
    POWER_KWH_FIELD = "POWER_KWH_FIELD"
    POWER_PERIOD_FIELD = "POWER_PERIOD_FIELD"
    PERIOD = "PERIOD"
    OUTPUT = "OUTPUT"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"

    NAME = "compliance_audit"
    DISPLAY_NAME = "Compliance audit of wells (合规检查)"
    GROUP_ID = "bookkeeping"
    GROUP = "Bookkeeping"
    HELP = (
        "Audits a well register against notice 托政发规〔2024〕3号 on an audit date and writes one "
        "point per finding: well_id, finding, notice_item, detail (a sentence for the inspector), "
        "severity, with the well's location (plus township and use).\n\n"
        "Findings (notice item and severity from the rules file's compliance section):\n"
        "• no_meter (item 9): an active well without a working meter, or with no reading.\n"
        "• over_permit (item 10): metered volume above the permitted volume.\n"
        "• no_permit (item 18): an active well without a permit number.\n"
        "• stopped_not_deregistered (item 11): abstraction stopped MORE than 30 days (rules: "
        "compliance.deregistration_deadline_days) before AUDIT_DATE and the well not deregistered. "
        "Day 30 is still within the deadline; day 31 is a finding.\n"
        "• depth_over_permit (item 11): drilled deeper than permitted.\n"
        "• self_supplied_in_coverage (item 13): a self-supplied well (not deregistered) inside "
        "public supply coverage — within COVERAGE_DISTANCE of a SUPPLY_PIPES line or inside a "
        "SUPPLY_AREAS polygon, as well-site screening defines it. Needs at least one supply layer.\n"
        "• power_without_permit (item 16): kWh > 0 and no permit; kWh from the POWER table per "
        "account when given, else from the wells' KWH_FIELD.\n\n"
        "A well is deregistered when its deregistration date is on or before AUDIT_DATE (or its "
        "status says so without a date), stopped likewise; active otherwise.\n\n"
        "Parameters: WELLS (points) and one field parameter per attribute, defaulting to the "
        "sample layer's names (well_id, has_meter, metered_m3, permit_no, permit_m3, status, "
        "stopped_on, deregistered_on, depth_m, permitted_depth_m, self_supplied, power_account, "
        "kwh, use, township). A field left at its default that the layer lacks, or set empty, "
        "skips the checks that need it (the log says which). AUDIT_DATE: empty = today; "
        "'2026-11-28' or '2026/11/28'. Date fields may hold dates or text ('2024-03-05', "
        "'2024/3/5'); anything else stops with a message naming the feature. SUPPLY_PIPES, "
        "COVERAGE_DISTANCE (m; empty = rules screening.default_coverage_distance_m), SUPPLY_AREAS, "
        "POWER with POWER_ACCOUNT_FIELD, POWER_KWH_FIELD, POWER_PERIOD_FIELD and PERIOD (as in "
        "electricity_to_water), RULES.\n\n"
        "Outputs: OUTPUT (findings, styled by severity) and OUTPUT_SUMMARY (optional table: per "
        "township findings_n and the count of each finding)."
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.WELLS, self.tr("Wells"), [QgsProcessing.TypeVectorPoint])
        )
        for key, _, default, label in WELL_FIELD_PARAMETERS:
            self.addParameter(
                QgsProcessingParameterField(key, self.tr(label), default, self.WELLS, optional=True)
            )
        self.addParameter(
            QgsProcessingParameterString(
                self.AUDIT_DATE, self.tr("Audit date (empty = today; 2026-11-28 or 2026/11/28)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SUPPLY_PIPES, self.tr("Public supply pipes (item 13)"), [QgsProcessing.TypeVectorLine], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterDistance(
                self.COVERAGE_DISTANCE,
                self.tr("Coverage distance from a pipe (empty = rules file)"),
                parentParameterName=self.SUPPLY_PIPES,
                optional=True,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SUPPLY_AREAS,
                self.tr("Public supply coverage areas (item 13)"),
                [QgsProcessing.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.POWER, self.tr("Power accounts table (item 16)"), [QgsProcessing.TypeVector], optional=True
            )
        )
        for key, label, default in (
            (self.POWER_ACCOUNT_FIELD, "Account field of the power table", "account"),
            (self.POWER_KWH_FIELD, "kWh field of the power table", "kwh"),
            (self.POWER_PERIOD_FIELD, "Period field of the power table", "period"),
        ):
            self.addParameter(QgsProcessingParameterField(key, self.tr(label), default, self.POWER, optional=True))
        self.addParameter(
            QgsProcessingParameterString(self.PERIOD, self.tr("Power period to take (empty = all rows)"), optional=True)
        )
        self.add_rules_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Compliance findings"), QgsProcessing.TypeVectorPoint)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_SUMMARY,
                self.tr("Findings per township"),
                QgsProcessing.TypeVector,
                optional=True,
                createByDefault=False,
            )
        )
        self.addOutput(QgsProcessingOutputNumber("FINDINGS_N", self.tr("Number of findings")))

    # -- parameters ---------------------------------------------------------------------------------
    def _audit_date(self, parameters: dict[str, Any], context) -> dt.date:
        from ..engine.audit import parse_audit_date

        raw = parameters.get(self.AUDIT_DATE)
        if isinstance(raw, QDateTime):
            raw = raw.date()
        if isinstance(raw, QDate):
            raw = raw.toPyDate() if raw.isValid() else None
        elif raw is not None and not isinstance(raw, (dt.date, str)):
            raw = self.parameterAsString(parameters, self.AUDIT_DATE, context)
        return parse_audit_date(raw)

    def _well_fields(self, parameters: dict[str, Any], context, available: list[str], layer: str, feedback):
        """AuditFieldNames from the parameters: a default field the layer lacks skips its checks."""
        from ..engine.audit import AuditFieldNames

        chosen: dict[str, str | None] = {}
        for key, attribute, default, _ in WELL_FIELD_PARAMETERS:
            # Absent: the default. Present but empty (a cleared field in the dialog): skip its checks.
            given = key in parameters and parameters[key] not in (None, "")
            name = self.parameterAsString(parameters, key, context) if given else default
            if key in parameters and not given:
                name = default if key == "WELL_ID_FIELD" else ""
            if key == "WELL_ID_FIELD" and name not in available:
                raise QgsProcessingException(
                    self.tr("Layer '{0}' has no field '{1}' for the well id. Its fields are: {2}.").format(
                        layer, name, ", ".join(available)
                    )
                )
            if name and name not in available:
                if given and name != default:
                    raise QgsProcessingException(
                        self.tr("Layer '{0}' has no field '{1}' ({2}). Its fields are: {3}.").format(
                            layer, name, key, ", ".join(available)
                        )
                    )
                feedback.pushWarning(
                    self.tr("Layer '{0}' has no field '{1}' ({2}): the checks that need it are skipped.").format(
                        layer, name, key
                    )
                )
                name = ""
            chosen[attribute] = name or None
        return AuditFieldNames(**chosen)

    def _optional_frame(self, parameters, key: str, context, feedback, with_geometry: bool, field_names=None):
        source = self.parameterAsSource(parameters, key, context)
        if source is None:
            return None, ""
        label = self.layer_label(parameters, key, source, key.lower())
        return (
            source_to_frame(source, label, field_names=field_names, with_geometry=with_geometry, feedback=feedback),
            label,
        )

    @staticmethod
    def _write_findings(wells, well_frame, findings, sink, output_fields: QgsFields, feedback) -> None:
        """One feature per finding with its well's own QgsGeometry (copied, never re-encoded)."""
        fids = well_frame.attrs["fid"]
        wanted = sorted({int(fids[row]) for row in findings.attrs.get("well_rows", [])})
        geometries = {}
        if wanted:
            request = QgsFeatureRequest().setFilterFids(wanted).setNoAttributes()
            geometries = {feature.id(): QgsGeometry(feature.geometry()) for feature in wells.getFeatures(request)}
        names = output_fields.names()
        columns = [findings[name].tolist() for name in names]
        for position, row in enumerate(findings.attrs.get("well_rows", [])):
            if position % 5000 == 0 and feedback.isCanceled():
                raise QgsProcessingException("Cancelled while writing the findings.")
            feature = QgsFeature(output_fields)
            geometry = geometries.get(int(fids[row]))
            if geometry is not None:
                feature.setGeometry(geometry)
            feature.setAttributes([column[position] for column in columns])
            if not sink.addFeature(feature, QgsFeatureSink.FastInsert):
                raise QgsProcessingException(f"Could not write finding {position + 1} to the output.")

    # -- running ------------------------------------------------------------------------------------
    def compute(self, parameters: dict[str, Any], context, feedback) -> dict[str, Any]:
        from ..engine.audit import FINDINGS, compliance_audit
        from ..engine.electricity import PowerFieldNames

        wells = self.required_source(parameters, self.WELLS, context)
        wells_label = self.layer_label(parameters, self.WELLS, wells, "wells")
        audit_date = self._audit_date(parameters, context)
        rules = self.rules(parameters, context)
        fields = self._well_fields(parameters, context, wells.fields().names(), wells_label, feedback)
        names = [n for n in dict.fromkeys(vars(fields).values()) if n]
        well_frame = source_to_frame(wells, wells_label, field_names=names, with_geometry=True, feedback=feedback)

        pipes, pipes_label = self._optional_frame(parameters, self.SUPPLY_PIPES, context, feedback, True, [])
        areas, areas_label = self._optional_frame(parameters, self.SUPPLY_AREAS, context, feedback, True, [])
        raw_distance = parameters.get(self.COVERAGE_DISTANCE)
        coverage_distance = (
            None
            if raw_distance is None or str(raw_distance).strip() == ""
            else self.parameterAsDouble(parameters, self.COVERAGE_DISTANCE, context)
        )

        def field(key: str, default: str | None) -> str | None:
            if key in parameters and parameters[key] in (None, ""):
                return None if key == self.POWER_PERIOD_FIELD else default
            return self.parameterAsString(parameters, key, context) or default

        power_fields = PowerFieldNames(
            account=field(self.POWER_ACCOUNT_FIELD, "account"),
            kwh=field(self.POWER_KWH_FIELD, "kwh"),
            period=field(self.POWER_PERIOD_FIELD, "period"),
        )
        power_source = self.parameterAsSource(parameters, self.POWER, context)
        power_frame, power_label = None, ""
        if power_source is not None:
            power_label = self.layer_label(parameters, self.POWER, power_source, "power accounts")
            if power_label == wells_label:
                power_label = f"{power_label} (power)"
            power_names = power_source.fields().names()
            if power_fields.period and power_fields.period not in power_names and self.POWER_PERIOD_FIELD not in parameters:
                power_fields = PowerFieldNames(power_fields.account, power_fields.kwh, None)
            wanted = [n for n in (power_fields.account, power_fields.kwh, power_fields.period) if n]
            power_frame = source_to_frame(power_source, power_label, field_names=wanted, with_geometry=False, feedback=feedback)
        period = (self.parameterAsString(parameters, self.PERIOD, context) or "").strip() or None
        if feedback.isCanceled():
            return {}

        result = compliance_audit(
            well_frame,
            rules,
            audit_date=audit_date,
            fields=fields,
            supply_pipes=pipes,
            supply_areas=areas,
            coverage_distance_m=coverage_distance,
            power=power_frame,
            power_fields=power_fields,
            period=period,
            wells_layer=wells_label,
            power_layer=power_label or "power accounts",
            pipes_layer=pipes_label or "supply pipes",
            areas_layer=areas_label or "supply areas",
        )
        self.report_messages(feedback, result.messages, result.warnings)

        output_fields = QgsFields()
        for name in OUTPUT_STRING_FIELDS:
            output_fields.append(new_field(name, QVariant.String))
        point_type = wells.wkbType() if QgsWkbTypes.geometryType(wells.wkbType()) == QgsWkbTypes.PointGeometry else QgsWkbTypes.Point
        sink, dest_id = self.required_sink(parameters, self.OUTPUT, context, output_fields, point_type, wells.sourceCrs())
        self._write_findings(wells, well_frame, result.findings, sink, output_fields, feedback)
        self.style_output(dest_id, "compliance_findings")
        results: dict[str, Any] = {self.OUTPUT: dest_id, "FINDINGS_N": len(result.findings)}

        summary = result.summary
        summary_fields = frame_fields(summary, ["township", "findings_n", *FINDINGS])
        summary_sink, summary_id = self.parameterAsSink(
            parameters, self.OUTPUT_SUMMARY, context, summary_fields, QgsWkbTypes.NoGeometry, wells.sourceCrs()
        )
        if summary_sink is not None:
            write_frame(summary, summary_sink, summary_fields, feedback=feedback)
            results[self.OUTPUT_SUMMARY] = summary_id
        return results
