"""A rules file is checked against its schema when loaded: every entry named, with its range (issue 13, item 8).

Each case changes one entry of the shipped file and expects the load to be refused with a message naming that
key. The shipped schema is also held against the jsonschema library, an independent implementation.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from tuoli_gw_plugin.engine.core.errors import EngineInputError
from tuoli_gw_plugin.engine.core.rules import DEFAULT_RULES_PATH, SCHEMA_PATH, load_rules

SHIPPED = json.loads(DEFAULT_RULES_PATH.read_text(encoding="utf-8"))


def _set(data: dict, path: tuple, value) -> None:
    for key in path[:-1]:
        data = data[key]
    if value is _DELETE:
        del data[path[-1]]
    else:
        data[path[-1]] = value


_DELETE = object()
NAN = float("nan")

# (entry changed, new value, the key the message must name, words the message must contain)
CASES = [
    (("surcharge", "bands", 1, "multiplier"), -2, "surcharge.bands[1].multiplier", "≥ 1"),
    (("surcharge", "bands", 2, "multiplier"), NAN, "surcharge.bands[2].multiplier", "finite"),
    (("surcharge", "within_plan_multiplier", "value"), -0.5, "surcharge.within_plan_multiplier", "> 0"),
    (("compliance", "deregistration_deadline_days", "value"), -30, "compliance.deregistration_deadline_days", "≥ 0"),
    (("compliance", "deregistration_deadline_days", "value"), 30.5, "compliance.deregistration_deadline_days", "whole number"),
    (("compliance", "deregistration_deadline_days", "value"), "thirty", "compliance.deregistration_deadline_days", "whole number"),
    (("water_rights", "irrigation_quota_m3_per_mu", "cotton", "value"), -420, "water_rights.irrigation_quota_m3_per_mu.cotton", "≥ 0"),
    (("water_rights", "mu_m2", "value"), float("inf"), "water_rights.mu_m2", "finite"),
    (("compliance", "meter_vs_power_mismatch_share"), _DELETE, "compliance.meter_vs_power_mismatch_share", "no entry"),
    (("compliance", "deregistration_deadline_days", "value"), _DELETE, "compliance.deregistration_deadline_days", "no entry"),
    (("screening", "zone_grades", "severe", "verdict"), "forbidden", "screening.zone_grades.severe.verdict", "'prohibited'"),
    (("compliance", "findings", "no_meter", "severity"), "严重", "compliance.findings.no_meter.severity", "'critical'"),
    (("over_extraction_grading", "water_level_decline_m_per_a", "significance_p", "value"), 1.5,
     "over_extraction_grading.water_level_decline_m_per_a.significance_p", "< 1"),
    (("screening", "default_coverage_distance_m", "value"), 0, "screening.default_coverage_distance_m", "> 0"),
    (("surcharge", "bands"), [], "surcharge.bands", "at least 1"),
    # issue 25: the readings marked as assumptions, and the pumping days per use
    (("surcharge", "plan_or_quota", "value"), "both", "surcharge.plan_or_quota", "'larger'"),
    (("permit_decision", "pumping_days_by_use", "uses", "irrigation", "value"), 400,
     "permit_decision.pumping_days_by_use.uses.irrigation", "≤ 366"),
    (("screening", "well_types", "irrigation_assumption"), _DELETE, "screening.well_types.irrigation_assumption", "no entry"),
    (("screening", "supply_coverage_not_self_supplied", "verdict"), "ok", "screening.supply_coverage_not_self_supplied.verdict",
     "'allowed'"),
]


def _write(tmp_path: Path, data: dict, text: str | None = None) -> Path:
    path = tmp_path / "rules.json"
    path.write_text(text if text is not None else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("path, value, key, words", CASES, ids=[f"{'.'.join(map(str, c[0]))}={c[1]!r}" for c in CASES])
def test_a_bad_entry_is_refused_by_name(tmp_path, path, value, key, words):
    data = copy.deepcopy(SHIPPED)
    _set(data, path, value)
    with pytest.raises(EngineInputError) as raised:
        load_rules(_write(tmp_path, data))
    message = str(raised.value)
    assert f"'{key}'" in message and words in message, message
    assert str(tmp_path / "rules.json") in message  # the file is named, so the user knows which copy


def test_nan_written_in_the_file_itself_is_refused(tmp_path):
    text = DEFAULT_RULES_PATH.read_text(encoding="utf-8").replace('"multiplier": 5', '"multiplier": NaN', 1)
    assert "NaN" in text
    with pytest.raises(EngineInputError, match=r"surcharge\.bands\[2\]\.multiplier.*finite"):
        load_rules(_write(tmp_path, {}, text))


def test_grades_out_of_order_are_refused(tmp_path):
    data = copy.deepcopy(SHIPPED)
    data["over_extraction_grading"]["extraction_coefficient"]["general_above"]["value"] = 1.5  # above severe's 1.3
    with pytest.raises(EngineInputError, match=r"general_above' \(1\.5\) must not exceed .*severe_above' \(1\.3\)"):
        load_rules(_write(tmp_path, data))


def test_the_shipped_rules_pass_and_the_schema_agrees_with_jsonschema():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    assert list(validator.iter_errors(SHIPPED)) == []
    load_rules()  # and our own validator
    for path, value, _, _ in CASES:
        if isinstance(value, float) and value != value or value == float("inf"):
            continue  # jsonschema has no notion of NaN/Infinity: JSON itself does not allow them
        data = copy.deepcopy(SHIPPED)
        _set(data, path, value)
        assert list(validator.iter_errors(data)), f"jsonschema accepts {path}={value!r}"
