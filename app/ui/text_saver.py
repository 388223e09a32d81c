"""Typed script text on its way to the database; kept in memory until a write succeeds.

With a journal every keystroke's text is also written to a small file at once, so text typed
just before a crash (inside the editor's autosave pause) is saved at the next start.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QObject, QTimer, Signal

from app.storage.repository import Repository
from app.storage.typing_journal import TypingJournal

SAVE_RETRY_MS = 3000


class TextSaver(QObject):
    """Saves script text; when the disk refuses, keeps it and tries again every few seconds."""

    failed = Signal(str)  # the database's complaint, for the user

    def __init__(
        self,
        repository: Repository,
        parent: QObject | None = None,
        *,
        journal: TypingJournal | None = None,
    ) -> None:
        super().__init__(parent)
        self._repository = repository
        self._journal = journal
        self._pending: dict[int, str] = {}
        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.setInterval(SAVE_RETRY_MS)
        self._retry_timer.timeout.connect(self.save_pending)

    def recover(self) -> None:
        """Save what an earlier run typed but never saved (it crashed or was killed)."""
        if self._journal is not None:
            self._pending.update(self._journal.leftovers())
            self.save_pending()

    @property
    def pending(self) -> dict[int, str]:
        """Text not written yet: script id -> its text."""
        return dict(self._pending)

    def discard_pending(self) -> None:
        """Let the unwritten text go (the user chose to, or it went to a file); the typing
        journal, if it could be written, still offers it at the next start."""
        self._pending.clear()
        self._retry_timer.stop()

    def typed(self, script_id: int, text: str) -> None:
        """A keystroke: journal the text now; the debounced ``save`` follows."""
        if self._journal is not None:
            self._journal.record(script_id, text)

    def save(self, script_id: int, text: str) -> None:
        self._pending[script_id] = text
        self.save_pending()

    def save_pending(self) -> None:
        for script_id, text in list(self._pending.items()):
            try:
                self._repository.save_text(script_id, text)
            except KeyError:
                pass  # the script was erased for good since: nothing left to save it in
            except (sqlite3.Error, OSError) as error:
                self._retry_timer.start()
                self.failed.emit(str(error))
                return
            del self._pending[script_id]
            if self._journal is not None:
                self._journal.saved(script_id, text)
        self._retry_timer.stop()
