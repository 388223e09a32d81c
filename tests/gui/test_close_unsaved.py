"""Closing while the disk still refuses writes: the user is asked, and nothing goes silently.

Unlike tests/gui/test_storage_failures.py the disk is never mended before the close.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.domain.library_format import parse_library
from app.storage.repository import Repository
from app.storage.transfer import import_library
from app.storage.unsaved_file import RECOVERY_FILENAME
from app.ui.actions import ActionId
from app.ui.main_window import MainWindow
from app.ui.rehearsal import Rehearsal
from app.ui.settings import Preferences
from app.ui.unsaved_work import LOSE, SAVE_TO_FILE, TRY_AGAIN
from app.ui.workspace import EDIT_TAB, REHEARSE_TAB, Workspace
from tests.gui.conftest import App

ESCAPE = "Escape"


class _Disk:
    """Makes ``add_attempt`` and ``save_text`` fail like a full disk until ``mend()``."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, repository: Repository) -> None:
        self._monkeypatch, self._repository = monkeypatch, repository
        self._originals: dict[str, Callable[..., Any]] = {}
        for name in ("add_attempt", "save_text"):
            self._originals[name] = getattr(repository, name)
            monkeypatch.setattr(repository, name, self._refuse)

    def _refuse(self, *args: object, **kwargs: object) -> object:
        raise sqlite3.OperationalError("database or disk is full")

    def mend(self) -> None:
        for name, original in self._originals.items():
            self._monkeypatch.setattr(self._repository, name, original)


@pytest.fixture
def disk(brevity: App, monkeypatch: pytest.MonkeyPatch) -> _Disk:
    monkeypatch.setattr(QMessageBox, "warning", lambda *_args: None)  # the save's own warning
    return _Disk(monkeypatch, brevity.repository)


def _take(qtbot: QtBot, app: App, seconds: float) -> None:
    qtbot.keyClick(app.window.prompter, Qt.Key.Key_Space)
    app.clock.advance(seconds)
    qtbot.keyClick(app.window.prompter, Qt.Key.Key_Space)


def _answer(qtbot: QtBot, *choices: str, before: Callable[[], None] | None = None) -> list[str]:
    """Answer the close dialogs to come, in order (``before`` runs as the first is up);
    returns the headline and detail of each."""
    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):  # between two dialogs: look again shortly
            QTimer.singleShot(10, click)
            return
        seen.append(f"{box.text()}\n{box.informativeText()}")
        if len(seen) == 1 and before is not None:
            before()
        choice = choices[len(seen) - 1]
        if len(seen) < len(choices):
            QTimer.singleShot(10, click)
        if choice == ESCAPE:
            qtbot.keyClick(box, Qt.Key.Key_Escape)
            return
        button = next(b for b in box.buttons() if b.text() == choice)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)
    return seen


def _quit(app: App) -> None:
    app.window.actions_[ActionId.QUIT].trigger()  # Ctrl+Q


def _durations(app: App) -> list[float]:
    return [a.duration_s for a in app.repository.list_attempts(app.script.id)]


def test_try_again_asks_again_while_the_disk_refuses_and_quit_loses_them(
    qtbot: QtBot, brevity: App, disk: _Disk
) -> None:
    _take(qtbot, brevity, 21.0)
    _take(qtbot, brevity, 19.0)
    assert brevity.rehearsal.unsaved_count == 2
    seen = _answer(qtbot, TRY_AGAIN, LOSE)
    _quit(brevity)
    assert len(seen) == 2, "the refused retry asks again"
    headline, detail = seen[0].split("\n", 1)
    assert headline == "2 takes could not be saved."
    assert detail.startswith("Brevity cannot write to its database: database or disk is full")
    assert not brevity.main_window.isVisible()
    assert brevity.rehearsal.unsaved_count == 0  # let go, as chosen
    assert _durations(brevity) == []


