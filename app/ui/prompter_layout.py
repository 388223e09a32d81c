"""The teleprompter's text layout: lines as prepared QStaticText, words and numbers placed.

Built once per text, font, width and set of phone numbers; painting a frame only reads it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStaticText, QTextLayout, QTextLine, QTextOption

from app.domain.script import word_spans

LINE_SPACING = 1.25


def cursor_x(line: QTextLine, position: int) -> float:
    """x of a character position in a laid-out line (PySide6 returns ``(x, position)``)."""
    result: object = line.cursorToX(position)
    if isinstance(result, tuple):
        return float(result[0])
    return float(result)  # type: ignore[arg-type]


def prepared(text: str, font: QFont) -> QStaticText:
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    static.prepare(font=font)
    return static


@dataclass(slots=True)
class Line:
    top: float
    height: float
    first_char: int
    static: QStaticText
    underline_y: float = 0.0  # just below the baseline, from the top of the glyph box
    number_marks: tuple[tuple[float, float], ...] = ()  # x ranges of phone numbers


@dataclass(slots=True)
class Layout:
    lines: list[Line] = field(default_factory=list)
    line_of_word: list[int] = field(default_factory=list)
    word_x: list[float] = field(default_factory=list)  # x of each word's start in its line
    first_word_of_line: dict[int, int] = field(default_factory=dict)
    words_in_line: dict[int, int] = field(default_factory=dict)
    bottoms: list[float] = field(default_factory=list)
    height: float = 0.0


def build_layout(
    text: str, font: QFont, width: float, number_spans: list[tuple[int, int]]
) -> Layout:
    """Lay ``text`` out at ``width``; ``number_spans`` (sorted) get marks under them."""
    spans = word_spans(text)
    built = Layout()
    offset = 0
    word = 0
    for paragraph in text.split("\n"):
        word = _lay_out_paragraph(
            paragraph, offset, (font, width), spans, number_spans, word, built
        )
        offset += len(paragraph) + 1
    built.bottoms = [line.top + line.height for line in built.lines]
    return built


def _lay_out_paragraph(
    paragraph: str,
    offset: int,
    font_and_width: tuple[QFont, float],
    spans: list[tuple[int, int]],
    number_spans: list[tuple[int, int]],
    word: int,
    built: Layout,
) -> int:
    """Lay out one paragraph into ``built``; returns the index of the next unplaced word."""
    font, width = font_and_width
    layout = QTextLayout(paragraph, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    end = offset + len(paragraph)
    underline_gap = max(2.0, font.pixelSize() * 0.08)
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        start, length = line.textStart(), line.textLength()
        shown = paragraph[start : start + length].rstrip()
        index = len(built.lines)
        first_char = offset + start
        marks = _number_marks(line, offset, (first_char, first_char + len(shown)), number_spans)
        line_height = line.height() * LINE_SPACING
        static = prepared(shown, font)
        underline_y = line.ascent() + underline_gap
        built.lines.append(Line(built.height, line_height, first_char, static, underline_y, marks))
        built.height += line_height
        while word < len(spans) and spans[word][0] < min(end, offset + start + length):
            built.line_of_word.append(index)
            built.word_x.append(cursor_x(line, spans[word][0] - offset))
            built.first_word_of_line.setdefault(index, word)
            built.words_in_line[index] = built.words_in_line.get(index, 0) + 1
            word += 1
    layout.endLayout()
    return word


def _number_marks(
    line: QTextLine,
    offset: int,
    shown: tuple[int, int],
    number_spans: list[tuple[int, int]],
) -> tuple[tuple[float, float], ...]:
    """x ranges, within ``line``, of the parts of phone numbers in the ``shown`` characters."""
    line_start, line_end = shown
    marks = []
    first = bisect.bisect_right(number_spans, (line_start, line_start)) - 1
    for span_start, span_end in number_spans[max(0, first) :]:
        if span_start >= line_end:
            break
        start, stop = max(span_start, line_start), min(span_end, line_end)
        if start < stop:
            marks.append((cursor_x(line, start - offset), cursor_x(line, stop - offset)))
    return tuple(marks)
