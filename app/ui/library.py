"""The script library: a list of scripts; selecting one makes it current."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSignalBlocker,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.script import Script

_ID_ROLE = Qt.ItemDataRole.UserRole
_SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 1


class _ScriptDelegate(QStyledItemDelegate):
    """Name in bold, kind and target underneath in a quieter colour."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        height = option.fontMetrics.height()
        return QSize(200, height * 2 + 18)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        palette = option.palette
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = option.rect.adjusted(10, 8, -8, -8)
        half = rect.height() // 2
        painter.save()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(palette.color(role))
        name = str(index.data(Qt.ItemDataRole.DisplayRole))
        elided = painter.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(
            QRect(rect.left(), rect.top(), rect.width(), half),
            Qt.AlignmentFlag.AlignVCenter,
            elided,
        )
        painter.setFont(option.font)
        muted = palette.color(role)
        muted.setAlphaF(0.7)
        painter.setPen(muted)
        painter.drawText(
            QRect(rect.left(), rect.top() + half, rect.width(), half),
            Qt.AlignmentFlag.AlignVCenter,
            str(index.data(_SUBTITLE_ROLE)),
        )
        painter.restore()


class ScriptLibrary(QWidget):
    """Lists scripts by name with their kind and target underneath."""

    script_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setAccessibleName("Scripts")
        self.list.setItemDelegate(_ScriptDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        title = QLabel("Scripts")
        title.setObjectName("sectionTitle")
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 4, 8)
        column.addWidget(title)
        column.addWidget(self.list, 1)
        self.list.currentItemChanged.connect(self._on_list_current_changed)

    def show_scripts(self, scripts: list[Script], current_id: int | None) -> None:
        """List ``scripts`` with ``current_id`` (or the first) selected, without signalling:
        the caller already knows which script it is showing."""
        blocker = QSignalBlocker(self.list)
        self.list.clear()
        for script in scripts:
            item = QListWidgetItem(script.name)
            item.setData(_ID_ROLE, script.id)
            item.setData(_SUBTITLE_ROLE, f"{script.kind.label} · {script.target_s:.0f} s")
            item.setToolTip(f"{script.name}\n{script.kind.label}, target {script.target_s:.0f} s")
            self.list.addItem(item)
        rows = [self.list.item(row).data(_ID_ROLE) for row in range(self.list.count())]
        if rows:
            self.list.setCurrentRow(rows.index(current_id) if current_id in rows else 0)
        del blocker

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(_ID_ROLE)) if item else None

    def _on_list_current_changed(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        if current is not None:
            self.script_selected.emit(int(current.data(_ID_ROLE)))
