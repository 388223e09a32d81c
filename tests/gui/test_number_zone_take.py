"""The phone number as a slow "number zone" in the teleprompter, driven by the fake clock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.script import words
from app.ui.actions import ActionId
from app.ui.dialogs import PreferencesDialog
from app.ui.prompter import READING_BAND, ZONE_BAND
from tests.gui.conftest import VOICEMAIL, App

# The fixture's voicemail: 28 written words, two of them "555-201-7788" (10 digits each).
# At half pace each number costs 20 normal words: 26 + 40 = 66, so 65 gaps in 30 s.
FITTED_WPM = 65 * 60 / 30
FIRST_NUMBER = words(VOICEMAIL).index("555-201-7788,")


def _at(brevity: App, elapsed_s: float) -> None:
    """Move the fake clock to ``elapsed_s`` into the take and let the controller tick."""
    frame = brevity.rehearsal.current_frame()
    assert frame is not None
    brevity.clock.advance(elapsed_s - frame.reading.elapsed_s)
    brevity.rehearsal.tick()


def _space(qtbot: QtBot, brevity: App) -> None:
    qtbot.keyClick(brevity.window.prompter, Qt.Key.Key_Space)


def test_the_fitted_pace_counts_the_numbers_digit_by_digit(brevity: App) -> None:
    wpm, fitted = brevity.rehearsal.pace_for(VOICEMAIL)
    assert fitted
    assert wpm == pytest.approx(FITTED_WPM)
    assert brevity.window.countdown_view.pace_label.text().startswith(f"{FITTED_WPM:.0f} wpm")


def test_the_reading_line_changes_colour_while_the_number_passes(
    qtbot: QtBot, brevity: App
) -> None:
    prompter = brevity.window.prompter
    seconds_per_word = 60 / FITTED_WPM
    arrives = FIRST_NUMBER * seconds_per_word
    leaves = arrives + 20 * seconds_per_word  # ten digits, each twice a normal word
    _space(qtbot, brevity)
    _at(brevity, arrives - 0.05)
    assert not prompter.in_number_zone()
    assert prompter.reading_band_colour() == READING_BAND
    _at(brevity, arrives + 0.05)
    assert prompter.in_number_zone()
    assert prompter.reading_band_colour() == ZONE_BAND
    assert int(prompter.position()) == FIRST_NUMBER
    _at(brevity, leaves - 0.05)
    assert prompter.in_number_zone()
    assert int(prompter.position()) == FIRST_NUMBER  # the number is still being read
    _at(brevity, leaves + 0.05)
    assert not prompter.in_number_zone()
    assert int(prompter.position()) == FIRST_NUMBER + 1


def test_the_number_at_the_end_is_finished_at_the_target(qtbot: QtBot, brevity: App) -> None:
    prompter = brevity.window.prompter
    _space(qtbot, brevity)
    # The last number arrives 19 words early: it ends when a plain last word would.
    _at(brevity, 30.0 - 19 * 60 / FITTED_WPM + 0.05)
    assert prompter.in_number_zone()
    assert int(prompter.position()) == len(words(VOICEMAIL)) - 1
    with qtbot.waitSignal(brevity.rehearsal.take_saved):
        _space(qtbot, brevity)
    (attempt,) = brevity.repository.list_attempts(brevity.script.id)
    assert attempt.reached_end
    assert not prompter.in_number_zone()  # a saved take leaves the band as usual


def test_the_numbers_are_marked_in_the_text_at_rest(brevity: App) -> None:
    prompter = brevity.window.prompter
    start = VOICEMAIL.index("555")
    assert (start, start + len("555-201-7788")) in prompter.number_spans()
    prompter.grab()  # lays out and paints the marks
    layout = prompter._layout
    assert layout is not None
    assert sum(len(line.number_marks) for line in layout.lines) >= 2


def test_the_preference_changes_the_fitted_pace(qtbot: QtBot, brevity: App) -> None:
    def choose_full_pace() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PreferencesDialog)
        assert dialog.number_pace_spin.value() == 50
        dialog.number_pace_spin.setValue(100)
        dialog.accept()

    QTimer.singleShot(0, choose_full_pace)
    brevity.window.actions_[ActionId.PREFERENCES].trigger()
    assert brevity.preferences.number_pace == 1.0
    # At full pace a number is ten plain words: 26 + 20 = 46 words, 45 gaps in 30 s.
    assert brevity.rehearsal.pace_for(VOICEMAIL)[0] == pytest.approx(45 * 60 / 30)
    assert brevity.window.countdown_view.pace_label.text().startswith("90 wpm")
    # ... and there is no zone to mark or slow down for.
    assert brevity.window.prompter.number_spans() == []
    brevity.main_window.activateWindow()  # the offscreen platform has no window manager
    qtbot.waitUntil(lambda: QApplication.activeWindow() is brevity.main_window)
    _space(qtbot, brevity)
    _at(brevity, FIRST_NUMBER * 60 / 90 + 0.5)
    assert int(brevity.window.prompter.position()) == FIRST_NUMBER
    assert not brevity.window.prompter.in_number_zone()


def test_the_region_reads_numbers_as_written_there(brevity: App) -> None:
    with_uk_number = "Call me on 020 7946 0018 please, thanks."
    assert brevity.rehearsal.spoken_words(with_uk_number).total == pytest.approx(8)
    brevity.rehearsal.set_region("GB")
    assert brevity.rehearsal.spoken_words(with_uk_number).total == pytest.approx(5 + 22)
