"""Check a rules file against resources/rules/toli_rules.schema.json when it is loaded.

A small validator for the part of JSON Schema (2020-12) the schema uses — type, required, properties,
additionalProperties, items, minItems, minLength, enum, anyOf, $ref, minimum/maximum and their exclusive forms — so
the plugin needs no extra package in QGIS's Python (the tests hold it against the jsonschema library). On top of the
schema, every number must be finite: Python's json reads NaN and Infinity, which JSON itself does not allow.
The first problem found is reported with its key and the allowed range.
"""

from __future__ import annotations

import math
from typing import Any

from .messages import register, text

register(
    {
        "rules_schema.must_be": ("'{key}' must be {requirement}{found}", "“{key}”须为{requirement}{found}"),
        "rules_schema.found": (" (found {value!r})", "（实际为 {value!r}）"),
        "rules_schema.object": ("a JSON object", "JSON 对象"),
        "rules_schema.array": ("a list", "列表"),
        "rules_schema.string": ("a text", "文本"),
        "rules_schema.boolean": ("true or false", "true 或 false"),
        "rules_schema.null": ("null", "null"),
        "rules_schema.number": ("a number", "数字"),
        "rules_schema.integer": ("a whole number", "整数"),
        "rules_schema.value": ("a value", "值"),
        "rules_schema.or": (" or ", "或"),
        "rules_schema.one_of": ("one of {values}", "{values} 之一"),
        "rules_schema.finite": ("a finite number", "有限数字"),
        "rules_schema.not_empty": ("a text that is not empty", "非空文本"),
        "rules_schema.min_items": ("a list of at least {n} entries", "至少 {n} 项的列表"),
        "rules_schema.no_entry": ("no entry '{key}'", "没有条目“{key}”"),
        "rules_schema.missing": ("{entries} (a required entry is missing)", "{entries}（缺少必需条目）"),
        "rules_schema.whole_file": ("(the whole file)", "（整个文件）"),
    }
)

_TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "integer": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and float(v).is_integer(),
}


class RulesSchemaError(ValueError):
    """One problem: ``key`` is the dotted path of the entry, ``requirement`` what it must be."""

    def __init__(self, key: str, requirement: str, found: Any = ..., *, message: str | None = None) -> None:
        self.key = key
        self.requirement = requirement
        shown = "" if found is ... else text("rules_schema.found", value=found)
        super().__init__(message or text("rules_schema.must_be", key=key, requirement=requirement, found=shown))


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _display(path: str) -> str:
    # {"value": …, "source": …} entries are named by their key, not by '.value'.
    return path[: -len(".value")] if path.endswith(".value") else (path or text("rules_schema.whole_file"))


def _range_words(schema: dict[str, Any]) -> list[str]:
    words = []
    for keyword, symbol in (("minimum", "≥"), ("exclusiveMinimum", ">"), ("maximum", "≤"), ("exclusiveMaximum", "<")):
        if keyword in schema:
            words.append(f"{symbol} {schema[keyword]:g}")
    return words


def _resolve(root: dict[str, Any], reference: str) -> dict[str, Any]:
    node: Any = root
    for part in reference.lstrip("#/").split("/"):
        node = node[part]
    return node


def _requirement(root: dict[str, Any], schema: dict[str, Any]) -> str:
    """Words for what a value must be, from its schema (merged with its $ref)."""
    merged = dict(_resolve(root, schema["$ref"])) if "$ref" in schema else {}
    merged.update({k: v for k, v in schema.items() if k != "$ref"})
    if "anyOf" in merged:
        return text("rules_schema.or").join(_requirement(root, option) for option in merged["anyOf"])
    if "enum" in merged:
        return text("rules_schema.one_of", values=", ".join(repr(value) for value in merged["enum"]))
    words = [text(f"rules_schema.{merged['type']}") if merged.get("type") in _TYPES else text("rules_schema.value")]
    words += _range_words(merged)
    return " ".join(words)


def validate(data: Any, schema: dict[str, Any]) -> None:
    """Raise RulesSchemaError for the first entry of ``data`` that breaks ``schema``."""
    _check(data, schema, schema, "")


def _check(value: Any, schema: dict[str, Any], root: dict[str, Any], path: str) -> None:
    _check_here(value, schema, root, path)
    # The referenced schema after the local keywords: these are the narrower ones (a quantity's range), so a
    # broken value is described by its whole requirement ("a whole number ≥ 0"), not just "a number".
    if "$ref" in schema:
        _check(value, _resolve(root, schema["$ref"]), root, path)


def _check_here(value: Any, schema: dict[str, Any], root: dict[str, Any], path: str) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        raise RulesSchemaError(_display(path), text("rules_schema.finite"), value)
    if "anyOf" in schema:
        for option in schema["anyOf"]:
            try:
                _check(value, option, root, path)
                break
            except RulesSchemaError:
                continue
        else:
            raise RulesSchemaError(_display(path), _requirement(root, schema), value)
    if "enum" in schema and value not in schema["enum"]:
        raise RulesSchemaError(_display(path), _requirement(root, schema), value)
    expected = schema.get("type")
    if expected is not None and not _TYPES[expected](value):
        full = _requirement(root, {**schema, "type": expected})
        raise RulesSchemaError(_display(path), full, value)
    _check_number(value, schema, path)
    if isinstance(value, str) and len(value) < schema.get("minLength", 0):
        raise RulesSchemaError(_display(path), text("rules_schema.not_empty"), value)
    if isinstance(value, dict):
        _check_object(value, schema, root, path)
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            raise RulesSchemaError(_display(path), text("rules_schema.min_items", n=schema["minItems"]), value)
        if "items" in schema:
            for index, item in enumerate(value):
                _check(item, schema["items"], root, _join(path, index))


def _check_number(value: Any, schema: dict[str, Any], path: str) -> None:
    if not _TYPES["number"](value):
        return
    limits = (
        ("minimum", lambda limit: value >= limit),
        ("exclusiveMinimum", lambda limit: value > limit),
        ("maximum", lambda limit: value <= limit),
        ("exclusiveMaximum", lambda limit: value < limit),
    )
    for keyword, holds in limits:
        if keyword in schema and not holds(schema[keyword]):
            kind = text("rules_schema.integer") if schema.get("type") == "integer" else text("rules_schema.number")
            raise RulesSchemaError(_display(path), " ".join([kind, *_range_words(schema)]), value)


def _check_object(value: dict[str, Any], schema: dict[str, Any], root: dict[str, Any], path: str) -> None:
    missing = [_display(_join(path, key)) for key in schema.get("required", []) if key not in value]
    if missing:
        entries = ", ".join(text("rules_schema.no_entry", key=key) for key in missing)
        raise RulesSchemaError(missing[0], "present", message=text("rules_schema.missing", entries=entries))
    properties = schema.get("properties", {})
    for key, item in value.items():
        if key in properties:
            _check(item, properties[key], root, _join(path, key))
        elif isinstance(schema.get("additionalProperties"), dict):
            _check(item, schema["additionalProperties"], root, _join(path, key))
