"""The Recording part of Preferences: the switch, how many recordings to keep, hands-free."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from app.ui.settings import Preferences


class RecordingSection(QGroupBox):
    """Shows the recording preferences; ``apply()`` writes them.

    ``microphone_problem`` is the reason there is no microphone ("" when there is one): the
    switches stay readable but greyed, with the reason under them.
    """

    def __init__(
        self,
        preferences: Preferences,
        *,
        microphone_problem: str = "",
        disk_use: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Recording", parent)
        self._preferences = preferences
        self.record_check = QCheckBox("Record takes")
        self.record_check.setChecked(preferences.record_takes)
        self.record_check.setToolTip(
            "Each take is saved as a sound file in the recordings folder, and its speech "
            "(first word, last word, pauses) is measured."
        )
        self.keep_spin = QSpinBox()
        self.keep_spin.setRange(0, 999)
        self.keep_spin.setSpecialValueText("All")
        self.keep_spin.setSuffix(" per script")
        self.keep_spin.setValue(preferences.keep_recordings)
        self.end_check = QCheckBox("End the take after")
        self.end_check.setChecked(preferences.end_after_silence)
        self.end_spin = QDoubleSpinBox()
        self.end_spin.setRange(1, 15)
        self.end_spin.setDecimals(0)
        self.end_spin.setSuffix(" s of silence")
        self.end_spin.setValue(preferences.end_silence_s)
        self.end_spin.setEnabled(self.end_check.isChecked())
        self.end_check.toggled.connect(self.end_spin.setEnabled)
        self.first_word_check = QCheckBox("Start the clock at my first word")
        self.first_word_check.setChecked(preferences.start_at_first_word)
        self.problem_label = QLabel(microphone_problem)
        self.problem_label.setWordWrap(True)
        self.problem_label.setVisible(bool(microphone_problem))
        self.disk_label = QLabel(disk_use)
        self.disk_label.setWordWrap(True)
        self.disk_label.setVisible(bool(disk_use))
        end_row = QHBoxLayout()
        end_row.addWidget(self.end_check)
        end_row.addWidget(self.end_spin)
        end_row.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.record_check)
        form.addRow(self.problem_label)
        form.addRow("Keep the newest recordings", self.keep_spin)
        form.addRow("Hands-free", end_row)
        form.addRow("", self.first_word_check)
        form.addRow(self.disk_label)
        if microphone_problem:
            for widget in (self.record_check, self.end_check, self.end_spin, self.first_word_check):
                widget.setEnabled(False)

    def apply(self) -> None:
        """Write the choices; a greyed switch keeps its stored value (the microphone may be
        back next time)."""
        prefs = self._preferences
        if self.record_check.isEnabled():
            prefs.record_takes = self.record_check.isChecked()
            prefs.end_after_silence = self.end_check.isChecked()
            prefs.start_at_first_word = self.first_word_check.isChecked()
        prefs.end_silence_s = self.end_spin.value()
        prefs.keep_recordings = self.keep_spin.value()
