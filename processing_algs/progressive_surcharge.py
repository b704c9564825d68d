"""Processing door ``tuoli_gw:progressive_surcharge``: water-resource fees with the over-plan surcharge.

Reads an accounts layer or table (plan and actual volumes), lets the engine
(:mod:`tuoli_gw_plugin.engine.bookkeeping.surcharge`) compute each account's fee under notice items 10 and 13,
and writes the accounts back with the fee fields, plus an optional per-tier summary table and a
chart of fees by tier per township.
"""

from __future__ import annotations

from typing import Any

from qgis.core import QgsProcessingException, QgsWkbTypes

from tuoli_gw_plugin.qgis_io.frames import (
    source_to_frame,
)

from ._declarations import (
    ANY_LAYER,
    BOOKKEEPING,
    RULES,
    Boolean,
    Choice,
    Field,
    FileOut,
    Layer,
    Number,
    Result,
    Sink,
)
from .base import TuoliAlgorithm

# The output's style by its geometry (a table of accounts is not styled).
STYLE_OF_GEOMETRY = {QgsWkbTypes.PointGeometry: "surcharge_multiplier", QgsWkbTypes.PolygonGeometry: "surcharge_multiplier_polygon"}

CHARGE_ON_VALUES = ("larger", "plan", "quota")


def _rules_charge_on() -> int:
    """The shipped rules' reading (surcharge.plan_or_quota) as the parameter's default."""
    from tuoli_gw_plugin.engine.core.rules import load_rules

    try:
        return CHARGE_ON_VALUES.index(load_rules().value("surcharge", "plan_or_quota"))
    except Exception:  # a broken shipped file must not hide the algorithm; the run reports it
        return 0


