"""File → Restore from backup…: pick a backup by its date and what it holds."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.storage.backup import BackupInfo, describe_time

_EXPLANATION = (
    "Brevity backs up your scripts and takes when it starts, every 30 minutes while it runs "
    "and when it closes. Restoring replaces your current scripts and takes with the backup's; "
    "your current data is backed up first, so you can come back to it from this list."
)


class RestoreDialog(QDialog):
    """Backups newest first, with when each was taken and how many takes and scripts it has."""

    def __init__(
        self, backups: list[BackupInfo], now: datetime, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from backup — Brevity")
        self._backups = backups
        explanation = QLabel(_EXPLANATION if backups else "There are no backups yet.")
        explanation.setWordWrap(True)
        self.table = QTableWidget(len(backups), 3)
        self.table.setHorizontalHeaderLabels(["Taken", "Takes", "Scripts"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setShowGrid(False)
        for row, backup in enumerate(backups):
            self._fill_row(row, backup, now)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton("&Restore")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._on_table_item_selection_changed)
        first = next((row for row, b in enumerate(backups) if b.readable), None)
        if first is not None:
            self.table.selectRow(first)
        self._on_table_item_selection_changed()
        self.resize(520, 420)

    def chosen(self) -> BackupInfo | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self._backups[min(rows)] if rows else None

    def _fill_row(self, row: int, backup: BackupInfo, now: datetime) -> None:
        counts = ("unreadable", "") if not backup.readable else (backup.attempts, backup.scripts)
        cells = [describe_time(backup.taken_at, now), *(str(count) for count in counts)]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if not backup.readable:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            item.setToolTip(str(backup.path))
            self.table.setItem(row, column, item)

    def _on_table_item_selection_changed(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)


def show_notice(parent: QWidget, title: str, text: str, *, warning: bool = False) -> QMessageBox:
    """A message that does not block: the window stays usable behind it."""
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()
    return box
