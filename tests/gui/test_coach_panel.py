"""The script coach beside the editor: budget, checklist, marks, and when it analyses.

The panel alone is driven with hand-made reports; the wired window with the real coach. The
coach analyses after a pause in typing (a 300 ms timer): tests check the timer is pending and
then fire it themselves (``_pause``) — except one, which lets the real timer run.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from app.domain.attempt import Attempt, Outcome
from app.domain.coach import Check, Finding, Profile, Report, Severity, SpeakingRate
from app.domain.script import Script, ScriptKind
from app.ui.actions import ActionId
from app.ui.coach_marks import MAX_VISIBLE_MARKS
from app.ui.coach_panel import CoachPanel, budget_text
from app.ui.script_coach import ScriptCoach
from tests.gui.conftest import VOICEMAIL, App, save_profile_in_dialog

NO_NUMBER = (
    "Hi Jordan, it's Alex Rivera, calling for your advice on a move into supply chain. "
    "Could we find 15 minutes next week? Thanks, Alex."
)
UM = Finding("filler", Severity.TIP, '"um" is filler.', "Cut it.", 10, 12)
MISSING = Finding(
    "number_missing", Severity.ERROR, "There's no phone number.", "Say it after your name.", 0, 9
)


def _report(words_left: int = 14, findings: tuple[Finding, ...] = (UM, MISSING)) -> Report:
    fired = {finding.id for finding in findings}
    checks = (
        Check("length", "Fits in 30 s", words_left >= 0, ("too_long",)),
        Check("number_early", "Your number early", "number_missing" not in fired,
              ("number_missing", "number_not_early")),
        Check("number_twice", "Your number twice", "number_missing" not in fired,
              ("number_missing", "number_once")),
        Check("plain_words", "No filler words", "filler" not in fired, ("filler",)),
    )  # fmt: skip
    return Report(
        words=60,
        syllables=90,
        estimated_seconds=27.0,
        target_s=30.0,
        rate=SpeakingRate(4.2, takes=6),
        words_left=words_left,
        findings=findings,
        checks=checks,
    )


@pytest.fixture
def panel(qtbot: QtBot) -> CoachPanel:
    widget = CoachPanel()
    qtbot.addWidget(widget)
    widget.resize(300, 700)
    widget.show()
    return widget


# --- the panel on its own --------------------------------------------------------------------
def test_budget_reads_left_or_over_in_words() -> None:
    assert budget_text(14) == "14 words left"
    assert budget_text(1) == "1 word left"
    assert budget_text(0) == "0 words left"
    assert budget_text(-1) == "1 word over"
    assert budget_text(-9) == "9 words over"


def test_panel_shows_budget_estimate_score_and_each_failing_finding_once(
    panel: CoachPanel,
) -> None:
    panel.show_report(_report(), profile_missing=False)
    assert panel.budget_label.text() == "14 words left"
    assert panel.estimate_label.text().startswith("≈ 27 s of 30 s at your pace over 6 takes")
    assert panel.score_text() == "1 of 4 checks"
    # Which pace this score used, apart from the history's score of each version then.
    assert panel.score_label.toolTip().startswith("Scored now, at your pace over 6 takes")
    # "number_missing" fails two checks but is listed once, with its message and its fix.
    assert [row.finding for row in panel.finding_rows] == [MISSING, UM]
    row = panel.finding_rows[0]
    assert (row.message_label.text(), row.fix_label.text()) == (MISSING.message, MISSING.fix)
    assert row.accessibleName() == MISSING.message
    assert not panel.profile_note.isVisibleTo(panel)


def test_words_over_is_shown_in_the_warning_colour_not_only_in_words(panel: CoachPanel) -> None:
    # The colour itself comes from the theme's style sheet: tests/gui/test_theme.py checks it.
    panel.show_report(_report(words_left=14), profile_missing=False)
    assert panel.budget_label.property("over") is False
    panel.show_report(_report(words_left=-1), profile_missing=False)
    assert panel.budget_label.text() == "1 word over"
    assert panel.budget_label.property("over") is True


def test_clicking_or_pressing_enter_on_a_finding_activates_it(
    qtbot: QtBot, panel: CoachPanel
) -> None:
    panel.show_report(_report(), profile_missing=False)
    first, second = panel.finding_rows
    with qtbot.waitSignal(panel.finding_activated) as clicked:
        qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
    assert clicked.args == [MISSING]
    second.setFocus()
    with qtbot.waitSignal(panel.finding_activated) as entered:
        qtbot.keyClick(second, Qt.Key.Key_Return)
    assert entered.args == [UM]


def test_finding_rows_are_reached_with_the_tab_key(qtbot: QtBot, panel: CoachPanel) -> None:
    panel.show_report(_report(), profile_missing=False)
    first, second = panel.finding_rows
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    assert second.hasFocus()


def test_profile_note_only_without_a_name_and_its_button_asks_for_the_profile(
    qtbot: QtBot, panel: CoachPanel
) -> None:
    panel.show_report(_report(), profile_missing=True)
    assert panel.profile_note.isVisible()
    with qtbot.waitSignal(panel.profile_requested):
        qtbot.mouseClick(panel.profile_button, Qt.MouseButton.LeftButton)
    panel.show_report(_report(), profile_missing=False)
    assert not panel.profile_note.isVisible()


def test_an_empty_script_gets_a_friendly_note_instead_of_a_checklist(panel: CoachPanel) -> None:
    empty = Report(0, 0, 0.0, 30.0, SpeakingRate(3.75, 0), 75, (MISSING,), _report().checks)
    panel.show_report(empty, profile_missing=False)
    assert panel.budget_label.text() == "75 words left"
    assert panel.finding_rows == []
    assert panel.score_text() == ""
    assert "Start writing" in panel.note_label.text()
    assert "Your number early" in panel.note_label.text()


def test_unchanged_findings_keep_their_rows_and_the_keyboard_focus(
    qtbot: QtBot, panel: CoachPanel
) -> None:
    panel.show_report(_report(), profile_missing=False)
    row = panel.finding_rows[1]
    row.setFocus()
    qtbot.waitUntil(row.hasFocus)
    panel.show_report(_report(words_left=12), profile_missing=False)  # only the budget moved
    assert panel.finding_rows[1] is row and row.hasFocus()
    assert panel.budget_label.text() == "12 words left"


# --- the wired window ------------------------------------------------------------------------
@pytest.fixture
def coached(qtbot: QtBot, brevity: App) -> Iterator[App]:
    """The window with the Edit tab open, once the coach's dictionary has loaded."""
    brevity.window.actions_[ActionId.EDIT_SCRIPT].trigger()
    coach = brevity.window.coach
    qtbot.waitUntil(lambda: coach.ready and coach.last_report is not None)
    yield brevity


