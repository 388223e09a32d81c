"""A database that refuses writes (full disk, read-only, locked) loses nothing already typed
or timed: the user is told once, the data stays in memory and is saved when writes work again."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.ui.workspace import EDIT_TAB, REHEARSE_TAB
from tests.gui.conftest import App


class _Refusing:
    """Makes one repository method raise like a full disk until ``heal()``."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, target: object, name: str) -> None:
        self.original: Callable[..., Any] = getattr(target, name)
        monkeypatch.setattr(target, name, self._refuse)
        self.calls = 0

    def _refuse(self, *args: object, **kwargs: object) -> object:
        self.calls += 1
        raise sqlite3.OperationalError("database or disk is full")


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    return shown


def test_a_refused_take_is_kept_and_saved_with_the_next(
    qtbot: QtBot, brevity: App, monkeypatch: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    refusing = _Refusing(monkeypatch, brevity.repository, "add_attempt")
    qtbot.keyClick(brevity.window.prompter, Qt.Key.Key_Space)
    brevity.clock.advance(21.0)
    qtbot.keyClick(brevity.window.prompter, Qt.Key.Key_Space)
    assert refusing.calls == 1
    assert brevity.rehearsal.unsaved_count == 1
    assert len(warnings) == 1 and "disk is full" in warnings[0]
    assert not brevity.window.progress.frozen  # the chart and replay work while it waits
    monkeypatch.setattr(brevity.repository, "add_attempt", refusing.original)
    qtbot.keyClick(brevity.window.prompter, Qt.Key.Key_Space)
    brevity.clock.advance(19.0)
    qtbot.keyClick(brevity.window.prompter, Qt.Key.Key_Space)
    durations = [a.duration_s for a in brevity.repository.list_attempts(brevity.script.id)]
    assert durations == pytest.approx([21.0, 19.0])
    assert brevity.rehearsal.unsaved_count == 0


def test_typing_is_kept_until_it_can_be_saved(
    qtbot: QtBot, brevity: App, monkeypatch: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    refusing = _Refusing(monkeypatch, brevity.repository, "save_text")
    editor = brevity.window.editor
    brevity.window.tabs.setCurrentIndex(EDIT_TAB)
    editor.text_edit.setFocus()
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.text_edit, " Talk soon.")
    brevity.window.tabs.setCurrentIndex(REHEARSE_TAB)  # flushes the pending save
    brevity.window.tabs.setCurrentIndex(EDIT_TAB)
    qtbot.keyClicks(editor.text_edit, " Bye.")
    brevity.window.tabs.setCurrentIndex(REHEARSE_TAB)
    assert refusing.calls >= 2
    assert len(warnings) == 1, "the same problem is reported once, not on every retry"
    assert editor.text().endswith("Talk soon. Bye.")
    monkeypatch.setattr(brevity.repository, "save_text", refusing.original)
    brevity.main_window.close()  # closing retries what is pending
    assert brevity.repository.get_script(brevity.script.id).text.endswith("Talk soon. Bye.")


def test_a_take_that_cannot_be_logged_does_not_start(
    qtbot: QtBot, brevity: App, monkeypatch: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    _Refusing(monkeypatch, brevity.repository, "revision_for_take")
    qtbot.keyClick(brevity.window.prompter, Qt.Key.Key_Space)
    assert not brevity.rehearsal.running
    assert len(warnings) == 1
