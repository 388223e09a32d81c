"""Script files: decoding .txt/.md bytes, the Markdown export and reading it back."""

from __future__ import annotations

import codecs

import pytest

from app.domain.script import Script, ScriptKind
from app.domain.script_file import (
    MAX_SCRIPT_FILE_BYTES,
    NotUtf8Error,
    ScriptFileError,
    decode_script_file,
    decode_with_encoding,
    draft_from_text,
    markdown_for,
)

ODD = (
    "مرحبا، أنا سام — call me 📞👋🏽 at 555-0100. Cafe\u0301 \u202eevil\u202c "
    "\U0001f9d1\u200d\U0001f4bb 👨\u200d👩\u200d👧"
)


def test_utf8_with_and_without_a_bom_reads_the_same() -> None:
    plain = ODD.encode("utf-8")
    assert decode_script_file(plain) == ODD
    assert decode_script_file(codecs.BOM_UTF8 + plain) == ODD


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_bom_are_read(codec: str) -> None:
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(codec, b"")
    assert decode_script_file(bom + ODD.encode(codec)) == ODD


def test_windows_1252_bytes_are_refused_not_guessed() -> None:
    data = "Grüße, this is Zoë — call me.".encode("cp1252")
    with pytest.raises(NotUtf8Error, match="not UTF-8"):
        decode_script_file(data)
    assert decode_with_encoding(data, "cp1252") == "Grüße, this is Zoë — call me."


def test_utf16_without_a_bom_is_refused() -> None:
    with pytest.raises(NotUtf8Error, match="UTF-16"):
        decode_script_file("Hello there, this is Sam".encode("utf-16-le"))


def test_nul_is_stripped_and_line_ends_become_newlines() -> None:
    assert decode_script_file(b"Hi\x00 Sam\r\nline two\rthree\n") == "Hi Sam\nline two\nthree\n"
    assert decode_with_encoding(b"\xff\xfeH\x00i\x00\r\x00\n\x00", "utf-16") == "Hi\n"


def test_a_chosen_encoding_that_does_not_fit_is_an_error() -> None:
    with pytest.raises(ScriptFileError, match="not valid utf-8"):
        decode_with_encoding(b"\xff\xfe\xfd", "utf-8")
    with pytest.raises(ScriptFileError, match="Unknown"):
        decode_with_encoding(b"abc", "klingon-8")


def test_a_huge_file_is_not_a_script() -> None:
    with pytest.raises(ScriptFileError, match="too long"):
        decode_script_file(b"a" * (MAX_SCRIPT_FILE_BYTES + 1))


def test_a_text_file_becomes_a_voicemail_named_after_the_file() -> None:
    draft = draft_from_text("  call  Jordan ", "Hi Jordan.")
    assert (draft.name, draft.kind, draft.target_s, draft.text) == (
        "call Jordan", ScriptKind.VOICEMAIL, 30.0, "Hi Jordan.")  # fmt: skip
    assert draft_from_text("", "x").name == "Imported script"


def test_markdown_export_has_title_kind_target_then_text() -> None:
    script = Script("Pitch to Ana", ScriptKind.ELEVATOR_PITCH, 37.5, "Line one.\n\nLine two.")
    assert markdown_for(script) == (
        "# Pitch to Ana\n\n- Kind: Elevator pitch\n- Target: 37.5 s\n\nLine one.\n\nLine two.\n"
    )


def test_markdown_export_reads_back_as_the_same_script() -> None:
    script = Script("Voicemail — Ana ✨", ScriptKind.CONVERSATION, 60.0, ODD + "\n# not a title")
    draft = draft_from_text("whatever", markdown_for(script))
    assert (draft.name, draft.kind, draft.target_s, draft.text) == (
        script.name, script.kind, script.target_s, script.text)  # fmt: skip


def test_other_markdown_keeps_its_text_as_written() -> None:
    text = "# Notes\n\nSome *ideas* for the call.\n"
    assert draft_from_text("notes", text).text == text
