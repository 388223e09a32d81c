"""The countdown bar: remaining seconds, big, with a written phase and a colour band."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.domain.countdown import Phase, Reading
from app.domain.pacing import MAX_WPM
from app.ui.theme import FLASH_COLOUR, PHASE_COLOURS


def _label(size_px: int, bold: bool = False) -> QLabel:
    label = QLabel()
    font = QFont(label.font())
    font.setPixelSize(size_px)
    font.setBold(bold)
    label.setFont(font)
    return label


class CountdownView(QFrame):
    """Shows a Reading; computes nothing itself beyond formatting."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countdown")
        self.setAccessibleName("Countdown")
        self.phase_label = _label(20, bold=True)
        self.detail_label = _label(14)
        # Wraps rather than widen the window or be cut; two lines are always reserved, so
        # the prompter below never moves when the words change with the phase.
        self.detail_label.setWordWrap(True)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.detail_label.setMinimumHeight(self.detail_label.fontMetrics().lineSpacing() * 2)
        self.time_label = _label(56, bold=True)
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.pace_label = _label(14)
        self.pace_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        left = QVBoxLayout()
        left.addWidget(self.phase_label)
        left.addWidget(self.detail_label)
        right = QVBoxLayout()
        right.addWidget(self.time_label)
        right.addWidget(self.pace_label)
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 8, 20, 8)
        row.addLayout(left, 1)
        row.addLayout(right)
        self._phase: Phase | None = None
        self._flashing = False

    def show_reading(self, reading: Reading, target_s: float) -> None:
        self.time_label.setText(self._time_text(reading))
        self.phase_label.setText(self._phase_text(reading))
        self.detail_label.setText(self._detail_text(reading, target_s))
        if reading.phase is not self._phase or reading.flashing != self._flashing:
            self._phase, self._flashing = reading.phase, reading.flashing
            colour = FLASH_COLOUR if reading.flashing else PHASE_COLOURS[reading.phase]
            self.setStyleSheet(
                f"QFrame#countdown {{ background: {colour.name()}; border-radius: 10px; }}"
                "QFrame#countdown QLabel { color: white; background: transparent; }"
            )

    def show_pace(self, words_per_minute: float, fitted: bool) -> None:
        how = "fitted to target" if fitted else "your pace for this script"
        if fitted and words_per_minute >= MAX_WPM:  # the fit stopped at the cap: say so
            how = f"capped at {MAX_WPM:.0f}, too long to fit"
        self.pace_label.setText(f"{words_per_minute:.0f} wpm · {how}")

    @staticmethod
    def _time_text(reading: Reading) -> str:
        if reading.phase is Phase.LEAD_IN:
            return f"{math.ceil(reading.lead_in_left_s)}"
        if reading.phase is Phase.OVERTIME:
            return f"+{reading.overtime_s:.0f} s"
        if reading.phase is Phase.STOPPED:
            return f"{reading.elapsed_s:.1f} s"
        return f"{math.ceil(reading.remaining_s - 1e-9):.0f} s"

    @staticmethod
    def _phase_text(reading: Reading) -> str:
        if reading.phase is Phase.OVERTIME:
            return f"Over time by {reading.overtime_s:.0f} s"
        return reading.phase.label

    @staticmethod
    def _detail_text(reading: Reading, target_s: float) -> str:
        if reading.phase is Phase.IDLE:
            return f"Target {target_s:.0f} s · Space starts the clock"
        if reading.phase is Phase.LEAD_IN:
            return "The clock starts after the count"
        if reading.phase is Phase.WAITING:
            return f"Target {target_s:.0f} s · the clock starts when you speak · Space cancels"
        if reading.phase is Phase.STOPPED:
            return f"Take length · target {target_s:.0f} s"
        return f"{reading.elapsed_s:.1f} s of {target_s:.0f} s · Space stops, Esc abandons"
