"""The Rehearse and Edit pages: which one shows, where the keyboard focus goes, and full
screen (the Rehearse page alone)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from app.ui.current_script import CurrentScript
from app.ui.editor import ScriptEditor
from app.ui.prompter import Prompter
from app.ui.rehearsal import Rehearsal

REHEARSE_TAB, EDIT_TAB = 0, 1


class Pages(QObject):
    """Switches between rehearsing and editing the current script."""

    def __init__(
        self,
        tabs: QTabWidget,
        current: CurrentScript,
        rehearsal: Rehearsal,
        *,
        editor: ScriptEditor,
        prompter: Prompter,
        window: QMainWindow,
        chrome: Sequence[QWidget],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tabs, self._current, self._rehearsal = tabs, current, rehearsal
        self._editor, self._prompter, self._window = editor, prompter, window
        self._chrome = tuple(chrome)  # hidden in full screen

    def show_rehearse(self) -> None:
        if self._tabs.currentIndex() != REHEARSE_TAB:
            self._tabs.setCurrentIndex(REHEARSE_TAB)

    def edit_text(self) -> None:
        """Ctrl+E: straight into the text, caret at the end, ready to type."""
        self._tabs.setCurrentIndex(EDIT_TAB)
        self._editor.text_edit.setFocus()
        self._editor.text_edit.moveCursor(QTextCursor.MoveOperation.End)

    def edit_name(self) -> None:
        """A new, empty script: its name is the first thing to type."""
        self._tabs.setCurrentIndex(EDIT_TAB)
        self._editor.name_edit.setFocus()
        self._editor.name_edit.selectAll()

    def tab_changed(self, index: int) -> None:
        if index == REHEARSE_TAB:
            self._editor.flush()
            self._current.refresh_prompter()
            self._prompter.setFocus()
        elif self._rehearsal.running:
            self._rehearsal.abandon()

    def set_full_screen(self, full: bool) -> None:
        for widget in self._chrome:
            widget.setVisible(not full)
        if full:
            self._tabs.setCurrentIndex(REHEARSE_TAB)
            self._window.showFullScreen()
        else:
            self._window.showNormal()
        self._prompter.setFocus()
        self._current.update_actions()
