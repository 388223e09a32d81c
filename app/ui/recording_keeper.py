"""Housekeeping of the recordings: the newest N per script, and the files of deleted takes.

A deleted take can be brought back from the undo bar for ``UNDO_VISIBLE_MS``; its file is
deleted only after that — checked a moment after each deletion, after each saved take, when
the window closes and when Brevity starts (a crash never leaves a deleted take's file
behind for long). Housekeeping that fails (a locked file, a busy database) waits for the
next occasion: it never interrupts a rehearsal.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QObject, QTimer

from app.domain.attempt import Attempt
from app.storage.recordings import RecordingStore
from app.ui.settings import Preferences
from app.ui.undo_bar import UNDO_VISIBLE_MS

UNDO_WINDOW = timedelta(milliseconds=UNDO_VISIBLE_MS)
AFTER_UNDO_MS = UNDO_VISIBLE_MS + 1000


class RecordingKeeper(QObject):
    """Applies the retention setting and forgets what can no longer be undone."""

    def __init__(
        self, store: RecordingStore, preferences: Preferences, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._preferences = preferences
        self._after_undo = QTimer(self)
        self._after_undo.setSingleShot(True)
        self._after_undo.setInterval(AFTER_UNDO_MS)
        self._after_undo.timeout.connect(self.forget_deleted)

    def take_saved(self, attempt: Attempt) -> None:
        """Keep only the newest N recordings of the take's script."""
        if attempt.recording is not None:
            self._quietly(
                lambda: self.store.keep_newest(attempt.script_id, self._preferences.keep_recordings)
            )
        self.forget_deleted()

    def attempt_deleted(self) -> None:
        """A take went to the bin: its file goes once the undo has expired."""
        self._after_undo.start()

    def forget_deleted(self, older_than: timedelta = UNDO_WINDOW) -> None:
        self._quietly(lambda: self.store.forget_binned(older_than))

    def finish(self) -> None:
        """The window closes (or opens): nothing in the bin can be undone any more."""
        self._after_undo.stop()
        self.forget_deleted(timedelta(0))

    def describe(self) -> str:
        """ "Recordings: 12 takes, 3.4 MB in /home/…/recordings" for Preferences."""
        return f"Recordings: {self.store.disk_use().describe()} in {self.store.folder}"

    @staticmethod
    def _quietly(work: Callable[[], object]) -> None:
        try:
            work()
        except (sqlite3.Error, OSError):
            return
