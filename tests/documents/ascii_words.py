"""The ASCII words a reader meets in a Chinese document: what is left once tags, styles, figures, ids, numbers
and units are taken away. A Chinese document for signing should leave nothing (proper names aside)."""

from __future__ import annotations

import html
import re
from collections import Counter

# Units and symbols a Chinese technical document writes in Latin letters, and the Theis formula's symbols.
ALLOWED = {
    "m", "km", "km²", "m³", "d", "a", "mm", "kWh", "CJK",
    "s", "Q", "T", "S", "W", "u", "r", "t", "Tt", "E1", "π",
    "EPSG", "GB", "CGCS2000",
}
# Ids a document names things by: applications (SQ-2025-001), wells (TL-000123), power accounts, EPSG codes.
ID = re.compile(r"\b[A-Z]{1,4}(?:-[A-Z0-9]+)+\b|\b[A-Z]{2,4}\d{2,}\b|\bEPSG:\d+\b")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*(?:[-'][A-Za-z0-9_]+)*")


def visible_text(page: str) -> str:
    """The text a reader sees in an HTML page: no tags, styles, scripts or data: URIs; entities decoded."""
    page = re.sub(r"<(style|script|title)\b.*?</\1>", " ", page, flags=re.S | re.I)
    page = re.sub(r"<[^>]+>", " ", page)
    return html.unescape(page)


def ascii_words(page: str, *, allowed: set[str] = frozenset()) -> Counter:
    """Each ASCII word a reader of ``page`` meets (ids and allowed units left out), with how often."""
    text = ID.sub(" ", visible_text(page))
    words = Counter(WORD.findall(text))
    return Counter({word: n for word, n in words.items() if word not in ALLOWED and word not in allowed})
