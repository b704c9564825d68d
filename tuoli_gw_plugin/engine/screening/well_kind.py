"""What kind of well a register row or an application is, decided once for every tool: a 自备井 or not, pumping or not.

Notice 托政发规〔2024〕3号 item 13 (二(二) 13) bans new self-supplied wells (自备井) inside public supply-network
coverage and puts existing ones under strict control (依法严格管控). Screening, the map tool, the closure list, the
reduction plan, the permit decision and the audit all ask "is this a 自备井?" here, and get one answer:

1. the register's own yes/no field, where the layer has it and the cell has a value (its spellings: the rules
   file's ``screening.closure_list.self_supplied_true`` / ``self_supplied_false``, and true/false, 1/0);
2. else the intended use, by the rules file's ``screening.well_types`` lists (farm irrigation is *not* a 自备井 by
   default: see that entry's ``irrigation_assumption``);
3. else unknown — never guessed.

"Does this well pump?" is answered here too: a status among the rules file's
``screening.closure_list.inactive_status`` words (stopped, deregistered, sealed) says it does not.
No QGIS import.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..core.errors import EngineInputError
from ..core.messages import register, text
from ..core.rules import Rules
from ..core.values import feature_label, is_blank, is_null, listed_features, require_fields

register(
    {
        "well_kind.what_self_supplied": ("it should say whether the well is self-supplied", "该字段应说明是否为自备井"),
        "well_kind.not_yes_no": ("{n} value(s) do not say yes or no: {features}", "{n} 个值不是“是”或“否”：{features}"),
        "well_kind.yes_no_hint": (
            "use 1/0, true/false, yes/no or 是/否 (or add the spelling to the rules file's screening.closure_list)",
            "请使用 1/0、true/false、yes/no 或 是/否（或把该写法加入规则文件的 screening.closure_list）",
        ),
        "well_kind.what_use": (
            "the intended use of the well (self-supplied or not, statutory exceptions)",
            "机井的拟定用途（是否自备井、法定例外情形）",
        ),
        "well_kind.what_status": ("it should hold the well's status", "该字段应为机井状态"),
    }
)

# What item 13 needs to know of a well: self_supplied (自备井), other (public supply, monitoring, emergency,
# irrigation…), unknown (no register value, and no use or a use the rules file's screening.well_types does not list).
SELF_SUPPLIED, OTHER_TYPE, UNKNOWN_TYPE = "self_supplied", "other", "unknown"
register(
    {
        "well_kind.kind.self_supplied": ("self-supplied well (自备井)", "自备井"),
        "well_kind.kind.other": ("not a self-supplied well", "非自备井"),
        "well_kind.kind.unknown": ("kind not known", "类型未明"),
    }
)

# The intended-use codes the plugin's layers and the rules file's lists use, with their words (a register's own
# spelling, e.g. 农灌, is shown as written).
USE_CODES = (
    "domestic", "industrial", "domestic_no_alternative", "irrigation", "livestock", "public_supply", "monitoring", "emergency",
    "self_supplied",
)
register(
    {
        "well_kind.use.domestic": ("domestic supply", "生活用水"),
        "well_kind.use.industrial": ("industrial supply", "工业用水"),
        "well_kind.use.domestic_no_alternative": ("domestic supply without an alternative source", "无替代水源的生活用水"),
        "well_kind.use.irrigation": ("farm irrigation", "农业灌溉"),
        "well_kind.use.livestock": ("livestock watering", "牲畜饮水"),
        "well_kind.use.public_supply": ("public water supply", "公共供水"),
        "well_kind.use.monitoring": ("groundwater monitoring or investigation", "地下水监测或勘探试验"),
        "well_kind.use.emergency": ("emergency supply", "应急供水"),
        "well_kind.use.self_supplied": ("self-supplied", "自备"),
    }
)


def use_words(use: Any, language: str | None = None) -> str | None:
    """An intended use as a reader reads it: the words of a use code, a register's own spelling as written."""
    if is_blank(use):
        return None
    code = normal_word(use)
    return text(f"well_kind.use.{code}", language) if code in USE_CODES else str(use).strip()


def kind_words(kind: str | None, language: str | None = None) -> str:
    """SELF_SUPPLIED / OTHER_TYPE / UNKNOWN_TYPE in words."""
    return text(f"well_kind.kind.{kind if kind in (SELF_SUPPLIED, OTHER_TYPE) else UNKNOWN_TYPE}", language)


def normal_word(value: Any) -> str:
    """A register's spelling as it is compared: NFKC, trimmed, lower case."""
    return unicodedata.normalize("NFKC", str(value)).strip().lower()


def well_type_words(rules: Rules) -> dict[str, str]:
    """Item 13 names self-supplied wells only: which intended-use values are one (SELF_SUPPLIED) and which are not
    (OTHER_TYPE), from the rules file's ``screening.well_types`` (an assumption there, not the notice's)."""
    node = rules.get("screening", "well_types")
    words = {normal_word(w): OTHER_TYPE for w in node.get("not_self_supplied", [])}
    words.update({normal_word(w): SELF_SUPPLIED for w in node.get("self_supplied", [])})
    return words


