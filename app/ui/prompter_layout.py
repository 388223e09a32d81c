"""The teleprompter's text layout: lines as prepared QStaticText, words and numbers placed.

Built per text, font, width and set of phone numbers; painting a frame only reads it. A short
script is laid out at once. A long one (a megabyte of text, or a million characters on one
line) is laid out as the reading line gets near: ``Layout.extend`` adds lines on demand, so
opening it costs a screenful, not seconds, and a frame during a take adds a line at most.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QStaticText, QTextLayout, QTextLine, QTextOption

from app.domain.script import word_spans
from app.ui.text_positions import to_qt_position, utf16_offsets

LINE_SPACING = 1.25
EAGER_CHARS = 20_000  # up to this much text is laid out in one go, as soon as it is shown
NO_BREAK_SPACE = "\N{NO-BREAK SPACE}"
_BREAKS = " \t\n"
MIN_FIT_PX = 12  # a number is shrunk to fit its line, but stays readable


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
class _OpenParagraph:
    """The paragraph being laid out: its QTextLayout stays open between ``extend`` calls.

    Qt counts positions in UTF-16 units, Python in code points: an emoji is one character
    here and two there, so every position crossing over is converted (``text_positions``).
    """

    layout: QTextLayout
    text: str
    offset: int  # of its first character in the whole text
    spans: list[tuple[int, int]]  # its words, relative to ``offset``
    first_word: int  # the global index of ``spans[0]``
    _astral: list[int] = field(init=False)  # indices of characters outside the BMP
    _astral_qt: list[int] = field(init=False)  # ... and their Qt positions

    def __post_init__(self) -> None:
        self._astral = utf16_offsets(self.text)
        self._astral_qt = [index + count for count, index in enumerate(self._astral)]

    def qt(self, index: int) -> int:
        """The Qt position of character ``index`` of the paragraph."""
        return to_qt_position(index, self._astral)

    def index(self, qt_position: int) -> int:
        """The character index at Qt position ``qt_position`` (a character boundary)."""
        return qt_position - bisect.bisect_left(self._astral_qt, qt_position)


class Layout:
    """The lines of a text laid out so far (all of them once ``complete``)."""

    def __init__(
        self, text: str, font: QFont, width: float, number_spans: list[tuple[int, int]]
    ) -> None:
        self.lines: list[Line] = []
        self.line_of_word: list[int] = []
        self.word_x: list[float] = []  # x of each word's start in its line
        self.first_word_of_line: dict[int, int] = {}
        self.words_in_line: dict[int, int] = {}
        self.bottoms: list[float] = []
        self.height = 0.0
        self._width = width
        self._number_spans = number_spans  # sorted
        # A phone number is read in one go: it is laid out as one unbreakable word (its
        # spaces no-break, same length so every position still holds), and the text is set
        # smaller when even that word is wider than a line.
        joined = join_numbers(text, number_spans)
        self._font = fitted_font(font, width, _unbreakable_runs(joined, number_spans))
        self._paragraphs = joined.split("\n")
        self._spoken = text.split("\n")  # the words are counted in the text as written
        self._next_paragraph = 0
        self._next_offset = 0  # of the next paragraph's first character
        self._open: _OpenParagraph | None = None

    @property
    def font(self) -> QFont:
        """The font the lines are laid out (and must be drawn) in."""
        return self._font

    @property
    def complete(self) -> bool:
        return self._open is None and self._next_paragraph >= len(self._paragraphs)

    def extend(self, *, word: int = -1, bottom: float = 0.0) -> None:
        """Lay out lines until word index ``word`` is placed and the lines reach content y
        ``bottom`` (and at least ``EAGER_CHARS`` of text), or the text ends."""
        while not self.complete and (
            len(self.line_of_word) <= word
            or self.height < bottom
            or self._next_offset < EAGER_CHARS
        ):
            self._add_line()

    def reading_point(self, position: float) -> tuple[float, int, float]:
        """For fractional word index ``position`` on the reading line: the content y there,
        the index of the line it is in and the x of its word (0, -1, 0 with no words)."""
        if not self.line_of_word:
            return 0.0, -1, 0.0
        word = min(len(self.line_of_word) - 1, max(0, int(position)))
        line_index = self.line_of_word[word]
        line = self.lines[line_index]
        in_line = (position - self.first_word_of_line[line_index]) / max(
            1, self.words_in_line[line_index]
        )
        # The line is centred on the reading line half-way through its words.
        progress = max(0.0, min(1.0, in_line)) - 0.5
        return line.top + line.height / 2 + progress * line.height, line_index, self.word_x[word]

    def finish(self) -> None:
        """Lay out the rest of the text."""
        while not self.complete:
            self._add_line()

    def _add_line(self) -> None:
        paragraph = self._open or self._open_paragraph()
        line = paragraph.layout.createLine()
        if not line.isValid():
            paragraph.layout.endLayout()
            self._open = None
            return
        line.setLineWidth(self._width)
        start = paragraph.index(line.textStart())
        end = paragraph.index(line.textStart() + line.textLength())
        shown = paragraph.text[start:end].rstrip()
        index = len(self.lines)
        first_char = paragraph.offset + start
        marks = _number_marks(
            line, paragraph, (first_char, first_char + len(shown)), self._number_spans
        )
        line_height = line.height() * LINE_SPACING
        underline_y = line.ascent() + max(2.0, self._font.pixelSize() * 0.08)
        static = prepared(shown, self._font)
        self.lines.append(Line(self.height, line_height, first_char, static, underline_y, marks))
        self.height += line_height
        self.bottoms.append(self.height)
        spans = paragraph.spans
        word = len(self.line_of_word) - paragraph.first_word
        while word < len(spans) and spans[word][0] < end:
            self.line_of_word.append(index)
            self.word_x.append(cursor_x(line, paragraph.qt(spans[word][0])))
            self.first_word_of_line.setdefault(index, paragraph.first_word + word)
            self.words_in_line[index] = self.words_in_line.get(index, 0) + 1
            word += 1

    def _open_paragraph(self) -> _OpenParagraph:
        text = self._paragraphs[self._next_paragraph]
        layout = QTextLayout(text, self._font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        # Words never cross a line break, so a paragraph's words are its own.
        spoken = word_spans(self._spoken[self._next_paragraph])
        opened = _OpenParagraph(layout, text, self._next_offset, spoken, len(self.line_of_word))
        self._next_paragraph += 1
        self._next_offset += len(text) + 1
        self._open = opened
        return opened


def start_layout(
    text: str, font: QFont, width: float, number_spans: list[tuple[int, int]]
) -> Layout:
    """A layout of ``text`` at ``width`` with no lines yet: ``extend`` lays them out.
    ``number_spans`` (sorted) get marks under them."""
    return Layout(text, font, width, number_spans)


def build_layout(
    text: str, font: QFont, width: float, number_spans: list[tuple[int, int]]
) -> Layout:
    """Lay all of ``text`` out at ``width``; ``number_spans`` (sorted) get marks under them."""
    built = start_layout(text, font, width, number_spans)
    built.finish()
    return built


def _number_marks(
    line: QTextLine,
    paragraph: _OpenParagraph,
    shown: tuple[int, int],
    number_spans: list[tuple[int, int]],
) -> tuple[tuple[float, float], ...]:
    """x ranges, within ``line``, of the parts of phone numbers in the ``shown`` characters."""
    line_start, line_end = shown
    offset = paragraph.offset
    marks = []
    first = bisect.bisect_right(number_spans, (line_start, line_start)) - 1
    for span_start, span_end in number_spans[max(0, first) :]:
        if span_start >= line_end:
            break
        start, stop = max(span_start, line_start), min(span_end, line_end)
        if start < stop:
            start, stop = paragraph.qt(start - offset), paragraph.qt(stop - offset)
            marks.append((cursor_x(line, start), cursor_x(line, stop)))
    return tuple(marks)


def join_numbers(text: str, number_spans: list[tuple[int, int]]) -> str:
    """``text`` with the spaces inside phone numbers made no-break (the length is kept)."""
    parts, last = [], 0
    for start, end in number_spans:
        start = max(start, last)
        parts.append(text[last:start])
        parts.append(text[start:end].replace(" ", NO_BREAK_SPACE).replace("\t", NO_BREAK_SPACE))
        last = max(last, end)
    parts.append(text[last:])
    return "".join(parts)


def fitted_font(font: QFont, width: float, unbreakable: list[str]) -> QFont:
    """``font``, or a smaller copy if one of the ``unbreakable`` runs is wider than ``width``."""
    fitted = QFont(font)
    if not unbreakable or fitted.pixelSize() <= MIN_FIT_PX:
        return fitted

    def widest() -> float:
        metrics = QFontMetricsF(fitted)
        return max(metrics.horizontalAdvance(run) for run in unbreakable)

    while fitted.pixelSize() > MIN_FIT_PX and (wide := widest()) > width:
        smaller = int(fitted.pixelSize() * width / wide)
        fitted.setPixelSize(max(MIN_FIT_PX, min(smaller, fitted.pixelSize() - 1)))
    return fitted


def _unbreakable_runs(joined: str, number_spans: list[tuple[int, int]]) -> list[str]:
    """Each number with what sticks to it ("(555)", "7788."): the run between two breaks."""
    runs = []
    for start, end in number_spans:
        while start > 0 and joined[start - 1] not in _BREAKS:
            start -= 1
        while end < len(joined) and joined[end] not in _BREAKS:
            end += 1
        runs.append(joined[start:end])
    return runs
