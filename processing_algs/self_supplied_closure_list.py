"""Processing door ``tuoli_gw:self_supplied_closure_list``: the control list of notice item 13 (依法严格管控).

Lists the existing, active self-supplied wells (自备井) inside public supply coverage — pipes within
the coverage distance, or supply areas — with the annual volume each one draws, so the
water bureau can plan the strict control (依法严格管控) that item 13 calls for. The engine decides (coverage through the
same screening engine as ``screen_well_sites``); this module reads parameters and writes the list.
"""

from __future__ import annotations

from qgis.core import QgsFeature, QgsFeatureRequest, QgsFeatureSink, QgsProcessingException

from tuoli_gw_plugin.qgis_io.frames import column_fields, fields_with, qgis_value, source_to_frame

from . import _screening_common as common
from ._declarations import PERMITS, POINTS, RULES, Field, Layer, Result, Sink
from .base import TuoliAlgorithm


class SelfSuppliedClosureListAlgorithm(TuoliAlgorithm):
    """Lists the existing self-supplied wells (自备井) that lie inside public water-supply coverage — the wells notice
    托政发规〔2024〕3号 item 13 places under strict control according to law (依法严格管控) — with the annual volume
    each one draws, which switching it to the network would free.
    """

    NAME = "self_supplied_closure_list"
    DISPLAY_NAME = "Self-supplied wells inside supply coverage (control list, item 13)"
    GROUP_ID, GROUP = PERMITS
    PARAMETERS = (
        Layer("INPUT", "Existing wells (points)", "Any CRS.", geometry=(POINTS,), sample="wells"),
        Field(
            "SELF_SUPPLIED_FIELD", "Self-supplied field (yes/no, 是/否)",
            help="The register's own answer decides first (also 1/0, true/false); where a cell is empty, USE_FIELD decides.",
            parent="INPUT", default="self_supplied", when_absent="USE_FIELD alone decides which wells are self-supplied",
        ),
        Field(
            "USE_FIELD", "Use field (decides where the self-supplied field says nothing)",
            "By the rules file's screening.well_types lists: domestic and industrial wells are self-supplied (自备井), "
            "public supply, monitoring, emergency and farm irrigation wells are not (an assumption the rules file explains). "
            "A well neither field tells is not listed, and the log counts it.",
            parent="INPUT", default="use", when_absent="a well with an empty self-supplied cell is not listed (its kind is unknown)",
        ),
        Field(
            "STATUS_FIELD", "Status field (stopped / deregistered wells are left out)",
            "Stopped, deregistered or sealed (停用, 注销, 封填, … see the rules file's screening.closure_list) wells are left "
            "out and counted in the log; any other status counts as active.",
            parent="INPUT", default="status", when_absent="every self-supplied well is treated as active",
        ),
        Field("VOLUME_FIELD", "Annual volume field (m³)", "The volume freed.", parent="INPUT", default="metered_m3"),
        Field(
            "FALLBACK_VOLUME_FIELD", "Volume field used where the first is empty (m³)",
            "The field freed_from says which volume was used.",
            parent="INPUT", default="permit_m3", when_absent="only the annual volume field is used",
        ),
        Field(
            "ID_FIELD", "Well id field (for messages)", parent="INPUT", default="well_id", when_absent="wells are named by feature id",
            unique=True,
        ),
        *common.SUPPLY_AND_TOWNSHIPS,
        RULES,
        Sink(
            "OUTPUT", "Self-supplied wells under control", geometry=POINTS,
            help="The listed wells with all their attributes plus supply_distance_m, in_supply_coverage, township, "
            "freed_m3 (m³/year) and freed_from.",
        ),
    )
    RESULTS = (
        Result("TOTAL_FREED_M3", "Annual volume they draw, freed if switched to the network (m³)", former_key="FREED_M3_TOTAL"),
        Result("COUNT_LISTED", "Wells listed"),
    )

    def compute(self, parameters, context, feedback):
        from tuoli_gw_plugin.engine.screening.closure_list import CLOSURE_OUTPUT, closure_list

        source, label = self.source(parameters, "INPUT", context)
        common.require_points(source, label, "INPUT")
        self_supplied_field, use_field, volume_field, status_field, fallback_field, id_field = self.fields(
            parameters, context, feedback, "SELF_SUPPLIED_FIELD", "USE_FIELD", "VOLUME_FIELD", "STATUS_FIELD", "FALLBACK_VOLUME_FIELD",
            "ID_FIELD",
        )

        prepared = common.prepare_from_parameters(self, parameters, context, feedback, with_remaining=False)
        prepared.layer_names["wells"] = label
        wanted = list(dict.fromkeys(
            f for f in (self_supplied_field, use_field, status_field, volume_field, fallback_field, id_field) if f
        ))
        wells = source_to_frame(source, label, field_names=wanted, feedback=feedback)
        result = closure_list(
            prepared,
            wells,
            self_supplied_field=self_supplied_field,
            use_field=use_field,
            status_field=status_field,
            volume_field=volume_field,
            fallback_volume_field=fallback_field,
            id_field=id_field,
        )

        new_fields = column_fields(CLOSURE_OUTPUT)
        output_fields = fields_with(source.fields(), new_fields)
        sink, dest_id = self.required_sink(parameters, "OUTPUT", context, output_fields, source.wkbType(), source.sourceCrs())
        self._write_selected(source, sink, output_fields, result, wells.attrs["fid"], feedback)
        self.style_output(dest_id, "self_supplied_closure")

        for note in result.notes:
            feedback.pushWarning(note)
        feedback.pushInfo(
            self.tr(
                "{listed} active self-supplied well(s) inside supply coverage (of {self_supplied} self-supplied, "
                "{wells} wells); they draw {total:,.0f} m³ a year."
            ).format(
                listed=result.counts["listed"],
                self_supplied=result.counts["self_supplied"],
                wells=result.counts["wells"],
                total=result.total_freed_m3,
            )
        )
        return {
            "OUTPUT": dest_id,
            "TOTAL_FREED_M3": result.total_freed_m3,
            "FREED_M3_TOTAL": result.total_freed_m3,  # the former name, kept for existing scripts
            "COUNT_LISTED": result.counts["listed"],
        }

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
            self.stop_if_cancelled(feedback)
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
