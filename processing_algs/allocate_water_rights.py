"""Processing door ``tuoli_gw:allocate_water_rights``: farm water rights from land-contract parcels.

Reads farmland parcels, optional township polygons with their red lines and an optional quota
table, lets the engine (:mod:`tuoli_gw_plugin.engine.bookkeeping.water_rights`) allocate each parcel's right
under notice item 12, and writes the certificate list (per parcel) and the per-township totals.
"""

from __future__ import annotations

from typing import Any

from qgis.core import QgsFeature, QgsFeatureSink, QgsProcessingException, QgsWkbTypes
from qgis.PyQt.QtCore import QCoreApplication

from tuoli_gw_plugin.qgis_io.frames import (
    frame_fields,
    python_value,
    qgis_value,
    source_to_frame,
    write_frame,
)

from . import _screening_common as common
from ._declarations import ANY_GEOMETRY, ANY_LAYER, BOOKKEEPING, POLYGONS, RULES, Field, Layer, Number, Result, Sink
from .base import TuoliAlgorithm


class AllocateWaterRightsAlgorithm(TuoliAlgorithm):
    """Allocates agricultural water rights to land-contract parcels (notice 托政发规〔2024〕3号 item 12:
    对利用公共供水工程取水的用水户…根据《土地承包经营权证》确定的耕地位置和面积，核定用水指标，发放水权证).

    Item 12's scope is users drawing water from public supply works: with PUBLIC_SUPPLY_FIELD only those parcels get a
    right (the others are kept, with no right and the reason in 'problem'); without it every parcel is taken to be one,
    and the log says so.

    Each parcel's demand is its area (mu) × the irrigation quota of its crop (m³/mu). Where the parcels of a
    township together ask for more than the township's red line, every parcel there is scaled by the same factor
    min(1, red line / demand), reported in the log, so the township's rights add up to its red line.

    Stops with a message naming the parcels and the field when a crop has no quota (the known crops are listed), an
    area or contract number is missing, or a township with parcels has no red line. Parcels whose township is not in
    the townships layer are kept and listed in a warning, with no right and the reason in 'problem'.
    """

    NAME = "allocate_water_rights"
    DISPLAY_NAME = "Allocate farm water rights (农业用水权初始分配)"
    GROUP_ID, GROUP = BOOKKEEPING
    PARAMETERS = (
        Layer("PARCELS", "Farmland parcels (land-contract)", geometry=(POLYGONS,), sample="farmland_parcels"),
        Field("CONTRACT_FIELD", "Contract number field", parent="PARCELS", default="contract_no"),
        Field("HOUSEHOLD_FIELD", "Household field", parent="PARCELS", default="household", when_absent="households are not checked"),
        Field(
            "AREA_FIELD", "Area field (mu; empty = measure the polygons)",
            "Polygons are measured in a metric CRS (1 mu = 666.6667 m², rules file).",
            parent="PARCELS", default="area_mu", when_absent="areas are measured from the polygons",
        ),
        Field("CROP_FIELD", "Crop field", parent="PARCELS", default="crop"),
        Field(
            "PUBLIC_SUPPLY_FIELD", "User of public supply works field (yes/no, 是/否) — item 12's scope",
            "Item 12 allocates to 利用公共供水工程取水的用水户: parcels whose user does not draw from public supply works (否), "
            "or whose value is empty, get no right and do not count in their township's demand.",
            parent="PARCELS", default="public_supply",
            when_absent="every parcel is taken to be a user of public supply works, and the log says so",
        ),
        Field(
            "TOWNSHIP_FIELD", "Township field (empty = find by location)", parent="PARCELS", default="township",
            when_absent="townships are found by location in the townships layer",
        ),
        Layer("TOWNSHIPS", "Townships with red lines (empty = no scaling)", optional=True, geometry=(POLYGONS,), sample="townships"),
        common.TOWNSHIP_NAME_FIELD,
        Field(
            "RED_LINE_FIELD", "Red line field (m³/a)",
            "Choose remaining_m3 to allocate only what other uses leave.",
            parent="TOWNSHIPS", default="red_line_m3",
        ),
        Field("TOWNSHIP_CODE_FIELD", "Township code field (starts the certificate number; empty = name)", parent="TOWNSHIPS"),
        Number(
            "DOMESTIC_SHARE", "Domestic water share of the red line, set aside first (0–1; empty = rules file)",
            "Notice item 7: 坚持优质水资源优先保障城乡居民生活用水. Empty = rules file (an assumption). Set 0 when the "
            "red-line field already holds what is left for farming, e.g. remaining_m3.",
            optional=True, minimum=0.0, maximum=1.0,
        ),
        Number(
            "ECOLOGICAL_SHARE", "Basic ecological water share of the red line, set aside first (0–1; empty = rules file)",
            "Notice items 3 and 7: 确定生态用水比例; 禁止挤占基本生态用水. Empty = rules file (an assumption). Set 0 when "
            "the red-line field already holds what is left for farming, e.g. remaining_m3.",
            optional=True, minimum=0.0, maximum=1.0,
        ),
        Layer(
            "QUOTAS", "Irrigation quota table (crop → m³/mu; empty = rules file)",
            "Overrides the rules file's water_rights.irrigation_quota_m3_per_mu.", optional=True, geometry=(ANY_LAYER,),
        ),
        Field("QUOTA_CROP_FIELD", "Quota table: crop field", parent="QUOTAS", default="crop"),
        Field("QUOTA_FIELD", "Quota table: quota field (m³/mu)", parent="QUOTAS", default="m3_per_mu"),
        RULES,
        Sink(
            "OUTPUT", "Water rights per parcel (certificate list)",
            "The parcels plus quota_m3_per_mu, demand_m3 (= area × quota), scale_factor, right_m3 (= demand × "
            "factor), certificate_no (township code-contract no.; parcels of one contract share it) and problem; "
            "area_mu too when measured from geometry.",
            geometry=POLYGONS,
        ),
        Sink(
            "OUTPUT_TOWNSHIPS", "Water rights per township",
            "township, parcels_n, area_mu, demand_m3, red_line_m3, scale_factor, allocated_m3 (with the township "
            "polygons when a townships layer is given).",
            geometry=ANY_GEOMETRY,
        ),
    )
    RESULTS = (
        Result("COUNT_PARCELS_WITH_RIGHT", "Parcels with a water right", former_key="PARCELS_WITH_RIGHT"),
        Result("COUNT_PARCELS_WITHOUT_RIGHT", "Parcels without a water right", former_key="PARCELS_WITHOUT_RIGHT"),
        Result("TOTAL_RIGHT_M3", "Water rights allocated in total (m³/a)"),
    )

    def compute(self, parameters: dict[str, Any], context, feedback) -> dict[str, Any]:
        from tuoli_gw_plugin.engine.bookkeeping.water_rights import allocate_water_rights

        parcels_source, parcels_label = self.source(parameters, "PARCELS", context)
        contract_field, crop_field, household_field, area_field, township_field, public_supply_field = self.fields(
            parameters, context, feedback, "CONTRACT_FIELD", "CROP_FIELD", "HOUSEHOLD_FIELD", "AREA_FIELD", "TOWNSHIP_FIELD",
            "PUBLIC_SUPPLY_FIELD",
        )
        rules = self.rules(parameters, context)
        name_field, red_line_field, code_field = self.fields(
            parameters, context, feedback, "TOWNSHIP_NAME_FIELD", "RED_LINE_FIELD", "TOWNSHIP_CODE_FIELD"
        )
        # Township polygons are needed only to locate parcels that have no township field; the
        # output polygons are copied from the source features (see _write_townships).
        townships, townships_label = self.optional_frame(
            parameters, "TOWNSHIPS", context, feedback,
            field_names=list(dict.fromkeys(n for n in (name_field, red_line_field, code_field) if n)),
            with_geometry=township_field is None,
        )
        if townships is None and township_field is None:
            feedback.pushWarning(self.tr("No township field and no townships layer: rights are not grouped or scaled."))
        red_line_is_remaining = townships is not None and red_line_field == "remaining_m3"
        reserved_shares = self._reserved_shares(parameters, context, feedback, rules, red_line_is_remaining)
        quotas = self._quotas(parameters, context, feedback, rules)
        parcel_names = list(
            dict.fromkeys(n for n in (contract_field, household_field, area_field, crop_field, township_field, public_supply_field) if n)
        )
        need_geometry = area_field is None or (township_field is None and townships is not None)
        parcels = source_to_frame(parcels_source, parcels_label, field_names=parcel_names, with_geometry=need_geometry, feedback=feedback)
        result = allocate_water_rights(
            parcels, contract_field=contract_field, household_field=household_field, area_field=area_field, crop_field=crop_field,
            township_field=township_field, quotas=quotas, mu_m2=rules.value("water_rights", "mu_m2"), townships=townships,
            township_name_field=name_field, red_line_field=red_line_field, township_code_field=code_field, layer=parcels_label,
            townships_layer=townships_label or "townships", reserved_shares=reserved_shares, rules=rules,
            public_supply_field=public_supply_field,
        )
        self.report_messages(feedback, result.info, result.warnings)

        rights = result.parcels
        dest_id = self.write_with_frame(parameters, "OUTPUT", context, feedback, parcels_source, rights)
        self.style_output(dest_id, "water_rights_scale_factor")
        township_id = self._write_township_output(parameters, context, feedback, result.townships, parcels_source, name_field)
        granted = rights["problem"].isna()
        total = float(rights.loc[granted, "right_m3"].sum())
        feedback.pushInfo(
            self.tr("{0} parcel(s) allocated {1:,.0f} m³ in total; {2} parcel(s) without a right.").format(
                int(granted.sum()), total, int((~granted).sum())
            )
        )
        return {
            "OUTPUT": dest_id,
            "OUTPUT_TOWNSHIPS": township_id,
            "COUNT_PARCELS_WITH_RIGHT": int(granted.sum()),
            "COUNT_PARCELS_WITHOUT_RIGHT": int((~granted).sum()),
            "TOTAL_RIGHT_M3": total,
            # The former names, kept for existing batch scripts.
            "PARCELS_WITH_RIGHT": int(granted.sum()),
            "PARCELS_WITHOUT_RIGHT": int((~granted).sum()),
        }

    def _reserved_shares(self, parameters, context, feedback, rules, red_line_is_remaining: bool) -> dict[str, float]:
        """Shares of the red line set aside before farm water (notice item 7): the rules file's, unless given here."""
        from tuoli_gw_plugin.engine.bookkeeping.water_rights import reserved_shares_from_rules

        reserved_shares = reserved_shares_from_rules(rules)
        for use, key in (("domestic", "DOMESTIC_SHARE"), ("ecological", "ECOLOGICAL_SHARE")):
            share = self.number(parameters, key, context)
            if share is not None:
                reserved_shares[use] = share
        if red_line_is_remaining and any(float(v) > 0 for v in reserved_shares.values()):
            feedback.pushWarning(
                self.tr(
                    "The red-line field is remaining_m3, which is already net of other uses, yet shares of it are set "
                    "aside for domestic and ecological water: they may be set aside twice. Set DOMESTIC_SHARE and "
                    "ECOLOGICAL_SHARE to 0 unless remaining_m3 still includes them."
                )
            )
        return reserved_shares

    def _quotas(self, parameters, context, feedback, rules):
        """The irrigation quota per crop: the rules file's, with the QUOTAS table's values where it gives them."""
        from tuoli_gw_plugin.engine.bookkeeping.water_rights import QuotaTable

        quotas = QuotaTable.from_rules(rules)
        quota_crop_field = self.field(parameters, "QUOTA_CROP_FIELD", context, feedback)
        quota_field = self.field(parameters, "QUOTA_FIELD", context, feedback)
        quota_frame, quota_label = self.optional_frame(
            parameters, "QUOTAS", context, feedback, field_names=[quota_crop_field, quota_field], with_geometry=False
        )
        if quota_frame is not None:
            quotas = quotas.with_overrides(quota_frame, quota_crop_field, quota_field, quota_label)
        for crop, value in quotas.quota_m3_per_mu.items():
            feedback.pushInfo(self.tr("Quota {0}: {1:g} m³/mu ({2})").format(crop, value, quotas.origin[crop]))
        return quotas

    def _write_township_output(self, parameters, context, feedback, township_frame, parcels_source, name_field: str) -> str:
        """The per-township rows, each with its township's polygon when a townships layer was given, else as a table."""
        from tuoli_gw_plugin.engine.bookkeeping.water_rights import TOWNSHIP_COLUMNS

        townships_source, _ = self.optional_source(parameters, "TOWNSHIPS", context)
        township_fields = frame_fields(township_frame, list(TOWNSHIP_COLUMNS))
        if townships_source is None:
            sink, township_id = self.required_sink(
                parameters, "OUTPUT_TOWNSHIPS", context, township_fields, QgsWkbTypes.NoGeometry, parcels_source.sourceCrs()
            )
            write_frame(township_frame, sink, township_fields, feedback=feedback)
            return township_id
        sink, township_id = self.required_sink(
            parameters, "OUTPUT_TOWNSHIPS", context, township_fields, townships_source.wkbType(), townships_source.sourceCrs()
        )
        _write_townships(township_frame, sink, township_fields, townships_source, name_field)
        self.style_output(township_id, "water_rights_scale_factor")
        return township_id


def _write_townships(township_frame, sink, fields, townships_source, name_field: str) -> None:
    """Write the per-township rows with each township's own polygon, copied from its source feature.

    The geometry is passed through as a QgsGeometry rather than round-tripped through shapely,
    so the polygons are exactly the input ones (and no second GEOS is involved).
    """
    from tuoli_gw_plugin.engine.bookkeeping.water_rights import normalise_name

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
            raise QgsProcessingException(
                QCoreApplication.translate("TuoliAlgorithm", "Could not write township {name} to the output.").format(
                    name=record["township"]
                )
            )
