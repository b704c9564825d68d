"""Processing algorithm ``tuoli_gw:abstraction_recharge_balance``: abstraction against recharge.

A thin door onto ``engine.balance``: per assessment unit (or square grid cell) the metered
abstraction, the recharge volume, the extraction coefficient, the GB/T 34968 grade and the cut
needed to reach 采补平衡 (notice 托政发规〔2024〕3号 section 二(一), item 7); optionally a net-balance
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
    QgsProcessingException,
    QgsRectangle,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication

from tuoli_gw_plugin.qgis_io.bulk_io import read_gpkg, whole_gpkg_layer
from tuoli_gw_plugin.qgis_io.frames import (
    column_fields,
    crs_to_pyproj_text,
    fields_with,
    source_to_frame,
    write_features_with_columns,
)

from ._declarations import (
    OVER_EXTRACTION,
    POINTS,
    POLYGONS,
    RULES,
    Field,
    FileOut,
    Layer,
    Number,
    Raster,
    RasterOut,
    Sink,
)
from .base import SummarisedLog, TuoliAlgorithm


def balance_fields(with_levels: bool, with_induced: bool = False) -> list[QgsField]:
    """The balance's columns, then the level grade's and the induced problems' when given (each name once)."""
    from tuoli_gw_plugin.engine.balance.abstraction_recharge import BALANCE_OUTPUT, INDUCED_OUTPUT, LEVEL_OUTPUT

    return column_fields([*BALANCE_OUTPUT, *(LEVEL_OUTPUT if with_levels else ()), *(INDUCED_OUTPUT if with_induced else ())])


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
    limit = float(np.ceil(limit)) if limit > 0 else 1.0  # whole mm/a: the legend shows 51, not 50.758097
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
    legend = ramp.legendSettings()
    legend.setUseContinuousLegend(False)  # the five labelled classes above, not a bar with raw min/max
    ramp.setLegendSettings(legend)
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

    from tuoli_gw_plugin.qgis_io.frames import qgis_value

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
            raise QgsProcessingException(
                QCoreApplication.translate("TuoliAlgorithm", "Could not write grid cell {cell} to the output.").format(
                    cell=values["cell_id"]
                )
            )


