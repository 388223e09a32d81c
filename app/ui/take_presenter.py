"""The take as the window shows it: started, ticking, saved, cancelled or not saved."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from app.domain.attempt import Attempt
from app.domain.stats import encouragement
from app.domain.take import Frame
from app.ui.current_script import CurrentScript
from app.ui.editor import ScriptEditor
from app.ui.pages import Pages
from app.ui.progress_panel import ProgressPanel
from app.ui.recording_keeper import RecordingKeeper
from app.ui.rehearsal import Rehearsal
from app.ui.rehearse_page import RehearsePage
from app.ui.script_coach import ScriptCoach
from app.ui.storage_errors import StorageErrorReporter
from app.ui.undo_bar import UndoBar


class TakePresenter(QObject):
    """Starts and stops takes of the current script and keeps the views in step with them.

    The progress panel is frozen while a take runs and thawed when it ends, however it ends.
    """

    def __init__(
        self,
        rehearsal: Rehearsal,
        current: CurrentScript,
        pages: Pages,
        errors: StorageErrorReporter,
        *,
        rehearse_page: RehearsePage,
        editor: ScriptEditor,
        progress: ProgressPanel,
        undo_bar: UndoBar,
        coach: ScriptCoach,
        recordings: RecordingKeeper | None,
        full_screen_action: QAction,
        window: QMainWindow,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._rehearsal, self._current, self._pages, self._errors = (
            rehearsal,
            current,
            pages,
            errors,
        )
        self._rehearse_page, self._editor, self._progress = rehearse_page, editor, progress
        self._undo_bar, self._coach, self._recordings = undo_bar, coach, recordings
        self._full_screen_action, self._window = full_screen_action, window

    # --- what the user asks -----------------------------------------------------------------
    def start_stop(self) -> None:
        if self._rehearsal.running:
            self._rehearsal.stop()
            return
        self._editor.flush()
        self._pages.show_rehearse()
        self._rehearsal.start(self._editor.text())

    def abandon(self) -> None:
        """Escape: out of full screen first, then out of a running take."""
        if self._window.isFullScreen():
            self._full_screen_action.setChecked(False)
        elif self._rehearsal.running:
            self._rehearsal.abandon()

    # --- what the rehearsal says ------------------------------------------------------------
    def show_started(self) -> None:
        self._rehearse_page.show_started()
        self._undo_bar.dismiss()
        self._progress.set_frozen(True)
        self._current.update_actions()

    def show_frame(self, frame: Frame) -> None:
        script = self._current.script
        if script is not None:
            self._rehearse_page.show_frame(frame, script.target_s)

    def show_saved(self, attempt: Attempt) -> None:
        self._progress.set_frozen(False)
        if self._recordings is not None:  # trim first: the history must not list a file
            self._recordings.take_saved(attempt)  # that is gone (the newest N per script)
        self._current.refresh_progress()
        if attempt.id is not None:  # P, and the result bar's play button, play this take
            self._progress.select_take(attempt.id)
        tz = datetime.now().astimezone().tzinfo
        assert tz is not None
        # The progress panel has just read this script's takes (or all of them, which
        # encouragement narrows to the take's own script): no second query.
        readable_wpm = self._progress.readable_wpm
        cheer = encouragement(self._progress.attempts(), attempt, tz, readable_wpm)
        self._rehearse_page.show_saved(attempt, cheer, readable_wpm)
        self._coach.relearn_rate()
        self._current.update_actions()

    def show_cancelled(self) -> None:
        self._progress.set_frozen(False)
        self._current.refresh_prompter()
        self._current.update_actions()

    def show_updated(self, attempt: Attempt) -> None:
        self._rehearse_page.outcome_panel.set_outcome(attempt.outcome)
        self._current.refresh_progress()
        self._coach.relearn_rate()  # a take rated stumbled or rambled no longer teaches it

    def report_save_failure(self, message: str, consequence: str) -> None:
        if not self._rehearsal.running:  # a stopped take that could not be saved: no
            self._progress.set_frozen(False)  # take_saved will come to thaw the progress
            self._current.update_actions()
        self._errors.report(message, consequence)
