"""One bilingual catalogue for what the engine says to users: errors, warnings, notices, finding texts.

Each engine module registers its own messages, keyed ``"<module>.<name>"``, each an English and a
Chinese template with the same ``{placeholders}``; ``text(key, **params)`` formats the one for the
language in force. The Processing door (or the map tool) chooses the language with ``speaking()``
around the engine call: the interface language, or the algorithm's ``LANGUAGE`` where it has one.
The engine itself never reads QGIS settings, so it speaks English when nobody asked otherwise.

Two kinds of keys besides a module's sentences, so every word a user reads has this one home:

- **Words for codes.** A code the engine writes into its outputs (a verdict, a reason, a finding) has its words
  under ``"<kind>.<code>"`` — ``"verdict.prohibited"``, ``"reason.supply_coverage"``, ``"finding.no_permit"`` —
  registered by the module that emits the code, beside the code. ``code_word(kind, code)`` gives them (a code
  without words comes back as it is: data may hold codes of another version); ``vocabulary(kind)`` gives every code
  of a kind with its words (a legend, a layer style).
- **A document's vocabulary.** A document's headings and labels are registered as ``"<document>.<name>"``
  (``"report_words.title"``); ``vocabulary("report_words", language)`` gives them as a mapping name -> template.

The language lives in a ``ContextVar``: two runs in two threads may speak two languages. A worker
thread started by the engine does not inherit it by itself; submit work with
``contextvars.copy_context().run`` (or call ``speaking(current_language())`` in the worker).
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

ENGLISH = "en"
CHINESE = "zh"
LANGUAGES = (ENGLISH, CHINESE)

_CATALOGUE: dict[str, tuple[str, str]] = {}
_language: ContextVar[str] = ContextVar("tuoli_gw_language", default=ENGLISH)


def normalise_language(language: str | None) -> str:
    """'zh' for any Chinese spelling ('zh', 'zh_CN', 'zh-Hans', '中文'), 'en' for everything else."""
    value = (language or "").strip().replace("-", "_").lower()
    return CHINESE if value == "zh" or value.startswith("zh_") or value == "中文" else ENGLISH


def placeholders(template: str) -> set[str]:
    """The names of the ``{placeholders}`` in a template ('{n:,}' counts as 'n')."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def register(entries: Mapping[str, tuple[str, str]]) -> None:
    """Add a module's messages; the two languages of one key must name the same placeholders.

    Registering the same key twice with the same texts is harmless (a module imported again);
    with different texts it is a programming error, caught at import time.
    """
    for key, (english, chinese) in entries.items():
        if "language" in placeholders(english) | placeholders(chinese):
            # text(key, language=…) chooses the language: a placeholder of that name could never be filled.
            raise ValueError(f"message {key!r}: 'language' is text()'s own keyword, name the placeholder otherwise")
        if placeholders(english) != placeholders(chinese):
            raise ValueError(
                f"message {key!r}: English and Chinese name different placeholders "
                f"({sorted(placeholders(english))} vs {sorted(placeholders(chinese))})"
            )
        if key in _CATALOGUE and _CATALOGUE[key] != (english, chinese):
            raise ValueError(f"message {key!r} registered twice with different texts")
        _CATALOGUE[key] = (english, chinese)


def current_language() -> str:
    return _language.get()


@contextmanager
def speaking(language: str | None) -> Iterator[str]:
    """Within the block the engine speaks ``language`` (any spelling ``normalise_language`` knows)."""
    token = _language.set(normalise_language(language))
    try:
        yield _language.get()
    finally:
        _language.reset(token)


def text(key: str, /, language: str | None = None, **params: object) -> str:
    """The message ``key`` in ``language`` (default: the language in force), formatted with ``params``."""
    english, chinese = _CATALOGUE[key]
    chosen = normalise_language(language) if language is not None else _language.get()
    return (chinese if chosen == CHINESE else english).format(**params)


def both(key: str, /, **params: object) -> tuple[str, str]:
    """The message in English and in Chinese (for outputs that carry both, e.g. a data field per language)."""
    return text(key, ENGLISH, **params), text(key, CHINESE, **params)


def code_word(kind: str, code: str, /, language: str | None = None, **params: object) -> str:
    """The words for ``code`` (message ``"<kind>.<code>"``) in ``language``; the code itself when it has none."""
    key = f"{kind}.{code}"
    return text(key, language, **params) if key in _CATALOGUE else code


def vocabulary(prefix: str, /, language: str | None = None) -> dict[str, str]:
    """Every message under ``"<prefix>."`` as name -> template (unformatted) in ``language``, in registration order."""
    chosen = normalise_language(language) if language is not None else _language.get()
    start = prefix + "."
    return {
        key[len(start):]: (chinese if chosen == CHINESE else english)
        for key, (english, chinese) in _CATALOGUE.items()
        if key.startswith(start) and "." not in key[len(start):]
    }


def catalogue() -> dict[str, tuple[str, str]]:
    """A copy of every registered message (for tests and the translators' overview)."""
    return dict(_CATALOGUE)


@lru_cache(maxsize=512)
def _pattern(template: str) -> re.Pattern[str]:
    """A regular expression that a text formatted from ``template`` matches (each placeholder: any text)."""
    parts = []
    for literal, name, _, _ in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name is not None:
            parts.append("(?:.*?)")
    return re.compile("".join(parts), re.DOTALL)


def written_from(sentence: str, keys: Iterable[str], language: str) -> bool:
    """True when ``sentence`` reads as one of the messages ``keys`` formatted in ``language``.

    For text that comes back from data (a finding's detail in a layer written by an earlier run): a report
    shows it only when it is in the report's language, never a sentence of the other language.
    """
    chosen = normalise_language(language)
    for key in keys:
        english, chinese = _CATALOGUE[key]
        if _pattern(chinese if chosen == CHINESE else english).fullmatch(sentence):
            return True
    return False
