"""Nothing is drawn over the words on and just below the reading line: the 3-2-1 count-in,
the "Space to start…" hint and the "Number — slow and clear" cue go where there is room."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from app.domain.script import words
from app.ui.prompter import Prompter
from app.ui.rehearse_page import READY_HINT
from tests.gui.conftest import VOICEMAIL, App

TEXT = " ".join([VOICEMAIL] * 3)
# The smallest prompter, the one in a 1024×640 window, a tall one and a full screen's.
SIZES = [(320, 200), (500, 418), (900, 850), (1880, 1000)]
FONTS_PX = [32, 48, 96]


def _prompter(qtbot: QtBot, size: tuple[int, int], font_px: int) -> Prompter:
    prompter = Prompter()
    qtbot.addWidget(prompter)
    prompter.resize(*size)
    prompter.set_font_px(font_px)
    prompter.set_text(TEXT)
    return prompter


def _picture(prompter: Prompter) -> QImage:
    return prompter.grab().toImage()


def _zone_pixels(prompter: Prompter, image: QImage) -> QImage:
    zone = prompter.reading_zone_rect().toAlignedRect() & QRect(0, 0, image.width(), 10**6)
    return image.copy(zone)


def _show(prompter: Prompter, overlay: str) -> None:
    if overlay == "count-in":
        prompter.set_overlay("3")
    elif overlay == "hint":
        prompter.set_hint(READY_HINT)
    else:
        prompter.set_number_zone(True)


def _shown_rect(prompter: Prompter, overlay: str) -> QRectF | None:
    if overlay == "count-in":
        return prompter.overlay_rect()
    return prompter.hint_rect() if overlay == "hint" else prompter.cue_rect()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("font_px", FONTS_PX)
def test_the_reading_zone_holds_the_line_being_read_and_the_next(
    qtbot: QtBot, size: tuple[int, int], font_px: int
) -> None:
    prompter = _prompter(qtbot, size, font_px)
    zone = prompter.reading_zone_rect()
    for tenth in range(0, 10 * len(words(TEXT)), 7):
        prompter.set_position(tenth / 10)
        lines = prompter.reading_lines_rect()
        assert zone.top() <= lines.top() + 0.5 and lines.bottom() <= zone.bottom() + 0.5, (
            tenth / 10,
            lines,
            zone,
        )


@pytest.mark.parametrize("overlay", ["count-in", "hint", "cue"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("font_px", FONTS_PX)
def test_no_overlay_paints_over_the_reading_zone(
    qtbot: QtBot, size: tuple[int, int], font_px: int, overlay: str
) -> None:
    prompter = _prompter(qtbot, size, font_px)
    if overlay == "cue":
        prompter.set_number_zone(True)  # the band changes colour: compare like with like
        bare = _picture(prompter)
        prompter.set_hint(READY_HINT)  # the cue yields to the hint ...
        assert prompter.cue_rect() is None
        prompter.set_hint("")  # ... and shows once the hint goes
    else:
        bare = _picture(prompter)
        _show(prompter, overlay)
    shown = _picture(prompter)

    assert _zone_pixels(prompter, shown) == _zone_pixels(prompter, bare)
    box = _shown_rect(prompter, overlay)
    if box is not None:
        assert not box.intersects(prompter.reading_zone_rect())
        assert QRectF(prompter.rect()).contains(box)


@pytest.mark.parametrize("overlay", ["count-in", "hint", "cue"])
@pytest.mark.parametrize("size", SIZES[1:], ids=lambda s: f"{s[0]}x{s[1]}")
def test_with_room_for_it_each_overlay_shows(
    qtbot: QtBot, size: tuple[int, int], overlay: str
) -> None:
    prompter = _prompter(qtbot, size, 48)
    prompter.set_number_zone(overlay == "cue")
    bare = _picture(prompter)
    _show(prompter, overlay)
    box = _shown_rect(prompter, overlay)
    assert box is not None
    assert box.bottom() < prompter.reading_zone_rect().top()  # above: over no unread word
    if overlay != "cue":  # (the cue is drawn whenever the band is violet)
        assert _picture(prompter) != bare


def test_a_take_counts_in_and_marks_the_number_clear_of_the_words(
    qtbot: QtBot, brevity: App
) -> None:
    brevity.preferences.lead_in_s = 3
    prompter = brevity.window.prompter
    assert prompter.hint() and prompter.hint_rect() is not None
    assert not prompter.hint_rect().intersects(prompter.reading_lines_rect())
    qtbot.keyClick(prompter, Qt.Key.Key_Space)
    brevity.clock.advance(0.5)
    brevity.rehearsal.tick()
    assert prompter.overlay() == "3"
    count_in = prompter.overlay_rect()
    assert count_in is not None and not count_in.intersects(prompter.reading_lines_rect())
    while not prompter.in_number_zone():
        brevity.clock.advance(0.1)
        brevity.rehearsal.tick()
    cue = prompter.cue_rect()
    assert cue is not None and not cue.intersects(prompter.reading_lines_rect())
