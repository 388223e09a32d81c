"""The library, the history and the window around the prompter, driven through the real UI.

Keys go to the widget a user would have focused (usually the prompter); modal dialogs are
either monkeypatched (static ``QInputDialog`` functions) or closed from a zero-delay timer
once their event loop runs, so no test can hang on a dialog.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from app.domain.attempt import Attempt, Outcome
from app.domain.countdown import Phase
from app.domain.script import ScriptKind
from app.ui.actions import ActionId
from app.ui.dialogs import ShortcutsDialog
from app.ui.history_model import Column
from app.ui.settings import Preferences
from app.ui.workspace import EDIT_TAB, REHEARSE_TAB
from tests.gui.conftest import App

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


# --- helpers ---------------------------------------------------------------------------------
def _key(qtbot: QtBot, app: App, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    """A key pressed while the prompter has the focus, as it does during rehearsal."""
    if modifier is None:
        qtbot.keyClick(app.window.prompter, key)
    else:
        qtbot.keyClick(app.window.prompter, key, modifier)


def _take(qtbot: QtBot, app: App, seconds: float) -> Attempt:
    """Space, let ``seconds`` pass on the fake clock, Space: one saved take."""
    _key(qtbot, app, Qt.Key.Key_Space)
    assert app.rehearsal.running
    app.clock.advance(seconds)
    with qtbot.waitSignal(app.rehearsal.take_saved) as saved:
        _key(qtbot, app, Qt.Key.Key_Space)
    attempt = saved.args[0]
    assert isinstance(attempt, Attempt)
    return attempt


def _original_id(app: App) -> int:
    """The id of the fixture's script, "Voicemail to Jordan"."""
    assert app.script.id is not None
    return app.script.id


def _library_names(app: App) -> list[str]:
    items = app.window.library.list
    return [items.item(row).text() for row in range(items.count())]


def _chart_points(app: App) -> int:
    chart = app.window.progress.chart
    assert chart is not None
    return sum(len(points) for points in chart.series().values())


def _history_rows(app: App) -> int:
    return app.window.progress.history.proxy.rowCount()


def _proxy_index(app: App, attempt_id: int, column: Column) -> QModelIndex:
    """The history view's (sorted) index of an attempt's cell."""
    history = app.window.progress.history
    row = history.model.row_of(attempt_id)
    assert row is not None, f"attempt {attempt_id} is not in the history"
    return history.proxy.mapFromSource(history.model.index(row, column))


def _click_history_row(qtbot: QtBot, app: App, attempt_id: int) -> None:
    table = app.window.progress.history.table
    rect = table.visualRect(_proxy_index(app, attempt_id, Column.LENGTH))
    assert rect.isValid()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _deleted_at(tmp_path: Path, attempt_id: int) -> str | None:
    """The raw soft-delete mark, read through a second connection to the same file."""
    connection = sqlite3.connect(tmp_path / "brevity.sqlite3")
    try:
        (value,) = connection.execute(
            "SELECT deleted_at FROM attempts WHERE id = ?", [attempt_id]
        ).fetchone()
        return value if value is None else str(value)
    finally:
        connection.close()


def _duplicate(qtbot: QtBot, app: App) -> int:
    """Ctrl+D; returns the id of the copy (which becomes the current script)."""
    _key(qtbot, app, Qt.Key.Key_D, CTRL)
    copy_id = app.window.library.current_id()
    assert copy_id is not None and copy_id != app.script.id
    return copy_id


# --- library: new, rename, duplicate, delete -------------------------------------------------
def test_ctrl_n_creates_a_script_and_the_name_field_renames_it(qtbot: QtBot, brevity: App) -> None:
    window = brevity.window
    _key(qtbot, brevity, Qt.Key.Key_N, CTRL)
    new_id = window.library.current_id()
    assert new_id is not None and new_id != brevity.script.id
    assert window.tabs.currentIndex() == EDIT_TAB
    assert window.editor.name_edit.hasFocus()
    assert window.editor.name_edit.selectedText() == "New voicemail"
    created = brevity.repository.get_script(new_id)
    assert (created.kind, created.target_s, created.text) == (ScriptKind.VOICEMAIL, 30.0, "")
    # The whole name is selected, so typing replaces it; Enter finishes the edit.
    qtbot.keyClicks(window.editor.name_edit, "Call back Sam")
    qtbot.keyClick(window.editor.name_edit, Qt.Key.Key_Return)
    assert brevity.repository.get_script(new_id).name == "Call back Sam"
    assert "Call back Sam" in _library_names(brevity)
    assert "New voicemail" not in _library_names(brevity)
    assert window.library.current_id() == new_id
    assert not brevity.rehearsal.running  # the typed spaces started nothing


