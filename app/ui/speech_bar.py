"""The replay's position bar: the whole recording, the speech in it, and where playback is.

A painted widget rather than a QSlider: the speech span (first word to last) is drawn on the
track, so the silence before and after the message is visible at a glance. Click or drag to
seek; Left/Right step a second, Home/End jump to the ends.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.domain.countdown import format_seconds

_TRACK_PX = 6.0
_SPAN_PX = 12.0
_HANDLE_PX = 7.0
_STEP_S = 1.0


class SpeechBar(QWidget):
    """Shows ``position_s`` out of ``duration_s`` with the speech span marked."""

    seek_requested = Signal(float)  # seconds from the start of the recording

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._duration_s = 0.0
        self._position_s = 0.0
        self._span: tuple[float, float] | None = None
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click must not take the prompter's keys
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Position in the recording")

    # -- what it shows -------------------------------------------------------------------------
    def set_recording(self, duration_s: float, span: tuple[float, float] | None) -> None:
        """A new recording of ``duration_s`` with speech from ``span[0]`` to ``span[1]``."""
        self._duration_s = max(0.0, duration_s)
        self._span = span
        self._position_s = 0.0
        self._describe()
        self.update()

    def set_position(self, position_s: float) -> None:
        self._position_s = min(max(0.0, position_s), self._duration_s)
        self._describe()
        self.update()

    def position_s(self) -> float:
        return self._position_s

    def span(self) -> tuple[float, float] | None:
        return self._span

    def _describe(self) -> None:
        text = f"{format_seconds(self._position_s)} of {format_seconds(self._duration_s)}"
        if self._span is not None:
            start, end = self._span
            text += f"; speech from {format_seconds(start)} to {format_seconds(end)}"
        self.setAccessibleDescription(text)

    # -- geometry ------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(240, int(_SPAN_PX + 10))

    def minimumSizeHint(self) -> QSize:
        return QSize(80, int(_SPAN_PX + 10))

    def _track(self) -> QRectF:
        margin = _HANDLE_PX
        return QRectF(margin, (self.height() - _TRACK_PX) / 2, self.width() - 2 * margin, _TRACK_PX)

    def x_of(self, seconds: float) -> float:
        """Where ``seconds`` into the recording is drawn (for painting and for tests)."""
        track = self._track()
        if self._duration_s <= 0:
            return track.left()
        return track.left() + track.width() * min(1.0, max(0.0, seconds / self._duration_s))

    def _seconds_at(self, x: float) -> float:
        track = self._track()
        if track.width() <= 0:
            return 0.0
        return self._duration_s * min(1.0, max(0.0, (x - track.left()) / track.width()))

    # -- painting ------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        enabled = self.isEnabled()
        accent = palette.color(QPalette.ColorRole.Highlight)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        track = self._track()
        painter.setBrush(palette.color(QPalette.ColorRole.Mid))
        painter.drawRoundedRect(track, _TRACK_PX / 2, _TRACK_PX / 2)
        if self._span is not None:
            span_colour = QColor(accent)
            span_colour.setAlphaF(0.35 if enabled else 0.2)
            left, right = self.x_of(self._span[0]), self.x_of(self._span[1])
            top = (self.height() - _SPAN_PX) / 2
            painter.setBrush(span_colour)
            painter.drawRoundedRect(QRectF(left, top, max(2.0, right - left), _SPAN_PX), 3, 3)
        if enabled:
            played = QRectF(track)
            played.setRight(self.x_of(self._position_s))
            painter.setBrush(accent)
            painter.drawRoundedRect(played, _TRACK_PX / 2, _TRACK_PX / 2)
            painter.setBrush(palette.color(QPalette.ColorRole.ButtonText))
            centre = QPointF(self.x_of(self._position_s), self.height() / 2)
            painter.drawEllipse(centre, _HANDLE_PX / 2, _HANDLE_PX / 2)
        painter.end()

    # -- seeking -------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._duration_s > 0:
            self._seek(self._seconds_at(event.position().x()))
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton and self._duration_s > 0:
            self._seek(self._seconds_at(event.position().x()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        targets = {
            Qt.Key.Key_Left: self._position_s - _STEP_S,
            Qt.Key.Key_Right: self._position_s + _STEP_S,
            Qt.Key.Key_Home: 0.0,
            Qt.Key.Key_End: self._duration_s,
        }
        target = targets.get(Qt.Key(event.key()))
        if target is None or self._duration_s <= 0:
            super().keyPressEvent(event)
            return
        self._seek(min(max(0.0, target), self._duration_s))

    def _seek(self, seconds: float) -> None:
        self.set_position(seconds)
        self.seek_requested.emit(seconds)
