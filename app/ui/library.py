"""The script library: a list of scripts; selecting one makes it current."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.domain.script import Script

_ID_ROLE = Qt.ItemDataRole.UserRole


class ScriptLibrary(QWidget):
    """Lists scripts by name with their kind and target underneath."""

    script_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setAccessibleName("Scripts")
        self.list.setUniformItemSizes(True)
        self.list.setAlternatingRowColors(False)
        title = QLabel("Scripts")
        title.setObjectName("sectionTitle")
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 4, 8)
        column.addWidget(title)
        column.addWidget(self.list, 1)
        self.list.currentItemChanged.connect(self._on_list_current_changed)

    def show_scripts(self, scripts: list[Script], current_id: int | None) -> None:
        blocker = QSignalBlocker(self.list)
        self.list.clear()
        for script in scripts:
            item = QListWidgetItem(f"{script.name}\n{script.kind.label} · {script.target_s:.0f} s")
            item.setData(_ID_ROLE, script.id)
            item.setToolTip(script.name)
            self.list.addItem(item)
        del blocker
        self.select(current_id)

    def select(self, script_id: int | None) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(_ID_ROLE) == script_id:
                self.list.setCurrentItem(item)
                return
        if self.list.count():
            self.list.setCurrentRow(0)

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(_ID_ROLE)) if item else None

    def _on_list_current_changed(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        if current is not None:
            self.script_selected.emit(int(current.data(_ID_ROLE)))
