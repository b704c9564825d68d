"""Processing algorithm ``tuoli_gw:abstraction_recharge_balance``: abstraction against recharge.

A thin door onto ``engine.balance``: per assessment unit (or square grid cell) the metered
abstraction, the recharge volume, the extraction coefficient, the GB/T 34968 grade and the cut
needed to reach 采补平衡 (notice 托政发规〔2024〕3号 section 三, item 7); optionally a net-balance
raster, a chart, and the worse of this grade and the water-level grade.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsRectangle,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..qgis_bridge import crs_to_pyproj_text, fields_with, new_field, source_to_frame, write_features_with_columns
from .base import TuoliAlgorithm

BALANCE_FIELD_TYPES = {
    "wells_n": QVariant.LongLong,
    "area_km2": QVariant.Double,
    "abstraction_m3": QVariant.Double,
    "recharge_m3": QVariant.Double,
    "allowable_m3": QVariant.Double,
    "extraction_coef": QVariant.Double,
    "grade": QVariant.String,
    "reduction_m3": QVariant.Double,
}
LEVEL_FIELD_TYPES = {
    "level_grade": QVariant.String,
    "decline_m_per_a": QVariant.Double,
    "final_grade": QVariant.String,
    "grade_criterion": QVariant.String,
}


def balance_fields(with_levels: bool) -> list[QgsField]:
    types = dict(BALANCE_FIELD_TYPES)
    if with_levels:
        types.update(LEVEL_FIELD_TYPES)
    return [new_field(name, kind) for name, kind in types.items()]


def write_balance_raster_style(path: str, grid) -> None:
    """A diverging red (mined) – white – blue (surplus) style saved as a .qml beside the GeoTIFF."""
    import numpy as np
    from qgis.core import (
        QgsColorRampShader,
        QgsRasterLayer,
        QgsRasterShader,
        QgsSingleBandPseudoColorRenderer,
    )
    from qgis.PyQt.QtGui import QColor

    values = grid[np.isfinite(grid)]
    limit = float(np.percentile(np.abs(values), 98)) if values.size else 1.0
    limit = limit if limit > 0 else 1.0
    layer = QgsRasterLayer(path, "balance", "gdal")
    if not layer.isValid():
        return
    ramp = QgsColorRampShader(-limit, limit)
    ramp.setColorRampType(QgsColorRampShader.Interpolated)
    ramp.setColorRampItemList(
        [
            QgsColorRampShader.ColorRampItem(-limit, QColor("#b2182b"), f"≤ {-limit:.0f} mm/a mined 超采"),
            QgsColorRampShader.ColorRampItem(-limit / 2, QColor("#ef8a62"), f"{-limit / 2:.0f}"),
            QgsColorRampShader.ColorRampItem(0, QColor("#f7f7f7"), "0 balance 采补平衡"),
            QgsColorRampShader.ColorRampItem(limit / 2, QColor("#67a9cf"), f"{limit / 2:.0f}"),
            QgsColorRampShader.ColorRampItem(limit, QColor("#2166ac"), f"≥ {limit:.0f} mm/a surplus 盈余"),
        ]
    )
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(ramp)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(-limit)
    renderer.setClassificationMax(limit)
    layer.setRenderer(renderer)
    layer.saveNamedStyle(str(Path(path).with_suffix(".qml")))


def write_grid_cells(grid, columns, sink, output_fields: QgsFields) -> None:
    """Write the square grid cells with their balance columns.

    Geometry from each cell's bounds, not WKB: inside qgis_process shapely's WKB writer is broken by
    the system GEOS the executable loads (see engine.zonal.geojson_mapping).
    """
    import shapely

    from ..qgis_bridge import qgis_value

    bounds = shapely.bounds(grid.geometry.values)
    names = output_fields.names()
    for row in range(len(grid)):
        feature = QgsFeature(output_fields)
        xmin, ymin, xmax, ymax = (float(v) for v in bounds[row])
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(xmin, ymin, xmax, ymax)))
        values = {"cell_id": grid["cell_id"].iloc[row]}
        values.update({name: qgis_value(columns[name].iloc[row]) for name in columns.columns})
        feature.setAttributes([values.get(name) for name in names])
        if not sink.addFeature(feature, QgsFeatureSink.FastInsert):
            raise QgsProcessingException(f"Could not write grid cell {values['cell_id']} to the output.")


class AbstractionRechargeBalance(TuoliAlgorithm):
    NAME = "abstraction_recharge_balance"
    DISPLAY_NAME = "Abstraction against recharge (over-extraction grade, cut needed)"
    GROUP_ID = "over_extraction"
    GROUP = "Over-extraction"
    HELP = (
        "Per assessment unit (township, zone…) or square grid cell: abstraction of the wells inside, recharge "
        "volume, allowable abstraction, extraction coefficient, over-extraction grade and the volume to cut until "
        "abstraction and recharge balance (采补平衡, notice 托政发规〔2024〕3号 section 三, item 7; grading after "
        "GB/T 34968-2017, thresholds from the rules file).\n\n"
        "WELLS: point layer of wells. VOLUME_FIELD: annual abstraction per well in m³ (default metered_m3); text "
        "such as '1,200' is read, unreadable or negative values stop the run with the feature named; empty values "
        "are reported and not counted.\n"
        "RECHARGE: raster of recharge in mm per year (mm/a), any CRS. It MUST be in mm/a: a raster in m/a or in "
        "m³ per cell gives wrong volumes (the log warns when the mean is implausible). Recharge volume = Σ mm/1000 × "
        "true cell area over the unit; cells on the unit's edge count by the exact share of their area inside; "
        "cells without data are left out and counted in the log.\n"
        "UNITS: polygon layer of assessment units (optional). Without it, GRID_SIZE (metres) makes a square grid "
        "over the wells and the raster.\n"
        "ALLOWABLE_RATIO: ρ, allowable abstraction = ρ × recharge (empty: the rules file's default_allowable_ratio).\n"
        "LEVEL_GRADES (optional): the output of tuoli_gw:water_level_trend, per unit (polygons with level_grade, "
        "decline_m_per_a) or per station (points: aggregated per unit by median rate).\n\n"
        "OUTPUT: the units with their attributes plus wells_n, area_km2, abstraction_m3, recharge_m3, allowable_m3, "
        "extraction_coef (abstraction / allowable; empty when recharge is zero), grade (none / general / severe: "
        "general above 1.0, severe above 1.3 by default), reduction_m3 = max(0, abstraction − allowable); with "
        "LEVEL_GRADES also level_grade, decline_m_per_a, final_grade (the worse grade) and grade_criterion "
        "(extraction_coef / water_level / both).\n"
        "OUTPUT_RASTER (optional GeoTIFF): net balance in mm/a on the recharge grid = recharge − the unit's "
        "abstraction spread over its area; negative where the aquifer is mined.\n"
        "CHART (optional PNG): abstraction against allowable abstraction per unit.\n"
        "Wells outside every unit are listed in the log, never silently dropped."
    )

    WELLS = "WELLS"
    VOLUME_FIELD = "VOLUME_FIELD"
    RECHARGE = "RECHARGE"
    UNITS = "UNITS"
    GRID_SIZE = "GRID_SIZE"
    ALLOWABLE_RATIO = "ALLOWABLE_RATIO"
    LEVEL_GRADES = "LEVEL_GRADES"
    OUTPUT = "OUTPUT"
    OUTPUT_RASTER = "OUTPUT_RASTER"
    CHART = "CHART"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.WELLS, self.tr("Wells (points)"), [QgsProcessing.TypeVectorPoint])
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.VOLUME_FIELD, self.tr("Annual abstraction per well (m³)"), "metered_m3", self.WELLS,
                optional=True,
            )
        )
        self.addParameter(QgsProcessingParameterRasterLayer(self.RECHARGE, self.tr("Recharge raster (mm/a)")))
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.UNITS, self.tr("Assessment units (polygons; empty = square grid)"),
                [QgsProcessing.TypeVectorPolygon], optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.GRID_SIZE, self.tr("Grid cell size when no units are given (metres)"),
                QgsProcessingParameterNumber.Double, defaultValue=5000.0, minValue=1.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.ALLOWABLE_RATIO, self.tr("Allowable-extraction ratio ρ (empty = rules file default)"),
                QgsProcessingParameterNumber.Double, optional=True, minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.LEVEL_GRADES, self.tr("Water-level grades (output of water_level_trend, optional)"),
                [QgsProcessing.TypeVectorPolygon, QgsProcessing.TypeVectorPoint], optional=True,
            )
        )
        self.add_rules_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Balance per unit"), QgsProcessing.TypeVectorPolygon)
        )
        self.addParameter(
            QgsProcessingParameterRasterDestination(
                self.OUTPUT_RASTER, self.tr("Net balance raster (mm/a, GeoTIFF)"), optional=True, createByDefault=False
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.CHART, self.tr("Chart: abstraction against allowable (PNG)"), self.tr("PNG files (*.png)"),
                optional=True, createByDefault=False,
            )
        )

    def compute(self, parameters: dict[str, Any], context, feedback) -> dict[str, Any]:
        import numpy as np

        from ..engine.balance import compute_balance, square_grid, write_balance_raster
        from ..engine.charts import balance_chart
        from ..engine.zonal import RasterSource

        rules = self.rules(parameters, context)
        wells = self.required_source(parameters, self.WELLS, context)
        units_source = self.parameterAsSource(parameters, self.UNITS, context)
        levels_source = self.parameterAsSource(parameters, self.LEVEL_GRADES, context)
        raster_layer = self.parameterAsRasterLayer(parameters, self.RECHARGE, context)
        if raster_layer is None:
            raise QgsProcessingException(self.invalidRasterError(parameters, self.RECHARGE))
        if raster_layer.providerType() != "gdal":
            raise QgsProcessingException(
                self.tr("Layer '{}' (RECHARGE): only file rasters (GDAL) are supported; export it to GeoTIFF first.").format(
                    raster_layer.name()
                )
            )
        volume_field = self.parameterAsString(parameters, self.VOLUME_FIELD, context) or "metered_m3"
        ratio = None
        if parameters.get(self.ALLOWABLE_RATIO) not in (None, ""):
            ratio = self.parameterAsDouble(parameters, self.ALLOWABLE_RATIO, context)

        def report(level: str, message: str) -> None:
            (feedback.pushWarning if level == "warning" else feedback.pushInfo)(message)

        wells_label = self.layer_label(parameters, self.WELLS, wells, "WELLS")
        well_frame = source_to_frame(wells, wells_label, feedback=feedback)
        raster = RasterSource(raster_layer.source().split("|")[0], raster_layer.name() or "RECHARGE")
        try:
            if units_source is not None:
                units_label = self.layer_label(parameters, self.UNITS, units_source, "UNITS")
                units_frame = source_to_frame(units_source, units_label, feedback=feedback)
                output_crs = units_source.sourceCrs()
                base_fields = units_source.fields()
            else:
                units_label = "grid"
                grid_size = self.parameterAsDouble(parameters, self.GRID_SIZE, context)
                units_frame = square_grid(well_frame, raster, grid_size, report=report)
                output_crs = QgsCoordinateReferenceSystem.fromWkt(units_frame.crs.to_wkt())
                base_fields = QgsFields()
                base_fields.append(new_field("cell_id", QVariant.String))
            level_frame = None
            if levels_source is not None:
                levels_label = self.layer_label(parameters, self.LEVEL_GRADES, levels_source, "LEVEL_GRADES")
                level_frame = source_to_frame(levels_source, levels_label, feedback=feedback)
            else:
                levels_label = "LEVEL_GRADES"
            crs_to_pyproj_text(raster_layer.crs(), raster_layer.name())  # clear error for a raster without CRS
            result = compute_balance(
                well_frame, units_frame, raster, rules,
                volume_field=volume_field, allowable_ratio=ratio, level_grades=level_frame,
                wells_layer=wells_label, units_layer=units_label, levels_layer=levels_label,
                report=report, is_canceled=feedback.isCanceled, progress=feedback.setProgress,
            )
            output_fields = fields_with(base_fields, balance_fields(level_frame is not None))
            sink, dest_id = self.required_sink(parameters, self.OUTPUT, context, output_fields, QgsWkbTypes.MultiPolygon, output_crs)
            if units_source is not None:
                write_features_with_columns(units_source, sink, output_fields, result.columns, feedback=feedback)
            else:
                write_grid_cells(units_frame, result.columns, sink, output_fields)
            self.style_output(dest_id, "balance_final_grade" if level_frame is not None else "balance_grade")
            outputs: dict[str, Any] = {self.OUTPUT: dest_id}

            raster_path = self.parameterAsOutputLayer(parameters, self.OUTPUT_RASTER, context)
            if raster_path:
                grid = write_balance_raster(raster, result, raster_path)
                write_balance_raster_style(raster_path, grid)
                finite = grid[np.isfinite(grid)]
                if finite.size:
                    feedback.pushInfo(
                        self.tr("Net balance raster: {0} cells, {1:.1f} % mined (negative), range {2:.1f} to {3:.1f} mm/a.").format(
                            finite.size, 100 * float((finite < 0).mean()), float(finite.min()), float(finite.max())
                        )
                    )
                outputs[self.OUTPUT_RASTER] = raster_path
            chart_path = self.parameterAsFileOutput(parameters, self.CHART, context)
            if chart_path:
                grades = result.columns["final_grade" if "final_grade" in result.columns else "grade"].tolist()
                for warning in balance_chart(
                    result.unit_labels,
                    result.columns["abstraction_m3"].astype(float).tolist(),
                    [None if v is None else float(v) for v in result.columns["allowable_m3"].tolist()],
                    grades,
                    chart_path,
                ):
                    feedback.pushWarning(warning)
                outputs[self.CHART] = chart_path
        finally:
            raster.close()
        severe = int((result.columns.get("final_grade", result.columns["grade"]) == "severe").sum())
        feedback.pushInfo(
            self.tr("{0} units: {1} severe; total reduction needed {2:.0f} m³/a.").format(
                len(result.columns), severe, float(np.nansum(result.columns["reduction_m3"].astype(float)))
            )
        )
        return outputs