def test_try_again_saves_the_take_once_there_is_room(
    qtbot: QtBot, brevity: App, disk: _Disk
) -> None:
    _take(qtbot, brevity, 21.0)
    seen = _answer(qtbot, TRY_AGAIN, before=disk.mend)  # room is made while it asks
    _quit(brevity)
    assert len(seen) == 1
    assert not brevity.main_window.isVisible()
    assert _durations(brevity) == pytest.approx([21.0])


def test_escape_keeps_the_window_open_with_the_take_kept(
    qtbot: QtBot, brevity: App, disk: _Disk
) -> None:
    _take(qtbot, brevity, 21.0)
    _answer(qtbot, ESCAPE)
    brevity.main_window.close()  # the window's close button asks the same
    assert brevity.main_window.isVisible()
    assert brevity.rehearsal.unsaved_count == 1
    _answer(qtbot, LOSE)
    _quit(brevity)
    assert not brevity.main_window.isVisible()


class _SavePath:
    def __init__(self, path: Path) -> None:
        self.path = path

    def save_path(self, _parent: QWidget, _title: str, suggested: str, name_filter: str) -> str:
        assert suggested.endswith(".json") and "json" in name_filter
        return str(self.path)


def test_the_takes_and_typing_saved_to_a_file_import_back(
    qtbot: QtBot, brevity: App, disk: _Disk, tmp_path: Path
) -> None:
    _take(qtbot, brevity, 21.0)
    _type(qtbot, brevity, " Talk soon.")
    unsaved = tmp_path / "elsewhere" / "unsaved.json"
    unsaved.parent.mkdir()
    brevity.window.unsaved.dialogs = _SavePath(unsaved)  # type: ignore[assignment]
    seen = _answer(qtbot, SAVE_TO_FILE)
    _quit(brevity)
    assert seen[0].startswith("1 take and your typing could not be saved.\n")
    assert not brevity.main_window.isVisible()
    library = parse_library(json.loads(unsaved.read_text(encoding="utf-8")))
    (script,) = library.scripts
    assert script.text.endswith("Talk soon.")
    assert [take.duration_s for take in script.attempts] == pytest.approx([21.0])
    disk.mend()
    summary = import_library(brevity.repository, library)
    assert (summary.scripts_merged, summary.takes_added) == (1, 1)
    assert _durations(brevity) == pytest.approx([21.0])


def test_sigterm_writes_them_to_the_recovery_file_and_the_next_start_imports_it(
    qtbot: QtBot, brevity: App, disk: _Disk, tmp_path: Path
) -> None:
    _take(qtbot, brevity, 21.0)
    _type(qtbot, brevity, " Talk soon.")
    brevity.main_window.close_unattended()  # what SIGTERM does: nobody is asked
    assert not brevity.main_window.isVisible()
    assert (tmp_path / RECOVERY_FILENAME).is_file()
    disk.mend()
    preferences = Preferences(tmp_path / "settings.ini")
    window = MainWindow(preferences)
    qtbot.addWidget(window)
    rehearsal = Rehearsal(brevity.repository, brevity.clock, preferences)
    again = Workspace(window, brevity.repository, rehearsal, preferences, data_dir=tmp_path)
    assert _durations(brevity) == pytest.approx([21.0])
    assert brevity.repository.get_script(brevity.script.id).text.endswith("Talk soon.")
    assert again.editor.text().endswith("Talk soon.")
    # The typing journal brought the text back first; the recovery file, the take.
    assert again.undo_bar.label.text() == (
        "Recovered 1 take that could not be saved when Brevity last closed."
    )
    assert not (tmp_path / RECOVERY_FILENAME).exists()
    window.close()


def _type(qtbot: QtBot, app: App, text: str) -> None:
    editor = app.window.editor
    app.window.tabs.setCurrentIndex(EDIT_TAB)
    editor.text_edit.setFocus()
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.text_edit, text)
    app.window.tabs.setCurrentIndex(REHEARSE_TAB)  # flushes the pending save, refused
