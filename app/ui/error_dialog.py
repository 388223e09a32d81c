"""The dialog for an unexpected error: a friendly sentence, the details folded away, and a
**Copy details** button for a bug report. It is not modal: Brevity keeps running behind it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME


class ErrorDialog(QDialog):
    """Shows one error; later ones while it is open are added to its details."""

    def __init__(self, details: str, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{APP_NAME} hit a problem")
        self.setModal(False)
        self._count = 1
        where = f" The details are also in {log_file}." if log_file else ""
        self.message_label = QLabel(
            "Something went wrong inside Brevity. Your scripts and takes are saved and you "
            f"can keep working.{where} If it happens again, please send us the details."
        )
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_edit = QPlainTextEdit(details)
        self.details_edit.setReadOnly(True)
        self.details_edit.setAccessibleName("Error details")
        self.details_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details_edit.setMinimumHeight(180)
        self.details_edit.hide()
        buttons = QDialogButtonBox()
        self.show_details_button = QPushButton("Show details")
        self.show_details_button.setCheckable(True)
        self.copy_button = QPushButton("Copy details")
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.show_details_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        column = QVBoxLayout(self)
        column.addWidget(self.message_label)
        column.addWidget(self.details_edit, 1)
        column.addWidget(buttons)
        self.show_details_button.toggled.connect(self._on_show_details_toggled)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        self.resize(520, 160)

    def details(self) -> str:
        return self.details_edit.toPlainText()

    def add(self, details: str) -> None:
        """Another error while this one is still on screen."""
        self._count += 1
        self.details_edit.appendPlainText(f"\n--- error {self._count} ---\n{details}")

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())
        self.copy_button.setText("Copied")

    def _on_show_details_toggled(self, shown: bool) -> None:
        self.details_edit.setVisible(shown)
        self.show_details_button.setText("Hide details" if shown else "Show details")
        self.adjustSize()
