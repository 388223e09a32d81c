"""Progress: stats cards, the chart and the history table, for one script or all of them.

The chart (and with it pyqtgraph) is created only after the window's first paint, and it is
frozen while a take runs so a redraw never costs the teleprompter a frame.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from app.domain.attempt import Attempt
from app.domain.script import Script
from app.domain.stats import personal_best, summarize
from app.storage.repository import Repository
from app.ui.history import HistoryView
from app.ui.history_model import Column
from app.ui.stats_panel import StatsPanel

if TYPE_CHECKING:  # the real import waits for the first paint (it brings pyqtgraph)
    from app.ui.chart import ProgressChart


class ProgressPanel(QWidget):
    """Everything about past takes; it shows what it is given and forwards edits."""

    all_scripts_toggled = Signal(bool)
    edit_requested = Signal(int, str, str)  # attempt id, outcome value, note
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stats = StatsPanel()
        self.all_scripts_check = QCheckBox("All scripts")
        self.all_scripts_check.setToolTip("Show every script's takes, not only this one's")
        self.history = HistoryView()
        self.chart: ProgressChart | None = None  # created by build_chart() after first paint
        self._chart_holder = QWidget()
        self._chart_layout = QVBoxLayout(self._chart_holder)
        self._chart_layout.setContentsMargins(0, 0, 0, 0)
        self._frozen = False
        self._shown: tuple[list[Attempt], float | None] = ([], None)
        title = QLabel("Progress")
        title.setObjectName("sectionTitle")
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
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
        self.all_scripts_check.toggled.connect(self.all_scripts_toggled)
        self.history.edit_requested.connect(self.edit_requested)
        self.history.delete_requested.connect(self.delete_requested)

    def build_chart(self) -> None:
        """Create the chart (importing pyqtgraph); call once the window has painted."""
        if self.chart is not None:
            return
        from app.ui.chart import ProgressChart

        chart = self.chart = ProgressChart()
        chart.set_frozen(self._frozen)
        self._chart_layout.addWidget(chart)
        chart.point_clicked.connect(self.history.select_attempt)
        attempts, target_s = self._shown
        chart.show_attempts(attempts, target_s, personal_best(attempts))

    def attempts(self) -> list[Attempt]:
        """The takes shown now, oldest first."""
        return self._shown[0]

    def set_frozen(self, frozen: bool) -> None:
        self._frozen = frozen
        if self.chart is not None:
            self.chart.set_frozen(frozen)

    def load(self, repository: Repository, script: Script | None) -> None:
        """Read the takes to show (this script's, or all) and show them."""
        all_scripts = self.all_scripts_check.isChecked()
        if all_scripts:
            attempts = repository.list_attempts()
        elif script is not None and script.id is not None:
            attempts = repository.list_attempts(script.id)
        else:
            attempts = []
        names = {s.id: s.name for s in repository.list_scripts() if s.id is not None}
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
        now = datetime.now().astimezone()
        assert now.tzinfo is not None
        self.stats.show_summary(summarize(attempts, now.date(), now.tzinfo))
        self.history.set_attempts(attempts, script_names, revision_numbers, revision_scores)
        # One script's takes need no Script column; the room goes to the figures.
        self.history.table.setColumnHidden(Column.SCRIPT, target_s is not None)
        if self.chart is not None:
            self.chart.show_attempts(attempts, target_s, personal_best(attempts))
