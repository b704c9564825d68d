"""Processing door ``tuoli_gw:progressive_surcharge``: water fees with the over-plan surcharge.

Reads an accounts layer or table (plan and actual volumes), lets the engine
(:mod:`tuoli_gw_plugin.engine.surcharge`) compute each account's fee under notice items 10 and 13,
and writes the accounts back with the fee fields, plus an optional per-tier summary table and a
chart of fees by tier per township.
"""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
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


class ProgressiveSurchargeAlgorithm(TuoliAlgorithm):
    INPUT = "INPUT"
    PLAN_FIELD = "PLAN_FIELD"
    ACTUAL_FIELD = "ACTUAL_FIELD"
    BASE_RATE = "BASE_RATE"
    MODE = "MODE"
    ID_FIELD = "ID_FIELD"
    TOWNSHIP_FIELD = "TOWNSHIP_FIELD"
    FAIL_ON_INVALID = "FAIL_ON_INVALID"
    OUTPUT = "OUTPUT"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"
    CHART = "CHART"

    MODE_KEYS = ("band", "whole")  # enum order: 0 = band by band (累进), 1 = whole excess

    NAME = "progressive_surcharge"
    DISPLAY_NAME = "Progressive surcharge for use over plan (超计划累进加价)"
    GROUP_ID = "bookkeeping"
    GROUP = "Bookkeeping"
    HELP = (
        "Computes each account's water fee with the progressive surcharge for use over plan "
        "(超计划累进加价, notice 托政发规〔2024〕3号 items 10 and 13).\n\n"
        "Use within plan is charged at the base rate (×1). The over-plan part is charged by bands "
        "of the excess in percent of plan, read from the rules file: up to 20 % over plan at 2×, "
        "from 20 to 50 % at 3×, beyond 50 % at 5×. An excess of exactly 20 % is in the 2× band and "
        "exactly 50 % in the 3× band (超额20%以内 → 2倍).\n\n"
        "Parameters:\n"
        "• INPUT: accounts layer or table (geometry optional; kept when present).\n"
        "• PLAN_FIELD (plan_m3), ACTUAL_FIELD (actual_m3): annual plan and metered use, m³. Text "
        "such as '1,200' is read as 1200.\n"
        "• BASE_RATE: standard charge in yuan per m³ (> 0).\n"
        "• MODE: 0 band by band (default, 累进: each band of the excess at its own multiple; the fee "
        "is continuous in the use) or 1 whole excess (the whole excess at the multiple of the "
        "highest band reached).\n"
        "• ID_FIELD: optional field naming the accounts in messages (else the feature id).\n"
        "• TOWNSHIP_FIELD: optional; groups the summary table and the chart by township.\n"
        "• FAIL_ON_INVALID: when checked, stop with one error listing every account that cannot be "
        "charged. Unchecked (default), those accounts are written with empty fee fields and the "
        "reason in 'problem', and each is named in a warning. Never charged, never zero-filled: an "
        "empty, unreadable or negative plan or use, or use with a plan of 0.\n"
        "• RULES: optional rules file (bands and multiples).\n\n"
        "Outputs:\n"
        "• OUTPUT: the input features plus excess_m3, excess_pct (excess in % of plan), "
        "top_multiplier (multiple of the highest band reached; 1 within plan), fee_yuan, "
        "surcharge_yuan (fee above base rate × actual) and problem.\n"
        "• OUTPUT_SUMMARY (optional table): per township (or 'all') and tier: multiplier, accounts_n, "
        "volume_m3, fee_yuan; plus a 'not_charged' row counting accounts with a problem.\n"
        "• CHART (optional PNG): fees by tier, stacked, per township."
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, self.tr("Accounts (layer or table)"), [QgsProcessing.TypeVector]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.PLAN_FIELD,
                self.tr("Plan field (m³/a)"),
                "plan_m3",
                self.INPUT,
                QgsProcessingParameterField.Any,
                optional=True,  # so qgis_process applies the default; empty means plan_m3
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.ACTUAL_FIELD,
                self.tr("Actual (metered) use field (m³/a)"),
                "actual_m3",
                self.INPUT,
                QgsProcessingParameterField.Any,
                optional=True,  # empty means actual_m3
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.BASE_RATE,
                self.tr("Base rate (yuan per m³, the standard charge)"),
                QgsProcessingParameterNumber.Double,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.MODE,
                self.tr("Surcharge mode"),
                [self.tr("Band by band (累进)"), self.tr("Whole excess at the top band's multiple")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.ID_FIELD, self.tr("Account id field (for messages)"), None, self.INPUT, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.TOWNSHIP_FIELD, self.tr("Township field (groups the summary and chart)"), None, self.INPUT, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.FAIL_ON_INVALID, self.tr("Stop when an account cannot be charged"), defaultValue=False
            )
        )
        self.add_rules_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Accounts with fees")))
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_SUMMARY,
                self.tr("Fees by tier (summary table)"),
                QgsProcessing.TypeVector,
                optional=True,
                createByDefault=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.CHART, self.tr("Chart of fees by tier (PNG)"), self.tr("PNG files (*.png)"), optional=True,
                createByDefault=False,
            )
        )

    def compute(self, parameters: dict[str, Any], context, feedback) -> dict[str, Any]:
        from tuoli_gw_plugin.engine.surcharge import (
            RESULT_COLUMNS,
            SurchargeSchedule,
            compute_surcharge,
            invalid_accounts_error,
            render_fee_chart,
            summary_by_tier,
        )

        source = self.required_source(parameters, self.INPUT, context)
        layer_label = self.layer_label(parameters, self.INPUT, source)
        # Optional only so that qgis_process 3.22 applies the defaults; empty means the default name.
        plan_field = self.parameterAsString(parameters, self.PLAN_FIELD, context) or "plan_m3"
        actual_field = self.parameterAsString(parameters, self.ACTUAL_FIELD, context) or "actual_m3"
        id_field = self.parameterAsString(parameters, self.ID_FIELD, context) or None
        township_field = self.parameterAsString(parameters, self.TOWNSHIP_FIELD, context) or None
        base_rate = self.parameterAsDouble(parameters, self.BASE_RATE, context)
        if base_rate <= 0:
            raise QgsProcessingException(
                self.tr("BASE_RATE must be more than 0 yuan per m³ (the standard charge, 征收标准).")
            )
        mode_index = self.parameterAsEnum(parameters, self.MODE, context)
        mode = self.MODE_KEYS[mode_index]
        fail_on_invalid = self.parameterAsBoolean(parameters, self.FAIL_ON_INVALID, context)
        schedule = SurchargeSchedule.from_rules(self.rules(parameters, context))

        names = list(dict.fromkeys(n for n in (plan_field, actual_field, id_field, township_field) if n))
        frame = source_to_frame(source, layer_label, field_names=names, with_geometry=False, feedback=feedback)
        result = compute_surcharge(
            frame,
            plan_field=plan_field,
            actual_field=actual_field,
            base_rate=base_rate,
            schedule=schedule,
            mode=mode,
            layer=layer_label,
            id_field=id_field,
        )
        if result.problems and fail_on_invalid:
            raise invalid_accounts_error(result, layer_label)
        for line in result.problems:
            feedback.pushWarning(self.tr("Not charged: layer '{0}', {1}").format(layer_label, line))
        if result.problems:
            feedback.pushWarning(
                self.tr("{0} of {1} account(s) were not charged; their fee fields are empty and 'problem' says why.").format(
                    len(result.problems), len(frame)
                )
            )

        accounts = result.accounts
        new_fields = [field_for_series(name, accounts[name]) for name in RESULT_COLUMNS]
        output_fields = fields_with(source.fields(), new_fields)
        sink, dest_id = self.required_sink(parameters, self.OUTPUT, context, output_fields, source.wkbType(), source.sourceCrs())
        write_features_with_columns(source, sink, output_fields, accounts, feedback=feedback)
        geometry_type = QgsWkbTypes.geometryType(source.wkbType())
        if geometry_type == QgsWkbTypes.PointGeometry:
            self.style_output(dest_id, "surcharge_multiplier")
        elif geometry_type == QgsWkbTypes.PolygonGeometry:
            self.style_output(dest_id, "surcharge_multiplier_polygon")

        charged = accounts["problem"].isna()
        feedback.pushInfo(
            self.tr("{0} account(s) charged ({1}): fees {2:,.2f} yuan, of which surcharge {3:,.2f} yuan.").format(
                int(charged.sum()),
                self.tr("band by band") if mode == "band" else self.tr("whole excess"),
                float(accounts.loc[charged, "fee_yuan"].sum()),
                float(accounts.loc[charged, "surcharge_yuan"].sum()),
            )
        )
        results: dict[str, Any] = {
            self.OUTPUT: dest_id,
            "CHARGED_COUNT": int(charged.sum()),
            "NOT_CHARGED_COUNT": int((~charged).sum()),
            "TOTAL_FEE_YUAN": float(accounts.loc[charged, "fee_yuan"].sum()),
            "TOTAL_SURCHARGE_YUAN": float(accounts.loc[charged, "surcharge_yuan"].sum()),
        }

        groups = frame[township_field].tolist() if township_field else None
        summary = summary_by_tier(result, base_rate, groups)
        summary_fields = frame_fields(summary)
        summary_sink, summary_id = self.parameterAsSink(
            parameters, self.OUTPUT_SUMMARY, context, summary_fields, QgsWkbTypes.NoGeometry
        )
        if summary_sink is not None:
            write_frame(summary, summary_sink, summary_fields, feedback=feedback)
            results[self.OUTPUT_SUMMARY] = summary_id
        chart_path = self.parameterAsFileOutput(parameters, self.CHART, context)
        if chart_path:
            title = self.tr("Water fees by tier (超计划累进加价) — {0}").format(layer_label)
            render_fee_chart(summary, chart_path, title=title)
            results[self.CHART] = chart_path
        return results

