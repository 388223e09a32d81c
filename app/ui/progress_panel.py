"""Progress: stats cards, the chart and the history table, for one script or all of them,
and the replay of the selected take.

The chart (and with it pyqtgraph) is created only after the window's first paint, and it is
frozen while a take runs so a redraw never costs the teleprompter a frame; replay is blocked
while a take runs, so the microphone never records it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from app.domain.attempt import Attempt
from app.domain.script import Script
from app.domain.stats import Summary, personal_best, summarize
from app.domain.verdicts import DEFAULT_READABLE_WPM
from app.storage.repository import Repository
from app.ui.history import HistoryView
from app.ui.history_model import Column
from app.ui.player import TakePlayer
from app.ui.stats_panel import StatsPanel

if TYPE_CHECKING:  # the real import waits for the first paint (it brings pyqtgraph)
    from app.ui.chart import ProgressChart


class ProgressPanel(QWidget):
    """Everything about past takes; it shows what it is given and forwards edits."""

    all_scripts_toggled = Signal(bool)
    spoken_length_clicked = Signal(bool)  # the user's choice, to remember
    best_take_available = Signal(bool)  # whether "Play my best take" has a take to play
    edit_requested = Signal(int, str, str)  # attempt id, outcome value, note
    delete_requested = Signal(int)

    def __init__(
        self, parent: QWidget | None = None, *, recordings_root: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.stats = StatsPanel()
        self.all_scripts_check = QCheckBox("All scripts")
        self.all_scripts_check.setToolTip("Show every script's takes, not only this one's")
        self.spoken_check = QCheckBox("Spoken length")
        self.spoken_check.setToolTip(
            "Chart the spoken length (first word to last) where it was measured, "
            "instead of the time between the key presses"
        )
        self.spoken_check.hide()  # shown once a take has measured speech
        self._spoken_choice: bool | None = None  # None: on whenever there is speech to show
        self._script_id: int | None = None
        self.history = HistoryView()
        self.player = TakePlayer(recordings_root)
        self.chart: ProgressChart | None = None  # created by build_chart() after first paint
        self._chart_holder = QWidget()
        self._chart_layout = QVBoxLayout(self._chart_holder)
        self._chart_layout.setContentsMargins(0, 0, 0, 0)
        self._frozen = False
        self._shown: tuple[list[Attempt], float | None] = ([], None)
        self._readable_wpm = DEFAULT_READABLE_WPM  # above it a take is too fast to be best
        self.summary: Summary = summarize([], date.today(), UTC)  # what the cards show
        title = QLabel("Progress")
        title.setObjectName("sectionTitle")
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.spoken_check)
        header.addWidget(self.all_scripts_check)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self._chart_holder)
        self.splitter.addWidget(self.history)
        self.splitter.setSizes([320, 280])
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 8, 8, 8)
        column.addLayout(header)
        column.addWidget(self.stats)
        column.addWidget(self.splitter, 1)
        column.addWidget(self.player)
        self.all_scripts_check.toggled.connect(self.all_scripts_toggled)
        self.spoken_check.clicked.connect(self._on_spoken_check_clicked)
        self.history.edit_requested.connect(self.edit_requested)
        self.history.delete_requested.connect(self.delete_requested)
        self.history.attempt_selected.connect(self._on_history_attempt_selected)
        self.history.attempt_activated.connect(self._on_history_attempt_activated)

    def build_chart(self) -> None:
        """Create the chart (importing pyqtgraph); call once the window has painted."""
        if self.chart is not None:
            return
        from app.ui.chart import ProgressChart

        chart = self.chart = ProgressChart()
        chart.set_frozen(self._frozen)
        chart.set_spoken(self.spoken_check.isChecked())
        self._chart_layout.addWidget(chart)
        self._tab_to_chart_after(self.all_scripts_check, chart)
        chart.point_clicked.connect(self.history.select_attempt)
        attempts, target_s = self._shown
        chart.show_attempts(attempts, target_s, self._best())

    @property
    def readable_wpm(self) -> float:
        return self._readable_wpm

    def set_readable_wpm(self, words_per_minute: float) -> None:
        """The readable pace preference: the cards and the Best marker follow it."""
        if words_per_minute != self._readable_wpm:
            self._readable_wpm = self.history.model.readable_wpm = words_per_minute
            self._show_figures()

    def _best(self) -> Attempt | None:
        """The best of the takes shown, as the Best card names it (``summary.best_take``)."""
        number = self.summary.best_take
        return self.attempts()[number - 1] if number is not None else None

    def _show_figures(self) -> None:
        """The cards and the chart's Best marker, from one summary of the takes shown."""
        attempts, target_s = self._shown
        now = datetime.now().astimezone()
        assert now.tzinfo is not None
        self.summary = summarize(attempts, now.date(), now.tzinfo, self._readable_wpm)
        self.stats.show_summary(self.summary)
        if self.chart is not None:
            self.chart.show_attempts(attempts, target_s, self._best())

    @staticmethod
    def _tab_to_chart_after(previous: QWidget, chart: QWidget) -> None:
        """Tab reaches the chart where it is on screen, not last because its plot was built
        last (pyqtgraph's widget comes with the first takes)."""
        for widget in (chart, *chart.findChildren(QWidget)):
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                QWidget.setTabOrder(previous, widget)
                previous = widget

    def attempts(self) -> list[Attempt]:
        """The takes shown now, oldest first."""
        return self._shown[0]

    @property
    def frozen(self) -> bool:
        return self._frozen

    def set_frozen(self, frozen: bool) -> None:
        """A take runs (True) or has ended: the chart waits, and so does replay."""
        self._frozen = frozen
        self.player.set_blocked(frozen)
        if self.chart is not None:
            self.chart.set_frozen(frozen)
        self.best_take_available.emit(self.best_recorded_take() is not None)

    def set_spoken_choice(self, spoken: bool | None) -> None:
        """The remembered "Spoken length" choice; None follows the takes shown."""
        self._spoken_choice = spoken
        self._show_spoken_choice(self.attempts())

    def best_recorded_take(self) -> Attempt | None:
        """The current script's personal best among the takes whose recording is still kept
        (best as the Best card has it: ``app.domain.verdicts``, by spoken length)."""
        if self._frozen or self._script_id is None:
            return None
        recorded = [a for a in self.attempts() if a.script_id == self._script_id and a.recording]
        # Best first, and a file is looked for only when a better take's has gone: one stat
        # per call as a rule, not one per recording (this runs after every saved take).
        while (best := self._best_of(recorded)) is not None and not self._recording_kept(best):
            recorded = [a for a in recorded if a is not best]
        return best

    def _best_of(self, attempts: list[Attempt]) -> Attempt | None:
        return personal_best(attempts, self._readable_wpm)

    def play_best(self) -> None:
        """Select the best recorded take in the history (so the player loads it) and play it."""
        best = self.best_recorded_take()
        if best is not None and best.id is not None:
            self.play_take(best.id)

    def select_take(self, attempt_id: int) -> bool:
        """Select a take in the history and load it in the player (P plays it); False if it
        is not listed."""
        if not self.history.select_attempt(attempt_id):
            return False
        self.player.show_take(self.history.selected_attempt())
        return True

    def play_take(self, attempt_id: int) -> None:
        """Select a take and play its recording."""
        if self.select_take(attempt_id):
            self.player.play()

    def _recording_kept(self, attempt: Attempt) -> bool:
        root = self.player.recordings_root
        path = Path(attempt.recording or "")
        return (path if path.is_absolute() or root is None else root / path).is_file()

    def _show_spoken_choice(self, attempts: list[Attempt]) -> None:
        has_speech = any(a.spoken_s is not None for a in attempts)
        self.spoken_check.setVisible(has_speech)
        choice = self._spoken_choice if self._spoken_choice is not None else True
        self.spoken_check.setChecked(has_speech and choice)
        self.spoken_check.setEnabled(has_speech)
        if self.chart is not None:
            self.chart.set_spoken(self.spoken_check.isChecked())

    def _on_spoken_check_clicked(self, checked: bool) -> None:
        self._spoken_choice = checked
        if self.chart is not None:
            self.chart.set_spoken(checked)
        self.spoken_length_clicked.emit(checked)

    def _on_history_attempt_selected(self, _attempt_id: int) -> None:
        self.player.show_take(self.history.selected_attempt())

    def _on_history_attempt_activated(self, attempt_id: int) -> None:
        attempt = self.history.selected_attempt()
        if attempt is not None and attempt.id == attempt_id:
            self.player.show_take(attempt)
            self.player.toggle()

    def load(self, repository: Repository, script: Script | None) -> None:
        """Read the takes to show (this script's, or all) and show them."""
        all_scripts = self.all_scripts_check.isChecked()
        attempts: list[Attempt] = []
        names: dict[int, str] = {}
        if all_scripts:
            attempts = repository.list_attempts()
            names = {s.id: s.name for s in repository.list_scripts() if s.id is not None}
        elif script is not None and script.id is not None:
            # One script's takes: its name is at hand (the Script column is hidden anyway).
            attempts = repository.list_attempts(script.id)
            names = {script.id: script.name}
        revisions = [
            revision
            for script_id in {a.script_id for a in attempts}
            for revision in repository.list_revisions(script_id)
        ]
        numbers = {revision.id: revision.number for revision in revisions}
        scores = {
            revision.id: (score, top)
            for revision in revisions
            if (score := revision.coach_score) is not None and (top := revision.coach_max)
        }
        target = None if all_scripts or script is None else script.target_s
        self._script_id = script.id if script is not None else None
        self.show_attempts(attempts, target, names, numbers, scores)

    def show_attempts(
        self,
        attempts: list[Attempt],
        target_s: float | None,
        script_names: dict[int, str],
        revision_numbers: dict[int, int],
        revision_scores: dict[int, tuple[int, int]] | None = None,
    ) -> None:
        """Show these takes (already filtered to one script, or all)."""
        self._shown = (attempts, target_s)
        self.history.set_attempts(attempts, script_names, revision_numbers, revision_scores)
        # One script's takes need no Script column; the room goes to the figures.
        self.history.set_column_wanted(Column.SCRIPT, target_s is None)
        voiced = any(a.recording or a.spoken_s is not None for a in attempts)
        self.history.set_column_wanted(Column.SPOKEN, voiced)  # no voice: no room taken
        self.player.show_take(self.history.selected_attempt())
        self._show_spoken_choice(attempts)
        self._show_figures()
        if self.chart is not None:
            self._tab_to_chart_after(self.all_scripts_check, self.chart)  # its plot may be new
        self.best_take_available.emit(self.best_recorded_take() is not None)
