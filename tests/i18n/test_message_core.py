"""The engine's bilingual message catalogue: language choice, placeholders, thread isolation."""

from __future__ import annotations

import threading

import pytest

from tuoli_gw_plugin.engine.core import messages


def test_a_message_follows_the_language_in_force_and_english_is_the_default() -> None:
    messages.register({"test_core.count": ("{n:,} wells read", "读取 {n:,} 口井")})
    assert messages.text("test_core.count", n=1200) == "1,200 wells read"
    with messages.speaking("zh_CN"):
        assert messages.current_language() == "zh"
        assert messages.text("test_core.count", n=1200) == "读取 1,200 口井"
        assert messages.text("test_core.count", language="en", n=3) == "3 wells read"
    assert messages.text("test_core.count", n=3) == "3 wells read"
    assert messages.both("test_core.count", n=2) == ("2 wells read", "读取 2 口井")


@pytest.mark.parametrize("spelling", ["zh", "zh_CN", "zh-Hans", "ZH_TW", "中文"])
def test_every_chinese_spelling_speaks_chinese(spelling: str) -> None:
    assert messages.normalise_language(spelling) == "zh"


@pytest.mark.parametrize("spelling", ["en", "en_US", "", None, "fr_FR", "zhx"])
def test_anything_else_speaks_english(spelling: str | None) -> None:
    assert messages.normalise_language(spelling) == "en"


def test_different_placeholders_in_the_two_languages_are_refused_at_registration() -> None:
    with pytest.raises(ValueError, match="different placeholders"):
        messages.register({"test_core.bad": ("{layer} is empty", "图层为空")})
    assert "test_core.bad" not in messages.catalogue()


def test_a_placeholder_named_language_is_refused_at_registration() -> None:
    # text(key, language=…) picks the language, so {language} could never be filled.
    with pytest.raises(ValueError, match="text\\(\\)'s own keyword"):
        messages.register({"test_core.lang": ("unknown language {language!r}", "未知的语言 {language!r}")})


def test_one_key_with_two_texts_is_refused() -> None:
    messages.register({"test_core.once": ("a", "甲")})
    messages.register({"test_core.once": ("a", "甲")})  # the same module imported again: harmless
    with pytest.raises(ValueError, match="twice"):
        messages.register({"test_core.once": ("b", "乙")})


def test_a_language_set_in_one_thread_does_not_leak_into_another() -> None:
    messages.register({"test_core.hello": ("hello", "你好")})
    seen: list[str] = []
    with messages.speaking("zh"):
        worker = threading.Thread(target=lambda: seen.append(messages.text("test_core.hello")))
        worker.start()
        worker.join()
        assert messages.text("test_core.hello") == "你好"
    assert seen == ["hello"]


def test_words_for_codes_and_a_document_s_vocabulary_come_from_the_catalogue():
    from tuoli_gw_plugin.engine.core.messages import code_word, register, vocabulary

    register({"test_kind.alpha": ("alpha in {n} days", "{n} 日内的甲"), "test_kind.beta": ("beta", "乙"), "test_kind.sub.x": ("x", "x")})
    assert code_word("test_kind", "alpha", "zh", n=30) == "30 日内的甲"
    assert code_word("test_kind", "beta", "en") == "beta"
    # A code without words (from data of another version) comes back as it is, never formatted.
    assert code_word("test_kind", "gamma_{n}", "zh", n=3) == "gamma_{n}"
    assert vocabulary("test_kind", "zh") == {"alpha": "{n} 日内的甲", "beta": "乙"}  # not the deeper key test_kind.sub.x
    assert vocabulary("test_kind", "en")["beta"] == "beta"
