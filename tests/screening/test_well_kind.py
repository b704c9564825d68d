"""One decision of "is this a 自备井" (item 13) and "does it pump", on hand-built registers.

The register's own yes/no field decides where it has a value; else the use by the rules file's lists; else
unknown. Farm irrigation is not a 自备井 by default, and the rules file says why (an assumption a county can change).
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from tuoli_gw_plugin.engine.core.errors import EngineInputError
from tuoli_gw_plugin.engine.core.rules import DEFAULT_RULES_PATH, load_rules
from tuoli_gw_plugin.engine.screening.well_kind import (
    OTHER_TYPE,
    SELF_SUPPLIED,
    UNKNOWN_TYPE,
    pumping_mask,
    well_kinds,
)

REGISTER = pd.DataFrame(
    {
        "well_id": ["r_yes_irrigation", "r_no_domestic", "blank_domestic", "blank_irrigation", "blank_nothing", "none_public",
                    "yes_word", "no_word", "blank_text_industrial", "unknown_use"],
        "self_supplied": [True, False, None, None, None, None, "是", "否", " ", None],
        "use": ["irrigation", "domestic", "domestic", "农灌", None, "公共供水", "irrigation", "工业", "industrial", "fish pond"],
    }
)
# By hand: the field decides where it has a value (rows 0, 1, 6, 7); else the use (domestic, industrial are 自备井;
# irrigation and public supply are not); no use, or a use no list names: unknown.
EXPECTED = [SELF_SUPPLIED, OTHER_TYPE, SELF_SUPPLIED, OTHER_TYPE, UNKNOWN_TYPE, OTHER_TYPE, SELF_SUPPLIED, OTHER_TYPE,
            SELF_SUPPLIED, UNKNOWN_TYPE]


def test_the_register_field_decides_first_then_the_use():
    kinds = well_kinds(REGISTER, load_rules(), self_supplied_field="self_supplied", use_field="use", layer="wells", id_field="well_id")
    assert kinds.kinds.tolist() == EXPECTED
    assert kinds.from_register.tolist() == [True, True, False, False, False, False, True, True, False, False]


def test_without_the_field_the_use_decides_and_irrigation_is_no_self_supplied_well():
    kinds = well_kinds(REGISTER, load_rules(), use_field="use", layer="wells").kinds
    assert kinds.tolist() == [OTHER_TYPE, SELF_SUPPLIED, SELF_SUPPLIED, OTHER_TYPE, UNKNOWN_TYPE, OTHER_TYPE, OTHER_TYPE,
                              SELF_SUPPLIED, SELF_SUPPLIED, UNKNOWN_TYPE]


def test_without_field_or_use_every_well_is_unknown():
    assert set(well_kinds(REGISTER, load_rules(), layer="wells").kinds) == {UNKNOWN_TYPE}


def test_irrigation_is_an_assumption_the_rules_file_explains_and_a_county_can_change(tmp_path):
    node = load_rules().get("screening", "well_types")
    assert "irrigation" in node["not_self_supplied"] and "irrigation" not in node["self_supplied"]
    why = node["irrigation_assumption"]
    assert "item 16" in why and "item 12" in why and "农业机电井" in why
    data = json.loads(DEFAULT_RULES_PATH.read_text(encoding="utf-8"))
    well_types = data["screening"]["well_types"]
    well_types["not_self_supplied"].remove("irrigation")
    well_types["self_supplied"].append("irrigation")
    copy = tmp_path / "irrigation_self_supplied.json"
    copy.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    frame = pd.DataFrame({"use": ["irrigation"]})
    assert well_kinds(frame, load_rules(copy), use_field="use", layer="wells").kinds.tolist() == [SELF_SUPPLIED]


def test_a_register_value_that_says_neither_yes_nor_no_is_named():
    frame = pd.DataFrame({"well_id": ["a", "b"], "self_supplied": ["是", "maybe"]})
    with pytest.raises(EngineInputError) as caught:
        well_kinds(frame, load_rules(), self_supplied_field="self_supplied", layer="wells", id_field="well_id")
    message = str(caught.value)
    assert "wells" in message and "well_id=b" in message and "self_supplied" in message and "maybe" in message


def test_stopped_deregistered_and_sealed_wells_do_not_pump():
    frame = pd.DataFrame({"status": ["active", "stopped", "已注销", "封填", None, "在用", "停用"]})
    assert pumping_mask(frame, "status", load_rules(), layer="wells").tolist() == [True, False, False, False, True, True, False]
    assert pumping_mask(frame, None, load_rules(), layer="wells").all()
    statuses = load_rules().get("screening", "closure_list")["inactive_status"]
    assert set(statuses) == {"stopped", "deregistered", "sealed"}
    assert all(isinstance(words, list) and words for words in statuses.values())
