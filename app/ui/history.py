"""The take history view: a sortable table with an outcome editor and undoable delete."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelection,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QIcon, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.attempt import Attempt
from app.resources import icon_path
from app.ui.history_model import (
    EDITABLE_OUTCOMES,
    AnyIndex,
    Column,
    HistoryModel,
    SortRole,
)
from app.ui.outcome_style import outcome_colour

# When the table is too narrow for every column, these go first (in this order), so that
# When, Length, Outcome and the Note always show without scrolling sideways.
DROP_FOR_ROOM = (Column.VERSION, Column.VS_TARGET, Column.SPOKEN, Column.SCRIPT)
NOTE_MIN_PX = 60  # a few words of the note beside the figures


class OutcomeDelegate(QStyledItemDelegate):
    """Edits the outcome with a combo box that commits as soon as an entry is picked."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName("Outcome")
        for outcome in EDITABLE_OUTCOMES:
            combo.addItem(outcome.label, outcome.value)
            combo.setItemData(
                combo.count() - 1, outcome_colour(outcome), Qt.ItemDataRole.DecorationRole
            )
        combo.activated.connect(lambda _row: self._on_combo_activated(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findData(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox) and editor.currentIndex() >= 0:
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

    def _on_combo_activated(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)


class HistoryView(QWidget):
    """The history table: newest first, sortable, outcome and note editable in place."""

    attempt_selected = Signal(int)
    attempt_activated = Signal(int)  # Enter, or a double-click outside the editable cells
    delete_requested = Signal(int)
    edit_requested = Signal(int, str, str)  # forwarded from the model: id, outcome value, note

    def __init__(self, model: HistoryModel | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model if model is not None else HistoryModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSortRole(SortRole)
        self.proxy.setSourceModel(self.model)
        self.model.edit_requested.connect(self.edit_requested)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self._unwanted: set[Column] = set()  # hidden by the owner (nothing to show in them)
        self._widths: dict[Column, int] | None = None  # what each column needs; None: measure
        for changed in (self.proxy.modelReset, self.proxy.rowsInserted, self.proxy.dataChanged):
            changed.connect(self._on_proxy_changed)
        self._set_up_table()
        self.delete_action = QAction(QIcon(str(icon_path("delete"))), "Delete take", self.table)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.setEnabled(False)
        self.delete_action.triggered.connect(self._on_delete_action_triggered)
        self.table.addAction(self.delete_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.table.activated.connect(self._on_table_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def _set_up_table(self) -> None:
        table = self.table
        table.setSortingEnabled(True)
        table.sortByColumn(Column.WHEN, Qt.SortOrder.DescendingOrder)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move rows
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        table.setItemDelegateForColumn(Column.OUTCOME, OutcomeDelegate(table))
        table.setObjectName("history")  # its cell padding: resources/styles/brevity.qss
        rows = table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 12)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setMinimumSectionSize(16)  # a narrow note still fits beside the figures
        header.setResizeContentsPrecision(200)  # formats are regular: a sample is enough
        for column in Column:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.NOTE, QHeaderView.ResizeMode.Stretch)
        # The stretched note gives way first when the table is narrow, but never below its
        # own title (Qt's floor would cut "Note" to "Not"); the table scrolls instead.
        note_title = header.sectionSizeHint(Column.NOTE)
        header.setMinimumSectionSize(max(header.minimumSectionSize(), note_title))

    def set_attempts(
        self,
        attempts: Sequence[Attempt],
        script_names: dict[int, str],
        revision_numbers: dict[int, int],
        revision_scores: dict[int, tuple[int, int]] | None = None,
    ) -> None:
        """Show these takes (the owner filters them); keeps the selected take selected.

        ``revision_scores`` maps a revision id to the script coach's (score, max) for it.
        """
        selected = self.selected_attempt_id()
        # The model's reset reaches _on_proxy_changed, which measures the columns again.
        self.model.set_attempts(attempts, script_names, revision_numbers, revision_scores)
        if selected is not None:
            self.select_attempt(selected)
        self.delete_action.setEnabled(self.selected_attempt_id() is not None)

    def set_column_wanted(self, column: Column, wanted: bool) -> None:
        """Whether a column has anything to show; it still gives way when room is short."""
        if wanted:
            self._unwanted.discard(column)
        else:
            self._unwanted.add(column)
        self._fit_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _on_proxy_changed(self) -> None:
        self._widths = None  # a wider outcome or figure may need a column to give way
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Show the wanted columns that fit beside When, Length, Outcome and a Note."""
        if self._widths is None:
            self._widths = self._measure_columns()
        widths = self._widths
        room = self._room_px() - NOTE_MIN_PX
        shown = [c for c in Column if c not in self._unwanted and c is not Column.NOTE]
        for column in DROP_FOR_ROOM:
            if sum(widths[c] for c in shown) <= room:
                break
            if column in shown:
                shown.remove(column)
        for column in Column:
            hidden = column is not Column.NOTE and column not in shown
            if self.table.isColumnHidden(column) != hidden:
                self.table.setColumnHidden(column, hidden)

    def _measure_columns(self) -> dict[Column, int]:
        """What each column needs; a hidden column's cells are measured only while shown."""
        table, header = self.table, self.table.horizontalHeader()
        hidden = [column for column in Column if table.isColumnHidden(column)]
        table.setUpdatesEnabled(False)
        for column in hidden:
            table.setColumnHidden(column, False)
        widths = {
            column: max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
            for column in Column
        }
        for column in hidden:
            table.setColumnHidden(column, True)
        table.setUpdatesEnabled(True)
        return widths

    def _room_px(self) -> int:
        """The viewport's width with room kept for a vertical scroll bar, which comes and goes
        with the number of takes: the columns must not depend on it."""
        table = self.table
        bar = table.verticalScrollBar()
        spare = (
            0
            if bar.isVisible()
            else table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, table)
        )
        return table.viewport().width() - spare

    def selected_attempt_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        attempt = self.proxy.data(rows[0], Qt.ItemDataRole.UserRole)
        return attempt.id if isinstance(attempt, Attempt) else None

    def select_attempt(self, attempt_id: int) -> bool:
        """Select and reveal a take (e.g. one clicked in the chart); False if it is not listed."""
        row = self.model.row_of(attempt_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def _on_table_selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        attempt_id = self.selected_attempt_id()
        self.delete_action.setEnabled(attempt_id is not None)
        if attempt_id is not None:
            self.attempt_selected.emit(attempt_id)

    def _on_table_activated(self, index: AnyIndex) -> None:
        attempt = self.proxy.data(index, Qt.ItemDataRole.UserRole)
        if isinstance(attempt, Attempt) and attempt.id is not None:
            self.attempt_activated.emit(attempt.id)

    def selected_attempt(self) -> Attempt | None:
        rows = self.table.selectionModel().selectedRows()
        attempt = self.proxy.data(rows[0], Qt.ItemDataRole.UserRole) if rows else None
        return attempt if isinstance(attempt, Attempt) else None

    def _on_delete_action_triggered(self) -> None:
        attempt_id = self.selected_attempt_id()
        if attempt_id is not None:
            self.delete_requested.emit(attempt_id)
