"""Processing door ``tuoli_gw:self_supplied_closure_list``: the closure list of notice item 13.

Lists the existing, active self-supplied wells (自备井) inside public supply coverage — pipes within
the coverage distance, or supply areas — with the annual volume closing each one frees, so the
water bureau can plan the closures that item 13 calls for. The engine decides (coverage through the
same screening engine as ``screen_well_sites``); this module reads parameters and writes the list.
"""

from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)
from qgis.PyQt.QtCore import QVariant

from ..qgis_bridge import fields_with, new_field, qgis_value, source_to_frame
from . import _screening_common as common
from .base import TuoliAlgorithm


class SelfSuppliedClosureList(TuoliAlgorithm):
    INPUT = "INPUT"
    SELF_SUPPLIED_FIELD = "SELF_SUPPLIED_FIELD"
    STATUS_FIELD = "STATUS_FIELD"
    VOLUME_FIELD = "VOLUME_FIELD"
    FALLBACK_VOLUME_FIELD = "FALLBACK_VOLUME_FIELD"
    ID_FIELD = "ID_FIELD"
    OUTPUT = "OUTPUT"

    NAME = "self_supplied_closure_list"
    DISPLAY_NAME = "Self-supplied wells inside supply coverage (closure list, item 13)"
    GROUP_ID = "permits"
    GROUP = "Permits and screening"
    HELP = (
        "Lists the existing self-supplied wells (自备井) that lie inside public water-supply coverage — the wells "
        "notice 托政发规〔2024〕3号 item 13 puts under strict control and closure where the network can supply "
        "them — with the annual volume that closing each one frees.\n\n"
        "INPUT: point layer of existing wells, any CRS. SELF_SUPPLIED_FIELD (default self_supplied): yes/no "
        "(1/0, true/false, yes/no, 是/否); empty counts as not self-supplied. STATUS_FIELD (default status): "
        "wells whose status is stopped or deregistered (停用, 注销, … see the rules file's screening.closure_list) "
        "are left out and counted in the log; any other status counts as active. VOLUME_FIELD (default "
        "metered_m3) gives the volume freed; where it is empty FALLBACK_VOLUME_FIELD (default permit_m3) is used, "
        "and the field freed_from says which. ID_FIELD (default well_id) names wells in messages. "
        "SUPPLY_PIPES with COVERAGE_DISTANCE (metres, exact distance) and/or SUPPLY_AREAS define coverage; at "
        "least one is required. TOWNSHIPS with TOWNSHIP_NAME_FIELD (default name_zh) name each well's township. "
        "RULES: rules file.\n\n"
        "Output: the listed wells with all their attributes plus supply_distance_m, in_supply_coverage, township, "
        "freed_m3 (m³/year) and freed_from. The total volume freed is logged and returned as FREED_M3_TOTAL, "
        "the number of wells as COUNT_LISTED."
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Existing wells (points)"), [QgsProcessing.TypeVectorPoint])
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.SELF_SUPPLIED_FIELD,
                self.tr("Self-supplied field (yes/no, 是/否)"),
                "self_supplied",
                self.INPUT,
                optional=True,  # optional so that batch calls may leave it out and get the default
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.STATUS_FIELD,
                self.tr("Status field (stopped / deregistered wells are left out)"),
                "status",
                self.INPUT,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.VOLUME_FIELD,
                self.tr("Annual volume field (m³)"),
                "metered_m3",
                self.INPUT,
                QgsProcessingParameterField.Any,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.FALLBACK_VOLUME_FIELD,
                self.tr("Volume field used where the first is empty (m³)"),
                "permit_m3",
                self.INPUT,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(self.ID_FIELD, self.tr("Well id field (for messages)"), "well_id", self.INPUT, optional=True)
        )
        common.add_supply_and_township_parameters(self, with_remaining=False)
        self.add_rules_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Self-supplied wells to close"), QgsProcessing.TypeVectorPoint)
        )
        self.addOutput(QgsProcessingOutputNumber("FREED_M3_TOTAL", self.tr("Annual volume freed by closing them (m³)")))
        self.addOutput(QgsProcessingOutputNumber("COUNT_LISTED", self.tr("Wells listed")))

    def _optional_field(self, parameters, name: str, context, default: str, source) -> str | None:
        """The field chosen, or the default when present in the layer; None when defaulted and absent."""
        chosen = common.field_value(self, parameters, name, context, default)
        if chosen not in source.fields().names() and not parameters.get(name):
            return None
        return chosen

    def compute(self, parameters, context, feedback):
        from ..engine.closure_list import closure_list

        source = self.required_source(parameters, self.INPUT, context)
        label = self.layer_label(parameters, self.INPUT, source)
        common.require_points(source, label, self.INPUT)
        self_supplied_field = common.field_value(self, parameters, self.SELF_SUPPLIED_FIELD, context, "self_supplied")
        volume_field = common.field_value(self, parameters, self.VOLUME_FIELD, context, "metered_m3")
        status_field = self._optional_field(parameters, self.STATUS_FIELD, context, "status", source)
        fallback_field = self._optional_field(parameters, self.FALLBACK_VOLUME_FIELD, context, "permit_m3", source)
        id_field = self._optional_field(parameters, self.ID_FIELD, context, "well_id", source)
        if status_field is None:
            feedback.pushWarning(self.tr("No status field: every self-supplied well is treated as active."))

        prepared = common.prepare_from_parameters(self, parameters, context, feedback, with_remaining=False)
        prepared.layer_names["wells"] = label
        wanted = list(dict.fromkeys(f for f in (self_supplied_field, status_field, volume_field, fallback_field, id_field) if f))
        wells = source_to_frame(source, label, field_names=wanted, feedback=feedback)
        result = closure_list(
            prepared,
            wells,
            self_supplied_field=self_supplied_field,
            status_field=status_field,
            volume_field=volume_field,
            fallback_volume_field=fallback_field,
            id_field=id_field,
        )

        new_fields = [
            *common.common_output_fields(),
            new_field("freed_m3", QVariant.Double),
            new_field("freed_from", QVariant.String),
        ]
        output_fields = fields_with(source.fields(), new_fields)
        sink, dest_id = self.required_sink(parameters, self.OUTPUT, context, output_fields, source.wkbType(), source.sourceCrs())
        self._write_selected(source, sink, output_fields, result, wells.attrs["fid"], feedback)
        self.style_output(dest_id, "self_supplied_closure")

        for note in result.notes:
            feedback.pushWarning(note)
        feedback.pushInfo(
            self.tr(
                "{listed} active self-supplied well(s) inside supply coverage (of {self_supplied} self-supplied, "
                "{wells} wells); closing them frees {total:,.0f} m³ a year."
            ).format(
                listed=result.counts["listed"],
                self_supplied=result.counts["self_supplied"],
                wells=result.counts["wells"],
                total=result.total_freed_m3,
            )
        )
        return {self.OUTPUT: dest_id, "FREED_M3_TOTAL": result.total_freed_m3, "COUNT_LISTED": result.counts["listed"]}

    def _write_selected(self, source, sink, output_fields, result, fids, feedback) -> None:
        """Write the listed wells: their own attributes and geometry, plus the closure columns."""
        out_names = output_fields.names()
        base_names = source.fields().names()
        base_positions = [(out_names.index(n), i) for i, n in enumerate(base_names) if n in out_names]
        new_positions = [(out_names.index(c), result.columns[c].tolist()) for c in result.columns.columns]
        selected_fids = [int(fids[int(row)]) for row in result.rows]
        row_of_fid = {fid: position for position, fid in enumerate(selected_fids)}
        request = QgsFeatureRequest().setFilterFids(selected_fids)
        features = {feature.id(): QgsFeature(feature) for feature in source.getFeatures(request)}
        for fid in selected_fids:  # input order, whatever order the provider returns them in
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Cancelled while writing the output."))
            feature = features[fid]
            attributes = feature.attributes()
            values = [None] * len(out_names)
            for out_index, in_index in base_positions:
                values[out_index] = attributes[in_index]
            for out_index, column in new_positions:
                values[out_index] = qgis_value(column[row_of_fid[fid]])
            out_feature = QgsFeature(output_fields)
            out_feature.setGeometry(feature.geometry())
            out_feature.setAttributes(values)
            if not sink.addFeature(out_feature, QgsFeatureSink.FastInsert):
                raise QgsProcessingException(self.tr("Could not write feature {fid} to the output.").format(fid=fid))
