"""The teleprompter: paints the script itself from cached per-line QStaticText.

Layout (line breaks, word positions) is computed once per text, font size and width (a long
text as the reading line gets near it, see ``prompter_layout``); a frame only translates and
draws the visible lines, so a repaint costs well under a millisecond. The
scroll position comes from outside as a fractional word index (see ``domain.pacing``); this
widget only maps words to pixels, so font size and width never change the timing.

Phone numbers are marked in the text (a quiet violet underline, laid out with the lines) so the
reader sees them coming; while the reading line is in a number zone (see
``domain.number_zone``) the band turns violet, a "123" badge sits at its edge and a cue says
"Number — slow and clear". Violet is told apart from the usual teal in every common kind of
colour blindness, and the badge and cue do not rely on colour at all. The cue, the 3-2-1
count-in and the hint never cover the words on and just below the reading line (see
``prompter_overlays``).
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QResizeEvent, QStaticText
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.ui.prompter_layout import LINE_SPACING, Layout, Line, prepared, start_layout
from app.ui.prompter_overlays import (
    NEXT_LINES,
    READING_MARK,
    ZONE_MARK,
    Overlays,
    Stage,
    reading_zone,
)

BACKGROUND = QColor("#0f1317")
TEXT = QColor("#f8fafc")
READ_TEXT = QColor("#5b6573")
READING_BAND = QColor(20, 184, 166, 38)
ZONE_BAND = QColor(167, 139, 250, 56)  # violet: not the countdown's amber, not the teal
NUMBER_UNDERLINE = QColor(167, 139, 250, 150)
NUMBER_UNDERLINE_READ = QColor(167, 139, 250, 60)
ZONE_BADGE = "123"
READING_LINE_FRACTION = 1 / 3
MARGIN_FRACTION = 0.06


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
        self._overlays = Overlays(self.font())  # count-in, hint, number cue
        self._layout: Layout | None = None
        self._number_spans: list[tuple[int, int]] = []
        # Prepared once (the badge once per font size): never laid out per frame.
        self._badge: tuple[QStaticText, QFont] | None = None  # "123" at the band's edge

    # --- what others call -------------------------------------------------------------------
    def set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self._invalidate()

    def text(self) -> str:
        return self._text

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

    def lines_left(self) -> int:
        """How many lines of text follow the one on the reading line (as laid out now)."""
        layout = self._ensure_layout()
        layout.finish()
        if not layout.line_of_word:
            return 0
        word = min(len(layout.line_of_word) - 1, max(0, int(self._position)))
        return layout.line_of_word[-1] - layout.line_of_word[word]

    def set_number_spans(self, spans: list[tuple[int, int]]) -> None:
        """Character spans ``[start, end)`` of the phone numbers to mark in the text."""
        spans = sorted(spans)
        if spans != self._number_spans:
            self._number_spans = spans
            self._invalidate()

    def number_spans(self) -> list[tuple[int, int]]:
        return list(self._number_spans)

    def set_number_zone(self, active: bool) -> None:
        """Whether the reading line is in a number zone: the band turns violet."""
        if active != self._overlays.number_zone:
            self._overlays.number_zone = active
            self.update()

    def in_number_zone(self) -> bool:
        return self._overlays.number_zone

    def reading_band_colour(self) -> QColor:
        return ZONE_BAND if self._overlays.number_zone else READING_BAND

    def set_overlay(self, text: str) -> None:
        """Large text clear of the reading line (the 3-2-1 lead-in); empty to hide."""
        if text != self._overlays.count_in:
            self._overlays.count_in = text
            self.update()

    def overlay(self) -> str:
        return self._overlays.count_in

    def set_hint(self, text: str) -> None:
        """A quiet line clear of the reading line ("Space to start"); empty to hide."""
        if text != self._overlays.hint:
            self._overlays.hint = text
            self.update()

    def hint(self) -> str:
        return self._overlays.hint

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

    def _ensure_layout(self) -> Layout:
        if self._layout is None:
            width = self._text_width()
            self._layout = start_layout(self._text, self._font, width, self._number_spans)
            badge_font = QFont(self._font)
            badge_font.setPixelSize(max(10, round(self._font.pixelSize() * 0.3)))
            badge_font.setWeight(QFont.Weight.Bold)
            self._badge = prepared(ZONE_BADGE, badge_font), badge_font
        return self._layout

    # --- painting ---------------------------------------------------------------------------
    def _content_y(self, layout: Layout) -> tuple[float, int, float]:
        """Content y at the reading line, the current line index and the current word's x."""
        return layout.reading_point(self._position)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKGROUND)
        if self._mirror:
            painter.translate(self.width(), 0)
            painter.scale(-1, 1)
        layout = self._ensure_layout()
        layout.extend(word=int(self._position))  # a long text is laid out as it is read
        reading_y = self.reading_line_y()
        self._paint_reading_band(painter, reading_y)
        if self._overlays.number_zone:
            self._paint_zone_badge(painter, reading_y)
        content_y, current_line, current_x = self._content_y(layout)
        left = self.width() * MARGIN_FRACTION
        shift = reading_y - content_y
        layout.extend(bottom=2 * self.height() - shift)  # what shows, and a screen ahead
        painter.setFont(layout.font)  # smaller than ours if a number had to fit a line
        first = bisect.bisect_right(layout.bottoms, -shift)
        for index in range(first, len(layout.lines)):
            line = layout.lines[index]
            y = line.top + shift + line.height * 0.1  # centre glyphs in the 1.25 line box
            if y > self.height():
                break
            relative = index - current_line
            if line.number_marks:
                self._paint_number_marks(painter, line, QPointF(left, y), relative < 0)
            self._paint_line(painter, line, QPointF(left, y), relative, current_x)
        self._paint_overlays(painter)
        painter.end()

    def _paint_line(
        self, painter: QPainter, line: Line, origin: QPointF, relative: int, read_x: float
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
        band = self._font.pixelSize() * LINE_SPACING
        top = reading_y - band / 2
        painter.fillRect(QRectF(0, top, self.width(), band), self.reading_band_colour())
        if self._overlays.number_zone:  # a wider edge too: the change is not only a colour
            painter.fillRect(QRectF(0, top, 10, band), ZONE_MARK)
            painter.fillRect(QRectF(self.width() - 10, top, 10, band), ZONE_MARK)
        else:
            painter.fillRect(QRectF(0, top, 6, band), READING_MARK)

    def _paint_zone_badge(self, painter: QPainter, reading_y: float) -> None:
        """Draw "123" in the left margin, on the band, when it fits there."""
        if self._badge is None:
            return
        badge, font = self._badge
        size = badge.size()
        margin = self.width() * MARGIN_FRACTION
        if size.width() + 16 > margin:
            return
        x = 10 + (margin - 10 - size.width()) / 2
        painter.setPen(ZONE_MARK)
        painter.setFont(font)
        painter.drawStaticText(QPointF(x, reading_y - size.height() / 2), badge)

    def _paint_number_marks(
        self, painter: QPainter, line: Line, origin: QPointF, read: bool
    ) -> None:
        thickness = max(2.0, self._font.pixelSize() / 16)
        colour = NUMBER_UNDERLINE_READ if read else NUMBER_UNDERLINE
        y = origin.y() + line.underline_y
        for start_x, end_x in line.number_marks:
            painter.fillRect(QRectF(origin.x() + start_x, y, end_x - start_x, thickness), colour)

    def _paint_overlays(self, painter: QPainter) -> None:
        if self._mirror:
            painter.resetTransform()  # the overlays read the right way round
        self._overlays.paint(painter, self._stage())

    # --- where the overlays go (see ``prompter_overlays``) ----------------------------------
    def _stage(self) -> Stage:
        return Stage(self.width(), self.height(), self.reading_line_y(), self._font)

    def reading_zone_rect(self) -> QRectF:
        """Where the words on and just below the reading line are: no overlay goes there."""
        return reading_zone(self._stage())

    def reading_lines_rect(self) -> QRectF:
        """Where the current line and the next are drawn now (empty without words)."""
        layout = self._ensure_layout()
        layout.extend(word=int(self._position))
        content_y, current, _ = layout.reading_point(self._position)
        if current < 0:
            return QRectF()
        layout.extend(bottom=content_y + self.height())  # the next line too
        lines = layout.lines[current : current + 1 + NEXT_LINES]
        top = lines[0].top + self.reading_line_y() - content_y
        return QRectF(0, top, self.width(), lines[-1].top + lines[-1].height - lines[0].top)

    def overlay_rect(self) -> QRectF | None:
        """The count-in's glyph box; None when there is none, or no room for it."""
        placed = self._overlays.count_in_rect(self._stage())
        return placed[1] if placed else None

    def hint_rect(self) -> QRectF | None:
        """The hint's pill; None when there is no hint, or no room for it."""
        placed = self._overlays.hint_rect(self._stage())
        return placed[1] if placed else None

    def cue_rect(self) -> QRectF | None:
        """The number cue's pill; None when it is not shown, or there is no room for it."""
        return self._overlays.cue_rect(self._stage())