def test_a_second_new_script_gets_a_unique_name(qtbot: QtBot, brevity: App) -> None:
    _key(qtbot, brevity, Qt.Key.Key_N, CTRL)
    brevity.window.prompter.setFocus()
    _key(qtbot, brevity, Qt.Key.Key_N, CTRL)
    names = _library_names(brevity)
    assert "New voicemail" in names
    assert "New voicemail 2" in names


def test_ctrl_d_duplicates_the_script_without_its_takes(qtbot: QtBot, brevity: App) -> None:
    _take(qtbot, brevity, 12.0)
    _key(qtbot, brevity, Qt.Key.Key_Up)  # a pace of its own, which the copy keeps
    original = brevity.repository.get_script(_original_id(brevity))
    assert original.words_per_minute is not None
    copy_id = _duplicate(qtbot, brevity)
    copy = brevity.repository.get_script(copy_id)
    assert copy.name == "Voicemail to Jordan (copy)"
    assert (copy.text, copy.kind, copy.target_s) == (original.text, original.kind, 30.0)
    assert copy.words_per_minute == original.words_per_minute
    assert brevity.repository.list_attempts(copy_id) == []
    assert len(brevity.repository.list_attempts(_original_id(brevity))) == 1
    assert _library_names(brevity) == ["Voicemail to Jordan", "Voicemail to Jordan (copy)"]
    # The copy is now current: its (empty) history is shown, the original's take is not.
    assert _history_rows(brevity) == 0
    assert brevity.window.editor.name_edit.text() == "Voicemail to Jordan (copy)"


def test_ctrl_delete_deletes_the_script_and_undo_restores_it_with_its_takes(
    qtbot: QtBot, brevity: App
) -> None:
    window = brevity.window
    take = _take(qtbot, brevity, 14.0)
    assert not window.undo_bar.isVisible()
    _key(qtbot, brevity, Qt.Key.Key_Delete, CTRL)
    assert _library_names(brevity) == []
    assert brevity.repository.list_scripts() == []
    assert brevity.repository.list_attempts() == []
    assert window.undo_bar.isVisible()
    assert "Voicemail to Jordan" in window.undo_bar.label.text()
    qtbot.mouseClick(window.undo_bar.undo_button, Qt.MouseButton.LeftButton)
    assert not window.undo_bar.isVisible()
    assert _library_names(brevity) == ["Voicemail to Jordan"]
    assert window.library.current_id() == brevity.script.id
    assert [a.id for a in brevity.repository.list_attempts(_original_id(brevity))] == [take.id]
    assert _history_rows(brevity) == 1
    assert _chart_points(brevity) == 1


def test_f2_renames_through_the_dialog(
    qtbot: QtBot, brevity: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def get_text(*args: object, **kwargs: object) -> tuple[str, bool]:
        asked.append(str(kwargs.get("text")))
        return "  Jordan, second try  ", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    _key(qtbot, brevity, Qt.Key.Key_F2)
    assert asked == ["Voicemail to Jordan"]  # the dialog starts from the current name
    assert brevity.repository.get_script(_original_id(brevity)).name == "Jordan, second try"
    assert _library_names(brevity) == ["Jordan, second try"]
    assert brevity.window.editor.name_edit.text() == "Jordan, second try"


@pytest.mark.parametrize("answer", [("Something else", False), ("   ", True)])
def test_f2_cancelled_or_blank_changes_nothing(
    qtbot: QtBot, brevity: App, monkeypatch: pytest.MonkeyPatch, answer: tuple[str, bool]
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: answer))
    _key(qtbot, brevity, Qt.Key.Key_F2)
    assert brevity.repository.get_script(_original_id(brevity)).name == "Voicemail to Jordan"
    assert _library_names(brevity) == ["Voicemail to Jordan"]


