"""Processing door ``tuoli_gw:allocate_water_rights``: farm water rights from land-contract parcels.

Reads farmland parcels, optional township polygons with their red lines and an optional quota
table, lets the engine (:mod:`tuoli_gw_plugin.engine.water_rights`) allocate each parcel's right
under notice item 12, and writes the certificate list (per parcel) and the per-township totals.
"""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsWkbTypes,
)

from tuoli_gw_plugin.qgis_bridge import (
    field_for_series,
    fields_with,
    frame_fields,
    python_value,
    qgis_value,
    source_to_frame,
    write_features_with_columns,
    write_frame,
)

from .base import TuoliAlgorithm


class AllocateWaterRightsAlgorithm(TuoliAlgorithm):
    PARCELS = "PARCELS"
    CONTRACT_FIELD = "CONTRACT_FIELD"
    HOUSEHOLD_FIELD = "HOUSEHOLD_FIELD"
    AREA_FIELD = "AREA_FIELD"
    CROP_FIELD = "CROP_FIELD"
    TOWNSHIP_FIELD = "TOWNSHIP_FIELD"
    TOWNSHIPS = "TOWNSHIPS"
    TOWNSHIP_NAME_FIELD = "TOWNSHIP_NAME_FIELD"
    RED_LINE_FIELD = "RED_LINE_FIELD"
    TOWNSHIP_CODE_FIELD = "TOWNSHIP_CODE_FIELD"
    QUOTAS = "QUOTAS"
    QUOTA_CROP_FIELD = "QUOTA_CROP_FIELD"
    QUOTA_FIELD = "QUOTA_FIELD"
    OUTPUT = "OUTPUT"
    OUTPUT_TOWNSHIPS = "OUTPUT_TOWNSHIPS"

    NAME = "allocate_water_rights"
    DISPLAY_NAME = "Allocate farm water rights (农业用水权初始分配)"
    GROUP_ID = "bookkeeping"
    GROUP = "Bookkeeping"
    HELP = (
        "Allocates agricultural water rights to land-contract parcels (notice 托政发规〔2024〕3号 "
        "item 12: 根据《土地承包经营权证》确定的耕地位置和面积，核定用水指标，发放水权证).\n\n"
        "Each parcel's demand is its area (mu) × the irrigation quota of its crop (m³/mu). Where the "
        "parcels of a township together ask for more than the township's red line, every parcel "
        "there is scaled by the same factor min(1, red line / demand), reported in the log, so the "
        "township's rights add up to its red line.\n\n"
        "Parameters:\n"
        "• PARCELS: farmland parcels (polygons).\n"
        "• CONTRACT_FIELD (contract_no), HOUSEHOLD_FIELD (household, optional), CROP_FIELD (crop).\n"
        "• AREA_FIELD (area_mu): area in mu; leave empty to measure the polygons in a metric CRS "
        "(1 mu = 666.6667 m², rules file).\n"
        "• TOWNSHIP_FIELD (township): the parcel's township; leave empty to find it by location in "
        "TOWNSHIPS.\n"
        "• TOWNSHIPS (optional): township polygons with TOWNSHIP_NAME_FIELD (name_zh) and "
        "RED_LINE_FIELD (red_line_m3; choose remaining_m3 to allocate only what other uses leave). "
        "Without it nothing is scaled. TOWNSHIP_CODE_FIELD (optional) gives the code that starts "
        "each certificate number (default: the township name).\n"
        "• QUOTAS (optional table): QUOTA_CROP_FIELD (crop) → QUOTA_FIELD (m3_per_mu), overriding "
        "the rules file's water_rights.irrigation_quota_m3_per_mu.\n"
        "• RULES: optional rules file (quotas, crop spellings, mu).\n\n"
        "Stops with a message naming the parcels and the field when a crop has no quota (the known "
        "crops are listed), an area or contract number is missing, or a township with parcels has "
        "no red line. Parcels whose township is not in TOWNSHIPS are kept and listed in a warning, "
        "with no right and the reason in 'problem'.\n\n"
        "Outputs:\n"
        "• OUTPUT (certificate list): the parcels plus quota_m3_per_mu, demand_m3 (= area × quota), "
        "scale_factor, right_m3 (= demand × factor), certificate_no (township code-contract no.; "
        "parcels of one contract share it) and problem; area_mu too when measured from geometry.\n"
        "• OUTPUT_TOWNSHIPS: township, parcels_n, area_mu, demand_m3, red_line_m3, scale_factor, "
        "allocated_m3 (with the township polygons when TOWNSHIPS is given)."
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.PARCELS, self.tr("Farmland parcels (land-contract)"), [QgsProcessing.TypeVectorPolygon]
            )
        )
        for key, label, default, optional in (
            # Optional only so that qgis_process 3.22 applies the defaults; empty means the default name.
            (self.CONTRACT_FIELD, "Contract number field", "contract_no", True),
            (self.HOUSEHOLD_FIELD, "Household field", "household", True),
            (self.AREA_FIELD, "Area field (mu; empty = measure the polygons)", "area_mu", True),
            (self.CROP_FIELD, "Crop field", "crop", True),
            (self.TOWNSHIP_FIELD, "Township field (empty = find by location)", "township", True),
        ):
            self.addParameter(
                QgsProcessingParameterField(key, self.tr(label), default, self.PARCELS, optional=optional)
            )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.TOWNSHIPS,
                self.tr("Townships with red lines (empty = no scaling)"),
                [QgsProcessing.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.TOWNSHIP_NAME_FIELD, self.tr("Township name field"), "name_zh", self.TOWNSHIPS, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.RED_LINE_FIELD,
                self.tr("Red line field (m³/a)"),
                "red_line_m3",
                self.TOWNSHIPS,
                QgsProcessingParameterField.Any,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.TOWNSHIP_CODE_FIELD,
                self.tr("Township code field (starts the certificate number; empty = name)"),
                None,
                self.TOWNSHIPS,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.QUOTAS,
                self.tr("Irrigation quota table (crop → m³/mu; empty = rules file)"),
                [QgsProcessing.TypeVector],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.QUOTA_CROP_FIELD, self.tr("Quota table: crop field"), "crop", self.QUOTAS, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.QUOTA_FIELD,
                self.tr("Quota table: quota field (m³/mu)"),
                "m3_per_mu",
                self.QUOTAS,
                QgsProcessingParameterField.Any,
                optional=True,
            )
        )
        self.add_rules_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Water rights per parcel (certificate list)"), QgsProcessing.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_TOWNSHIPS, self.tr("Water rights per township"), QgsProcessing.TypeVectorAnyGeometry
            )
        )

    def compute(self, parameters: dict[str, Any], context, feedback) -> dict[str, Any]:
        from tuoli_gw_plugin.engine.water_rights import TOWNSHIP_COLUMNS, QuotaTable, allocate_water_rights

        def text(key: str) -> str | None:
            return self.parameterAsString(parameters, key, context) or None

        parcels_source = self.required_source(parameters, self.PARCELS, context)
        parcels_label = self.layer_label(parameters, self.PARCELS, parcels_source)
        contract_field = text(self.CONTRACT_FIELD) or "contract_no"
        crop_field = text(self.CROP_FIELD) or "crop"
        parcel_field_names = parcels_source.fields().names()

        def optional_field(key: str, default: str, fallback: str) -> str | None:
            # An optional field left at its default name that the layer does not have counts as
            # not given (said in the log); any other missing name is an error further on.
            name = text(key)
            if name == default and name not in parcel_field_names:
                feedback.pushInfo(self.tr("Layer '{0}' has no field '{1}': {2}.").format(parcels_label, name, fallback))
                return None
            return name

        household_field = optional_field(self.HOUSEHOLD_FIELD, "household", self.tr("households are not checked"))
        area_field = optional_field(self.AREA_FIELD, "area_mu", self.tr("areas are measured from the polygons"))
        township_field = optional_field(
            self.TOWNSHIP_FIELD, "township", self.tr("townships are found by location in TOWNSHIPS")
        )
        rules = self.rules(parameters, context)

        townships_source = self.parameterAsSource(parameters, self.TOWNSHIPS, context)
        townships = None
        townships_label = "townships"
        name_field = text(self.TOWNSHIP_NAME_FIELD) or "name_zh"
        red_line_field = text(self.RED_LINE_FIELD) or "red_line_m3"
        code_field = text(self.TOWNSHIP_CODE_FIELD)
        if townships_source is not None:
            townships_label = self.layer_label(parameters, self.TOWNSHIPS, townships_source)
            township_names = list(dict.fromkeys(n for n in (name_field, red_line_field, code_field) if n))
            # Township polygons are needed only to locate parcels that have no township field; the
            # output polygons are copied from the source features (see _write_townships).
            townships = source_to_frame(
                townships_source,
                townships_label,
                field_names=township_names,
                with_geometry=township_field is None,
                feedback=feedback,
            )
        elif township_field is None:
            feedback.pushWarning(self.tr("No township field and no townships layer: rights are not grouped or scaled."))

        quotas = QuotaTable.from_rules(rules)
        quotas_source = self.parameterAsSource(parameters, self.QUOTAS, context)
        if quotas_source is not None:
            quota_label = self.layer_label(parameters, self.QUOTAS, quotas_source)
            quota_crop_field = text(self.QUOTA_CROP_FIELD) or "crop"
            quota_field = text(self.QUOTA_FIELD) or "m3_per_mu"
            quota_frame = source_to_frame(
                quotas_source, quota_label, field_names=[quota_crop_field, quota_field], with_geometry=False
            )
            quotas = quotas.with_overrides(quota_frame, quota_crop_field, quota_field, quota_label)
        for crop, value in quotas.quota_m3_per_mu.items():
            feedback.pushInfo(self.tr("Quota {0}: {1:g} m³/mu ({2})").format(crop, value, quotas.origin[crop]))

        parcel_names = list(
            dict.fromkeys(n for n in (contract_field, household_field, area_field, crop_field, township_field) if n)
        )
        need_geometry = area_field is None or (township_field is None and townships is not None)
        parcels = source_to_frame(
            parcels_source, parcels_label, field_names=parcel_names, with_geometry=need_geometry, feedback=feedback
        )
        result = allocate_water_rights(
            parcels,
            contract_field=contract_field,
            household_field=household_field,
            area_field=area_field,
            crop_field=crop_field,
            township_field=township_field,
            quotas=quotas,
            mu_m2=rules.value("water_rights", "mu_m2"),
            townships=townships,
            township_name_field=name_field,
            red_line_field=red_line_field,
            township_code_field=code_field,
            layer=parcels_label,
            townships_layer=townships_label,
        )
        self.report_messages(feedback, result.info, result.warnings)

        rights = result.parcels
        new_names = list(rights.columns)
        parcel_fields = fields_with(parcels_source.fields(), [field_for_series(n, rights[n]) for n in new_names])
        sink, dest_id = self.required_sink(
            parameters, self.OUTPUT, context, parcel_fields, parcels_source.wkbType(), parcels_source.sourceCrs()
        )
        write_features_with_columns(parcels_source, sink, parcel_fields, rights, feedback=feedback)
        self.style_output(dest_id, "water_rights_scale_factor")

        township_frame = result.townships
        township_fields = frame_fields(township_frame, list(TOWNSHIP_COLUMNS))
        if townships_source is not None:
            geometry_type, crs = townships_source.wkbType(), townships_source.sourceCrs()
        else:
            geometry_type, crs = QgsWkbTypes.NoGeometry, parcels_source.sourceCrs()
        township_sink, township_id = self.required_sink(parameters, self.OUTPUT_TOWNSHIPS, context, township_fields, geometry_type, crs)
        if townships_source is not None:
            _write_townships(township_frame, township_sink, township_fields, townships_source, name_field)
        else:
            write_frame(township_frame, township_sink, township_fields, feedback=feedback)
        if townships_source is not None:
            self.style_output(township_id, "water_rights_scale_factor")

        granted = rights["problem"].isna()
        feedback.pushInfo(
            self.tr("{0} parcel(s) allocated {1:,.0f} m³ in total; {2} parcel(s) without a right.").format(
                int(granted.sum()), float(rights.loc[granted, "right_m3"].sum()), int((~granted).sum())
            )
        )
        return {
            self.OUTPUT: dest_id,
            self.OUTPUT_TOWNSHIPS: township_id,
            "PARCELS_WITH_RIGHT": int(granted.sum()),
            "PARCELS_WITHOUT_RIGHT": int((~granted).sum()),
            "TOTAL_RIGHT_M3": float(rights.loc[granted, "right_m3"].sum()),
        }


def _write_townships(township_frame, sink, fields, townships_source, name_field: str) -> None:
    """Write the per-township rows with each township's own polygon, copied from its source feature.

    The geometry is passed through as a QgsGeometry rather than round-tripped through shapely,
    so the polygons are exactly the input ones (and no second GEOS is involved).
    """
    from tuoli_gw_plugin.engine.water_rights import normalise_name

    geometries = {}
    for feature in townships_source.getFeatures():
        name = python_value(feature[name_field])
        if name is not None:
            geometries.setdefault(normalise_name(name), feature.geometry())
    names = fields.names()
    for record in township_frame.to_dict("records"):
        feature = QgsFeature(fields)
        geometry = geometries.get(normalise_name(record["township"]))
        if geometry is not None:
            feature.setGeometry(geometry)
        feature.setAttributes([qgis_value(record[name]) for name in names])
        if not sink.addFeature(feature, QgsFeatureSink.FastInsert):
            raise QgsProcessingException(f"Could not write township {record['township']} to the output.")
