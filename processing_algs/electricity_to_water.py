"""Processing door ``tuoli_gw:electricity_to_water``: water from electricity (以电折水), item 16.

Reads the wells and the power-account table, lets the engine (:mod:`tuoli_gw_plugin.engine.bookkeeping.electricity`)
sum kWh per account, calibrate missing coefficients and raise the dual-control flags, and writes
the wells back with the new fields, an optional per-township summary table and an optional chart.
"""

from __future__ import annotations

from typing import Any

from tuoli_gw_plugin.qgis_io import frames as bridge

from . import _declarations as declared
from ._declarations import ANY_LAYER, BOOKKEEPING, POINTS, RULES, Field, FileOut, Layer, Number, Sink
from .base import TuoliAlgorithm

# The engine's field names (WellFieldNames, PowerFieldNames) -> the parameter that names each.
WELL_FIELD_KEYS = {
    "well_id": "WELL_ID_FIELD", "account": "ACCOUNT_FIELD", "coefficient": "COEF_FIELD", "metered": "METERED_FIELD",
    "has_meter": "HAS_METER_FIELD", "permit": "PERMIT_FIELD", "permit_m3": "PERMIT_M3_FIELD", "township": "TOWNSHIP_FIELD",
    "aquifer": "AQUIFER_FIELD",
}


