"""Load the rules file: every number the law sets, with its legal source.

The default file ships in ``resources/rules/toli_rules.json``; a user may point any algorithm at a
copy (parameter ``RULES``). Code asks for values through :class:`Rules` and never writes such a
number as a literal, so a change in the law is a change in data.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import EngineInputError
from .messages import register, text
from .rules_schema import RulesSchemaError, validate

register(
    {
        "rules.no_entry": ("the rules file has no entry '{key}'", "规则文件中没有条目“{key}”"),
        "rules.start_from_shipped": (
            "start from the shipped resources/rules/toli_rules.json and edit values only",
            "请以随插件提供的 resources/rules/toli_rules.json 为基础，只修改数值",
        ),
        "rules.not_a_number": ("rules entry '{key}' must be a number", "规则条目“{key}”须为数字"),
        "rules.bands_unbounded": (
            "surcharge.bands must list bounded bands in order and end with one whose excess_pct_up_to is null",
            "surcharge.bands 须按顺序列出有上限的档次，并以 excess_pct_up_to 为 null 的一档结尾",
        ),
        "rules.bands_order": ("surcharge.bands must be in increasing order", "surcharge.bands 须按递增顺序排列"),
        "rules.not_json": (
            "the rules file is not valid JSON (line {line}, column {column}: {error})",
            "规则文件不是有效的 JSON（第 {line} 行，第 {column} 列：{error}）",
        ),
        "rules.not_object": ("the rules file must hold a JSON object", "规则文件须为一个 JSON 对象"),
        "rules.schema_hint": (
            "the allowed range of every entry is in {schema} beside the shipped rules file",
            "各条目的允许范围见随插件规则文件旁的 {schema}",
        ),
        "rules.not_usable": ("the rules file is not usable: {problem}", "规则文件不可用：{problem}"),
        "rules.exceeds": (
            "'{lower_key}' ({lower:g}) must not exceed '{upper_key}' ({upper:g})",
            "“{lower_key}”（{lower:g}）不得大于“{upper_key}”（{upper:g}）",
        ),
        "rules.missing": ("the rules file does not exist", "规则文件不存在"),
        "rules.give_copy": (
            "give the path of a copy of resources/rules/toli_rules.json", "请给出 resources/rules/toli_rules.json 副本的路径"
        ),
    }
)

# Not resolve(): in the assembled plugin folder engine/ is a link to the sources, and resources/ sits beside
# that link, in the plugin folder, not beside the source package.
PLUGIN_DIR = Path(__file__).absolute().parents[2]  # engine/core/rules.py -> the plugin folder
DEFAULT_RULES_PATH = PLUGIN_DIR / "resources" / "rules" / "toli_rules.json"
SCHEMA_PATH = PLUGIN_DIR / "resources" / "rules" / "toli_rules.schema.json"

# Pairs of entries whose order the law implies: the first must not exceed the second.
_ORDERED_PAIRS = (
    (("over_extraction_grading", "extraction_coefficient", "general_above", "value"),
     ("over_extraction_grading", "extraction_coefficient", "severe_above", "value")),
    (("over_extraction_grading", "water_level_decline_m_per_a", "general_above", "value"),
     ("over_extraction_grading", "water_level_decline_m_per_a", "severe_above", "value")),
    (("over_extraction_grading", "recharge_plausible_mm_per_a", "min"), ("over_extraction_grading", "recharge_plausible_mm_per_a", "max")),
    (("electricity", "plausible_m3_per_kwh", "min"), ("electricity", "plausible_m3_per_kwh", "max")),
)


@dataclass(frozen=True)
class SurchargeBand:
    """One band of the over-plan part: up to ``excess_pct_up_to`` % over plan at ``multiplier``."""

    excess_pct_up_to: float | None  # None: no upper bound (the top band)
    multiplier: float
    source: str


class Rules:
    """Read-only view of a rules file with typed accessors for what the engine needs."""

    def __init__(self, data: dict[str, Any], path: Path) -> None:
        self.data = data
        self.path = path

    # -- generic access ------------------------------------------------------------------------
    def get(self, *keys: str) -> Any:
        """The node at ``keys``; a clear error naming the file if the rules file lacks it."""
        node: Any = self.data
        for depth, key in enumerate(keys):
            if not isinstance(node, dict) or key not in node:
                dotted = ".".join(keys[: depth + 1])
                raise EngineInputError(
                    text("rules.no_entry", key=dotted),
                    layer=str(self.path),
                    hint=text("rules.start_from_shipped"),
                )
            node = node[key]
        return node

    def value(self, *keys: str) -> float:
        """A number stored as ``{"value": …, "source": …}``."""
        node = self.get(*keys)
        if isinstance(node, dict):
            node = node.get("value")
        if not isinstance(node, (int, float)) or isinstance(node, bool):
            raise EngineInputError(
                text("rules.not_a_number", key=".".join(keys)),
                layer=str(self.path),
            )
        return float(node)

    def source(self, *keys: str) -> str:
        node = self.get(*keys)
        return str(node.get("source", "")) if isinstance(node, dict) else ""

    # -- typed accessors -----------------------------------------------------------------------
    def surcharge_bands(self) -> list[SurchargeBand]:
        bands = [
            SurchargeBand(
                None if b.get("excess_pct_up_to") is None else float(b["excess_pct_up_to"]),
                float(b["multiplier"]),
                str(b.get("source", "")),
            )
            for b in self.get("surcharge", "bands")
        ]
        limits = [b.excess_pct_up_to for b in bands]
        if not bands or limits[-1] is not None or any(x is None for x in limits[:-1]):
            raise EngineInputError(
                text("rules.bands_unbounded"),
                layer=str(self.path),
            )
        if any(a >= b for a, b in zip(limits[:-2], limits[1:-1])):  # type: ignore[operator]
            raise EngineInputError(text("rules.bands_order"), layer=str(self.path))
        return bands

    def zone_grade_aliases(self) -> dict[str, str]:
        """Map every accepted spelling (lower-cased) of a zone grade to its canonical key."""
        aliases: dict[str, str] = {}
        for grade, spec in self.get("screening", "zone_grades").items():
            for alias in [grade, *spec.get("aliases", [])]:
                aliases[str(alias).strip().lower()] = grade
        return aliases


@lru_cache(maxsize=8)
def _load_cached(path_text: str, mtime: float) -> Rules:
    path = Path(path_text)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise EngineInputError(
            text("rules.not_json", line=exc.lineno, column=exc.colno, error=exc.msg),
            layer=str(path),
        ) from None
    if not isinstance(data, dict):
        raise EngineInputError(text("rules.not_object"), layer=str(path))
    check_rules_data(data, path)
    return Rules(data, path)


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def check_rules_data(data: dict[str, Any], path: Path) -> None:
    """Refuse a rules file with a missing entry, a wrong type or a value out of its range, naming the key."""
    hint = text("rules.schema_hint", schema=SCHEMA_PATH.name)
    try:
        validate(data, _schema())
    except RulesSchemaError as exc:
        raise EngineInputError(text("rules.not_usable", problem=exc), layer=str(path), hint=hint) from None
    for lower_keys, upper_keys in _ORDERED_PAIRS:
        lower, upper = _node(data, lower_keys), _node(data, upper_keys)
        if lower is not None and upper is not None and lower > upper:
            raise EngineInputError(
                text("rules.not_usable", problem=text(
                    "rules.exceeds", lower_key=_dotted(lower_keys), lower=lower, upper_key=_dotted(upper_keys), upper=upper
                )),
                layer=str(path),
                hint=hint,
            )


def _node(data: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def _dotted(keys: tuple[str, ...]) -> str:
    return ".".join(key for key in keys if key != "value")


def load_rules(path: str | Path | None = None) -> Rules:
    """Load the rules file at ``path`` (the shipped one when empty)."""
    rules_path = Path(path) if path else DEFAULT_RULES_PATH
    if not rules_path.is_file():
        raise EngineInputError(
            text("rules.missing"),
            layer=str(rules_path),
            hint=text("rules.give_copy"),
        )
    return _load_cached(str(rules_path.resolve()), rules_path.stat().st_mtime)