def _coach(app: App) -> ScriptCoach:
    return app.window.coach


def _replace_text(qtbot: QtBot, app: App, text: str) -> None:
    """Select all and type ``text`` into the editor, as the user would."""
    edit = app.window.editor.text_edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def _pause(app: App) -> Report:
    """The pause in typing: the debounce timer is pending; fire it now."""
    coach = _coach(app)
    assert coach.timer.isActive(), "typing should only have started the debounce timer"
    coach.timer.stop()
    coach.analyse_now()  # what the timer's timeout does
    assert coach.last_report is not None
    return coach.last_report


def _finding_ids(app: App) -> list[str]:
    return [row.finding.id for row in app.window.coach_panel.finding_rows]


def test_a_voicemail_without_a_number_is_told_so_after_a_pause(qtbot: QtBot, coached: App) -> None:
    panel = coached.window.coach_panel
    _replace_text(qtbot, coached, NO_NUMBER)
    report = _pause(coached)
    assert "number_missing" in _finding_ids(coached)
    assert panel.score_text().startswith(f"{report.score} of {report.max_score} checks")
    assert report.score < report.max_score
    assert panel.budget_label.text().endswith("words left")
    # Fixed: the number goes in, and after the next pause the finding is gone.
    edit = coached.window.editor.text_edit
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(edit, " Again, Alex Rivera, 555-201-7788.")
    _pause(coached)
    assert "number_missing" not in _finding_ids(coached)