class ElectricityToWaterAlgorithm(TuoliAlgorithm):
    """Estimates each well's abstraction from its power account (以电折水) and raises the well–electricity dual-control
    flags of notice 托政发规〔2024〕3号 item 16 (井电双控).

    estimated_m3 = kWh × coefficient (m³/kWh). A well with a pump-tested coefficient uses it (coef_source 'tested').
    Otherwise a coefficient is calibrated from wells that have both a working meter with a reading and kWh: the
    median of metered m³ / kWh per township and aquifer ('calibrated_township_aquifer'), else per township
    ('calibrated_township'), else for the county ('calibrated_county'); 'none' when there is nothing to calibrate
    from. The median keeps a broken meter from moving everyone's estimate; calib_spread is the median absolute
    deviation (MAD, m³/kWh) of the ratios used and calib_n their number.

    The log names power accounts linked to no well (possible unregistered wells), wells whose account is not in the
    power table, the calibration groups and the wells that got a calibrated coefficient, and coefficients outside
    the plausible range.
    """

    NAME = "electricity_to_water"
    READS_POSITIONS = False  # attributes only: where the wells are plays no part
    DISPLAY_NAME = "Water from electricity (以电折水, well–electricity dual control)"
    GROUP_ID, GROUP = BOOKKEEPING
    PARAMETERS = (
        Layer("WELLS", "Wells", "The well register (points).", geometry=(POINTS,), sample="wells"),
        Field("WELL_ID_FIELD", "Well id field", parent="WELLS", default="well_id", unique=True),
        Field("ACCOUNT_FIELD", "Power account field of the wells", parent="WELLS", default="power_account"),
        Field("COEF_FIELD", "Pump-tested coefficient field (m³/kWh)", "Empty or 0 = not tested.", parent="WELLS", default="m3_per_kwh"),
        Field("METERED_FIELD", "Metered volume field (m³)", parent="WELLS", default="metered_m3"),
        Field("HAS_METER_FIELD", "Has a working meter field (yes/no)", "yes/no, 1/0, 是/否.", parent="WELLS", default="has_meter"),
        Field("PERMIT_FIELD", "Permit number field", "Empty = no permit.", parent="WELLS", default="permit_no"),
        Field("PERMIT_M3_FIELD", "Permitted volume field (m³)", parent="WELLS", default="permit_m3"),
        Field("TOWNSHIP_FIELD", "Township field", parent="WELLS", default="township"),
        Field(
            "AQUIFER_FIELD", "Aquifer field (calibration groups; empty = township only)",
            parent="WELLS", default="aquifer", when_absent="calibration groups are townships only",
        ),
        Layer(
            "POWER", "Power accounts (table)", "An account feeding several wells is split equally between them "
            "(and named in the log).", geometry=(ANY_LAYER,), sample="power_accounts",
        ),
        *declared.POWER_FIELDS,
        Number(
            "MISMATCH_SHARE", "Meter vs power mismatch share (empty = rules file, 0.2 = 20 %)",
            "Share of the metered volume by which the estimate may differ before meter_vs_power_mismatch is "
            "raised; exactly the share is not a mismatch. Empty: the rules file's "
            "compliance.meter_vs_power_mismatch_share.",
            optional=True, minimum=0.0,
        ),
        RULES,
        Sink(
            "OUTPUT", "Wells with water from electricity",
            "The wells plus kwh, coef_used, coef_source, calib_spread, calib_n, estimated_m3, approved_kwh "
            "(= permit_m3 / coefficient: the power that may be sold), flags (';'-separated) and one 0/1 field per "
            "flag: power_without_permit (kWh > 0, no permit: illegal abstraction), permit_without_power_link (a "
            "permit, but no account or an account not in the power table), over_approved_kwh (kWh > approved_kwh), "
            "meter_vs_power_mismatch (|estimated − metered| > share × metered, wells with a working meter).",
        ),
        Sink(
            "OUTPUT_SUMMARY", "Summary per township",
            "Per township wells_n, kwh, estimated_m3, metered_m3, permit_m3 and the number of wells with each flag.",
            optional=True, geometry=ANY_LAYER, create_by_default=False,
        ),
        FileOut(
            "CHART", "Chart: estimated vs metered vs permitted per township (PNG)",
            optional=True, file_filter="PNG files (*.png)", create_by_default=False,
        ),
    )

    def compute(self, parameters: dict[str, Any], context, feedback) -> dict[str, Any]:
        from tuoli_gw_plugin.engine.bookkeeping.electricity import PowerFieldNames, WellFieldNames, electricity_to_water
        from tuoli_gw_plugin.engine.plotting.charts import township_chart

        wells, wells_label = self.source(parameters, "WELLS", context)
        power, power_label = self.source(parameters, "POWER", context)
        if wells_label == power_label:
            power_label = f"{power_label} (power)"
        well_fields = WellFieldNames(**self.fields_by_name(parameters, context, feedback, WELL_FIELD_KEYS))
        power_fields = PowerFieldNames(**self.fields_by_name(parameters, context, feedback, declared.POWER_FIELD_KEYS))
        period = self.text(parameters, "PERIOD", context)
        rules = self.rules(parameters, context)
        well_names = [n for n in dict.fromkeys(vars(well_fields).values()) if n]
        power_names = [n for n in dict.fromkeys(vars(power_fields).values()) if n]
        well_frame = bridge.source_to_frame(wells, wells_label, field_names=well_names, with_geometry=False, feedback=feedback)
        power_frame = bridge.source_to_frame(power, power_label, field_names=power_names, with_geometry=False, feedback=feedback)
        self.stop_if_cancelled(feedback)
        result = electricity_to_water(
            well_frame, power_frame, rules, well_fields=well_fields, power_fields=power_fields, period=period,
            mismatch_share=self.number(parameters, "MISMATCH_SHARE", context), wells_layer=wells_label, power_layer=power_label,
        )
        self.report_messages(feedback, info=result.messages, warnings=result.warnings)

        dest_id = self.write_with_frame(parameters, "OUTPUT", context, feedback, wells, result.wells)
        self.style_output(dest_id, "electricity_to_water")
        results: dict[str, Any] = {"OUTPUT": dest_id}
        summary = result.summary
        summary_id = self.write_optional_table(parameters, "OUTPUT_SUMMARY", context, feedback, summary, wells.sourceCrs())
        if summary_id is not None:
            results["OUTPUT_SUMMARY"] = summary_id
        chart_path = self.parameterAsFileOutput(parameters, "CHART", context)
        if chart_path:
            title = self.tr("Water from electricity per township (以电折水)") + (f" — {period}" if period else "")
            township_chart(summary, chart_path, title=title)
            results["CHART"] = chart_path
            feedback.pushInfo(self.tr("Chart written to {0}").format(chart_path))

        totals = summary[["kwh", "estimated_m3", "metered_m3", "permit_m3"]].sum()
        feedback.pushInfo(
            self.tr("County: {0:,.0f} kWh → {1:,.0f} m³ estimated; metered {2:,.0f} m³; permitted {3:,.0f} m³").format(
                totals["kwh"], totals["estimated_m3"], totals["metered_m3"], totals["permit_m3"]
            )
        )
        return results
