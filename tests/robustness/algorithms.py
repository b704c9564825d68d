"""How to run each algorithm on the robustness world, and which of its inputs the matrix breaks.

For every algorithm: the parameters on a written ``World``, the layer the cases change (its
"primary" input), the name a user knows that layer by in messages, and its point / polygon inputs
(for the geometry cases). Output paths live in the run's own folder so the stray-file check can see
everything an algorithm writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable


@dataclass(frozen=True)
class AlgorithmSpec:
    name: str
    params: Callable[[dict[str, str], Path], dict]
    primary: str  # world layer the cases break
    primary_key: str  # parameter that carries it
    number_field: str | None = None  # a volume-like field of the primary layer (text / negative cases)
    number_key: str | None = None  # the parameter naming that field
    point_layers: tuple[str, ...] = ()
    polygon_layers: tuple[str, ...] = ()
    sink_outputs: tuple[str, ...] = ("OUTPUT",)
    file_outputs: tuple[str, ...] = ()
    # True: OUTPUT has one feature per primary input feature (checked against the input count)
    one_output_per_input: bool = True
    extra: dict = field(default_factory=dict)


def _screen(s: dict[str, str], out: Path) -> dict:
    return {
        "INPUT": s["wells"], "ZONES": s["zones"], "SUPPLY_PIPES": s["pipes"], "COVERAGE_DISTANCE": 500,
        "SUPPLY_AREAS": s["supply_areas"], "TOWNSHIPS": s["townships"], "USE_FIELD": "use",
        "OUTPUT": str(out / "screened.gpkg"), "REPORT": str(out / "screening.html"),
    }


def _closure(s: dict[str, str], out: Path) -> dict:
    return {
        "INPUT": s["wells"], "SUPPLY_PIPES": s["pipes"], "COVERAGE_DISTANCE": 500, "SUPPLY_AREAS": s["supply_areas"],
        "TOWNSHIPS": s["townships"], "OUTPUT": str(out / "closure.gpkg"),
    }


def _balance(s: dict[str, str], out: Path) -> dict:
    return {
        "WELLS": s["wells"], "VOLUME_FIELD": "metered_m3", "RECHARGE": s["recharge"], "UNITS": s["townships"],
        "OUTPUT": str(out / "balance.gpkg"), "OUTPUT_RASTER": str(out / "balance.tif"), "CHART": str(out / "balance.png"),
    }


def _trend(s: dict[str, str], out: Path) -> dict:
    return {
        "STATIONS": s["stations"], "SERIES": s["water_levels"], "UNITS": s["townships"],
        "OUTPUT": str(out / "trend_stations.gpkg"), "OUTPUT_UNITS": str(out / "trend_units.gpkg"),
    }


def _electricity(s: dict[str, str], out: Path) -> dict:
    return {
        "WELLS": s["wells"], "POWER": s["power_accounts"], "PERIOD": "2025",
        "OUTPUT": str(out / "electricity.gpkg"), "OUTPUT_SUMMARY": str(out / "electricity_summary.gpkg"),
        "CHART": str(out / "electricity.png"),
    }


def _audit(s: dict[str, str], out: Path) -> dict:
    return {
        "WELLS": s["wells"], "AUDIT_DATE": "2025-12-31", "SUPPLY_PIPES": s["pipes"], "COVERAGE_DISTANCE": 500,
        "SUPPLY_AREAS": s["supply_areas"], "POWER": s["power_accounts"], "PERIOD": "2025",
        "OUTPUT": str(out / "findings.gpkg"), "OUTPUT_SUMMARY": str(out / "findings_summary.gpkg"),
    }


def _surcharge(s: dict[str, str], out: Path) -> dict:
    return {
        "INPUT": s["wells"], "PLAN_FIELD": "plan_m3", "ACTUAL_FIELD": "actual_m3", "BASE_RATE": 0.5, "MODE": 0,
        "ID_FIELD": "well_id", "TOWNSHIP_FIELD": "township",
        "OUTPUT": str(out / "surcharge.gpkg"), "OUTPUT_SUMMARY": str(out / "surcharge_summary.gpkg"),
        "CHART": str(out / "surcharge.png"),
    }


def _rights(s: dict[str, str], out: Path) -> dict:
    return {
        "PARCELS": s["parcels"], "TOWNSHIPS": s["townships"], "TOWNSHIP_CODE_FIELD": "township_id",
        "OUTPUT": str(out / "rights.gpkg"), "OUTPUT_TOWNSHIPS": str(out / "rights_townships.gpkg"),
    }


def _report(s: dict[str, str], out: Path) -> dict:
    return {
        "TOWNSHIPS": s["townships"], "ZONES": s["zones"], "SUPPLY_AREAS": s["supply_areas"], "SUPPLY_PIPES": s["pipes"],
        "WELLS": s["wells"], "YEAR": 2025, "OUTPUT_PDF": str(out / "report.pdf"), "OUTPUT_HTML": str(out / "report.html"),
    }


def _permit(s: dict[str, str], out: Path) -> dict:
    return {
        "INPUT": s["wells"], "ID_FIELD": "app_id", "ZONES": s["zones"], "SUPPLY_PIPES": s["pipes"], "COVERAGE_DISTANCE": 500,
        "SUPPLY_AREAS": s["supply_areas"], "TOWNSHIPS": s["townships"], "EXISTING_WELLS": s["wells"], "LANGUAGE": 1,
        "OUTPUT_FOLDER": str(out / "decisions"), "OUTPUT": str(out / "decisions.gpkg"),
    }


def _reduction(s: dict[str, str], out: Path) -> dict:
    # The world's townships have no allowable volume: used_m3 stands in (托里镇 120 000 against 133 000 drawn, a cut of 13 000).
    return {
        "WELLS": s["wells"], "TOWNSHIPS": s["townships"], "ALLOWABLE_FIELD": "used_m3", "SUPPLY_PIPES": s["pipes"],
        "COVERAGE_DISTANCE": 500, "SUPPLY_AREAS": s["supply_areas"], "FIRST_YEAR": 2026, "TARGET_YEAR": 2028, "LANGUAGE": 1,
        "OUTPUT": str(out / "plan_wells.gpkg"), "OUTPUT_TOWNSHIPS": str(out / "plan_townships.gpkg"),
        "OUTPUT_YEARS": str(out / "plan_years.gpkg"), "CHART": str(out / "plan.png"),
    }


SPECS: dict[str, AlgorithmSpec] = {
    spec.name: spec
    for spec in [
        AlgorithmSpec("screen_well_sites", _screen, "wells", "INPUT", "requested_m3", None,
                      point_layers=("wells",), polygon_layers=("townships", "zones", "supply_areas"), file_outputs=("REPORT",)),
        AlgorithmSpec("self_supplied_closure_list", _closure, "wells", "INPUT", "metered_m3", "VOLUME_FIELD",
                      point_layers=("wells",), polygon_layers=("townships", "supply_areas"), one_output_per_input=False),
        AlgorithmSpec("abstraction_recharge_balance", _balance, "wells", "WELLS", "metered_m3", "VOLUME_FIELD",
                      point_layers=("wells",), polygon_layers=("townships",), file_outputs=("OUTPUT_RASTER", "CHART"),
                      one_output_per_input=False),
        AlgorithmSpec("water_level_trend", _trend, "stations", "STATIONS", None, None,
                      point_layers=("stations",), polygon_layers=("townships",), sink_outputs=("OUTPUT", "OUTPUT_UNITS")),
        AlgorithmSpec("electricity_to_water", _electricity, "wells", "WELLS", "m3_per_kwh", "COEF_FIELD",
                      point_layers=("wells",), sink_outputs=("OUTPUT", "OUTPUT_SUMMARY"), file_outputs=("CHART",)),
        AlgorithmSpec("compliance_audit", _audit, "wells", "WELLS", "metered_m3", "METERED_FIELD",
                      point_layers=("wells",), polygon_layers=("supply_areas",), sink_outputs=("OUTPUT", "OUTPUT_SUMMARY"),
                      one_output_per_input=False),
        AlgorithmSpec("progressive_surcharge", _surcharge, "wells", "INPUT", "actual_m3", "ACTUAL_FIELD",
                      point_layers=("wells",), sink_outputs=("OUTPUT", "OUTPUT_SUMMARY"), file_outputs=("CHART",)),
        AlgorithmSpec("allocate_water_rights", _rights, "parcels", "PARCELS", "area_mu", "AREA_FIELD",
                      polygon_layers=("parcels", "townships"), sink_outputs=("OUTPUT", "OUTPUT_TOWNSHIPS")),
        AlgorithmSpec("permit_decision", _permit, "wells", "INPUT", "requested_m3", "REQUESTED_FIELD",
                      point_layers=("wells",), polygon_layers=("townships", "zones", "supply_areas"),
                      extra={"run_specific_columns": ("html_path", "pdf_path")}),
        AlgorithmSpec("reduction_plan", _reduction, "wells", "WELLS", "metered_m3", "VOLUME_FIELD",
                      point_layers=("wells",), polygon_layers=("townships", "supply_areas"),
                      sink_outputs=("OUTPUT", "OUTPUT_TOWNSHIPS", "OUTPUT_YEARS"), file_outputs=("CHART",)),
        AlgorithmSpec("supervision_report", _report, "townships", "TOWNSHIPS", None, None,
                      polygon_layers=("townships",), sink_outputs=(), file_outputs=("OUTPUT_PDF", "OUTPUT_HTML"),
                      one_output_per_input=False),
    ]
}

ALGORITHMS = [name for name in SPECS if name != "supervision_report"]

LAYER_LABELS = {  # the GeoPackage layer names the messages should use
    "wells": "wells", "stations": "stations", "parcels": "parcels", "townships": "townships",
}
