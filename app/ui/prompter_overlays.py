"""The teleprompter's overlays, and where they go: never over the words being read.

The *reading zone* is where the words being read can be: the current line, which rises
through the reading line as its words are read (so up to a line above it), and the line after
it. The 3-2-1 count-in, the "Space to start…" hint and the "Number — slow and clear" cue are
placed in the free space above that zone, where there is only text already read (or nothing,
before a take), else below it; one that fits in neither is left out, since the countdown above
the prompter says the same.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QStaticText, QTextLayout

from app.ui.prompter_layout import LINE_SPACING, prepared

GAP_PX = 6.0  # between an overlay and the reading zone or the widget's edge
MIN_COUNT_IN_PX = 28  # a smaller count-in is not worth drawing: the countdown shows it too
COUNT_IN_FILL = 0.8  # of the free height the count-in's glyph box may take
NEXT_LINES = 1  # lines below the current one that are "just below the reading line"
PILL = QColor(15, 19, 23, 225)  # behind the hint and the cue
PILL_PADDING = QSizeF(14.0, 7.0)  # inside a pill, on each side
HINT_TEXT = QColor("#cbd5e1")
READING_MARK = QColor("#14b8a6")  # the reading line's edge, and the count-in's digits
ZONE_MARK = QColor("#a78bfa")  # the number zone's edges, and the cue's
ZONE_CUE = "Number — slow and clear"


class Stage(NamedTuple):
    """What the placement depends on: the prompter's size, reading line and text font."""

    width: float
    height: float
    reading_y: float
    font: QFont


@cache
def _line_height(font_description: str) -> float:
    """The height the prompter's layout gives a line of this font (Qt rounds it up)."""
    font = QFont()
    font.fromString(font_description)
    probe = QTextLayout("Xg", font)
    probe.beginLayout()
    line = probe.createLine()
    probe.endLayout()
    return float(line.height()) * LINE_SPACING


def reading_zone(stage: Stage) -> QRectF:
    """The band, across the widget, that the words on and just below the reading line use."""
    line_height = _line_height(stage.font.toString())
    top = stage.reading_y - line_height
    return QRectF(0.0, top, stage.width, line_height * (2 + NEXT_LINES))


def free_areas(stage: Stage) -> tuple[QRectF, QRectF]:
    """The space above the reading zone, then the space below it (either may be empty)."""
    zone = reading_zone(stage)
    above = QRectF(0.0, 0.0, stage.width, max(0.0, zone.top() - GAP_PX))
    below_top = zone.bottom() + GAP_PX
    below = QRectF(0.0, below_top, stage.width, max(0.0, stage.height - below_top))
    return above, below


def place_box(size: QSizeF, areas: tuple[QRectF, ...]) -> QRectF | None:
    """A box of ``size`` centred in the first area it fits in (with a gap), or None."""
    for area in areas:
        if size.width() <= area.width() and size.height() + 2 * GAP_PX <= area.height():
            box = QRectF(QPointF(0.0, 0.0), size)
            box.moveCenter(area.center())
            return box
    return None


def count_in_box(
    areas: tuple[QRectF, ...], glyph_ratio: float, max_px: int
) -> tuple[int, QRectF] | None:
    """The count-in's pixel size and glyph box: as large as the first area that takes at
    least ``MIN_COUNT_IN_PX`` allows (up to ``max_px``). ``glyph_ratio`` is the font's
    line height over its pixel size."""
    for area in areas:
        pixels = min(max_px, int(area.height() * COUNT_IN_FILL / glyph_ratio))
        if pixels >= MIN_COUNT_IN_PX:
            box = QRectF(area.left(), 0.0, area.width(), pixels * glyph_ratio)
            box.moveCenter(area.center())
            return pixels, box
    return None


class Overlays:
    """The count-in, the hint and the number cue: what they say, where they go, painted."""

    def __init__(self, base_font: QFont) -> None:
        self.count_in = ""  # "3", "2", "1" during the lead-in
        self.hint = ""  # "Space to start …" between takes
        self.number_zone = False  # the reading line is in a phone number: the cue shows
        self._hint_font = QFont(base_font)
        self._hint_font.setPixelSize(16)
        cue_font = QFont(base_font)
        cue_font.setPixelSize(16)
        cue_font.setWeight(QFont.Weight.DemiBold)
        self._cue: tuple[QStaticText, QFont] | None = None  # prepared on first use
        self._cue_font = cue_font

    def count_in_rect(self, stage: Stage) -> tuple[QFont, QRectF] | None:
        if not self.count_in:
            return None
        font = QFont(stage.font)
        font.setWeight(QFont.Weight.Bold)
        font.setPixelSize(100)
        glyph_ratio = QFontMetricsF(font).height() / 100
        max_px = max(64, int(stage.height) // 3)
        placed = count_in_box(free_areas(stage), glyph_ratio, max_px)
        if placed is None:
            return None
        font.setPixelSize(placed[0])
        return font, placed[1]

    def hint_rect(self, stage: Stage) -> tuple[str, QRectF] | None:
        if not self.hint:
            return None
        metrics = QFontMetricsF(self._hint_font)
        text = metrics.elidedText(self.hint, Qt.TextElideMode.ElideRight, stage.width - 48)
        size = metrics.boundingRect(text).size() + PILL_PADDING * 2
        box = place_box(size, free_areas(stage))
        return (text, box) if box is not None else None

    def cue_rect(self, stage: Stage) -> QRectF | None:
        """Shown in a number zone, unless the hint or the count-in is up."""
        if not self.number_zone or self.hint or self.count_in:
            return None
        size = self._prepared_cue()[0].size() + PILL_PADDING * 2
        return place_box(size, free_areas(stage))

    def paint(self, painter: QPainter, stage: Stage) -> None:
        count_in = self.count_in_rect(stage)
        if count_in is not None:
            painter.setFont(count_in[0])
            painter.setPen(READING_MARK)
            painter.drawText(count_in[1], Qt.AlignmentFlag.AlignCenter, self.count_in)
        cue_box = self.cue_rect(stage)
        if cue_box is not None:
            cue, font = self._prepared_cue()
            _paint_pill(painter, cue_box, ZONE_MARK)
            painter.setFont(font)
            painter.drawStaticText(cue_box.topLeft() + QPointF(PILL_PADDING.width(),
                                   PILL_PADDING.height()), cue)  # fmt: skip
        hint = self.hint_rect(stage)
        if hint is not None:
            _paint_pill(painter, hint[1], Qt.PenStyle.NoPen)
            painter.setFont(self._hint_font)
            painter.setPen(HINT_TEXT)
            painter.drawText(hint[1], Qt.AlignmentFlag.AlignCenter, hint[0])

    def _prepared_cue(self) -> tuple[QStaticText, QFont]:
        if self._cue is None:  # laid out once, never per frame
            self._cue = prepared(ZONE_CUE, self._cue_font), self._cue_font
        return self._cue


def _paint_pill(painter: QPainter, box: QRectF, pen: QColor | Qt.PenStyle) -> None:
    painter.setPen(pen)
    painter.setBrush(PILL)
    painter.drawRoundedRect(box, box.height() / 2, box.height() / 2)
