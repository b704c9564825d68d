"""Processing algorithm ``tuoli_gw:water_level_trend``: groundwater-level decline per station and unit.

A thin door onto ``engine.trend``: the Theil–Sen decline rate (m/a, positive = falling level) and
its Mann–Kendall significance per monitoring station, and per unit the median rate and the
over-extraction grade it implies (GB/T 34968, thresholds from the rules file).
"""

from __future__ import annotations

from typing import Any

from qgis.core import QgsProcessingException, QgsWkbTypes
from qgis.PyQt.QtCore import QDate

from tuoli_gw_plugin.qgis_io.frames import column_fields, fields_with, source_to_frame, write_features_with_columns

from ._declarations import ANY_LAYER, OVER_EXTRACTION, POINTS, POLYGONS, RULES, Field, Layer, Sink
from .base import SummarisedLog, TuoliAlgorithm

# Grades that are a finding; "undetermined" (record too short to test) is none of them.
TESTED_GRADES = ("none", "general", "severe")


class WaterLevelTrendAlgorithm(TuoliAlgorithm):
    """Groundwater-level decline per monitoring station and per unit, and the over-extraction grade it implies (GB/T
    34968-2017: general for a sustained decline up to 1.5 m/a, severe above; thresholds and the significance level
    from the rules file). Supports notice 托政发规〔2024〕3号 section 二(一), item 7.

    A record too short to test (fewer readings or a shorter span than the rules file asks, or fewer reading dates
    than the Mann–Kendall test needs to ever reach significance) is graded undetermined, never none, with the
    reason in undetermined_reason; such stations are listed in the log. A unit whose stations are all undetermined
    is undetermined.
    """

    NAME = "water_level_trend"
    DISPLAY_NAME = "Water-level trend (decline rate and level grade)"
    GROUP_ID, GROUP = OVER_EXTRACTION
    PARAMETERS = (
        Layer("STATIONS", "Monitoring stations (points)", help="With a station id.", geometry=(POINTS,), sample="monitoring_stations"),
        Layer(
            "SERIES", "Water-level observations (table)", "Station id, date, depth to water (m below ground).",
            geometry=(ANY_LAYER,), sample="water_levels",
        ),
        Field("STATION_FIELD", "Station id field (in both)", parent="STATIONS", default="station_id"),
        Field("DATE_FIELD", "Date field", "Dates or text such as 2024-03-05, 2024/3/5, 2024年3月5日.", parent="SERIES", default="date"),
        Field("DEPTH_FIELD", "Depth to water field (m)", parent="SERIES", default="depth_to_water_m"),
        Layer("UNITS", "Units to grade (polygons, optional)", optional=True, geometry=(POLYGONS,), sample="townships"),
        RULES,
        Sink(
            "OUTPUT", "Stations with trend",
            "The stations with n_obs, first_date, last_date, years (span), decline_m_per_a (Theil–Sen slope of depth "
            "against time; positive = depth increasing = water level falling), mk_p_value (Mann–Kendall test, "
            "two-sided), significant (p below the rules' significance_p) and level_grade (none / general / severe; "
            "a decline counts only when significant; undetermined when the record is too short to test, with the reason in "
            "undetermined_reason).",
            geometry=POINTS,
        ),
        Sink(
            "OUTPUT_UNITS", "Units with level grade",
            "The units with stations_n (stations with a rate inside), decline_m_per_a (their median) and level_grade "
            "(by the median rate; sustained when at least half of the stations decline significantly; undetermined when "
            "all its stations are, with the reason in undetermined_reason). Feed it to "
            "tuoli_gw:abstraction_recharge_balance as its water-level grades.",
            optional=True, geometry=POLYGONS, create_by_default=False,
        ),
    )

    def compute(self, parameters: dict[str, Any], context, feedback) -> dict[str, Any]:
        from tuoli_gw_plugin.engine.balance.trend import STATION_OUTPUT, station_trends

        rules = self.rules(parameters, context)
        stations, stations_label = self.source(parameters, "STATIONS", context)
        series, series_label = self.source(parameters, "SERIES", context)
        self.optional_source(parameters, "UNITS", context)  # a UNITS layer that cannot be opened stops the run before any work
        station_field, date_field, depth_field = self.fields(parameters, context, feedback, "STATION_FIELD", "DATE_FIELD", "DEPTH_FIELD")

        report = SummarisedLog(feedback, self.tr)  # a note per cell or station: the first few, then a count

        station_frame = source_to_frame(stations, stations_label, feedback=feedback)
        series_frame = source_to_frame(
            series, series_label, field_names=[station_field, date_field, depth_field], with_geometry=False, feedback=feedback
        )
        trends = station_trends(
            station_frame, series_frame, rules,
            station_field=station_field, date_field=date_field, depth_field=depth_field,
            stations_layer=stations_label, series_layer=series_label, report=report, reasons=True,
        )
        # Python dates are not QVariant-convertible by the sink: hand it QDate values.
        to_write = trends.copy()
        for name in ("first_date", "last_date"):
            to_write[name] = [None if d is None else QDate(d.year, d.month, d.day) for d in trends[name]]
        output_fields = fields_with(stations.fields(), column_fields(STATION_OUTPUT))
        sink, dest_id = self.required_sink(parameters, "OUTPUT", context, output_fields, stations.wkbType(), stations.sourceCrs())
        write_features_with_columns(stations, sink, output_fields, to_write, feedback=feedback)
        self.style_output(dest_id, "level_grade_stations")
        outputs: dict[str, Any] = {"OUTPUT": dest_id}
        graded = trends["level_grade"].isin(TESTED_GRADES)
        feedback.pushInfo(
            self.tr("{0} of {1} stations have a trend: {2} severe, {3} general.").format(
                int(graded.sum()),
                len(trends),
                int((trends["level_grade"] == "severe").sum()),
                int((trends["level_grade"] == "general").sum()),
            )
        )

        outputs.update(self._unit_grades(parameters, context, feedback, stations, station_frame, trends, rules, report))
        report.close()
        return outputs

    def _unit_grades(self, parameters, context, feedback, stations, station_frame, trends, rules, report) -> dict[str, Any]:
        """OUTPUT_UNITS when asked for: each unit graded by its stations' rates (it needs UNITS)."""
        from tuoli_gw_plugin.engine.balance.abstraction_recharge import unit_labels_for
        from tuoli_gw_plugin.engine.balance.trend import UNIT_OUTPUT, unit_level_grades

        units, units_label = self.optional_source(parameters, "UNITS", context)
        unit_fields = fields_with(units.fields(), column_fields(UNIT_OUTPUT)) if units else stations.fields()
        units_sink, units_id = self.parameterAsSink(
            parameters, "OUTPUT_UNITS", context, unit_fields, QgsWkbTypes.MultiPolygon, units.sourceCrs() if units else stations.sourceCrs()
        )
        if units_sink is None:
            if units is not None:
                feedback.pushInfo(self.tr("UNITS given but no OUTPUT_UNITS: set OUTPUT_UNITS to get the per-unit grades."))
            return {}
        if units is None:
            raise QgsProcessingException(self.tr("OUTPUT_UNITS needs a UNITS layer of polygons to grade."))
        unit_frame = source_to_frame(units, units_label, feedback=feedback)
        stations_with_rates = station_frame[["geometry"]].copy()
        stations_with_rates["decline_m_per_a"] = trends["decline_m_per_a"].to_numpy()
        stations_with_rates["significant"] = trends["significant"].to_numpy()
        # the grades tell the engine which stations are undetermined (a unit of only those is undetermined)
        stations_with_rates["level_grade"] = trends["level_grade"].to_numpy()
        per_unit = unit_level_grades(
            unit_frame, stations_with_rates, rules, unit_labels=unit_labels_for(unit_frame), report=report, reasons=True
        )
        write_features_with_columns(units, units_sink, unit_fields, per_unit, feedback=feedback)
        self.style_output(units_id, "level_grade_units")
        return {"OUTPUT_UNITS": units_id}
