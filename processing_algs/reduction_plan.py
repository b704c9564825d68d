"""Processing door ``tuoli_gw:reduction_plan``: how each over-extracted township reaches abstraction–recharge balance.

Reads the parameters, converts the layers with ``qgis_io.frames``, places the wells in townships and supply coverage with
the screening engine (the same supply parameters as ``screen_well_sites``), lets ``engine/reduction/plan.py`` plan the
measures year by year and writes the wells with their measure, the townships with their outcome, the table by
township and year, and the chart (``engine/plotting/reduction_chart.py``).
"""

from __future__ import annotations

from typing import Any

from qgis.core import QgsWkbTypes

from tuoli_gw_plugin.qgis_io.frames import (
    frame_fields,
    source_to_frame,
    write_frame,
)

from . import _screening_common as common
from ._declarations import (
    ANY_LAYER,
    OVER_EXTRACTION,
    POINTS,
    POLYGONS,
    RULES,
    Choice,
    Field,
    FileOut,
    Layer,
    Number,
    Result,
    Sink,
    language,
)
from .base import TuoliAlgorithm

SHARE_RULE_VALUES = ("use", "over_quota")  # 'over_quota' measures use over PLAN (its former name, kept for scripts)
MEASURE_ORDER_VALUES = ("rules", "alternative")