def test_the_debounce_timer_runs_the_analysis_by_itself(qtbot: QtBot, coached: App) -> None:
    coach = _coach(coached)
    edit = coached.window.editor.text_edit
    edit.setFocus()
    with qtbot.waitSignal(coach.reported, timeout=3000) as reported:
        qtbot.keyClicks(edit, " Thanks again.")
    assert reported.args[1] == coached.window.editor.document_text()


def test_clicking_a_finding_selects_its_words_in_the_editor(qtbot: QtBot, coached: App) -> None:
    _replace_text(qtbot, coached, "Hi Jordan, um, this is Alex Rivera. " + NO_NUMBER)
    _pause(coached)
    filler = next(r for r in coached.window.coach_panel.finding_rows if r.finding.id == "filler")
    qtbot.mouseClick(filler, Qt.MouseButton.LeftButton)
    edit = coached.window.editor.text_edit
    assert edit.textCursor().selectedText() == "um"
    assert edit.hasFocus()


def test_a_mark_follows_its_words_while_the_user_types_on(qtbot: QtBot, coached: App) -> None:
    _replace_text(qtbot, coached, "Hi Jordan, um, this is Alex Rivera. " + NO_NUMBER)
    _pause(coached)
    edit = coached.window.editor.text_edit
    edit.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClicks(edit, "Well. ")  # typed before the next analysis: the spans shifted
    filler = next(r for r in coached.window.coach_panel.finding_rows if r.finding.id == "filler")
    qtbot.mouseClick(filler, Qt.MouseButton.LeftButton)
    assert edit.textCursor().selectedText() == "um"


