"""`make demo`: run the whole pipeline on the sample layers through qgis_process into out/.

Each step is one real ``qgis_process run tuoli_gw:… --json`` call, exactly what a batch user would
script; the demo stops at the first failing step and prints what it wrote.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "out"
GPKG = REPO / "sample_layers" / "toli_sample.gpkg"
QGIS_PROCESS = REPO / "scripts" / "qgis_process.sh"


def layer(name: str) -> str:
    return f"{GPKG}|layername={name}"


def out(name: str) -> str:
    return str(OUT / name)


STEPS: list[tuple[str, str, dict[str, object]]] = [
    (
        "Screen the new-well applications (items 8, 13; section 二(三))",
        "tuoli_gw:screen_well_sites",
        {
            "INPUT": layer("well_applications"),
            "ZONES": layer("overextraction_zones"),
            "SUPPLY_PIPES": layer("supply_pipes"),
            "COVERAGE_DISTANCE": 500,
            "SUPPLY_AREAS": layer("supply_areas"),
            "TOWNSHIPS": layer("townships"),
            "USE_FIELD": "use",
            "LANGUAGE": 0,  # the basis in Chinese (0 = 中文 in every algorithm)
            "OUTPUT": out("screening_applications.gpkg"),
            "REPORT": out("screening_report.html"),
        },
    ),
    (
        "Permit decision documents for the applications (PDF and HTML each, in Chinese; Theis interference)",
        "tuoli_gw:permit_decision",
        {
            "INPUT": layer("well_applications"),
            "ZONES": layer("overextraction_zones"),
            "SUPPLY_PIPES": layer("supply_pipes"),
            "COVERAGE_DISTANCE": 500,
            "SUPPLY_AREAS": layer("supply_areas"),
            "TOWNSHIPS": layer("townships"),
            "EXISTING_WELLS": layer("wells"),
            "LANGUAGE": 0,
            "OUTPUT_FOLDER": out("permit_decisions"),
            "OUTPUT": out("permit_decisions.gpkg"),
        },
    ),
    (
        "List existing self-supplied wells inside supply coverage for control (item 13: 依法严格管控)",
        "tuoli_gw:self_supplied_closure_list",
        {
            "INPUT": layer("wells"),
            "SUPPLY_PIPES": layer("supply_pipes"),
            "COVERAGE_DISTANCE": 500,
            "SUPPLY_AREAS": layer("supply_areas"),
            "TOWNSHIPS": layer("townships"),
            "OUTPUT": out("closure_list.gpkg"),
        },
    ),
    (
        "Water-level trend per monitoring station and township (GB/T 34968)",
        "tuoli_gw:water_level_trend",
        {
            "STATIONS": layer("monitoring_stations"),
            "SERIES": layer("water_levels"),
            "UNITS": layer("townships"),
            "OUTPUT": out("water_level_trend_stations.gpkg"),
            "OUTPUT_UNITS": out("water_level_trend_townships.gpkg"),
        },
    ),
    (
        "Abstraction against recharge per township, with the cut needed (section 二(三), item 7)",
        "tuoli_gw:abstraction_recharge_balance",
        {
            "WELLS": layer("wells"),
            "VOLUME_FIELD": "metered_m3",
            "RECHARGE": str(REPO / "sample_layers" / "recharge_mm.tif"),
            "UNITS": layer("townships"),
            "LEVEL_GRADES": out("water_level_trend_townships.gpkg"),
            "OUTPUT": out("balance_townships.gpkg"),
            "OUTPUT_RASTER": out("balance_mm.tif"),
            "CHART": out("balance_chart.png"),
        },
    ),
    (
        "Reduction plan to abstraction-recharge balance per township, year by year (items 7, 10, 13, 18; section 二(三))",
        "tuoli_gw:reduction_plan",
        {
            "WELLS": layer("wells"),
            "VOLUME_FIELD": "metered_m3",
            "TOWNSHIPS": out("balance_townships.gpkg"),  # the balance's allowable_m3 per township
            "ALLOWABLE_FIELD": "allowable_m3",
            "SUPPLY_PIPES": layer("supply_pipes"),
            "COVERAGE_DISTANCE": 500,
            "SUPPLY_AREAS": layer("supply_areas"),
            "FIRST_YEAR": 2026,
            "TARGET_YEAR": 2030,
            "SHARE_RULE": 0,  # proportional to use
            "LANGUAGE": 0,
            "OUTPUT": out("reduction_plan_wells.gpkg"),
            "OUTPUT_TOWNSHIPS": out("reduction_plan_townships.gpkg"),
            "OUTPUT_YEARS": out("reduction_plan_years.gpkg"),
            "CHART": out("reduction_plan_chart.png"),
        },
    ),
    (
        "Water from electricity and well-power matching (item 16)",
        "tuoli_gw:electricity_to_water",
        {
            "WELLS": layer("wells"),
            "POWER": layer("power_accounts"),
            "PERIOD": 2025,
            "OUTPUT": out("electricity_to_water.gpkg"),
            "OUTPUT_SUMMARY": out("electricity_summary.csv"),
            "CHART": out("electricity_chart.png"),
        },
    ),
    (
        "Compliance audit (items 9, 11, 13, 16, 18)",
        "tuoli_gw:compliance_audit",
        {
            "WELLS": layer("wells"),
            "AUDIT_DATE": "2025-12-31",
            "SUPPLY_PIPES": layer("supply_pipes"),
            "COVERAGE_DISTANCE": 500,
            "SUPPLY_AREAS": layer("supply_areas"),
            "POWER": layer("power_accounts"),
            "PERIOD": 2025,
            "OUTPUT": out("compliance_findings.gpkg"),
            "OUTPUT_SUMMARY": out("compliance_summary.csv"),
        },
    ),
    (
        "Progressive surcharge on use over plan (items 10, 13)",
        "tuoli_gw:progressive_surcharge",
        {
            "INPUT": layer("wells"),
            "PLAN_FIELD": "permit_m3",
            "ACTUAL_FIELD": "metered_m3",
            "BASE_RATE": 0.5,  # illustrative: the notice leaves the standard rate to the finance department
            "MODE": 0,
            "ID_FIELD": "well_id",
            "TOWNSHIP_FIELD": "township",
            "OUTPUT": out("surcharge.gpkg"),
            "OUTPUT_SUMMARY": out("surcharge_by_tier.csv"),
            "CHART": out("surcharge_chart.png"),
        },
    ),
    (
        "Farm water rights from land-contract parcels within the red lines (item 12)",
        "tuoli_gw:allocate_water_rights",
        {
            "PARCELS": layer("farmland_parcels"),
            "TOWNSHIPS": layer("townships"),
            "TOWNSHIP_CODE_FIELD": "township_id",
            "OUTPUT": out("water_rights_parcels.gpkg"),
            "OUTPUT_TOWNSHIPS": out("water_rights_townships.gpkg"),
        },
    ),
    (
        "Annual supervision report for the county water bureau (PDF and HTML, in Chinese)",
        "tuoli_gw:supervision_report",
        {
            "TOWNSHIPS": layer("townships"),
            "ZONES": layer("overextraction_zones"),
            "SUPPLY_AREAS": layer("supply_areas"),
            "SUPPLY_PIPES": layer("supply_pipes"),
            "SCREENING": out("screening_applications.gpkg"),
            "WELLS": layer("wells"),
            "BALANCE": out("balance_townships.gpkg"),
            "SURCHARGE": out("surcharge.gpkg"),
            "FINDINGS": out("compliance_findings.gpkg"),
            "WATER_RIGHTS": out("water_rights_townships.gpkg"),
            "REDUCTION_PLAN": out("reduction_plan_townships.gpkg"),
            "YEAR": 2025,
            "OUTPUT_PDF": out("supervision_report_2025.pdf"),
            "OUTPUT_HTML": out("supervision_report_2025.html"),
        },
    ),
]


def run_step(title: str, algorithm: str, parameters: dict[str, object]) -> dict:
    args = [str(QGIS_PROCESS), "run", algorithm, "--json"] + [f"--{k}={v}" for k, v in parameters.items()]
    started = time.perf_counter()
    completed = subprocess.run(args, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if completed.returncode != 0:
        sys.stderr.write(f"\nStep failed: {title}\n{' '.join(args)}\n{completed.stdout[-4000:]}\n{completed.stderr[-4000:]}\n")
        sys.exit(1)
    answer = json.loads(completed.stdout[completed.stdout.find("{"):])
    print(f"✔ {title}  [{algorithm}, {seconds:.1f} s]")
    return answer


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for earlier in OUT.iterdir():  # outputs of an earlier run must not pass for this run's (out/ itself may be a mount)
        if earlier.is_dir() and not earlier.is_symlink():
            shutil.rmtree(earlier)
        else:
            earlier.unlink()
    started = time.perf_counter()
    for title, algorithm, parameters in STEPS:
        run_step(title, algorithm, parameters)
    print(f"\n{len(STEPS)} steps in {time.perf_counter() - started:.0f} s. Wrote under {OUT.relative_to(REPO)}/:")
    for path in sorted(OUT.rglob("*")):
        if path.is_file():
            print(f"  {path.relative_to(REPO)}  ({path.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
