"""Closing while the database refuses writes: nothing kept in memory is lost without asking.

A close (Ctrl+Q, the window's close button, SIGINT) first writes the pending text and retries
the kept takes. When the database still refuses, one dialog says what could not be written
and offers: try again, save it to a library file elsewhere (File → Import Library… brings it
back), or quit and lose it; Escape keeps the window open. At SIGTERM nobody can answer, so it
goes to the recovery file in the data folder, which the next start imports (``recover``).
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDir, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from app.domain.library_format import LibraryFormatError
from app.domain.library_records import Library
from app.domain.wording import plural
from app.storage.repository import Repository
from app.storage.unsaved_file import (
    RECOVERY_FILENAME,
    import_recovery,
    unsaved_library,
    write_library_file,
)
from app.ui.rehearsal import Rehearsal
from app.ui.storage_errors import StorageErrorReporter
from app.ui.text_saver import TextSaver
from app.ui.transfer_commands import FileDialogs
from app.ui.undo_bar import UndoBar

TRY_AGAIN = "Try Again"
SAVE_TO_FILE = "Save to a File…"
LOSE = "Quit and Lose Them"
LIBRARY_FILTER = "Brevity library (*.json)"


class UnsavedWork(QObject):
    """Asked by the window before it closes (``allow_close``); imports a recovery at start."""

    def __init__(
        self,
        repository: Repository,
        rehearsal: Rehearsal,
        text_saver: TextSaver,
        errors: StorageErrorReporter,
        *,
        settle: Callable[[], None],
        data_dir: Path | None,
        undo_bar: UndoBar,
        window: QWidget,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._repository, self._rehearsal, self._text_saver = repository, rehearsal, text_saver
        self._errors, self._settle, self._data_dir = errors, settle, data_dir
        self._undo_bar, self._window = undo_bar, window
        self.dialogs = FileDialogs()  # a test answers the file dialog
        self._last_error = ""
        self._file_error = ""  # the last "Save to a File…" that failed
        rehearsal.save_failed.connect(self._on_write_failed)
        text_saver.failed.connect(self._on_write_failed)

    def recover(self) -> None:
        """Import what the last session wrote to the recovery file, and say so."""
        if self._data_dir is None:
            return
        try:
            recovered = import_recovery(self._repository, self._data_dir)
        except (LibraryFormatError, ValueError, OSError, sqlite3.Error) as error:
            name = self._data_dir / RECOVERY_FILENAME
            self._undo_bar.notify(f"Takes kept at the last close are in {name}: {error}")
            return
        if recovered is not None:
            self._undo_bar.notify(recovered.message())

    def allow_close(self, can_ask: bool) -> bool:
        """Write what is pending; True when the window may close (False keeps it open)."""
        with self._errors.quiet():  # this dialog says it all, once
            while True:
                self._settle()
                self._rehearsal.retry_unsaved()
                if not self._left():
                    return True
                if not can_ask:
                    self._write_recovery()
                    return self._let_go()
                choice = self._ask()
                if choice == LOSE or (choice == SAVE_TO_FILE and self._save_elsewhere()):
                    return self._let_go()
                if choice != TRY_AGAIN and choice != SAVE_TO_FILE:
                    return False  # Escape or Cancel: stay open

    def _let_go(self) -> bool:
        """Written elsewhere or given up: nothing more to retry, nothing to ask again."""
        self._rehearsal.discard_unsaved()
        self._text_saver.discard_pending()
        return True

    def _left(self) -> str:
        """What is still unwritten, in words ("" when nothing)."""
        takes, texts = self._rehearsal.unsaved_count, len(self._text_saver.pending)
        parts = [plural(takes, "take")] if takes else []
        if texts:
            parts.append("your typing")
        return " and ".join(parts)

    def _ask(self) -> str:
        left = self._left()
        box = QMessageBox(QMessageBox.Icon.Warning, "Not saved", "", parent=self._window)
        box.setText(f"{left[0].upper()}{left[1:]} could not be saved.")
        box.setInformativeText(
            f"Brevity cannot write to its database: {self._last_error or 'unknown error'}\n\n"
            f"{self._file_error}Try again once the disk has room (or the other program has let "
            "go), save them to a file you can import later with File → Import Library…, or "
            "quit and lose them."
        )
        again = box.addButton(TRY_AGAIN, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(SAVE_TO_FILE, QMessageBox.ButtonRole.ActionRole)
        box.addButton(LOSE, QMessageBox.ButtonRole.DestructiveRole)
        box.setEscapeButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.setDefaultButton(again)
        box.exec()
        clicked = box.clickedButton()
        return clicked.text() if clicked is not None else ""

    def _save_elsewhere(self) -> bool:
        stamp = datetime.now().strftime("%Y-%m-%d %H-%M")
        suggested = str(Path(QDir.homePath()) / f"Brevity unsaved {stamp}.json")
        path = self.dialogs.save_path(
            self._window, "Save the unsaved takes and text", suggested, LIBRARY_FILTER
        )
        if not path:
            return False
        try:
            write_library_file(Path(path), self._library())
        except (OSError, sqlite3.Error) as error:
            self._file_error = f"The file {path} could not be written either: {error}\n\n"
            return False
        return True

    def _write_recovery(self) -> None:
        if self._data_dir is None:
            return
        path = self._data_dir / RECOVERY_FILENAME
        try:
            write_library_file(path, self._library())
        except (OSError, sqlite3.Error) as error:  # nobody to ask: a terminal may hear it
            if sys.stderr is not None:
                print(f"brevity: could not write {path}: {error}", file=sys.stderr)

    def _library(self) -> Library:
        return unsaved_library(
            self._repository, self._rehearsal.unsaved_takes, self._text_saver.pending
        )

    def _on_write_failed(self, message: str, _consequence: str = "") -> None:
        self._last_error = message
