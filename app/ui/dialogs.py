"""Small dialogs: keyboard shortcuts (F1) and preferences."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.verdicts import MAX_READABLE_WPM, MIN_READABLE_WPM
from app.ui.recording_prefs import RecordingSection
from app.ui.settings import Preferences, Theme


class ShortcutsDialog(QDialog):
    """Every shortcut with what it does, generated from the actions themselves."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts — Brevity")
        table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels(["Keys", "What it does"])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        for row, (keys, text) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(keys))
            table.setItem(row, 1, QTableWidgetItem(text))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.table = table
        self.resize(640, 560)


class PreferencesDialog(QDialog):
    """Theme, lead-in, the amber band and the phone number pace; applied when accepted."""

    def __init__(
        self,
        preferences: Preferences,
        parent: QWidget | None = None,
        recording: RecordingSection | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences — Brevity")
        self.recording = recording  # the microphone, hands-free and recordings kept
        self.theme_combo = QComboBox()
        for theme, label in (
            (Theme.SYSTEM, "Follow the system"),
            (Theme.LIGHT, "Light"),
            (Theme.DARK, "Dark"),
        ):
            self.theme_combo.addItem(label, theme)
        self.theme_combo.setCurrentIndex(self.theme_combo.findData(preferences.theme))
        self.lead_in_spin = QSpinBox()
        self.lead_in_spin.setRange(0, 10)
        self.lead_in_spin.setSuffix(" s")
        self.lead_in_spin.setSpecialValueText("Off")
        self.lead_in_spin.setValue(preferences.lead_in_s)
        self.amber_spin = QDoubleSpinBox()
        self.amber_spin.setRange(0, 120)
        self.amber_spin.setDecimals(0)
        self.amber_spin.setSuffix(" s before the target")
        self.amber_spin.setValue(preferences.amber_last_s)
        self.number_pace_spin = QSpinBox()
        self.number_pace_spin.setRange(25, 100)
        self.number_pace_spin.setSingleStep(5)
        self.number_pace_spin.setSuffix(" % of normal pace")
        self.number_pace_spin.setValue(round(preferences.number_pace * 100))
        self.number_pace_spin.setToolTip(
            "Phone numbers scroll slower than your other words so you can say each digit "
            "clearly. 100 % scrolls them at your normal pace."
        )
        self.readable_spin = QSpinBox()
        self.readable_spin.setRange(round(MIN_READABLE_WPM), round(MAX_READABLE_WPM))
        self.readable_spin.setSingleStep(5)
        self.readable_spin.setSuffix(" words a minute")
        self.readable_spin.setValue(round(preferences.readable_wpm))
        self.readable_spin.setToolTip(
            "Faster than this is hard to follow: the Rehearse page warns before a take, and a "
            "take far under its target at a faster pace is not praised or counted as best."
        )
        form = QFormLayout()
        form.addRow("Theme", self.theme_combo)
        form.addRow("Count-in before the clock (3-2-1)", self.lead_in_spin)
        form.addRow("Amber “wrap up” band from", self.amber_spin)
        form.addRow("Phone number pace", self.number_pace_spin)
        form.addRow("Readable pace, at most", self.readable_spin)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if recording is not None:
            layout.addWidget(recording)
        layout.addWidget(buttons)
        self._preferences = preferences

    def apply(self) -> None:
        self._preferences.theme = Theme(self.theme_combo.currentData())  # Qt hands back a str
        self._preferences.lead_in_s = self.lead_in_spin.value()
        self._preferences.amber_last_s = self.amber_spin.value()
        self._preferences.number_pace = self.number_pace_spin.value() / 100
        self._preferences.readable_wpm = float(self.readable_spin.value())
        if self.recording is not None:
            self.recording.apply()