def per_distinct_use(uses: Sequence[Any], decide: Callable[[Any], Any], dtype: Any) -> np.ndarray:
    """``decide(use)`` for every well, computed once per distinct value: a registry of a million wells
    has a handful of uses, and a Python call per well was a third of the engine's time (make bench).

    Only for text values (and missing ones): mixed types such as 1 and 1.0 hash alike but read
    differently ('1' vs '1.0'), so they are decided well by well.
    """
    # A pandas column is factorised as it is (a column of pyarrow strings never becomes a million Python strings).
    values = uses if isinstance(uses, pd.Series) else np.asarray(uses, dtype=object)
    if pd.api.types.infer_dtype(values, skipna=True) not in ("string", "empty"):
        return np.array([decide(u) for u in values], dtype=dtype)
    codes, distinct = pd.factorize(values, use_na_sentinel=True)
    # The last entry answers for the missing values (code -1): None, NaN and pd.NA read alike (is_null).
    answers = np.empty(len(distinct) + 1, dtype=dtype)
    answers[:] = [decide(u) for u in distinct] + [decide(None)]
    return answers[codes]


def kinds_of_uses(uses: Sequence[Any] | None, words: dict[str, str], n: int) -> np.ndarray:
    """SELF_SUPPLIED / OTHER_TYPE / UNKNOWN_TYPE per well from its intended use alone (no use: unknown)."""
    if uses is None:
        return np.full(n, UNKNOWN_TYPE, dtype=object)
    return per_distinct_use(uses, lambda u: UNKNOWN_TYPE if is_blank(u) else words.get(normal_word(u), UNKNOWN_TYPE), object)


def register_flags(
    frame: pd.DataFrame, field_name: str, rules: Rules, *, layer: str, id_field: str | None = None
) -> np.ndarray:
    """The register's own yes/no 自备井 field: True, False, or None where the cell is empty.

    Spellings are the rules file's ``screening.closure_list.self_supplied_true`` / ``self_supplied_false``; booleans
    and 0/1 numbers read as such. A value that says neither stops the run, naming the features.
    """
    require_fields(frame, field_name, layer=layer, what=text("well_kind.what_self_supplied"))
    node = rules.get("screening", "closure_list")
    true_words = {normal_word(w) for w in node.get("self_supplied_true", [])}
    false_words = {normal_word(w) for w in node.get("self_supplied_false", [])}
    unreadable = object()

    def read(value: Any) -> Any:
        if is_blank(value):
            return None
        if isinstance(value, (bool, np.bool_)):
            return bool(value)
        if isinstance(value, (int, float, np.integer, np.floating)):
            value = int(value) if float(value).is_integer() else value
        word = normal_word(value)
        if word in true_words:
            return True
        if word in false_words:
            return False
        return unreadable

    flags = per_distinct_use(frame[field_name], read, object)
    bad = [row for row, flag in enumerate(flags) if flag is unreadable]
    if bad:
        values = frame[field_name].tolist()
        raise EngineInputError(
            text("well_kind.not_yes_no", n=len(bad), features=listed_features(frame, bad, id_field, [values[r] for r in bad], more="")),
            layer=layer,
            feature=feature_label(frame, bad[0], id_field),
            field=field_name,
            hint=text("well_kind.yes_no_hint"),
        )
    return flags


@dataclass(frozen=True)
class WellKinds:
    """The answer per well, and where it came from (for the log)."""

    kinds: np.ndarray  # SELF_SUPPLIED / OTHER_TYPE / UNKNOWN_TYPE
    from_register: np.ndarray  # True where the register's own field decided

    @property
    def self_supplied(self) -> np.ndarray:
        return self.kinds == SELF_SUPPLIED


def well_kinds(
    frame: pd.DataFrame,
    rules: Rules,
    *,
    self_supplied_field: str | None = None,
    use_field: str | None = None,
    layer: str,
    id_field: str | None = None,
) -> WellKinds:
    """Is each well a 自备井 (item 13)? The register's own yes/no field where it has a value, else the use by the
    rules file's lists, else unknown (see the module doc). Either field may be None (not in the layer)."""
    n = len(frame)
    uses = None
    if use_field:
        require_fields(frame, use_field, layer=layer, what=text("well_kind.what_use"))
        uses = frame[use_field]
    kinds = kinds_of_uses(uses, well_type_words(rules), n)
    from_register = np.zeros(n, dtype=bool)
    if self_supplied_field:
        flags = register_flags(frame, self_supplied_field, rules, layer=layer, id_field=id_field)
        from_register = np.array([flag is not None for flag in flags], dtype=bool)
        kinds = kinds.copy()
        kinds[from_register] = np.where(flags[from_register].astype(bool), SELF_SUPPLIED, OTHER_TYPE)
    return WellKinds(kinds, from_register)


# -- does the well pump? ---------------------------------------------------------------------------------------
def inactive_status_words(rules: Rules) -> dict[str, str]:
    """Each spelling of a status that means the well no longer pumps -> its kind (stopped, deregistered, sealed),
    from the rules file's ``screening.closure_list.inactive_status``."""
    node = rules.get("screening", "closure_list").get("inactive_status", {})
    return {normal_word(word): status for status, words in node.items() for word in [status, *words]}


def inactive_statuses(frame: pd.DataFrame, status_field: str, rules: Rules, *, layer: str) -> np.ndarray:
    """Per well the inactive status its status cell names (stopped, deregistered, sealed), or None: it pumps."""
    require_fields(frame, status_field, layer=layer, what=text("well_kind.what_status"))
    words = inactive_status_words(rules)
    return per_distinct_use(frame[status_field], lambda v: None if is_null(v) else words.get(normal_word(v)), object)


def pumping_mask(frame: pd.DataFrame, status_field: str | None, rules: Rules, *, layer: str) -> np.ndarray:
    """True for each well that pumps: every well without a status field, else those whose status is not inactive."""
    if not status_field:
        return np.ones(len(frame), dtype=bool)
    return np.array([status is None for status in inactive_statuses(frame, status_field, rules, layer=layer)], dtype=bool)
