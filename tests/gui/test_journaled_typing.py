"""Typed text reaches the journal on every keystroke, before the autosave pause is over."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.storage.typing_journal import JOURNAL_FILENAME
from tests.gui.conftest import App
from tests.helpers.editing import type_at_end


def test_each_keystroke_is_journaled_and_the_journal_goes_once_saved(
    qtbot: QtBot, brevity: App, tmp_path: Path
) -> None:
    journal = tmp_path / JOURNAL_FILENAME
    type_at_end(qtbot, brevity.window, " Bye")
    assert brevity.window.editor.has_pending_save()  # still inside the autosave pause
    stored = json.loads(journal.read_text(encoding="utf-8"))
    assert stored == {str(brevity.script.id): brevity.window.editor.text()}
    assert stored[str(brevity.script.id)].endswith(" Bye")
    # What the autosave timer does at the end of the pause (no real waiting in tests):
    brevity.window.editor.flush()
    assert brevity.repository.get_script(brevity.script.id).text.endswith(" Bye")
    assert not journal.exists()  # the database has it: the journal is no longer needed


def test_closing_the_window_saves_pending_typing_and_clears_the_journal(
    qtbot: QtBot, brevity: App, tmp_path: Path
) -> None:
    type_at_end(qtbot, brevity.window, " Talk soon.")
    assert (tmp_path / JOURNAL_FILENAME).exists()
    brevity.main_window.close()
    assert brevity.repository.get_script(brevity.script.id).text.endswith(" Talk soon.")
    assert not (tmp_path / JOURNAL_FILENAME).exists()


def test_recovery_saves_leftovers_and_skips_a_script_erased_since(
    brevity: App, tmp_path: Path
) -> None:
    from app.storage.typing_journal import TypingJournal
    from app.ui.text_saver import TextSaver

    journal_file = tmp_path / "leftovers" / JOURNAL_FILENAME
    journal_file.parent.mkdir()
    previous_run = TypingJournal(journal_file)
    previous_run.record(brevity.script.id, "Typed just before the crash.")
    previous_run.record(999_999, "A script purged from the bin since.")
    saver = TextSaver(brevity.repository, journal=TypingJournal(journal_file))
    saver.recover()
    assert brevity.repository.get_script(brevity.script.id).text == "Typed just before the crash."
    assert not journal_file.exists()
