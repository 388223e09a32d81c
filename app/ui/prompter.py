"""The teleprompter: paints the script itself from cached per-line QStaticText.

Layout (line breaks, word positions) is computed once per text, font size and width; a frame
only translates and draws the visible lines, so a repaint costs well under a millisecond. The
scroll position comes from outside as a fractional word index (see ``domain.pacing``); this
widget only maps words to pixels, so font size and width never change the timing.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QStaticText,
    QTextLayout,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.domain.script import word_spans

BACKGROUND = QColor("#0f1317")
TEXT = QColor("#f8fafc")
READ_TEXT = QColor("#5b6573")
READING_BAND = QColor(20, 184, 166, 38)
READING_MARK = QColor("#14b8a6")
READING_LINE_FRACTION = 1 / 3
MARGIN_FRACTION = 0.06


def _cursor_x(line: QTextLine, position: int) -> float:
    """x of a character position in a laid-out line (PySide6 returns ``(x, position)``)."""
    result: object = line.cursorToX(position)
    if isinstance(result, tuple):
        return float(result[0])
    return float(result)  # type: ignore[arg-type]


@dataclass(slots=True)
class _Line:
    top: float
    height: float
    first_char: int
    static: QStaticText


@dataclass(slots=True)
class _Layout:
    lines: list[_Line]
    line_of_word: list[int]
    word_x: list[float]  # x of each word's start within its line
    first_word_of_line: dict[int, int]
    words_in_line: dict[int, int]
    bottoms: list[float]
    height: float


class Prompter(QWidget):
    """Large, high-contrast scrolling text with a reading line a third from the top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("prompter")
        self.setAccessibleName("Teleprompter")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(320, 200)
        self._text = ""
        self._font = QFont(self.font())
        self._font.setPixelSize(48)
        self._font.setWeight(QFont.Weight.DemiBold)
        self._mirror = False
        self._position = 0.0
        self._overlay = ""
        self._hint = ""
        self._layout: _Layout | None = None

    # --- what others call -------------------------------------------------------------------
    def set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self._invalidate()

    def set_font_px(self, pixels: int) -> None:
        if pixels != self._font.pixelSize():
            self._font.setPixelSize(pixels)
            self._invalidate()

    def font_px(self) -> int:
        return self._font.pixelSize()

    def set_mirror(self, mirrored: bool) -> None:
        self._mirror = mirrored
        self.update()

    def is_mirrored(self) -> bool:
        return self._mirror

    def set_position(self, words: float) -> None:
        """Put fractional word index ``words`` on the reading line."""
        if words != self._position:
            self._position = words
            self.update()

    def position(self) -> float:
        return self._position

    def set_overlay(self, text: str) -> None:
        """Large centred text (the 3-2-1 lead-in); empty to hide."""
        if text != self._overlay:
            self._overlay = text
            self.update()

    def overlay(self) -> str:
        return self._overlay

    def set_hint(self, text: str) -> None:
        """A quiet line at the bottom ("Press Space to start"); empty to hide."""
        if text != self._hint:
            self._hint = text
            self.update()

    def reading_line_y(self) -> float:
        return self.height() * READING_LINE_FRACTION

    # --- layout -----------------------------------------------------------------------------
    def _invalidate(self) -> None:
        self._layout = None
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        if event.oldSize().width() != event.size().width():
            self._layout = None
        super().resizeEvent(event)

    def _text_width(self) -> float:
        return max(50.0, self.width() * (1 - 2 * MARGIN_FRACTION))

    def _ensure_layout(self) -> _Layout:
        if self._layout is None:
            self._layout = self._build_layout()
        return self._layout

    def _build_layout(self) -> _Layout:
        width = self._text_width()
        spans = word_spans(self._text)
        built = _Layout([], [], [], {}, {}, [], 0.0)
        offset = 0
        word = 0
        for paragraph in self._text.split("\n"):
            word = self._lay_out_paragraph(paragraph, offset, width, spans, word, built)
            offset += len(paragraph) + 1
        built.bottoms = [line.top + line.height for line in built.lines]
        return built

    def _lay_out_paragraph(
        self,
        paragraph: str,
        offset: int,
        width: float,
        spans: list[tuple[int, int]],
        word: int,
        built: _Layout,
    ) -> int:
        """Lay out one paragraph into ``built``; returns the index of the next unplaced word."""
        layout = QTextLayout(paragraph, self._font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        end = offset + len(paragraph)
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            line_height = line.height() * 1.25
            start, length = line.textStart(), line.textLength()
            static = QStaticText(paragraph[start : start + length].rstrip())
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(font=self._font)
            index = len(built.lines)
            built.lines.append(_Line(built.height, line_height, offset + start, static))
            built.height += line_height
            while word < len(spans) and spans[word][0] < min(end, offset + start + length):
                built.line_of_word.append(index)
                built.word_x.append(_cursor_x(line, spans[word][0] - offset))
                built.first_word_of_line.setdefault(index, word)
                built.words_in_line[index] = built.words_in_line.get(index, 0) + 1
                word += 1
        layout.endLayout()
        return word

    # --- painting ---------------------------------------------------------------------------
    def _content_y(self, layout: _Layout) -> tuple[float, int, float]:
        """Content y at the reading line, the current line index and the current word's x."""
        if not layout.line_of_word:
            return 0.0, -1, 0.0
        word = min(len(layout.line_of_word) - 1, max(0, int(self._position)))
        line_index = layout.line_of_word[word]
        line = layout.lines[line_index]
        in_line = (self._position - layout.first_word_of_line[line_index]) / max(
            1, layout.words_in_line[line_index]
        )
        # The line is centred on the reading line half-way through its words.
        progress = max(0.0, min(1.0, in_line)) - 0.5
        return line.top + line.height / 2 + progress * line.height, line_index, layout.word_x[word]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKGROUND)
        if self._mirror:
            painter.translate(self.width(), 0)
            painter.scale(-1, 1)
        layout = self._ensure_layout()
        reading_y = self.reading_line_y()
        self._paint_reading_band(painter, reading_y)
        content_y, current_line, current_x = self._content_y(layout)
        left = self.width() * MARGIN_FRACTION
        shift = reading_y - content_y
        painter.setFont(self._font)
        first = bisect.bisect_right(layout.bottoms, -shift)
        for index in range(first, len(layout.lines)):
            line = layout.lines[index]
            y = line.top + shift + line.height * 0.1  # centre glyphs in the 1.25 line box
            if y > self.height():
                break
            self._paint_line(painter, line, QPointF(left, y), index - current_line, current_x)
        self._paint_overlays(painter)
        painter.end()

    def _paint_line(
        self, painter: QPainter, line: _Line, origin: QPointF, relative: int, read_x: float
    ) -> None:
        if relative < 0 or (relative == 0 and read_x <= 0):
            painter.setPen(READ_TEXT if relative < 0 else TEXT)
            painter.drawStaticText(origin, line.static)
            return
        if relative > 0:
            painter.setPen(TEXT)
            painter.drawStaticText(origin, line.static)
            return
        # The current line: words already passed are dimmed, the rest bright.
        painter.save()
        split_x = origin.x() + read_x
        painter.setClipRect(QRectF(0, origin.y(), split_x, line.height))
        painter.setPen(READ_TEXT)
        painter.drawStaticText(origin, line.static)
        painter.setClipRect(QRectF(split_x, origin.y(), self.width(), line.height))
        painter.setPen(TEXT)
        painter.drawStaticText(origin, line.static)
        painter.restore()

    def _paint_reading_band(self, painter: QPainter, reading_y: float) -> None:
        band = self._font.pixelSize() * 1.25
        painter.fillRect(QRectF(0, reading_y - band / 2, self.width(), band), READING_BAND)
        painter.fillRect(QRectF(0, reading_y - band / 2, 6, band), READING_MARK)

    def _paint_overlays(self, painter: QPainter) -> None:
        if self._mirror:
            painter.resetTransform()
        if self._overlay:
            font = QFont(self._font)
            font.setPixelSize(max(64, self.height() // 3))
            font.setWeight(QFont.Weight.Bold)
            painter.setFont(font)
            painter.setPen(READING_MARK)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._overlay)
        if self._hint:
            font = QFont(self.font())
            font.setPixelSize(16)
            painter.setFont(font)
            metrics = painter.fontMetrics()
            hint = metrics.elidedText(self._hint, Qt.TextElideMode.ElideRight, self.width() - 48)
            pill = QRectF(metrics.boundingRect(hint)).adjusted(-14, -7, 14, 7)
            pill.moveCenter(QPointF(self.width() / 2, self.height() - pill.height() / 2 - 14))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(15, 19, 23, 225))
            painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
            painter.setPen(QColor("#cbd5e1"))
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, hint)
