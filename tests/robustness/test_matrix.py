"""The robustness matrix: every algorithm × every broken input, through processing.run.

Each cell checks what a user would get: the same answers as the clean data, or a QgsProcessingException
whose message names the layer (never a Python traceback); every input feature accounted for in the
output or the log; the input files byte-identical afterwards; nothing written outside the declared
outputs. ``ROBUSTNESS_OUTCOMES=<file.jsonl>`` records every cell's message for docs/robustness.md.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from .algorithms import ALGORITHMS, SPECS
from .cases import CASES, ERROR, SAME
from .runner import file_digest, read_layer, run_processing
from .world import World

ID_COLUMN = {"wells": "well_id", "stations": "station_id", "parcels": "parcel_id", "townships": "name_zh"}
_BASELINES: dict[str, pd.DataFrame] = {}


def _outputs(spec, results) -> dict[str, str]:
    return {key: str(results[key]) for key in spec.sink_outputs if results.get(key)}


def _baseline(spec, tmp_root: Path) -> pd.DataFrame:
    if spec.name not in _BASELINES:
        sources = World.default().write(tmp_root / f"baseline_{spec.name}" / "in")
        out = tmp_root / f"baseline_{spec.name}" / "out"
        out.mkdir()
        outcome = run_processing(spec.name, spec.params(sources, out))
        assert outcome.ok, outcome.message
        _BASELINES[spec.name] = read_layer(outcome.results["OUTPUT"])
    return _BASELINES[spec.name]


def _comparable(frame: pd.DataFrame, id_column: str | None) -> pd.DataFrame:
    frame = pd.DataFrame(frame.drop(columns=[c for c in ("geometry", "fid") if c in frame.columns]))
    if id_column and id_column in frame.columns:
        frame = frame.sort_values(id_column).reset_index(drop=True)
    return frame


def assert_same_answers(got: pd.DataFrame, expected: pd.DataFrame, id_column: str | None, input_columns=()) -> None:
    """The algorithm's own columns (those not copied from the input) hold the same values."""
    got, expected = _comparable(got, id_column), _comparable(expected, id_column)
    assert len(got) == len(expected)
    answers = [c for c in expected.columns if c not in set(input_columns) or c == id_column]
    common = [c for c in answers if c in got.columns]
    assert len(common) >= len(answers) // 2, (list(got.columns), list(expected.columns))
    for column in common:
        a, b = got[column], expected[column]
        if pd.api.types.is_numeric_dtype(b) and not pd.api.types.is_bool_dtype(b):
            a = pd.to_numeric(a, errors="coerce")
            assert np.allclose(a.to_numpy(float), b.to_numpy(float), rtol=1e-6, atol=0.05, equal_nan=True), column
        else:
            left = ["" if pd.isna(v) else str(v) for v in a]
            right = ["" if pd.isna(v) else str(v) for v in b]
            assert left == right, column


def _record(algorithm: str, case: str, outcome, expect: str) -> None:
    path = os.environ.get("ROBUSTNESS_OUTCOMES")
    if path:
        warnings = [line for line in outcome.log.splitlines() if line and not line.startswith(("Results:", "Input parameters"))]
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"algorithm": algorithm, "case": case, "expect": expect, "ok": outcome.ok,
                                     "message": outcome.message, "log": warnings[-6:]}, ensure_ascii=False) + "\n")


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_matrix(qgis_app, tmp_path_factory, tmp_path, algorithm, case):
    spec = SPECS[algorithm]
    prepared = CASES[case](World.default(), spec)
    if prepared is None:
        pytest.skip(f"{case} does not apply to {algorithm}")
    sources = prepared.world.write(tmp_path / "in")
    out = tmp_path / "out"
    out.mkdir()
    parameters = {**spec.params(sources, out), **prepared.params}
    inputs = {name: file_digest(source) for name, source in sources.items()}
    files_before = {p for p in (tmp_path / "in").rglob("*")}
    cwd_before = set(Path.cwd().iterdir())

    outcome = run_processing(algorithm, parameters)
    _record(algorithm, case, outcome, prepared.expect)

    # Inputs are never modified, nothing is written beside them or in the working directory.
    assert {name: file_digest(source) for name, source in sources.items()} == inputs
    assert {p for p in (tmp_path / "in").rglob("*") if not p.name.endswith(".aux.xml")} <= files_before
    assert set(Path.cwd().iterdir()) <= cwd_before

    label = prepared.label or spec.primary
    if not outcome.ok:
        assert outcome.error_type == "QgsProcessingException", outcome.message
        assert "Traceback" not in outcome.message
        assert label in outcome.message, outcome.message
        assert prepared.expect != SAME, f"expected the clean answers, got: {outcome.message}"
        if prepared.expect_in_message:
            assert prepared.expect_in_message in outcome.message, outcome.message
        # A failed run leaves no output that looks complete.
        leftovers = [p for p in out.iterdir() if p.suffix in {".gpkg", ".tif", ".png", ".html", ".pdf", ".csv"}]
        assert not leftovers, leftovers
        return
    assert prepared.expect != ERROR, f"expected a clear error, the run succeeded; log:\n{outcome.log}"
    if prepared.expect_in_log:
        assert prepared.expect_in_log in outcome.log
    results = outcome.results
    main = read_layer(results["OUTPUT"])
    # Whatever the case, none of the algorithm's own output numbers is infinite (an 'inf' fee or volume is
    # nonsense, not an answer); fields copied from the input keep what the user gave.
    copied = set(prepared.world.layers[spec.primary].columns) if spec.primary in prepared.world.layers else set()
    for column in [c for c in main.columns if c not in copied]:
        numbers = pd.to_numeric(main[column], errors="coerce") if main[column].dtype == object else main[column]
        if pd.api.types.is_numeric_dtype(numbers) and not pd.api.types.is_bool_dtype(numbers):
            assert not np.isinf(numbers.to_numpy(float)).any(), f"infinite values in output field {column}"
    id_column = ID_COLUMN.get(spec.primary)
    if prepared.expect == SAME:
        input_columns = World.default().layers[spec.primary].columns
        if spec.number_key in prepared.params:  # the field used is reported under its new name
            main = main.replace(prepared.params[spec.number_key], spec.number_field)
        # Columns that name this run's own files (the permit decisions' paths) differ from run to run by design.
        varying = list(spec.extra.get("run_specific_columns", ()))
        expected = _baseline(spec, tmp_path_factory.getbasetemp()).drop(columns=varying, errors="ignore")
        assert_same_answers(main.drop(columns=varying, errors="ignore"), expected, id_column, input_columns)
        return
    # EITHER, run succeeded: every input feature is in the output, or named in the log.
    if spec.one_output_per_input:
        assert len(main) == prepared.primary_count
    if prepared.touched_row is not None and prepared.primary_count:
        primary = prepared.world.layers[spec.primary]
        feature_id = str(primary[ID_COLUMN[spec.primary]].iloc[prepared.touched_row]) if ID_COLUMN.get(spec.primary) in primary else None
        in_output = feature_id is not None and id_column in main.columns and feature_id in set(main[id_column].astype(str))
        # Filters and summaries (closure list, audit) account for the rest by counting in the log.
        counted = not spec.one_output_per_input and f"{prepared.primary_count} " in outcome.log
        if "wells_n" in main.columns:  # balance: every well is in exactly one unit's count
            counted = counted or int(main["wells_n"].sum()) == prepared.primary_count
        assert in_output or counted or (feature_id and feature_id in outcome.log), (feature_id, outcome.log)