def test_library_commands_are_disabled_during_a_take(
    qtbot: QtBot, brevity: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    def get_text(*args: object, **kwargs: object) -> tuple[str, bool]:
        raise AssertionError("no rename dialog during a take")

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    _key(qtbot, brevity, Qt.Key.Key_Space)
    for key, modifier in ((Qt.Key.Key_D, CTRL), (Qt.Key.Key_Delete, CTRL), (Qt.Key.Key_F2, None)):
        _key(qtbot, brevity, key, modifier)
    assert brevity.rehearsal.running
    assert _library_names(brevity) == ["Voicemail to Jordan"]


# --- editor details --------------------------------------------------------------------------
def _choose_kind(app: App, kind: ScriptKind) -> None:
    """What a pick in the kind popup does: change the index, then report the activation."""
    combo = app.window.editor.kind_combo
    index = combo.findData(kind)
    assert index >= 0
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_choosing_a_kind_stores_it_and_the_library_shows_it(qtbot: QtBot, brevity: App) -> None:
    window = brevity.window
    _key(qtbot, brevity, Qt.Key.Key_E, CTRL)
    assert window.tabs.currentIndex() == EDIT_TAB
    _choose_kind(brevity, ScriptKind.ELEVATOR_PITCH)
    assert brevity.repository.get_script(_original_id(brevity)).kind is ScriptKind.ELEVATOR_PITCH
    subtitle = window.library.list.item(0).data(Qt.ItemDataRole.UserRole + 1)
    assert subtitle.startswith("Elevator pitch · ")
    assert window.editor.kind_combo.currentText() == "Elevator pitch"


def test_choosing_a_kind_applies_its_default_target_everywhere(qtbot: QtBot, brevity: App) -> None:
    window = brevity.window
    _key(qtbot, brevity, Qt.Key.Key_E, CTRL)
    _choose_kind(brevity, ScriptKind.ELEVATOR_PITCH)
    assert window.editor.target_spin.value() == 45.0
    assert brevity.repository.get_script(_original_id(brevity)).target_s == 45.0
    assert window.countdown_view.time_label.text() == "45 s"
    assert "Target 45 s" in window.countdown_view.detail_label.text()


def test_down_in_the_kind_box_chooses_a_kind_not_a_pace(qtbot: QtBot, brevity: App) -> None:
    window = brevity.window
    _key(qtbot, brevity, Qt.Key.Key_E, CTRL)
    combo = window.editor.kind_combo
    combo.setFocus()
    assert combo.hasFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert brevity.repository.get_script(_original_id(brevity)).words_per_minute is None
    assert combo.currentText() == "Elevator pitch"


def test_up_in_the_target_box_steps_the_target_not_the_pace(qtbot: QtBot, brevity: App) -> None:
    window = brevity.window
    _key(qtbot, brevity, Qt.Key.Key_E, CTRL)
    spin = window.editor.target_spin
    spin.setFocus()
    assert spin.hasFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert brevity.repository.get_script(_original_id(brevity)).words_per_minute is None
    assert spin.value() == 31.0


def test_typing_a_target_updates_the_database_and_the_next_take(qtbot: QtBot, brevity: App) -> None:
    window = brevity.window
    _key(qtbot, brevity, Qt.Key.Key_E, CTRL)
    spin = window.editor.target_spin
    spin.setFocus()
    spin.selectAll()
    # Digits are also rating shortcuts: a focused spin box must get them as typing.
    qtbot.keyClicks(spin, "42")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert brevity.repository.get_script(_original_id(brevity)).target_s == 42.0
    assert window.countdown_view.time_label.text() == "42 s"
    take = _take(qtbot, brevity, 20.0)
    assert take.target_s == 42.0
    assert window.tabs.currentIndex() == REHEARSE_TAB


# --- history ---------------------------------------------------------------------------------
@pytest.mark.parametrize("how", ["delete key", "action"])
def test_deleting_a_take_in_the_history_is_soft_and_undoable(
    qtbot: QtBot, brevity: App, tmp_path: Path, how: str
) -> None:
    window = brevity.window
    history = window.progress.history
    first = _take(qtbot, brevity, 20.0)
    second = _take(qtbot, brevity, 25.0)
    assert first.id is not None and second.id is not None
    assert _history_rows(brevity) == 2 and _chart_points(brevity) == 2
    _click_history_row(qtbot, brevity, first.id)
    assert history.selected_attempt_id() == first.id
    assert history.delete_action.isEnabled()
    if how == "delete key":
        qtbot.keyClick(history.table, Qt.Key.Key_Delete)
    else:
        history.delete_action.trigger()
    assert [a.id for a in brevity.repository.list_attempts(_original_id(brevity))] == [second.id]
    assert _deleted_at(tmp_path, first.id) is not None  # still in the file: soft-deleted
    assert _history_rows(brevity) == 1
    assert _chart_points(brevity) == 1
    assert window.undo_bar.isVisible()
    qtbot.mouseClick(window.undo_bar.undo_button, Qt.MouseButton.LeftButton)
    ids = [a.id for a in brevity.repository.list_attempts(_original_id(brevity))]
    assert ids == [first.id, second.id]
    assert _deleted_at(tmp_path, first.id) is None
    assert _history_rows(brevity) == 2
    assert _chart_points(brevity) == 2


def test_editing_the_last_takes_outcome_in_the_history_updates_the_panel(
    qtbot: QtBot, brevity: App
) -> None:
    window = brevity.window
    take = _take(qtbot, brevity, 28.0)
    assert take.id is not None
    assert window.outcome_panel.isVisible()
    assert not any(b.isChecked() for b in window.outcome_panel.buttons.values())
    proxy = window.progress.history.proxy
    assert proxy.setData(_proxy_index(brevity, take.id, Column.OUTCOME), Outcome.GOOD.value)
    assert brevity.repository.get_attempt(take.id).outcome is Outcome.GOOD
    assert window.outcome_panel.buttons[Outcome.GOOD].isChecked()
    index = _proxy_index(brevity, take.id, Column.OUTCOME)
    assert index.data() == Outcome.GOOD.label
    # The rating keys now start from the edited take, and still work.
    _key(qtbot, brevity, Qt.Key.Key_1)
    assert brevity.repository.get_attempt(take.id).outcome is Outcome.NAILED
    assert window.outcome_panel.buttons[Outcome.NAILED].isChecked()


def test_editing_an_older_takes_outcome_leaves_the_panel_alone(qtbot: QtBot, brevity: App) -> None:
    window = brevity.window
    older = _take(qtbot, brevity, 28.0)
    latest = _take(qtbot, brevity, 29.0)
    assert older.id is not None and latest.id is not None
    _key(qtbot, brevity, Qt.Key.Key_3)
    proxy = window.progress.history.proxy
    assert proxy.setData(_proxy_index(brevity, older.id, Column.OUTCOME), Outcome.RAMBLED.value)
    assert brevity.repository.get_attempt(older.id).outcome is Outcome.RAMBLED
    assert brevity.repository.get_attempt(latest.id).outcome is Outcome.STUMBLED
    assert window.outcome_panel.buttons[Outcome.STUMBLED].isChecked()
    assert not window.outcome_panel.buttons[Outcome.RAMBLED].isChecked()


def test_editing_a_note_in_the_history_persists(qtbot: QtBot, brevity: App) -> None:
    take = _take(qtbot, brevity, 28.0)
    assert take.id is not None
    proxy = brevity.window.progress.history.proxy
    assert proxy.setData(_proxy_index(brevity, take.id, Column.NOTE), "  Slower on the number ")
    assert brevity.repository.get_attempt(take.id).note == "Slower on the number"
    assert _proxy_index(brevity, take.id, Column.NOTE).data() == "Slower on the number"


def test_all_scripts_toggle_shows_every_scripts_takes(qtbot: QtBot, brevity: App) -> None:
    window = brevity.window
    script_column_hidden = window.progress.history.table.isColumnHidden
    _take(qtbot, brevity, 20.0)
    copy_id = _duplicate(qtbot, brevity)
    _take(qtbot, brevity, 22.0)
    assert len(brevity.repository.list_attempts(copy_id)) == 1
    assert _history_rows(brevity) == 1
    assert script_column_hidden(Column.SCRIPT)

    _key(qtbot, brevity, Qt.Key.Key_A, CTRL | SHIFT)
    assert window.actions_[ActionId.ALL_SCRIPTS].isChecked()
    assert window.progress.all_scripts_check.isChecked()
    assert brevity.preferences.chart_all_scripts
    assert _history_rows(brevity) == 2
    assert not script_column_hidden(Column.SCRIPT)
    proxy = window.progress.history.proxy
    names = {proxy.index(row, Column.SCRIPT).data() for row in range(proxy.rowCount())}
    assert names == {"Voicemail to Jordan", "Voicemail to Jordan (copy)"}
    assert _chart_points(brevity) == 2

    _key(qtbot, brevity, Qt.Key.Key_A, CTRL | SHIFT)
    assert not window.progress.all_scripts_check.isChecked()
    assert not brevity.preferences.chart_all_scripts
    assert _history_rows(brevity) == 1
    assert script_column_hidden(Column.SCRIPT)
    assert _chart_points(brevity) == 1


def test_the_all_scripts_check_box_and_the_action_agree(qtbot: QtBot, brevity: App) -> None:
    window = brevity.window
    qtbot.mouseClick(window.progress.all_scripts_check, Qt.MouseButton.LeftButton)
    assert window.actions_[ActionId.ALL_SCRIPTS].isChecked()
    assert not window.progress.history.table.isColumnHidden(Column.SCRIPT)


# --- window: full screen, mirror -------------------------------------------------------------
def test_f11_hides_the_side_panels_and_escape_only_leaves_full_screen(
    qtbot: QtBot, brevity: App
) -> None:
    window = brevity.window
    _key(qtbot, brevity, Qt.Key.Key_F11)
    assert brevity.main_window.isFullScreen()
    for widget in (window.library, window.progress, window.toolbar):
        assert not widget.isVisible()
    assert window.prompter.isVisible()
    _key(qtbot, brevity, Qt.Key.Key_Space)
    brevity.clock.advance(5.0)
    _key(qtbot, brevity, Qt.Key.Key_Escape)
    assert not brevity.main_window.isFullScreen()
    assert window.library.isVisible() and window.progress.isVisible()
    assert window.toolbar.isVisible()
    assert brevity.rehearsal.running, "Esc in full screen must not abandon the take"
    assert brevity.repository.list_attempts() == []
    # Out of full screen, Esc abandons the running take.
    _key(qtbot, brevity, Qt.Key.Key_Escape)
    assert not brevity.rehearsal.running
    (attempt,) = brevity.repository.list_attempts()
    assert attempt.outcome is Outcome.ABANDONED
    assert attempt.duration_s == pytest.approx(5.0)


def test_escape_in_full_screen_without_a_take_saves_nothing(qtbot: QtBot, brevity: App) -> None:
    _key(qtbot, brevity, Qt.Key.Key_F11)
    assert brevity.main_window.isFullScreen()
    _key(qtbot, brevity, Qt.Key.Key_Escape)
    assert not brevity.main_window.isFullScreen()
    assert not brevity.window.actions_[ActionId.FULL_SCREEN].isChecked()
    assert brevity.repository.list_attempts() == []


def test_ctrl_m_mirrors_the_prompter_and_remembers_it(
    qtbot: QtBot, brevity: App, tmp_path: Path
) -> None:
    prompter = brevity.window.prompter
    assert not prompter.is_mirrored()
    _key(qtbot, brevity, Qt.Key.Key_M, CTRL)
    assert prompter.is_mirrored()
    assert brevity.preferences.mirror
    brevity.preferences.sync()
    assert Preferences(tmp_path / "settings.ini").mirror  # as a restart would read it
    _key(qtbot, brevity, Qt.Key.Key_M, CTRL)
    assert not prompter.is_mirrored()
    assert not brevity.preferences.mirror


# --- lead-in ---------------------------------------------------------------------------------
def test_lead_in_counts_down_can_be_cancelled_and_is_not_timed(qtbot: QtBot, brevity: App) -> None:
    window = brevity.window
    brevity.preferences.lead_in_s = 3
    _key(qtbot, brevity, Qt.Key.Key_Space)
    assert brevity.rehearsal.running
    brevity.clock.advance(1.0)
    brevity.rehearsal.tick()
    frame = brevity.rehearsal.current_frame()
    assert frame is not None
    assert frame.reading.phase is Phase.LEAD_IN
    assert frame.position == 0.0
    assert window.prompter.overlay().isdigit()  # no public getter: the 3-2-1 digit drawn
    assert window.countdown_view.phase_label.text() == Phase.LEAD_IN.label
    brevity.clock.advance(0.5)  # 1.5 s left: every rounding agrees on "2"
    brevity.rehearsal.tick()
    assert window.prompter.overlay() == "2"
    assert window.countdown_view.time_label.text() == "2"

    # Space during the lead-in cancels: nothing is saved, nothing is left running.
    with (
        qtbot.waitSignal(brevity.rehearsal.take_cancelled),
        qtbot.assertNotEmitted(brevity.rehearsal.take_saved),
    ):
        _key(qtbot, brevity, Qt.Key.Key_Space)
    assert not brevity.rehearsal.running
    assert brevity.repository.list_attempts() == []
    assert window.prompter.overlay() == ""

    # A real take: the 3 s lead-in, then 12 s of speaking.
    _key(qtbot, brevity, Qt.Key.Key_Space)
    brevity.clock.advance(3.5)
    brevity.rehearsal.tick()
    frame = brevity.rehearsal.current_frame()
    assert frame is not None and frame.reading.phase is Phase.CALM
    assert window.prompter.overlay() == ""
    brevity.clock.advance(11.5)
    _key(qtbot, brevity, Qt.Key.Key_Space)
    (attempt,) = brevity.repository.list_attempts()
    assert attempt.duration_s == pytest.approx(12.0)
    assert attempt.outcome is Outcome.UNRATED


def test_lead_in_digit_matches_the_countdown_on_whole_seconds(qtbot: QtBot, brevity: App) -> None:
    window = brevity.window
    brevity.preferences.lead_in_s = 3
    _key(qtbot, brevity, Qt.Key.Key_Space)  # start() ticks once at the very instant
    shown = [(window.prompter.overlay(), window.countdown_view.time_label.text())]
    for _ in range(2):
        brevity.clock.advance(1.0)
        brevity.rehearsal.tick()
        shown.append((window.prompter.overlay(), window.countdown_view.time_label.text()))
    assert shown == [("3", "3"), ("2", "2"), ("1", "1")]


# --- timing independence ---------------------------------------------------------------------
def test_font_size_and_window_size_do_not_change_the_timing(qtbot: QtBot, brevity: App) -> None:
    prompter = brevity.window.prompter
    _key(qtbot, brevity, Qt.Key.Key_Space)
    brevity.clock.advance(9.0)
    brevity.rehearsal.tick()
    before = brevity.rehearsal.current_frame()
    assert before is not None and before.position > 0
    assert prompter.position() == pytest.approx(before.position)

    font_before = prompter.font_px()
    _key(qtbot, brevity, Qt.Key.Key_Equal, CTRL)
    assert prompter.font_px() > font_before
    brevity.rehearsal.tick()
    after_font = brevity.rehearsal.current_frame()
    assert after_font is not None
    assert after_font.position == before.position
    assert prompter.position() == pytest.approx(before.position)

    width_before = prompter.width()
    brevity.main_window.resize(1700, 900)  # the prompter gets the new room
    # A top-level resize reaches the prompter through the window system and the layout.
    qtbot.waitUntil(lambda: prompter.width() != width_before)
    brevity.rehearsal.tick()
    after_resize = brevity.rehearsal.current_frame()
    assert after_resize is not None
    assert after_resize.position == before.position
    assert prompter.position() == pytest.approx(before.position)
    assert brevity.rehearsal.running

    brevity.clock.advance(3.0)
    brevity.rehearsal.tick()
    later = brevity.rehearsal.current_frame()
    assert later is not None and later.position > before.position
    assert prompter.position() == pytest.approx(later.position)


# --- help --------------------------------------------------------------------------------------
def test_f1_opens_the_shortcuts_dialog_listing_space(qtbot: QtBot, brevity: App) -> None:
    seen: list[QWidget | None] = []
    rows: list[tuple[str, str]] = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(dialog)
        if isinstance(dialog, ShortcutsDialog):
            table: QTableWidget = dialog.table
            for row in range(table.rowCount()):
                keys, text = table.item(row, 0), table.item(row, 1)
                assert keys is not None and text is not None
                rows.append((keys.text(), text.text()))
        if isinstance(dialog, QDialog):
            dialog.reject()
        elif dialog is not None:
            dialog.close()

    # Runs inside the dialog's own event loop, once exec() has shown it.
    QTimer.singleShot(0, read_and_close)
    _key(qtbot, brevity, Qt.Key.Key_F1)
    assert len(seen) == 1 and isinstance(seen[0], ShortcutsDialog)
    keys = {keys: text for keys, text in rows}
    assert "Space" in keys
    assert "Start a take" in keys["Space"]
    assert any("F11" in k for k in keys)
    assert QApplication.activeModalWidget() is None


# --- arrow keys and focus --------------------------------------------------------------------
def test_arrows_move_in_the_library_when_idle_and_nudge_during_a_take(
    qtbot: QtBot, brevity: App
) -> None:
    window = brevity.window
    copy_id = _duplicate(qtbot, brevity)
    items = window.library.list
    first = items.visualItemRect(items.item(0)).center()
    qtbot.mouseClick(items.viewport(), Qt.MouseButton.LeftButton, pos=first)
    assert window.library.current_id() == brevity.script.id
    assert items.hasFocus()

    qtbot.keyClick(items, Qt.Key.Key_Down)
    assert window.library.current_id() == copy_id
    assert brevity.rehearsal.script is not None and brevity.rehearsal.script.id == copy_id
    for script_id in (_original_id(brevity), copy_id):
        assert brevity.repository.get_script(script_id).words_per_minute is None

    qtbot.keyClick(items, Qt.Key.Key_Space)
    assert brevity.rehearsal.running
    frame = brevity.rehearsal.current_frame()
    assert frame is not None
    qtbot.keyClick(items, Qt.Key.Key_Up)
    nudged = brevity.repository.get_script(copy_id).words_per_minute
    assert nudged == pytest.approx(frame.words_per_minute * 1.05)
    assert window.library.current_id() == copy_id  # the list did not move
    assert brevity.rehearsal.running


def test_space_starts_a_take_after_a_click_in_the_history(qtbot: QtBot, brevity: App) -> None:
    take = _take(qtbot, brevity, 18.0)
    assert take.id is not None
    table = brevity.window.progress.history.table
    _click_history_row(qtbot, brevity, take.id)
    assert table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert brevity.rehearsal.running


def test_space_starts_a_take_after_a_click_on_empty_history(qtbot: QtBot, brevity: App) -> None:
    table = brevity.window.progress.history.table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert brevity.rehearsal.running


# --- the editor's estimate -------------------------------------------------------------------
def test_the_coach_estimate_uses_the_users_pace_after_three_completed_takes(
    qtbot: QtBot, brevity: App
) -> None:
    coach = brevity.window.coach
    estimate = brevity.window.coach_panel.estimate_label
    qtbot.waitUntil(lambda: coach.last_report is not None)  # the dictionary loads off-thread
    assert "a typical pace" in estimate.text()
    _take(qtbot, brevity, 10.0)  # stopped early: not read to the end
    _key(qtbot, brevity, Qt.Key.Key_Space)
    brevity.clock.advance(31.0)
    _key(qtbot, brevity, Qt.Key.Key_Escape)  # read to the end, but abandoned
    for _ in range(2):
        completed = _take(qtbot, brevity, 31.0)  # past the fitted 30 s: the last word reached
        assert completed.reached_end and completed.outcome is Outcome.UNRATED
    assert "a typical pace" in estimate.text()  # one or two takes may be a stumble
    _take(qtbot, brevity, 31.0)
    assert "your pace over 3 takes" in estimate.text()
    report = coach.last_report
    assert report is not None and report.rate.takes == 3
    # One estimate on screen: beside the editor, not repeated in the editor's info line.
    assert brevity.window.editor.info_label.text() == f"{report.words} words"