class AbstractionRechargeBalanceAlgorithm(TuoliAlgorithm):
    """Per assessment unit (township, zone…) or square grid cell: abstraction of the wells inside, recharge volume,
    allowable abstraction, extraction coefficient, over-extraction grade and the volume to cut until abstraction and
    recharge balance (采补平衡, notice 托政发规〔2024〕3号 section 二(一), item 7; grading after GB/T 34968-2017, thresholds from
    the rules file).

    Recharge volume = Σ mm/1000 × true cell area over the unit; cells on the unit's edge count by the exact share of
    their area inside; cells without data are left out and counted in the log. Wells outside every unit are listed
    in the log, never silently dropped.
    """

    NAME = "abstraction_recharge_balance"
    DISPLAY_NAME = "Abstraction against recharge (over-extraction grade, cut needed)"
    GROUP_ID, GROUP = OVER_EXTRACTION
    PARAMETERS = (
        Layer("WELLS", "Wells (points)", geometry=(POINTS,), sample="wells"),
        Field(
            "VOLUME_FIELD", "Annual abstraction per well (m³)",
            "Text such as '1,200' is read; unreadable or negative values stop the run with the feature named; "
            "empty values are reported and not counted.",
            parent="WELLS", default="metered_m3",
        ),
        Raster(
            "RECHARGE", "Recharge raster (mm/a)",
            "Any CRS. It MUST be in mm per year: a raster in m/a or in m³ per cell gives wrong volumes (the log "
            "warns when the mean is implausible).",
            sample="recharge_mm",
        ),
        Layer("UNITS", "Assessment units (polygons; empty = square grid)", optional=True, geometry=(POLYGONS,), sample="townships"),
        Number(
            "GRID_SIZE", "Grid cell size when no units are given (metres)",
            "The grid covers the wells and the raster.", default=5000.0, minimum=1.0,
        ),
        Number(
            "ALLOWABLE_RATIO", "Allowable-extraction ratio ρ (empty = rules file default)",
            "Allowable abstraction = ρ × recharge; empty takes the rules file's default_allowable_ratio.",
            optional=True, minimum=0.0,
        ),
        Layer(
            "LEVEL_GRADES", "Water-level grades (output of water_level_trend, optional)",
            "Per unit (polygons with level_grade, decline_m_per_a) or per station (points: aggregated per unit by "
            "median rate).",
            optional=True, geometry=(POLYGONS, POINTS),
        ),
        Layer(
            "INDUCED_PROBLEMS", "Induced problems (land subsidence, springs drying up …; optional)",
            "Problems induced by abstraction (GB/T 34968: land subsidence, ground fissures, springs drying up, "
            "vegetation die-back, salinisation). A unit touching one is severe (grade_criterion induced_problems); "
            "its cut is at least the rules file's severe_by_other_criteria_min_cut_share of its abstraction.",
            optional=True, geometry=(POINTS, POLYGONS),
        ),
        RULES,
        Sink(
            "OUTPUT", "Balance per unit",
            "The units with their attributes plus wells_n, area_km2, abstraction_m3, recharge_m3, allowable_m3, "
            "extraction_coef (abstraction / allowable; empty when recharge is zero), grade (none / general / severe: "
            "general above 1.0, severe above 1.3 by default), reduction_m3 = max(0, abstraction − allowable); with "
            "water-level grades also level_grade, decline_m_per_a, final_grade (the worse grade) and "
            "grade_criterion (extraction_coef / water_level / both); with induced problems also induced_problems_n "
            "(problems touching the unit), final_grade and grade_criterion (induced_problems joined to the others "
            "with '+').",
            geometry=POLYGONS,
        ),
        RasterOut(
            "OUTPUT_RASTER", "Net balance raster (mm/a, GeoTIFF)",
            "Net balance on the recharge grid = recharge − the unit's abstraction spread over its area; negative "
            "where the aquifer is mined.",
            optional=True, create_by_default=False,
        ),
        FileOut(
            "CHART", "Chart: abstraction against allowable (PNG)", "Abstraction against allowable abstraction per unit.",
            optional=True, file_filter="PNG files (*.png)", create_by_default=False,
        ),
    )

    def compute(self, parameters: dict[str, Any], context, feedback) -> dict[str, Any]:
        import numpy as np

        from tuoli_gw_plugin.engine.balance.abstraction_recharge import compute_balance
        from tuoli_gw_plugin.engine.balance.zonal import RasterSource

        rules = self.rules(parameters, context)
        wells, wells_label = self.source(parameters, "WELLS", context)
        raster_layer = self._recharge_layer(parameters, context)
        volume_field = self.field(parameters, "VOLUME_FIELD", context, feedback)
        ratio = self.number(parameters, "ALLOWABLE_RATIO", context)

        report = SummarisedLog(feedback, self.tr)  # a note per cell or station: the first few, then a count

        # A whole GeoPackage layer is read in one call (see bulk_io), anything else feature by feature.
        bulk_wells = whole_gpkg_layer(parameters, "WELLS", context)
        well_frame = read_gpkg(*bulk_wells, wells, wells_label) if bulk_wells else source_to_frame(wells, wells_label, feedback=feedback)
        raster = RasterSource(raster_layer.source().split("|")[0], raster_layer.name() or "RECHARGE")
        try:
            units_source, units_frame, units_label = self._units(parameters, context, feedback, well_frame, raster, report)
            level_frame, levels_label = self.optional_frame(parameters, "LEVEL_GRADES", context, feedback)
            induced_frame, induced_label = self.optional_frame(parameters, "INDUCED_PROBLEMS", context, feedback)
            crs_to_pyproj_text(raster_layer.crs(), raster_layer.name())  # clear error for a raster without CRS
            result = compute_balance(
                well_frame, units_frame, raster, rules,
                volume_field=volume_field, allowable_ratio=ratio, level_grades=level_frame,
                induced_problems=induced_frame, induced_layer=induced_label or "INDUCED_PROBLEMS",
                wells_layer=wells_label, units_layer=units_label, levels_layer=levels_label or "LEVEL_GRADES",
                report=report, is_canceled=feedback.isCanceled, progress=feedback.setProgress,
            )
            report.close()
            fields = balance_fields(level_frame is not None, induced_frame is not None)
            dest_id = self._write_units(parameters, context, feedback, units_source, units_frame, fields, result)
            outputs: dict[str, Any] = {"OUTPUT": dest_id}
            outputs.update(self._write_raster(parameters, context, feedback, raster, result))
            outputs.update(self._write_chart(parameters, context, feedback, result))
        finally:
            raster.close()
        severe = int((result.columns.get("final_grade", result.columns["grade"]) == "severe").sum())
        feedback.pushInfo(
            self.tr("{0} units: {1} severe; total reduction needed {2:.0f} m³/a.").format(
                len(result.columns), severe, float(np.nansum(result.columns["reduction_m3"].astype(float)))
            )
        )
        return outputs

    def _recharge_layer(self, parameters, context):
        raster_layer = self.parameterAsRasterLayer(parameters, "RECHARGE", context)
        if raster_layer is None:
            raise QgsProcessingException(self.invalidRasterError(parameters, "RECHARGE"))
        if raster_layer.providerType() != "gdal":
            raise QgsProcessingException(
                self.tr("Layer '{layer}' (RECHARGE): only file rasters (GDAL) are supported; export it to GeoTIFF first.").format(
                    layer=raster_layer.name()
                )
            )
        return raster_layer

    def _units(self, parameters, context, feedback, well_frame, raster, report):
        """(the UNITS source or None, the units as a frame, their label): the UNITS layer, else a square grid."""
        from tuoli_gw_plugin.engine.balance.abstraction_recharge import square_grid

        units_source, units_label = self.optional_source(parameters, "UNITS", context)
        if units_source is not None:
            return units_source, source_to_frame(units_source, units_label, feedback=feedback), units_label
        grid_size = self.parameterAsDouble(parameters, "GRID_SIZE", context)
        return None, square_grid(well_frame, raster, grid_size, report=report), "grid"

    def _write_units(self, parameters, context, feedback, units_source, units_frame, fields, result) -> str:
        """The units (or the grid cells) with the balance's columns; returns the destination id."""
        from tuoli_gw_plugin.engine.balance.abstraction_recharge import GRID_CELL_COLUMN

        if units_source is not None:
            base_fields, output_crs = units_source.fields(), units_source.sourceCrs()
        else:
            base_fields, output_crs = QgsFields(), QgsCoordinateReferenceSystem.fromWkt(units_frame.crs.to_wkt())
            base_fields.append(column_fields([GRID_CELL_COLUMN])[0])
        output_fields = fields_with(base_fields, fields)
        sink, dest_id = self.required_sink(parameters, "OUTPUT", context, output_fields, QgsWkbTypes.MultiPolygon, output_crs)
        if units_source is not None:
            write_features_with_columns(units_source, sink, output_fields, result.columns, feedback=feedback)
        else:
            write_grid_cells(units_frame, result.columns, sink, output_fields)
        self.style_output(dest_id, "balance_final_grade" if "final_grade" in result.columns else "balance_grade")
        return dest_id

    def _write_raster(self, parameters, context, feedback, raster, result) -> dict[str, Any]:
        import numpy as np

        from tuoli_gw_plugin.engine.balance.abstraction_recharge import write_balance_raster

        raster_path = self.parameterAsOutputLayer(parameters, "OUTPUT_RASTER", context)
        if not raster_path:
            return {}
        grid = write_balance_raster(raster, result, raster_path)
        write_balance_raster_style(raster_path, grid)
        finite = grid[np.isfinite(grid)]
        if finite.size:
            feedback.pushInfo(
                self.tr("Net balance raster: {0} cells, {1:.1f} % mined (negative), range {2:.1f} to {3:.1f} mm/a.").format(
                    finite.size, 100 * float((finite < 0).mean()), float(finite.min()), float(finite.max())
                )
            )
        return {"OUTPUT_RASTER": raster_path}

    def _write_chart(self, parameters, context, feedback, result) -> dict[str, Any]:
        from tuoli_gw_plugin.engine.plotting.charts import balance_chart

        chart_path = self.parameterAsFileOutput(parameters, "CHART", context)
        if not chart_path:
            return {}
        grades = result.columns["final_grade" if "final_grade" in result.columns else "grade"].tolist()
        for warning in balance_chart(
            result.unit_labels,
            result.columns["abstraction_m3"].astype(float).tolist(),
            [None if v is None else float(v) for v in result.columns["allowable_m3"].tolist()],
            grades,
            chart_path,
        ):
            feedback.pushWarning(warning)
        return {"CHART": chart_path}
