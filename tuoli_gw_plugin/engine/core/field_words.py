"""What a reader sees of a layer's fields: a header in words (the alias), words for coded values, sensible decimals.

Field names stay as they are (a public contract: batch users script against them); a layer's stored style shows
each field under a header in the run's language and each code (``severe``, ``switch_self_supplied``, ``true``) in
words, while the code stays the value. The headers of every field the plugin writes or reads from the sample
layers are registered here as ``"field.<name>"``; which catalogue words a coded field's values take is said in
``FIELD_CODES`` (the words themselves are registered beside the codes, by the module that emits them). A field's
value that holds several codes (``supply_coverage;severe_zone``, ``back_to_plan+share``) reads as their words
joined. No QGIS import: ``qgis_io.layer_words`` puts these into a QGIS layer's style.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .messages import CHINESE, catalogue, normalise_language, register, text

# field name -> (English header, Chinese header)
HEADERS: dict[str, tuple[str, str]] = {
    "fid": ("Feature id", "要素编号"),
    # townships and zones (sample layers)
    "township_id": ("Township code", "乡镇代码"),
    "name_zh": ("Name", "名称"),
    "name_pinyin": ("Name (pinyin)", "名称（拼音）"),
    "name": ("Name", "名称"),
    "red_line_m3": ("Red line (m³/a)", "用水总量控制指标（m³/年）"),
    "used_m3": ("Used (m³/a)", "已用水量（m³/年）"),
    "remaining_m3": ("Remaining quota (m³/a)", "剩余指标（m³/年）"),
    "zone_name": ("Over-extraction zone", "超采区"),
    "zone_grade": ("Zone grade", "超采区等级"),
    "township": ("Township", "乡镇"),
    "stated_township": ("Township stated", "申报乡镇"),
    # wells (sample register)
    "well_id": ("Well", "井编号"),
    "owner": ("Owner", "井主（用水户）"),
    "use": ("Use", "取水用途"),
    "self_supplied": ("Self-supplied well", "是否自备井"),
    "permit_no": ("Water permit", "取水许可证号"),
    "permit_m3": ("Permitted volume (m³/a)", "许可水量（m³/年）"),
    "metered_m3": ("Metered volume (m³/a)", "计量水量（m³/年）"),
    "has_meter": ("Working meter", "是否有计量设施"),
    "power_account": ("Power account", "电表户号"),
    "kwh": ("Power used (kWh)", "用电量（kWh）"),
    "m3_per_kwh": ("Water per kWh (m³/kWh)", "以电折水系数（m³/kWh）"),
    "status": ("Status", "状态"),
    "stopped_on": ("Stopped on", "停用日期"),
    "deregistered_on": ("Deregistered on", "注销日期"),
    "depth_m": ("Depth (m)", "井深（m）"),
    "permitted_depth_m": ("Permitted depth (m)", "批准井深（m）"),
    "aquifer": ("Aquifer", "含水层"),
    # applications, screening and permit decisions
    "app_id": ("Application", "申请编号"),
    "application_id": ("Application", "申请编号"),
    "applicant": ("Applicant", "申请人"),
    "requested_m3": ("Requested volume (m³/a)", "申请取水量（m³/年）"),
    "verdict": ("Verdict", "审查结论"),
    "reasons": ("Reasons", "理由"),
    "basis": ("Legal basis", "依据"),
    "supply_distance_m": ("Distance to a supply pipe (m)", "距公共供水管道（m）"),
    "in_supply_coverage": ("In supply coverage", "位于公共供水管网覆盖范围内"),
    "well_type": ("Self-supplied well (item 13)", "是否自备井（第13条）"),
    "red_line_checked": ("Red line checked", "已核查用水总量红线"),
    "quota_status": ("Red-line quota", "用水总量指标"),
    "wells_within_radius": ("Wells within the radius", "半径内现有井数"),
    "affected_wells": ("Affected wells", "受影响井数"),
    "max_drawdown_m": ("Largest drawdown (m)", "最大降深（m）"),
    "taken_before_m3": ("Quota taken by earlier applications (m³/a)", "本批先前申请已占用指标（m³/年）"),
    "pumping_days": ("Pumping days", "抽水天数"),
    "batch_max_drawdown_m": ("Largest drawdown with the batch (m)", "含同批申请的最大降深（m）"),
    "html_path": ("Document (HTML)", "审查意见书（HTML）"),
    "pdf_path": ("Document (PDF)", "审查意见书（PDF）"),
    # closure list
    "freed_m3": ("Volume freed (m³/a)", "可腾退水量（m³/年）"),
    "freed_from": ("Volume read from", "水量取自"),
    # balance and water levels
    "cell_id": ("Grid cell", "网格单元"),
    "wells_n": ("Wells", "井数"),
    "area_km2": ("Area (km²)", "面积（km²）"),
    "abstraction_m3": ("Abstraction (m³/a)", "开采量（m³/年）"),
    "recharge_m3": ("Recharge (m³/a)", "补给量（m³/年）"),
    "allowable_m3": ("Allowable abstraction (m³/a)", "可开采量（m³/年）"),
    "extraction_coef": ("Extraction coefficient", "开采系数"),
    "grade": ("Over-extraction grade (coefficient)", "超采等级（按开采系数）"),
    "reduction_m3": ("Cut needed (m³/a)", "需压减量（m³/年）"),
    "level_grade": ("Over-extraction grade (water level)", "超采等级（按水位下降）"),
    "decline_m_per_a": ("Water-level decline (m/a)", "水位下降速率（m/年）"),
    "final_grade": ("Over-extraction grade", "超采等级"),
    "grade_criterion": ("Graded by", "评价依据"),
    "induced_problems_n": ("Induced problems", "次生问题数"),
    "station_id": ("Station", "监测站编号"),
    "n_obs": ("Observations", "观测次数"),
    "first_date": ("First observation", "首次观测日期"),
    "last_date": ("Last observation", "末次观测日期"),
    "years": ("Record length (years)", "记录年限（年）"),
    "mk_p_value": ("Mann–Kendall p", "Mann–Kendall 检验 p 值"),
    "significant": ("Significant trend", "趋势显著"),
    "undetermined_reason": ("Why undetermined", "无法判定的原因"),
    "stations_n": ("Stations", "监测站数"),
    # reduction plan
    "use_m3": ("Use (m³/a)", "取水量（m³/年）"),
    "measure": ("Measure", "压减措施"),
    "cut_m3": ("Cut (m³/a)", "压减量（m³/年）"),
    "year": ("Year", "年份"),
    "clause": ("Notice item", "通知条款"),
    "cut_needed_m3": ("Cut needed (m³/a)", "需压减量（m³/年）"),
    "cut_stop_m3": ("Cut: unpermitted wells stopped (m³/a)", "无证井停采（m³/年）"),
    "cut_switch_m3": ("Cut: switched to the network (m³/a)", "改由管网供水（m³/年）"),
    "cut_plan_m3": ("Cut: back to plan (m³/a)", "压减至计划（m³/年）"),
    "cut_share_m3": ("Cut: shared (m³/a)", "分摊压减（m³/年）"),
    "planned_cut_m3": ("Planned cut (m³/a)", "计划压减量（m³/年）"),
    "final_m3": ("Abstraction in the target year (m³/a)", "目标年开采量（m³/年）"),
    "balance_year": ("Balance reached in", "达到采补平衡年份"),
    "status_text": ("Outcome", "结果"),
    "shortfall_m3": ("Shortfall (m³/a)", "缺口（m³/年）"),
    "balanced": ("Balanced", "已达采补平衡"),
    # compliance audit
    "finding": ("Finding", "问题类型"),
    "notice_item": ("Notice item", "通知条款"),
    "detail": ("Detail", "说明"),
    "severity": ("Severity", "严重程度"),
    # water from electricity
    "coef_used": ("Coefficient used (m³/kWh)", "采用的折算系数（m³/kWh）"),
    "coef_source": ("Coefficient from", "系数来源"),
    "calib_spread": ("Calibration spread", "率定离散度"),
    "calib_n": ("Calibration wells", "率定井数"),
    "estimated_m3": ("Water from power (m³/a)", "以电折水水量（m³/年）"),
    "approved_kwh": ("Approved power (kWh)", "核定用电量（kWh）"),
    "flags": ("Problems", "问题"),
    "power_without_permit": ("Power without a permit", "无证用电取水"),
    "permit_without_power_link": ("Permit, no power account", "有证无电户"),
    "over_approved_kwh": ("Over the approved power", "超核定电量"),
    "meter_vs_power_mismatch": ("Meter and power disagree", "表电不符"),
    # progressive surcharge
    "excess_m3": ("Over plan (m³/a)", "超计划水量（m³/年）"),
    "excess_pct": ("Over plan (%)", "超计划比例（%）"),
    "top_multiplier": ("Highest band (×)", "所达最高档次（倍）"),
    "fee_yuan": ("Water-resource fee (yuan)", "水资源费（税）（元）"),
    "surcharge_yuan": ("of which surcharge (yuan)", "其中加价（元）"),
    "problem": ("Problem", "问题"),
    "quota_m3": ("Quota volume (m³/a)", "定额水量（m³/年）"),
    "over_quota_m3": ("Over quota (m³/a)", "超定额水量（m³/年）"),
    "over_quota_pct": ("Over quota (%)", "超定额比例（%）"),
    "charged_on": ("Charged on", "计费依据"),
    # water rights
    "parcel_id": ("Parcel", "地块编号"),
    "contract_no": ("Land contract", "土地承包合同编号"),
    "household": ("Household", "承包户"),
    "area_mu": ("Area (mu)", "面积（亩）"),
    "crop": ("Crop", "作物"),
    "quota_m3_per_mu": ("Quota (m³/mu)", "灌溉定额（m³/亩）"),
    "demand_m3": ("Quota demand (m³/a)", "定额需水量（m³/年）"),
    "scale_factor": ("Scale factor", "核减系数"),
    "right_m3": ("Water right (m³/a)", "水权（m³/年）"),
    "certificate_no": ("Water-rights certificate", "水权证编号"),
    "parcels_n": ("Parcels", "地块数"),
    "reserved_m3": ("Set aside: domestic and ecological (m³/a)", "预留生活及生态用水（m³/年）"),
    "agricultural_m3": ("For farming (m³/a)", "农业可用水量（m³/年）"),
    "allocated_m3": ("Allocated (m³/a)", "分配水权（m³/年）"),
}
register({f"field.{name}": words for name, words in HEADERS.items()})

# Words for codes that only the layers show (the rest are registered by the modules that emit them).
register(
    {
        "yes_no.true": ("yes", "是"),
        "yes_no.false": ("no", "否"),
        "freed_from.metered_m3": ("metered volume", "计量水量"),
        "freed_from.permit_m3": ("permitted volume", "许可水量"),
        "crop.wheat": ("wheat", "小麦"),
        "crop.maize": ("maize", "玉米"),
        "crop.cotton": ("cotton", "棉花"),
        "crop.sunflower": ("sunflower", "向日葵"),
        "crop.forage": ("forage", "饲草"),
        "crop.vegetables": ("vegetables", "蔬菜"),
        "crop.orchard": ("orchard", "林果"),
    }
)

# field name -> the catalogue prefixes its codes' words are registered under, tried in order. A field name that means
# two things in two outputs ('status': a well's, or a township's plan outcome) lists both kinds: their codes differ.
BOOLEAN = ("yes_no",)
FIELD_CODES: dict[str, tuple[str, ...]] = {
    "verdict": ("verdict",),
    "reasons": ("reason",),
    "finding": ("finding",),
    "flags": ("electricity_flag",),
    "severity": ("severity",),
    "grade": ("grade",),
    "zone_grade": ("grade",),
    "level_grade": ("grade",),
    "final_grade": ("grade",),
    "grade_criterion": ("grade_criterion",),
    "measure": ("measure",),
    "status": ("plan_status", "well_status"),
    "quota_status": ("quota_status",),
    "well_type": ("well_kind.kind",),
    "use": ("well_kind.use",),
    "aquifer": ("aquifer",),
    "charged_on": ("charged_on",),
    "coef_source": ("coef_source",),
    "freed_from": ("freed_from",),
    "crop": ("crop",),
    **{
        name: BOOLEAN
        for name in (
            "self_supplied", "has_meter", "in_supply_coverage", "red_line_checked", "significant", "balanced",
            "power_without_permit", "permit_without_power_link", "over_approved_kwh", "meter_vs_power_mismatch",
        )
    },
}
# How a stored true/false reads: GeoPackage booleans come back as 1/0, QGIS booleans as true/false.
_BOOLEAN_SPELLINGS = {"true": "true", "1": "true", "false": "false", "0": "false"}
_SEPARATORS = re.compile(r"\s*([;+])\s*")

# Decimals a number field is shown with, by the end of its name: volumes in whole m³, money in fen, distances in
# decimetres; coefficients and shares as the reports print them.
DECIMALS_BY_SUFFIX = (
    ("_m3_per_mu", 1), ("_m3", 0), ("_kwh", 0), ("kwh", 0), ("_yuan", 2), ("_km2", 2), ("_m_per_a", 2), ("_pct", 1),
    ("_mu", 1), ("_m", 1),
)
DECIMALS_BY_NAME = {
    "extraction_coef": 2, "scale_factor": 3, "mk_p_value": 3, "years": 1, "coef_used": 2, "m3_per_kwh": 2,
    "calib_spread": 2, "top_multiplier": 0,
}


def alias(name: str, language: str) -> str | None:
    """The header a reader of ``language`` sees for field ``name``; None for a field the plugin does not know."""
    key = f"field.{name}"
    return text(key, language) if key in catalogue() else None


def decimals(name: str) -> int | None:
    """The decimals field ``name`` is shown with (a number field the plugin writes or reads), else None."""
    if name in DECIMALS_BY_NAME:
        return DECIMALS_BY_NAME[name]
    for suffix, places in DECIMALS_BY_SUFFIX:
        if name.endswith(suffix):
            return places
    return None


def is_coded(name: str) -> bool:
    return name in FIELD_CODES


def _code_word(kinds: Iterable[str], code: str, words: dict[str, str], language: str, params: dict) -> str:
    if kinds == BOOLEAN:
        code = _BOOLEAN_SPELLINGS.get(code.lower(), code)
    for kind in kinds:
        key = f"{kind}.{code}"
        if key in words:
            try:
                return words[key].format(**params)
            except (KeyError, IndexError, ValueError):
                return words[key]
    return code


def value_words(name: str, values: Iterable[object], language: str, **params: object) -> dict[str, str]:
    """Each stored value of coded field ``name`` (as text) -> its words in ``language``; a value of several codes
    reads as their words joined, a code without words as itself. ``params`` fill templates such as ``{days}``."""
    kinds = FIELD_CODES.get(name)
    if not kinds:
        return {}
    chosen = normalise_language(language)
    every = catalogue()
    words = {key: pair[1] if chosen == CHINESE else pair[0] for key, pair in every.items()}
    joiners = {";": "；" if chosen == CHINESE else "; ", "+": "＋" if chosen == CHINESE else " + "}
    mapping: dict[str, str] = {}
    for value in values:
        if value is None or str(value).strip() == "":
            continue
        raw = str(value)
        parts = _SEPARATORS.split(raw.strip())
        said = "".join(joiners[part] if part in joiners else _code_word(kinds, part, words, chosen, params) for part in parts)
        mapping[raw] = said
    return mapping


def known_codes(name: str) -> list[str]:
    """Every code registered for field ``name``'s kinds (so a style lists them even where a layer holds none yet)."""
    kinds = FIELD_CODES.get(name, ())
    if kinds == BOOLEAN:
        return ["true", "false", "1", "0"]
    codes: list[str] = []
    for kind in kinds:
        start = kind + "."
        codes += [key[len(start):] for key in catalogue() if key.startswith(start) and "." not in key[len(start):]]
    return list(dict.fromkeys(codes))