class ProgressiveSurchargeAlgorithm(TuoliAlgorithm):
    """Computes each account's water-resource fee with the progressive surcharge for use over plan (超计划累进加价,
    notice 托政发规〔2024〕3号 items 10 and 13).

    Use within plan is charged at the base rate (×1). The over-plan part is charged by bands of the excess in
    percent of plan, read from the rules file: up to 20 % over plan at 2×, from 20 to 50 % at 3×, beyond 50 % at 5×.
    An excess of exactly 20 % is in the 2× band and exactly 50 % in the 3× band (超额20%以内 → 2倍).

    Use over quota (超定额, items 10 and 13) is charged by the same bands, in percent of the quota volume (定额水量):
    the account's own quota field, else its use's quota in the rules file (compliance.use_quotas) times its quota
    units (mu, persons, head). Which part an account over both is charged on is a reading the notice leaves open
    (CHARGE_ON; the rules file's surcharge.plan_or_quota, marked as an assumption): by default the larger of the
    over-plan and the over-quota part, never both; or the over-plan part only; or the over-quota part wherever there is
    a quota. The charged_on field says which ('plan' or 'quota'). Without quota fields, accounts are charged over plan
    only, and the log says so.
    """

    NAME = "progressive_surcharge"
    READS_POSITIONS = False  # attributes only: where the wells are plays no part
    DISPLAY_NAME = "Progressive surcharge for use over plan (超计划累进加价)"
    GROUP_ID, GROUP = BOOKKEEPING
    PARAMETERS = (
        Layer("INPUT", "Accounts (layer or table)", "Geometry optional; kept when present."),
        Field("PLAN_FIELD", "Plan field (m³/a)", "Text such as '1,200' is read as 1200.", parent="INPUT", default="plan_m3"),
        Field("ACTUAL_FIELD", "Actual (metered) use field (m³/a)", parent="INPUT", default="actual_m3"),
        Number("BASE_RATE", "Base rate (yuan per m³, the standard charge)", "More than 0.", minimum=0.0),
        Choice(
            "MODE", "Surcharge mode",
            "Band by band: each band of the excess at its own multiple (the fee is continuous in the use); "
            "whole excess: the whole excess at the multiple of the highest band reached.",
            options=("Band by band (累进)", "Whole excess at the top band's multiple"), values=("band", "whole"),
        ),
        Field(
            "QUOTA_FIELD", "Quota volume field (m³, 定额水量) — over-quota charging", parent="INPUT", default="quota_m3",
            numeric=True, when_absent="accounts have no quota volume of their own",
        ),
        Field("USE_FIELD", "Use field (for the use's quota in the rules file)", parent="INPUT"),
        Choice(
            "CHARGE_ON", "Over plan and over quota: which part is charged",
            "The notice charges use over plan or over quota progressively (items 10, 13) without saying which part when an "
            "account is over both. Default: the rules file's surcharge.plan_or_quota (an assumption: the larger part, never "
            "both).",
            options=("the larger of the two, never both", "the over-plan part only", "the over-quota part where there is a quota"),
            values=CHARGE_ON_VALUES, default=_rules_charge_on,
        ),
        Field(
            "QUOTA_UNITS_FIELD", "Quota units field (mu / persons / head)", parent="INPUT", default="quota_units",
            numeric=True, when_absent="the use's quota in the rules file is not used",
        ),
        Field("ID_FIELD", "Account id field (for messages)", "Else the feature id.", parent="INPUT", unique=True),
        Field("TOWNSHIP_FIELD", "Township field (groups the summary and chart)", parent="INPUT"),
        Boolean(
            "FAIL_ON_INVALID", "Stop when an account cannot be charged",
            "Checked: stop with one error listing every account that cannot be charged. Unchecked: those "
            "accounts are written with empty fee fields and the reason in 'problem', each named in a warning. "
            "Never charged, never zero-filled: an empty, unreadable or negative plan or use, or use with a plan of 0.",
        ),
        RULES,
        Sink(
            "OUTPUT", "Accounts with fees",
            "The input features plus excess_m3, excess_pct (excess in % of plan), top_multiplier (multiple of "
            "the highest band reached; 1 within plan), fee_yuan, surcharge_yuan (fee above base rate × actual), "
            "problem, quota_m3, over_quota_m3, over_quota_pct (in % of the quota) and charged_on ('plan' or 'quota').",
        ),
        Sink(
            "OUTPUT_SUMMARY", "Fees by tier (summary table)",
            "Per township (or 'all') and tier: multiplier, accounts_n, volume_m3, fee_yuan; plus a 'not_charged' "
            "row counting accounts with a problem.",
            optional=True, geometry=ANY_LAYER, create_by_default=False,
        ),
        FileOut(
            "CHART", "Chart of fees by tier (PNG)", "Fees by tier, stacked, per township.",
            optional=True, file_filter="PNG files (*.png)", create_by_default=False,
        ),
    )
    RESULTS = (
        Result("COUNT_CHARGED", "Accounts charged", former_key="CHARGED_COUNT"),
        Result("COUNT_NOT_CHARGED", "Accounts not charged", former_key="NOT_CHARGED_COUNT"),
        Result("TOTAL_FEE_YUAN", "Total fees (yuan)"),
        Result("TOTAL_SURCHARGE_YUAN", "Total surcharge (yuan)"),
    )

    def compute(self, parameters: dict[str, Any], context, feedback) -> dict[str, Any]:
        from tuoli_gw_plugin.engine.bookkeeping.quota_volumes import UseQuotas
        from tuoli_gw_plugin.engine.bookkeeping.surcharge import RESULT_COLUMNS, SurchargeSchedule, compute_surcharge, summary_by_tier
        from tuoli_gw_plugin.engine.plotting.charts import render_fee_chart

        source, layer_label = self.source(parameters, "INPUT", context)
        plan_field, actual_field, id_field, township_field, quota_field, use_field, quota_units_field = self.fields(
            parameters, context, feedback,
            "PLAN_FIELD", "ACTUAL_FIELD", "ID_FIELD", "TOWNSHIP_FIELD", "QUOTA_FIELD", "USE_FIELD", "QUOTA_UNITS_FIELD",
        )
        base_rate = self.parameterAsDouble(parameters, "BASE_RATE", context)
        if base_rate <= 0:
            raise QgsProcessingException(
                self.tr("BASE_RATE must be more than 0 yuan per m³ (the standard charge, 征收标准).")
            )
        mode = self.choice(parameters, "MODE", context)
        charge_on = self.choice(parameters, "CHARGE_ON", context)
        rules = self.rules(parameters, context)
        wanted = (plan_field, actual_field, id_field, township_field, quota_field, use_field, quota_units_field)
        names = list(dict.fromkeys(n for n in wanted if n))
        frame = source_to_frame(source, layer_label, field_names=names, with_geometry=False, feedback=feedback)
        result = compute_surcharge(
            frame, plan_field=plan_field, actual_field=actual_field, base_rate=base_rate, schedule=SurchargeSchedule.from_rules(rules),
            mode=mode, layer=layer_label, id_field=id_field, quota_field=quota_field, use_field=use_field,
            quota_units_field=quota_units_field, quotas=UseQuotas.from_rules(rules), charge_on=charge_on,
        )
        self._report_problems(parameters, context, feedback, result, layer_label, len(frame))

        accounts = result.accounts
        dest_id = self.write_with_frame(parameters, "OUTPUT", context, feedback, source, accounts, RESULT_COLUMNS)
        geometry_type = QgsWkbTypes.geometryType(source.wkbType())
        if geometry_type in STYLE_OF_GEOMETRY:
            self.style_output(dest_id, STYLE_OF_GEOMETRY[geometry_type])
        charged = accounts["problem"].isna()
        totals = {"fee": float(accounts.loc[charged, "fee_yuan"].sum()), "surcharge": float(accounts.loc[charged, "surcharge_yuan"].sum())}
        feedback.pushInfo(
            self.tr("{0} account(s) charged ({1}): fees {2:,.2f} yuan, of which surcharge {3:,.2f} yuan.").format(
                int(charged.sum()), self.tr("band by band") if mode == "band" else self.tr("whole excess"),
                totals["fee"], totals["surcharge"],
            )
        )
        results: dict[str, Any] = {
            "OUTPUT": dest_id, "COUNT_CHARGED": int(charged.sum()), "COUNT_NOT_CHARGED": int((~charged).sum()),
            "TOTAL_FEE_YUAN": totals["fee"], "TOTAL_SURCHARGE_YUAN": totals["surcharge"],
        }
        # The former names, kept for existing batch scripts.
        results["CHARGED_COUNT"], results["NOT_CHARGED_COUNT"] = results["COUNT_CHARGED"], results["COUNT_NOT_CHARGED"]

        summary = summary_by_tier(result, base_rate, frame[township_field].tolist() if township_field else None)
        summary_id = self.write_optional_table(parameters, "OUTPUT_SUMMARY", context, feedback, summary)
        if summary_id is not None:
            results["OUTPUT_SUMMARY"] = summary_id
        chart_path = self.parameterAsFileOutput(parameters, "CHART", context)
        if chart_path:
            render_fee_chart(summary, chart_path, title=self.tr("Water-resource fees by tier (超计划累进加价) — {0}").format(layer_label))
            results["CHART"] = chart_path
        return results

    def _report_problems(self, parameters, context, feedback, result, layer_label: str, n_accounts: int) -> None:
        """Accounts the engine could not charge: the run stops when FAIL_ON_INVALID, else each is in the log."""
        from tuoli_gw_plugin.engine.bookkeeping.surcharge import invalid_accounts_error

        self.report_messages(feedback, result.notes)
        if result.problems and self.parameterAsBoolean(parameters, "FAIL_ON_INVALID", context):
            raise invalid_accounts_error(result, layer_label)
        for line in result.problems:
            feedback.pushWarning(self.tr("Not charged: layer '{0}', {1}").format(layer_label, line))
        if result.problems:
            feedback.pushWarning(
                self.tr("{0} of {1} account(s) were not charged; their fee fields are empty and 'problem' says why.").format(
                    len(result.problems), n_accounts
                )
            )
