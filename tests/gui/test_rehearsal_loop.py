"""The core loop, driven from the keyboard like a user would: Space, Space, 1-4, Esc."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.attempt import Outcome
from app.domain.countdown import Phase
from app.ui.workspace import EDIT_TAB, REHEARSE_TAB
from tests.gui.conftest import App
from tests.helpers.editing import type_at_end


def _space(qtbot: QtBot, app: App) -> None:
    qtbot.keyClick(app.window.prompter, Qt.Key.Key_Space)


def _chart_points(app: App) -> int:
    chart = app.window.progress.chart
    assert chart is not None
    return sum(len(points) for points in chart.series().values())


def test_space_space_saves_one_attempt_of_the_right_length(qtbot: QtBot, brevity: App) -> None:
    assert _chart_points(brevity) == 0
    _space(qtbot, brevity)
    assert brevity.rehearsal.running
    brevity.clock.advance(27.4)
    brevity.rehearsal.tick()
    assert brevity.window.countdown_view.time_label.text() == "3 s"
    with qtbot.waitSignal(brevity.rehearsal.take_saved):
        _space(qtbot, brevity)
    attempts = brevity.repository.list_attempts(brevity.script.id)
    assert len(attempts) == 1
    assert attempts[0].duration_s == pytest.approx(27.4)
    assert attempts[0].target_s == 30.0
    assert attempts[0].outcome is Outcome.UNRATED
    assert not brevity.rehearsal.running
    assert _chart_points(brevity) == 1
    assert brevity.window.outcome_panel.isVisible()


def test_outcome_keys_rate_the_saved_take(qtbot: QtBot, brevity: App) -> None:
    _space(qtbot, brevity)
    brevity.clock.advance(31.0)
    _space(qtbot, brevity)
    for key, outcome in ((Qt.Key.Key_3, Outcome.STUMBLED), (Qt.Key.Key_1, Outcome.NAILED)):
        qtbot.keyClick(brevity.window.prompter, key)
        (attempt,) = brevity.repository.list_attempts(brevity.script.id)
        assert attempt.outcome is outcome
    assert brevity.window.outcome_panel.buttons[Outcome.NAILED].isChecked()


def test_space_after_a_take_starts_the_next_one_at_once(qtbot: QtBot, brevity: App) -> None:
    _space(qtbot, brevity)
    brevity.clock.advance(20.0)
    _space(qtbot, brevity)
    qtbot.keyClick(brevity.window.prompter, Qt.Key.Key_2)
    _space(qtbot, brevity)
    assert brevity.rehearsal.running
    brevity.clock.advance(25.0)
    _space(qtbot, brevity)
    durations = [a.duration_s for a in brevity.repository.list_attempts(brevity.script.id)]
    assert durations == pytest.approx([20.0, 25.0])


def test_escape_saves_the_take_as_abandoned(qtbot: QtBot, brevity: App) -> None:
    _space(qtbot, brevity)
    brevity.clock.advance(8.0)
    qtbot.keyClick(brevity.window.prompter, Qt.Key.Key_Escape)
    (attempt,) = brevity.repository.list_attempts(brevity.script.id)
    assert attempt.outcome is Outcome.ABANDONED
    assert attempt.duration_s == pytest.approx(8.0)
    assert not attempt.reached_end
    # An abandoned take cannot be re-rated with the number keys.
    qtbot.keyClick(brevity.window.prompter, Qt.Key.Key_1)
    assert brevity.repository.get_attempt(attempt.id).outcome is Outcome.ABANDONED


def test_typing_a_space_in_the_editor_starts_nothing(qtbot: QtBot, brevity: App) -> None:
    window = brevity.window
    with qtbot.assertNotEmitted(brevity.rehearsal.take_started):
        type_at_end(qtbot, window, " 1 2")
    assert window.editor.text().endswith(" 1 2")
    assert not brevity.rehearsal.running


def test_a_changed_text_becomes_a_new_revision(qtbot: QtBot, brevity: App) -> None:
    window = brevity.window
    _space(qtbot, brevity)
    brevity.clock.advance(10)
    _space(qtbot, brevity)
    type_at_end(qtbot, window, " Thanks")
    window.tabs.setCurrentIndex(REHEARSE_TAB)
    _space(qtbot, brevity)
    brevity.clock.advance(10)
    _space(qtbot, brevity)
    first, second = brevity.repository.list_attempts(brevity.script.id)
    assert first.revision_id != second.revision_id
    assert brevity.repository.get_revision(second.revision_id).text.endswith("Thanks")
    assert brevity.repository.get_revision(first.revision_id).number == 1


def test_editor_autosaves_well_under_a_second(qtbot: QtBot, brevity: App) -> None:
    editor = brevity.window.editor
    type_at_end(qtbot, brevity.window, " Hello")
    assert editor.has_pending_save()
    assert editor._save_timer.interval() < 1000
    # The debounce timer is real Qt time: wait for its signal, not for a fixed sleep.
    with qtbot.waitSignal(editor.text_edited, timeout=2000):
        pass
    assert brevity.repository.get_script(brevity.script.id).text.endswith("Hello")


def test_countdown_shows_phase_in_words_and_overtime(qtbot: QtBot, brevity: App) -> None:
    view = brevity.window.countdown_view
    _space(qtbot, brevity)
    brevity.clock.advance(22)
    brevity.rehearsal.tick()
    assert view.phase_label.text() == Phase.CLOSING.label
    brevity.clock.advance(12)
    brevity.rehearsal.tick()
    assert view.time_label.text() == "+4 s"
    assert "Over time" in view.phase_label.text()


def test_prompter_follows_the_clock(qtbot: QtBot, brevity: App) -> None:
    _space(qtbot, brevity)
    brevity.clock.advance(15.0)
    brevity.rehearsal.tick()
    frame = brevity.rehearsal.current_frame()
    assert frame is not None
    assert brevity.window.prompter.position() == pytest.approx(frame.position)
    assert brevity.window.prompter.position() > 0


def test_up_nudges_the_pace_and_it_is_remembered(qtbot: QtBot, brevity: App) -> None:
    before, fitted = brevity.rehearsal.pace_for(brevity.window.editor.text())
    assert fitted
    qtbot.keyClick(brevity.window.prompter, Qt.Key.Key_Up)
    stored = brevity.repository.get_script(brevity.script.id).words_per_minute
    assert stored == pytest.approx(before * 1.05)
    assert "wpm" in brevity.window.countdown_view.pace_label.text()
    qtbot.keyClick(brevity.window.prompter, Qt.Key.Key_0)
    assert brevity.repository.get_script(brevity.script.id).words_per_minute is None


def test_font_size_keys_change_and_remember_the_size(qtbot: QtBot, brevity: App) -> None:
    start = brevity.window.prompter.font_px()
    qtbot.keyClick(brevity.window.prompter, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert brevity.window.prompter.font_px() > start
    assert brevity.preferences.font_px == brevity.window.prompter.font_px()


def test_an_empty_script_cannot_be_started(qtbot: QtBot, brevity: App) -> None:
    # The user empties the script in the editor; the pause in typing saves it.
    brevity.window.tabs.setCurrentIndex(EDIT_TAB)
    brevity.window.editor.text_edit.setPlainText("   ")
    brevity.window.editor.flush()
    brevity.window.tabs.setCurrentIndex(REHEARSE_TAB)
    from app.ui.actions import ActionId

    start = brevity.window.actions_[ActionId.START_STOP]
    assert not start.isEnabled()
    assert "empty" in start.toolTip()
    _space(qtbot, brevity)
    assert not brevity.rehearsal.running


def test_keys_still_work_after_clicking_the_library(qtbot: QtBot, brevity: App) -> None:
    window = brevity.window
    qtbot.mouseClick(window.library.list.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(window.library.list, Qt.Key.Key_Space)
    assert brevity.rehearsal.running


def test_after_stopping_the_countdown_says_stopped(qtbot: QtBot, brevity: App) -> None:
    _space(qtbot, brevity)
    brevity.clock.advance(33.0)
    brevity.rehearsal.tick()
    assert "Over time" in brevity.window.countdown_view.phase_label.text()
    _space(qtbot, brevity)
    assert brevity.window.countdown_view.phase_label.text() == Phase.STOPPED.label
    assert brevity.window.countdown_view.time_label.text() == "33.0 s"


def test_clock_keeps_running_through_a_stalled_gui(qtbot: QtBot, brevity: App) -> None:
    # No ticks at all for 25 s (a frozen GUI thread): the take's length is still right.
    _space(qtbot, brevity)
    brevity.clock.advance(25.0)
    _space(qtbot, brevity)
    (attempt,) = brevity.repository.list_attempts(brevity.script.id)
    assert attempt.duration_s == pytest.approx(25.0)


def test_a_new_script_can_be_rehearsed_once_it_has_words(qtbot: QtBot, brevity: App) -> None:
    window = brevity.window
    qtbot.keyClick(window.prompter, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == EDIT_TAB
    window.editor.text_edit.setFocus()
    qtbot.keyClicks(window.editor.text_edit, "Hi Sam, it's Alex.")
    qtbot.keyClick(window.editor.text_edit, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == REHEARSE_TAB
    _space(qtbot, brevity)
    assert brevity.rehearsal.running


def test_focus_shortcuts_reach_the_list_and_the_history(qtbot: QtBot, brevity: App) -> None:
    window = brevity.window
    qtbot.keyClick(window.prompter, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.library.list.hasFocus()
    qtbot.keyClick(window.library.list, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert window.progress.history.table.hasFocus()


def test_an_abandoned_take_is_not_offered_for_rating(qtbot: QtBot, brevity: App) -> None:
    panel = brevity.window.outcome_panel
    _space(qtbot, brevity)
    brevity.clock.advance(4.0)
    qtbot.keyClick(brevity.window.prompter, Qt.Key.Key_Escape)
    assert panel.isVisible()
    assert not any(button.isVisible() for button in panel.buttons.values())
    assert "Abandoned" in panel.result_label.text()
    _space(qtbot, brevity)
    brevity.clock.advance(10.0)
    _space(qtbot, brevity)
    assert all(button.isVisible() for button in panel.buttons.values())


def test_changing_details_while_typing_keeps_the_typed_text(qtbot: QtBot, brevity: App) -> None:
    editor = brevity.window.editor
    type_at_end(qtbot, brevity.window, " Bye.")
    assert editor.has_pending_save()
    # Picking another kind at once (before the typing pause) reloads the script's details.
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData("elevator_pitch"))
    editor.kind_combo.activated.emit(editor.kind_combo.currentIndex())
    assert editor.text().endswith(" Bye.")
    brevity.window.tabs.setCurrentIndex(REHEARSE_TAB)
    stored = brevity.repository.get_script(brevity.script.id)
    assert stored.text.endswith(" Bye.")
    assert stored.target_s == 45.0


def test_renaming_after_a_take_keeps_it_rateable(qtbot: QtBot, brevity: App) -> None:
    _space(qtbot, brevity)
    brevity.clock.advance(12.0)
    _space(qtbot, brevity)
    brevity.window.commands.update_details(
        brevity.script.id, "Jordan, second try", brevity.script.kind, 30.0
    )
    assert brevity.window.outcome_panel.isVisible()
    qtbot.keyClick(brevity.window.prompter, Qt.Key.Key_2)
    (attempt,) = brevity.repository.list_attempts(brevity.script.id)
    assert attempt.outcome is Outcome.GOOD


def test_ctrl_e_puts_the_caret_at_the_end_of_the_text(qtbot: QtBot, brevity: App) -> None:
    qtbot.keyClick(brevity.window.prompter, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    editor = brevity.window.editor
    assert editor.text_edit.hasFocus()
    qtbot.keyClicks(editor.text_edit, " Talk soon.")
    assert editor.text().endswith("555-201-7788. Talk soon.")
    assert editor.name_edit.text() == "Voicemail to Jordan"
