"""The words county well registers use: column headers and the values of use, status and aquifer.

Headers map to the plugin's field names (those of the sample well layer, ``sample_layers/toli_sample.gpkg|wells``);
values map to the codes the algorithms and the rules file read. A register's own spelling that is not listed here
is kept as written (and said so), never replaced by a guess. Vocabulary of county registers, not set by law.
"""

from __future__ import annotations

import re
import unicodedata

from ..core.messages import register

# plugin field -> (kind, header spellings). Kinds: text, key, number, flag, date, use, status, aquifer.
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "well_id": ("key", ("井号", "机井编号", "井编号", "水井编号", "机井号", "统一编号", "well_id", "well id", "well no", "well")),
    "owner": ("text", ("井主", "用水户", "用水户名称", "取水单位", "取水权人", "单位名称", "户主", "owner", "user")),
    "use": ("use", ("用途", "取水用途", "用水类型", "取水类型", "use", "purpose")),
    "self_supplied": ("flag", ("是否自备井", "自备井", "self_supplied", "self-supplied")),
    "permit_no": ("key", ("取水许可证号", "许可证号", "取水许可证编号", "取水许可编号", "permit_no", "permit no", "permit")),
    "permit_m3": ("number", ("许可水量", "许可取水量", "年许可水量", "许可年取水量", "permit_m3", "permitted volume")),
    "metered_m3": ("number", ("年取水量", "实际取水量", "计量水量", "年实际取水量", "metered_m3", "metered volume")),
    "has_meter": ("flag", ("是否安装计量设施", "计量设施", "有无水表", "是否有水表", "has_meter", "meter")),
    "power_account": ("key", ("电表户号", "电力户号", "用电户号", "电表号", "power_account", "power account")),
    "kwh": ("number", ("年用电量", "用电量", "kwh")),
    "m3_per_kwh": ("number", ("折算系数", "水电折算系数", "以电折水系数", "m3_per_kwh")),
    "status": ("status", ("状态", "井状态", "使用状态", "机井状态", "status")),
    "stopped_on": ("date", ("停用日期", "停用时间", "stopped_on")),
    "deregistered_on": ("date", ("注销日期", "注销时间", "deregistered_on")),
    "depth_m": ("number", ("井深", "成井深度", "depth_m", "depth")),
    "permitted_depth_m": ("number", ("许可井深", "批准井深", "permitted_depth_m")),
    "township": ("text", ("乡镇", "所属乡镇", "乡（镇）", "乡镇名称", "township")),
    "aquifer": ("aquifer", ("含水层", "开采层位", "取水层位", "aquifer")),
}

# Coordinate columns: role -> spellings. "x" and "y" say nothing of order (Chinese survey tables call the northing
# X): which one is the northing is decided from the county's extent.
COORDINATES: dict[str, tuple[str, ...]] = {
    "lon": ("经度", "东经", "longitude", "lon", "lng"),
    "lat": ("纬度", "北纬", "latitude", "lat"),
    "easting": ("东坐标", "横坐标", "easting"),
    "northing": ("北坐标", "纵坐标", "northing"),
    "x": ("x", "x坐标", "坐标x"),
    "y": ("y", "y坐标", "坐标y"),
}

# Units a header may carry in brackets, per kind of number: factor to the plugin's unit (m³, kWh, m).
HEADER_UNITS: dict[str, float] = {
    "m³": 1.0, "m3": 1.0, "立方米": 1.0, "方": 1.0, "万m³": 1e4, "万m3": 1e4, "万立方米": 1e4, "万方": 1e4,
    "kwh": 1.0, "千瓦时": 1.0, "度": 1.0, "万kwh": 1e4, "万千瓦时": 1e4, "万度": 1e4,
    "m": 1.0, "米": 1.0, "m³/kwh": 1.0, "m3/kwh": 1.0, "立方米/千瓦时": 1.0, "方/度": 1.0, "年": 1.0,
}

USE_WORDS: dict[str, tuple[str, ...]] = {
    "irrigation": ("irrigation", "农灌", "农业灌溉", "灌溉", "农田灌溉", "农业"),
    "domestic": ("domestic", "生活", "生活用水", "人畜饮水", "农村生活"),
    "domestic_no_alternative": ("domestic_no_alternative", "生活用水无替代水源", "无替代水源生活用水"),
    "industrial": ("industrial", "工业", "工业用水", "工业自备"),
    "public_supply": ("public_supply", "公共供水", "城镇公共供水", "城镇供水", "自来水", "公共供水井"),
    "monitoring": ("monitoring", "监测", "地下水监测", "监测井"),
    "emergency": ("emergency", "应急", "应急供水", "应急备用"),
}
STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "active": ("active", "在用", "正常", "使用", "使用中", "正常使用", "启用"),
    "stopped": ("stopped", "停用", "已停用", "停止取水", "停工", "已停工", "报停"),
    "deregistered": ("deregistered", "注销", "已注销"),
    "sealed": ("sealed", "封井", "已封井", "封填", "已封填"),
}
AQUIFER_WORDS: dict[str, tuple[str, ...]] = {
    "shallow": ("shallow", "浅层", "浅层地下水", "潜水"),
    "deep": ("deep", "深层", "深层地下水", "承压水", "深层承压水"),
}
WORDS_OF_KIND = {"use": USE_WORDS, "status": STATUS_WORDS, "aquifer": AQUIFER_WORDS}
# A well's status and aquifer codes in words, as a layer's legend and value map say them (the uses: screening.well_kind).
register(
    {
        "well_status.active": ("active", "在用"),
        "well_status.stopped": ("stopped", "停用"),
        "well_status.deregistered": ("deregistered", "已注销"),
        "well_status.sealed": ("sealed", "已封填"),
        "aquifer.shallow": ("shallow", "浅层"),
        "aquifer.deep": ("deep", "深层"),
    }
)

_BRACKETS = re.compile(r"[（(\[【]([^）)\]】]*)[）)\]】]")


def normal_text(value: str) -> str:
    """Full-width forms folded (NFKC), surrounding space removed, lower case: how two spellings are compared."""
    return unicodedata.normalize("NFKC", value).strip().lower()


def header_parts(header: str) -> tuple[str, str | None]:
    """A header cell as (name, unit): '许可水量（万m³）' -> ('许可水量', '万m³'); spaces inside removed."""
    text = normal_text(header).replace(" ", "").replace("\u3000", "")
    unit_match = _BRACKETS.search(text)
    unit = unit_match.group(1) if unit_match else None
    name = _BRACKETS.sub("", text)
    return name, unit


def _index(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {normal_text(word).replace(" ", ""): key for key, words in table.items() for word in words}


HEADER_INDEX = {**_index({field: words for field, (_, words) in FIELDS.items()}), **_index(COORDINATES)}
VALUE_INDEX = {kind: _index(table) for kind, table in WORDS_OF_KIND.items()}


def header_role(header: str) -> tuple[str | None, str | None]:
    """(plugin field or coordinate role, unit) for a header cell; (None, unit) when not recognised."""
    name, unit = header_parts(header)
    return HEADER_INDEX.get(name), unit


def add_status_words(words: dict[str, list[str]]) -> None:
    """Read ``words`` (status code -> spellings) as statuses too. A spelling already read as another code keeps
    that code: a county's list extends the vocabulary, it cannot turn 在用 into 'stopped'."""
    index = VALUE_INDEX["status"]
    for code, spellings in words.items():
        for spelling in spellings:
            index.setdefault(normal_text(str(spelling)).replace(" ", ""), code)
