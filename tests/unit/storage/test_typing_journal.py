"""The typing journal: every keystroke's text on disk at once, forgotten once saved."""

from __future__ import annotations

import json
from pathlib import Path

from app.storage.typing_journal import JOURNAL_FILENAME, TypingJournal


def test_recorded_text_is_on_disk_at_once_and_gone_once_saved(tmp_path: Path) -> None:
    path = tmp_path / JOURNAL_FILENAME
    journal = TypingJournal(path)
    assert journal.record(3, "Hi Jordan")
    assert journal.record(3, "Hi Jordan, it's Alex")
    assert json.loads(path.read_text(encoding="utf-8")) == {"3": "Hi Jordan, it's Alex"}
    journal.saved(3, "Hi Jordan")  # an older text reached the database: keep the newer one
    assert TypingJournal(path).leftovers() == {3: "Hi Jordan, it's Alex"}
    journal.saved(3, "Hi Jordan, it's Alex")
    assert not path.exists()
    assert not list(tmp_path.iterdir())  # no temporary file left behind either


def test_several_scripts_are_kept_apart(tmp_path: Path) -> None:
    journal = TypingJournal(tmp_path / JOURNAL_FILENAME)
    journal.record(1, "één")
    journal.record(2, "two\nlines")
    journal.saved(1, "één")
    assert TypingJournal(tmp_path / JOURNAL_FILENAME).leftovers() == {2: "two\nlines"}


def test_leftovers_stay_until_saved(tmp_path: Path) -> None:
    path = tmp_path / JOURNAL_FILENAME
    TypingJournal(path).record(7, "typed before a crash")
    after_restart = TypingJournal(path)
    assert after_restart.leftovers() == {7: "typed before a crash"}
    after_restart.record(8, "more")  # writing again must not drop the leftover
    assert TypingJournal(path).leftovers() == {7: "typed before a crash", 8: "more"}
    after_restart.saved(7, "typed before a crash")
    after_restart.saved(8, "more")
    assert not path.exists()


def test_a_missing_or_damaged_journal_has_no_leftovers(tmp_path: Path) -> None:
    path = tmp_path / JOURNAL_FILENAME
    assert TypingJournal(path).leftovers() == {}
    for damaged in ('{"3": "Hi', "[1, 2]", '{"x": "y", "4": 5}'):
        path.write_text(damaged, encoding="utf-8")
        assert TypingJournal(path).leftovers() == {}


def test_an_unwritable_journal_reports_false_and_does_not_raise(tmp_path: Path) -> None:
    journal = TypingJournal(tmp_path / "missing folder" / JOURNAL_FILENAME)
    assert not journal.record(1, "text")
