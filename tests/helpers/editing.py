"""Typing into the script editor the way a user does."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from app.ui.workspace import EDIT_TAB, Workspace


def type_at_end(qtbot: QtBot, window: Workspace, text: str) -> None:
    """Open the Edit tab and type ``text`` at the end of the script, key by key (the
    autosave pause starts; nothing is flushed)."""
    window.tabs.setCurrentIndex(EDIT_TAB)
    edit = window.editor.text_edit
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(edit, text)
