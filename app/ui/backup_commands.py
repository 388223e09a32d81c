"""File → Restore from backup…: pick a backup and put its scripts and takes back."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.storage.backup import (
    BackupError,
    BackupInfo,
    backup_time,
    describe_takes,
    describe_time,
)
from app.storage.recovery import Backups
from app.ui.rehearsal import Rehearsal
from app.ui.restore_dialog import RestoreDialog, show_notice
from app.ui.undo_bar import UndoBar


class BackupCommands(QObject):
    """Restores a backup (the current data is backed up first) and says how to go back."""

    restored = Signal()  # the scripts and takes were replaced: show them afresh

    def __init__(
        self,
        backups: Backups | None,
        rehearsal: Rehearsal,
        undo_bar: UndoBar,
        dialog_parent: QWidget,
        *,
        settle: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._backups, self._rehearsal, self._undo_bar = backups, rehearsal, undo_bar
        self._dialog_parent = dialog_parent
        self._settle = settle  # no running take, no pending text: all in the safety backup

    def choose_and_restore(self) -> None:
        """Write what is pending (it is then in the safety backup), pick a backup, restore."""
        if self._backups is None:
            return
        self._settle()
        dialog = RestoreDialog(self._backups.available(), datetime.now(UTC), self._dialog_parent)
        chosen = dialog.chosen() if dialog.exec() else None
        if chosen is not None:
            self.restore(chosen)

    def restore(self, backup: BackupInfo) -> bool:
        """Replace the scripts and takes by ``backup``'s (backing the current ones up first)
        and show them; False, with a message, when it could not be done."""
        if self._backups is None:
            return False
        try:
            safety = self._backups.restore(backup)
        except (BackupError, sqlite3.Error, OSError) as error:
            text = f"Brevity could not restore the backup {backup.path.name}: {error}"
            show_notice(self._dialog_parent, "Could not restore", text, warning=True)
            return False
        self._undo_bar.dismiss()  # an undo would point at rows of the replaced data
        self._rehearsal.last_attempt = None
        self.restored.emit()
        show_notice(self._dialog_parent, "Backup restored", self._restored_text(backup, safety))
        return True

    @staticmethod
    def _restored_text(backup: BackupInfo, safety: Path | None) -> str:
        now = datetime.now(UTC)
        takes = describe_takes(backup.attempts)
        text = f"Your backup from {describe_time(backup.taken_at, now)}{takes} was restored."
        replaced_at = backup_time(safety) if safety not in (None, backup.path) else None
        if replaced_at is not None:
            text += (
                " To go back to the data it replaced, restore the backup from "
                f"{describe_time(replaced_at, now)}."
            )
        return text
