"""The window fits the screens people have: 1024×640 at least, nothing cut, nothing jumping."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.ui.history import NOTE_MIN_PX
from app.ui.history_model import Column
from app.ui.workspace import EDIT_TAB, REHEARSE_TAB
from tests.gui.conftest import App, wired_app
from tests.helpers.clock import FakeClock

SIZES = (QSize(1024, 640), QSize(1280, 720), QSize(1920, 1080))


def _space(qtbot: QtBot, app: App) -> None:
    qtbot.keyClick(app.window.prompter, Qt.Key.Key_Space)


def _ready(qtbot: QtBot, app: App) -> None:
    app.window.tabs.setCurrentIndex(REHEARSE_TAB)


def _running(qtbot: QtBot, app: App) -> None:
    _space(qtbot, app)
    app.clock.advance(6.0)  # past the lead-in: the clock runs
    app.rehearsal.tick()


def _stopped(qtbot: QtBot, app: App) -> None:
    app.clock.advance(17.5)
    app.rehearsal.tick()
    with qtbot.waitSignal(app.rehearsal.take_saved):
        _space(qtbot, app)


def _rated(qtbot: QtBot, app: App) -> None:
    qtbot.keyClick(app.window.prompter, Qt.Key.Key_4)  # the longest rating there is
    app.window.outcome_panel.note_edit.setText("slow down at the number, then smile")


def _editing(qtbot: QtBot, app: App) -> None:
    app.window.tabs.setCurrentIndex(EDIT_TAB)


STATES: tuple[tuple[str, Callable[[QtBot, App], None]], ...] = (
    ("ready", _ready),
    ("running", _running),
    ("stopped", _stopped),
    ("rated", _rated),
)


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _clipped_labels(root: QWidget) -> list[str]:
    """Visible one-line labels whose text is wider than the room they have."""
    clipped = []
    for label in root.findChildren(QLabel):
        text = label.text()
        if (
            not label.isVisible()
            or label.wordWrap()
            or not text
            or QtGuiNamespace.mightBeRichText(text)
        ):
            continue
        widest = max(label.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
        room = label.contentsRect().width() - 2 * label.margin() - label.indent() * 0
        if widest > room:
            clipped.append(f"{text!r}: {widest} px in {room} px")
    return clipped


def test_the_window_asks_for_no_more_than_1024_by_640_in_any_state(
    qtbot: QtBot, brevity: App
) -> None:
    window = brevity.main_window
    for name, enter in (*STATES, ("editing", _editing)):
        enter(qtbot, brevity)
        _settle()
        needed = window.minimumSizeHint().expandedTo(window.minimumSize())
        assert needed.width() <= 1024, (name, needed)
        assert needed.height() <= 640, (name, needed)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_no_label_is_cut_and_the_divider_stays_put(qtbot: QtBot, brevity: App, size: QSize) -> None:
    window = brevity.main_window
    window.resize(size)
    _settle()
    assert window.size() == size
    dividers = {}
    prompter_tops = {}
    for name, enter in STATES:
        enter(qtbot, brevity)
        _settle()
        assert _clipped_labels(window) == [], name
        dividers[name] = brevity.window.splitter.sizes()
        prompter_tops[name] = brevity.window.prompter.geometry()
    assert len(set(map(tuple, dividers.values()))) == 1, dividers
    assert len(set(map(str, prompter_tops.values()))) == 1, prompter_tops
    _editing(qtbot, brevity)
    _settle()
    assert _clipped_labels(window) == [], "editing"


def test_the_note_field_has_room_for_what_is_typed(qtbot: QtBot, brevity: App) -> None:
    brevity.main_window.resize(1024, 640)
    _running(qtbot, brevity)
    _stopped(qtbot, brevity)
    _settle()
    note = brevity.window.outcome_panel.note_edit
    assert note.width() >= note.fontMetrics().averageCharWidth() * 24


def test_the_microphone_note_has_its_line_from_the_start(qtbot: QtBot, brevity: App) -> None:
    brevity.main_window.resize(1024, 640)
    _settle()
    prompter = brevity.window.prompter
    before = prompter.geometry()

    brevity.rehearsal.recording_note.emit("No microphone found — the take is timed, not recorded")
    _settle()

    assert brevity.window.rehearse_page.voice_strip.note_label.isVisible()
    assert prompter.geometry() == before
    brevity.rehearsal.recording_note.emit("")
    _settle()
    assert prompter.geometry() == before


@pytest.mark.parametrize("size", [*SIZES, QSize(1440, 900)], ids=lambda s: f"{s.width()}")
def test_the_history_shows_outcome_and_note_without_scrolling(
    qtbot: QtBot, brevity: App, size: QSize
) -> None:
    brevity.main_window.resize(size)
    for _ in range(14):  # more than the table shows: its scroll bar takes room too
        _running(qtbot, brevity)
        _stopped(qtbot, brevity)
        _rated(qtbot, brevity)
    progress = brevity.window.progress
    # As if the takes were recorded: the Spoken column and the longest figures show.
    voiced = [replace(a, spoken_s=a.duration_s - 1.3) for a in progress.attempts()]
    progress.show_attempts(voiced, 30.0, {brevity.script.id: brevity.script.name}, {})
    _settle()
    table = progress.history.table
    room = table.viewport().width()
    assert size.width() < 1280 or not table.isColumnHidden(Column.SPOKEN)

    outcome_end = table.columnViewportPosition(Column.OUTCOME) + table.columnWidth(Column.OUTCOME)
    assert outcome_end <= room
    # At 1024 px every panel is at its minimum: the note keeps a sliver (its tooltip has it).
    note_px = 16 if size.width() < 1280 else NOTE_MIN_PX
    assert table.columnViewportPosition(Column.NOTE) + note_px <= room
    assert table.horizontalScrollBar().maximum() == 0
    assert not table.isColumnHidden(Column.WHEN)
    assert not table.isColumnHidden(Column.LENGTH)


def test_the_dividers_are_remembered(qtbot: QtBot, tmp_path: Path, clock: FakeClock) -> None:
    with wired_app(qtbot, tmp_path, clock) as first:
        first.window.splitter.setSizes([220, 600, 460])
        first.window.progress.splitter.setSizes([150, 400])
        sizes = first.window.splitter.sizes(), first.window.progress.splitter.sizes()
    with wired_app(qtbot, tmp_path, clock) as second:  # the same settings file
        assert second.window.splitter.sizes() == sizes[0]
        assert second.window.progress.splitter.sizes() == sizes[1]
