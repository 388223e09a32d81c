"""The take history's table model over logged attempts (its formats: ``ui.formats``).

The model never writes: edits of the outcome or the note are *requested* with
``edit_requested``; the owner persists them and then calls ``replace(attempt)``. That keeps one
source of truth (the database) and makes a failed write impossible to mistake for a saved one.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import UTC, tzinfo
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QWidget

from app.domain.attempt import RATED_OUTCOMES, Attempt, Outcome
from app.domain.countdown import format_seconds
from app.domain.verdicts import DEFAULT_READABLE_WPM, result_line
from app.domain.wording import signed_seconds
from app.ui.formats import format_when, format_when_long, local_time, voice_summary
from app.ui.outcome_style import outcome_text_colour
from app.ui.theme import is_dark, line_icon

SortRole = Qt.ItemDataRole.UserRole + 1  # raw, comparable values for QSortFilterProxyModel

AnyIndex = QModelIndex | QPersistentModelIndex
# The outcomes a user may pick when correcting a take (unrated is only ever set at stop).
EDITABLE_OUTCOMES: tuple[Outcome, ...] = (*RATED_OUTCOMES, Outcome.ABANDONED)


class Column(IntEnum):
    WHEN = 0
    SCRIPT = 1
    VERSION = 2
    LENGTH = 3
    SPOKEN = 4  # the pauses are in its tooltip: the table stays narrow
    VS_TARGET = 5
    OUTCOME = 6
    NOTE = 7

    @property
    def title(self) -> str:
        return _TITLES[self]


_TITLES = {
    Column.WHEN: "When", Column.SCRIPT: "Script", Column.VERSION: "Version",
    Column.LENGTH: "Length", Column.SPOKEN: "Spoken",
    Column.VS_TARGET: "± target", Column.OUTCOME: "Outcome", Column.NOTE: "Note",
}  # fmt: skip
_NUMERIC = frozenset({Column.VERSION, Column.LENGTH, Column.SPOKEN, Column.VS_TARGET})
_UNMEASURED = math.inf  # sorts takes without speech figures after every measured one
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


_speaker_icons: dict[bool, QIcon] = {}


def _speaker_icon() -> QIcon:
    """The mark of a take with a recording, drawn for the current palette (light or dark),
    in the selection's text colour on a selected row so it keeps its contrast there."""
    palette = QGuiApplication.palette()
    dark = is_dark(palette)
    if dark not in _speaker_icons:
        icon = line_icon("speaker", dark)
        selected = line_icon("speaker", dark, palette.color(QPalette.ColorRole.HighlightedText))
        for size in (16, 24, 32):
            icon.addPixmap(selected.pixmap(size, size), QIcon.Mode.Selected)
        _speaker_icons[dark] = icon
    return _speaker_icons[dark]


