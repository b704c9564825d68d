"""Text that cannot be what it claims: values decoded with the wrong encoding, refused with the one that reads them.

A GBK file read as UTF-8 gives U+FFFD replacement characters (监测 → ��); read as Latin-1 it gives accented
letters (¼à²â); a UTF-8 file read as GBK gives rare characters (鐩戞祴). Such a use, status or grade decides
nothing right — 监测 and 生活用水无替代水源 exceptions turn into "prohibited" — so the run stops, naming the layer,
the field, an example and the encoding that reads the file cleanly.
"""

from __future__ import annotations

from collections.abc import Iterable

from .errors import EngineInputError
from .messages import register, text

register(
    {
        "text_encoding.garbled": (
            "{n} value(s) are not text in the encoding the layer is read with ({encoding}), e.g. {examples}",
            "{n} 个值不是按图层当前编码（{encoding}）可读的文本，例如 {examples}",
        ),
        "text_encoding.fix_layer": (
            "the file reads cleanly as {clean}: set it in QGIS, Layer Properties ▸ Source ▸ Data source encoding = "
            "{clean} (for a Shapefile, write {clean} in its .cpg file), then run again",
            "该文件按 {clean} 可正确读取：请在 QGIS 中设置 图层属性 ▸ 源 ▸ 数据源编码 = {clean}（Shapefile 也可在其 .cpg "
            "文件中写入 {clean}），然后重新运行",
        ),
        "text_encoding.fix_delimited": (
            "the file reads cleanly as {clean}: add it again with Layer ▸ Add Layer ▸ Add Delimited Text Layer, "
            "Encoding = {clean} (or encoding={clean} in its source), then run again",
            "该文件按 {clean} 可正确读取：请通过 图层 ▸ 添加图层 ▸ 添加分隔文本图层 重新添加，编码选 {clean}（或在数据源中写 "
            "encoding={clean}），然后重新运行",
        ),
        "text_encoding.fix_none": (
            "no encoding reads it cleanly (tried {tried}): the text was garbled when the file was written — correct it "
            "at the source",
            "没有任何编码能正确读取（已试 {tried}）：文本在写入文件时已损坏——请在源数据中更正",
        ),
    }
)

# Encodings a Chinese county file is in, in the order tried.
CHINESE_ENCODINGS = ("UTF-8", "GBK", "GB18030")


def is_garbled(value: str) -> bool:
    """Whether ``value`` shows the sure marks of bytes decoded with the wrong encoding: U+FFFD, or Latin-1 letters
    that are GBK or UTF-8 bytes of Chinese text."""
    if "\ufffd" in value:
        return True
    if any("\x80" <= ch <= "\xff" for ch in value):
        for encoding in ("gbk", "utf-8"):
            try:
                repaired = value.encode("latin-1").decode(encoding)
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
            if _has_chinese(repaired):
                return True
    return False


def _utf8_read_as_gbk(value: str) -> bool:
    """Chinese text whose GBK bytes are UTF-8 of other Chinese text (监测 read as GBK is 鐩戞祴)."""
    try:
        repaired = value.encode("gbk").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return False
    return repaired != value and _has_chinese(repaired)


def _has_chinese(value: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in value)


def garbled_values(values: Iterable[object]) -> list[str]:
    """The distinct garbled text values, in first-seen order. UTF-8 read as GBK counts only when every Chinese value
    of the column reads that way: a short genuine GBK word can happen to be valid UTF-8, a whole column cannot."""
    distinct = list(dict.fromkeys(v for v in values if isinstance(v, str)))
    sure = [v for v in distinct if is_garbled(v)]
    if sure:
        return sure
    chinese = [v for v in distinct if _has_chinese(v)]
    if chinese and all(_utf8_read_as_gbk(v) for v in chinese):
        return chinese
    return []


def refuse_garbled(layer: str, field: str, garbled: list[str], encoding: str, clean: str | None, delimited: bool) -> None:
    """EngineInputError naming layer, field, examples and the encoding that reads the file (how to set it in QGIS)."""
    if clean is None:
        hint = text("text_encoding.fix_none", tried=", ".join(CHINESE_ENCODINGS))
    else:
        hint = text("text_encoding.fix_delimited" if delimited else "text_encoding.fix_layer", clean=clean)
    examples = ", ".join(repr(v) for v in garbled[:3])
    raise EngineInputError(
        text("text_encoding.garbled", n=len(garbled), encoding=encoding or "?", examples=examples), layer=layer, field=field, hint=hint
    )
