from __future__ import annotations

from app.domain.script import (
    ScriptKind,
    clean_text,
    word_count,
    word_spans,
    words,
)


def test_words_split_on_whitespace_and_skip_lone_punctuation() -> None:
    assert words("Hi Jordan, it's Alex — my co-worker's number is 555-201-7788.") == [
        "Hi",
        "Jordan,",
        "it's",
        "Alex",
        "my",
        "co-worker's",
        "number",
        "is",
        "555-201-7788.",
    ]


def test_word_spans_point_into_the_text() -> None:
    text = "  One — two\nthree "
    assert [text[a:b] for a, b in word_spans(text)] == ["One", "two", "three"]


def test_word_count_handles_unicode() -> None:
    assert word_count("مرحبا بك 👋 café naïve") == 5
    assert word_count("") == 0
    assert word_count("   \n\t ") == 0


def test_clean_text_strips_nul() -> None:
    assert clean_text("a\x00b") == "ab"


def test_kinds_have_labels_and_targets() -> None:
    assert ScriptKind.VOICEMAIL.default_target_s == 30.0
    assert ScriptKind("elevator_pitch").label == "Elevator pitch"
