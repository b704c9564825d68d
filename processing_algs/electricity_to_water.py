"""Processing door ``tuoli_gw:electricity_to_water``: water from electricity (以电折水), item 16.

Reads the wells and the power-account table, lets the engine (:mod:`tuoli_gw_plugin.engine.electricity`)
sum kWh per account, calibrate missing coefficients and raise the dual-control flags, and writes
the wells back with the new fields, an optional per-township summary table and an optional chart.
"""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from tuoli_gw_plugin.qgis_bridge import (
    field_for_series,
    fields_with,
    frame_fields,
    source_to_frame,
    write_features_with_columns,
    write_frame,
)

from .base import TuoliAlgorithm


class ElectricityToWaterAlgorithm(TuoliAlgorithm):
    WELLS = "WELLS"
    WELL_ID_FIELD = "WELL_ID_FIELD"
    ACCOUNT_FIELD = "ACCOUNT_FIELD"
    COEF_FIELD = "COEF_FIELD"
    METERED_FIELD = "METERED_FIELD"
    HAS_METER_FIELD = "HAS_METER_FIELD"
    PERMIT_FIELD = "PERMIT_FIELD"
    PERMIT_M3_FIELD = "PERMIT_M3_FIELD"
    TOWNSHIP_FIELD = "TOWNSHIP_FIELD"
    AQUIFER_FIELD = "AQUIFER_FIELD"
    POWER = "POWER"
    POWER_ACCOUNT_FIELD = "POWER_ACCOUNT_FIELD"
    POWER_KWH_FIELD = "POWER_KWH_FIELD"
    POWER_PERIOD_FIELD = "POWER_PERIOD_FIELD"
    PERIOD = "PERIOD"
    MISMATCH_SHARE = "MISMATCH_SHARE"
    OUTPUT = "OUTPUT"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"
    CHART = "CHART"

    NAME = "electricity_to_water"
    DISPLAY_NAME = "Water from electricity (以电折水, well–electricity dual control)"
    GROUP_ID = "bookkeeping"
    GROUP = "Bookkeeping"
    HELP = (
        "Estimates each well's abstraction from its power account (以电折水) and raises the "
        "well–electricity dual-control flags of notice 托政发规〔2024〕3号 item 16 (井电双控).\n\n"
        "estimated_m3 = kWh × coefficient (m³/kWh). A well with a pump-tested coefficient uses it "
        "(coef_source 'tested'). Otherwise a coefficient is calibrated from wells that have both a "
        "working meter with a reading and kWh: the median of metered m³ / kWh per township and "
        "aquifer ('calibrated_township_aquifer'), else per township ('calibrated_township'), else "
        "for the county ('calibrated_county'); 'none' when there is nothing to calibrate from. The "
        "median keeps a broken meter from moving everyone's estimate; calib_spread is the median "
        "absolute deviation (MAD, m³/kWh) of the ratios used and calib_n their number.\n\n"
        "Parameters:\n"
        "• WELLS: point layer of wells.\n"
        "• WELL_ID_FIELD (well_id), ACCOUNT_FIELD (power_account), COEF_FIELD (m3_per_kwh; empty "
        "or 0 = not tested), METERED_FIELD (metered_m3), HAS_METER_FIELD (has_meter; yes/no, 1/0, "
        "是/否), PERMIT_FIELD (permit_no; empty = no permit), PERMIT_M3_FIELD (permit_m3), "
        "TOWNSHIP_FIELD (township), AQUIFER_FIELD (aquifer, optional).\n"
        "• POWER: table of power accounts; POWER_ACCOUNT_FIELD (account), POWER_KWH_FIELD (kwh), "
        "POWER_PERIOD_FIELD (period, optional). kWh are summed per account; an account feeding "
        "several wells is split equally between them (and named in the log).\n"
        "• PERIOD: optional; only power rows of this period count. '2025' also takes sub-periods "
        "such as '2025-03'. Empty: every row counts (the log warns when the table holds several "
        "periods).\n"
        "• MISMATCH_SHARE: share of the metered volume by which the estimate may differ before "
        "meter_vs_power_mismatch is raised (0.2 = 20 %; exactly 20 % is not a mismatch). Empty: "
        "the rules file's compliance.meter_vs_power_mismatch_share.\n"
        "• RULES: optional rules file (plausible coefficients, mismatch share, minimum wells per "
        "calibration group).\n\n"
        "Outputs:\n"
        "• OUTPUT: the wells plus kwh, coef_used, coef_source, calib_spread, calib_n, estimated_m3, "
        "approved_kwh (= permit_m3 / coefficient: the power that may be sold), flags "
        "(';'-separated) and one 0/1 field per flag: power_without_permit (kWh > 0, no permit: "
        "illegal abstraction), permit_without_power_link (a permit, but no account or an account "
        "not in POWER), over_approved_kwh (kWh > approved_kwh), meter_vs_power_mismatch "
        "(|estimated − metered| > share × metered, wells with a working meter).\n"
        "• OUTPUT_SUMMARY (optional table): per township wells_n, kwh, estimated_m3, metered_m3, "
        "permit_m3 and the number of wells with each flag.\n"
        "• CHART (optional PNG): estimated vs metered vs permitted volume per township.\n\n"
        "The log names power accounts linked to no well (possible unregistered wells), wells "
        "whose account is not in the power table, the calibration groups and the wells that got a "
        "calibrated coefficient, and coefficients outside the plausible range. Text or negative "
        "kWh stop the run with a message naming the layer, feature and field."
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.WELLS, self.tr("Wells"), [QgsProcessing.TypeVectorPoint])
        )
        # Field parameters are optional with the sample layer's names as defaults: qgis_process
        # (QGIS 3.22) asks for every mandatory parameter even when it has a default.
        for key, label, default in (
            (self.WELL_ID_FIELD, "Well id field", "well_id"),
            (self.ACCOUNT_FIELD, "Power account field of the wells", "power_account"),
            (self.COEF_FIELD, "Pump-tested coefficient field (m³/kWh)", "m3_per_kwh"),
            (self.METERED_FIELD, "Metered volume field (m³)", "metered_m3"),
            (self.HAS_METER_FIELD, "Has a working meter field (yes/no)", "has_meter"),
            (self.PERMIT_FIELD, "Permit number field", "permit_no"),
            (self.PERMIT_M3_FIELD, "Permitted volume field (m³)", "permit_m3"),
            (self.TOWNSHIP_FIELD, "Township field", "township"),
            (self.AQUIFER_FIELD, "Aquifer field (calibration groups; empty = township only)", "aquifer"),
        ):
            self.addParameter(QgsProcessingParameterField(key, self.tr(label), default, self.WELLS, optional=True))
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.POWER, self.tr("Power accounts (table)"), [QgsProcessing.TypeVector])
        )
        for key, label, default in (
            (self.POWER_ACCOUNT_FIELD, "Account field of the power table", "account"),
            (self.POWER_KWH_FIELD, "kWh field of the power table", "kwh"),
            (self.POWER_PERIOD_FIELD, "Period field of the power table (empty = none)", "period"),
        ):
            self.addParameter(QgsProcessingParameterField(key, self.tr(label), default, self.POWER, optional=True))
        self.addParameter(
            QgsProcessingParameterString(self.PERIOD, self.tr("Period to take (empty = all rows)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MISMATCH_SHARE,
                self.tr("Meter vs power mismatch share (empty = rules file, 0.2 = 20 %)"),
                QgsProcessingParameterNumber.Double,
                optional=True,
                minValue=0.0,
            )
        )
        self.add_rules_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Wells with water from electricity")))
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_SUMMARY,
                self.tr("Summary per township"),
                QgsProcessing.TypeVector,
                optional=True,
                createByDefault=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.CHART,
                self.tr("Chart: estimated vs metered vs permitted per township (PNG)"),
                self.tr("PNG files (*.png)"),
                optional=True,
                createByDefault=False,
            )
        )

    def compute(self, parameters: dict[str, Any], context, feedback) -> dict[str, Any]:
        from tuoli_gw_plugin.engine.electricity import (
            PowerFieldNames,
            WellFieldNames,
            electricity_to_water,
            township_chart,
        )

        wells = self.required_source(parameters, self.WELLS, context)
        power = self.required_source(parameters, self.POWER, context)
        wells_label = self.layer_label(parameters, self.WELLS, wells, "wells")
        power_label = self.layer_label(parameters, self.POWER, power, "power accounts")
        if wells_label == power_label:
            power_label = f"{power_label} (power)"

        def field(key: str) -> str | None:
            return self.parameterAsString(parameters, key, context) or None

        # The optional groupings: a default name the layer lacks means "not used", an explicit one is an error.
        aquifer_field = field(self.AQUIFER_FIELD)
        if aquifer_field and aquifer_field not in wells.fields().names() and not parameters.get(self.AQUIFER_FIELD):
            feedback.pushWarning(
                self.tr("Layer '{0}' has no field '{1}': calibration groups are townships only.").format(
                    wells_label, aquifer_field
                )
            )
            aquifer_field = None
        period_field = field(self.POWER_PERIOD_FIELD)
        if period_field and period_field not in power.fields().names() and not parameters.get(self.POWER_PERIOD_FIELD):
            period_field = None
        well_fields = WellFieldNames(
            well_id=field(self.WELL_ID_FIELD) or "well_id",
            account=field(self.ACCOUNT_FIELD) or "power_account",
            coefficient=field(self.COEF_FIELD) or "m3_per_kwh",
            metered=field(self.METERED_FIELD) or "metered_m3",
            has_meter=field(self.HAS_METER_FIELD) or "has_meter",
            permit=field(self.PERMIT_FIELD) or "permit_no",
            permit_m3=field(self.PERMIT_M3_FIELD) or "permit_m3",
            township=field(self.TOWNSHIP_FIELD) or "township",
            aquifer=aquifer_field,
        )
        power_fields = PowerFieldNames(
            account=field(self.POWER_ACCOUNT_FIELD) or "account",
            kwh=field(self.POWER_KWH_FIELD) or "kwh",
            period=period_field,
        )
        raw_share = parameters.get(self.MISMATCH_SHARE)
        mismatch_share = (
            None if raw_share is None or str(raw_share).strip() == "" else self.parameterAsDouble(
                parameters, self.MISMATCH_SHARE, context
            )
        )
        period = (self.parameterAsString(parameters, self.PERIOD, context) or "").strip() or None
        rules = self.rules(parameters, context)

        well_names = [n for n in dict.fromkeys(vars(well_fields).values()) if n]
        power_names = [n for n in dict.fromkeys(vars(power_fields).values()) if n]
        well_frame = source_to_frame(wells, wells_label, field_names=well_names, with_geometry=False, feedback=feedback)
        power_frame = source_to_frame(power, power_label, field_names=power_names, with_geometry=False, feedback=feedback)
        if feedback.isCanceled():
            return {}
        result = electricity_to_water(
            well_frame,
            power_frame,
            rules,
            well_fields=well_fields,
            power_fields=power_fields,
            period=period,
            mismatch_share=mismatch_share,
            wells_layer=wells_label,
            power_layer=power_label,
        )
        self.report_messages(feedback, result.messages, result.warnings)

        per_well = result.wells
        output_fields = fields_with(wells.fields(), [field_for_series(n, per_well[n]) for n in per_well.columns])
        sink, dest_id = self.required_sink(parameters, self.OUTPUT, context, output_fields, wells.wkbType(), wells.sourceCrs())
        write_features_with_columns(wells, sink, output_fields, per_well, feedback=feedback)
        self.style_output(dest_id, "electricity_to_water")
        results: dict[str, Any] = {self.OUTPUT: dest_id}

        summary = result.summary
        summary_sink, summary_id = self.parameterAsSink(
            parameters,
            self.OUTPUT_SUMMARY,
            context,
            frame_fields(summary),
            QgsWkbTypes.NoGeometry,
            wells.sourceCrs(),
        )
        if summary_sink is not None:
            write_frame(summary, summary_sink, frame_fields(summary), feedback=feedback)
            results[self.OUTPUT_SUMMARY] = summary_id

        chart_path = self.parameterAsFileOutput(parameters, self.CHART, context)
        if chart_path:
            title = self.tr("Water from electricity per township (以电折水)") + (f" — {period}" if period else "")
            township_chart(summary, chart_path, title=title)
            results[self.CHART] = chart_path
            feedback.pushInfo(self.tr("Chart written to {0}").format(chart_path))

        totals = summary[["kwh", "estimated_m3", "metered_m3", "permit_m3"]].sum()
        feedback.pushInfo(
            self.tr("County: {0:,.0f} kWh → {1:,.0f} m³ estimated; metered {2:,.0f} m³; permitted {3:,.0f} m³").format(
                totals["kwh"], totals["estimated_m3"], totals["metered_m3"], totals["permit_m3"]
            )
        )
        return results