class ReductionPlanAlgorithm(TuoliAlgorithm):
    """Plans how each township whose abstraction exceeds its allowable volume reaches abstraction–recharge balance
    (采补平衡), year by year: notice 托政发规〔2024〕3号 item 7 (section 二(一)) and section 二(三) ask that abstraction in
    over-extraction areas be cut step by step until it balances recharge.

    The measures are the notice's own, in the order the rules file's reduction_plan.measure_order sets (an assumption:
    the notice sets no order; MEASURE_ORDER takes its alternative): wells without a water permit stopped (item 18);
    self-supplied wells (自备井: the register's SELF_SUPPLIED_FIELD, else the use by the rules file's
    screening.well_types — farm irrigation wells are not) inside public supply coverage switched to the network (item
    13); use over the approved plan brought back to the plan (items 10, 13); then the rest of the cut shared over the
    remaining irrigation wells by SHARE_RULE, at most reduction_plan.max_share_cut_fraction of a well's use a year (an
    assumption, 30 %).
    Each measure is taken whole, and only until the cut is covered. The first three fall in FIRST_YEAR; the share is
    scheduled year by year to TARGET_YEAR, as fast as the yearly cap allows.

    Per township: abstraction by year against the allowable volume, the year balance is reached, or 'not reachable by
    measures alone' with the shortfall in TARGET_YEAR. Stopped, deregistered and sealed wells no longer pump and are
    not counted; wells in no township are listed in the log.
    """

    NAME = "reduction_plan"
    DISPLAY_NAME = "Reduction plan to abstraction–recharge balance (measures by year, per township)"
    GROUP_ID, GROUP = OVER_EXTRACTION
    PARAMETERS = (
        Layer("WELLS", "Wells (points)", "Any CRS.", geometry=(POINTS,), sample="wells"),
        Field(
            "VOLUME_FIELD",
            "Annual abstraction per well (m³)",
            "The use each measure cuts; empty values count as 0 m³ and are listed in the log.",
            parent="WELLS",
            default="metered_m3",
            numeric=True,
        ),
        Field(
            "USE_FIELD",
            "Use field (self-supplied or not; irrigation)",
            "Where SELF_SUPPLIED_FIELD says nothing, self-supplied (item 13) as the rules file's screening.well_types lists "
            "the values (farm irrigation wells are not 自备井); the shared cut falls on the uses of reduction_plan.share_uses "
            "(irrigation).",
            parent="WELLS",
            default="use",
        ),
        Field(
            "SELF_SUPPLIED_FIELD",
            "Self-supplied field (yes/no, 是/否; the register's own answer decides first)",
            "Only self-supplied wells (自备井) inside public supply coverage are switched to the network (item 13).",
            parent="WELLS",
            default="self_supplied",
            when_absent="USE_FIELD alone decides which wells are self-supplied",
        ),
        Field(
            "STATUS_FIELD",
            "Status field (stopped / deregistered wells are not counted)",
            parent="WELLS",
            default="status",
            when_absent="every well is treated as active",
        ),
        Field(
            "PERMIT_FIELD",
            "Water permit number field (empty = no permit)",
            parent="WELLS",
            default="permit_no",
            when_absent="wells without a permit are not recognised: measure stop_unpermitted (item 18) is not taken",
        ),
        Field(
            "PLAN_FIELD",
            "Approved annual plan field (m³)",
            "Use above it is brought back to it (items 10, 13).",
            parent="WELLS",
            default="permit_m3",
            numeric=True,
            when_absent="use over plan is not known: measure back_to_plan (items 10, 13) is not taken",
        ),
        Field("ID_FIELD", "Well id field (for messages)", parent="WELLS", default="well_id", when_absent="wells are named by feature id",
              unique=True),
        Layer(
            "TOWNSHIPS",
            "Townships with their allowable volume (polygons)",
            "E.g. the OUTPUT of Abstraction against recharge (allowable_m3 = ρ × recharge per township).",
            geometry=(POLYGONS,),
            sample="townships",
        ),
        common.TOWNSHIP_NAME_FIELD,
        Field(
            "ALLOWABLE_FIELD",
            "Allowable abstraction field (m³/a)",
            "A township with an empty value gets no plan (status no_allowable).",
            parent="TOWNSHIPS",
            default="allowable_m3",
            numeric=True,
            expected_layer=(
                "The plan needs each township's allowable groundwater abstraction (可开采量 = ρ × recharge), which Abstraction "
                "against recharge (tuoli_gw:abstraction_recharge_balance) writes as allowable_m3: give its OUTPUT layer as "
                "TOWNSHIPS, not the township boundaries."
            ),
            refused=("red_line", "红线", "remaining_m3"),
            refused_why=(
                "it holds the township's total-use red line or what is left of it (用水总量控制红线, notice item 8), a quota "
                "for all water of every source, not the groundwater that may be abstracted without over-extraction; a plan "
                "against it would find nothing to cut. Give the OUTPUT of Abstraction against recharge as TOWNSHIPS and keep "
                "allowable_m3."
            ),
        ),
        common.SUPPLY_PIPES_NEEDED,
        common.COVERAGE_DISTANCE,
        common.SUPPLY_AREAS_NEEDED,
        Number("FIRST_YEAR", "First year of the cuts", default=2026, minimum=2000, maximum=2100, integer=True),
        Number(
            "TARGET_YEAR",
            "Target year of the balance",
            "The share is scheduled up to this year; what is still over the allowable volume then is the shortfall.",
            default=2030,
            minimum=2000,
            maximum=2100,
            integer=True,
        ),
        Choice(
            "SHARE_RULE",
            "How the rest of the cut is shared over the irrigation wells",
            "In proportion to each well's use, or to the use it drew over its approved plan (超计划, items 10, 13) — wells "
            "within their plan then take no share. The second option's value is 'over_quota' (its former name), but it "
            "measures use over plan, not over the use quota (超定额): the rules file's reduction_plan.share_rule says so.",
            options=("proportional to use", "proportional to use over plan (超计划)"),
            values=SHARE_RULE_VALUES,
        ),
        Choice(
            "MEASURE_ORDER",
            "Order of the measures",
            "The rules file's reduction_plan.measure_order (an assumption): wells without a permit stopped, self-supplied "
            "wells in coverage switched, use over plan brought back to plan, the rest shared — so where switching covers "
            "the cut, use over plan elsewhere stays. The alternative (the rules file's measure_order.alternative) brings "
            "use over plan back to plan before switching self-supplied wells.",
            options=("as the rules file orders them (self-supplied wells switched first)", "use over plan brought back to plan first"),
            values=MEASURE_ORDER_VALUES,
        ),
        language(
            "Language of the clauses and status texts", follow_interface=True, help_text="The interface language unless chosen here."
        ),
        RULES,
        Sink(
            "OUTPUT",
            "Wells with their measure",
            "Every well once with all its attributes plus township, use_m3, measure (stop_unpermitted, switch_self_supplied, "
            "back_to_plan, share, back_to_plan+share, none, inactive, outside), cut_m3, year (the year its cut is "
            "complete), clause and basis.",
            geometry=POINTS,
        ),
        Sink(
            "OUTPUT_TOWNSHIPS",
            "Townships with their plan",
            "The townships with their attributes plus wells_n, abstraction_m3, allowable_m3, cut_needed_m3, cut_stop_m3, "
            "cut_switch_m3, cut_plan_m3, cut_share_m3, planned_cut_m3, final_m3 (in TARGET_YEAR), balance_year, status "
            "(already_balanced, reached, not_reachable, no_allowable), status_text and shortfall_m3.",
            geometry=POLYGONS,
        ),
        Sink(
            "OUTPUT_YEARS",
            "Abstraction by township and year (table)",
            "township, year, abstraction_m3, allowable_m3, cut_m3 (cut in that year), balanced; the row of the year "
            "before FIRST_YEAR is the abstraction now.",
            geometry=ANY_LAYER,
        ),
        FileOut(
            "CHART",
            "Chart: abstraction by year against the allowable volume (PNG)",
            "One panel per township that must cut.",
            optional=True,
            file_filter="PNG files (*.png)",
            create_by_default=False,
        ),
    )
    RESULTS = (
        Result("TOTAL_CUT_M3", "Total cut planned (m³/a)"),
        Result("SHORTFALL_M3", "Shortfall in the target year, over all townships (m³/a)"),
        Result("UNITS_NOT_REACHABLE", "Townships not reachable by measures alone"),
    )

    def compute(self, parameters, context, feedback) -> dict[str, Any]:
        from tuoli_gw_plugin.engine.reduction.plan import TOWNSHIP_OUTPUT, WELL_OUTPUT

        source, label = self.source(parameters, "WELLS", context)
        common.require_points(source, label, "WELLS")
        townships_source, townships_label = self.source(parameters, "TOWNSHIPS", context)
        language = self.choice(parameters, "LANGUAGE", context)
        target_year = self.parameterAsInt(parameters, "TARGET_YEAR", context)
        plan = self._plan(parameters, context, feedback, source, label, townships_source, townships_label, language, target_year)
        self.stop_if_cancelled(feedback)

        feedback.setProgressText(self.tr("Writing the outputs…"))
        wells = plan.wells.reset_index(drop=True)
        dest_id = self.write_with_columns(parameters, "OUTPUT", context, feedback, source, label, WELL_OUTPUT, wells)
        self.style_output(dest_id, "reduction_measure")
        townships_id = self.write_with_columns(
            parameters, "OUTPUT_TOWNSHIPS", context, feedback, townships_source, townships_label, TOWNSHIP_OUTPUT, plan.townships,
            wkb_type=QgsWkbTypes.MultiPolygon, say_replaced=False,
        )
        self.style_output(townships_id, "reduction_status")
        years = plan.years.astype({"year": int, "balanced": bool})
        years_sink, years_id = self.required_sink(
            parameters, "OUTPUT_YEARS", context, frame_fields(years), QgsWkbTypes.NoGeometry, townships_source.sourceCrs()
        )
        write_frame(years, years_sink, frame_fields(years), feedback=feedback)
        outputs: dict[str, Any] = {"OUTPUT": dest_id, "OUTPUT_TOWNSHIPS": townships_id, "OUTPUT_YEARS": years_id}

        chart_path = self.parameterAsFileOutput(parameters, "CHART", context)
        if chart_path:
            from tuoli_gw_plugin.engine.plotting.reduction_chart import reduction_chart  # matplotlib only when asked for

            for warning in reduction_chart(plan.townships, plan.years, plan.township_names, chart_path, language):
                feedback.pushWarning(warning)
            outputs["CHART"] = chart_path
            feedback.pushInfo(self.tr("Chart written to {path}").format(path=chart_path))

        reached = int((plan.townships["status"] == "reached").sum())
        feedback.pushInfo(
            self.tr(
                "{n} township(s) must cut: {reached} reach balance by {year}, {short} not by measures alone (shortfall "
                "{shortfall:,.0f} m³/a); {cut:,.0f} m³/a cut in all."
            ).format(
                n=reached + plan.units_not_reachable, reached=reached, year=target_year, short=plan.units_not_reachable,
                shortfall=plan.shortfall_m3, cut=plan.total_cut_m3,
            )
        )
        outputs.update(
            {"TOTAL_CUT_M3": plan.total_cut_m3, "SHORTFALL_M3": plan.shortfall_m3, "UNITS_NOT_REACHABLE": plan.units_not_reachable}
        )
        return outputs

    def _plan(self, parameters, context, feedback, source, label, townships_source, townships_label, language, target_year):
        """The engine's plan: the wells placed in townships and supply coverage, then the cuts year by year."""
        from tuoli_gw_plugin.engine.reduction.plan import PlanSettings, plan_reduction, plan_table, township_allowables

        volume_field, use_field, status_field, permit_field, plan_field, id_field, self_supplied_field = self.fields(
            parameters, context, feedback, "VOLUME_FIELD", "USE_FIELD", "STATUS_FIELD", "PERMIT_FIELD", "PLAN_FIELD", "ID_FIELD",
            "SELF_SUPPLIED_FIELD",
        )
        name_field, allowable_field = self.fields(parameters, context, feedback, "TOWNSHIP_NAME_FIELD", "ALLOWABLE_FIELD")
        rules = self.rules(parameters, context)
        feedback.setProgressText(self.tr("Reading and preparing the layers…"))
        settings = PlanSettings.from_rules(
            rules, self.parameterAsInt(parameters, "FIRST_YEAR", context), target_year, self.choice(parameters, "SHARE_RULE", context),
            language, self.choice(parameters, "MEASURE_ORDER", context),
        )
        townships = source_to_frame(townships_source, townships_label, field_names=[name_field, allowable_field], feedback=feedback)
        names, allowable = township_allowables(townships, name_field, allowable_field, layer=townships_label)
        prepared = common.prepare_from_parameters(self, parameters, context, feedback, with_remaining=False)
        prepared.layer_names["wells"] = label
        wanted = (volume_field, use_field, self_supplied_field, status_field, permit_field, plan_field, id_field)
        wanted = [f for f in wanted if f]
        wells = source_to_frame(source, label, field_names=list(dict.fromkeys(wanted)), feedback=feedback)
        self.stop_if_cancelled(feedback)
        feedback.setProgressText(self.tr("Planning the cuts of {n} wells…").format(n=len(wells)))
        table, notes = plan_table(
            prepared, wells, rules, volume_field=volume_field, use_field=use_field, self_supplied_field=self_supplied_field,
            status_field=status_field,
            permit_field=permit_field, plan_field=plan_field, id_field=id_field, language=language, is_canceled=feedback.isCanceled,
        )
        plan = plan_reduction(table, allowable, settings, township_order=names, is_canceled=feedback.isCanceled)
        self.report_messages(feedback, warnings=[*notes, *plan.warnings])
        for name, value in allowable.items():
            if value is None:
                feedback.pushWarning(
                    self.tr("Township '{township}' has no allowable volume in '{field}' (layer '{layer}'): no plan for it.").format(
                        township=name, field=allowable_field, layer=townships_label
                    )
                )
        return plan
