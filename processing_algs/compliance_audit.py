"""Processing door ``tuoli_gw:compliance_audit``: one finding per breach of the notice, per well.

Reads the well register (and, when given, the supply network and the power table), lets the
engine (:mod:`tuoli_gw_plugin.engine.bookkeeping.audit`) check items 9, 10, 11, 13, 16 and 18 on the audit
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
    QgsProcessingException,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QDate, QDateTime

from tuoli_gw_plugin.qgis_io.frames import column_fields, source_to_frame

from . import _declarations as declared
from . import _screening_common as common
from ._declarations import ANY_LAYER, BOOKKEEPING, POINTS, RULES, Field, Layer, Result, Sink, Text
from .base import TuoliAlgorithm

SKIPPED = "the checks that need it are skipped"


def well_field(key: str, label: str, default: str, when_absent: str = SKIPPED, numeric: bool = False, unique: bool = False) -> Field:
    """A field of the well register, defaulting to the sample layer's name."""
    return Field(key, label, parent="WELLS", default=default, when_absent=when_absent, numeric=numeric, unique=unique)


# Each well field, and the AuditFieldNames attribute it fills.
WELL_FIELDS = {
    "well_id": well_field("WELL_ID_FIELD", "Well id field", "well_id", when_absent="", unique=True),
    "has_meter": well_field("HAS_METER_FIELD", "Has a working meter field (yes/no) — item 9", "has_meter"),
    "metered": well_field("METERED_FIELD", "Metered volume field (m³) — items 9, 10", "metered_m3"),
    "permit": well_field("PERMIT_FIELD", "Permit number field — items 16, 18", "permit_no"),
    "permit_m3": well_field("PERMIT_M3_FIELD", "Permitted volume field (m³) — item 10", "permit_m3"),
    "status": well_field("STATUS_FIELD", "Status field (active / stopped / deregistered)", "status"),
    "stopped_on": well_field("STOPPED_ON_FIELD", "Date abstraction stopped — item 11", "stopped_on"),
    "deregistered_on": well_field("DEREGISTERED_ON_FIELD", "Date deregistered — item 11", "deregistered_on"),
    "depth": well_field("DEPTH_FIELD", "Drilled depth field (m) — item 11", "depth_m"),
    "permitted_depth": well_field("PERMITTED_DEPTH_FIELD", "Permitted depth field (m) — item 11", "permitted_depth_m"),
    "self_supplied": well_field("SELF_SUPPLIED_FIELD", "Self-supplied well field (yes/no) — item 13", "self_supplied"),
    "account": well_field("ACCOUNT_FIELD", "Power account field — item 16", "power_account"),
    "kwh": well_field("KWH_FIELD", "kWh field of the wells (used when no POWER table) — item 16", "kwh"),
    "use": well_field("USE_FIELD", "Use field (copied to the findings)", "use"),
    "township": well_field("TOWNSHIP_FIELD", "Township field (summary)", "township"),
}
# Fields of the sealing and quota checks (issue 12), and the compliance_audit keyword each fills.
OPTIONAL_FIELDS = {
    "sealed_field": well_field(
        "SEALED_ON_FIELD", "Date sealed (封填), or yes/no — item 11", "sealed_on",
        when_absent="deregistered wells are not checked for sealing (deregistered_not_sealed)",
    ),
    "quota_field": well_field(
        "QUOTA_M3_FIELD", "Quota volume field (m³, 定额水量) — items 10, 13", "quota_m3", numeric=True,
        when_absent="wells have no quota volume of their own (over_quota uses the use's quota when it can)",
    ),
    "quota_units_field": well_field(
        "QUOTA_UNITS_FIELD", "Quota units field (mu / persons / head) — items 10, 13", "quota_units", numeric=True,
        when_absent="the use's quota in the rules file is not used (over_quota)",
    ),
}


