"""Processing algorithm ``tuoli_gw:water_level_trend``: groundwater-level decline per station and unit.

A thin door onto ``engine.trend``: the Theil–Sen decline rate (m/a, positive = falling level) and
its Mann–Kendall significance per monitoring station, and per unit the median rate and the
over-extraction grade it implies (GB/T 34968, thresholds from the rules file).
"""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QVariant

from ..qgis_bridge import fields_with, new_field, source_to_frame, write_features_with_columns
from .base import TuoliAlgorithm

STATION_FIELD_TYPES = {
    "n_obs": QVariant.LongLong,
    "first_date": QVariant.Date,
    "last_date": QVariant.Date,
    "years": QVariant.Double,
    "decline_m_per_a": QVariant.Double,
    "mk_p_value": QVariant.Double,
    "significant": QVariant.Bool,
    "level_grade": QVariant.String,
}
UNIT_FIELD_TYPES = {"stations_n": QVariant.LongLong, "decline_m_per_a": QVariant.Double, "level_grade": QVariant.String}


class WaterLevelTrend(TuoliAlgorithm):
    NAME = "water_level_trend"
    DISPLAY_NAME = "Water-level trend (decline rate and level grade)"
    GROUP_ID = "over_extraction"
    GROUP = "Over-extraction"
    HELP = (
        "Groundwater-level decline per monitoring station and per unit, and the over-extraction grade it implies "
        "(GB/T 34968-2017: general for a sustained decline up to 1.5 m/a, severe above; thresholds and the "
        "significance level from the rules file). Supports notice 托政发规〔2024〕3号 section 三, item 7.\n\n"
        "STATIONS: monitoring stations (points) with a station id. SERIES: table (or layer) of observations: "
        "station id, date, depth to water (m below ground). STATION_FIELD (default station_id, in both layers), "
        "DATE_FIELD (default date; dates or text such as 2024-03-05, 2024/3/5, 2024年3月5日), DEPTH_FIELD (default "
        "depth_to_water_m). UNITS (optional): polygons to grade.\n\n"
        "OUTPUT: the stations with n_obs, first_date, last_date, years (span), decline_m_per_a (Theil–Sen slope of "
        "depth against time; positive = depth increasing = water level falling), mk_p_value (Mann–Kendall test, "
        "two-sided), significant (p below the rules' significance_p) and level_grade (none / general / severe; a "
        "decline counts only when significant). Stations with fewer than 3 observations or less than one year of "
        "record get no rate and no grade and are listed in the log.\n"
        "OUTPUT_UNITS (optional): the units with stations_n (stations with a rate inside), decline_m_per_a (their "
        "median) and level_grade (by the median rate; sustained when at least half of the stations decline "
        "significantly). Feed it to tuoli_gw:abstraction_recharge_balance as LEVEL_GRADES."
    )

    STATIONS = "STATIONS"
    SERIES = "SERIES"
    STATION_FIELD = "STATION_FIELD"
    DATE_FIELD = "DATE_FIELD"
    DEPTH_FIELD = "DEPTH_FIELD"
    UNITS = "UNITS"
    OUTPUT = "OUTPUT"
    OUTPUT_UNITS = "OUTPUT_UNITS"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.STATIONS, self.tr("Monitoring stations (points)"), [QgsProcessing.TypeVectorPoint]
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SERIES, self.tr("Water-level observations (table)"), [QgsProcessing.TypeVector]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.STATION_FIELD, self.tr("Station id field (in both)"), "station_id", self.STATIONS, optional=True
            )
        )
        self.addParameter(QgsProcessingParameterField(self.DATE_FIELD, self.tr("Date field"), "date", self.SERIES, optional=True))
        self.addParameter(
            QgsProcessingParameterField(
                self.DEPTH_FIELD, self.tr("Depth to water field (m)"), "depth_to_water_m", self.SERIES, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.UNITS, self.tr("Units to grade (polygons, optional)"), [QgsProcessing.TypeVectorPolygon], optional=True
            )
        )
        self.add_rules_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Stations with trend"), QgsProcessing.TypeVectorPoint)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_UNITS, self.tr("Units with level grade"), QgsProcessing.TypeVectorPolygon,
                optional=True, createByDefault=False,
            )
        )

    def compute(self, parameters: dict[str, Any], context, feedback) -> dict[str, Any]:
        from ..engine.balance import unit_labels_for
        from ..engine.trend import station_trends, unit_level_grades

        rules = self.rules(parameters, context)
        stations = self.required_source(parameters, self.STATIONS, context)
        series = self.required_source(parameters, self.SERIES, context)
        units = self.parameterAsSource(parameters, self.UNITS, context)
        station_field = self.parameterAsString(parameters, self.STATION_FIELD, context) or "station_id"
        date_field = self.parameterAsString(parameters, self.DATE_FIELD, context) or "date"
        depth_field = self.parameterAsString(parameters, self.DEPTH_FIELD, context) or "depth_to_water_m"

        def report(level: str, message: str) -> None:
            (feedback.pushWarning if level == "warning" else feedback.pushInfo)(message)

        stations_label = self.layer_label(parameters, self.STATIONS, stations, "STATIONS")
        series_label = self.layer_label(parameters, self.SERIES, series, "SERIES")
        station_frame = source_to_frame(stations, stations_label, feedback=feedback)
        series_frame = source_to_frame(
            series, series_label, field_names=[station_field, date_field, depth_field], with_geometry=False, feedback=feedback
        )
        trends = station_trends(
            station_frame, series_frame, rules,
            station_field=station_field, date_field=date_field, depth_field=depth_field,
            stations_layer=stations_label, series_layer=series_label, report=report,
        )
        # Python dates are not QVariant-convertible by the sink: hand it QDate values.
        to_write = trends.copy()
        for name in ("first_date", "last_date"):
            to_write[name] = [None if d is None else QDate(d.year, d.month, d.day) for d in trends[name]]
        output_fields = fields_with(stations.fields(), [new_field(n, t) for n, t in STATION_FIELD_TYPES.items()])
        sink, dest_id = self.required_sink(parameters, self.OUTPUT, context, output_fields, stations.wkbType(), stations.sourceCrs())
        write_features_with_columns(stations, sink, output_fields, to_write, feedback=feedback)
        self.style_output(dest_id, "level_grade_stations")
        outputs: dict[str, Any] = {self.OUTPUT: dest_id}
        graded = trends["level_grade"].notna()
        feedback.pushInfo(
            self.tr("{0} of {1} stations have a trend: {2} severe, {3} general.").format(
                int(graded.sum()),
                len(trends),
                int((trends["level_grade"] == "severe").sum()),
                int((trends["level_grade"] == "general").sum()),
            )
        )

        units_sink, units_id = self.parameterAsSink(
            parameters, self.OUTPUT_UNITS, context,
            fields_with(units.fields(), [new_field(n, t) for n, t in UNIT_FIELD_TYPES.items()]) if units else stations.fields(),
            QgsWkbTypes.MultiPolygon,
            units.sourceCrs() if units else stations.sourceCrs(),
        )
        if units_sink is not None:
            if units is None:
                raise QgsProcessingException(self.tr("OUTPUT_UNITS needs a UNITS layer of polygons to grade."))
            units_label = self.layer_label(parameters, self.UNITS, units, "UNITS")
            unit_frame = source_to_frame(units, units_label, feedback=feedback)
            stations_with_rates = station_frame[["geometry"]].copy()
            stations_with_rates["decline_m_per_a"] = trends["decline_m_per_a"].to_numpy()
            stations_with_rates["significant"] = trends["significant"].to_numpy()
            per_unit = unit_level_grades(unit_frame, stations_with_rates, rules, unit_labels=unit_labels_for(unit_frame), report=report)
            unit_fields = fields_with(units.fields(), [new_field(n, t) for n, t in UNIT_FIELD_TYPES.items()])
            write_features_with_columns(units, units_sink, unit_fields, per_unit, feedback=feedback)
            self.style_output(units_id, "level_grade_units")
            outputs[self.OUTPUT_UNITS] = units_id
        elif units is not None:
            feedback.pushInfo(self.tr("UNITS given but no OUTPUT_UNITS: set OUTPUT_UNITS to get the per-unit grades."))
        return outputs
