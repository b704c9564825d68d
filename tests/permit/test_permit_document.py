"""The decision document (HTML) of the hand-built applications: what a reviewer must find on it."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.permit import world
from tests.permit.test_permit_engine import SETTINGS, _decide, _prepared
from tuoli_gw_plugin.engine.core.rules import load_rules
from tuoli_gw_plugin.engine.documents.permit_document import build_decision_document


def _document(app_id: str, language: str, **kwargs):
    batch = _decide(language=language, **kwargs)
    decision = next(d for d in batch.decisions if d.application_id == app_id)
    return build_decision_document(
        decision, batch, _prepared(), load_rules(), language=language, reviewer="王工", produced=dt.date(2026, 3, 1)
    )


def test_chinese_document_of_a_request_over_the_remaining_quota():
    document = _document("A5", "zh")
    page = document.html()
    assert "取水许可申请审查意见书" in page and "A5" in page
    assert "限制（须个案从严审查）" in page  # the verdict
    assert load_rules().get("screening", "request_over_remaining")["basis_zh"] in page  # the clause, quoted
    # The batch (world.py): A2 and A4 took the whole 10 000 m³ before A5, so all its 15 000 m³ are over what is left.
    assert "本批中先于本申请审查的申请已占用（m³）" in page and "10,000" in page
    assert "申请水量超过本申请可用的剩余指标 15,000 m³" in page
    assert "本批 6 份申请合并审查，按申请编号排序（未提供申请日期），本申请为第 5 份" in page
    assert "审查人" in page and "王工" in page and "盖章" in page and "2026-03-01" in page
    assert "并非通知规定的审查结论" in page  # interference is information, not a verdict
    assert set(document.figures) == {"permit_map.png"} and document.figures["permit_map.png"].startswith(b"\x89PNG")
    assert 'src="data:image/png;base64,' in page


def test_english_document_lists_the_affected_well_and_the_pipe_distance():
    page = _document("A4", "en", applications=world.applications().iloc[[3]]).html()  # A4 alone
    assert "allowed" in page
    assert "within the remaining quota left for it (90.0%" in page
    assert "judged together" not in page  # a batch of one
    assert "W_NEAR" in page and "W_FAR" in page and "W_OUT" not in page
    assert "1.212" in page and "0.553" in page  # drawdowns (m), 3 decimals
    assert "not a verdict the notice gives" in page
    a3 = _document("A3", "en").html()
    assert "200.0 m" in a3 and "self-supplied well (item 13)" in a3


def test_red_line_not_checked_is_said():
    from tuoli_gw_plugin.engine.permit.decision import decide_permits
    from tuoli_gw_plugin.engine.screening.well_sites import prepare_screening

    prepared = prepare_screening(
        world.zones(),
        grade_field="grade",
        name_field="zone_name",
        pipes=world.pipes(),
        supply_areas=None,
        coverage_distance_m=500.0,
        townships=None,
        rules=load_rules(),
        layer_names={"wells": "applications"},
    )
    batch = decide_permits(prepared, world.applications(), SETTINGS, load_rules(), id_field="app_id", requested_field="requested_m3")
    document = build_decision_document(batch.decisions[3], batch, prepared, load_rules(), language="en", has_existing_wells=False)
    assert "Red line not checked" in document.html()
    assert "No existing wells were given" in document.html()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_prohibited_document_names_the_zone(language):
    page = _document("A1", language).html()
    assert "严重区" in page
    assert ("不予许可" if language == "zh" else "prohibited") in page


def _visible(page: str) -> str:
    """The text a reader sees: no markup, no embedded picture."""
    import html
    import re

    page = re.sub(r"<style.*?</style>", " ", page, flags=re.S)
    page = re.sub(r'src="data:[^"]*"', " ", page)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


CODE = (r"\b[a-z]+(?:_[a-z0-9]+)+\b"
        r"|\b(?:irrigation|domestic|industrial|monitoring|emergency|public|severe|general|prohibited|restricted|allowed)\b")


def test_a_chinese_document_holds_words_for_every_code_and_use_and_no_repeated_zone_name():
    """Issue 25: 取水用途 in words (农业灌溉, not irrigation), reasons without their code, a zone named after its grade
    not followed by the grade again (托里镇一般超采区, not 托里镇一般超采区 — 一般超采区)."""
    import re

    zones = world.zones()
    zones.loc[1, "zone_name"] = "托里镇一般超采区"
    from tuoli_gw_plugin.engine.screening.well_sites import prepare_screening

    prepared = prepare_screening(
        zones, pipes=world.pipes(), coverage_distance_m=500.0, townships=world.townships(), rules=load_rules(),
        layer_names={"wells": "applications"},
    )
    from tuoli_gw_plugin.engine.permit.decision import decide_permits

    batch = decide_permits(prepared, world.applications(), SETTINGS, load_rules(), id_field="app_id", requested_field="requested_m3",
                           use_field="use", applicant_field="applicant", existing_wells=world.existing_wells(),
                           existing_id_field="well_id", language="zh")
    for decision in batch.decisions:
        text = _visible(build_decision_document(decision, batch, prepared, load_rules(), language="zh").html())
        assert re.findall(CODE, text) == [], decision.application_id
        assert "农业灌溉" in text or "工业用水" in text
        assert not re.search(r"(?<!资源)水费", text)
    a2 = _visible(build_decision_document(batch.decisions[1], batch, prepared, load_rules(), language="zh").html())
    assert "托里镇一般超采区" in a2 and "一般超采区 — 一般超采区" not in a2 and "托里镇一般超采区 —" not in a2


def test_a_well_of_another_kind_in_coverage_reads_the_same_on_every_line():
    """Issue 25: a public-supply (or irrigation) well inside coverage: the reason says it is in coverage and that item 13
    does not apply to it — never 不在供水管网覆盖范围 beside 位于公共供水管网覆盖范围内：是."""
    apps = world.applications().iloc[[2]].copy()  # A3's site, 200 m from the pipe
    for use in ("public_supply", "irrigation"):
        apps["use"] = use
        batch = _decide(language="zh", applications=apps)
        decision = batch.decisions[0]
        assert (decision.verdict, [r.code for r in decision.reasons]) == ("allowed", ["supply_coverage_not_self_supplied"])
        text = _visible(build_decision_document(decision, batch, _prepared(), load_rules(), language="zh").html())
        assert "位于公共供水管网覆盖范围内" in text and "不适用" in text and "第13条" in text
        assert "不在供水管网覆盖范围" not in text
        assert "非自备井" in text