class HistoryModel(QAbstractTableModel):
    """One row per attempt, in the order given; sorting is left to a proxy (see ``SortRole``)."""

    edit_requested = Signal(int, str, str)  # attempt id, outcome value, note

    def __init__(self, parent: QWidget | None = None, *, tz: tzinfo | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self._attempts: list[Attempt] = []
        self._script_names: dict[int, str] = {}
        self._revision_numbers: dict[int, int] = {}
        self._revision_scores: dict[int, tuple[int, int]] = {}  # revision id: (score, max)
        self.readable_wpm = DEFAULT_READABLE_WPM  # for the verdict in the tooltip

    # -- reading -------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._attempts)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is not Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return Column(section).title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if Column(section) in _NUMERIC else _LEFT
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        flags |= Qt.ItemFlag.ItemNeverHasChildren
        editable = index.column() in (Column.OUTCOME, Column.NOTE)
        if editable and self._attempts[index.row()].id is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._attempts):
            return None
        attempt, column = self._attempts[index.row()], Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(attempt, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(attempt, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(attempt, column)
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.OUTCOME:
            palette = QGuiApplication.palette()  # the rows alternate: readable on both
            base, alternate = QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase
            colour = outcome_text_colour(
                attempt.outcome, palette.color(base), palette.color(alternate)
            )
            return QBrush(colour)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in _NUMERIC else _LEFT
        if role == Qt.ItemDataRole.DecorationRole and column is Column.SPOKEN:
            return _speaker_icon() if attempt.recording else None
        if role == Qt.ItemDataRole.UserRole:
            return attempt
        if role == SortRole:
            return self._sort_value(attempt, column)
        return None

    def _display(self, attempt: Attempt, column: Column) -> str:
        match column:
            case Column.WHEN:
                return format_when(local_time(attempt.started_at, self._tz))
            case Column.SCRIPT:
                return self._script_name(attempt)
            case Column.VERSION:
                number = self._revision_numbers.get(attempt.revision_id)
                label = f"v{number}" if number is not None else f"#{attempt.revision_id}"
                score = self._revision_scores.get(attempt.revision_id)
                return f"{label} · {score[0]}/{score[1]}" if score else label
            case Column.LENGTH:
                return format_seconds(attempt.duration_s)
            case Column.SPOKEN:
                return format_seconds(attempt.spoken_s) if attempt.spoken_s is not None else ""
            case Column.VS_TARGET:
                # The verdict is in the tooltip and the colour; the cell stays narrow.
                return signed_seconds(attempt.timed_s - attempt.target_s)
            case Column.OUTCOME:
                return attempt.outcome.label
            case Column.NOTE:
                return attempt.note

    def _edit_value(self, attempt: Attempt, column: Column) -> str:
        if column is Column.OUTCOME:
            return attempt.outcome.value
        return attempt.note if column is Column.NOTE else self._display(attempt, column)

    def _tooltip(self, attempt: Attempt, column: Column) -> str:
        match column:
            case Column.WHEN:
                return format_when_long(local_time(attempt.started_at, self._tz))
            case Column.VERSION:
                return self._version_tooltip(attempt.revision_id)
            case Column.LENGTH:
                return f"{format_seconds(attempt.duration_s)} between the key presses"
            case Column.SPOKEN:
                return voice_summary(attempt)
            case Column.VS_TARGET:
                verdict = result_line(attempt, self.readable_wpm)  # the words said after it
                return f"Target {format_seconds(attempt.target_s)}: {verdict}"
            case Column.OUTCOME:
                return f"{attempt.outcome.label} — double-click to change"
            case Column.NOTE:
                return attempt.note or "Double-click to add a note"
        return self._display(attempt, column)

    def _sort_value(self, attempt: Attempt, column: Column) -> float | int | str:
        match column:
            case Column.WHEN:
                return local_time(attempt.started_at, UTC).timestamp()
            case Column.SCRIPT:
                return self._script_name(attempt).casefold()
            case Column.VERSION:
                return self._revision_numbers.get(attempt.revision_id, attempt.revision_id)
            case Column.LENGTH:
                return attempt.duration_s
            case Column.SPOKEN:
                return attempt.spoken_s if attempt.spoken_s is not None else _UNMEASURED
            case Column.VS_TARGET:
                return attempt.timed_s - attempt.target_s
            case Column.OUTCOME:
                return list(Outcome).index(attempt.outcome)
            case Column.NOTE:
                return attempt.note.casefold()

    def _version_tooltip(self, revision_id: int) -> str:
        number = self._revision_numbers.get(revision_id)
        if number is None:
            return f"Revision id {revision_id}"
        text = f"Version {number} of the script"
        score = self._revision_scores.get(revision_id)
        if score:
            # Scored when it was rehearsed: the coach beside the editor scores the text with
            # the pace learned since, so the two may differ; say which is which.
            text += (
                f"; the script coach scored it {score[0]} of {score[1]} when you rehearsed it, "
                "at your pace then (the coach beside the editor scores it at your pace now)"
            )
        return text

    def _script_name(self, attempt: Attempt) -> str:
        return self._script_names.get(attempt.script_id, f"Script #{attempt.script_id}")

    # -- editing -------------------------------------------------------------------------------
    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Ask the owner to store an edited outcome or note; the row changes on ``replace``."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        attempt = self._attempts[index.row()]
        if attempt.id is None:
            return False
        outcome, note = attempt.outcome, attempt.note
        if index.column() == Column.OUTCOME:
            try:
                outcome = Outcome(value)
            except ValueError:
                return False
        elif index.column() == Column.NOTE and isinstance(value, str):
            note = value.strip()
        else:
            return False
        if (outcome, note) != (attempt.outcome, attempt.note):
            self.edit_requested.emit(attempt.id, outcome.value, note)
        return True

    # -- the owner's verbs ---------------------------------------------------------------------
    def set_attempts(
        self,
        attempts: Sequence[Attempt],
        script_names: dict[int, str],
        revision_numbers: dict[int, int],
        revision_scores: dict[int, tuple[int, int]] | None = None,
    ) -> None:
        self.beginResetModel()
        self._attempts = list(attempts)
        self._script_names = dict(script_names)
        self._revision_numbers = dict(revision_numbers)
        self._revision_scores = dict(revision_scores or {})
        self.endResetModel()

    def append(
        self,
        attempt: Attempt,
        *,
        script_name: str | None = None,
        revision_number: int | None = None,
    ) -> None:
        """Add one row at the end; a new script name or revision number may come with it."""
        if script_name is not None:
            self._script_names[attempt.script_id] = script_name
        if revision_number is not None:
            self._revision_numbers[attempt.revision_id] = revision_number
        row = len(self._attempts)
        self.beginInsertRows(QModelIndex(), row, row)
        self._attempts.append(attempt)
        self.endInsertRows()

    def remove(self, attempt_id: int) -> bool:
        row = self.row_of(attempt_id)
        if row is None:
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._attempts[row]
        self.endRemoveRows()
        return True

    def replace(self, attempt: Attempt) -> bool:
        """Swap in the stored version of an attempt (same id), e.g. after an edit was saved."""
        row = self.row_of(attempt.id) if attempt.id is not None else None
        if row is None:
            return False
        self._attempts[row] = attempt
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
        return True

    def attempt_at(self, row: int) -> Attempt:
        return self._attempts[row]

    def row_of(self, attempt_id: int) -> int | None:
        return next((r for r, a in enumerate(self._attempts) if a.id == attempt_id), None)
