"""A take's word count (the history's and the CSV's "words") counts a phone number once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.script import word_count
from app.ui.workspace import EDIT_TAB, REHEARSE_TAB
from tests.gui.conftest import App

SPELLED = (
    "Hi Jordan, it's Alex Rivera at five five five, two oh one, seven seven eight eight. "
    "Could we talk? Again, Alex Rivera, (555) 201-7788."
)


def test_a_take_counts_each_phone_number_as_one_word(qtbot: QtBot, brevity: App) -> None:
    script, window = brevity.script, brevity.window
    assert script.id is not None
    window.tabs.setCurrentIndex(EDIT_TAB)
    edit = window.editor.text_edit
    edit.setFocus()
    edit.selectAll()
    QApplication.clipboard().setText(SPELLED)
    qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    window.tabs.setCurrentIndex(REHEARSE_TAB)
    assert word_count(SPELLED) == 24  # the editor's tokens: ten digit words, "(555)" apart
    qtbot.keyClick(brevity.window.prompter, Qt.Key.Key_Space)
    brevity.clock.advance(12.0)
    brevity.rehearsal.tick()
    with qtbot.waitSignal(brevity.rehearsal.take_saved):
        qtbot.keyClick(brevity.window.prompter, Qt.Key.Key_Space)
    (attempt,) = brevity.repository.list_attempts(script.id)
    assert attempt.words == 24 - 9 - 1  # each number one word