def test_findings_are_underlined_and_numbers_shaded_without_moving_the_cursor(
    qtbot: QtBot, coached: App
) -> None:
    edit = coached.window.editor.text_edit
    _replace_text(qtbot, coached, "Hi Jordan, um, this is Alex Rivera at 555-201-7788.")
    cursor = edit.textCursor()
    cursor.setPosition(3)
    cursor.setPosition(9, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    qtbot.keyClick(edit, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)  # a keystroke
    report = _pause(coached)
    marks = edit.extraSelections()
    marked = {
        edit.toPlainText()[m.cursor.selectionStart() : m.cursor.selectionEnd()] for m in marks
    }
    assert "555-201-7788" in marked and "um" in marked
    assert len(marks) == len(report.numbers) + len([f for f in report.findings if f.end > f.start])
    assert edit.textCursor().selectedText() == "Jordan,"  # the user's selection is intact


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen tooltip window
def test_hovering_a_marked_word_shows_its_message(qtbot: QtBot, coached: App) -> None:
    edit = coached.window.editor.text_edit
    _replace_text(qtbot, coached, "Hi Jordan, um, this is Alex Rivera. " + NO_NUMBER)
    _pause(coached)
    cursor = edit.textCursor()
    cursor.setPosition(edit.toPlainText().index("um,") + 1)
    point = edit.cursorRect(cursor).center()
    hover = QHelpEvent(QEvent.Type.ToolTip, point, edit.viewport().mapToGlobal(point))
    QApplication.sendEvent(edit.viewport(), hover)
    assert QToolTip.text().startswith('"um" is filler')


def test_the_budget_turns_to_words_over_when_the_text_outgrows_the_target(
    qtbot: QtBot, coached: App
) -> None:
    budget = coached.window.coach_panel.budget_label
    assert budget.text().endswith("words left")
    edit = coached.window.editor.text_edit
    edit.moveCursor(QTextCursor.MoveOperation.End)
    edit.insertPlainText(" I have spent eight years in operations and logistics." * 6)  # a paste
    report = _pause(coached)
    assert report.words_left < 0
    assert budget.text() == budget_text(report.words_left)
    assert budget.text().endswith("over")


def test_profile_note_until_the_user_gives_their_name(qtbot: QtBot, coached: App) -> None:
    panel = coached.window.coach_panel
    assert panel.profile_note.isVisible()

    QTimer.singleShot(0, lambda: save_profile_in_dialog(qtbot, "Alex Rivera", "555-201-7788"))
    qtbot.mouseClick(panel.profile_button, Qt.MouseButton.LeftButton)
    assert coached.repository.profile() == Profile("Alex Rivera", "555-201-7788", "US")
    assert not panel.profile_note.isVisible()


def test_switching_scripts_analyses_the_new_one_at_once(qtbot: QtBot, coached: App) -> None:
    pitch = coached.repository.add_script(
        Script(name="Pitch", kind=ScriptKind.ELEVATOR_PITCH, target_s=45.0, text="I'm Alex.")
    )
    coach = _coach(coached)
    voicemail_checks = len(coach.last_report.checks) if coach.last_report else 0
    with qtbot.waitSignal(coach.reported) as reported:
        coached.window.commands.library_changed.emit(pitch.id)
    report = reported.args[0]
    assert report.words == 2 and report.target_s == 45.0
    assert len(report.checks) < voicemail_checks  # no number checks for a pitch
    assert not coach.timer.isActive()


def test_a_new_target_is_analysed_at_once(qtbot: QtBot, coached: App) -> None:
    editor = coached.window.editor
    before = _coach(coached).last_report
    assert before is not None
    editor.target_spin.setFocus()
    editor.target_spin.selectAll()
    with qtbot.waitSignal(_coach(coached).reported) as reported:
        qtbot.keyClicks(editor.target_spin, "20")
        qtbot.keyClick(editor.target_spin, Qt.Key.Key_Return)
    assert reported.args[0].target_s == 20.0
    assert reported.args[0].words_left < before.words_left


def test_a_long_paste_and_typing_after_it_are_analysed_once(qtbot: QtBot, coached: App) -> None:
    coach = _coach(coached)
    reports: list[Report] = []
    coach.reported.connect(lambda report, *_: reports.append(report))
    edit = coached.window.editor.text_edit
    QApplication.clipboard().setText(" ".join(["word"] * 1000))
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, " and a few more words")
    assert reports == []  # nothing per keystroke
    report = _pause(coached)
    assert reports == [report] and report.words == 1005
    assert coach.last_duration_ms < 200  # generous: the benchmark asserts the real budget


def test_a_huge_text_skips_the_checklist_instead_of_freezing(qtbot: QtBot, coached: App) -> None:
    coach = _coach(coached)
    edit = coached.window.editor.text_edit
    edit.setPlainText("word " * 25_000)
    with qtbot.assertNotEmitted(coach.reported):
        _pause_too_long(coached)
    panel = coached.window.coach_panel
    assert "Too long to check while you type" in panel.note_label.text()
    assert panel.finding_rows == [] and edit.extraSelections() == []


def _pause_too_long(app: App) -> None:
    coach = _coach(app)
    assert coach.timer.isActive()
    coach.timer.stop()
    coach.analyse_now()


def test_the_coach_can_be_hidden_and_the_estimate_moves_to_the_info_line(
    qtbot: QtBot, coached: App
) -> None:
    window = coached.window
    action = window.actions_[ActionId.COACH_PANEL]
    assert action.isChecked() and window.coach_panel.isVisible()
    info = window.editor.info_label
    assert "≈" not in info.text()  # the estimate is beside the editor, not repeated
    action.trigger()
    assert not window.coach_panel.isVisible()
    assert "≈" in info.text() and window.editor.text_edit.extraSelections() == []
    assert coached.preferences.coach_panel is False
    action.trigger()
    assert window.coach_panel.isVisible() and "≈" not in info.text()
    assert coached.preferences.coach_panel is True


def test_the_shortcuts_list_names_the_coach_toggle(coached: App) -> None:
    rows = coached.window.actions_.help_rows()
    assert any("script coach" in text for _keys, text in rows)


