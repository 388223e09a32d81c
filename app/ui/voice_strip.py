"""Under the countdown: "● REC" and a quiet level meter while a take records, and a one-line
note when the microphone is missing or stops. Nothing here may pull the eye away from the
script: the red dot is the only colour, and the line's space is always reserved, so nothing
moves when a take starts."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

FLOOR_DBFS = -60.0  # the meter's empty end: room noise
METER_HEIGHT_PX = 3
REC_TEXT = "● REC"
REC_RED = "#e5484d"  # legible on the dark and the light palette alike


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
    """ "● REC" beside the meter, and the microphone note under them; always the same height."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.meter = LevelMeter()
        self.rec_label = QLabel(f'<span style="color:{REC_RED}">{REC_TEXT}</span>')
        self.rec_label.setObjectName("recordingIndicator")
        self.rec_label.setAccessibleName("Recording")
        self.rec_label.setToolTip("This take is being recorded")
        font = self.rec_label.font()
        font.setBold(True)
        self.rec_label.setFont(font)
        keep = self.rec_label.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # no jump when a take starts
        self.rec_label.setSizePolicy(keep)
        self.rec_label.hide()
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
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.rec_label)
        row.addWidget(self.meter, 1)
        column.addLayout(row)
        column.addWidget(self.note_label)

    def show_listening(self, listening: bool) -> None:
        self.meter.set_listening(listening)

    def show_recording(self, recording: bool) -> None:
        self.rec_label.setVisible(recording)

    @property
    def recording_shown(self) -> bool:
        """Whether "● REC" is showing (``isVisible`` needs a shown window)."""
        return not self.rec_label.isHidden()

    def show_level(self, dbfs: float) -> None:
        self.meter.set_level(dbfs)

    def show_note(self, note: str) -> None:
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))
