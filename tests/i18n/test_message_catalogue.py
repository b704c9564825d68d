"""Issue 12, point 16: every engine message comes from the bilingual catalogue and reaches the user in
the run's language — errors through processing.run and qgis_process, audit findings, and the report.

Expected texts are written out by hand from the catalogue's templates and the notice (item 10 for use
over the permitted volume, 通知第10条), never produced by the code under test.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import string
from pathlib import Path

import geopandas as gpd
import pytest
from shapely.geometry import Point

import tuoli_gw_plugin.engine as engine_package
from tuoli_gw_plugin.engine.core import messages

from . import report_data as data
from .conftest import REPO
from .message_scanner import scan, scan_source
from .test_qgis_process_locale import chinese_profile, qgis_process  # noqa: F401 - the fixture is used below

ENGINE = REPO / "tuoli_gw_plugin" / "engine"
# Literal messages the scanner may find in the engine. Empty: every one is in the catalogue.
ALLOWED_LITERALS: set[tuple[str, int]] = set()


def all_engine_modules() -> list[str]:
    """Import every engine module (each registers its messages on import) and return their names."""
    names = []
    for module in pkgutil.walk_packages(engine_package.__path__, prefix="tuoli_gw_plugin.engine."):
        if module.name.endswith(".distributed"):
            continue  # needs dask; its messages are checked by the scanner below
        importlib.import_module(module.name)
        names.append(module.name)
    return names


# -- the catalogue ----------------------------------------------------------------------------------
def test_the_catalogue_holds_every_module_s_messages_in_both_languages():
    all_engine_modules()
    catalogue = {key: value for key, value in messages.catalogue().items() if not key.startswith("test_")}
    modules = {key.split(".", 1)[0] for key in catalogue}
    assert len(catalogue) >= 400, len(catalogue)
    assert {
        "audit", "balance", "closure", "crs", "deadlines", "electricity", "errors", "permit", "quota", "report", "rules",
        "rules_schema", "screening", "surcharge", "trend", "values", "water_rights", "well_fields", "zonal",
    } <= modules
    for key, (english, chinese) in catalogue.items():
        assert english.strip() and chinese.strip(), key
        literal = "".join(part for part, _, _, _ in string.Formatter().parse(chinese))
        # Chinese wording: an English phrase is allowed only where the English text has it too (a command to
        # type, such as "sudo apt-get install fonts-noto-cjk").
        for phrase in re.findall(r"[A-Za-z]{3,}(?: [A-Za-z]{3,}){2,}", literal):
            assert phrase in english, f"{key}: an English phrase in the Chinese text: {chinese!r}"


def test_chinese_texts_use_the_notice_s_words():
    all_engine_modules()
    chinese = [zh for key, (_, zh) in messages.catalogue().items() if not key.startswith("test_")]
    joined = "\n".join(chinese)
    # The levy is 水资源费/水资源税, not a utility's 水费; item 13 says 依法严格管控, it orders nothing closed (关停).
    assert not re.search(r"(?<!资源)水费", joined)
    assert "关停" not in joined
    assert "依法严格管控" in messages.text("audit.self_supplied_in_coverage", "zh", where="", cite="")
    assert messages.text("audit.item", "zh", item="10") == "通知第10条"


def test_no_literal_message_is_left_in_the_engine():
    paths = sorted(path for path in ENGINE.rglob("*.py") if path.name != "messages.py")
    found = [literal for literal in scan(paths, REPO) if (literal.path, literal.line) not in ALLOWED_LITERALS]
    assert not found, "messages not taken from the catalogue:\n" + "\n".join(map(str, found))


@pytest.mark.parametrize(
    "source",
    [
        'raise EngineInputError(f"{n} wells have no id", layer=layer)',
        'raise ValueError("unknown mode")',
        'error = EngineInputError(text("a.b"), hint="fill them in")',
        'warnings.warn(EngineNotice(f"{crs} is not true to the ground"))',
        'notes.append(f"{n} listed well(s) have no volume")',
        'rows.append((r, "no_meter", f"meter not recorded, notice item {item}"))',
        'check = Check(skipped="over_quota (no metered volume)")',
        'say("warning", f"Unit {label}: no grade.")',
        'raise EngineInputError("图层为空")',
    ],
)
def test_the_scanner_finds_a_literal_message(source):
    assert scan_source(source, "example.py"), source


@pytest.mark.parametrize(
    "source",
    [
        'raise EngineInputError(text("audit.date_not_a_date", value=value), hint=text("audit.date_hint"))',
        'rows.append((r, "no_meter", detail))',
        'warnings.filterwarnings("ignore", message="Glyph .* missing from current font")',
        'check = Check(skipped=text("audit.skip_no_meter"))',
    ],
)
def test_the_scanner_lets_catalogue_messages_and_codes_pass(source):
    assert not scan_source(source, "example.py"), source


# -- processing.run ---------------------------------------------------------------------------------
@pytest.fixture()
def wells_gpkg(tmp_path) -> Path:
    """W1 metered 1,200 m³ on a permit of 1,000 m³ (over_permit by 200 m³, 20 %); W2 within its permit."""
    path = tmp_path / "audit.gpkg"
    gpd.GeoDataFrame(
        {
            "well_id": ["W1", "W2"], "has_meter": ["yes", "yes"], "metered_m3": [1200.0, 500.0],
            "permit_no": ["P-1", "P-2"], "permit_m3": [1000.0, 1000.0], "status": ["active", "active"],
            "township": ["托里镇", "托里镇"], "use": ["irrigation", "irrigation"],
        },
        geometry=[Point(450_500, 5_070_500), Point(451_500, 5_070_500)],
        crs=4537,
    ).to_file(path, layer="wells")
    gpd.GeoDataFrame(
        {"well_id": ["W1"], "metered_m3": ["lots"], "permit_no": ["P-1"], "permit_m3": [1000.0]},
        geometry=[Point(450_500, 5_070_500)], crs=4537,
    ).to_file(path, layer="text_volume")
    return path


def audit_parameters(gpkg: Path, out: Path, **extra) -> dict:
    return {"WELLS": f"{gpkg}|layername=wells", "AUDIT_DATE": "2025-11-01", "OUTPUT": str(out), **extra}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (1, "AUDIT_DATE 'soon' is not a date — write it as 2026-11-28 or 2026/11/28, or leave it empty for today"),
        (0, "AUDIT_DATE 'soon' 不是日期——请写作 2026-11-28 或 2026/11/28，留空则为今天"),
    ],
)
def test_a_bad_parameter_is_refused_in_the_run_s_language(run_alg, wells_gpkg, tmp_path, language, expected):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as refused:
        run_alg("tuoli_gw:compliance_audit", audit_parameters(wells_gpkg, tmp_path / "out.gpkg", AUDIT_DATE="soon", LANGUAGE=language))
    assert str(refused.value) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (1, "layer 'text_volume', field 'metered_m3': 1 value(s) are not numbers: well_id=W1 ('lots') — correct them "
            "(plain numbers such as 1200 or 1,200; leave empty when unknown)"),
        (0, "图层“text_volume”，字段“metered_m3”：1 个值不是数字：well_id=W1 ('lots')——请更正（写普通数字，"
            "如 1200 或 1,200；未知时留空）"),
    ],
)
def test_bad_data_is_named_by_layer_feature_and_field_in_the_run_s_language(run_alg, wells_gpkg, tmp_path, language, expected):
    from qgis.core import QgsProcessingException

    parameters = audit_parameters(wells_gpkg, tmp_path / "out.gpkg", LANGUAGE=language, WELLS=f"{wells_gpkg}|layername=text_volume")
    with pytest.raises(QgsProcessingException) as refused:
        run_alg("tuoli_gw:compliance_audit", parameters)
    assert str(refused.value) == expected


def findings_of(path: Path) -> dict[str, dict[str, str]]:
    frame = gpd.read_file(path, layer=path.stem)
    return {f"{row.well_id}/{row.finding}": row.detail for row in frame.itertuples()}


def test_a_chinese_audit_writes_the_finding_in_chinese_and_an_english_one_in_english(run_alg, wells_gpkg, tmp_path):
    run_alg("tuoli_gw:compliance_audit", audit_parameters(wells_gpkg, tmp_path / "zh.gpkg", LANGUAGE=0))
    run_alg("tuoli_gw:compliance_audit", audit_parameters(wells_gpkg, tmp_path / "en.gpkg", LANGUAGE=1))
    # 1,200 − 1,000 = 200 m³ over, 200 / 1,000 = 20.0 %; notice item 10 (按照批准的年度取水计划取水).
    assert findings_of(tmp_path / "zh.gpkg") == {
        "W1/over_permit": "计量水量 1,200 m³ 超过许可水量 1,000 m³，超出 200 m³（20.0%），通知第10条"
    }
    assert findings_of(tmp_path / "en.gpkg") == {
        "W1/over_permit": "metered 1,200 m³ exceeds the permitted 1,000 m³ by 200 m³ (20.0 %), notice item 10"
    }


def test_the_log_of_a_chinese_audit_is_chinese(qgis_app, wells_gpkg, tmp_path):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    class Recorder(QgsProcessingFeedback):
        def __init__(self) -> None:
            super().__init__()
            self.lines: list[str] = []

        def pushInfo(self, info):  # noqa: N802 - Qt's name
            self.lines.append(info)

        def pushWarning(self, warning):  # noqa: N802 - Qt's name
            self.lines.append(warning)

    feedback = Recorder()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    processing.run("tuoli_gw:compliance_audit", audit_parameters(wells_gpkg, tmp_path / "zh.gpkg", LANGUAGE=0),
                   context=context, feedback=feedback)
    log = "\n".join(feedback.lines)
    assert "检查日 2025-11-01：2 口井（在用 2、停用 0、注销 0），1 口井共 1 条问题" in log
    assert "未核查：stopped_not_deregistered（无停用日期字段）" in log
    assert "Audit date" not in log and "Not checked" not in log


# -- qgis_process -----------------------------------------------------------------------------------
def test_qgis_process_under_a_chinese_interface_audits_in_chinese(chinese_profile, wells_gpkg, tmp_path):  # noqa: F811
    output = tmp_path / "findings.geojson"
    completed = qgis_process(
        chinese_profile, "run", "tuoli_gw:compliance_audit", "--json", f"--WELLS={wells_gpkg}|layername=wells",
        "--AUDIT_DATE=2025-11-01", f"--OUTPUT={output}",
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    features = json.loads(output.read_text(encoding="utf-8"))["features"]
    assert [f["properties"]["detail"] for f in features] == [
        "计量水量 1,200 m³ 超过许可水量 1,000 m³，超出 200 m³（20.0%），通知第10条"
    ]
    refused = qgis_process(
        chinese_profile, "run", "tuoli_gw:compliance_audit", f"--WELLS={wells_gpkg}|layername=wells",
        "--AUDIT_DATE=soon", f"--OUTPUT={tmp_path / 'refused.geojson'}",
    )
    assert refused.returncode != 0
    assert "AUDIT_DATE 'soon' 不是日期——请写作 2026-11-28 或 2026/11/28，留空则为今天" in refused.stdout + refused.stderr


# -- the report -------------------------------------------------------------------------------------
def english_fragments() -> list[str]:
    """The literal English words of every finding detail the audit can write (three words or more)."""
    from tuoli_gw_plugin.engine.bookkeeping.audit import DETAIL_KEYS

    fragments = []
    for key in DETAIL_KEYS:
        english, _ = messages.catalogue()[key]
        for literal, _, _, _ in string.Formatter().parse(english):
            fragments += [part.strip(" ,;()") for part in re.split(r"[,;(){}]", literal) if len(part.split()) >= 3]
    return [fragment for fragment in fragments if fragment]


def chinese_findings() -> gpd.GeoDataFrame:
    import datetime as dt

    from tuoli_gw_plugin.engine.bookkeeping.audit import AuditFieldNames, compliance_audit
    from tuoli_gw_plugin.engine.core.rules import load_rules

    wells = gpd.GeoDataFrame(
        {
            "well_id": ["W1", "W2"], "has_meter": ["no", "yes"], "metered_m3": [1200.0, 90.0], "permit_no": ["P-1", None],
            "permit_m3": [1000.0, None], "status": ["active", "active"], "township": ["多拉特乡", "阿克别里斗乡"],
        },
        geometry=[Point(data.X0 + 24000, data.Y0 + 4000), Point(data.X0 + 14000, data.Y0 + 4000)],
        crs=4537,
    )
    fields = AuditFieldNames(
        stopped_on=None, deregistered_on=None, depth=None, permitted_depth=None, self_supplied=None, account=None,
        kwh=None, use=None,
    )
    with messages.speaking("zh"):
        result = compliance_audit(wells, load_rules(), audit_date=dt.date(2025, 11, 1), fields=fields, sealed_field=None,
                                  quota_field=None, quota_units_field=None)
    return result.findings


def test_a_chinese_report_of_a_chinese_audit_lists_the_details_with_no_english_fragment():
    from tuoli_gw_plugin.engine.core.rules import load_rules
    from tuoli_gw_plugin.engine.documents.supervision_report import build_report

    from .test_report_engine import full_inputs, plain

    findings = chinese_findings()
    assert set(findings["detail"]) == {
        "无正常运行的计量设施（has_meter = 否），通知第9条",
        "计量水量 1,200 m³ 超过许可水量 1,000 m³，超出 200 m³（20.0%），通知第10条",
        "在用井在 permit_no 中无取水许可证号，通知第18条",
    }
    text = plain(build_report(full_inputs(findings=findings), load_rules(), year=2025, language="zh").html())
    assert "计量水量 1,200 m³ 超过许可水量 1,000 m³，超出 200 m³（20.0%），通知第10条" in text
    assert "通知条款" not in text.split("问题类型")[-1].split("七、")[0]  # the details column, not the notice item
    assert re.search(r"W1\s+超许可水量取水\s+较高\s+多拉特乡\s+计量水量 1,200 m³", text)
    fragments = english_fragments()
    assert "exceeds the permitted" in " ".join(fragments)  # the check below can fail
    assert not [fragment for fragment in fragments if fragment in text]


def test_a_chinese_report_of_an_english_audit_lists_the_notice_item_instead():
    from tuoli_gw_plugin.engine.core.rules import load_rules
    from tuoli_gw_plugin.engine.documents.supervision_report import build_report

    from .test_report_engine import full_inputs, plain

    english = data.findings()  # details as the audit writes them in English
    text = plain(build_report(full_inputs(findings=english), load_rules(), year=2025, language="zh").html())
    assert not [fragment for fragment in english_fragments() if fragment in text]
    assert re.search(r"通知条款\s+W2\s+无取水许可\s+特别严重\s+阿克别里斗乡\s+18\s+W3", text)
    assert re.search(r"W3\s+超许可水量取水\s+较高\s+多拉特乡\s+10\s", text)


def test_a_detail_is_recognised_only_in_the_language_it_was_written_in():
    from tuoli_gw_plugin.engine.bookkeeping.audit import DETAIL_KEYS

    zh = "计量水量 1,200 m³ 超过许可水量 1,000 m³，超出 200 m³（20.0%），通知第10条"
    en = "metered 1,200 m³ exceeds the permitted 1,000 m³ by 200 m³ (20.0 %), notice item 10"
    assert messages.written_from(zh, DETAIL_KEYS, "zh") and not messages.written_from(zh, DETAIL_KEYS, "en")
    assert messages.written_from(en, DETAIL_KEYS, "en") and not messages.written_from(en, DETAIL_KEYS, "zh")
    assert not messages.written_from("metered 120 m³ > permitted 100 m³", DETAIL_KEYS, "en")


def test_every_text_call_fills_exactly_the_placeholders_of_its_message():
    """A missing or misspelt parameter would raise KeyError only when the message is needed (an error path)."""
    import ast

    all_engine_modules()
    importlib.import_module("tuoli_gw_plugin.engine.core.errors")
    catalogue = messages.catalogue()
    problems = []
    checked = 0
    for path in sorted(ENGINE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "text"):
                continue
            if not node.args or not isinstance(node.args[0], ast.Constant) or any(k.arg is None for k in node.keywords):
                continue  # a key built at run time (audit.{word}) or **params
            key = node.args[0].value
            if key not in catalogue:
                if not path.name == "distributed.py" or not key.startswith("distributed."):
                    problems.append(f"{path.name}:{node.lineno}: no message {key!r}")
                continue
            checked += 1
            given = {k.arg for k in node.keywords} - {"language"}
            wanted = messages.placeholders(catalogue[key][0])
            if given != wanted:
                problems.append(f"{path.name}:{node.lineno}: {key} given {sorted(given)}, needs {sorted(wanted)}")
    assert not problems, "\n".join(problems)
    assert checked > 300  # the walk did reach the calls