class ComplianceAuditAlgorithm(TuoliAlgorithm):
    """Audits a well register against notice 托政发规〔2024〕3号 on an audit date and writes one point per finding: well_id,
    finding, notice_item, detail (a sentence for the inspector), severity, with the well's location (plus township
    and use).

    Findings (notice item and severity from the rules file's compliance section):
    • no_meter (item 9): an active well without a working meter, or with no reading.
    • over_permit (item 10): metered volume above the permitted volume.
    • no_permit (item 18): an active well without a permit number.
    • stopped_not_deregistered (item 11): abstraction stopped MORE than 30 days (rules:
      compliance.deregistration_deadline_days) before the audit date and the well not deregistered. Day 30 is still
      within the deadline; day 31 is a finding.
    • depth_over_permit (item 11): drilled deeper than permitted.
    • self_supplied_in_coverage (item 13): a self-supplied well (not deregistered) inside public supply coverage —
      within the coverage distance of a supply pipe or inside a supply area, as well-site screening defines it.
      Needs at least one supply layer.
    • power_without_permit (item 16): kWh > 0 and no permit; kWh from the power table per account when given, else
      from the wells' kWh field.
    • deregistered_late (item 11): deregistered, but after the 30-day deadline from the stop (moved off rest days
      by the rules file's holiday table).
    • deregistered_not_sealed (item 11): deregistered and not sealed (封填) on the audit date. Needs the sealing
      field (a date, or yes/no).
    • over_quota (items 10, 13): metered volume above the well's quota volume (定额水量): its own quota field, else
      its use's quota in the rules file (compliance.use_quotas) times its quota units (mu, persons, head).
    • power_while_stopped (item 16): power drawn in periods after the well was stopped or deregistered. Needs the
      POWER table with a period field.
    • power_outside_irrigation_season (item 16): an irrigation well drawing power outside the irrigation season
      (rules: compliance.irrigation_season). Needs the POWER table with a period field.
    • power_account_without_well (item 16): an account of the POWER table that no well names, a possibly
      unregistered well. Written without geometry and without well_id.

    A check whose fields the layer lacks is skipped, and the log says so.

    A well is deregistered when its deregistration date is on or before the audit date (or its status says so
    without a date), stopped likewise; active otherwise. Date fields may hold dates or text ('2024-03-05',
    '2024/3/5'); anything else stops with a message naming the feature.
    """

    NAME = "compliance_audit"
    DISPLAY_NAME = "Compliance audit of wells (合规检查)"
    GROUP_ID, GROUP = BOOKKEEPING
    PARAMETERS = (
        Layer("WELLS", "Wells", geometry=(POINTS,), sample="wells"),
        *WELL_FIELDS.values(),
        *OPTIONAL_FIELDS.values(),
        Text("AUDIT_DATE", "Audit date (empty = today; 2026-11-28 or 2026/11/28)", optional=True),
        common.SUPPLY_PIPES,
        common.COVERAGE_DISTANCE_OR_RULES,
        common.SUPPLY_AREAS,
        Layer("POWER", "Power accounts (table)", optional=True, geometry=(ANY_LAYER,), sample="power_accounts"),
        *declared.POWER_FIELDS,
        declared.language(
            "Language of the findings", follow_interface=True,
            help_text="The language of the detail sentences and of the log; default: the QGIS interface language.",
        ),
        RULES,
        Sink("OUTPUT", "Compliance findings", "One point per finding, styled by severity.", geometry=POINTS),
        Sink(
            "OUTPUT_SUMMARY", "Findings per township", "Per township findings_n and the count of each finding.",
            optional=True, geometry=ANY_LAYER, create_by_default=False,
        ),
    )
    RESULTS = (Result("COUNT_FINDINGS", "Number of findings", former_key="FINDINGS_N"),)

    # -- parameters ---------------------------------------------------------------------------------
    def _audit_date(self, parameters: dict[str, Any], context) -> dt.date:
        from tuoli_gw_plugin.engine.bookkeeping.audit import parse_audit_date

        raw = parameters.get("AUDIT_DATE")
        if isinstance(raw, QDateTime):
            raw = raw.date()
        if isinstance(raw, QDate):
            raw = raw.toPyDate() if raw.isValid() else None
        elif raw is not None and not isinstance(raw, (dt.date, str)):
            raw = self.parameterAsString(parameters, "AUDIT_DATE", context)
        return parse_audit_date(raw)

    def _well_fields(self, parameters: dict[str, Any], context, feedback):
        """AuditFieldNames from the parameters: a default field the layer lacks skips its checks."""
        from tuoli_gw_plugin.engine.bookkeeping.audit import AuditFieldNames

        return AuditFieldNames(
            **{attribute: self.field(parameters, d.key, context, feedback) for attribute, d in WELL_FIELDS.items()}
        )

    @staticmethod
    def _write_findings(wells, well_frame, findings, sink, output_fields: QgsFields, feedback) -> None:
        """One feature per finding with its well's own QgsGeometry (copied, never re-encoded); the findings
        after the wells' (power accounts linked to no well) are written without geometry."""
        fids = well_frame.attrs["fid"]
        well_rows = findings.attrs.get("well_rows", [])
        wanted = sorted({int(fids[row]) for row in well_rows})
        geometries = {}
        if wanted:
            request = QgsFeatureRequest().setFilterFids(wanted).setNoAttributes()
            geometries = {feature.id(): QgsGeometry(feature.geometry()) for feature in wells.getFeatures(request)}
        names = output_fields.names()
        columns = [findings[name].tolist() for name in names]
        for position in range(len(findings)):
            if position % 5000 == 0:
                TuoliAlgorithm.stop_if_cancelled(feedback)
            feature = QgsFeature(output_fields)
            geometry = geometries.get(int(fids[well_rows[position]])) if position < len(well_rows) else None
            if geometry is not None:
                feature.setGeometry(geometry)
            feature.setAttributes([column[position] for column in columns])
            if not sink.addFeature(feature, QgsFeatureSink.FastInsert):
                raise QgsProcessingException(
                    QCoreApplication.translate("TuoliAlgorithm", "Could not write finding {n} to the output.").format(
                        n=position + 1
                    )
                )

    # -- running ------------------------------------------------------------------------------------
    def compute(self, parameters: dict[str, Any], context, feedback) -> dict[str, Any]:
        from tuoli_gw_plugin.engine.bookkeeping.audit import FINDING_COLUMNS, FINDINGS, compliance_audit

        wells, wells_label = self.source(parameters, "WELLS", context)
        audit_date = self._audit_date(parameters, context)
        rules = self.rules(parameters, context)
        fields = self._well_fields(parameters, context, feedback)
        optional = {
            keyword: name
            for keyword, declaration in OPTIONAL_FIELDS.items()
            if (name := self.field(parameters, declaration.key, context, feedback)) is not None
        }
        names = [n for n in dict.fromkeys([*vars(fields).values(), *optional.values()]) if n]
        well_frame = source_to_frame(wells, wells_label, field_names=names, with_geometry=True, feedback=feedback)
        pipes, pipes_label = self.optional_frame(parameters, "SUPPLY_PIPES", context, feedback, field_names=[])
        areas, areas_label = self.optional_frame(parameters, "SUPPLY_AREAS", context, feedback, field_names=[])
        coverage_distance = self.number(parameters, "COVERAGE_DISTANCE", context)
        power_frame, power_fields, power_label = self._power(parameters, context, feedback, wells_label)
        period = self.text(parameters, "PERIOD", context)
        self.stop_if_cancelled(feedback)

        result = compliance_audit(
            well_frame, rules, audit_date=audit_date, fields=fields, supply_pipes=pipes, supply_areas=areas,
            coverage_distance_m=coverage_distance, power=power_frame, power_fields=power_fields, period=period,
            wells_layer=wells_label, power_layer=power_label or "power accounts", pipes_layer=pipes_label or "supply pipes",
            areas_layer=areas_label or "supply areas", **optional,
        )
        self.report_messages(feedback, result.messages, result.warnings)

        output_fields = QgsFields()
        for field in column_fields(FINDING_COLUMNS):
            output_fields.append(field)
        point_type = wells.wkbType() if QgsWkbTypes.geometryType(wells.wkbType()) == QgsWkbTypes.PointGeometry else QgsWkbTypes.Point
        sink, dest_id = self.required_sink(parameters, "OUTPUT", context, output_fields, point_type, wells.sourceCrs())
        self._write_findings(wells, well_frame, result.findings, sink, output_fields, feedback)
        self.style_output(dest_id, "compliance_findings")
        # FINDINGS_N: the former name of COUNT_FINDINGS, kept for existing scripts.
        results: dict[str, Any] = {"OUTPUT": dest_id, "COUNT_FINDINGS": len(result.findings), "FINDINGS_N": len(result.findings)}
        summary_id = self.write_optional_table(
            parameters, "OUTPUT_SUMMARY", context, feedback, result.summary, wells.sourceCrs(), ["township", "findings_n", *FINDINGS]
        )
        if summary_id is not None:
            results["OUTPUT_SUMMARY"] = summary_id
        return results

    def _power(self, parameters, context, feedback, wells_label: str):
        """(the power table as a frame or None, the engine's PowerFieldNames, its label) for the item-16 checks."""
        from tuoli_gw_plugin.engine.bookkeeping.electricity import PowerFieldNames

        power_fields = PowerFieldNames(**self.fields_by_name(parameters, context, feedback, declared.POWER_FIELD_KEYS))
        power_source, power_label = self.optional_source(parameters, "POWER", context)
        if power_label and power_label == wells_label:
            power_label = f"{power_label} (power)"
        if power_source is None:
            return None, power_fields, power_label
        wanted = [n for n in (power_fields.account, power_fields.kwh, power_fields.period) if n]
        power_frame = source_to_frame(power_source, power_label, field_names=wanted, with_geometry=False, feedback=feedback)
        return power_frame, power_fields, power_label
