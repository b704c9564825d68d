"""Copied and searched text of a PDF Qt printed reads as the ideographs it shows (QGIS-free; the printer calls it).
"""

from __future__ import annotations

import re
import unicodedata

_TO_UNICODE_REF = re.compile(rb"/ToUnicode\s+(\d+)\s+0\s+R")
_HEX4 = re.compile(rb"<([0-9A-Fa-f]{4})>")


# Simplified-form radicals have no NFKC mapping; Noto CJK shares each one's glyph with the ideograph (意见 → 意⻅).
_RADICALS, _IDEOGRAPHS = "⻅⻆⻉⻋⻓⻔⻙⻚⻛⻜⻢⻥⻦⻧⻨⻩⻬⻮⻰⻳", "见角贝车长门韦页风飞马鱼鸟卤麦黄齐齿龙龟"
_SIMPLIFIED_RADICALS = {ord(radical): ord(ideograph) for radical, ideograph in zip(_RADICALS, _IDEOGRAPHS)}


def _unified_ideograph(match: re.Match) -> bytes:
    code = int(match.group(1), 16)
    if code in _SIMPLIFIED_RADICALS:
        return b"<%04X>" % _SIMPLIFIED_RADICALS[code]
    if 0x2E80 <= code <= 0x2FDF:  # CJK radicals supplement and Kangxi radicals
        unified = unicodedata.normalize("NFKC", chr(code))
        if len(unified) == 1 and ord(unified) <= 0xFFFF:
            return b"<%04X>" % ord(unified)
    return match.group(0)


def repair_pdf_text_mapping(data: bytes) -> bytes:
    """Map Kangxi radicals back to the ideographs in a Qt PDF's ToUnicode tables, in place.

    Noto CJK draws 里 and the radical ⾥ (U+2F65) with one glyph, and Qt's PDF writer names each
    glyph after the lowest code point using it, so copied or searched text (and pdftotext) would
    read 托⾥镇 instead of 托里镇. The printed glyphs are right either way. Each 4-digit entry is
    replaced by one of the same length, so object offsets and the xref table stay valid;
    compressed ToUnicode streams (not written by Qt 5) are left alone.
    """
    patched = bytearray(data)
    for number in sorted(set(_TO_UNICODE_REF.findall(data))):
        header = re.search(rb"(?:^|\n)" + number + rb" 0 obj\s*<<(.*?)>>\s*stream\r?\n", data, re.S)
        if header is None or b"/Filter" in header.group(1):
            continue
        start = header.end()
        end = data.find(b"endstream", start)
        if end < 0:
            continue
        patched[start:end] = _HEX4.sub(_unified_ideograph, data[start:end])
    return bytes(patched)
