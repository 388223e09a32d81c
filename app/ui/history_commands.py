"""History commands: a take's outcome and note edited, or the take deleted (undoable)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from app.domain.attempt import Outcome
from app.storage.repository import Repository
from app.ui.outcome_panel import OutcomePanel
from app.ui.recording_keeper import RecordingKeeper
from app.ui.rehearsal import Rehearsal
from app.ui.undo_bar import UndoBar


class HistoryCommands(QObject):
    """Changes takes from the progress panel's history, then shows the history again."""

    def __init__(
        self,
        repository: Repository,
        rehearsal: Rehearsal,
        *,
        outcome_panel: OutcomePanel,
        undo_bar: UndoBar,
        recordings: RecordingKeeper | None,
        refresh: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._repository, self._rehearsal = repository, rehearsal
        self._outcome_panel, self._undo_bar, self._recordings = outcome_panel, undo_bar, recordings
        self._refresh = refresh  # the progress panel reads the takes again

    def edit(self, attempt_id: int, outcome: str, note: str) -> None:
        updated = self._repository.update_attempt(attempt_id, outcome=Outcome(outcome), note=note)
        if self._rehearsal.last_attempt and self._rehearsal.last_attempt.id == attempt_id:
            self._rehearsal.last_attempt = updated
            self._outcome_panel.set_outcome(updated.outcome)
        self._refresh()

    def delete(self, attempt_id: int) -> None:
        self._repository.delete_attempt(attempt_id)
        self._refresh()

        def undo() -> None:
            self._repository.restore_attempt(attempt_id)
            self._refresh()

        self._undo_bar.offer("Deleted a take.", undo)
        if self._recordings is not None:
            self._recordings.attempt_deleted()  # its file goes when the undo has expired
