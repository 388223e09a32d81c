"""After a take the keys do what the screen says: the note, Space again, 1-4, P and Ctrl+R."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.domain.attempt import Attempt, Outcome
from app.domain.countdown import Phase
from app.ui.rehearse_page import RATE_HINT
from tests.gui.conftest import App


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _take(qtbot: QtBot, app: App, seconds: float) -> Attempt:
    """Space, ``seconds`` on the fake clock, Space: one saved take."""
    qtbot.keyClick(app.window.prompter, Qt.Key.Key_Space)
    app.clock.advance(seconds)
    with qtbot.waitSignal(app.rehearsal.take_saved) as saved:
        qtbot.keyClick(app.window.prompter, Qt.Key.Key_Space)
    attempt = saved.args[0]
    assert isinstance(attempt, Attempt)
    return attempt


def test_enter_in_the_note_saves_it_and_space_then_starts_the_next_take(
    qtbot: QtBot, brevity: App
) -> None:
    window = brevity.window
    attempt = _take(qtbot, brevity, 24.0)
    qtbot.keyClick(window.prompter, Qt.Key.Key_N)  # "Add a note"
    assert _focus() is window.outcome_panel.note_edit
    qtbot.keyClicks(_focus(), "slow down at the number")

    qtbot.keyClick(_focus(), Qt.Key.Key_Return)

    assert brevity.repository.get_attempt(attempt.id).note == "slow down at the number"
    assert _focus() is window.prompter
    qtbot.keyClick(_focus(), Qt.Key.Key_Space)
    assert brevity.rehearsal.running
    assert window.outcome_panel.note_edit.text() == "slow down at the number"


def test_escape_in_the_note_gives_the_keys_back_to_the_prompter(qtbot: QtBot, brevity: App) -> None:
    window = brevity.window
    attempt = _take(qtbot, brevity, 24.0)
    qtbot.mouseClick(window.outcome_panel.note_edit, Qt.MouseButton.LeftButton)
    window.outcome_panel.note_edit.setFocus()
    qtbot.keyClicks(window.outcome_panel.note_edit, "breathe")

    qtbot.keyClick(window.outcome_panel.note_edit, Qt.Key.Key_Escape)

    assert _focus() is window.prompter
    assert brevity.repository.get_attempt(attempt.id).note == "breathe"
    qtbot.keyClick(_focus(), Qt.Key.Key_2)
    assert brevity.repository.get_attempt(attempt.id).outcome is Outcome.GOOD


def test_tab_reaches_every_rating_button_and_the_note(qtbot: QtBot, brevity: App) -> None:
    panel = brevity.window.outcome_panel
    _take(qtbot, brevity, 24.0)
    qtbot.keyClick(brevity.window.prompter, Qt.Key.Key_3)  # one button checked, as in use
    buttons = list(panel.buttons.values())
    buttons[0].setFocus(Qt.FocusReason.TabFocusReason)

    reached = [_focus()]
    for _ in range(len(buttons) + 1):
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
        reached.append(_focus())

    assert reached[: len(buttons)] == buttons
    assert panel.note_edit in reached
    assert panel.play_button in reached or not panel.play_button.isEnabled()


def test_after_a_take_the_new_take_is_selected_so_p_plays_it(qtbot: QtBot, brevity: App) -> None:
    progress = brevity.window.progress
    first = _take(qtbot, brevity, 24.0)
    progress.history.select_attempt(first.id)

    second = _take(qtbot, brevity, 26.0)

    assert progress.history.selected_attempt_id() == second.id
    assert progress.player.attempt is not None
    assert progress.player.attempt.id == second.id


def test_the_result_bar_plays_the_take_just_made(qtbot: QtBot, brevity: App) -> None:
    window = brevity.window
    first = _take(qtbot, brevity, 24.0)
    second = _take(qtbot, brevity, 26.0)
    window.progress.history.select_attempt(first.id)  # looked at an older one since
    requested: list[int] = []
    window.outcome_panel.play_requested.connect(requested.append)
    window.outcome_panel.play_button.setEnabled(True)  # no recording here: the wiring only

    qtbot.mouseClick(window.outcome_panel.play_button, Qt.MouseButton.LeftButton)

    assert requested == [second.id]
    assert window.progress.history.selected_attempt_id() == second.id
    assert window.progress.player.attempt is not None
    assert window.progress.player.attempt.id == second.id


def test_ctrl_r_back_to_the_prompter_keeps_the_header_with_the_take_being_rated(
    qtbot: QtBot, brevity: App
) -> None:
    window = brevity.window
    attempt = _take(qtbot, brevity, 24.0)
    qtbot.keyClick(window.prompter, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)

    qtbot.keyClick(_focus(), Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)

    # The rating bar below is the last take's: the header above says so too, not "Ready".
    assert window.outcome_panel.isVisible()
    assert window.countdown_view.phase_label.text() == Phase.STOPPED.label
    assert window.countdown_view.time_label.text() == "24.0 s"
    assert window.prompter.hint() == RATE_HINT
    qtbot.keyClick(_focus(), Qt.Key.Key_1)
    assert brevity.repository.get_attempt(attempt.id).outcome is Outcome.NAILED
