"""Output columns are declared once in the engine (name, kind, description) and the QGIS side maps each kind."""

from __future__ import annotations

import pytest

from tuoli_gw_plugin.engine.core.columns import KINDS, Column, column_names


def test_a_column_of_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="kind 'float'"):
        Column("x", "float", "a number")


def test_the_engine_declares_each_output_column_once_with_a_description():
    from tuoli_gw_plugin.engine.balance.abstraction_recharge import BALANCE_OUTPUT, INDUCED_OUTPUT, LEVEL_OUTPUT
    from tuoli_gw_plugin.engine.balance.trend import STATION_OUTPUT, UNIT_OUTPUT
    from tuoli_gw_plugin.engine.bookkeeping.audit import FINDING_COLUMNS
    from tuoli_gw_plugin.engine.permit.decision import DECISION_COLUMNS
    from tuoli_gw_plugin.engine.reduction.plan import TOWNSHIP_OUTPUT, WELL_OUTPUT
    from tuoli_gw_plugin.engine.screening.closure_list import CLOSURE_OUTPUT
    from tuoli_gw_plugin.engine.screening.well_sites import OUTPUT_COLUMNS, SCREENING_COLUMNS

    for declared in (BALANCE_OUTPUT, LEVEL_OUTPUT, INDUCED_OUTPUT, STATION_OUTPUT, UNIT_OUTPUT, FINDING_COLUMNS,
                     DECISION_COLUMNS, TOWNSHIP_OUTPUT, WELL_OUTPUT, CLOSURE_OUTPUT, SCREENING_COLUMNS):
        names = column_names(declared)
        assert len(set(names)) == len(names), names
        assert all(column.description and column.kind in KINDS for column in declared)
    # The screening engine's own list of its columns is the declaration, in its order (a public contract).
    assert OUTPUT_COLUMNS == column_names(SCREENING_COLUMNS) == (
        "verdict", "reasons", "basis", "zone_name", "zone_grade", "supply_distance_m", "in_supply_coverage", "township",
        "well_type", "red_line_checked",
    )


def test_every_kind_has_its_qgis_field_type(qgis_app):
    from qgis.PyQt.QtCore import QVariant

    from tuoli_gw_plugin.qgis_io.frames import column_fields

    fields = column_fields([Column(kind, kind, kind) for kind in KINDS] + [Column("text", "real", "declared again: taken once")])
    types = {field.name(): field.type() for field in fields}
    assert types == {
        "text": QVariant.String, "real": QVariant.Double, "integer": QVariant.Int, "integer64": QVariant.LongLong,
        "boolean": QVariant.Bool, "date": QVariant.Date,
    }
