"""A phone number on the prompter is never broken across lines, however narrow it is."""

from __future__ import annotations

import bisect

import pytest
from PySide6.QtGui import QFont, QFontMetricsF
from pytestqt.qtbot import QtBot

from app.ui.prompter_layout import Layout, build_layout

TEXT = (
    "Hi Jordan, it's Alex Rivera at 555-201-7788, or on my mobile at +44 20 7946 0018, "
    "calling for your advice. Again, Alex Rivera, 555-201-7788."
)
NUMBERS = ("555-201-7788", "+44 20 7946 0018")


def _spans() -> list[tuple[int, int]]:
    spans = []
    for number in NUMBERS:
        start = TEXT.find(number)
        while start != -1:
            spans.append((start, start + len(number)))
            start = TEXT.find(number, start + 1)
    return sorted(spans)


def _line_of(layout: Layout, position: int) -> int:
    return bisect.bisect_right([line.first_char for line in layout.lines], position) - 1


def _font(pixels: int) -> QFont:
    font = QFont()
    font.setPixelSize(pixels)
    font.setWeight(QFont.Weight.DemiBold)
    return font


@pytest.mark.parametrize("pixels", [48, 72, 96])
@pytest.mark.parametrize("width", [240.0, 330.0, 420.0, 480.0, 900.0])
def test_each_number_is_on_one_line(qtbot: QtBot, pixels: int, width: float) -> None:
    layout = build_layout(TEXT, _font(pixels), width, _spans())

    for start, end in _spans():
        assert _line_of(layout, start) == _line_of(layout, end - 1), (TEXT[start:end], width)
        line = layout.lines[_line_of(layout, start)]
        assert line.static.size().width() <= width + 1  # and it is not cut at the edge either


def test_the_text_shrinks_only_when_a_number_would_not_fit(qtbot: QtBot) -> None:
    roomy = build_layout(TEXT, _font(48), 900.0, _spans())
    narrow = build_layout(TEXT, _font(96), 300.0, _spans())

    assert roomy.font.pixelSize() == 48
    widest = QFontMetricsF(narrow.font).horizontalAdvance("+44\u00a020\u00a07946\u00a00018,")
    assert narrow.font.pixelSize() < 96
    assert widest <= 300.0


def test_the_words_are_still_the_words(qtbot: QtBot) -> None:
    layout = build_layout(TEXT, _font(48), 330.0, _spans())

    assert len(layout.line_of_word) == len(TEXT.split())