def test_the_script_shown_at_start_is_checked_without_any_typing(coached: App) -> None:
    report = _coach(coached).last_report
    assert report is not None and report.words == len(VOICEMAIL.split())
    assert coached.window.coach_panel.score_text().startswith(f"{report.score} of")


def test_only_marks_near_the_screen_reach_the_editor_and_a_scroll_brings_the_rest(
    qtbot: QtBot, coached: App
) -> None:
    edit = coached.window.editor.text_edit
    edit.setPlainText("Um, I basically think so, really. " * 400)  # hundreds of findings
    report = _pause(coached)
    assert len(report.findings) > MAX_VISIBLE_MARKS
    near_top = [mark.cursor.selectionStart() for mark in edit.extraSelections()]
    assert 0 < len(near_top) <= MAX_VISIBLE_MARKS
    edit.verticalScrollBar().setValue(edit.verticalScrollBar().maximum())
    near_end = [mark.cursor.selectionStart() for mark in edit.extraSelections()]
    assert max(near_end) > max(near_top) + 10_000  # 13,600 characters in all


def test_closing_the_window_waits_for_the_dictionary_loader(
    qtbot: QtBot, brevity: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A loader thread still running while Qt and Python shut down crashed the app on exit.
    import time

    from app.domain import coach as coach_module

    monkeypatch.setattr(coach_module, "warm_up", lambda: time.sleep(0.3))  # a slow disk
    brevity.window.coach.start_warm_up()
    thread = brevity.window.coach._warm_thread
    assert thread is not None and thread.is_alive()

    brevity.main_window.close()

    assert not thread.is_alive()


def test_the_pace_is_learned_again_when_the_number_is_read_slower(coached: App) -> None:
    coach, script = coached.window.coach, coached.script
    assert script.id is not None
    revision = coached.repository.revision_for_take(script.id, script.text)
    for seconds in (27.0, 28.0, 29.0):  # three finished takes: the user's own pace
        coached.repository.add_attempt(
            Attempt(script.id, revision.id, "2026-11-26T10:00:00+00:00", seconds, 30.0, 30,
                    True, Outcome.GOOD)
        )  # fmt: skip
    coach.relearn_rate()
    before = coach.rate
    assert before is not None and before.takes == 3

    coach.set_number_slowdown(4.0)  # Preferences: the number at a quarter of the pace

    after = coach.rate
    assert after is not None and after.syllables_per_second != before.syllables_per_second


def _fillers(count: int) -> tuple[Finding, ...]:
    return tuple(
        Finding("filler", Severity.TIP, f'"um" number {n} is filler.', "Cut it.", n * 4, n * 4 + 2)
        for n in range(count)
    )


def test_the_findings_beyond_the_first_few_open_with_a_click_and_stay_open(
    qtbot: QtBot, panel: CoachPanel
) -> None:
    panel.show_report(_report(findings=_fillers(5)), profile_missing=False)
    assert len(panel.finding_rows) == 3
    (more,) = panel.more_buttons
    assert more.text() == "… and 2 more like these"
    qtbot.waitUntil(more.isVisible)  # the layout shows a new row on its next pass

    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)

    assert [row.finding for row in panel.finding_rows] == list(_fillers(5))
    assert panel.more_buttons == []
    qtbot.waitUntil(panel.finding_rows[3].hasFocus)  # the first one it revealed
    panel.show_report(_report(findings=_fillers(7)), profile_missing=False)  # typing on
    assert len(panel.finding_rows) == 7


def test_the_more_button_is_reached_and_pressed_from_the_keyboard(
    qtbot: QtBot, panel: CoachPanel
) -> None:
    panel.show_report(_report(findings=_fillers(4)), profile_missing=False)
    (more,) = panel.more_buttons
    assert more.focusPolicy() & Qt.FocusPolicy.TabFocus
    qtbot.waitUntil(more.isVisible)
    more.setFocus()
    qtbot.keyClick(more, Qt.Key.Key_Space)
    assert len(panel.finding_rows) == 4
