"""Under the countdown: a quiet level meter while a take records, and a one-line note when
the microphone is missing or stops. Nothing here may pull the eye away from the script."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

FLOOR_DBFS = -60.0  # the meter's empty end: room noise
METER_HEIGHT_PX = 3


def meter_fraction(dbfs: float) -> float:
    """How full the meter is for a level: 0 at -60 dBFS and below, 1 at full scale."""
    return min(1.0, max(0.0, (dbfs - FLOOR_DBFS) / -FLOOR_DBFS))


class LevelMeter(QWidget):
    """A thin, low-contrast bar; its space is always reserved, so nothing moves when it
    appears, and it paints only while the microphone is on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedHeight(METER_HEIGHT_PX)
        self.setAccessibleName("Microphone level")
        self.listening = False
        self.fraction = 0.0

    def set_listening(self, listening: bool) -> None:
        self.listening = listening
        self.fraction = 0.0
        self.update()

    def set_level(self, dbfs: float) -> None:
        fraction = meter_fraction(dbfs)
        if self.listening and abs(fraction - self.fraction) >= 0.01:
            self.fraction = fraction
            self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        if not self.listening:
            return
        painter = QPainter(self)
        painter.setPen(Qt.PenStyle.NoPen)
        colour = QColor(self.palette().color(QPalette.ColorRole.WindowText))
        colour.setAlphaF(0.08)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(self.rect()), 1.5, 1.5)
        colour.setAlphaF(0.28)
        painter.setBrush(colour)
        bar = QRectF(0, 0, self.width() * self.fraction, self.height())
        painter.drawRoundedRect(bar, 1.5, 1.5)


class VoiceStrip(QWidget):
    """The meter and the microphone note, stacked; always the same height."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.meter = LevelMeter()
        self.note_label = QLabel()
        self.note_label.setObjectName("recordingNote")
        self.note_label.setAccessibleName("Microphone note")
        self.note_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        # One fixed line, reserved from the start: a note that appears mid-take (or anything
        # else shown in this strip) never pushes the prompter down.
        self.note_label.setFixedHeight(self.note_label.fontMetrics().lineSpacing())
        policy = self.note_label.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.note_label.setSizePolicy(policy)
        self.note_label.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 2, 20, 0)
        column.setSpacing(2)
        column.addWidget(self.meter)
        column.addWidget(self.note_label)

    def show_listening(self, listening: bool) -> None:
        self.meter.set_listening(listening)

    def show_level(self, dbfs: float) -> None:
        self.meter.set_level(dbfs)

    def show_note(self, note: str) -> None:
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))
